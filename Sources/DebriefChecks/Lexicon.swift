// The checks' word lists are data: templates/checks/LANG.yml, English first.
import DebriefCore
import Foundation

public struct Lexicon: Sendable {
    public let lists: [String: [String]]
    /// The language (`en`, `fi`): its lists over English's, its way of matching words, its name endings.
    public let language: String
    /// How a word of the text meets a word of a list: by Snowball stem (the languages libstemmer has), by the
    /// language's suffixes taken off (Mongolian), or as written (Vietnamese syllables: entries are runs of them).
    public let matching: Matching
    /// A team member's name with the language's endings ("Mikolta" names Mikko): the same rules client safety reads.
    public let nameEndings: NameEndings
    /// What the checks say, in this language (templates/checks/messages/LANG.yml over English).
    public let messages: GuideWords
    let forms: WordForms
    // Prepared once: checks look words up for every item.
    private let wordSets: [String: Set<String>]
    /// The stems of a list's words, where a stem is long enough to mean something (four letters or more): a short
    /// stem ("ol" of Finnish "olin", "I was") would meet every form of the word, whoever's.
    private let stemSets: [String: Set<String>]
    private let patternLists: [String: [Pattern]]
    private let phraseLists: [String: [[Term]]]

    public enum Matching: String, Sendable { case stems, suffixes, words }

    /// A word of a list written with `*`: `katastrof*` (begins), `*mme` (ends), `*гд*` (holds); or with `=`:
    /// `=тест` is that word exactly, never another form of it.
    public struct Pattern: Sendable {
        enum Kind: Sendable { case prefix, suffix, infix, exact }
        var kind: Kind, text: String
        public init?(_ entry: String) {
            if entry.hasPrefix("="), entry.count > 1 { kind = .exact; text = String(entry.dropFirst()); return }
            let starts = entry.hasPrefix("*"), ends = entry.hasSuffix("*")
            guard starts || ends else { return nil }
            let core = String(entry.dropFirst(starts ? 1 : 0).dropLast(ends && entry.count > 1 ? 1 : 0))
            guard !core.isEmpty else { return nil }
            kind = starts && ends ? .infix : (ends ? .prefix : .suffix)
            text = core
        }
        public func matches(_ w: String) -> Bool {
            switch kind {
            case .prefix: return w.hasPrefix(text)
            case .suffix: return w.hasSuffix(text) && w.count > text.count
            case .infix: return w.contains(text) && w.count > text.count
            case .exact: return w == text
            }
        }
    }

    /// One word of a phrase: the word as written and its stem (when long enough), or a pattern.
    enum Term: Sendable { case form(String, stem: String?), pattern(Pattern) }

    public init(lists: [String: [String]], language: String = "en", matching: Matching = .words, nameEndings: NameEndings = NameEndings(),
                messages: GuideWords = GuideWords(values: [:])) {
        self.lists = lists
        self.messages = messages
        self.language = language
        self.matching = matching
        self.nameEndings = nameEndings
        let forms = WordForms(language: language, matching: matching, suffixes: (lists["word-suffixes"] ?? []).sorted { $0.count > $1.count },
                              minimumStem: lists["min-stem"]?.first.flatMap { Int($0) } ?? 4)
        self.forms = forms
        var sets: [String: Set<String>] = [:], stems: [String: Set<String>] = [:], patterns: [String: [Pattern]] = [:]
        var phrases: [String: [[Term]]] = [:]
        for (key, entries) in lists {
            var set = Set<String>(), stemSet = Set<String>(), pats: [Pattern] = [], phr: [[Term]] = []
            for e in entries {
                let parts = e.split(separator: " ").map { WordForms.plain(String($0)) }.filter { !$0.isEmpty }
                guard !parts.isEmpty else { continue }
                let terms: [Term] = parts.map { p in Pattern(p).map { .pattern($0) } ?? .form(p, stem: forms.entryStem(p)) }
                if terms.count == 1 {
                    switch terms[0] {
                    case .form(let f, let stem): set.insert(f); if let stem { stemSet.insert(stem) }
                    case .pattern(let pat): pats.append(pat)
                    }
                }
                phr.append(terms)
            }
            sets[key] = set; stems[key] = stemSet; patterns[key] = pats; phrases[key] = phr
        }
        wordSets = sets; stemSets = stems; patternLists = patterns; phraseLists = phrases
    }

