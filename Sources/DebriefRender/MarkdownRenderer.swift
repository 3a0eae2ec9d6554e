// CommonMark for GitHub and any Markdown viewer: a heading per section, lists
// with the side shown, counterfactuals under mistakes, an actions table.
import DebriefCore
import DebriefMarkdown

public enum MarkdownRenderer {
    public static func render(_ report: RecordView) -> String {
        let r = report.record
        let L = report.labels
        var out = "# \(escapeInline(oneLine(report.title)))\n\n"

        var meta: [String] = []
        if let c = r.client { meta.append("**\(L["client"]):** \(escapeInline(oneLine(c)))") }
        if let p = r.project { meta.append("**\(L["project"]):** \(escapeInline(oneLine(p)))") }
        var line: [String] = []
        if let d = r.date { line.append("**\(L["date"]):** \(d)") }
        if report.audience == .team {
            line.append("**\(L["status"]):** \(L["status-" + r.status.rawValue])")
            line.append("**\(L["format"]):** \(escapeInline(report.format.name))")
        }
        if !line.isEmpty { meta.append(line.joined(separator: " · ")) }
        out += meta.joined(separator: "  \n") + "\n\n"
        if let intro = report.intro, !intro.trimmed.isEmpty { out += "*\(escapeInline(oneLine(intro)))*\n\n" }

        if !report.participants.isEmpty {
            out += "## \(L["participants"])\n\n"
            for p in report.participants {
                var detail = [L[p.side == .us ? "side-us" : "side-client"]]
                if let role = p.role { detail.append(escapeInline(oneLine(role))) }
                out += "- \(escapeInline(oneLine(p.name))) (\(detail.joined(separator: ", ")))\n"
            }
            out += "\n"
        }

        for s in report.sections {
            out += "## \(escapeInline(s.heading))\n\n"
            if let n = s.narrativeText {
                out += Markdown.safeCommonMark(n.trimmed) + "\n\n"
                continue
            }
            switch s.spec.kind {
            case .actions:
                out += actionsTable(s.allItems, report) + "\n"
            default:
                for g in s.groups {
                    if let label = g.label { out += "### \(label)\n\n" }
                    for ri in g.items { out += listItem(ri.item, kind: s.spec.kind, perSide: s.spec.perSide, report) }
                    out += "\n"
                }
            }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    static func listItem(_ it: Item, kind: SectionKind, perSide: Bool, _ report: RecordView) -> String {
        let L = report.labels
        var head = ""
        if kind == .timeline, let at = it.at { head = "**\(at)** — " }
        var tail: [String] = []
        if !perSide, let side = it.side { tail.append("*(\(L[side == .us ? "side-us" : "side-client"]))*") }
        if kind == .remedies, it.chosen == true { tail.append("**✓ \(L["chosen"])**") }
        if report.audience == .team && it.isInternal { tail.append("*(\(L["internal"]))*") }
        if !it.tags.isEmpty { tail.append(it.tags.map { "`#\($0)`" }.joined(separator: " ")) }

        let body = Markdown.safeCommonMark(it.text.trimmed)
        var text: String
        if isSingleParagraph(body) {
            text = head + body + (tail.isEmpty ? "" : " " + tail.joined(separator: " "))
        } else {
            text = head + body + (tail.isEmpty ? "" : "\n\n" + tail.joined(separator: " "))
        }
        if kind == .mistakes, let c = it.counterfactual, !c.trimmed.isEmpty {
            text += "\n\n*\(L["counterfactual"]):* " + Markdown.safeCommonMark(c.trimmed)
        }
        return "- " + indent(text, by: "  ") + "\n"
    }

    static func actionsTable(_ items: [ViewItem], _ report: RecordView) -> String {
        let L = report.labels
        // A ticket column only where an action has a ticket (the client's view has none).
        let tickets = items.contains { $0.item.ticket != nil }
        var t = "| \(L["action"]) | \(L["owner"]) | \(L["due"]) | \(L["done"]) |" + (tickets ? " \(L["ticket"]) |" : "")
            + "\n|---|---|---|:-:|" + (tickets ? "---|" : "") + "\n"
        for ri in items {
            let it = ri.item
            var what = cell(it.text)
            if report.audience == .team && it.isInternal { what += " *(\(L["internal"]))*" }
            if !it.tags.isEmpty { what += " " + it.tags.map { "`#\($0)`" }.joined(separator: " ") }
            let owner = it.owner.map { cell(escapeInline($0)) } ?? "—"
            let due = it.due?.description ?? "—"
            let done = it.done == true ? "☑" : "☐"
            t += "| \(what) | \(owner) | \(due) | \(done) |" + (tickets ? " \(it.ticket.map { cell(escapeInline($0)) } ?? "—") |" : "") + "\n"
        }
        return t
    }

    /// Table cells hold one line: line breaks become spaces, and a pipe not escaped already is escaped (once).
    static func cell(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in oneLine(Markdown.safeCommonMark(s)) {
            if c == "|" && !escaped { out.append("\\") }
            escaped = c == "\\" && !escaped
            out.append(c)
        }
        return out
    }

    static func oneLine(_ s: String) -> String {
        s.trimmed.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    static func isSingleParagraph(_ s: String) -> Bool {
        !s.contains("\n\n") && !s.contains("```") && !s.hasSuffix("    ")
    }

    static func indent(_ s: String, by pad: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in lines.indices.dropFirst() where !lines[i].isEmpty { lines[i] = pad + lines[i] }
        return lines.joined(separator: "\n")
    }

    /// Plain text (a title, a name) made literal in CommonMark.
    public static func escapeInline(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            if "\\`*_[]<>#!|~".contains(c) { out.append("\\") }
            // "&" only where it could start a character reference ("&amp;", "&#97;"): "Bloom & Co" stays as written.
            if c == "&", i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "#" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

import Foundation
