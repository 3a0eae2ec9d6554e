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
    /// The word opens a sentence: the text's start, a line break, or . ! ? … : followed by a word (not after an
    /// abbreviation or an initial: "Ms. Grace", "e.g. Mark", "A. Berg" go on the same sentence).
    public var startsSentence: Bool
    /// Only spaces, hyphens, dots, underscores or commas stand between this word and the one before.
    public var joinedToPrevious: Bool
    /// Some letter of it is a capital ("Grace", "GRACE", "gRACE").
    public var hasUpper: Bool = false
    /// Nothing but punctuation or the end of the line follows it ("Grace," "Grace)" "- Grace").
    public var endsPhrase: Bool = false
}

public enum Fold {
    /// Characters that do not show: soft hyphen, zero-width space, joiners, bidi controls, BOM, variation selectors.
    public static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00AD, 0x034F, 0x061C, 0x0640, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E,
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

    /// Capitals of other scripts that look like Latin capitals (their lower case would look different).
    static let capitalLookAlikes: [Unicode.Scalar: String] = {
        var m: [Unicode.Scalar: String] = [:]
        let pairs: [(String, String)] = [
            ("Α", "a"), ("Β", "b"), ("Ε", "e"), ("Ζ", "z"), ("Η", "h"), ("Ι", "i"), ("Κ", "k"), ("Μ", "m"), ("Ν", "n"),
            ("Ο", "o"), ("Ρ", "p"), ("Τ", "t"), ("Υ", "y"), ("Χ", "x"),
            ("А", "a"), ("В", "b"), ("Е", "e"), ("К", "k"), ("М", "m"), ("Н", "h"), ("О", "o"), ("Р", "p"), ("С", "c"),
            ("Т", "t"), ("У", "y"), ("Х", "x"), ("Ѕ", "s"), ("І", "i"), ("Ј", "j"),
        ]
        for (k, v) in pairs { m[k.unicodeScalars.first!] = v }
        return m
    }()

    /// More look-alikes and spelling variants: Latin and Armenian shapes, Arabic letter forms (Persian yeh and
    /// keheh, hamza-carrying alefs, teh marbuta, alef maksura).
    static let moreLookAlikes: [Unicode.Scalar: String] = {
        var m: [Unicode.Scalar: String] = [:]
        let pairs: [(String, String)] = [
            ("ɡ", "g"), ("օ", "o"), ("ս", "u"), ("ց", "g"), ("հ", "h"), ("ո", "n"), ("ɑ", "a"), ("ɩ", "i"), ("ʋ", "v"),
            ("ی", "ي"), ("ى", "ي"), ("ک", "ك"), ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ة", "ه"), ("ۀ", "ه"),
        ]
        for (k, v) in pairs { m[k.unicodeScalars.first!] = v }
        return m
    }()

    static func isApostrophe(_ u: Unicode.Scalar) -> Bool {
        u == "'" || u == "\u{2019}" || u == "\u{2018}" || u == "\u{02BC}" || u == "\u{2032}" || u == "`" || u == "\u{FF07}"
            || u == "\u{00B4}" || u == "\u{201B}" || u == "\u{02B9}" || u == "\u{02BB}"
    }

