import DebriefCore
import DebriefMarkdown
import DebriefRender
import XCTest

final class LetterTests: XCTestCase {
    /// Action 5 of the example calls the marketing director: the follow-up with the client (what the
    /// client-follow-up check recognises; the CLI asks the check, these tests name it).
    var options = LetterOptions(today: Day("2026-11-22")!, followUps: [5])

    func letter(_ record: Record, allowNames: Bool = false) throws -> (md: String, html: String) {
        let r = try report(record, .client, allowNames: allowNames)
        let options = self.options
        return (try LetterRenderer.markdown(r, templates: templatesDir, options: options),
                try LetterRenderer.html(r, templates: HTMLTemplates.load(templates: templatesDir), letterTemplates: templatesDir, options: options))
    }

    func testGoldenLetter() throws {
        let out = try letter(loadExample())
        assertGolden(out.md, "bank-deck.letter.md")
        assertGolden(out.html, "bank-deck.letter.html")
    }

    func testLetterHasEveryPartAndOnlyWhatTheClientMaySee() throws {
        let record = try loadExample()
        let md = try letter(record).md
        for heading in ["## What we got wrong", "## What we are changing", "## What we can offer you", "## Staying in touch"] {
            XCTAssertTrue(md.contains(heading), heading)
        }
        XCTAssertTrue(md.contains("We are sorry."))
        XCTAssertTrue(md.contains("Dear Marketing director,"))
        XCTAssertTrue(md.contains("**22 December 2026**"), "the follow-up action's date")
        // Our own mistakes, not the client's; the chosen remedy marked once.
        for m in record.items(in: "mistakes") where !m.isInternal {
            XCTAssertEqual(md.contains(m.text), m.side != .client, m.text)
        }
        XCTAssertEqual(md.components(separatedBy: "**your choice**").count - 1, 1)
        // Nothing internal, no team member's name.
        for item in record.sections.flatMap({ $0.content.items }) where item.isInternal {
            XCTAssertFalse(md.contains(item.text), "internal item in the letter: \(item.text)")
        }
        for part in record.teamNames.flatMap({ $0.split(separator: " ") }) {
            XCTAssertFalse(md.contains(part), "team name \(part) in the letter")
        }
    }

    func testLetterRefusesWhenAShownItemNamesTheTeam() throws {
        var record = try loadExample()
        let i = try XCTUnwrap(record.sections.firstIndex { $0.id == "lessons" })
        var items = record.sections[i].content.items
        items[0].text = "Linh now confirms every agreement in writing."
        items[0].isInternal = false
        record.sections[i].content = .items(items)
        XCTAssertThrowsError(try letter(record)) { e in
            let refused = e as? ClientRefusal
            XCTAssertEqual(refused?.leaks.first?.section, "lessons")
            XCTAssertEqual(refused?.leaks.first?.item, 1)
        }
        XCTAssertTrue(try letter(record, allowNames: true).md.contains("Linh now confirms"))
    }

    func testLetterWithoutRemediesOrFollowUpStillReads() throws {
        var record = try loadExample()
        record.sections.removeAll { ["remedies", "actions"].contains($0.id) }
        let md = try letter(record).md
        XCTAssertFalse(md.contains("## What we can offer you"))
        XCTAssertFalse(md.contains("**22 December 2026**"), "no date when no follow-up with the client is planned")
        XCTAssertTrue(md.contains("We will call you in the coming weeks"), md)
    }

