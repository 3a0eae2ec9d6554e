// Formats are data: `templates/formats/*.yml`, and an archive's own `formats/*.yml`.
import Foundation

public enum SectionKind: String, Sendable, CaseIterable {
    case narrative, timeline, facts, emotions, mistakes, positives, differently, lessons, remedies, actions, list

    /// Item fields beyond the common ones (`text`, `side`, `internal`, `tags`).
    public var extraFields: [String] {
        switch self {
        case .mistakes: return ["counterfactual"]
        case .actions: return ["owner", "due", "done"]
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

    public func spec(_ id: String) -> SectionSpec? { sections.first { $0.id == id } }
}

public enum FormatLoader {
    static let sectionKeys = ["id", "kind", "title", "client-title", "prompt", "hint", "example", "client-example", "per-side"]
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

    public init(builtInDirectory: String, archiveDirectory: String? = nil) throws {
        var byID: [String: Format] = [:]
        var order: [String] = []
        func scan(_ dir: String, origin: (String) -> String) throws {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
            for n in names.sorted() where n.hasSuffix(".yml") || n.hasSuffix(".yaml") {
                let path = (dir as NSString).appendingPathComponent(n)
                let f = try FormatLoader.load(path: path, origin: origin(path))
                if byID[f.id] == nil { order.append(f.id) }
                byID[f.id] = f
            }
        }
        try scan(builtInDirectory) { _ in "built-in" }
        if let archiveDirectory { try scan(archiveDirectory) { $0 } }
        formats = order.compactMap { byID[$0] }
    }

    public func format(_ id: String) -> Format? { formats.first { $0.id == id } }

    /// This catalog with the formats of `directory` added (a format with a known id replaces it).
    public func adding(directory: String) throws -> FormatCatalog {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return self }
        var out = formats
        for n in names.sorted() where n.hasSuffix(".yml") || n.hasSuffix(".yaml") {
            let path = (directory as NSString).appendingPathComponent(n)
            let f = try FormatLoader.load(path: path, display: Archive.display(path), origin: path)
            if let i = out.firstIndex(where: { $0.id == f.id }) { out[i] = f } else { out.append(f) }
        }
        return FormatCatalog(formats: out)
    }
}
