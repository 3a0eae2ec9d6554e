// One debrief's page of the site, and what the lists and the search keep of it. Pages are rendered on every
// core; each worker reads its record, builds the audience's view (the one client policy), renders the
// report's HTML in the site's frame and writes the page when its bytes changed.
import DebriefArchive
import DebriefCore
import DebriefMarkdown
import DebriefRender
import Foundation

/// What rendering one debrief's page gave.
enum PageResult {
    case page(RenderedPage)
    /// Not for this site: a draft, or another client's debrief, in a client portal.
    case excluded
    /// A client portal leaves the debrief out: it would name the team.
    case refused([Diagnostic])
    case failed(LoadError)
}

struct RenderedPage {
    /// As the audience sees it (title, lessons, actions with owners as shown).
    var record: IndexedRecord
    var tags: [String]
    var mistakes: Int
    /// Distinct tokens, and the passages search results quote.
    var tokens: [String]
    var passages: [SearchPassage]
    /// The page's bytes' hash, and whether they were written (they differed from the last build's).
    var hash: UInt64
    var written: Bool
}

struct PageRenderer: @unchecked Sendable {
    let templates: HTMLTemplates
    let generator: String
    let siteLabels: Labels
    let audience: Audience
    /// A client portal for this client only (the name folded).
    let client: String?
    let root: String

    /// Whether a debrief belongs on the site: every one for the team; for a client portal only final debriefs,
    /// and with `--client` only that client's.
    func includes(_ r: Record) -> Bool {
        guard audience == .client else { return true }
        guard r.status == .final else { return false }
        if let client { return r.client.map(Fold.key) == client }
        return true
    }

    /// Renders the pages of these debriefs (workspace, record path, page path), in parallel.
    func render(_ items: [(ws: Workspace, path: String, page: String)], oldOutputs: [String: UInt64]) -> [PageResult] {
        let slots = ResultSlots(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots.set(i, renderOne(items[i].ws, items[i].path, items[i].page, oldOutputs: oldOutputs))
        }
        return slots.values
    }

    func renderOne(_ ws: Workspace, _ path: String, _ page: String, oldOutputs: [String: UInt64]) -> PageResult {
        do {
            let loaded = try ws.load(path)
            guard includes(loaded.record) else { return .excluded }
            let locale = ws.locale(of: loaded.record)
            let markdown = MarkdownCache()   // one per page: an archive's texts are never all held at once
            let view = RecordView.build(record: loaded.record, format: loaded.format, audience: audience,
                                        labels: try ws.labels(locale), file: loaded.display, client: ws.clientSettings,
                                        markdown: markdown, ordinaryWords: try ws.ordinaryWords(locale),
                                        nameEndings: try ws.nameEndings(locale))
            if audience == .client && !view.leaks.isEmpty {
                return .refused(view.leaks.map(\.diagnostic))
            }
            let html = try HTMLRenderer.render(view, templates: templates, generator: generator, paper: ws.config.paper,
                                               site: SiteFrame.context(labels: siteLabels, root: "../", hasTags: audience == .team))
            let bytes = Array(html.utf8)
            let hash = SiteHash.of(bytes)
            let file = (root as NSString).appendingPathComponent(page)
            var written = false
            if oldOutputs[page] != hash || !FileManager.default.fileExists(atPath: file) {
                try AtomicFile.write(bytes, to: file, durable: false)
                written = true
            }
            return .page(summary(view, path: path, markdown: markdown, internalTags: Set((ws.config.internalTags + ["internal"]).map(Tags.key)),
                                 hash: hash, written: written))
        } catch let e as LoadError {
            return .failed(e)
        } catch {
            return .failed(LoadError(file: Archive.display(path), position: .start, message: "\(error)"))
        }
    }

