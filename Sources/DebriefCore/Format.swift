// Formats are data: `templates/formats/*.yml`, and an archive's own `formats/*.yml`.
import Foundation

public enum SectionKind: String, Sendable, CaseIterable {
    case narrative, timeline, facts, emotions, mistakes, positives, differently, lessons, remedies, actions, list

    /// Item fields beyond the common ones (`text`, `side`, `internal`, `tags`).
    public var extraFields: [String] {
        switch self {
        case .mistakes: return ["counterfactual"]
        case .actions: return ["owner", "due", "done", "ticket"]
        case .remedies: return ["chosen"]
        case .timeline: return ["at"]
        default: return []
        }
    }
    public var isList: Bool { self != .narrative }
}

public struct SectionSpec: Sendable, Equatable {
    public var id: String
    public var kind: SectionKind
    public var title: String
    public var prompt: String
    public var hint: String
    public var example: String
    /// Asked, and shown, for our side and then the client's side.
    public var perSide: Bool
    /// The heading in the client's version, where it reads better than `title`.
    public var clientTitle: String?
    /// The example answer for the client's side of a per-side section (the guide's "Now the client's side").
    public var clientExample: String?
    /// Headings of other post-mortem templates that mean this section ("Action Items", "Follow-ups"), for
    /// `debrief import`; matched without case, punctuation or numbering.
    public var importHeadings: [String] = []
    /// Asked by the guide (a notes section that only `import` and hand edits fill is not).
    public var guided = true
    /// Shown to the team only, never in a client output.
    public var teamOnly = false
    public init(id: String, kind: SectionKind, title: String, prompt: String, hint: String, example: String, perSide: Bool,
                clientTitle: String? = nil) {
        self.id = id; self.kind = kind; self.title = title; self.prompt = prompt; self.hint = hint
        self.example = example; self.perSide = perSide; self.clientTitle = clientTitle
    }
}

public struct Format: Sendable, Equatable {
    public var id: String
    public var name: String
    public var summary: String
    public var sections: [SectionSpec]
    /// Where it came from: `built-in` or the archive's file path.
    public var origin: String
    public var path: String
    /// The name messages use for the file, and where its texts stand in it (`name`, `SECTION.title`,
    /// `SECTION.client-title`): the client policy names the place when one of them names the team.
    public var display: String = ""
    public var positions: [String: SourcePosition] = [:]
    /// The language of its words, when a translation was laid over it (`client-recovery.vi.yml`).
    public var locale: String?

    public func spec(_ id: String) -> SectionSpec? { sections.first { $0.id == id } }

    /// The format in another language: every text the translation gives replaces the English one; the rest stays.
    public func translated(_ t: FormatTranslation) -> Format {
        var f = self
        if let n = t.name { f.name = n; f.positions["name"] = t.positions["name"] }
        if let s = t.summary { f.summary = s }
        for (i, spec) in f.sections.enumerated() {
            guard let tr = t.sections[spec.id] else { continue }
            if let v = tr.title { f.sections[i].title = v; f.positions["\(spec.id).title"] = t.positions["\(spec.id).title"] }
            if let v = tr.clientTitle { f.sections[i].clientTitle = v; f.positions["\(spec.id).client-title"] = t.positions["\(spec.id).client-title"] }
            if let v = tr.prompt { f.sections[i].prompt = v }
            if let v = tr.hint { f.sections[i].hint = v }
            if let v = tr.example { f.sections[i].example = v }
            if let v = tr.clientExample { f.sections[i].clientExample = v }
        }
        f.display = t.display
        f.locale = t.locale
        return f
    }
}

/// A format's words in one language (`FORMAT.LANG.yml` beside the format): name, summary, and per section its
/// title, client title, prompt, hint and examples. What it leaves out stays in English.
public struct FormatTranslation: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var title, clientTitle, prompt, hint, example, clientExample: String?
    }
    public var format: String
    public var locale: String
    public var name: String?
    public var summary: String?
    public var sections: [String: Section] = [:]
    /// The section ids in the order the file gives them.
    public var order: [String] = []
    public var display: String = ""
    public var positions: [String: SourcePosition] = [:]
}

public enum FormatLoader {
    static let sectionKeys = ["id", "kind", "title", "client-title", "prompt", "hint", "example", "client-example", "per-side",
                              "import-headings", "guided", "team-only"]
    static let formatKeys = ["format", "name", "summary", "sections"]

