// The one file that talks to cmark. Every text a person typed is parsed once
// into a `MarkdownText`: what a reader sees (plain text), where its links
// point and what their titles say, the raw HTML a page leaves out, and the
// safe HTML fragment (cmark's default safe mode: raw HTML omitted,
// `javascript:` and similar links emptied; every image turned into a plain
// link so that nothing in a page loads from elsewhere). Everything else walks
// these values.
import Ccmark
import Foundation

/// A link or an image of a Markdown text.
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var title: String
    public init(destination: String, title: String) { self.destination = destination; self.title = title }
}

/// One Markdown text, parsed once.
public struct MarkdownText: Sendable, Equatable {
    /// The text as typed.
    public let source: String
    /// What a reader sees: entities decoded, emphasis and link syntax gone; paragraphs, headings
    /// and list items on lines of their own, soft line breaks as spaces.
    public let plain: String
    /// The links and images, with their addresses and titles.
    public let links: [MarkdownLink]
    /// Raw HTML the text holds (left out of pages, but present in the source).
    public let rawHTML: [String]
    /// The safe HTML fragment.
    public let html: String

    public static let empty = MarkdownText(source: "", plain: "", links: [], rawHTML: [], html: "")
}

public enum Markdown {
    /// The version of the linked libcmark, e.g. "0.30.2".
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    /// Parses a text once into everything the rest of the program needs.
    public static func parse(_ markdown: String) -> MarkdownText {
        guard !markdown.isEmpty, let doc = parseTree(markdown) else {
            return MarkdownText(source: markdown, plain: "", links: [], rawHTML: [], html: "")
        }
        defer { cmark_node_free(doc) }
        var plain = ""
        var links: [MarkdownLink] = []
        var raw: [String] = []
        var images: [OpaquePointer] = []
        func newLine() { if !plain.isEmpty && !plain.hasSuffix("\n") { plain += "\n" } }
        let iter = cmark_iter_new(doc)
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if ev == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CODE_BLOCK { newLine() }
                continue
            }
            guard ev == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let lit = cmark_node_get_literal(node) { plain += String(cString: lit) }
            case CMARK_NODE_CODE_BLOCK:
                newLine()
                if let lit = cmark_node_get_literal(node) { plain += String(cString: lit) }
            case CMARK_NODE_SOFTBREAK:
                plain += " "
            case CMARK_NODE_LINEBREAK:
                plain += "\n"
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_THEMATIC_BREAK:
                newLine()
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                if let lit = cmark_node_get_literal(node) { raw.append(String(cString: lit)) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                links.append(MarkdownLink(destination: url, title: title))
                if type == CMARK_NODE_IMAGE { images.append(node) }
            default: break
            }
        }
        cmark_iter_free(iter)
        imagesToLinks(images)
        var html = ""
        if let out = cmark_render_html(doc, CMARK_OPT_DEFAULT) {
            html = String(cString: out)
            free(out)
        }
        while plain.hasSuffix("\n") || plain.hasSuffix(" ") { plain.removeLast() }
        return MarkdownText(source: markdown, plain: plain, links: links, rawHTML: raw, html: html)
    }

    /// A safe HTML fragment for a whole Markdown document (a letter), appended straight from cmark's buffer.
    public static func appendHTML(_ markdown: String, to out: inout [UInt8]) {
        guard let doc = parseTree(markdown) else { return }
        defer { cmark_node_free(doc) }
        var images: [OpaquePointer] = []
        let iter = cmark_iter_new(doc)
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            if ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter), cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                images.append(node)
            }
        }
        cmark_iter_free(iter)
        imagesToLinks(images)
        guard let html = cmark_render_html(doc, CMARK_OPT_DEFAULT) else { return }
        defer { free(html) }
        let n = strlen(html)
        html.withMemoryRebound(to: UInt8.self, capacity: n) { p in
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        }
    }

    /// The text as CommonMark that is safe wherever Markdown is shown (pandoc, editor previews, site generators
    /// that pass raw HTML through): raw HTML becomes text, images become links, and a code block or an HTML comment
    /// left open is closed, so that it cannot swallow what follows it. A text without `<`, `![` or a fence is
    /// returned as written; any other is written anew by cmark.
    public static func safeCommonMark(_ markdown: String) -> String {
        guard markdown.contains("<") || markdown.contains("![") || markdown.contains("```") || markdown.contains("~~~"),
              let doc = parseTree(markdown) else { return markdown }
        defer { cmark_node_free(doc) }
        var images: [OpaquePointer] = [], raw: [OpaquePointer] = []
        let iter = cmark_iter_new(doc)
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            guard ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_IMAGE: images.append(node)
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: raw.append(node)
            default: break
            }
        }
        cmark_iter_free(iter)
        imagesToLinks(images)
        for node in raw {
            var literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            while block && literal.hasSuffix("\n") { literal.removeLast() }
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, literal)
            if block, let para = cmark_node_new(CMARK_NODE_PARAGRAPH) {
                cmark_node_append_child(para, text)
                cmark_node_insert_before(node, para)
            } else {
                cmark_node_insert_before(node, text)
            }
            cmark_node_free(node)
        }
        guard let out = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0) else { return markdown }
        defer { free(out) }
        var text = String(cString: out)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// A safe HTML fragment for a Markdown document.
    public static func html(_ markdown: String) -> String {
        var out = [UInt8]()
        appendHTML(markdown, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The document tree of a fragment (safe defaults; invalid UTF-8 replaced). The caller frees it.
    private static func parseTree(_ markdown: String) -> OpaquePointer? {
        var source = markdown
        return source.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { c in
                cmark_parse_document(c.baseAddress, c.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)
            }
        }
    }

    private static func imagesToLinks(_ images: [OpaquePointer]) {
        for img in images {
            guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
            let url = cmark_node_get_url(img)
            cmark_node_set_url(link, url)
            if let title = cmark_node_get_title(img) { cmark_node_set_title(link, title) }
            var moved = false
            while let child = cmark_node_first_child(img) {
                cmark_node_append_child(link, child)
                moved = true
            }
            if !moved, let text = cmark_node_new(CMARK_NODE_TEXT) {
                if let url { cmark_node_set_literal(text, url) } else { cmark_node_set_literal(text, "image") }
                cmark_node_append_child(link, text)
            }
            cmark_node_insert_before(img, link)
            cmark_node_free(img)
        }
    }
}

