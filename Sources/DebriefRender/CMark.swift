// The one file that talks to cmark. The rest of the code hands it Markdown
// and gets HTML back, rendered in cmark's default safe mode (raw HTML
// omitted, `javascript:` and similar links emptied), with every image turned
// into a plain link so that nothing in a page loads from elsewhere.
import Ccmark
import Foundation

public enum CMark {
    /// The version of the linked libcmark, e.g. "0.30.2".
    public static var version: String { String(cString: cmark_version_string()) }

    /// CommonMark to an HTML fragment, safe for untrusted text.
    public static func html(_ markdown: String) -> String {
        var out = [UInt8]()
        appendHTML(markdown, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Renders and appends the HTML bytes straight from cmark's buffer.
    public static func appendHTML(_ markdown: String, to out: inout [UInt8]) {
        guard let doc = parse(markdown) else { return }
        defer { cmark_node_free(doc) }
        imagesToLinks(doc)
        guard let html = cmark_render_html(doc, CMARK_OPT_DEFAULT) else { return }
        defer { free(html) }
        let n = strlen(html)
        html.withMemoryRebound(to: UInt8.self, capacity: n) { p in
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        }
    }

    /// The document tree of a fragment (safe defaults; invalid UTF-8 replaced). The caller frees it.
    private static func parse(_ markdown: String) -> OpaquePointer? {
        var source = markdown
        return source.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { c in
                cmark_parse_document(c.baseAddress, c.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)
            }
        }
    }

    /// Calls `body` on entering each node of the tree, in document order (the tree must not change meanwhile).
    private static func forEachNode(_ doc: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        let iter = cmark_iter_new(doc)
        defer { cmark_iter_free(iter) }
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            if ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) { body(node) }
        }
    }

    /// Plain text of a Markdown fragment (for titles, table cells and search).
    public static func plainText(_ markdown: String) -> String {
        guard let doc = parse(markdown) else { return markdown }
        defer { cmark_node_free(doc) }
        var text = ""
        forEachNode(doc) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let lit = cmark_node_get_literal(node) { text += String(cString: lit) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
            default: break
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The addresses of the links and images in a Markdown fragment.
    public static func linkDestinations(_ markdown: String) -> [String] {
        guard let doc = parse(markdown) else { return [] }
        defer { cmark_node_free(doc) }
        var urls: [String] = []
        forEachNode(doc) { node in
            let t = cmark_node_get_type(node)
            if t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE, let u = cmark_node_get_url(node) {
                urls.append(String(cString: u))
            }
        }
        return urls
    }

    private static func imagesToLinks(_ doc: OpaquePointer) {
        var images: [OpaquePointer] = []
        forEachNode(doc) { node in
            if cmark_node_get_type(node) == CMARK_NODE_IMAGE { images.append(node) }
        }
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
