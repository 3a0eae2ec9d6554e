import ArgumentParser
import DebriefChecks
import DebriefCore
import DebriefGuide
import Foundation

/// How the guide refers to a file: relative to the current folder when inside it.
/// A file's name as messages show it: relative to the current folder, control characters escaped (a name can hold
/// an escape sequence).
func shown(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    return Diagnostics.safe(path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path)
}

func resumeHint(_ path: String, _ words: GuideWords) -> String {
    words("draft-saved", ["file": shown(path)]) + "\n" + words("continue-with", ["command": "debrief resume \(shown(path))"]) + "\n"
}

/// Runs the guide on a draft from a step named in text (`client`, `sections.mistakes.client`);
/// a name the format does not have starts at the first step.
func runGuide(_ guide: Guide, terminal: Terminal, from start: String?) throws {
    try runGuide(guide, terminal: terminal, at: start.map { guide.step(named: $0) ?? guide.steps[0] })
}

/// Runs the guide on a draft and turns its outcome into output and an exit status.
func runGuide(_ guide: Guide, terminal: Terminal, at start: GuideStep?) throws {
    let w = guide.words
    Interrupts.setMessage("\n\n" + w("interrupted") + " " + resumeHint(guide.path, w))
    let outcome = try guide.run(from: start)
    switch outcome {
    case .finished:
        break
    case .stopped:
        terminal.write("\n" + w("stopped") + " " + resumeHint(guide.path, w))
    case .endOfInput:
        terminal.write("\n" + w("end-of-input") + " " + resumeHint(guide.path, w))
    }
}

/// Connects the coaching checks to the guide: while typing, and in the review.
func coach(_ guide: Guide, workspace ws: Workspace, defaultLocale: String? = nil) throws {
    let runner = try CheckRunner.forWorkspace(ws, locale: guide.record.locale ?? defaultLocale ?? ws.config.locale)
    let format = guide.format
    guide.coach = { item, spec, record in
        let number = record.items(in: spec.id).lastIndex { $0.text == item.text }.map { $0 + 1 } ?? 1
        return runner.run(item: item, number: number, in: spec, record: record, format: format).map {
            CoachNote(check: $0.check.rawValue, message: $0.message, suggestion: $0.suggestion, canMoveToEmotions: $0.canMoveToEmotions)
        }
    }
    let w = guide.words
    guide.reviewFindings = { record in
        runner.run(record, format: format).filter { $0.severity != .info }.map { f in
            let title = f.section.flatMap { format.spec($0)?.title } ?? ""
            let whereIs = f.item.map { w("finding-item", ["section": title, "n": String($0)]) } ?? title
            return ReviewFinding("\(w("severity-" + f.severity.rawValue)): [\(f.check.rawValue)] \(whereIs.isEmpty ? "" : whereIs + ": ")\(f.message)",
                                 isError: f.severity == .error)
        }
    }
}

