// The archive as the archive commands see it (lessons, actions, the site): what each record holds that they
// need, read once. `Workspace.archiveIndex()` answers from a cache beside debrief.yml when it is current.
import DebriefMarkdown
import Foundation

public struct IndexedLesson: Sendable, Codable, Equatable {
    public var text: String
    public var tags: [String]
    /// 1-based position in its section, and the line of its text.
    public var number: Int
    public var line: Int
    public var isInternal: Bool
    public init(text: String, tags: [String], number: Int, line: Int, isInternal: Bool) {
        self.text = text; self.tags = tags; self.number = number; self.line = line; self.isInternal = isInternal
    }
}

public struct IndexedAction: Sendable, Codable, Equatable {
    /// The action as written (CommonMark), and what a reader sees of it on one line (worked out when indexed).
    public var text: String
    public var plain: String
    public var owner: String?
    /// `YYYY-MM-DD`.
    public var due: String?
    public var done: Bool
    public var tags: [String]
    public var number: Int
    public var line: Int
    public var isInternal: Bool
    public var dueDay: Day? { due.flatMap(Day.init) }
    public init(text: String, plain: String? = nil, owner: String?, due: String?, done: Bool, tags: [String], number: Int, line: Int,
                isInternal: Bool) {
        self.text = text; self.plain = plain ?? ArchiveActions.oneLine(text); self.owner = owner; self.due = due; self.done = done; self.tags = tags
        self.number = number; self.line = line; self.isInternal = isInternal
    }
}

/// One record of the archive, as the index keeps it.
public struct IndexedRecord: Sendable, Codable, Equatable {
    public var path: String
    public var title: String
    /// `YYYY-MM-DD`.
    public var date: String?
    public var status: String
    public var client: String?
    public var project: String?
    public var locale: String
    public var format: String
    public var lessons: [IndexedLesson]
    public var actions: [IndexedAction]
    /// Items per list section, and words per narrative section, by section id.
    public var counts: [String: Int]
    public var day: Day? { date.flatMap(Day.init) }

    public init(path: String, title: String, date: String?, status: String, client: String?, project: String?, locale: String,
                format: String, lessons: [IndexedLesson], actions: [IndexedAction], counts: [String: Int]) {
        self.path = path; self.title = title; self.date = date; self.status = status; self.client = client
        self.project = project; self.locale = locale; self.format = format; self.lessons = lessons; self.actions = actions
        self.counts = counts
    }

    /// What the index keeps of a loaded record.
    public init(path: String, record r: Record, format: Format, defaultLocale: String, markdown: MarkdownCache = MarkdownCache()) {
        self.path = path
        title = r.title
        date = r.date?.description
        status = r.status.rawValue
        client = r.client
        project = r.project
        locale = r.locale ?? defaultLocale
        self.format = r.format
        var lessons: [IndexedLesson] = [], actions: [IndexedAction] = [], counts: [String: Int] = [:]
        for s in r.sections {
            guard let spec = format.spec(s.id) else { continue }
            switch s.content {
            case .narrative(let t): counts[s.id] = t.split(whereSeparator: \.isWhitespace).count
            case .items(let items):
                counts[s.id] = items.count
                for (i, it) in items.enumerated() {
                    if spec.kind == .lessons {
                        lessons.append(IndexedLesson(text: it.text, tags: it.tags, number: i + 1, line: it.position?.line ?? 0,
                                                     isInternal: it.isInternal))
                    } else if spec.kind == .actions {
                        actions.append(IndexedAction(text: it.text, plain: ArchiveActions.oneLine(it.text, markdown: markdown), owner: it.owner, due: it.due?.description, done: it.done ?? false,
                                                     tags: it.tags, number: i + 1, line: it.position?.line ?? 0, isInternal: it.isInternal))
                    }
                }
            }
        }
        self.lessons = lessons; self.actions = actions; self.counts = counts
    }
}

