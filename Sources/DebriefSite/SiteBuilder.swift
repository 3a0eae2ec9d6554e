// `debrief site`: the archive as a static website. Pages: index.html (every debrief, newest first), one page
// per debrief (the report's HTML), lessons.html, actions.html, tags.html and a page per tag and per client,
// search.html with its scripts. Opens from file://, makes no request elsewhere, and its Content-Security-Policy
// lets only the site's own scripts and styles run.
//
// Incremental: the site's cache (SiteCache) remembers each debrief's file version and what the lists need of
// it; only debriefs whose file changed are read and rendered (on every core), and a file is written only when
// its bytes changed, each atomically. The cache is written last: a build that stops half way leaves every page
// whole, and the next build finishes the job.
import DebriefArchive
import DebriefCore
import DebriefMarkdown
import DebriefRender
import Foundation

public struct SiteOptions: Sendable {
    /// The folder the site is written to.
    public var output: String
    public var audience: Audience
    /// A client portal shows only this client's debriefs (by name, any case or accents).
    public var client: String?
    /// "debrief 0.x" for pages' generator line.
    public var generator: String

    public init(output: String, audience: Audience = .team, client: String? = nil, generator: String = "debrief") {
        self.output = output; self.audience = audience; self.client = client; self.generator = generator
    }
}

/// What a build did.
public struct SiteReport: Sendable {
    /// Debriefs on the site.
    public var debriefs = 0
    /// Debrief pages rendered this time (the others were current).
    public var rendered = 0
    /// Files written (relative to the site's root), and files of the previous build removed.
    public var written: [String] = []
    public var removed: [String] = []
    /// Debriefs left out of a client portal, as each would name the team: the policy's findings.
    public var refused: [Diagnostic] = []
    /// Record files that do not load: reported once, left out.
    public var failures: [LoadError] = []
}

public final class SiteBuilder {
    let workspaces: [Workspace]
    let options: SiteOptions
    /// Called with (done, total) as debrief pages are rendered.
    public var progress: ((Int, Int) -> Void)?

    public init(workspaces: [Workspace], options: SiteOptions) {
        self.workspaces = workspaces
        self.options = options
    }

    var root: String { options.output }
    var isClient: Bool { options.audience == .client }

    // MARK: Build

    public func build() throws -> SiteReport {
        let main = workspaces[0]
        var report = SiteReport()
        let templates = try HTMLTemplates.load(templates: main.templates, archive: main.archiveTemplates)
        let assets = try SiteAssets.load(templates: main.templates, archive: main.archiveTemplates)
        let siteLabels = try main.labels(main.config.locale)
        let lists = try LessonWordLists.load(templates: main.templates)

        try prepareFolder()
        let identity = try self.identity(assets: assets)
        let previous = SiteCache.read(root: root, identity: identity)
        var oldOutputs = previous?.outputs ?? SiteCache.readOutputs(root: root) ?? [:]
        var cache = SiteCache(identity: identity)
        cache.tokenTable = previous?.tokenTable ?? []
        var tokenIDs: [String: Int32] = [:]
        tokenIDs.reserveCapacity(cache.tokenTable.count)
        for (i, t) in cache.tokenTable.enumerated() { tokenIDs[t] = Int32(i) }

        // Every record file of the archives; which of them the site shows is known once each is read (a file
        // unchanged since the last build is not read again).
        var candidates: [(ws: Workspace, path: String, stamp: FileStamp)] = []
        var seenRoots = Set<String>()
        for ws in workspaces where seenRoots.insert(ws.archive.root).inserted {
            for f in ws.archive.stampedRecordFiles() { candidates.append((ws, f.path, f.stamp)) }
        }
        let pages = pageNames(candidates.map(\.path))

        // Reuse what is current; render the rest.
        var previousDocs: [String: SiteDoc] = [:]
        for d in previous?.docs ?? [] { previousDocs[d.source] = d }
        var docs: [SiteDoc?] = Array(repeating: nil, count: candidates.count)
        var todo: [Int] = []
        for (i, c) in candidates.enumerated() {
            if let d = previousDocs[c.path], d.stamp == c.stamp, d.page == pages[i], oldOutputs[d.page] != nil,
               FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(d.page)) {
                docs[i] = d
                cache.outputs[d.page] = oldOutputs[d.page]
            } else if let stamp = previous?.skipped[c.path], stamp == c.stamp {
                cache.skipped[c.path] = stamp   // not for this site (a draft in a client portal), and unchanged
            } else {
                todo.append(i)
            }
        }
        // Search numbers: kept for debriefs still there; new ones take the free numbers, lowest first.
        let present = Set(candidates.map(\.path))
        var numberOf: [String: Int32] = [:]
        for d in previous?.docs ?? [] where present.contains(d.source) { numberOf[d.source] = d.number }
        var used = Set(numberOf.values)
        var nextFree: Int32 = 0
        func freeNumber() -> Int32 {
            while used.contains(nextFree) { nextFree += 1 }
            used.insert(nextFree)
            return nextFree
        }

