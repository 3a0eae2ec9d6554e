import DebriefCore
import Foundation
import XCTest

final class ExampleLoadingTests: XCTestCase {
    let sectionOrder = ["dialogue", "summary", "timeline", "facts", "emotions", "mistakes", "positives",
                        "differently", "lessons", "remedies", "actions", "outcome"]

    func testHeader() throws {
        let r = try loadCoreExample()
        XCTAssertEqual(r.format, "client-recovery")
        XCTAssertEqual(r.title, "Conference deck for the bank")
        XCTAssertEqual(r.date, Day(year: 2026, month: 11, day: 22))
        XCTAssertEqual(r.status, .final)
        XCTAssertEqual(r.client, "Big Bank")
        XCTAssertEqual(r.project, "Deck rework for the autumn conference")
        XCTAssertEqual(r.locale, "en")
    }

    func testParticipants() throws {
        let r = try loadCoreExample()
        XCTAssertEqual(r.participants.count, 5)
        XCTAssertEqual(r.participants.map(\.name),
                       ["Anna Berg", "Tamás Kovács", "Linh Nguyen", "Marketing director", "Event coordinator"])
        XCTAssertEqual(r.participants.map(\.side), [.us, .us, .us, .client, .client])
        XCTAssertEqual(r.participants[1].role, "designer")
        XCTAssertNil(r.participants[3].role)
        XCTAssertEqual(r.teamNames, ["Anna Berg", "Tamás Kovács", "Linh Nguyen"])
        XCTAssertEqual(r.participants[0].position, SourcePosition(line: 10, column: 5))
        XCTAssertEqual(r.participants[1].position, SourcePosition(line: 13, column: 5))
    }

    func testSectionsInFormatOrder() throws {
        let r = try loadCoreExample()
        XCTAssertEqual(r.sections.count, 12)
        XCTAssertEqual(r.sections.map(\.id), sectionOrder)
        let format = try XCTUnwrap(try builtInCatalog().format("client-recovery"))
        XCTAssertEqual(format.sections.map(\.id), sectionOrder + ["notes"], "and the notes only import and hand edits fill")
        XCTAssertEqual(format.sections.filter(\.guided).map(\.id), sectionOrder)
        XCTAssertTrue(format.spec("notes")?.teamOnly == true)
        for s in r.sections {
            let kind = try XCTUnwrap(format.spec(s.id)?.kind)
            switch s.content {
            case .narrative(let t):
                XCTAssertEqual(kind, .narrative, s.id)
                XCTAssertFalse(t.trimmed.isEmpty, s.id)
            case .items(let items):
                XCTAssertNotEqual(kind, .narrative, s.id)
                XCTAssertFalse(items.isEmpty, s.id)
            }
        }
        XCTAssertEqual(r.items(in: "timeline").count, 8)
        XCTAssertEqual(r.items(in: "facts").count, 9)
        XCTAssertEqual(r.items(in: "actions").count, 5)
    }

    func testSectionsAreReorderedToTheFormat() throws {
        let r = try parseRecord("""
        debrief: 1
        title: Out of order
        sections:
          outcome: It ended.
          lessons:
            - One lesson.
          dialogue: We met.
        """)
        XCTAssertEqual(r.format, "client-recovery", "the default format")
        XCTAssertEqual(r.sections.map(\.id), ["dialogue", "lessons", "outcome"])
        XCTAssertEqual(r.section("outcome")?.position, SourcePosition(line: 4, column: 3))
    }

