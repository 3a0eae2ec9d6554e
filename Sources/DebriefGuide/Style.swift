// Colour (only on a terminal, never with NO_COLOR) and wrapping to the terminal width.
import Foundation

public struct Style: Sendable {
    public var color: Bool
    public var width: Int

    public init(color: Bool, width: Int) { self.color = color; self.width = max(30, min(width, 100)) }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    public func bold(_ s: String) -> String { paint(s, "1") }
    public func dim(_ s: String) -> String { paint(s, "2") }
    public func italic(_ s: String) -> String { paint(s, "3") }
    public func accent(_ s: String) -> String { paint(s, "1;36") }
    public func good(_ s: String) -> String { paint(s, "32") }
    public func warn(_ s: String) -> String { paint(s, "33") }

    /// Wraps text to the width, each line starting with `indent`.
    public func wrap(_ text: String, indent: String = "") -> String {
        var lines: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = indent
            var empty = true
            for word in para.split(separator: " ") {
                if !empty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = indent
                    empty = true
                }
                line += (empty ? "" : " ") + word
                empty = false
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