    func testLetterHTMLIsSafeAndStandalone() throws {
        var record = try loadExample()
        let i = try XCTUnwrap(record.sections.firstIndex { $0.id == "lessons" })
        var items = record.sections[i].content.items
        items.append(Item(text: "<script>alert(1)</script> [x](javascript:alert(1)) ![t](https://evil.example/t.png)"))
        record.sections[i].content = .items(items)
        record.participants[3].name = "<img src=x onerror=alert(1)>"
        let html = try letter(record).html
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.lowercased().contains("href=\"javascript:"), "no script link (raw HTML is shown as text)")
        XCTAssertTrue(html.contains("&lt;script&gt;"), "raw HTML is text")
        XCTAssertFalse(html.contains("src=\"https://evil.example"))
        XCTAssertTrue(html.contains("Content-Security-Policy"))
        XCTAssertTrue(html.contains("@page { size: A4; }"))
    }

    func testAcknowledgementIsTheClientsSide() throws {
        var record = try loadExample()
        let e = try XCTUnwrap(record.sections.firstIndex { $0.id == "emotions" })
        var feelings = record.sections[e].content.items
        feelings.append(Item(text: "The bank felt let down in front of its own partners.", side: .client))
        record.sections[e].content = .items(feelings)
        let md = try letter(record).md
        for f in record.items(in: "facts") where !f.isInternal {
            XCTAssertEqual(md.contains(f.text), f.side == .client, "only the client's facts: \(f.text)")
        }
        XCTAssertTrue(md.contains("We also heard how it felt on your side"), md)
        XCTAssertTrue(md.contains("The bank felt let down in front of its own partners."))
        for f in record.items(in: "emotions") where f.side == .us {
            XCTAssertFalse(md.contains(f.text), "our own feelings stay in the report: \(f.text)")
        }
    }

    func testFollowUpDateOnlyFromAFollowUpWithTheClient() throws {
        let record = try loadExample()
        options.followUps = []
        let md = try letter(record).md
        XCTAssertFalse(md.contains("**4 December 2026**"), "an internal task's due date is never the follow-up date")
        XCTAssertFalse(md.contains("**22 December 2026**"))
        XCTAssertTrue(md.contains("We will call you in the coming weeks"))
        options.followUps = [5]
        XCTAssertTrue(try letter(record).md.contains("We will be in touch again by **22 December 2026**"))
    }

    func testAddresseeAndGreeting() throws {
        var record = try loadExample()
        record.letter = LetterSettings(to: "Event coordinator")
        XCTAssertTrue(try letter(record).md.contains("Dear Event coordinator,"))
        record.letter = LetterSettings(to: "Event coordinator", salutation: "Dear Ms Okafor,")
        let md = try letter(record).md
        XCTAssertTrue(md.contains("\nDear Ms Okafor,\n"), md)
        XCTAssertFalse(md.contains("Dear Event coordinator"))
        XCTAssertTrue(md.contains("**Deck rework for the autumn conference**"), "the project is the subject line")
        XCTAssertFalse(md.contains("go through *Deck rework"), "not pasted into a sentence")
    }

    func testNoLetterWithoutAClient() throws {
        var record = try loadExample()
        record.client = nil
        record.participants.removeAll { $0.side == .client }
        XCTAssertThrowsError(try letter(record)) { XCTAssertTrue($0 is NoClientToWriteTo, "\($0)") }
        let sprint = Record(format: "sprint", title: "Sprint 14", client: "Big Bank",
                            sections: [RecordSection(id: "went-well", content: .items([Item(text: "The demo went well.")]))])
        XCTAssertThrowsError(try letter(sprint)) { XCTAssertTrue($0 is NoClientToWriteTo, "\($0)") }
    }

    func testArchiveTemplatesReplaceTheBuiltInLetter() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/letter", withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: MARKDOWN }}\nHello {{salutation}}, from our own template.\n".write(toFile: dir + "/letter/letter.md.mustache", atomically: true, encoding: .utf8)
        let r = try report(try loadExample(), .client)
        var o = options
        o.archiveTemplates = dir
        let md = try LetterRenderer.markdown(r, templates: templatesDir, options: o)
        XCTAssertEqual(md, "Hello Marketing director, from our own template.\n")
    }

    func testPlainTextIsLiteralButReadable() {
        XCTAssertEqual(MarkdownRenderer.escapeInline("Bloom & Co"), "Bloom & Co", "an ampersand alone stays as written")
        XCTAssertEqual(MarkdownRenderer.escapeInline("Ann&#97; & B&eacute;rg"), "Ann\\&\\#97; & B\\&eacute;rg", "a character reference is made literal")
        XCTAssertEqual(Markdown.html(MarkdownRenderer.escapeInline("Ann&#97; *x* <b>")), "<p>Ann&amp;#97; *x* &lt;b&gt;</p>\n")
    }
}