func nextCommands(for path: String, _ w: GuideWords) -> [NextCommand] {
    let p = shown(path)
    let base = (p as NSString).deletingPathExtension
    return [
        NextCommand("debrief check \(p)", purpose: w("next-check")),
        NextCommand("debrief render \(p) --to html -o \(base).html", purpose: w("next-report")),
        NextCommand("debrief render \(p) --to html --audience client -o \(base).client.html", purpose: w("next-client")),
        NextCommand("debrief letter \(p) -o \(base).letter.md", purpose: w("next-letter")),
    ]
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a guided debrief: the format's steps one at a time, saving after every answer.",
        discussion: """
        Writes debriefs/DATE-SLUG.yml in the archive. Type one item per line and an empty line to move on; \
        ? shows the commands (:back, :skip, :list, :undo, :stop). Ctrl-C keeps every answer given so far; \
        continue with debrief resume.
        """)

    @Argument(help: "The debrief's title. Without it, the guide asks for it.")
    var title: String?

    @Option(name: .long, help: "The format to follow (see debrief formats). Without it, the archive's default format.", completion: Complete.formats)
    var format: String?

    @Option(name: [.short, .customLong("output")], help: "Write the debrief to this file instead of debriefs/DATE-SLUG.yml.")
    var output: String?

    @Option(name: .long, help: "The debrief's language (en, vi, ar, mn, hu, fi, or a tag such as pt-BR): the guide's questions, the coaching and the reports. Without it, the archive's (locale: in debrief.yml), else English.")
    var locale: String?

    func validate() throws {
        if let locale, !RecordReader.isLocaleTag(locale) {
            throw ValidationError("--locale: expected a language tag such as 'vi' or 'pt-BR', found '\(Diagnostics.safe(locale))'")
        }
    }

    func run() throws {
        try runReporting {
            let ws = try currentWorkspace()
            let archive = ws.archive
            let catalog = try ws.formats()
            let formatID = format ?? archive.config.defaultFormat
            let language = locale ?? archive.config.locale
            let words = try GuideWords.load(templates: ws.templates, locale: language)
            guard let fmt = catalog.format(formatID, locale: language) else {
                throw UsageError("no format '\(formatID)'; the formats are: \(catalog.formats.map(\.id).joined(separator: ", "))")
            }
            let terminal = makeTerminal()
            Interrupts.install(message: "\n\n" + words("interrupted-nothing") + "\n")
            let today = ws.today
            let style = Style(color: terminal.usesColor, width: terminal.width)
            terminal.write(style.bold(fmt.name) + "\n" + style.dim(style.wrap(fmt.summary, indent: "  ")) + "\n")

            var theTitle = String(String.UnicodeScalarView((title ?? "").unicodeScalars.filter { !isControl($0) })).trimmed
            while theTitle.isEmpty {
                guard case .line(let t) = terminal.readLine(prompt: words("title-prompt"), prefill: nil) else {
                    terminal.write("\n" + words("nothing-saved") + "\n")
                    return
                }
                theTitle = String(String.UnicodeScalarView(t.unicodeScalars.filter { !isControl($0) })).trimmed
                // A command is never a title: nothing is saved yet, so :stop (or an empty answer) leaves.
                if theTitle.hasPrefix(":") || theTitle == "?" {
                    if [":stop", ":quit", ":q"].contains(theTitle.lowercased()) { terminal.write(words("nothing-saved") + "\n"); return }
                    terminal.write("  " + words("title-first") + "\n")
                    theTitle = ""
                }
            }

            var path: String
            if let output {
                path = URL(fileURLWithPath: output).standardizedFileURL.path
                if FileManager.default.fileExists(atPath: path) {
                    throw UsageError("\(output) already exists; continue it with: debrief resume \(output)")
                }
            } else {
                let folder = archive.debriefsFolder
                do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                catch { throw WriteError(path: folder, reason: "cannot create the folder") }
                path = Slug.newRecordPath(in: folder, date: today, title: theTitle)
            }
            var record = Record(format: fmt.id, title: theTitle, date: today, status: .draft, locale: language)
            record.progress = "client"
            // Two people starting the same debrief at once get two files, never one overwritten.
            let created = record
            path = try createRecord(at: path, nextIn: output == nil ? archive.debriefsFolder : nil, date: today, title: theTitle,
                                    refused: { UsageError("\($0) already exists; continue it with: debrief resume \($0)") }) { p in
                try Interrupts.deferred { try RecordStore.create(created, at: p) }
            }
            terminal.write(words("saving-to", ["file": shown(path)]) + "\n")

            let guide = try Guide(terminal: terminal, formats: catalog, path: path, display: shown(path), today: today,
                                  defaultLocale: language, templates: ws.templates)
            guide.nextCommands = nextCommands(for: path, guide.words)
            try coach(guide, workspace: ws)
            try runGuide(guide, terminal: terminal, from: "client")
        }
    }
}

