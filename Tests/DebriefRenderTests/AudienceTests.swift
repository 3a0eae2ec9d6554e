import DebriefCore
import DebriefRender
import XCTest

final class AudienceTests: XCTestCase {
    /// Distinctive words of an item's text, for searching outputs (which may escape or wrap it).
    private func probe(_ text: String) -> String {
        // The longest run of consecutive plain words (no markup to be escaped), at most five.
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var best: [String] = [], run: [String] = []
        for w in words {
            if w.allSatisfy(\.isLetter) { run.append(w); if run.count > best.count { best = run } } else { run = [] }
        }
        return best.prefix(5).joined(separator: " ")
    }

    func testExampleHasInternalItemsAndATeamNameInOne() throws {
        let record = try loadExample()
        let internalItems = record.sections.flatMap { $0.content.items }.filter(\.isInternal)
        XCTAssertGreaterThanOrEqual(internalItems.count, 2)
        let finder = NameMatcher(team: record.teamNames)
        XCTAssertTrue(internalItems.contains { finder.firstName(in: $0.text) != nil }, "an internal item should name a team member")
    }

    func testNoInternalItemInAnyClientOutput() throws {
        let record = try loadExample()
        let out = try renderAll(report(record, .client))
        let internalItems = record.sections.flatMap { $0.content.items }.filter(\.isInternal)
        XCTAssertFalse(internalItems.isEmpty)
        for item in internalItems {
            let p = probe(item.text)
            XCTAssertGreaterThanOrEqual(p.split(separator: " ").count, 3, "probe too short for: \(item.text)")
            // Markdown and JSON keep lines; HTML may wrap, so compare with white space folded.
            for (name, text) in [("md", out.md), ("html", out.html), ("json", out.json)] {
                let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertFalse(folded.contains(p), "internal item '\(p)' leaked into the client \(name)")
            }
        }
        // ... and they are all in the team versions.
        let team = try renderAll(report(record, .team))
        for item in internalItems {
            let folded = team.md.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(folded.contains(probe(item.text)))
        }
    }

    func testNoTeamNameAnywhereInClientOutputs() throws {
        let record = try loadExample()
        let out = try renderAll(report(record, .client))
        let parts = record.teamNames.flatMap { $0.split(separator: " ").map(String.init) }
        XCTAssertFalse(parts.isEmpty)
        for (name, text) in [("md", out.md), ("html", out.html), ("json", out.json)] {
            for p in parts { XCTAssertFalse(text.contains(p), "'\(p)' appears in the client \(name)") }
            XCTAssertTrue(text.contains("our team"), "the client \(name) should say 'our team'")
        }
    }

    func testClientRenderRefusesAShownItemNamingATeamMember() throws {
        var record = try loadExample()
        let i = try XCTUnwrap(record.sections.firstIndex { $0.id == "mistakes" })
        var items = record.sections[i].content.items
        items[1].text = "Anna forgot to send the confirmation."
        items[1].isInternal = false
        record.sections[i].content = .items(items)
        XCTAssertThrowsError(try report(record, .client)) { error in
            guard let refused = error as? ClientRefusal else { return XCTFail("\(error)") }
            XCTAssertEqual(refused.leaks.count, 1)
            XCTAssertEqual(refused.leaks[0].section, "mistakes")
            XCTAssertEqual(refused.leaks[0].item, 2)
            XCTAssertEqual(refused.leaks[0].name, "Anna Berg")
            XCTAssertTrue(refused.description.hasPrefix("examples/bank-deck.yml:"))
            XCTAssertTrue(refused.description.contains("section 'mistakes', item 2"))
        }
        // Allowed explicitly, it renders, and the name stays where the team wrote it.
        let r = try report(record, .client, allowNames: true)
        XCTAssertTrue(MarkdownRenderer.render(r).contains("Anna forgot"))
        // The team version never refuses.
        XCTAssertNoThrow(try report(record, .team))
    }

    func testActionOwnersBecomeOurTeamButClientOwnersStay() throws {
        var record = try loadExample()
        let i = try XCTUnwrap(record.sections.firstIndex { $0.id == "actions" })
        var items = record.sections[i].content.items
        items.append(Item(text: "Send the new event dates.", owner: "Marketing director", due: Day("2026-12-01")))
        record.sections[i].content = .items(items)
        let r = try report(record, .client)
        let owners = Set(r.sections.first { $0.spec.id == "actions" }!.allItems.compactMap(\.item.owner))
        XCTAssertEqual(owners, ["our team", "Marketing director"])
    }

    func testTimelineInDateOrder() throws {
        var record = try loadExample()
        let i = try XCTUnwrap(record.sections.firstIndex { $0.id == "timeline" })
        var items = record.sections[i].content.items
        items.reverse()
        items.insert(Item(text: "Undated remark.", at: nil), at: 0)
        record.sections[i].content = .items(items)
        let r = try report(record, .team)
        let shown = r.sections.first { $0.spec.id == "timeline" }!.allItems.map(\.item)
        let dates = shown.compactMap(\.at)
        XCTAssertEqual(dates, dates.sorted())
        XCTAssertEqual(shown.first?.text, "Undated remark.", "an undated entry keeps the place it was typed in")
        let md = MarkdownRenderer.render(r)
        let first = try XCTUnwrap(md.range(of: "**2026-10-01 11:00**"))
        let later = try XCTUnwrap(md.range(of: "**2026-10-08**"))
        XCTAssertLessThan(first.lowerBound, later.lowerBound)
    }

    func testItemsWithoutASideAreNeverFiledUnderASide() throws {
        var record = try loadExample()
        let i = try XCTUnwrap(record.sections.firstIndex { $0.id == "facts" })
        var items = record.sections[i].content.items
        items.append(Item(text: "The venue changed the room at short notice."))
        record.sections[i].content = .items(items)
        let team = try report(record, .team)
        let teamGroups = try XCTUnwrap(team.sections.first { $0.spec.id == "facts" }).groups
        XCTAssertEqual(teamGroups.last?.label, "Side not given")
        XCTAssertEqual(teamGroups.last?.items.map(\.item.text), ["The venue changed the room at short notice."])
        let client = try report(record, .client)
        let groups = try XCTUnwrap(client.sections.first { $0.spec.id == "facts" }).groups
        XCTAssertEqual(groups.last?.side, nil)
        XCTAssertEqual(groups.last?.label, "Also")
        XCTAssertFalse(MarkdownRenderer.render(client).contains("### Both sides"))
    }
}
