// `debrief import`: a post-mortem written in Markdown (a wiki export, a docs folder, debrief's own team report)
// read into a record of a format. The document is read through cmark's tree (DebriefMarkdown): headings, lists,
// paragraphs; a table (which core CommonMark leaves a paragraph) is read from its paragraph's lines. Nothing is
// dropped: what maps to no section is kept in the format's notes section and named.
import DebriefCore
import DebriefMarkdown
import Foundation

/// One post-mortem read into a record, with what each heading became.
public struct ImportedDocument: Sendable {
    public var record: Record
    public var format: Format
    /// Each heading and where its text went: a section id, `participants`, a side, or `notes`.
    public var mapping: [(heading: String, target: String)]
    /// The headings (and header lines) whose text was kept in the notes section.
    public var keptAsNotes: [String]
    /// What the reader guessed ("no date in the document: dated today").
    public var warnings: [String] = []
}

/// A document that is not a post-mortem this can read (empty, not text, nothing in it).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public struct MarkdownImporter: Sendable {
    public let formats: FormatCatalog
    /// The format a document is read into when neither `--format`, its front matter nor its header names one
    /// and its headings do not point to another.
    public let defaultFormat: String
    /// The report words of every language, to read debrief's own Markdown back ("our side", "Had it not happened").
    public let labels: [Labels]
    public let today: Day

    /// Per format, what its headings are compared with, keyed once: every section's titles in every language, and
    /// its import headings (in the sections' order).
    struct HeadingIndex: Sendable {
        var titles: [String: String] = [:]             // heading key → section id (the first section that has it)
        var imports: [(key: String, id: String)] = []
        var names: Set<String> = []                    // the format's name in every language
    }
    let index: [String: HeadingIndex]

    public init(formats: FormatCatalog, defaultFormat: String = "incident", labels: [Labels], today: Day) {
        self.formats = formats; self.defaultFormat = defaultFormat; self.labels = labels; self.today = today
        var index: [String: HeadingIndex] = [:]
        for f in formats.formats {
            var h = HeadingIndex()
            let translations = Self.languages.compactMap { formats.format(f.id, locale: $0) }
            h.names = Set(([f] + translations).map { Self.headingKey($0.name) })
            for spec in f.sections {
                for t in [f] + translations {
                    guard let s = t.spec(spec.id) else { continue }
                    for title in [s.title] + (s.clientTitle.map { [$0] } ?? []) where h.titles[Self.headingKey(title)] == nil {
                        h.titles[Self.headingKey(title)] = spec.id
                    }
                }
                h.imports += spec.importHeadings.map { (Self.headingKey($0), spec.id) }
            }
            index[f.id] = h
        }
        self.index = index
    }

    // MARK: the document

    public func read(_ text: String, format requested: String? = nil) throws -> ImportedDocument {
        // Control characters (a stray escape, a NUL) are never kept: the record is text a person edits.
        let clean = cleanTypedText(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        guard !clean.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ImportError(message: "expected a Markdown post-mortem, found an empty file")
        }
        let (front, body) = FrontMatter.split(clean)
        let blocks = Markdown.blocks(body)
        guard !blocks.isEmpty || !front.isEmpty else { throw ImportError(message: "expected a Markdown post-mortem, found nothing to read") }

        var notes: [String] = []          // Markdown kept in the notes section
        var keptAsNotes: [String] = []
        var mapping: [(String, String)] = []
        var header = Header()

        // Front matter: the header fields it names; anything else is kept as a note.
        var warnings: [String] = []
        for (key, value) in front {
            if !header.take(key, value, self) {
                notes.append(value.contains("\n") ? "**\(key):**\n\n```yaml\n\(value)\n```" : "**\(key):** \(value)")
                keptAsNotes.append("front matter: \(key)")
            }
        }
        // A front matter's `format:` may be another tool's ("format: html"): then the headings decide.
        if let f = header.format, requested == nil, formatNamed(f) == nil {
            warnings.append("the front matter's format '\(f)' is not a debrief format; the headings chose one")
            notes.append("**format:** \(f)")
            header.format = nil
        }

        // The first heading is the title; the paragraphs before the first section are the header lines.
        // (When the front matter gives the title, a first heading is the title only at level 1.)
        var i = 0
        // A breadcrumb or a banner above the title ("[Home](…) > [Postmortems](…)"): the first level-1 heading is still
        // the title, and what stood above it is kept.
        if blocks.first.map({ if case .heading = $0 { return false } else { return true } }) ?? false,
           let h1 = blocks.prefix(8).firstIndex(where: { if case .heading(1, _) = $0 { return true } else { return false } }),
           !blocks[..<h1].contains(where: { if case .heading = $0 { return true } else { return false } }) {
            notes += blocks[..<h1].map { source(of: $0) }
            keptAsNotes.append("(above the title)")
            i = h1
        }
        if i < blocks.count, case .heading(let level, let t) = blocks[i], header.title?.isEmpty != false || level == 1 {
            if header.title?.isEmpty != false, !t.isEmpty { header.title = t }
            i += 1
        }
        var headerLines: [String] = []
        while i < blocks.count, case .paragraph(let source, _) = blocks[i] {
            let lines = headerFields(source)
            // "**Summary:** ..." names a section: the header ends where the sections begin.
            if let first = lines.first, formats.formats.contains(where: { section(matching: Self.headingKey(first.key), in: $0) != nil }) { break }
            // A wiki's page properties: a table of two columns, a field per row ("| **Owner** | Rita Gomez |").
            var tableLeft = false
            if lines.isEmpty, let table = Table(source), table.header.count == 2 {
                let generic: Set<String> = ["field", "value", "property", "key", "", "name", "details"]
                let rows = (generic.contains(Self.headingKey(table.header[0])) ? [] : [table.header]) + table.rows
                for row in rows where row.count == 2 {
                    var key = row[0].trimmingCharacters(in: .whitespaces)
                    while key.hasPrefix("*") { key.removeFirst() }
                    while key.hasSuffix("*") || key.hasSuffix(":") { key.removeLast() }
                    guard !key.isEmpty, !row[1].isEmpty else { continue }
                    if !header.take(key, unescape(row[1]), self) { tableLeft = true; keptAsNotes.append("header: \(key)") }
                }
                if tableLeft { headerLines.append(source) }
                i += 1
                continue
            }
            guard !lines.isEmpty else { break }
            for (key, value, raw) in lines where !header.take(key, value, self) {
                headerLines.append(raw)
                keptAsNotes.append("header: \(key)")
            }
            i += 1
        }
        notes += headerLines

        let format = try chooseFormat(requested ?? header.format, blocks: Array(blocks[i...]), title: header.title ?? "")
        // A date in the title ("2026-08-21 — Scanners offline") dates a post-mortem whose header does not.
        if header.date == nil, let title = header.title {
            header.date = title.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "(" || $0 == ")" }).lazy.compactMap { Day(String($0)) }.first
        }
        let documentDate = header.date
        // debrief's own team Markdown names its format in its header: only there are `#tag`, *(internal)* and the
        // like debrief's marks (in another document, `#incidents` is a Slack channel).
        let ownMarkdown = header.format.map { formatNamed($0) != nil } ?? false
        let title = cleanTypedText(header.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var record = Record(format: format.id, title: title.isEmpty ? "Imported post-mortem" : title, date: header.date ?? today,
                            status: header.status ?? .draft, client: header.client, project: header.project, locale: header.locale)
        record.participants = header.participants

        // The sections, heading by heading.
        var state = State()
        var items: [String: [Item]] = [:]
        var narratives: [String: [String]] = [:]
        var preamble: [String] = []       // text between the title and the first section
        var order: [String] = []
        func use(_ id: String) { if !order.contains(id) { order.append(id) } }

        var timelineDate = documentDate
        var lastTime: Moment?
        while i < blocks.count {
            var block = blocks[i]
            i += 1
            // "**Impact:** 1.21B queries lost.", a line "**Action items:**": a bold label that names a section is a heading.
            if case .paragraph(let s, _) = block, let pseudo = pseudoHeading(s) {
                let key = Self.headingKey(pseudo.label)
                if section(matching: key, in: format) != nil || participantHeadings.contains(key) {
                    let level = max(state.level, 2)
                    let target = resolve(pseudo.label, level: level, format: format, state: &state)
                    mapping.append((pseudo.label, target.description))
                    guard let rest = pseudo.rest else { continue }
                    block = .paragraph(source: rest, plain: rest)
                }
            }
            switch block {
            case .heading(let level, let text):
                let target = resolve(text, level: level, format: format, state: &state)
                mapping.append((text, target.description))
                // A second heading read into a narrative already begun ("Response", then "Recovery") keeps its name.
                if case .section(let id) = target, let spec = format.spec(id), spec.kind == .narrative, narratives[id]?.isEmpty == false {
                    narratives[id, default: []].append("**\(text)**")
                }
                if case .notes = target {
                    notes.append(String(repeating: "#", count: min(6, max(3, level))) + " " + text)
                    keptAsNotes.append(text)
                } else if case .subsection = target, let spec = state.section {
                    if spec.kind == .narrative {
                        narratives[spec.id, default: []].append("**\(text)**")
                    } else {
                        // "### Short term" under "Action items": the grouping becomes a tag on the items that follow.
                        state.tag = Tags.normalised(Slug.make(text))
                    }
                }
            default:
                switch state.mode {
                case .notes:
                    notes.append(source(of: block))
                case .participants:
                    // One already named in the header ("Owner: Rita Gomez") gets the role the list gives.
                    for p in participants(from: block) {
                        if let k = record.participants.firstIndex(where: { Fold.key($0.name) == Fold.key(p.name) }) {
                            if record.participants[k].role == nil { record.participants[k].role = p.role }
                            record.participants[k].side = p.side
                        } else {
                            record.participants.append(p)
                        }
                    }
                case .section(let spec):
                    use(spec.id)
                    if spec.kind == .narrative {
                        narratives[spec.id, default: []].append(source(of: block))
                    } else if case .other(let s) = block, var last = items[spec.id]?.popLast() {
                        // A code block, an HTML block under an item: part of that item.
                        last.text += "\n\n" + s
                        items[spec.id]!.append(last)
                    } else if spec.kind == .timeline, case .paragraph(let s, _) = block, let d = Self.datedLine(s) {
                        // "2015-10-21 (all times UTC)": the date the times below are on; the line itself is kept.
                        timelineDate = d
                        notes.append(s)
                        keptAsNotes.append("\(spec.title): \(s)")
                    } else {
                        var new = self.items(from: block, spec: spec, side: state.side, date: timelineDate, own: ownMarkdown)
                        for k in new.indices {
                            if let tag = state.tag, !new[k].tags.contains(tag) { new[k].tags.append(tag) }
                            // A time earlier than the one before it, on the same date, is after midnight.
                            if spec.kind == .timeline, let at = new[k].at, let before = lastTime, at.minutes != nil, at < before,
                               at.day == before.day, documentDate != nil || timelineDate != nil {
                                new[k].at = Moment(day: at.day.adding(days: 1), minutes: at.minutes)
                            }
                            if spec.kind == .timeline, let at = new[k].at { lastTime = at }
                        }
                        items[spec.id, default: []] += new
                    }
                case .none:
                    // Text before any section heading that is not a header line: the summary, if nothing else fills it.
                    preamble.append(source(of: block))
                }
            }
        }

        if !preamble.isEmpty {
            if let first = format.sections.first(where: { $0.kind == .narrative && $0.guided }), narratives[first.id] == nil {
                narratives[first.id] = preamble
                mapping.insert(("(before the first heading)", first.id), at: 0)
            } else {
                notes.insert(contentsOf: preamble, at: 0)
                keptAsNotes.append("(before the first section)")
            }
        }
        // Without a date in its header, the post-mortem is dated by its timeline's first entry.
        if header.date == nil, let first = format.sections.filter({ $0.kind == .timeline }).compactMap({ items[$0.id]?.compactMap(\.at).min() }).first {
            record.date = first.day
        }
        for spec in format.sections {
            if let n = narratives[spec.id], !n.joined().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                record.setNarrative(n.joined(separator: "\n\n") + "\n", for: spec.id, format: format)
            } else if let list = items[spec.id], !list.isEmpty {
                record.sections.append(RecordSection(id: spec.id, content: .items(list)))
            }
        }
        if !notes.isEmpty {
            guard let notesSpec = format.sections.first(where: { $0.id == "notes" }) ?? format.sections.first(where: { !$0.guided && $0.kind == .narrative }) else {
                throw ImportError(message: "the format \(format.id) has no notes section to keep \(keptAsNotes.joined(separator: ", ")) in")
            }
            let existing: String
            if case .narrative(let t)? = record.section(notesSpec.id)?.content { existing = t.trimmed + "\n\n" } else { existing = "" }
            record.sections.removeAll { $0.id == notesSpec.id }
            record.setNarrative(existing + notes.joined(separator: "\n\n") + "\n", for: notesSpec.id, format: format)
        }
        record.sections.sort { a, b in
            (format.sections.firstIndex { $0.id == a.id } ?? 0) < (format.sections.firstIndex { $0.id == b.id } ?? 0)
        }
        if header.date == nil && record.date == today { warnings.append("no date in the document: dated today (\(today))") }
        for s in record.sections where s.content.items.count > InputLimits.maxListItems {
            throw ImportError(message: "expected at most \(InputLimits.maxListItems) items in a section, found \(s.content.items.count) in \(s.id)")
        }
        return ImportedDocument(record: record, format: format, mapping: mapping, keptAsNotes: keptAsNotes, warnings: warnings)
    }

    // MARK: headings

    enum Mode { case none, notes, participants, section(SectionSpec) }

    struct State {
        var mode: Mode = .none
        var level = 0               // the level of the heading that set the mode
        var side: Side?
        /// The tag a subsection under a list section gives its items.
        var tag: String?
        var section: SectionSpec? { if case .section(let s) = mode { return s } else { return nil } }
    }

    enum Target: CustomStringConvertible {
        case section(String), participants, side(Side), subsection(String), notes
        var description: String {
            switch self {
            case .section(let id): return id
            case .participants: return "participants"
            case .side(let s): return s == .us ? "our side" : "the client's side"
            case .subsection(let id): return "\(id) (a subsection)"
            case .notes: return "notes"
            }
        }
    }

    func resolve(_ text: String, level: Int, format: Format, state: inout State) -> Target {
        let key = Self.headingKey(text)
        // "Our side" / "The client's side" inside a section asked per side.
        if let spec = state.section, level > state.level, let side = sideNamed(key) {
            if spec.perSide { state.side = side }
            state.tag = nil
            return .side(side)
        }
        if participantHeadings.contains(key) || labels.contains(where: { Self.headingKey($0["participants"]) == key }) {
            state = State(mode: .participants, level: level, side: nil)
            return .participants
        }
        if let spec = section(matchingHeading: text, in: format) {
            state = State(mode: .section(spec), level: level, side: nil)
            return .section(spec.id)
        }
        // A subsection is read in its parent's context.
        if let spec = state.section, level > state.level { return .subsection(spec.id) }
        if case .participants = state.mode, level > state.level { return .subsection("participants") }
        state = State(mode: .notes, level: level, side: nil)
        return .notes
    }

    let participantHeadings: Set<String> = ["participants", "attendees", "people", "people involved", "authors", "team", "who was there", "present"]

    func sideNamed(_ key: String) -> Side? {
        for L in labels {
            if Self.headingKey(L["our-side"]) == key { return .us }
            if Self.headingKey(L["client-side"]) == key { return .client }
        }
        return nil
    }

    /// The section a heading names: the format's own titles (in every language it has), then its import headings; a
    /// heading in two languages ("Ursachen / Causes", "Measures (Maßnahmen)") by either.
    func section(matching key: String, in format: Format) -> SectionSpec? {
        guard let h = index[format.id] else { return nil }
        let id = h.titles[key]
            ?? h.imports.first { $0.key == key }?.id
            // "Lessons learned (draft)", "Action items for Q3": the start of a heading.
            ?? h.imports.first { $0.key.count >= 5 && key.hasPrefix($0.key + " ") }?.id
        return id.flatMap { format.spec($0) }
    }

    func section(matchingHeading text: String, in format: Format) -> SectionSpec? {
        if let spec = section(matching: Self.headingKey(text), in: format) { return spec }
        for part in text.split(whereSeparator: { "/()|–—".contains($0) }) where part.count >= 3 {
            if let spec = section(matching: Self.headingKey(String(part)), in: format) { return spec }
        }
        return nil
    }

    static let languages = ["vi", "ar", "mn", "hu", "fi"]

    /// A heading as it is compared: lower case, numbering ("3.", "III.", "Step 2:"), emoji and punctuation dropped.
    public static func headingKey(_ s: String) -> String {
        var words: [String] = []
        var cur = ""
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "'" || ch == "\u{2019}" { cur.append(ch == "\u{2019}" ? "'" : ch) }
            else if !cur.isEmpty { words.append(cur); cur = "" }
        }
        if !cur.isEmpty { words.append(cur) }
        while let first = words.first, first.allSatisfy(\.isNumber) || ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(first) && words.count > 1 {
            words.removeFirst()
        }
        if words.count > 2, words[0] == "step" || words[0] == "part", words[1].allSatisfy(\.isNumber) { words.removeFirst(2) }
        return words.joined(separator: " ")
    }

    /// A format by its id or its name in any language.
    func formatNamed(_ name: String) -> Format? {
        if let f = formats.format(name) { return f }
        let key = Self.headingKey(name)
        return formats.formats.first { index[$0.id]?.names.contains(key) == true }
    }

    /// The format: the one asked for, else the one whose titles and import headings the document's headings meet most
    /// (a title that says "retro" or "sprint" counts for the sprint format, "incident", "outage" or "postmortem" for
    /// incident).
    func chooseFormat(_ requested: String?, blocks: [MarkdownBlock], title: String) throws -> Format {
        if let requested {
            if let f = formatNamed(requested) { return f }
            throw ImportError(message: "expected a known format (\(formats.formats.map(\.id).joined(separator: ", "))), found '\(requested)'")
        }
        let keys = blocks.compactMap { b -> String? in
            switch b {
            case .heading(_, let t): return Self.headingKey(t)
            case .paragraph(let s, _): return pseudoHeading(s).map { Self.headingKey($0.label) }
            default: return nil
            }
        }
        let titleWords = Set(Self.headingKey(title).split(separator: " ").map(String.init))
        var best: (Format, Int)?
        for f in formats.formats {
            var score = keys.filter { section(matching: $0, in: f) != nil }.count * 2
            if f.id == "sprint", !titleWords.isDisjoint(with: ["retro", "retrospective", "sprint", "retrospektive"]) { score += 3 }
            if f.id == "incident", !titleWords.isDisjoint(with: ["incident", "outage", "postmortem", "post", "mortem", "sev", "sev1", "sev2"]) { score += 3 }
            if score > (best?.1 ?? 0) || (score == best?.1 && f.id == defaultFormat) { best = (f, score) }
        }
        if let best, best.1 > 0 { return best.0 }
        guard let f = formats.format(defaultFormat) ?? formats.formats.first else { throw ImportError(message: "no format to import into") }
        return f
    }

    // MARK: header fields

    struct Header {
        var title: String?, client: String?, project: String?, date: Day?, status: Status?, format: String?, locale: String?
        var participants: [Participant] = []

        /// Takes a field it knows ("Date", "Status", "Authors"...); false for one it does not.
        mutating func take(_ key: String, _ value: String, _ importer: MarkdownImporter) -> Bool {
            let k = MarkdownImporter.headingKey(key)
            let v = cleanTypedText(value).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !v.isEmpty else { return true }   // "**Client:**" with nothing after it says nothing
            func labelled(_ name: String) -> Bool { importer.labels.contains { MarkdownImporter.headingKey($0[name]) == k } }
            switch k {
            case "title", "name", "incident": title = v
            case "client", "customer": client = v
            case "project", "service", "product", "system": if project == nil { project = v } else { return false }
            case "date", "incident date", "created", "when", "date of incident", "event date":
                // A date this cannot read is kept as a note, not replaced by today's in silence.
                guard let d = MarkdownImporter.day(v) else { return false }
                date = d
            case "status", "state", "document status": status = MarkdownImporter.status(v)
            case "format", "template": format = v
            case "locale", "language", "lang": locale = v
            case "authors", "author", "owner", "owners", "participants", "attendees", "people", "incident commander", "facilitator", "team":
                for name in MarkdownImporter.names(v) where !participants.contains(where: { $0.name == name }) {
                    participants.append(Participant(name: name, side: .us))
                }
            default:
                if labelled("client") { client = v }
                else if labelled("project") { project = v }
                else if labelled("date") { guard let d = MarkdownImporter.day(v) else { return false }; date = d }
                else if labelled("status") { status = MarkdownImporter.status(v) }
                else if labelled("format") { format = v }
                else { return false }
            }
            return true
        }
    }

    /// The header lines of a paragraph: `**Key:** value` pieces, one per line or separated by " · "; none when a line
    /// is not made of them (the paragraph is then text, not a header).
    func headerFields(_ source: String) -> [(key: String, value: String, raw: String)] {
        var out: [(String, String, String)] = []
        let plainKeys: Set<String> = ["date", "status", "authors", "author", "owner", "owners", "client", "customer", "project", "severity",
                                      "incident date", "participants", "attendees", "facilitator", "team", "service", "impact level", "sev"]
        for rawLine in source.split(separator: "\n") {
            var line = String(rawLine)
            while line.hasSuffix(" ") || line.hasSuffix("\\") { line.removeLast() }
            for piece in line.components(separatedBy: " · ") {
                let p = piece.trimmingCharacters(in: .whitespaces)
                // "Date: 2024-06-14" without bold, for the fields a header has.
                if !p.hasPrefix("**"), let colon = p.firstIndex(of: ":"), plainKeys.contains(Self.headingKey(String(p[..<colon]))) {
                    out.append((String(p[..<colon]), unescape(String(p[p.index(after: colon)...]).trimmingCharacters(in: .whitespaces)), p))
                    continue
                }
                guard p.hasPrefix("**"), let close = p.dropFirst(2).range(of: "**") else { return [] }
                var key = String(p[p.index(p.startIndex, offsetBy: 2)..<close.lowerBound])
                var rest = String(p[close.upperBound...]).trimmingCharacters(in: .whitespaces)
                if key.hasSuffix(":") { key.removeLast() } else if rest.hasPrefix(":") { rest.removeFirst() } else { return [] }
                out.append((key.trimmingCharacters(in: .whitespaces), unescape(rest.trimmingCharacters(in: .whitespaces)), p))
            }
        }
        return out
    }

    static func status(_ v: String) -> Status {
        // "Complete, action items in progress": the document's own state comes first.
        let k = headingKey(v).split(separator: " ").first.map(String.init) ?? ""
        return ["final", "complete", "completed", "closed", "done", "published", "resolved", "approved", "reviewed"].contains(k) ? .final : .draft
    }

    static func names(_ v: String) -> [String] {
        v.split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap { $0.components(separatedBy: " and ") }
            .map { String($0).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "@")) }
            .filter { !$0.isEmpty }
    }

    /// A date as post-mortems write it: 2026-03-14, 2026/03/14, 2026-03-14T10:00Z, 14.03.2026, 14/03/2026 (03/14/2026
    /// where only that reads), 14 March 2026, March 14, 2026.
    static func day(_ v: String) -> Day? {
        let t = v.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "*_"))
        if let d = Day(String(t.prefix(10)).replacingOccurrences(of: "/", with: "-")), t.count == 10 || !(t.dropFirst(10).first?.isNumber ?? false) { return d }
        let parts = t.prefix(10).split(whereSeparator: { $0 == "." || $0 == "/" }).map(String.init)
        if parts.count == 3, parts[2].count == 4, let a = Int(parts[0]), let b = Int(parts[1]), let y = Int(parts[2]) {
            let (dd, mm) = (a > 12 || t.contains(".")) ? (a, b) : (b > 12 ? (b, a) : (a, b))
            if let d = Day(String(format: "%04d-%02d-%02d", y, mm, dd)) { return d }
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        for pattern in ["d MMMM yyyy", "MMMM d, yyyy", "MMMM d yyyy", "d MMM yyyy", "MMM d, yyyy", "EEEE, MMMM d, yyyy"] {
            f.dateFormat = pattern
            if let date = f.date(from: t) {
                let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
                if let y = c.year, let m = c.month, let d = c.day { return Day(String(format: "%04d-%02d-%02d", y, m, d)) }
            }
        }
        return nil
    }

    // MARK: blocks into items

    func source(of block: MarkdownBlock) -> String {
        switch block {
        case .heading(let level, let text): return String(repeating: "#", count: level) + " " + text
        case .paragraph(let s, _): return s
        case .other(let s): return s
        case .list(let ordered, let items):
            return items.enumerated().map { k, it in
                let marker = ordered ? "\(k + 1). " : "- "
                return marker + it.source.split(separator: "\n", omittingEmptySubsequences: false)
                    .enumerated().map { $0.offset == 0 ? String($0.element) : (String(repeating: " ", count: marker.count) + $0.element) }
                    .joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }

    func participants(from block: MarkdownBlock) -> [Participant] {
        var lines: [String] = []
        switch block {
        case .list(_, let items): lines = items.map { $0.source }
        case .paragraph(let s, _): lines = s.split(separator: "\n").map(String.init)
        default: return []
        }
        return lines.compactMap { line in
            var name = unescape(line.trimmingCharacters(in: .whitespaces))
            var side = Side.us, role: String?
            // "Anna Berg (our side, account lead)": debrief's own; "Anna Berg, account lead" or "Anna Berg — role".
            if name.hasSuffix(")"), let open = name.range(of: " (", options: .backwards) {
                let inside = name[open.upperBound..<name.index(before: name.endIndex)]
                var parts = inside.components(separatedBy: ", ")
                if let first = parts.first, let s = sideNamed(Self.headingKey(first)) {
                    side = s
                    parts.removeFirst()
                    role = parts.isEmpty ? nil : parts.joined(separator: ", ")
                    name = String(name[..<open.lowerBound])
                }
            } else if let comma = name.range(of: ", ") ?? name.range(of: " — ") ?? name.range(of: " - ") {
                role = String(name[comma.upperBound...]).trimmingCharacters(in: .whitespaces)
                name = String(name[..<comma.lowerBound])
            }
            name = name.trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? nil : Participant(name: name, side: side, role: role?.isEmpty == true ? nil : role)
        }
    }

    /// `own`: debrief's own Markdown, whose marks (`` `#tag` ``, *(internal)*, **✓ chosen**, the counterfactual) are read.
    func items(from block: MarkdownBlock, spec: SectionSpec, side: Side?, date: Day?, own: Bool = false) -> [Item] {
        switch block {
        case .list(_, let items):
            return items.compactMap { item(from: $0, spec: spec, side: side, date: date, own: own) }
        case .paragraph(let s, _):
            if let table = Table(s) { return table.items(spec: spec, side: side, date: date, importer: self, own: own) }
            return [item(text: s, extra: [], spec: spec, side: side, date: date, own: own)].compactMap { $0 }
        case .heading:
            return []
        case .other(let s):
            return [item(text: s, extra: [], spec: spec, side: side, date: date, own: own)].compactMap { $0 }
        }
    }

    func item(from li: MarkdownListItem, spec: SectionSpec, side: Side?, date: Day?, own: Bool = false) -> Item? {
        // The item's first paragraph is its text; a later paragraph may be debrief's counterfactual, the rest stays.
        var first = li.source
        var extra: [String] = []
        var fields: [String] = []
        if case .paragraph(let p, _)? = li.blocks.first, li.blocks.count > 1 {
            first = p
            for b in li.blocks.dropFirst() {
                // An action's fields written as a list under it ("- owner: Dana", "- due: 2026-05-01").
                if spec.kind == .actions, case .list(_, let sub) = b,
                   sub.allSatisfy({ ["owner:", "due:", "ticket:", "assignee:", "deadline:"].contains(($0.source.split(separator: " ").first.map { String($0).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "*")) }) ?? "") }) {
                    fields += sub.map(\.source)
                } else {
                    extra.append(source(of: b))
                }
            }
        }
        if !fields.isEmpty { first += " " + fields.joined(separator: " ") }
        return item(text: first, extra: extra, spec: spec, side: side, date: date, own: own)
    }

    func item(text raw: String, extra: [String], spec: SectionSpec, side: Side?, date: Day?, own: Bool = false) -> Item? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var item = Item(text: "", side: spec.perSide ? side : nil)
        // A task list item: "[ ] ...", "[x] ...".
        if text.hasPrefix("[ ] ") || text.hasPrefix("[x] ") || text.hasPrefix("[X] ") {
            if spec.kind == .actions { item.done = text.hasPrefix("[ ]") ? false : true }
            text = String(text.dropFirst(4))
        }
        var rest: [String] = []
        for para in extra {
            if own, spec.kind == .mistakes, let cf = counterfactual(para) { item.counterfactual = cf } else { rest.append(para) }
        }
        if own {
            // The whole item's trailing marks, on its last paragraph.
            if !rest.isEmpty {
                var last = rest.removeLast()
                takeMarkers(&last, into: &item, spec: spec)
                if !last.isEmpty { rest.append(last) }
            }
            takeMarkers(&text, into: &item, spec: spec)
        }
        if spec.kind == .timeline { takeMoment(&text, into: &item, date: date) }
        if spec.kind == .actions { takeActionFields(&text, into: &item) }
        text = ([text] + rest).filter { !$0.isEmpty }.joined(separator: "\n\n")
        guard !text.isEmpty else { return nil }
        item.text = text
        return item
    }

    /// A bold label that opens a paragraph: "**Impact:** text" (the label and the rest), or "**Action items:**" alone.
    func pseudoHeading(_ source: String) -> (label: String, rest: String?)? {
        let t = source.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("**"), let close = t.dropFirst(2).range(of: "**") else { return nil }
        var label = String(t[t.index(t.startIndex, offsetBy: 2)..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
        var rest = String(t[close.upperBound...]).trimmingCharacters(in: .whitespaces)
        if label.hasSuffix(":") { label.removeLast() } else if rest.hasPrefix(":") { rest.removeFirst(); rest = rest.trimmingCharacters(in: .whitespaces) }
        else if !rest.isEmpty { return nil }
        guard !label.isEmpty, label.count <= 60, !label.contains("\n") else { return nil }
        return (label, rest.isEmpty ? nil : rest)
    }

    /// A line that is only a date, with perhaps a remark in parentheses: "2015-10-21 (all times UTC)".
    static func datedLine(_ s: String) -> Day? {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard !t.contains("\n"), let first = t.split(separator: " ").first, let d = day(String(first)) else { return nil }
        let rest = t.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty || (rest.hasPrefix("(") && rest.hasSuffix(")")) ? d : nil
    }

    func counterfactual(_ para: String) -> String? {
        for L in labels {
            let prefix = "*\(L["counterfactual"]):* "
            if para.hasPrefix(prefix) { return String(para.dropFirst(prefix.count)).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        return nil
    }

    /// Takes debrief's own markers off the end of a text: `` `#tag` ``, `*(internal)*`, `**✓ chosen**`, `*(our side)*`.
    func takeMarkers(_ text: inout String, into item: inout Item, spec: SectionSpec) {
        var changed = true
        var tags: [String] = []
        while changed {
            changed = false
            text = text.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("`"), let open = text.dropLast().lastIndex(of: "`"), text[text.index(after: open)...].hasPrefix("#") {
                let tag = String(text[text.index(open, offsetBy: 2)..<text.index(before: text.endIndex)])
                if !tag.isEmpty, !tag.contains(" "), let t = Tags.normalised(tag) {
                    tags.insert(t, at: 0)
                    text = String(text[..<open])
                    changed = true
                    continue
                }
            }
            for L in labels {
                if text.hasSuffix("*(\(L["internal"]))*") {
                    item.isInternal = true; text = String(text.dropLast(L["internal"].count + 4)); changed = true; break
                }
                if spec.kind == .remedies, text.hasSuffix("**✓ \(L["chosen"])**") {
                    item.chosen = true; text = String(text.dropLast(L["chosen"].count + 6)); changed = true; break
                }
                if !spec.perSide {
                    for (key, side) in [("side-us", Side.us), ("side-client", Side.client)] where text.hasSuffix("*(\(L[key]))*") {
                        item.side = side; text = String(text.dropLast(L[key].count + 4)); changed = true
                    }
                    if changed { break }
                }
            }
        }
        for t in tags where !item.tags.contains(t) { item.tags.append(t) }
        text = text.trimmingCharacters(in: .whitespaces)
    }

    /// A timeline entry's date and time at its start: "**2026-10-01 11:00** — ...", "2026-03-14 14:05 ...", "14:05 - ..."
    /// (a time alone takes the document's date).
    func takeMoment(_ text: inout String, into item: inout Item, date: Day?) {
        var t = text
        var bold = false
        if t.hasPrefix("**"), let close = t.dropFirst(2).range(of: "**") {
            let inner = String(t[t.index(t.startIndex, offsetBy: 2)..<close.lowerBound])
            if Moment(inner) != nil || Self.clock(inner) != nil { t = inner + String(t[close.upperBound...]); bold = true }
        }
        _ = bold
        let words = t.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return }
        var moment: Moment?
        var used = 0
        if let d = Day(first) {
            if words.count > 1, let clock = Self.clock(words[1]) { moment = Moment("\(d) \(clock)"); used = 2 } else { moment = Moment(day: d); used = 1 }
        } else if first.count >= 16, first.dropFirst(10).first == "T", let m = Moment(String(first.prefix(16))) {
            moment = m; used = 1   // 2024-01-05T10:00:00Z
        } else if let clock = Self.clock(first), let date {
            moment = Moment("\(date) \(clock)"); used = 1
        }
        guard let moment else { return }
        // "07:40 UTC — ...": the zone after the time (times are kept as written).
        if used < words.count, used >= 1, Self.clock(words[used - 1]) != nil,
           ["utc", "gmt", "z", "(utc)", "(gmt)"].contains(words[used].lowercased()) {
            // UTC is how times are written down; another zone stays in the text ("14:05 PST — deploy").
            used += 1
        }
        var rest = t.split(separator: " ", maxSplits: used, omittingEmptySubsequences: true).dropFirst(used).joined(separator: " ")
        while let f = rest.first, "—–-:|".contains(f) { rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) }
        item.at = moment
        text = rest
    }

    /// "9:30", "09:30", "14:05Z", "14:05:00" as HH:MM.
    static func clock(_ w: String) -> String? {
        var s = w
        while let l = s.last, !l.isNumber { s.removeLast() }
        let parts = s.split(separator: ":")
        guard parts.count >= 2, parts.count <= 3, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, parts[0].count <= 2,
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        return String(format: "%02d:%02d", h, m)
    }

    /// An action's fields written in its text: `owner: Anna`, `**Owner:** Anna`, a trailing `@anna`, `due 2026-06-01`,
    /// `due: 2026-06-01`, `by 2026-06-01`, `ticket: OPS-12`. Each is taken out of the text; a mention inside the
    /// sentence ("ask @bob", "@types/node") and anything inside a link or emphasis stays as written.
    func takeActionFields(_ text: inout String, into item: inout Item) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var keep: [String] = []
        var k = 0
        func bare(_ w: String) -> String { w.trimmingCharacters(in: CharacterSet(charactersIn: "()[],;.*")) }
        /// A word that is plain text (no link, code or emphasis in it).
        func plain(_ w: String) -> Bool { !w.contains("](") && !w.contains("`") && !w.contains("[") && !w.contains("]") }
        let separators: Set<String> = ["—", "–", "-", "|", "·"]
        while k < words.count {
            let w = words[k], lw = bare(w).lowercased()
            let fieldWord = w.hasSuffix(":") || w.hasSuffix(":**") || w.hasSuffix(":*")
            if ["due", "due:", "deadline:", "by"].contains(lw) || (lw == "by:" && fieldWord), k + 1 < words.count, plain(words[k + 1]),
               let d = Self.day(bare(words[k + 1])) {
                item.due = d; k += 2; continue
            }
            if lw.hasPrefix("due:"), plain(w), let d = Self.day(String(bare(w).dropFirst(4))) { item.due = d; k += 1; continue }
            if ["owner:", "owners:", "assignee:", "owner"].contains(lw) && (fieldWord || lw == "owner:") && k + 1 < words.count {
                // The owner's name runs to a comma, a semicolon, a parenthesis, a dash or the next field.
                var name: [String] = []
                var j = k + 1
                var clean = true
                while j < words.count {
                    let n = words[j]
                    if separators.contains(n) { break }
                    let ln = bare(n).lowercased()
                    if ["due", "due:", "ticket:", "by", "by:"].contains(ln) { break }
                    if !plain(n) || n.contains("**") && !n.hasPrefix("**") { clean = false }
                    name.append(bare(n))
                    j += 1
                    if n.hasSuffix(",") || n.hasSuffix(";") || n.hasSuffix(")") || n.hasSuffix("]") { break }
                }
                let owner = name.joined(separator: " ").trimmingCharacters(in: .whitespaces)
                if clean, !owner.isEmpty, owner.count <= 80 { item.owner = owner; k = j; continue }
            }
            if (lw == "ticket:" || lw == "issue:" || lw == "jira:") && k + 1 < words.count && plain(words[k + 1]) && !bare(words[k + 1]).isEmpty {
                item.ticket = bare(words[k + 1]); k += 2; continue
            }
            keep.append(w)
            k += 1
        }
        // A trailing @mention ("... @Priya", "... (@dave)") is the owner; one inside the sentence stays in it.
        if item.owner == nil, let last = keep.last {
            let m = last.trimmingCharacters(in: CharacterSet(charactersIn: "()[],;."))
            // "(@dave)" alone is a mention set apart; "(done by @alice)" is a sentence, and stays one.
            let apart = !last.contains(")") || last.hasPrefix("(")
            if apart, m.hasPrefix("@"), m.count > 1, m.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) {
                item.owner = String(m.dropFirst()).replacingOccurrences(of: "_", with: " ")
                keep.removeLast()
            }
        }
        var out = keep.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        // What the fields left behind: "Fix the alert (, )" → "Fix the alert"; "— write runbook" → "write runbook".
        for empty in ["()", "[]", "( )", "(,)", "(, )"] { out = out.replacingOccurrences(of: empty, with: "") }
        out = out.trimmingCharacters(in: .whitespaces)
        while let l = out.last, "(,;—–-".contains(l) { out.removeLast(); out = out.trimmingCharacters(in: .whitespaces) }
        while let f = out.first, "),;—–-".contains(f) { out.removeFirst(); out = out.trimmingCharacters(in: .whitespaces) }
        text = out
    }

    /// A Markdown text's backslash escapes taken off (a header value or a name is plain text).
    func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped { out.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            out.append(c)
        }
        return out
    }
}

