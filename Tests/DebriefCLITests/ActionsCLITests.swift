import Foundation
import XCTest

/// `debrief actions` from the command line: an archive of three debriefs, today fixed at 2026-12-01.
final class ActionsCLITests: XCTestCase {
    var dir = ""
    let today = ["DEBRIEF_TODAY": "2026-12-01"]

    static let launch = """
        debrief: 1
        format: incident
        title: Launch day checkout
        date: 2026-10-05
        sections:
          actions:
            - text: Add a load test to the release checklist.
              owner: Nguyễn Thị Mai
              due: 2026-11-15
            - text: Rotate the on-call rota.
              owner: Tomás Ruiz
              due: 2026-10-20
              done: true

        """

    static let deck = """
        debrief: 1
        format: client-recovery
        title: Conference deck for the bank
        date: 2026-11-22
        participants:
          - name: Anna Berg
            side: us
          - name: Tomás Ruiz
            side: us
        sections:
          actions:
            - text: Call the **marketing director**, to ask how the next event went.
              owner: Anna Berg
              due: 2026-12-22
            - text: Send the written confirmation template.
              owner: Tomás Ruiz
              due: 2026-11-28
            - text: Review the deck checklist.
              owner: Anna Berg
              due: 2026-11-25
              done: true
            - text: Write the staffing plan.
              internal: true
              tags: [staffing]

        """

    static let sprint = """
        debrief: 1
        format: sprint
        title: Sprint 14 retro
        date: 2026-11-28
        sections:
          actions:
            - text: Pair on the flaky tests.
              owner: Nguyễn Thị Mai
              due: 2026-12-05
            - text: Book the retro room; for the whole team.
              owner: Anna Berg
              due: 2026-12-01

        """

