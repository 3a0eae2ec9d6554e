import Foundation
import XCTest

/// Inputs and situations found in review: each must end in one clear line and the right status,
/// with nothing overwritten and nothing leaked.
final class RobustnessTests: XCTestCase {
    var dir = ""
    override func setUpWithError() throws {
        dir = try makeTempDir()
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ text: String, _ name: String) throws { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
    func read(_ name: String) throws -> String { try String(contentsOfFile: dir + "/" + name, encoding: .utf8) }

    func testOutputThatIsTheRecordIsRefusedHoweverItIsNamed() throws {
        try FileManager.default.copyItem(atPath: example, toPath: dir + "/debriefs/2026-11-22-bank.yml")
        let original = try read("debriefs/2026-11-22-bank.yml")
        // FILE left out (the archive's latest), a relative path from elsewhere, a symlinked folder.
        try FileManager.default.createSymbolicLink(atPath: dir + "/d2", withDestinationPath: dir + "/debriefs")
        for (args, cwd) in [(["render", "-o", "debriefs/2026-11-22-bank.yml"], dir),
                            (["render", "-o", "2026-11-22-bank.yml"], dir + "/debriefs"),
                            (["render", "debriefs/2026-11-22-bank.yml", "-o", "d2/2026-11-22-bank.yml"], dir),
                            (["letter", "-o", "debriefs/2026-11-22-bank.yml"], dir)] {
            let r = try debrief(args, in: cwd)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("is the debrief itself"), r.stderr)
        }
        XCTAssertEqual(try read("debriefs/2026-11-22-bank.yml"), original)
    }

