// One standalone HTML page from `templates/html/report.mustache`: user text
// through cmark's safe mode, everything else through Mustache's escaping.
import DebriefCore
import DebriefMarkdown
import Foundation

public struct HTMLTemplates: Sendable {
    public var library: TemplateLibrary
    public var css: String
    public var folder: String

    /// Loads `templates/html/*.mustache` and `report.css`; a file of the same name in the archive's own
    /// `templates/html/` (beside debrief.yml) replaces the built-in one.
    public static func load(templates: String, archive: String? = nil) throws -> HTMLTemplates {
        let folder = (templates as NSString).appendingPathComponent("html")
        var library = TemplateLibrary()
        guard let builtIn = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw TemplateError(path: folder, reason: "the folder is missing")
        }
        let ownFolder = archive.map { ($0 as NSString).appendingPathComponent("html") }
        let own = Set(ownFolder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0) } ?? [])
        func path(_ name: String) -> String {
            if let ownFolder, own.contains(name) { return (ownFolder as NSString).appendingPathComponent(name) }
            return (folder as NSString).appendingPathComponent(name)
        }
        let names = Set(builtIn).union(own)
        for n in names.sorted() where n.hasSuffix(".mustache") {
            let p = path(n)
            let text = String(decoding: try Templates.loading(p) { try readTextFile(p) }, as: UTF8.self)
            do { try library.register(text, named: String(n.dropLast(".mustache".count))) }
            catch { throw TemplateError(path: p, reason: "\(error)") }
        }
        for required in ["report", "letter"] where !names.contains(required + ".mustache") {
            throw TemplateError(path: (folder as NSString).appendingPathComponent(required + ".mustache"), reason: "the file is missing")
        }
        let cssPath = path("report.css")
        let css = String(decoding: try Templates.loading(cssPath) { try readTextFile(cssPath) }, as: UTF8.self)
        return HTMLTemplates(library: library, css: css, folder: folder)
    }
}

public enum HTMLRenderer {
    /// Languages written right to left.
    static let rtlLanguages: Set<String> = ["ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr"]

    public static func direction(for locale: String?) -> String {
        guard let lang = locale?.split(separator: "-").first.map({ String($0).lowercased() }) else { return "ltr" }
        return rtlLanguages.contains(lang) ? "rtl" : "ltr"
    }

    public static func render(_ report: RecordView, templates: HTMLTemplates, generator: String = "debrief", paper: Paper = .a4,
                              site: [String: Any]? = nil) throws -> String {
        var ctx = context(report, css: templates.css, generator: generator)
        ctx["paper"] = .text(paper.css)
        // A page of a site: the site's stylesheets and navigation instead of the standalone page's own style.
        if let site { ctx["site"] = TemplateValue(any: site) }
        guard let html = templates.library.render(.object(ctx), withTemplate: "report") else {
            throw TemplateError(path: templates.folder + "/report.mustache", reason: "no template named 'report'")
        }
        return html
    }

