// The draft letter to the client, from `templates/letter/letter.md.mustache`:
// acknowledgement, apology, the mistakes we own, what changes, the options,
// and when we will be in touch. It is built from the client's view of the
// debrief, so nothing internal and no team member's name reaches it.
import DebriefCore
import DebriefMarkdown
import Foundation

public struct LetterOptions: Sendable {
    /// The letter's date.
    public var today: Day
    /// The numbers of the actions that follow up with the client (the client-follow-up check recognises
    /// them): "we will be in touch by" comes from one of these, never from an internal task.
    public var followUps: Set<Int>
    /// The archive's own templates folder (`templates/` beside debrief.yml), searched first.
    public var archiveTemplates: String?
    public init(today: Day, followUps: Set<Int> = [], archiveTemplates: String? = nil) {
        self.today = today; self.followUps = followUps; self.archiveTemplates = archiveTemplates
    }
}

/// A letter is for a client: a debrief without one (a sprint retrospective, an internal incident) gets none (exit 64).
public struct NoClientToWriteTo: Error, Sendable, Diagnosable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
    public var diagnostics: [Diagnostic] { [Diagnostic(message: reason)] }
}

public enum LetterRenderer {
    /// The letter template for the locale: `letter.LANG.md.mustache`, else `letter.md.mustache`, looked for in the
    /// archive's own `templates/letter/` first, then in the built-in templates.
    /// A value in double braces is made literal CommonMark (the template's `{{% CONTENT_TYPE: MARKDOWN }}`);
    /// in triple braces, the team's CommonMark goes in as it is.
    public static func template(templates: String, archive: String? = nil, locale: String?) throws -> (Template, String) {
        var candidates: [String] = []
        if let lang = locale?.split(separator: "-").first.map(String.init), lang != "en" {
            candidates.append("letter.\(lang).md.mustache")
        }
        candidates.append("letter.md.mustache")
        let dirs = ([archive].compactMap { $0 } + [templates]).map { ($0 as NSString).appendingPathComponent("letter") }
        for name in candidates {
            for dir in dirs {
                let path = (dir as NSString).appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let text = String(decoding: try Templates.loading(path) { try readTextFile(path) }, as: UTF8.self)
                do { return (try Template(text), path) }
                catch { throw TemplateError(path: path, reason: "\(error)") }
            }
        }
        throw TemplateError(path: dirs.last! + "/letter.md.mustache", reason: "the file is missing")
    }

