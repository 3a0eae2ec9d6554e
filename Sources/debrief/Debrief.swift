// The thin command-line tool: options in, library calls, results to exit codes.
// Everything the person is told about errors, findings and refusals goes
// through `Diagnostics` below: the one printer.
import ArgumentParser
import DebriefCore
import DebriefRender
import Foundation

@main
struct Debrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Guide a team through a debrief after a project went wrong, check it, and render it for the team and the client.",
        discussion: """
        Every debrief is one YAML file in the archive's debriefs/ folder. Commands find the archive \
        by looking for debrief.yml upward from the current folder; without one, the current folder serves.

        Exit status: 0 success, 1 findings or a refused client output, 64 bad usage, 65 a record that \
        does not load, 66 a missing file, 69 Chromium missing (for PDF), 70 a template that does not load, \
        73 an output that cannot be written, 130 interrupted (the draft is saved).

        Environment: DEBRIEF_TEMPLATES (the templates folder), DEBRIEF_TODAY (YYYY-MM-DD: the date \
        taken as today), DEBRIEF_CHROMIUM (the Chromium to print PDF with), DEBRIEF_PDF_TIMEOUT (seconds it gets, \
        90 by default), DEBRIEF_TRUSTED_ARCHIVES (folders, separated by ':', whose debrief.yml applies although \
        another user owns it; also read from ~/.config/debrief/trusted), NO_COLOR.
        """,
        version: DebriefVersion.string,
        subcommands: [Init.self, New.self, Resume.self, Add.self, Choose.self, Done.self, CheckCommand.self, ChecksCommand.self, Render.self, Letter.self, Lessons.self, Actions.self, Site.self, Import.self, Formats.self]
    )
}

enum DebriefVersion {
    static let string = "0.2.0"
}

/// The one printer of diagnostics: `FILE:LINE:COL: severity: [rule] message`, the suggestion
/// indented below; colour only on a terminal and never with NO_COLOR.
enum Diagnostics {
    static func wantsColor(_ fd: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if let nc = env["NO_COLOR"], !nc.isEmpty { return false }
        return isatty(fd) == 1 && env["TERM"] != "dumb"
    }

    /// One diagnostic as text, coloured or not.
    static func format(_ d: Diagnostic, color: Bool, withSuggestion: Bool = true) -> String {
        var head = safe(d.file ?? "debrief")
        if let p = d.position { head += ":\(p.line):\(p.column)" }
        var sev = d.severity.rawValue
        if color {
            let code = d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36"
            sev = "\u{1B}[\(code)m\(sev)\u{1B}[0m"
        }
        var line = "\(head): \(sev): " + (d.rule.map { "[\($0)] " } ?? "") + safe(d.message)
        if withSuggestion, let s = d.suggestion, !s.isEmpty { line += "\n    " + safe(s) }
        return line
    }

    /// Text from files or users reaches the terminal without control characters (no escape sequences).
    static func safe(_ s: String) -> String {
        if !needsCleaning(s) { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\n" { out.append(contentsOf: "\\n".unicodeScalars) }
            else if u == "\r" { out.append(contentsOf: "\\r".unicodeScalars) }
            else if isControl(u) || (0x202A...0x202E).contains(u.value) { out.append("?") }
            else { out.append(u) }
        }
        return String(out)
    }

    /// Whether `safe` would change the text: a control character (tab aside), a line break, or a bidi
    /// embedding or override (U+202A to U+202E). Looks at the UTF-8 bytes only.
    static func needsCleaning(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { u in
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                if b < 0x20 { if b != 0x09 { return true } }
                else if b == 0x7F { return true }
                else if b == 0xC2, i + 1 < n, u[i + 1] >= 0x80 && u[i + 1] <= 0x9F { return true }
                else if b == 0xE2, i + 2 < n, u[i + 1] == 0x80, u[i + 2] >= 0xAA && u[i + 2] <= 0xAE { return true }
                i += 1
            }
            return false
        }
    }

    /// Errors and warnings go to standard error.
    static func report(_ ds: [Diagnostic], withSuggestion: Bool = true) {
        let color = wantsColor(STDERR_FILENO)
        for d in ds { writeErr(format(d, color: color, withSuggestion: withSuggestion) + "\n") }
    }

    /// Findings go to standard output.
    static func print(_ ds: [Diagnostic]) {
        let color = wantsColor(STDOUT_FILENO)
        for d in ds { say(format(d, color: color)) }
    }

    /// The exit status for an error.
    static func status(of error: Error) -> Int32 {
        switch error {
        case is ClientRefusal: return 1
        case is UsageError, is NoClientToWriteTo: return 64
        case is LoadError, is BadInput: return 65
        case is MissingFileError, is NoDebriefYet: return 66
        case is ChromiumMissing: return 69
        case is TemplateError, is PDFError: return 70
        case is WriteError: return 73
        case is ReadError: return 74
        default: return 70
        }
    }
}

/// Runs a command body, turning the libraries' errors into diagnostics on standard error
/// and the product's exit statuses. Nothing but findings and refusals exits 1.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as Diagnosable {
        // A refusal lists every leak with what to do; other errors are one line.
        Diagnostics.report(e.diagnostics, withSuggestion: e is ClientRefusal || e is TemplateError || e is BadInput)
        exit(Diagnostics.status(of: e))
    } catch let e as YAMLEmitError {
        Diagnostics.report([Diagnostic(message: "could not write the record: \(e.message)")])
        exit(70)
    } catch let e as ValidationError {
        throw e
    } catch let e as CleanExit {
        throw e
    } catch {
        // Anything else is the program's own failure, never "findings" (exit 1).
        Diagnostics.report([Diagnostic(message: "internal error: \(error)")])
        exit(70)
    }
}

func writeErr(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
}

func say(_ message: String) {
    FileHandle.standardOutput.write(Data((message + "\n").utf8))
}

/// The workspace for the current folder: the archive found upward, the templates, and the clock
/// (`DEBRIEF_TODAY` sets today for reproducible runs). The only place the environment is read for them.
func currentWorkspace() throws -> Workspace {
    let env = ProcessInfo.processInfo.environment
    var today = Day.systemToday()
    if let t = env["DEBRIEF_TODAY"], !t.isEmpty {
        guard let d = Day(t) else { throw UsageError("DEBRIEF_TODAY: expected a date as YYYY-MM-DD, found '\(t)'") }
        today = d
    }
    let ws = try Workspace.discover(from: FileManager.default.currentDirectoryPath,
                                    templates: Templates.locate(given: env["DEBRIEF_TEMPLATES"]), today: today, trust: archiveTrust())
    Diagnostics.report(ws.config.warnings)
    return ws
}

/// The folders whose debrief.yml applies whoever owns it: `DEBRIEF_TRUSTED_ARCHIVES` (folders separated by ':',
/// or '*') and the lines of `~/.config/debrief/trusted` (the user's own file).
func archiveTrust() -> ArchiveTrust {
    let env = ProcessInfo.processInfo.environment
    var folders = (env["DEBRIEF_TRUSTED_ARCHIVES"] ?? "").split(separator: ":").map(String.init)
    let config = env["XDG_CONFIG_HOME"].map { $0 + "/debrief/trusted" } ?? (NSHomeDirectory() + "/.config/debrief/trusted")
    var st = stat()
    if stat(config, &st) == 0, st.st_uid == geteuid(), st.st_size < 65_536, let text = try? String(contentsOfFile: config, encoding: .utf8) {
        folders += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
    return ArchiveTrust(folders: folders)
}