    /// Whether one word of a text (lower case) is in a list: as written, by its form, or by a pattern.
    public func has(_ key: String, _ word: String) -> Bool {
        let w = WordForms.plain(word)
        if let set = wordSets[key], set.contains(w) { return true }
        switch forms.matching {
        case .stems: if let stems = stemSets[key], !stems.isEmpty, let st = forms.stem(of: w), stems.contains(st) { return true }
        case .suffixes: if let set = wordSets[key], forms.forms(of: w).contains(where: set.contains) { return true }
        case .words: break
        }
        return patternLists[key]?.contains { $0.matches(w) } ?? false
    }

    /// The words of the text that meet the first entry of a list found in it (a one-word entry or a phrase).
    public func firstPhrase(_ key: String, in words: [String]) -> [String]? {
        guard let entries = phraseLists[key], !entries.isEmpty, !words.isEmpty else { return nil }
        let plain = words.map(WordForms.plain)
        let wordForms = plain.map { forms.forms(of: $0) }
        func meets(_ t: Term, _ i: Int) -> Bool {
            switch t {
            case .pattern(let p): return p.matches(plain[i])
            case .form(let f, let stem):
                if plain[i] == f { return true }
                if let stem { return wordForms[i].contains(stem) }
                return forms.matching == .suffixes && wordForms[i].contains(f)
            }
        }
        for e in entries where e.count <= words.count {
            for i in 0...(words.count - e.count) where meets(e[0], i) {
                var ok = true
                for k in 1..<max(1, e.count) where !meets(e[k], i + k) { ok = false; break }
                if ok { return Array(words[i..<(i + e.count)]) }
            }
        }
        return nil
    }

    /// The words with every run a list names taken out ("panic button", "smoke test": compounds that are not feelings).
    public func masking(_ key: String, _ words: [String]) -> [String] {
        var out = words
        var rest = words[...]
        var offset = 0
        while let found = firstPhrase(key, in: Array(rest)) {
            guard let at = (0...(rest.count - found.count)).first(where: { Array(rest.dropFirst($0).prefix(found.count)) == found }) else { break }
            for k in 0..<found.count { out[offset + at + k] = "" }
            offset += at + found.count
            rest = words[offset...]
            if rest.isEmpty { break }
        }
        return out
    }

    /// Where the first entry of a list found in the words begins, or nil.
    public func firstIndex(_ key: String, in words: [String]) -> Int? {
        for i in words.indices {
            if let p = firstPhrase(key, in: Array(words[i...].prefix(4))), Array(words[i..<min(words.count, i + p.count)]) == p { return i }
        }
        return nil
    }

    /// Where the first person first speaks in the words (as written, `tokens`), or nil. A word that is also a title
    /// before a name ("em Nam": Nam, not "I") is not the first person there.
    public func firstPersonIndex(_ tokens: [String]) -> Int? {
        let lowers = tokens.map { $0.lowercased() }
        let titles = Set(lists["person-titles"] ?? [])
        var from = 0
        while from < lowers.count, let k = firstIndex("first-person", in: Array(lowers[from...])) {
            let i = from + k
            if titles.contains(lowers[i]), i + 1 < tokens.count, tokens[i + 1].first?.isUppercase == true { from = i + 1; continue }
            return i
        }
        return nil
    }


    /// A number a list gives (`short-lesson: [3]`), or `default`.
    public func number(_ key: String, default d: Int) -> Int { lists[key]?.first.flatMap { Int($0) } ?? d }
    /// Whether a list holds `yes` (a switch).
    public func flag(_ key: String) -> Bool { lists[key]?.first == "yes" }

