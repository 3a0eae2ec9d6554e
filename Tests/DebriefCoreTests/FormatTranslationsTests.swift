import DebriefCore
import DebriefTestSupport
import Foundation
import XCTest

/// The formats in every language: a translation (`FORMAT.LANG.yml`) lays its words over the format; what it
/// leaves out stays English. One test lists what is missing in each language.
final class FormatTranslationsTests: XCTestCase {
    func testATranslationReplacesTheWordsItGivesAndLeavesTheRest() throws {
        let dir = try DebriefTestSupport.makeTempDir("debrief-formats")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: templatesDir + "/formats/sprint.yml", toPath: dir + "/sprint.yml")
        try """
            format: sprint
            locale: vi
            name: Họp nhìn lại sprint
            sections:
              - id: lessons
                title: Bài học
                prompt: Chúng ta rút ra bài học gì?

            """.write(toFile: dir + "/sprint.vi.yml", atomically: true, encoding: .utf8)
        let catalog = try FormatCatalog(builtInDirectory: dir)
        XCTAssertEqual(catalog.formats.map { $0.id }, ["sprint"], "a translation is not a format of its own")
        let english = try XCTUnwrap(catalog.format("sprint"))
        let vi = try XCTUnwrap(catalog.format("sprint", locale: "vi-VN"))
        XCTAssertEqual(vi.name, "Họp nhìn lại sprint")
        XCTAssertEqual(vi.locale, "vi")
        XCTAssertEqual(vi.spec("lessons")?.title, "Bài học")
        XCTAssertEqual(vi.spec("lessons")?.prompt, "Chúng ta rút ra bài học gì?")
        XCTAssertEqual(vi.spec("lessons")?.hint, english.spec("lessons")?.hint, "a hint it leaves out stays English")
        XCTAssertEqual(vi.spec("went-well")?.title, english.spec("went-well")?.title)
        XCTAssertEqual(vi.sections.map(\.kind), english.sections.map(\.kind), "never the structure")
        XCTAssertEqual(catalog.format("sprint", locale: "fi")?.name, english.name, "no Finnish: English")
        XCTAssertEqual(catalog.format("sprint", locale: nil)?.name, english.name)
    }

    func testATranslationWithAStructureKeyIsRefused() throws {
        let dir = try DebriefTestSupport.makeTempDir("debrief-formats")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "format: sprint\nlocale: fi\nsections:\n  - id: lessons\n    kind: list\n".write(toFile: dir + "/sprint.fi.yml", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FormatLoader.loadTranslation(path: dir + "/sprint.fi.yml", display: "sprint.fi.yml")) {
            XCTAssertTrue("\($0)".contains("sprint.fi.yml:5:5"), "\($0)")
        }
    }

    /// What each language still lacks, listed; every translation there must match its format.
    func testWhatIsMissingInEachLanguage() throws {
        let catalog = try builtInCatalog()
        let locales = try FileManager.default.contentsOfDirectory(atPath: templatesDir + "/locales")
            .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.filter { $0 != "en" }.sorted()
        var missing: [String] = []
        for f in catalog.formats {
            for locale in locales {
                guard let t = catalog.translations[f.id]?[locale] else { missing.append("\(f.id).\(locale).yml: the whole format"); continue }
                XCTAssertEqual(t.locale, locale)
                let ids = f.sections.map(\.id)
                XCTAssertEqual(t.order.filter { !ids.contains($0) }, [], "\(f.id).\(locale).yml names sections the format does not have")
                XCTAssertEqual(t.order, ids.filter { t.order.contains($0) }, "\(f.id).\(locale).yml: sections in the format's order")
                if t.name == nil { missing.append("\(f.id).\(locale).yml: name") }
                if t.summary == nil { missing.append("\(f.id).\(locale).yml: summary") }
                for s in f.sections {
                    guard let ts = t.sections[s.id] else { missing.append("\(f.id).\(locale).yml: \(s.id)"); continue }
                    for (field, has, needed) in [("title", ts.title != nil, true), ("prompt", ts.prompt != nil, true),
                                                 ("hint", ts.hint != nil, !s.hint.isEmpty), ("example", ts.example != nil, !s.example.isEmpty),
                                                 ("client-title", ts.clientTitle != nil, s.clientTitle != nil),
                                                 ("client-example", ts.clientExample != nil, s.clientExample != nil)] where needed && !has {
                        missing.append("\(f.id).\(locale).yml: \(s.id).\(field)")
                    }
                }
            }
        }
        print("Format translations missing (\(missing.count)):" + (missing.isEmpty ? " none" : "\n  " + missing.joined(separator: "\n  ")))
    }
}
