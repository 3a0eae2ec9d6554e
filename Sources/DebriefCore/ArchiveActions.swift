// Follow-ups across the archive (`debrief actions`): each action with its debrief, owner, due date and
// state; the filters; the order (overdue first); the text lines and summary; and an iCalendar (RFC 5545)
// writer for the team's calendar. Values in, values out: the executable prints.
import DebriefMarkdown
import Foundation

/// Where an action stands on a given day.
public enum ActionState: String, Sendable, CaseIterable, Codable {
    /// Not done, and due before today.
    case overdue
    /// Not done, due today or later, or without a due date.
    case open
    case done

    public static func of(done: Bool, due: Day?, today: Day) -> ActionState {
        if done { return .done }
        if let due, due < today { return .overdue }
        return .open
    }
}

/// One action of one debrief, as `debrief actions` lists it. A reference: an archive holds tens of thousands,
/// and filtering and sorting move them around.
public final class ArchiveAction: Sendable, Equatable {
    /// The debrief file (absolute) and the root of the archive it belongs to.
    public let path: String
    public let archiveRoot: String
    /// The debrief's title.
    public let title: String
    /// The action's number in its section (as `debrief done FILE N` takes it), and the line of its text.
    public let number: Int
    public let line: Int
    /// The action as written (CommonMark), and what a reader sees of it, on one line.
    public let text: String
    public let plain: String
    public let owner: String?
    public let due: Day?
    public let done: Bool
    public let tags: [String]
    public let isInternal: Bool
    public let state: ActionState

    public init(path: String, archiveRoot: String, title: String, number: Int, line: Int, text: String, plain: String,
                owner: String?, due: Day?, done: Bool, tags: [String], isInternal: Bool, state: ActionState) {
        self.path = path; self.archiveRoot = archiveRoot; self.title = title; self.number = number; self.line = line
        self.text = text; self.plain = plain; self.owner = owner; self.due = due; self.done = done; self.tags = tags
        self.isInternal = isInternal; self.state = state
    }

    public static func == (a: ArchiveAction, b: ArchiveAction) -> Bool {
        a.path == b.path && a.archiveRoot == b.archiveRoot && a.title == b.title && a.number == b.number && a.line == b.line
            && a.text == b.text && a.plain == b.plain && a.owner == b.owner && a.due == b.due && a.done == b.done
            && a.tags == b.tags && a.isInternal == b.isInternal && a.state == b.state
    }

    /// The debrief's path inside its archive (`debriefs/2026-11-22-deck.yml`): the same from any folder.
    public var pathInArchive: String { ArchiveActions.relative(path, to: archiveRoot) }
}

/// What `debrief actions` keeps.
public struct ActionQuery: Sendable, Equatable {
    /// Hides done actions.
    public var openOnly: Bool
    /// Only overdue actions.
    public var overdueOnly: Bool
    /// An owner, matched by any part of the name, without case or accents.
    public var owner: String?
    /// Keeps open actions due on or before this day (overdue ones included).
    public var dueBy: Day?

    public init(openOnly: Bool = false, overdueOnly: Bool = false, owner: String? = nil, dueBy: Day? = nil) {
        self.openOnly = openOnly; self.overdueOnly = overdueOnly; self.owner = owner; self.dueBy = dueBy
    }
}

/// How many actions stand where: the line that ends the text output.
public struct ActionSummary: Sendable, Equatable {
    public var open: Int
    public var overdue: Int
    /// Done actions due in the last 30 days or later (a record keeps no date of completion; the due date stands for it).
    public var recentlyDone: Int

    public init(open: Int, overdue: Int, recentlyDone: Int) { self.open = open; self.overdue = overdue; self.recentlyDone = recentlyDone }

    public init(_ actions: [ArchiveAction], today: Day) {
        let since = today.adding(days: -30)
        self.init(open: actions.count { $0.state == .open },
                  overdue: actions.count { $0.state == .overdue },
                  recentlyDone: actions.count { $0.state == .done && ($0.due.map { $0 >= since } ?? false) })
    }

    /// "2 open, 1 overdue, 1 done in the last 30 days"
    public var line: String { "\(open) open, \(overdue) overdue, \(recentlyDone) done in the last 30 days" }
}