        var newPassages: [Int32: [SearchPassage]] = [:]
        var written: [String] = []
        var flushedShards = 0
        var renderedPaths = Set<String>()
        func emit(_ path: String, _ bytes: [UInt8]) throws {
            let h = SiteHash.of(bytes)
            cache.outputs[path] = h
            if oldOutputs[path] == h, FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(path)) { return }
            try write(bytes, to: path)
            written.append(path)
        }
        func emitPassageShard(_ k: Int, numbers: Range<Int32>) throws {
            var entries: [(number: Int32, passages: [SearchPassage])] = []
            for n in numbers { if let p = newPassages.removeValue(forKey: n) { entries.append((n, p)) } }
            try emit("search/p\(k).js", Array(SearchScripts.passages(shard: k, entries).utf8))
        }
        let renderer = PageRenderer(templates: templates, generator: options.generator, siteLabels: siteLabels,
                                    audience: options.audience, client: options.client.map(Fold.key), root: root)
        let chunk = 128
        var start = 0
        while start < todo.count {
            let part = Array(todo[start..<min(start + chunk, todo.count)])
            let results = renderer.render(part.map { (candidates[$0].ws, candidates[$0].path, pages[$0]) },
                                          oldOutputs: oldOutputs)
            for (k, i) in part.enumerated() {
                switch results[k] {
                case .page(let page):
                    let number = numberOf[candidates[i].path] ?? freeNumber()
                    numberOf[candidates[i].path] = number
                    var ids: [Int32] = []
                    ids.reserveCapacity(page.tokens.count)
                    for t in page.tokens {
                        if let id = tokenIDs[t] { ids.append(id) } else {
                            let id = Int32(cache.tokenTable.count)
                            cache.tokenTable.append(t)
                            tokenIDs[t] = id
                            ids.append(id)
                        }
                    }
                    ids.sort()
                    var record = page.record
                    record.path = candidates[i].path
                    docs[i] = SiteDoc(source: candidates[i].path, stamp: candidates[i].stamp, number: number, page: pages[i],
                                      record: record, tags: page.tags, mistakes: page.mistakes, tokens: ids)
                    newPassages[number] = page.passages
                    renderedPaths.insert(candidates[i].path)
                    cache.outputs[pages[i]] = page.hash
                    if page.written { written.append(pages[i]) }
                    report.rendered += 1
                case .excluded:
                    cache.skipped[candidates[i].path] = candidates[i].stamp
                case .refused(let leaks):
                    report.refused += leaks
                case .failed(let error):
                    report.failures.append(error)
                }
            }
            start += chunk
            progress?(min(start, todo.count), todo.count)
            // A first build numbers the debriefs in order: a passage shard whose numbers are all given is complete,
            // and is written now rather than kept.
            if previous == nil {
                let per = SearchText.passagesPerShard
                while (flushedShards + 1) * per <= Int(nextFree) {
                    try emitPassageShard(flushedShards, numbers: Int32(flushedShards * per)..<Int32((flushedShards + 1) * per))
                    flushedShards += 1
                }
            }
        }

        let onSite = docs.compactMap { $0 }
        cache.docs = onSite
        report.debriefs = onSite.count

        // A file kept as the last build wrote it.
        func carry(_ path: String) -> Bool {
            guard let h = oldOutputs[path], FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(path)) else { return false }
            cache.outputs[path] = h
            return true
        }
        // What changed since the last build: debriefs rendered again, and debriefs no longer on the site.
        let onSitePaths = Set(onSite.map(\.source))
        let removed = previousDocs.values.filter { !onSitePaths.contains($0.source) }
        if previous != nil && renderedPaths.isEmpty && removed.isEmpty {
            // Nothing did: every list and search file stays as it is.
            for path in oldOutputs.keys where cache.outputs[path] == nil { _ = carry(path) }
        } else {
            // The lists, the tags, the search: made whole, each written (when its bytes changed) as soon as it is made.
            let lister = SiteLists(docs: onSite, labels: siteLabels, templates: templates, assets: assets, audience: options.audience,
                                   generator: options.generator, lists: lists, pins: pins(), today: main.today)
            // The clients and tags whose pages may show a change: those of the debriefs rendered again (before and
            // after) and removed. A page of another client or tag stays as it is.
            var affected: SiteChanges? = nil
            if previous != nil {
                var changes = SiteChanges()
                func note(_ d: SiteDoc) {
                    if let c = d.client { changes.clients.insert(Fold.key(c)) }
                    for t in d.tags { changes.tags.insert(Tags.key(t)) }
                    changes.pages.insert(d.page)
                }
                for d in removed { note(d); if !d.record.lessons.isEmpty { changes.lessons = true } }
                for path in renderedPaths { if let d = previousDocs[path] { note(d) } }
                for d in onSite where renderedPaths.contains(d.source) {
                    note(d)
                    if previousDocs[d.source]?.record.lessons ?? [] != d.record.lessons { changes.lessons = true }
                }
                affected = changes
            }
            try lister.pages(affected: affected, carry: carry, emit)
            for f in assets.files(client: isClient) { try emit(f.path, f.bytes) }
            // The tokens that gained or lost a debrief: those of the debriefs rendered again (before and after) and removed.
            var touchedTokens: Set<Int32>? = nil
            if previous != nil {
                var t = Set<Int32>()
                for d in removed { t.formUnion(d.tokens) }
                for path in renderedPaths { if let d = previousDocs[path] { t.formUnion(d.tokens) } }
                for d in onSite where renderedPaths.contains(d.source) { t.formUnion(d.tokens) }
                touchedTokens = t
            }
            try searchFiles(docs: onSite, cache: cache, newPassages: newPassages, previousDocs: previousDocs, flushed: flushedShards,
                            touchedTokens: touchedTokens, previousShards: previous.map { SearchText.shardCount(docs: $0.docs.count) },
                            emit, carry: carry)
        }
        // What the previous build wrote and this one did not is gone.
        for old in oldOutputs.keys.sorted() where cache.outputs[old] == nil {
            if unlink((root as NSString).appendingPathComponent(old)) == 0 { report.removed.append(old) }
        }
        oldOutputs = [:]
        try writeCache(cache)
        report.written = written.sorted()
        return report
    }

    /// The clients of the archive's final debriefs (for a portal asked without `--client`).
    public static func clients(of workspaces: [Workspace]) throws -> [String] {
        var seen: [String: String] = [:]
        for ws in workspaces {
            for r in try ws.archiveIndex().records where r.status == Status.final.rawValue {
                if let c = r.client, !c.trimmed.isEmpty, seen[Fold.key(c)] == nil { seen[Fold.key(c)] = c }
            }
        }
        return seen.values.sorted()
    }

    /// Each debrief's page: `d/` and its file's name, made safe for a URL; a name taken twice (two archives)
    /// gets `-2`, `-3`.
    func pageNames(_ paths: [String]) -> [String] {
        var taken = Set<String>()
        return paths.map { p in
            var stem = ((p as NSString).lastPathComponent as NSString).deletingPathExtension
            stem = String(String.UnicodeScalarView(stem.unicodeScalars.map { u in
                (u.value < 0x80 && (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_" || u == ".")) ? u : "-"
            }))
            while stem.hasPrefix(".") { stem.removeFirst() }
            if stem.isEmpty { stem = "debrief" }
            var name = "d/\(stem).html", n = 2
            while !taken.insert(name).inserted { name = "d/\(stem)-\(n).html"; n += 1 }
            return name
        }
    }

    func pins() -> [LessonPins] {
        guard !isClient else { return [] }
        return workspaces.compactMap { try? LessonPins.load(archiveRoot: $0.archive.root) }
    }

    // MARK: Search

    func searchFiles(docs: [SiteDoc], cache: SiteCache, newPassages: [Int32: [SearchPassage]],
                     previousDocs: [String: SiteDoc], flushed: Int, touchedTokens: Set<Int32>?, previousShards: Int?,
                     _ emit: (String, [UInt8]) throws -> Void, carry: (String) -> Bool) throws {
        let maxNumber = Int(docs.map(\.number).max() ?? -1)
        var byNumber = [SiteDoc?](repeating: nil, count: maxNumber + 1)
        for d in docs { byNumber[Int(d.number)] = d }
        let shards = SearchText.shardCount(docs: docs.count)
        try emit("search/meta.js", Array(SearchScripts.meta(shards: shards, docs: byNumber).utf8))

        // The token shards to make again: all of them on a first build or when their number changes; otherwise
        // only those of the tokens that gained or lost a debrief.
        var remake = [Bool](repeating: true, count: shards)
        if let touchedTokens, previousShards == shards {
            remake = [Bool](repeating: false, count: shards)
            for t in touchedTokens { remake[SearchText.shard(cache.tokenTable[Int(t)], of: shards)] = true }
            for k in 0..<shards where !remake[k] && !carry("search/t\(k).js") { remake[k] = true }
        }
        // Postings: for each token of a shard made again, the docs that hold it (by number, ascending).
        var shardOfToken = [Int16](repeating: -1, count: cache.tokenTable.count)
        for (t, token) in cache.tokenTable.enumerated() {
            let k = SearchText.shard(token, of: shards)
            if remake[k] { shardOfToken[t] = Int16(k) }
        }
        var postings = [[Int32]](repeating: [], count: cache.tokenTable.count)
        for d in byNumber {
            guard let d else { continue }
            for t in d.tokens where shardOfToken[Int(t)] >= 0 { postings[Int(t)].append(d.number) }
        }
        var perShard = [[(token: String, docs: [Int32])]](repeating: [], count: shards)
        for (t, list) in postings.enumerated() where !list.isEmpty {
            perShard[Int(shardOfToken[t])].append((cache.tokenTable[t], list))
        }
        postings = []
        for k in 0..<shards where remake[k] {
            perShard[k].sort { $0.token < $1.token }
            try emit("search/t\(k).js", Array(SearchScripts.tokens(shard: k, perShard[k]).utf8))
            perShard[k] = []
        }

        // Passages: a shard is made again only when one of its docs was rendered now, or one left it; its
        // other docs' passages are read back from the shard as written last time.
        let per = SearchText.passagesPerShard
        let shardCount = (maxNumber + per) / per
        var touched = Set(newPassages.keys.map { Int($0) / per })
        let nowThere = Set(docs.map(\.number))
        for d in previousDocs.values where !nowThere.contains(d.number) { touched.insert(Int(d.number) / per) }
        for k in flushed..<max(flushed, shardCount) {
            let path = "search/p\(k).js"
            let file = (root as NSString).appendingPathComponent(path)
            if !touched.contains(k), carry(path) { continue }
            let old = PassageShard.read(file)
            var entries: [(number: Int32, passages: [SearchPassage])] = []
            for n in (k * per)..<min((k + 1) * per, maxNumber + 1) {
                guard byNumber[n] != nil else { continue }
                if let p = newPassages[Int32(n)] { entries.append((Int32(n), p)) } else if let p = old[Int32(n)] { entries.append((Int32(n), p)) }
            }
            try emit(path, Array(SearchScripts.passages(shard: k, entries).utf8))
        }
    }

    // MARK: Files

    /// The output folder: created when missing; refused when it has files and is not a site of ours.
    func prepareFolder() throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDir) {
            guard isDir.boolValue else { throw WriteError(path: root, reason: "it is not a folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            if !entries.isEmpty && !FileManager.default.fileExists(atPath: SiteCache.path(root)) { throw WriteError(path: root, reason: "the folder has files and is not a site debrief built; choose an empty or new folder") }
        }
        for sub in ["", "d", "search", "t", "c", ".debrief-site"] {
            let dir = sub.isEmpty ? root : (root as NSString).appendingPathComponent(sub)
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            catch { throw WriteError(path: dir, reason: (error as NSError).localizedDescription) }
        }
    }

    func write(_ bytes: [UInt8], to relative: String) throws {
        try AtomicFile.write(bytes, to: (root as NSString).appendingPathComponent(relative), durable: false)
    }

    func writeCache(_ cache: SiteCache) throws {
        let dir = (root as NSString).appendingPathComponent(".debrief-site")
        let ignore = (dir as NSString).appendingPathComponent(".gitignore")
        if !FileManager.default.fileExists(atPath: ignore) { try? AtomicFile.write("*\n", to: ignore) }
        try AtomicFile.write(cache.encoded(), to: SiteCache.path(root))
    }

    /// What every page depends on besides its own record: the tool, the templates, labels and formats, the
    /// archives' settings, the audience.
    func identity(assets: SiteAssets) throws -> String {
        var parts = [IndexCache.toolIdentity, options.audience.rawValue, options.client.map(Fold.key) ?? "", assets.identity]
        for ws in workspaces {
            let t = ws.templates
            parts.append(IndexCache.catalogIdentity([(t as NSString).appendingPathComponent("html"),
                                                     (t as NSString).appendingPathComponent("locales"),
                                                     (t as NSString).appendingPathComponent("formats"),
                                                     (t as NSString).appendingPathComponent("client-safe"),
                                                     ws.archive.formatsFolder]
                                                    + (ws.archiveTemplates.map { [($0 as NSString).appendingPathComponent("html")] } ?? [])))
            parts.append(ws.archive.root)
            if ws.archive.hasConfig, let st = FileStamp.of((ws.archive.root as NSString).appendingPathComponent("debrief.yml")) {
                parts.append("\(st.size) \(st.modified) \(st.inode)")
            }
        }
        return parts.joined(separator: "\n")
    }
}

/// A 64-bit hash of a file's bytes (to tell whether it changed).
enum SiteHash {
    static func of(_ bytes: [UInt8]) -> UInt64 { IndexCache.checksum(bytes) }
}

/// A passage shard as written last time, read back (only the shard of a changed debrief is).
enum PassageShard {
    static func read(_ path: String) -> [Int32: [SearchPassage]] {
        guard let bytes = IndexCache.readFile(path) else { return [:] }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}") else { return [:] }
        guard let data = String(text[open...close]).data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var out: [Int32: [SearchPassage]] = [:]
        for (k, v) in object {
            guard let n = Int32(k), let list = v as? [[String]] else { continue }
            out[n] = list.compactMap { $0.count == 2 ? SearchPassage(anchor: $0[0], text: $0[1]) : nil }
        }
        return out
    }
}
