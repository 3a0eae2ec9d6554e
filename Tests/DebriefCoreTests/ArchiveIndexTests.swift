import DebriefCore
import Foundation
import XCTest

/// The archive index and its cache (`.debrief/index`): each record read once per change.
final class ArchiveIndexTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = try makeTempDir()
        try "archive: 1\n".write(toFile: root + "/debrief.yml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/debriefs", withIntermediateDirectories: true)
    }

    static func record(_ title: String, status: String = "final", lesson: String = "We confirm every agreement in writing.",
                       owner: String = "Anna Berg") -> String {
        """
        debrief: 1
        format: sprint
        title: \(title)
        date: 2026-11-20
        status: \(status)
        sections:
          lessons:
            - text: \(lesson)
              tags: [agreements]
          actions:
            - text: Send the confirmation template.
              owner: \(owner)
              due: 2026-12-22

        """
    }

    @discardableResult
    func write(_ name: String, _ text: String, modified: TimeInterval? = nil) throws -> String {
        let path = root + "/debriefs/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        if let modified { try setModified(path, modified) }
        return path
    }

    func setModified(_ path: String, _ seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: path)
    }

    func workspace(_ dir: String? = nil) throws -> Workspace {
        try Workspace.discover(from: dir ?? root, templates: templatesDir, today: Day("2026-12-01")!)
    }

    func snapshot() throws -> ArchiveSnapshot { try workspace().archiveIndex() }

    var cachePath: String { root + "/.debrief/index" }

    // MARK: written and reused

    func testTheIndexIsWrittenAndReused() throws {
        for i in 1...3 { try write("2026-11-2\(i)-r\(i).yml", Self.record("Record \(i)")) }
        let first = try snapshot()
        XCTAssertEqual(first.parsed, 3)
        XCTAssertEqual(first.reused, 0)
        XCTAssertEqual(first.records.map(\.title), ["Record 1", "Record 2", "Record 3"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: cachePath), "the cache is written beside debrief.yml")
        XCTAssertEqual(try String(contentsOfFile: root + "/.debrief/.gitignore", encoding: .utf8), "*\n")

        // Another command (a new workspace) reads the cache and parses nothing.
        let second = try snapshot()
        XCTAssertEqual(second.parsed, 0)
        XCTAssertEqual(second.reused, 3)
        XCTAssertEqual(second.records, first.records, "the cache gives back exactly what parsing gave")
        XCTAssertEqual(second.records[0].path, root + "/debriefs/2026-11-21-r1.yml")
        XCTAssertEqual(second.records[0].lessons.map(\.tags), [["agreements"]])
        XCTAssertEqual(second.records[0].actions.first?.owner, "Anna Berg")

        // An unchanged archive does not rewrite its cache.
        let stamp = FileStamp.of(cachePath)
        _ = try snapshot()
        XCTAssertEqual(FileStamp.of(cachePath), stamp)
    }

    func testTheSameWorkspaceAnswersFromMemory() throws {
        try write("a.yml", Self.record("A"))
        let ws = try workspace()
        XCTAssertEqual(try ws.archiveIndex().parsed, 1)
        try FileManager.default.removeItem(atPath: cachePath)
        let again = try ws.archiveIndex()
        XCTAssertEqual(again.parsed, 0)
        XCTAssertEqual(again.records.map(\.title), ["A"])
    }

    func testEntriesMatchAPlainParse() throws {
        // Enough files to be parsed in parallel; the result is the one a plain, one-by-one load gives.
        for i in 0..<40 { try write(String(format: "2026-11-%02d-r%d.yml", 1 + i % 28, i), Self.record("Record \(i)", lesson: "Lesson \(i).")) }
        try write("zz-broken.yml", "debrief: 1\nformat: sprint\ntitle: [\n")
        let snap = try snapshot()
        XCTAssertEqual(snap.parsed, 41)
        let ws = try workspace()
        let expected = try ws.archive.recordFiles().filter { !$0.hasSuffix("zz-broken.yml") }.map { path -> IndexedRecord in
            let loaded = try ws.load(path)
            return IndexedRecord(path: path, record: loaded.record, format: loaded.format, defaultLocale: "en")
        }
        XCTAssertEqual(snap.records, expected)
        XCTAssertEqual(snap.failures.count, 1)
        XCTAssertEqual(try snapshot().records, expected)
    }

    // MARK: what invalidates what

    func testAChangedFileIsReadAgainAndOnlyIt() throws {
        try write("a.yml", Self.record("A"), modified: 1_700_000_000)
        try write("b.yml", Self.record("B"), modified: 1_700_000_000)
        XCTAssertEqual(try snapshot().parsed, 2)
        try write("b.yml", Self.record("B, revised"), modified: 1_700_000_100)
        let s = try snapshot()
        XCTAssertEqual(s.parsed, 1, "only the changed file is parsed")
        XCTAssertEqual(s.reused, 1)
        XCTAssertEqual(s.records.map(\.title), ["A", "B, revised"])
        XCTAssertEqual(try snapshot().parsed, 0, "and the cache now holds the new version")
    }

    func testAReplacedFileWithTheSameSizeAndTimeIsReadAgain() throws {
        let path = try write("a.yml", Self.record("Title A"), modified: 1_700_000_000)
        XCTAssertEqual(try snapshot().parsed, 1)
        // Same length, same modification time, but a new file (a new inode, as every atomic write makes).
        try write("a.yml", Self.record("Title B"), modified: 1_700_000_000)
        XCTAssertEqual(FileStamp.of(path)?.modified, 1_700_000_000 * 1_000_000_000)
        let s = try snapshot()
        XCTAssertEqual(s.parsed, 1)
        XCTAssertEqual(s.records.map(\.title), ["Title B"])
    }

    func testAnEditInPlaceIsReadAgain() throws {
        let path = try write("a.yml", Self.record("Title A"))
        XCTAssertEqual(try snapshot().parsed, 1)
        let h = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        try h.truncate(atOffset: 0)
        try h.write(contentsOf: Data(Self.record("Title B").utf8))
        try h.close()
        XCTAssertEqual(try snapshot().records.map(\.title), ["Title B"])
    }

    func testANewFileIsAddedAndADeletedFileDisappears() throws {
        try write("a.yml", Self.record("A"))
        let b = try write("b.yml", Self.record("B"))
        XCTAssertEqual(try snapshot().records.count, 2)
        try write("c.yml", Self.record("C"))
        let added = try snapshot()
        XCTAssertEqual(added.parsed, 1)
        XCTAssertEqual(added.records.map(\.title), ["A", "B", "C"])
        try FileManager.default.removeItem(atPath: b)
        let s = try snapshot()
        XCTAssertEqual(s.parsed, 0)
        XCTAssertEqual(s.records.map(\.title), ["A", "C"])
        XCTAssertEqual(try snapshot().reused, 2, "the deleted file's entry left the cache")
    }

    func testTheArchiveLocaleInvalidatesEverything() throws {
        try write("a.yml", Self.record("A"))
        try write("b.yml", Self.record("B"))
        XCTAssertEqual(try snapshot().records.map(\.locale), ["en", "en"])
        try "archive: 1\nlocale: de\n".write(toFile: root + "/debrief.yml", atomically: true, encoding: .utf8)
        let s = try snapshot()
        XCTAssertEqual(s.parsed, 2)
        XCTAssertEqual(s.records.map(\.locale), ["de", "de"])
        XCTAssertEqual(try snapshot().parsed, 0)
    }

    func testTheArchiveFormatsInvalidateEverything() throws {
        try write("a.yml", Self.record("A"))
        try write("r.yml", "debrief: 1\nformat: review\ntitle: R\n")
        let before = try snapshot()
        XCTAssertEqual(before.records.map(\.title), ["A"])
        XCTAssertEqual(before.failures.count, 1, "no format 'review' yet")
        try FileManager.default.createDirectory(atPath: root + "/formats", withIntermediateDirectories: true)
        try """
        format: review
        name: Review
        summary: A review.
        sections:
          - id: notes
            kind: narrative
            title: Notes
            prompt: Notes?

        """.write(toFile: root + "/formats/review.yml", atomically: true, encoding: .utf8)
        let after = try snapshot()
        XCTAssertEqual(after.parsed, 2, "a new format file makes every entry stale")
        XCTAssertEqual(after.failures.map(\.message), [])
        XCTAssertEqual(after.records.map(\.title), ["A", "R"])
    }

    func testAnotherCacheIdentityIsIgnored() throws {
        try write("a.yml", Self.record("A"))
        _ = try snapshot()
        let ws = try workspace()
        let good = try XCTUnwrap(IndexCache.decode(Array(try Data(contentsOf: URL(fileURLWithPath: cachePath))), root: root))
        var other = good
        other.identity.tool = "debrief-index 0 another build"
        XCTAssertTrue(other.write(root: root))
        XCTAssertEqual(try ws.archiveIndex().parsed, 1, "written by another build: rebuilt")
        XCTAssertEqual(try snapshot().parsed, 0)
    }

    // MARK: broken records and caches

    func testABrokenFileIsReportedWithItsPositionAndTheOthersAnswer() throws {
        try write("a.yml", Self.record("A"))
        let bad = try write("b.yml", Self.record("B").replacingOccurrences(of: "status: final", with: "status: done"))
        try write("c.yml", Self.record("C"))
        let cwd = FileManager.default.currentDirectoryPath
        let display = bad.hasPrefix(cwd + "/") ? String(bad.dropFirst(cwd.count + 1)) : bad
        for (run, s) in [try snapshot(), try snapshot()].enumerated() {
            XCTAssertEqual(s.parsed, run == 0 ? 3 : 0)
            XCTAssertEqual(s.records.map(\.title), ["A", "C"])
            XCTAssertEqual(s.failures.count, 1)
            let e = try XCTUnwrap(s.failures.first)
            XCTAssertEqual(e.file, display)
            XCTAssertEqual(e.position, SourcePosition(line: 5, column: 9))
            XCTAssertTrue(e.message.contains("status"), e.message)
            XCTAssertEqual(e.description, "\(display):5:9: error: \(e.message)")
        }
        // Fixed: read again, and it answers.
        try write("b.yml", Self.record("B"))
        let fixed = try snapshot()
        XCTAssertEqual(fixed.parsed, 1)
        XCTAssertEqual(fixed.failures.count, 0)
        XCTAssertEqual(fixed.records.map(\.title), ["A", "B", "C"])
    }

    func testACorruptCacheIsIgnoredAndRebuilt() throws {
        for i in 1...3 { try write("r\(i).yml", Self.record("Record \(i)")) }
        let expected = try snapshot().records
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: cachePath)))
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        let damaged: [(String, [UInt8])] = [
            ("empty", []),
            ("garbage", Array("not an index at all\n".utf8)),
            ("cut short", Array(good.prefix(good.count / 2))),
            ("one byte changed", flipped),
            ("a byte too many", good + [0]),
            ("random", (0..<good.count).map { _ in UInt8.random(in: 0...255) }),
            ("magic only", Array("debrief-index\n".utf8) + Array(repeating: 0xFF, count: 40)),
        ]
        for (what, bytes) in damaged {
            try Data(bytes).write(to: URL(fileURLWithPath: cachePath))
            let s = try snapshot()
            XCTAssertEqual(s.parsed, 3, "\(what): the cache is ignored")
            XCTAssertEqual(s.records, expected, what)
            XCTAssertEqual(try snapshot().parsed, 0, "\(what): and rebuilt")
        }
        // A folder where the cache file should be: ignored too, and the command still answers.
        try FileManager.default.removeItem(atPath: cachePath)
        try FileManager.default.createDirectory(atPath: cachePath, withIntermediateDirectories: true)
        XCTAssertEqual(try snapshot().records, expected)
    }

    func testDecodingNeverTrapsOnDamagedBytes() throws {
        try write("a.yml", Self.record("A"))
        try write("b.yml", "debrief: 1\nformat: sprint\ntitle: [\n")
        _ = try snapshot()
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: cachePath)))
        // Every cut, and a changed byte at every position: an error or nil, never a crash.
        for n in 0..<good.count { _ = try? IndexCache.decode(Array(good.prefix(n)), root: root) }
        for i in 0..<good.count {
            var b = good
            b[i] &+= 1
            _ = try? IndexCache.decode(b, root: root)
        }
    }

    func testAnUnwritableCacheIsDoneWithout() throws {
        try write("a.yml", Self.record("A"))
        // A file where the cache's folder should be: the cache cannot be written (even by root).
        try "in the way".write(toFile: root + "/.debrief", atomically: true, encoding: .utf8)
        let s = try snapshot()
        XCTAssertEqual(s.records.map(\.title), ["A"])
        XCTAssertEqual(try snapshot().parsed, 1, "no cache: parsed each time")
        XCTAssertEqual(try String(contentsOfFile: root + "/.debrief", encoding: .utf8), "in the way")
    }

    func testAReadOnlyArchiveWorksWithoutACache() throws {
        try write("a.yml", Self.record("A"))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: root)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root) }
        let s = try snapshot()
        XCTAssertEqual(s.records.map(\.title), ["A"])
        if geteuid() != 0 {
            XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/.debrief"))
        }
    }

    func testWithoutDebriefYmlTheIndexStaysInMemory() throws {
        let dir = try makeTempDir()
        try Self.record("Loose").write(toFile: dir + "/loose.yml", atomically: true, encoding: .utf8)
        let ws = try workspace(dir)
        XCTAssertFalse(ws.archive.hasConfig)
        XCTAssertEqual(try ws.archiveIndex().parsed, 1)
        XCTAssertEqual(try ws.archiveIndex().parsed, 0, "kept in memory")
        XCTAssertEqual(try ws.archiveIndex().records.map(\.title), ["Loose"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/.debrief"), "nothing written to a folder that is not an archive")
    }

    // MARK: the format

    func testTheFormatRoundTrips() throws {
        let r = IndexedRecord(
            path: root + "/debriefs/x.yml", title: "Ünïcode ✓ title", date: nil, status: "draft", client: nil, project: "",
            locale: "pt-BR", format: "client-recovery",
            lessons: [IndexedLesson(text: "Line one\nline two", tags: [], number: 1, line: 12, isInternal: true),
                      IndexedLesson(text: "", tags: ["a", "b", "a"], number: 2, line: 0, isInternal: false)],
            actions: [IndexedAction(text: "Call", owner: nil, due: nil, done: true, tags: ["x"], number: 1, line: 30, isInternal: false),
                      IndexedAction(text: "Write", owner: "Nguyễn Thị Mai", due: "2026-12-22", done: false, tags: [], number: 2, line: 33, isInternal: true)],
            counts: ["facts": 0, "dialogue": 120, "lessons": 2])
        let outside = IndexedRecord(path: "/elsewhere/y.yml", title: "Y", date: "2026-01-01", status: "final", client: "Big Bank",
                                    project: nil, locale: "en", format: "sprint", lessons: [], actions: [], counts: [:])
        let stamp = FileStamp(size: 123, modified: -5, changed: Int64.max, inode: UInt64.max)
        let cache = IndexCache(identity: .init(tool: "t", catalog: "c", locale: "pt-BR"), entries: [
            r.path: .init(stamp: stamp, value: .record(r)),
            outside.path: .init(stamp: FileStamp(size: 0, modified: 0, changed: 0, inode: 0), value: .record(outside)),
            root + "/debriefs/bad.yml": .init(stamp: stamp, value: .failure(SourcePosition(line: 7, column: 3), "sections: expected a mapping")),
        ])
        let bytes = cache.encoded(root: root)
        XCTAssertEqual(try IndexCache.decode(bytes, root: root), cache)
        XCTAssertNil(try IndexCache.decode(bytes, root: root, identity: .init(tool: "t", catalog: "c", locale: "en")),
                     "another identity: not decoded")
        // Paths are kept relative to the archive: a moved archive keeps its cache.
        let moved = try XCTUnwrap(try IndexCache.decode(bytes, root: "/moved"))
        XCTAssertEqual(moved.entries["/moved/debriefs/x.yml"]?.stamp, stamp)
        XCTAssertNotNil(moved.entries["/elsewhere/y.yml"])
    }

    // MARK: the most recent draft

    func testTheMostRecentDraftIsTheNewestDraftAndBrokenFilesArePassedOver() throws {
        try write("2026-01-01-old-draft.yml", Self.record("Old draft", status: "draft"), modified: 1_700_000_000)
        try write("2025-01-01-new-draft.yml", Self.record("New draft", status: "draft"), modified: 1_700_000_500)
        try write("2026-12-01-final.yml", Self.record("Final"), modified: 1_700_000_900)
        try write("2026-12-02-broken.yml", "debrief: 1\nformat: sprint\ntitle: [\n", modified: 1_700_000_800)
        try write("2020-01-01-broken-old.yml", "debrief: 1\nformat: sprint\ntitle: [\n", modified: 1_600_000_000)
        let s = try snapshot()
        XCTAssertEqual(s.mostRecentDraft()?.title, "New draft", "by modification time, not by name")
        let pick = try workspace().mostRecentDraft()
        XCTAssertEqual(pick.path, root + "/debriefs/2025-01-01-new-draft.yml")
        XCTAssertEqual(pick.warnings.map(\.severity), [.warning])
        XCTAssertTrue(pick.warnings[0].file?.hasSuffix("2026-12-02-broken.yml") ?? false, "only the broken file newer than the draft")
        XCTAssertEqual(s.modified(root + "/debriefs/2026-12-01-final.yml"), 1_700_000_900 * 1_000_000_000)

        // Two drafts modified at the same time: the greater name.
        try setModified(root + "/debriefs/2026-01-01-old-draft.yml", 1_700_000_500)
        XCTAssertEqual(try snapshot().mostRecentDraft()?.title, "Old draft")
    }

    func testNoDraft() throws {
        try write("a.yml", Self.record("Final"))
        let pick = try workspace().mostRecentDraft()
        XCTAssertNil(pick.path)
        XCTAssertEqual(pick.warnings, [])
        XCTAssertNil(ArchiveSnapshot(records: [], failures: []).mostRecentDraft())
    }
}
