import DebriefRender
import XCTest

/// The templates' engine: the Mustache our templates use, with the spec's rules for what is escaped and for
/// standalone tag lines.
final class TemplateTests: XCTestCase {
    func render(_ source: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        for (name, text) in partials { try library.register(text, named: name) }
        try library.register(source, named: "main")
        return library.render(context, withTemplate: "main") ?? "(none)"
    }

    func testVariablesAreEscapedUnlessTripleBraced() throws {
        let ctx: TemplateValue = ["t": "<b>Tom & \"Jerry\" 'x'</b>", "n": 3]
        XCTAssertEqual(try render("{{t}}|{{{t}}}|{{& t}}|{{n}}|{{missing}}.", ctx),
                       "&lt;b&gt;Tom &amp; &quot;Jerry&quot; &#39;x&#39;&lt;/b&gt;|<b>Tom & \"Jerry\" 'x'</b>|<b>Tom & \"Jerry\" 'x'</b>|3|.")
    }

    func testSectionsListsObjectsAndInverted() throws {
        let ctx: TemplateValue = ["items": [["name": "a"], ["name": "b"]], "empty": [], "on": true, "off": false,
                                  "who": ["name": "Mai", "labels": ["hi": "Chào"]], "name": "outer", "text": ""]
        XCTAssertEqual(try render("{{#items}}[{{name}}]{{/items}}{{^empty}}none{{/empty}}{{#on}}+{{/on}}{{#off}}-{{/off}}{{^off}}!{{/off}}", ctx),
                       "[a][b]none+!")
        XCTAssertEqual(try render("{{#who}}{{labels.hi}} {{name}}{{/who}} {{who.labels.hi}} {{name}}", ctx), "Chào Mai Chào outer")
        XCTAssertEqual(try render("{{#text}}shown{{/text}}{{^text}}empty text is nothing{{/text}}", ctx), "empty text is nothing")
        XCTAssertEqual(try render("{{#items}}{{#name}}{{.}}{{/name}}{{/items}}", ctx), "ab")
    }

    func testStandaloneTagLinesAreCutOut() throws {
        let source = """
            <ul>
              {{#items}}
              <li>{{.}}</li>
              {{/items}}
              {{! a comment
                  over two lines }}
            </ul>
            {{#none}}
            never
            {{/none}}
            end {{#items}}{{.}}{{/items}}
            """
        XCTAssertEqual(try render(source, ["items": ["x", "y"]]), "<ul>\n  <li>x</li>\n  <li>y</li>\n</ul>\nend xy")
    }

    func testPartialsAndTheirIndentation() throws {
        XCTAssertEqual(try render("<div>\n  {{> p}}\n</div>\n{{#a}}{{> p}}{{/a}}", ["a": ["v": "1"], "v": "2"], partials: ["p": "<i>{{v}}</i>\n<b></b>\n"]),
                       "<div>\n  <i>2</i>\n  <b></b>\n</div>\n<i>1</i>\n<b></b>\n")
        XCTAssertEqual(try render("[{{> unknown}}]", [:]), "[]")
    }

    func testMarkdownContentTypeMakesValuesLiteralCommonMark() throws {
        let out = try render("{{% CONTENT_TYPE: MARKDOWN }}\nDear {{name}},\n{{{text}}}", ["name": "*Ms* [Bo]", "text": "**as written**"])
        XCTAssertEqual(out, "Dear \\*Ms\\* \\[Bo\\],\n**as written**")
    }

    func testUntypedValuesConvert() throws {
        let any: [String: Any] = ["rows": [["n": 1, "ok": true], ["n": 2, "ok": false]], "role": false, "s": Optional<String>.none as Any]
        XCTAssertEqual(try render("{{#rows}}{{n}}{{#ok}}y{{/ok}}{{/rows}}{{#role}}r{{/role}}{{s}}", TemplateValue(any: any)), "1y2")
    }

    func testSyntaxErrorsNameTheLine() {
        XCTAssertThrowsError(try Template("a\n{{#x}}\nb")) { XCTAssertEqual(($0 as? TemplateSyntaxError)?.description, "line 2: {{#x}} is never closed") }
        XCTAssertThrowsError(try Template("{{#x}}{{/y}}")) { XCTAssertTrue("\($0)".contains("expected {{/x}}, found {{/y}}")) }
        XCTAssertThrowsError(try Template("x {{name")) { XCTAssertTrue("\($0)".contains("never closed")) }
        XCTAssertThrowsError(try Template("{{=<% %>=}}")) { XCTAssertTrue("\($0)".contains("not supported")) }
    }
}
