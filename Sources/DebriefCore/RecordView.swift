// What a rendering shows, for one audience, and the one client-safety policy:
// every client output (report in Markdown, HTML, JSON and PDF; the letter;
// the site's client portal) and `check --audience client` are built from the
// same `RecordView`, so they show the same items and refuse on the same leaks.
import DebriefMarkdown
import Foundation

public enum Audience: String, Sendable, CaseIterable {
    case team, client
}

/// What the archive sets for the client's outputs (`debrief.yml`), with where each value stands.
public struct ClientSettings: Sendable {
    public var title: String?
    public var intro: String?
    public var agency: String?
    public var signature: String?
    /// Tags that keep an item from the client, like `internal: true`.
    public var internalTags: [String]
    /// The archive configuration file, and where each setting stands in it.
    public var file: String?
    public var positions: [String: SourcePosition]
    public init(title: String? = nil, intro: String? = nil, agency: String? = nil, signature: String? = nil,
                internalTags: [String] = [], file: String? = nil, positions: [String: SourcePosition] = [:]) {
        self.title = title; self.intro = intro; self.agency = agency; self.signature = signature
        self.internalTags = internalTags; self.file = file; self.positions = positions
    }
}

/// A shown text that names a team member: a client output refuses it (exit 1).
public struct Leak: Sendable, Equatable {
    public var file: String
    public var position: SourcePosition?
    /// The section id, or the field ('title', 'client', 'signature', ...).
    public var section: String
    /// 1-based position of the item in its section; nil for a narrative or a field.
    public var item: Int?
    /// Which field of the item ('text', 'counterfactual'); nil for the item's text or a whole field.
    public var field: String?
    public var name: String
    /// The word that names them, as matched (folded: "tomas", "anna berg").
    public var word: String = ""
    public var inArchiveSettings: Bool
    /// The leak is in a format's own text (its name, a heading): `section` names the key.
    public var inFormat: Bool = false

    public init(file: String, position: SourcePosition?, section: String, item: Int? = nil, field: String? = nil, name: String,
                word: String = "", inArchiveSettings: Bool = false, inFormat: Bool = false) {
        self.file = file; self.position = position; self.section = section; self.item = item; self.field = field
        self.name = name; self.word = word; self.inArchiveSettings = inArchiveSettings; self.inFormat = inFormat
    }

    /// Where, in words: "section 'mistakes', item 2", "'client'", "'signature' in debrief.yml".
    public var place: String {
        if let item {
            return "section '\(section)', item \(item)" + (field.map { " (\($0))" } ?? "")
        }
        if inArchiveSettings { return "'\(section)' in \(Archive.configName)" }
        if inFormat { return "the format's '\(section)'" }
        return "'\(section)'"
    }
    public var message: String { "\(place) names the team member '\(name)'" }
    public var suggestion: String {
        // Which word was taken for the name, so that a surprising match can be found.
        let found = word.isEmpty || Fold.key(name) == word ? "" : "Found as '\(word)'. "
        if item != nil { return found + "Mark the item internal, rephrase it as \"we\", or pass --allow-names." }
        if inArchiveSettings { return found + "Change the setting so that it names no one from the team, or pass --allow-names." }
        if inFormat { return found + "Change the wording so that it names no one from the team, or pass --allow-names." }
        return found + "Rephrase it without the name (the client's version says \"our team\"), or pass --allow-names."
    }
    public var diagnostic: Diagnostic {
        Diagnostic(file: file, position: position ?? .start, severity: .error, rule: "client-safe", message: message, suggestion: suggestion)
    }
}

/// A client output refused: what it would show names the team (exit 1).
public struct ClientRefusal: Error, Sendable, CustomStringConvertible {
    public var leaks: [Leak]
    public init(leaks: [Leak]) { self.leaks = leaks }
    public var description: String { leaks.map(\.diagnostic.description).joined(separator: "\n") }
}

public struct ViewItem: Sendable {
    public var item: Item
    /// 1-based position in the record's section.
    public var number: Int
    /// Texts are parsed when first asked for (a Markdown rendering never needs them), once per command.
    let markdown: MarkdownCache
    let showsCounterfactual: Bool
    public var text: MarkdownText { markdown(item.text.trimmed) }
    /// A mistake's counterfactual, when it has one.
    public var counterfactual: MarkdownText? {
        guard showsCounterfactual, let c = item.counterfactual, !c.trimmed.isEmpty else { return nil }
        return markdown(c.trimmed)
    }
    /// The tags the team filed it under (never shown to the client; the letter finds the follow-up by them).
    public var filedTags: [String]
}

