// Quick entry: the short inline syntax wherever a person types an item.
//   @Anna          owner (actions), matched against the participants
//   due:2026-12-22 due date (actions); due:+30d, due:+2w, due:+1m relative to today
//   #internal      keeps the item out of the client version
//   #word          a tag
//   \# and \@      the literal characters
import Foundation

public struct QuickEntry: Sendable, Equatable {
    public var item: Item
    /// A `due:` that could not be read (the guide asks again).
    public var badDue: String?
    /// An `@name` that matched no participant (kept as typed).
    public var unknownOwner: String?
    /// An `@name` that matches several participants: their names (the guide asks which; `add` refuses).
    public var ambiguousOwner: [String] = []
    /// A timeline entry that starts with a date that cannot be read ("2026-13-01", "14/11/2026").
    public var badMoment: String?
}

public enum QuickEntryParser {
    /// Parses one typed line for a section of `kind`. `@owner` and `due:` apply
    /// to actions only; elsewhere they stay in the text as typed.
    public static func parse(_ line: String, kind: SectionKind, participants: [Participant] = [],
                             today: Day, side: Side? = nil) -> QuickEntry {
        let line = cleanTypedText(line)   // what a record cannot hold never reaches it
        var item = Item(text: "", side: side)
        var badDue: String?
        var unknownOwner: String?
        var ambiguousOwner: [String] = []
        var words: [String] = []
        let isActions = kind == .actions

        for raw in tokenize(line) {
            let token = raw.text
            if raw.escaped { words.append(token); continue }
            // "#tag", also inside brackets or before punctuation: "(#internal)", "#internal.", "#urgent,".
            if let (tag, trailing) = hashtag(token) {
                if Tags.key(tag) == "internal" { item.isInternal = true }
                else if !item.tags.contains(tag) { item.tags.append(tag) }
                // A sentence's full stop or comma stays with the words before the tag.
                if !trailing.isEmpty, !words.isEmpty { words[words.count - 1] += trailing }
                continue
            }
            if isActions, token.hasPrefix("@"), token.count > 1 {
                let name = String(token.dropFirst()).trimmingCharacters(in: ".,;:!?")
                let matches = participantsMatching(name, participants)
                if matches.count == 1 { item.owner = matches[0].name }
                else {
                    item.owner = name.replacingOccurrences(of: "_", with: " ")
                    if matches.isEmpty { unknownOwner = name } else { ambiguousOwner = matches.map(\.name) }
                }
                continue
            }
            if isActions, token.lowercased().hasPrefix("due:") {
                let value = String(token.dropFirst(4))
                if let d = parseDue(value, today: today) { item.due = d; badDue = nil } else { badDue = value }
                continue
            }
            words.append(token)
        }
        item.text = words.joined(separator: " ")
        var badMoment: String?
        if kind == .timeline {
            splitMoment(&item)
            if item.at == nil { badMoment = leadingBadDate(item.text) }
        }
        var entry = QuickEntry(item: item, badDue: badDue, unknownOwner: unknownOwner, badMoment: badMoment)
        entry.ambiguousOwner = ambiguousOwner
        return entry
    }

    /// The tag a token holds ("#internal", "(#internal)", "#internal.") and the sentence punctuation after it.
    static func hashtag(_ token: String) -> (String, String)? {
        var t = Substring(token)
        while let f = t.first, "([{\"'“‘".contains(f) { t = t.dropFirst() }
        guard t.first == "#" else { return nil }
        t = t.dropFirst()
        var trailing = ""
        while let l = t.last, ".,;:!?)]}\"'”’".contains(l) {
            if ".,;:!?".contains(l) { trailing = String(l) + trailing }
            t = t.dropLast()
        }
        let tag = String(t)
        guard let first = tag.first, first.isLetter, tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        return (tag, trailing)
    }

    /// "2026-10-01 09:00 Materials arrive" or "2026-10-01: Materials arrive" sets a timeline item's moment.
    static func splitMoment(_ item: inout Item) {
        let t = item.text
        for len in [16, 10] where t.count > len {
            guard let m = Moment(String(t.prefix(len))) else { continue }
            var rest = String(t.dropFirst(len)).trimmed
            while let f = rest.first, f == ":" || f == "-" || f == "—" || f == "–" { rest = String(rest.dropFirst()).trimmed }
            guard !rest.isEmpty else { return }
            item.at = m
            item.text = rest
            return
        }
    }