    func testItemFields() throws {
        let r = try loadCoreExample()
        let timeline = r.items(in: "timeline")
        XCTAssertEqual(timeline[0].at, Moment("2026-10-01 11:00"))
        XCTAssertEqual(timeline[2].at, Moment(day: Day(year: 2026, month: 10, day: 2)!))
        XCTAssertEqual(timeline[1].text,
                       "After hesitating most of the afternoon, we accept. Scope, deadlines, format and number of slides (twelve) are agreed by phone; nothing is confirmed in writing.",
                       "a folded block is one line")
        let facts = r.items(in: "facts")
        XCTAssertTrue(facts[0].text.hasPrefix("The request came on a Thursday for an event on the following Tuesday: five days"))
        XCTAssertEqual(facts[0].side, .us)
        XCTAssertTrue(facts[4].isInternal)
        XCTAssertFalse(facts[3].isInternal)
        XCTAssertEqual(facts[4].tags, ["staffing"])
        XCTAssertEqual(facts[5].side, .client)
        let mistakes = r.items(in: "mistakes")
        XCTAssertTrue(mistakes[0].counterfactual?.hasPrefix("Had we decided within the hour") ?? false)
        XCTAssertEqual(mistakes[1].tags, ["agreements"])
        XCTAssertEqual(r.items(in: "lessons")[0].tags, ["urgent-projects", "shared-responsibility"])
        XCTAssertNil(r.items(in: "positives")[0].side)
        let remedies = r.items(in: "remedies")
        XCTAssertEqual(remedies.map(\.chosen), [nil, nil, true])
        let actions = r.items(in: "actions")
        XCTAssertEqual(actions[0].owner, "Linh Nguyen")
        XCTAssertEqual(actions[0].due, Day("2026-11-20"))
        XCTAssertEqual(actions[0].done, true)
        XCTAssertEqual(actions[1].done, false)
        XCTAssertTrue(actions[3].isInternal)
        guard case .narrative(let dialogue) = try XCTUnwrap(r.section("dialogue")).content else {
            return XCTFail("dialogue is not narrative")
        }
        XCTAssertTrue(dialogue.hasPrefix("After the marketing director let us know"))
        XCTAssertTrue(dialogue.contains("14 October, eight days after the event.\n\nWe did not deny"), "a literal block keeps its lines")
        XCTAssertTrue(dialogue.hasSuffix("understood.\n"))
    }

