import DebriefCore
import Foundation
import XCTest

/// `debrief actions` as values: states, order, filters, the summary, the text lines and the iCalendar writer.
final class ArchiveActionsTests: XCTestCase {
    let today = Day("2026-12-01")!

    func action(_ text: String, owner: String? = nil, due: String? = nil, done: Bool = false, number: Int = 1,
                path: String = "/a/debriefs/x.yml", archiveRoot: String = "/a", tags: [String] = [],
                isInternal: Bool = false) -> ArchiveAction {
        let d = due.flatMap(Day.init)
        return ArchiveAction(path: path, archiveRoot: archiveRoot, title: "X", number: number, line: 1, text: text,
                             plain: ArchiveActions.oneLine(text), owner: owner, due: d, done: done, tags: tags,
                             isInternal: isInternal, state: ActionState.of(done: done, due: d, today: today))
    }

    func testStates() {
        XCTAssertEqual(ActionState.of(done: false, due: Day("2026-11-30"), today: today), .overdue)
        XCTAssertEqual(ActionState.of(done: false, due: today, today: today), .open, "due today is not overdue yet")
        XCTAssertEqual(ActionState.of(done: false, due: nil, today: today), .open)
        XCTAssertEqual(ActionState.of(done: true, due: Day("2026-01-01"), today: today), .done)
    }

    func testCollectFromIndexedRecords() throws {
        let record = try parseRecord("""
            debrief: 1
            format: sprint
            title: Sprint 14
            sections:
              actions:
                - text: Pair on the *flaky* tests.
                  owner: Anna Berg
                  due: 2026-11-20
                - text: Book the room.
                  done: true
                  internal: true
                  tags: [rooms]
            """)
        let indexed = IndexedRecord(path: "debriefs/s.yml", record: record, format: try builtInCatalog().format("sprint")!, defaultLocale: "en")
        let all = ArchiveActions.collect([indexed], archiveRoot: "/arch", today: today)
        XCTAssertEqual(all.map(\.path), ["/arch/debriefs/s.yml", "/arch/debriefs/s.yml"])
        XCTAssertEqual(all.map(\.plain), ["Pair on the flaky tests.", "Book the room."])
        XCTAssertEqual(all.map(\.state), [.overdue, .done])
        XCTAssertEqual(all.map(\.number), [1, 2])
        XCTAssertEqual(all[1].tags, ["rooms"])
        XCTAssertTrue(all[1].isInternal)
        XCTAssertEqual(all[0].pathInArchive, "debriefs/s.yml")
    }

    func testPlainTextIsOneLine() {
        XCTAssertEqual(ArchiveActions.oneLine("Call **Anna**\nabout [the deck](https://x.example).\n\nThen   rest."),
                       "Call Anna about the deck. Then rest.")
        XCTAssertEqual(ArchiveActions.oneLine("Ask &amp; confirm"), "Ask & confirm")
    }

    func testOrderOverdueFirstThenOpenThenDone() {
        let all = [
            action("done old", due: "2026-10-01", done: true),
            action("open undated"),
            action("overdue recent", due: "2026-11-30"),
            action("done undated", done: true),
            action("open late", due: "2026-12-20"),
            action("overdue old", due: "2026-11-01"),
            action("done recent", due: "2026-11-25", done: true),
            action("open today", due: "2026-12-01"),
        ]
        XCTAssertEqual(ArchiveActions.sorted(all).map(\.text), [
            "overdue old", "overdue recent", "open today", "open late", "open undated", "done recent", "done old", "done undated",
        ])
    }

    func testFilters() {
        let all = [
            action("a", owner: "Nguyễn Thị Mai", due: "2026-11-01"),
            action("b", owner: "Anna Berg", due: "2026-12-05"),
            action("c", owner: "Anna Berg", due: "2026-12-20"),
            action("d", owner: "Tomás Ruiz"),
            action("e", owner: "Anna Berg", due: "2026-11-29", done: true),
        ]
        XCTAssertEqual(ArchiveActions.select(all, ActionQuery(openOnly: true)).map(\.text), ["a", "b", "c", "d"])
        XCTAssertEqual(ArchiveActions.select(all, ActionQuery(overdueOnly: true)).map(\.text), ["a"])
        XCTAssertEqual(ArchiveActions.select(all, ActionQuery(owner: "tomas")).map(\.text), ["d"])
        XCTAssertEqual(ArchiveActions.select(all, ActionQuery(owner: "NGUYEN mai")).map(\.text), ["a"])
        XCTAssertEqual(ArchiveActions.select(all, ActionQuery(owner: "anna")).map(\.text), ["b", "c", "e"])
        XCTAssertEqual(ArchiveActions.select(all, ActionQuery(owner: "ann")).map(\.text), [], "a part is a whole word")
        let week = ArchiveActions.dueLimit("7d", today: today)
        XCTAssertEqual(week, Day("2026-12-08"))
        XCTAssertEqual(ArchiveActions.select(all, ActionQuery(dueBy: week)).map(\.text), ["a", "b"], "overdue included, undated and done not")
    }

