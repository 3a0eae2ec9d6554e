import DebriefCore
import DebriefImport
import DebriefTestSupport
import Foundation
import XCTest

/// Post-mortems written from other templates, each read into a record (compared with its golden record,
/// Tests/Golden/import/NAME.yml) and checked on the fields that matter.
final class ImportFixtureTests: XCTestCase {
    let fixtures = packageRoot + "/Tests/DebriefImportTests/fixtures/"

    func importer() throws -> MarkdownImporter {
        let labels = try ["en", "vi", "ar", "mn", "hu", "fi"].map { try Labels.load(templates: templatesDir, locale: $0) }
        return MarkdownImporter(formats: try builtInCatalog(), labels: labels, today: Day("2026-12-06")!)
    }

    func read(_ name: String) throws -> ImportedDocument {
        let doc = try importer().read(try String(contentsOfFile: fixtures + name + ".md", encoding: .utf8))
        let yaml = String(decoding: try RecordWriter.yaml(doc.record), as: UTF8.self)
        assertGolden(yaml, "import/\(name).yml")
        // What was written reads back through the strict reader as the same record.
        let back = try RecordReader.parse(bytes: Array(yaml.utf8), file: name, formats: try builtInCatalog())
        XCTAssertEqual(back.sections, doc.record.sections, name)
        return doc
    }

    func items(_ doc: ImportedDocument, _ id: String) -> [Item] { doc.record.items(in: id) }
    func narrative(_ doc: ImportedDocument, _ id: String) -> String {
        if case .narrative(let t)? = doc.record.section(id)?.content { return t } else { return "" }
    }

    /// The SRE book's template: an action table with owner and bug columns, "Lessons Learned" holding the
    /// well / wrong / lucky subsections, a timeline of times under a date, header lines.
    func testSREBookStyle() throws {
        let doc = try read("sre-book")
        XCTAssertEqual(doc.format.id, "incident")
        XCTAssertEqual(doc.record.title, "Postmortem: Payment page rejects every card (incident #2026-031)")
        XCTAssertEqual(doc.record.date, Day("2026-03-14"))
        XCTAssertEqual(doc.record.status, .final, "'Complete, action items in progress' is a finished document")
        XCTAssertEqual(doc.record.participants.map(\.name), ["Dana Whitfield", "Sam Okoro"])
        let actions = items(doc, "actions")
        XCTAssertEqual(actions.map(\.owner), ["Dana Whitfield", "Sam Okoro", "Dana Whitfield"])
        XCTAssertEqual(actions.map(\.ticket), ["OPS-142", "OPS-143", "OPS-144"])
        XCTAssertTrue(actions[0].text.contains("Type: prevent"), "a column read into no field stays with the text")
        XCTAssertEqual(items(doc, "went-well").count, 1)
        XCTAssertEqual(items(doc, "went-wrong").count, 1)
        XCTAssertEqual(items(doc, "lucky").map(\.text), ["The incident happened outside the evening peak."])
        XCTAssertEqual(items(doc, "timeline").compactMap(\.at).map(\.description),
                       ["2026-03-14 14:03", "2026-03-14 14:05", "2026-03-14 14:31", "2026-03-14 14:50"])
        XCTAssertTrue(narrative(doc, "notes").contains("2026-03-14 (all times UTC)"), "the date line over the times is kept, not an event")
        let factors = items(doc, "contributing-factors")
        XCTAssertEqual(factors.count, 3, "root causes and the trigger")
        XCTAssertTrue(factors[1].text.contains("- The image had not been rebuilt since January."), "a nested list stays in its item")
        XCTAssertTrue(narrative(doc, "notes").contains("**Severity:** SEV-1"))
        XCTAssertTrue(narrative(doc, "notes").contains("Dashboards and the deploy log"), "Supporting information is a note")
    }

    /// Setext headings and a task list with @owner, due and owner: fields in the text.
    func testSetextHeadingsAndTaskLists() throws {
        let doc = try read("setext-tasks")
        XCTAssertEqual(doc.record.title, "Checkout search returns nothing")
        let actions = items(doc, "actions")
        XCTAssertEqual(actions.map(\.done), [true, false, false])
        XCTAssertEqual(actions.map(\.owner), ["Priya", "Sam Okoro", nil])
        XCTAssertEqual(actions.map(\.due), [Day("2026-04-10"), Day("2026-04-20"), nil])
        XCTAssertEqual(actions.map(\.ticket), [nil, nil, "SRCH-88"])
        XCTAssertEqual(actions.map(\.text), ["Fail the index rebuild when an input file is empty", "Add a search smoke test to the deploy",
                                             "Post in the status channel when search is degraded"])
        XCTAssertEqual(items(doc, "went-wrong").count, 2)
        XCTAssertTrue(doc.keptAsNotes.isEmpty)
    }