/// The archive's records as the archive commands need them, and the files that did not load.
public struct ArchiveSnapshot: Sendable {
    /// In the order of `Archive.recordFiles()` (by name).
    public var records: [IndexedRecord]
    /// Each file that does not load, reported once; the rest of the archive still answers.
    public var failures: [LoadError]
    /// What identified each file's version when it was read (its modification time among it), one per record
    /// and one per failure, in the same order; empty for a snapshot made by hand.
    public var recordStamps: [FileStamp]
    public var failureStamps: [FileStamp]
    /// How many files were read and parsed this time; the others came from the index.
    public var parsed: Int
    /// How many entries came from the index (in memory or in `.debrief/index`).
    public var reused: Int

    public init(records: [IndexedRecord], failures: [LoadError], recordStamps: [FileStamp] = [], failureStamps: [FileStamp] = [],
                parsed: Int = 0, reused: Int = 0) {
        self.records = records; self.failures = failures; self.recordStamps = recordStamps; self.failureStamps = failureStamps
        self.parsed = parsed; self.reused = reused
    }

    /// When a record's file was last modified (nanoseconds since 1970), as it was read.
    public func modified(_ path: String) -> Int64? {
        guard recordStamps.count == records.count, let i = records.firstIndex(where: { $0.path == path }) else { return nil }
        return recordStamps[i].modified
    }

    /// The draft worked on last: of the records whose status is draft, the one modified most recently
    /// (the greater name when two were modified at the same time). Files that do not load are passed over.
    public func mostRecentDraft() -> IndexedRecord? {
        var best: (record: IndexedRecord, modified: Int64)?
        for (i, r) in records.enumerated() where r.status == Status.draft.rawValue {
            let m = i < recordStamps.count ? recordStamps[i].modified : Int64.min
            if let b = best, (m, r.path) < (b.modified, b.record.path) { continue }
            best = (r, m)
        }
        return best?.record
    }

    /// The files that do not load and were modified after `record` (all of them without one): one of them may be
    /// the draft meant. As warnings, to show when a draft is chosen without being named.
    public func failuresNewer(than record: IndexedRecord?) -> [Diagnostic] {
        let after = record.flatMap { modified($0.path) } ?? Int64.min
        return failures.enumerated().filter { i, _ in (i < failureStamps.count ? failureStamps[i].modified : Int64.max) > after }.map { _, f in
            Diagnostic(file: f.file, position: f.position, severity: .warning, message: "passed over, as it does not load: \(f.message)")
        }
    }
}

extension Workspace {
    /// Every record of the archive, each file read once per change: entries whose file is unchanged (same size,
    /// times and inode) come from the index, the rest are parsed (in parallel) and the index is updated. The index
    /// lives in `.debrief/index` beside debrief.yml, or only in memory for a folder without one; a cache that cannot
    /// be read is rebuilt, one that cannot be written is done without.
    public func archiveIndex() throws -> ArchiveSnapshot {
        let catalog = try formats()   // a broken template is a template error, not a broken record
        let root = archive.root
        let identity = IndexCache.Identity(
            tool: IndexCache.toolIdentity,
            catalog: IndexCache.catalogIdentity([(templates as NSString).appendingPathComponent("formats"), archive.formatsFolder]),
            locale: config.locale)
        let memory = try cached("archive-index") { IndexMemory() }
        var previous = memory.value.flatMap { $0.identity == identity ? $0 : nil }
        var changed = previous == nil
        if previous == nil, archive.hasConfig {
            previous = IndexCache.read(root: root, identity: identity)
            changed = previous == nil
        }

        let files = archive.stampedRecordFiles()
        var values = [IndexCache.Value?](repeating: nil, count: files.count)
        var todo: [(slot: Int, path: String)] = []
        var reused = 0
        for (slot, f) in files.enumerated() {
            if let e = previous?.entries[f.path], e.stamp == f.stamp {
                values[slot] = e.value
                reused += 1
            } else {
                todo.append((slot, f.path))
            }
        }
        let parsed = IndexParser.parse(todo.map(\.path), catalog: catalog, defaultLocale: config.locale)
        for (k, t) in todo.enumerated() { values[t.slot] = parsed[k] }
        if !todo.isEmpty || reused != previous?.entries.count { changed = true }

        var snapshot = ArchiveSnapshot(records: [], failures: [], parsed: todo.count, reused: reused)
        snapshot.records.reserveCapacity(files.count)
        snapshot.recordStamps.reserveCapacity(files.count)
        for (slot, f) in files.enumerated() {
            switch values[slot] {
            case .record(let r)?:
                snapshot.records.append(r)
                snapshot.recordStamps.append(f.stamp)
            case .failure(let position, let message)?:
                snapshot.failures.append(LoadError(file: Archive.display(f.path), position: position, message: message))
                snapshot.failureStamps.append(f.stamp)
            case nil:
                continue   // removed meanwhile
            }
        }
        if changed {
            var next = IndexCache(identity: identity)
            next.entries.reserveCapacity(files.count)
            for (slot, f) in files.enumerated() {
                if let value = values[slot] { next.entries[f.path] = IndexCache.Entry(stamp: f.stamp, value: value) }
            }
            memory.value = next
            if archive.hasConfig { next.write(root: root) }
        } else if memory.value?.identity != identity {
            memory.value = previous
        }
        return snapshot
    }

