// The draft letter to the client, from `templates/letter/letter.md.mustache`:
// acknowledgement, apology, the mistakes we own, what changes, the options,
// and when we will be in touch. It is built from the client's view of the
// debrief, so nothing internal and no team member's name reaches it.
import DebriefCore
import DebriefMarkdown
import Foundation
import Mustache

/// Mustache content type for Markdown templates: `{{value}}` is made literal
/// CommonMark (for names and other plain text); `{{{text}}}` inserts the
/// team's CommonMark as it is.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownRenderer.escapeInline(text) }
}

public struct LetterOptions: Sendable {
    /// The letter's date.
    public var today: Day
    public init(today: Day) { self.today = today }
}

public enum LetterRenderer {
    nonisolated(unsafe) private static var registered = false

    /// Loads the letter template for the locale (`letter.LANG.md.mustache`, else `letter.md.mustache`).
    public static func template(templates: String, locale: String?) throws -> (MustacheTemplate, String) {
        if !registered {
            MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
            registered = true
        }
        let dir = (templates as NSString).appendingPathComponent("letter")
        var candidates: [String] = []
        if let lang = locale?.split(separator: "-").first.map(String.init), lang != "en" {
            candidates.append("letter.\(lang).md.mustache")
        }
        candidates.append("letter.md.mustache")
        for name in candidates {
            let path = (dir as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let text = String(decoding: try Templates.loading(path) { try readTextFile(path) }, as: UTF8.self)
            do { return (try MustacheTemplate(string: text), path) }
            catch { throw TemplateError(path: path, reason: "\(error)") }
        }
        throw TemplateError(path: dir + "/letter.md.mustache", reason: "the file is missing")
    }

    /// The letter as CommonMark. `report` must be the client's view.
    public static func markdown(_ report: RecordView, templates: String, options: LetterOptions) throws -> String {
        precondition(report.audience == .client, "the letter is built from the client's view")
        let (template, _) = try template(templates: templates, locale: report.record.locale ?? report.labels.locale)
        let text = template.render(context(report, options: options))
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
        guard let html = t.library.render(ctx, withTemplate: "letter") else {
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

    static func context(_ report: RecordView, options: LetterOptions) -> [String: Any] {
        let r = report.record
        let clientPeople = r.participants.filter { $0.side == .client }
        let addressee = clientPeople.first
        let salutation: String
        if let a = addressee {
            salutation = a.name
        } else if let c = r.client {
            salutation = report.labels["letter-colleagues-at"].replacingOccurrences(of: "{client}", with: c)
        } else {
            salutation = report.labels["letter-colleagues"]
        }
        // Continuation lines are indented so that a multi-paragraph item stays inside its list item.
        func listText(_ s: String) -> String {
            s.trimmed.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : "   " + $0.element }.joined(separator: "\n")
        }
        func entries(_ items: [Item]) -> [[String: Any]] {
            items.map { it in
                ["text": listText(it.text), "counterfactual": it.counterfactual.map { $0.trimmed.isEmpty ? false : listText($0) as Any } ?? false]
            }
        }
        // What they saw first, then what we saw; only what the client may see (the report is the client's view).
        let facts = items(report, .facts, side: .client) + items(report, .facts, exclude: .client)
        let ownMistakes = items(report, .mistakes, exclude: .client)
        let lessons = items(report, .lessons)
        let remedies = items(report, .remedies)
        let chosen = remedies.first { $0.chosen == true }
        let actions = items(report, .actions)
        let followUpTagged = report.sections.filter { $0.spec.kind == .actions }.flatMap(\.allItems)
            .first { $0.filedTags.contains { Tags.key($0) == "follow-up" } && $0.item.done != true }?.item
        let followUp = followUpTagged
            ?? actions.filter { $0.done != true }.compactMap { a in a.due.map { (a, $0) } }.max { $0.1 < $1.1 }?.0
        let followDate = followUp?.due ?? options.today.adding(days: 30)
        // Every key is set on every entry, so that a missing one never falls back to the letter's own.
        let remedyEntries: [[String: Any]] = remedies.enumerated().map { i, it in
            ["number": i + 1, "text": listText(it.text), "chosen": it.chosen == true]
        }
        let L = report.labels
        let signature = report.signature
            ?? report.agency.map { L["letter-signature-agency"].replacingOccurrences(of: "{agency}", with: $0) }
            ?? L["letter-signature"]
        return [
            "date": longDate(options.today, L),
            "title": report.title,
            "client": r.client ?? false,
            "project": r.project ?? false,
            "salutation": salutation,
            "hasFacts": !facts.isEmpty, "facts": entries(facts),
            "hasMistakes": !ownMistakes.isEmpty, "mistakes": entries(ownMistakes),
            "hasLessons": !lessons.isEmpty, "lessons": entries(lessons),
            "hasRemedies": !remedies.isEmpty, "remedies": remedyEntries,
            "hasChosen": chosen != nil,
            "followUpDate": longDate(followDate, L),
            "agency": report.agency ?? false,
            "signature": signature,
        ]
    }
}
