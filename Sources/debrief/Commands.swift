import ArgumentParser
import DebriefChecks
import DebriefCore
import DebriefRender
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make the current folder a debrief archive (debrief.yml, debriefs/ and a .gitignore for the index cache).",
        discussion: """
        Nothing that already exists is changed, except that a .gitignore without a line for .debrief/ (the \
        index cache, rebuilt when needed) gets one; running it twice is harmless.
        """)

    func run() throws {
        try runReporting {
            let here = FileManager.default.currentDirectoryPath
            let created = try Archive.initialize(at: here)
            if created.isEmpty {
                say("This folder is already a debrief archive (\(here)).")
            } else {
                let list = created.count < 2 ? created.joined()
                    : created.dropLast().joined(separator: ", ") + " and " + created.last!
                say("Created \(list) in \(here).")
                if created.contains(where: { !$0.hasSuffix(".gitignore") }) {
                    say("Next: debrief new \"What went wrong\"   (a guided debrief)")
                }
            }
        }
    }
}

struct Formats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the formats available: the built-in ones and the archive's own.")

    @Flag(name: .long, help: "Also list each format's sections, with their ids and kinds.")
    var sections = false

    func run() throws {
        try runReporting {
            let ws = try currentWorkspace()
            let archive = ws.archive
            let catalog = try ws.formats()
            let width = catalog.formats.map(\.id.count).max() ?? 0
            for f in catalog.formats {
                let mark = f.id == archive.config.defaultFormat ? " (default)" : ""
                let origin = f.origin == "built-in" ? "built-in" : "archive: \(relative(f.origin, to: archive.root))"
                say("\(f.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(f.name)\(mark) [\(origin)]")
                if !f.summary.isEmpty { say(String(repeating: " ", count: width + 2) + f.summary) }
                if sections {
                    for s in f.sections {
                        say(String(repeating: " ", count: width + 4) + "\(s.id) (\(s.kind.rawValue)\(s.perSide ? ", per side" : "")): \(s.title)")
                    }
                }
            }
        }
    }
}

func relative(_ path: String, to root: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
}

enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html, json, pdf
}

enum LetterFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html, pdf
}

/// Writes output: a file (atomically) or standard output.
func emit(_ text: String, to output: String?) throws {
    try Output.emit(Array(text.utf8), to: output)
}

/// Writes a standalone page as HTML, or printed to PDF by Chromium (never to a terminal).
func emitPage(_ html: String, pdf: Bool, chromium: String?, to output: String?) throws {
    guard pdf else { try emit(html, to: output); return }
    let env = ProcessInfo.processInfo.environment
    let program = try PDFPrinter.findChromium(chromium ?? env["DEBRIEF_CHROMIUM"], searchPath: env["PATH"])
    if output == nil && isatty(STDOUT_FILENO) == 1 { throw UsageError("a PDF is not for the terminal; give a file with -o") }
    // DEBRIEF_PDF_TIMEOUT: seconds Chromium gets to print (90 by default).
    let timeout = env["DEBRIEF_PDF_TIMEOUT"].flatMap(TimeInterval.init).map { max(1, $0) } ?? 90
    try Output.emit(try PDFPrinter.pdf(html: html, chromium: program, timeout: timeout), to: output)
}

/// Refuses an output that is the record itself, however it is named (another path, a symlink).
func refuseOverwriting(record path: String, with output: String?) throws {
    guard let output else { return }
    var a = stat(), b = stat()
    guard stat(path, &a) == 0, stat(output, &b) == 0 else { return }
    if a.st_dev == b.st_dev && a.st_ino == b.st_ino {
        throw UsageError("\(output) is the debrief itself; choose another name with -o")
    }
}

/// One record as an audience sees it, through the workspace and the client policy.
struct AudienceView {
    var workspace: Workspace
    var view: RecordView

    static func load(file: String?, audience: Audience, allowNames: Bool, output: String?) throws -> AudienceView {
        let ws = try currentWorkspace()
        let path = try ws.recordPath(file)
        try refuseOverwriting(record: path, with: output)
        let loaded = try ws.load(path, display: file)
        let view = try ws.view(loaded, audience: audience).refusingLeaks(allowNames: allowNames)
        return AudienceView(workspace: ws, view: view)
    }
}