    public static func load(path: String, display: String? = nil, origin: String) throws -> Format {
        let name = display ?? path
        let bytes = try readTextFile(path, display: name)
        let y = StrictYAML(bytes: bytes, file: name)
        var id: String?, title: String?, summary = ""
        var positions: [String: SourcePosition] = [:]
        var sections: [SectionSpec] = []
        var rootPos = SourcePosition.start
        try y.document(what: "a format") {
            rootPos = try y.peek().position
            try y.mapping("") { key, pos in
                switch key {
                case "format": id = try y.text("format").0
                case "name": let (v, p) = try y.text("name"); title = v; positions["name"] = p
                case "summary": summary = try y.text("summary").0
                case "sections":
                    var ids = Set<String>()
                    try y.sequence("sections") { i, _ in
                        let path = "sections[\(i)]"
                        var sid: String?, kind: SectionKind?, stitle: String?, ctitle: String?, prompt = "", hint = "", example = "", perSide = false
                        var titlePos: SourcePosition?, clientTitlePos: SourcePosition?
                        var clientExample: String?
                        var importHeadings: [String] = [], guided = true, teamOnly = false
                        let start = try y.peek().position
                        try y.mapping(path) { k, kpos in
                            switch k {
                            case "id":
                                let (v, vpos) = try y.text("\(path).id")
                                guard isSectionID(v) else {
                                    throw y.fail(vpos, "\(path).id: expected lower-case letters, digits and '-', found \(quoted(v))")
                                }
                                guard ids.insert(v).inserted else {
                                    throw y.fail(vpos, "\(path).id: expected each section id once, found \(quoted(v)) again")
                                }
                                sid = v
                            case "kind": kind = try y.oneOf("\(path).kind", SectionKind.self).0
                            case "title":
                                let (v, p) = try y.text("\(path).title"); stitle = v; titlePos = p
                            case "client-title":
                                let (v, p) = try y.text("\(path).client-title"); ctitle = v; clientTitlePos = p
                            case "prompt": prompt = try y.text("\(path).prompt").0
                            case "hint": hint = try y.text("\(path).hint").0
                            case "example": example = try y.text("\(path).example").0
                            case "client-example": clientExample = try y.text("\(path).client-example").0
                            case "per-side": perSide = try y.bool("\(path).per-side").0
                            case "import-headings": importHeadings = try y.textList("\(path).import-headings")
                            case "guided": guided = try y.bool("\(path).guided").0
                            case "team-only": teamOnly = try y.bool("\(path).team-only").0
                            default: throw y.unknownKey(path, k, at: kpos, expected: sectionKeys)
                            }
                        }
                        guard let sid else { throw y.fail(start, "\(path): expected the key 'id', found none") }
                        guard let kind else { throw y.fail(start, "\(path): expected the key 'kind', found none") }
                        if let titlePos { positions["\(sid).title"] = titlePos }
                        if let clientTitlePos { positions["\(sid).client-title"] = clientTitlePos }
                        var spec = SectionSpec(id: sid, kind: kind, title: stitle ?? sid, prompt: prompt,
                                               hint: hint, example: example, perSide: perSide, clientTitle: ctitle)
                        spec.clientExample = clientExample
                        spec.importHeadings = importHeadings
                        spec.guided = guided
                        spec.teamOnly = teamOnly
                        sections.append(spec)
                    }
                default: throw y.unknownKey("", key, at: pos, expected: formatKeys)
                }
            }
        }
        guard let id else { throw y.fail(rootPos, "expected the key 'format' (the format's id), found none") }
        guard !sections.isEmpty else { throw y.fail(rootPos, "expected at least one section, found none") }
        var format = Format(id: id, name: title ?? id, summary: summary, sections: sections, origin: origin, path: path)
        format.display = name
        format.positions = positions
        return format
    }

    static let translationKeys = ["format", "locale", "name", "summary", "sections"]
    static let translatedSectionKeys = ["id", "title", "client-title", "prompt", "hint", "example", "client-example"]

