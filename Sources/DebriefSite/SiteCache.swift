// What a site was built from, kept in `DIR/.debrief-site/cache` (binary, like the archive index): for each
// debrief, the file's version and what its page and the site's lists need of it, as its audience sees it; the
// search tokens of each (numbers into one token table); and every output file with a hash of its bytes. The
// next build renders only the debriefs whose file changed and rewrites only the files whose bytes changed.
import DebriefCore
import Foundation

/// One debrief of the site, as its audience sees it.
public struct SiteDoc: Sendable {
    /// The record file (absolute) and what identified its version when it was read.
    public var source: String
    public var stamp: FileStamp
    /// Its number in the search index: kept from build to build.
    public var number: Int32
    /// Its page, relative to the site's root (`d/2026-11-02-deck.html`).
    public var page: String
    /// What the lists need: the title shown (the client's title in a portal), date, client, status, locale; the
    /// lessons and actions the audience sees (owners as shown); `counts` by section kind.
    public var record: IndexedRecord
    /// Every tag of its items (none in a client portal).
    public var tags: [String]
    /// Mistakes, lessons and open actions shown.
    public var mistakes: Int
    /// Its search tokens: numbers into the cache's token table, sorted.
    public var tokens: [Int32]

    public var title: String { record.title }
    public var date: String? { record.date }
    public var client: String? { record.client }
    public var openActions: Int { record.actions.count { !$0.done } }
}

struct SiteCache {
    static let magic = Array("debrief-site\n".utf8)
    static let version: UInt64 = 2

    /// What the docs were made with (tool, templates, labels, formats, settings, audience): any change, and
    /// every page is rendered again.
    var identity: String
    var docs: [SiteDoc] = []
    var tokenTable: [String] = []
    /// Each output file (relative to the site's root) and a hash of its bytes.
    var outputs: [String: UInt64] = [:]
    /// Record files read and not on the site (a draft in a client portal), by the version that was read.
    var skipped: [String: FileStamp] = [:]

    static func path(_ root: String) -> String {
        ((root as NSString).appendingPathComponent(".debrief-site") as NSString).appendingPathComponent("cache")
    }

    func encoded() -> [UInt8] {
        var w = IndexWriter()
        w.bytes += SiteCache.magic
        w.uint(SiteCache.version)
        w.string(identity)
        w.uint(UInt64(tokenTable.count))
        for t in tokenTable { w.string(t) }
        w.uint(UInt64(docs.count))
        for d in docs {
            w.string(d.source)
            w.int(d.stamp.size); w.int(d.stamp.modified); w.int(d.stamp.changed); w.uint(d.stamp.inode)
            w.uint(UInt64(d.number))
            w.string(d.page)
            w.record(d.record)
            w.tags(d.tags)
            w.uint(UInt64(d.mistakes))
            w.uint(UInt64(d.tokens.count))
            var previous: Int32 = 0
            for t in d.tokens { w.uint(UInt64(t - previous)); previous = t }   // sorted: the gaps are small
        }
        w.uint(UInt64(outputs.count))
        for (path, hash) in outputs.sorted(by: { $0.key < $1.key }) { w.string(path); w.fixed(hash) }
        w.uint(UInt64(skipped.count))
        for (path, st) in skipped.sorted(by: { $0.key < $1.key }) {
            w.string(path); w.int(st.size); w.int(st.modified); w.int(st.changed); w.uint(st.inode)
        }
        let atomsAt = UInt64(w.bytes.count)
        w.uint(UInt64(w.atomList.count))
        for a in w.atomList { w.string(a) }
        w.fixed(atomsAt)
        w.fixed(IndexCache.checksum(w.bytes))
        return w.bytes
    }

    /// The cache of the site at `root`, when it reads back whole and was made with `identity`.
    static func read(root: String, identity: String) -> SiteCache? {
        guard let bytes = IndexCache.readFile(path(root)) else { return nil }
        return try? decode(bytes, identity: identity)
    }

    /// Only the outputs of a cache made with any identity (to know which files are the site's own).
    static func readOutputs(root: String) -> [String: UInt64]? {
        guard let bytes = IndexCache.readFile(path(root)) else { return nil }
        return (try? decode(bytes, identity: nil))?.outputs
    }

    static func decode(_ bytes: [UInt8], identity expected: String?) throws -> SiteCache? {
        guard bytes.count >= magic.count + 16, bytes[0..<magic.count].elementsEqual(magic) else { throw IndexCache.Corrupt() }
        return try bytes.withUnsafeBufferPointer { buf -> SiteCache? in
            let n = buf.count - 8
            guard IndexCache.fixed(buf, at: n) == IndexCache.checksum(UnsafeBufferPointer(rebasing: buf[0..<n])) else {
                throw IndexCache.Corrupt()
            }
            let atomsAt = Int(truncatingIfNeeded: IndexCache.fixed(buf, at: n - 8))
            guard atomsAt > magic.count, atomsAt <= n - 8 else { throw IndexCache.Corrupt() }
            var r = IndexReader(base: buf.baseAddress!, end: atomsAt, at: magic.count)
            guard try r.uint() == version else { return nil }
            let identity = try r.string()
            var a = IndexReader(base: buf.baseAddress!, end: n - 8, at: atomsAt)
            let atomCount = try a.count()
            for _ in 0..<atomCount { r.atoms.append(try a.string()) }
            var cache = SiteCache(identity: identity)
            let tokenCount = try r.count()
            cache.tokenTable.reserveCapacity(tokenCount)
            for _ in 0..<tokenCount { cache.tokenTable.append(try r.string()) }
            let docCount = try r.count()
            let keepDocs = expected == nil || expected == identity
            for _ in 0..<docCount {
                let source = try r.string()
                let stamp = FileStamp(size: try r.int(), modified: try r.int(), changed: try r.int(), inode: try r.uint())
                let number = try r.small()
                let page = try r.string()
                let record = try r.record(path: source)
                let tags = try r.tags()
                let mistakes = try r.small()
                let k = try r.count()
                var tokens: [Int32] = []
                tokens.reserveCapacity(k)
                var t: Int = 0
                for _ in 0..<k {
                    t += try r.small()
                    guard t < tokenCount else { throw IndexCache.Corrupt() }
                    tokens.append(Int32(t))
                }
                if keepDocs {
                    cache.docs.append(SiteDoc(source: source, stamp: stamp, number: Int32(number), page: page, record: record,
                                              tags: tags, mistakes: mistakes, tokens: tokens))
                }
            }
            let outputCount = try r.count()
            for _ in 0..<outputCount {
                let path = try r.string()
                guard r.i + 8 <= atomsAt else { throw IndexCache.Corrupt() }
                var h: UInt64 = 0
                for i in 0..<8 { h |= UInt64(try r.byte()) << (8 * UInt64(i)) }
                cache.outputs[path] = h
            }
            let skippedCount = try r.count()
            for _ in 0..<skippedCount {
                let path = try r.string()
                cache.skipped[path] = FileStamp(size: try r.int(), modified: try r.int(), changed: try r.int(), inode: try r.uint())
            }
            guard r.i == atomsAt else { throw IndexCache.Corrupt() }
            if !keepDocs { cache.docs = []; cache.tokenTable = []; cache.skipped = [:] }
            return cache
        }
    }
}