public struct ViewGroup: Sendable {
    /// nil when the section is not asked per side (or for items whose side is not known).
    public var side: Side?
    public var label: String?
    public var items: [ViewItem]
}

public struct ViewSection: Sendable {
    public var spec: SectionSpec
    /// The heading shown: the format's client title in the client's version.
    public var heading: String
    /// A narrative section's text, parsed when first asked for.
    public var narrativeText: String?
    let markdown: MarkdownCache
    public var narrative: MarkdownText? { narrativeText.map { markdown($0.trimmed) } }
    public var groups: [ViewGroup]
    public var allItems: [ViewItem] { groups.flatMap(\.items) }
}

public struct RecordView: Sendable {
    public var record: Record
    public var format: Format
    public var audience: Audience
    public var labels: Labels
    /// The file the record came from (for leaks).
    public var file: String
    /// The page's title: the record's, or for the client the archive's `client-title`.
    public var title: String
    /// The client version's introduction line.
    public var intro: String?
    public var participants: [Participant]
    public var sections: [ViewSection]
    /// Who signs the letter, and the agency's name.
    public var agency: String?
    public var signature: String?
    /// What would name the team in a client output (empty for the team's audience).
    public var leaks: [Leak]
    /// The team's names (participants on our side and action owners), to check words added around the view
    /// (a letter template's own text).
    public var teamNames: [String] = []
    public var ordinaryWords: Set<String> = []
    /// The record's language's name endings ("Lauralle" names Laura).
    public var nameEndings = NameEndings()
    /// Set when a client output was told to let names through (`--allow-names`).
    public var namesAllowed = false

    /// The team member a text names, when the policy applies to this view.
    public func teamMember(namedIn text: String) -> NameMatcher.Hit? {
        guard audience == .client, !namesAllowed else { return nil }
        return NameMatcher(team: teamNames, ordinaryWords: ordinaryWords, endings: nameEndings).firstHit(in: text)
    }

    public var locale: String { record.locale ?? labels.locale }

    /// Throws the refusal when a client output would name the team (unless names are allowed).
    public func refusingLeaks(allowNames: Bool) throws -> RecordView {
        if audience == .client && !allowNames && !leaks.isEmpty { throw ClientRefusal(leaks: leaks) }
        var v = self
        v.namesAllowed = allowNames
        return v
    }

    // MARK: the policy

    /// The item stays with the team: marked internal, tagged with an internal tag, or with `#internal`
    /// (or `#` and an internal tag) written in its text.
    public static func isInternal(_ item: Item, internalTags: Set<String>) -> Bool {
        if item.isInternal { return true }
        if item.tags.contains(where: { internalTags.contains(Tags.key($0)) }) { return true }
        return Tags.hashtags(in: Fold.decodingEntities(item.text)).contains { internalTags.contains($0) }
            || Tags.hashtags(in: Fold.decodingEntities(item.counterfactual ?? "")).contains { internalTags.contains($0) }
    }

