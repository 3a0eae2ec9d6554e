import ArgumentParser
import DebriefCore
import DebriefImport
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read Markdown post-mortems (a wiki export, a docs folder, debrief's own team report) into debriefs.",
        discussion: """
        Each file becomes one debrief in the archive's debriefs/ folder (DATE-SLUG.yml, the date its header gives), \
        or the file -o names. Headings are matched to the format's sections by their titles and the headings other \
        templates use for them (import-headings in the format's file): "Lessons Learned", "Action Items", "Root \
        Causes", "Where we got lucky"... List items become items, a paragraph one item, a table's time and event \
        columns timeline entries, an action table's owner, due and ticket columns the action's fields, a task list \
        (- [ ], - [x]) actions done or not; "owner: X", "@X", "due 2026-06-01" in an action's text fill its fields. \
        The first heading is the title; front matter and lines such as **Date:** or **Status:** fill the header. \
        Nothing is dropped: text under a heading that maps to no section is kept in the notes section, and named. \
        A file that cannot be read gets one line and its exit status; the others are still imported.
        """)

    @Argument(help: "Markdown files, or folders whose .md files are read.", completion: .file(extensions: ["md", "markdown"]))
    var files: [String]

    @Option(name: .long, help: "The format to read them into (see debrief formats). Without it, the one the document names, else the one its headings fit best, else incident.", completion: Complete.formats)
    var format: String?

    @Option(name: [.short, .customLong("output")], help: "Write the debrief to this file (one input only).")
    var output: String?

    @Flag(name: .long, help: "Print what each heading would become, and write nothing.")
    var dryRun = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one Markdown file or folder to import.") }
        if output != nil && files.count > 1 { throw ValidationError("-o names one output: give one input with it.") }
    }

    func run() throws {
        try runReporting {
            let ws = try currentWorkspace()
            let catalog = try ws.formats()
            if let format, catalog.format(format) == nil {
                throw UsageError("no format '\(format)'; the formats are: \(catalog.formats.map(\.id).joined(separator: ", "))")
            }
            let labels = try ["en", "vi", "ar", "mn", "hu", "fi"].map { try ws.labels($0) }
            let importer = MarkdownImporter(formats: catalog, defaultFormat: "incident", labels: labels, today: ws.today)
            if let output {
                let target = URL(fileURLWithPath: output).standardizedFileURL
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDir), isDir.boolValue {
                    throw UsageError("-o \(Diagnostics.safe(output)) is a folder; name the file to write")
                }
                let parent = target.deletingLastPathComponent().path
                if !FileManager.default.fileExists(atPath: parent, isDirectory: &isDir) || !isDir.boolValue {
                    throw UsageError("-o \(Diagnostics.safe(output)): the folder \(shown(parent)) does not exist")
                }
            }
            var worst: Int32 = 0
            let paths = try markdownFiles(files)
            for path in paths {
                let name = shown(path)
                do {
                    let bytes = try readTextFile(path, display: name)
                    let doc = try importer.read(String(decoding: bytes, as: UTF8.self), format: format)
                    for w in doc.warnings { Diagnostics.report([Diagnostic(file: name, severity: .info, rule: "import", message: w)]) }
                    if dryRun {
                        say("\(name) → \(doc.format.id): \(Diagnostics.safe(doc.record.title))")
                        for m in doc.mapping { say("  \(Diagnostics.safe(m.heading)) → \(m.target)") }
                        if !doc.record.participants.isEmpty { say("  participants: \(doc.record.participants.count)") }
                        reportNotes(doc, name)
                        continue
                    }
                    var out: String
                    if let output {
                        out = URL(fileURLWithPath: output).standardizedFileURL.path
                    } else {
                        let folder = ws.archive.debriefsFolder
                        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                        catch { throw WriteError(path: folder, reason: "cannot create the folder") }
                        out = Slug.newRecordPath(in: folder, date: doc.record.date ?? ws.today, title: doc.record.title)
                        // Imported once already (the same title, date and sections where its name would be): not again.
                        let first = (folder as NSString).appendingPathComponent("\(doc.record.date ?? ws.today)-\(Slug.make(doc.record.title)).yml")
                        if let existing = try? RecordReader.load(path: first, display: shown(first), formats: catalog),
                           existing.title == doc.record.title, existing.date == doc.record.date, existing.sections == doc.record.sections {
                            say("\(name): already imported as \(shown(first)); nothing written")
                            continue
                        }
                    }
                    // Two files with the same title and date get two records, never one overwritten.
                    out = try createRecord(at: out, nextIn: output == nil ? ws.archive.debriefsFolder : nil, date: doc.record.date ?? ws.today,
                                           title: doc.record.title, refused: { UsageError("\(shown($0)) already exists; nothing was written for \(name)") }) {
                        try RecordStore.create(doc.record, at: $0)
                    }
                    // What was written loads like any other debrief.
                    let loaded = try RecordReader.load(path: out, display: shown(out), formats: catalog)
                    let count = loaded.sections.reduce(0) { $0 + $1.content.items.count }
                    say("\(name) → \(shown(out)) (\(doc.format.id): \(count) item\(count == 1 ? "" : "s"), \(loaded.sections.count) section\(loaded.sections.count == 1 ? "" : "s"))")
                    reportNotes(doc, name)
                } catch let e as Diagnosable {
                    Diagnostics.report(e.diagnostics, withSuggestion: false)
                    worst = max(worst, Diagnostics.status(of: e))
                } catch let e as ImportError {
                    Diagnostics.report([Diagnostic(file: name, position: .start, message: e.message)])
                    worst = max(worst, 65)
                }
            }
            if worst != 0 { throw ExitCode(worst) }
        }
    }

    /// What was kept in the notes section, named on standard error.
    func reportNotes(_ doc: ImportedDocument, _ name: String) {
        guard !doc.keptAsNotes.isEmpty else { return }
        Diagnostics.report([Diagnostic(file: name, severity: .info, rule: "import",
                                       message: "kept in the notes section: " + doc.keptAsNotes.map { "'\($0)'" }.joined(separator: ", "))])
    }

    /// The files named, with each folder's .md and .markdown files in name order.
    func markdownFiles(_ given: [String]) throws -> [String] {
        var out: [String] = []
        for g in given {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: g, isDirectory: &isDir), isDir.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: g)) ?? []
                let found = names.filter { n in [".md", ".markdown", ".mdown", ".mkd"].contains { n.lowercased().hasSuffix($0) } }.sorted()
                if found.isEmpty { throw MissingFileError(path: "\(shown(g))/*.md") }
                out += found.map { (g as NSString).appendingPathComponent($0) }
            } else {
                out.append(g)
            }
        }
        return out
    }
}
