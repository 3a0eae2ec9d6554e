// A lesson reduced to what the grouping compares: the stems of its words that carry the rule, and the
// character trigrams of those words. Stop words and modal verbs (per language, from the word lists) are
// dropped; negations count as one word; each word is stemmed with the Snowball stemmer of the record's
// language, or, where there is none, stripped of the language's listed endings (Mongolian) or kept
// whole (Vietnamese syllables, each a word of its own). Words and stems are compared folded.
import DebriefCore
import Foundation

/// A lesson as the grouping compares it.
public struct LessonSignature: Sendable, Equatable {
    /// The stems of the words that carry the rule: sorted, distinct ids of the analyser that made it.
    public var stems: [Int32]
    /// Those words themselves (ids of the analyser's words, distinct): their trigrams are measured on demand
    /// (`LessonAnalyzer.trigrams(of:)`), as only the pairs found as candidates need them.
    var measured: [Int32]
    /// The beginnings of the stems (their first four letters): sorted ids. Only for finding candidates: two
    /// lessons whose trigrams are alike but whose stems differ (a stemmer that misses a word form) still share them.
    public var beginnings: [Int32]
    /// Every word, folded, in order (ids): the text's identity for pins (punctuation, case and accents aside).
    public var words: [Int32]
}

/// Turns lesson texts into signatures. It keeps one stemmer per language and every word it has seen,
/// so each distinct word is stemmed once. Not thread-safe (libstemmer is not): one analyser per thread.
public final class LessonAnalyzer {
    public let lists: LessonWordLists
    let stemmers = Stemmers()
    private var stemIDs: [String: Int32] = [:]
    private(set) var stemNames: [String] = []
    private var trigramIDs: [UInt64: Int32] = [:]
    private var beginningIDs: [String: Int32] = [:]
    /// Each stem's beginning id, by stem id.
    private var beginningOfStem: [Int32] = []
    private var foldedIDs: [String: Int32] = [:]
    private(set) var foldedNames: [String] = []
    /// Every word seen (per language, below), once: what it is, its stem, its folded form and its trigrams.
    private var tokens: [Token] = []
    private var trigramPool: [Int32] = []
    private var states: [String: LanguageState] = [:]

    /// The stem that every negation becomes.
    static let negationStem = "¬"

    public init(lists: LessonWordLists) { self.lists = lists }

    struct Token {
        enum Role { case content, stop, negation }
        var role: Role
        var stem: Int32
        var folded: Int32
        var trigramStart: Int32
        var trigramCount: Int32
    }

    final class LanguageState {
        let words: LessonLanguage
        /// The Snowball algorithm, when libstemmer has one for the language.
        let algorithm: String?
        /// Word as written (lower case) → token index.
        var tokens: [String: Int32] = [:]
        init(words: LessonLanguage, algorithm: String?) { self.words = words; self.algorithm = algorithm }
    }

    /// Whether texts of this locale are stemmed by Snowball (otherwise by endings, or not at all).
    public func hasStemmer(_ locale: String) -> Bool { state(locale).algorithm != nil }

    /// The Snowball algorithms this machine's libstemmer offers.
    public static var availableStemmers: [String] { Stemmers.available.sorted() }

    private func state(_ locale: String) -> LanguageState {
        let lang = LessonText.language(of: locale)
        if let s = states[lang] { return s }
        var algorithm = Stemmers.algorithm(for: lang)
        if let a = algorithm, !stemmers.has(a) { algorithm = nil }
        let s = LanguageState(words: lists.language(lang), algorithm: algorithm)
        states[lang] = s
        return s
    }

    private func intern(stem: String) -> Int32 {
        if let id = stemIDs[stem] { return id }
        let id = Int32(stemNames.count)
        stemIDs[stem] = id
        stemNames.append(stem)
        let b = String(String.UnicodeScalarView(stem.unicodeScalars.prefix(4)))
        if let bid = beginningIDs[b] { beginningOfStem.append(bid) } else {
            let bid = Int32(beginningIDs.count)
            beginningIDs[b] = bid
            beginningOfStem.append(bid)
        }
        return id
    }

    private func intern(folded: String) -> Int32 {
        if let id = foldedIDs[folded] { return id }
        let id = Int32(foldedNames.count)
        foldedIDs[folded] = id
        foldedNames.append(folded)
        return id
    }

    /// Adds the trigrams of a folded word to the pool; returns where they start and how many.
    private func addTrigrams(of folded: String) -> (Int32, Int32) {
        var s: [Unicode.Scalar] = [" "]
        s.append(contentsOf: folded.unicodeScalars)
        s.append(" ")
        let start = Int32(trigramPool.count)
        for i in 0..<(s.count - 2) {
            let packed = UInt64(s[i].value) << 42 | UInt64(s[i + 1].value) << 21 | UInt64(s[i + 2].value)
            if let id = trigramIDs[packed] { trigramPool.append(id) } else {
                let id = Int32(trigramIDs.count)
                trigramIDs[packed] = id
                trigramPool.append(id)
            }
        }
        return (start, Int32(trigramPool.count) - start)
    }

