import Foundation
import XCTest

/// `debrief site` from the command line: the pages there and linked, nothing loaded from elsewhere, the search
/// index holding every debrief, incremental rebuilds that rewrite only what changed, and the refusals.
final class SiteCLITests: XCTestCase {
    var dir = ""
    let env = ["DEBRIEF_TODAY": "2026-11-23"]

    static let deck = """
        debrief: 1
        format: client-recovery
        title: Conference deck for the bank
        date: 2026-11-02
        status: final
        client: Big Bank
        participants:
          - name: Anna Berg
            side: us
        sections:
          facts:
            - text: The materials arrived on Monday, three days late.
              side: client
              tags: [materials]
          lessons:
            - text: We confirm every agreement in writing within a day.
              tags: [agreements]
            - text: "We do night work in pairs. #internal"
          actions:
            - text: Call the marketing director after thirty days.
              owner: Anna Berg
              due: 2026-11-10

        """

    static let vietnamese = """
        debrief: 1
        format: client-recovery
        title: Bản trình bày cho ngân hàng
        date: 2026-09-14
        status: final
        client: Ngân hàng Đông Á
        locale: vi
        sections:
          emotions:
            - text: Đội ngũ rất thất vọng.
              side: us
          lessons:
            - text: We confirm every agreement in writing, within a day!
              tags: [agreements]

        """

    static let sprint = """
        debrief: 1
        format: sprint
        title: Sprint <14> & "retro"
        date: 2026-10-01
        sections:
          lessons:
            - text: We demo on Thursdays.

        """

