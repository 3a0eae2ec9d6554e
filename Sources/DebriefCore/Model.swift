import Foundation
// The debrief record: one YAML file, schema version 1 (see shared/product.md).

/// A calendar date, `YYYY-MM-DD`.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }
    /// Parses exactly `YYYY-MM-DD` and checks the calendar.
    public init?(_ s: String) {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { let d = Int(u[i]) - 48; guard (0...9).contains(d) else { return nil }; v = v * 10 + d }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0); self.month = m; self.day = d
    }
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Today by the system clock, in local time. Libraries take "today" as a value (the workspace's
    /// clock); only the executable asks the system.
    public static func systemToday() -> Day {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(ordinal: 0)
    }
}

/// A moment on a timeline: a date, optionally with a time of day (`YYYY-MM-DD HH:MM`).
public struct Moment: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var day: Day
    public var minutes: Int?   // minutes after midnight
    public init(day: Day, minutes: Int? = nil) { self.day = day; self.minutes = minutes }
    public init?(_ s: String) {
        let t = s.trimmingCharacters(in: " ")
        if let d = Day(t) { self.init(day: d); return }
        let u = Array(t.utf8)
        guard u.count == 16, u[10] == UInt8(ascii: " ") || u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"),
              let d = Day(String(decoding: u[0..<10], as: UTF8.self)),
              let h = Int(String(decoding: u[11..<13], as: UTF8.self)), (0...23).contains(h),
              let m = Int(String(decoding: u[14..<16], as: UTF8.self)), (0...59).contains(m),
              u[11...12].allSatisfy({ (48...57).contains($0) }), u[14...15].allSatisfy({ (48...57).contains($0) })
        else { return nil }
        self.init(day: d, minutes: h * 60 + m)
    }
    public var description: String {
        guard let minutes else { return day.description }
        let h = minutes / 60, m = minutes % 60
        return "\(day) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
    public static func < (a: Moment, b: Moment) -> Bool { (a.day, a.minutes ?? -1) < (b.day, b.minutes ?? -1) }
}

extension Record: Equatable {}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set.unicodeScalars)
        var s = Substring(self)
        while let f = s.unicodeScalars.first, chars.contains(f) { s = Substring(s.unicodeScalars.dropFirst()) }
        while let l = s.unicodeScalars.last, chars.contains(l) { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }
    /// Leading and trailing white space and newlines removed.
    public var trimmed: String { trimmingCharacters(in: " \t\r\n") }
}

public enum Side: String, Sendable, CaseIterable {
    case us, client
}

public enum Status: String, Sendable, CaseIterable {
    case draft, final
}

/// Who the client letter is addressed to, and how it greets them (the record's `letter:` block).
public struct LetterSettings: Sendable, Equatable {
    /// A client participant's name.
    public var to: String?
    /// The whole greeting line ("Dear Ms Okafor,"), instead of the locale's.
    public var salutation: String?
    public init(to: String? = nil, salutation: String? = nil) { self.to = to; self.salutation = salutation }
}

public struct Participant: Sendable, Equatable {
    public var name: String
    public var side: Side
    public var role: String?
    public var position: SourcePosition?
    public init(name: String, side: Side, role: String? = nil, position: SourcePosition? = nil) {
        self.name = name; self.side = side; self.role = role; self.position = position
    }
    public static func == (a: Participant, b: Participant) -> Bool { a.name == b.name && a.side == b.side && a.role == b.role }
}

/// One entry of a list section. Its text is CommonMark.
public struct Item: Sendable, Equatable {
    public var text: String
    public var side: Side?
    public var isInternal: Bool = false
    public var tags: [String] = []
    public var counterfactual: String?   // mistakes
    public var owner: String?            // actions
    public var due: Day?                 // actions
    public var done: Bool?               // actions
    /// The issue tracker's reference ("OPS-142"), for an action that has one: the team's, never the client's.
    public var ticket: String?           // actions
    public var chosen: Bool?             // remedies
    public var at: Moment?               // timeline
    /// Where the item's text stands in the file (for findings and errors).
    public var position: SourcePosition?
    /// Where its other fields stand (`counterfactual`, `owner`, ...).
    public var fieldPositions: [String: SourcePosition] = [:]

