// Quick changes from the command line: the option the client chose, an action done.
import ArgumentParser
import DebriefCore
import Foundation

/// `[FILE] N`: a number, after an optional debrief file.
struct FileAndNumber: ParsableArguments {
    @Argument(help: "The debrief (without it, the archive's most recent one), then the number as debrief render shows it.",
              completion: Complete.debriefs)
    var values: [String] = []

    func validate() throws {
        guard (1...2).contains(values.count), let n = Int(values.last!), n >= 1 else {
            throw ValidationError("Give the number (1, 2, ...), after the debrief file if you name one.")
        }
    }
    var file: String? { values.count == 2 ? values[0] : nil }
    var number: Int { Int(values.last!)! }
}

struct Choose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "choose",
        abstract: "Mark option N of the remedies as the one the client chose (and no other).",
        discussion: "Works on a final debrief too: the client often chooses after the debrief. Options are numbered as debrief render lists them.")

    @OptionGroup var target: FileAndNumber

    func run() throws {
        try runReporting {
            let ws = try currentWorkspace()
            let path = try ws.recordPath(target.file)
            var text = ""
            try ws.update(path) { record, format in text = try record.choose(remedy: target.number, format: format) }
            say("Marked option \(target.number) as the client's choice in \(shown(path)): \(Diagnostics.safe(text))")
        }
    }
}

struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark action N done (or open again with --undo).",
        discussion: "Works on a final debrief too: follow-ups are closed long after the debrief. Actions are numbered as debrief render lists them.")

    @OptionGroup var target: FileAndNumber

    @Flag(name: .long, help: "Open the action again.")
    var undo = false

    func run() throws {
        try runReporting {
            let ws = try currentWorkspace()
            let path = try ws.recordPath(target.file)
            var text = ""
            try ws.update(path) { record, format in text = try record.markDone(action: target.number, done: !undo, format: format) }
            say("\(undo ? "Opened again" : "Done"): action \(target.number) in \(shown(path)): \(Diagnostics.safe(text))")
        }
    }
}
