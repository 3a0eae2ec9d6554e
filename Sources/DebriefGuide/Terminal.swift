// How the guide talks to a person: through a protocol, so that tests can feed
// lines and read what was shown, and the real terminal and a pipe are two
// implementations of it.
import Foundation

public enum InputLine: Equatable, Sendable {
    case line(String)
    /// End of input (Ctrl-D, or the end of a pipe).
    case end
}

/// One key pressed at a question that takes a single key.
public enum InputKey: Equatable, Sendable {
    /// The key's character; Enter is "\n", Escape (or a whole escape sequence, such as an arrow key) is "\u{1B}".
    case key(Character)
    /// End of input (Ctrl-D, or the end of a pipe).
    case end
}

public protocol Terminal: AnyObject {
    /// A person at a terminal (line editing, colour) rather than a pipe.
    var isInteractive: Bool { get }
    /// Columns to wrap text to.
    var width: Int { get }
    /// Whether to use ANSI colour.
    var usesColor: Bool { get }
    /// Shows `prompt` and reads one line; `prefill` is put in the line for editing where possible.
    func readLine(prompt: String, prefill: String?) -> InputLine
    /// Shows `prompt` and reads one key, without waiting for Enter on a terminal; the key is shown,
    /// then a new line. Whatever is typed after the key is kept for the next question (an Enter
    /// pressed right after the key is taken as part of it). A pipe gives the first character of a line.
    func readKey(prompt: String) -> InputKey
    /// Shows text as it is (the caller adds newlines).
    func write(_ text: String)
}

/// Standard input is not a terminal: plain lines, no escape codes.
public final class PipeTerminal: Terminal {
    public init() {}
    public var isInteractive: Bool { false }
    public var width: Int { 80 }
    public var usesColor: Bool { false }
    public func readLine(prompt: String, prefill: String?) -> InputLine {
        write(prompt)
        guard let line = Swift.readLine(strippingNewline: true) else {
            write("\n")
            return .end
        }
        // Show the answer, so that a log of a piped session reads like the conversation.
        write(line + "\n")
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }
    /// A whole line is read (a pipe has no keys); its first character is the key, an empty line is Enter.
    public func readKey(prompt: String) -> InputKey {
        guard case .line(let line) = readLine(prompt: prompt, prefill: nil) else { return .end }
        return .key(line.first ?? "\n")
    }
    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A terminal for tests: answers from a list, everything shown kept in `output`.
///
/// Interactive, it stands for a person at a terminal (the guide asks single keys); otherwise for a pipe.
/// `readKey` takes the first character of the next answer and leaves the rest of it as the next
/// answer, as typed-ahead text would be; an empty answer is Enter.
public final class ScriptedTerminal: Terminal {
    public var answers: [String]
    public private(set) var output = ""
    public private(set) var prompts: [String] = []
    public let isInteractive: Bool
    public var width: Int
    public init(_ answers: [String], interactive: Bool = false, width: Int = 80) {
        self.answers = answers
        self.isInteractive = interactive
        self.width = width
    }
    public var usesColor: Bool { false }
    public func readKey(prompt: String) -> InputKey {
        prompts.append(prompt)
        output += prompt
        guard !answers.isEmpty else { output += "\n"; return .end }
        var a = answers.removeFirst()
        guard let c = a.first else { output += "\n"; return .key("\n") }
        a.removeFirst()
        if !a.isEmpty { answers.insert(a, at: 0) }
        output += String(c) + "\n"
        return .key(c)
    }
    public func readLine(prompt: String, prefill: String?) -> InputLine {
        prompts.append(prompt)
        output += prompt
        guard !answers.isEmpty else { output += "\n"; return .end }
        let a = answers.removeFirst()
        output += a + "\n"
        return .line(a)
    }
    public func write(_ text: String) { output += text }
}

/// The width of the terminal on standard output, or 80.
func terminalWidth() -> Int {
    var ws = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 20 { return Int(ws.ws_col) }
    if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 20 { return n }
    return 80
}

/// Picks the terminal for this process: libedit on a terminal, plain lines otherwise.
public func makeTerminal() -> Terminal {
    if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
        return EditLineTerminal()
    }
    return PipeTerminal()
}
