// Strict, schema-typed reading on top of the event stream: no anchors, aliases
// or tags, no duplicate keys, one document, every value typed by the caller's
// schema (never by YAML 1.1's implicit rules).
import Foundation

/// A file that does not load: one line, `FILE:LINE:COL: error: MESSAGE`.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition
    public var message: String
    public init(file: String, position: SourcePosition, message: String) {
        // One line, whatever the file held: line breaks and control characters are escaped.
        var m = ""
        for u in message.unicodeScalars {
            switch u {
            case "\n": m += "\\n"
            case "\r": m += "\\r"
            case "\t": m += " "
            default: if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u == "\u{2028}" || u == "\u{2029}" { m += "?" } else { m.unicodeScalars.append(u) }
            }
        }
        self.file = file; self.position = position; self.message = m
    }
    public var description: String { "\(file):\(position.line):\(position.column): error: \(message)" }
}

/// A file that is not there (exit 66).
public struct MissingFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public init(path: String) { self.path = path }
    public var description: String { "\(path): error: no such file" }
}

public enum InputLimits {
    /// A record or data file larger than this is refused before it is parsed.
    public static let maxFileBytes = 10 * 1024 * 1024
    /// Items in one list (a section's items, tags): a record within the limits loads, checks and renders in
    /// well under two seconds.
    public static let maxListItems = 10_000
    /// Participants of one debrief.
    public static let maxParticipants = 1_000
}

/// A file that could not be read: the system's reason (exit 74).
public struct ReadError: Error, Sendable, CustomStringConvertible, Diagnosable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
    public var description: String { "\(path): error: cannot read the file: \(reason)" }
    public var diagnostics: [Diagnostic] { [Diagnostic(file: path, message: "cannot read the file: \(reason)")] }
}

/// Reads a whole file as bytes, refusing directories, enormous files and
/// content that is not UTF-8 text, with a position for the first bad byte. At most the limit and one byte
/// are read, whatever the file says of its size (a /proc file says 0, a growing file says less than it holds).
public func readTextFile(_ path: String, display: String? = nil) throws -> [UInt8] {
    let name = display ?? path
    try requireRegularFile(path, display: name)
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
        if errno == ENOENT { throw MissingFileError(path: name) }
        throw ReadError(path: name, reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
        throw LoadError(file: name, position: .start, message: "expected a file, found something else")
    }
    let limit = InputLimits.maxFileBytes
    var bytes = [UInt8](repeating: 0, count: min(limit + 1, max(Int(st.st_size), 0) + 1))
    var count = 0
    while count <= limit {
        if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count))) }
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
        if n < 0 {
            if errno == EINTR { continue }
            throw ReadError(path: name, reason: String(cString: strerror(errno)))
        }
        if n == 0 { break }
        count += n
    }
    if count > limit {
        throw LoadError(file: name, position: .start,
                        message: "expected a file of at most 10 MB (10485760 bytes), found more")
    }
    bytes.removeSubrange(count...)
    try validateText(bytes, file: name)
    return bytes
}

/// Refuses what is not a regular file of a sensible size, without reading it: folders, pipes
/// (reading one would wait forever), devices, enormous files.
public func requireRegularFile(_ path: String, display: String? = nil) throws {
    let name = display ?? path
    var st = stat()
    guard stat(path, &st) == 0 else {
        if errno == ENOENT || errno == ENOTDIR { throw MissingFileError(path: name) }
        throw LoadError(file: name, position: .start, message: "cannot read the file: \(String(cString: strerror(errno)))")
    }
    switch st.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw LoadError(file: name, position: .start, message: "expected a file, found a folder")
    case S_IFIFO: throw LoadError(file: name, position: .start, message: "expected a file, found a pipe")
    case S_IFCHR, S_IFBLK: throw LoadError(file: name, position: .start, message: "expected a file, found a device")
    default: throw LoadError(file: name, position: .start, message: "expected a file, found something else (a socket?)")
    }
    if Int(st.st_size) > InputLimits.maxFileBytes {
        throw LoadError(file: name, position: .start,
                        message: "expected a file of at most 10 MB (10485760 bytes), found \(Int(st.st_size)) bytes")
    }
}


/// UTF-8 and no control characters other than tab, newline and carriage return.
func validateText(_ b: [UInt8], file: String) throws {
    var line = 1, col = 1
    var i = 0
    let n = b.count
    if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
    while i < n {
        let c = b[i]
        if c < 0x80 {
            if c == 0x0A { line += 1; col = 1; i += 1; continue }
            if c < 0x20 && c != 0x09 && c != 0x0D || c == 0x7F {
                let what = c == 0 ? "a NUL byte (is this a binary file?)" : String(format: "the control character 0x%02X", c)
                throw LoadError(file: file, position: SourcePosition(line: line, column: col),
                                message: "expected UTF-8 text, found \(what)")
            }
            i += 1; col += 1; continue
        }
        var len = 0
        var cp: UInt32 = 0
        if c & 0xE0 == 0xC0 { len = 2; cp = UInt32(c & 0x1F) }
        else if c & 0xF0 == 0xE0 { len = 3; cp = UInt32(c & 0x0F) }
        else if c & 0xF8 == 0xF0 { len = 4; cp = UInt32(c & 0x07) }
        var ok = len > 0 && i + len <= n
        if ok {
            for k in 1..<len {
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { ok = false; break }
                cp = (cp << 6) | UInt32(cc & 0x3F)
            }
        }
        if ok {
            let minimum: UInt32 = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000
            if cp < minimum || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { ok = false }
        }
        if !ok {
            throw LoadError(file: file, position: SourcePosition(line: line, column: col),
                            message: String(format: "expected UTF-8 text, found the invalid byte 0x%02X", c))
        }
        i += len; col += 1
    }
}

