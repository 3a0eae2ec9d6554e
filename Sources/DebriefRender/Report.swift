// What a rendering shows, for one audience: the sections and items in order,
// grouped by side where the format asks per side, with the client audience's
// rules applied (no internal item, no team member's name).
import DebriefCore
import Foundation

public enum Audience: String, Sendable, CaseIterable {
    case team, client
}

/// The words a report uses around the user's text, from `templates/locales/LANG.yml`.
public struct Labels: Sendable {
    public var values: [String: String]
    /// The language these labels are for (the record's, else the archive's).
    public var locale: String = "en"
    public subscript(_ key: String) -> String { values[key] ?? key }

    /// Loads the labels for `locale` (e.g. `pt-BR`, then `pt`), over English.
    public static func load(templates: String, locale: String?) throws -> Labels {
        let dir = (templates as NSString).appendingPathComponent("locales")
        var values = try loadFile((dir as NSString).appendingPathComponent("en.yml"))
        if let locale {
            let base = String(locale.split(separator: "-").first ?? "")
            for candidate in [base, locale] where candidate != "en" && !candidate.isEmpty {
                let path = (dir as NSString).appendingPathComponent("\(candidate).yml")
                if FileManager.default.fileExists(atPath: path) {
                    for (k, v) in try loadFile(path) { values[k] = v }
                }
            }
        }
        return Labels(values: values, locale: locale ?? "en")
    }

    static func loadFile(_ path: String) throws -> [String: String] {
        let y = StrictYAML(bytes: try readTextFile(path), file: path)
        var out: [String: String] = [:]
        try y.document(what: "a list of labels") {
            try y.mapping("") { key, _ in out[key] = try y.text(key).0 }
        }
        return out
    }
}

/// A client rendering refused because shown text names a team member (exit 1).
public struct NameLeak: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var section: String
    /// 1-based position of the item in its section; nil for a narrative or a header field.
    public var item: Int?
    public var name: String
    public var position: SourcePosition?
    public var description: String {
        let pos = position.map { "\($0.line):\($0.column): " } ?? ""
        let which = item.map { "section '\(section)', item \($0)" } ?? "'\(section)'"
        return "\(file):\(pos)error: [client-safe] \(which) names the team member '\(name)'; mark the item internal, rephrase it as \"we\", or pass --allow-names"
    }
}

public struct ClientRenderRefused: Error, Sendable, CustomStringConvertible {
    public var leaks: [NameLeak]
    public var description: String { leaks.map(\.description).joined(separator: "\n") }
}

public struct ReportItem: Sendable {
    public var item: Item
    /// 1-based position in the record's section.
    public var number: Int
}

public struct ReportGroup: Sendable {
    /// nil when the section is not asked per side.
    public var side: Side?
    public var label: String?
    public var items: [ReportItem]
}

public struct ReportSection: Sendable {
    public var spec: SectionSpec
    /// The heading shown: the format's client title in the client's version.
    public var heading: String
    public var narrative: String?
    public var groups: [ReportGroup]
    public var allItems: [ReportItem] { groups.flatMap(\.items) }
}

/// What the archive configures for the client's version (`client-title`, `client-intro` in debrief.yml).
public struct ClientOptions: Sendable {
    public var title: String?
    public var intro: String?
    /// Tags that keep an item from the client, like `internal: true` (`internal-tags` in debrief.yml).
    public var internalTags: [String]
    public init(title: String? = nil, intro: String? = nil, internalTags: [String] = []) {
        self.title = title; self.intro = intro; self.internalTags = internalTags
    }
}

public struct Report: Sendable {
    public var record: Record
    /// The page's title: the record's, or for the client the archive's `client-title`.
    public var title: String
    /// The client version's introduction line.
    public var intro: String?
    public var format: Format
    public var audience: Audience
    public var labels: Labels
    public var participants: [Participant]
    public var sections: [ReportSection]