    override func setUpWithError() throws {
        dir = try makeTempDir("debrief-site")
        try "archive: 1\n".write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/debriefs", withIntermediateDirectories: true)
        try Self.deck.write(toFile: dir + "/debriefs/2026-11-02-deck.yml", atomically: true, encoding: .utf8)
        try Self.vietnamese.write(toFile: dir + "/debriefs/2026-09-14-ngan-hang.yml", atomically: true, encoding: .utf8)
        try Self.sprint.write(toFile: dir + "/debriefs/2026-10-01-sprint.yml", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func files(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
            .filter { !$0.hasPrefix(".debrief-site") && !$0.hasSuffix("/") }
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &d) && !d.boolValue }
            .sorted()
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: dir + "/" + path, encoding: .utf8) }

    /// Every href and src of a page, without fragment or query.
    func links(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
    }

    func testEveryPageIsThereLinkedAndLocal() throws {
        let r = try debrief(["site", "-o", "site"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("Built site/index.html: 3 debriefs."), r.stderr)
        let all = files(dir + "/site")
        for f in ["index.html", "lessons.html", "actions.html", "tags.html", "search.html", "search.js", "site.css", "report.css",
                  "d/2026-11-02-deck.html", "d/2026-09-14-ngan-hang.html", "d/2026-10-01-sprint.html", "t/agreements.html",
                  "t/materials.html", "c/big-bank.html", "search/meta.js"] {
            XCTAssertTrue(all.contains(f), "no \(f) in \(all)")
        }
        XCTAssertLessThan(try Data(contentsOf: URL(fileURLWithPath: dir + "/site/search.js")).count, 10_000, "the search script is small")

        // Every link resolves to a file of the site; nothing is loaded from elsewhere.
        var reachable = Set<String>()
        for f in all where f.hasSuffix(".html") {
            let html = try read("site/" + f)
            let base = (f as NSString).deletingLastPathComponent
            for link in links(html) {
                let target = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                                        .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
                if link.hasPrefix("https://") || link.hasPrefix("http://") || link.hasPrefix("mailto:") {
                    XCTFail("\(f) links outside: \(link)"); continue
                }
                if target.isEmpty { continue }
                let resolved = ((base.isEmpty ? target : base + "/" + target) as NSString).standardizingPath
                XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/site/" + resolved), "\(f): \(link) does not resolve")
                if f == "index.html" { reachable.insert(resolved) }
            }
            XCTAssertFalse(html.range(of: #"<script[^>]*>\s*[^<\s]"#, options: .regularExpression) != nil, "\(f) has an inline script")
            XCTAssertTrue(html.contains("script-src 'self'"), "\(f) has no Content-Security-Policy")
        }
        for page in all where page.hasPrefix("d/") { XCTAssertTrue(reachable.contains(page), "\(page) is not linked from the index") }
        for f in all where f.hasSuffix(".js") {
            let js = try read("site/" + f)
            XCTAssertFalse(js.contains("http://") || js.contains("https://"), "\(f) names a URL")
        }

        // Newest first; counts; the sprint's title escaped everywhere.
        let index = try read("site/index.html")
        let order = ["Conference deck for the bank", "Sprint &lt;14&gt; &amp; &quot;retro&quot;", "Bản trình bày cho ngân hàng"]
            .map { index.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), "a title is missing or not escaped")
        XCTAssertTrue(order[0]! < order[1]! && order[1]! < order[2]!, "newest first")
        XCTAssertFalse(index.contains("<14>"))
        XCTAssertTrue(try read("site/search/meta.js").contains(#"Sprint \u003c14\u003e \u0026 \"retro\""#), "escaped for a script")

        // The lessons page groups the same rule from two debriefs, recurring; the internal lesson marked internal.
        let lessons = try read("site/lessons.html")
        XCTAssertTrue(lessons.contains("is-recurring"), lessons)
        XCTAssertTrue(lessons.contains("d/2026-09-14-ngan-hang.html") && lessons.contains("d/2026-11-02-deck.html"))
        XCTAssertTrue(lessons.contains("is-internal"))
        // The actions page: the overdue one first, as overdue.
        XCTAssertTrue(try read("site/actions.html").contains("state-overdue"))
    }

    func testSearchIndexHoldsEveryDebriefAndFoldsVietnamese() throws {
        XCTAssertEqual(try debrief(["site", "-o", "site"], in: dir, env: env).status, 0)
        let meta = try read("site/search/meta.js")
        for title in ["Conference deck for the bank", "Bản trình bày cho ngân hàng"] { XCTAssertTrue(meta.contains(title), meta) }
        let shards = files(dir + "/site/search").filter { $0.hasPrefix("t") }
        let tokens = try shards.map { try read("site/search/" + $0) }.joined()
        // "thất vọng" typed "that vong"; "Đông" as "dong"; nothing kept with its marks.
        for t in ["\"that\"", "\"vong\"", "\"dong\"", "\"materials\"", "\"thursdays\""] { XCTAssertTrue(tokens.contains(t), "no \(t)") }
        XCTAssertFalse(tokens.contains("thất"))
        // The internal lesson is on the team's site.
        XCTAssertTrue(tokens.contains("\"night\""))
    }

    func testOneChangeRewritesOnlyItsPageTheListsAndItsSearchFiles() throws {
        XCTAssertEqual(try debrief(["site", "-o", "site"], in: dir, env: env).status, 0)
        // Every file an old time, so that a rewrite shows.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        let before = files(dir + "/site")
        for f in before { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: dir + "/site/" + f) }
        func rewritten() -> [String] {
            files(dir + "/site").filter { f in
                ((try? FileManager.default.attributesOfItem(atPath: dir + "/site/" + f)[.modificationDate]) as? Date) != old
            }
        }

        // Nothing changed: nothing written.
        var r = try debrief(["site", "-o", "site"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(rewritten(), [])
        XCTAssertTrue(r.stderr.contains("0 pages rendered, 0 files written"), r.stderr)

        // Saved again unchanged: rendered again, nothing written.
        try Self.sprint.write(toFile: dir + "/debriefs/2026-10-01-sprint.yml", atomically: true, encoding: .utf8)
        r = try debrief(["site", "-o", "site"], in: dir, env: env)
        XCTAssertEqual(rewritten(), [])
        XCTAssertTrue(r.stderr.contains("1 page rendered, 0 files written"), r.stderr)

        // A lesson's wording changed: its page, the lists that show it, the search files it touches.
        try Self.sprint.replacingOccurrences(of: "We demo on Thursdays.", with: "We demo on Wednesdays.")
            .write(toFile: dir + "/debriefs/2026-10-01-sprint.yml", atomically: true, encoding: .utf8)
        r = try debrief(["site", "-o", "site"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        let changed = rewritten()
        XCTAssertTrue(changed.contains("d/2026-10-01-sprint.html"), "\(changed)")
        XCTAssertTrue(changed.contains("lessons.html"), "\(changed)")
        XCTAssertFalse(changed.contains("d/2026-11-02-deck.html"), "\(changed)")
        XCTAssertFalse(changed.contains("d/2026-09-14-ngan-hang.html"), "\(changed)")
        XCTAssertFalse(changed.contains("index.html"), "the index shows no lesson text: \(changed)")
        XCTAssertFalse(changed.contains("site.css") || changed.contains("search.js"), "\(changed)")
        let searchFiles = changed.filter { $0.hasPrefix("search/") }
        XCTAssertTrue(searchFiles.contains("search/p0.js"), "its passages: \(changed)")
        let shards = files(dir + "/site/search").filter { $0.hasPrefix("t") }.count
        XCTAssertLessThanOrEqual(searchFiles.count, 3, "two tokens changed, one passage shard, of \(shards) shards: \(searchFiles)")
        XCTAssertTrue(try read("site/d/2026-10-01-sprint.html").contains("Wednesdays"))

        // A debrief removed: its page is gone, the lists no longer show it.
        try FileManager.default.removeItem(atPath: dir + "/debriefs/2026-10-01-sprint.yml")
        r = try debrief(["site", "-o", "site"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/site/d/2026-10-01-sprint.html"))
        XCTAssertFalse(try read("site/index.html").contains("Sprint"))
        XCTAssertFalse(try read("site/search/meta.js").contains("Sprint"))
    }

    func testARecordThatDoesNotLoadIsReportedAndTheRestBuilt() throws {
        try "debrief: 1\ntitle: [broken\n".write(toFile: dir + "/debriefs/2026-01-01-broken.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["site", "-o", "site"], in: dir, env: env)
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("debriefs/2026-01-01-broken.yml:2:"), r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/site/d/2026-11-02-deck.html"))
    }

    func testAFolderWithOtherFilesIsNeverWrittenInto() throws {
        try FileManager.default.createDirectory(atPath: dir + "/docs", withIntermediateDirectories: true)
        try "mine".write(toFile: dir + "/docs/notes.txt", atomically: true, encoding: .utf8)
        let r = try debrief(["site", "-o", "docs"], in: dir, env: env)
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.contains("docs: error: cannot write: the folder has files and is not a site debrief built"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/docs"), ["notes.txt"])
    }

    func testClientPortal() throws {
        // Two clients: a portal is for one.
        var r = try debrief(["site", "--audience", "client", "-o", "portal"], in: dir, env: env)
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertTrue(r.stderr.contains("add --client NAME"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/portal"))

        r = try debrief(["site", "--audience", "client", "--client", "big bank", "-o", "portal"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        let all = files(dir + "/portal")
        XCTAssertTrue(all.contains("d/2026-11-02-deck.html"))
        XCTAssertFalse(all.contains { $0.contains("ngan-hang") || $0.contains("sprint") }, "another client's and a draft: \(all)")
        XCTAssertFalse(all.contains { $0.hasPrefix("t/") || $0 == "tags.html" }, "tags never reach the client")
        for f in all where f.hasSuffix(".html") || f.hasSuffix(".js") {
            let text = try read("portal/" + f)
            for hidden in ["Anna", "night work", "#internal", "agreements", "Ngân"] {
                XCTAssertFalse(text.contains(hidden), "\(f) shows \(hidden)")
            }
        }
        XCTAssertTrue(try read("portal/actions.html").contains("our team"))

        r = try debrief(["site", "--client", "x"], in: dir, env: env)
        XCTAssertEqual(r.status, 64)
    }

    /// A debrief shown on a tag's page only through a lesson group (its own lesson has no tag) changes its title:
    /// the tag's page shows the new title; a page of a tag it has nothing to do with is left as it was.
    func testATagPageFollowsTheDebriefsOfItsLessonGroups() throws {
        try FileManager.default.removeItem(atPath: dir + "/debriefs/2026-10-01-sprint.yml")
        let untagged = Self.vietnamese.replacingOccurrences(of: "      tags: [agreements]\n", with: "")
        try untagged.write(toFile: dir + "/debriefs/2026-09-14-ngan-hang.yml", atomically: true, encoding: .utf8)
        XCTAssertEqual(try debrief(["site", "-o", "site"], in: dir, env: env).status, 0)
        XCTAssertTrue(try read("site/t/agreements.html").contains("Bản trình bày cho ngân hàng"), "in the group")
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: dir + "/site/t/materials.html")
        try untagged.replacingOccurrences(of: "title: Bản trình bày cho ngân hàng", with: "title: Bản trình bày mới")
            .write(toFile: dir + "/debriefs/2026-09-14-ngan-hang.yml", atomically: true, encoding: .utf8)
        let r = try debrief(["site", "-o", "site"], in: dir, env: env)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try read("site/t/agreements.html").contains("Bản trình bày mới"))
        XCTAssertFalse(try read("site/t/agreements.html").contains("Bản trình bày cho ngân hàng"))
        let materials = try FileManager.default.attributesOfItem(atPath: dir + "/site/t/materials.html")[.modificationDate] as? Date
        XCTAssertEqual(materials, old, "another tag's page is left alone")
    }
}
