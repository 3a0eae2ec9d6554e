import Foundation
import XCTest

@_exported import DebriefTestSupport

let example = packageRoot + "/examples/bank-deck.yml"

final class CLITests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = try makeTempDir()
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: debriefBinary), "build the debrief executable first: \(debriefBinary)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    // MARK: exit 0

    func testRenderMarkdownToStandardOutput() throws {
        let r = try debrief(["render", example], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("# Conference deck for the bank\n"))
        XCTAssertTrue(r.stdout.contains("| Action | Owner | Due | Done |"))
        XCTAssertEqual(r.stderr, "")
    }

    func testRenderEachFormatToAFile() throws {
        for (to, check) in [("md", "# Conference deck"), ("html", "<!DOCTYPE html>"), ("json", "\"debrief\": 1")] {
            for audience in ["team", "client"] {
                let out = dir + "/r.\(audience).\(to)"
                let r = try debrief(["render", example, "--to", to, "--audience", audience, "-o", out], in: dir)
                XCTAssertEqual(r.status, 0, r.stderr)
                XCTAssertEqual(r.stdout, "", "nothing on standard output when -o is given")
                let text = try String(contentsOfFile: out, encoding: .utf8)
                XCTAssertTrue(text.contains(check), "\(to) \(audience)")
                if audience == "client" { XCTAssertFalse(text.contains("Tamás"), "\(to): team name in client output") }
            }
        }
    }

    func testInitCreatesAnArchiveAndIsHarmlessTwice() throws {
        let r = try debrief(["init"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/debrief.yml"))
        var isDir: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/debriefs", isDirectory: &isDir) && isDir.boolValue)
        let config = try String(contentsOfFile: dir + "/debrief.yml", encoding: .utf8)
        let again = try debrief(["init"], in: dir)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("already"))
        XCTAssertEqual(try String(contentsOfFile: dir + "/debrief.yml", encoding: .utf8), config, "init must not change an existing archive")
    }

    func testCommandsFindTheArchiveUpwardAndRenderItsLatestDebrief() throws {
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        let older = try String(contentsOfFile: example, encoding: .utf8).replacingOccurrences(of: "title: Conference deck for the bank", with: "title: The older one")
        try older.write(toFile: dir + "/debriefs/2026-01-05-older.yml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: example, toPath: dir + "/debriefs/2026-11-22-bank-deck.yml")
        let sub = dir + "/notes/deeper"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let r = try debrief(["render"], in: sub)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("# Conference deck for the bank"))
    }

    func testFormatsListsBuiltInAndArchiveFormats() throws {
        XCTAssertEqual(try debrief(["init"], in: dir).status, 0)
        try FileManager.default.createDirectory(atPath: dir + "/formats", withIntermediateDirectories: true)
        try """
        format: launch-review
        name: Launch review
        summary: What we learned from a launch.
        sections:
          - id: summary
            kind: narrative
            title: Summary
            prompt: What happened?
            hint: Say it plainly.
            example: The launch slipped a week.
        """.write(toFile: dir + "/formats/launch-review.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["formats"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        for id in ["client-recovery", "incident", "sprint", "launch-review"] {
            XCTAssertTrue(r.stdout.contains(id), "\(id) missing from: \(r.stdout)")
        }
        XCTAssertTrue(r.stdout.contains("client-recovery  Client recovery (default) [built-in]"))
        XCTAssertTrue(r.stdout.contains("[archive: formats/launch-review.yml]"))
    }

    func testHelpAndVersion() throws {
        let help = try debrief(["render", "--help"], in: dir)
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--audience"))
        XCTAssertTrue(help.stdout.contains("Who the rendering is for"))
        let v = try debrief(["--version"], in: dir)
        XCTAssertEqual(v.status, 0)
        XCTAssertFalse(v.stdout.isEmpty)
    }

    // MARK: exit 1

    func testClientRenderRefusedWhenAShownItemNamesTheTeam() throws {
        let text = try String(contentsOfFile: example, encoding: .utf8)
            .replacingOccurrences(of: "- text: We did not confirm the agreements in writing.", with: "- text: Anna did not confirm the agreements in writing.")
        XCTAssertTrue(text.contains("Anna did not confirm"), "the example changed; update this test")
        let path = dir + "/named.yml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let out = dir + "/client.html"
        let r = try debrief(["render", path, "--to", "html", "--audience", "client", "-o", out], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.hasPrefix(path + ":"), r.stderr)
        XCTAssertTrue(r.stderr.contains("[client-safe] section 'mistakes', item 2 names the team member 'Anna Berg'"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a refused render writes nothing")
        let allowed = try debrief(["render", path, "--to", "html", "--audience", "client", "--allow-names", "-o", out], in: dir)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        let team = try debrief(["render", path], in: dir)
        XCTAssertEqual(team.status, 0, "the team version never refuses")
    }

    // MARK: exit 64

    func testBadUsageIs64() throws {
        for args in [["render", example, "--to", "docx"], ["render", example, "--audience", "board"], ["render", "--frobnicate"],
                     ["nonsense"], ["render", example, "-o", example]] {
            let r = try debrief(args, in: dir)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.isEmpty)
        }
        // The record is untouched by the refused self-overwrite.
        XCTAssertTrue(try String(contentsOfFile: example, encoding: .utf8).hasPrefix("debrief: 1"))
    }

    // MARK: exit 65

    func testBrokenRecordIs65WithOneLineAndNothingOverwritten() throws {
        let path = dir + "/broken.yml"
        try "debrief: 1\ntitle: Broken\nsections:\n  facts:\n    - text: ok\n      sidee: us\n".write(toFile: path, atomically: true, encoding: .utf8)
        let out = dir + "/out.md"
        try "previous output\n".write(toFile: out, atomically: true, encoding: .utf8)
        let r = try debrief(["render", path, "-o", out], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("\(path):6:7: error: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("'sidee'"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous output\n")
        XCTAssertFalse(r.stderr.contains("Fatal"), "no stack trace")
    }

    func testBinaryFileIs65() throws {
        let path = dir + "/image.yml"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).write(to: URL(fileURLWithPath: path))
        let r = try debrief(["render", path], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.hasPrefix("\(path):1:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("expected UTF-8 text"), r.stderr)
    }

    // MARK: exit 66

    func testMissingFileIs66() throws {
        let r = try debrief(["render", dir + "/nope.yml"], in: dir)
        XCTAssertEqual(r.status, 66)
        XCTAssertEqual(r.stderr, "\(dir)/nope.yml: error: no such file\n")
        let none = try debrief(["render"], in: dir)
        XCTAssertEqual(none.status, 66, "no debrief in an empty archive")
        XCTAssertEqual(none.stderr, "debrief: error: no debrief yet: start one with debrief new\n")
        for args in [["check"], ["resume"], ["add", "facts", "x", "--side", "us"], ["letter"], ["done", "1"], ["choose", "1"]] {
            let r = try debrief(args, in: dir)
            XCTAssertEqual(r.status, 66, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("start one with debrief new"), "\(args): \(r.stderr)")
        }
    }

    // MARK: exit 73

    func testUnwritableOutputIs73() throws {
        let r = try debrief(["render", example, "-o", dir + "/no/such/folder/out.md"], in: dir)
        XCTAssertEqual(r.status, 73)
        XCTAssertTrue(r.stderr.contains("cannot write"), r.stderr)
        try FileManager.default.createDirectory(atPath: dir + "/adir", withIntermediateDirectories: true)
        let d = try debrief(["render", example, "-o", dir + "/adir"], in: dir)
        XCTAssertEqual(d.status, 73, d.stderr)
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.contains(".tmp-") }, "no temporary file left")
    }

    func testOutputKeepsTheExistingFileMode() throws {
        let out = dir + "/kept.md"
        try "old\n".write(toFile: out, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(out, 0o600), 0)
        XCTAssertEqual(try debrief(["render", example, "-o", out], in: dir).status, 0)
        let mode = (try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
        XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("# Conference deck"))
    }
}

final class SpecialOutputTests: XCTestCase {
    /// `-o` naming a pipe or a device writes into it and leaves it what it is (never renames over it).
    func testOutputToAFIFOIsWrittenNotReplaced() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let reader = Thread {
            if let h = FileHandle(forReadingAtPath: fifo) { box.data = h.readDataToEndOfFile() }
        }
        reader.start()
        let r = try debrief(["render", example, "-o", fifo], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        while !reader.isFinished { usleep(10_000) }
        XCTAssertTrue(String(decoding: box.data, as: UTF8.self).hasPrefix("# Conference deck for the bank"))
        var st = stat()
        XCTAssertEqual(stat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        let nullDevice = try debrief(["render", example, "-o", "/dev/null"], in: dir)
        XCTAssertEqual(nullDevice.status, 0)
        XCTAssertEqual(stat("/dev/null", &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
    }
}
