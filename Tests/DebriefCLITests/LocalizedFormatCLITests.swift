import Foundation
import XCTest

/// A debrief in another language is rendered with its format's words in that language (the record's locale,
/// else the archive's), and English where the translation says nothing.
final class LocalizedFormatCLITests: XCTestCase {
    func testTheReportSpeaksTheRecordsLanguage() throws {
        let dir = try makeTempDir("debrief-l10n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: packageRoot + "/templates", toPath: dir + "/templates")
        try? FileManager.default.removeItem(atPath: dir + "/templates/formats/sprint.vi.yml")
        try "format: sprint\nlocale: vi\nsections:\n  - id: lessons\n    title: Bài học rút ra\n"
            .write(toFile: dir + "/templates/formats/sprint.vi.yml", atomically: true, encoding: .utf8)
        try "debrief: 1\nformat: sprint\ntitle: Sprint 14\nlocale: vi\nsections:\n  lessons:\n    - Chúng tôi demo vào thứ Năm.\n  went-well:\n    - Bản demo chạy tốt.\n"
            .write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
        let english = try String(contentsOfFile: packageRoot + "/templates/formats/sprint.yml", encoding: .utf8)
        let wentWell = english.components(separatedBy: "\n").first { $0.contains("title:") && english.range(of: "id: went-well")!.upperBound < english.range(of: $0)!.lowerBound }?
            .replacingOccurrences(of: "title:", with: "").trimmingCharacters(in: .whitespaces) ?? ""
        let r = try debrief(["render", "r.yml", "--to", "md"], in: dir, env: ["DEBRIEF_TEMPLATES": dir + "/templates"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("## Bài học rút ra"), r.stdout)
        XCTAssertTrue(r.stdout.contains("## " + wentWell), "what the translation leaves out stays English: \(r.stdout)")
    }
}
