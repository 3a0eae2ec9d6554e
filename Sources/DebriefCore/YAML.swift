// The one file that talks to libyaml. Everything else sees `YAMLEvent` values
// (with 1-based line and column, and byte offsets into the input) and a
// `YAMLWriter` that takes Swift strings.
import Cyaml

/// A position in a source file, 1-based.
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static let start = SourcePosition(line: 1, column: 1)
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

public enum ScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

public enum YAMLEventKind: Sendable, Equatable {
    case streamStart, streamEnd
    case documentStart, documentEnd
    case alias(anchor: String)
    case scalar(value: String, style: ScalarStyle, anchor: String?, tag: String?)
    case sequenceStart(anchor: String?, tag: String?)
    case sequenceEnd
    case mappingStart(anchor: String?, tag: String?)
    case mappingEnd
}

public struct YAMLEvent: Sendable {
    public var kind: YAMLEventKind
    public var position: SourcePosition
    /// Byte offsets into the input where the event starts and ends (libyaml's
    /// `start_mark` and `end_mark`). A block collection's end event stands where
    /// the next token does; a block scalar ends after the line breaks it consumed.
    public var start: Int = 0
    public var end: Int = 0
    /// A collection start written in flow style (`[a, b]`, `{k: v}`).
    public var isFlow: Bool = false

    public init(kind: YAMLEventKind, position: SourcePosition, start: Int = 0, end: Int = 0, isFlow: Bool = false) {
        self.kind = kind; self.position = position; self.start = start; self.end = end; self.isFlow = isFlow
    }
}

/// A syntax error reported by libyaml, with where it happened.
public struct YAMLSyntaxError: Error, Sendable {
    public var position: SourcePosition
    public var problem: String
    public var context: String?
}

/// Pull parser over libyaml's event API.
public final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var finished = false
    private var peeked: YAMLEvent?
    /// libyaml counts characters (after a byte order mark); this cursor turns
    /// its counts into byte offsets, walking from the last one it converted.
    private var cursorChar = 0
    private var cursorByte = 0
    private let firstByte: Int

    /// The input is copied; the reader owns it until it is released.
    public init(bytes: [UInt8]) {
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, buffer.baseAddress, bytes.count)
        firstByte = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        cursorByte = firstByte
    }

    /// The byte offset of libyaml's character index `index`.
    private func byteOffset(_ index: Int) -> Int {
        let n = buffer.count
        while cursorChar < index && cursorByte < n {
            cursorByte += 1
            while cursorByte < n && buffer[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
            cursorChar += 1
        }
        while cursorChar > index && cursorByte > firstByte {
            cursorByte -= 1
            while cursorByte > firstByte && buffer[cursorByte] & 0xC0 == 0x80 { cursorByte -= 1 }
            cursorChar -= 1
        }
        return min(cursorByte, n)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        buffer.deallocate()
    }

    public func peek() throws -> YAMLEvent {
        if let p = peeked { return p }
        let e = try read()
        peeked = e
        return e
    }

    public func next() throws -> YAMLEvent {
        if let p = peeked { peeked = nil; return p }
        return try read()
    }

    private func read() throws -> YAMLEvent {
        if finished { return YAMLEvent(kind: .streamEnd, position: .start) }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw syntaxError()
        }
        defer { yaml_event_delete(&event) }
        let pos = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        let kind: YAMLEventKind
        var flow = false
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd; finished = true
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT: kind = .alias(anchor: Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            let style: ScalarStyle
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            kind = .scalar(value: value, style: style, anchor: Self.string(s.anchor), tag: Self.string(s.tag))
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor), tag: Self.string(event.data.sequence_start.tag))
            flow = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart(anchor: Self.string(event.data.mapping_start.anchor), tag: Self.string(event.data.mapping_start.tag))
            flow = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .streamEnd; finished = true
        }
        let start = byteOffset(Int(event.start_mark.index))
        let end = byteOffset(Int(event.end_mark.index))
        return YAMLEvent(kind: kind, position: pos, start: start, end: end, isFlow: flow)
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    private func syntaxError() -> YAMLSyntaxError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let context = p.context.map { String(cString: $0) }
        if p.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset, not a mark: count lines ourselves.
            let offset = min(Int(p.problem_offset), buffer.count)
            var line = 1, col = 1
            var i = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            while i < offset {
                let b = buffer[i]
                if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
                i += 1
            }
            return YAMLSyntaxError(position: SourcePosition(line: line, column: col), problem: problem, context: nil)
        }
        var mark = p.problem_mark
        // An unclosed quote or bracket is found at the end of the file; where it opened is more useful.
        let atEnd = problem.contains("end of stream") || Int(p.problem_mark.index) >= buffer.count
        if atEnd, p.context != nil, p.context_mark.line > 0 || p.context_mark.column > 0 {
            mark = p.context_mark
            var what = context ?? "a value"
            for prefix in ["while scanning ", "while parsing "] where what.hasPrefix(prefix) { what = String(what.dropFirst(prefix.count)) }
            return YAMLSyntaxError(position: SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1),
                                   problem: "\(what) that starts here is never closed", context: nil)
        }
        return YAMLSyntaxError(position: SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1),
                               problem: problem, context: context)
    }
}