    func testArchiveInternalTagsKeepItemsFromTheClient() throws {
        try write("archive: 1\ninternal-tags: [pricing]\n", "debrief.yml")
        try write("""
        debrief: 1
        title: Tags
        sections:
          facts:
            - text: Our margin on this job was four percent.
              tags: [Pricing]
            - text: The night shift cost us two days of rest.
              tags: [internal]
            - text: Materials arrived on Monday.
        """, "tags.yml")
        for to in ["md", "html", "json"] {
            let r = try debrief(["render", "tags.yml", "--audience", "client", "--to", to], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertFalse(r.stdout.contains("four percent"), to)
            XCTAssertFalse(r.stdout.contains("two days of rest"), to)
            XCTAssertTrue(r.stdout.contains("Materials arrived on Monday"), to)
        }
    }

    func testTeamNamesAreFoundHoweverTheyAreWritten() throws {
        let base = """
        debrief: 1
        title: Names
        participants:
          - name: anna berg
            side: us
          - name: Tamás Kovács
            side: us
          - name: Bo Li
            side: us
          - name: Peter Smith
            side: client
            role: ROLE
        sections:
          facts:
            - text: TEXT

        """
        let leaks = ["Anna sent the deck late.", "TAMÁS was ill.", "See [the notes](https://drive.example/tamas-kovacs/notes).",
                     "Bo handled the files.", "Ta&#109;ás handled the files."]
        for (i, text) in leaks.enumerated() {
            try write(base.replacingOccurrences(of: "TEXT", with: "\"\(text)\"").replacingOccurrences(of: "ROLE", with: "director"), "n\(i).yml")
            let r = try debrief(["render", "n\(i).yml", "--audience", "client"], in: dir)
            XCTAssertEqual(r.status, 1, "not refused: \(text)\n\(r.stdout)")
        }
        try write(base.replacingOccurrences(of: "TEXT", with: "Materials arrived on Monday.")
            .replacingOccurrences(of: "ROLE", with: "works closely with Tamás Kovács"), "role.yml")
        XCTAssertEqual(try debrief(["render", "role.yml", "--audience", "client"], in: dir).status, 1, "a client's role naming the team")
        try write(base.replacingOccurrences(of: "TEXT", with: "Materials arrived on Monday.").replacingOccurrences(of: "ROLE", with: "director"), "ok.yml")
        XCTAssertEqual(try debrief(["render", "ok.yml", "--audience", "client"], in: dir).status, 0)
    }

    func testPipesAndDevicesAreRefusedNotRead() throws {
        XCTAssertEqual(mkfifo(dir + "/pipe.yml", 0o600), 0)
        let r = try debrief(["render", "pipe.yml"], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("expected a file, found a pipe"), r.stderr)
        let z = try debrief(["render", "/dev/zero"], in: dir)
        XCTAssertEqual(z.status, 65)
        XCTAssertTrue(z.stderr.contains("found a device"), z.stderr)
        // A pipe among the debriefs does not hang the archive's commands.
        XCTAssertEqual(mkfifo(dir + "/debriefs/2099-01-01-pipe.yml", 0o600), 0)
        try FileManager.default.copyItem(atPath: example, toPath: dir + "/debriefs/2026-11-22-bank.yml")
        XCTAssertEqual(try debrief(["render"], in: dir).status, 0)
        XCTAssertEqual(try debrief(["check"], in: dir).status, 0)
    }

    func testControlCharactersInEscapesAreRefused() throws {
        try write("debrief: 1\ntitle: \"\\e[31mred\\a\"\n", "ctl.yml")
        let r = try debrief(["render", "ctl.yml"], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.hasPrefix("ctl.yml:2:8: error: title: expected text, found the control character U+001B"), r.stderr)
        XCTAssertFalse(r.stderr.contains("\u{1B}"))
    }

    func testAddingThroughASymlinkChangesTheFileAndKeepsTheLink() throws {
        try FileManager.default.copyItem(atPath: example, toPath: dir + "/debriefs/real.yml")
        try FileManager.default.createSymbolicLink(atPath: dir + "/debriefs/current.yml", withDestinationPath: "real.yml")
        let r = try debrief(["add", "emotions", "We were tired.", "--side", "us", "--reopen", "--file", "debriefs/current.yml"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/debriefs/current.yml"), "real.yml")
        XCTAssertTrue(try read("debriefs/real.yml").contains("We were tired."))
    }

    func testSameTitleStartedTwiceAtOnceGivesTwoFiles() throws {
        let group = DispatchGroup()
        final class Statuses: @unchecked Sendable { var values: [Int32] = []; let lock = NSLock() }
        let statuses = Statuses()
        for i in 0..<8 {
            group.enter()
            DispatchQueue.global().async { [dir] in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/bin/sh")
                p.arguments = ["-c", "printf 'Client\(i)\\n' | '\(debriefBinary)' new 'Same title' > /dev/null 2>&1"]
                p.currentDirectoryURL = URL(fileURLWithPath: dir)
                try? p.run(); p.waitUntilExit()
                statuses.lock.lock(); statuses.values.append(p.terminationStatus); statuses.lock.unlock()
                group.leave()
            }
        }
        group.wait()
        XCTAssertEqual(statuses.values, Array(repeating: 0, count: 8))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/debriefs").filter { $0.hasSuffix(".yml") }
        XCTAssertEqual(files.count, 8, "\(files)")
        var clients = Set<String>()
        for f in files {
            let text = try read("debriefs/" + f)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("client: ") }) { clients.insert(String(line)) }
        }
        XCTAssertEqual(clients.count, 8, "each session kept its own answers")
    }

    func testGuideInputThatCannotBeUsedIsAskedAgain() throws {
        let r = try debrief(["new", "Title kept"], in: dir, stdin: "Big Bank\n\n\n,\n, a role\nAnna Berg, lead\n\n:back\n:back\n:back\n:back\n:back\n:undo\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stderr.contains("Fatal"))
        let file = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: dir + "/debriefs").first)
        let text = try read("debriefs/" + file)
        XCTAssertTrue(text.contains("title: Title kept"), text)
        XCTAssertTrue(text.contains("- name: Anna Berg"), text)
        XCTAssertFalse(text.contains("name: a role"), text)
        XCTAssertEqual(try debrief(["render", "debriefs/" + file, "--to", "json"], in: dir).status, 0, "the draft loads")
    }

    func testArchiveLocaleMustBeALanguageTag() throws {
        try write("archive: 1\nlocale: ../../etc/evil\n", "debrief.yml")
        let r = try debrief(["formats"], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("locale: expected a language tag"), r.stderr)
    }

    func testCheckGoesOnPastAMissingFile() throws {
        try FileManager.default.copyItem(atPath: packageRoot + "/Tests/Fixtures/checks/messy.yml", toPath: dir + "/messy.yml")
        let r = try debrief(["check", "messy.yml", "missing.yml"], in: dir, env: ["DEBRIEF_TODAY": "2026-11-22"])
        XCTAssertEqual(r.status, 66)
        XCTAssertTrue(r.stdout.contains("[no-blame]"), "findings for the file that exists")
        XCTAssertTrue(r.stderr.contains("missing.yml: error: no such file"))
    }
}
