import DebriefCore
import DebriefRender
import Foundation
import XCTest

/// The package root (the folder holding Package.swift).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url = url.deletingLastPathComponent()
    }
    return url.path
}()

let templatesDir = packageRoot + "/templates"
let examplePath = packageRoot + "/examples/bank-deck.yml"

func catalog() throws -> FormatCatalog {
    try FormatCatalog(builtInDirectory: templatesDir + "/formats")
}

func loadExample() throws -> Record {
    try RecordReader.load(path: examplePath, display: "examples/bank-deck.yml", formats: catalog())
}

func report(_ record: Record, _ audience: Audience, allowNames: Bool = false, file: String = "examples/bank-deck.yml") throws -> Report {
    let cat = try catalog()
    let format = try XCTUnwrap(cat.format(record.format))
    let labels = try Labels.load(templates: templatesDir, locale: record.locale)
    return try Report.build(record: record, format: format, audience: audience, labels: labels, file: file, allowNames: allowNames)
}

func renderAll(_ r: Report) throws -> (md: String, html: String, json: String) {
    let t = try HTMLTemplates.load(templates: templatesDir)
    return (MarkdownRenderer.render(r) + "\n", try HTMLRenderer.render(r, templates: t), JSONRenderer.render(r))
}

/// Compares `actual` with the golden file `Tests/Golden/NAME`; with
/// DEBRIEF_RECORD_GOLDEN=1 in the environment the golden file is re-recorded.
func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let path = packageRoot + "/Tests/Golden/" + name
    if ProcessInfo.processInfo.environment["DEBRIEF_RECORD_GOLDEN"] == "1" {
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
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
