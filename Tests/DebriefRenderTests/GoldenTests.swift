import DebriefCore
import DebriefRender
import XCTest

final class GoldenTests: XCTestCase {
    func testExampleTeam() throws {
        let out = try renderAll(report(loadExample(), .team))
        assertGolden(out.md, "bank-deck.team.md")
        assertGolden(out.html, "bank-deck.team.html")
        assertGolden(out.json, "bank-deck.team.json")
    }

    func testExampleClient() throws {
        let out = try renderAll(report(loadExample(), .client))
        assertGolden(out.md, "bank-deck.client.md")
        assertGolden(out.html, "bank-deck.client.html")
        assertGolden(out.json, "bank-deck.client.json")
    }

    func testJSONIsValidAndComplete() throws {
        let record = try loadExample()
        let json = try renderAll(report(record, .team)).json
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(obj["title"] as? String, record.title)
        let sections = try XCTUnwrap(obj["sections"] as? [String: Any])
        XCTAssertEqual(Set(sections.keys), Set(record.sections.map(\.id)))
        let facts = try XCTUnwrap((sections["facts"] as? [String: Any])?["items"] as? [[String: Any]])
        XCTAssertEqual(facts.count, record.items(in: "facts").count)
        XCTAssertEqual(facts.first?["text"] as? String, record.items(in: "facts").first?.text)
    }
}
