import DebriefCore
import Foundation
import XCTest

/// Saves are surgical: a hand-edited file keeps its comments, blank lines, quoting and
/// indentation, and only the lines of what changed differ.
final class PatchTests: XCTestCase {
    static let fixturePath = packageRoot + "/Tests/Fixtures/handedited.yml"

    var catalog: FormatCatalog!
    var format: Format!
    var original: [UInt8] = []
    var old: Record!

    override func setUpWithError() throws {
        catalog = try builtInCatalog()
        format = try XCTUnwrap(catalog.format("client-recovery"))
        original = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: Self.fixturePath)))
        old = try RecordReader.parse(bytes: original, file: "handedited.yml", formats: catalog)
    }

    // MARK: helpers

    func lines(_ bytes: [UInt8]) -> [String] {
        var l = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
        if l.last == "" { l.removeLast() }
        return l
    }

    /// Applies `change` to `record` (read from `bytes`), splices, and checks that the splice happened and reads back as intended.
    func splice(_ bytes: [UInt8]? = nil, _ record: Record? = nil, file: StaticString = #filePath, line: UInt = #line,
                _ change: (inout Record) throws -> Void) throws -> (bytes: [UInt8], record: Record) {
        let before = bytes ?? original
        let was = try record ?? RecordReader.parse(bytes: before, file: "handedited.yml", formats: catalog)
        var new = was
        try change(&new)
        XCTAssertNotEqual(new, was, "the change changes nothing", file: file, line: line)
        let spliced = try XCTUnwrap(RecordPatch.splice(original: before, old: was, new: new, formats: catalog),
                                    "the save was not surgical", file: file, line: line)
        let back = try RecordReader.parse(bytes: spliced.bytes, file: "spliced.yml", formats: catalog)
        XCTAssertEqual(back, new, "the spliced file does not read back as intended", file: file, line: line)
        XCTAssertEqual(spliced.record, new, file: file, line: line)
        return (spliced.bytes, new)
    }

    /// Every line of `before` is still in `after`, in order, except the `removed` ones (1-based
    /// numbers with their text, as a check), and the lines `after` has beyond those are `added`.
    func assertOnly(_ before: [UInt8], _ after: [UInt8], removed: [(Int, String)] = [], added: [String],
                    file: StaticString = #filePath, line: UInt = #line) {
        let old = lines(before), new = lines(after)
        for (n, text) in removed {
            XCTAssertEqual(old.indices.contains(n - 1) ? old[n - 1] : nil, text, "line \(n) of the original", file: file, line: line)
        }
        let gone = Set(removed.map { $0.0 - 1 })
        let kept = old.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
        var extra: [String] = []
        var k = 0
        for l in new {
            if k < kept.count, kept[k] == l { k += 1 } else { extra.append(l) }
        }
        XCTAssertEqual(k, kept.count, "original lines are missing or out of order from: \(kept.dropFirst(k).first ?? "")\n\(String(decoding: after, as: UTF8.self))",
                       file: file, line: line)
        XCTAssertEqual(extra, added, "\(String(decoding: after, as: UTF8.self))", file: file, line: line)
    }

    /// The lines of `bytes` from the one equal to `first`, `count` of them.
    func slice(_ bytes: [UInt8], from first: String, count: Int) -> [String] {
        let l = lines(bytes)
        guard let i = l.firstIndex(of: first) else { return [] }
        return Array(l[i..<min(i + count, l.count)])
    }

    // MARK: (a) appending to an existing section

    func testAppendingToASectionAddsOnlyItsLines() throws {
        let (out, _) = try splice { r in
            r.append(Item(text: "The speaker had no time to rehearse.", side: .client), to: "facts", format: format)
        }
        assertOnly(original, out, added: ["      - text: The speaker had no time to rehearse.", "        side: client"])
        // Right after the last item, as indented as its siblings (this section is indented by four).
        XCTAssertEqual(slice(out, from: "        side: us", count: 4), [
            "        side: us",
            "      - text: The speaker had no time to rehearse.",
            "        side: client",
            "",
        ])

        // A section indented by two, with a comment after its last item; tags, a date, quoting by the writer's rules.
        let (out2, _) = try splice(out, nil) { r in
            r.append(Item(text: "yes", side: .us, tags: ["agreements", "calls"], counterfactual: "A call: sooner."), to: "mistakes", format: format)
        }
        assertOnly(out, out2, added: ["    - text: 'yes'", "      side: us", "      counterfactual: 'A call: sooner.'", "      tags: [agreements, calls]"])
        XCTAssertEqual(slice(out2, from: "    - text: We wrote instead of talking.", count: 7), [
            "    - text: We wrote instead of talking.",
            "      side: us",
            "    - text: 'yes'",
            "      side: us",
            "      counterfactual: 'A call: sooner.'",
            "      tags: [agreements, calls]",
            "    # ...and nothing else on our side.",
        ])
    }

    func testAppendingMultiLineTextKeepsTheBlockIndentedUnderItsItem() throws {
        let (out, _) = try splice { r in
            r.append(Item(text: "First line\nsecond line", owner: "Anna Berg", due: Day("2027-01-05"), done: false), to: "actions", format: format)
        }
        assertOnly(original, out, added: [
            "    - text: |-", "        First line", "        second line",
            "      owner: Anna Berg", "      due: 2027-01-05", "      done: false",
        ])
    }

    // MARK: (b) appending to a section that is not there yet

    func testAppendingToANewSectionInsertsItInTheFormatsOrder() throws {
        let (out, _) = try splice { r in
            r.append(Item(text: "We kept to a very tight schedule."), to: "positives", format: format)
        }
        assertOnly(original, out, added: ["  positives:", "    - text: We kept to a very tight schedule."])
        // After mistakes (and the comment that closes it), before lessons.
        XCTAssertEqual(slice(out, from: "    # ...and nothing else on our side.", count: 5), [
            "    # ...and nothing else on our side.",
            "  positives:",
            "    - text: We kept to a very tight schedule.",
            "",
            "  lessons:",
        ])

        // The first section of the format goes first, after `sections:`; a narrative one as a literal block.
        let (out2, _) = try splice(out, nil) { r in
            r.setNarrative("Who we met.\nAnd where.\n", for: "summary", format: format)
            r.append(Item(text: "The bank asks for a rework.", at: Moment("2026-10-01 11:00")), to: "timeline", format: format)
        }
        assertOnly(out, out2, added: ["  summary: |", "    Who we met.", "    And where.",
                                      "  timeline:", "    - text: The bank asks for a rework.", "      at: 2026-10-01 11:00"])
        XCTAssertEqual(slice(out2, from: "    We listened first, then repeated the main points back.", count: 7), [
            "    We listened first, then repeated the main points back.",
            "  summary: |",
            "    Who we met.",
            "    And where.",
            "  timeline:",
            "    - text: The bank asks for a rework.",
            "      at: 2026-10-01 11:00",
        ])
    }

    // MARK: (c) done, (d) choose

    func testMarkingAnActionDoneChangesOnlyThatValue() throws {
        let (out, _) = try splice { r in _ = try r.markDone(action: 2, done: true, format: format) }
        assertOnly(original, out, removed: [(68, "      done: false   # not yet")], added: ["      done: true   # not yet"])
        let (back, _) = try splice(out, nil) { r in _ = try r.markDone(action: 2, done: false, format: format) }
        XCTAssertEqual(back, original, "undoing gives the file back byte for byte")
    }

    func testChoosingARemedyChangesOnlyTheChosenLines() throws {
        let (out, _) = try splice { r in _ = try r.choose(remedy: 1, format: format) }
        assertOnly(original, out, removed: [(55, "      chosen: false"), (58, "      chosen: true")],
                   added: ["      chosen: true", "      chosen: false"])
        // An option without `chosen:` gets the line, after its text; the others change value.
        let (out2, _) = try splice(out, nil) { r in _ = try r.choose(remedy: 2, format: format) }
        XCTAssertEqual(slice(out2, from: "  remedies:", count: 8), [
            "  remedies:",
            "    - text: Rework the three weakest slides for free.   # cheapest for us",
            "      chosen: false",
            "    - text: \"A 30% discount on the next project.\"",
            "      chosen: true",
            "    - text: Rework the year-end deck at no charge.",
            "      chosen: false",
            "",
        ])
    }

    // MARK: (e) header fields

    func testChangingStatusAndProgressTouchesOnlyTheirLines() throws {
        let (out, _) = try splice { r in
            r.status = .final
            r.progress = "facts.us"
        }
        assertOnly(original, out, removed: [(8, "status: draft            # draft | final")],
                   added: ["status: final            # draft | final", "progress: facts.us"])
        XCTAssertEqual(slice(out, from: "status: final            # draft | final", count: 2),
                       ["status: final            # draft | final", "progress: facts.us"])

        // A value that changes is replaced; one that becomes nil loses its line; quoting follows the writer.
        let (out2, _) = try splice(out, nil) { r in r.progress = "mistakes.client" }
        assertOnly(out, out2, removed: [(9, "progress: facts.us")], added: ["progress: mistakes.client"])
        let (out3, _) = try splice(out2, nil) { r in
            r.progress = nil
            r.client = "no"
            r.project = "Deck rework"
            r.title = "Conference deck"
        }
        assertOnly(out2, out3, removed: [(6, "title: 'Conference deck: the bank'"), (9, "progress: mistakes.client"), (10, "client: \"Big Bank\"")],
                   added: ["title: Conference deck", "client: 'no'", "project: Deck rework"])
        let (out4, _) = try splice(out3, nil) { r in r.client = nil; r.date = nil }
        assertOnly(out3, out4, removed: [(7, "date: 2026-11-22"), (9, "client: 'no'")], added: [])
    }

    // MARK: (f) removing, (g) editing

    func testRemovingAnItemRemovesOnlyItsLines() throws {
        let (out, _) = try splice { r in r.removeItem(in: "mistakes", number: 2, text: "We wrote instead of talking.") }
        assertOnly(original, out, removed: [(44, "    - text: We wrote instead of talking."), (45, "      side: us")], added: [])
        // The first item of a section, with the comment after it: the comment stays.
        let (out2, _) = try splice { r in
            r.removeItem(in: "facts", number: 1, text: "Materials arrived on Monday, not on Friday as promised.")
        }
        assertOnly(original, out2, removed: [
            (32, "      - text: Materials arrived on Monday, not on Friday as promised."),
            (33, "        side: client   # their side"),
            (34, "        tags: [materials, agreements]"),
        ], added: [])
        // The last item of a section removes the section.
        let (out3, _) = try splice { r in r.removeItem(in: "lessons", number: 1, text: "We confirm every agreement in writing.") }
        assertOnly(original, out3, removed: [
            (48, "  lessons:"), (49, "    - text: We confirm every agreement in writing."), (50, "      tags: [agreements]"),
        ], added: [])
    }

    func testEditingAnItemReplacesOnlyWhatChanged() throws {
        let (out, _) = try splice { r in
            r.updateItem(in: "facts", number: 2, text: "The event started at 9:00; the fixed version was ready at 8:30.") {
                $0.text = "The event started at 9:00."
            }
        }
        assertOnly(original, out, removed: [(36, "      - text: \"The event started at 9:00; the fixed version was ready at 8:30.\"")],
                   added: ["      - text: The event started at 9:00."])

        // Several fields of one item: a value replaced (its comment kept), tags changed, a field removed, one added.
        let (out2, _) = try splice { r in
            r.updateItem(in: "facts", number: 1, text: "Materials arrived on Monday, not on Friday as promised.") {
                $0.side = .us
                $0.tags = ["materials"]
                $0.isInternal = true
            }
        }
        assertOnly(original, out2, removed: [(33, "        side: client   # their side"), (34, "        tags: [materials, agreements]")],
                   added: ["        side: us   # their side", "        internal: true", "        tags: [materials]"])

        // A narrative's text.
        let (out3, _) = try splice { r in r.setNarrative("We met them.\n", for: "dialogue", format: format) }
        assertOnly(original, out3, removed: [
            (26, "    We met the marketing director in person a week after the event."),
            (27, ""),
            (28, "    We listened first, then repeated the main points back."),
        ], added: ["    We met them."])
    }

    func testParticipantsAreSplicedToo() throws {
        let (out, _) = try splice { r in
            r.participants.append(Participant(name: "Event coordinator", side: .client))
            r.participants[1].role = "designer"
        }
        assertOnly(original, out, added: ["    role: designer", "  - name: Event coordinator", "    side: client"])
        XCTAssertEqual(slice(out, from: "  - name: Tamás Kovács", count: 8), [
            "  - name: Tamás Kovács", "    side: us", "    role: designer", "",
            "  - name: Marketing director", "    side: client", "  - name: Event coordinator", "    side: client",
        ])
    }

    // MARK: the store, and what falls back

    func testUpdateOnDiskKeepsTheFileAndAddsOnlyLines() throws {
        let dir = try makeTempDir()
        let path = dir + "/handedited.yml"
        try AtomicFile.write(original, to: path)
        let written = try RecordStore.update(path, formats: catalog) { r in
            r.append(Item(text: "Call on the same day.", tags: ["communication"]), to: "lessons", format: format)
        }
        let after = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path)))
        assertOnly(original, after, added: ["    - text: Call on the same day.", "      tags: [communication]"])
        XCTAssertEqual(try RecordReader.load(path: path, formats: catalog), written)
        // What it returns has the positions of the file as written.
        XCTAssertEqual(written.items(in: "lessons").last?.position?.line, 51)
        // A save that changes nothing leaves the file as it is.
        try RecordStore.update(path, formats: catalog) { r in r.title = r.title }
        XCTAssertEqual([UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path))), after)
    }

    func testAFlowStyleFileFallsBackToAFullRewrite() throws {
        let flow = """
        {debrief: 1, format: client-recovery, title: Flow, status: draft,
         sections: {facts: [{text: A fact, side: us}], lessons: [One lesson]}}

        """
        let bytes = Array(flow.utf8)
        let was = try RecordReader.parse(bytes: bytes, file: "flow.yml", formats: catalog)
        var new = was
        new.append(Item(text: "Another fact", side: .client), to: "facts", format: format)
        XCTAssertNil(RecordPatch.splice(original: bytes, old: was, new: new, formats: catalog), "a flow-style list is not spliced")
        let rewritten = try RecordPatch.bytes(original: bytes, old: was, new: new, formats: catalog)
        XCTAssertEqual(rewritten, try RecordWriter.yaml(new))
        XCTAssertEqual(try RecordReader.parse(bytes: rewritten, file: "flow.yml", formats: catalog), new)

        // Through the store.
        let dir = try makeTempDir()
        let path = dir + "/flow.yml"
        try AtomicFile.write(bytes, to: path)
        let written = try RecordStore.update(path, formats: catalog) { r in r.append(Item(text: "Two"), to: "lessons", format: format) }
        XCTAssertEqual(try RecordReader.load(path: path, formats: catalog), written)
        XCTAssertEqual(written.items(in: "lessons").map(\.text), ["One lesson", "Two"])

        // A flow-style list section in a block file: that change falls back, another stays surgical.
        let mixed = Array("debrief: 1\ntitle: Mixed  # keep\nsections:\n  facts: [{text: A fact, side: us}]\n".utf8)
        let m = try RecordReader.parse(bytes: mixed, file: "mixed.yml", formats: catalog)
        var appended = m
        appended.append(Item(text: "B", side: .us), to: "facts", format: format)
        XCTAssertNil(RecordPatch.splice(original: mixed, old: m, new: appended, formats: catalog))
        var retitled = m
        retitled.title = "Mixed up"
        let s = try XCTUnwrap(RecordPatch.splice(original: mixed, old: m, new: retitled, formats: catalog))
        XCTAssertEqual(String(decoding: s.bytes, as: UTF8.self), "debrief: 1\ntitle: Mixed up  # keep\nsections:\n  facts: [{text: A fact, side: us}]\n")
    }

    func testUnusualLayoutsStillSaveCorrectly() throws {
        // CRLF line breaks, a byte order mark, no final line break, empty values, an item whose text is on the line below its dash.
        let text = "\u{FEFF}debrief: 1\r\ntitle: T\r\nclient:\r\nsections:\r\n  lessons:\r\n  -\r\n    text: z\r\n  - text: a # x"
        let bytes = Array(text.utf8)
        let was = try RecordReader.parse(bytes: bytes, file: "odd.yml", formats: catalog)
        var new = was
        new.client = "Bank"
        new.append(Item(text: "b"), to: "lessons", format: format)
        new.append(Item(text: "c", side: .us), to: "facts", format: format)
        let out = try RecordPatch.bytes(original: bytes, old: was, new: new, formats: catalog)
        XCTAssertEqual(try RecordReader.parse(bytes: out, file: "odd.yml", formats: catalog), new)
        let s = try XCTUnwrap(RecordPatch.splice(original: bytes, old: was, new: new, formats: catalog))
        XCTAssertEqual(String(decoding: s.bytes, as: UTF8.self),
                       "\u{FEFF}debrief: 1\r\ntitle: T\r\nclient: Bank\r\nsections:\r\n  facts:\r\n  - text: c\r\n    side: us\r\n"
                       + "  lessons:\r\n  -\r\n    text: z\r\n  - text: a # x\r\n  - text: b\r\n")
        // Changing the item whose dash stands alone is not spliced, and still saved right.
        var edited = was
        edited.updateItem(in: "lessons", number: 1, text: "z") { $0.text = "zz" }
        XCTAssertEqual(try RecordReader.parse(bytes: try RecordPatch.bytes(original: bytes, old: was, new: edited, formats: catalog),
                                              file: "odd.yml", formats: catalog), edited)
    }

    func testOnAFileTheToolWroteASpliceEqualsAFullRewrite() throws {
        let example = try loadCoreExample()
        let bytes = try RecordWriter.yaml(example)
        let changes: [(String, (inout Record) throws -> Void)] = [
            ("append", { r in r.append(Item(text: "New lesson", tags: ["x"]), to: "lessons", format: self.format) }),
            ("done", { r in _ = try r.markDone(action: 2, done: true, format: self.format) }),
            ("choose", { r in _ = try r.choose(remedy: 1, format: self.format) }),
            ("status", { r in r.status = .draft; r.progress = "review" }),
            ("remove", { r in r.removeItem(in: "facts", number: 3, text: r.items(in: "facts")[2].text) }),
            ("edit", { r in r.updateItem(in: "mistakes", number: 1, text: r.items(in: "mistakes")[0].text) { $0.text = "Short\nand long" } }),
            ("participant", { r in r.participants.remove(at: 1); r.participants.append(Participant(name: "X", side: .us, role: "r")) }),
            ("narrative", { r in r.setNarrative("One line.", for: "dialogue", format: self.format) }),
        ]
        for (name, change) in changes {
            var new = example
            try change(&new)
            let s = try XCTUnwrap(RecordPatch.splice(original: bytes, old: example, new: new, formats: catalog), name)
            XCTAssertEqual(String(decoding: s.bytes, as: UTF8.self), String(decoding: try RecordWriter.yaml(new), as: UTF8.self), name)
        }
        // A section the file does not have yet, between two it has.
        var without = example
        without.sections.removeAll { $0.id == "positives" }
        let withoutBytes = try RecordWriter.yaml(without)
        let s0 = try XCTUnwrap(RecordPatch.splice(original: withoutBytes, old: without, new: example, formats: catalog))
        XCTAssertEqual(s0.bytes, bytes)
        let s1 = try XCTUnwrap(RecordPatch.splice(original: bytes, old: example, new: without, formats: catalog))
        XCTAssertEqual(s1.bytes, withoutBytes)

        var bare = Record(format: "client-recovery", title: "New")
        let start = try RecordWriter.yaml(bare)
        let was = bare
        bare.append(Item(text: "First"), to: "facts", format: format)
        bare.participants = [Participant(name: "A", side: .us)]
        let s = try XCTUnwrap(RecordPatch.splice(original: start, old: was, new: bare, formats: catalog))
        XCTAssertEqual(String(decoding: s.bytes, as: UTF8.self), String(decoding: try RecordWriter.yaml(bare), as: UTF8.self))
    }
}