    func testDueWithin() {
        XCTAssertEqual(ArchiveActions.dueLimit("7", today: today), Day("2026-12-08"))
        XCTAssertEqual(ArchiveActions.dueLimit("2w", today: today), Day("2026-12-15"))
        XCTAssertEqual(ArchiveActions.dueLimit("1m", today: Day("2026-01-31")!), Day("2026-02-28"))
        XCTAssertEqual(ArchiveActions.dueLimit("0d", today: today), today)
        for bad in ["", "d", "7x", "-3d", "1.5w", "seven"] { XCTAssertNil(ArchiveActions.dueLimit(bad, today: today), bad) }
    }

    func testSummary() {
        let all = [
            action("a", due: "2026-11-01"), action("b", due: "2026-12-05"), action("c"),
            action("d", due: "2026-11-02", done: true), action("e", due: "2026-10-31", done: true), action("f", done: true),
        ]
        let s = ActionSummary(all, today: today)
        XCTAssertEqual(s, ActionSummary(open: 2, overdue: 1, recentlyDone: 1))
        XCTAssertEqual(s.line, "2 open, 1 overdue, 1 done in the last 30 days")
    }

    func testRelativePaths() {
        XCTAssertEqual(ArchiveActions.relative("/a/debriefs/x.yml", to: "/a"), "debriefs/x.yml")
        XCTAssertEqual(ArchiveActions.relative("/b/debriefs/x.yml", to: "/a/sub"), "../../b/debriefs/x.yml")
        XCTAssertEqual(ArchiveActions.relative("/a/x.yml", to: "/a/"), "x.yml")
        // The quick way (a plain path under the folder) and the resolving way agree.
        let paths = ["/a/debriefs/x.yml", "/a/./debriefs/x.yml", "/a/sub/../debriefs/y.yml", "/a//z.yml", "/a/.hidden/w.yml",
                     "/a/.../v.yml", "/b/u.yml", "/a", "/ab/t.yml"]
        for base in ["/a", "/a/", "/", "/a/sub"] {
            let listed = ArchiveActions.relativePaths(paths.map { action("X", path: $0) }, from: base)
            for p in paths { XCTAssertEqual(listed[p], ArchiveActions.relative(p, to: base), "\(p) from \(base)") }
        }
    }

    func testTextLinesAreAligned() {
        let all = ArchiveActions.sorted([
            action("Call the director.", owner: "Nguyễn Thị Mai", due: "2026-11-01", number: 2),
            action("Pay 会議室.", owner: "Li", due: "2026-12-09", number: 3),
            action("Plan.", done: true, number: 1),
        ])
        let lines = ArchiveActions.textLines(all, from: "/a")
        XCTAssertEqual(lines, [
            "overdue  2026-11-01  Nguyễn Thị Mai  Call the director.  debriefs/x.yml#2",
            "open     2026-12-09  Li              Pay 会議室.         debriefs/x.yml#3",
            "done     -           -               Plan.               debriefs/x.yml#1",
        ])
        let cleaned = ArchiveActions.textLines([action("Bad \u{1B}[31mred", owner: "X")], from: "/a",
                                               clean: { $0.replacingOccurrences(of: "\u{1B}", with: "?") })
        XCTAssertFalse(cleaned[0].contains("\u{1B}"))
    }

    // MARK: iCalendar

