import Foundation
import XCTest

/// Messages stay short and safe: a value echoed is cut to about 60 characters, a file's name reaches the
/// terminal with its control characters escaped, lines count with CR-only line endings, and an output that
/// cannot be written is named, not its temporary file.
final class MessagesCLITests: XCTestCase {
    var dir = ""
    override func setUpWithError() throws { dir = try makeTempDir("debrief-messages") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func testAnEchoedValueIsCut() throws {
        let side = String(repeating: "a", count: 1_000_000)
        try "debrief: 1\nformat: sprint\ntitle: T\nsections:\n  went-well:\n    - text: x\n      side: \(side)\n"
            .write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["check", "r.yml"], in: dir)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.stderr, "r.yml:7:13: error: sections.went-well[1].side: expected 'us' or 'client', found '\(String(repeating: "a", count: 57))...'\n")
    }

    func testAFileNameWithAnEscapeSequenceIsShownEscaped() throws {
        let name = "x\u{1B}]0;pwned\u{07}y.yml"
        try "debrief: 1\nformat: sprint\ntitle: T\n".write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        var r = try debrief(["add", "went-well", "Demo went fine.", "--file", name], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("\u{1B}") || r.stdout.contains("\u{07}"), r.stdout)
        XCTAssertTrue(r.stdout.contains("x?]0;pwned?y.yml"), r.stdout)
        try "x: [\n".write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        r = try debrief(["check", name], in: dir)
        XCTAssertFalse(r.stderr.contains("\u{1B}"), r.stderr)
    }

    func testCROnlyLineEndingsCountLines() throws {
        try "debrief: 1\rformat: sprint\rtitle: T\rsections:\r  went-well:\r    - text: x\r      side: nope\r"
            .write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["check", "r.yml"], in: dir)
        XCTAssertTrue(r.stderr.hasPrefix("r.yml:7:13: error:"), r.stderr)
    }

    func testAnOutputThatCannotBeWrittenIsNamed() throws {
        try FileManager.default.copyItem(atPath: packageRoot + "/examples/bank-deck.yml", toPath: dir + "/r.yml")
        let r = try debrief(["render", "r.yml", "--to", "md", "-o", dir + "/no/such/folder/out.md"], in: dir)
        XCTAssertEqual(r.status, 73)
        XCTAssertEqual(r.stderr, "\(dir)/no/such/folder/out.md: error: cannot write: No such file or directory\n")
    }
}
