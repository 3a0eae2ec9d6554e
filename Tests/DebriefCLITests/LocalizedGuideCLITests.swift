import DebriefCore
import Foundation
import XCTest

/// The guide in each language: a piped session with `--locale` asks every question in that language, with the
/// format's words and the guide's own, and prints none of the English ones.
final class LocalizedGuideCLITests: XCTestCase {
    static let languages = ["vi", "ar", "mn", "hu", "fi"]

    func testEveryQuestionInTheRecordsLanguage() throws {
        let templates = packageRoot + "/templates"
        let english = try GuideWords.load(templates: templates, locale: "en")
        let catalog = try FormatCatalog(builtInDirectory: templates + "/formats")
        let en = try XCTUnwrap(catalog.format("client-recovery"))
        for lang in Self.languages {
            let dir = try makeTempDir("debrief-guide-\(lang)")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
            // Client, project, date; one of ours, one of theirs; then an empty line at every step, and the review's question.
            let input = "Kaleva\nKonferenssi\n\nAnna Berg\n\nJussi Nieminen\n\n" + String(repeating: "\n", count: 40)
            let r = try debrief(["new", "Esitys", "--format", "client-recovery", "--locale", lang], in: dir,
                                env: ["DEBRIEF_TODAY": "2026-12-06"], stdin: input)
            XCTAssertEqual(r.status, 0, "\(lang): \(r.stderr)")
            let out = r.stdout
            let words = try GuideWords.load(templates: templates, locale: lang)
            XCTAssertEqual(words.missing, [], "\(lang): the guide's words it lacks")
            let f = try XCTUnwrap(catalog.format("client-recovery", locale: lang))
            for (spec, enSpec) in zip(f.sections, en.sections) where spec.guided {
                XCTAssertTrue(out.contains(spec.title), "\(lang): the step \(spec.id) is asked in the language")
                XCTAssertNotEqual(spec.prompt, enSpec.prompt, "\(lang): \(spec.id) has its own question")
                XCTAssertFalse(out.contains(enSpec.prompt), "\(lang): the English question of \(spec.id) is not asked")
            }
            XCTAssertTrue(out.contains(words("step", ["n": "7", "total": "23"])), "\(lang): the step counter\n\(out)")
            XCTAssertTrue(out.contains(words("review")), "\(lang): the review")
            XCTAssertTrue(out.contains(words("saved-draft", ["file": ""]).trimmingCharacters(in: .whitespaces)), "\(lang): how it ends")
            // No English sentence of the guide's own, where the language has its own.
            for (key, value) in english.values where words(key) != value {
                let fixed = String(value.prefix { $0 != "{" }).trimmingCharacters(in: .whitespaces)
                guard fixed.count >= 14, !fixed.hasPrefix(":") else { continue }
                XCTAssertFalse(out.contains(fixed), "\(lang): English guide words '\(fixed)' (\(key))")
            }
            let saved = try String(contentsOfFile: dir + "/debriefs/2026-12-06-esitys.yml", encoding: .utf8)
            XCTAssertTrue(saved.contains("locale: \(lang)"), "\(lang): the debrief keeps its language")
        }
    }

    func testResumeFollowsTheRecordThenTheArchiveThenTheOption() throws {
        let dir = try makeTempDir("debrief-guide-resume")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        try "debrief: 1\nformat: sprint\ntitle: A\nstatus: draft\n".write(toFile: dir + "/debriefs/a.yml", atomically: true, encoding: .utf8)
        let initial = try String(contentsOfFile: dir + "/debrief.yml", encoding: .utf8)
        try initial.replacingOccurrences(of: "\nlocale: en\n", with: "\n").write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
        let templates = packageRoot + "/templates"
        let fi = try GuideWords.load(templates: templates, locale: "fi"), hu = try GuideWords.load(templates: templates, locale: "hu")
        let catalog = try FormatCatalog(builtInDirectory: templates + "/formats")
        func continuing(_ w: GuideWords, _ lang: String) -> String {
            w("continuing", ["file": "debriefs/a.yml", "format": catalog.format("sprint", locale: lang)!.name])
        }
        // Neither the record nor the archive names a language: --locale decides.
        var r = try debrief(["resume", "debriefs/a.yml", "--locale", "fi"], in: dir, stdin: "\n")
        XCTAssertTrue(r.stdout.contains(continuing(fi, "fi")), r.stdout)
        // The archive names one: it comes before --locale.
        let config = try String(contentsOfFile: dir + "/debrief.yml", encoding: .utf8)
        try (config + "locale: hu\n").write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
        r = try debrief(["resume", "debriefs/a.yml", "--locale", "fi"], in: dir, stdin: "\n")
        XCTAssertTrue(r.stdout.contains(continuing(hu, "hu")), r.stdout)
        // The record names one: it comes first.
        try "debrief: 1\nformat: sprint\ntitle: A\nstatus: draft\nlocale: fi\n".write(toFile: dir + "/debriefs/a.yml", atomically: true, encoding: .utf8)
        r = try debrief(["resume", "debriefs/a.yml", "--locale", "hu"], in: dir, stdin: "\n")
        XCTAssertTrue(r.stdout.contains(continuing(fi, "fi")), r.stdout)
        let bad = try debrief(["new", "X", "--locale", "not a tag"], in: dir)
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--locale"), bad.stderr)
    }
}

