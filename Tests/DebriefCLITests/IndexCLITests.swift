import Foundation
import XCTest

/// The archive index from the command line: `init` ignores its cache in git, `add` and `resume` find the most
/// recent draft through it, and a broken record blocks neither them nor the archive commands.
final class IndexCLITests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = try makeTempDir()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    static func record(_ title: String, status: String) -> String {
        """
        debrief: 1
        format: sprint
        title: \(title)
        date: 2026-11-20
        status: \(status)
        sections:
          actions:
            - text: Book the room for \(title).
              owner: Anna Berg
              due: 2026-12-22

        """
    }

    func write(_ name: String, _ text: String, modified: TimeInterval) throws {
        let path = dir + "/debriefs/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: modified)], ofItemAtPath: path)
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: dir + "/" + name, encoding: .utf8) }

    // MARK: init and .gitignore

    func testInitWritesTheGitignoreOnce() throws {
        let r = try debrief(["init"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Created debrief.yml, debriefs/ and .gitignore"), r.stdout)
        XCTAssertEqual(try read(".gitignore"), ".debrief/\n")
        let again = try debrief(["init"], in: dir)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("already"), again.stdout)
        XCTAssertEqual(try read(".gitignore"), ".debrief/\n", "never twice")
    }

    func testInitAppendsToAnExistingGitignore() throws {
        try "node_modules/\n*.log".write(toFile: dir + "/.gitignore", atomically: true, encoding: .utf8)
        let r = try debrief(["init"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try read(".gitignore"), "node_modules/\n*.log\n.debrief/\n", "appended on a line of its own")
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        XCTAssertEqual(try read(".gitignore"), "node_modules/\n*.log\n.debrief/\n")
    }

    func testInitKeepsAGitignoreThatAlreadyIgnoresTheCache() throws {
        for line in ["/.debrief", ".debrief", "  /.debrief/  "] {
            try "build/\n\(line)\n".write(toFile: dir + "/.gitignore", atomically: true, encoding: .utf8)
            XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
            XCTAssertEqual(try read(".gitignore"), "build/\n\(line)\n", line)
        }
    }

    func testInitReadsAGitignoreAsBytes() throws {
        // Windows line endings: the line is there.
        try Data("build/\r\n.debrief/\r\n".utf8).write(to: URL(fileURLWithPath: dir + "/.gitignore"))
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/.gitignore")), Data("build/\r\n.debrief/\r\n".utf8))
        // Not UTF-8 (Latin-1): kept byte for byte, the line appended.
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9, 0x0A]
        try Data(latin1).write(to: URL(fileURLWithPath: dir + "/.gitignore"))
        let r = try debrief(["init"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/.gitignore")), Data(latin1 + Array(".debrief/\n".utf8)))
    }

    func testInitInAnArchiveMadeBeforeAddsOnlyTheLine() throws {
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        try "".write(toFile: dir + "/.gitignore", atomically: true, encoding: .utf8)
        let r = try debrief(["init"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains(".debrief/ line in .gitignore"), r.stdout)
        XCTAssertEqual(try read(".gitignore"), ".debrief/\n")
    }

    // MARK: add and resume without a file

    func makeArchiveWithDrafts() throws {
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        // By name the old draft would come last; by modification time the newer one is the one worked on.
        try write("2026-12-01-old-draft.yml", Self.record("Old draft", status: "draft"), modified: 1_700_000_000)
        try write("2026-01-01-new-draft.yml", Self.record("New draft", status: "draft"), modified: 1_700_000_500)
        try write("2026-06-01-final.yml", Self.record("Final", status: "final"), modified: 1_700_000_900)
        // Broken, and the newest file of all.
        try write("2026-06-02-broken.yml", "debrief: 1\nformat: sprint\ntitle: Broken\nstatus: draft\nsections:\n  lessons:\n    - txt: oops\n",
                  modified: 1_700_001_000)
    }

    func testAddWithoutAFilePicksTheMostRecentDraftDespiteABrokenRecord() throws {
        try makeArchiveWithDrafts()
        let r = try debrief(["add", "went-well", "Pairing caught two bugs."], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try read("debriefs/2026-01-01-new-draft.yml").contains("Pairing caught two bugs."))
        XCTAssertFalse(try read("debriefs/2026-12-01-old-draft.yml").contains("Pairing"))
        XCTAssertFalse(try read("debriefs/2026-06-02-broken.yml").contains("Pairing"), "the broken file is left alone")
        // The broken file, newer than the draft chosen, is named with its position.
        XCTAssertTrue(r.stderr.contains("debriefs/2026-06-02-broken.yml:7:7: warning: passed over, as it does not load:"), r.stderr)

        // The draft just added to is now the newest: the next add goes there too, from the updated index.
        let again = try debrief(["add", "went-well", "Short stand-ups."], in: dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(try read("debriefs/2026-01-01-new-draft.yml").contains("Short stand-ups."))
        XCTAssertEqual(again.stderr, "", "the broken file is older than the draft now")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/.debrief/index"))
    }

    func testResumeWithoutAFilePicksTheMostRecentDraft() throws {
        try makeArchiveWithDrafts()
        let r = try debrief(["resume"], in: dir, stdin: "")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Continuing debriefs/2026-01-01-new-draft.yml"), r.stdout)
        XCTAssertTrue(r.stderr.contains("2026-06-02-broken.yml:7:7: warning:"), r.stderr)
    }

    func testWithOnlyABrokenDraftAddSaysThereIsNoDraft() throws {
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        try write("broken.yml", "debrief: 1\nformat: sprint\ntitle: [\n", modified: 1_700_000_000)
        let r = try debrief(["add", "went-well", "x"], in: dir)
        XCTAssertEqual(r.status, 66, r.stderr)
        XCTAssertTrue(r.stderr.contains("broken.yml:"), "the broken file is named: \(r.stderr)")
    }

    // MARK: the archive commands

    func testActionsUseTheCacheAndSeeChanges() throws {
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        try write("a.yml", Self.record("Alpha", status: "final"), modified: 1_700_000_000)
        try write("b.yml", "debrief: 1\nformat: sprint\ntitle: B\nstatus: done\n", modified: 1_700_000_000)
        for _ in 0..<2 {
            let r = try debrief(["actions", "--format", "json"], in: dir)
            XCTAssertEqual(r.status, 65, "a record does not load")
            XCTAssertTrue(r.stdout.contains("Book the room for Alpha."), r.stdout)
            XCTAssertEqual(r.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("debriefs/b.yml:4:9: error:") }.count, 1, r.stderr)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/.debrief/index"))
        // Changed, and fixed: the next run sees both.
        try write("a.yml", Self.record("Alpha, revised", status: "final"), modified: 1_700_000_100)
        try write("b.yml", Self.record("Beta", status: "final"), modified: 1_700_000_100)
        let r = try debrief(["actions", "--format", "json"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Book the room for Alpha, revised."))
        XCTAssertTrue(r.stdout.contains("Book the room for Beta."))
        // A damaged cache is ignored.
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: dir + "/.debrief/index"))
        let after = try debrief(["actions", "--format", "json"], in: dir)
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertEqual(after.stdout, r.stdout)
    }
}
