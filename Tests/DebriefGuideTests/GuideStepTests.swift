import DebriefCore
import DebriefGuide
import DebriefTestSupport
import Foundation
import XCTest

/// The guide's steps as a typed value: sections whose ids are header names are
/// still asked as sections, the text form round-trips, and older drafts resume.
final class GuideStepTests: XCTestCase {
    var dir = ""
    var path = ""
    var catalog: FormatCatalog!
    let today = Day("2026-11-22")!

    /// A format whose sections are named like the header steps and the review.
    static let collidingFormat = """
        format: colliding
        name: Colliding ids
        summary: Sections named like the guide's own steps.
        sections:
          - id: review
            kind: list
            title: Review of the work
            prompt: What did the review find?
            per-side: false
          - id: client
            kind: facts
            title: About the client
            prompt: What happened on the client's end?
            per-side: true
          - id: title
            kind: lessons
            title: Title lessons
            prompt: What did the title teach us?
            per-side: false

        """

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("guide-steps-\(UUID().uuidString)").path
        let formats = dir + "/formats"
        try FileManager.default.createDirectory(atPath: formats, withIntermediateDirectories: true)
        try Self.collidingFormat.write(toFile: formats + "/colliding.yml", atomically: true, encoding: .utf8)
        catalog = try FormatCatalog(builtInDirectory: packageRoot + "/templates/formats").adding(directory: formats)
        path = dir + "/draft.yml"
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func create(format: String, progress: String?) throws {
        var r = Record(format: format, title: "Deck for the bank", date: today)
        r.progress = progress
        try RecordStore.create(r, at: path)
    }

    func saved() throws -> Record { try RecordReader.load(path: path, formats: catalog) }

    var builtIn: [Format] { catalog.formats.filter { $0.id != "colliding" } }
    var colliding: Format { catalog.format("colliding")! }

    // MARK: (a) sections named like header steps

    func testSectionsNamedLikeHeaderStepsAreAskedAsSections() throws {
        try create(format: "colliding", progress: "client")
        let t = ScriptedTerminal([
            "Big Bank", "", "",                          // client, project, date
            "Anna Berg", "",                             // our team
            "Marketing director", "",                    // client side
            "The review found two typos.", "",           // section review
            "Our deck was late.", "",                    // section client, our side
            "Their materials were late.", "",            // section client, the client's side
            "Confirm deadlines in writing.", "",         // section title
            "n",                                         // the real review: not final
        ])
        let g = try Guide(terminal: t, formats: catalog, path: path, display: "draft.yml", today: today)
        XCTAssertEqual(g.steps, [
            .header(.title), .header(.client), .header(.project), .header(.date),
            .participants(.us), .participants(.client),
            .section(id: "review", side: nil),
            .section(id: "client", side: .us), .section(id: "client", side: .client),
            .section(id: "title", side: nil),
            .review,
        ])
        XCTAssertEqual(try g.run(), .finished)
        let r = try saved()
        XCTAssertEqual(r.client, "Big Bank")
        XCTAssertEqual(r.title, "Deck for the bank", "the title section does not touch the header's title")
        XCTAssertEqual(r.items(in: "review").map(\.text), ["The review found two typos."])
        XCTAssertEqual(r.items(in: "client").map(\.text), ["Our deck was late.", "Their materials were late."])
        XCTAssertEqual(r.items(in: "client").map(\.side), [.us, .client])
        XCTAssertEqual(r.items(in: "title").map(\.text), ["Confirm deadlines in writing."])
        XCTAssertEqual(r.status, .draft)
        XCTAssertEqual(r.progress, "review")
        XCTAssertTrue(t.output.contains("Review of the work  (step 7 of 11)"))
        XCTAssertTrue(t.output.contains("About the client — our side  (step 8 of 11)"))
        XCTAssertTrue(t.output.contains("About the client — the client's side  (step 9 of 11)"))
        XCTAssertTrue(t.output.contains("Title lessons  (step 10 of 11)"))
        XCTAssertTrue(t.output.contains("Is this debrief final?"), "the real review runs after the sections")
        XCTAssertEqual(t.prompts.filter { $0.hasPrefix("Client") }.count, 1, "the client header is asked once")
        XCTAssertEqual(t.prompts.filter { $0.hasPrefix("Title") }.count, 0, "the title header is not asked: it was resumed past")
    }

    func testProgressInASectionNamedLikeAHeaderStepIsSavedAndResumed() throws {
        try create(format: "colliding", progress: "sections.client.client")
        let t = ScriptedTerminal(["Their materials were late.", "", ":stop"])
        let g = try Guide(terminal: t, formats: catalog, path: path, display: "draft.yml", today: today)
        XCTAssertEqual(try g.run(), .stopped)
        XCTAssertEqual(try saved().items(in: "client").map(\.side), [.client])
        XCTAssertEqual(try saved().progress, "sections.title")
        XCTAssertEqual(try saved().client, nil, "the client header was not touched")
    }

    // MARK: (b) the text form