    /// Builds the view. For the client audience it drops internal items, turns
    /// the team's names into "our team", and refuses (unless `allowNames`) when
    /// any shown text names a team member.
    public static func build(record: Record, format: Format, audience: Audience, labels: Labels,
                             file: String, allowNames: Bool = false, client: ClientOptions = ClientOptions()) throws -> Report {
        let ourTeam = labels["our-team"]
        let clientNames = Set(record.participants.filter { $0.side == .client }.map(\.name))
        var participants = record.participants
        if audience == .client {
            let clients = record.participants.filter { $0.side == .client }
            participants = (record.participants.contains { $0.side == .us } ? [Participant(name: ourTeam, side: .us)] : []) + clients
        }
        let finder = NameFinder(names: record.teamNames)
        let hiddenTags = Set((client.internalTags + ["internal"]).map { $0.lowercased() })
        var leaks: [NameLeak] = []

        if audience == .client && !allowNames {
            let roles = record.participants.filter { $0.side == .client }.compactMap(\.role)
            for (field, value) in [("title", record.title), ("project", record.project ?? "")] + roles.map { ("participants", $0) } {
                if let n = finder.firstName(in: value) {
                    leaks.append(NameLeak(file: file, section: field, item: nil, name: n, position: nil))
                }
            }
        }

        var sections: [ReportSection] = []
        for spec in audience == .client ? conversationOrder(format) : format.sections {
            let heading = audience == .client ? (spec.clientTitle ?? spec.title) : spec.title
            guard let s = record.section(spec.id), !s.content.isEmpty else { continue }
            switch s.content {
            case .narrative(let text):
                if audience == .client && !allowNames, let n = finder.firstName(in: text) {
                    leaks.append(NameLeak(file: file, section: spec.id, item: nil, name: n, position: s.position))
                }
                sections.append(ReportSection(spec: spec, heading: heading, narrative: text, groups: []))
            case .items(let items):
                var shown: [ReportItem] = []
                for (i, var it) in items.enumerated() {
                    if audience == .client {
                        if it.isInternal || it.tags.contains(where: { hiddenTags.contains($0.lowercased()) }) { continue }
                        if !allowNames {
                            // What the reader sees (entities decoded, links' addresses too) as well as what was typed.
                            let texts = [it.text, CMark.plainText(it.text), it.counterfactual ?? ""] + it.tags
                            let addresses = CMark.linkDestinations(it.text) + CMark.linkDestinations(it.counterfactual ?? "")
                            if let n = texts.lazy.compactMap({ finder.firstName(in: $0) }).first
                                ?? addresses.lazy.compactMap({ finder.firstName(inAddress: $0) }).first {
                                leaks.append(NameLeak(file: file, section: spec.id, item: i + 1, name: n, position: it.position))
                            }
                        }
                        if let o = it.owner, !clientNames.contains(o) { it.owner = ourTeam }
                    }
                    shown.append(ReportItem(item: it, number: i + 1))
                }
                if spec.kind == .timeline {
                    // Date order; items without a date keep their place after the dated ones.
                    shown = shown.enumerated().sorted { a, b in
                        switch (a.element.item.at, b.element.item.at) {
                        case let (x?, y?): return x == y ? a.offset < b.offset : x < y
                        case (_?, nil): return true
                        case (nil, _?): return false
                        default: return a.offset < b.offset
                        }
                    }.map(\.element)
                }
                guard !shown.isEmpty else { continue }
                var groups: [ReportGroup] = []
                if spec.perSide {
                    for (side, key) in [(Side?.some(.us), "our-side"), (.some(.client), "client-side"), (nil, "both-sides")] {
                        let g = shown.filter { $0.item.side == side }
                        if !g.isEmpty { groups.append(ReportGroup(side: side, label: labels[key], items: g)) }
                    }
                } else {
                    groups = [ReportGroup(side: nil, label: nil, items: shown)]
                }
                sections.append(ReportSection(spec: spec, heading: heading, narrative: nil, groups: groups))
            }
        }
        if !leaks.isEmpty { throw ClientRenderRefused(leaks: leaks) }
        var title = record.title
        var intro: String?
        if audience == .client {
            if let t = client.title, !t.trimmed.isEmpty {
                title = t.replacingOccurrences(of: "{title}", with: record.title)
                    .replacingOccurrences(of: "{client}", with: record.client ?? "")
            }
            intro = client.intro ?? labels["client-intro"]
        }
        return Report(record: record, title: title, intro: intro, format: format, audience: audience, labels: labels,
                      participants: participants, sections: sections)
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

    /// The record as this audience sees it (for JSON).
    public var visibleRecord: Record {
        var r = record
        r.participants = participants
        r.title = title
        r.sections = sections.map { s in
            if let n = s.narrative { return RecordSection(id: s.spec.id, content: .narrative(n)) }
            // Items in the file's order (the timeline is shown sorted by date).
            let items = s.allItems.sorted { $0.number < $1.number }.map(\.item)
            return RecordSection(id: s.spec.id, content: .items(items))
        }
        return r
    }
}

