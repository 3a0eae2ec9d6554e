import Foundation
import XCTest

/// `choose`, `done`, and what `add` refuses: the everyday moves from the command line.
final class EditCommandsCLITests: XCTestCase {
    var dir = ""
    let draft = """
        debrief: 1
        format: client-recovery
        title: Checkout broke on launch day
        status: draft
        participants:
          - name: Nguyễn Thị Mai
            side: us
          - name: Head of sales
            side: client
        sections:
          remedies:
            - text: Refund the delivery fees.
            - text: A discount on the next order.
              chosen: true
            - text: Free hosting for a month.
          actions:
            - text: Call the head of sales.
              owner: Nguyễn Thị Mai
              due: 2026-12-20
            - text: Add a load test to the release checklist.

        """

    override func setUpWithError() throws {
        dir = try makeTempDir()
        try FileManager.default.createDirectory(atPath: dir + "/debriefs", withIntermediateDirectories: true)
        try "archive: 1\n".write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
        try draft.write(toFile: dir + "/debriefs/shop.yml", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func load() throws -> String { try String(contentsOfFile: dir + "/debriefs/shop.yml", encoding: .utf8) }
    /// The file with each line's indentation reduced to one space (saves keep the file's own indentation).
    func flat() throws -> String { try load().replacingOccurrences(of: "\n +", with: "\n ", options: .regularExpression) }

    func testChooseMarksOneOptionAndNoOther() throws {
        let r = try debrief(["choose", "debriefs/shop.yml", "3"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Free hosting for a month."), r.stdout)
        let json = try debrief(["render", "debriefs/shop.yml", "--to", "json"], in: dir).stdout
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try XCTUnwrap(((doc["sections"] as? [String: Any])?["remedies"] as? [String: Any])?["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["chosen"] as? Bool }, [false, false, true])
        // Without a file: the archive's most recent debrief.
        XCTAssertEqual(try debrief(["choose", "1"], in: dir).status, 0)
        XCTAssertTrue(try flat().contains("- text: Refund the delivery fees.\n chosen: true"))
        let bad = try debrief(["choose", "debriefs/shop.yml", "7"], in: dir)
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("no option 7: remedies has 3 options (1 to 3)"), bad.stderr)
        XCTAssertEqual(try debrief(["choose", "debriefs/shop.yml", "zero"], in: dir).status, 64)
    }

    func testDoneAndUndo() throws {
        XCTAssertEqual(try debrief(["done", "debriefs/shop.yml", "2"], in: dir).status, 0)
        XCTAssertTrue(try flat().contains("Add a load test to the release checklist.\n done: true"))
        XCTAssertEqual(try debrief(["done", "debriefs/shop.yml", "2", "--undo"], in: dir).status, 0)
        XCTAssertTrue(try flat().contains("Add a load test to the release checklist.\n done: false"))
        XCTAssertEqual(try debrief(["done", "debriefs/shop.yml", "3"], in: dir).status, 64)
    }

    func testAddChosenRemedy() throws {
        let r = try debrief(["add", "remedies", "Redo the checkout for free", "--chosen", "--file", "debriefs/shop.yml"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try load()
        XCTAssertEqual(text.components(separatedBy: "chosen: true").count - 1, 1, "only the new option is chosen: \(text)")
        XCTAssertTrue(try flat().contains("Redo the checkout for free\n chosen: true"), text)
        XCTAssertEqual(try debrief(["add", "facts", "x", "--side", "us", "--chosen", "--file", "debriefs/shop.yml"], in: dir).status, 64)
    }

    func testAddNeverInventsASide() throws {
        let before = try load()
        let r = try debrief(["add", "facts", "The cart emptied itself.", "--file", "debriefs/shop.yml"], in: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("--side us or --side client"), r.stderr)
        XCTAssertEqual(try load(), before, "nothing changed")
        XCTAssertEqual(try debrief(["add", "lessons", "We load-test every release.", "--file", "debriefs/shop.yml"], in: dir).status, 0,
                       "a section not asked per side needs no side")
    }

    func testFinalDebriefStaysFinalUnlessReopened() throws {
        try draft.replacingOccurrences(of: "status: draft", with: "status: final").write(toFile: dir + "/debriefs/shop.yml", atomically: true, encoding: .utf8)
        let before = try load()
        let r = try debrief(["add", "lessons", "We load-test every release.", "--file", "debriefs/shop.yml"], in: dir)
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("is final; add --reopen"), r.stderr)
        XCTAssertEqual(try load(), before)
        let resume = try debrief(["resume", "debriefs/shop.yml"], in: dir, stdin: "")
        XCTAssertEqual(resume.status, 64, resume.stderr)
        XCTAssertEqual(try load(), before)
        let reopened = try debrief(["add", "lessons", "We load-test every release.", "--reopen", "--file", "debriefs/shop.yml"], in: dir)
        XCTAssertEqual(reopened.status, 0, reopened.stderr)
        XCTAssertTrue(try load().contains("status: draft"))
        // Closing follow-ups and marking the client's choice work on a final debrief.
        try before.write(toFile: dir + "/debriefs/shop.yml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try debrief(["done", "debriefs/shop.yml", "1"], in: dir).status, 0)
        XCTAssertEqual(try debrief(["choose", "debriefs/shop.yml", "1"], in: dir).status, 0)
        XCTAssertTrue(try load().contains("status: final"))
    }

    func testImpossibleTimelineDateIsRefusedAndNothingChanges() throws {
        let before = try load()
        for bad in ["2026-13-01 The site went down", "14/11/2026 The site went down"] {
            let r = try debrief(["add", "timeline", bad, "--file", "debriefs/shop.yml"], in: dir)
            XCTAssertEqual(r.status, 65, "\(bad): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("is not a date the timeline reads"), r.stderr)
            XCTAssertTrue(r.stderr.contains("YYYY-MM-DD HH:MM"), "the accepted forms are named: \(r.stderr)")
            XCTAssertEqual(try load(), before)
        }
        XCTAssertEqual(try debrief(["add", "timeline", "2026-11-14 09:30 The site went down", "--file", "debriefs/shop.yml"], in: dir).status, 0)
        XCTAssertTrue(try load().contains("at: 2026-11-14 09:30"))
    }

    func testOwnersByAnyPartOfTheName() throws {
        let r = try debrief(["add", "actions", "Write the load test @Mai due:2026-12-01", "--file", "debriefs/shop.yml"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try flat().contains("Write the load test\n owner: Nguyễn Thị Mai"))
        let unknown = try debrief(["add", "actions", "Ask the bank @Zoe", "--file", "debriefs/shop.yml"], in: dir)
        XCTAssertEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("warning: @Zoe is not one of the participants"), unknown.stderr)
    }
}

/// A hand-edited record keeps its comments, quoting and indentation through add, done and choose.
final class SurgicalEditsCLITests: XCTestCase {
    func testAddDoneAndChooseChangeOnlyTheirLines() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "archive: 1\n".write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/debriefs", withIntermediateDirectories: true)
        let path = dir + "/debriefs/deck.yml"
        try FileManager.default.copyItem(atPath: packageRoot + "/Tests/Fixtures/handedited.yml", toPath: path)
        func lines() throws -> [String] { try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n") }
        /// The lines of `after` that are not in `before`, when every line of `before` is still there in order.
        func added(_ before: [String], _ after: [String]) -> [String]? {
            var i = 0
            var extra: [String] = []
            for line in after {
                if i < before.count && line == before[i] { i += 1 } else { extra.append(line) }
            }
            return i == before.count ? extra : nil
        }
        let original = try lines()
        XCTAssertEqual(try debrief(["add", "facts", "The speaker had no time to rehearse.", "--side", "client", "--file", "debriefs/deck.yml"], in: dir).status, 0)
        let afterAdd = try lines()
        XCTAssertEqual(added(original, afterAdd), ["      - text: The speaker had no time to rehearse.", "        side: client"],
                       "only the new item's lines, in the section's own four-space indentation")

        XCTAssertEqual(try debrief(["done", "debriefs/deck.yml", "2"], in: dir).status, 0)
        let afterDone = try lines()
        let changed = zip(afterAdd, afterDone).filter { $0 != $1 }
        XCTAssertEqual(afterAdd.count, afterDone.count)
        XCTAssertEqual(changed.map(\.1), ["      done: true   # not yet"], "one value changed, its comment kept")

        XCTAssertEqual(try debrief(["choose", "debriefs/deck.yml", "2"], in: dir).status, 0)
        let afterChoose = try lines()
        let text = afterChoose.joined(separator: "\n")
        XCTAssertTrue(text.contains("# Debrief of the conference deck, kept by hand."))
        XCTAssertTrue(text.contains("- text: Rework the three weakest slides for free.   # cheapest for us"))
        XCTAssertTrue(text.contains("- text: \"A 30% discount on the next project.\"\n      chosen: true"), text)
        XCTAssertTrue(text.contains("- text: Rework the year-end deck at no charge.\n      chosen: false"), text)
        XCTAssertEqual(afterChoose.count, afterDone.count + 1, "one line added (chosen: true), the others changed in place")
    }
}

/// Shell completions offer what the archive holds.
final class CompletionCLITests: XCTestCase {
    func testCompletionsOfferFormatsSectionsChecksAndDebriefs() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        try FileManager.default.copyItem(atPath: example, toPath: dir + "/debriefs/2026-11-22-deck.yml")
        let formats = try debrief(["---completion", "new", "--", "--format", "3", "0", "debrief", "new", "--format", ""], in: dir)
        XCTAssertEqual(Set(formats.stdout.split(separator: "\n").map(String.init)), ["client-recovery", "incident", "sprint"], formats.stderr)
        let sections = try debrief(["---completion", "add", "--", "positional@0", "2", "2", "debrief", "add", "mi"], in: dir)
        XCTAssertEqual(sections.stdout, "mistakes\n")
        let files = try debrief(["---completion", "render", "--", "positional@0", "2", "0", "debrief", "render", ""], in: dir)
        XCTAssertEqual(files.stdout, "debriefs/2026-11-22-deck.yml\n")
        let script = try debrief(["--generate-completion-script", "bash"], in: dir)
        XCTAssertTrue(script.stdout.contains("client-safe"), "check ids are listed in the script")
    }
}
