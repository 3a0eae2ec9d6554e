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
            case .remedies:
                w.key("chosen"); w.bool(it.chosen ?? false)
            case .timeline:
                w.key("at"); it.at.map { w.string($0.description) } ?? w.null()
            default: break
            }
        }
    }
}

/// A small streaming JSON writer: two-space indentation, keys in call order.
public final class JSONWriter {
    public private(set) var output = ""
    private var depth = 0
    private var first = [true]
    private var afterKey = false

    public init() {}

    private func separator() {
        if afterKey { afterKey = false; return }
        if depth > 0 {
            output += first[depth] ? "\n" : ",\n"
            first[depth] = false
            output += String(repeating: "  ", count: depth)
        }
    }

    public func object(_ body: () -> Void) {
        separator(); output += "{"; depth += 1; first.append(true)
        body()
        let empty = first.removeLast(); depth -= 1
        if !empty { output += "\n" + String(repeating: "  ", count: depth) }
        output += "}"
    }

    public func array<S: Sequence>(_ s: S, _ each: (S.Element) -> Void) {
        separator(); output += "["; depth += 1; first.append(true)
        for e in s { each(e) }
        let empty = first.removeLast(); depth -= 1
        if !empty { output += "\n" + String(repeating: "  ", count: depth) }
        output += "]"
    }

    public func key(_ k: String) {
        separator(); output += JSONWriter.quote(k) + ": "; afterKey = true
    }
    public func string(_ s: String) { separator(); output += JSONWriter.quote(s) }
    public func number(_ n: Int) { separator(); output += String(n) }
    public func bool(_ b: Bool) { separator(); output += b ? "true" : "false" }
    public func null() { separator(); output += "null" }

    public static func quote(_ s: String) -> String {
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
