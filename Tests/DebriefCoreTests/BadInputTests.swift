import DebriefCore
import Foundation
import XCTest

/// Every file in Tests/Fixtures/bad must fail to load with the position and
/// message its first line announces: `# expect: LINE:COL: SUBSTRING`.
final class BadFixtureTests: XCTestCase {
    struct Expectation {
        var line: Int
        var column: Int
        var substring: String
    }

    static func expectation(in text: String) -> Expectation? {
        let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let prefix = "# expect: "
        guard first.hasPrefix(prefix) else { return nil }
        let rest = first.dropFirst(prefix.count)
        let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let l = Int(parts[0]), let c = Int(parts[1]), parts[2].hasPrefix(" ") else { return nil }
        let sub = String(parts[2].dropFirst())
        guard !sub.isEmpty else { return nil }
        return Expectation(line: l, column: c, substring: sub)
    }

    func testFixtureFolderIsPopulated() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: badFixturesDir).filter { $0.hasSuffix(".yml") }
        XCTAssertGreaterThanOrEqual(names.count, 15, "Tests/Fixtures/bad holds too few fixtures")
    }

    func testEveryBadFixtureFailsWhereItSays() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: badFixturesDir)
            .filter { $0.hasSuffix(".yml") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 15)
        let formats = try builtInCatalog()
        for name in names {
            let path = badFixturesDir + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let exp = Self.expectation(in: text) else {
                XCTFail("\(name): the first line must be '# expect: LINE:COL: SUBSTRING'")
                continue
            }
            XCTAssertGreaterThan(exp.line, 1, "\(name): line 1 is the expectation comment")
            var caught: Error?
            do {
                _ = try RecordReader.load(path: path, display: name, formats: formats)
            } catch {
                caught = error
            }
            assertLoadError(caught, file: name, line: exp.line, column: exp.column, contains: exp.substring)
        }
    }

    func testExpectationParser() {
        let e = Self.expectation(in: "# expect: 12:3: found 'x': y\nbody")
        XCTAssertEqual(e?.line, 12)
        XCTAssertEqual(e?.column, 3)
        XCTAssertEqual(e?.substring, "found 'x': y")
        XCTAssertNil(Self.expectation(in: "# expect 1:2: x"))
        XCTAssertNil(Self.expectation(in: "# expect: 1:2:"))
    }
}

/// Inputs that cannot comfortably live in a fixture file: made at run time.
final class BadBytesTests: XCTestCase {
    func testNulByteIsRefusedAsBinary() throws {
        let dir = try makeTempDir()
        let bytes = Array("debrief: 1\ntitle: a".utf8) + [0] + Array("b\n".utf8)
        let err = try loadError(bytes, name: "nul.yml", in: dir)
        assertLoadError(err, file: "nul.yml", line: 2, column: 9, contains: "NUL")
        XCTAssertTrue((err as? LoadError)?.message.contains("binary") ?? false)
    }

    func testControlCharacterIsRefused() throws {
        let dir = try makeTempDir()
        let bytes = Array("debrief: 1\n\ttitle: x\u{1B}y\n".utf8)
        let err = try loadError(bytes, name: "esc.yml", in: dir)
        assertLoadError(err, file: "esc.yml", line: 2, column: 10, contains: "0x1B")
    }

    func testInvalidUTF8ByteOnLineThree() throws {
        let dir = try makeTempDir()
        // "client: Bé" is 10 characters (é is two bytes); the bad byte is the 11th character.
        let bytes = Array("debrief: 1\ntitle: Deck\nclient: Bé".utf8) + [0xFF] + Array("k\n".utf8)
        let err = try loadError(bytes, name: "latin1.yml", in: dir)
        assertLoadError(err, file: "latin1.yml", line: 3, column: 11, contains: "0xFF")
        XCTAssertTrue((err as? LoadError)?.message.contains("UTF-8") ?? false)
    }

    func testTruncatedUTF8SequenceAtTheEnd() throws {
        let dir = try makeTempDir()
        let bytes = Array("debrief: 1\ntitle: Caf".utf8) + [0xC3]
        let err = try loadError(bytes, name: "cut.yml", in: dir)
        assertLoadError(err, file: "cut.yml", line: 2, column: 11, contains: "0xC3")
    }

    func testOverlongEncodingIsRefused() throws {
        let dir = try makeTempDir()
        // 0xC0 0xAF is an overlong '/', not valid UTF-8.
        let bytes = Array("debrief: 1\ntitle: a".utf8) + [0xC0, 0xAF] + Array("\n".utf8)
        let err = try loadError(bytes, name: "overlong.yml", in: dir)
        assertLoadError(err, file: "overlong.yml", line: 2, column: 9, contains: "0xC0")
    }

    func testC1ControlCharacterGetsItsPosition() throws {
        // U+0080 is valid UTF-8, but YAML refuses it; libyaml reports a byte offset.
        let dir = try makeTempDir()
        let bytes = Array("debrief: 1\ntitle: Deck\nclient: B\u{80}\n".utf8)
        let err = try loadError(bytes, name: "c1.yml", in: dir)
        assertLoadError(err, file: "c1.yml", line: 3, column: 10, contains: "control characters")
    }