    func testEscaping() {
        XCTAssertEqual(ICalendar.escape(#"a\b; c, d"#), #"a\\b\; c\, d"#)
        XCTAssertEqual(ICalendar.escape("one\ntwo\r\nthree\rfour"), #"one\ntwo\nthree\nfour"#)
        XCTAssertEqual(ICalendar.escape("bell\u{7}\ttab\u{7F}"), "bell\ttab", "control characters are left out, a tab stays")
        XCTAssertEqual(ICalendar.escape("Nguyễn: 9:00"), "Nguyễn: 9:00", "colons need no escape in TEXT")
    }

    func testFoldingKeepsLinesWithin75OctetsAndCharactersWhole() throws {
        let summary = "SUMMARY:" + ICalendar.escape(String(repeating: "Nguyễn Thị Mai gọi điện, 会議室を予約する; 🎉 ", count: 6))
        let folded = ICalendar.fold(summary)
        // Split as bytes, so that a line cut inside a character would show.
        var chunks: [[UInt8]] = [[]]
        let bytes = Array(folded.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 { chunks.append([]); i += 2; continue }
            chunks[chunks.count - 1].append(bytes[i]); i += 1
        }
        let lines = try chunks.map { chunk in try XCTUnwrap(String(validating: chunk, as: UTF8.self), "a character was split") }
        XCTAssertGreaterThan(lines.count, 4)
        for (i, line) in lines.enumerated() {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, line)
            if i > 0 { XCTAssertTrue(line.hasPrefix(" "), "a continuation starts with a space: \(line)") }
        }
        // Somewhere the 75-octet boundary fell inside a multi-byte character, so a line is shorter than the limit.
        XCTAssertTrue(lines.dropLast().contains { $0.utf8.count < 75 })
        // Unfolding gives back the line.
        XCTAssertEqual(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined(), summary)
        XCTAssertEqual(ICalendar.fold("SUMMARY:short"), "SUMMARY:short")
        let exactly75 = String(repeating: "x", count: 75)
        XCTAssertEqual(ICalendar.fold(exactly75), exactly75)
        XCTAssertEqual(ICalendar.fold(exactly75 + "y"), exactly75 + "\r\n y")
    }

    func testUIDIsStableAndIgnoresPosition() {
        let a = ICalendar.uid(pathInArchive: "debriefs/x.yml", text: "Call the director.")
        XCTAssertEqual(a, ICalendar.uid(pathInArchive: "debriefs/x.yml", text: " Call the director.\n"))
        XCTAssertNotEqual(a, ICalendar.uid(pathInArchive: "debriefs/y.yml", text: "Call the director."))
        XCTAssertNotEqual(a, ICalendar.uid(pathInArchive: "debriefs/x.yml", text: "Call the client."))
        XCTAssertNotEqual(a, ICalendar.uid(pathInArchive: "debriefs/x.yml", text: "Call the director.", occurrence: 2))
        XCTAssertTrue(a.hasSuffix("@debrief"))
        // The number and the archive's place on disk do not change it.
        let first = action("Call the director.", due: "2026-12-10", number: 1, path: "/a/debriefs/x.yml")
        let moved = action("Call the director.", due: "2026-12-10", number: 4, path: "/elsewhere/debriefs/x.yml", archiveRoot: "/elsewhere")
        let stamp = Date(timeIntervalSince1970: 0)
        func uids(_ cal: String) -> [String] { cal.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        XCTAssertEqual(uids(ICalendar.calendar([first], stamp: stamp, productID: "-//t//EN")),
                       uids(ICalendar.calendar([moved], stamp: stamp, productID: "-//t//EN")))
    }

    func testCalendar() {
        let all = [
            action("Call the director, then; write it up.", owner: "Anna Berg", due: "2026-12-31", tags: ["follow-up"]),
            action("Undated."),
            action("Done.", due: "2026-12-10", done: true),
            action("Hire.", due: "2026-11-02", isInternal: true),
            action("Hire.", due: "2026-11-09", number: 5, isInternal: true),
        ]
        let cal = ICalendar.calendar(all, stamp: Date(timeIntervalSince1970: 1_795_000_000), productID: "-//debrief//test//EN")
        XCTAssertTrue(cal.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//debrief//test//EN\r\nCALSCALE:GREGORIAN\r\n"), cal)
        XCTAssertTrue(cal.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(cal.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        XCTAssertEqual(cal.components(separatedBy: "BEGIN:VEVENT").count - 1, 3, "open and overdue with a due date, internal included")
        XCTAssertTrue(cal.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"), cal)
        XCTAssertTrue(cal.contains(#"SUMMARY:Call the director\, then\; write it up."#), cal)
        XCTAssertTrue(cal.contains(#"DESCRIPTION:Owner: Anna Berg\nDebrief: X\nFile: debriefs/x.yml#1"#), cal)
        XCTAssertTrue(cal.contains("CATEGORIES:follow-up\r\n"))
        XCTAssertTrue(cal.contains("DTSTAMP:" + ICalendar.timestamp(Date(timeIntervalSince1970: 1_795_000_000))))
        let uids = cal.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        XCTAssertEqual(Set(uids).count, 3, "the same text twice gets two identifiers: \(uids)")
        XCTAssertFalse(cal.contains("Undated") || cal.contains("SUMMARY:Done."))
    }

    func testTimestamp() {
        XCTAssertEqual(ICalendar.timestamp(Date(timeIntervalSince1970: 0)), "19700101T000000Z")
        XCTAssertEqual(ICalendar.timestamp(Date(timeIntervalSince1970: 1_795_000_000.7)), "20261118T110640Z")
    }
}