    /// Every item's position is where its text stands in the file: at the text itself for
    /// plain scalars, at the quote for quoted ones, at the `>`/`|` indicator for blocks
    /// (whose text starts on the next line).
    func testItemPositionsPointAtTheText() throws {
        let r = try loadCoreExample()
        let lines = try String(contentsOfFile: coreExamplePath, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var checked = 0
        for s in r.sections {
            for (i, item) in s.content.items.enumerated() {
                let where_ = "\(s.id)[\(i + 1)]"
                let pos = try XCTUnwrap(item.position, where_)
                XCTAssertGreaterThanOrEqual(pos.line, 1, where_)
                XCTAssertLessThanOrEqual(pos.line, lines.count, where_)
                let line = lines[pos.line - 1]
                let scalars = Array(line.unicodeScalars)
                XCTAssertLessThanOrEqual(pos.column, scalars.count, where_)
                let before = String(String.UnicodeScalarView(scalars.prefix(pos.column - 1)))
                XCTAssertTrue(before.hasSuffix("text: "), "\(where_): \(line)")
                let rest = String(String.UnicodeScalarView(scalars.dropFirst(pos.column - 1)))
                let start = String(item.text.prefix(25))
                if rest.hasPrefix(">") || rest.hasPrefix("|") {
                    XCTAssertTrue(lines[pos.line].trimmed.hasPrefix(start), "\(where_): \(lines[pos.line])")
                } else if rest.hasPrefix("\"") || rest.hasPrefix("'") {
                    XCTAssertTrue(rest.dropFirst().hasPrefix(start), "\(where_): \(rest)")
                } else {
                    XCTAssertTrue(rest.hasPrefix(start), "\(where_): \(rest)")
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 8 + 9 + 6 + 7 + 4 + 7 + 7 + 3 + 5)
        XCTAssertEqual(r.items(in: "timeline")[0].position, SourcePosition(line: 48, column: 13))
        XCTAssertEqual(r.items(in: "timeline")[1].position, SourcePosition(line: 50, column: 13))
        XCTAssertEqual(r.items(in: "facts")[0].position, SourcePosition(line: 69, column: 13))
        XCTAssertEqual(r.section("facts")?.position, SourcePosition(line: 68, column: 3))
    }
}

final class TypingTests: XCTestCase {
    func testYesAndNoStayStrings() throws {
        let r = try parseRecord("""
        debrief: 1
        title: yes
        client: no
        project: 1.0
        """)
        XCTAssertEqual(r.title, "yes")
        XCTAssertEqual(r.client, "no")
        XCTAssertEqual(r.project, "1.0")
    }

    func testOtherImplicitTypesStayStrings() throws {
        let r = try parseRecord("""
        debrief: 1
        title: 2026-11-22
        client: on
        project: 0x1F
        sections:
          lessons:
            - text: true
              tags: [no, 12:30, ~x]
        """)
        XCTAssertEqual(r.title, "2026-11-22")
        XCTAssertEqual(r.client, "on")
        XCTAssertEqual(r.project, "0x1F")
        XCTAssertEqual(r.items(in: "lessons").first?.text, "true")
        XCTAssertEqual(r.items(in: "lessons").first?.tags, ["no", "12:30", "~x"])
    }

    func testQuotedDateIsAccepted() throws {
        let r = try parseRecord("debrief: 1\ntitle: Deck\ndate: '2026-11-22'\n")
        XCTAssertEqual(r.date, Day(year: 2026, month: 11, day: 22))
        let r2 = try parseRecord("debrief: 1\ntitle: Deck\ndate: \"2026-11-22\"\n")
        XCTAssertEqual(r2.date, Day(year: 2026, month: 11, day: 22))
    }

    func testNullValues() throws {
        let r = try parseRecord("debrief: 1\ntitle: Deck\ndate:\nclient: ~\nproject: null\nlocale:\nparticipants:\nsections:\n")
        XCTAssertNil(r.date)
        XCTAssertNil(r.client)
        XCTAssertNil(r.project)
        XCTAssertNil(r.locale)
        XCTAssertTrue(r.participants.isEmpty)
        XCTAssertTrue(r.sections.isEmpty)
        XCTAssertEqual(r.status, .draft, "draft is the default")
        // Quoted, 'null' is text.
        XCTAssertEqual(try parseRecord("debrief: 1\ntitle: 'null'\n").title, "null")
    }

    func testBareStringItem() throws {
        let r = try parseRecord("""
        debrief: 1
        title: Deck
        sections:
          lessons:
            - Some text
            - text: Other text
              tags: [x]
        """)
        let items = r.items(in: "lessons")
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0], Item(text: "Some text"))
        XCTAssertEqual(items[0].position, SourcePosition(line: 5, column: 7))
        XCTAssertEqual(items[1], Item(text: "Other text", tags: ["x"]))
    }

    func testCRLFLineEndingsLoad() throws {
        let original = try loadCoreExample()
        let text = try String(contentsOfFile: coreExamplePath, encoding: .utf8)
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertTrue(crlf.contains("\r\n"))
        let dir = try makeTempDir()
        try Data(crlf.utf8).write(to: URL(fileURLWithPath: dir + "/crlf.yml"))
        let r = try RecordReader.load(path: dir + "/crlf.yml", display: "crlf.yml", formats: builtInCatalog())
        XCTAssertEqual(r, original)
        guard case .narrative(let dialogue) = try XCTUnwrap(r.section("dialogue")).content else { return XCTFail() }
        XCTAssertFalse(dialogue.contains("\r"), "line breaks in blocks are normalised")
        XCTAssertEqual(r.items(in: "timeline")[0].position, SourcePosition(line: 48, column: 13))
    }

    func testUTF8BOMLoads() throws {
        let original = try loadCoreExample()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: coreExamplePath)))
        let dir = try makeTempDir()
        try Data([0xEF, 0xBB, 0xBF] + bytes).write(to: URL(fileURLWithPath: dir + "/bom.yml"))
        let r = try RecordReader.load(path: dir + "/bom.yml", display: "bom.yml", formats: builtInCatalog())
        XCTAssertEqual(r, original)
        XCTAssertEqual(r.participants[0].position, SourcePosition(line: 10, column: 5))
    }

    func testNonLatinTextRoundTrips() throws {
        let vietnamese = "Bài học từ dự án: chúng tôi xác nhận mọi thỏa thuận bằng văn bản."
        let arabic = "لم نؤكد الاتفاقات كتابيًا."
        let r = try parseRecord("""
        debrief: 1
        title: Hội nghị của ngân hàng
        client: بنك كبير
        locale: vi
        participants:
          - name: Nguyễn Thị Linh
            side: us
        sections:
          facts:
            - text: \(arabic)
              side: client
          lessons:
            - text: "\(vietnamese)"
              tags: [thỏa-thuận]
        """)
        XCTAssertEqual(r.title, "Hội nghị của ngân hàng")
        XCTAssertEqual(r.client, "بنك كبير")
        XCTAssertEqual(r.participants.first?.name, "Nguyễn Thị Linh")
        XCTAssertEqual(r.items(in: "facts").first?.text, arabic)
        XCTAssertEqual(r.items(in: "lessons").first?.text, vietnamese)
        XCTAssertEqual(r.items(in: "lessons").first?.tags, ["thỏa-thuận"])
        let out = try RecordWriter.yaml(r)
        let text = String(decoding: out, as: UTF8.self)
        XCTAssertTrue(text.contains(arabic), "written as UTF-8, not escaped")
        XCTAssertTrue(text.contains(vietnamese))
        XCTAssertEqual(try RecordReader.parse(bytes: out, file: "out.yml", formats: builtInCatalog()), r)
    }

    func testLocaleTags() throws {
        for good in ["en", "pt-BR", "zh-Hant-TW", "ast", "es-419"] {
            XCTAssertEqual(try parseRecord("debrief: 1\ntitle: T\nlocale: \(good)\n").locale, good)
        }
        for bad in ["e", "english", "pt_BR", "en-", "1a"] {
            XCTAssertThrowsError(try parseRecord("debrief: 1\ntitle: T\nlocale: \(bad)\n"), bad) {
                XCTAssertTrue(($0 as? LoadError)?.message.contains("locale") ?? false, "\($0)")
            }
        }
    }

    func testOtherFormatsLoad() throws {
        let cat = try builtInCatalog()
        XCTAssertEqual(cat.formats.map(\.id), ["client-recovery", "incident", "sprint"])
        XCTAssertEqual(cat.format("client-recovery")?.sections.count, 13)
        let incident = try XCTUnwrap(cat.format("incident"))
        let narrative = try XCTUnwrap(incident.sections.first { $0.kind == .narrative })
        let r = try parseRecord("debrief: 1\nformat: incident\ntitle: Outage\nsections:\n  \(narrative.id): It broke.\n")
        XCTAssertEqual(r.format, "incident")
        XCTAssertEqual(r.section(narrative.id)?.content, .narrative("It broke."))
    }

    func testKindSpecificKeysInTheirSections() throws {
        let r = try parseRecord("""
        debrief: 1
        title: T
        sections:
          timeline:
            - text: Start
              at: 2026-10-01T09:00
          mistakes:
            - text: M
              counterfactual: C
          remedies:
            - text: R
              chosen: false
          actions:
            - text: A
              owner: Anna
              due: 2026-12-01
              done: true
              internal: false
              tags:
        """)
        XCTAssertEqual(r.items(in: "timeline")[0].at, Moment(day: Day(year: 2026, month: 10, day: 1)!, minutes: 540))
        XCTAssertEqual(r.items(in: "mistakes")[0].counterfactual, "C")
        XCTAssertEqual(r.items(in: "remedies")[0].chosen, false)
        XCTAssertEqual(r.items(in: "actions")[0], Item(text: "A", owner: "Anna", due: Day("2026-12-01"), done: true))
    }
}