    override func setUpWithError() throws {
        dir = try makeTempDir()
        try makeArchive(dir, [("2026-10-05-launch.yml", Self.launch), ("2026-11-22-deck.yml", Self.deck), ("2026-11-28-sprint.yml", Self.sprint)])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func makeArchive(_ root: String, _ files: [(String, String)]) throws {
        try FileManager.default.createDirectory(atPath: root + "/debriefs", withIntermediateDirectories: true)
        try "archive: 1\n".write(toFile: root + "/debrief.yml", atomically: true, encoding: .utf8)
        for (name, text) in files { try text.write(toFile: root + "/debriefs/" + name, atomically: true, encoding: .utf8) }
    }

    func actions(_ args: [String], in cwd: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        try debrief(["actions"] + args, in: cwd ?? dir, env: today, file: file, line: line)
    }

    /// The listing without its summary, each line's columns split on runs of two spaces or more.
    func rows(_ out: String) -> [[String]] {
        out.split(separator: "\n").dropLast().map { line in
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    func testListsEveryActionOverdueFirstThenOpenThenDone() throws {
        let r = try actions([])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(rows(r.stdout), [
            ["overdue", "2026-11-15", "Nguyễn Thị Mai", "Add a load test to the release checklist.", "debriefs/2026-10-05-launch.yml#1"],
            ["overdue", "2026-11-28", "Tomás Ruiz", "Send the written confirmation template.", "debriefs/2026-11-22-deck.yml#2"],
            ["open", "2026-12-01", "Anna Berg", "Book the retro room; for the whole team.", "debriefs/2026-11-28-sprint.yml#2"],
            ["open", "2026-12-05", "Nguyễn Thị Mai", "Pair on the flaky tests.", "debriefs/2026-11-28-sprint.yml#1"],
            ["open", "2026-12-22", "Anna Berg", "Call the marketing director, to ask how the next event went.", "debriefs/2026-11-22-deck.yml#1"],
            ["open", "-", "-", "Write the staffing plan.", "debriefs/2026-11-22-deck.yml#4"],
            ["done", "2026-11-25", "Anna Berg", "Review the deck checklist.", "debriefs/2026-11-22-deck.yml#3"],
            ["done", "2026-10-20", "Tomás Ruiz", "Rotate the on-call rota.", "debriefs/2026-10-05-launch.yml#2"],
        ], r.stdout)
        // Aligned: every debrief reference starts in the same column (counted in characters).
        let lines = r.stdout.split(separator: "\n").dropLast()
        let columns = Set(lines.map { $0.distance(from: $0.startIndex, to: $0.range(of: "debriefs/")!.lowerBound) })
        XCTAssertEqual(columns.count, 1, r.stdout)
        XCTAssertEqual(r.stdout.split(separator: "\n").last, "4 open, 2 overdue, 1 done in the last 30 days.")
        XCTAssertFalse(r.stdout.contains("\u{1B}"), "no colour with NO_COLOR or off a terminal")
    }

    func testOpenHidesDone() throws {
        let r = try actions(["--open"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(rows(r.stdout).map { $0[0] }, ["overdue", "overdue", "open", "open", "open", "open"])
        XCTAssertTrue(r.stdout.hasSuffix("4 open, 2 overdue, 1 done in the last 30 days.\n"), "the summary is the archive's")
    }

    func testOverdueExitsOneThenZeroOnceDone() throws {
        let r = try actions(["--overdue"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(rows(r.stdout).map { $0.last! }, ["debriefs/2026-10-05-launch.yml#1", "debriefs/2026-11-22-deck.yml#2"])
        // Closing one with the reference the listing gives.
        XCTAssertEqual(try debrief(["done", "debriefs/2026-11-22-deck.yml", "2"], in: dir).status, 0)
        XCTAssertEqual(try actions(["--overdue", "--owner", "tomas"]).status, 0, "Tomás has nothing overdue any more")
        let still = try actions(["--overdue"])
        XCTAssertEqual(still.status, 1)
        XCTAssertEqual(rows(still.stdout).count, 1)
        XCTAssertEqual(try debrief(["done", "debriefs/2026-10-05-launch.yml", "1"], in: dir).status, 0)
        let none = try actions(["--overdue"])
        XCTAssertEqual(none.status, 0, none.stdout + none.stderr)
        XCTAssertEqual(none.stdout, "No actions match.\n4 open, 0 overdue, 3 done in the last 30 days.\n")
        // The same archive a year later: everything open is overdue.
        let later = try debrief(["actions", "--overdue"], in: dir, env: ["DEBRIEF_TODAY": "2027-12-01"])
        XCTAssertEqual(later.status, 1)
    }

    func testOwnerWithoutAccentsOrCase() throws {
        let mai = try actions(["--owner", "nguyen"])
        XCTAssertEqual(mai.status, 0, mai.stderr)
        XCTAssertEqual(rows(mai.stdout).map { $0[3] }, ["Add a load test to the release checklist.", "Pair on the flaky tests."])
        XCTAssertTrue(mai.stdout.hasSuffix("1 open, 1 overdue, 0 done in the last 30 days.\n"), mai.stdout)
        let tomas = try actions(["--owner", "TOMAS"])
        XCTAssertEqual(rows(tomas.stdout).map { $0[2] }, ["Tomás Ruiz", "Tomás Ruiz"])
        XCTAssertEqual(rows(try actions(["--owner", "thi mai"]).stdout).count, 2)
        XCTAssertEqual(try actions(["--owner", "Zoe"]).stdout, "No actions match.\n0 open, 0 overdue, 0 done in the last 30 days.\n")
        XCTAssertEqual(try actions(["--owner", "  "]).status, 64)
    }

    func testDueWithin() throws {
        let week = try actions(["--due-within", "7d"])
        XCTAssertEqual(week.status, 0, week.stderr)
        XCTAssertEqual(rows(week.stdout).map { $0[1] }, ["2026-11-15", "2026-11-28", "2026-12-01", "2026-12-05"])
        XCTAssertEqual(rows(try actions(["--due-within", "7"]).stdout).count, 4, "days by default")
        XCTAssertEqual(rows(try actions(["--due-within", "2w"]).stdout).count, 4)
        XCTAssertEqual(rows(try actions(["--due-within", "1m"]).stdout).map { $0[1] }.last, "2026-12-22")
        let bad = try actions(["--due-within", "soon"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--due-within"), bad.stderr)
    }

    func testJSON() throws {
        let r = try actions(["--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 8)
        for item in items {
            XCTAssertEqual(Set(item.keys), ["debrief", "title", "number", "text", "owner", "due", "done", "state", "tags", "internal"])
        }
        let first = items[0]
        XCTAssertEqual(first["debrief"] as? String, "debriefs/2026-10-05-launch.yml")
        XCTAssertEqual(first["title"] as? String, "Launch day checkout")
        XCTAssertEqual(first["number"] as? Int, 1)
        XCTAssertEqual(first["owner"] as? String, "Nguyễn Thị Mai")
        XCTAssertEqual(first["due"] as? String, "2026-11-15")
        XCTAssertEqual(first["done"] as? Bool, false)
        XCTAssertEqual(first["state"] as? String, "overdue")
        let staffing = try XCTUnwrap(items.first { ($0["text"] as? String) == "Write the staffing plan." })
        XCTAssertTrue(staffing["owner"] is NSNull)
        XCTAssertTrue(staffing["due"] is NSNull)
        XCTAssertEqual(staffing["tags"] as? [String], ["staffing"])
        XCTAssertEqual(staffing["internal"] as? Bool, true)
        XCTAssertTrue(items.contains { ($0["text"] as? String) == "Call the **marketing director**, to ask how the next event went." },
                      "text is the CommonMark as written")
        // To a file, atomically, with the same content.
        XCTAssertEqual(try actions(["--format", "json", "-o", "out/actions.json"]).status, 73, "a missing folder cannot be written")
        XCTAssertEqual(try actions(["--format", "json", "-o", "actions.json"]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: dir + "/actions.json", encoding: .utf8), r.stdout)
    }

    func testTwoArchives() throws {
        let other = try makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: other) }
        try makeArchive(other, [("2026-09-01-migration.yml", """
            debrief: 1
            format: sprint
            title: Database migration
            sections:
              actions:
                - text: Write the rollback runbook.
                  owner: Ana Souza
                  due: 2026-11-20

            """)])
        let parent = (dir as NSString).deletingLastPathComponent
        let a = (dir as NSString).lastPathComponent, b = (other as NSString).lastPathComponent
        let r = try actions(["--archive", dir, "--archive", other, "--overdue"], in: parent)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(rows(r.stdout).map { $0.last! }, [
            "\(a)/debriefs/2026-10-05-launch.yml#1", "\(b)/debriefs/2026-09-01-migration.yml#1", "\(a)/debriefs/2026-11-22-deck.yml#2",
        ])
        XCTAssertTrue(r.stdout.hasSuffix("4 open, 3 overdue, 1 done in the last 30 days.\n"), r.stdout)
        // From inside one archive, the other's debriefs are named relative to here, and done takes that name.
        let inside = try actions(["--archive", ".", "--archive", "../" + b, "--owner", "souza"])
        let ref = try XCTUnwrap(rows(inside.stdout).first?.last)
        XCTAssertEqual(ref, "../\(b)/debriefs/2026-09-01-migration.yml#1")
        let parts = ref.split(separator: "#")
        XCTAssertEqual(try debrief(["done", String(parts[0]), String(parts[1])], in: dir).status, 0)
        XCTAssertEqual(try actions(["--archive", "../" + b, "--overdue"]).status, 0)
        // The same archive twice is read once.
        XCTAssertEqual(rows(try actions(["--archive", ".", "--archive", dir]).stdout).count, 8)
        XCTAssertEqual(try actions(["--archive", dir + "/nowhere"]).status, 66)
    }

    func testBrokenRecordIsReportedOnceAndTheOthersAnswer() throws {
        try "debrief: 1\nformat: sprint\ntitle: Broken\nsections:\n  actions:\n    - text: [unclosed\n"
            .write(toFile: dir + "/debriefs/2026-11-30-broken.yml", atomically: true, encoding: .utf8)
        let r = try actions([])
        XCTAssertEqual(r.status, 65, "a debrief that does not load: \(r.stderr)")
        XCTAssertEqual(rows(r.stdout).count, 8, r.stdout)
        XCTAssertEqual(r.stderr.components(separatedBy: "2026-11-30-broken.yml").count - 1, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("debriefs/2026-11-30-broken.yml:"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        let json = try actions(["--format", "json"])
        XCTAssertEqual(json.status, 65)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count, 8)
    }

    func testControlCharactersNeverReachTheTerminal() throws {
        try """
            debrief: 1
            format: sprint
            title: Escapes
            sections:
              actions:
                - text: "Clear the screen &#27;[2J now"
                  owner: "Eve \\u202Eevil"
                  due: 2026-12-03

            """.write(toFile: dir + "/debriefs/2026-11-29-escapes.yml", atomically: true, encoding: .utf8)
        let r = try actions([])
        XCTAssertEqual(r.status, 0, r.stderr)
        // A character reference in the CommonMark, and a bidi override in the owner, arrive as '?'.
        XCTAssertTrue(r.stdout.contains("Eve ?evil"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Clear the screen ?[2J now"), r.stdout)
        XCTAssertFalse(r.stdout.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x202A...0x202E).contains($0.value) }, r.stdout)
    }

    // MARK: iCalendar

    func testCalendarParsesBack() throws {
        try """
            debrief: 1
            format: sprint
            title: Tết offsite; planning, review
            sections:
              actions:
                - text: Đặt phòng họp cho cả nhóm, gửi lịch; xác nhận với Nguyễn Thị Mai và chuẩn bị tài liệu \\\\ in sẵn 会議室
                  owner: Nguyễn Thị Mai
                  due: 2026-12-31
                  internal: true

            """.write(toFile: dir + "/debriefs/2026-11-30-offsite.yml", atomically: true, encoding: .utf8)
        let r = try actions(["--format", "ics", "-o", "follow-ups.ics"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/follow-ups.ics"))
        let cal = try ICS.parse(bytes)
        XCTAssertEqual(cal.properties("VERSION").first?.value, "2.0")
        XCTAssertEqual(cal.properties("CALSCALE").first?.value, "GREGORIAN")
        XCTAssertTrue(cal.properties("PRODID").first?.value.contains("debrief") ?? false)
        let events = cal.children.filter { $0.name == "VEVENT" }
        // Open actions with a due date (overdue included); not the done ones, not the undated one.
        XCTAssertEqual(events.map { $0.properties("SUMMARY").first!.text }, [
            "Add a load test to the release checklist.", "Send the written confirmation template.",
            "Book the retro room; for the whole team.", "Pair on the flaky tests.",
            "Call the marketing director, to ask how the next event went.",
            "Đặt phòng họp cho cả nhóm, gửi lịch; xác nhận với Nguyễn Thị Mai và chuẩn bị tài liệu \\ in sẵn 会議室",
        ])
        let offsite = events[5]
        XCTAssertEqual(offsite.properties("DTSTART").first?.parameters, ["VALUE": "DATE"])
        XCTAssertEqual(offsite.properties("DTSTART").first?.value, "20261231")
        XCTAssertEqual(offsite.properties("DTEND").first?.value, "20270101")
        XCTAssertEqual(offsite.properties("DESCRIPTION").first?.text,
                       "Owner: Nguyễn Thị Mai\nDebrief: Tết offsite; planning, review\nFile: debriefs/2026-11-30-offsite.yml#1\nInternal")
        for e in events {
            XCTAssertEqual(e.properties("UID").count, 1)
            XCTAssertNotNil(e.properties("DTSTAMP").first?.value.range(of: #"^\d{8}T\d{6}Z$"#, options: .regularExpression))
        }
        XCTAssertEqual(Set(events.map { $0.properties("UID")[0].value }).count, events.count)

        // Re-exported from another folder, with the actions renumbered: the same identifiers.
        let before = Dictionary(uniqueKeysWithValues: events.map { ($0.properties("SUMMARY")[0].text, $0.properties("UID")[0].value) })
        let deck = try String(contentsOfFile: dir + "/debriefs/2026-11-22-deck.yml", encoding: .utf8)
        let reordered = deck.replacingOccurrences(of: """
                - text: Call the **marketing director**, to ask how the next event went.
                  owner: Anna Berg
                  due: 2026-12-22

            """, with: "") + """
                - text: Call the **marketing director**, to ask how the next event went.
                  owner: Anna Berg
                  due: 2026-12-22

            """
        XCTAssertNotEqual(reordered, deck)
        try reordered.write(toFile: dir + "/debriefs/2026-11-22-deck.yml", atomically: true, encoding: .utf8)
        let again = try debrief(["actions", "--format", "ics", "--archive", dir], in: NSTemporaryDirectory(), env: today)
        XCTAssertEqual(again.status, 0, again.stderr)
        let after = try ICS.parse(Data(again.stdout.utf8)).children.filter { $0.name == "VEVENT" }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: after.map { ($0.properties("SUMMARY")[0].text, $0.properties("UID")[0].value) }), before)
        XCTAssertTrue(after.contains { $0.properties("DESCRIPTION")[0].text.hasSuffix("2026-11-22-deck.yml#4") })
    }
}

/// A small RFC 5545 reader for the tests: checks the line rules (CRLF only, at most 75 octets, folding that
/// never splits a UTF-8 character), unfolds, and splits properties, parameters and components.
enum ICS {
    struct Property {
        var name: String
        var parameters: [String: String]
        var value: String
        /// The value as TEXT, unescaped.
        var text: String {
            var out = "", escaped = false
            for c in value {
                if escaped {
                    out += c == "n" || c == "N" ? "\n" : String(c)
                    escaped = false
                } else if c == "\\" { escaped = true } else { out.append(c) }
            }
            return out
        }
    }

    final class Component {
        let name: String
        var props: [Property] = []
        var children: [Component] = []
        init(name: String) { self.name = name }
        func properties(_ name: String) -> [Property] { props.filter { $0.name == name } }
    }

    struct Invalid: Error, CustomStringConvertible { var description: String }

    static func parse(_ data: Data) throws -> Component {
        let bytes = [UInt8](data)
        // Physical lines: every line ends with CRLF, and no bare CR or LF appears.
        var physical: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13 {
                guard i + 1 < bytes.count, bytes[i + 1] == 10 else { throw Invalid(description: "a CR without LF at byte \(i)") }
                physical.append(current); current = []; i += 2; continue
            }
            if bytes[i] == 10 { throw Invalid(description: "a bare LF at byte \(i)") }
            current.append(bytes[i]); i += 1
        }
        guard current.isEmpty else { throw Invalid(description: "the last line does not end with CRLF") }
        // Unfold: a line starting with a space or a tab continues the previous one.
        var logical: [[UInt8]] = []
        for line in physical {
            guard line.count <= 75 else { throw Invalid(description: "a line of \(line.count) octets: \(String(decoding: line, as: UTF8.self))") }
            guard String(validating: line, as: UTF8.self) != nil else {
                throw Invalid(description: "a line that is not UTF-8 on its own (a character split by folding)")
            }
            if let first = line.first, first == 32 || first == 9 {
                guard !logical.isEmpty else { throw Invalid(description: "a continuation with nothing before it") }
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        var stack: [Component] = []
        var root: Component?
        for raw in logical {
            let line = String(decoding: raw, as: UTF8.self)
            let p = try property(line)
            if p.name == "BEGIN" {
                let c = Component(name: p.value)
                stack.last?.children.append(c)
                if stack.isEmpty { guard root == nil else { throw Invalid(description: "two calendars") }; root = c }
                stack.append(c)
            } else if p.name == "END" {
                guard let top = stack.popLast(), top.name == p.value else { throw Invalid(description: "END:\(p.value) out of place") }
            } else {
                guard let top = stack.last else { throw Invalid(description: "a property outside a component: \(line)") }
                top.props.append(p)
            }
        }
        guard stack.isEmpty, let root, root.name == "VCALENDAR" else { throw Invalid(description: "not one whole VCALENDAR") }
        return root
    }

    /// `NAME;PARAM=VALUE;...:VALUE` (quoted parameter values may hold ':' and ';').
    static func property(_ line: String) throws -> Property {
        var name = "", params: [String: String] = [:]
        var rest = Substring(line)
        func takeName() -> String {
            let n = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            rest = rest.dropFirst(n.count)
            return String(n)
        }
        name = takeName()
        guard !name.isEmpty else { throw Invalid(description: "no property name: \(line)") }
        while rest.first == ";" {
            rest = rest.dropFirst()
            let key = takeName()
            guard rest.first == "=" else { throw Invalid(description: "a parameter without a value: \(line)") }
            rest = rest.dropFirst()
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                guard let end = rest.firstIndex(of: "\"") else { throw Invalid(description: "an unclosed quote: \(line)") }
                value = String(rest[..<end]); rest = rest[rest.index(after: end)...]
            } else {
                let v = rest.prefix { $0 != ";" && $0 != ":" && $0 != "," }
                value = String(v); rest = rest.dropFirst(v.count)
            }
            params[key] = value
        }
        guard rest.first == ":" else { throw Invalid(description: "no ':' after the name: \(line)") }
        return Property(name: name, parameters: params, value: String(rest.dropFirst()))
    }
}