/// One block of a Markdown document, read once from cmark's tree, with the Markdown it was written as.
public indirect enum MarkdownBlock: Sendable, Equatable {
    /// An ATX or Setext heading: its level and its text as a reader sees it.
    case heading(level: Int, text: String)
    /// A paragraph: its Markdown (one line per source line, as written) and its plain text.
    case paragraph(source: String, plain: String)
    /// A list (nested lists stay inside their item).
    case list(ordered: Bool, items: [MarkdownListItem])
    /// Anything else (a code block, a quote, HTML, a thematic break): its Markdown as written.
    case other(source: String)
}

/// One item of a list: its content as Markdown (the marker taken off, the continuation lines moved back under it)
/// and its blocks.
public struct MarkdownListItem: Sendable, Equatable {
    public var source: String
    public var blocks: [MarkdownBlock]
}

extension Markdown {
    /// The top-level blocks of a document, each with its own source; the text is parsed once.
    public static func blocks(_ markdown: String) -> [MarkdownBlock] {
        guard let doc = parseTree(markdown) else { return [] }
        defer { cmark_node_free(doc) }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }

        func source(_ node: OpaquePointer, from first: OpaquePointer? = nil, to last: OpaquePointer? = nil) -> String {
            let a = first ?? node, b = last ?? node
            let startLine = Int(cmark_node_get_start_line(a)), startCol = Int(cmark_node_get_start_column(a))
            let endLine = Int(cmark_node_get_end_line(b)), endCol = Int(cmark_node_get_end_column(b))
            guard startLine >= 1, endLine >= startLine, endLine <= lines.count else { return "" }
            var out: [String] = []
            let indent = max(0, startCol - 1)
            for n in startLine...endLine {
                var line = lines[n - 1]
                // (An HTML block or a fence may end at column 0: the whole line is its.)
                if n == endLine, endCol > 0, endCol < line.count { line = Array(line[..<endCol]) }
                if n == startLine {
                    line = Array(line.dropFirst(min(indent, line.count)))
                } else {
                    // Continuation lines lose up to the content's indentation (spaces only).
                    var k = 0
                    while k < indent, k < line.count, line[k] == 0x20 { k += 1 }
                    line = Array(line.dropFirst(k))
                }
                out.append(String(decoding: line, as: UTF8.self))
            }
            return out.joined(separator: "\n")
        }

        func plain(_ node: OpaquePointer) -> String {
            var out = ""
            guard let iter = cmark_iter_new(node) else { return "" }
            defer { cmark_iter_free(iter) }
            while true {
                let ev = cmark_iter_next(iter)
                if ev == CMARK_EVENT_DONE { break }
                guard ev == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iter) else { continue }
                switch cmark_node_get_type(n) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    if let lit = cmark_node_get_literal(n) { out += String(cString: lit) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
                default: break
                }
            }
            return out.trimmingCharacters(in: .whitespaces)
        }

        func children(_ parent: OpaquePointer) -> [MarkdownBlock] {
            var out: [MarkdownBlock] = []
            var child = cmark_node_first_child(parent)
            while let node = child {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING:
                    out.append(.heading(level: Int(cmark_node_get_heading_level(node)), text: plain(node)))
                case CMARK_NODE_PARAGRAPH:
                    out.append(.paragraph(source: source(node), plain: plain(node)))
                case CMARK_NODE_LIST:
                    var items: [MarkdownListItem] = []
                    var item = cmark_node_first_child(node)
                    while let it = item {
                        let text: String
                        if let first = cmark_node_first_child(it), let last = cmark_node_last_child(it) {
                            text = source(it, from: first, to: last)
                        } else {
                            text = ""
                        }
                        items.append(MarkdownListItem(source: text, blocks: children(it)))
                        item = cmark_node_next(it)
                    }
                    out.append(.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items: items))
                default:
                    // Where cmark gives a block no source span (an HTML block), its CommonMark is rendered instead.
                    var text = source(node)
                    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, let r = cmark_render_commonmark(node, CMARK_OPT_DEFAULT, 0) {
                        text = String(cString: r).trimmingCharacters(in: .newlines)
                        free(r)
                    }
                    out.append(.other(source: text))
                }
                child = cmark_node_next(node)
            }
            return out
        }
        return children(doc)
    }
}

/// Each text parsed once per command: renderers, checks and the client policy ask here.
public final class MarkdownCache: @unchecked Sendable {
    private var parsed: [String: MarkdownText] = [:]
    private let lock = NSLock()
    public init() {}

    public func callAsFunction(_ text: String) -> MarkdownText {
        lock.lock()
        if let p = parsed[text] { lock.unlock(); return p }
        lock.unlock()
        let p = Markdown.parse(text)
        lock.lock()
        parsed[text] = p
        lock.unlock()
        return p
    }
}
