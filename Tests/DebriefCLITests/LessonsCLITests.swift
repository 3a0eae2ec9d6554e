import Foundation
import XCTest

/// `debrief lessons` through the real executable, on the archive in Tests/Fixtures/archive-lessons.
final class LessonsCLITests: XCTestCase {
    var dir = ""
    var archive: String { dir + "/archive" }

    override func setUpWithError() throws {
        dir = try makeTempDir()
        try FileManager.default.copyItem(atPath: packageRoot + "/Tests/Fixtures/archive-lessons", toPath: archive)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func json(_ args: [String] = [], in cwd: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let r = try debrief(["lessons", "--format", "json"] + args, in: cwd ?? archive)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        let value = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try XCTUnwrap(value as? [[String: Any]], file: file, line: line)
    }

    func group(_ groups: [[String: Any]], _ lesson: String) -> [String: Any]? {
        groups.first { $0["lesson"] as? String == lesson }
    }

    func testTheSameRuleWrittenDifferentlyIsOneLessonAndNearMissesAreNot() throws {
        let g = try json()
        // English word forms: three debriefs, one rule.
        let briefs = try XCTUnwrap(group(g, "We review every brief with the client in person."))
        XCTAssertEqual(briefs["count"] as? Int, 3)
        XCTAssertEqual(briefs["debriefs"] as? [String], ["debriefs/2024-03-05-bank-deck.yml", "debriefs/2024-09-12-shop-launch.yml",
                                                         "debriefs/2025-02-20-annual-report.yml"])
        // A Finnish pair and a Vietnamese pair.
        XCTAssertEqual(group(g, "Vahvistamme jokaisen sopimuksen kirjallisesti.")?["count"] as? Int, 2)
        XCTAssertEqual(group(g, "Chúng tôi xác nhận mọi thỏa thuận bằng văn bản.")?["count"] as? Int, 2)
        // Near misses stay apart.
        for near in ["we review every invoice with finance", "We confirm every change request in writing.",
                     "Vahvistamme jokaisen aikataulun kirjallisesti.", "Chúng tôi xác nhận mọi thay đổi bằng văn bản.",
                     "We test the checkout on a phone before every release.", "We test the search page on a phone before every release."] {
            XCTAssertEqual(group(g, near)?["count"] as? Int, 1, near)
        }
        XCTAssertEqual(g.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }, 19, "every lesson of every debrief, each once")
    }

    func testJSONHasExactlyTheDocumentedKeys() throws {
        let g = try json()
        XCTAssertEqual(g.count, 13)
        for o in g {
            XCTAssertEqual(Set(o.keys), ["lesson", "count", "tags", "debriefs", "first", "last", "recurring", "cameBack"])
        }
        let briefs = try XCTUnwrap(group(g, "We review every brief with the client in person."))
        XCTAssertEqual(briefs["tags"] as? [String], ["briefs"])
        XCTAssertEqual(briefs["first"] as? String, "2024-03-05")
        XCTAssertEqual(briefs["last"] as? String, "2025-02-20")
        XCTAssertEqual(briefs["recurring"] as? Bool, true)
        // Recurring lessons come first, the most learned first.
        let recurring = g.map { $0["recurring"] as? Bool ?? false }
        XCTAssertEqual(recurring, recurring.sorted { $0 && !$1 })
        XCTAssertEqual(g[0]["lesson"] as? String, "We review every brief with the client in person.")
    }

    func testRecurringAndCameBack() throws {
        let g = try json()
        // The bank deck's done action (tagged #briefs) carried the rule out; it was learned again after.
        XCTAssertEqual(group(g, "We review every brief with the client in person.")?["cameBack"] as? Bool, true)
        // Its action for agreements is not done: recurring, but it did not come back.
        let agreements = try XCTUnwrap(group(g, "We confirm every agreement in writing."))
        XCTAssertEqual(agreements["recurring"] as? Bool, true)
        XCTAssertEqual(agreements["cameBack"] as? Bool, false)
        XCTAssertEqual(group(g, "we review every invoice with finance")?["recurring"] as? Bool, false)
    }

