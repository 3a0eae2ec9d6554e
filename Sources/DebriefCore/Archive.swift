// The archive: a folder with `debrief.yml` (found upward from the current
// folder, as git does) and a folder of debriefs. Without one, the current
// folder serves.
import Foundation

public struct ArchiveConfig: Sendable, Equatable {
    public var debriefsFolder = "debriefs"
    public var formatsFolder = "formats"
    public var defaultFormat = FormatCatalog.defaultFormat
    public var locale = "en"
    /// Check id to `off`, `info`, `warning` or `error`.
    public var checks: [String: String] = [:]
    /// Tags that mark an item as not for the client (the client-safe check).
    public var internalTags: [String] = []
    /// The agency's name, and how its letters are signed.
    public var agency: String?
    public var signature: String?
    /// The client report's title (`{title}` and `{client}` are filled in) and its introduction line.
    public var clientTitle: String?
    public var clientIntro: String?
    /// Paper for PDF: `a4` or `letter`.
    public var paper = "a4"
    public init() {}

    static let keys = ["archive", "debriefs", "formats", "default-format", "locale", "checks", "internal-tags",
                       "agency", "signature", "client-title", "client-intro", "paper"]

    public static func load(path: String) throws -> ArchiveConfig {
        let bytes = try readTextFile(path)
        let y = StrictYAML(bytes: bytes, file: path)
        var c = ArchiveConfig()
        try y.document(what: "an archive configuration") {
            if case .scalar(let v, .plain, _, _) = try y.peek().kind, isNull(v) { _ = try y.next(); return }
            try y.mapping("") { key, pos in
                switch key {
                case "archive":
                    let (v, vp) = try y.int("archive")
                    guard v == 1 else { throw y.fail(vp, "archive: expected version 1, found \(v)") }
                case "debriefs": c.debriefsFolder = try y.text("debriefs").0
                case "formats": c.formatsFolder = try y.text("formats").0
                case "default-format": c.defaultFormat = try y.text("default-format").0
                case "locale":
                    let (v, vp) = try y.text("locale")
                    guard RecordReader.isLocaleTag(v) else {
                        throw y.fail(vp, "locale: expected a language tag such as 'en' or 'pt-BR', found \(quoted(v))")
                    }
                    c.locale = v
                case "checks":
                    if try y.skipNull() { return }
                    try y.mapping("checks") { id, _ in
                        let (v, vp) = try y.text("checks.\(id)")
                        guard ["off", "info", "warning", "error"].contains(v) else {
                            throw y.fail(vp, "checks.\(id): expected off, info, warning or error, found \(quoted(v))")
                        }
                        c.checks[id] = v
                    }
                case "agency": c.agency = try y.optionalText("agency").0
                case "signature": c.signature = try y.optionalText("signature").0
                case "client-title": c.clientTitle = try y.optionalText("client-title").0
                case "client-intro": c.clientIntro = try y.optionalText("client-intro").0
                case "paper":
                    let (v, vp) = try y.text("paper")
                    guard ["a4", "letter"].contains(v.lowercased()) else {
                        throw y.fail(vp, "paper: expected a4 or letter, found \(quoted(v))")
                    }
                    c.paper = v.lowercased()
                case "internal-tags":
                    if try y.skipNull() { return }
                    c.internalTags = try y.textList("internal-tags")
                default: throw y.unknownKey("", key, at: pos, expected: keys)
                }
            }
        }
        return c
    }

    public static let initialText = """
    # The debrief archive. Commands find this file upward from the current folder.
    archive: 1
    # Where the debrief records live, relative to this file.
    debriefs: debriefs
    # The archive's own formats (YAML files like templates/formats/*.yml).
    formats: formats
    # The format `debrief new` uses when none is given.
    default-format: client-recovery
    # The language of new debriefs.
    locale: en
    # Coaching checks to turn off or to give another severity (off, info, warning, error).
    checks:
      # lesson-is-a-rule: info
    # Tags that keep an item from the client, like internal: true (checked by client-safe).
    internal-tags: []
    # For the client's report and letter: who you are, how letters are signed,
    # the report's title ({title} and {client} are filled in) and its first line.
    agency:
    signature:
    client-title:
    client-intro:
    # Paper for PDF: a4 or letter.
    paper: a4

    """
}

public struct Archive: Sendable {
    public static let configName = "debrief.yml"

    /// The archive's root folder.
    public var root: String
    /// Whether a `debrief.yml` was found (otherwise the current folder serves).
    public var hasConfig: Bool
    public var config: ArchiveConfig
    /// The built-in templates folder (`templates/`).
    public var templates: String

    public var debriefsFolder: String { (root as NSString).appendingPathComponent(config.debriefsFolder) }
    public var formatsFolder: String { (root as NSString).appendingPathComponent(config.formatsFolder) }

    public init(root: String, hasConfig: Bool, config: ArchiveConfig, templates: String) {
        self.root = root; self.hasConfig = hasConfig; self.config = config; self.templates = templates
    }