public enum ArchiveActions {
    /// Every action of the records, with its state on `today`. Paths in the records are absolute or relative to `archiveRoot`.
    public static func collect(_ records: [IndexedRecord], archiveRoot: String, today: Day) -> [ArchiveAction] {
        var out: [ArchiveAction] = []
        out.reserveCapacity(records.reduce(0) { $0 + $1.actions.count })
        for r in records {
            let path = r.path.hasPrefix("/") ? r.path : (archiveRoot as NSString).appendingPathComponent(r.path)
            for a in r.actions {
                let due = a.dueDay
                out.append(ArchiveAction(path: path, archiveRoot: archiveRoot, title: r.title, number: a.number, line: a.line,
                                         text: a.text, plain: a.plain, owner: a.owner, due: due,
                                         done: a.done, tags: a.tags, isInternal: a.isInternal,
                                         state: ActionState.of(done: a.done, due: due, today: today)))
            }
        }
        return out
    }

    /// The plain text of a CommonMark text, on one line: emphasis and link syntax gone, white space collapsed.
    public static func oneLine(_ text: String, markdown: MarkdownCache = MarkdownCache()) -> String {
        var plain = markdown(text.trimmed).plain
        if plain.trimmed.isEmpty { plain = text }
        return collapsingWhiteSpace(plain)
    }

    /// Runs of white space (line breaks included) as one space, none at either end.
    public static func collapsingWhiteSpace(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            let white = u.value < 0x80 ? (u == " " || u == "\t" || u == "\n" || u == "\r" || u.value == 0x0B || u.value == 0x0C)
                                       : u.properties.isWhitespace
            if white { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(u)
        }
        return String(out)
    }