    /// Builds the view. For the client audience it drops internal items and tags, turns the team's
    /// names into "our team", and lists every shown text that still names a team member.
    public static func build(record: Record, format: Format, audience: Audience, labels: Labels, file: String,
                             client settings: ClientSettings = ClientSettings(), markdown: MarkdownCache = MarkdownCache(),
                             ordinaryWords: Set<String> = [], nameEndings: NameEndings = NameEndings()) -> RecordView {
        let isClient = audience == .client
        let ourTeam = labels["our-team"]
        // A name on both sides is the team's: it is never shown as the client's.
        let teamKeys = Set(record.teamNames.map(Fold.key))
        let clientPeople = record.participants.filter { $0.side == .client && !teamKeys.contains(Fold.key($0.name)) }
        let clientKeys = Set(clientPeople.map { Fold.key($0.name) })
        let internalTags = Set((settings.internalTags + ["internal"]).map(Tags.key))
        var leaks: [Leak] = []

        // Team members: our participants, and every action owner who is not one of the client's people.
        var team = record.teamNames
        for s in record.sections {
            for it in s.content.items { if let o = it.owner, !o.trimmed.isEmpty, !clientKeys.contains(Fold.key(o)) { team.append(o) } }
        }
        // The client's people's names are theirs. The client's own name is theirs too, once the client
        // field itself names no one from the team ("Big Bank (via Anna)" is refused, not taken as the client's).
        let peopleMatcher = NameMatcher(team: team, client: clientPeople.map(\.name), ordinaryWords: ordinaryWords, endings: nameEndings)
        var matcher = peopleMatcher
        if let org = record.client, peopleMatcher.firstName(in: org) == nil {
            matcher = NameMatcher(team: team, client: clientPeople.map(\.name) + [org], ordinaryWords: ordinaryWords, endings: nameEndings)
        }

        func scan(_ text: String?, _ md: (() -> MarkdownText)?, section: String, item: Int? = nil, field: String? = nil,
                  position: SourcePosition?, inSettings: Bool = false, inFormat: Bool = false, with m: NameMatcher? = nil) {
            guard isClient, let text, !text.isEmpty else { return }
            let matcher = m ?? matcher
            // As typed (with character references decoded: link reference definitions and raw HTML are shown
            // decoded, and a Markdown output passes them on), then as a reader sees it.
            var found = matcher.firstHit(in: Fold.decodingEntities(text))
            if found == nil, let parse = md {
                let md = parse()
                found = matcher.firstHit(in: md.plain)
                for link in md.links where found == nil {
                    found = matcher.firstHit(inAddress: link.destination) ?? matcher.firstHit(in: link.title)
                }
                for raw in md.rawHTML where found == nil { found = matcher.firstHit(in: Fold.decodingEntities(raw)) }
            }
            if let found {
                let where_ = inSettings ? (settings.file ?? Archive.configName) : inFormat ? (format.display.isEmpty ? format.path : format.display) : file
                leaks.append(Leak(file: where_, position: position, section: section, item: item, field: field, name: found.name,
                                  word: found.word, inArchiveSettings: inSettings, inFormat: inFormat))
            }
        }

        // The header as the client sees it.
        var title = record.title
        var intro: String?
        if isClient {
            if let t = settings.title, !t.trimmed.isEmpty {
                title = t.replacingOccurrences(of: "{title}", with: record.title)
                    .replacingOccurrences(of: "{client}", with: record.client ?? "")
                // The setting's own words, and the record's title where it is filled in (the client field is scanned below).
                let own = t.replacingOccurrences(of: "{title}", with: " ").replacingOccurrences(of: "{client}", with: " ")
                scan(own, nil, section: "client-title", position: settings.positions["client-title"], inSettings: true)
                if t.contains("{title}") { scan(record.title, nil, section: "title", position: record.fieldPositions["title"]) }
            } else {
                scan(title, nil, section: "title", position: record.fieldPositions["title"])
            }
            if let i = settings.intro, !i.trimmed.isEmpty {
                intro = i
                scan(i, nil, section: "client-intro", position: settings.positions["client-intro"], inSettings: true)
            } else {
                intro = labels["client-intro"]
            }
            scan(record.client, nil, section: "client", position: record.fieldPositions["client"], with: peopleMatcher)
            scan(format.name, nil, section: "name", position: format.positions["name"], inFormat: true)
            scan(format.id, nil, section: "format", position: record.fieldPositions["format"])
            scan(record.project, nil, section: "project", position: record.fieldPositions["project"])
            scan(settings.agency, nil, section: "agency", position: settings.positions["agency"], inSettings: true)
            scan(settings.signature, nil, section: "signature", position: settings.positions["signature"], inSettings: true)
            for p in clientPeople {
                scan(p.role, nil, section: "participants", position: p.position)
                // A client person's name is theirs, unless it spells out a team member's whole name.
                if let n = peopleMatcher.namesInFull(p.name) {
                    leaks.append(Leak(file: file, position: p.position, section: "participants", name: n, inArchiveSettings: false))
                }
            }
            // The words of the labels the client's outputs use ("our team", the introduction).
            for key in ["our-team", "client-intro", "our-side", "client-side", "more"] where labels.values[key] != nil {
                if let hit = NameMatcher(team: team, ordinaryWords: ordinaryWords, endings: nameEndings).firstHit(in: labels[key]) {
                    leaks.append(Leak(file: "templates/locales/\(labels.locale).yml", position: nil, section: "label \(key)", name: hit.name,
                                      word: hit.word, inArchiveSettings: false, inFormat: true))
                }
            }
            scan(record.letter?.salutation, nil, section: "letter.salutation", position: record.fieldPositions["letter.salutation"])
            scan(record.letter?.to, nil, section: "letter.to", position: record.fieldPositions["letter.to"])
        }
        let participants = isClient
            ? (record.participants.contains { $0.side == .us } ? [Participant(name: ourTeam, side: .us)] : []) + clientPeople
            : record.participants

        func scanHeading(_ spec: SectionSpec) {
            let key = spec.clientTitle != nil ? "\(spec.id).client-title" : "\(spec.id).title"
            scan(spec.clientTitle ?? spec.title, nil, section: key, position: format.positions[key], inFormat: true)
        }

        var sections: [ViewSection] = []
        // A team-only section (the notes an import kept) is never the client's.
        for spec in isClient ? conversationOrder(format).filter({ !$0.teamOnly }) : format.sections {
            let heading = isClient ? (spec.clientTitle ?? spec.title) : spec.title
            guard let s = record.section(spec.id), !s.content.isEmpty else { continue }
            switch s.content {
            case .narrative(let text):
                scan(text, { markdown(text.trimmed) }, section: spec.id, position: s.valuePosition ?? s.position)
                scanHeading(spec)
                sections.append(ViewSection(spec: spec, heading: heading, narrativeText: text, markdown: markdown, groups: []))
            case .items(let items):
                var shown: [ViewItem] = []
                for (i, var it) in items.enumerated() {
                    let filedTags = it.tags
                    if isClient {
                        if isInternal(it, internalTags: internalTags) { continue }
                        it.tags = []
                        if let o = it.owner, !clientKeys.contains(Fold.key(o)) { it.owner = ourTeam }
                        it.ticket = nil   // the team's tracker, not the client's
                    }
                    let text = it.text
                    scan(text, { markdown(text.trimmed) }, section: spec.id, item: i + 1, position: it.position)
                    if let c = it.counterfactual, spec.kind == .mistakes {
                        scan(c, { markdown(c.trimmed) }, section: spec.id, item: i + 1, field: "counterfactual",
                             position: it.fieldPositions["counterfactual"] ?? it.position)
                    }
                    shown.append(ViewItem(item: it, number: i + 1, markdown: markdown, showsCounterfactual: spec.kind == .mistakes,
                                          filedTags: filedTags))
                }
                if spec.kind == .timeline {
                    // Dated entries in date order, in the places dated entries hold; an undated entry keeps
                    // the place it was typed in.
                    let datedPlaces = shown.indices.filter { shown[$0].item.at != nil }
                    let dated = datedPlaces.map { shown[$0] }.enumerated().sorted { a, b in
                        let x = a.element.item.at!, y = b.element.item.at!
                        return x == y ? a.offset < b.offset : x < y
                    }.map(\.element)
                    for (place, entry) in zip(datedPlaces, dated) { shown[place] = entry }
                }
                guard !shown.isEmpty else { continue }
                scanHeading(spec)
                var groups: [ViewGroup] = []
                if spec.perSide {
                    for (side, key) in [(Side.us, "our-side"), (.client, "client-side")] {
                        let g = shown.filter { $0.item.side == side }
                        if !g.isEmpty { groups.append(ViewGroup(side: side, label: labels[key], items: g)) }
                    }
                    // Items whose side nobody gave: for the team, apart; the client never sees them filed under a side.
                    let unsided = shown.filter { $0.item.side == nil }
                    if !unsided.isEmpty {
                        groups.append(ViewGroup(side: nil, label: isClient ? (groups.isEmpty ? nil : labels["more"]) : labels["side-unknown"],
                                                items: unsided))
                    }
                } else {
                    groups = [ViewGroup(side: nil, label: nil, items: shown)]
                }
                sections.append(ViewSection(spec: spec, heading: heading, narrativeText: nil, markdown: markdown, groups: groups))
            }
        }
        // One leak per place: the same heading shown twice is named once.
        var seen = Set<String>()
        leaks = leaks.filter { seen.insert("\($0.file)|\($0.section)|\($0.item ?? 0)|\($0.field ?? "")").inserted }
        var view = RecordView(record: record, format: format, audience: audience, labels: labels, file: file, title: title,
                              intro: intro, participants: participants, sections: sections,
                              agency: isClient ? settings.agency : nil, signature: isClient ? settings.signature : nil, leaks: leaks)
        view.teamNames = team
        view.ordinaryWords = ordinaryWords
        view.nameEndings = nameEndings
        return view
    }

