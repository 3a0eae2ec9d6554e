import Foundation
import XCTest

/// Bounded reads: a file is read up to the limit and one byte whatever it says of its size; a read that fails is a
/// read error with the system's reason (exit 74), never an empty file.
final class ReadsCLITests: XCTestCase {
    func testAFileThatClaimsSizeZeroIsReadForWhatItHolds() throws {
        let dir = try makeTempDir("debrief-reads")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var st = stat()
        XCTAssertEqual(stat("/proc/self/status", &st), 0)
        XCTAssertEqual(st.st_size, 0, "a /proc file says it is empty")
        let r = try debrief(["check", "/proc/self/status"], in: dir)
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertFalse(r.stderr.contains("empty"), r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("/proc/self/status:1:"), "read, and refused for what it holds: \(r.stderr)")
    }

    func testAFailedReadIsAReadError() throws {
        let dir = try makeTempDir("debrief-reads")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // /proc/self/mem is a regular file of size 0 whose first page cannot be read.
        let r = try debrief(["check", "/proc/self/mem"], in: dir)
        XCTAssertEqual(r.status, 74, r.stderr)
        XCTAssertEqual(r.stderr, "/proc/self/mem: error: cannot read the file: Input/output error\n")
    }

    func testAnEnormousFileIsRefusedWithoutReadingIt() throws {
        let dir = try makeTempDir("debrief-reads")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/big.yml", contents: nil))
        XCTAssertEqual(truncate(dir + "/big.yml", 4 << 30), 0)   // 4 GB, sparse
        let started = Date()
        let r = try debrief(["check", "big.yml"], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("expected a file of at most 10 MB"), r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }
}
