// The archive index's cache, `.debrief/index` in the archive's root (beside debrief.yml): for each record
// file, what identifies the version that was read (size, modification and change times in nanoseconds, inode)
// and what the index keeps of it: its `IndexedRecord`, or the position and message of its load error. Besides,
// what every entry was made with (the tool, the format catalog, the archive's locale): when one of those
// changes, every entry is stale.
//
// The format is written and read here, compact and quick to read:
//   "debrief-index\n", the format version (a varint),
//   the tool, the catalog and the locale (strings),
//   the entries (a count, then each entry),
//   the atoms (a count, then strings): short values that repeat (statuses, dates, tags, owners, section ids),
//     written once and referred to by number,
//   8 bytes: where the atoms start; 8 bytes: a checksum of everything before (both little-endian).
// Numbers are LEB128 varints (signed ones zigzagged); a string is its UTF-8 length and bytes; an optional
// string or atom is 0 for none, else length (or atom number) + 1. A file that does not read back exactly
// (wrong magic, version, checksum, length) is ignored and rebuilt.
import Foundation

/// What identifies one version of a file: size, modification and status-change times (nanoseconds since
/// 1970), inode. Every write of the tool replaces the file (a new inode); an edit in place changes the times.
public struct FileStamp: Sendable, Hashable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size; self.modified = modified; self.changed = changed; self.inode = inode
    }

    public init(_ st: stat) {
        #if canImport(Darwin)
        let m = st.st_mtimespec, c = st.st_ctimespec
        #else
        let m = st.st_mtim, c = st.st_ctim
        #endif
        self.init(size: Int64(st.st_size),
                  modified: Int64(m.tv_sec) &* 1_000_000_000 &+ Int64(m.tv_nsec),
                  changed: Int64(c.tv_sec) &* 1_000_000_000 &+ Int64(c.tv_nsec),
                  inode: UInt64(st.st_ino))
    }

    /// The stamp of the file at `path` (through symlinks); nil when it cannot be read.
    public static func of(_ path: String) -> FileStamp? {
        var st = stat()
        return stat(path, &st) == 0 ? FileStamp(st) : nil
    }
}

/// The index cache: entries by record path, and what they were made with.
public struct IndexCache: Sendable, Equatable {
    /// The folder in the archive's root that holds the cache (ignored by git).
    public static let folderName = ".debrief"
    public static let fileName = "index"
    public static let magic = Array("debrief-index\n".utf8)
    /// Bumped whenever what an entry holds, or how a record is read into it, changes.
    public static let formatVersion: UInt64 = 2

    /// What the entries were made with; when any of it differs, every entry is stale.
    public struct Identity: Sendable, Equatable {
        /// The cache format and the program that wrote it (its path, size and modification time).
        public var tool: String
        /// The format files the records were checked against (built-in and the archive's own).
        public var catalog: String
        /// The archive's locale (a record without one takes it).
        public var locale: String
        public init(tool: String, catalog: String, locale: String) { self.tool = tool; self.catalog = catalog; self.locale = locale }
    }

    public enum Value: Sendable, Equatable {
        case record(IndexedRecord)
        /// A file that does not load: where, and what is wrong (the file's name is added when it is reported).
        case failure(SourcePosition, String)
    }

    public struct Entry: Sendable, Equatable {
        public var stamp: FileStamp
        public var value: Value
        public init(stamp: FileStamp, value: Value) { self.stamp = stamp; self.value = value }
    }

    public var identity: Identity
    /// By the record's path as `Archive.stampedRecordFiles` gives it.
    public var entries: [String: Entry]

    public init(identity: Identity, entries: [String: Entry] = [:]) { self.identity = identity; self.entries = entries }

    /// The cache file of an archive whose root is `root`.
    public static func path(root: String) -> String {
        ((root as NSString).appendingPathComponent(folderName) as NSString).appendingPathComponent(fileName)
    }

    /// The cache format and the running program: a new build or another version invalidates every entry.
    public static let toolIdentity: String = {
        var s = "debrief-index \(formatVersion)"
        let exe = Templates.executablePath()
        if let st = FileStamp.of(exe) { s += " \(exe) \(st.size) \(st.modified)" }
        return s
    }()

