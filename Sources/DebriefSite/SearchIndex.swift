// The site's search: every debrief's text as folded tokens, written as classic scripts (no fetch, module or
// worker: all blocked on file://) that templates/site/search.js loads by adding <script> elements.
//
//   search/meta.js     DEBRIEF_SEARCH.meta({"shards": N, "docs": [[page, title, date, client] or null, ...]})
//   search/tK.js       DEBRIEF_SEARCH.tokens(K, {"token": [doc, ...], ...})   the tokens whose hash mod N is K
//   search/pK.js       DEBRIEF_SEARCH.passages(K, {"doc": [[anchor, text], ...], ...})   docs K*64 ..< (K+1)*64
//
// A doc's number is stable across builds (kept in the site's cache), so one changed debrief changes only the
// token shards of the tokens it gained or lost, its passage shard and meta.js. search.js folds and hashes a query
// exactly as `SearchText` does here.
import DebriefCore
import DebriefRender
import Foundation

public enum SearchText {
    /// The form tokens are compared in: compatibility-decomposed, marks dropped (accents, Vietnamese tones,
    /// Arabic vowel signs), lower-cased, `đ` as `d`. search.js: normalize('NFKD'), drop \p{M}, toLowerCase().
    public static func fold(_ s: String) -> String {
        var ascii = true
        for b in s.utf8 where b >= 0x80 { ascii = false; break }
        if ascii { return s.lowercased() }
        var out = String.UnicodeScalarView()
        for u in s.decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch u.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: out.append(u)
            }
        }
        var folded = String(out).lowercased()
        if folded.unicodeScalars.contains("\u{0111}") { folded = folded.replacingOccurrences(of: "\u{0111}", with: "d") }
        return folded
    }

    /// Letters and digits (\p{L} and \p{N}): the characters tokens are made of.
    static func isTokenScalar(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 {
            return (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9")
        }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The tokens of a text: folded runs of letters and digits, two to forty characters long (a Vietnamese
    /// syllable, an Arabic word, a Cyrillic word are each one).
    public static func tokens(_ text: String, _ each: (String) -> Void) {
        let folded = fold(text)
        var current = String.UnicodeScalarView()
        var length = 0
        func flush() {
            if length >= 2 && length <= 40 { each(String(current)) }
            current = String.UnicodeScalarView(); length = 0
        }
        for u in folded.unicodeScalars {
            if isTokenScalar(u) { current.append(u); length += 1 } else if length > 0 { flush() }
        }
        if length > 0 { flush() }
    }

    /// The shard of a token: FNV-1a (32 bits) of its UTF-8 bytes, modulo the number of shards.
    public static func shard(_ token: String, of count: Int) -> Int {
        var h: UInt32 = 0x811C_9DC5
        for b in token.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return Int(h % UInt32(count))
    }

    /// How many token shards an archive of `docs` debriefs gets: about 40 debriefs' tokens each, 8 to 512.
    public static func shardCount(docs: Int) -> Int {
        var n = 8
        while n < 512 && n * 40 < docs { n *= 2 }
        return n
    }

    /// Docs per passage shard.
    public static let passagesPerShard = 64
}

/// One searchable passage of a debrief: where it is on its page (a section's id) and its text on one line.
public struct SearchPassage: Sendable, Equatable {
    public var anchor: String
    public var text: String
    public init(anchor: String, text: String) { self.anchor = anchor; self.text = text }
}

/// Writes the search scripts' text.
enum SearchScripts {
    static func js(_ s: String) -> String { JSONWriter.quote(s) }   // < > & U+2028 U+2029 escaped: safe in a script

    static func meta(shards: Int, docs: [SiteDoc?]) -> String {
        var out = "DEBRIEF_SEARCH.meta({\"shards\":\(shards),\"docs\":[\n"
        for (i, d) in docs.enumerated() {
            if i > 0 { out += ",\n" }
            guard let d else { out += "null"; continue }
            out += "[" + js(d.page) + "," + js(d.title) + "," + js(d.date ?? "") + "," + js(d.client ?? "") + "]"
        }
        return out + "]});\n"
    }

    static func tokens(shard: Int, _ postings: [(token: String, docs: [Int32])]) -> String {
        var out = "DEBRIEF_SEARCH.tokens(\(shard),{"
        for (i, p) in postings.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += js(p.token) + ":["
            var first = true
            for d in p.docs {
                if !first { out += "," }
                first = false
                out += String(d)
            }
            out += "]"
        }
        return out + "});\n"
    }

    static func passages(shard: Int, _ docs: [(number: Int32, passages: [SearchPassage])]) -> String {
        var out = "DEBRIEF_SEARCH.passages(\(shard),{"
        for (i, d) in docs.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "\"\(d.number)\":["
            for (j, p) in d.passages.enumerated() {
                if j > 0 { out += "," }
                out += "[" + js(p.anchor) + "," + js(p.text) + "]"
            }
            out += "]"
        }
        return out + "});\n"
    }
}
