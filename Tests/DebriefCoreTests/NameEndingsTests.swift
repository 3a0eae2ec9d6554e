import DebriefCore
import DebriefTestSupport
import Foundation
import XCTest

/// A team member's name with the endings and attached words of the record's language
/// (templates/client-safe/name-endings.yml): what client safety and no-blame both read.
final class NameEndingsTests: XCTestCase {
    func matcher(_ team: [String], _ lang: String) throws -> NameMatcher {
        NameMatcher(team: team, ordinaryWords: try Templates.ordinaryWords(templates: templatesDir, locale: lang),
                    endings: try NameEndings.load(templates: templatesDir, locale: lang))
    }

    func assertNames(_ m: NameMatcher, _ table: [(String, String?)], file: StaticString = #filePath, line: UInt = #line) {
        for (text, expected) in table {
            XCTAssertEqual(m.firstName(in: text), expected, text.debugDescription, file: file, line: line)
        }
    }

    func testFinnishCaseEndingsAndConsonantGradation() throws {
        let m = try matcher(["Laura Virtanen", "Mikko Korhonen", "Aino Mäkinen"], "fi")
        assertNames(m, [
            ("Tiedostot lähetettiin Lauralle tiistaina.", "Laura Virtanen"),
            ("Testit jäivät Mikolta ajamatta.", "Mikko Korhonen"),
            ("Virtasen arvio oli liian optimistinen.", "Laura Virtanen"),
            ("Painovuoro menetettiin Ainon takia.", "Aino Mäkinen"),
            ("Mäkisen kone kaatui.", "Aino Mäkinen"),
            ("Aineistot tulivat maanantaina.", nil),
            ("Lähetimme tarjouksen lauralle.", nil),   // written without a capital, an ending does not make a name
        ])
    }

    func testHungarianEndingsAndTheDoubledConsonant() throws {
        let m = try matcher(["Kiss Gábor", "Nagy Péter", "Szabó Anna"], "hu")
        assertNames(m, [
            ("A fájlokat Gábornak kellett volna elküldenie.", "Kiss Gábor"),
            ("Péterrel egyeztettük a határidőt.", "Nagy Péter"),
            ("Annától csak kedden jött meg a szöveg.", "Szabó Anna"),
            ("Gáborral együtt néztük át.", "Kiss Gábor"),
            ("A nyomda pénteken szállított.", nil),
        ])
    }

    func testMongolianCaseSuffixes() throws {
        let m = try matcher(["Сараа Бат", "Тэмүүжин Дорж", "Болд Ганбаатар"], "mn")
        assertNames(m, [
            ("Сараад хоёр удаа сануулсан.", "Сараа Бат"),
            ("Тэмүүжинтэй хамт шалгаагүй.", "Тэмүүжин Дорж"),
            ("Болдын буруугаас болж ээлжийг алдсан.", "Болд Ганбаатар"),
            ("Сараагаас болж нэг өдөр алдсан.", "Сараа Бат"),
            ("Материал даваа гарагт ирсэн.", nil),
        ])
    }

    func testArabicAttachedPrefixes() throws {
        let m = try matcher(["محمد العلي", "سارة حسن", "خالد يوسف"], "ar")
        assertNames(m, [
            ("أرسلنا الملفات لمحمد يوم الخميس.", "محمد العلي"),
            ("اتصلنا بسارة ثلاث مرات.", "سارة حسن"),
            ("وخالد لم يرسل القائمة.", "خالد يوسف"),
            ("سألنا محمدًا عن الملف.", "محمد العلي"),
            ("تأخرت المطبعة يومين.", nil),
        ])
    }

    func testEnglishHasNoEndings() throws {
        let m = try matcher(["Mark Lee"], "en")
        assertNames(m, [("The market opened late.", nil), ("Marked as done on Monday.", nil)])
        XCTAssertEqual(try NameEndings.load(templates: templatesDir, locale: "en"), NameEndings())
    }