    func testC1ControlCharacterAfterABOMGetsItsPosition() throws {
        // The byte order mark is not a column: the bad character is the 9th of line 1.
        let dir = try makeTempDir()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("title: B\u{80}\n".utf8)
        let err = try loadError(bytes, name: "bom-c1.yml", in: dir)
        assertLoadError(err, file: "bom-c1.yml", line: 1, column: 9, contains: "control characters")
    }

    func testFileOverTenMegabytesIsRefused() throws {
        let dir = try makeTempDir()
        let path = dir + "/huge.yml"
        let data = Data(repeating: UInt8(ascii: "#"), count: InputLimits.maxFileBytes + 1)
        XCTAssertEqual(InputLimits.maxFileBytes, 10 * 1024 * 1024)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: data))
        var caught: Error?
        do { _ = try RecordReader.load(path: path, display: "huge.yml", formats: builtInCatalog()) } catch { caught = error }
        assertLoadError(caught, file: "huge.yml", line: 1, column: 1, contains: "10 MB")
    }

    func testFileOfExactlyTenMegabytesIsRead() throws {
        // At the limit the file is read (and fails later, as an empty record: it is all comment).
        let dir = try makeTempDir()
        let path = dir + "/limit.yml"
        var data = Data(repeating: UInt8(ascii: " "), count: InputLimits.maxFileBytes)
        data[0] = UInt8(ascii: "#")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: data))
        var caught: Error?
        do { _ = try RecordReader.load(path: path, display: "limit.yml", formats: builtInCatalog()) } catch { caught = error }
        let e = try XCTUnwrap(caught as? LoadError)
        XCTAssertFalse(e.message.contains("10 MB"), e.message)
        XCTAssertTrue(e.message.contains("empty file"), e.message)
    }

    func testMissingFile() throws {
        let dir = try makeTempDir()
        do {
            _ = try RecordReader.load(path: dir + "/nope.yml", display: "nope.yml", formats: builtInCatalog())
            XCTFail("a missing file loaded")
        } catch let e as MissingFileError {
            XCTAssertEqual(e.path, "nope.yml")
            XCTAssertEqual(e.description, "nope.yml: error: no such file")
        }
    }

    func testMissingFolderInPathIsAMissingFile() throws {
        let dir = try makeTempDir()
        XCTAssertThrowsError(try RecordReader.load(path: dir + "/no/such/dir.yml", formats: builtInCatalog())) {
            XCTAssertTrue($0 is MissingFileError, "\($0)")
        }
    }

    func testEmptyFile() throws {
        let dir = try makeTempDir()
        let err = try loadError([], name: "empty.yml", in: dir)
        assertLoadError(err, file: "empty.yml", line: 1, column: 1, contains: "empty file")
    }

    func testCommentOnlyFileIsEmpty() throws {
        let dir = try makeTempDir()
        let err = try loadError(Array("# nothing here yet\n\n".utf8), name: "comments.yml", in: dir)
        XCTAssertTrue((err as? LoadError)?.message.contains("empty file") ?? false, "\(String(describing: err))")
    }

    func testFolderIsNotAFile() throws {
        let dir = try makeTempDir()
        try FileManager.default.createDirectory(atPath: dir + "/record.yml", withIntermediateDirectories: false)
        var caught: Error?
        do { _ = try RecordReader.load(path: dir + "/record.yml", display: "record.yml", formats: builtInCatalog()) } catch { caught = error }
        assertLoadError(caught, file: "record.yml", line: 1, column: 1, contains: "folder")
    }

    func testBOMDoesNotShiftColumns() throws {
        let dir = try makeTempDir()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("debrief: 1\ntitel: x\n".utf8)
        let err = try loadError(bytes, name: "bom.yml", in: dir)
        assertLoadError(err, file: "bom.yml", line: 2, column: 1, contains: "'titel'")
        let err1 = try loadError([0xEF, 0xBB, 0xBF] + Array("titel: x\n".utf8), name: "bom1.yml", in: dir)
        assertLoadError(err1, file: "bom1.yml", line: 1, column: 1, contains: "'titel'")
    }

    func testCRLFPositions() throws {
        let dir = try makeTempDir()
        let bytes = Array("debrief: 1\r\ntitle: Deck\r\nstatus: done\r\n".utf8)
        let err = try loadError(bytes, name: "crlf.yml", in: dir)
        assertLoadError(err, file: "crlf.yml", line: 3, column: 9, contains: "found 'done'")
    }

    func testMultiLineValueStaysOnOneLineInTheMessage() throws {
        // A multi-line value quoted in the message must not break the one-line error format.
        let dir = try makeTempDir()
        let bytes = Array("debrief: 1\ntitle: Deck\nparticipants:\n  - name: Anna\n    side: |\n      us\n      and them\n".utf8)
        let err = try loadError(bytes, name: "side.yml", in: dir)
        assertLoadError(err, file: "side.yml", line: 5, column: 11, contains: "expected 'us' or 'client'")
    }
}