    /// Atlassian's template: a timeline table, "five whys", "Response" and "Recovery" into one narrative, a follow-up
    /// table with owner, due date, ticket and status; "Leadup" and "Fault" map nowhere and are kept as notes.
    func testAtlassianStyle() throws {
        let doc = try read("atlassian")
        let timeline = items(doc, "timeline")
        XCTAssertEqual(timeline.map { $0.at?.description }, ["2026-05-05 21:00", "2026-05-06 09:10", "2026-05-06 09:40", "2026-05-06 10:20"])
        XCTAssertEqual(timeline.first?.text, "Identity service v4.2 deployed")
        XCTAssertEqual(doc.record.date, Day("2026-05-05"), "dated by its timeline")
        XCTAssertEqual(items(doc, "contributing-factors").count, 4, "three whys and the root cause")
        XCTAssertTrue(narrative(doc, "resolution").contains("**Recovery**"))
        let actions = items(doc, "actions")
        XCTAssertEqual(actions.map(\.done), [true, false])
        XCTAssertEqual(actions.map(\.ticket), ["IDN-311", "IDN-312"])
        XCTAssertEqual(actions.map(\.due), [Day("2026-05-20"), Day("2026-05-27")])
        XCTAssertEqual(doc.keptAsNotes, ["Leadup", "Fault"])
        XCTAssertTrue(narrative(doc, "notes").contains("### Leadup\n\nA new version of the identity service"))
    }

    /// Prose: each paragraph under a list section is one item; the text before the first heading is the summary; a
    /// retrospective's title and headings choose the sprint format.
    func testPlainProse() throws {
        let doc = try read("plain-prose")
        XCTAssertEqual(doc.format.id, "sprint")
        XCTAssertTrue(narrative(doc, "summary").hasPrefix("The relaunch went live two weeks late"))
        XCTAssertEqual(items(doc, "lessons").count, 2)
        XCTAssertEqual(items(doc, "went-badly").count, 2)
        XCTAssertEqual(items(doc, "actions").first?.owner, "Ana")
    }

    /// Front matter fills the header; what it has besides is kept as notes, like an unknown heading.
    func testFrontMatter() throws {
        let doc = try read("front-matter")
        XCTAssertEqual(doc.record.title, "Newsletter sent to the wrong list")
        XCTAssertEqual(doc.record.date, Day("2026-06-18"))
        XCTAssertEqual(doc.record.client, "Northwind Cycles")
        XCTAssertEqual(doc.record.participants.map(\.name), ["Lena Fischer", "Omar Haddad"])
        XCTAssertTrue(narrative(doc, "summary").contains("14,000 former customers"), "'What happened' is the summary")
        XCTAssertEqual(items(doc, "actions").first?.owner, "Omar Haddad")
        XCTAssertEqual(items(doc, "actions").first?.due, Day("2026-06-30"))
        XCTAssertEqual(doc.keptAsNotes, ["front matter: severity", "front matter: tags", "Random thoughts"])
    }

    /// A wiki export: a page-properties table, numbered headings with an emoji, times in UTC under a dated title,
    /// a remediation table with Jira and ✅ columns; the open question kept as a note.
    func testWikiExport() throws {
        let doc = try read("confluence")
        XCTAssertEqual(doc.record.date, Day("2026-08-21"))
        XCTAssertEqual(doc.record.client, "Baltic Freight")
        XCTAssertEqual(doc.record.participants.map(\.name), ["Rita Gomez", "Karl Ots"], "the owner and the list, once each")
        XCTAssertEqual(doc.record.participants.first?.role, "delivery lead")
        let timeline = items(doc, "timeline")
        XCTAssertEqual(timeline.map { $0.at?.description }, ["2026-08-21 07:40", "2026-08-21 08:05", "2026-08-21 11:15"])
        XCTAssertEqual(timeline.first?.text, "first scanner sync failure reported by the night shift")
        let actions = items(doc, "actions")
        XCTAssertEqual(actions.map(\.ticket), ["LOG-77", "LOG-78"])
        XCTAssertEqual(actions.map(\.done), [true, false])
        XCTAssertEqual(items(doc, "lessons").count, 2)
        XCTAssertEqual(doc.keptAsNotes, ["7. Open questions"])
    }