    func testAnUnknownKeyIsRefused() throws {
        let dir = try DebriefTestSupport.makeTempDir("debrief-endings")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/client-safe", withIntermediateDirectories: true)
        try "fi:\n  suffixes: [lle]\n  endings: [x]\n".write(toFile: dir + "/client-safe/name-endings.yml", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try NameEndings.load(templates: dir, locale: "fi")) { XCTAssertTrue("\($0)".contains(":3:3"), "\($0)") }
    }
}

/// The guide's own words as data: every language has every key, with the same places to fill in; plural forms;
/// filling in is one pass.
final class GuideWordsTests: XCTestCase {
    static let languages = ["vi", "ar", "mn", "hu", "fi"]

    func testEveryLanguageHasEveryKeyWithTheSamePlaceholders() throws {
        for folder in ["guide", "checks/messages"] {
            let en = try GuideWords.load(templates: templatesDir, locale: "en", folder: folder)
            for lang in Self.languages {
                let w = try GuideWords.load(templates: templatesDir, locale: lang, folder: folder)
                XCTAssertEqual(w.missing, [], "\(folder)/\(lang).yml lacks these")
                for (key, english) in en.values where !key.hasSuffix("-one") {
                    XCTAssertEqual(Self.placeholders(w.values[key] ?? ""), Self.placeholders(english), "\(folder)/\(lang).yml: \(key)")
                }
            }
        }
    }

    static func placeholders(_ s: String) -> Set<String> {
        var out = Set<String>()
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    func testPluralCategories() {
        XCTAssertEqual([0, 1, 2, 3, 10, 11, 99, 100, 103].map { GuideWords.pluralCategory($0, language: "ar") },
                       ["zero", "one", "two", "few", "few", "many", "many", "other", "few"])
        XCTAssertEqual([0, 1, 2].map { GuideWords.pluralCategory($0, language: "fi") }, ["other", "one", "other"])
        XCTAssertEqual(GuideWords.pluralCategory(1, language: "vi"), "other")
    }

    func testCountsAndFillingIn() throws {
        let ar = try GuideWords.load(templates: templatesDir, locale: "ar")
        XCTAssertNotEqual(ar.count("items", 2), ar.count("items", 5), "Arabic's dual is its own form")
        let en = try GuideWords.load(templates: templatesDir, locale: "en")
        XCTAssertEqual(en.count("items", 1), "1 item")
        XCTAssertEqual(en.count("items", 3), "3 items")
        // A value is never read as a template: a title "{n}" stays as typed.
        XCTAssertEqual(en("example", ["text": "{n} and {text}"]), "Example: {n} and {text}")
        let vi = try GuideWords.load(templates: templatesDir, locale: "vi")
        XCTAssertTrue(vi.isYes("có") && vi.isYes("y") && !vi.isYes("không"))
    }

    func testAnUnknownKeyInATranslationIsRefused() throws {
        let dir = try DebriefTestSupport.makeTempDir("debrief-words")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/guide", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: templatesDir + "/guide/en.yml", toPath: dir + "/guide/en.yml")
        try "review: Katsaus\nreveiw: typo\n".write(toFile: dir + "/guide/fi.yml", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GuideWords.load(templates: dir, locale: "fi")) {
            XCTAssertTrue("\($0)".contains("fi.yml:2:1") && "\($0)".contains("reveiw"), "\($0)")
        }
        try "review: Katsaus\n".write(toFile: dir + "/guide/fi.yml", atomically: true, encoding: .utf8)
        let fi = try GuideWords.load(templates: dir, locale: "fi")
        XCTAssertEqual(fi("review"), "Katsaus")
        XCTAssertTrue(fi.missing.contains("step"), "what it leaves out is listed")
        XCTAssertEqual(fi("step", ["n": "1", "total": "2"]), "(step 1 of 2)", "and stays English")
    }
}
