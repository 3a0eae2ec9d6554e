import Foundation
import XCTest

/// The workspace every command goes through: templates, typed settings, the clock, and exit statuses.
final class WorkspaceCLITests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = try makeTempDir()
        try FileManager.default.copyItem(atPath: example, toPath: dir + "/deck.yml")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// A copy of the templates folder with `change` applied.
    func templates(_ change: (String) throws -> Void) throws -> String {
        let t = dir + "/templates"
        try FileManager.default.copyItem(atPath: packageRoot + "/templates", toPath: t)
        try change(t)
        return t
    }

    func testMissingTemplatesFolderIs70NamingWhereItLooked() throws {
        let r = try debrief(["render", "deck.yml"], in: dir, env: ["DEBRIEF_TEMPLATES": dir + "/nowhere"])
        XCTAssertEqual(r.status, 70, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix(dir + "/nowhere/formats: error: the template does not load"), r.stderr)
        XCTAssertTrue(r.stderr.contains("DEBRIEF_TEMPLATES"), "says where templates are looked for: \(r.stderr)")
        XCTAssertTrue(r.stdout.isEmpty)
    }

    func testMissingOrBrokenTemplateFilesAre70() throws {
        let noLabels = try templates { try FileManager.default.removeItem(atPath: $0 + "/locales/en.yml") }
        let a = try debrief(["render", "deck.yml"], in: dir, env: ["DEBRIEF_TEMPLATES": noLabels])
        XCTAssertEqual(a.status, 70, a.stderr)
        XCTAssertTrue(a.stderr.contains("locales/en.yml: error: the template does not load: the file is missing"), a.stderr)
        try FileManager.default.removeItem(atPath: noLabels)

        let brokenFormat = try templates { try "format: x\nsections: [\n".write(toFile: $0 + "/formats/sprint.yml", atomically: true, encoding: .utf8) }
        let b = try debrief(["render", "deck.yml"], in: dir, env: ["DEBRIEF_TEMPLATES": brokenFormat])
        XCTAssertEqual(b.status, 70, "a broken built-in format is a template error, not a broken record: \(b.stderr)")
        XCTAssertTrue(b.stderr.contains("formats/sprint.yml:"), b.stderr)
        try FileManager.default.removeItem(atPath: brokenFormat)

        let noLetter = try templates { try FileManager.default.removeItem(atPath: $0 + "/html/letter.mustache") }
        let c = try debrief(["letter", "deck.yml", "--to", "html"], in: dir, env: ["DEBRIEF_TEMPLATES": noLetter])
        XCTAssertEqual(c.status, 70, c.stderr)
        XCTAssertTrue(c.stderr.contains("html/letter.mustache"), c.stderr)
        try FileManager.default.removeItem(atPath: noLetter)

        let noWords = try templates { try FileManager.default.removeItem(atPath: $0 + "/client-safe/ordinary-words.yml") }
        let d = try debrief(["render", "deck.yml", "--audience", "client"], in: dir, env: ["DEBRIEF_TEMPLATES": noWords])
        XCTAssertEqual(d.status, 70, d.stderr)
        XCTAssertTrue(d.stderr.contains("client-safe/ordinary-words.yml"), d.stderr)
    }

    func testUnknownCheckIdIsAWarningAndClientSafeCannotBeTurnedOff() throws {
        try """
        archive: 1
        debriefs: .
        checks:
          no-such-check: off
          client-safe: off
        site-theme: {dark: true}
        """.write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: dir + "/deck.yml", encoding: .utf8)
            .replacingOccurrences(of: "- text: We did not confirm the agreements in writing.", with: "- text: Anna did not confirm the agreements in writing.")
        try text.write(toFile: dir + "/deck.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["check", "deck.yml", "--audience", "client"], in: dir)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("debrief.yml:4:3: warning: checks: no check 'no-such-check'; it is ignored"), r.stderr)
        XCTAssertTrue(r.stderr.contains("checks.client-safe: the client-safety check cannot be changed"), r.stderr)
        XCTAssertTrue(r.stderr.contains("debrief.yml:6:1: warning: no setting 'site-theme'; it is ignored"), r.stderr)
        XCTAssertTrue(r.stdout.contains("[client-safe] section 'mistakes', item 2 names the team member 'Anna Berg'"), r.stdout)
        let render = try debrief(["render", "deck.yml", "--audience", "client"], in: dir)
        XCTAssertEqual(render.status, 1, "render refuses what check reports")
    }

    func testTodayComesFromTheWorkspaceClock() throws {
        let a = try debrief(["letter", "deck.yml"], in: dir, env: ["DEBRIEF_TODAY": "2027-02-03"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertTrue(a.stdout.hasPrefix("3 February 2027"), a.stdout)
        let bad = try debrief(["letter", "deck.yml"], in: dir, env: ["DEBRIEF_TODAY": "2027-02-30"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("DEBRIEF_TODAY"), bad.stderr)
    }

    func testErrorsAreOneLineWithoutColourOrStackTrace() throws {
        try "debrief: 1\ntitle: [unclosed\n".write(toFile: dir + "/bad.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["render", "bad.yml"], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("bad.yml:2:8: error: "), r.stderr)
        XCTAssertFalse(r.stderr.contains("\u{1B}["))
    }
}
