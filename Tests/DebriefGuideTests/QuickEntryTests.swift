import DebriefCore
import DebriefGuide
import XCTest

final class QuickEntryTests: XCTestCase {
    let today = Day("2026-11-22")!
    let people = [Participant(name: "Anna Berg", side: .us), Participant(name: "Tamás Kovács", side: .us),
                  Participant(name: "Anna Kim", side: .client), Participant(name: "Linh Nguyen", side: .us)]

    func parse(_ s: String, _ kind: SectionKind = .actions) -> QuickEntry {
        QuickEntryParser.parse(s, kind: kind, participants: people, today: today)
    }

    func testOwnerDueTagsAndInternal() {
        let e = parse("Call the director @Tamás due:2026-12-22 #internal #follow-up")
        XCTAssertEqual(e.item.text, "Call the director")
        XCTAssertEqual(e.item.owner, "Tamás Kovács")
        XCTAssertEqual(e.item.due, Day("2026-12-22"))
        XCTAssertTrue(e.item.isInternal)
        XCTAssertEqual(e.item.tags, ["follow-up"])
        XCTAssertNil(e.badDue)
    }

    func testRelativeDueDates() {
        XCTAssertEqual(parse("x due:+30d").item.due, Day("2026-12-22"))
        XCTAssertEqual(parse("x due:+2w").item.due, Day("2026-12-06"))
        XCTAssertEqual(parse("x due:+1m").item.due, Day("2026-12-22"))
        XCTAssertEqual(parse("x due:tomorrow").item.due, Day("2026-11-23"))
        XCTAssertEqual(QuickEntryParser.parseDue("+3m", today: Day("2026-11-30")!), Day("2027-02-28"))
    }

    func testUnreadableDueIsReportedNotDropped() {
        let e = parse("Ship it due:someday")
        XCTAssertEqual(e.badDue, "someday")
        XCTAssertNil(e.item.due)
        XCTAssertEqual(e.item.text, "Ship it")
        XCTAssertEqual(parse("x due:2026-02-30").badDue, "2026-02-30")
    }

    func testOwnerMatching() {
        XCTAssertEqual(parse("x @linh").item.owner, "Linh Nguyen", "case-insensitive first name")
        XCTAssertEqual(parse("x @Anna_Berg").item.owner, "Anna Berg", "full name with underscore")
        XCTAssertEqual(parse("x @anna-kim").item.owner, "Anna Kim")
        let ambiguous = parse("x @Anna")
        XCTAssertEqual(ambiguous.item.owner, "Anna", "two Annas: kept as typed")
        XCTAssertEqual(ambiguous.ambiguousOwner, ["Anna Berg", "Anna Kim"], "two Annas: asked which")
        XCTAssertNil(ambiguous.unknownOwner)
        XCTAssertEqual(parse("x @Bob.").item.owner, "Bob")
        XCTAssertEqual(parse("x @Bob.").unknownOwner, "Bob")
    }

    func testEscapesAndLiteralHashes() {
        let e = parse("Use \\#channel and mail \\@support, C# and #123 stay", .facts)
        XCTAssertEqual(e.item.text, "Use #channel and mail @support, C# and #123 stay")
        // `\#internal` stays escaped in the stored CommonMark (it shows as "#internal"): never the internal mark.
        XCTAssertEqual(parse("Say \\#internal out loud", .facts).item.text, "Say \\#internal out loud")
        XCTAssertEqual(e.item.tags, [])
        XCTAssertEqual(parse("Say \\#internal out loud", .facts).item.isInternal, false)
        XCTAssertTrue(Tags.hashtags(in: parse("Say \\#internal out loud", .facts).item.text).isEmpty)
    }

    func testInternalWithPunctuation() {
        for typed in ["Anna was ill #internal.", "Anna was ill (#internal)", "Anna was ill #Internal!", "Anna was ill [#internal],"] {
            let e = parse(typed, .facts)
            XCTAssertTrue(e.item.isInternal, typed)
            XCTAssertFalse(e.item.text.contains("internal"), typed)
        }
        XCTAssertEqual(parse("Anna was ill #internal.", .facts).item.text, "Anna was ill.")
        XCTAssertEqual(parse("Load was high (#staffing), we waited", .facts).item.tags, ["staffing"])
        XCTAssertEqual(parse("Load was high (#staffing), we waited", .facts).item.text, "Load was high, we waited")
    }

    func testOwnerAndDueOnlyInActions() {
        let e = parse("@Anna said due:+2w was fine #client-view", .facts)
        XCTAssertEqual(e.item.text, "@Anna said due:+2w was fine")
        XCTAssertNil(e.item.owner)
        XCTAssertNil(e.item.due)
        XCTAssertEqual(e.item.tags, ["client-view"])
    }

    func testSideIsKept() {
        let e = QuickEntryParser.parse("Materials came on Monday", kind: .facts, participants: [], today: today, side: .client)
        XCTAssertEqual(e.item.side, .client)
    }
    func testOwnerByAnyPartOfTheName() {
        let team = [Participant(name: "Nguyễn Thị Mai", side: .us), Participant(name: "Tomás Ruiz", side: .us)]
        func owner(_ s: String) -> QuickEntry { QuickEntryParser.parse(s, kind: .actions, participants: team, today: today) }
        XCTAssertEqual(owner("Call @Mai").item.owner, "Nguyễn Thị Mai", "the given name, written last")
        XCTAssertEqual(owner("Call @nguyen").item.owner, "Nguyễn Thị Mai", "without accents")
        XCTAssertEqual(owner("Call @ruiz").item.owner, "Tomás Ruiz")
        XCTAssertEqual(owner("Call @Zoe").unknownOwner, "Zoe")
    }

    func testTimelineDatesAreReadOrFlagged() {
        func entry(_ s: String) -> QuickEntry { QuickEntryParser.parse(s, kind: .timeline, today: today) }
        XCTAssertEqual(entry("2026-11-14 09:30 The site went down").item.at?.description, "2026-11-14 09:30")
        XCTAssertEqual(entry("2026-11-14: The site went down").item.text, "The site went down")
        for bad in ["2026-13-01 Launch", "2026-02-30 Launch", "14/11/2026 Launch", "14.11.2026: Launch"] {
            XCTAssertNotNil(entry(bad).badMoment, bad)
            XCTAssertNil(entry(bad).item.at, bad)
        }
        XCTAssertNil(entry("Launch at 9").badMoment, "an undated entry is fine")
        XCTAssertNil(entry("404 errors all morning").badMoment)
    }
}

final class SlugTests: XCTestCase {
    func testSlugsAreSafe() {
        XCTAssertEqual(Slug.make("Conference deck for the bank"), "conference-deck-for-the-bank")
        XCTAssertEqual(Slug.make("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(Slug.make("Dự án thất bại"), "du-an-that-bai")
        XCTAssertEqual(Slug.make("!!!"), "debrief")
        XCTAssertLessThanOrEqual(Slug.make(String(repeating: "word ", count: 40)).count, 60)
        XCTAssertFalse(Slug.make("Проект провалился").isEmpty)
        for s in ["a/b", "a\\b", "..", "NUL", "con:aux"] {
            let slug = Slug.make(s)
            XCTAssertFalse(slug.contains("/") || slug.contains("\\") || slug.contains(":") || slug.hasPrefix("."), slug)
        }
    }

}
