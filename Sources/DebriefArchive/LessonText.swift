// A lesson's words as the grouping compares them: the plain text of its CommonMark, normalised
// (NFKC, lower case), split into words; each word also folded (accents and marks dropped) for matching.
import DebriefMarkdown
import Foundation

public enum LessonText {
    /// The language part of a locale, lower case: "fi-FI" → "fi", "" → "en".
    public static func language(of locale: String) -> String {
        let base = locale.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return base.isEmpty ? "en" : base
    }

    /// What a reader sees of a CommonMark text. Text without anything that would change its words when
    /// parsed (entities, links, raw HTML, escapes, list numbers) is taken as it is, without calling cmark.
    public static func plain(_ markdown: String) -> String {
        var needsParse = false
        for b in markdown.utf8 {
            switch b {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "`"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                needsParse = true
            default: break
            }
            if needsParse { break }
        }
        return needsParse ? Markdown.parse(markdown).plain : markdown
    }

    /// The words of a plain text: NFKC, lower case, runs of letters, digits and marks. Apostrophes, hyphens
    /// and every other punctuation separate words; invisible characters (and the Arabic tatweel) are dropped.
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        forEachWord(text) { out.append($0) }
        return out
    }

    /// Calls `body` with each word of a plain text, as `words` splits them.
    public static func forEachWord(_ text: String, _ body: (String) -> Void) {
        var ascii = true
        for b in text.utf8 where b >= 0x80 { ascii = false; break }
        if ascii {
            var cur: [UInt8] = []
            cur.reserveCapacity(24)
            for b in text.utf8 {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): cur.append(b)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): cur.append(b + 32)
                default:
                    if !cur.isEmpty { body(String(decoding: cur, as: UTF8.self)); cur.removeAll(keepingCapacity: true) }
                }
            }
            if !cur.isEmpty { body(String(decoding: cur, as: UTF8.self)) }
            return
        }
        let normal = text.precomposedStringWithCompatibilityMapping.lowercased()
        var cur = String.UnicodeScalarView()
        for u in normal.unicodeScalars {
            if isWordScalar(u) {
                cur.append(u)
            } else if isDropped(u) {
                continue
            } else if !cur.isEmpty {
                body(String(cur)); cur = String.UnicodeScalarView()
            }
        }
        if !cur.isEmpty { body(String(cur)) }
    }

    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) }
        if v == 0x0640 { return false }   // tatweel: drawn length, not a letter
        let p = u.properties
        if p.isAlphabetic || p.numericType != nil { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isDropped(_ u: Unicode.Scalar) -> Bool {
        u.value == 0x0640 || u.value == 0x00AD || u.properties.generalCategory == .format
    }

    /// A word folded for matching: accents, tones and other marks dropped, letters without a decomposition
    /// mapped to their plain form (đ → d, ß → ss, ø → o), Arabic alef and yeh forms unified.
    public static func fold(_ word: String) -> String {
        var ascii = true
        for b in word.utf8 where b >= 0x80 { ascii = false; break }
        if ascii { return word }
        var out = String.UnicodeScalarView()
        for u in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch u.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                // Marks that are letters' own vowels in Indic scripts stay; Latin, Greek, Cyrillic and Arabic marks go.
                if u.value >= 0x0900 && u.value < 0x0E00 { out.append(u) }
                continue
            default: break
            }
            if let m = letterFolds[u] { out.append(contentsOf: m.unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    static let letterFolds: [Unicode.Scalar: String] = {
        var m: [Unicode.Scalar: String] = [:]
        let pairs: [(String, String)] = [
            ("đ", "d"), ("ð", "d"), ("ł", "l"), ("ø", "o"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("ı", "i"),
            ("þ", "th"), ("ħ", "h"), ("ŧ", "t"), ("ſ", "s"),
            ("ٱ", "ا"), ("ى", "ي"), ("ی", "ي"), ("ک", "ك"), ("ة", "ه"),
        ]
        for (k, v) in pairs { m[k.unicodeScalars.first!] = v }
        return m
    }()
}
