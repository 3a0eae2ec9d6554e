import DebriefCore
import DebriefMarkdown
import DebriefRender
import XCTest

/// A small HTML tokenizer: enough to list every element and attribute the
/// page really has, as a browser would see the markup (text stays text).
struct HTMLTag { var name: String; var attributes: [(String, String)]; var closing: Bool }

func tags(in html: String) -> [HTMLTag] {
    var out: [HTMLTag] = []
    let u = Array(html.unicodeScalars)
    var i = 0
    func isNameChar(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == ":" }
    while i < u.count {
        guard u[i] == "<" else { i += 1; continue }
        if i + 3 < u.count, u[i + 1] == "!", u[i + 2] == "-", u[i + 3] == "-" {
            // comment: skip to -->
            var j = i + 4
            while j + 2 < u.count, !(u[j] == "-" && u[j + 1] == "-" && u[j + 2] == ">") { j += 1 }
            i = j + 3; continue
        }
        var j = i + 1
        var closing = false
        if j < u.count, u[j] == "/" { closing = true; j += 1 }
        if j < u.count, u[j] == "!" { while j < u.count, u[j] != ">" { j += 1 }; i = j + 1; continue }
        guard j < u.count, u[j].properties.isAlphabetic else { i += 1; continue }
        var name = ""
        while j < u.count, isNameChar(u[j]) { name.unicodeScalars.append(u[j]); j += 1 }
        var attrs: [(String, String)] = []
        while j < u.count, u[j] != ">" {
            if u[j] == " " || u[j] == "\n" || u[j] == "\t" || u[j] == "/" { j += 1; continue }
            var an = ""
            while j < u.count, u[j] != "=", u[j] != ">", u[j] != " ", u[j] != "\n", u[j] != "/" { an.unicodeScalars.append(u[j]); j += 1 }
            var av = ""
            if j < u.count, u[j] == "=" {
                j += 1
                if j < u.count, u[j] == "\"" || u[j] == "'" {
                    let q = u[j]; j += 1
                    while j < u.count, u[j] != q { av.unicodeScalars.append(u[j]); j += 1 }
                    j += 1
                } else {
                    while j < u.count, u[j] != " ", u[j] != ">" { av.unicodeScalars.append(u[j]); j += 1 }
                }
            }
            attrs.append((an.lowercased(), av))
        }
        out.append(HTMLTag(name: name.lowercased(), attributes: attrs, closing: closing))
        i = j + 1
    }
    return out
}

final class HTMLSafetyTests: XCTestCase {
    static let payloads = [
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<scr<script>ipt>alert(1)</script>",
        "<b onclick=alert(1)>unclosed",
        "\"><script>alert(1)</script>",
        "' onmouseover='alert(1)",
        "<style>body{background:url(https://evil.example/x)}</style>",
        "![remote](https://evil.example/track.png)",
        "<object data=\"x\"></object><embed src=\"x\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "`<script>` in code and <!-- comment --> and </textarea><script>alert(1)</script>",
    ]

    /// A record with a payload in every text field.
    func hostileRecord() -> Record {
        let p = Self.payloads
        func pick(_ i: Int) -> String { p[i % p.count] }
        var sections: [RecordSection] = []
        var n = 0
        func next() -> String { n += 1; return pick(n) }
        let format = try! catalog().format("client-recovery")!
        for spec in format.sections {
            if spec.kind == .narrative {
                sections.append(RecordSection(id: spec.id, content: .narrative(p.joined(separator: "\n\n"))))
            } else {
                var items: [Item] = []
                for (k, payload) in p.enumerated() {
                    items.append(Item(text: payload, side: k % 2 == 0 ? .us : .client, tags: [next(), "t\(k)"],
                                      counterfactual: spec.kind == .mistakes ? next() : nil,
                                      owner: spec.kind == .actions ? next() : nil,
                                      due: spec.kind == .actions ? Day("2026-12-22") : nil,
                                      done: spec.kind == .actions ? k % 2 == 0 : nil,
                                      chosen: spec.kind == .remedies ? k == 0 : nil))
                }
                sections.append(RecordSection(id: spec.id, content: .items(items)))
            }
        }
        return Record(format: "client-recovery", title: next(), date: Day("2026-11-22"), client: next(), project: next(),
                      locale: "en", participants: [Participant(name: next(), side: .us, role: next()),
                                                   Participant(name: next(), side: .client, role: next())],
                      sections: sections)
    }