    /// What the report template is given: typed values, made once per page.
    static func context(_ report: RecordView, css: String, generator: String) -> [String: TemplateValue] {
        let r = report.record
        let L = report.labels
        let locale = r.locale ?? report.labels.locale
        var meta: [TemplateValue] = []
        if let c = r.client { meta.append(["label": .text(L["client"]), "value": .text(c)]) }
        if let p = r.project { meta.append(["label": .text(L["project"]), "value": .text(p)]) }
        if let d = r.date { meta.append(["label": .text(L["date"]), "value": .text(d.description)]) }
        // The client is not told which format (or tool) the debrief followed: "Client recovery" reads as being won back.
        if report.audience == .team {
            meta.append(["label": .text(L["status"]), "value": .text(L["status-" + r.status.rawValue])])
            meta.append(["label": .text(L["format"]), "value": .text(report.format.name)])
        }

        let participants: [TemplateValue] = report.participants.map { p in
            ["name": .text(p.name), "side": .text(p.side.rawValue), "sideLabel": .text(L[p.side == .us ? "side-us" : "side-client"]),
             "role": .optional(p.role)]
        }
        let itemLabels = ItemLabels(L)

        var sections: [TemplateValue] = []
        for s in report.sections {
            var sc: [String: TemplateValue] = ["id": .text(s.spec.id), "kind": .text(s.spec.kind.rawValue), "title": .text(s.heading)]
            if let n = s.narrative {
                sc["narrative"] = ["html": .text(n.html)]
            } else if s.spec.kind == .actions {
                sc["actions"] = ["rows": .list(s.allItems.map { itemContext($0, s.spec, report, itemLabels) })]
            } else {
                sc["groups"] = .list(s.groups.map { g -> TemplateValue in
                    ["label": .optional(g.label), "side": .text(g.side?.rawValue ?? "both"),
                     "items": .list(g.items.map { itemContext($0, s.spec, report, itemLabels) })]
                })
            }
            sections.append(.object(sc))
        }

        return [
            "lang": .text(locale),
            "dir": .text(direction(for: locale)),
            "title": .text(report.title),
            "css": .text(css),
            "client": .bool(report.audience == .client),
            "intro": report.intro.map { $0.trimmed.isEmpty ? .none : .text($0) } ?? .none,
            "meta": .list(meta),
            "participantsTitle": .text(L["participants"]),
            "participants": .list(participants),
            "hasParticipants": .bool(!participants.isEmpty),
            "sections": .list(sections),
            "labels": [
                "action": .text(L["action"]), "owner": .text(L["owner"]), "due": .text(L["due"]), "done": .text(L["done"]),
                "counterfactual": .text(L["counterfactual"]), "internal": .text(L["internal"]), "chosen": .text(L["chosen"]),
                "yes": .text(L["yes"]), "no": .text(L["no"]),
            ],
            "generator": report.audience == .team ? .text(generator) : .none,
        ]
    }

    /// The marks' words, looked up once per page rather than once per item.
    struct ItemLabels {
        let us: TemplateValue, client: TemplateValue, chosen: TemplateValue, internalMark: TemplateValue
        init(_ L: Labels) {
            us = .text(L["side-us"]); client = .text(L["side-client"])
            chosen = .text("✓ " + L["chosen"]); internalMark = .text(L["internal"])
        }
    }

    static func itemContext(_ ri: ViewItem, _ spec: SectionSpec, _ report: RecordView, _ labels: ItemLabels) -> TemplateValue {
        let it = ri.item
        var marks: [TemplateValue] = []
        if !spec.perSide, let side = it.side {
            marks.append(["cls": .text("side side-\(side.rawValue)"), "text": side == .us ? labels.us : labels.client])
        }
        if spec.kind == .remedies, it.chosen == true { marks.append(["cls": "chosen", "text": labels.chosen]) }
        if report.audience == .team && it.isInternal { marks.append(["cls": "internal", "text": labels.internalMark]) }
        var c: [String: TemplateValue] = [
            "number": .number(ri.number),
            "html": .text(ri.text.html),
            "internal": .bool(report.audience == .team && it.isInternal),
            "marks": .list(marks),
            "tags": .list(it.tags.map { ["tag": .text($0)] }),
            "hasMarks": .bool(!marks.isEmpty || !it.tags.isEmpty),
        ]
        if let cf = ri.counterfactual { c["counterfactual"] = ["html": .text(cf.html)] }
        if let at = it.at {
            let text = at.description
            c["at"] = .text(text)
            c["atISO"] = .text(text.replacingOccurrences(of: " ", with: "T"))
        }
        if spec.kind == .actions {
            c["owner"] = .text(it.owner ?? "—")
            c["due"] = .text(it.due?.description ?? "—")
            c["done"] = .bool(it.done == true)
            if let t = it.ticket { c["ticket"] = .text(t) }
        }
        if spec.kind == .remedies { c["chosen"] = .bool(it.chosen == true) }
        return .object(c)
    }
}
