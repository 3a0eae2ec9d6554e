// `debrief actions`: follow-ups across the archive. The work is DebriefCore's ArchiveActions; this file wires
// the options, prints, and maps the exit status.
import ArgumentParser
import DebriefCore
import DebriefRender
import Foundation

enum ActionsFormat: String, ExpressibleByArgument, CaseIterable { case text, json, ics }

struct Actions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Follow-ups across the archive: each action with its debrief, owner, due date and state, overdue first.",
        discussion: """
        States: overdue (not done, due before today), open (due today or later, or undated), done. Overdue come \
        first (oldest first), then open by due date (undated last), then done (most recent due first). Each line \
        ends with the debrief and the action's number: debrief done FILE N closes it. The summary counts the \
        actions of the owner asked for (all without --owner); "done in the last 30 days" counts done actions \
        due in those days or later, as a record keeps no date of completion.

        --format ics writes a calendar (RFC 5545) with one all-day event per open action with a due date, \
        internal ones included; importing it again updates the events.

        Exit status: with --overdue, 1 when an action is overdue and 0 when none is (for a daily reminder); \
        65 when a debrief does not load (it is reported, and the others are still listed).
        """)

    @Flag(name: .long, help: "Hide done actions.")
    var open = false

    @Flag(name: .long, help: "Only overdue actions; exit 1 when there is one.")
    var overdue = false

    @Option(name: .long, help: ArgumentHelp("Only actions of this owner: any part of the name, without case or accents.", valueName: "NAME"))
    var owner: String?

    @Option(name: .customLong("due-within"), help: ArgumentHelp("Only open actions due within this time from today, overdue ones included: 7d, 2w, 1m (days without a unit).", valueName: "TIME"))
    var dueWithin: String?

    @Option(name: .long, help: "text (one aligned line per action and a summary), json (an array of actions) or ics (a calendar).")
    var format: ActionsFormat = .text

    @OptionGroup var archives: ArchiveOptions

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output. The file is replaced atomically.")
    var output: String?

    func validate() throws {
        if let owner, Fold.key(owner).isEmpty { throw ValidationError("--owner: give a name, or part of one") }
        if let dueWithin, ArchiveActions.dueLimit(dueWithin, today: Day(ordinal: 0)) == nil {
            throw ValidationError("--due-within: expected a time such as 7d, 2w or 1m, found '\(dueWithin)'")
        }
    }

    func run() throws {
        try runReporting {
            let workspaces = try archives.workspaces()
            let today = workspaces[0].today
            var all: [ArchiveAction] = []
            var failures: [LoadError] = []
            var roots = Set<String>()
            for ws in workspaces where roots.insert(ws.archive.root).inserted {
                let snapshot = try ws.archiveIndex()
                all += ArchiveActions.collect(snapshot.records, archiveRoot: ws.archive.root, today: today)
                failures += snapshot.failures
            }
            let query = ActionQuery(openOnly: open, overdueOnly: overdue, owner: owner,
                                    dueBy: dueWithin.flatMap { ArchiveActions.dueLimit($0, today: today) })
            let shown = ArchiveActions.select(all, query)
            let here = FileManager.default.currentDirectoryPath
            switch format {
            case .text:
                let color = output == nil && Diagnostics.wantsColor(STDOUT_FILENO)
                var lines = ArchiveActions.textLines(shown, from: here, clean: Diagnostics.safe, paint: color ? paint : { $1 })
                if shown.isEmpty { lines.append(all.isEmpty ? "No actions in the archive." : "No actions match.") }
                lines.append(ActionSummary(ArchiveActions.owned(all, by: owner), today: today).line + ".")
                try emit(lines.joined(separator: "\n") + "\n", to: output)
            case .json:
                try emit(json(shown, from: here), to: output)
            case .ics:
                try emit(ICalendar.calendar(shown, stamp: Date(), productID: "-//debrief//debrief \(DebriefVersion.string)//EN"), to: output)
            }
            keepUntilExit(workspaces, all, shown)
            // A debrief that does not load is reported once; the others have answered.
            Diagnostics.report(failures.flatMap(\.diagnostics))
            if !failures.isEmpty { throw ExitCode(65) }
            if overdue && shown.contains(where: { $0.state == .overdue }) { throw ExitCode(1) }
        }
    }

    func paint(_ state: ActionState, _ line: String) -> String {
        switch state {
        case .overdue: return "\u{1B}[1;31m" + line + "\u{1B}[0m"
        case .open: return line
        case .done: return "\u{1B}[2m" + line + "\u{1B}[0m"
        }
    }

    func json(_ actions: [ArchiveAction], from base: String) -> String {
        let paths = ArchiveActions.relativePaths(actions, from: base)
        let w = JSONWriter()
        w.array(actions) { a in
            w.object {
                w.key("debrief"); w.string(paths[a.path]!)
                w.key("title"); w.string(a.title)
                w.key("number"); w.number(a.number)
                w.key("text"); w.string(a.text)
                w.key("owner"); a.owner.map { w.string($0) } ?? w.null()
                w.key("due"); a.due.map { w.string($0.description) } ?? w.null()
                w.key("done"); w.bool(a.done)
                w.key("state"); w.string(a.state.rawValue)
                w.key("tags"); w.array(a.tags) { w.string($0) }
                w.key("internal"); w.bool(a.isInternal)
            }
        }
        return w.output + "\n"
    }
}
