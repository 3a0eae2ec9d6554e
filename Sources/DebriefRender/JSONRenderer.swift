// The record as data, keys in the file's order, for other tools.
import DebriefCore

public enum JSONRenderer {
    public static func render(_ report: RecordView) -> String {
        let r = report.visibleRecord
        let w = JSONWriter()
        w.object {
            w.key("debrief"); w.number(Record.schemaVersion)
            if report.audience == .team { w.key("format"); w.string(r.format) }
            w.key("audience"); w.string(report.audience.rawValue)
            w.key("title"); w.string(r.title)
            w.key("date"); r.date.map { w.string($0.description) } ?? w.null()
            if report.audience == .team { w.key("status"); w.string(r.status.rawValue) }
            w.key("client"); r.client.map { w.string($0) } ?? w.null()
            w.key("project"); r.project.map { w.string($0) } ?? w.null()
            w.key("locale"); w.string(r.locale ?? "en")
            w.key("participants")
            w.array(r.participants) { p in
                w.object {
                    w.key("name"); w.string(p.name)
                    w.key("side"); w.string(p.side.rawValue)
                    if let role = p.role { w.key("role"); w.string(role) }
                }
            }
            w.key("sections")
            w.object {
                for s in r.sections {
                    let spec = report.format.spec(s.id)
                    w.key(s.id)
                    w.object {
                        w.key("kind"); w.string(spec?.kind.rawValue ?? "list")
                        w.key("title"); w.string(report.sections.first { $0.spec.id == s.id }?.heading ?? spec?.title ?? s.id)
                        switch s.content {
                        case .narrative(let t):
                            w.key("text"); w.string(t)
                        case .items(let items):
                            w.key("items")
                            w.array(items) { item($0, kind: spec?.kind ?? .list, team: report.audience == .team, w) }
                        }
                    }
                }
            }
        }
        return w.output + "\n"
    }

    static func item(_ it: Item, kind: SectionKind, team: Bool, _ w: JSONWriter) {
        w.object {
            w.key("text"); w.string(it.text)
            w.key("side"); it.side.map { w.string($0.rawValue) } ?? w.null()
            if team { w.key("internal"); w.bool(it.isInternal) }
            if team { w.key("tags"); w.array(it.tags) { w.string($0) } }
            switch kind {
            case .mistakes:
                w.key("counterfactual"); it.counterfactual.map { w.string($0) } ?? w.null()
            case .actions:
                w.key("owner"); it.owner.map { w.string($0) } ?? w.null()
                w.key("due"); it.due.map { w.string($0.description) } ?? w.null()
                w.key("done"); w.bool(it.done ?? false)
                if let t = it.ticket { w.key("ticket"); w.string(t) }
            case .remedies:
                w.key("chosen"); w.bool(it.chosen ?? false)
            case .timeline:
                w.key("at"); it.at.map { w.string($0.description) } ?? w.null()
            default: break
            }
        }
    }
}

/// A small streaming JSON writer: two-space indentation, keys in call order. Writes UTF-8 bytes.
public final class JSONWriter {
    private var bytes: [UInt8] = []
    private var depth = 0
    private var first = [true]
    private var afterKey = false

    public init() {}

    /// What was written.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    private func put(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }
    private func put(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    private func separator() {
        if afterKey { afterKey = false; return }
        if depth > 0 {
            if !first[depth] { bytes.append(0x2C) }
            first[depth] = false
            newline()
        }
    }

    public func object(_ body: () -> Void) {
        separator(); bytes.append(0x7B); depth += 1; first.append(true)
        body()
        let empty = first.removeLast(); depth -= 1
        if !empty { newline() }
        bytes.append(0x7D)
    }

    public func array<S: Sequence>(_ s: S, _ each: (S.Element) -> Void) {
        separator(); bytes.append(0x5B); depth += 1; first.append(true)
        for e in s { each(e) }
        let empty = first.removeLast(); depth -= 1
        if !empty { newline() }
        bytes.append(0x5D)
    }

    public func key(_ k: String) {
        string(k); put(": "); afterKey = true
    }
    public func string(_ s: String) {
        separator()
        if JSONWriter.needsEscaping(s) { put(JSONWriter.quote(s)) } else { bytes.append(0x22); put(s); bytes.append(0x22) }
    }
    public func number(_ n: Int) { separator(); put(String(n)) }
    public func bool(_ b: Bool) { separator(); put(b ? "true" : "false") }
    public func null() { separator(); put("null") }

    /// Whether `quote` escapes anything in the text (most text it does not): looks at the UTF-8 bytes only.
    static func needsEscaping(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { u in
            var i = 0
            while i < u.count {
                switch u[i] {
                case 0..<0x20, 0x22, 0x5C, 0x3C, 0x3E, 0x26: return true
                case 0xE2 where i + 2 < u.count && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9): return true
                default: i += 1
                }
            }
            return false
        }
    }

    public static func quote(_ s: String) -> String {
        if !needsEscaping(s) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"   // safe to embed in HTML
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