    /// Lets go of the index kept in memory (a long command that has read what it needs of it).
    public func forgetArchiveIndex() {
        (try? cached("archive-index") { IndexMemory() })?.value = nil
    }

    /// The draft worked on last (see `ArchiveSnapshot.mostRecentDraft`), from the index, and warnings for the files
    /// that do not load and are newer (one of them may be the draft meant).
    public func mostRecentDraft() throws -> (path: String?, warnings: [Diagnostic]) {
        let snapshot = try archiveIndex()
        let draft = snapshot.mostRecentDraft()
        return (draft?.path, snapshot.failuresNewer(than: draft))
    }
}

/// The index of a workspace kept in memory: the only one for a folder without debrief.yml.
final class IndexMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: IndexCache?
    var value: IndexCache? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}

/// Reads record files into index entries, on every core.
enum IndexParser {
    static func parse(_ paths: [String], catalog: FormatCatalog, defaultLocale: String) -> [IndexCache.Value?] {
        let slots = Slots<IndexCache.Value>(count: paths.count)
        if paths.count >= 8 && ProcessInfo.processInfo.activeProcessorCount > 1 {
            // RecordReader and the catalog (a value) hold no shared state: each file is parsed on its own.
            DispatchQueue.concurrentPerform(iterations: paths.count) { i in
                slots.set(i, entry(paths[i], catalog: catalog, defaultLocale: defaultLocale))
            }
        } else {
            for i in paths.indices { slots.set(i, entry(paths[i], catalog: catalog, defaultLocale: defaultLocale)) }
        }
        return slots.values
    }

    /// One file as the index keeps it: its record, or where and why it does not load; nil when it is gone.
    static func entry(_ path: String, catalog: FormatCatalog, defaultLocale: String) -> IndexCache.Value? {
        do {
            let record = try RecordReader.load(path: path, display: path, formats: catalog)
            guard let format = catalog.format(record.format) else {
                return .failure(.start, "format: expected a known format, found \(quoted(record.format))")
            }
            return .record(IndexedRecord(path: path, record: record, format: format, defaultLocale: defaultLocale))
        } catch let e as LoadError {
            return .failure(e.position, e.message)
        } catch is MissingFileError {
            return nil
        } catch {
            return .failure(.start, "cannot read the file: \(error)")
        }
    }

    /// One result per index, each written by one thread only.
    final class Slots<T>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<T?>
        let count: Int
        init(count: Int) {
            self.count = count
            base = .allocate(capacity: max(count, 1))
            base.initialize(repeating: nil, count: count)
        }
        deinit { base.deinitialize(count: count); base.deallocate() }
        func set(_ i: Int, _ value: T?) { base[i] = value }
        var values: [T?] { Array(UnsafeBufferPointer(start: base, count: count)) }
    }
}