    private func token(_ word: String, _ st: LanguageState) -> Int32 {
        if let t = st.tokens[word] { return t }
        let folded = LessonText.fold(word)
        let t: Token
        if st.words.isNegation(word, folded: folded) {
            let (start, count) = addTrigrams(of: Self.negationStem)
            t = Token(role: .negation, stem: intern(stem: Self.negationStem), folded: intern(folded: folded),
                      trigramStart: start, trigramCount: count)
        } else {
            let stem: String
            if let a = st.algorithm {
                stem = LessonText.fold(stemmers.stem(word, algorithm: a) ?? word)
            } else if !st.words.suffixes.isEmpty {
                stem = LessonText.fold(Self.strip(word, suffixes: st.words.suffixes))
            } else {
                stem = folded
            }
            let (start, count) = addTrigrams(of: folded)
            t = Token(role: st.words.isStop(word, folded: folded) ? .stop : .content, stem: intern(stem: stem),
                      folded: intern(folded: folded), trigramStart: start, trigramCount: count)
        }
        let index = Int32(tokens.count)
        tokens.append(t)
        st.tokens[word] = index
        return index
    }

    /// Strips the longest listed ending that leaves at least three letters, twice at most
    /// (a plural and a case: "төслүүдийн" → "төсл").
    static func strip(_ word: String, suffixes: [String]) -> String {
        var w = word
        for _ in 0..<2 {
            let n = w.count
            guard let s = suffixes.first(where: { w.hasSuffix($0) && n - $0.count >= 3 }) else { break }
            w = String(w.dropLast(s.count))
        }
        return w
    }

    /// The signature of a lesson (its text is CommonMark) written in `locale`.
    public func analyze(_ markdown: String, locale: String) -> LessonSignature {
        analyzePlain(LessonText.plain(markdown), locale: locale)
    }

    // Scratch space for one analysis at a time.
    private var scratchTokens: [Int32] = []
    private var scratchStems: [Int32] = []

    /// The signature of a plain text.
    public func analyzePlain(_ plain: String, locale: String) -> LessonSignature {
        let st = state(locale)
        var indices = scratchTokens, stems = scratchStems
        scratchTokens = []; scratchStems = []
        indices.removeAll(keepingCapacity: true)
        stems.removeAll(keepingCapacity: true)
        LessonText.forEachWord(plain) { indices.append(token($0, st)) }
        var folded: [Int32] = [], measured: [Int32] = []
        folded.reserveCapacity(indices.count)
        measured.reserveCapacity(indices.count)
        tokens.withUnsafeBufferPointer { table in
            for i in indices {
                let t = table[Int(i)]
                folded.append(t.folded)
                if t.role != .stop {
                    stems.append(t.stem)
                    measured.append(i)
                }
            }
            // A lesson of nothing but stop words ("Be better") keeps them all.
            if stems.isEmpty {
                for i in indices {
                    stems.append(table[Int(i)].stem)
                    measured.append(i)
                }
            }
        }
        let stemSet = Self.sortedSet(stems)
        let signature = LessonSignature(stems: stemSet, measured: Self.sortedSet(measured),
                                        beginnings: Self.sortedSet(stemSet.map { beginningOfStem[Int($0)] }), words: folded)
        scratchTokens = indices; scratchStems = stems
        return signature
    }

    /// The character trigrams of the words a signature measures (unstemmed, folded, each padded with a space
    /// either side): sorted, distinct ids.
    public func trigrams(of s: LessonSignature) -> [Int32] {
        var out: [Int32] = []
        for i in s.measured {
            let t = tokens[Int(i)]
            out.append(contentsOf: trigramPool[Int(t.trigramStart)..<Int(t.trigramStart + t.trigramCount)])
        }
        return Self.sortedSet(out)
    }

    /// The grouping's measure: the larger of the Jaccard similarity of the stems and of the trigrams.
    public func similarity(_ a: LessonSignature, _ b: LessonSignature) -> Double {
        max(Similarity.jaccard(a.stems, b.stems), Similarity.jaccard(trigrams(of: a), trigrams(of: b)))
    }

    /// The words of a signature, folded, as one line: what search looks in.
    func text(of s: LessonSignature) -> String {
        s.words.map { foldedNames[Int($0)] }.joined(separator: " ")
    }

    /// The folded stems of the words of a plain text that carry a rule (for search and for reading).
    public func stems(of plain: String, locale: String) -> [String] {
        analyzePlain(plain, locale: locale).stems.map { stemNames[Int($0)] }
    }

    /// The stem id a single word has in `locale` (stop words included), for search.
    func stemID(ofWord word: String, locale: String) -> Int32 {
        tokens[Int(token(word, state(locale)))].stem
    }

    /// The distinct values of `a`, sorted, in a new array of just that size.
    static func sortedSet(_ a: [Int32]) -> [Int32] {
        guard a.count > 1 else { return a }
        var s = a
        s.sort()
        var n = 1
        for i in 1..<s.count where s[i] != s[n - 1] {
            s[n] = s[i]
            n += 1
        }
        return Array(s[0..<n])
    }
}

/// Set similarity of signatures.
public enum Similarity {
    /// |a ∩ b| / |a ∪ b| of two sorted, distinct arrays; 0 when both are empty.
    public static func jaccard(_ a: [Int32], _ b: [Int32]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        let common = intersectionCount(a, b)
        return Double(common) / Double(a.count + b.count - common)
    }

    static func intersectionCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            if x == y { n += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return n
    }
}
