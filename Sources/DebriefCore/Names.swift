// Finding team members' names in text, in any spelling a reader would still
// recognise: accents dropped or added, any case, fullwidth and other
// compatibility forms, look-alike letters of other scripts, invisible
// characters inside the name, curly or straight apostrophes, possessives,
// e-mail and link addresses, percent-encoding.
import Foundation

/// One word of a text, folded for matching.
public struct FoldedWord: Sendable, Equatable {
    /// Lower case, accents and marks removed, compatibility forms and look-alikes mapped to their plain letters.
    public var key: String
    /// Written with a capital first letter (and not all in capitals).
    public var capitalised: Bool
    /// Written all in capitals (two letters or more).
    public var allCaps: Bool
    /// The word opens a sentence (the text's start, or after . ! ? … : ; or a line break).
    public var startsSentence: Bool
    /// Only spaces, hyphens, dots, underscores or commas stand between this word and the one before.
    public var joinedToPrevious: Bool
}

public enum Fold {
    /// Characters that do not show: soft hyphen, zero-width space, joiners, bidi controls, BOM, variation selectors.
    public static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xE0000...0xE007F:
            return true
        default:
            return u.properties.generalCategory == .format
        }
    }

    /// Letters that look like Latin ones in Cyrillic and Greek, and Latin letters that decompose to nothing.
    static let lookAlikes: [Unicode.Scalar: String] = {
        var m: [Unicode.Scalar: String] = [:]
        let pairs: [(String, String)] = [
            // Cyrillic
            ("а", "a"), ("в", "b"), ("е", "e"), ("ё", "e"), ("к", "k"), ("м", "m"), ("н", "h"), ("о", "o"), ("р", "p"),
            ("с", "c"), ("т", "t"), ("у", "y"), ("х", "x"), ("ѕ", "s"), ("і", "i"), ("ї", "i"), ("ј", "j"), ("һ", "h"),
            ("ԁ", "d"), ("ӏ", "l"), ("ԛ", "q"), ("ԝ", "w"), ("ү", "y"),
            // Greek
            ("α", "a"), ("β", "b"), ("ε", "e"), ("η", "n"), ("ι", "i"), ("κ", "k"), ("ν", "v"), ("ο", "o"), ("ρ", "p"),
            ("τ", "t"), ("υ", "u"), ("χ", "x"), ("ζ", "z"),
            // Latin small capitals
            ("ᴀ", "a"), ("ʙ", "b"), ("ᴄ", "c"), ("ᴅ", "d"), ("ᴇ", "e"), ("ꜰ", "f"), ("ɢ", "g"), ("ʜ", "h"), ("ɪ", "i"),
            ("ᴊ", "j"), ("ᴋ", "k"), ("ʟ", "l"), ("ᴍ", "m"), ("ɴ", "n"), ("ᴏ", "o"), ("ᴘ", "p"), ("ǫ", "q"), ("ʀ", "r"),
            ("ꜱ", "s"), ("ᴛ", "t"), ("ᴜ", "u"), ("ᴠ", "v"), ("ᴡ", "w"), ("ʏ", "y"), ("ᴢ", "z"),
            // Latin letters without a decomposition
            ("đ", "d"), ("ð", "d"), ("ł", "l"), ("ø", "o"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ı", "i"),
            ("þ", "th"), ("ŋ", "n"), ("ħ", "h"), ("ŧ", "t"), ("ſ", "s"),
        ]
        for (k, v) in pairs { m[k.unicodeScalars.first!] = v }
        return m
    }()

    static func isApostrophe(_ u: Unicode.Scalar) -> Bool {
        u == "'" || u == "\u{2019}" || u == "\u{2018}" || u == "\u{02BC}" || u == "\u{2032}" || u == "`" || u == "\u{FF07}"
    }

    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        return u.properties.isAlphabetic || u.properties.numericType != nil
    }

    /// The folded key of one word or name part.
    public static func key(_ s: String) -> String {
        words(s).map(\.key).joined(separator: " ")
    }

    /// The words of a text, folded. Invisible characters are dropped first (so that a soft hyphen
    /// inside a name does not split it), then compatibility forms are decomposed (NFKD) and marks removed.
    /// ASCII is classified by value; only other scripts consult Unicode's properties.
    public static func words(_ text: String) -> [FoldedWord] {
        var isASCII = true
        for b in text.utf8 where b >= 0x80 { isASCII = false; break }
        var source = text
        if !isASCII {
            var clean = String.UnicodeScalarView()
            for u in text.unicodeScalars where !isInvisible(u) { clean.append(u) }
            source = String(clean).decomposedStringWithCompatibilityMapping
        }
        var out: [FoldedWord] = []
        out.reserveCapacity(16)
        var key = String.UnicodeScalarView()
        var firstUpper = false, upperCount = 0, letterCount = 0
        var sentenceStart = true
        var joined = false
        var gapOK = true
        var pendingApostrophe = false
        func flush() {
            guard !key.isEmpty else { return }
            out.append(FoldedWord(key: String(key), capitalised: firstUpper && !(upperCount == letterCount && letterCount > 1),
                                  allCaps: upperCount == letterCount && letterCount > 1,
                                  startsSentence: sentenceStart, joinedToPrevious: joined))
            key = String.UnicodeScalarView()
            firstUpper = false; upperCount = 0; letterCount = 0
            sentenceStart = false
            gapOK = true
        }
        func startLetter() {
            if key.isEmpty { joined = !out.isEmpty && gapOK } else if pendingApostrophe { key.append("'") }
            pendingApostrophe = false
        }
        func separator(_ u: Unicode.Scalar) {
            if pendingApostrophe { key.append("'"); pendingApostrophe = false }
            flush()
            switch u {
            case ".", "!", "?", "\u{2026}", ":", ";", "\n", "\u{3002}", "\u{061F}", "\u{06D4}", "\u{0964}":
                sentenceStart = true
                gapOK = gapOK && u == "."
            case " ", "\t", "-", "_", ",", "\r", "\u{00A0}", "\u{2010}", "\u{2011}":
                break
            default:
                gapOK = false
            }
        }
        for u in source.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    startLetter()
                    if v >= 0x61 { letterCount += 1 }
                    key.append(u)
                } else if v >= 0x41 && v <= 0x5A {
                    startLetter()
                    if key.isEmpty { firstUpper = true }
                    upperCount += 1; letterCount += 1
                    key.append(Unicode.Scalar(v + 32)!)
                } else if (v == 0x27 || v == 0x60) && !key.isEmpty && !pendingApostrophe {
                    pendingApostrophe = true
                } else {
                    separator(u)
                }
                continue
            }
            let props = u.properties
            let cat = props.generalCategory
            if cat == .nonspacingMark || cat == .enclosingMark || (cat == .spacingMark && !isWordScalar(u)) { continue }
            if props.isAlphabetic || props.numericType != nil {
                startLetter()
                if props.isUppercase || cat == .titlecaseLetter {
                    if key.isEmpty { firstUpper = true }
                    upperCount += 1
                }
                if props.isAlphabetic { letterCount += 1 }
                for l in props.lowercaseMapping.unicodeScalars {
                    if let m = lookAlikes[l] { key.append(contentsOf: m.unicodeScalars) } else { key.append(l) }
                }
                continue
            }
            if isApostrophe(u) && !key.isEmpty && !pendingApostrophe {
                pendingApostrophe = true
                continue
            }
            separator(u)
        }
        if pendingApostrophe { key.append("'") }
        flush()
        return out
    }

    /// Percent-decoding that never fails: invalid sequences stay as written.
    public static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        while i < u.count {
            if u[i] == 37, i + 2 < u.count, let a = hex(u[i + 1]), let b = hex(u[i + 2]) {
                bytes.append(a << 4 | b); i += 3
            } else {
                bytes.append(u[i]); i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Finds team members' names, prepared once per record.
///
/// The rule (see `debrief checks explain client-safe`):
/// - a member's whole name matches in any case and spelling, also run together ("annaberg") or with
///   `-`, `_` or `.` between its parts;
/// - each part of a name (two letters or more) matches on its own in any case ("ask anna"), also with a
///   possessive ("Anna's");
/// - a part that is also an ordinary word (Will, May, Mark, Grace; the lists are data) matches only where
///   it is written capitalised next to another part of the name ("Will Smith"), or on its own when
///   capitalised in the middle of a sentence ("we asked Will"): "we will deliver" and a sentence that
///   starts with "Will" are not names;
/// - in an address (an e-mail address, a link) the parts match in any case, and so do the usual
///   address forms: initial and surname ("aberg"), name and initial ("annab");
/// - where the text names one of the client's own people (or the client), those words are the client's.
public struct NameMatcher: Sendable {
    struct Member: Sendable { var name: String; var parts: [String] }
    let members: [Member]
    /// Part key → (member, part index).
    let partIndex: [String: [(member: Int, part: Int)]]
    /// Run-together forms → member, for prose ("annaberg") and, with the address forms, for addresses.
    let joinedForms: [String: Int]
    let addressForms: [String: Int]
    /// The client's own names, as word sequences.
    let clientNames: [[String]]
    let ordinary: Set<String>

    public var isEmpty: Bool { members.isEmpty }

    public init(team: [String], client: [String] = [], ordinaryWords: Set<String> = []) {
        var members: [Member] = []
        var seen = Set<String>()
        for n in team {
            let parts = Fold.words(n).map(\.key).filter { !$0.isEmpty }
            guard !parts.isEmpty, seen.insert(parts.joined(separator: " ")).inserted else { continue }
            members.append(Member(name: n.trimmed, parts: parts))
        }
        var index: [String: [(member: Int, part: Int)]] = [:]
        var joinedForms: [String: Int] = [:], addressForms: [String: Int] = [:]
        for (m, member) in members.enumerated() {
            for (p, part) in member.parts.enumerated() { index[part, default: []].append((m, p)) }
            let ps = member.parts
            guard ps.count > 1 else { continue }
            let first = ps[0], last = ps[ps.count - 1]
            joinedForms[ps.joined()] = m
            joinedForms[ps.reversed().joined()] = m
            addressForms[ps.joined()] = m
            addressForms[ps.reversed().joined()] = m
            if last.count >= 3 { addressForms[String(first.prefix(1)) + last] = m; addressForms[last + String(first.prefix(1))] = m }
            if first.count >= 3 { addressForms[first + String(last.prefix(1))] = m }
        }
        self.members = members
        self.partIndex = index
        self.joinedForms = joinedForms
        self.addressForms = addressForms
        self.clientNames = client.map { Fold.words($0).map(\.key) }.filter { !$0.isEmpty }
        self.ordinary = ordinaryWords
    }

    /// Whether a part is also an ordinary word, and so counts only where it is written as a name.
    func isStrict(_ part: String) -> Bool { ordinary.contains(part) }

    static func candidates(_ key: String) -> [String] {
        guard key.utf8.last == 0x27 || (key.utf8.count > 2 && key.hasSuffix("'s")) else { return [key] }
        if key.hasSuffix("'s") { return [key, String(key.dropLast(2))] }
        return [String(key.dropLast())]
    }

    /// The first team member named in prose (with the address rules for any e-mail address or link in it).
    public func firstName(in text: String) -> String? {
        guard !members.isEmpty, !text.isEmpty else { return nil }
        let words = Fold.words(text)
        if let n = firstName(words: words) { return n }
        // E-mail addresses and links written as text.
        if text.utf8.contains(where: { $0 == 0x40 || $0 == 0x2F || $0 == 0x25 }) {
            for chunk in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" })
            where chunk.contains("@") || chunk.contains("/") || chunk.contains("%") {
                if let n = firstName(inAddress: String(chunk)) { return n }
            }
        }
        return nil
    }

    /// The first team member named in an address (a link's destination, an e-mail address).
    public func firstName(inAddress address: String) -> String? {
        guard !members.isEmpty else { return nil }
        let words = Fold.words(Fold.percentDecoded(address))
        if let n = sequenceMatch(words) { return n }
        for w in words {
            for c in NameMatcher.candidates(w.key) {
                if let m = addressForms[c] { return members[m].name }
                for (m, p) in partIndex[c] ?? [] where !isStrict(members[m].parts[p]) && members[m].parts[p].count > 2 { return members[m].name }
            }
        }
        return nil
    }

    /// A whole name, word by word ("Anna Berg", "anna-berg", "ANNA BERG's") or run together.
    func sequenceMatch(_ words: [FoldedWord]) -> String? {
        for i in words.indices {
            for c in NameMatcher.candidates(words[i].key) {
                if let m = joinedForms[c] { return members[m].name }
                for (m, p) in partIndex[words[i].key] ?? [] where p == 0 && members[m].parts.count > 1 {
                    let parts = members[m].parts
                    guard i + parts.count <= words.count else { continue }
                    var ok = true
                    for k in 1..<parts.count {
                        let w = words[i + k]
                        let keys = k == parts.count - 1 ? NameMatcher.candidates(w.key) : [w.key]
                        if !keys.contains(parts[k]) || !w.joinedToPrevious { ok = false; break }
                    }
                    if ok { return members[m].name }
                }
            }
        }
        return nil
    }

    func firstName(words: [FoldedWord]) -> String? {
        if let n = sequenceMatch(words) { return n }
        // The client's own names are theirs.
        var covered = [Bool](repeating: false, count: words.count)
        for seq in clientNames where seq.count <= words.count {
            for i in 0...(words.count - seq.count) {
                var ok = true
                for k in 0..<seq.count where !NameMatcher.candidates(words[i + k].key).contains(seq[k]) { ok = false; break }
                if ok { for k in 0..<seq.count { covered[i + k] = true } }
            }
        }
        for (i, w) in words.enumerated() where !covered[i] {
            for c in NameMatcher.candidates(w.key) {
                for (m, p) in partIndex[c] ?? [] {
                    let part = members[m].parts[p]
                    // A part of one or two letters ("Bo", "Li") counts when written with a capital.
                    if part.count <= 2 && !isStrict(part) {
                        if part.count == 2 && (w.capitalised || w.allCaps) { return members[m].name }
                        continue
                    }
                    guard isStrict(part) else { return members[m].name }
                    // An ordinary word counts as a name only where it is written as one.
                    guard w.capitalised else { continue }
                    let parts = Set(members[m].parts.enumerated().filter { $0.offset != p }.map(\.element))
                    let nextToPart = (i > 0 && w.joinedToPrevious && words[i - 1].capitalised
                                        && NameMatcher.candidates(words[i - 1].key).contains(where: parts.contains))
                        || (i + 1 < words.count && words[i + 1].joinedToPrevious && (words[i + 1].capitalised || words[i + 1].allCaps)
                            && NameMatcher.candidates(words[i + 1].key).contains(where: parts.contains))
                    if nextToPart || !w.startsSentence { return members[m].name }
                }
            }
        }
        return nil
    }
}
