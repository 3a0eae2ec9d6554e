import DebriefCore
import DebriefRender
import Foundation
import XCTest

/// Every translation has every label English has, and its letter renders.
final class LocaleTests: XCTestCase {
    func locales() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: templatesDir + "/locales")
            .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    }

    func testEveryLocaleHasTheSameLabels() throws {
        let en = try Labels.load(templates: templatesDir, locale: "en")
        for lang in try locales() where lang != "en" {
            let path = templatesDir + "/locales/\(lang).yml"
            let y = StrictYAML(bytes: try readTextFile(path), file: path)
            var keys = Set<String>()
            var months = ""
            try y.document(what: "labels") {
                try y.mapping("") { k, _ in
                    let v = try y.text(k).0
                    keys.insert(k)
                    if k == "months" { months = v }
                }
            }
            XCTAssertEqual(keys, Set(en.values.keys), "\(lang).yml: keys differ from en.yml")
            XCTAssertEqual(months.split(separator: " ").count, 12, "\(lang).yml: twelve months")
        }
    }

    func testLetterAndReportRenderInEveryLocale() throws {
        for lang in try locales() {
            var record = try loadExample()
            record.locale = lang
            let r = try report(record, .client)
            let md = try LetterRenderer.markdown(r, templates: templatesDir, options: LetterOptions(today: Day("2026-11-22")!))
            XCTAssertGreaterThan(md.count, 1500, lang)
            XCTAssertFalse(md.contains("{{"), "\(lang): a Mustache tag was left in the letter")
            XCTAssertFalse(md.contains("{day}") || md.contains("{month}") || md.contains("{client}"), "\(lang): a placeholder was left")
            XCTAssertTrue(md.contains("2026"), lang)
            // The options are all there, the chosen one marked once.
            for remedy in record.items(in: "remedies") { XCTAssertTrue(md.contains(remedy.text), "\(lang): \(remedy.text)") }
            let html = try HTMLRenderer.render(r, templates: HTMLTemplates.load(templates: templatesDir))
            XCTAssertTrue(html.contains("<html lang=\"\(lang)\" dir=\"\(lang == "ar" ? "rtl" : "ltr")\">"), lang)
        }
    }
}