/// Describes an event for "found ..." in messages.
func describe(_ e: YAMLEvent) -> String {
    switch e.kind {
    case .scalar(let v, let style, _, _):
        if style == .plain && isNull(v) { return "nothing" }
        return quoted(v)
    case .mappingStart: return "a mapping"
    case .sequenceStart: return "a list"
    case .alias: return "an alias"
    case .documentStart: return "a second document"
    case .streamEnd, .documentEnd: return "the end of the file"
    default: return "something else"
    }
}

/// A value from the file, quoted and shortened for a message.
func quoted(_ v: String) -> String {
    let short = v.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(v.unicodeScalars.prefix(57))) + "..." : v
    return "'\(short)'"
}

/// C0 controls other than tab and line breaks, DEL, and C1 controls.
public func isControl(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
}

/// Text typed or pasted for a record (a quick entry, a guided answer) with the characters a record cannot hold
/// taken out: control characters (ESC of pasted terminal colours, BEL, DEL, C1 such as U+0085), and the line and
/// paragraph separators U+2028 and U+2029; tab and line breaks stay (`tabs: false` makes a tab a space).
public func cleanTypedText(_ s: String, tabs: Bool = true) -> String {
    var needs = false
    for u in s.unicodeScalars where isControl(u) || u.value == 0x2028 || u.value == 0x2029 || (!tabs && u == "\t") { needs = true; break }
    guard needs else { return s }
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars where !isControl(u) && u.value != 0x2028 && u.value != 0x2029 {
        out.append(!tabs && u == "\t" ? " " : u)
    }
    return String(out)
}

func isNull(_ v: String) -> Bool { v.isEmpty || v == "~" || v == "null" || v == "Null" || v == "NULL" }

/// The strict reader: every helper consumes exactly one value.
public final class StrictYAML {
    public let file: String
    let events: YAMLEventReader

    public init(bytes: [UInt8], file: String) {
        self.file = file
        self.events = YAMLEventReader(bytes: bytes)
    }

    public func fail(_ pos: SourcePosition, _ message: String) -> LoadError {
        LoadError(file: file, position: pos, message: message)
    }

    func next() throws -> YAMLEvent {
        do {
            let e = try events.next()
            try refuseExtras(e)
            return e
        } catch let e as YAMLSyntaxError {
            var msg = "expected valid YAML, found a syntax error: \(e.problem)"
            if let c = e.context { msg += " (\(c))" }
            throw fail(e.position, msg)
        }
    }

    func peek() throws -> YAMLEvent {
        do { return try events.peek() } catch let e as YAMLSyntaxError {
            var msg = "expected valid YAML, found a syntax error: \(e.problem)"
            if let c = e.context { msg += " (\(c))" }
            throw fail(e.position, msg)
        }
    }

    private func refuseExtras(_ e: YAMLEvent) throws {
        switch e.kind {
        case .alias(let a):
            throw fail(e.position, "expected a plain value, found the alias *\(a) (anchors and aliases are not allowed)")
        case .scalar(_, _, let anchor, let tag), .sequenceStart(let anchor, let tag), .mappingStart(let anchor, let tag):
            if let anchor { throw fail(e.position, "expected a plain value, found the anchor &\(anchor) (anchors and aliases are not allowed)") }
            if let tag {
                let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
                throw fail(e.position, "expected a plain value, found the tag \(shown) (tags are not allowed)")
            }
        default: break
        }
    }

    /// Reads the single document of the stream; `body` reads its root value.
    public func document<T>(what: String, _ body: () throws -> T) throws -> T {
        _ = try next() // stream start
        let start = try next()
        guard case .documentStart = start.kind else {
            throw fail(start.position, "expected \(what), found an empty file")
        }
        let value = try body()
        _ = try next() // document end
        let after = try next()
        if case .documentStart = after.kind {
            throw fail(after.position, "expected one document, found a second one (remove the '---' line)")
        }
        return value
    }

