import DebriefCore
import Foundation
import XCTest

/// `debrief import` as a person runs it: debrief's own team Markdown back into the same record, a folder of
/// post-mortems in one command, bad files named on one line each while the others import, and the coaching of
/// what was imported.
final class ImportCLITests: XCTestCase {
    var dir = ""
    let env = ["DEBRIEF_TODAY": "2026-12-06"]

    override func setUpWithError() throws {
        dir = try makeTempDir("debrief-import")
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// Renders `record` as the team's Markdown, imports it, and compares the two records as JSON.
    func assertRoundTrip(_ record: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let md = try debrief(["render", record, "--to", "md", "-o", "team.md"], in: dir, env: env)
        XCTAssertEqual(md.status, 0, md.stderr, file: file, line: line)
        let imp = try debrief(["import", "team.md", "-o", "back.yml"], in: dir, env: env)
        XCTAssertEqual(imp.status, 0, imp.stderr, file: file, line: line)
        let a = try debrief(["render", record, "--to", "json"], in: dir, env: env)
        let b = try debrief(["render", "back.yml", "--to", "json"], in: dir, env: env)
        XCTAssertEqual(a.status, 0, a.stderr, file: file, line: line)
        XCTAssertEqual(b.status, 0, b.stderr, file: file, line: line)
        XCTAssertGreaterThan(a.stdout.count, 500, file: file, line: line)
        XCTAssertEqual(a.stdout, b.stdout, "the team Markdown imports back to the same record", file: file, line: line)
        if a.stdout != b.stdout {
            let la = a.stdout.split(separator: "\n"), lb = b.stdout.split(separator: "\n")
            for (x, y) in zip(la, lb) where x != y { print("- \(x)\n+ \(y)"); break }
        }
    }

    func testTheExampleRoundTrips() throws {
        try FileManager.default.copyItem(atPath: examplePath, toPath: dir + "/example.yml")
        try assertRoundTrip("example.yml")
    }

    func testARecordWithEveryFieldRoundTrips() throws {
        try """
            debrief: 1
            format: client-recovery
            title: "Every field: a *test* [record]"
            date: 2026-09-30
            status: draft
            client: Harbour Lights Ltd
            project: Spring campaign
            participants:
              - name: Anna Berg
                side: us
                role: account lead, events
              - name: Jonas Weber
                side: us
              - name: Head of marketing
                side: client
            sections:
              dialogue: |
                We met on **Monday** and listened first.

                Then we went through [the timeline](https://example.com/t) together.
              timeline:
                - text: The brief arrives.
                  at: 2026-09-01
                - text: The first draft is sent at noon.
                  at: 2026-09-08 12:00
              facts:
                - text: The brief came on a Thursday.
                  side: us
                  tags: [brief, timing]
                - text: Only one designer was free.
                  side: us
                  internal: true
                  tags: [staffing]
                - text: "The files arrived on Monday: three days late."
                  side: client
              mistakes:
                - text: We did not confirm the scope in writing.
                  side: us
                  counterfactual: The deadline for the files would have been binding.
                  tags: [agreements]
                - text: We sent our comments on the last morning.
                  side: client
              positives:
                - text: The client's team answered on Sunday.
                  side: client
                - |-
                  We kept to a tight schedule.

                  Two paragraphs, and a second one with *emphasis*.
              lessons:
                - text: We confirm every agreement in writing within a day.
                  tags: [agreements]
              remedies:
                - Rework three slides for free.
                - text: A 30% discount on the next project.
                  chosen: true
                - Move the launch by a week.
              actions:
                - text: Add a written scope step to the kick-off.
                  owner: Anna Berg
                  due: 2026-10-15
                  done: true
                  ticket: OPS-12
                - text: "Call the head of marketing | ask how it went."
                  owner: Jonas Weber
                  due: 2026-10-30
                  done: false
                  internal: true
                  tags: [follow-up]
              outcome: |
                Both sides changed how they work.

            """.write(toFile: dir + "/every.yml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try debrief(["check", "every.yml"], in: dir, env: env).status != 65, true)
        try assertRoundTrip("every.yml")
        let json = try String(contentsOfFile: dir + "/back.yml", encoding: .utf8)
        for field in ["ticket: OPS-12", "chosen: true", "counterfactual:", "internal: true", "at: 2026-09-08 12:00", "done: true", "role: account lead, events"] {
            XCTAssertTrue(json.contains(field), "\(field) came back\n\(json)")
        }
    }

    func testAFolderImportsInOneCommandAndBadFilesAreNamedOnOneLineEach() throws {
        let folder = dir + "/wiki"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fixtures = packageRoot + "/Tests/DebriefImportTests/fixtures/"
        for name in ["sre-book", "atlassian", "setext-tasks"] {
            try FileManager.default.copyItem(atPath: fixtures + name + ".md", toPath: folder + "/\(name).md")
        }
        try "".write(toFile: folder + "/b-empty.md", atomically: true, encoding: .utf8)
        try Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: folder + "/c-binary.md"))
        try String(repeating: "# Big\n\nline\n", count: 1_000_000).write(toFile: folder + "/d-huge.md", atomically: true, encoding: .utf8)
        try "not read".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let r = try debrief(["import", "wiki"], in: dir, env: env)
        XCTAssertEqual(r.status, 65, "a file that is not a post-mortem makes the exit status; the others still import\n\(r.stderr)")
        let errors = r.stderr.split(separator: "\n").filter { $0.contains("error:") }
        XCTAssertEqual(errors.count, 3, r.stderr)
        XCTAssertTrue(errors.contains { $0.contains("b-empty.md") && $0.contains("empty") }, r.stderr)
        XCTAssertTrue(errors.contains { $0.contains("c-binary.md") }, r.stderr)
        XCTAssertTrue(errors.contains { $0.contains("d-huge.md") && $0.contains("10 MB") }, r.stderr)
        let written = try FileManager.default.contentsOfDirectory(atPath: dir + "/debriefs").sorted()
        XCTAssertEqual(written.count, 3, "\(written)")
        XCTAssertTrue(written.contains("2026-03-14-postmortem-payment-page-rejects-every-card-incident-2026-031.yml"), "\(written)")
        XCTAssertTrue(r.stderr.contains("atlassian.md: info: [import] kept in the notes section: 'Leadup', 'Fault'"), r.stderr)
        // Each loads and is coached like any other debrief.
        let check = try debrief(["check"] + written.map { "debriefs/" + $0 }, in: dir, env: env)
        XCTAssertNotEqual(check.status, 65, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("[action-owned]"), "an imported action without an owner is pointed out\n\(check.stdout)")
    }