    /// What the lists and the search keep of a page.
    func summary(_ view: RecordView, path: String, markdown: MarkdownCache, internalTags: Set<String>,
                 hash: UInt64, written: Bool) -> RenderedPage {
        let r = view.record
        var lessons: [IndexedLesson] = [], actions: [IndexedAction] = [], counts: [String: Int] = [:]
        var mistakes = 0
        var tagKeys = Set<String>(), tags: [String] = []
        var tokens = Set<String>()
        var passages: [SearchPassage] = []
        func index(_ text: String) { SearchText.tokens(text) { tokens.insert($0) } }
        func passage(_ anchor: String, _ plain: String) {
            let line = ArchiveActions.collapsingWhiteSpace(plain)
            guard !line.isEmpty else { return }
            passages.append(SearchPassage(anchor: anchor, text: line.count > 400 ? String(line.prefix(400)) + "…" : line))
        }
        index(view.title)
        for t in [r.client, r.project] { if let t { index(t) } }
        for p in view.participants { index(p.name); if let role = p.role { index(role) } }
        for s in view.sections {
            if let n = s.narrative {
                index(n.plain)
                counts[s.spec.id] = n.plain.split(whereSeparator: \.isWhitespace).count
                for para in n.plain.split(separator: "\n", omittingEmptySubsequences: true) { passage(s.spec.id, String(para)) }
                continue
            }
            let items = s.allItems
            counts[s.spec.id] = items.count
            if s.spec.kind == .mistakes { mistakes += items.count }
            for vi in items {
                let it = vi.item
                let plain = vi.text.plain
                index(plain)
                passage(s.spec.id, plain)
                if let cf = vi.counterfactual { index(cf.plain); passage(s.spec.id, cf.plain) }
                let shownTags = audience == .team ? it.tags : []
                for t in shownTags {
                    if let n = Tags.normalised(t), tagKeys.insert(Tags.key(n)).inserted { tags.append(n) }
                }
                let isInternal = audience == .team && RecordView.isInternal(it, internalTags: internalTags)
                if s.spec.kind == .lessons {
                    lessons.append(IndexedLesson(text: it.text, tags: shownTags, number: vi.number, line: it.position?.line ?? 0,
                                                 isInternal: isInternal))
                } else if s.spec.kind == .actions {
                    actions.append(IndexedAction(text: it.text, plain: ArchiveActions.oneLine(it.text, markdown: markdown),
                                                 owner: it.owner, due: it.due?.description, done: it.done ?? false, tags: shownTags,
                                                 number: vi.number, line: it.position?.line ?? 0, isInternal: isInternal))
                }
            }
        }
        tags.sort { Tags.key($0) < Tags.key($1) }
        let record = IndexedRecord(path: path, title: view.title, date: r.date?.description, status: r.status.rawValue,
                                   client: r.client, project: r.project, locale: r.locale ?? view.labels.locale, format: r.format,
                                   lessons: lessons, actions: actions, counts: counts)
        return RenderedPage(record: record, tags: tags, mistakes: mistakes, tokens: Array(tokens), passages: passages,
                            hash: hash, written: written)
    }

    /// One result per index, each written by one thread only.
    final class ResultSlots: @unchecked Sendable {
        private var slots: [PageResult?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: PageResult) { lock.lock(); slots[i] = value; lock.unlock() }
        var values: [PageResult] { slots.map { $0! } }
    }
}

/// The site's frame around every page: its name, navigation labels, where its root is.
enum SiteFrame {
    static func context(labels L: Labels, root: String, hasTags: Bool, current: String? = nil, query: String? = nil) -> [String: Any] {
        var c: [String: Any] = [
            "root": root,
            "name": L["site-name"],
            // The frame speaks the site's language, whatever the page's.
            "lang": L.locale, "dir": HTMLRenderer.direction(for: L.locale),
            "hasTags": hasTags,
            "labels": navLabels(L),
        ]
        if let current { c["on" + current] = true }
        if let query { c["query"] = query }
        return c
    }

    static func navLabels(_ L: Labels) -> [String: String] {
        ["site": L["site-name"], "debriefs": L["site-debriefs"], "lessons": L["site-lessons"], "actions": L["site-actions"],
         "tags": L["site-tags"], "search": L["site-search"], "searchHint": L["site-search-hint"]]
    }
}