    /// Words that end with a dot without ending the sentence.
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "eg", "ie", "vs",
                                             "etc", "cf", "no", "nr", "approx", "dept", "fig", "ca", "resp", "mme", "mlle"]

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
            for u in text.unicodeScalars where !isInvisible(u) {
                // An acute accent used as an apostrophe ("O´Brien") would decompose to a space and a mark.
                clean.append(u == "\u{00B4}" ? "'" : u)
            }
            source = String(clean).decomposedStringWithCompatibilityMapping
        }
        var out: [FoldedWord] = []
        out.reserveCapacity(16)
        var key = String.UnicodeScalarView()
        var firstUpper = false, upperCount = 0, letterCount = 0
        var sentenceStart = true
        var stopSeen = false          // a full stop (or ! ?) since the last word; a space after it starts a sentence
        var joined = false
        var gapOK = true
        var pendingApostrophe = false
        var justEnded = false         // the last word ended and only this gap's first character has been seen
        func flush() {
            guard !key.isEmpty else { return }
            out.append(FoldedWord(key: String(key), capitalised: firstUpper && !(upperCount == letterCount && letterCount > 1),
                                  allCaps: upperCount == letterCount && letterCount > 1,
                                  startsSentence: sentenceStart, joinedToPrevious: joined, hasUpper: upperCount > 0))
            key = String.UnicodeScalarView()
            firstUpper = false; upperCount = 0; letterCount = 0
            sentenceStart = false
            stopSeen = false
            gapOK = true
            justEnded = true
        }
        func startLetter() {
            if key.isEmpty {
                if stopSeen { sentenceStart = true }
                joined = !out.isEmpty && gapOK
                stopSeen = false
                justEnded = false
            } else if pendingApostrophe { key.append("'") }
            pendingApostrophe = false
        }
        func separator(_ u: Unicode.Scalar) {
            if pendingApostrophe { key.append("'"); pendingApostrophe = false }
            flush()
            let isSpace = u == " " || u == "\t" || u == "\u{00A0}" || u == "\r"
            if justEnded && !isSpace && u != "-" && u != "_" && u != "\u{2010}" && u != "\u{2011}" && !out.isEmpty {
                out[out.count - 1].endsPhrase = true
            }
            switch u {
            case "\n", "\u{2029}", "\u{2028}":
                sentenceStart = true
                gapOK = false
                if !out.isEmpty { out[out.count - 1].endsPhrase = true }
            case ".", "!", "?", ":", "\u{2026}", "\u{3002}", "\u{061F}", "\u{06D4}", "\u{0964}":
                // "Ms. Grace", "e.g. Mark", "A. Berg": an abbreviation or an initial does not end the sentence.
                let previous = out.last?.key ?? ""
                let abbreviation = u == "." && justEnded && (previous.count == 1 || abbreviations.contains(previous))
                if !abbreviation { stopSeen = true }
                gapOK = gapOK && u == "."
            case " ", "\t", "-", "_", ",", "\r", "\u{00A0}", "\u{2010}", "\u{2011}":
                break
            default:
                gapOK = false
            }
            if !isSpace { justEnded = false }
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
                if let m = capitalLookAlikes[u] { key.append(contentsOf: m.unicodeScalars); continue }
                for l in props.lowercaseMapping.unicodeScalars {
                    if let m = lookAlikes[l] ?? moreLookAlikes[l] { key.append(contentsOf: m.unicodeScalars) } else { key.append(l) }
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
        if !out.isEmpty { out[out.count - 1].endsPhrase = true }
        return out
    }

    /// HTML character references decoded, for text that Markdown will show decoded but that is read raw
    /// (link reference definitions, raw HTML): numeric ones, and named ones for letters and punctuation.
    public static func decodingEntities(_ s: String) -> String {
        guard s.utf8.contains(0x26) else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            guard s[i] == "&", let semi = s[i...].prefix(40).firstIndex(of: ";") else { out.append(s[i]); i = s.index(after: i); continue }
            let name = String(s[s.index(after: i)..<semi])
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                decoded = String(u)
            } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) {
                decoded = String(u)
            } else if let named = namedEntities[name] {
                decoded = named
            } else if name.count >= 2, let base = name.first, base.isLetter,
                      ["acute", "grave", "circ", "uml", "tilde", "ring", "cedil", "slash", "caron", "ogon", "dot", "macr",
                       "breve", "dblac", "strok"].contains(String(name.dropFirst())) {
                decoded = String(base)   // accents are folded away anyway
            }
            if let decoded { out += decoded; i = s.index(after: semi) } else { out.append(s[i]); i = s.index(after: i) }
        }
        return out
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "shy": "", "zwj": "", "zwnj": "",
        "lrm": "", "rlm": "", "szlig": "ss", "aelig": "ae", "AElig": "AE", "oelig": "oe", "OElig": "OE", "eth": "d",
        "ETH": "D", "thorn": "th", "THORN": "TH", "rsquo": "'", "lsquo": "'", "num": "#", "commat": "@", "period": ".",
        "lowbar": "_", "hyphen": "-", "dash": "-", "sol": "/", "percnt": "%", "colon": ":",
    ]

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
/// - a member's whole name matches in any case and spelling, also run together ("annaberg", "jeanluc",
///   "alhaddad") or with `-`, `_` or `.` between its parts;
/// - each part of a name of three letters or more matches on its own in any case ("ask anna"), also with a
///   possessive ("Anna's"); a part with an apostrophe also without it ("OBrien") and by what follows it
///   ("Brien"); a part of two letters ("Bo", "Ng") where it has a capital;
/// - a part that is also an ordinary word (Will, May, Mark, Grace; the lists are data) matches only where
///   it is written as a name: with a capital next to another part of the name ("Will Smith"), with a capital
///   in the middle of a sentence ("we asked Will", "approved by GRACE", "Ms. Grace"), or alone on its line or
///   before punctuation ("- Grace", "Signed off: Mark."); "we will deliver" and "Will the client...?" are not;
/// - in an address (an e-mail address, a link, a handle) the parts match in any case, a whole local part or
///   handle that is any part of a name matches ("grace@…", "@ng"), and so do the usual address forms:
///   initial and surname ("aberg"), name and initial ("annab") for names of four letters or more;
/// - text shown right to left by a bidi override is read as shown;
/// - where the text names one of the client's own people (or the client), those words are the client's.
public struct NameMatcher: Sendable {
    struct Member: Sendable { var name: String; var parts: [String] }
    let members: [Member]
    /// Part key → (member, part index).
    let partIndex: [String: [(member: Int, part: Int)]]
    /// Extra keys for parts with an apostrophe ("obrien", "brien") → (member, part index).
    let partVariants: [String: [(member: Int, part: Int)]]
    /// Run-together forms → member, for prose ("annaberg") and, with the address forms, for addresses.
    let joinedForms: [String: Int]
    let addressForms: [String: Int]
    /// The client's own names, as word sequences, by their first word: a text is scanned once, whatever the
    /// number of names.
    let clientNames: [String: [[String]]]
    let ordinary: Set<String>
    /// The record's language's endings: "Lauralle", "Gábornak", "لمحمد" name Laura, Gábor, محمد.
    let endings: NameEndings

