// The workspace: what every command goes through. Discovered once per
// command: the archive and its typed configuration, the templates folder, the
// clock; the format catalog, labels and other data loaded once (per locale)
// and kept; every text parsed once; records read once per update.
import DebriefMarkdown
import Foundation

/// The words a report uses around the user's text, from `templates/locales/LANG.yml`.
public struct Labels: Sendable {
    public var values: [String: String]
    /// The language these labels are for (the record's, else the archive's).
    public var locale: String = "en"
    public init(values: [String: String], locale: String = "en") { self.values = values; self.locale = locale }
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
        try Templates.loading(path) {
            let y = StrictYAML(bytes: try readTextFile(path), file: path)
            var out: [String: String] = [:]
            try y.document(what: "a list of labels") {
                try y.mapping("") { key, _ in out[key] = try y.text(key).0 }
            }
            return out
        }
    }
}

extension Templates {
    /// Runs a load of a built-in template file, reporting any failure as a template error (exit 70).
    public static func loading<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() }
        catch let e as LoadError { throw TemplateError(e) }
        catch is MissingFileError { throw TemplateError(path: path, reason: "the file is missing") }
    }

    /// Words that are also people's names (Will, May, Grace), per language, from
    /// `templates/client-safe/ordinary-words.yml`: such a name part counts only where it is written as a name.
    public static func ordinaryWordLists(templates: String) throws -> [String: Set<String>] {
        let path = (templates as NSString).appendingPathComponent("client-safe/ordinary-words.yml")
        return try loading(path) {
            let y = StrictYAML(bytes: try readTextFile(path), file: path)
            var out: [String: Set<String>] = [:]
            try y.document(what: "lists of ordinary words") {
                try y.mapping("") { lang, _ in
                    out[lang] = Set(try y.textList(lang).map(Fold.key))
                }
            }
            return out
        }
    }

    /// The ordinary words for a record's language: English (which every debrief quotes) and the language's own.
    public static func ordinaryWords(templates: String, locale: String) throws -> Set<String> {
        let lists = try ordinaryWordLists(templates: templates)
        let lang = String(locale.split(separator: "-").first ?? "en").lowercased()
        return (lists["en"] ?? []).union(lists[lang] ?? [])
    }
}

/// A record loaded with the format it follows.
public struct LoadedRecord: Sendable {
    public var path: String
    /// The name messages use for it.
    public var display: String
    public var record: Record
    public var format: Format
}

public final class Workspace: @unchecked Sendable {
    public let archive: Archive
    /// "Today" for every command: due dates, overdue actions, the letter's date.
    public let today: Day
    /// Every Markdown text parsed once per command.
    public let markdown = MarkdownCache()
    private let lock = NSLock()
    private var cache: [String: Any] = [:]

    public init(archive: Archive, today: Day) {
        self.archive = archive
        self.today = today
    }

    /// Finds the archive from `directory` upward.
    public static func discover(from directory: String, templates: String, today: Day, trust: ArchiveTrust = ArchiveTrust()) throws -> Workspace {
        Workspace(archive: try Archive.discover(from: directory, templates: templates, trust: trust), today: today)
    }

    public var config: ArchiveConfig { archive.config }
    public var templates: String { archive.templates }

    /// The archive's own templates (`templates/` beside debrief.yml), which replace built-in ones of the same name.
    public var archiveTemplates: String? {
        guard archive.hasConfig else { return nil }
        let dir = (archive.root as NSString).appendingPathComponent("templates")
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue ? dir : nil
    }

    /// Something loaded once per workspace (per key), kept for every later use.
    public func cached<T>(_ key: String, _ make: () throws -> T) throws -> T {
        lock.lock()
        if let v = cache[key] as? T { lock.unlock(); return v }
        lock.unlock()
        let v = try make()
        lock.lock()
        cache[key] = v
        lock.unlock()
        return v
    }

    public func formats() throws -> FormatCatalog {
        try cached("formats") { try archive.formatCatalog() }
    }

    /// The record's locale, else the archive's.
    public func locale(of record: Record) -> String { record.locale ?? config.locale }

    public func labels(_ locale: String) throws -> Labels {
        try cached("labels:\(locale)") { try Labels.load(templates: templates, locale: locale) }
    }

    public func ordinaryWords(_ locale: String) throws -> Set<String> {
        let lists = try cached("ordinary-words") { try Templates.ordinaryWordLists(templates: templates) }
        let lang = String(locale.split(separator: "-").first ?? "en").lowercased()
        return try cached("ordinary-words:\(lang)") { (lists["en"] ?? []).union(lists[lang] ?? []) }
    }

    /// The record's language's name endings ("Lauralle" names Laura), for client safety and the no-blame check.
    public func nameEndings(_ locale: String) throws -> NameEndings {
        let lang = String(locale.split(separator: "-").first ?? "en").lowercased()
        return try cached("name-endings:\(lang)") { try NameEndings.load(templates: templates, locale: lang) }
    }

    public var clientSettings: ClientSettings {
        config.clientSettings(file: archive.hasConfig ? Archive.display(archive.configPath) : nil)
    }

    /// The record file named, or the archive's most recent one.
    public func recordPath(_ given: String?) throws -> String {
        if let given { return given }
        guard let latest = archive.mostRecentRecord() else {
            throw NoDebriefYet()
        }
        return latest
    }

    /// Reads and checks one record. Messages name it as `display` (what the person typed), else relative
    /// to the current folder.
    public func load(_ path: String, display given: String? = nil) throws -> LoadedRecord {
        let display = given ?? Archive.display(path)
        let catalog = try formats()
        let record = try RecordReader.load(path: path, display: display, formats: catalog)
        guard let format = catalog.format(record.format, locale: locale(of: record)) else {
            throw LoadError(file: display, position: .start, message: "format: expected a known format, found \(quoted(record.format))")
        }
        return LoadedRecord(path: path, display: display, record: record, format: format)
    }

    /// The record as an audience sees it; for the client, with the leaks the policy found.
    public func view(_ loaded: LoadedRecord, audience: Audience) throws -> RecordView {
        RecordView.build(record: loaded.record, format: loaded.format, audience: audience,
                         labels: try labels(locale(of: loaded.record)), file: loaded.display,
                         client: clientSettings, markdown: markdown, ordinaryWords: try ordinaryWords(locale(of: loaded.record)),
                         nameEndings: try nameEndings(locale(of: loaded.record)))
    }

    /// Locks the record, reads it once, applies `change`, writes it atomically; returns it as written.
    @discardableResult
    public func update(_ path: String, _ change: (inout Record, Format) throws -> Void) throws -> LoadedRecord {
        let catalog = try formats()
        let display = Archive.display(path)
        var format: Format?
        let record = try RecordStore.update(path, display: display, formats: catalog) { r in
            guard let f = catalog.format(r.format, locale: locale(of: r)) else {
                throw LoadError(file: display, position: .start, message: "format: expected a known format, found \(quoted(r.format))")
            }
            format = f
            try change(&r, f)
        }
        return LoadedRecord(path: path, display: display, record: record, format: format!)
    }
}
