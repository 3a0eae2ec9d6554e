import Foundation

/// Finds team members' names in text: the full name (any case) or, for names
/// of several words, any part of three letters or more written with its capital,
/// each as a whole word.
public struct NameFinder: Sendable {
    let patterns: [(name: String, needle: String, caseInsensitive: Bool)]

    public init(names: [String]) {
        var p: [(String, String, Bool)] = []
        for n in names {
            let full = n.trimmed
            guard !full.isEmpty else { continue }
            p.append((full, full, true))
            let parts = full.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            if parts.count > 1 {
                for part in parts where part.count >= 3 && part.first?.isUppercase == true {
                    p.append((full, part, false))
                }
            }
        }
        patterns = p
    }

    public func firstName(in text: String) -> String? {
        for p in patterns where NameFinder.containsWord(text, p.needle, caseInsensitive: p.caseInsensitive) {
            return p.name
        }
        return nil
    }

    static func containsWord(_ text: String, _ word: String, caseInsensitive: Bool) -> Bool {
        var options: String.CompareOptions = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        var range = text.startIndex..<text.endIndex
        while let r = text.range(of: word, options: options, range: range) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            let isWordChar: (Character?) -> Bool = { c in c.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWordChar(before) && !isWordChar(after) { return true }
            range = r.upperBound..<text.endIndex
        }
        return false
    }
}