    public var isEmpty: Bool { members.isEmpty }

    public init(team: [String], client: [String] = [], ordinaryWords: Set<String> = [], endings: NameEndings = NameEndings()) {
        var members: [Member] = []
        var seen = Set<String>()
        for n in team {
            let parts = Fold.words(n).map(\.key).filter { !$0.isEmpty }
            guard !parts.isEmpty, seen.insert(parts.joined(separator: " ")).inserted else { continue }
            members.append(Member(name: n.trimmed, parts: parts))
        }
        var index: [String: [(member: Int, part: Int)]] = [:]
        var variants: [String: [(member: Int, part: Int)]] = [:]
        var joinedForms: [String: Int] = [:], addressForms: [String: Int] = [:]
        for (m, member) in members.enumerated() {
            let ps = member.parts
            for (p, part) in ps.enumerated() {
                index[part, default: []].append((m, p))
                if part.contains("'") {
                    variants[part.replacingOccurrences(of: "'", with: ""), default: []].append((m, p))
                    if let tail = part.split(separator: "'").last, tail.count >= 3 { variants[String(tail), default: []].append((m, p)) }
                }
            }
            let plain = ps.map { $0.replacingOccurrences(of: "'", with: "") }
            guard plain.count > 1 else { continue }
            // Every run of two or more parts, run together: "jeanluc", "alhaddad", "annaberg".
            for a in 0..<plain.count {
                for b in (a + 1)..<plain.count {
                    let run = plain[a...b].joined()
                    joinedForms[run] = m
                    addressForms[run] = m
                }
            }
            joinedForms[plain.reversed().joined()] = m
            addressForms[plain.reversed().joined()] = m
            let first = plain[0], last = plain[plain.count - 1]
            if last.count >= 4 { addressForms[String(first.prefix(1)) + last] = m; addressForms[last + String(first.prefix(1))] = m }
            if first.count >= 4 { addressForms[first + String(last.prefix(1))] = m }
        }
        self.members = members
        self.partIndex = index
        self.partVariants = variants
        self.joinedForms = joinedForms
        self.addressForms = addressForms
        var byFirst: [String: [[String]]] = [:]
        for name in client {
            let seq = Fold.words(name).map(\.key)
            guard let first = seq.first, !first.isEmpty else { continue }
            if !(byFirst[first]?.contains(seq) ?? false) { byFirst[first, default: []].append(seq) }
        }
        self.clientNames = byFirst
        self.ordinary = ordinaryWords
        self.endings = endings
    }