    /// Finds the archive for `directory` (default: the current folder).
    public static func discover(from directory: String = FileManager.default.currentDirectoryPath,
                                templates: String = Templates.locate()) throws -> Archive {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(configName).path
            if FileManager.default.fileExists(atPath: candidate) {
                let config = try ArchiveConfig.load(path: candidate)
                return Archive(root: dir.path, hasConfig: true, config: config, templates: templates)
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return Archive(root: URL(fileURLWithPath: directory).standardizedFileURL.path, hasConfig: false,
                       config: ArchiveConfig(), templates: templates)
    }

    /// Makes `directory` an archive: `debrief.yml` and `debriefs/`. Returns what it created.
    @discardableResult
    public static func initialize(at directory: String) throws -> [String] {
        var created: [String] = []
        let config = (directory as NSString).appendingPathComponent(configName)
        if !FileManager.default.fileExists(atPath: config) {
            try AtomicFile.write(ArchiveConfig.initialText, to: config)
            created.append(configName)
        }
        let folder = (directory as NSString).appendingPathComponent("debriefs")
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            catch { throw WriteError(path: folder, reason: "cannot create the folder") }
            created.append("debriefs/")
        } else if !isDir.boolValue {
            throw WriteError(path: folder, reason: "a file of that name is in the way")
        }
        return created
    }

    public func formatCatalog() throws -> FormatCatalog {
        try FormatCatalog(builtInDirectory: (templates as NSString).appendingPathComponent("formats"),
                          archiveDirectory: formatsFolder)
    }

    /// The record files of the archive, sorted by name (DATE-SLUG sorts by date).
    public func recordFiles() -> [String] {
        var dirs = [debriefsFolder]
        if !hasConfig { dirs.append(root) }
        var out: [String] = []
        for d in dirs {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: d) else { continue }
            for n in names.sorted() where (n.hasSuffix(".yml") || n.hasSuffix(".yaml")) && n != Archive.configName && !n.hasPrefix(".") {
                let path = (d as NSString).appendingPathComponent(n)
                var st = stat()
                // Pipes, devices and dangling links are not debriefs (and reading a pipe would wait forever).
                guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
                out.append(path)
            }
        }
        return out
    }

    /// The most recent record: the last by name (names start with the date), ties broken by modification time.
    public func mostRecentRecord() -> String? {
        let files = recordFiles()
        func mtime(_ p: String) -> Date {
            (try? FileManager.default.attributesOfItem(atPath: p)[.modificationDate] as? Date) ?? .distantPast
        }
        return files.max { a, b in
            let na = (a as NSString).lastPathComponent, nb = (b as NSString).lastPathComponent
            if na.prefix(10) != nb.prefix(10) { return na.prefix(10) < nb.prefix(10) }
            return mtime(a) < mtime(b)
        }
    }
}

/// Where the built-in templates are: `$DEBRIEF_TEMPLATES`, else a `templates/`
/// folder beside or above the executable (a build tree), else `../share/debrief/templates`.
public enum Templates {
    public static func locate() -> String {
        if let env = ProcessInfo.processInfo.environment["DEBRIEF_TEMPLATES"], !env.isEmpty { return env }
        let exe = URL(fileURLWithPath: executablePath()).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<6 {
            let t = dir.appendingPathComponent("templates")
            if FileManager.default.fileExists(atPath: t.appendingPathComponent("formats").path) { return t.path }
            let share = dir.appendingPathComponent("share/debrief/templates")
            if FileManager.default.fileExists(atPath: share.appendingPathComponent("formats").path) { return share.path }
            dir = dir.deletingLastPathComponent()
        }
        return "templates"
    }

    static func executablePath() -> String {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}

public enum Slug {
    /// A file-name-safe slug: lower-case ASCII letters, digits and single hyphens,
    /// at most 60 characters; accents are dropped and other scripts transliterated
    /// where possible. Never empty, never a path.
    public static func make(_ title: String) -> String {
        var s = title
        if let latin = s.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false) { s = latin }
        s = s.lowercased()
        var out = ""
        var dash = false
        for u in s.unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) {
                out.unicodeScalars.append(u); dash = false
            } else if !dash && !out.isEmpty {
                out.append("-"); dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 60 {
            out = String(out.prefix(60))
            if let cut = out.lastIndex(of: "-"), out.distance(from: out.startIndex, to: cut) > 30 { out = String(out[..<cut]) }
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? "debrief" : out
    }

    /// `FOLDER/DATE-SLUG.yml`, with `-2`, `-3`... when the name is taken.
    public static func newRecordPath(in folder: String, date: Day, title: String) -> String {
        let base = "\(date)-\(make(title))"
        var candidate = (folder as NSString).appendingPathComponent(base + ".yml")
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = (folder as NSString).appendingPathComponent("\(base)-\(n).yml")
            n += 1
        }
        return candidate
    }
}

extension Archive {
    /// The draft worked on last: of the records whose status is draft, the one changed most recently.
    /// A record that does not load is not passed over silently: its error is thrown, since it may be that draft.
    public func mostRecentDraft(formats: FormatCatalog) throws -> String? {
        func mtime(_ p: String) -> Date {
            (try? FileManager.default.attributesOfItem(atPath: p)[.modificationDate] as? Date) ?? .distantPast
        }
        let byTime = recordFiles().map { ($0, mtime($0)) }.sorted { $0.1 == $1.1 ? $0.0 > $1.0 : $0.1 > $1.1 }
        for (f, _) in byTime {
            if try RecordReader.load(path: f, formats: formats).status == .draft { return f }
        }
        return nil
    }
}
