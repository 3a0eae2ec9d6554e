// The one file that talks to libedit: line editing and history on a terminal.
import Cedit
import Foundation

public final class EditLineTerminal: Terminal {
    private let el: OpaquePointer?
    /// Whether the locale's character set is UTF-8 (otherwise prompts are kept to ASCII).
    private let utf8: Bool

    public init() {
        // Without the locale, libedit drops non-ASCII input (Vietnamese, Arabic, Cyrillic).
        setlocale(LC_ALL, "")
        if !EditLineTerminal.isUTF8() {
            // A terminal today is UTF-8 even when LANG is unset: ask for it, so typed accents survive.
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
        utf8 = EditLineTerminal.isUTF8()
        el = debrief_el_open("debrief")
    }

    static func isUTF8() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    deinit {
        if let el { el_end(el) }
    }

    public var isInteractive: Bool { true }
    public var width: Int { terminalWidth() }
    public var usesColor: Bool {
        let env = ProcessInfo.processInfo.environment
        if let nc = env["NO_COLOR"], !nc.isEmpty { return false }
        return env["TERM"] != "dumb"
    }

    public func readLine(prompt: String, prefill: String?) -> InputLine {
        guard let el else {
            // libedit could not start (no terminal description): plain lines.
            write(prompt)
            return Swift.readLine(strippingNewline: true).map { .line($0) } ?? .end
        }
        // libedit cannot show characters the locale cannot encode.
        debrief_el_set_prompt(utf8 ? prompt : String(prompt.unicodeScalars.map { $0.isASCII ? Character($0) : ">" }))
        // Text to edit is pushed as if typed, so it stands in the line, ready to change.
        if let prefill, !prefill.isEmpty {
            el_push(el, prefill.replacingOccurrences(of: "\n", with: " "))
        }
        var count: Int32 = 0
        guard let raw = el_gets(el, &count), count > 0 else { return .end }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { debrief_el_remember(line + "\n") }
        return .line(line)
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