    func testLessonsYmlPinsMergesAndSplits() throws {
        let pinned = try json()
        XCTAssertEqual(group(pinned, "We plan a second designer for every deck.")?["count"] as? Int, 2, "pinned the same")
        XCTAssertEqual(group(pinned, "We ask for feedback at the end of each key stage.")?["count"] as? Int, 1, "pinned apart")
        XCTAssertEqual(group(pinned, "We ask for payment at the end of each key stage.")?["count"] as? Int, 1, "pinned apart")

        try FileManager.default.removeItem(atPath: archive + "/lessons.yml")
        let words = try json()
        XCTAssertEqual(group(words, "We plan a second designer for every deck.")?["count"] as? Int, 1, "no word in common")
        XCTAssertEqual(group(words, "We ask for feedback at the end of each key stage.")?["count"] as? Int, 2, "all words but one in common")
    }

    func testAPinNamingNoLessonIsAWarningAndABrokenPinsFileIs65() throws {
        try "same:\n  - [We plan a second designer for every deck., Nobody wrote this.]\n"
            .write(toFile: archive + "/lessons.yml", atomically: true, encoding: .utf8)
        let warned = try debrief(["lessons"], in: archive)
        XCTAssertEqual(warned.status, 0, warned.stderr)
        XCTAssertTrue(warned.stderr.hasPrefix("lessons.yml:2:49: warning: no lesson reads 'Nobody wrote this.'"), warned.stderr)

        try "merge:\n  - [a, b]\n".write(toFile: archive + "/lessons.yml", atomically: true, encoding: .utf8)
        let broken = try debrief(["lessons"], in: archive)
        XCTAssertEqual(broken.status, 65, broken.stderr)
        XCTAssertTrue(broken.stderr.contains("lessons.yml:1:1: error: expected one of the keys same, apart, found the unknown key 'merge'"), broken.stderr)
        XCTAssertTrue(broken.stdout.contains("We review every brief with the client in person."), "the lessons are still listed")
    }