    func testEveryStepOfTheBuiltInFormatsRoundTrips() throws {
        XCTAssertEqual(Set(builtIn.map(\.id)), ["client-recovery", "incident", "sprint"])
        for format in builtIn + [colliding] {
            let steps = GuideStep.all(for: format)
            XCTAssertEqual(Set(steps).count, steps.count, "\(format.id): every step once")
            for step in steps {
                XCTAssertEqual(GuideStep(parsing: step.encoded, format: format), step, "\(format.id): \(step.encoded)")
                XCTAssertEqual(step.description, step.encoded)
            }
        }
    }

    func testTheTextForm() throws {
        let cr = catalog.format("client-recovery")!
        XCTAssertEqual(GuideStep.header(.title).encoded, "title")
        XCTAssertEqual(GuideStep.header(.client).encoded, "client")
        XCTAssertEqual(GuideStep.header(.project).encoded, "project")
        XCTAssertEqual(GuideStep.header(.date).encoded, "date")
        XCTAssertEqual(GuideStep.participants(.us).encoded, "participants.us")
        XCTAssertEqual(GuideStep.participants(.client).encoded, "participants.client")
        XCTAssertEqual(GuideStep.review.encoded, "review")
        XCTAssertEqual(GuideStep.section(id: "summary", side: nil).encoded, "sections.summary")
        XCTAssertEqual(GuideStep.section(id: "mistakes", side: .client).encoded, "sections.mistakes.client")

        // Older drafts and --at: a bare section id, or id.side.
        XCTAssertEqual(GuideStep(parsing: "mistakes.client", format: cr), .section(id: "mistakes", side: .client))
        XCTAssertEqual(GuideStep(parsing: "summary", format: cr), .section(id: "summary", side: nil))
        XCTAssertEqual(GuideStep(parsing: "mistakes", format: cr), .section(id: "mistakes", side: .us), "a per-side section starts at our side")
        XCTAssertEqual(GuideStep(parsing: "sections.mistakes", format: cr), .section(id: "mistakes", side: .us))
        for step in GuideStep.all(for: cr) {
            guard case .section(let id, let side) = step else { continue }
            XCTAssertEqual(GuideStep(parsing: id + (side.map { "." + $0.rawValue } ?? ""), format: cr), step)
        }

        // Header names are header steps; the prefix reaches a section with the same id.
        let c = colliding
        XCTAssertEqual(GuideStep(parsing: "review", format: c), .review)
        XCTAssertEqual(GuideStep(parsing: "client", format: c), .header(.client))
        XCTAssertEqual(GuideStep(parsing: "title", format: c), .header(.title))
        XCTAssertEqual(GuideStep(parsing: "sections.review", format: c), .section(id: "review", side: nil))
        XCTAssertEqual(GuideStep(parsing: "sections.title", format: c), .section(id: "title", side: nil))
        XCTAssertEqual(GuideStep(parsing: "sections.client.client", format: c), .section(id: "client", side: .client))
        XCTAssertEqual(GuideStep(parsing: "client.us", format: c), .section(id: "client", side: .us), "legacy id.side of a per-side section")

        // Unknown steps.
        for bad in ["", "nosuch", "sections.nosuch", "sections.", "sections", "participants", "participants.them",
                    "mistakes.them", "summary.us", "sections.summary.client", "sections.review", "Review", "mistakes.client.us"] {
            XCTAssertNil(GuideStep(parsing: bad, format: cr), "'\(bad)' is not a step of client-recovery")
        }
        XCTAssertNil(GuideStep(parsing: "title.us", format: c), "the title section is not per side")
    }

    // MARK: (c) a draft saved before the prefix

    func testLegacyProgressResumesAtTheClientsMistakes() throws {
        try create(format: "client-recovery", progress: "mistakes.client")
        let t = ScriptedTerminal(["We sent materials late.", "", "", ":stop"])
        let g = try Guide(terminal: t, formats: catalog, path: path, display: "draft.yml", today: today)
        XCTAssertEqual(g.step(named: "mistakes.client"), .section(id: "mistakes", side: .client))
        XCTAssertEqual(try g.run(), .stopped)
        let r = try saved()
        XCTAssertEqual(r.items(in: "mistakes").map(\.text), ["We sent materials late."])
        XCTAssertEqual(r.items(in: "mistakes").map(\.side), [.client])
        XCTAssertTrue(t.output.contains("Mistakes — the client's side"), t.output)
        XCTAssertFalse(t.output.contains("Mistakes — our side"))
        XCTAssertEqual(t.prompts.first, "  mistake › ", "the first question is the client's mistakes")
        XCTAssertEqual(r.progress, "sections.positives", "progress is saved in the new form from then on")
    }

    func testLegacyProgressIsRewrittenInTheNewFormOnResume() throws {
        try create(format: "client-recovery", progress: "mistakes.client")
        let g = try Guide(terminal: ScriptedTerminal([]), formats: catalog, path: path, display: "draft.yml", today: today)
        XCTAssertEqual(try g.run(), .endOfInput)
        XCTAssertEqual(try saved().progress, "sections.mistakes.client")
    }
}
