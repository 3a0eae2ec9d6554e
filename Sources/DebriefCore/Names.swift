import Foundation

/// Finds team members' names in text, each as a whole word:
/// - the full name, in any case, also written with `-`, `_` or `.` between its parts;
/// - each part of a name of several words (two letters or more) written as a name:
///   capitalised or in capitals ("Anna", "ANNA", whatever case the participant was typed in).
/// In `loose` mode (addresses, file names) the parts match in any case and without accents.
public struct NameFinder: Sendable {
    struct Pattern: Sendable { var name: String; var needle: String; var caseInsensitive: Bool }
    let strict: [Pattern]
    let loose: [Pattern]

    public init(names: [String]) {
        var s: [Pattern] = [], l: [Pattern] = []
        for n in names {
            let full = n.trimmed
            guard !full.isEmpty else { continue }
            let parts = full.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            s.append(Pattern(name: full, needle: full, caseInsensitive: true))
            for sep in ["-", "_", "."] where parts.count > 1 {
                l.append(Pattern(name: full, needle: parts.joined(separator: sep), caseInsensitive: true))
            }
            l.append(Pattern(name: full, needle: full, caseInsensitive: true))
            let partsToFind = parts.count > 1 ? parts : []
            for part in partsToFind where part.count >= 2 {
                let capitalised = part.prefix(1).uppercased() + part.dropFirst().lowercased()
                s.append(Pattern(name: full, needle: capitalised, caseInsensitive: false))
                if part.count >= 3 { s.append(Pattern(name: full, needle: part.uppercased(), caseInsensitive: false)) }
                if part.count >= 3 { l.append(Pattern(name: full, needle: part, caseInsensitive: true)) }
            }
        }
        strict = s
        loose = l
    }

    /// The first team member named in prose.
    public func firstName(in text: String) -> String? {
        for p in strict where NameFinder.containsWord(text, p.needle, options: p.caseInsensitive ? [.caseInsensitive] : []) {
            return p.name
        }
        return nil
    }

    /// The first team member named in an address or a file name (any case, accents ignored).
    public func firstName(inAddress text: String) -> String? {
        for p in loose where NameFinder.containsWord(text, p.needle, options: [.caseInsensitive, .diacriticInsensitive]) {
            return p.name
        }
        return nil
    }

    static func containsWord(_ text: String, _ word: String, options: String.CompareOptions) -> Bool {
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
