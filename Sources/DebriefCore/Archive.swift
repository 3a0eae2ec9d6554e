// The archive: a folder with `debrief.yml` (found upward from the current
// folder, as git does) and a folder of debriefs. Without one, the current
// folder serves.
import Foundation

public struct ArchiveConfig: Sendable, Equatable {
    public var debriefsFolder = "debriefs"
    public var formatsFolder = "formats"
    public var defaultFormat = FormatCatalog.defaultFormat
    public var locale = "en"
    /// Whether debrief.yml names the locale (else English is a default a `--locale` may replace).
    public var localeIsSet = false
    /// Checks turned off or given another severity.
    public var checks: [CheckID: CheckSetting] = [:]
    /// Tags that mark an item as not for the client, like `internal: true`.
    public var internalTags: [String] = []
    /// The agency's name, and how its letters are signed.
    public var agency: String?
    public var signature: String?
    /// The client report's title (`{title}` and `{client}` are filled in) and its introduction line.
    public var clientTitle: String?
    public var clientIntro: String?
    /// Paper for PDF.
    public var paper = Paper.a4
    /// Where each setting's value stands in the file.
    public var positions: [String: SourcePosition] = [:]
    /// What the file says that is not used (a check that does not exist), to be shown as warnings.
    public var warnings: [Diagnostic] = []
    public init() {}

    public static func == (a: ArchiveConfig, b: ArchiveConfig) -> Bool {
        a.debriefsFolder == b.debriefsFolder && a.formatsFolder == b.formatsFolder && a.defaultFormat == b.defaultFormat
            && a.locale == b.locale && a.checks == b.checks && a.internalTags == b.internalTags && a.agency == b.agency
            && a.signature == b.signature && a.clientTitle == b.clientTitle && a.clientIntro == b.clientIntro && a.paper == b.paper
    }

    static let keys = ["archive", "debriefs", "formats", "default-format", "locale", "checks", "internal-tags",
                       "agency", "signature", "client-title", "client-intro", "paper"]

