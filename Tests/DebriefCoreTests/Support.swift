import DebriefCore
import Foundation
import XCTest

@_exported import DebriefTestSupport

let coreTestsRoot = packageRoot
let coreExamplePath = examplePath
let badFixturesDir = packageRoot + "/Tests/Fixtures/bad"

func loadCoreExample() throws -> Record {
    try RecordReader.load(path: coreExamplePath, display: "bank-deck.yml", formats: builtInCatalog())
}

/// Parses YAML text the way `load` would after reading the file.
func parseRecord(_ text: String, file: String = "test.yml") throws -> Record {
    try RecordReader.parse(bytes: Array(text.utf8), file: file, formats: builtInCatalog())
}

extension XCTestCase {
    /// A fresh folder, removed when the test ends.
    func makeTempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("debrief-core-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// Writes `bytes` to `dir/name` and loads it as a record; returns the error it throws.
    func loadError(_ bytes: [UInt8], name: String, in dir: String,
                   file: StaticString = #filePath, line: UInt = #line) throws -> Error? {
        let path = dir + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)), file: file, line: line)
        do {
            _ = try RecordReader.load(path: path, display: name, formats: builtInCatalog())
            return nil
        } catch {
            return error
        }
    }

    /// Asserts that `error` is a `LoadError` at `line:column` whose message contains `substring`.
    func assertLoadError(_ error: Error?, file name: String, line: Int, column: Int, contains substring: String,
                         file: StaticString = #filePath, line testLine: UInt = #line) {
        guard let error else {
            XCTFail("\(name): expected a LoadError, but it loaded", file: file, line: testLine)
            return
        }
        guard let e = error as? LoadError else {
            XCTFail("\(name): expected a LoadError, got \(type(of: error)): \(error)", file: file, line: testLine)
            return
        }
        XCTAssertEqual(e.file, name, file: file, line: testLine)
        XCTAssertEqual("\(e.position.line):\(e.position.column)", "\(line):\(column)",
                       "\(name): wrong position for: \(e.message)", file: file, line: testLine)
        XCTAssertTrue(e.message.contains(substring),
                      "\(name): message '\(e.message)' does not contain '\(substring)'", file: file, line: testLine)
        XCTAssertEqual(e.description, "\(name):\(e.position.line):\(e.position.column): error: \(e.message)",
                       file: file, line: testLine)
        XCTAssertFalse(e.description.contains("\n") || e.description.contains("\r"),
                       "\(name): the error is not on one line: \(e.description.debugDescription)", file: file, line: testLine)
    }
}