/// A table in a paragraph's lines (core CommonMark has none): a header row, a delimiter row, body rows.
struct Table {
    var header: [String]
    var rows: [[String]]

    init?(_ source: String) {
        let lines = source.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard lines.count >= 2, lines.allSatisfy({ $0.contains("|") }) else { return nil }
        let delimiter = Table.cells(lines[1])
        guard !delimiter.isEmpty, delimiter.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }) else { return nil }
        header = Table.cells(lines[0])
        rows = lines.dropFirst(2).map(Table.cells)
    }

    /// The cells of a row; `\|` is a pipe inside a cell.
    static func cells(_ line: String) -> [String] {
        var t = line
        if t.hasPrefix("|") { t.removeFirst() }
        if t.hasSuffix("|") && !t.hasSuffix("\\|") { t.removeLast() }
        var out: [String] = []
        var cur = ""
        var escaped = false
        for c in t {
            if escaped { if c != "|" { cur.append("\\") }; cur.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "|" { out.append(cur.trimmingCharacters(in: .whitespaces)); cur = ""; continue }
            cur.append(c)
        }
        out.append(cur.trimmingCharacters(in: .whitespaces))
        return out
    }

    func column(_ names: [String]) -> Int? {
        header.firstIndex { h in names.contains(MarkdownImporter.headingKey(h)) }
    }

    func items(spec: SectionSpec, side: Side?, date: Day?, importer: MarkdownImporter, own: Bool = false) -> [Item] {
        let labels = importer.labels
        func keys(_ label: String) -> [String] { labels.map { MarkdownImporter.headingKey($0[label]) } }
        let actions = spec.kind == .actions, timeline = spec.kind == .timeline
        // The columns a kind reads a field from; every other column stays with the text.
        let timeCol = timeline ? column(["time", "when", "timestamp", "time utc", "date time", "at", "hh mm", "utc", "local time"]) : nil
        let dateCol = timeline ? column(["date", "day"]) : nil
        let ownerCol = actions ? column(["owner", "owners", "assignee", "who", "responsible", "dri", "assigned to"] + keys("owner")) : nil
        let dueCol = actions ? column(["due", "due date", "deadline", "target date", "by when", "date due", "when", "target", "eta"] + keys("due")) : nil
        let ticketCol = actions ? column(["ticket", "issue", "jira", "tracking", "link", "bug", "tracker"] + keys("ticket")) : nil
        let doneCol = actions ? column(["done", "status", "complete", "completed", "state", "done?"] + keys("done")) : nil
        let fieldCols = [timeCol, dateCol, ownerCol, dueCol, ticketCol, doneCol].compactMap { $0 }
        let textCol = column(["event", "events", "description", "what happened", "action", "action item", "item", "task", "what", "details",
                              "summary", "activity", "lesson", "lessons", "finding", "factor", "cause"] + keys("action"))
            ?? header.indices.first { !fieldCols.contains($0) } ?? 0
        let doneWords: Set<String> = ["yes", "done", "closed", "complete", "completed", "resolved", "fixed", "true", "shipped"]
        let openWords: Set<String> = ["no", "open", "todo", "to do", "in progress", "pending", "not started", "false", "planned", "wip"]
        var out: [Item] = []
        for row in rows {
            func cell(_ i: Int?) -> String? {
                guard let i, i < row.count else { return nil }
                let v = row[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty || v == "—" || v == "-" || v.lowercased() == "n/a" ? nil : v
            }
            guard var text = cell(textCol) else { continue }
            var read: Set<Int> = [textCol]
            if timeline {
                let when = [cell(dateCol), cell(timeCol)].compactMap { $0 }.joined(separator: " ")
                if !when.isEmpty {
                    var probe = Item(text: "")
                    var t = when + " x"
                    importer.takeMoment(&t, into: &probe, date: date)
                    if probe.at != nil { text = when + " " + text; [dateCol, timeCol].compactMap { $0 }.forEach { read.insert($0) } }
                }
            }
            var extra: [String] = []
            var item = Item(text: "")
            if actions {
                if let o = cell(ownerCol) { item.owner = importer.unescape(o).trimmingCharacters(in: CharacterSet(charactersIn: "@*")); read.insert(ownerCol!) }
                if let d = cell(dueCol), let day = MarkdownImporter.day(d) { item.due = day; read.insert(dueCol!) }
                if var t = cell(ticketCol) {
                    // "n/a **DONE**" in a bug column: the mark is the task's state.
                    if t.contains("**DONE**") || t.hasSuffix(" DONE") { item.done = true; t = t.replacingOccurrences(of: "**DONE**", with: "").replacingOccurrences(of: " DONE", with: "").trimmingCharacters(in: .whitespaces) }
                    if !t.isEmpty && t.lowercased() != "n/a" { item.ticket = importer.unescape(t) }
                    read.insert(ticketCol!)
                }
                if let doneCol {
                    if let d = cell(doneCol) {
                        let k = MarkdownImporter.headingKey(d)
                        if ["☑", "✓", "✔", "x", "[x]", "✅", "☒"].contains(d) || doneWords.contains(k) || labels.contains(where: { MarkdownImporter.headingKey($0["yes"]) == k }) {
                            item.done = true; read.insert(doneCol)
                        } else if ["☐", "[ ]", "❌"].contains(d) || openWords.contains(k) || labels.contains(where: { MarkdownImporter.headingKey($0["no"]) == k }) {
                            item.done = false; read.insert(doneCol)
                        } else {
                            item.done = false   // "Blocked on vendor", "Won't do": not done, and the words stay
                        }
                    } else {
                        item.done = false; read.insert(doneCol)   // a done column left empty is a task not done
                    }
                }
            }
            // A column this reads no field from ("Type: prevent", "Who: Ana", "Due: next quarter") stays with the text.
            for i in header.indices where !read.contains(i) { if let v = cell(i) { extra.append("\(header[i]): \(v)") } }
            if !extra.isEmpty { text += " (" + extra.joined(separator: "; ") + ")" }
            guard var parsed = importer.item(text: text, extra: [], spec: spec, side: side, date: date, own: own) else { continue }
            if actions {
                parsed.owner = item.owner ?? parsed.owner
                parsed.due = item.due ?? parsed.due
                parsed.ticket = item.ticket ?? parsed.ticket
                parsed.done = item.done ?? parsed.done
            }
            out.append(parsed)
        }
        return out
    }
}

/// YAML front matter between `---` lines at the very start: its scalar fields, and lists as comma-separated text.
enum FrontMatter {
    static func split(_ text: String) -> (fields: [(String, String)], body: String) {
        guard text.hasPrefix("---\n") else { return ([], text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else { return ([], text) }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (fields(yaml), body)
    }

    /// Read with libyaml's events; a nested mapping is skipped, a value that does not parse leaves the front matter
    /// to be kept as it is.
    static func fields(_ yaml: String) -> [(String, String)] {
        let r = YAMLEventReader(bytes: Array(yaml.utf8))
        var out: [(String, String)] = []
        do {
            guard case .streamStart = try r.next().kind, case .documentStart = try r.next().kind,
                  case .mappingStart = try r.next().kind else { return [("front matter", yaml)] }
            while true {
                let k = try r.next()
                guard case .scalar(let key, _, _, _) = k.kind else { break }
                let v = try r.next()
                switch v.kind {
                case .scalar(let value, _, _, _): out.append((key, value))
                case .sequenceStart:
                    var list: [String] = []
                    while true {
                        let e = try r.next()
                        if case .sequenceEnd = e.kind { break }
                        if case .scalar(let s, _, _, _) = e.kind { list.append(s) } else { try skip(e, r) }
                    }
                    out.append((key, list.joined(separator: ", ")))
                default: try skip(v, r)
                }
            }
        } catch {
            return [("front matter", yaml)]
        }
        return out
    }

    static func skip(_ start: YAMLEvent, _ r: YAMLEventReader) throws {
        var depth = 0
        var e = start
        while true {
            switch e.kind {
            case .mappingStart, .sequenceStart: depth += 1
            case .mappingEnd, .sequenceEnd: depth -= 1
            default: break
            }
            if depth <= 0 { return }
            e = try r.next()
        }
    }
}