    func testDryRunWritesNothingAndSaysWhatEachHeadingBecomes() throws {
        try FileManager.default.copyItem(atPath: packageRoot + "/Tests/DebriefImportTests/fixtures/atlassian.md", toPath: dir + "/a.md")
        let r = try debrief(["import", "a.md", "--dry-run"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("  Five whys → contributing-factors"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  Leadup → notes"), r.stdout)
        XCTAssertTrue(r.stdout.contains("  Follow-up tasks → actions"), r.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/debriefs"), [])
    }

    func testAnImportedVagueLessonIsCoached() throws {
        try "# Outage\n\n## Lessons Learned\n\nTBD\n\n## Action Items\n\n- Fix the alerting\n".write(toFile: dir + "/o.md", atomically: true, encoding: .utf8)
        let r = try debrief(["import", "o.md", "-o", "o.yml"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        let check = try debrief(["check", "o.yml"], in: dir, env: env)
        XCTAssertTrue(check.stdout.contains("[lesson-is-a-rule]"), check.stdout)
        XCTAssertTrue(check.stdout.contains("[action-owned] this action has no owner and no due date"), check.stdout)
    }

    func testBadUsage() throws {
        XCTAssertEqual(try debrief(["import", "a.md", "b.md", "-o", "x.yml"], in: dir).status, 64)
        XCTAssertEqual(try debrief(["import", "missing.md"], in: dir).status, 66)
        try "# X\n\n## Summary\n\ntext\n".write(toFile: dir + "/x.md", atomically: true, encoding: .utf8)
        XCTAssertEqual(try debrief(["import", "x.md", "--format", "nope"], in: dir).status, 64)
        XCTAssertEqual(try debrief(["import", "x.md", "-o", "x.yml"], in: dir).status, 0)
        let again = try debrief(["import", "x.md", "-o", "x.yml"], in: dir)
        XCTAssertEqual(again.status, 64, "an existing record is never overwritten")
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
    }
}