    /// Reads a mapping; `onKey` is called with each key and must read its value.
    public func mapping(_ path: String, _ onKey: (String, SourcePosition) throws -> Void) throws {
        let start = try next()
        guard case .mappingStart = start.kind else {
            throw fail(start.position, "\(label(path))expected a mapping of keys, found \(describe(start))")
        }
        var seen = Set<String>()
        while true {
            let k = try next()
            switch k.kind {
            case .mappingEnd: return
            case .scalar(let key, _, _, _):
                guard seen.insert(key).inserted else {
                    throw fail(k.position, "\(label(path))expected each key once, found \(quoted(key)) a second time")
                }
                try onKey(key, k.position)
            default:
                throw fail(k.position, "\(label(path))expected a key, found \(describe(k))")
            }
        }
    }

    /// Reads a list; `onElement` is called with the 1-based index and must read the element.
    public func sequence(_ path: String, max: Int = InputLimits.maxListItems, _ onElement: (Int, SourcePosition) throws -> Void) throws {
        let start = try next()
        guard case .sequenceStart = start.kind else {
            throw fail(start.position, "\(label(path))expected a list, found \(describe(start))")
        }
        var i = 0
        while true {
            let e = try peek()
            if case .sequenceEnd = e.kind { _ = try next(); return }
            i += 1
            if i > max {
                throw fail(e.position, "\(label(path))expected at most \(max) items in a list, found more (split it, or the debrief)")
            }
            try onElement(i, e.position)
        }
    }

    /// Reads and drops one value, whatever it is (a setting this version does not know).
    public func skipValue() throws {
        var depth = 0
        repeat {
            let e = try next()
            switch e.kind {
            case .mappingStart, .sequenceStart: depth += 1
            case .mappingEnd, .sequenceEnd: depth -= 1
            default: break
            }
        } while depth > 0
    }

    /// Consumes an empty value (nothing, `~` or `null` written plain) and says so; otherwise reads nothing.
    public func skipNull() throws -> Bool {
        if case .scalar(let v, .plain, _, _) = try peek().kind, isNull(v) { _ = try next(); return true }
        return false
    }

    /// A scalar read as text; nil for an empty value or `~`/`null` written plain.
    public func optionalText(_ path: String) throws -> (String?, SourcePosition) {
        let e = try next()
        guard case .scalar(let v, let style, _, _) = e.kind else {
            throw fail(e.position, "\(label(path))expected text, found \(describe(e))")
        }
        if style == .plain && isNull(v) { return (nil, e.position) }
        // Escapes in quoted scalars ("\e", "\0") must not smuggle control characters into a terminal or a page.
        if let bad = v.unicodeScalars.first(where: { isControl($0) }) {
            throw fail(e.position, "\(label(path))expected text, found the control character U+\(String(format: "%04X", bad.value))")
        }
        return (v, e.position)
    }

    public func text(_ path: String) throws -> (String, SourcePosition) {
        let (v, pos) = try optionalText(path)
        guard let v, !v.trimmed.isEmpty else { throw fail(pos, "\(label(path))expected text, found nothing") }
        return (v, pos)
    }

    public func bool(_ path: String) throws -> (Bool, SourcePosition) {
        let e = try next()
        if case .scalar(let v, .plain, _, _) = e.kind {
            switch v {
            case "true", "True", "TRUE": return (true, e.position)
            case "false", "False", "FALSE": return (false, e.position)
            default: break
            }
        }
        throw fail(e.position, "\(label(path))expected true or false, found \(describe(e))")
    }

    public func int(_ path: String) throws -> (Int, SourcePosition) {
        let e = try next()
        if case .scalar(let v, .plain, _, _) = e.kind, let n = Int(v), v == String(n) { return (n, e.position) }
        throw fail(e.position, "\(label(path))expected a whole number, found \(describe(e))")
    }

    public func day(_ path: String) throws -> (Day?, SourcePosition) {
        let (v, pos) = try optionalText(path)
        guard let v else { return (nil, pos) }
        guard let d = Day(v) else {
            throw fail(pos, "\(label(path))expected a date as YYYY-MM-DD, found \(quoted(v))")
        }
        return (d, pos)
    }

    public func oneOf<T: RawRepresentable & CaseIterable>(_ path: String, _ type: T.Type) throws -> (T, SourcePosition)
    where T.RawValue == String {
        let (v, pos) = try optionalText(path)
        guard let v, let t = T(rawValue: v) else {
            let options = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            throw fail(pos, "\(label(path))expected \(options), found \(v.map(quoted) ?? "nothing")")
        }
        return (t, pos)
    }

    /// A list of short texts, block or flow style.
    public func textList(_ path: String) throws -> [String] {
        var out: [String] = []
        try sequence(path) { i, _ in out.append(try text("\(path)[\(i)]").0) }
        return out
    }

    /// Reads and ignores one value (used only for keys the caller reports as unknown first).
    public func unknownKey(_ path: String, _ key: String, at pos: SourcePosition, expected: [String]) -> LoadError {
        let list = expected.joined(separator: ", ")
        return fail(pos, "\(label(path))expected one of the keys \(list), found the unknown key '\(key)'")
    }

    func label(_ path: String) -> String { path.isEmpty ? "" : "\(path): " }
}
