import DebriefCore
import DebriefMarkdown
import DebriefRender
import DebriefTestSupport
import XCTest

/// Every Markdown output (both audiences, the letter) is safe where raw HTML is not filtered (pandoc, editor
/// previews, site generators): raw HTML is text, remote images are links, a fence or comment left open ends with
/// its item, and table cells escape a pipe once.
final class SafeMarkdownTests: XCTestCase {
    func testRawHTMLAndImages() {
        XCTAssertEqual(Markdown.safeCommonMark("Plain *text* stays as written."), "Plain *text* stays as written.")
        let s = Markdown.safeCommonMark("Hi <img src=x onerror=alert(1)> and ![p](https://evil.example/p.png).")
        XCTAssertTrue(s.contains("\\<img"), "escaped: \(s)")
        XCTAssertFalse(s.contains("!["), s)
        XCTAssertTrue(s.contains("[p](https://evil.example/p.png)"), s)
        XCTAssertEqual(Markdown.parse(s).rawHTML, [], "no raw HTML left: \(s)")
        let block = Markdown.safeCommonMark("<div onclick=\"x()\">\nhello\n</div>")
        XCTAssertEqual(Markdown.parse(block).rawHTML, [], block)
        XCTAssertTrue(Markdown.parse(block).plain.contains("<div onclick"), "shown as text")
    }

    func testAnOpenFenceOrCommentEndsWithItsItem() throws {
        var record = Record(format: "sprint", title: "Fences")
        record.sections = [
            RecordSection(id: "went-well", content: .items([Item(text: "Open fence:\n\n```\nnever closed")])),
            RecordSection(id: "lessons", content: .items([Item(text: "<!-- an open comment"), Item(text: "We demo on Thursdays.")])),
            RecordSection(id: "actions", content: .items([Item(text: "Split `a | b` and a\\|b", owner: "Kim | Lee")])),
        ]
        let catalog = try builtInCatalog()
        let view = RecordView.build(record: record, format: catalog.format("sprint")!, audience: .team,
                                    labels: try Labels.load(templates: packageRoot + "/templates", locale: "en"), file: "r.yml")
        let md = MarkdownRenderer.render(view)
        let doc = Markdown.parse(md)
        XCTAssertTrue(doc.plain.contains("We demo on Thursdays."), md)
        XCTAssertEqual(doc.rawHTML, [], "the comment is text: \(md)")
        // The lessons heading is still a heading: the fence did not swallow it.
        XCTAssertTrue(Markdown.html(md).contains("<h2>"), md)
        let headings = Markdown.html(md).components(separatedBy: "<h2>").count - 1
        XCTAssertEqual(headings, 3, md)
        // One table row per action, the pipes escaped once.
        let row = md.split(separator: "\n").first { $0.contains("Split") }.map(String.init) ?? ""
        XCTAssertTrue(row.contains("a\\|b") && !row.contains("a\\\\|b"), row)
        XCTAssertTrue(row.contains("Kim \\| Lee"), row)
        XCTAssertEqual(row.filter { $0 == "|" }.count - row.components(separatedBy: "\\|").count + 1, 5, "five cell borders: \(row)")
    }
}
