import DebriefCore
import Foundation
import XCTest

final class RecordWriterTests: XCTestCase {
    func written(_ r: Record) throws -> String {
        String(decoding: try RecordWriter.yaml(r), as: UTF8.self)
    }

    func reread(_ bytes: [UInt8]) throws -> Record {
        try RecordReader.parse(bytes: bytes, file: "written.yml", formats: builtInCatalog())
    }

    func testExampleRoundTrips() throws {
        let original = try loadCoreExample()
        let back = try reread(try RecordWriter.yaml(original))
        XCTAssertEqual(back, original)
        // Equality covers every field; spot-check a few so a too-lenient == would show.
        XCTAssertEqual(back.items(in: "actions").map(\.due), original.items(in: "actions").map(\.due))
        XCTAssertEqual(back.items(in: "timeline").map(\.at), original.items(in: "timeline").map(\.at))
        XCTAssertEqual(back.items(in: "facts").map(\.isInternal), original.items(in: "facts").map(\.isInternal))
        XCTAssertEqual(back.sections.map(\.id), original.sections.map(\.id))
    }

    func testWritingIsStable() throws {
        let original = try loadCoreExample()
        let first = try RecordWriter.yaml(original)
        let second = try RecordWriter.yaml(original)
        XCTAssertEqual(first, second, "the same record gives the same bytes")
        let third = try RecordWriter.yaml(try reread(first))
        XCTAssertEqual(first, third, "writing what was read back gives the same bytes")
        XCTAssertEqual(first.last, UInt8(ascii: "\n"))
        XCTAssertFalse(String(decoding: first, as: UTF8.self).hasPrefix("---"), "no document marker")
        XCTAssertFalse(String(decoding: first, as: UTF8.self).contains("..."+"\n"), "no document end marker")
    }

    func testMultiLineTextIsALiteralBlock() throws {
        let original = try loadCoreExample()
        let text = try written(original)
        XCTAssertTrue(text.contains("\n  dialogue: |\n    After the marketing director let us know"), text)
        XCTAssertTrue(text.contains("\n  outcome: |"), text)
        var r = Record(format: "client-recovery", title: "T")
        r.sections = [RecordSection(id: "lessons", content: .items([
            Item(text: "First line\nsecond line"),
            Item(text: "Ends with a break\n"),
        ]))]
        let out = try written(r)
        XCTAssertTrue(out.contains("- text: |-\n      First line\n      second line\n"), out)
        XCTAssertTrue(out.contains("- text: |\n      Ends with a break\n"), out)
        XCTAssertEqual(try reread(Array(out.utf8)), r)
    }

    /// Strings that a YAML 1.1 reader (such as Python's yaml.safe_load) or a YAML 1.2
    /// reader would take for something else, or that are not valid as plain scalars.
    static let ambiguous = [
        "yes", "no", "Yes", "NO", "on", "Off", "y", "n", "true", "False", "null", "Null", "~", "",
        "1.0", "42", "-1", "+1", "0x1F", "0o17", "1e3", "1_000", ".inf", "-.Inf", ".NaN", "12:30",
        "2026-11-22", "2026-11-22 10:00:00", "2026-11-22T10:00:00", "2026-11-22t10:00:00Z",
        ": colon", "# hash", "- dash", "  leading spaces", "trailing space ", "@at", "`tick", "&anchor", "*alias",
        "!tag", "%percent", "|bar", ">greater", "[bracket", "{brace", "'single", "\"double", "=", "<<",
        "key: value", "a #comment",
    ]

    func testAmbiguousStringsAreQuotedAndRoundTrip() throws {
        for s in Self.ambiguous {
            var r = Record(format: "client-recovery", title: s.isEmpty ? "T" : s, client: s, project: "p")
            r.participants = [Participant(name: s.isEmpty ? "N" : s, side: .us, role: s)]
            r.sections = [RecordSection(id: "lessons", content: .items([Item(text: s.isEmpty ? "x" : s, tags: s.isEmpty ? [] : [s])]))]
            let out = try written(r)
            let clientLine = out.split(separator: "\n").first { $0.hasPrefix("client:") }.map(String.init) ?? ""
            let value = clientLine.dropFirst("client:".count).drop { $0 == " " }
            XCTAssertTrue(value.hasPrefix("'") || value.hasPrefix("\""),
                          "\(s.debugDescription) is written unquoted: \(clientLine)")
            let back = try reread(Array(out.utf8))
            // Tags come back normalised ("#hash" and " hash " are the tag "hash"); everything else exactly.
            var expected = r
            expected.sections[0].content = .items([Item(text: s.isEmpty ? "x" : s, tags: [s].compactMap(Tags.normalised))])
            XCTAssertEqual(back, expected, "\(s.debugDescription) does not round-trip:\n\(out)")
        }
    }

