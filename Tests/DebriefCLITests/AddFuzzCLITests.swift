import Foundation
import XCTest

/// `add` with whatever a person pastes: terminal colours, bells, C1 controls, bidi overrides, separators, quotes,
/// YAML's own characters, long lines. The record always loads afterwards, and the item is there.
final class AddFuzzCLITests: XCTestCase {
    func testPastedControlsNeverBreakTheRecord() throws {
        let dir = try makeTempDir("debrief-addfuzz")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "debrief: 1\nformat: sprint\ntitle: Fuzz\nsections:\n  lessons:\n    - We demo on Thursdays.\n"
            .write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
        // The one from the report: pasted terminal colours.
        var r = try debrief(["add", "lessons", "\u{1B}[31mred\u{1B}[0m and a bell\u{07}", "--file", "r.yml"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try debrief(["check", "r.yml"], in: dir).status == 65, false)
        XCTAssertTrue(try String(contentsOfFile: dir + "/r.yml", encoding: .utf8).contains("[31mred[0m and a bell"))

        // A seeded random fuzz: 120 adds of hostile strings, the record loading after each.
        var rng = SplitMix(seed: 20261123)
        let pieces: [String] = ["\u{1B}", "\u{07}", "\u{7F}", "\u{85}", "\u{9B}", "\u{00}", "\u{08}", "\u{0C}", "\u{0B}", "\r", "\n", "\t",
                                "\u{2028}", "\u{2029}", "\u{202E}", "\u{200B}", "\u{FEFF}", "\"", "'", "\\", ":", "- ", "# ", "#tag", "@Anna",
                                "due:+3d", "&a", "*a", "!!str", "%YAML", "---", "...", "{", "}", "[", "]", ",", "|", ">", "`", "ü", "Đ", "あ",
                                "😀", "\u{0301}", "x", "word", "  ", "<script>", "\\#", "\\@"]
        for i in 0..<120 {
            var text = "item \(i) "
            for _ in 0..<(1 + Int(rng.next() % 12)) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            if i % 30 == 0 { text += String(repeating: "long ", count: 2000) }
            r = try debrief(["add", i % 2 == 0 ? "lessons" : "actions", text, "--file", "r.yml"], in: dir)
            if r.status != 0 && r.status != 64 { XCTFail("add \(i) exit \(r.status): \(r.stderr.prefix(300))"); break }
            let check = try debrief(["check", "r.yml", "--format", "json"], in: dir)
            if check.status == 65 || check.status == 70 {
                XCTFail("after add \(i) (\(text.debugDescription.prefix(200))) the record does not load: \(check.stderr.prefix(300))")
                break
            }
        }
    }
}

/// A small seeded generator (SplitMix64): the same strings on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