extension Audience: ExpressibleByArgument {}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one debrief to Markdown, HTML or JSON, for the team or for the client.",
        discussion: """
        The client audience leaves out every item marked internal, shows the team's members and \
        action owners as "our team", and refuses (exit 1), naming the item, when a shown item \
        names a team member.
        """)

    @Argument(help: "The debrief file to render. Without it, the archive's most recent debrief is rendered.", completion: Complete.debriefs)
    var file: String?

    @Option(name: .long, help: "The output format: md (CommonMark), html (one standalone page), json (the record as data) or pdf (the page printed by Chromium).")
    var to: RenderFormat = .md

    @Option(name: .long, help: "Who the rendering is for: team (everything) or client (no internal item, no team member's name).")
    var audience: Audience = .team

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output. The file is replaced atomically.")
    var output: String?

    @Flag(name: .long, help: "Render for the client even when a shown item names a team member.")
    var allowNames = false

    @Option(name: .long, help: "The Chromium (or Chrome) program to print PDF with. Without it, the first found on PATH.")
    var chromium: String?

    func run() throws {
        try runReporting {
            let v = try AudienceView.load(file: file, audience: audience, allowNames: allowNames, output: output)
            keepUntilExit(v)   // a large debrief's values are left to the exit, not freed one by one
            let generator = "debrief \(DebriefVersion.string)"
            switch to {
            case .md: try emit(MarkdownRenderer.render(v.view) + "\n", to: output)
            case .json: try emit(JSONRenderer.render(v.view), to: output)
            case .html, .pdf:
                let templates = try HTMLTemplates.load(templates: v.workspace.templates, archive: v.workspace.archiveTemplates)
                let html = try HTMLRenderer.render(v.view, templates: templates, generator: generator, paper: v.workspace.config.paper)
                try emitPage(html, pdf: to == .pdf, chromium: chromium, to: output)
            }
        }
    }
}

struct Letter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Draft a letter to the client: acknowledgement, apology, what we got wrong, what changes, the options, the follow-up.",
        discussion: """
        Built from the client's view of the debrief: no item marked internal, no team member's name (it refuses, \
        naming the item, like the client render). The wording is templates/letter/letter.md.mustache; the \
        archive's debrief.yml sets agency and signature.
        """)

    @Argument(help: "The debrief to write the letter from. Without it, the archive's most recent debrief.", completion: Complete.debriefs)
    var file: String?

    @Option(name: .long, help: "md (CommonMark, to edit and send), html (one standalone page) or pdf (printed by Chromium).")
    var to: LetterFormat = .md

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output. The file is replaced atomically.")
    var output: String?

    @Flag(name: .long, help: "Write the letter even when a shown item names a team member.")
    var allowNames = false

    @Option(name: .long, help: "The Chromium (or Chrome) program to print PDF with. Without it, the first found on PATH.")
    var chromium: String?

    func run() throws {
        try runReporting {
            let v = try AudienceView.load(file: file, audience: .client, allowNames: allowNames, output: output)
            let ws = v.workspace
            // The follow-up date comes from an action the client-follow-up check recognises, never from an internal task.
            let runner = try CheckRunner.forWorkspace(ws, locale: v.view.locale)
            let context = CheckContext(record: v.view.record, format: v.view.format, lexicon: runner.lexicon, today: ws.today, markdown: ws.markdown)
            let options = LetterOptions(today: ws.today, followUps: ClientFollowUp.followUps(context), archiveTemplates: ws.archiveTemplates)
            let templates = ws.templates
            switch to {
            case .md:
                try emit(try LetterRenderer.markdown(v.view, templates: templates, options: options), to: output)
            case .html, .pdf:
                let html = try LetterRenderer.html(v.view, templates: try HTMLTemplates.load(templates: templates, archive: ws.archiveTemplates), letterTemplates: templates,
                                                   options: options, paper: v.workspace.config.paper)
                try emitPage(html, pdf: to == .pdf, chromium: chromium, to: output)
            }
        }
    }
}

/// What an archive command built, kept until the process exits: freeing tens of thousands of values one by one
/// takes longer than answering, and the system takes the memory back at exit anyway.
nonisolated(unsafe) private var keptUntilExit: [Any] = []
func keepUntilExit(_ values: Any...) { keptUntilExit.append(contentsOf: values) }
