import Foundation
import XCTest

final class CheckCLITests: XCTestCase {
    var dir = ""
    let fixtures = packageRoot + "/Tests/Fixtures/checks"

    override func setUpWithError() throws {
        dir = try makeTempDir()
        for f in ["messy.yml", "clean.yml"] { try FileManager.default.copyItem(atPath: fixtures + "/" + f, toPath: dir + "/" + f) }
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    let env = ["DEBRIEF_TODAY": "2026-11-22"]

    func testTextFindingsPointAtTheItemsAndExitOneOnErrors() throws {
        let r = try debrief(["check", "messy.yml"], in: dir, env: env)
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("messy.yml:13:13: warning: [fact-not-feeling] this fact carries a feeling or a judgement ('furious')"), r.stdout)
        XCTAssertTrue(lines.contains("messy.yml:15:13: warning: [no-blame] this puts the failure on Anna"), r.stdout)
        XCTAssertTrue(lines.contains("messy.yml:18:13: warning: [own-the-mistake] this mistake is not owned: it reads as something that happened, not as something we did"), r.stdout)
        XCTAssertTrue(lines.contains("messy.yml:25:13: error: [action-owned] this action has no owner"), r.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("messy.yml:27:13: warning: [action-owned] this action was due on 2026-11-01 (21 days ago)") }, r.stdout)
        // Every finding line is followed by an indented suggestion.
        for (i, l) in lines.enumerated() where l.hasPrefix("messy.yml:") {
            XCTAssertTrue(i + 1 < lines.count && lines[i + 1].hasPrefix("    "), "no suggestion after: \(l)")
        }
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    func testJSONAgainstGoldenFile() throws {
        let r = try debrief(["check", "messy.yml", "--format", "json"], in: dir, env: env)
        XCTAssertEqual(r.status, 1)
        assertGolden(r.stdout, "messy.check.json")
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(array.isEmpty)
        for f in array {
            XCTAssertEqual(Set(f.keys), ["file", "line", "column", "severity", "check", "section", "item", "message", "suggestion"])
            XCTAssertTrue(["error", "warning", "info"].contains(f["severity"] as? String ?? ""))
        }
    }

    func testCleanRecordExitsZeroAndStrictCountsWarnings() throws {
        let clean = try debrief(["check", "clean.yml"], in: dir, env: env)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertTrue(clean.stdout.contains("No findings"), clean.stdout)
        // A warning alone: 0, but 1 with --strict.
        let text = try String(contentsOfFile: dir + "/clean.yml", encoding: .utf8)
            .replacingOccurrences(of: "We write the acceptance tests before the first line of code.", with: "Communicate better.")
        try text.write(toFile: dir + "/warn.yml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try debrief(["check", "warn.yml"], in: dir, env: env).status, 0)
        XCTAssertEqual(try debrief(["check", "warn.yml", "--strict"], in: dir, env: env).status, 1)
    }

    func testArchiveConfigTurnsChecksOffOrChangesSeverity() throws {
        try """
        archive: 1
        checks:
          action-owned: warning
          no-blame: off
        """.write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["check", "messy.yml"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, "action-owned lowered to a warning: no error left\n" + r.stdout)
        XCTAssertFalse(r.stdout.contains("[no-blame]"))
        XCTAssertTrue(r.stdout.contains("warning: [action-owned] this action has no owner"))
        let list = try debrief(["checks"], in: dir)
        XCTAssertNotNil(list.stdout.range(of: #"no-blame +off"#, options: .regularExpression), list.stdout)
    }

    func testClientAudienceAddsClientSafe() throws {
        let team = try debrief(["check", "messy.yml"], in: dir, env: env)
        XCTAssertFalse(team.stdout.contains("[client-safe]"))
        let client = try debrief(["check", "messy.yml", "--audience", "client"], in: dir, env: env)
        XCTAssertTrue(client.stdout.contains("messy.yml:15:13: error: [client-safe] section 'facts', item 2 names the team member 'Anna Berg'"), client.stdout)
    }

    func testChecksListAndExplain() throws {
        let list = try debrief(["checks"], in: dir)
        XCTAssertEqual(list.status, 0)
        for id in ["fact-not-feeling", "no-blame", "own-the-mistake", "counterfactual", "both-sides", "positives-found",
                   "lesson-is-a-rule", "lesson-carried-out", "action-owned", "remedies-choice", "client-follow-up", "client-safe"] {
            XCTAssertTrue(list.stdout.contains(id), id)
        }
        let explain = try debrief(["checks", "explain", "own-the-mistake"], in: dir)
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("Why:"))
        XCTAssertTrue(explain.stdout.contains("Triggers on:\n  - [mistakes, us] Mistakes were made."))
        XCTAssertTrue(explain.stdout.contains("Does not trigger on:"))
        let bad = try debrief(["checks", "explain", "nope"], in: dir)
        XCTAssertEqual(bad.status, 64)
    }

    func testUnloadableRecordIs65AndOthersAreStillChecked() throws {
        try "debrief: 1\ntitle: [unclosed\n".write(toFile: dir + "/broken.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["check", "broken.yml", "clean.yml"], in: dir, env: env)
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.hasPrefix("broken.yml:2:8: error:"), r.stderr)
        let missing = try debrief(["check", "nope.yml"], in: dir, env: env)
        XCTAssertEqual(missing.status, 66)
    }
}