    /// `2026-12-22`, `+30d`, `+2w`, `+1m`, `today`, `tomorrow`.
    public static func parseDue(_ s: String, today: Day) -> Day? {
        let v = s.trimmed.lowercased()
        if let d = Day(v) { return d }
        if v == "today" { return today }
        if v == "tomorrow" { return today.adding(days: 1) }
        guard v.hasPrefix("+"), v.count >= 3, let unit = v.last, let n = Int(v.dropFirst().dropLast()), n >= 0, n <= 3650 else { return nil }
        switch unit {
        case "d": return today.adding(days: n)
        case "w": return today.adding(days: 7 * n)
        case "m":
            var y = today.year, m = today.month + n
            while m > 12 { m -= 12; y += 1 }
            let d = min(today.day, Day.daysIn(month: m, year: y))
            return Day(year: y, month: m, day: d)
        default: return nil
        }
    }

    /// What looks like a date at the start of a timeline entry but is not one the timeline accepts
    /// (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`): "2026-13-01", "2026-02-30", "14/11/2026", "14.11.2026".
    public static func leadingBadDate(_ text: String) -> String? {
        let first = String(text.prefix { !$0.isWhitespace })
        let token = first.trimmingCharacters(in: ":,;")
        let digits = token.filter(\.isNumber).count
        guard digits >= 5, token.allSatisfy({ $0.isNumber || "-/.".contains($0) }),
              token.contains(where: { "-/.".contains($0) }) else { return nil }
        return token
    }

    /// The participants an `@name` names: the whole name (with `_` or `-` for spaces), else any one part
    /// of a name ("@Mai" for "Nguyễn Thị Mai", "@berg" for "Anna Berg"), without case or accents.
    public static func participantsMatching(_ name: String, _ participants: [Participant]) -> [Participant] {
        if let p = matchParticipant(name, participants) { return [p] }
        let wanted = Fold.key(name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " "))
        guard !wanted.isEmpty else { return [] }
        if !wanted.contains(" ") {
            let byPart = participants.filter { p in Fold.words(p.name).contains { $0.key == wanted } }
            if !byPart.isEmpty { return byPart }
        }
        return participants.filter { Fold.key($0.name) == wanted }
    }

    /// `@Anna` matches "Anna Berg" (a unique first word or the whole name,
    /// with `_` or `-` for spaces), case-insensitively.
    public static func matchParticipant(_ name: String, _ participants: [Participant]) -> Participant? {
        let wanted = name.replacingOccurrences(of: "_", with: " ").lowercased()
        if let exact = participants.first(where: { $0.name.lowercased() == wanted }) { return exact }
        let dashed = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ").lowercased()
        if let exact = participants.first(where: { $0.name.lowercased() == dashed }) { return exact }
        let byFirst = participants.filter { $0.name.split(separator: " ").first.map { $0.lowercased() == wanted } ?? false }
        return byFirst.count == 1 ? byFirst[0] : nil
    }

    struct Token { var text: String; var escaped: Bool }

    /// Splits on spaces; a word starting `\#` or `\@` is not parsed and the backslash goes. Only `\#internal`
    /// keeps it (CommonMark shows it as `#internal`), since the client policy reads a bare `#internal` as the mark.
    static func tokenize(_ line: String) -> [Token] {
        var out: [Token] = []
        var cur = ""
        var escaped = false
        var chars = Array(line.trimmed)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" {
                if !cur.isEmpty { out.append(Token(text: cur, escaped: escaped)) }
                cur = ""; escaped = false
            } else if c == "\\", i + 1 < chars.count, chars[i + 1] == "#" || chars[i + 1] == "@" {
                if cur.isEmpty { escaped = true }
                if chars[i + 1] == "#" {
                    var word = ""
                    var j = i + 2
                    while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" || chars[j] == "_" { word.append(chars[j]); j += 1 }
                    if Tags.key(word) == "internal" { cur.append("\\") }
                }
                cur.append(chars[i + 1]); i += 1
            } else {
                cur.append(c)
            }
            i += 1
        }
        if !cur.isEmpty { out.append(Token(text: cur, escaped: escaped)) }
        chars.removeAll()
        return out
    }
}