    /// The client reads the debrief as a conversation: what happened, the facts and feelings of both
    /// sides, what each got wrong, what went well, what each could do differently, what changes, the
    /// options, the follow-up. Narratives before the first list section open it; the others close it.
    public static func conversationOrder(_ format: Format) -> [SectionSpec] {
        let firstList = format.sections.firstIndex { $0.kind.isList } ?? format.sections.count
        func rank(_ i: Int, _ s: SectionSpec) -> Int {
            switch s.kind {
            case .narrative: return i < firstList ? 0 : 11
            case .timeline: return 1
            case .facts: return 2
            case .emotions: return 3
            case .mistakes: return 4
            case .list: return 5
            case .positives: return 6
            case .differently: return 7
            case .lessons: return 8
            case .remedies: return 9
            case .actions: return 10
            }
        }
        return format.sections.enumerated().sorted { a, b in
            let ra = rank(a.offset, a.element), rb = rank(b.offset, b.element)
            return ra == rb ? a.offset < b.offset : ra < rb
        }.map(\.element)
    }

    /// The record as this audience sees it (for JSON): items in the file's order.
    public var visibleRecord: Record {
        var r = record
        r.participants = participants
        r.title = title
        r.sections = sections.map { s in
            if s.narrativeText != nil, let original = record.section(s.spec.id) { return RecordSection(id: s.spec.id, content: original.content) }
            let items = s.allItems.sorted { $0.number < $1.number }.map(\.item)
            return RecordSection(id: s.spec.id, content: .items(items))
        }
        return r
    }
}