    func testOrdinaryStringsStayPlain() throws {
        let r = Record(format: "client-recovery", title: "Conference deck for the bank", client: "Big Bank",
                       project: "Version 2 of the deck")
        let out = try written(r)
        XCTAssertTrue(out.contains("\ntitle: Conference deck for the bank\n"), out)
        XCTAssertTrue(out.contains("\nclient: Big Bank\n"), out)
        XCTAssertTrue(out.contains("\nproject: Version 2 of the deck\n"), out)
    }

    func testTypedValuesArePlain() throws {
        var r = Record(format: "client-recovery", title: "T", date: Day("2026-11-22"), status: .final)
        r.sections = [
            RecordSection(id: "timeline", content: .items([Item(text: "A", at: Moment("2026-10-01 09:00"))])),
            RecordSection(id: "actions", content: .items([Item(text: "B", isInternal: true, due: Day("2026-12-01"), done: false)])),
        ]
        let out = try written(r)
        XCTAssertTrue(out.hasPrefix("debrief: 1\n"), out)
        XCTAssertTrue(out.contains("\ndate: 2026-11-22\n"), out)
        XCTAssertTrue(out.contains("\nstatus: final\n"), out)
        XCTAssertTrue(out.contains("\n    at: 2026-10-01 09:00\n"), out)
        XCTAssertTrue(out.contains("\n    due: 2026-12-01\n"), out)
        XCTAssertTrue(out.contains("\n    done: false\n"), out)
        XCTAssertTrue(out.contains("\n    internal: true\n"), out)
        XCTAssertEqual(try reread(Array(out.utf8)), r)
    }

    func testKeyOrderIsStable() throws {
        var r = Record(format: "client-recovery", title: "T", date: Day("2026-11-22"), status: .draft,
                       client: "C", project: "P", locale: "en")
        r.participants = [Participant(name: "Anna", side: .us, role: "lead")]
        r.sections = [
            RecordSection(id: "dialogue", content: .narrative("We met.")),
            RecordSection(id: "actions", content: .items([
                Item(text: "Call", side: .us, isInternal: true, tags: ["t"], owner: "Anna", due: Day("2026-12-01"), done: false),
            ])),
        ]
        let out = try written(r)
        let lines = out.split(separator: "\n").map(String.init)
        let topKeys = lines.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") }.compactMap { $0.split(separator: ":").first.map(String.init) }
        XCTAssertEqual(topKeys, ["debrief", "format", "title", "date", "status", "client", "project", "locale", "participants", "sections"])
        let participantKeys = lines.drop { !$0.hasPrefix("participants:") }.dropFirst().prefix(3)
            .map { $0.trimmed.replacingOccurrences(of: "- ", with: "").split(separator: ":").first.map(String.init) ?? "" }
        XCTAssertEqual(participantKeys, ["name", "side", "role"])
        let itemKeys = lines.drop { !$0.hasPrefix("  actions:") }.dropFirst()
            .map { $0.trimmed.replacingOccurrences(of: "- ", with: "").split(separator: ":").first.map(String.init) ?? "" }
        XCTAssertEqual(itemKeys, ["text", "side", "internal", "owner", "due", "done", "tags"])
        XCTAssertTrue(out.contains("\n    tags: [t]\n"), "tags are a flow list: \(out)")
    }

    func testMinimalRecord() throws {
        let r = Record(format: "sprint", title: "Sprint 12")
        let out = try written(r)
        XCTAssertFalse(out.contains("participants"), out)
        XCTAssertFalse(out.contains("date:"), out)
        XCTAssertEqual(try reread(Array(out.utf8)), r)
    }
}