    /// The team member one word names, with the language's endings ("Mikolta" names Mikko Korhonen): what the
    /// no-blame check asks of each word. A part that is an ordinary word counts only with a capital.
    public func member(inWord word: String) -> String? {
        guard !members.isEmpty, let w = Fold.words(word).first else { return nil }
        return member(w)
    }

    func member(_ w: FoldedWord) -> String? {
        for c in NameMatcher.candidates(w.key) {
            for (m, p) in parts(for: c) {
                let part = members[m].parts[p]
                if part.count <= 2 { if part.count == 2 && w.hasUpper && !isStrict(part) { return members[m].name }; continue }
                if !isStrict(part) || w.hasUpper { return members[m].name }
            }
        }
        return inflected(w)?.name
    }

    /// A part with an ending of the record's language, where the language writes names with a capital only so written.
    func inflected(_ w: FoldedWord) -> Hit? {
        guard !endings.isEmpty, !endings.needsCapital || w.hasUpper else { return nil }
        for b in endings.bases(of: w.key) {
            for (m, p) in parts(for: b) where !isStrict(members[m].parts[p]) || w.hasUpper {
                return Hit(name: members[m].name, word: w.key)
            }
        }
        return nil
    }

    /// Whether a part is also an ordinary word, and so counts only where it is written as a name.
    func isStrict(_ part: String) -> Bool { ordinary.contains(part) }

    static func candidates(_ key: String) -> [String] {
        guard key.utf8.last == 0x27 || (key.utf8.count > 2 && key.hasSuffix("'s")) else { return [key] }
        if key.hasSuffix("'s") { return [key, String(key.dropLast(2))] }
        return [String(key.dropLast())]
    }

    func parts(for key: String) -> [(member: Int, part: Int)] {
        (partIndex[key] ?? []) + (partVariants[key] ?? [])
    }

    /// A team member named, and the word (folded) that names them.
    public struct Hit: Sendable, Equatable {
        public var name: String
        public var word: String
    }

    /// The first team member named in prose (with the address rules for any e-mail address or link in it).
    public func firstName(in text: String) -> String? { firstHit(in: text)?.name }

    public func firstHit(in text: String) -> Hit? {
        guard !members.isEmpty, !text.isEmpty else { return nil }
        if let hit = hit(words: Fold.words(text)) { return hit }
        // E-mail addresses, handles and links written as text.
        if text.utf8.contains(where: { $0 == 0x40 || $0 == 0x2F || $0 == 0x25 }) {
            for chunk in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" || $0 == "," })
            where chunk.contains("@") || chunk.contains("/") || chunk.contains("%") {
                if let hit = firstHit(inAddress: String(chunk)) { return hit }
            }
        }
        // Text reversed for display by a bidi override is read as it is shown.
        if text.unicodeScalars.contains(where: { $0 == "\u{202E}" || $0 == "\u{202B}" || $0 == "\u{2067}" }) {
            let shown = String(String.UnicodeScalarView(text.unicodeScalars.reversed()))
            if let hit = hit(words: Fold.words(shown)) { return hit }
        }
        return nil
    }

    /// The first team member named in an address (a link's destination, an e-mail address, a handle).
    public func firstName(inAddress address: String) -> String? { firstHit(inAddress: address)?.name }

    public func firstHit(inAddress address: String) -> Hit? {
        guard !members.isEmpty else { return nil }
        let decoded = Fold.percentDecoded(address)
        let words = Fold.words(decoded)
        if let hit = sequenceHit(words) { return hit }
        // The whole local part of an e-mail address, or a handle, that is a part of a name: "grace@", "@ng".
        if let at = decoded.firstIndex(of: "@") {
            let local = at == decoded.startIndex ? String(decoded[decoded.index(after: at)...].prefix { !$0.isWhitespace && $0 != "/" })
                                                 : String(decoded[..<at].split(whereSeparator: { $0 == "/" || $0 == ":" }).last ?? "")
            let key = Fold.words(local).map(\.key).joined().replacingOccurrences(of: "'", with: "")
            if let m = addressForms[key] ?? joinedForms[key] { return Hit(name: members[m].name, word: key) }
            if let (m, _) = parts(for: key).first { return Hit(name: members[m].name, word: key) }
        }
        for w in words {
            for c in NameMatcher.candidates(w.key) {
                if let m = addressForms[c] { return Hit(name: members[m].name, word: c) }
                for (m, p) in parts(for: c) where !isStrict(members[m].parts[p]) && members[m].parts[p].count > 2 {
                    return Hit(name: members[m].name, word: c)
                }
            }
        }
        return nil
    }

