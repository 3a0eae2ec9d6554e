// The templates' engine: the part of Mustache our templates use (variables, triple-brace raw variables,
// sections and inverted sections, dotted names, partials, comments, the CONTENT_TYPE pragma; standalone tag
// lines removed as the Mustache spec says), compiled once into a tree and rendered straight into bytes from
// typed values. No reflection, no dynamic casts: a site's ten thousand pages render at the speed of their text.
import DebriefCore
import Foundation

/// What a template is given: text, a flag, a number, a list, or an object of named values.
public indirect enum TemplateValue: Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case none
    case bool(Bool)
    case text(String)
    case number(Int)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A list made one element at a time as it is rendered: a page of ten thousand rows never holds them all.
    case rows(TemplateRows)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, b in b }))
    }

    /// Text, or nothing (a section over it is skipped) when there is none.
    public static func optional(_ s: String?) -> TemplateValue { s.map { .text($0) } ?? .none }

    /// A value built from untyped data (strings, flags, numbers, arrays, dictionaries; `false` or nil for nothing).
    public init(any: Any?) {
        switch any {
        case nil: self = .none
        case let v as TemplateValue: self = v
        case let s as String: self = .text(s)
        case let b as Bool: self = .bool(b)
        case let n as Int: self = .number(n)
        case let d as [String: Any]: self = .object(d.mapValues { TemplateValue(any: $0) })
        case let a as [Any]: self = .list(a.map { TemplateValue(any: $0) })
        case let s as CustomStringConvertible: self = .text(s.description)
        default: self = .none
        }
    }

    var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .text(let s): return !s.isEmpty
        case .number(let n): return n != 0
        case .list(let l): return !l.isEmpty
        case .object: return true
        case .rows(let r): return r.count > 0
        }
    }

    subscript(_ key: String) -> TemplateValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}

/// The elements of a long list, made when rendered.
public final class TemplateRows: @unchecked Sendable {
    public let count: Int
    let make: (Int) -> TemplateValue
    public init(count: Int, _ make: @escaping (Int) -> TemplateValue) { self.count = count; self.make = make }
}

/// How `{{value}}` is escaped: for HTML, or as literal CommonMark (`{{% CONTENT_TYPE: MARKDOWN }}`).
public enum TemplateEscaping: Sendable {
    case html
    case markdown
}

public struct TemplateSyntaxError: Error, CustomStringConvertible, Sendable {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// One template, compiled.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable([String], escaped: Bool)
        case section([String], inverted: Bool, [Node])
        case partial(String, indent: [UInt8])
    }

    let nodes: [Node]
    public let escaping: TemplateEscaping

    public init(_ source: String) throws {
        var escaping = TemplateEscaping.html
        nodes = try TemplateParser.parse(source, escaping: &escaping)
        self.escaping = escaping
    }

    /// Renders with `context`; partials come from `library`.
    public func render(_ context: TemplateValue, library: TemplateLibrary? = nil) -> String {
        String(decoding: renderBytes(context, library: library), as: UTF8.self)
    }

    /// The rendering as UTF-8 bytes (to write to a file as they are).
    public func renderBytes(_ context: TemplateValue, library: TemplateLibrary? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        var stack = [context]
        Template.render(nodes, &stack, &out, escaping: escaping, library: library, depth: 0)
        return out
    }

    static func lookup(_ path: [String], _ stack: [TemplateValue]) -> TemplateValue {
        if path.isEmpty { return stack.last ?? .none }   // `{{.}}`
        var found: TemplateValue?
        for v in stack.reversed() {
            if let hit = v[path[0]] { found = hit; break }
        }
        guard var value = found else { return .none }
        for key in path.dropFirst() {
            guard let next = value[key] else { return .none }
            value = next
        }
        return value
    }

    static func render(_ nodes: [Node], _ stack: inout [TemplateValue], _ out: inout [UInt8], escaping: TemplateEscaping,
                       library: TemplateLibrary?, depth: Int) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let path, let escaped):
                let value = lookup(path, stack)
                let text: String
                switch value {
                case .text(let s): text = s
                case .number(let n): text = String(n)
                case .bool(let b): text = b ? "true" : "false"
                case .none, .list, .object, .rows: continue
                }
                if escaped { append(text, escaping, &out) } else { append(text, &out) }
            case .section(let path, let inverted, let children):
                let value = lookup(path, stack)
                if inverted {
                    if !value.isTruthy { render(children, &stack, &out, escaping: escaping, library: library, depth: depth) }
                    continue
                }
                guard value.isTruthy else { continue }
                if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        render(children, &stack, &out, escaping: escaping, library: library, depth: depth)
                        stack.removeLast()
                    }
                } else if case .rows(let rows) = value {
                    for i in 0..<rows.count {
                        stack.append(rows.make(i))
                        render(children, &stack, &out, escaping: escaping, library: library, depth: depth)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    render(children, &stack, &out, escaping: escaping, library: library, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let indent):
                guard depth < 50, let partial = library?.templates[name] else { continue }
                if indent.isEmpty {
                    render(partial.nodes, &stack, &out, escaping: partial.escaping, library: library, depth: depth + 1)
                } else {
                    var inner: [UInt8] = []
                    render(partial.nodes, &stack, &inner, escaping: partial.escaping, library: library, depth: depth + 1)
                    var lineStart = true
                    for b in inner {
                        if lineStart { out.append(contentsOf: indent) }
                        out.append(b)
                        lineStart = b == 0x0A
                    }
                }
            }
        }
    }

    static func append(_ s: String, _ out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    static func append(_ s: String, _ escaping: TemplateEscaping, _ out: inout [UInt8]) {
        switch escaping {
        case .markdown:
            append(MarkdownRenderer.escapeInline(s), &out)
        case .html:
            var s = s
            s.withUTF8 { u in
                var start = 0
                for i in 0..<u.count {
                    let replacement: StaticString
                    switch u[i] {
                    case 0x26: replacement = "&amp;"
                    case 0x3C: replacement = "&lt;"
                    case 0x3E: replacement = "&gt;"
                    case 0x22: replacement = "&quot;"
                    case 0x27: replacement = "&#39;"
                    default: continue
                    }
                    if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i])) }
                    out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    start = i + 1
                }
                if start < u.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<u.count])) }
            }
        }
    }
}

