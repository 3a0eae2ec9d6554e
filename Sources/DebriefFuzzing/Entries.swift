// What the fuzzers feed (Fuzz/, libFuzzer) and the test suite replays (the corpus in Fuzz/corpus/): one entry
// per target, each taking any bytes. Nothing here may crash, hang or grow without bound; a thrown error is a
// correct answer to bad input.
import DebriefCore
import DebriefImport
import DebriefMarkdown
import DebriefRender
import Foundation

public enum FuzzEntries {
    public static let targets = ["record", "quick-entry", "markdown-names", "render", "import"]

    /// The templates folder: beside the package (the fuzzers run from Fuzz/, the tests from the package root).
    public static let templates: String = {
        for candidate in ["templates", "../templates", Templates.locate()] {
            if FileManager.default.fileExists(atPath: candidate + "/formats") { return candidate }
        }
        return "templates"
    }()

    nonisolated(unsafe) static var loaded: (FormatCatalog, Labels, HTMLTemplates)?
    static func setup() -> (FormatCatalog, Labels, HTMLTemplates)? {
        if let loaded { return loaded }
        guard let catalog = try? FormatCatalog(builtInDirectory: templates + "/formats"),
              let labels = try? Labels.load(templates: templates, locale: "en"),
              let html = try? HTMLTemplates.load(templates: templates) else { return nil }
        loaded = (catalog, labels, html)
        return loaded
    }

    public static func run(_ target: String, _ data: [UInt8]) {
        switch target {
        case "record": record(data)
        case "quick-entry": quickEntry(data)
        case "markdown-names": markdownNames(data)
        case "render": render(data)
        case "import": importMarkdown(data)
        default: break
        }
    }

    /// `debrief import` on any text: it reads it or says why not, and what it reads is a record the strict writer
    /// writes and the strict reader reads back the same.
    static func importMarkdown(_ data: [UInt8]) {
        guard let (catalog, labels, _) = setup() else { return }
        let importer = MarkdownImporter(formats: catalog, labels: [labels], today: Day("2026-12-06")!)
        guard let doc = try? importer.read(String(decoding: data.prefix(200_000), as: UTF8.self)) else { return }
        guard let yaml = try? RecordWriter.yaml(doc.record) else { fatalError("an imported record the writer refuses") }
        guard let back = try? RecordReader.parse(bytes: yaml, file: "import.yml", formats: catalog) else {
            fatalError("an imported record that does not read back:\n" + String(decoding: yaml, as: UTF8.self))
        }
        precondition(back.sections == doc.record.sections, "an imported record that reads back otherwise")
    }

    /// The strict record reader on any bytes.
    public static func record(_ data: [UInt8]) {
        guard let (catalog, _, _) = setup() else { return }
        _ = try? RecordReader.parse(bytes: data, file: "fuzz.yml", formats: catalog)
    }

    /// Quick entry (`debrief add`'s syntax) on any line, for every section kind.
    public static func quickEntry(_ data: [UInt8]) {
        let line = String(decoding: data.prefix(4096), as: UTF8.self)
        let people = [Participant(name: "Anna Berg", side: .us), Participant(name: "Nguyễn Thị Mai", side: .us),
                      Participant(name: "Marketing director", side: .client)]
        for kind in [SectionKind.actions, .timeline, .facts, .mistakes, .remedies] {
            _ = QuickEntryParser.parse(line, kind: kind, participants: people, today: Day(ordinal: 20_000))
        }
    }

    /// The Markdown value, the safe CommonMark, and the name finder on any text.
    public static func markdownNames(_ data: [UInt8]) {
        let text = String(decoding: data.prefix(65_536), as: UTF8.self)
        let parsed = Markdown.parse(text)
        _ = Markdown.safeCommonMark(text)
        let matcher = NameMatcher(team: ["Anna Berg", "Nguyễn Thị Mai", "Seán O'Brien", "Will"], client: ["Grace Hopper"],
                                  ordinaryWords: ["will", "grace"])
        _ = matcher.firstHit(in: text)
        _ = matcher.firstHit(in: parsed.plain)
        for l in parsed.links { _ = matcher.firstHit(inAddress: l.destination) }
        _ = Fold.words(text)
        _ = Tags.hashtags(in: text)
    }

    /// A record that loads, rendered every way: HTML, Markdown and JSON, for the team and for the client.
    public static func render(_ data: [UInt8]) {
        guard let (catalog, labels, html) = setup(),
              let record = try? RecordReader.parse(bytes: data, file: "fuzz.yml", formats: catalog),
              let format = catalog.format(record.format) else { return }
        for audience in [Audience.team, .client] {
            let view = RecordView.build(record: record, format: format, audience: audience, labels: labels, file: "fuzz.yml")
            _ = try? HTMLRenderer.render(view, templates: html)
            _ = MarkdownRenderer.render(view)
            _ = JSONRenderer.render(view)
        }
    }
}