    /// Overdue first (oldest due first), then open by due date (undated last), then done (most recent due first,
    /// undated last); ties by debrief and number.
    public static func sorted(_ actions: [ArchiveAction]) -> [ArchiveAction] {
        // Sorted by a small key per action (the actions themselves are large to move around).
        struct Key { var rank: Int; var dated: Bool; var due: Int; var path: String; var number: Int; var index: Int }
        let keys = actions.enumerated().map { i, a in
            let rank = a.state == .overdue ? 0 : a.state == .open ? 1 : 2
            let due = a.due?.ordinal ?? 0
            return Key(rank: rank, dated: a.due != nil, due: a.state == .done ? -due : due, path: a.path, number: a.number, index: i)
        }
        return keys.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.dated != b.dated { return a.dated }
            if a.due != b.due { return a.due < b.due }
            if a.path != b.path { return a.path < b.path }
            return a.number < b.number
        }.map { actions[$0.index] }
    }

    /// The actions the query keeps, in order.
    public static func select(_ actions: [ArchiveAction], _ q: ActionQuery) -> [ArchiveAction] {
        let kept = actions.filter { a in
            if q.openOnly && a.state == .done { return false }
            if q.overdueOnly && a.state != .overdue { return false }
            if let by = q.dueBy {
                guard a.state != .done, let due = a.due, due <= by else { return false }
            }
            return true
        }
        return sorted(owned(kept, by: q.owner))
    }

    /// Only the owner filter: what the summary counts.
    public static func owned(_ actions: [ArchiveAction], by name: String?) -> [ArchiveAction] {
        guard let name else { return actions }
        var owners: [String: Bool] = [:]
        return actions.filter { a in
            let key = a.owner ?? ""
            if let m = owners[key] { return m }
            let m = ownerMatches(a.owner, name)
            owners[key] = m
            return m
        }
    }

    /// `Mai`, `nguyen`, `NGUYEN MAI` and `Nguyễn-Thị` all name "Nguyễn Thị Mai": every word asked for is a word of
    /// the owner's name, without case or accents.
    public static func ownerMatches(_ owner: String?, _ name: String) -> Bool {
        guard let owner else { return false }
        let wanted = Fold.words(name).map(\.key)
        guard !wanted.isEmpty else { return false }
        let parts = Set(Fold.words(owner).map(\.key))
        return wanted.allSatisfy(parts.contains)
    }

    /// The last day `--due-within` keeps: `7d`, `2w`, `1m` (a calendar month) or `7` (days) from today.
    public static func dueLimit(_ text: String, today: Day) -> Day? {
        var v = text.trimmed.lowercased()
        if v.hasPrefix("+") { v.removeFirst() }
        guard let last = v.last else { return nil }
        if last.isNumber { v += "d" }
        guard v.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }), v.count >= 2 else { return nil }
        return QuickEntryParser.parseDue("+" + v, today: today)
    }

    // MARK: Paths

    /// `path` relative to the folder `base` (with `..` where it lies outside), both absolute.
    public static func relative(_ path: String, to base: String) -> String {
        relative(components(path), to: components(base))
    }

    static func relative(_ p: [Substring], to b: [Substring]) -> String {
        var common = 0
        while common < p.count, common < b.count, p[common] == b[common] { common += 1 }
        let rest = Array(repeating: "..", count: b.count - common) + p[common...]
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }

    /// The parts of an absolute path, `.` and `..` resolved.
    static func components(_ path: String) -> [Substring] {
        var out: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !out.isEmpty { out.removeLast() }; continue }
            out.append(part)
        }
        return out
    }

    /// How the listing names an action: its debrief relative to `base` and its number (`debriefs/deck.yml#3`).
    public static func reference(_ a: ArchiveAction, from base: String) -> String {
        relative(a.path, to: base) + "#\(a.number)"
    }

    /// Each debrief's path relative to `base`, worked out once per debrief.
    public static func relativePaths(_ actions: [ArchiveAction], from base: String) -> [String: String] {
        let b = components(base)
        // Under `base` and already plain (no `.`, `..` or doubled '/'): the rest of the path as it is.
        let prefix = "/" + b.joined(separator: "/") + (b.isEmpty ? "" : "/")
        var out: [String: String] = [:]
        for a in actions where out[a.path] == nil {
            let p = a.path
            if p.hasPrefix(prefix), p.utf8.count > prefix.utf8.count, isPlainPath(p) {
                out[p] = String(p.dropFirst(prefix.count))
            } else {
                out[p] = relative(components(p), to: b)
            }
        }
        return out
    }

    /// No empty, `.` or `..` part in the path.
    static func isPlainPath(_ p: String) -> Bool {
        var part = 0, dots = 0, first = true
        for b in p.utf8 {
            if b == 0x2F {
                if !first && (part == 0 || part == dots && dots <= 2) { return false }
                first = false; part = 0; dots = 0
            } else {
                part += 1
                if b == 0x2E { dots += 1 }
            }
        }
        return !(part == 0 || part == dots && dots <= 2)
    }

    // MARK: Text

    /// One aligned line per action: state, due date, owner, the action's text, the debrief and number.
    /// `clean` makes text from files safe for a terminal; `paint` may colour a line's cells by state.
    public static func textLines(_ actions: [ArchiveAction], from base: String,
                                 clean: (String) -> String = { $0 },
                                 paint: (ActionState, String) -> String = { $1 }) -> [String] {
        let paths = relativePaths(actions, from: base)
        var cleaned: [String: (text: String, width: Int)] = [:]   // owners and paths repeat: each cleaned once
        func once(_ s: String) -> (text: String, width: Int) {
            if let c = cleaned[s] { return c }
            let t = clean(s), c = (t, displayWidth(t))
            cleaned[s] = c
            return c
        }
        let n = actions.count
        var owners: [(text: String, width: Int)] = [], texts: [(text: String, width: Int)] = [], refs: [String] = []
        owners.reserveCapacity(n); texts.reserveCapacity(n); refs.reserveCapacity(n)
        var ownerWidth = 0, longest = 0
        for a in actions {
            let o: (text: String, width: Int) = a.owner.map(once) ?? ("-", 1)
            let t = clean(a.plain)
            let tw = displayWidth(t)
            owners.append(o); texts.append((t, tw))
            refs.append(once(paths[a.path]!).text + "#" + String(a.number))
            ownerWidth = max(ownerWidth, o.width); longest = max(longest, tw)
        }
        let stateWidth = ActionState.allCases.map(\.rawValue.count).max() ?? 7
        // The text column is as wide as the longest text up to 60 columns; a longer text pushes its debrief along.
        let textWidth = min(longest, 60)
        func pad(_ line: inout String, _ text: String, _ width: Int, to column: Int) {
            line += text
            if width < column { line += String(repeating: " ", count: column - width) }
        }
        var lines: [String] = []
        lines.reserveCapacity(n)
        for (i, a) in actions.enumerated() {
            var line = ""
            line.reserveCapacity(stateWidth + 14 + ownerWidth + texts[i].text.utf8.count + refs[i].utf8.count + 8)
            pad(&line, a.state.rawValue, a.state.rawValue.count, to: stateWidth)
            line += "  "
            let due = a.due?.description ?? "-"
            pad(&line, due, due.count, to: 10)
            line += "  "
            pad(&line, owners[i].text, owners[i].width, to: ownerWidth)
            line += "  "
            pad(&line, texts[i].text, texts[i].width, to: textWidth)
            line += "  "
            line += refs[i]
            lines.append(paint(a.state, line))
        }
        return lines
    }

    /// Columns a text takes on a terminal: wide (East Asian, emoji) characters two, combining marks and
    /// invisible characters none, others one.
    public static func displayWidth(_ s: String) -> Int {
        var ascii = true
        for b in s.utf8 where b >= 0x80 { ascii = false; break }
        if ascii { return s.utf8.count }
        var w = 0
        for u in s.unicodeScalars {
            if u.value < 0x300 { w += 1; continue }
            if isWide(u) { w += 2; continue }
            switch u.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: w += 1
            }
        }
        return w
    }

    static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

