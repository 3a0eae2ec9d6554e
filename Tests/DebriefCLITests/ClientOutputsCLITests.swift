import Foundation
import XCTest

/// The letter and PDF as a user runs them.
final class ClientOutputsCLITests: XCTestCase {
    var dir = ""
    override func setUpWithError() throws { dir = try makeTempDir() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }
    let env = ["DEBRIEF_TODAY": "2026-11-22"]

    func chromium() throws -> String {
        for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"] where FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        if ProcessInfo.processInfo.environment["DEBRIEF_REQUIRE_CHROMIUM"] == "1" {
            XCTFail("Chromium is not installed, and make test requires it (scripts/setup.sh installs it)")
        }
        throw XCTSkip("Chromium is not installed")
    }

    func pdftotext(_ pdf: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = [pdf, dir + "/out.txt"]
        try p.run(); p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return try String(contentsOfFile: dir + "/out.txt", encoding: .utf8)
    }

    func folded(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Whether every word of `phrase` stands in `text` in order (table cells interleave in extracted text).
    func containsInOrder(_ text: [Substring], _ phrase: String) -> Bool {
        var i = 0
        for w in phrase.split(whereSeparator: \.isWhitespace) {
            while i < text.count && text[i] != w { i += 1 }
            if i == text.count { return false }
            i += 1
        }
        return true
    }

    func testLetterMarkdownToStandardOutput() throws {
        let r = try debrief(["letter", example], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("22 November 2026\n\n**Deck rework for the autumn conference**\n\nDear Marketing director,"), r.stdout)
        // The follow-up date is the call to the marketing director, which the client-follow-up check recognises.
        XCTAssertTrue(r.stdout.contains("We will be in touch again by **22 December 2026**"), r.stdout)
        XCTAssertEqual(r.stdout, try String(contentsOfFile: packageRoot + "/Tests/Golden/bank-deck.letter.md", encoding: .utf8))
    }

    func testLetterUsesTheArchiveSignature() throws {
        try "archive: 1\nagency: Northlight Studio\n".write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["letter", example], in: dir, env: env)
        XCTAssertTrue(r.stdout.hasSuffix("Kind regards,\n\nThe team at Northlight Studio\n"), r.stdout)
    }

    func testLetterRefusesNamesWithExitOne() throws {
        let text = try String(contentsOfFile: example, encoding: .utf8)
            .replacingOccurrences(of: "- text: We did not confirm the agreements in writing.", with: "- text: Anna did not confirm the agreements in writing.")
        try text.write(toFile: dir + "/named.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["letter", "named.yml", "-o", "letter.md"], in: dir, env: env)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("named.yml:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("names the team member 'Anna Berg'"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/letter.md"))
    }

    func testPDFWithoutChromiumIsSixtyNineWithAHint() throws {
        let emptyBin = dir + "/bin"
        try FileManager.default.createDirectory(atPath: emptyBin, withIntermediateDirectories: true)
        let r = try debrief(["render", example, "--to", "pdf", "--audience", "client", "-o", "c.pdf"], in: dir,
                            env: ["PATH": emptyBin, "DEBRIEF_CHROMIUM": ""])
        XCTAssertEqual(r.status, 69)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(r.stderr.contains("apt-get install chromium"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/c.pdf"))
        let given = try debrief(["letter", example, "--to", "pdf", "--chromium", "/no/such/chromium", "-o", "l.pdf"], in: dir)
        XCTAssertEqual(given.status, 69)
        XCTAssertTrue(given.stderr.contains("/no/such/chromium"))
    }

    func testClientPDFHoldsTheTitleAndEveryClientVisibleItem() throws {
        let chrome = try chromium()
        let r = try debrief(["render", example, "--to", "pdf", "--audience", "client", "--chromium", chrome, "-o", "c.pdf"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = folded(try pdftotext(dir + "/c.pdf"))
        let words = text.split(separator: " ")
        XCTAssertTrue(text.contains("Conference deck for the bank"))
        // Every item the client may see, as plain words (emphasis markers and links dropped).
        let json = try debrief(["render", example, "--to", "json", "--audience", "client"], in: dir)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sections = try XCTUnwrap(obj["sections"] as? [String: [String: Any]])
        var checked = 0
        for (_, s) in sections {
            for item in (s["items"] as? [[String: Any]]) ?? [] {
                let plain = (item["text"] as! String).replacingOccurrences(of: "*", with: "")
                    .replacingOccurrences(of: "[the brief](https://example.com/brief)", with: "the brief")
                XCTAssertTrue(containsInOrder(words, plain), "missing from the PDF: \(plain)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 30)
        XCTAssertFalse(text.contains("Tamás"))
        XCTAssertTrue(text.contains("1/") || text.contains("1 /"), "page numbers")
    }

    func testLetterPDF() throws {
        let chrome = try chromium()
        let r = try debrief(["letter", example, "--to", "pdf", "--chromium", chrome, "-o", "l.pdf"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = folded(try pdftotext(dir + "/l.pdf"))
        XCTAssertTrue(text.contains("Dear Marketing director,"))
        XCTAssertTrue(text.contains("We are sorry."))
        XCTAssertTrue(text.contains("22 December 2026"))
    }

    func testNoLetterForADebriefWithoutAClient() throws {
        try """
        debrief: 1
        format: sprint
        title: Sprint 14
        sections:
          lessons:
            - text: We demo every Friday.
        """.write(toFile: dir + "/sprint.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["letter", "sprint.yml", "-o", "letter.md"], in: dir, env: env)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("no one to write a letter to"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/letter.md"))
    }

    func testTheArchivesOwnTemplatesReplaceTheBuiltInOnes() throws {
        try "archive: 1\n".write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/templates/letter", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/templates/html", withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: MARKDOWN }}\nHi {{salutation}}, in our own words.\n".write(toFile: dir + "/templates/letter/letter.md.mustache", atomically: true, encoding: .utf8)
        try "body { color: #123456; }\n".write(toFile: dir + "/templates/html/report.css", atomically: true, encoding: .utf8)
        let letter = try debrief(["letter", example], in: dir, env: env)
        XCTAssertEqual(letter.stdout, "Hi Marketing director, in our own words.\n", letter.stderr)
        let page = try debrief(["render", example, "--to", "html", "--audience", "client"], in: dir, env: env)
        XCTAssertTrue(page.stdout.contains("body { color: #123456; }"), "the archive's stylesheet")
        XCTAssertTrue(page.stdout.contains("<h1"), "the built-in report template still serves")
    }
}