/// Tags as the team files them: compared without case, spaces or a leading '#'.
public enum Tags {
    /// The comparable form of a tag: "#Internal " → "internal".
    public static func key(_ tag: String) -> String {
        // Most tags are ASCII words joined by '-': their key is the tag lower-cased (the same as folding it).
        var simple = true, afterHyphen = true
        for b in tag.utf8 {
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) { afterHyphen = false }
            else if b == 0x2D && !afterHyphen { afterHyphen = true }
            else { simple = false; break }
        }
        if simple && !afterHyphen { return tag.lowercased() }
        var t = Substring(tag.trimmed)
        while t.first == "#" { t = t.dropFirst() }
        return Fold.words(String(t)).map(\.key).joined(separator: "-")
    }

    /// A tag as stored: trimmed, without leading '#'; nil when nothing is left.
    public static func normalised(_ tag: String) -> String? {
        if let f = tag.utf8.first, f != 0x23, f > 0x20, f < 0x80, let l = tag.utf8.last, l > 0x20, l < 0x80 { return tag }
        var t = Substring(tag.trimmed)
        while t.first == "#" { t = t.dropFirst() }
        let s = String(t).trimmed
        return s.isEmpty ? nil : s
    }

    /// The hashtags written in a text (`#internal`, `(#internal)`, `#internal.`), not escaped as `\#`, as keys.
    public static func hashtags(in text: String) -> [String] {
        guard text.utf8.contains(0x23) || text.unicodeScalars.contains("\u{FF03}") else { return [] }
        var out: [String] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if u == "#" || u == "\u{FF03}" {
                let escaped = i > 0 && scalars[i - 1] == "\\"
                let glued = i > 0 && Fold.isWordScalar(scalars[i - 1])
                var j = i + 1
                var word = String.UnicodeScalarView()
                while j < scalars.count, Fold.isWordScalar(scalars[j]) || scalars[j] == "-" || scalars[j] == "_" || Fold.isInvisible(scalars[j])
                    || scalars[j].properties.generalCategory == .nonspacingMark {
                    word.append(scalars[j]); j += 1
                }
                if !escaped && !glued && !word.isEmpty { out.append(key(String(word))) }
                i = j
                continue
            }
            i += 1
        }
        return out
    }
}