    /// The identity of the format files in these folders: their paths, sizes and modification times.
    public static func catalogIdentity(_ folders: [String]) -> String {
        var text = ""
        for dir in folders {
            text += dir + "\n"
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for n in names.sorted() where n.hasSuffix(".yml") || n.hasSuffix(".yaml") {
                let st = FileStamp.of((dir as NSString).appendingPathComponent(n))
                text += "\(n) \(st?.size ?? -1) \(st?.modified ?? -1) \(st?.inode ?? 0)\n"
            }
        }
        return String(checksum(Array(text.utf8)), radix: 16)
    }

    // MARK: Writing

    /// The cache as bytes. Paths under `root` are kept relative to it.
    public func encoded(root: String, capacity: Int = 0) -> [UInt8] {
        var w = IndexWriter()
        w.bytes.reserveCapacity(max(capacity, 4096))
        w.bytes += IndexCache.magic
        w.uint(IndexCache.formatVersion)
        w.string(identity.tool); w.string(identity.catalog); w.string(identity.locale)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        w.uint(UInt64(entries.count))
        for (key, e) in entries.sorted(by: { $0.key < $1.key }) {
            w.string(key.hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : key)
            w.int(e.stamp.size); w.int(e.stamp.modified); w.int(e.stamp.changed); w.uint(e.stamp.inode)
            switch e.value {
            case .record(let r):
                w.byte(0)
                w.record(r)
            case .failure(let pos, let message):
                w.byte(1)
                w.uint(UInt64(max(0, pos.line))); w.uint(UInt64(max(0, pos.column)))
                w.string(message)
            }
        }
        let atomsAt = UInt64(w.bytes.count)
        w.uint(UInt64(w.atomList.count))
        for a in w.atomList { w.string(a) }
        w.fixed(atomsAt)
        w.fixed(IndexCache.checksum(w.bytes))
        return w.bytes
    }

    /// Writes the cache atomically into `root/.debrief/`; false (and nothing else) when it cannot.
    @discardableResult
    public func write(root: String) -> Bool {
        let folder = (root as NSString).appendingPathComponent(IndexCache.folderName)
        if mkdir(folder, 0o755) == 0 {
            // The folder ignores itself in git, whatever the archive's .gitignore says.
            try? AtomicFile.write("*\n", to: (folder as NSString).appendingPathComponent(".gitignore"))
        } else if errno != EEXIST {
            return false
        }
        let bytes = encoded(root: root, capacity: entries.count * 1024)
        do { try AtomicFile.write(bytes, to: IndexCache.path(root: root)) } catch { return false }
        return true
    }

    // MARK: Reading

    public struct Corrupt: Error { public init() {} }

    /// The cache of the archive at `root` when it is there, reads back whole and was made with `identity`;
    /// otherwise nil (a missing, corrupt or stale cache is rebuilt).
    public static func read(root: String, identity: Identity) -> IndexCache? {
        guard let bytes = readFile(path(root: root)) else { return nil }
        return try? decode(bytes, root: root, identity: identity)
    }

