import ArgumentParser
import DebriefChecks
import DebriefCore
import DebriefRender
import Foundation

enum FindingsFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

/// Colour only on a terminal, never with NO_COLOR.
func stdoutWantsColor() -> Bool {
    let env = ProcessInfo.processInfo.environment
    if let nc = env["NO_COLOR"], !nc.isEmpty { return false }
    return isatty(STDOUT_FILENO) == 1 && env["TERM"] != "dumb"
}

func checkRunner(_ archive: Archive, locale: String?) throws -> CheckRunner {
    let lexicon = try Lexicon.load(templates: archive.templates, locale: locale ?? archive.config.locale)
    return CheckRunner(lexicon: lexicon, settings: CheckSettings(config: archive.config), today: .today())
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Coach a written debrief: the checks a good facilitator would make.",
        discussion: """
        Findings are printed as FILE:LINE:COL: severity: [check] message, each followed by a suggestion. \
        Exit status 1 when any finding is an error (with --strict, any warning); 0 otherwise. \
        The archive's debrief.yml can turn a check off or change its severity (checks: {ID: off}).
        """)

    @Argument(help: "The debriefs to check. Without any, every debrief in the archive.")
    var files: [String] = []

    @Option(name: .long, help: "team (the default), or client to also check what the client would see (client-safe).")
    var audience: Audience = .team

    @Option(name: .long, help: "text (one finding per line) or json (one array of findings).")
    var format: FindingsFormat = .text

    @Flag(name: .long, help: "Exit 1 on warnings too, not only on errors.")
    var strict = false

    func run() throws {
        try runReporting {
            let archive = try currentArchive()
            let catalog = try archive.formatCatalog()
            let paths = files.isEmpty ? archive.recordFiles().map(shown) : files
            if paths.isEmpty { throw MissingFileError(path: archive.debriefsFolder + "/*.yml (no debrief in the archive)") }
            var all: [(String, Finding)] = []
            var loadFailures: [LoadError] = []
            var runners: [String: CheckRunner] = [:]   // one per language: word lists are read once
            var missing: [MissingFileError] = []
            for id in archive.config.checks.keys.sorted() where CheckRegistry.check(id) == nil {
                FileHandle.standardError.write(Data("\(archive.root)/debrief.yml: warning: checks: no check '\(id)' (see debrief checks); it is ignored\n".utf8))
            }
            for path in paths {
                let record: Record
                do { record = try RecordReader.load(path: path, formats: catalog) }
                catch let e as LoadError { loadFailures.append(e); continue }
                catch let e as MissingFileError { missing.append(e); continue }
                guard let fmt = catalog.format(record.format) else { continue }
                let lang = record.locale ?? archive.config.locale
                let runner = try runners[lang] ?? checkRunner(archive, locale: lang)
                runners[lang] = runner
                for f in runner.run(record, format: fmt, audience: audience.rawValue) { all.append((path, f)) }
            }
            switch format {
            case .text:
                let color = stdoutWantsColor()
                for (path, f) in all { say(f.text(file: path, color: color)) }
                if all.isEmpty && loadFailures.isEmpty { say("No findings in \(paths.count) debrief\(paths.count == 1 ? "" : "s").") }
            case .json:
                say(findingsJSON(all))
            }
            for e in loadFailures { FileHandle.standardError.write(Data((e.description + "\n").utf8)) }
            for e in missing { FileHandle.standardError.write(Data((e.description + "\n").utf8)) }
            if !loadFailures.isEmpty { throw ExitCode(65) }
            if !missing.isEmpty { throw ExitCode(66) }
            let failing = all.contains { $0.1.severity == .error || (strict && $0.1.severity == .warning) }
            if failing { throw ExitCode(1) }
        }
    }
}

func findingsJSON(_ all: [(String, Finding)]) -> String {
    let w = JSONWriter()
    w.array(all) { pair in
        let (file, f) = pair
        w.object {
            w.key("file"); w.string(file)
            w.key("line"); w.number(f.position.line)
            w.key("column"); w.number(f.position.column)
            w.key("severity"); w.string(f.severity.rawValue)
            w.key("check"); w.string(f.check)
            w.key("section"); f.section.map { w.string($0) } ?? w.null()
            w.key("item"); f.item.map { w.number($0) } ?? w.null()
            w.key("message"); w.string(f.message)
            w.key("suggestion"); w.string(f.suggestion)
        }
    }
    return w.output
}

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "List the coaching checks, or explain one.",
        subcommands: [ListChecks.self, Explain.self],
        defaultSubcommand: ListChecks.self)

    struct ListChecks: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the checks with their rules.")
        func run() throws {
            let archive = try? currentArchive()
            let settings = archive.map { CheckSettings(config: $0.config) } ?? CheckSettings()
            let width = CheckRegistry.all.map(\.id.count).max() ?? 0
            for c in CheckRegistry.all {
                var sev = c.defaultSeverity.rawValue
                if let o = settings.overrides[c.id] { sev = o?.rawValue ?? "off" }
                say("\(c.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(sev.padding(toLength: 7, withPad: " ", startingAt: 0))  \(c.rule)")
            }
            say("\nExplain one: debrief checks explain ID")
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a check's rule, rationale and examples.")

        @Argument(help: "The check's id, as debrief checks lists it.")
        var id: String

        func validate() throws {
            guard CheckRegistry.check(id) != nil else {
                throw ValidationError("No check '\(id)'. The checks are: \(CheckRegistry.all.map(\.id).joined(separator: ", ")).")
            }
        }

        func run() throws {
            let c = CheckRegistry.check(id)!
            say("\(c.id) (\(c.defaultSeverity.rawValue))\n\n\(c.rule)\n\nWhy: \(c.rationale)\n")
            func show(_ e: CheckExample) -> String {
                if let yaml = e.record { return "  - \(e.text):\n" + yaml.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") }
                var s = "  - [\(e.section)\(e.side.map { ", \($0.rawValue)" } ?? "")] \(e.text)"
                if !e.fields.isEmpty { s += "  (\(e.fields.joined(separator: ", ")))" }
                return s
            }
            say("Triggers on:\n" + c.triggering.map(show).joined(separator: "\n"))
            say("\nDoes not trigger on:\n" + c.nonTriggering.map(show).joined(separator: "\n"))
        }
    }
}
