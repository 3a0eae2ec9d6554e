import ArgumentParser
import DebriefCore
import DebriefRender
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make the current folder a debrief archive (debrief.yml and debriefs/).",
        discussion: "Nothing that already exists is changed; running it twice is harmless.")

    func run() throws {
        try runReporting {
            let here = FileManager.default.currentDirectoryPath
            let created = try Archive.initialize(at: here)
            if created.isEmpty {
                say("This folder is already a debrief archive (\(here)).")
            } else {
                say("Created \(created.joined(separator: " and ")) in \(here).")
                say("Next: debrief new \"What went wrong\"   (a guided debrief)")
            }
        }
    }
}

struct Formats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the formats available: the built-in ones and the archive's own.")

    @Flag(name: .long, help: "Also list each format's sections, with their ids and kinds.")
    var sections = false

    func run() throws {
        try runReporting {
            let archive = try currentArchive()
            let catalog = try archive.formatCatalog()
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
    case md, html, json
}

extension Audience: ExpressibleByArgument {}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one debrief to Markdown, HTML or JSON, for the team or for the client.",
        discussion: """
        The client audience leaves out every item marked internal, shows the team's members and \
        action owners as "our team", and refuses (exit 1), naming the item, when a shown item \
        names a team member.
        """)

    @Argument(help: "The debrief file to render. Without it, the archive's most recent debrief is rendered.")
    var file: String?

    @Option(name: .long, help: "The output format: md (CommonMark), html (one standalone page) or json (the record as data).")
    var to: RenderFormat = .md

    @Option(name: .long, help: "Who the rendering is for: team (everything) or client (no internal item, no team member's name).")
    var audience: Audience = .team

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output. The file is replaced atomically.")
    var output: String?

    @Flag(name: .long, help: "Render for the client even when a shown item names a team member.")
    var allowNames = false

    func validate() throws {
        if let output, let file, URL(fileURLWithPath: output).standardizedFileURL.path == URL(fileURLWithPath: file).standardizedFileURL.path {
            throw ValidationError("The output file is the debrief itself; choose another name with -o.")
        }
    }

    func run() throws {
        try runReporting {
            let archive = try currentArchive()
            let catalog = try archive.formatCatalog()
            let path = try resolveRecord(file, in: archive)
            let record = try RecordReader.load(path: path, formats: catalog)
            guard let format = catalog.format(record.format) else {
                throw LoadError(file: path, position: .start, message: "format: expected a known format, found '\(record.format)'")
            }
            let labels = try Labels.load(templates: archive.templates, locale: record.locale ?? archive.config.locale)
            let report = try Report.build(record: record, format: format, audience: audience, labels: labels,
                                          file: path, allowNames: allowNames,
                                          client: ClientOptions(title: archive.config.clientTitle, intro: archive.config.clientIntro))
            let text: String
            switch to {
            case .md: text = MarkdownRenderer.render(report) + "\n"
            case .json: text = JSONRenderer.render(report)
            case .html:
                let templates = try HTMLTemplates.load(templates: archive.templates)
                text = try HTMLRenderer.render(report, templates: templates, generator: "debrief \(DebriefVersion.string)")
            }
            try Output.emit(Array(text.utf8), to: output)
        }
    }
}
