import DebriefCore
import DebriefGuide
import Foundation
@_exported import DebriefTestSupport
import XCTest


final class GuideTests: XCTestCase {
    var dir = ""
    var path = ""
    var catalog: FormatCatalog!
    let today = Day("2026-11-22")!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("guide-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = dir + "/draft.yml"
        catalog = try FormatCatalog(builtInDirectory: packageRoot + "/templates/formats")
        var r = Record(format: "client-recovery", title: "Deck for the bank", date: today)
        r.progress = "client"
        try RecordStore.create(r, at: path)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func guide(_ answers: [String], interactive: Bool = false, width: Int = 80) throws -> (Guide, ScriptedTerminal) {
        let t = ScriptedTerminal(answers, interactive: interactive, width: width)
        return (try Guide(terminal: t, formats: catalog, path: path, display: "draft.yml", today: today), t)
    }

    func saved() throws -> Record { try RecordReader.load(path: path, formats: catalog) }

    func testHeaderParticipantsAndSectionsAreSavedAsTyped() throws {
        let (g, t) = try guide([
            "Big Bank", "Deck rework", "",                                  // client, project, date (today)
            "Anna Berg, account lead", "Tamás Kovács", "",                    // our team
            "Marketing director", "",                                         // client side
            "We met in person.", "We listened first.", "",                    // dialogue
            ":skip",                                                           // summary
            "2026-10-01 11:00 The bank asks for a rework.", "2026-10-05: Materials arrive.", "",  // timeline
            "The request came on Thursday.", "",                              // facts, our side
            "Materials arrived on Monday, not Friday.", "",                   // facts, client side
            ":stop",
        ])
        XCTAssertEqual(try g.run(), .stopped)
        let r = try saved()
        XCTAssertEqual(r.client, "Big Bank")
        XCTAssertEqual(r.project, "Deck rework")
        XCTAssertEqual(r.date, today)
        XCTAssertEqual(r.participants, [Participant(name: "Anna Berg", side: .us, role: "account lead"),
                                        Participant(name: "Tamás Kovács", side: .us),
                                        Participant(name: "Marketing director", side: .client)])
        XCTAssertEqual(r.section("dialogue")?.content, .narrative("We met in person.\nWe listened first.\n"))
        XCTAssertNil(r.section("summary"))
        let timeline = r.items(in: "timeline")
        XCTAssertEqual(timeline.map(\.text), ["The bank asks for a rework.", "Materials arrive."])
        XCTAssertEqual(timeline.map { $0.at?.description }, ["2026-10-01 11:00", "2026-10-05"])
        XCTAssertEqual(r.items(in: "facts").map(\.side), [.us, .client])
        XCTAssertEqual(r.progress, "sections.emotions.us", "stopped at the emotions step")
        XCTAssertTrue(t.output.contains("Facts — the client's side"))
    }

    func testMistakesAskForTheCounterfactual() throws {
        var r = try saved(); r.progress = "mistakes.us"
        try AtomicFile.write(RecordWriter.yaml(r), to: path)
        let (g, t) = try guide(["We did not confirm the agreements in writing.", "The Friday deadline would have been binding.",
                                "We wrote instead of calling.", "", ":stop"])
        XCTAssertEqual(try g.run(), .stopped)
        let m = try saved().items(in: "mistakes")
        XCTAssertEqual(m.count, 2)
        XCTAssertEqual(m[0].counterfactual, "The Friday deadline would have been binding.")
        XCTAssertEqual(m[0].side, .us)
        XCTAssertNil(m[1].counterfactual, "an empty answer leaves no counterfactual")
        XCTAssertEqual(t.prompts.filter { $0.contains("had it gone the other way, what would have been different?") }.count, 2)
    }

    func testBackUndoListAndHelp() throws {
        var r = try saved(); r.progress = "positives"
        try AtomicFile.write(RecordWriter.yaml(r), to: path)
        let (g, t) = try guide(["We delivered something that was used.", "A typo item", ":undo", ":list", "?",
                                ":back",                       // to mistakes.client
                                "We sent materials late.", "", // a client mistake, no counterfactual
                                "",                            // the end of mistakes.client: back at positives
                                ":stop"])
        XCTAssertEqual(try g.run(), .stopped)
        let saved = try saved()
        XCTAssertEqual(saved.items(in: "positives").map(\.text), ["We delivered something that was used."])
        XCTAssertEqual(saved.items(in: "mistakes").map(\.text), ["We sent materials late."])
        XCTAssertEqual(saved.items(in: "mistakes").first?.side, .client)
        XCTAssertTrue(t.output.contains("removed: A typo item"))
        XCTAssertTrue(t.output.contains("1. We delivered something that was used."), "listing shows the items")
        XCTAssertTrue(t.output.contains(":back  go back a step"), "help lists the commands")
        XCTAssertEqual(saved.progress, "sections.positives")
    }

    func testFollowUpProposalAcceptedAndDueAskedAgain() throws {
        var r = try saved()
        r.progress = "actions"
        r.client = "Big Bank"
        r.participants = [Participant(name: "Anna Berg", side: .us), Participant(name: "Marketing director", side: .client)]
        try AtomicFile.write(RecordWriter.yaml(r), to: path)
        let (g, _) = try guide(["",                                           // accept the follow-up
                                "Fix the template @Anna due:someday #internal", "+2w",  // bad due asked again
                                "", "", "y"])                                 // end actions, outcome, final
        XCTAssertEqual(try g.run(), .finished)
        let s = try saved()
        let actions = s.items(in: "actions")
        XCTAssertEqual(actions.count, 2)
        XCTAssertEqual(actions[0].tags, ["follow-up"])
        XCTAssertEqual(actions[0].due, Day("2026-12-22"))
        XCTAssertEqual(actions[0].owner, "Anna Berg")
        XCTAssertTrue(actions[0].text.contains("Marketing director"))
        XCTAssertEqual(actions[1].text, "Fix the template")
        XCTAssertEqual(actions[1].due, Day("2026-12-06"))
        XCTAssertTrue(actions[1].isInternal)
        XCTAssertEqual(s.status, .final)
        XCTAssertNil(s.progress)
    }

    func testEndOfInputKeepsEverythingTyped() throws {
        let (g, _) = try guide(["Big Bank"])
        XCTAssertEqual(try g.run(), .endOfInput)
        let s = try saved()
        XCTAssertEqual(s.client, "Big Bank")
        XCTAssertEqual(s.progress, "project")
        XCTAssertEqual(s.status, .draft)
    }

    func testItemsAddedByOthersMeanwhileAreKept() throws {
        var r = try saved(); r.progress = "positives"
        try AtomicFile.write(RecordWriter.yaml(r), to: path)
        let t = ScriptedTerminal(["First positive."])
        let g = try Guide(terminal: t, formats: catalog, path: path, display: "draft.yml", today: today)
        XCTAssertEqual(try g.run(), .endOfInput)
        // Someone else adds an item with `debrief add` ...
        try RecordStore.update(path, formats: catalog) { rec in
            rec.append(Item(text: "Added from another terminal."), to: "positives", format: catalog.format("client-recovery")!)
        }
        // ... and the guide goes on: its next answer must not drop it.
        let t2 = ScriptedTerminal(["Second positive."])
        let g2 = try Guide(terminal: t2, formats: catalog, path: path, display: "draft.yml", today: today)
        XCTAssertEqual(try g2.run(), .endOfInput)
        XCTAssertEqual(try saved().items(in: "positives").map(\.text), ["First positive.", "Added from another terminal.", "Second positive."])
    }

    func testCoachingCanMoveAFeelingToEmotions() throws {
        var r = try saved(); r.progress = "facts.us"
        try AtomicFile.write(RecordWriter.yaml(r), to: path)
        let (g, t) = try guide(["The client was furious!", "m", "Materials came on Monday.", "", ":stop"], interactive: true)
        g.coach = { item, spec, _ in
            spec.kind == .facts && item.text.contains("furious")
                ? [CoachNote(check: "fact-not-feeling", message: "This reads as a feeling.", suggestion: "Move it to emotions.", canMoveToEmotions: true)]
                : []
        }
        XCTAssertEqual(try g.run(), .stopped)
        let s = try saved()
        XCTAssertEqual(s.items(in: "facts").map(\.text), ["Materials came on Monday."])
        XCTAssertEqual(s.items(in: "emotions").map(\.text), ["The client was furious!"])
        XCTAssertEqual(s.items(in: "emotions").first?.side, .us)
        XCTAssertTrue(t.output.contains("[fact-not-feeling]"))
    }
}
