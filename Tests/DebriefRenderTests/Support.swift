import DebriefCore
@_exported import DebriefTestSupport
import DebriefRender
import Foundation
import XCTest

func catalog() throws -> FormatCatalog { try builtInCatalog() }

func loadExample() throws -> Record {
    try RecordReader.load(path: examplePath, display: "examples/bank-deck.yml", formats: catalog())
}

/// The view of a record for an audience, refused as every client output refuses (unless names are allowed).
func report(_ record: Record, _ audience: Audience, allowNames: Bool = false, file: String = "examples/bank-deck.yml",
            client: ClientSettings = ClientSettings()) throws -> RecordView {
    let cat = try catalog()
    let format = try XCTUnwrap(cat.format(record.format))
    let labels = try Labels.load(templates: templatesDir, locale: record.locale)
    let ordinary = try Templates.ordinaryWords(templates: templatesDir, locale: record.locale ?? "en")
    return try RecordView.build(record: record, format: format, audience: audience, labels: labels, file: file,
                                client: client, ordinaryWords: ordinary).refusingLeaks(allowNames: allowNames)
}

func renderAll(_ r: RecordView) throws -> (md: String, html: String, json: String) {
    let t = try HTMLTemplates.load(templates: templatesDir)
    return (MarkdownRenderer.render(r) + "\n", try HTMLRenderer.render(r, templates: t), JSONRenderer.render(r))
}