    /// Whether some team member's whole name (or a run-together form of it) is in the text.
    public func namesInFull(_ text: String) -> String? { sequenceHit(Fold.words(text))?.name }

    /// A whole name, word by word ("Anna Berg", "anna-berg", "ANNA BERG's") or run together.
    func sequenceHit(_ words: [FoldedWord]) -> Hit? {
        for i in words.indices {
            for c in NameMatcher.candidates(words[i].key) {
                if let m = joinedForms[c.replacingOccurrences(of: "'", with: "")] { return Hit(name: members[m].name, word: c) }
                for (m, p) in partIndex[words[i].key] ?? [] where p == 0 && members[m].parts.count > 1 {
                    let parts = members[m].parts
                    guard i + parts.count <= words.count else { continue }
                    var ok = true
                    for k in 1..<parts.count {
                        let w = words[i + k]
                        let keys = k == parts.count - 1 ? NameMatcher.candidates(w.key) : [w.key]
                        if !keys.contains(parts[k]) || !w.joinedToPrevious { ok = false; break }
                    }
                    if ok { return Hit(name: members[m].name, word: parts.joined(separator: " ")) }
                }
            }
        }
        return nil
    }

    func hit(words: [FoldedWord]) -> Hit? {
        if let hit = sequenceHit(words) { return hit }
        // The client's own names are theirs.
        var covered = [Bool](repeating: false, count: words.count)
        if !clientNames.isEmpty {
            for i in words.indices {
                for first in NameMatcher.candidates(words[i].key) {
                    for seq in clientNames[first] ?? [] where i + seq.count <= words.count {
                        var ok = true
                        for k in 1..<max(1, seq.count) where !NameMatcher.candidates(words[i + k].key).contains(seq[k]) { ok = false; break }
                        if ok { for k in 0..<seq.count { covered[i + k] = true } }
                    }
                }
            }
        }
        for (i, w) in words.enumerated() where !covered[i] {
            if parts(for: w.key).isEmpty, let hit = inflected(w) { return hit }
            for c in NameMatcher.candidates(w.key) {
                for (m, p) in parts(for: c) {
                    let part = members[m].parts[p]
                    // A part of one or two letters ("Bo", "Li") counts when written with a capital.
                    if part.count <= 2 && !isStrict(part) {
                        if part.count == 2 && w.hasUpper { return Hit(name: members[m].name, word: c) }
                        continue
                    }
                    guard isStrict(part) else { return Hit(name: members[m].name, word: c) }
                    // An ordinary word counts as a name only where it is written as one.
                    guard w.hasUpper else { continue }
                    if w.allCaps {
                        // "WE WILL DELIVER" is shouting, not a name; "approved by GRACE" is a name.
                        let before = i > 0 ? words[i - 1] : nil, after = i + 1 < words.count ? words[i + 1] : nil
                        let shouting = (before?.allCaps ?? true) && (after?.allCaps ?? true) && (before != nil || after != nil)
                        if shouting { continue }
                    }
                    let others = Set(members[m].parts.enumerated().filter { $0.offset != p }.map(\.element))
                    let nextToPart = (i > 0 && w.joinedToPrevious && words[i - 1].hasUpper
                                        && NameMatcher.candidates(words[i - 1].key).contains(where: others.contains))
                        || (i + 1 < words.count && words[i + 1].joinedToPrevious && words[i + 1].hasUpper
                            && NameMatcher.candidates(words[i + 1].key).contains(where: others.contains))
                    if nextToPart || !w.startsSentence || w.endsPhrase { return Hit(name: members[m].name, word: c) }
                }
            }
        }
        return nil
    }
}

/// A name with the endings and attached words of a language (templates/client-safe/name-endings.yml): the parts a
/// word could be an inflected form of. Client safety and the no-blame check read names through the same rules.
public struct NameEndings: Sendable, Equatable {
    /// Folded, longest first.
    public var suffixes: [String] = []
    public var prefixes: [String] = []
    public var doubled: [String] = []
    public var gradation: [String] = []
    public var stemChanges: [(from: String, to: String)] = []
    /// An inflected form counts only written with a capital.
    public var needsCapital = false

