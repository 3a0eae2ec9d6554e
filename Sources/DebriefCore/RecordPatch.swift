// Saving a record surgically: the file as it was, with only the lines of what
// changed replaced, added or removed, so that a hand-edited file keeps its
// comments, blank lines, quoting and indentation. New text comes from the
// record writer (quoting rules stay in one place), indented as the file is.
// Every splice is read back and compared with the intended record; when that
// fails, or the file is written in a way the splicer does not follow, the
// caller writes the whole record anew. A save is never wrong, only sometimes
// not surgical.
import Foundation

public enum RecordPatch {
    /// A verified splice: the bytes to write, and the record they read as (with its new positions).
    public struct Spliced: Sendable {
        public var bytes: [UInt8]
        public var record: Record
    }

    /// `original` (the bytes that read as `old`) changed to hold `new`, touching only
    /// the lines of what differs; nil when that cannot be done or does not read back as `new`.
    public static func splice(original: [UInt8], old: Record, new: Record, formats: FormatCatalog,
                              file: String = "record.yml") -> Spliced? {
        guard var splicer = try? Splicer(original),
              let bytes = try? splicer.splice(old: old, new: new),
              let back = try? RecordReader.parse(bytes: bytes, file: file, formats: formats),
              back == new
        else { return nil }
        return Spliced(bytes: bytes, record: back)
    }

    /// The bytes to save for `new`: the splice when it is safe, the whole record written anew otherwise.
    public static func bytes(original: [UInt8], old: Record, new: Record, formats: FormatCatalog,
                             file: String = "record.yml") throws -> [UInt8] {
        if let s = splice(original: original, old: old, new: new, formats: formats, file: file) { return s.bytes }
        return try RecordWriter.yaml(new)
    }
}

/// Something in the file the splicer does not follow (the save falls back to a full rewrite).
private struct Unsupported: Error {}

/// A value of the file as libyaml read it, with byte offsets. `end` is where
/// its content ends: after its last character, before any trailing blank
/// lines or comments.
private struct Node {
    enum Kind {
        case scalar(String, ScalarStyle)
        case sequence([Node])
        case mapping([Entry])
    }
    var kind: Kind
    var start: Int
    var end: Int
    var isFlow = false

    var entries: [Entry] { if case .mapping(let e) = kind { return e }; return [] }
    var elements: [Node] { if case .sequence(let e) = kind { return e }; return [] }
    func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    /// An empty value: nothing, `~` or `null` written plain.
    var isNull: Bool {
        if case .scalar(let v, .plain) = kind { return DebriefCore.isNull(v) }
        return false
    }
    /// A block mapping or sequence (the shapes the splicer edits inside).
    var isBlockMapping: Bool { if case .mapping = kind { return !isFlow }; return false }
    var isBlockSequence: Bool { if case .sequence(let e) = kind { return !isFlow && !e.isEmpty }; return false }
    /// Nothing, `~`, `[]` or `{}`.
    var isEmpty: Bool {
        switch kind {
        case .scalar: return isNull
        case .sequence(let e): return e.isEmpty
        case .mapping(let e): return e.isEmpty
        }
    }
}

private struct Entry {
    var key: String
    var keyNode: Node
    var value: Node
    var end: Int { max(keyNode.end, value.end) }
}

private struct Edit {
    var start: Int
    var end: Int
    var text: String
}

private struct Splicer {
    typealias Value = RecordWriter.Value
    let src: [UInt8]
    /// Where the text starts (after a byte order mark).
    let base: Int
    /// The file's line break: "\n" or "\r\n".
    let nl: String
    var edits: [Edit] = []
    /// How far a list's `-` stands to the right of its key, as the file writes lists (as the writer does when it has none).
    var listOffset = 0

