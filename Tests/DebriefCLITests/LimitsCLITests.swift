import Foundation
import XCTest

/// Bounded work: a list longer than the limit (items per section, participants) is refused with one line and
/// exit 65 before any work is done on it; a record at the limits loads, checks and renders.
final class LimitsCLITests: XCTestCase {
    func write(_ text: String) throws -> String {
        let dir = try makeTempDir("debrief-limits")
        try text.write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
        return dir
    }

    func testAFlowListOfAMillionItemsIsRefusedAtOnce() throws {
        let dir = try write("debrief: 1\nformat: client-recovery\ntitle: Flow\nsections:\n  facts: [" + Array(repeating: "a", count: 1_000_000).joined(separator: ", ") + "]\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try debrief(["render", "r.yml", "--to", "html", "-o", "out.html"], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.stderr, "r.yml:5:30011: error: sections.facts: expected at most 10000 items in a list, found more (split it, or the debrief)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out.html"))
    }

    func testParticipantsAreBounded() throws {
        var text = "debrief: 1\nformat: client-recovery\ntitle: Many\nparticipants:\n"
        for i in 0...1_000 { text += "  - name: Person \(i)\n    side: us\n" }
        let dir = try write(text)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try debrief(["check", "r.yml"], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("participants: expected at most 1000 items in a list, found more"), r.stderr)
    }

    func testARecordAtTheLimitsLoadsChecksAndRenders() throws {
        var text = "debrief: 1\nformat: client-recovery\ntitle: Full\nparticipants:\n"
        for i in 0..<1_000 { text += "  - name: Person\(i) Surname\(i)\n    side: \(i % 2 == 0 ? "us" : "client")\n" }
        text += "sections:\n  facts:\n"
        for i in 0..<10_000 { text += "    - \"Fact \(i): the materials were late.\"\n" }
        let dir = try write(text)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for args in [["check", "r.yml", "--audience", "client"], ["render", "r.yml", "--to", "html", "-o", "out.html"],
                     ["render", "r.yml", "--audience", "client", "--to", "md", "-o", "out.md"]] {
            let r = try debrief(args, in: dir)
            XCTAssertNotEqual(r.status, 65, "\(args): \(r.stderr.prefix(300))")
            XCTAssertNotEqual(r.status, 70, "\(args): \(r.stderr.prefix(300))")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/out.html"))
    }
}
