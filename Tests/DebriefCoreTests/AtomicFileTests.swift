import DebriefCore
import Foundation
import XCTest

final class AtomicFileTests: XCTestCase {
    func mode(_ path: String) -> mode_t {
        var st = stat()
        XCTAssertEqual(stat(path, &st), 0, "stat \(path)")
        return st.st_mode & 0o7777
    }

    func contents(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// Runs `body` with the process umask set to `mask`.
    func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
        let old = umask(mask)
        defer { umask(old) }
        return try body()
    }

    func testNewFileGets0644UnderUmask022() throws {
        let dir = try makeTempDir()
        let path = dir + "/new.yml"
        try withUmask(0o022) { try AtomicFile.write("hello\n", to: path) }
        XCTAssertEqual(try contents(path), "hello\n")
        XCTAssertEqual(mode(path), 0o644)
    }

    func testNewFileFollowsUmask() throws {
        let dir = try makeTempDir()
        let path = dir + "/private.yml"
        try withUmask(0o077) { try AtomicFile.write("x", to: path) }
        XCTAssertEqual(mode(path), 0o600)
    }

    func testOverwriteKeepsMode0600() throws {
        let dir = try makeTempDir()
        let path = dir + "/secret.yml"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("old".utf8)))
        XCTAssertEqual(chmod(path, 0o600), 0)
        try withUmask(0o022) { try AtomicFile.write("new contents\n", to: path) }
        XCTAssertEqual(try contents(path), "new contents\n")
        XCTAssertEqual(mode(path), 0o600)
    }

    func testOverwriteReplacesLongerContent() throws {
        let dir = try makeTempDir()
        let path = dir + "/f.yml"
        try AtomicFile.write(String(repeating: "long line\n", count: 100), to: path)
        try AtomicFile.write("short\n", to: path)
        XCTAssertEqual(try contents(path), "short\n")
    }

    func testNoTemporaryFilesAreLeft() throws {
        let dir = try makeTempDir()
        let path = dir + "/record.yml"
        for i in 0..<5 { try AtomicFile.write("version \(i)\n", to: path) }
        try AtomicFile.write([UInt8](), to: dir + "/empty.yml")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertEqual(names, ["empty.yml", "record.yml"])
        XCTAssertEqual(try contents(path), "version 4\n")
        XCTAssertEqual(try contents(dir + "/empty.yml"), "")
    }

    func testFailedWriteLeavesNoTemporaryFile() throws {
        let dir = try makeTempDir()
        try FileManager.default.createDirectory(atPath: dir + "/folder.yml", withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/folder.yml")) { error in
            XCTAssertTrue(error is WriteError, "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["folder.yml"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/folder.yml"), [])
    }

    func testMissingFolderThrowsWriteError() throws {
        let dir = try makeTempDir()
        let path = dir + "/no/such/folder/out.yml"
        XCTAssertThrowsError(try AtomicFile.write("x", to: path)) { error in
            guard let e = error as? WriteError else { return XCTFail("expected WriteError, got \(error)") }
            XCTAssertEqual(e.path, path)
            XCTAssertFalse(e.reason.isEmpty)
            XCTAssertTrue(e.description.hasPrefix("\(path): error: cannot write: "), e.description)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/no"))
    }

    func testWrittenRecordLoadsBack() throws {
        let dir = try makeTempDir()
        let record = try loadCoreExample()
        let path = dir + "/copy.yml"
        try AtomicFile.write(try RecordWriter.yaml(record), to: path)
        XCTAssertEqual(try RecordReader.load(path: path, formats: builtInCatalog()), record)
    }
}
