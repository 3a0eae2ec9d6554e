import DebriefCore
import DebriefGuide
import DebriefTestSupport
import Foundation
import XCTest

/// A scripted terminal that runs a hook just before a given answer is read (someone else changing
/// the file while the guide runs).
final class HookedTerminal: Terminal {
    let inner: ScriptedTerminal
    var hooks: [Int: () throws -> Void]
    var reads = 0
    init(_ answers: [String], interactive: Bool = false, hooks: [Int: () throws -> Void]) {
        inner = ScriptedTerminal(answers, interactive: interactive)
        self.hooks = hooks
    }
    var isInteractive: Bool { inner.isInteractive }
    var width: Int { inner.width }
    var usesColor: Bool { false }
    var output: String { inner.output }
    func readLine(prompt: String, prefill: String?) -> InputLine {
        try? hooks.removeValue(forKey: reads)?()
        reads += 1
        return inner.readLine(prompt: prompt, prefill: prefill)
    }
    func readKey(prompt: String) -> InputKey { inner.readKey(prompt: prompt) }
    func write(_ text: String) { inner.write(text) }
}

/// The guide's fixes: quick entry when rephrasing, commands at every prompt, the one-key choice,
/// :choose, the review, :undo of this session's items only, timeline dates, owners, confirming final, words.
final class GuideFixesTests: XCTestCase {
    var dir = ""
    var path = ""
    var catalog: FormatCatalog!
    let today = Day("2026-11-22")!
    var format: Format { catalog.format("client-recovery")! }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("guide-fixes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = dir + "/draft.yml"
        catalog = try FormatCatalog(builtInDirectory: packageRoot + "/templates/formats")
        var r = Record(format: "client-recovery", title: "Deck for the bank", date: today)
        r.client = "Big Bank"
        r.participants = [Participant(name: "Anna Berg", side: .us), Participant(name: "Marketing director", side: .client)]
        r.progress = "client"
        try RecordStore.create(r, at: path)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func at(_ progress: String, _ change: (inout Record) -> Void = { _ in }) throws {
        var r = try saved()
        r.progress = progress
        change(&r)
        try AtomicFile.write(RecordWriter.yaml(r), to: path)
    }

    func guide(_ answers: [String], interactive: Bool = false, width: Int = 80) throws -> (Guide, ScriptedTerminal) {
        let t = ScriptedTerminal(answers, interactive: interactive, width: width)
        return (try Guide(terminal: t, formats: catalog, path: path, display: "draft.yml", today: today), t)
    }

    func saved() throws -> Record { try RecordReader.load(path: path, formats: catalog) }

    /// A coach that flags items containing `word`.
    func flag(_ word: String, check: String = "own-the-mistake", canMove: Bool = false) -> (Item, SectionSpec, Record) -> [CoachNote] {
        { item, _, _ in
            item.text.contains(word) ? [CoachNote(check: check, message: "A facilitator would ask about this.", suggestion: "Say it another way.", canMoveToEmotions: canMove)] : []
        }
    }

    // MARK: 1. rephrasing goes through quick entry

    func testRephrasedMistakeTakesInternalAndTags() throws {
        try at("mistakes.us")
        let (g, _) = try guide(["Mistakes were made.", "r", "We did not confirm in writing. #internal #agreements",
                                "The deadline would have been binding.", "", ":stop"], interactive: true)
        g.coach = flag("were made")
        XCTAssertEqual(try g.run(), .stopped)
        let m = try saved().items(in: "mistakes")
        XCTAssertEqual(m.count, 1)
        XCTAssertEqual(m[0].text, "We did not confirm in writing.")
        XCTAssertTrue(m[0].isInternal, "#internal in the rephrased text keeps it from the client")
        XCTAssertEqual(m[0].tags, ["agreements"])
        XCTAssertEqual(m[0].side, .us)
        XCTAssertEqual(m[0].counterfactual, "The deadline would have been binding.")
    }

    func testRephrasedActionTakesOwnerAndDue() throws {
        try at("actions")
        let (g, _) = try guide(["-", "Fix it", "r", "Fix the template @Anna due:+1w #internal", "", ":stop"], interactive: true)
        g.coach = { item, spec, _ in
            spec.kind == .actions && item.text == "Fix it" ? [CoachNote(check: "action-owned", message: "No owner.", suggestion: "Add @Name.")] : []
        }
        XCTAssertEqual(try g.run(), .stopped)
        let a = try saved().items(in: "actions")
        XCTAssertEqual(a.map(\.text), ["Fix the template"])
        XCTAssertEqual(a[0].owner, "Anna Berg")
        XCTAssertEqual(a[0].due, Day("2026-11-29"))
        XCTAssertTrue(a[0].isInternal)
    }

    // MARK: 2. commands at every prompt, never saved

    func testCommandsAtTheCounterfactualAreNeverSaved() throws {
        try at("mistakes.us")
        let (g, t) = try guide([
            "We did not confirm in writing.", "?", ":foo", ":list", ":back",   // help, unknown, list, then leave it
            "We wrote instead of calling.", ":skip",
            "We sent it late.", ":undo",                                         // takes the mistake back
            "We did not call.", ":stop",
        ])
        XCTAssertEqual(try g.run(), .stopped)
        let s = try saved()
        XCTAssertEqual(s.items(in: "mistakes").map(\.text), ["We did not confirm in writing.", "We wrote instead of calling.", "We did not call."])
        XCTAssertEqual(s.items(in: "mistakes").map(\.counterfactual), [nil, nil, nil])
        XCTAssertEqual(s.progress, "sections.mistakes.us")
        XCTAssertTrue(t.output.contains("unknown command: :foo (type ? for the commands)"))
        XCTAssertTrue(t.output.contains(":back  go back a step"), "? shows the help")
        XCTAssertTrue(t.output.contains("At this question:"), "the help says what commands do at a question")
        XCTAssertTrue(t.output.contains("1. We did not confirm in writing."), ":list shows the step's items")
        XCTAssertTrue(t.output.contains("removed: We sent it late."))
        XCTAssertEqual(t.prompts.filter { $0.contains("what would have been different") }.count, 7, "asked again after ?, :foo and :list")
    }

    func testUnknownCommandsAndAnEscapedColon() throws {
        try at("facts.us")
        let (g, t) = try guide([":frobnicate", "\\:-) The client sent a smiley.", ":back now", "?", "", ":stop"])
        XCTAssertEqual(try g.run(), .stopped)
        XCTAssertEqual(try saved().items(in: "facts").map(\.text), [":-) The client sent a smiley."])
        XCTAssertTrue(t.output.contains("unknown command: :frobnicate (type ? for the commands)"))
        XCTAssertTrue(t.output.contains("unknown command: :back now (type ? for the commands)"))
    }

    func testCommandsAtTheDueDateQuestion() throws {
        try at("actions")
        let (g, t) = try guide(["-",
                                "Fix the template @Anna due:someday", "?", ":skip",   // saved without a due date
                                "Call the bank @Anna due:nope", ":undo",              // not added
                                "Mail the deck @Anna due:never", ":stop"])           // saved without a due date, then stop
        XCTAssertEqual(try g.run(), .stopped)
        let a = try saved().items(in: "actions")
        XCTAssertEqual(a.map(\.text), ["Fix the template", "Mail the deck"])
        XCTAssertEqual(a.map(\.due), [nil, nil])
        XCTAssertTrue(t.output.contains("not added: Call the bank"))
        XCTAssertFalse(a.contains { $0.text.contains(":") })
    }

    func testCommandsAtTheFinalQuestion() throws {
        try at("review")
        let (g, t) = try guide(["?", ":foo", ":list", ":undo", "n"])
        XCTAssertEqual(try g.run(), .finished)
        let s = try saved()
        XCTAssertEqual(s.status, .draft)
        XCTAssertEqual(s.progress, "review")
        XCTAssertTrue(t.output.contains("unknown command: :foo"))
        XCTAssertEqual(t.output.components(separatedBy: "Review\n").count, 3, ":list shows the review again")
        XCTAssertEqual(t.prompts.filter { $0.contains("Is this debrief final?") }.count, 5)
    }

    // MARK: 3. one key for keep / rephrase / move; nothing asked with piped input

    func testChoiceTakesOneKeyAndAsksAgainOnAnythingElse() throws {
        try at("facts.us")
        let (g, t) = try guide(["The client was furious!", "x", "", "?", ":list", ":foo",
                                "kMaterials came on Monday.",     // k, then the next item typed straight away
                                "", ":stop"], interactive: true)
        g.coach = flag("furious", check: "fact-not-feeling", canMove: true)
        XCTAssertEqual(try g.run(), .stopped)
        XCTAssertEqual(try saved().items(in: "facts").map(\.text), ["The client was furious!", "Materials came on Monday."])
        XCTAssertEqual(t.prompts.filter { $0.contains("[k]eep, [r]ephrase, [m]ove to emotions?") }.count, 6)
        XCTAssertTrue(t.output.contains("Press k, r or m (one key, no Enter)"))
        XCTAssertTrue(t.output.contains("unknown command: :foo"))
        XCTAssertTrue(t.output.contains("1. The client was furious!"))
    }

    func testChoiceCommandsUndoAndStop() throws {
        try at("facts.us")
        let (g, t) = try guide(["The client was furious!", ":undo", "They were furious again!", ":stop"], interactive: true)
        g.coach = flag("furious", check: "fact-not-feeling", canMove: true)
        XCTAssertEqual(try g.run(), .stopped)
        XCTAssertEqual(try saved().items(in: "facts").map(\.text), ["They were furious again!"], ":stop keeps the item as typed")
        XCTAssertTrue(t.output.contains("removed: The client was furious!"))
    }

    func testPipedInputShowsCoachingButAsksNothing() throws {
        try at("facts.us")
        let (g, t) = try guide(["The client was furious!", "Materials came on Monday.", "", ":stop"])
        g.coach = flag("furious", check: "fact-not-feeling", canMove: true)
        XCTAssertEqual(try g.run(), .stopped)
        XCTAssertEqual(try saved().items(in: "facts").map(\.text), ["The client was furious!", "Materials came on Monday."])
        XCTAssertTrue(t.output.contains("[fact-not-feeling]"))
        XCTAssertTrue(t.output.contains("kept as typed"))
        XCTAssertFalse(t.prompts.contains { $0.contains("[k]eep") })
    }

    // MARK: 4. :choose N

    func testChooseMarksTheClientsOption() throws {
        try at("remedies")
        let (g, t) = try guide(["Rework three slides for free.", "A discount on the next project.", "?",
                                ":choose 2", ":choose 7", ":choose", ":list", "", ":stop"])
        XCTAssertEqual(try g.run(), .stopped)
        let r = try saved().items(in: "remedies")
        XCTAssertEqual(r.map(\.chosen), [nil, true])
        XCTAssertTrue(t.output.replacingOccurrences(of: "\n  ", with: " ").contains("mark the one the client chose with :choose N"), "the step's hint says how")
        XCTAssertTrue(t.output.contains(":choose N  mark option N as the one the client chose"), "the help at the options step")
        XCTAssertTrue(t.output.contains("the client chose option 2: A discount on the next project."))
        XCTAssertTrue(t.output.contains("no option 7"))
        XCTAssertTrue(t.output.contains("2. A discount on the next project. (the client's choice)"))
    }

    func testChooseElsewhereSaysWhere() throws {
        try at("facts.us")
        let (g, t) = try guide([":choose 1", "?", ":stop"])
        XCTAssertEqual(try g.run(), .stopped)
        XCTAssertNil(try saved().section("facts"))
        XCTAssertTrue(t.output.contains(":choose N works at the step \"Options for the client\""))
        XCTAssertFalse(t.output.contains(":choose N  mark option"), "the help lists :choose only at the options step")
    }

    // MARK: 5. the review counts items without a side

    func testReviewCountsItemsWithoutASide() throws {
        try at("review") { r in
            for (text, side) in [("A.", Side.us), ("B.", .us), ("C.", .client)] { r.append(Item(text: text, side: side), to: "facts", format: format) }
            r.append(Item(text: "D."), to: "facts", format: format)
            r.append(Item(text: "We listened.", side: .us), to: "mistakes", format: format)
            r.setNarrative("Met.\n", for: "dialogue", format: format)
        }
        let (g, t) = try guide(["n"])
        XCTAssertEqual(try g.run(), .finished)
        XCTAssertTrue(t.output.contains("4 items  (our side 2, the client's 1, no side 1)"), t.output)
        XCTAssertTrue(t.output.contains("1 item  (our side 1, the client's 0)"), "no 'no side' when every item has one")
        XCTAssertTrue(t.output.contains("1 word\n"))
    }

    // MARK: 6. :undo takes back only this session's items

    func testUndoNeverTakesBackWhatAColleagueAdded() throws {
        try at("positives") { r in r.append(Item(text: "From before."), to: "positives", format: format) }
        let t = HookedTerminal(["Mine.", ":undo", ":undo", "", ":stop"], hooks: [
            // After "Mine." is saved, a colleague adds an item with `debrief add`.
            1: { try RecordStore.update(self.path, formats: self.catalog) { $0.append(Item(text: "A colleague's."), to: "positives", format: self.format) } },
        ])
        let g = try Guide(terminal: t, formats: catalog, path: path, display: "draft.yml", today: today)
        XCTAssertEqual(try g.run(), .stopped)
        XCTAssertEqual(try saved().items(in: "positives").map(\.text), ["From before.", "A colleague's."])
        XCTAssertTrue(t.output.contains("removed: Mine."))
        XCTAssertTrue(t.output.contains("nothing of yours to undo here"))
    }

    func testUndoFindsItsItemAfterOthersMoved() throws {
        try at("facts.us")
        // Our side's two facts, then the client's one, then back to our side: the undo takes our last one.
        let (g, _) = try guide(["Ours 1.", "Ours 2.", "", "Theirs 1.", ":back", ":undo", ":undo", ":undo", "", "", ":stop"])
        XCTAssertEqual(try g.run(), .stopped)
        XCTAssertEqual(try saved().items(in: "facts").map(\.text), ["Theirs 1."])
    }

    // MARK: 7. impossible timeline dates are asked again

    func testImpossibleTimelineDateIsAskedAgain() throws {
        try at("timeline")
        let (g, t) = try guide(["2026-13-01 09:30 Materials arrive.", "2026-02-30", "2026-12-01",
                                "14/11/2026 The site went down.", "",
                                "", ":stop"])
        XCTAssertEqual(try g.run(), .stopped)
        let tl = try saved().items(in: "timeline")
        XCTAssertEqual(tl.map(\.text), ["Materials arrive.", "The site went down."])
        XCTAssertEqual(tl.map { $0.at?.description }, ["2026-12-01 09:30", nil])
        XCTAssertTrue(t.output.contains("'2026-13-01' is not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM, or leave it out"))
        XCTAssertTrue(t.output.contains("'2026-02-30' is not a date"))
        XCTAssertTrue(t.output.contains("'14/11/2026' is not a date"))
    }

    // MARK: 8. owners

    func testAmbiguousOwnerIsAskedAndAnUnknownOneSaidOnce() throws {
        try at("actions") { r in r.participants.insert(Participant(name: "Anna Kim", side: .us), at: 1) }
        let (g, t) = try guide(["-",
                                "Call the bank @Anna due:+2w", "3", "2",
                                "Book a room @Bob due:+1w", "Print the deck @bob due:+1w",
                                "", ":stop"])
        XCTAssertEqual(try g.run(), .stopped)
        let a = try saved().items(in: "actions")
        XCTAssertEqual(a.map(\.owner), ["Anna Kim", "Bob", "bob"])
        XCTAssertEqual(t.prompts.filter { $0 == "  @Anna could be Anna Berg or Anna Kim: which? (1/2) " }.count, 2)
        XCTAssertEqual(t.output.components(separatedBy: "is not one of the participants").count - 1, 1, "said once")
        XCTAssertTrue(t.output.contains("@Bob is not one of the participants; the owner is kept as typed."))
    }

    // MARK: 9. final with an error is confirmed

    func testFinalWithAnErrorAsksForConfirmation() throws {
        try at("review")
        let error = "error: [action-owned] Follow-up, item 1: this action has no owner"
        let findings = [ReviewFinding("warning: [both-sides] Facts: only our side", isError: false), ReviewFinding(error, isError: true)]
        var (g, t) = try guide(["y", "n"])
        g.reviewFindings = { _ in findings }
        XCTAssertEqual(try g.run(), .finished)
        XCTAssertEqual(try saved().status, .draft)
        XCTAssertTrue(t.output.contains("The checks report an error:\n    " + error), t.output)
        XCTAssertTrue(t.prompts.contains("  Mark it final anyway? [y/N] "))

        try at("review")
        (g, t) = try guide(["y", "y"])
        g.reviewFindings = { _ in findings }
        XCTAssertEqual(try g.run(), .finished)
        XCTAssertEqual(try saved().status, .final)

        try at("review") { $0.status = .draft }
        (g, t) = try guide(["y"])
        g.reviewFindings = { _ in [findings[0]] }
        XCTAssertEqual(try g.run(), .finished)
        XCTAssertEqual(try saved().status, .final, "warnings alone ask nothing more")
        XCTAssertFalse(t.output.contains("Mark it final anyway"))
    }

    // MARK: 10. words

    func testCounterfactualQuestionHasNoDoubleNegative() throws {
        try at("mistakes.us")
        let (g, t) = try guide(["We did not confirm the agreements in writing.", "It would have been binding.", ":list", ":stop"])
        XCTAssertEqual(try g.run(), .stopped)
        XCTAssertFalse(t.output.contains("had it not happened"))
        XCTAssertTrue(t.prompts.contains("    had it gone the other way, what would have been different? › "))
        XCTAssertTrue(t.output.contains("had it gone the other way: It would have been binding."))
    }

    func testPluralsAndTheNextBlock() throws {
        try at("review") { r in
            r.append(Item(text: "Only one."), to: "positives", format: format)
            r.append(Item(text: "One."), to: "lessons", format: format)
            r.append(Item(text: "Two."), to: "lessons", format: format)
        }
        let commands = [
            NextCommand("debrief check debriefs/2026-11-22-conference-deck-for-the-bank.yml", purpose: "what a facilitator would point out"),
            NextCommand("debrief render debriefs/2026-11-22-conference-deck-for-the-bank.yml --to html --audience client -o debriefs/2026-11-22-conference-deck-for-the-bank.client.html", purpose: "for the client"),
        ]
        // Wide: two aligned columns.
        var (g, t) = try guide(["n"], width: 220)
        g.nextCommands = commands
        XCTAssertEqual(try g.run(), .finished)
        XCTAssertTrue(t.output.contains("1 item\n"))
        XCTAssertTrue(t.output.contains("2 items\n"))
        var next = t.output.components(separatedBy: "Next:\n")[1].split(separator: "\n").map(String.init)
        XCTAssertEqual(next.count, 2)
        XCTAssertEqual(Set(next.map { $0.range(of: "  # ")!.lowerBound.utf16Offset(in: $0) }).count, 1, "comments aligned: \(next)")
        XCTAssertTrue(next.allSatisfy { $0.count <= 220 })

        // Narrow: the purpose above each command, every line within the width.
        try at("review")
        (g, t) = try guide(["n"], width: 70)
        g.nextCommands = commands
        XCTAssertEqual(try g.run(), .finished)
        next = t.output.components(separatedBy: "Next:\n")[1].split(separator: "\n").map(String.init)
        XCTAssertEqual(next.first, "  # what a facilitator would point out")
        XCTAssertTrue(next.allSatisfy { $0.count <= 70 }, "\(next)")
        XCTAssertTrue(next.contains("  # for the client"))
        // The long command is continued with a backslash and reads back as the same words.
        let start = next.firstIndex(of: "  # for the client")! + 1
        let joined = next[start...].map { $0.hasSuffix(" \\") ? String($0.dropLast(2)) : $0 }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
        XCTAssertEqual(joined, commands[1].command)
    }
}
