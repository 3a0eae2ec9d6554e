// The words that carry no rule of their own, per language: data in templates/lessons/stopwords.yml.
import DebriefCore
import Foundation

/// One language's lists, ready for lookups.
public struct LessonLanguage: Sendable {
    /// Stop words and modal verbs, as written (lower case, NFC) and folded.
    var stopExact: Set<String> = []
    var stopFolded: Set<String> = []
    /// Negations, which all count as one word ("not", "never", "no longer" say the same thing).
    var negationExact: Set<String> = []
    var negationFolded: Set<String> = []
    /// Endings stripped where the language has no stemmer (Mongolian), longest first.
    var suffixes: [String] = []

    public init(stop: [String] = [], modal: [String] = [], negation: [String] = [], suffixes: [String] = []) {
        for w in stop + modal {
            let n = Self.normal(w)
            stopExact.insert(n); stopFolded.insert(LessonText.fold(n))
        }
        for w in negation {
            let n = Self.normal(w)
            negationExact.insert(n); negationFolded.insert(LessonText.fold(n))
        }
        self.suffixes = suffixes.map(Self.normal).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    static func normal(_ w: String) -> String {
        w.trimmingCharacters(in: .whitespaces).precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// A word written with accents is looked up as written ("cả" is not "ca"); one written without them,
    /// by its folded form (so that "etta" still finds "että").
    func isStop(_ word: String, folded: String) -> Bool {
        word == folded ? stopFolded.contains(folded) : stopExact.contains(word)
    }

    func isNegation(_ word: String, folded: String) -> Bool {
        word == folded ? negationFolded.contains(folded) : negationExact.contains(word)
    }
}

/// Every language's lists, from `templates/lessons/stopwords.yml`.
public struct LessonWordLists: Sendable {
    public var languages: [String: LessonLanguage]

    public init(languages: [String: LessonLanguage]) { self.languages = languages }

    /// The lists for a locale ("fi-FI" → fi); a language without lists has none.
    public func language(_ locale: String) -> LessonLanguage {
        languages[LessonText.language(of: locale)] ?? LessonLanguage()
    }

    public static let fileName = "lessons/stopwords.yml"

    /// Loads the lists from a templates folder; a missing or broken file is a template error (exit 70).
    public static func load(templates: String) throws -> LessonWordLists {
        let path = (templates as NSString).appendingPathComponent(fileName)
        return try Templates.loading(path) { try parse(bytes: try readTextFile(path), file: path) }
    }

    /// The file's shape: a mapping of ISO 639-1 codes, each with the lists `stop`, `modal`, `negation`
    /// and `suffixes` (any of them may be left out).
    public static func parse(bytes: [UInt8], file: String) throws -> LessonWordLists {
        let y = StrictYAML(bytes: bytes, file: file)
        var out: [String: LessonLanguage] = [:]
        try y.document(what: "word lists per language") {
            try y.mapping("") { lang, _ in
                var lists: [String: [String]] = [:]
                try y.mapping(lang) { key, pos in
                    guard ["stop", "modal", "negation", "suffixes"].contains(key) else {
                        throw y.unknownKey(lang, key, at: pos, expected: ["stop", "modal", "negation", "suffixes"])
                    }
                    lists[key] = try y.textList("\(lang).\(key)")
                }
                out[lang.lowercased()] = LessonLanguage(stop: lists["stop"] ?? [], modal: lists["modal"] ?? [],
                                                        negation: lists["negation"] ?? [], suffixes: lists["suffixes"] ?? [])
            }
        }
        return LessonWordLists(languages: out)
    }
}