/// Writes a new record with `write` at `path`, and returns where it went. A name someone took meanwhile (two people
/// starting the same debrief, two files with the same title and date) gets the next free one in `folder`, never a
/// file overwritten; a name given with -o (`folder` nil) is refused with `refused(path)`.
func createRecord(at path: String, nextIn folder: String?, date: Day, title: String,
                  refused: (String) -> Error, _ write: (String) throws -> Void) throws -> String {
    var path = path
    var attempts = 0
    while true {
        do {
            try write(path)
            return path
        } catch let e as AtomicFile.AlreadyExists {
            attempts += 1
            guard let folder, attempts < 100 else { throw refused(e.path) }
            path = Slug.newRecordPath(in: folder, date: date, title: title)
        }
    }
}

/// The draft a command works on: the file named, or the archive's most recent draft from the index
/// (each record read once per change; a record that does not load is passed over, and named).
func draftPath(_ file: String?, in ws: Workspace) throws -> String {
    if let file { return file }
    let latest = try ws.mostRecentDraft()
    Diagnostics.report(latest.warnings)
    guard let draft = latest.path else { throw NoDebriefYet(draft: true) }
    return draft
}

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a draft debrief at its first unanswered step.")

    @Argument(help: "The draft to continue. Without it, the archive's most recent draft.", completion: Complete.debriefs)
    var file: String?

    @Option(name: .long, help: "Start at this step instead, e.g. client, participants.us, sections.mistakes.client (or mistakes.client), review.")
    var at: String?

    @Flag(name: .long, help: "Continue a final debrief, setting it back to draft.")
    var reopen = false

    @Option(name: .long, help: "The language to guide in when neither the debrief (locale:) nor the archive's debrief.yml names one.")
    var locale: String?

    func validate() throws {
        if let locale, !RecordReader.isLocaleTag(locale) {
            throw ValidationError("--locale: expected a language tag such as 'vi' or 'pt-BR', found '\(Diagnostics.safe(locale))'")
        }
    }

    func run() throws {
        try runReporting {
            let ws = try currentWorkspace()
            let catalog = try ws.formats()
            let path = try draftPath(file, in: ws)
            let abs = URL(fileURLWithPath: path).standardizedFileURL.path
            // A final debrief stays final unless reopened on purpose.
            if try ws.load(abs, display: file).record.status == .final {
                guard reopen else { throw UsageError("\(shown(abs)) is final; add --reopen to continue it (it goes back to draft)") }
                try ws.update(abs) { record, _ in record.status = .draft }
            }
            let terminal = makeTerminal()
            // The record's language, then the archive's (when its debrief.yml names one), then --locale.
            let fallback = ws.config.localeIsSet ? ws.config.locale : (locale ?? ws.config.locale)
            let guide = try Guide(terminal: terminal, formats: catalog, path: abs, display: shown(abs), today: ws.today,
                                  defaultLocale: fallback, templates: ws.templates)
            Interrupts.install(message: "\n\n" + guide.words("interrupted") + " " + resumeHint(abs, guide.words))
            var start: GuideStep?
            if let at {
                guard let step = guide.step(named: at) else {
                    throw UsageError("no step '\(at)'; the steps are: \(guide.steps.map(\.encoded).joined(separator: ", "))")
                }
                start = step
            }
            guide.nextCommands = nextCommands(for: abs, guide.words)
            try coach(guide, workspace: ws, defaultLocale: fallback)
            terminal.write(guide.words("continuing", ["file": shown(abs), "format": guide.format.name]) + "\n")
            try runGuide(guide, terminal: terminal, at: start)
        }
    }
}

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Append one item to a debrief; safe when several people add at once.",
        discussion: """
        TEXT takes the quick-entry syntax: @Name sets the owner and due:2026-12-22, due:+30d or due:+2w \
        the due date (actions), #internal keeps the item from the client, any other #word is a tag; \
        \\# and \\@ keep the characters.
        """)

    @Argument(help: "The section to add to, by id (see debrief formats --sections), e.g. facts or actions.", completion: Complete.sections)
    var section: String

    @Argument(help: "The item's text, with quick-entry syntax.")
    var text: String

    @Option(name: .long, help: "Whose view or doing it is: us or client.")
    var side: SideArgument?

    @Option(name: .long, help: "The debrief to add to. Without it, the archive's most recent draft.", completion: Complete.debriefs)
    var file: String?

    @Option(name: .long, help: "For a mistake: what would have been different had it not happened.")
    var counterfactual: String?

    @Flag(name: .long, help: "For an option (remedies): mark it as the one the client chose, and no other.")
    var chosen = false

    @Flag(name: .long, help: "Add to a final debrief, setting it back to draft.")
    var reopen = false

    func run() throws {
        try runReporting {
            let ws = try currentWorkspace()
            let path = try draftPath(file, in: ws)
            let today = ws.today
            var number = 0
            var sectionTitle = section
            var warnings: [Diagnostic] = []
            // From the write to the line that says so, a signal waits: once the item is in, the command says it
            // was added and ends with success, so that a retry does not add it twice.
            SignalHold.begin()
            defer { SignalHold.release() }
            let result = try ws.update(path) { record, format in
                guard let spec = format.spec(section) else {
                    let ids = format.sections.filter { $0.kind.isList }.map(\.id).joined(separator: ", ")
                    throw UsageError("no section '\(section)' in the format \(format.id); the list sections are: \(ids)")
                }
                guard spec.kind.isList else {
                    throw UsageError("'\(section)' is a narrative section; edit the file to change it")
                }
                if record.status == .final {
                    guard reopen else {
                        throw UsageError("\(shown(path)) is final; add --reopen to add to it (it goes back to draft)")
                    }
                    record.status = .draft
                }
                // A side is never invented: a section asked per side needs one.
                if spec.perSide && side == nil {
                    throw UsageError("'\(section)' is asked for each side; say whose it is with --side us or --side client")
                }
                let entry = QuickEntryParser.parse(text, kind: spec.kind, participants: record.participants,
                                                   today: today, side: side?.side)
                if let bad = entry.badDue {
                    throw UsageError("could not read the due date '\(bad)'; write due:YYYY-MM-DD, due:+30d or due:+2w")
                }
                if let bad = entry.badMoment {
                    throw BadInput("'\(bad)' is not a date the timeline reads; nothing was added",
                                   suggestion: "Start the entry with YYYY-MM-DD or YYYY-MM-DD HH:MM (\"2026-11-14 09:30 The site went down\"), or leave the date out.")
                }
                if !entry.ambiguousOwner.isEmpty {
                    throw UsageError("@\(entry.item.owner ?? "") could be \(entry.ambiguousOwner.joined(separator: " or ")); write more of the name (@First_Last)")
                }
                if let unknown = entry.unknownOwner {
                    warnings.append(Diagnostic(file: shown(path), severity: .warning,
                                               message: "@\(unknown) is not one of the participants; the owner is kept as typed"))
                }
                var item = entry.item
                guard !item.text.trimmed.isEmpty else { throw UsageError("the item has no text") }
                if let counterfactual {
                    guard spec.kind == .mistakes else { throw UsageError("--counterfactual goes with a mistakes section") }
                    item.counterfactual = cleanTypedText(counterfactual)
                }
                if chosen {
                    guard spec.kind == .remedies else { throw UsageError("--chosen goes with the remedies (the options offered)") }
                }
                number = record.append(item, to: spec.id, format: format)
                if chosen { try record.choose(remedy: number, format: format) }
                sectionTitle = spec.title
            }
            // For the tests of a signal that lands between the write and the confirmation (never set otherwise).
            if let ms = ProcessInfo.processInfo.environment["DEBRIEF_TEST_PAUSE_AFTER_WRITE"].flatMap(UInt32.init) { usleep(ms * 1000) }
            Diagnostics.report(warnings)
            let count = result.record.items(in: section).count
            say("Added to \(sectionTitle) (item \(number)) in \(shown(path)): \(count) item\(count == 1 ? "" : "s") there now.")
            SignalHold.end()
        }
    }
}

enum SideArgument: String, ExpressibleByArgument, CaseIterable {
    case us, client
    var side: Side { self == .us ? .us : .client }
}
