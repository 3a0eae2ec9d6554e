// The checks' word lists are data: templates/checks/LANG.yml, English first.
import DebriefCore
import Foundation

public struct Lexicon: Sendable {
    public let lists: [String: [String]]
    // Prepared once: checks look words up for every item.
    private let wordSets: [String: Set<String>]
    private let phraseLists: [String: [[String]]]

    public init(lists: [String: [String]]) {
        self.lists = lists
        wordSets = lists.mapValues { Set($0.filter { !$0.contains(" ") }) }
        phraseLists = lists.mapValues { $0.map { Text.words(in: $0) }.filter { !$0.isEmpty } }
    }

    /// The single words of a list.
    public func words(_ key: String) -> Set<String> { wordSets[key] ?? [] }
    /// Every entry of a list as a run of words.
    public func phrases(_ key: String) -> [[String]] { phraseLists[key] ?? [] }

    /// Loads `templates/checks/en.yml` and, over it, the locale's own file when there is one.
    public static func load(templates: String, locale: String? = nil) throws -> Lexicon {
        let dir = (templates as NSString).appendingPathComponent("checks")
        var lists = try loadFile((dir as NSString).appendingPathComponent("en.yml"))
        if let lang = locale?.split(separator: "-").first.map(String.init), lang != "en" {
            let path = (dir as NSString).appendingPathComponent("\(lang).yml")
            if FileManager.default.fileExists(atPath: path) {
                for (k, v) in try loadFile(path) { lists[k] = v }
            }
        }
        return Lexicon(lists: lists)
    }

    static func loadFile(_ path: String) throws -> [String: [String]] {
        try Templates.loading(path) {
            let y = StrictYAML(bytes: try readTextFile(path), file: path)
            var out: [String: [String]] = [:]
            try y.document(what: "word lists") {
                try y.mapping("") { key, _ in out[key] = try y.textList(key).map { $0.lowercased() } }
            }
            return out
        }
    }
}

/// Plain-text views of an item's CommonMark text, for the checks.
public enum Text {
    /// Lower-cased words (letters, digits, apostrophes and inner hyphens).
    public static func words(in s: String) -> [String] {
        tokens(in: s).map { $0.lowercased() }
    }

    /// Words as written. ASCII is classified by value; other scripts by their Unicode properties.
    public static func tokens(in s: String) -> [String] {
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        func flush() {
            if !cur.isEmpty {
                // Apostrophes and hyphens only inside a word.
                while let l = cur.last, l == "'" || l == "-" { cur.removeLast() }
                if !cur.isEmpty { out.append(String(cur)) }
                cur = String.UnicodeScalarView()
            }
        }
        for u in s.unicodeScalars {
            let v = u.value
            let wordChar: Bool
            if v < 0x80 {
                wordChar = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            } else {
                wordChar = u.properties.isAlphabetic || u.properties.numericType != nil || u.properties.isDiacritic
            }
            if wordChar {
                cur.append(u)
            } else if (u == "'" || u == "\u{2019}" || u == "-") && !cur.isEmpty {
                cur.append(u == "\u{2019}" ? "'" : u)
            } else {
                flush()
            }
        }
        flush()
        return out
    }


    /// Whether `words` contains `phrase` (a run of words) anywhere.
    public static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        for i in 0...(words.count - phrase.count) where words[i] == phrase[0] {
            if Array(words[i..<(i + phrase.count)]) == phrase { return true }
        }
        return false
    }

    public static func firstPhrase(_ words: [String], _ phrases: [[String]]) -> [String]? {
        phrases.first { contains(words, $0) }
    }

    /// Sentences, split on . ! ? followed by a space.
    public static func sentences(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            cur.append(c)
            if ".!?".contains(c), i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "\n" {
                out.append(cur.trimmed); cur = ""
            }
        }
        if !cur.trimmed.isEmpty { out.append(cur.trimmed) }
        return out
    }
}
