import DebriefCore
import DebriefRender
import XCTest

final class LetterTests: XCTestCase {
    let options = LetterOptions(today: Day("2026-11-22")!)

    func letter(_ record: Record, allowNames: Bool = false) throws -> (md: String, html: String) {
        let r = try report(record, .client, allowNames: allowNames)
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
        XCTAssertTrue(md.contains("**22 December 2026**"), "30 days from today when no follow-up is planned")
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
        XCTAssertFalse(html.lowercased().contains("javascript:"))
        XCTAssertTrue(html.contains("Content-Security-Policy"))
        XCTAssertTrue(html.contains("@page { size: A4; }"))
    }
}
