import DebriefCore
import XCTest

final class DayTests: XCTestCase {
    func testParsing() {
        let d = Day("2026-11-22")
        XCTAssertEqual(d?.year, 2026)
        XCTAssertEqual(d?.month, 11)
        XCTAssertEqual(d?.day, 22)
        XCTAssertEqual(d?.description, "2026-11-22")
        for bad in ["2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "22/11/2026", "2026-1-01", "2026-11-2",
                    "2026/11/22", "20261122", "2026-11-22 ", " 2026-11-22", "0000-01-01", "2026-1a-01", "", "2026-11-22T10:00"] {
            XCTAssertNil(Day(bad), bad)
        }
        XCTAssertNil(Day(year: 2026, month: 2, day: 29))
        XCTAssertNil(Day(year: 10000, month: 1, day: 1))
        XCTAssertEqual(Day(year: 1, month: 1, day: 1)?.description, "0001-01-01")
    }

    func testLeapYears() {
        XCTAssertNotNil(Day("2024-02-29"))
        XCTAssertNotNil(Day("2000-02-29"), "divisible by 400")
        XCTAssertNil(Day("2100-02-29"), "divisible by 100, not by 400")
        XCTAssertNil(Day("1900-02-29"))
        XCTAssertNil(Day("2026-02-29"))
        XCTAssertEqual(Day.daysIn(month: 2, year: 2024), 29)
        XCTAssertEqual(Day.daysIn(month: 2, year: 2026), 28)
        XCTAssertEqual(Day.daysIn(month: 2, year: 2000), 29)
        XCTAssertEqual(Day.daysIn(month: 2, year: 2100), 28)
        XCTAssertEqual((1...12).map { Day.daysIn(month: $0, year: 2026) }, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }

    func testAddingDays() {
        let d = Day("2026-11-22")!
        XCTAssertEqual(d.adding(days: 0), d)
        XCTAssertEqual(d.adding(days: 30).description, "2026-12-22")
        XCTAssertEqual(d.adding(days: 9).description, "2026-12-01", "across a month")
        XCTAssertEqual(d.adding(days: 40).description, "2027-01-01", "across a year")
        XCTAssertEqual(d.adding(days: -22).description, "2026-10-31", "backwards across a month")
        XCTAssertEqual(Day("2027-01-01")!.adding(days: -1).description, "2026-12-31", "backwards across a year")
        XCTAssertEqual(Day("2024-02-28")!.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(Day("2024-02-28")!.adding(days: 2).description, "2024-03-01")
        XCTAssertEqual(Day("2026-02-28")!.adding(days: 1).description, "2026-03-01")
        XCTAssertEqual(Day("2024-01-01")!.adding(days: 366).description, "2025-01-01", "a leap year has 366 days")
        XCTAssertEqual(Day("2026-01-01")!.adding(days: 365).description, "2027-01-01")
        XCTAssertEqual(Day("1970-01-01")!.adding(days: -1).description, "1969-12-31")
        XCTAssertEqual(d.adding(days: 14).adding(days: -14), d)
    }

    func testOrdinal() {
        XCTAssertEqual(Day("1970-01-01")!.ordinal, 0)
        XCTAssertEqual(Day("1970-01-02")!.ordinal, 1)
        XCTAssertEqual(Day("1969-12-31")!.ordinal, -1)
        XCTAssertEqual(Day("2000-03-01")!.ordinal, 11017)
        XCTAssertEqual(Day("2026-11-22")!.ordinal - Day("2026-10-06")!.ordinal, 47)
        XCTAssertEqual(Day(ordinal: 0).description, "1970-01-01")
    }

    func testOrdinalRoundTrip() {
        // Every day from 1899-12-25 for a few centuries, plus the ends of the supported range.
        let start = Day("1899-12-25")!.ordinal
        var previous: Day?
        for z in stride(from: start, through: start + 200 * 366, by: 1) {
            let d = Day(ordinal: z)
            XCTAssertNotNil(Day(year: d.year, month: d.month, day: d.day), "\(z) gives an invalid day \(d)")
            if d.ordinal != z { XCTFail("ordinal round trip fails at \(z): \(d)"); break }
            if let p = previous, !(p < d) { XCTFail("days out of order at \(d)"); break }
            previous = d
        }
        for s in ["0001-01-01", "9999-12-31", "1600-02-29", "2400-02-29"] {
            let d = Day(s)!
            XCTAssertEqual(Day(ordinal: d.ordinal), d, s)
        }
    }

    func testComparison() {
        XCTAssertLessThan(Day("2026-11-21")!, Day("2026-11-22")!)
        XCTAssertLessThan(Day("2026-09-30")!, Day("2026-10-01")!)
        XCTAssertLessThan(Day("2025-12-31")!, Day("2026-01-01")!)
        XCTAssertEqual([Day("2026-12-01")!, Day("2026-01-31")!, Day("2025-06-15")!].sorted().map(\.description),
                       ["2025-06-15", "2026-01-31", "2026-12-01"])
    }
}

final class MomentTests: XCTestCase {
    func testDateOnly() {
        let m = Moment("2026-10-01")
        XCTAssertEqual(m?.day, Day("2026-10-01"))
        XCTAssertNil(m?.minutes)
        XCTAssertEqual(m?.description, "2026-10-01")
    }

    func testWithTime() {
        let space = Moment("2026-10-01 09:00")
        let t = Moment("2026-10-01T09:00")
        XCTAssertEqual(space?.day, Day("2026-10-01"))
        XCTAssertEqual(space?.minutes, 9 * 60)
        XCTAssertEqual(t, space, "T and space mean the same")
        XCTAssertEqual(t?.description, "2026-10-01 09:00", "written with a space")
        XCTAssertEqual(Moment("2026-10-01 23:59")?.minutes, 23 * 60 + 59)
        XCTAssertEqual(Moment("2026-10-01 00:00")?.minutes, 0)
        XCTAssertEqual(Moment("2026-10-01 00:00")?.description, "2026-10-01 00:00")
        XCTAssertEqual(Moment(" 2026-10-01 18:30 ")?.minutes, 18 * 60 + 30, "surrounding spaces are ignored")
    }

    func testRejects() {
        for bad in ["2026-10-01 25:00", "2026-10-01 24:00", "2026-10-01 09:60", "2026-10-01 9:00", "2026-10-01 09:0",
                    "2026-10-01 09-00", "2026-10-01_09:00", "2026-10-01 +9:00", "2026-10-01 09:+5", "2026-10-01 09:00:00",
                    "2026-02-30 09:00", "2026-10-01 ab:cd", "09:00", "", "tomorrow"] {
            XCTAssertNil(Moment(bad), bad)
        }
    }

    func testOrdering() {
        let dateOnly = Moment("2026-10-06")!
        let early = Moment("2026-10-06 07:40")!
        let late = Moment("2026-10-06 09:00")!
        let nextDay = Moment("2026-10-07")!
        XCTAssertLessThan(dateOnly, early, "a bare date sorts before times on that day")
        XCTAssertLessThan(early, late)
        XCTAssertLessThan(late, nextDay)
        XCTAssertEqual([late, nextDay, early, dateOnly].sorted(), [dateOnly, early, late, nextDay])
    }
}