/// Block-style YAML writer over libyaml's emitter. Strings are typed by the
/// caller: `text` is always a string (quoted when a YAML reader could take it
/// for something else), `plain` is written as it is (numbers, booleans, dates).
public final class YAMLWriter {
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private var output: [UInt8] = []
    private var failed: String?

    public init() {
        emitter = .allocate(capacity: 1)
        yaml_emitter_initialize(emitter)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        let ctx = Unmanaged.passUnretained(self).toOpaque()
        yaml_emitter_set_output(emitter, { data, bytes, size in
            guard let data, let bytes else { return 0 }
            let w = Unmanaged<YAMLWriter>.fromOpaque(data).takeUnretainedValue()
            w.output.append(contentsOf: UnsafeBufferPointer(start: bytes, count: size))
            return 1
        }, ctx)
        var e = yaml_event_t()
        yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING)
        emit(&e)
        e = yaml_event_t()
        yaml_document_start_event_initialize(&e, nil, nil, nil, 1)
        emit(&e)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    private func emit(_ e: inout yaml_event_t) {
        guard failed == nil else { yaml_event_delete(&e); return }
        if yaml_emitter_emit(emitter, &e) == 0 {
            failed = emitter.pointee.problem.map { String(cString: $0) } ?? "YAML emitter failed"
        }
    }

    public func beginMapping(flow: Bool = false) {
        var e = yaml_event_t()
        yaml_mapping_start_event_initialize(&e, nil, nil, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE)
        emit(&e)
    }
    public func endMapping() {
        var e = yaml_event_t()
        yaml_mapping_end_event_initialize(&e)
        emit(&e)
    }
    public func beginSequence(flow: Bool = false) {
        var e = yaml_event_t()
        yaml_sequence_start_event_initialize(&e, nil, nil, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
        emit(&e)
    }
    public func endSequence() {
        var e = yaml_event_t()
        yaml_sequence_end_event_initialize(&e)
        emit(&e)
    }

    /// A key or any string value. Multi-line text becomes a literal block.
    public func text(_ s: String) {
        let style: yaml_scalar_style_t
        if s.contains("\n") {
            style = YAML_LITERAL_SCALAR_STYLE
        } else if YAMLWriter.needsQuotes(s) {
            style = s.contains("'") ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_SINGLE_QUOTED_SCALAR_STYLE
        } else {
            style = YAML_ANY_SCALAR_STYLE
        }
        scalar(s, style: style, plainImplicit: style == YAML_ANY_SCALAR_STYLE)
    }

    /// A value written as it is: numbers, `true`/`false`, dates.
    public func plain(_ s: String) {
        scalar(s, style: YAML_PLAIN_SCALAR_STYLE, plainImplicit: true)
    }

    private func scalar(_ s: String, style: yaml_scalar_style_t, plainImplicit: Bool) {
        var e = yaml_event_t()
        let n = Int32(s.utf8.count)
        s.withCString { cs in
            cs.withMemoryRebound(to: yaml_char_t.self, capacity: Int(n) + 1) { p in
                _ = yaml_scalar_event_initialize(&e, nil, nil, UnsafeMutablePointer(mutating: p), n,
                                                 plainImplicit ? 1 : 0, 1, style)
            }
        }
        emit(&e)
    }

    /// Plain scalars that another YAML reader (YAML 1.1 or 1.2) would not read
    /// back as this string: booleans, nulls, numbers, dates. Quoting them keeps
    /// the file unambiguous for other tools too.
    static func needsQuotes(_ s: String) -> Bool {
        if s.isEmpty { return true }
        let lower = s.lowercased()
        let words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ".nan", ".inf", "-.inf", "+.inf", "=", "<<"]
        if words.contains(lower) { return true }
        if let f = s.unicodeScalars.first, "0123456789+-.".unicodeScalars.contains(f) {
            // Anything that starts like a number or a date.
            let numberish = s.unicodeScalars.allSatisfy { "0123456789+-.:_eExXoObB aAcCdDfFtTzZ".unicodeScalars.contains($0) }
            if numberish { return true }
        }
        return false
    }

    /// Ends the document and returns the bytes written, or the emitter's complaint.
    public func finish() throws -> [UInt8] {
        var e = yaml_event_t()
        yaml_document_end_event_initialize(&e, 1)
        emit(&e)
        e = yaml_event_t()
        yaml_stream_end_event_initialize(&e)
        emit(&e)
        yaml_emitter_flush(emitter)
        if let failed { throw YAMLEmitError(message: failed) }
        return output
    }
}

public struct YAMLEmitError: Error, Sendable {
    public var message: String
}