    func testTextOutput() throws {
        let r = try debrief(["lessons"], in: archive)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertTrue(r.stdout.hasPrefix("""
            13 lessons from 7 debriefs; 5 recurring.

            We review every brief with the client in person.
              learned in 3 debriefs, 2024-03-05 – 2025-02-20 · recurring · came back
              tags: briefs
              2024-03-05  debriefs/2024-03-05-bank-deck.yml
              2024-09-12  debriefs/2024-09-12-shop-launch.yml  as "Review all briefs in person with the client!"
              2025-02-20  debriefs/2025-02-20-annual-report.yml  as "Every brief is reviewed with the client in person."

            """), r.stdout)
        // Internal lessons are listed for the team, and marked: by `internal: true` and by the archive's internal tags.
        XCTAssertTrue(r.stdout.contains("""
              2024-09-12  debriefs/2024-09-12-shop-launch.yml (internal)  as "All agreements are confirmed in writing."
            """), "the wording is plain text (no emphasis marks): \(r.stdout)")
        XCTAssertTrue(r.stdout.contains("  2024-03-05  debriefs/2024-03-05-bank-deck.yml (internal)\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("""
            we review every invoice with finance
              learned in 1 debrief, 2024-09-12
              tags: billing
            """), r.stdout)
    }

    func testMarkdownOutput() throws {
        let r = try debrief(["lessons", "--format", "md"], in: archive)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("# Lessons learned\n\n13 lessons from 7 debriefs; 5 recurring.\n\n## Recurring\n\n### We review every brief"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Learned in 3 debriefs, from 2024-03-05 to 2025-02-20. **Came back** after an action that carried it out was done. Tags: `briefs`."), r.stdout)
        XCTAssertTrue(r.stdout.contains("- 2024-03-05: [Conference deck for the bank](<debriefs/2024-03-05-bank-deck.yml>)\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("- 2024-09-12: [Web shop launch](<debriefs/2024-09-12-shop-launch.yml>) *(internal)*: “All agreements are *confirmed* in writing.”"), r.stdout)
        XCTAssertTrue(r.stdout.contains("\n## Learned once\n"), r.stdout)
    }

    func testFilters() throws {
        XCTAssertEqual(try json(["--tag", "#Billing"]).map { $0["lesson"] as? String },
                       ["We ask for payment at the end of each key stage.", "we review every invoice with finance"])
        XCTAssertEqual(try json(["--search", "reviewing briefs"]).map { $0["lesson"] as? String },
                       ["We review every brief with the client in person."])
        XCTAssertEqual(try json(["--search", "review"]).count, 2)
        XCTAssertEqual(try json(["--search", "sopimukset"]).count, 1, "stemmed in Finnish")
        XCTAssertEqual(try json(["--tag", "briefs", "--search", "invoice"]).count, 0)

        let since = try json(["--since", "2025-01-01"])
        XCTAssertEqual(group(since, "Every brief is reviewed with the client in person.")?["count"] as? Int, 1,
                       "only the 2025 debrief learned it since; its wording is then the label")
        XCTAssertNil(group(since, "We confirm every agreement in writing."))
        XCTAssertEqual(since.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }, 11)

        let none = try debrief(["lessons", "--tag", "nothing"], in: archive)
        XCTAssertEqual(none.stdout, "No lesson matches.\n")
        let bad = try debrief(["lessons", "--since", "14/11/2025"], in: archive)
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("--since: expected a date as YYYY-MM-DD, found '14/11/2025'"), bad.stderr)
    }

    func testSeveralArchivesAndADebriefThatDoesNotLoad() throws {
        let other = dir + "/other"
        try FileManager.default.createDirectory(atPath: other + "/debriefs", withIntermediateDirectories: true)
        try "archive: 1\n".write(toFile: other + "/debrief.yml", atomically: true, encoding: .utf8)
        try """
            debrief: 1
            format: sprint
            title: Sprint 12
            date: 2026-02-01
            sections:
              lessons:
                - text: Briefs are reviewed in person with the client, every time.
            """.write(toFile: other + "/debriefs/2026-02-01-sprint.yml", atomically: true, encoding: .utf8)
        try "debrief: 1\ntitle: [broken\n".write(toFile: other + "/debriefs/2026-03-01-broken.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["lessons", "--format", "json", "--archive", archive, "--archive", other], in: dir)
        XCTAssertEqual(r.status, 65, "a debrief that does not load: \(r.stderr)")
        XCTAssertEqual(r.stderr.components(separatedBy: "2026-03-01-broken.yml").count - 1, 1, "reported once: \(r.stderr)")
        let g = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let briefs = try XCTUnwrap(group(g, "We review every brief with the client in person."))
        XCTAssertEqual(briefs["count"] as? Int, 4)
        XCTAssertEqual((briefs["debriefs"] as? [String])?.last, "other/debriefs/2026-02-01-sprint.yml")
        XCTAssertEqual(briefs["last"] as? String, "2026-02-01")
    }

    func testMissingWordListsAreATemplateError() throws {
        let templates = dir + "/templates"
        try FileManager.default.copyItem(atPath: packageRoot + "/templates", toPath: templates)
        try FileManager.default.removeItem(atPath: templates + "/lessons/stopwords.yml")
        let r = try debrief(["lessons"], in: archive, env: ["DEBRIEF_TEMPLATES": templates])
        XCTAssertEqual(r.status, 70, r.stderr)
        XCTAssertTrue(r.stderr.contains("lessons/stopwords.yml: error: the template does not load: the file is missing"), r.stderr)
    }

    func testAnEmptyArchiveAndTheHelp() throws {
        let empty = dir + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        XCTAssertEqual(try debrief(["init"], in: empty).status, 0)
        let r = try debrief(["lessons"], in: empty)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "No lessons in the archive yet.\n")
        XCTAssertEqual(try debrief(["lessons", "--format", "json"], in: empty).stdout, "[]\n")

        let help = try debrief(["lessons", "--help"], in: empty)
        XCTAssertEqual(help.status, 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for phrase in ["Every lesson across the archive, grouped so that the same rule written differently is one lesson",
                       "lessons.yml", "came back", "Only lessons from debriefs dated on or after this day (YYYY-MM-DD)."] {
            XCTAssertTrue(text.contains(phrase), "\(phrase): \(help.stdout)")
        }
    }
}
