import ArgumentParser
import DebriefChecks
import DebriefCore
import DebriefRender
import Foundation

enum FindingsFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Coach a written debrief: the checks a good facilitator would make.",
        discussion: """
        Findings are printed as FILE:LINE:COL: severity: [check] message, each followed by a suggestion. \
        Exit status 1 when any finding is an error (with --strict, any warning); 0 otherwise. \
        The archive's debrief.yml can turn a check off or change its severity (checks: {ID: off}).
        """)

    @Argument(help: "The debriefs to check. Without any, every debrief in the archive.", completion: Complete.debriefs)
    var files: [String] = []

    @Option(name: .long, help: "team (the default), or client to also check what the client would see (client-safe).")
    var audience: Audience = .team

    @Option(name: .long, help: "text (one finding per line) or json (one array of findings).")
    var format: FindingsFormat = .text

    @Flag(name: .long, help: "Exit 1 on warnings too, not only on errors.")
    var strict = false

    @Flag(name: .long, help: "With --audience client: do not report team members' names (as render --allow-names lets them through).")
    var allowNames = false

    func run() throws {
        try runReporting {
            let ws = try currentWorkspace()
            let paths = files.isEmpty ? ws.archive.recordFiles() : files
            if paths.isEmpty { throw NoDebriefYet() }
            var all: [(String, Finding)] = []
            var failures: [Error] = []
            for path in paths {
                let loaded: LoadedRecord
                do { loaded = try ws.load(path, display: files.isEmpty ? nil : path) }
                catch let e as LoadError { failures.append(e); continue }
                catch let e as MissingFileError { failures.append(e); continue }
                let runner = try CheckRunner.forWorkspace(ws, locale: ws.locale(of: loaded.record))
                // With --audience client, the client-safe check reports exactly the leaks every client output refuses.
                var clientView: RecordView?
                if audience == .client {
                    let v = try ws.view(loaded, audience: .client)
                    clientView = allowNames ? nil : v
                }
                for f in runner.run(loaded.record, format: loaded.format, clientView: clientView) { all.append((loaded.display, f)) }
            }
            switch format {
            case .text:
                Diagnostics.print(all.map { $0.1.diagnostic(file: $0.0) })
                if all.isEmpty && failures.isEmpty { say("No findings in \(paths.count) debrief\(paths.count == 1 ? "" : "s").") }
            case .json:
                say(findingsJSON(all))
            }
            // A file that does not load is reported, and the others are still checked.
            for e in failures { Diagnostics.report((e as? Diagnosable)?.diagnostics ?? []) }
            if failures.contains(where: { $0 is LoadError }) { throw ExitCode(65) }
            if !failures.isEmpty { throw ExitCode(66) }
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
            w.key("file"); w.string(f.file ?? file)
            w.key("line"); w.number(f.position.line)
            w.key("column"); w.number(f.position.column)
            w.key("severity"); w.string(f.severity.rawValue)
            w.key("check"); w.string(f.check.rawValue)
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
            let ws = try? currentWorkspace()
            let settings = ws.map { CheckSettings(config: $0.config) } ?? CheckSettings()
            let width = CheckRegistry.all.map(\.id.rawValue.count).max() ?? 0
            for c in CheckRegistry.all {
                var sev = c.defaultSeverity.rawValue
                if let o = settings.overrides[c.id], c.id != .clientSafe { sev = o.text }
                say("\(c.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  \(sev.padding(toLength: 7, withPad: " ", startingAt: 0))  \(c.rule)")
            }
            say("\nExplain one: debrief checks explain ID")
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Print a check's rule, rationale and examples.")

        @Argument(help: "The check's id, as debrief checks lists it.", completion: Complete.checks)
        var id: String

        func validate() throws {
            guard CheckRegistry.check(id) != nil else {
                throw ValidationError("No check '\(id)'. The checks are: \(CheckID.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }

        func run() throws {
            let c = CheckRegistry.check(id)!
            say("\(c.id.rawValue) (\(c.defaultSeverity.rawValue))\n\n\(wrap(c.rule))\n")
            if !c.details.isEmpty { say(wrap(c.details) + "\n") }
            say(wrap("Why: \(c.rationale)") + "\n")
            func show(_ e: CheckExample) -> String {
                if let yaml = e.record { return "  - \(e.text):\n" + yaml.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") }
                var s = "  - [\(e.section)\(e.side.map { ", \($0.rawValue)" } ?? "")\(e.locale.map { ", \($0)" } ?? "")] \(e.text)"
                if !e.fields.isEmpty { s += "  (\(e.fields.joined(separator: ", ")))" }
                return s
            }
            say("Triggers on:\n" + c.triggering.map(show).joined(separator: "\n"))
            say("\nDoes not trigger on:\n" + c.nonTriggering.map(show).joined(separator: "\n"))
        }
    }
}

/// Words wrapped at 88 columns, for explanations printed on a terminal.
func wrap(_ text: String, width: Int = 88) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
}
