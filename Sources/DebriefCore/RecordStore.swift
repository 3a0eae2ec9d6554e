// Changing a record on disk safely while others may change it too: take an
// exclusive flock on the file, re-read it, apply the change, write atomically,
// touching only the lines of what changed (RecordPatch).
import Foundation

public enum RecordStore {
    /// Writes a new record file; never replaces an existing one (even one created a moment ago by another process).
    public static func create(_ record: Record, at path: String) throws {
        try AtomicFile.create(RecordWriter.yaml(record), at: path)
    }

    /// Locks `path`, loads it, applies `change`, writes it back atomically and
    /// returns the record as written. The file keeps its comments, blank lines,
    /// quoting and indentation wherever the change does not reach. Concurrent updates are serialised, so
    /// each one sees every earlier one.
    @discardableResult
    public static func update(_ given: String, display: String? = nil, formats: FormatCatalog,
                              _ change: (inout Record) throws -> Void) throws -> Record {
        // Through a symlink, the file it names is changed, and the link stays.
        let path = AtomicFile.resolved(given)
        try requireRegularFile(path, display: display ?? given)  // refuses pipes, devices, folders before any lock; read once below
        return try withFileLock(path) {
            let name = display ?? given
            let original = try readTextFile(path, display: name)
            let old = try RecordReader.parse(bytes: original, file: name, formats: formats)
            var record = old
            try change(&record)
            // Only the lines of what changed, when the result reads back as intended; else the whole record.
            if let spliced = RecordPatch.splice(original: original, old: old, new: record, formats: formats, file: name) {
                try AtomicFile.write(spliced.bytes, to: path)
                return spliced.record
            }
            try AtomicFile.write(RecordWriter.yaml(record), to: path)
            return record
        }
    }

    /// Holds an exclusive flock on the file at `path` itself. Because writes
    /// replace the file by renaming, the lock is taken again when the path
    /// no longer names the file that was locked.
    public static func withFileLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        while true {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                if errno == ENOENT { throw MissingFileError(path: path) }
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR { let e = String(cString: strerror(errno)); close(fd); throw WriteError(path: path, reason: e) }
            }
            var locked = stat(), current = stat()
            if fstat(fd, &locked) == 0, stat(path, &current) == 0, locked.st_ino == current.st_ino, locked.st_dev == current.st_dev {
                defer { flock(fd, LOCK_UN); close(fd) }
                return try body()
            }
            flock(fd, LOCK_UN)
            close(fd)
        }
    }
}

extension Record {
    /// Appends an item to a list section (creating the section in the format's order).
    /// Returns the item's 1-based number in its section.
    @discardableResult
    public mutating func append(_ item: Item, to id: String, format: Format) -> Int {
        if let i = sections.firstIndex(where: { $0.id == id }) {
            var items = sections[i].content.items
            items.append(item)
            sections[i].content = .items(items)
            return items.count
        }
        insertSection(RecordSection(id: id, content: .items([item])), format: format)
        return 1
    }

    /// Sets a narrative section's text (removing it when empty).
    public mutating func setNarrative(_ text: String, for id: String, format: Format) {
        if let i = sections.firstIndex(where: { $0.id == id }) {
            sections[i].content = .narrative(text)
        } else {
            insertSection(RecordSection(id: id, content: .narrative(text)), format: format)
        }
    }

    /// Changes the item `number` (1-based) of a section when it still holds `text`
    /// (someone may have edited the file meanwhile); otherwise the first item with that text.
    @discardableResult
    public mutating func updateItem(in id: String, number: Int, text: String, _ change: (inout Item) -> Void) -> Bool {
        guard let s = sections.firstIndex(where: { $0.id == id }) else { return false }
        var items = sections[s].content.items
        var index: Int? = items.indices.contains(number - 1) && items[number - 1].text == text ? number - 1 : nil
        if index == nil { index = items.firstIndex { $0.text == text } }
        guard let i = index else { return false }
        change(&items[i])
        sections[s].content = .items(items)
        return true
    }

    /// Removes an item (found as in `updateItem`).
    @discardableResult
    public mutating func removeItem(in id: String, number: Int, text: String) -> Bool {
        guard let s = sections.firstIndex(where: { $0.id == id }) else { return false }
        var items = sections[s].content.items
        var index: Int? = items.indices.contains(number - 1) && items[number - 1].text == text ? number - 1 : nil
        if index == nil { index = items.lastIndex { $0.text == text } }
        guard let i = index else { return false }
        items.remove(at: i)
        sections[s].content = .items(items)
        if items.isEmpty { sections.remove(at: s) }
        return true
    }

    private mutating func insertSection(_ section: RecordSection, format: Format) {
        let order = format.sections.map(\.id)
        let rank = order.firstIndex(of: section.id) ?? order.count
        let at = sections.firstIndex { (order.firstIndex(of: $0.id) ?? order.count) > rank } ?? sections.count
        sections.insert(section, at: at)
    }
}
