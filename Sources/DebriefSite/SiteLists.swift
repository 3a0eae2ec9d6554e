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

/// What changed since the last build, for the lists: the clients and tags (keys) and the pages of the debriefs
/// rendered again or removed (before and after), and whether any lesson changed.
struct SiteChanges {
    var clients = Set<String>()
    var tags = Set<String>()
    var pages = Set<String>()
    var lessons = false
}

struct SiteLists {
    /// Tag keys, each folded once however many rows show the tag.
    final class TagKeys {
        var keys: [String: String] = [:]
        func callAsFunction(_ tag: String) -> String {
            if let k = keys[tag] { return k }
            let k = Tags.key(tag)
            keys[tag] = k
            return k
        }
    }
    let tagKey = TagKeys()
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

    /// Makes every list page, handing each to `emit` as soon as it is made (never all of them in memory).
    /// `affected`: the clients and tags (keys) and the pages of the debriefs that changed since the last build; a
    /// client's or tag's page that shows none of them is kept as it is (`carry`). Nil: every page is made.
    func pages(affected: SiteChanges? = nil, carry: (String) -> Bool = { _ in false },
               _ emit: (String, [UInt8]) throws -> Void) throws {
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
                let k = tagKey(t)
                if tagNames[k] == nil { tagNames[k] = t }
                tagDocs[k, default: []].append(d)
            }
        }
        let clientPage = uniquePages(clientNames, folder: "c")
        let tagPage = uniquePages(tagNames, folder: "t")
        let clientLinks: (String) -> TemplateValue = { root in
            .list(clientNames.sorted { $0.value.lowercased() < $1.value.lowercased() }.map { k, name in
                ["name": .text(name), "href": .text(root + clientPage[k]!)]
            })
        }
        func tagLinks(_ root: String) -> TemplateValue {
            .list(tagNames.sorted { $0.key < $1.key }.map { k, name in
                ["tag": .text(name), "href": .text(root + tagPage[k]!), "count": .number(tagDocs[k]!.count)]
            })
        }

        // The index.
        var index = page(title: L["site-debriefs"], heading: isClient ? L["site-client-portal"] : L["site-name"], root: "", current: "Index")
        index["summary"] = .text(summaryLine(ordered))
        index["debriefs"] = rows(ordered, root: "", clientPage: clientPage, tagPage: tagPage)
        index["hasDebriefs"] = .bool(!ordered.isEmpty)
        if clientNames.count > 1 { index["clients"] = clientLinks(""); index["hasClients"] = true }
        if ordered.isEmpty { index["empty"] = .text(L["site-empty"]) }
        try emit("index.html", try render(index))

        for (k, name) in clientNames {
            if let affected, !affected.clients.contains(k), carry(clientPage[k]!) { continue }
            var p = page(title: name, heading: name, root: "../", current: nil)
            let ds = clientDocs[k]!
            p["summary"] = .text(summaryLine(ds))
            p["debriefs"] = rows(ds, root: "../", clientPage: clientPage, tagPage: tagPage)
            p["hasDebriefs"] = true
            try emit(clientPage[k]!, try render(p))
        }

        // Lessons, grouped.
        let sources = docs.map { LessonSource(record: $0.record, display: $0.page) }
        let grouping = LessonGrouper(lists: lists).group(sources, pins: pins)
        let docByPage = Dictionary(docs.map { ($0.page, $0) }, uniquingKeysWith: { a, _ in a })
        func groupContexts(_ groups: [LessonGroup], root: String) -> TemplateValue {
            .rows(TemplateRows(count: groups.count) { i in
                let g = groups[i]
                let html = Markdown.parse(g.lesson).html
                var c: [String: TemplateValue] = [
                    "html": .text(html),
                    "learned": .text(L["site-learned-in"].replacingOccurrences(of: "{n}", with: String(g.count))),
                    "recurring": .bool(g.recurring), "cameBack": .bool(g.cameBack), "internal": .bool(!isClient && g.isInternal),
                    "tags": .list(g.tags.compactMap { t in tagPage[tagKey(t)].map { ["tag": .text(t), "href": .text(root + $0)] } }),
                    "debriefs": .rows(TemplateRows(count: g.debriefs.count) { j in
                        let d = g.debriefs[j]
                        return ["date": .text(d.date ?? ""), "href": .text(root + d.path), "title": .text(docByPage[d.path]?.title ?? d.title),
                                "wording": d.wording == g.lesson ? .none : .text(LessonText.plain(d.wording))]
                    }),
                ]
                if let f = g.first, let l = g.last { c["span"] = .text(f == l ? f : "\(f) – \(l)") }
                return .object(c)
            })
        }
        var lessonsPage = page(title: L["site-lessons"], heading: L["site-lessons"], root: "", current: "Lessons")
        lessonsPage["summary"] = .text(L["site-lessons-summary"]
            .replacingOccurrences(of: "{groups}", with: String(grouping.groups.count))
            .replacingOccurrences(of: "{recurring}", with: String(grouping.groups.count(where: \.recurring))))
        lessonsPage["lessonGroups"] = groupContexts(grouping.groups, root: "")
        lessonsPage["hasLessonGroups"] = .bool(!grouping.groups.isEmpty)
        if grouping.groups.isEmpty { lessonsPage["empty"] = .text(L["site-no-lessons"]) }
        try emit("lessons.html", try render(lessonsPage))

        // Actions: overdue first, then open, then done.
        let docByPath = Dictionary(docs.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        let actions = ArchiveActions.sorted(ArchiveActions.collect(docs.map(\.record), archiveRoot: "/", today: today))
        let stateLabels = Dictionary(uniqueKeysWithValues: ActionState.allCases.map { ($0, TemplateValue.text(L["site-state-" + $0.rawValue])) })
        func actionRows(_ list: [ArchiveAction], root: String) -> TemplateValue {
            .rows(TemplateRows(count: list.count) { i in
                let a = list[i]
                let d = docByPath[a.path]
                return ["stateKey": .text(a.state.rawValue), "state": stateLabels[a.state]!, "due": .text(a.due?.description ?? "—"),
                        "owner": .text(a.owner ?? "—"), "text": .text(a.plain), "internal": .bool(!isClient && a.isInternal),
                        "href": .text(root + (d?.page ?? "index.html") + "#actions"), "title": .text(d?.title ?? "")]
            })
        }
        var actionsPage = page(title: L["site-actions"], heading: L["site-actions"], root: "", current: "Actions")
        let summary = ActionSummary(actions, today: today)
        actionsPage["summary"] = .text(L["site-actions-summary"]
            .replacingOccurrences(of: "{open}", with: String(summary.open))
            .replacingOccurrences(of: "{overdue}", with: String(summary.overdue))
            .replacingOccurrences(of: "{done}", with: String(summary.recentlyDone)))
        actionsPage["actionRows"] = actionRows(actions, root: "")
        actionsPage["hasActionRows"] = .bool(!actions.isEmpty)
        if actions.isEmpty { actionsPage["empty"] = .text(L["site-no-actions"]) }
        try emit("actions.html", try render(actionsPage))

        // Tags (never in a client portal: tags never reach the client).
        if !isClient {
            var tagsPage = page(title: L["site-tags"], heading: L["site-tags"], root: "", current: "Tags")
            tagsPage["tagLinks"] = tagLinks("")
            tagsPage["hasTagLinks"] = .bool(!tagNames.isEmpty)
            if tagNames.isEmpty { tagsPage["empty"] = .text(L["site-no-tags"]) }
            try emit("tags.html", try render(tagsPage))
            for (k, name) in tagNames {
                // A tag's page shows its debriefs, and every debrief of the lesson groups that carry the tag.
                let groups = grouping.groups(tag: name)
                // When a lesson changed, groups may have gained or lost a debrief: every tag's page is made again.
                if let affected, !affected.lessons, !affected.tags.contains(k),
                   !groups.contains(where: { $0.debriefs.contains { affected.pages.contains($0.path) } }), carry(tagPage[k]!) { continue }
                var p = page(title: "#" + name, heading: "#" + name, root: "../", current: nil)
                let ds = tagDocs[k]!
                p["summary"] = .text(summaryLine(ds))
                p["debriefs"] = rows(ds, root: "../", clientPage: clientPage, tagPage: tagPage)
                p["hasDebriefs"] = true
                p["lessonGroups"] = groupContexts(groups, root: "../")
                p["hasLessonGroups"] = .bool(!groups.isEmpty)
                p["lessonsHeading"] = .text(L["site-lessons"])
                let tagged = actions.filter { a in a.tags.contains { tagKey($0) == k } }
                p["actionRows"] = actionRows(tagged, root: "../")
                p["hasActionRows"] = .bool(!tagged.isEmpty)
                p["actionsHeading"] = .text(L["site-actions"])
                try emit(tagPage[k]!, try render(p))
            }
        }

        // Search.
        var search = page(title: L["site-search"], heading: L["site-search"], root: "", current: "Search")
        search["search"] = true
        try emit("search.html", try render(search))
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

    func rows(_ ds: [SiteDoc], root: String, clientPage: [String: String], tagPage: [String: String]) -> TemplateValue {
        var statuses: [String: TemplateValue] = [:]
        var clientKeys: [String: String] = [:]   // a client's name → its page, folded once
        return .rows(TemplateRows(count: ds.count) { i in
            let d = ds[i]
            let status = statuses[d.record.status] ?? .text(L["status-" + d.record.status])
            statuses[d.record.status] = status
            var row: [String: TemplateValue] = [
                "date": .text(d.date ?? "—"), "href": .text(root + d.page), "title": .text(d.title),
                "statusKey": .text(d.record.status), "status": status,
                "mistakes": .number(d.mistakes), "lessons": .number(d.record.lessons.count), "openActions": .number(d.openActions),
                "tags": .list(d.tags.compactMap { t in tagPage[tagKey(t)].map { ["tag": .text(t), "href": .text(root + $0)] } }),
                "hasTags": .bool(!d.tags.isEmpty),
            ]
            if let c = d.client {
                let page = clientKeys[c] ?? clientPage[Fold.key(c)]
                clientKeys[c] = page
                if let page { row["client"] = .text(c); row["clientHref"] = .text(root + page) }
            }
            return .object(row)
        })
    }

    func page(title: String, heading: String, root: String, current: String?) -> [String: TemplateValue] {
        [
            "lang": .text(L.locale), "dir": .text(HTMLRenderer.direction(for: L.locale)),
            "title": .text(title), "heading": .text(heading),
            "site": TemplateValue(any: SiteFrame.context(labels: L, root: root, hasTags: !isClient, current: current)),
            "generator": isClient ? .none : .text(generator),
            "labels": TemplateValue(any: [
                "date": L["date"], "debrief": L["site-debrief"], "client": L["client"], "status": L["status"],
                "mistakes": L["site-mistakes"], "lessons": L["site-lessons"], "openActions": L["site-open-actions"],
                "clients": L["site-clients"], "tags": L["site-tags"], "recurring": L["site-recurring"], "cameBack": L["site-came-back"],
                "internal": L["internal"], "state": L["site-state"], "due": L["due"], "owner": L["owner"], "action": L["action"],
                "search": L["site-search"], "searchHint": L["site-search-hint"], "noScript": L["site-no-script"],
                "noResults": L["site-no-results"], "results": L["site-results"],
            ] as [String: String]),
        ]
    }

    func render(_ context: [String: TemplateValue]) throws -> [UInt8] {
        guard let html = templates.library.renderBytes(.object(context), withTemplate: "site-page") else {
            throw TemplateError(path: templates.folder + "/site-page.mustache", reason: "no template named 'site-page'")
        }
        return html
    }
}