/// Templates by name, for partials (`{{> name}}`).
public struct TemplateLibrary: Sendable {
    public var templates: [String: Template] = [:]
    public init() {}

    public mutating func register(_ source: String, named name: String) throws {
        templates[name] = try Template(source)
    }

    public func render(_ context: TemplateValue, withTemplate name: String) -> String? {
        templates[name]?.render(context, library: self)
    }

    public func renderBytes(_ context: TemplateValue, withTemplate name: String) -> [UInt8]? {
        templates[name]?.renderBytes(context, library: self)
    }
}

/// Reads `{{...}}` tags: first into a flat list, then standalone tag lines are cut out, then the tree is built.
enum TemplateParser {
    enum Kind { case variable, raw, open, inverted, close, comment, partial, pragma }
    enum Token {
        case text(Substring.UTF8View)
        case tag(Kind, String, line: Int)
    }

    static func parse(_ source: String, escaping: inout TemplateEscaping) throws -> [Template.Node] {
        var tokens = try tokenize(source)
        cutStandaloneLines(&tokens)
        var index = 0
        let nodes = try build(tokens, &index, closing: nil, openedAt: 0, escaping: &escaping)
        return nodes
    }

    static func tokenize(_ source: String) throws -> [(token: Token, indent: [UInt8])] {
        let u = source.utf8
        var out: [(token: Token, indent: [UInt8])] = []
        var i = u.startIndex, textStart = i, line = 1
        func at(_ j: String.UTF8View.Index, _ s: String) -> Bool { u[j...].starts(with: s.utf8) }
        while i < u.endIndex {
            if u[i] == 0x0A { line += 1 }
            guard u[i] == 0x7B, at(i, "{{") else { i = u.index(after: i); continue }
            if textStart < i { out.append((.text(source[textStart..<i].utf8), [])) }
            let tagLine = line
            var j = u.index(i, offsetBy: 2)
            let triple = j < u.endIndex && u[j] == 0x7B
            if triple { j = u.index(after: j) }
            let close = triple ? "}}}" : "}}"
            var k = j
            while k < u.endIndex && !at(k, close) { if u[k] == 0x0A { line += 1 }; k = u.index(after: k) }
            guard k < u.endIndex else { throw TemplateSyntaxError(line: tagLine, message: "a tag opened with {{ is never closed") }
            var body = String(source[j..<k]).trimmingCharacters(in: .whitespacesAndNewlines)
            var kind = Kind.variable
            if triple { kind = .raw } else if let first = body.first {
                switch first {
                case "#": kind = .open
                case "^": kind = .inverted
                case "/": kind = .close
                case "!": kind = .comment
                case ">": kind = .partial
                case "&": kind = .raw
                case "%": kind = .pragma
                case "=", "<", "$": throw TemplateSyntaxError(line: tagLine, message: "'{{\(first)' is not supported")
                default: break
                }
                if kind != .variable { body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces) }
            }
            out.append((.tag(kind, body, line: tagLine), []))
            i = u.index(k, offsetBy: close.utf8.count)
            textStart = i
        }
        if textStart < u.endIndex { out.append((.text(source[textStart..<u.endIndex].utf8), [])) }
        return out
    }

    static func isBlank<C: Collection>(_ c: C) -> Bool where C.Element == UInt8 { c.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// A line holding only one section, inverted, close, comment, partial or pragma tag (and spaces) is cut out
    /// whole; a partial's cut indentation indents every line it renders.
    static func cutStandaloneLines(_ tokens: inout [(token: Token, indent: [UInt8])]) {
        var cuts: [(index: Int, before: Bool)] = []   // text tokens to trim: before a standalone tag (its tail) or after (its head)
        var partialIndent: [Int: [UInt8]] = [:]
        for (i, t) in tokens.enumerated() {
            guard case .tag(let kind, _, _) = t.token, kind != .variable, kind != .raw else { continue }
            // Before: the start of the template, or text whose last line is blank and follows a line break
            // (or is the template's start).
            var indent: [UInt8] = []
            if i > 0 {
                guard case .text(let before) = tokens[i - 1].token else { continue }
                if let nl = before.lastIndex(of: 0x0A) {
                    let tail = before[before.index(after: nl)...]
                    guard isBlank(tail) else { continue }
                    indent = Array(tail)
                } else {
                    guard i == 1, isBlank(before) else { continue }
                    indent = Array(before)
                }
            }
            // After: the end of the template, or text whose first line is blank up to a line break (or the end).
            if i + 1 < tokens.count {
                guard case .text(let after) = tokens[i + 1].token else { continue }
                if let nl = after.firstIndex(of: 0x0A) {
                    guard isBlank(after[..<nl]) else { continue }
                } else {
                    guard i + 2 == tokens.count, isBlank(after) else { continue }
                }
            }
            if i > 0 { cuts.append((i - 1, true)) }
            if i + 1 < tokens.count { cuts.append((i + 1, false)) }
            if kind == .partial { partialIndent[i] = indent }
        }
        // Each text keeps what lies between its cut head and its cut tail.
        var head: [Int: String.UTF8View.Index] = [:], tail: [Int: String.UTF8View.Index] = [:]
        for c in cuts {
            guard case .text(let t) = tokens[c.index].token else { continue }
            if c.before {
                tail[c.index] = t.lastIndex(of: 0x0A).map { t.index(after: $0) } ?? t.startIndex
            } else {
                head[c.index] = t.firstIndex(of: 0x0A).map { t.index(after: $0) } ?? t.endIndex
            }
        }
        for (i, t) in tokens.enumerated() {
            if case .text(let text) = t.token, head[i] != nil || tail[i] != nil {
                let from = head[i] ?? text.startIndex
                let to = max(from, tail[i] ?? text.endIndex)
                tokens[i].token = .text(Substring(text[from..<to]).utf8)
            }
            if let indent = partialIndent[i] { tokens[i].indent = indent }
        }
    }

    static func path(_ name: String) -> [String] {
        name == "." ? [] : name.split(separator: ".").map(String.init)
    }

    static func build(_ tokens: [(token: Token, indent: [UInt8])], _ i: inout Int, closing: String?, openedAt: Int,
                      escaping: inout TemplateEscaping) throws -> [Template.Node] {
        var nodes: [Template.Node] = []
        while i < tokens.count {
            let t = tokens[i]
            i += 1
            switch t.token {
            case .text(let text):
                if !text.isEmpty { nodes.append(.text(Array(text))) }
            case .tag(let kind, let name, let line):
                switch kind {
                case .variable: nodes.append(.variable(path(name), escaped: true))
                case .raw: nodes.append(.variable(path(name), escaped: false))
                case .comment: break
                case .pragma:
                    let words = name.split(whereSeparator: { $0 == ":" || $0 == " " })
                    if words.count == 2, words[0] == "CONTENT_TYPE" {
                        switch words[1] {
                        case "MARKDOWN": escaping = .markdown
                        case "HTML": escaping = .html
                        default: throw TemplateSyntaxError(line: line, message: "unknown content type '\(words[1])'")
                        }
                    }
                case .partial: nodes.append(.partial(name, indent: t.indent))
                case .open, .inverted:
                    let children = try build(tokens, &i, closing: name, openedAt: line, escaping: &escaping)
                    nodes.append(.section(path(name), inverted: kind == .inverted, children))
                case .close:
                    guard name == closing else {
                        throw TemplateSyntaxError(line: line, message: closing.map { "expected {{/\($0)}}, found {{/\(name)}}" }
                                                  ?? "{{/\(name)}} closes no section")
                    }
                    return nodes
                }
            }
        }
        if let closing { throw TemplateSyntaxError(line: openedAt, message: "{{#\(closing)}} is never closed") }
        return nodes
    }
}