    init(_ bytes: [UInt8]) throws {
        src = bytes
        base = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var crlf: Bool?
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                // A lone carriage return is a line break to YAML but not to the line arithmetic here.
                guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { throw Unsupported() }
                if crlf == nil { crlf = true }
            } else if b == 0x0A, crlf == nil {
                crlf = false
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
                throw Unsupported()  // NEL, a line break to YAML 1.1
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                throw Unsupported()  // LINE and PARAGRAPH SEPARATOR
            }
            i += 1
        }
        nl = crlf == true ? "\r\n" : "\n"
    }

    // MARK: the file's structure

    func tree() throws -> Node {
        let r = YAMLEventReader(bytes: src)
        guard case .streamStart = try r.next().kind, case .documentStart = try r.next().kind else { throw Unsupported() }
        let root = try node(r)
        guard case .documentEnd = try r.next().kind, case .streamEnd = try r.next().kind else { throw Unsupported() }
        return root
    }

    private func node(_ r: YAMLEventReader) throws -> Node {
        let e = try r.next()
        switch e.kind {
        case .scalar(let v, let style, _, _):
            // A block scalar ends after the line breaks it took; its content, at its last character.
            let end = style == .literal || style == .folded ? backOverSpace(e.end, floor: e.start) : e.end
            return Node(kind: .scalar(v, style), start: e.start, end: end)
        case .sequenceStart:
            var items: [Node] = []
            while true {
                if case .sequenceEnd = try r.peek().kind {
                    let close = try r.next()
                    let end = e.isFlow ? close.end : items.last?.end ?? e.start
                    return Node(kind: .sequence(items), start: e.start, end: end, isFlow: e.isFlow)
                }
                items.append(try node(r))
            }
        case .mappingStart:
            var entries: [Entry] = []
            while true {
                if case .mappingEnd = try r.peek().kind {
                    let close = try r.next()
                    let end = e.isFlow ? close.end : entries.last?.end ?? e.start
                    return Node(kind: .mapping(entries), start: e.start, end: end, isFlow: e.isFlow)
                }
                let k = try node(r)
                guard case .scalar(let key, _) = k.kind else { throw Unsupported() }
                entries.append(Entry(key: key, keyNode: k, value: try node(r)))
            }
        default:
            throw Unsupported()
        }
    }

    // MARK: lines

    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    func backOverSpace(_ p: Int, floor: Int) -> Int {
        var p = min(p, src.count)
        while p > floor, isSpace(src[p - 1]) { p -= 1 }
        return p
    }

    func lineStart(_ p: Int) -> Int {
        var p = p
        while p > base, src[p - 1] != 0x0A { p -= 1 }
        return p
    }

    /// After the line break of the line holding `p` (or the end of the file).
    func lineEnd(_ p: Int) -> Int {
        var p = p
        while p < src.count, src[p] != 0x0A { p += 1 }
        return min(p + 1, src.count)
    }

    /// The end of the line holding `p`, before its line break.
    func lineEndBeforeBreak(_ p: Int) -> Int {
        var p = p
        while p < src.count, src[p] != 0x0A { p += 1 }
        if p < src.count, p > 0, src[p - 1] == 0x0D { p -= 1 }
        return p
    }

    func onlySpaces(_ a: Int, _ b: Int) -> Bool { a <= b && src[a..<b].allSatisfy { $0 == 0x20 } }

    func sameLine(_ a: Int, _ b: Int) -> Bool { lineStart(a) == lineStart(b) }

    /// The column of a key that stands first on its line.
    func keyColumn(_ n: Node) throws -> Int {
        let ls = lineStart(n.start)
        guard onlySpaces(ls, n.start) else { throw Unsupported() }
        return n.start - ls
    }

    /// An element of a block list: its lines (from the start of its `- ` line to
    /// the end of its last line, with the line break), the column of its `-`
    /// and the column where its content starts.
    struct ElementShape { var range: Range<Int>; var dash: Int; var inner: Int }

    func elementShape(_ n: Node) throws -> ElementShape {
        let ls = lineStart(n.start)
        var p = ls
        while p < n.start, src[p] == 0x20 { p += 1 }
        guard p < n.start, src[p] == UInt8(ascii: "-"), p + 1 < n.start, onlySpaces(p + 1, n.start) else { throw Unsupported() }
        return ElementShape(range: ls..<lineEnd(n.end), dash: p - ls, inner: n.start - ls)
    }

    /// Text inserted at `p`: on a line of its own even when the file does not end with a line break.
    func insertion(at p: Int, _ text: String) -> Edit {
        let needsBreak = p == src.count && p > base && src[p - 1] != 0x0A
        return Edit(start: p, end: p, text: (needsBreak ? nl : "") + text)
    }

    func spaces(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }

    /// Lines joined with the file's line break, each (but empty ones) indented.
    func block(_ lines: [String], first: Int, rest: Int) -> String {
        var out = ""
        for (i, l) in lines.enumerated() {
            if !l.isEmpty { out += spaces(i == 0 ? first : rest) + l }
            out += nl
        }
        return out
    }

    // MARK: the writer's text

    /// What the writer writes, as lines without their breaks.
    func emit(_ body: (YAMLWriter) -> Void) throws -> [String] {
        let w = YAMLWriter()
        body(w)
        var lines = String(decoding: try w.finish(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if lines.last == "..." { lines.removeLast() }
        guard let first = lines.first, !first.hasPrefix("---"), !lines.contains(where: { $0.contains("\r") }) else { throw Unsupported() }
        return lines
    }

    func emitEntry(_ key: String, _ value: Value) throws -> [String] {
        try emit { w in w.beginMapping(); w.text(key); RecordWriter.write(value, to: w); w.endMapping() }
    }

    func emitElement(_ body: (YAMLWriter) -> Void) throws -> [String] {
        let lines = try emit { w in w.beginSequence(); body(w); w.endSequence() }
        guard lines.first?.hasPrefix("- ") == true else { throw Unsupported() }
        return lines
    }

    func emitSection(_ s: RecordSection) throws -> [String] {
        try emit { w in w.beginMapping(); RecordWriter.write(s, to: w); w.endMapping() }
    }

    /// A list element written as a sibling with its `-` at `dash` and its content at `inner`.
    func elementText(_ lines: [String], dash: Int, inner: Int) -> String {
        let gap = max(inner - dash, 2)
        var lines = lines
        lines[0] = "-" + spaces(gap - 1) + lines[0].dropFirst(2)
        return block(lines, first: dash, rest: dash + gap - 2)
    }

    // MARK: edits of a mapping's keys

    /// `key: value` in place of the entry's value; a trailing comment stays when the value fits on its line.
    func replaceValue(_ e: Entry, with value: Value, keyColumn col: Int) throws -> Edit {
        let lines = try emitEntry(e.key, value)
        guard lines[0].hasPrefix(e.key + ":") else { throw Unsupported() }
        let first = String(lines[0].dropFirst(e.key.count + 1))
        let rest = lines.dropFirst().map { nl + ($0.isEmpty ? "" : spaces(col) + $0) }.joined()
        let v = e.value
        let inline: Bool
        switch v.kind {
        case .scalar: inline = sameLine(v.start, e.keyNode.start)
        default: inline = v.isFlow && sameLine(v.start, e.keyNode.start)
        }
        if inline {
            if v.isNull && v.start == v.end {
                // `key:` with nothing after it: the value goes after the colon.
                return Edit(start: v.start, end: rest.isEmpty ? v.start : lineEndBeforeBreak(v.start), text: first + rest)
            }
            let text = first.hasPrefix(" ") ? String(first.dropFirst()) : first
            return Edit(start: v.start, end: rest.isEmpty ? v.end : lineEndBeforeBreak(v.end), text: text + rest)
        }
        // A value on the lines below its key (a block list, say): from the key's end on.
        return Edit(start: e.keyNode.end, end: lineEndBeforeBreak(e.end), text: ":" + first + rest)
    }

    func removeEntry(_ e: Entry) throws -> Edit {
        let ls = lineStart(e.keyNode.start)
        guard onlySpaces(ls, e.keyNode.start) else { throw Unsupported() }
        return Edit(start: ls, end: lineEnd(e.end), text: "")
    }

    /// A new `key: value` line after `anchor`'s lines.
    func insertEntry(_ key: String, _ value: Value, after anchor: Entry, keyColumn col: Int) throws -> Edit {
        insertion(at: after(anchor), block(try emitEntry(key, value), first: col, rest: col))
    }

    /// Where what follows an entry goes: after its lines and the comment lines indented
    /// deeper than its key just below them (they belong to it).
    func after(_ e: Entry) -> Int {
        var p = lineEnd(e.end)
        let col = e.keyNode.start - lineStart(e.keyNode.start)
        while p < src.count {
            var q = p
            while q < src.count, src[q] == 0x20 { q += 1 }
            guard q < src.count, src[q] == UInt8(ascii: "#"), q - p > col else { break }
            p = lineEnd(q)
        }
        return p
    }

    /// The entry a new key goes after: the nearest one before it in the writer's order, else the last.
    func anchor(for key: String, in entries: [Entry], order: [String]) throws -> Entry {
        guard let rank = order.firstIndex(of: key), let last = entries.last else { throw Unsupported() }
        var best: (Int, Entry)?
        for e in entries {
            if let r = order.firstIndex(of: e.key), r < rank, r > best?.0 ?? -1 { best = (r, e) }
        }
        return best?.1 ?? last
    }

    /// Edits turning the scalar keys of a block mapping from `old` into `new` (absent keys are nil).
    func fieldEdits(old: [(String, Value)], new: [(String, Value)], order: [String], in node: Node,
                    keyColumn col: Int) throws -> [Edit] {
        guard node.isBlockMapping else { throw Unsupported() }
        let o = Dictionary(old, uniquingKeysWith: { a, _ in a })
        let n = Dictionary(new, uniquingKeysWith: { a, _ in a })
        var out: [Edit] = []
        for key in order where o[key] != n[key] {
            if let e = node.entry(key) {
                if let v = n[key] { out.append(try replaceValue(e, with: v, keyColumn: col)) } else { out.append(try removeEntry(e)) }
            } else if let v = n[key] {
                out.append(try insertEntry(key, v, after: try anchor(for: key, in: node.entries, order: order), keyColumn: col))
            }
        }
        return out
    }

    // MARK: edits of a list

    /// Edits turning the block list `seq` (which reads as `old`) into `new`: the elements both
    /// share left alone, changed ones patched key by key (or rewritten), removed ones cut out,
    /// new ones inserted after their predecessor with its indentation.
    func listEdits<T: Equatable>(_ seq: Node, old: [T], new: [T], order: [String],
                                 fields: (T) -> [(String, Value)], write: (T, YAMLWriter) -> Void) throws -> [Edit] {
        let nodes = seq.elements
        guard seq.isBlockSequence, nodes.count == old.count else { throw Unsupported() }
        var out: [Edit] = []
        var i = 0, j = 0
        for (mi, mj) in Self.common(old, new) + [(old.count, new.count)] {
            // The gap before the next shared element: old[i..<mi] became new[j..<mj].
            let paired = min(mi - i, mj - j)
            for k in 0..<paired where old[i + k] != new[j + k] {
                let node = nodes[i + k]
                let shape = try elementShape(node)
                if node.isBlockMapping,
                   let e = try? fieldEdits(old: fields(old[i + k]), new: fields(new[j + k]), order: order, in: node, keyColumn: shape.inner) {
                    out += e
                } else {
                    let value = new[j + k]
                    let text = elementText(try emitElement { write(value, $0) }, dash: shape.dash, inner: shape.inner)
                    out.append(Edit(start: shape.range.lowerBound, end: shape.range.upperBound, text: text))
                }
            }
            for r in (i + paired)..<mi {
                let range = try elementShape(nodes[r]).range
                out.append(Edit(start: range.lowerBound, end: range.upperBound, text: ""))
            }
            if j + paired < mj {
                let before = i + paired - 1
                let sibling = try elementShape(nodes[max(before, 0)])
                var text = ""
                for value in new[(j + paired)..<mj] {
                    text += elementText(try emitElement { write(value, $0) }, dash: sibling.dash, inner: sibling.inner)
                }
                out.append(before >= 0 ? insertion(at: sibling.range.upperBound, text)
                                       : Edit(start: sibling.range.lowerBound, end: sibling.range.lowerBound, text: text))
            }
            i = mi + 1
            j = mj + 1
        }
        return out
    }

    /// The pairs of indices of a longest common subsequence of `a` and `b` (equal ends first;
    /// for very long changed middles, only those).
    static func common<T: Equatable>(_ a: [T], _ b: [T]) -> [(Int, Int)] {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        var pairs = (0..<head).map { ($0, $0) }
        let n = a.count - head - tail, m = b.count - head - tail
        if n > 0, m > 0, n * m <= 250_000 {
            // lengths[x][y]: the longest common subsequence of a[head+x...] and b[head+y...] (middles only).
            var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for x in stride(from: n - 1, through: 0, by: -1) {
                for y in stride(from: m - 1, through: 0, by: -1) {
                    lengths[x][y] = a[head + x] == b[head + y] ? lengths[x + 1][y + 1] + 1 : max(lengths[x + 1][y], lengths[x][y + 1])
                }
            }
            var x = 0, y = 0
            while x < n, y < m {
                if a[head + x] == b[head + y] { pairs.append((head + x, head + y)); x += 1; y += 1 }
                else if lengths[x + 1][y] >= lengths[x][y + 1] { x += 1 } else { y += 1 }
            }
        }
        pairs += (0..<tail).map { (a.count - tail + $0, b.count - tail + $0) }
        return pairs
    }

    // MARK: the record

    mutating func splice(old: Record, new: Record) throws -> [UInt8] {
        let root = try tree()
        guard root.isBlockMapping, let firstKey = root.entries.first else { throw Unsupported() }
        let rootColumn = try keyColumn(firstKey.keyNode)
        measureListOffset(root)
        let order = RecordWriter.headerOrder

        edits += try fieldEdits(old: RecordWriter.headerFields(old), new: RecordWriter.headerFields(new),
                                order: order, in: root, keyColumn: rootColumn)

        if old.participants != new.participants {
            let entry = root.entry("participants")
            if new.participants.isEmpty {
                if let entry { edits.append(try removeEntry(entry)) }
            } else if let entry, entry.value.isBlockSequence {
                edits += try listEdits(entry.value, old: old.participants, new: new.participants, order: RecordWriter.participantOrder,
                                       fields: RecordWriter.participantFields, write: { p, w in RecordWriter.write(p, to: w) })
            } else {
                // No list yet (absent, empty or `[]`): the whole entry.
                let lines = try emit { w in
                    w.beginMapping(); w.text("participants"); w.beginSequence()
                    for p in new.participants { RecordWriter.write(p, to: w) }
                    w.endSequence(); w.endMapping()
                }
                try putEntry(entry, key: "participants", text: block(lines, first: rootColumn, rest: rootColumn + listOffset),
                             in: root, order: order)
            }
        }

        if old.sections != new.sections {
            let entry = root.entry("sections")
            if let entry, entry.value.isBlockMapping, !entry.value.entries.isEmpty {
                try sectionEdits(entry, old: old.sections, new: new.sections)
            } else if !new.sections.isEmpty {
                guard entry?.value.isEmpty ?? true else { throw Unsupported() }
                // No sections yet (absent, empty or `{}`): the whole entry.
                let col = rootColumn + 2
                var text = spaces(rootColumn) + "sections:" + nl
                for s in new.sections { text += try sectionText(s, column: col) }
                try putEntry(entry, key: "sections", text: text, in: root, order: order)
            }
        }
        return try apply()
    }

    /// The `-` offset most of the file's lists (the sections' and the participants') have, if it has any.
    mutating func measureListOffset(_ root: Node) {
        var lists: [Entry] = []
        if let s = root.entry("sections") { lists += s.value.entries }
        if let p = root.entry("participants") { lists.append(p) }
        var counts: [(offset: Int, count: Int)] = []
        for entry in lists where entry.value.isBlockSequence {
            guard let key = try? keyColumn(entry.keyNode), let shape = try? elementShape(entry.value.elements[0]) else { continue }
            let offset = max(0, shape.dash - key)
            if let i = counts.firstIndex(where: { $0.offset == offset }) { counts[i].count += 1 } else { counts.append((offset, 1)) }
        }
        if let best = counts.max(by: { $0.count < $1.count || ($0.count == $1.count && $0.offset > $1.offset) }) {
            listOffset = best.offset
        }
    }

    /// A whole top-level entry: in place of the old one, or inserted where the writer would put it.
    mutating func putEntry(_ old: Entry?, key: String, text: String, in root: Node, order: [String]) throws {
        if let old {
            let ls = lineStart(old.keyNode.start)
            guard onlySpaces(ls, old.keyNode.start) else { throw Unsupported() }
            edits.append(Edit(start: ls, end: lineEnd(old.end), text: text))
        } else {
            edits.append(insertion(at: after(try anchor(for: key, in: root.entries, order: order)), text))
        }
    }

    /// A section's lines as a new entry of `sections`.
    func sectionText(_ s: RecordSection, column col: Int) throws -> String {
        let isList: Bool
        if case .items = s.content { isList = true } else { isList = false }
        return block(try emitSection(s), first: col, rest: col + (isList ? listOffset : 0))
    }

    mutating func sectionEdits(_ entry: Entry, old: [RecordSection], new: [RecordSection]) throws {
        let map = entry.value
        let col = try keyColumn(map.entries[0].keyNode)
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.map(\.id))
        for e in map.entries where !newIDs.contains(e.key) {
            edits.append(try removeEntry(e))
        }
        for s in new {
            guard let was = oldByID[s.id], was != s else { continue }
            guard let e = map.entry(s.id) else { throw Unsupported() }
            switch (was.content, s.content) {
            case (.narrative, .narrative(let text)):
                edits.append(try replaceValue(e, with: .text(text), keyColumn: col))
            case (.items(let before), .items(let after)):
                edits += try listEdits(e.value, old: before, new: after, order: RecordWriter.itemOrder,
                                       fields: RecordWriter.itemFields, write: { it, w in RecordWriter.write(it, to: w) })
            default:
                let ls = lineStart(e.keyNode.start)
                guard onlySpaces(ls, e.keyNode.start) else { throw Unsupported() }
                edits.append(Edit(start: ls, end: lineEnd(e.end), text: try sectionText(s, column: col)))
            }
        }
        // New sections in the format's order: after the nearest earlier one the file has, else first.
        for (i, s) in new.enumerated() where oldByID[s.id] == nil {
            let previous = new[..<i].last { oldByID[$0.id] != nil }.flatMap { map.entry($0.id) }
            let at = previous.map { after($0) } ?? lineEnd(entry.keyNode.end)
            edits.append(insertion(at: at, try sectionText(s, column: col)))
        }
    }

    /// The file with the edits made; insertions at a point go before an edit starting there.
    func apply() throws -> [UInt8] {
        let sorted = edits.enumerated().sorted { a, b in
            (a.element.start, a.element.end > a.element.start ? 1 : 0, a.offset) < (b.element.start, b.element.end > b.element.start ? 1 : 0, b.offset)
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(src.count + sorted.reduce(0) { $0 + $1.text.utf8.count })
        var at = 0
        for e in sorted {
            guard e.start >= at, e.end >= e.start, e.end <= src.count else { throw Unsupported() }
            out += src[at..<e.start]
            out += Array(e.text.utf8)
            at = e.end
        }
        out += src[at...]
        return out
    }
}