    public init(text: String, side: Side? = nil, isInternal: Bool = false, tags: [String] = [],
                counterfactual: String? = nil, owner: String? = nil, due: Day? = nil, done: Bool? = nil,
                chosen: Bool? = nil, at: Moment? = nil, position: SourcePosition? = nil) {
        self.text = text; self.side = side; self.isInternal = isInternal; self.tags = tags
        self.counterfactual = counterfactual; self.owner = owner; self.due = due; self.done = done
        self.chosen = chosen; self.at = at; self.position = position
    }
    public static func == (a: Item, b: Item) -> Bool {
        a.text == b.text && a.side == b.side && a.isInternal == b.isInternal && a.tags == b.tags
            && a.counterfactual == b.counterfactual && a.owner == b.owner && a.due == b.due && a.done == b.done
            && a.chosen == b.chosen && a.at == b.at && a.ticket == b.ticket
    }
}

public enum SectionContent: Sendable, Equatable {
    case narrative(String)
    case items([Item])

    public var items: [Item] {
        if case .items(let i) = self { return i }
        return []
    }
    public var isEmpty: Bool {
        switch self {
        case .narrative(let t): return t.trimmed.isEmpty
        case .items(let i): return i.isEmpty
        }
    }
}

public struct RecordSection: Sendable, Equatable {
    public var id: String
    public var content: SectionContent
    public var position: SourcePosition?
    /// Where the value starts (a narrative's text).
    public var valuePosition: SourcePosition?
    public init(id: String, content: SectionContent, position: SourcePosition? = nil) {
        self.id = id; self.content = content; self.position = position
    }
    public static func == (a: RecordSection, b: RecordSection) -> Bool { a.id == b.id && a.content == b.content }
}

public struct Record: Sendable {
    public static let schemaVersion = 1

    public var format: String
    public var title: String
    public var date: Day?
    public var status: Status = .draft
    public var client: String?
    public var project: String?
    public var locale: String?
    public var participants: [Participant] = []
    /// Sections in the format's order, only those the file holds.
    public var sections: [RecordSection] = []
    /// Where the `sections:` key stands in the file (for findings about a missing section).
    public var sectionsPosition: SourcePosition?
    /// Where the header fields' values stand (`title`, `client`, `project`, ...).
    public var fieldPositions: [String: SourcePosition] = [:]
    /// Where the guide stopped in a draft (a step id such as `mistakes.client`); nil once finished.
    public var progress: String?
    /// Who the client letter is for.
    public var letter: LetterSettings?

    public init(format: String, title: String, date: Day? = nil, status: Status = .draft,
                client: String? = nil, project: String? = nil, locale: String? = nil,
                participants: [Participant] = [], sections: [RecordSection] = []) {
        self.format = format; self.title = title; self.date = date; self.status = status
        self.client = client; self.project = project; self.locale = locale
        self.participants = participants; self.sections = sections
    }

    public func section(_ id: String) -> RecordSection? { sections.first { $0.id == id } }

    public func items(in id: String) -> [Item] { section(id)?.content.items ?? [] }

    public static func == (a: Record, b: Record) -> Bool {
        a.format == b.format && a.title == b.title && a.date == b.date && a.status == b.status && a.client == b.client
            && a.project == b.project && a.locale == b.locale && a.participants == b.participants
            && a.sections == b.sections && a.progress == b.progress && a.letter == b.letter
    }

    /// Names of the team's own participants (side `us`).
    public var teamNames: [String] { participants.filter { $0.side == .us }.map(\.name) }
}
