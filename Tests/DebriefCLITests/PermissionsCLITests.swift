import Foundation
import XCTest

/// A record the user may not write is not replaced behind its back; one root writes keeps its owner.
final class PermissionsCLITests: XCTestCase {
    func testAReadOnlyRecordIsRefusedAndUnchanged() throws {
        let dir = try makeTempDir("debrief-perm")
        defer { chmod(dir + "/r.yml", 0o644); try? FileManager.default.removeItem(atPath: dir) }
        let text = "debrief: 1\nformat: sprint\ntitle: T\nsections:\n  lessons:\n    - We demo on Thursdays.\n"
        try text.write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(dir + "/r.yml", 0o444), 0)
        let r = try debrief(["add", "lessons", "One more.", "--file", "r.yml"], in: dir)
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.contains("r.yml: error: cannot write: it is read-only (permission denied); nothing was changed"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: dir + "/r.yml", encoding: .utf8), text)
        var st = stat()
        XCTAssertEqual(stat(dir + "/r.yml", &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o444)
    }

    func testAnotherUsersRecordKeepsItsOwner() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root to give the file to another user") }
        let dir = try makeTempDir("debrief-perm")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "debrief: 1\nformat: sprint\ntitle: T\nsections:\n  lessons:\n    - We demo on Thursdays.\n"
            .write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
        XCTAssertEqual(chown(dir + "/r.yml", 4242, 4343), 0)
        let r = try debrief(["add", "lessons", "One more.", "--file", "r.yml"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        var st = stat()
        XCTAssertEqual(stat(dir + "/r.yml", &st), 0)
        XCTAssertEqual(st.st_uid, 4242)
        XCTAssertEqual(st.st_gid, 4343)
    }
}
