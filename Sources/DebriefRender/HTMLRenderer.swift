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
        ctx["paper"] = paper.css
        // A page of a site: the site's stylesheets and navigation instead of the standalone page's own style.
        if let site { ctx["site"] = site }
        guard let html = templates.library.render(TemplateValue(any: ctx), withTemplate: "report") else {
            throw TemplateError(path: templates.folder + "/report.mustache", reason: "no template named 'report'")
        }
        return html
    }

    static func context(_ report: RecordView, css: String, generator: String) -> [String: Any] {
        let r = report.record
        let L = report.labels
        let locale = r.locale ?? report.labels.locale
        var meta: [[String: Any]] = []
        if let c = r.client { meta.append(["label": L["client"], "value": c]) }
        if let p = r.project { meta.append(["label": L["project"], "value": p]) }
        if let d = r.date { meta.append(["label": L["date"], "value": d.description]) }
        // The client is not told which format (or tool) the debrief followed: "Client recovery" reads as being won back.
        if report.audience == .team {
            meta.append(["label": L["status"], "value": L["status-" + r.status.rawValue]])
            meta.append(["label": L["format"], "value": report.format.name])
        }

        let participants: [[String: Any]] = report.participants.map { p in
            ["name": p.name, "side": p.side.rawValue, "sideLabel": L[p.side == .us ? "side-us" : "side-client"],
             "role": p.role ?? false]
        }

        var sections: [[String: Any]] = []
        for s in report.sections {
            var sc: [String: Any] = ["id": s.spec.id, "kind": s.spec.kind.rawValue, "title": s.heading]
            if let n = s.narrative {
                sc["narrative"] = ["html": n.html]
            } else if s.spec.kind == .actions {
                sc["actions"] = ["rows": s.allItems.map { itemContext($0, s.spec, report) }]
            } else {
                sc["groups"] = s.groups.map { g -> [String: Any] in
                    ["label": g.label ?? false, "side": g.side?.rawValue ?? "both",
                     "items": g.items.map { itemContext($0, s.spec, report) }]
                }
            }
            sections.append(sc)
        }

        return [
            "lang": locale,
            "dir": direction(for: locale),
            "title": report.title,
            "css": css,
            "client": report.audience == .client,
            "intro": report.intro.map { $0.trimmed.isEmpty ? false : $0 as Any } ?? false,
            "meta": meta,
            "participantsTitle": L["participants"],
            "participants": participants,
            "hasParticipants": !participants.isEmpty,
            "sections": sections,
            "labels": [
                "action": L["action"], "owner": L["owner"], "due": L["due"], "done": L["done"],
                "counterfactual": L["counterfactual"], "internal": L["internal"], "chosen": L["chosen"],
                "yes": L["yes"], "no": L["no"],
            ],
            "generator": report.audience == .team ? generator : false,
        ]
    }

    static func itemContext(_ ri: ViewItem, _ spec: SectionSpec, _ report: RecordView) -> [String: Any] {
        let it = ri.item
        let L = report.labels
        var marks: [[String: String]] = []
        if !spec.perSide, let side = it.side {
            marks.append(["cls": "side side-\(side.rawValue)", "text": L[side == .us ? "side-us" : "side-client"]])
        }
        if spec.kind == .remedies, it.chosen == true { marks.append(["cls": "chosen", "text": "✓ " + L["chosen"]]) }
        if report.audience == .team && it.isInternal { marks.append(["cls": "internal", "text": L["internal"]]) }
        var c: [String: Any] = [
            "number": ri.number,
            "html": ri.text.html,
            "internal": report.audience == .team && it.isInternal,
            "marks": marks,
            "tags": it.tags.map { ["tag": $0] },
            "hasMarks": !marks.isEmpty || !it.tags.isEmpty,
        ]
        if let cf = ri.counterfactual { c["counterfactual"] = ["html": cf.html] }
        if let at = it.at { c["at"] = at.description; c["atISO"] = at.description.replacingOccurrences(of: " ", with: "T") }
        if spec.kind == .actions {
            c["owner"] = it.owner ?? "—"
            c["due"] = it.due?.description ?? "—"
            c["done"] = it.done == true
        }
        if spec.kind == .remedies { c["chosen"] = it.chosen == true }
        return c
    }
}
