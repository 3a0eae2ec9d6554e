// The one file that talks to libedit: line editing and history on a terminal.
import Cedit
import Foundation

public final class EditLineTerminal: Terminal {
    nonisolated(unsafe) private static var pendingPrefill: String?

    public init() {
        // Without the locale, libedit drops non-ASCII input (Vietnamese, Arabic, Cyrillic).
        setlocale(LC_ALL, "")
        rl_initialize()
    }

    public var isInteractive: Bool { true }
    public var width: Int { terminalWidth() }
    public var usesColor: Bool {
        let env = ProcessInfo.processInfo.environment
        if let nc = env["NO_COLOR"], !nc.isEmpty { return false }
        return env["TERM"] != "dumb"
    }

    public func readLine(prompt: String, prefill: String?) -> InputLine {
        if let prefill, !prefill.isEmpty {
            EditLineTerminal.pendingPrefill = prefill
            debrief_set_startup_hook { () -> Int32 in
                if let p = EditLineTerminal.pendingPrefill { rl_insert_text(p) }
                EditLineTerminal.pendingPrefill = nil
                return 0
            }
        } else {
            debrief_set_startup_hook(nil)
        }
        guard let raw = Cedit.readline(prompt) else { return .end }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(raw) }
        return .line(line)
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
