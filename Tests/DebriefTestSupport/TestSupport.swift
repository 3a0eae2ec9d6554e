// What every test target shares: where the package is, the real executable
// run as a separate process, temporary folders, and golden files.
import DebriefCore
import Foundation
import XCTest

/// The package root (the folder holding Package.swift).
public let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url = url.deletingLastPathComponent()
    }
    return url.path
}()

public let templatesDir = packageRoot + "/templates"
public let examplePath = packageRoot + "/examples/bank-deck.yml"

/// The built-in formats.
public func builtInCatalog() throws -> FormatCatalog {
    try FormatCatalog(builtInDirectory: templatesDir + "/formats")
}

/// The built `debrief` executable, beside the test bundle.
public let debriefBinary: String = {
    let dir = Bundle.main.bundleURL
    for candidate in [dir.appendingPathComponent("debrief"), dir.deletingLastPathComponent().appendingPathComponent("debrief")] {
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
    }
    return packageRoot + "/.build/debug/debrief"
}()

public struct Run: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the real executable as a separate process, with NO_COLOR set and output collected in files.
@discardableResult
public func debrief(_ args: [String], in cwd: String, env: [String: String] = [:], stdin: String? = nil,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Run {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: debriefBinary)
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    // Output goes to files, so that a large output can never block the child.
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-run-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: tmp.path + ".out", contents: nil)
    _ = FileManager.default.createFile(atPath: tmp.path + ".err", contents: nil)
    defer { for ext in [".out", ".err", ".in"] { try? FileManager.default.removeItem(atPath: tmp.path + ext) } }
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: tmp.path + ".out"))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: tmp.path + ".err"))
    p.standardOutput = out
    p.standardError = err
    if let stdin {
        let input = tmp.path + ".in"
        _ = FileManager.default.createFile(atPath: input, contents: Data(stdin.utf8))
        p.standardInput = FileHandle(forReadingAtPath: input)
    } else {
        p.standardInput = FileHandle.nullDevice
    }
    try p.run()
    // A watchdog: a command that hangs (reading a pipe, say) fails the test instead of the whole run.
    let deadline = Date().addingTimeInterval(60)
    while p.isRunning && Date() < deadline { usleep(5_000) }
    if p.isRunning { p.terminate(); XCTFail("debrief \(args) did not finish within 60 s", file: file, line: line) }
    p.waitUntilExit()
    try out.close(); try err.close()
    let outData = try Data(contentsOf: URL(fileURLWithPath: tmp.path + ".out"))
    let errData = try Data(contentsOf: URL(fileURLWithPath: tmp.path + ".err"))
    return Run(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// A new empty folder (its real path, symlinks resolved).
public func makeTempDir(_ prefix: String = "debrief-test") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.resolvingSymlinksInPath().path
}

/// Compares `actual` with the golden file `Tests/Golden/NAME`.
///
/// With `DEBRIEF_RECORD_GOLDEN=1` the golden file is written anew and the test fails, saying so:
/// a recording run can never pass silently. Review the diff, then run the tests again without it.
public func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let path = packageRoot + "/Tests/Golden/" + name
    if ProcessInfo.processInfo.environment["DEBRIEF_RECORD_GOLDEN"] == "1" {
        let before = try? String(contentsOfFile: path, encoding: .utf8)
        do { try actual.write(toFile: path, atomically: true, encoding: .utf8) }
        catch { XCTFail("could not record \(name): \(error)", file: file, line: line); return }
        XCTFail("recorded \(name)\(before == actual ? " (unchanged)" : ""); review the diff and run the tests again without DEBRIEF_RECORD_GOLDEN",
                file: file, line: line)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        XCTFail("missing golden file \(name); run with DEBRIEF_RECORD_GOLDEN=1 to record it", file: file, line: line)
        return
    }
    if actual != expected {
        let actualPath = path + ".actual"
        try? actual.write(toFile: actualPath, atomically: true, encoding: .utf8)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        XCTFail("""
            \(name) differs from the golden file at line \(firstDiff + 1)
              expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<end>")
              actual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")
            (actual output written to \(actualPath); re-record with DEBRIEF_RECORD_GOLDEN=1 if the change is intended)
            """, file: file, line: line)
    }
}