    public static func load(path: String, display: String? = nil) throws -> ArchiveConfig {
        let name = display ?? path
        let bytes = try readTextFile(path, display: name)
        let y = StrictYAML(bytes: bytes, file: name)
        var c = ArchiveConfig()
        try y.document(what: "an archive configuration") {
            if case .scalar(let v, .plain, _, _) = try y.peek().kind, isNull(v) { _ = try y.next(); return }
            try y.mapping("") { key, pos in
                func optional(_ key: String) throws -> String? {
                    let (v, p) = try y.optionalText(key)
                    c.positions[key] = p
                    return v.flatMap { $0.trimmed.isEmpty ? nil : $0 }
                }
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
                    c.localeIsSet = true
                case "checks":
                    if try y.skipNull() { return }
                    try y.mapping("checks") { id, idPos in
                        let (v, vp) = try y.text("checks.\(id)")
                        guard let setting = CheckSetting(v) else {
                            throw y.fail(vp, "checks.\(id): expected off, info, warning or error, found \(quoted(v))")
                        }
                        guard let check = CheckID(rawValue: id) else {
                            c.warnings.append(Diagnostic(file: name, position: idPos, severity: .warning,
                                                         message: "checks: no check \(quoted(id)); it is ignored",
                                                         suggestion: "The checks are: \(CheckID.allCases.map(\.rawValue).joined(separator: ", ")) (see debrief checks)."))
                            return
                        }
                        if check == .clientSafe && setting != .severity(.error) {
                            c.warnings.append(Diagnostic(file: name, position: vp, severity: .warning,
                                                         message: "checks.client-safe: the client-safety check cannot be changed; it stays an error",
                                                         suggestion: "Client outputs refuse on the same leaks; pass --allow-names to a command to let names through."))
                            return
                        }
                        c.checks[check] = setting
                    }
                case "agency": c.agency = try optional("agency")
                case "signature": c.signature = try optional("signature")
                case "client-title": c.clientTitle = try optional("client-title")
                case "client-intro": c.clientIntro = try optional("client-intro")
                case "paper":
                    let (v, vp) = try y.text("paper")
                    guard let paper = Paper(rawValue: v.lowercased()) else {
                        throw y.fail(vp, "paper: expected a4 or letter, found \(quoted(v))")
                    }
                    c.paper = paper
                case "internal-tags":
                    if try y.skipNull() { return }
                    c.internalTags = try y.textList("internal-tags").compactMap(Tags.normalised)
                default:
                    // A setting this version does not know (a newer debrief's, or a typo) is named, not fatal.
                    try y.skipValue()
                    c.warnings.append(Diagnostic(file: name, position: pos, severity: .warning,
                                                 message: "no setting \(quoted(key)); it is ignored",
                                                 suggestion: "The settings are: \(keys.joined(separator: ", "))."))
                }
            }
        }
        return c
    }

    /// What the client's outputs take from the archive.
    public func clientSettings(file: String?) -> ClientSettings {
        ClientSettings(title: clientTitle, intro: clientIntro, agency: agency, signature: signature,
                       internalTags: internalTags, file: file, positions: positions)
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

/// Whose archive settings apply: the user's own `debrief.yml`, and those in folders the user trusts (the
/// executable reads `DEBRIEF_TRUSTED_ARCHIVES` and `~/.config/debrief/trusted`).
public struct ArchiveTrust: Sendable {
    /// Folders whose debrief.yml applies whoever owns it; "*" trusts every one.
    public var folders: [String]
    /// The user the settings are for (the effective user).
    public var user: uid_t

    public init(folders: [String] = [], user: uid_t = geteuid()) { self.folders = folders; self.user = user }

    /// The owner of `file` when it is another user's and `folder` is not trusted; nil when it applies.
    func foreignOwner(of file: String, folder: String) -> uid_t? {
        var st = stat()
        guard stat(file, &st) == 0, st.st_uid != user else { return nil }
        let real = AtomicFile.resolved(folder)
        for f in folders where f == "*" || AtomicFile.resolved(f) == real || f == folder { return nil }
        return st.st_uid
    }
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

    /// Finds the archive for `directory`: the nearest `debrief.yml` at or above it that `trust` lets apply. One
    /// owned by another user (a shared /tmp, a colleague's folder) could sign the user's letters or change the
    /// checks: like git's safe.directory, it is passed over with a warning that says how to trust it.
    public static func discover(from directory: String, templates: String, trust: ArchiveTrust = ArchiveTrust()) throws -> Archive {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        var passedOver: [Diagnostic] = []
        while true {
            let candidate = dir.appendingPathComponent(configName).path
            if FileManager.default.fileExists(atPath: candidate) {
                if let owner = trust.foreignOwner(of: candidate, folder: dir.path) {
                    passedOver.append(Diagnostic(
                        file: Archive.display(candidate), severity: .warning,
                        message: "not applied: it belongs to another user (uid \(owner)); to trust it, set DEBRIEF_TRUSTED_ARCHIVES=\(dir.path) or add that folder to ~/.config/debrief/trusted"))
                } else {
                    var config = try ArchiveConfig.load(path: candidate, display: Archive.display(candidate))
                    config.warnings = passedOver + config.warnings
                    return Archive(root: dir.path, hasConfig: true, config: config, templates: templates)
                }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        var config = ArchiveConfig()
        config.warnings = passedOver
        return Archive(root: URL(fileURLWithPath: directory).standardizedFileURL.path, hasConfig: false,
                       config: config, templates: templates)
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
        switch try ignoreIndexCache(in: directory) {
        case .created: created.append(".gitignore")
        case .appended: created.append("a \(IndexCache.folderName)/ line in .gitignore")
        case .present: break
        }
        return created
    }

    public enum IgnoreLine: Sendable, Equatable { case created, appended, present }

    /// Makes the archive's `.gitignore` ignore the index cache (`.debrief/`): creates the file, or appends the
    /// line when no line ignores it yet; never twice.
    @discardableResult
    public static func ignoreIndexCache(in directory: String) throws -> IgnoreLine {
        let path = (directory as NSString).appendingPathComponent(".gitignore")
        let line = IndexCache.folderName + "/"
        guard FileManager.default.fileExists(atPath: path) else {
            try AtomicFile.write(line + "\n", to: path)
            return .created
        }
        // Read as bytes: a .gitignore need not be UTF-8.
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WriteError(path: path, reason: "cannot read it to add the line \(line)")
        }
        let bytes = [UInt8](data)
        // `.debrief`, `.debrief/`, `/.debrief`, `/.debrief/` (blanks around) all ignore the folder at the root.
        let ignored = bytes.split(separator: UInt8(ascii: "\n")).contains { raw in
            var l = raw.drop { $0 == 0x20 || $0 == 0x09 }
            while let last = l.last, last == 0x20 || last == 0x09 || last == 0x0D { l = l.dropLast() }
            if l.first == UInt8(ascii: "/") { l = l.dropFirst() }
            if l.last == UInt8(ascii: "/") { l = l.dropLast() }
            return l.elementsEqual(IndexCache.folderName.utf8)
        }
        if ignored { return .present }
        let separator: [UInt8] = bytes.isEmpty || bytes.last == UInt8(ascii: "\n") ? [] : [UInt8(ascii: "\n")]
        try AtomicFile.write(bytes + separator + Array((line + "\n").utf8), to: path)
        return .appended
    }

    public var configPath: String { (root as NSString).appendingPathComponent(Archive.configName) }

    /// A path as messages show it: relative to the current folder when inside it.
    public static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// The built-in formats and the archive's own. A missing or broken built-in format is a template error.
    public func formatCatalog() throws -> FormatCatalog {
        let builtIn = (templates as NSString).appendingPathComponent("formats")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: builtIn, isDirectory: &isDir), isDir.boolValue else {
            throw TemplateError(path: builtIn, reason: "the folder of built-in formats is missing")
        }
        let catalog: FormatCatalog
        do { catalog = try FormatCatalog(builtInDirectory: builtIn, archiveDirectory: nil) }
        catch let e as LoadError { throw TemplateError(e) }
        catch let e as MissingFileError { throw TemplateError(path: e.path, reason: "the file is missing") }
        guard !catalog.formats.isEmpty else { throw TemplateError(path: builtIn, reason: "no format in the folder") }
        return try catalog.adding(directory: formatsFolder)
    }

    /// The record files of the archive, sorted by name (DATE-SLUG sorts by date).
    public func recordFiles() -> [String] { stampedRecordFiles().map(\.path) }

    /// The record files of the archive, sorted by name, each with what identifies its version (size, times, inode).
    public func stampedRecordFiles() -> [(path: String, stamp: FileStamp)] {
        var dirs = [debriefsFolder]
        if !hasConfig { dirs.append(root) }
        var out: [(path: String, stamp: FileStamp)] = []
        for d in dirs {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: d) else { continue }
            let dfd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard dfd >= 0 else { continue }
            defer { close(dfd) }
            let prefix = d.hasSuffix("/") ? d : d + "/"
            for n in names.sorted() where (n.hasSuffix(".yml") || n.hasSuffix(".yaml")) && n != Archive.configName && !n.hasPrefix(".") {
                var st = stat()
                // Pipes, devices and dangling links are not debriefs (and reading a pipe would wait forever).
                guard fstatat(dfd, n, &st, 0) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
                out.append((prefix + n, FileStamp(st)))
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

/// Where the built-in templates are: the folder given (the executable passes `$DEBRIEF_TEMPLATES`),
/// else a `templates/` folder beside or above the executable (a build tree), else `../share/debrief/templates`.
public enum Templates {
    public static func locate(given: String? = nil) -> String {
        if let given, !given.isEmpty { return given }
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