/// Client safety reads a name with the record's language's endings, exactly as no-blame does.
final class NameEndingsCLITests: XCTestCase {
    func testAClientOutputRefusesANameWithACaseEnding() throws {
        let dir = try makeTempDir("debrief-endings-cli")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cases: [(lang: String, team: String, text: String, word: String)] = [
            ("fi", "Mikko Korhonen", "Testit jäivät Mikolta ajamatta.", "mikolta"),
            ("hu", "Kiss Gábor", "A fájlokat Gábornak kellett volna elküldenie.", "gabornak"),
            ("mn", "Тэмүүжин Дорж", "Тэмүүжинтэй хамт шалгаагүй.", ""),
            ("ar", "محمد العلي", "أرسلنا الملفات لمحمد يوم الخميس.", ""),
        ]
        for (i, c) in cases.enumerated() {
            let file = "r\(i).yml"
            try """
                debrief: 1
                format: sprint
                title: Sprint
                locale: \(c.lang)
                participants:
                  - name: \(c.team)
                    side: us
                sections:
                  went-badly:
                    - "\(c.text)"

                """.write(toFile: dir + "/" + file, atomically: true, encoding: .utf8)
            let r = try debrief(["render", file, "--to", "md", "--audience", "client"], in: dir)
            XCTAssertEqual(r.status, 1, "\(c.lang): refused\n\(r.stdout)\(r.stderr)")
            XCTAssertTrue(r.stderr.contains("names the team member '\(c.team)'"), "\(c.lang): \(r.stderr)")
            if !c.word.isEmpty { XCTAssertTrue(r.stderr.contains(c.word), "\(c.lang): the word taken for the name: \(r.stderr)") }
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/r\(i).client.md"))
            let check = try debrief(["check", file, "--audience", "client"], in: dir)
            XCTAssertTrue(check.stdout.contains("[client-safe]"), "\(c.lang): check and render agree\n\(check.stdout)")
            let team = try debrief(["check", file], in: dir)
            XCTAssertTrue(team.stdout.contains("[no-blame]") || c.lang == "mn" || c.lang == "ar",
                          "\(c.lang): and no-blame reads the same name\n\(team.stdout)")
        }
    }
}

/// The client's report and letter in each of the six languages: every heading the format gives the client, and the
/// letter's own words, in the record's language; none of the English ones where the language has its own.
final class LocalizedClientOutputsCLITests: XCTestCase {
    func testTheClientReportAndLetterHaveTheirHeadingsInEveryLanguage() throws {
        let dir = try makeTempDir("debrief-l10n-client")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let example = try String(contentsOfFile: packageRoot + "/examples/bank-deck.yml", encoding: .utf8)
        let catalog = try FormatCatalog(builtInDirectory: packageRoot + "/templates/formats")
        let english = try XCTUnwrap(catalog.format("client-recovery"))
        let englishLabels = try Labels.load(templates: packageRoot + "/templates", locale: "en")
        for lang in ["en", "vi", "ar", "mn", "hu", "fi"] {
            let text = example.replacingOccurrences(of: "\nlocale: en\n", with: "\nlocale: \(lang)\n")
            XCTAssertTrue(text.contains("locale: \(lang)"))
            try text.write(toFile: dir + "/\(lang).yml", atomically: true, encoding: .utf8)
            let report = try debrief(["render", "\(lang).yml", "--to", "md", "--audience", "client"], in: dir)
            XCTAssertEqual(report.status, 0, "\(lang): \(report.stderr)")
            let letter = try debrief(["letter", "\(lang).yml", "--to", "md"], in: dir)
            XCTAssertEqual(letter.status, 0, "\(lang): \(letter.stderr)")
            let f = try XCTUnwrap(catalog.format("client-recovery", locale: lang))
            let labels = try Labels.load(templates: packageRoot + "/templates", locale: lang)
            let headings = report.stdout.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
            for (spec, en) in zip(f.sections, english.sections) {
                let title = spec.clientTitle ?? spec.title
                guard report.stdout.contains("## " + title) else { continue }   // a section the example leaves empty
                if lang != "en" { XCTAssertFalse(headings.contains("## " + (en.clientTitle ?? en.title)), "\(lang): \(spec.id) in English") }
            }
            XCTAssertGreaterThanOrEqual(headings.filter { h in f.sections.contains { "## " + ($0.clientTitle ?? $0.title) == h } }.count, 8,
                                        "\(lang): the report's headings are the format's, in the language\n\(headings)")
            // The letter's headings are its language's template's.
            func templateHeadings(_ name: String) throws -> [String] {
                try String(contentsOfFile: packageRoot + "/templates/letter/" + name, encoding: .utf8)
                    .split(separator: "\n").filter { $0.hasPrefix("## ") && !$0.contains("{{") }.map(String.init)
            }
            let own = try templateHeadings(lang == "en" ? "letter.md.mustache" : "letter.\(lang).md.mustache")
            let englishOnes = try templateHeadings("letter.md.mustache")
            XCTAssertFalse(own.isEmpty)
            for h in own { XCTAssertTrue(letter.stdout.contains(h), "\(lang): the letter's heading \(h)") }
            if lang != "en" {
                for h in englishOnes { XCTAssertFalse(letter.stdout.contains(h), "\(lang): the English heading \(h)") }
                XCTAssertFalse(letter.stdout.contains(englishLabels["letter-signature"]), "\(lang): the letter is signed in the language")
            }
            _ = labels
        }
    }
}
