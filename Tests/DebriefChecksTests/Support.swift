import DebriefChecks
import DebriefCore
import Foundation
import XCTest

@_exported import DebriefTestSupport

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
      - name: Laura Virtanen
        side: us
      - name: Mikko Korhonen
        side: us
      - name: Kiss Gábor
        side: us
      - name: Nagy Péter
        side: us
      - name: Сараа Бат
        side: us
      - name: Тэмүүжин Дорж
        side: us
      - name: محمد العلي
        side: us
      - name: Trần Thị Lan
        side: us
    """

/// The client-safe check's examples also have a member whose name is an ordinary word.
let clientSafeRoster = roster + """

      - name: Will Smith
        side: us
    """

/// A record holding one example item (with its extra fields) in its section, and where it is.
func recordWithItem(_ e: CheckExample, roster: String = roster) throws -> Record {
    var yaml = "debrief: 1\nformat: client-recovery\ntitle: Example\nclient: Big Bank\n" + (e.locale.map { "locale: \($0)\n" } ?? "") + roster + "\nsections:\n  \(e.section):\n"
    yaml += "    - text: \"\(e.text.replacingOccurrences(of: "\"", with: "\\\""))\"\n"
    if let side = e.side { yaml += "      side: \(side.rawValue)\n" }
    for f in e.fields { yaml += "      \(f)\n" }
    return try RecordReader.parse(bytes: Array(yaml.utf8), file: "example.yml", formats: catalog)
}

func exampleRecord(_ e: CheckExample, for check: any Check) throws -> Record {
    if let yaml = e.record {
        return try RecordReader.parse(bytes: Array(yaml.utf8), file: "example.yml", formats: catalog)
    }
    return try recordWithItem(e, roster: check.id == .clientSafe ? clientSafeRoster : roster)
}

let ordinaryWords = try! Templates.ordinaryWords(templates: templates, locale: "en")

func findings(_ check: any Check, on record: Record) throws -> [Finding] {
    let format = catalog.format(record.format)!
    var view: RecordView?
    if check.id == .clientSafe {
        let labels = try Labels.load(templates: templates, locale: "en")
        view = RecordView.build(record: record, format: format, audience: .client, labels: labels, file: "example.yml",
                                client: ClientSettings(internalTags: ["staffing"]), ordinaryWords: ordinaryWords)
    }
    let lex = record.locale.map { try! Lexicon.load(templates: templates, locale: $0) } ?? lexicon
    let c = CheckContext(record: record, format: format, lexicon: lex, today: today, clientView: view)
    return check.check(c)
}
