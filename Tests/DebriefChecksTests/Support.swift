import DebriefChecks
import DebriefCore
import Foundation
import XCTest

let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url = url.deletingLastPathComponent()
    }
    return url.path
}()

let templates = packageRoot + "/templates"
let catalog = try! FormatCatalog(builtInDirectory: templates + "/formats")
let lexicon = try! Lexicon.load(templates: templates)
let today = Day("2026-11-22")!

/// The roster examples are written against.
let roster = """
    participants:
      - name: Anna Berg
        side: us
      - name: Tamás Kovács
        side: us
      - name: Linh Nguyen
        side: us
      - name: Marketing director
        side: client
    """

/// A record holding one example item (with its extra fields) in its section, and where it is.
func recordWithItem(_ e: CheckExample) throws -> Record {
    var yaml = "debrief: 1\nformat: client-recovery\ntitle: Example\nclient: Big Bank\n" + roster + "\nsections:\n  \(e.section):\n"
    yaml += "    - text: \"\(e.text.replacingOccurrences(of: "\"", with: "\\\""))\"\n"
    if let side = e.side { yaml += "      side: \(side.rawValue)\n" }
    for f in e.fields { yaml += "      \(f)\n" }
    return try RecordReader.parse(bytes: Array(yaml.utf8), file: "example.yml", formats: catalog)
}

func exampleRecord(_ e: CheckExample) throws -> Record {
    if let yaml = e.record {
        return try RecordReader.parse(bytes: Array(yaml.utf8), file: "example.yml", formats: catalog)
    }
    return try recordWithItem(e)
}

func findings(_ check: any Check, on record: Record) -> [Finding] {
    let format = catalog.format(record.format)!
    let c = CheckContext(record: record, format: format, lexicon: lexicon, today: today,
                         audience: check.id == "client-safe" ? "client" : "team", internalTags: ["staffing"])
    return check.check(c)
}