    /// The letter as CommonMark. `report` must be the client's view.
    public static func markdown(_ report: RecordView, templates: String, options: LetterOptions) throws -> String {
        precondition(report.audience == .client, "the letter is built from the client's view")
        let ctx = try context(report, options: options)
        let (template, path) = try template(templates: templates, archive: options.archiveTemplates, locale: report.locale)
        // The template's own words reach the client too.
        let source = String(decoding: try readTextFile(path), as: UTF8.self)
        if let hit = report.teamMember(namedIn: source) {
            throw ClientRefusal(leaks: [Leak(file: path, position: nil, section: "letter template", name: hit.name, word: hit.word,
                                             inArchiveSettings: false, inFormat: true)])
        }
        let text = template.render(TemplateValue(any: ctx))
        // Templates leave blank lines where optional parts are missing: keep at most one.
        var out: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty && (out.last?.isEmpty ?? true) { continue }
            out.append(line.trimmingCharacters(in: .whitespaces).isEmpty ? "" : line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// The letter as one standalone HTML page: the Markdown through cmark, in `templates/html/letter.mustache`.
    /// The page names no tool or version: it goes to the client.
    public static func html(_ report: RecordView, templates: HTMLTemplates, letterTemplates: String, options: LetterOptions,
                            paper: Paper = .a4) throws -> String {
        let md = try markdown(report, templates: letterTemplates, options: options)
        let t = templates
        let locale = report.locale
        // The page's title (and so the PDF's) is the client's title, never the internal one.
        let ctx: [String: Any] = [
            "lang": locale, "dir": HTMLRenderer.direction(for: locale),
            "title": report.labels["letter-title"] + ": " + report.title,
            "css": t.css, "paper": paper.css,
            "body": Markdown.html(md), "generator": false,
        ]
        guard let html = t.library.render(TemplateValue(any: ctx), withTemplate: "letter") else {
            throw TemplateError(path: t.folder + "/letter.mustache", reason: "no template named 'letter'")
        }
        return html
    }

    /// "22 December 2026", with the month names of the locale's labels.
    static func longDate(_ d: Day, _ L: Labels) -> String {
        let months = L["months"].split(separator: " ").map(String.init)
        guard months.count == 12 else { return d.description }
        return L["long-date"].replacingOccurrences(of: "{day}", with: String(d.day))
            .replacingOccurrences(of: "{month}", with: months[d.month - 1])
            .replacingOccurrences(of: "{year}", with: String(d.year))
    }

    static func items(_ report: RecordView, _ kind: SectionKind, side: Side? = nil, exclude: Side? = nil) -> [Item] {
        report.sections.filter { $0.spec.kind == kind }.flatMap { $0.allItems.map(\.item) }
            .filter { side == nil || $0.side == side }
            .filter { exclude == nil || $0.side != exclude }
    }

    /// Who the letter greets: the record's `letter: {to:}`, else the first of the client's people, else the client.
    static func addressee(_ r: Record) -> String? {
        let clientPeople = r.participants.filter { $0.side == .client }
        if let to = r.letter?.to, let p = clientPeople.first(where: { Fold.key($0.name) == Fold.key(to) }) { return p.name }
        if let to = r.letter?.to, !to.trimmed.isEmpty { return to }
        return clientPeople.first?.name
    }

    static func context(_ report: RecordView, options: LetterOptions) throws -> [String: Any] {
        let r = report.record
        let L = report.labels
        let hasClient = r.client != nil || r.participants.contains { $0.side == .client }
        guard hasClient else {
            throw NoClientToWriteTo(reason: "this debrief names no client (no client: and no participant on the client's side), so there is no one to write a letter to")
        }
        // Continuation lines are indented so that a multi-paragraph item stays inside its list item; raw HTML,
        // images and open fences made safe as in every Markdown output.
        func listText(_ s: String) -> String {
            Markdown.safeCommonMark(s.trimmed).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : "   " + $0.element }.joined(separator: "\n")
        }
        func entries(_ items: [Item]) -> [[String: Any]] {
            items.map { it in
                ["text": listText(it.text), "counterfactual": it.counterfactual.map { $0.trimmed.isEmpty ? false : listText($0) as Any } ?? false]
            }
        }
        // The acknowledgement is the client's: how it affected them (their facts) and how it felt (their feelings).
        // Our own process details and our side's facts stay in the report.
        let clientFacts = items(report, .facts, side: .client)
        let clientFeelings = items(report, .emotions, side: .client)
        let ownMistakes = items(report, .mistakes, side: .us)
        let lessons = items(report, .lessons)
        let remedies = items(report, .remedies)
        guard !(clientFacts.isEmpty && clientFeelings.isEmpty && ownMistakes.isEmpty && lessons.isEmpty && remedies.isEmpty) else {
            throw NoClientToWriteTo(reason: "nothing in this debrief speaks to the client (no facts or feelings of the client's side, none of our mistakes, no lessons, no options), so it makes no letter")
        }
        let chosen = remedies.first { $0.chosen == true }
        // "We will be in touch by" only from an open action that follows up with the client.
        let followUp = report.sections.filter { $0.spec.kind == .actions }.prefix(1).flatMap(\.allItems)
            .filter { options.followUps.contains($0.number) && $0.item.done != true }
            .compactMap { $0.item.due }.min()
        let remedyEntries: [[String: Any]] = remedies.enumerated().map { i, it in
            ["number": i + 1, "text": listText(it.text), "chosen": it.chosen == true]
        }
        let signature = report.signature
            ?? report.agency.map { L["letter-signature-agency"].replacingOccurrences(of: "{agency}", with: $0) }
            ?? L["letter-signature"]
        let name = addressee(r)
        var colleagues = L["letter-colleagues"]
        if let c = r.client { colleagues = L["letter-colleagues-at"].replacingOccurrences(of: "{client}", with: c) }
        return [
            "date": longDate(options.today, L),
            "title": report.title,
            "client": r.client ?? false,
            "project": r.project ?? false,
            // The whole greeting line when the record sets one; otherwise the template greets `salutation`.
            "greeting": r.letter?.salutation.flatMap { $0.trimmed.isEmpty ? nil : $0 } ?? false,
            "salutation": name ?? colleagues,
            "hasFacts": !clientFacts.isEmpty, "facts": entries(clientFacts),
            "hasFeelings": !clientFeelings.isEmpty, "feelings": entries(clientFeelings),
            "hasMistakes": !ownMistakes.isEmpty, "mistakes": entries(ownMistakes),
            "hasLessons": !lessons.isEmpty, "lessons": entries(lessons),
            "hasRemedies": !remedies.isEmpty, "remedies": remedyEntries,
            "hasChosen": chosen != nil,
            "followUpDate": followUp.map { longDate($0, L) as Any } ?? false,
            "agency": report.agency ?? false,
            "signature": signature,
        ]
    }
}