    /// Decodes a cache; with `identity`, returns nil early when the cache was made with another.
    public static func decode(_ bytes: [UInt8], root: String, identity expected: Identity? = nil) throws -> IndexCache? {
        guard bytes.count >= magic.count + 16, bytes[0..<magic.count].elementsEqual(magic) else { throw Corrupt() }
        return try bytes.withUnsafeBufferPointer { buf -> IndexCache? in
            guard fixed(buf, at: buf.count - 8) == checksum(UnsafeBufferPointer(rebasing: buf[0..<(buf.count - 8)])) else {
                throw Corrupt()
            }
            let n = buf.count - 8
            let atomsAt = Int(truncatingIfNeeded: fixed(buf, at: n - 8))
            guard atomsAt > magic.count, atomsAt <= n - 8 else { throw Corrupt() }
            var r = IndexReader(base: buf.baseAddress!, end: atomsAt, at: magic.count)
            guard try r.uint() == formatVersion else { return nil }
            let identity = Identity(tool: try r.string(), catalog: try r.string(), locale: try r.string())
            if let expected, expected != identity { return nil }
            // The atoms first (they are at the end), then the entries that refer to them.
            var a = IndexReader(base: buf.baseAddress!, end: n - 8, at: atomsAt)
            let atomCount = try a.count()
            r.atoms.reserveCapacity(atomCount)
            for _ in 0..<atomCount { r.atoms.append(try a.string()) }
            guard a.i == n - 8 else { throw Corrupt() }
            let prefix = root.hasSuffix("/") ? root : root + "/"
            let count = try r.count()
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let key = try r.string()
                let path = key.hasPrefix("/") ? key : prefix + key
                let stamp = FileStamp(size: try r.int(), modified: try r.int(), changed: try r.int(), inode: try r.uint())
                let value: Value
                switch try r.byte() {
                case 0: value = .record(try r.record(path: path))
                case 1:
                    let line = try r.small(), column = try r.small()
                    value = .failure(SourcePosition(line: line, column: column), try r.string())
                default: throw Corrupt()
                }
                entries[path] = Entry(stamp: stamp, value: value)
            }
            guard r.i == atomsAt else { throw Corrupt() }
            return IndexCache(identity: identity, entries: entries)
        }
    }

    public static func fixed(_ buf: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(buf[offset + i]) << (8 * UInt64(i)) }
        return v
    }

    public static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var off = 0
            while off < size {
                let got = Foundation.read(fd, buf.baseAddress! + off, size - off)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { break }
                off += got
            }
            failed = off != size
            count = off
        }
        return failed ? nil : bytes
    }

    // MARK: Checksum

    public static func checksum(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { checksum($0) } }

    /// FNV-1a over 8-byte words, mixed: fast, and enough to tell a damaged or cut file.
    public static func checksum(_ buf: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(buf)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime
            h ^= h >> 32
            i += 8
        }
        while i < raw.count { h = (h ^ UInt64(raw[i])) &* prime; i += 1 }
        return (h ^ UInt64(raw.count)) &* prime
    }
}

/// Builds the bytes of a cache (the archive index's, the site's).
public struct IndexWriter {
    public var bytes: [UInt8] = []
    public init() {}
    private var atomIDs: [String: UInt64] = [:]
    public private(set) var atomList: [String] = []

