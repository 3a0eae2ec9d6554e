import Foundation
import XCTest

/// PDF printing as a user meets it: a Chromium that hangs is killed with every process it started, and a PDF's
/// links never point into the private folder it was printed from.
final class PDFCLITests: XCTestCase {
    func testAHungChromiumAndItsChildrenAreKilledAtTheTimeout() throws {
        let dir = try makeTempDir("debrief-pdf")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let marker = "4\(Int.random(in: 100_000...999_999)).5"   // a sleep of its own, to find its processes by

        // A "Chromium" that starts a helper and never prints.
        let fake = dir + "/chromium"
        try "#!/bin/sh\nsleep \(marker) &\nexec sleep \(marker)\n".write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        try FileManager.default.copyItem(atPath: packageRoot + "/examples/bank-deck.yml", toPath: dir + "/r.yml")
        let started = Date()
        let r = try debrief(["render", "r.yml", "--to", "pdf", "-o", "r.pdf", "--chromium", fake], in: dir,
                            env: ["DEBRIEF_PDF_TIMEOUT": "1"])
        XCTAssertEqual(r.status, 70, r.stderr)
        XCTAssertTrue(r.stderr.contains("Chromium did not finish printing within 1 seconds"), r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "the timeout is kept")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/r.pdf"))
        usleep(200_000)
        let ps = Process()
        ps.executableURL = URL(fileURLWithPath: "/bin/sh")
        ps.arguments = ["-c", "ps -eo args | grep 'sleep \(marker)' | grep -v grep || true"]
        let pipe = Pipe()
        ps.standardOutput = pipe
        try ps.run(); ps.waitUntilExit()
        let left = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(left, "", "processes left running: \(left)")
    }

    func testRelativeLinksLoseTheirAddressInAPDF() throws {
        guard ProcessInfo.processInfo.environment["DEBRIEF_REQUIRE_CHROMIUM"] == "1"
                || FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else {
            throw XCTSkip("Chromium is not installed")
        }
        let dir = try makeTempDir("debrief-pdf")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            debrief: 1
            format: sprint
            title: Links
            sections:
              lessons:
                - text: "See [the brief](specs/brief.md), [the facts](#went-well) and [the site](https://example.com/x)."

            """.write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["render", "r.yml", "--to", "pdf", "-o", "r.pdf"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let pdf = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/r.pdf")), as: UTF8.self)
        XCTAssertFalse(pdf.contains("debrief-pdf-"), "a link into the private folder")
        XCTAssertFalse(pdf.contains("file://"), "a file link")
        XCTAssertTrue(pdf.contains("https://example.com/x"), "a full address stays a link")
    }
}
