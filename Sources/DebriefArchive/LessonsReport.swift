// The lessons as text (for the terminal), Markdown (a document) and JSON (for other tools).
import DebriefMarkdown
import DebriefRender
import Foundation

public enum LessonsReport {
    /// "12 lessons from 30 debriefs; 3 recurring."
    static func summary(_ groups: [LessonGroup], debriefs: Int) -> String {
        let recurring = groups.filter(\.recurring).count
        return "\(plural(groups.count, "lesson")) from \(plural(debriefs, "debrief")); \(recurring) recurring."
    }

    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    static func span(_ g: LessonGroup, to: String) -> String? {
        guard let f = g.first, let l = g.last else { return nil }
        return f == l ? f : "\(f)\(to)\(l)"
    }

    /// One line for the terminal: white space made single spaces, control characters and bidi overrides shown as '?'.
    static func oneLine(_ s: String) -> String {
        if isOneLine(s) { return s }
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if u == " " || u == "\n" || u == "\t" || u == "\r" {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            let v = u.value
            out.append(v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) ? "?" : u)
        }
        return String(out)
    }

    /// Whether `oneLine` leaves the text as it is: no white space but single spaces between words, no control
    /// character, no bidi embedding, override or isolate. Looks at the UTF-8 bytes only.
    static func isOneLine(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { u in
            let n = u.count
            if n == 0 { return true }
            if u[0] == 0x20 || u[n - 1] == 0x20 { return false }
            var i = 0
            while i < n {
                let b = u[i]
                if b < 0x20 || b == 0x7F || (b == 0x20 && u[i + 1] == 0x20) { return false }
                if b == 0xC2, i + 1 < n, u[i + 1] >= 0x80 && u[i + 1] <= 0x9F { return false }
                if b == 0xE2, i + 2 < n, u[i + 1] == 0x80, u[i + 2] >= 0xAA && u[i + 2] <= 0xAE { return false }
                if b == 0xE2, i + 2 < n, u[i + 1] == 0x81, u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9 { return false }
                i += 1
            }
            return true
        }
    }

    // MARK: text

    /// Recurring lessons first, then by how often, then the newest. Each: the lesson, how many debriefs
    /// learned it and when, its tags, and the debriefs (with the wording where it differs).
    public static func text(_ groups: [LessonGroup], debriefs: Int, filtered: Bool = false) -> String {
        guard !groups.isEmpty else {
            return filtered ? "No lesson matches.\n" : "No lessons in the archive yet.\n"
        }
        var out = summary(groups, debriefs: debriefs) + "\n"
        for g in groups {
            out += "\n" + oneLine(plainText(g.lesson)) + "\n"
            var line = "  learned in \(plural(g.count, "debrief"))"
            if let s = span(g, to: " – ") { line += ", " + s }
            if g.recurring { line += " · recurring" }
            if g.cameBack { line += " · came back" }
            if g.isInternal { line += " · internal" }
            out += line + "\n"
            if !g.tags.isEmpty { out += "  tags: " + g.tags.map(oneLine).joined(separator: ", ") + "\n" }
            let someInternal = !g.isInternal && g.debriefs.contains(where: \.isInternal)
            for d in g.debriefs {
                var l = "  " + (d.date ?? "(no date) ") + "  " + oneLine(d.path)
                if someInternal && d.isInternal { l += " (internal)" }
                if d.wording != g.lesson { l += "  as \"" + oneLine(plainText(d.wording)) + "\"" }
                out += l + "\n"
            }
        }
        return out
    }

    /// What a reader sees of the CommonMark (emphasis marks and link addresses gone); a single line without
    /// anything CommonMark would read as markup is that already.
    static func plainText(_ markdown: String) -> String {
        var markup = false
        for (i, b) in markdown.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"),
                 UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: "|"),
                 UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                markup = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: " "), UInt8(ascii: "="):
                if i == 0 { markup = true }
            default: break
            }
            if markup { break }
        }
        return markup ? Markdown.parse(markdown).plain : markdown
    }

    // MARK: Markdown

    /// A Markdown document: recurring lessons, then the ones learned once; each a heading, a line of facts
    /// and the debriefs as links.
    public static func markdown(_ groups: [LessonGroup], debriefs: Int, filtered: Bool = false) -> String {
        var out = "# Lessons learned\n\n"
        guard !groups.isEmpty else {
            return out + (filtered ? "No lesson matches.\n" : "No lessons in the archive yet.\n")
        }
        out += summary(groups, debriefs: debriefs) + "\n"
        let recurring = groups.filter(\.recurring), once = groups.filter { !$0.recurring }
        for (title, part) in [("Recurring", recurring), ("Learned once", once)] where !part.isEmpty {
            out += "\n## \(title)\n"
            for g in part {
                out += "\n### " + oneLineMarkdown(g.lesson) + "\n\n"
                var facts = "Learned in \(plural(g.count, "debrief"))"
                if let f = g.first, let l = g.last { facts += f == l ? " on \(f)" : ", from \(f) to \(l)" }
                facts += "."
                if g.cameBack { facts += " **Came back** after an action that carried it out was done." }
                if g.isInternal { facts += " *Internal.*" }
                if !g.tags.isEmpty { facts += " Tags: " + g.tags.map { "`\(codeSpan($0))`" }.joined(separator: ", ") + "." }
                out += facts + "\n\n"
                let someInternal = !g.isInternal && g.debriefs.contains(where: \.isInternal)
                for d in g.debriefs {
                    var l = "- " + (d.date.map { $0 + ": " } ?? "")
                    l += "[" + MarkdownRenderer.escapeInline(oneLine(d.title)) + "](<" + linkPath(d.path) + ">)"
                    if someInternal && d.isInternal { l += " *(internal)*" }
                    if d.wording != g.lesson { l += ": “" + oneLineMarkdown(d.wording) + "”" }
                    out += l + "\n"
                }
            }
        }
        return out
    }

    /// A lesson's CommonMark on one line (a heading or a list item); a closing '#' stays text.
    static func oneLineMarkdown(_ s: String) -> String {
        let t = oneLine(s)
        return t.hasSuffix("#") ? String(t.dropLast()) + "\\#" : t
    }

    static func codeSpan(_ s: String) -> String { oneLine(s).replacingOccurrences(of: "`", with: "'") }

    /// A path as a link destination: percent-encoded where it could end or break the link.
    static func linkPath(_ p: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "<>()[] ")
        return p.addingPercentEncoding(withAllowedCharacters: allowed) ?? p
    }

    // MARK: JSON

    /// An array of objects with the keys lesson, count, tags, debriefs (paths), first, last, recurring and cameBack.
    public static func json(_ groups: [LessonGroup]) -> String {
        let w = JSONWriter()
        w.array(groups) { g in
            w.object {
                w.key("lesson"); w.string(g.lesson)
                w.key("count"); w.number(g.count)
                w.key("tags"); w.array(g.tags) { w.string($0) }
                w.key("debriefs"); w.array(g.debriefs) { w.string($0.path) }
                w.key("first"); g.first.map { w.string($0) } ?? w.null()
                w.key("last"); g.last.map { w.string($0) } ?? w.null()
                w.key("recurring"); w.bool(g.recurring)
                w.key("cameBack"); w.bool(g.cameBack)
            }
        }
        return w.output + "\n"
    }
}