    public mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// 8 bytes, little-endian.
    public mutating func fixed(_ v: UInt64) {
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    public mutating func uint(_ value: UInt64) {
        var v = value
        while v >= 0x80 { bytes.append(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    public mutating func int(_ v: Int64) { uint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u in uint(UInt64(u.count)); bytes.append(contentsOf: u) }
    }

    public mutating func optionalString(_ s: String?) {
        guard var s else { uint(0); return }
        s.withUTF8 { u in uint(UInt64(u.count) + 1); bytes.append(contentsOf: u) }
    }

    private mutating func atomID(_ s: String) -> UInt64 {
        if let id = atomIDs[s] { return id }
        let id = UInt64(atomList.count)
        atomIDs[s] = id
        atomList.append(s)
        return id
    }

    public mutating func atom(_ s: String) { uint(atomID(s)) }
    public mutating func optionalAtom(_ s: String?) { uint(s.map { atomID($0) + 1 } ?? 0) }

    public mutating func tags(_ tags: [String]) {
        uint(UInt64(tags.count))
        for t in tags { atom(t) }
    }

    public mutating func record(_ r: IndexedRecord) {
        string(r.title)
        optionalAtom(r.date)
        atom(r.status)
        optionalString(r.client)
        optionalString(r.project)
        atom(r.locale)
        atom(r.format)
        uint(UInt64(r.lessons.count))
        for l in r.lessons {
            string(l.text)
            tags(l.tags)
            int(Int64(l.number)); int(Int64(l.line))
            byte(l.isInternal ? 1 : 0)
        }
        uint(UInt64(r.actions.count))
        for a in r.actions {
            string(a.text)
            optionalString(a.plain == a.text ? nil : a.plain)   // most actions read as written
            optionalAtom(a.owner)
            optionalAtom(a.due)
            byte((a.done ? 1 : 0) | (a.isInternal ? 2 : 0))
            tags(a.tags)
            int(Int64(a.number)); int(Int64(a.line))
        }
        uint(UInt64(r.counts.count))
        for key in r.counts.keys.sorted() {
            atom(key)
            int(Int64(r.counts[key]!))
        }
    }
}

/// Reads the bytes of a cache; every read is bounds-checked and a bad value throws.
public struct IndexReader {
    let base: UnsafePointer<UInt8>
    let end: Int
    public var i: Int
    public var atoms: [String] = []

    public init(base: UnsafePointer<UInt8>, end: Int, at start: Int) { self.base = base; self.end = end; self.i = start }

    public mutating func byte() throws -> UInt8 {
        guard i < end else { throw IndexCache.Corrupt() }
        defer { i += 1 }
        return base[i]
    }

    public mutating func uint() throws -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard i < end, shift < 64 else { throw IndexCache.Corrupt() }
            let b = base[i]; i += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    public mutating func int() throws -> Int64 {
        let u = try uint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    /// A small non-negative number (a count, a line).
    public mutating func small() throws -> Int {
        let v = try uint()
        guard v <= UInt64(Int32.max) else { throw IndexCache.Corrupt() }
        return Int(v)
    }

    /// A count of things that each take at least one byte: never more than what is left.
    public mutating func count() throws -> Int {
        let v = try small()
        guard v <= end - i else { throw IndexCache.Corrupt() }
        return v
    }

    public mutating func bytes(_ n: Int) throws -> String {
        guard n <= end - i else { throw IndexCache.Corrupt() }
        defer { i += n }
        return String(decoding: UnsafeBufferPointer(start: base + i, count: n), as: UTF8.self)
    }

    public mutating func string() throws -> String { try bytes(try count()) }

    public mutating func optionalString() throws -> String? {
        let n = try small()
        return n == 0 ? nil : try bytes(n - 1)
    }

    public mutating func atom() throws -> String {
        let k = try uint()
        guard k < UInt64(atoms.count) else { throw IndexCache.Corrupt() }
        return atoms[Int(k)]
    }

    public mutating func optionalAtom() throws -> String? {
        let k = try uint()
        guard k <= UInt64(atoms.count) else { throw IndexCache.Corrupt() }
        return k == 0 ? nil : atoms[Int(k - 1)]
    }

    public mutating func tags() throws -> [String] {
        let n = try count()
        if n == 0 { return [] }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try atom()) }
        return out
    }

    public mutating func signed() throws -> Int {
        let v = try int()
        guard abs(v) <= Int64(Int32.max) else { throw IndexCache.Corrupt() }
        return Int(v)
    }

    public mutating func record(path: String) throws -> IndexedRecord {
        let title = try string()
        let date = try optionalAtom()
        let status = try atom()
        let client = try optionalString()
        let project = try optionalString()
        let locale = try atom()
        let format = try atom()
        var lessons: [IndexedLesson] = []
        let nl = try count()
        lessons.reserveCapacity(nl)
        for _ in 0..<nl {
            let text = try string(), tags = try tags(), number = try signed(), line = try signed()
            lessons.append(IndexedLesson(text: text, tags: tags, number: number, line: line, isInternal: try byte() != 0))
        }
        var actions: [IndexedAction] = []
        let na = try count()
        actions.reserveCapacity(na)
        for _ in 0..<na {
            let text = try string(), plain = try optionalString() ?? text
            let owner = try optionalAtom(), due = try optionalAtom(), flags = try byte()
            let tags = try tags(), number = try signed(), line = try signed()
            actions.append(IndexedAction(text: text, plain: plain, owner: owner, due: due, done: flags & 1 != 0, tags: tags,
                                         number: number, line: line, isInternal: flags & 2 != 0))
        }
        var counts: [String: Int] = [:]
        let nc = try count()
        counts.reserveCapacity(nc)
        for _ in 0..<nc { counts[try atom()] = try signed() }
        return IndexedRecord(path: path, title: title, date: date, status: status, client: client, project: project,
                             locale: locale, format: format, lessons: lessons, actions: actions, counts: counts)
    }
}
