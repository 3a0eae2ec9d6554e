// The site's lists: the index of debriefs, a page per client and per tag, the tags, the lessons (grouped as
// `debrief lessons` groups them), the actions (overdue first), and the search page. Made whole on every build
// from the docs' summaries (no record is read for them); written only where their bytes changed.
import DebriefArchive
import DebriefCore
import DebriefMarkdown
import DebriefRender
import Foundation

/// The static files of the site: its stylesheet and search script (templates/site/), and the report's stylesheet.
struct SiteAssets {
    var siteCSS: [UInt8]
    var searchJS: [UInt8]
    var reportCSS: [UInt8]
    var identity: String

    static func load(templates: String, archive: String?) throws -> SiteAssets {
        func file(_ folder: String, _ name: String) throws -> [UInt8] {
            if let archive {
                let own = ((archive as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: own) { return try Templates.loading(own) { try readTextFile(own) } }
            }
            let p = ((templates as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent(name)
            return try Templates.loading(p) { try readTextFile(p) }
        }
        let css = try file("site", "site.css"), js = try file("site", "search.js"), report = try file("html", "report.css")
        let identity = [css, js, report].map { String(IndexCache.checksum($0), radix: 16) }.joined(separator: "-")
        return SiteAssets(siteCSS: css, searchJS: js, reportCSS: report, identity: identity)
    }

    func files(client: Bool) -> [(path: String, bytes: [UInt8])] {
        [("site.css", siteCSS), ("search.js", searchJS), ("report.css", reportCSS)]
    }
}

struct SiteLists {
    let docs: [SiteDoc]
    let labels: Labels
    let templates: HTMLTemplates
    let assets: SiteAssets
    let audience: Audience
    let generator: String
    let lists: LessonWordLists
    let pins: [LessonPins]
    let today: Day

    var isClient: Bool { audience == .client }
    var L: Labels { labels }

    /// Newest first (undated last), then by title.
    var newestFirst: [SiteDoc] {
        docs.sorted { a, b in
            let da = a.date ?? "", db = b.date ?? ""
            if da != db { return da > db }
            return a.title < b.title
        }
    }

    static func slug(_ s: String) -> String {
        let slug = Slug.make(s)
        return slug.isEmpty ? "x" : slug
    }

    func pages() throws -> [(path: String, bytes: [UInt8])] {
        var out: [(path: String, bytes: [UInt8])] = []
        let ordered = newestFirst

        // Clients and tags, each with its page.
        var clientNames: [String: String] = [:], clientDocs: [String: [SiteDoc]] = [:]
        var tagNames: [String: String] = [:], tagDocs: [String: [SiteDoc]] = [:]
        for d in ordered {
            if let c = d.client, !c.trimmed.isEmpty {
                let k = Fold.key(c)
                if clientNames[k] == nil { clientNames[k] = c }
                clientDocs[k, default: []].append(d)
            }
            for t in d.tags {
                let k = Tags.key(t)
                if tagNames[k] == nil { tagNames[k] = t }
                tagDocs[k, default: []].append(d)
            }
        }
        let clientPage = uniquePages(clientNames, folder: "c")
        let tagPage = uniquePages(tagNames, folder: "t")
        let clientLinks: (String) -> [[String: Any]] = { root in
            clientNames.sorted { $0.value.lowercased() < $1.value.lowercased() }.map { k, name in ["name": name, "href": root + clientPage[k]!] }
        }
        func tagLinks(_ root: String) -> [[String: Any]] {
            tagNames.sorted { $0.key < $1.key }.map { k, name in ["tag": name, "href": root + tagPage[k]!, "count": tagDocs[k]!.count] }
        }

        // The index.
        var index = page(title: L["site-debriefs"], heading: isClient ? L["site-client-portal"] : L["site-name"], root: "", current: "Index")
        index["summary"] = summaryLine(ordered)
        index["debriefs"] = rows(ordered, root: "", clientPage: clientPage, tagPage: tagPage)
        index["hasDebriefs"] = !ordered.isEmpty
        if clientNames.count > 1 { index["clients"] = clientLinks(""); index["hasClients"] = true }
        if ordered.isEmpty { index["empty"] = L["site-empty"] }
        out.append(("index.html", try render(index)))

        for (k, name) in clientNames {
            var p = page(title: name, heading: name, root: "../", current: nil)
            let ds = clientDocs[k]!
            p["summary"] = summaryLine(ds)
            p["debriefs"] = rows(ds, root: "../", clientPage: clientPage, tagPage: tagPage)
            p["hasDebriefs"] = true
            out.append((clientPage[k]!, try render(p)))
        }

        // Lessons, grouped.
        let sources = docs.map { LessonSource(record: $0.record, display: $0.page) }
        let grouping = LessonGrouper(lists: lists).group(sources, pins: pins)
        let docByPage = Dictionary(docs.map { ($0.page, $0) }, uniquingKeysWith: { a, _ in a })
        func groupContexts(_ groups: [LessonGroup], root: String) -> [[String: Any]] {
            groups.map { g in
                var c: [String: Any] = [
                    "html": Markdown.parse(g.lesson).html,
                    "learned": L["site-learned-in"].replacingOccurrences(of: "{n}", with: String(g.count)),
                    "recurring": g.recurring, "cameBack": g.cameBack, "internal": !isClient && g.isInternal,
                    "tags": g.tags.compactMap { t in tagPage[Tags.key(t)].map { ["tag": t, "href": root + $0] } },
                    "debriefs": g.debriefs.map { d -> [String: Any] in
                        ["date": d.date ?? "", "href": root + d.path, "title": docByPage[d.path]?.title ?? d.title,
                         "wording": d.wording == g.lesson ? false : LessonText.plain(d.wording)]
                    },
                ]
                if let f = g.first, let l = g.last { c["span"] = f == l ? f : "\(f) – \(l)" }
                return c
            }
        }
        var lessonsPage = page(title: L["site-lessons"], heading: L["site-lessons"], root: "", current: "Lessons")
        lessonsPage["summary"] = L["site-lessons-summary"]
            .replacingOccurrences(of: "{groups}", with: String(grouping.groups.count))
            .replacingOccurrences(of: "{recurring}", with: String(grouping.groups.count(where: \.recurring)))
        lessonsPage["lessonGroups"] = groupContexts(grouping.groups, root: "")
        lessonsPage["hasLessonGroups"] = !grouping.groups.isEmpty
        if grouping.groups.isEmpty { lessonsPage["empty"] = L["site-no-lessons"] }
        out.append(("lessons.html", try render(lessonsPage)))

        // Actions: overdue first, then open, then done.
        let docByPath = Dictionary(docs.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        let actions = ArchiveActions.sorted(ArchiveActions.collect(docs.map(\.record), archiveRoot: "/", today: today))
        func actionRows(_ list: [ArchiveAction], root: String) -> [[String: Any]] {
            list.map { a in
                let d = docByPath[a.path]
                return ["stateKey": a.state.rawValue, "state": L["site-state-" + a.state.rawValue], "due": a.due?.description ?? "—",
                        "owner": a.owner ?? "—", "text": a.plain, "internal": !isClient && a.isInternal,
                        "href": root + (d?.page ?? "index.html") + "#actions", "title": d?.title ?? ""]
            }
        }
        var actionsPage = page(title: L["site-actions"], heading: L["site-actions"], root: "", current: "Actions")
        let summary = ActionSummary(actions, today: today)
        actionsPage["summary"] = L["site-actions-summary"]
            .replacingOccurrences(of: "{open}", with: String(summary.open))
            .replacingOccurrences(of: "{overdue}", with: String(summary.overdue))
            .replacingOccurrences(of: "{done}", with: String(summary.recentlyDone))
        actionsPage["actionRows"] = actionRows(actions, root: "")
        actionsPage["hasActionRows"] = !actions.isEmpty
        if actions.isEmpty { actionsPage["empty"] = L["site-no-actions"] }
        out.append(("actions.html", try render(actionsPage)))

        // Tags (never in a client portal: tags never reach the client).
        if !isClient {
            var tagsPage = page(title: L["site-tags"], heading: L["site-tags"], root: "", current: "Tags")
            tagsPage["tagLinks"] = tagLinks("")
            tagsPage["hasTagLinks"] = !tagNames.isEmpty
            if tagNames.isEmpty { tagsPage["empty"] = L["site-no-tags"] }
            out.append(("tags.html", try render(tagsPage)))
            for (k, name) in tagNames {
                var p = page(title: "#" + name, heading: "#" + name, root: "../", current: nil)
                let ds = tagDocs[k]!
                p["summary"] = summaryLine(ds)
                p["debriefs"] = rows(ds, root: "../", clientPage: clientPage, tagPage: tagPage)
                p["hasDebriefs"] = true
                let groups = grouping.groups(tag: name)
                p["lessonGroups"] = groupContexts(groups, root: "../")
                p["hasLessonGroups"] = !groups.isEmpty
                p["lessonsHeading"] = L["site-lessons"]
                let tagged = actions.filter { a in a.tags.contains { Tags.key($0) == k } }
                p["actionRows"] = actionRows(tagged, root: "../")
                p["hasActionRows"] = !tagged.isEmpty
                p["actionsHeading"] = L["site-actions"]
                out.append((tagPage[k]!, try render(p)))
            }
        }

        // Search.
        var search = page(title: L["site-search"], heading: L["site-search"], root: "", current: "Search")
        search["search"] = true
        out.append(("search.html", try render(search)))
        return out
    }

    /// A page name per key (`t/review.html`), made from its display name; two names with one slug get `-2`.
    func uniquePages(_ names: [String: String], folder: String) -> [String: String] {
        var taken = Set<String>(), out: [String: String] = [:]
        for (k, name) in names.sorted(by: { $0.key < $1.key }) {
            let base = SiteLists.slug(name)
            var p = "\(folder)/\(base).html", n = 2
            while !taken.insert(p).inserted { p = "\(folder)/\(base)-\(n).html"; n += 1 }
            out[k] = p
        }
        return out
    }

    func summaryLine(_ ds: [SiteDoc]) -> String {
        L["site-debriefs-summary"]
            .replacingOccurrences(of: "{n}", with: String(ds.count))
            .replacingOccurrences(of: "{open}", with: String(ds.reduce(0) { $0 + $1.openActions }))
    }

    func rows(_ ds: [SiteDoc], root: String, clientPage: [String: String], tagPage: [String: String]) -> [[String: Any]] {
        ds.map { d in
            var row: [String: Any] = [
                "date": d.date ?? "—", "href": root + d.page, "title": d.title,
                "statusKey": d.record.status, "status": L["status-" + d.record.status],
                "mistakes": d.mistakes, "lessons": d.record.lessons.count, "openActions": d.openActions,
                "tags": d.tags.compactMap { t in tagPage[Tags.key(t)].map { ["tag": t, "href": root + $0] } },
                "hasTags": !d.tags.isEmpty,
            ]
            if let c = d.client, let p = clientPage[Fold.key(c)] { row["client"] = c; row["clientHref"] = root + p }
            return row
        }
    }

    func page(title: String, heading: String, root: String, current: String?) -> [String: Any] {
        [
            "lang": L.locale, "dir": HTMLRenderer.direction(for: L.locale),
            "title": title, "heading": heading,
            "site": SiteFrame.context(labels: L, root: root, hasTags: !isClient, current: current),
            "generator": isClient ? false : generator,
            "labels": [
                "date": L["date"], "debrief": L["site-debrief"], "client": L["client"], "status": L["status"],
                "mistakes": L["site-mistakes"], "lessons": L["site-lessons"], "openActions": L["site-open-actions"],
                "clients": L["site-clients"], "tags": L["site-tags"], "recurring": L["site-recurring"], "cameBack": L["site-came-back"],
                "internal": L["internal"], "state": L["site-state"], "due": L["due"], "owner": L["owner"], "action": L["action"],
                "search": L["site-search"], "searchHint": L["site-search-hint"], "noScript": L["site-no-script"],
                "noResults": L["site-no-results"], "results": L["site-results"],
            ] as [String: String],
        ]
    }

    func render(_ context: [String: Any]) throws -> [UInt8] {
        guard let html = templates.library.render(TemplateValue(any: context), withTemplate: "site-page") else {
            throw TemplateError(path: templates.folder + "/site-page.mustache", reason: "no template named 'site-page'")
        }
        return Array(html.utf8)
    }
}