    public init() {}

    public static func == (a: NameEndings, b: NameEndings) -> Bool {
        a.suffixes == b.suffixes && a.prefixes == b.prefixes && a.doubled == b.doubled && a.gradation == b.gradation
            && a.stemChanges.map { "\($0.from)>\($0.to)" } == b.stemChanges.map { "\($0.from)>\($0.to)" } && a.needsCapital == b.needsCapital
    }

    public var isEmpty: Bool { suffixes.isEmpty && prefixes.isEmpty && doubled.isEmpty }

    /// The shortest a name part may be once its ending is taken off.
    static let minimumPart = 3

    /// The name parts the folded word `key` could be an inflected form of (never `key` itself).
    public func bases(of key: String) -> [String] {
        guard !isEmpty, key.count > NameEndings.minimumPart else { return [] }
        var out: [String] = []
        var seen = Set<String>()
        func add(_ s: String) { if s.count >= NameEndings.minimumPart, s != key, seen.insert(s).inserted { out.append(s) } }
        var heads = [key]
        for p in prefixes where key.hasPrefix(p) && key.count - p.count >= NameEndings.minimumPart {
            let rest = String(key.dropFirst(p.count))
            heads.append(rest)
            add(rest)
        }
        for head in heads {
            for s in suffixes where head.hasSuffix(s) && head.count - s.count >= NameEndings.minimumPart {
                let stem = String(head.dropLast(s.count))
                add(stem)
                // "Virtase-n" is "Virtanen"; "Miko-lta" is "Mikko".
                for c in stemChanges where stem.hasSuffix(c.to) { add(String(stem.dropLast(c.to.count)) + c.from) }
                let chars = Array(stem)
                if chars.count >= 3, gradation.contains(String(chars[chars.count - 2])), "aeiouyäö".contains(chars[chars.count - 1]) {
                    add(String(chars.dropLast(1)) + String(chars[chars.count - 2]) + String(chars[chars.count - 1]))
                }
            }
            // "Gábor-r-al": the name's last letter doubled before the ending.
            for d in doubled where head.hasSuffix(d) {
                let stem = Array(head.dropLast(d.count))
                if stem.count > NameEndings.minimumPart, stem[stem.count - 1] == stem[stem.count - 2] { add(String(stem.dropLast())) }
            }
        }
        return out
    }

    /// The endings of `locale`'s language from the file's lists; none for a language the file does not name.
    public static func load(templates: String, locale: String) throws -> NameEndings {
        let path = (templates as NSString).appendingPathComponent("client-safe/name-endings.yml")
        let lang = String(locale.split(separator: "-").first ?? "en").lowercased()
        return try Templates.loading(path) {
            let y = StrictYAML(bytes: try readTextFile(path), file: path)
            var out = NameEndings()
            try y.document(what: "a language's name endings") {
                try y.mapping("") { language, _ in
                    var e = NameEndings()
                    try y.mapping(language) { key, pos in
                        let list = try y.textList("\(language).\(key)")
                        switch key {
                        case "suffixes": e.suffixes = list.map(Fold.key)
                        case "prefixes": e.prefixes = list.map(Fold.key)
                        case "doubled": e.doubled = list.map(Fold.key)
                        case "gradation": e.gradation = list.map(Fold.key)
                        case "capital": e.needsCapital = list.first == "yes"
                        case "stem-changes":
                            for c in list {
                                let parts = c.split(separator: ">", omittingEmptySubsequences: false).map { Fold.key(String($0)) }
                                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                                    throw y.fail(pos, "\(language).stem-changes: expected FROM>TO, found '\(c)'")
                                }
                                e.stemChanges.append((parts[0], parts[1]))
                            }
                        default:
                            throw y.unknownKey(language, key, at: pos, expected: ["suffixes", "prefixes", "doubled", "gradation", "stem-changes", "capital"])
                        }
                    }
                    e.suffixes = Array(Set(e.suffixes)).filter { !$0.isEmpty }.sorted { ($0.count, $0) > ($1.count, $1) }
                    e.prefixes = Array(Set(e.prefixes)).filter { !$0.isEmpty }.sorted { ($0.count, $0) > ($1.count, $1) }
                    if language == lang { out = e }
                }
            }
            return out
        }
    }
}