    /// Reads a translation file (`client-recovery.vi.yml`): only words, never structure.
    public static func loadTranslation(path: String, display: String? = nil) throws -> FormatTranslation {
        let name = display ?? path
        let y = StrictYAML(bytes: try readTextFile(path, display: name), file: name)
        var t = FormatTranslation(format: "", locale: "")
        t.display = name
        var rootPos = SourcePosition.start
        try y.document(what: "a format's translation") {
            rootPos = try y.peek().position
            try y.mapping("") { key, pos in
                switch key {
                case "format": t.format = try y.text("format").0
                case "locale": t.locale = try y.text("locale").0
                case "name": let (v, p) = try y.text("name"); t.name = v; t.positions["name"] = p
                case "summary": t.summary = try y.text("summary").0
                case "sections":
                    try y.sequence("sections") { i, _ in
                        let path = "sections[\(i)]"
                        var sid: String?
                        var sec = FormatTranslation.Section()
                        var titlePos: SourcePosition?, clientTitlePos: SourcePosition?
                        let start = try y.peek().position
                        try y.mapping(path) { k, kpos in
                            switch k {
                            case "id": sid = try y.text("\(path).id").0
                            case "title": let (v, p) = try y.text("\(path).title"); sec.title = v; titlePos = p
                            case "client-title": let (v, p) = try y.text("\(path).client-title"); sec.clientTitle = v; clientTitlePos = p
                            case "prompt": sec.prompt = try y.text("\(path).prompt").0
                            case "hint": sec.hint = try y.text("\(path).hint").0
                            case "example": sec.example = try y.text("\(path).example").0
                            case "client-example": sec.clientExample = try y.text("\(path).client-example").0
                            default: throw y.unknownKey(path, k, at: kpos, expected: translatedSectionKeys)
                            }
                        }
                        guard let sid else { throw y.fail(start, "\(path): expected the key 'id', found none") }
                        if let titlePos { t.positions["\(sid).title"] = titlePos }
                        if let clientTitlePos { t.positions["\(sid).client-title"] = clientTitlePos }
                        t.sections[sid] = sec
                        t.order.append(sid)
                    }
                default: throw y.unknownKey("", key, at: pos, expected: translationKeys)
                }
            }
        }
        guard !t.format.isEmpty else { throw y.fail(rootPos, "expected the key 'format' (the format's id), found none") }
        guard !t.locale.isEmpty else { throw y.fail(rootPos, "expected the key 'locale', found none") }
        return t
    }

    /// `client-recovery.vi.yml` → ("client-recovery", "vi"); nil for a format's own file.
    static func translationName(_ file: String) -> (format: String, locale: String)? {
        let stem = (file as NSString).deletingPathExtension
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let locale = String(stem[stem.index(after: dot)...]), format = String(stem[..<dot])
        guard !locale.isEmpty, !format.isEmpty else { return nil }
        return (format, locale)
    }

    static func isSectionID(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// All formats an archive can use: the built-in ones and the archive's own
/// (an archive's format with the same id replaces the built-in one).
public struct FormatCatalog: Sendable {
    public static let defaultFormat = "client-recovery"
    public private(set) var formats: [Format] = []

    public init(formats: [Format]) { self.formats = formats }

    /// Translations by format id, then locale.
    public private(set) var translations: [String: [String: FormatTranslation]] = [:]

    public init(builtInDirectory: String, archiveDirectory: String? = nil) throws {
        var byID: [String: Format] = [:]
        var order: [String] = []
        var translations: [String: [String: FormatTranslation]] = [:]
        func scan(_ dir: String, origin: (String) -> String) throws {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
            for n in names.sorted() where n.hasSuffix(".yml") || n.hasSuffix(".yaml") {
                let path = (dir as NSString).appendingPathComponent(n)
                if FormatLoader.translationName(n) != nil {
                    let t = try FormatLoader.loadTranslation(path: path)
                    translations[t.format, default: [:]][t.locale] = t
                    continue
                }
                let f = try FormatLoader.load(path: path, origin: origin(path))
                if byID[f.id] == nil { order.append(f.id) }
                byID[f.id] = f
            }
        }
        try scan(builtInDirectory) { _ in "built-in" }
        if let archiveDirectory { try scan(archiveDirectory) { $0 } }
        formats = order.compactMap { byID[$0] }
        self.translations = translations
    }

    public func format(_ id: String) -> Format? { formats.first { $0.id == id } }

    /// The format in `locale` (`pt-BR`, then `pt`) when it has a translation; otherwise in English.
    public func format(_ id: String, locale: String?) -> Format? {
        guard let f = format(id) else { return nil }
        guard let locale, let byLocale = translations[id] else { return f }
        let base = String(locale.split(separator: "-").first ?? "")
        for candidate in [locale, base] where candidate != "en" {
            if let t = byLocale[candidate] { return f.translated(t) }
        }
        return f
    }

    /// This catalog with the formats of `directory` added (a format with a known id replaces it).
    public func adding(directory: String) throws -> FormatCatalog {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return self }
        var out = formats
        var translations = self.translations
        for n in names.sorted() where n.hasSuffix(".yml") || n.hasSuffix(".yaml") {
            let path = (directory as NSString).appendingPathComponent(n)
            if FormatLoader.translationName(n) != nil {
                let t = try FormatLoader.loadTranslation(path: path, display: Archive.display(path))
                translations[t.format, default: [:]][t.locale] = t
                continue
            }
            let f = try FormatLoader.load(path: path, display: Archive.display(path), origin: path)
            if let i = out.firstIndex(where: { $0.id == f.id }) { out[i] = f } else { out.append(f) }
        }
        var catalog = FormatCatalog(formats: out)
        catalog.translations = translations
        return catalog
    }
}