    /// A heading is matched however it is numbered or punctuated.
    func testHeadingKeys() {
        XCTAssertEqual(MarkdownImporter.headingKey("3. Lessons Learned:"), "lessons learned")
        XCTAssertEqual(MarkdownImporter.headingKey("IV. Action items 🚀"), "action items")
        XCTAssertEqual(MarkdownImporter.headingKey("Step 2: Root causes"), "root causes")
        XCTAssertEqual(MarkdownImporter.headingKey("What didn’t go well"), "what didn't go well")
    }

    /// What a first user found: each small document, and what it must become.
    func testWhatAFirstUserFound() throws {
        let imp = try importer()
        func doc(_ md: String) throws -> ImportedDocument { try imp.read(md) }
        func actions(_ d: ImportedDocument) -> [Item] { d.record.items(in: "actions") }

        // A mention inside the sentence stays in it; only a trailing one, set apart, is the owner.
        var d = try doc("# X\n\n## Action items\n\n- [x] Deprecate v2.3.0 on npm (done by @alice)\n- [ ] Upgrade @types/node to 20\n- [ ] Ask @bob whether @carol can review\n- [ ] Add a smoke test (@dave)\n- [ ] **Add alert (owner: Bo)** see [the doc](http://x)\n")
        XCTAssertEqual(actions(d).map(\.text), ["Deprecate v2.3.0 on npm (done by @alice)", "Upgrade @types/node to 20", "Ask @bob whether @carol can review",
                                                 "Add a smoke test", "**Add alert (owner: Bo)** see [the doc](http://x)"])
        XCTAssertEqual(actions(d).map(\.owner), [nil, nil, nil, "dave", nil])
        // Columns read into no field stay with the text; a "When" column is the due date; a status it cannot read stays too.
        d = try doc("# X\n\n## Timeline\n\n| Time | Who | Event |\n|---|---|---|\n| 2024-01-05 10:00 | Ana | Deploy |\n\n## Action items\n\n| Action | Owner | When | Status |\n|---|---|---|---|\n| Fix B | Ops | 2023-03-01 | Won't do |\n")
        XCTAssertEqual(d.record.items(in: "timeline").first?.text, "Deploy (Who: Ana)")
        XCTAssertEqual(actions(d).first?.due, Day("2023-03-01"))
        XCTAssertEqual(actions(d).first?.text, "Fix B (Status: Won't do)")
        XCTAssertEqual(actions(d).first?.done, false)
        // The SRE book's bold labels are sections; a breadcrumb above the title does not hide the title.
        d = try doc("[Home](index.md) > [Postmortems](pm.md)\n\n# Payments outage\n\n**Date:** 14.03.2025\n\n**Impact:** 1.21B queries lost.\n\n**Root Causes:** A resource leak under load.\n")
        XCTAssertEqual(d.record.title, "Payments outage")
        XCTAssertEqual(d.record.date, Day("2025-03-14"))
        XCTAssertTrue(narrative(d, "impact").contains("1.21B queries lost"))
        XCTAssertEqual(d.record.items(in: "contributing-factors").map(\.text), ["A resource leak under load."])
        XCTAssertTrue(narrative(d, "notes").contains("[Home](index.md)"), "the breadcrumb is kept")
        // A date it cannot read is kept, not replaced in silence; a retro's Start / Stop / Continue are the sprint's.
        d = try doc("# Sprint 42 retrospective\n\n**Date:** next Tuesday\n\n## Start\n\n- Pairing on reviews\n\n## Stop\n\n- Late merges\n\n## Continue\n\n- Demos\n")
        XCTAssertEqual(d.format.id, "sprint")
        XCTAssertEqual(d.record.items(in: "went-well").map(\.text), ["Demos"])
        XCTAssertEqual(d.record.items(in: "went-badly").map(\.text), ["Late merges"])
        XCTAssertEqual(actions(d).map(\.text), ["Pairing on reviews"])
        XCTAssertTrue(narrative(d, "notes").contains("**Date:** next Tuesday"))
        XCTAssertTrue(d.warnings.contains { $0.contains("dated today") })
        // Another document's `#channel` is text, not a tag; a subsection under a list section becomes a tag.
        d = try doc("# X\n\n## Action items\n\n### Short term\n\n- Post updates in `#incidents`\n")
        XCTAssertEqual(actions(d).first?.text, "Post updates in `#incidents`")
        XCTAssertEqual(actions(d).first?.tags, ["short-term"])
    }

    func testNothingToReadIsRefused() throws {
        XCTAssertThrowsError(try importer().read("  \n\n")) { XCTAssertTrue("\($0)".contains("empty")) }
    }
}
