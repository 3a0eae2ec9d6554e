import Foundation
import XCTest

/// What a killed or interrupted `add` leaves: a temporary file of a writer that is gone is removed by the next
/// write; a SIGTERM that lands after the item is in ends the command with success and the confirmation, so that a
/// retry does not add the item twice.
final class SignalsCLITests: XCTestCase {
    var dir = ""
    override func setUpWithError() throws {
        dir = try makeTempDir("debrief-signals")
        try "debrief: 1\nformat: sprint\ntitle: Sprint\nsections:\n  lessons:\n    - We demo on Thursdays.\n"
            .write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func testAKilledWritersTemporaryFileIsRemovedByTheNextWrite() throws {
        // A pid that is not running, and this test's own (alive): only the first is stale.
        var gone: pid_t = 999_999
        while kill(gone, 0) == 0 || errno != ESRCH { gone -= 1 }
        let stale = dir + "/.r.yml.tmp-\(gone)-Ab12Cd", alive = dir + "/.r.yml.tmp-\(getpid())-Zz99Yy"
        for f in [stale, alive] { XCTAssertTrue(FileManager.default.createFile(atPath: f, contents: Data("half".utf8))) }
        let r = try debrief(["add", "lessons", "We review every brief.", "--file", "r.yml"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale), "the killed writer's file is removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: alive), "a running writer's file is left alone")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") && !$0.contains("\(getpid())") }, [])
    }

    func testASigtermAfterTheWriteEndsWithSuccessAndTheConfirmation() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: debriefBinary)
        p.arguments = ["add", "lessons", "We review every brief.", "--file", "r.yml"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.environment = ProcessInfo.processInfo.environment.merging(["DEBRIEF_TEST_PAUSE_AFTER_WRITE": "1500", "NO_COLOR": "1"]) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait for the item to be in the file, then SIGTERM.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !((try? String(contentsOfFile: dir + "/r.yml", encoding: .utf8))?.contains("We review every brief.") ?? false) {
            usleep(10_000)
        }
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .exit, "not killed by the signal")
        XCTAssertEqual(p.terminationStatus, 0)
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(said.hasPrefix("Added to Lessons learned (item 2)"), said)
        let text = try String(contentsOfFile: dir + "/r.yml", encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "We review every brief.").count, 2, "added once")
    }
}