    /// Loads `templates/checks/en.yml` and, over it, the locale's own file when there is one; the language's name
    /// endings from templates/client-safe/name-endings.yml.
    public static func load(templates: String, locale: String? = nil) throws -> Lexicon {
        let dir = (templates as NSString).appendingPathComponent("checks")
        var lists = try loadFile((dir as NSString).appendingPathComponent("en.yml"))
        let lang = locale.flatMap { $0.split(separator: "-").first.map { String($0).lowercased() } } ?? "en"
        if lang != "en" {
            let path = (dir as NSString).appendingPathComponent("\(lang).yml")
            if FileManager.default.fileExists(atPath: path) {
                for (k, v) in try loadFile(path) { lists[k] = v }
            }
        }
        let matching: Matching
        if let m = lists["matching"]?.first {
            guard let known = Matching(rawValue: m) else {
                throw TemplateError(path: (dir as NSString).appendingPathComponent("\(lang).yml"), reason: "matching: expected stems, suffixes or words, found '\(m)'")
            }
            matching = known
        } else {
            matching = .stems
        }
        let endings = try NameEndings.load(templates: templates, locale: lang)
        let messages = try GuideWords.load(templates: templates, locale: lang, folder: "checks/messages")
        return Lexicon(lists: lists, language: lang, matching: matching, nameEndings: endings, messages: messages)
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

/// The forms a word is looked up by: its Snowball stem, or the word with one of the language's suffixes taken off.
/// Stems are kept once found (a check looks the same words up for every item).
final class WordForms: @unchecked Sendable {
    let matching: Lexicon.Matching
    let algorithm: String?
    let suffixes: [String]
    private let lock = NSLock()
    private let stemmers = Stemmers()
    private var cache: [String: [String]] = [:]

    /// The shortest stem used (Arabic roots have three letters; elsewhere a stem under four meets too much).
    let minimumStem: Int

    init(language: String, matching: Lexicon.Matching, suffixes: [String], minimumStem: Int = 4) {
        self.matching = matching
        self.suffixes = suffixes
        self.minimumStem = minimumStem
        self.algorithm = matching == .stems ? Stemmers.algorithm(for: language) : nil
    }

    /// A word as lists and texts are compared: lower case, Arabic vowel marks and tatweel dropped, curly apostrophes straight.
    static func plain(_ w: String) -> String {
        var out = String.UnicodeScalarView()
        for u in w.lowercased().unicodeScalars {
            if (0x064B...0x0652).contains(u.value) || u.value == 0x0640 || u.value == 0x0670 { continue }
            out.append(u == "\u{2019}" ? "'" : u)
        }
        return String(out)
    }

    /// The stem a list's word is also met by, where the language stems and the stem keeps four letters or more.
    func entryStem(_ w: String) -> String? {
        guard matching == .stems, let algorithm else { return nil }
        let s = stem(w, algorithm)
        return s.count >= minimumStem ? s : nil
    }

    /// A text's word's stem, where the language stems.
    func stem(of w: String) -> String? {
        guard matching == .stems, let algorithm else { return nil }
        return stem(w, algorithm)
    }

    /// The forms of a text's word besides itself.
    func forms(of w: String) -> [String] {
        switch matching {
        case .words: return []
        case .stems:
            guard let algorithm else { return [] }
            return [stem(w, algorithm)]
        case .suffixes:
            var out: [String] = []
            for s in suffixes where w.hasSuffix(s) && w.count - s.count >= 2 {
                out.append(String(w.dropLast(s.count)))
            }
            return out
        }
    }

    private func stem(_ w: String, _ algorithm: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let s = cache[w] { return s[0] }
        let s = stemmers.stem(w, algorithm: algorithm) ?? w
        if cache.count > 50_000 { cache.removeAll() }
        cache[w] = [s]
        return s
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

    /// The text without what it quotes ("the app said \"Oops!\""): a quoted error message is not the writer's feeling.
    public static func removingQuoted(_ s: String) -> String {
        // Straight or curly, in either order (smart punctuation turns a quote before Arabic text into a closing one).
        let doubles: Set<Character> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}"]
        var pairs: [Character: Set<Character>] = ["\u{00AB}": ["\u{00BB}"], "\u{00BB}": ["\u{00AB}"], "\u{300C}": ["\u{300D}"], "`": ["`"]]
        for d in doubles { pairs[d] = doubles.subtracting(["\u{201E}"]) }
        let chars = Array(s)
        var out = ""
        var i = 0
        while i < chars.count {
            if let closers = pairs[chars[i]], let end = chars[(i + 1)...].firstIndex(where: { closers.contains($0) }) {
                out.append(" ")
                i = end + 1
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
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
