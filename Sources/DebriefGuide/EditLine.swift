// The one file that talks to libedit: line editing and history on a terminal.
import Cedit
import DebriefCore
import Foundation

public final class EditLineTerminal: Terminal {
    private let el: OpaquePointer?
    /// Whether the locale's character set is UTF-8 (otherwise prompts are kept to ASCII).
    private let utf8: Bool
    /// Text typed right after a single key (read in raw mode), to start the next line with.
    private var typedAhead = ""

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
            let ahead = typedAhead
            typedAhead = ""
            return Swift.readLine(strippingNewline: true).map { .line(ahead + $0) } ?? .end
        }
        // libedit cannot show characters the locale cannot encode.
        debrief_el_set_prompt(utf8 ? prompt : String(prompt.unicodeScalars.map { $0.isASCII ? Character($0) : ">" }))
        // Text to edit is pushed as if typed, so it stands in the line, ready to change; what was typed
        // ahead after a single key follows it (one push: libedit versions differ in the order of several).
        let pushed = (prefill ?? "").replacingOccurrences(of: "\n", with: " ") + typedAhead
        typedAhead = ""
        if !pushed.isEmpty { el_push(el, pushed) }
        var count: Int32 = 0
        guard let raw = el_gets(el, &count), count > 0 else { return .end }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { debrief_el_remember(line + "\n") }
        return .line(line)
    }

    /// Reads one key in raw mode (no echo, no Enter needed), then gives the terminal its modes back with
    /// TCSANOW, so nothing typed ahead is dropped. Ctrl-C still interrupts (the signal handler restores
    /// the modes); Ctrl-D is the end of input. An Enter arriving within a moment of the key is taken as
    /// part of it (a habit, not an answer); any other character is kept for the next line.
    public func readKey(prompt: String) -> InputKey {
        write(prompt)
        if let c = typedAhead.first {
            typedAhead.removeFirst()
            return echo(c)
        }
        var saved = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else {
            guard let line = Swift.readLine(strippingNewline: true) else { return .end }
            return .key(line.first ?? "\n")
        }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        Interrupts.holdTerminalModes(saved)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            Interrupts.releaseTerminalModes()
        }
        guard let first = Self.readByte(timeout: nil) else { return .end }
        switch first {
        case 0x04:
            write("\n")
            return .end
        case 0x0D, 0x0A:
            write("\n")
            return .key("\n")
        case 0x1B:
            // An escape sequence (an arrow key, a function key, Alt and a key) is one key.
            Self.skipEscapeSequence()
            write("\n")
            return .key("\u{1B}")
        default:
            break
        }
        guard let key = Self.character(startingWith: first) else { write("\n"); return .key("\u{FFFD}") }
        let answer = echo(key)
        if let next = Self.readByte(timeout: 200), next != 0x0D, next != 0x0A {
            if let c = Self.character(startingWith: next) { typedAhead.append(c) }
        }
        return answer
    }

    private func echo(_ key: Character) -> InputKey {
        let visible = key.unicodeScalars.allSatisfy { !isControl($0) }
        write((visible ? String(key) : "") + "\n")
        return .key(key)
    }

    /// One byte of standard input, waiting at most `timeout` milliseconds (nil: as long as it takes).
    private static func readByte(timeout: Int32?) -> UInt8? {
        if let timeout {
            var p = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            var n: Int32
            repeat { n = poll(&p, 1, timeout) } while n < 0 && errno == EINTR
            guard n > 0, p.revents & Int16(POLLIN) != 0 else { return nil }
        }
        var b: UInt8 = 0
        while true {
            let n = Foundation.read(STDIN_FILENO, &b, 1)
            if n == 1 { return b }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Reads the rest of an escape sequence that arrived with an Escape: `ESC [ params final`,
    /// `ESC O x`, or `ESC x` (Alt and a key). Nothing is waited for beyond a moment.
    private static func skipEscapeSequence() {
        guard let second = readByte(timeout: 30) else { return }
        switch second {
        case UInt8(ascii: "["):
            while let b = readByte(timeout: 30), !(0x40...0x7E).contains(b) {}
        case UInt8(ascii: "O"):
            _ = readByte(timeout: 30)
        default:
            break
        }
    }

    /// The character whose UTF-8 encoding starts with `first` (its other bytes are read).
    private static func character(startingWith first: UInt8) -> Character? {
        let more = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0
        var bytes = [first]
        for _ in 0..<more {
            guard let b = readByte(timeout: 50) else { break }
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self).first
    }

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