    static let allowedElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "h1", "h2", "h3", "h4", "h5", "h6",
        "dl", "dt", "dd", "div", "p", "ul", "ol", "li", "span", "time", "table", "thead", "tbody", "tr", "th", "td",
        "a", "em", "strong", "code", "pre", "blockquote", "br", "hr",
    ]
    static let allowedAttributes: Set<String> = [
        "lang", "dir", "charset", "name", "content", "http-equiv", "class", "id", "datetime", "href", "title", "scope",
        "data-label", "role", "aria-label", "start",
    ]

    func assertInert(_ html: String, _ label: String) {
        let all = tags(in: html)
        XCTAssertGreaterThan(all.count, 50, label)
        var styles = 0
        for t in all {
            XCTAssertTrue(Self.allowedElements.contains(t.name), "\(label): element <\(t.name)> in the page")
            if t.name == "style" && !t.closing { styles += 1 }
            for (name, value) in t.attributes {
                XCTAssertTrue(Self.allowedAttributes.contains(name), "\(label): attribute \(name)=\"\(value)\" on <\(t.name)>")
                XCTAssertFalse(name.hasPrefix("on"), "\(label): event handler \(name) on <\(t.name)>")
                if name == "href" || name == "src" {
                    let v = value.lowercased().filter { !$0.isWhitespace }
                    for scheme in ["javascript:", "vbscript:", "data:", "file:"] {
                        XCTAssertFalse(v.hasPrefix(scheme), "\(label): \(name)=\"\(value)\"")
                    }
                    XCTAssertFalse(v.contains("&#"), "\(label): encoded characters in \(name)=\"\(value)\"")
                }
            }
        }
        XCTAssertEqual(styles, 1, "\(label): only the page's own style element")
        // Nothing loads from elsewhere, and no script may run even if markup slipped through.
        XCTAssertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        XCTAssertFalse(all.contains { $0.name == "img" })
        XCTAssertFalse(all.contains { $0.name == "link" })
    }

    func testHostileTextStaysInertInTeamAndClientPages() throws {
        let record = hostileRecord()
        let t = try HTMLTemplates.load(templates: templatesDir)
        for audience in Audience.allCases {
            let r = try report(record, audience, allowNames: true)
            let html = try HTMLRenderer.render(r, templates: t)
            assertInert(html, audience.rawValue)
            // The text is still there, shown as text.
            XCTAssertTrue(html.contains("&lt;script&gt;"), "\(audience): payload text should be visible, escaped")
        }
    }

    func testRemoteImagesBecomePlainLinks() {
        let html = Markdown.parse("See ![the chart](https://example.com/chart.png \"Chart\") and ![](http://x.example/a.gif).").html
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("<a href=\"https://example.com/chart.png\" title=\"Chart\">the chart</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"http://x.example/a.gif\">http://x.example/a.gif</a>"), html)
    }

    func testRawHTMLIsOmittedAndDangerousLinksEmptied() {
        let html = Markdown.parse("<b>bold</b> [x](javascript:alert(1)) <script>alert(1)</script>").html
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.lowercased().contains("javascript:"))
        XCTAssertTrue(html.contains("raw HTML omitted"))
    }

    func testRightToLeftLocale() throws {
        var record = try loadExample()
        record.locale = "ar"
        let t = try HTMLTemplates.load(templates: templatesDir)
        let html = try HTMLRenderer.render(report(record, .team), templates: t)
        XCTAssertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        record.locale = "vi"
        let vi = try HTMLRenderer.render(report(record, .team), templates: t)
        XCTAssertTrue(vi.contains("<html lang=\"vi\" dir=\"ltr\">"))
        XCTAssertEqual(HTMLRenderer.direction(for: "fa-IR"), "rtl")
        XCTAssertEqual(HTMLRenderer.direction(for: "hu"), "ltr")
    }

    func testPageIsStandalone() throws {
        let t = try HTMLTemplates.load(templates: templatesDir)
        let html = try HTMLRenderer.render(report(loadExample(), .client), templates: t)
        XCTAssertTrue(html.contains("<meta name=\"viewport\""))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("prefers-color-scheme: dark"))
        // No request of any kind: no src, no stylesheet link, no url() in CSS, no @import.
        XCTAssertFalse(html.contains(" src="))
        XCTAssertFalse(html.contains("url("))
        XCTAssertFalse(html.contains("@import"))
        XCTAssertFalse(tags(in: html).contains { $0.name == "script" })
    }
}