// MARK: - iCalendar

/// A calendar of follow-ups (RFC 5545): one all-day event per open action with a due date.
public enum ICalendar {
    /// The whole calendar, CRLF line endings, lines folded at 75 octets. `stamp` is DTSTAMP (when it was written).
    public static func calendar(_ actions: [ArchiveAction], stamp: Date, productID: String, name: String = "Follow-ups") -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + productID,
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name),
        ]
        let dtstamp = timestamp(stamp)
        var seen: [String: Int] = [:]
        for a in actions where !a.done {
            guard let due = a.due else { continue }
            // The same text twice in one debrief: the second gets its own (still stable) identifier.
            let key = a.pathInArchive + "\u{0}" + a.text.trimmed
            seen[key, default: 0] += 1
            var description = [String]()
            description.append("Owner: " + (a.owner ?? "none"))
            description.append("Debrief: " + a.title)
            description.append("File: \(a.pathInArchive)#\(a.number)")
            if a.isInternal { description.append("Internal") }
            lines += [
                "BEGIN:VEVENT",
                "UID:" + uid(pathInArchive: a.pathInArchive, text: a.text, occurrence: seen[key]!),
                "DTSTAMP:" + dtstamp,
                "DTSTART;VALUE=DATE:" + date(due),
                "DTEND;VALUE=DATE:" + date(due.adding(days: 1)),
                "SUMMARY:" + escape(a.plain),
                "DESCRIPTION:" + escape(description.joined(separator: "\n")),
            ]
            if !a.tags.isEmpty { lines.append("CATEGORIES:" + a.tags.map(escape).joined(separator: ",")) }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks as `\n`;
    /// other control characters, which TEXT may not hold, left out.
    public static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(u)
            default:
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.append(u)
            }
        }
        return String(out)
    }

    /// A content line folded (RFC 5545 3.1): no line longer than 75 octets, each continuation starting with a space,
    /// and never inside a UTF-8 character.
    public static func fold(_ line: String, limit: Int = 75) -> String {
        guard line.utf8.count > limit else { return line }
        var out = ""
        var current = 0
        for u in line.unicodeScalars {
            let n = UTF8.width(u)
            if current + n > limit {
                out += "\r\n "
                current = 1
            }
            out.unicodeScalars.append(u)
            current += n
        }
        return out
    }

    /// A stable identifier from the debrief's place in its archive and the action's text (not its position):
    /// importing the calendar again updates the events instead of adding them twice.
    public static func uid(pathInArchive: String, text: String, occurrence: Int = 1) -> String {
        var key = pathInArchive + "\u{0}" + text.trimmed
        if occurrence > 1 { key += "\u{0}\(occurrence)" }
        let bytes = Array(key.utf8)
        return hex(fnv1a(bytes, basis: 0xcbf2_9ce4_8422_2325)) + hex(fnv1a(bytes, basis: 0x6c62_272e_07bb_0142)) + "@debrief"
    }

    static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var h = basis
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// `20261222`
    public static func date(_ d: Day) -> String {
        d.description.replacingOccurrences(of: "-", with: "")
    }

    /// `20261122T093000Z` (UTC).
    public static func timestamp(_ t: Date) -> String {
        var seconds = time_t(t.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(ordinal: 0)
        return date(day) + "T" + two(parts.tm_hour) + two(parts.tm_min) + two(parts.tm_sec) + "Z"
    }
}
