// Reading a record straight from libyaml's events into the model, and writing
// it back through libyaml's emitter in a stable, hand-editable shape.
import Foundation

public enum RecordReader {
    static let topKeys = ["debrief", "format", "title", "date", "status", "progress", "client", "project", "locale", "letter", "participants", "sections"]
    static let participantKeys = ["name", "side", "role"]
    static let commonItemKeys = ["text", "side", "internal", "tags"]
    static let allItemKeys = commonItemKeys + ["counterfactual", "owner", "due", "done", "ticket", "chosen", "at"]

    /// Loads a record file. `display` is the name used in messages.
    public static func load(path: String, display: String? = nil, formats: FormatCatalog) throws -> Record {
        let name = display ?? path
        let bytes = try readTextFile(path, display: name)
        return try parse(bytes: bytes, file: name, formats: formats)
    }

    private struct RawSection {
        var id: String
        var position: SourcePosition
        var narrative: String?
        var valuePosition: SourcePosition?
        var items: [Item]?
        /// Kind-specific keys seen in items, for checking against the format.
        var fieldKeys: [(key: String, item: Int, position: SourcePosition)] = []
    }

    public static func parse(bytes: [UInt8], file: String, formats: FormatCatalog) throws -> Record {
        let y = StrictYAML(bytes: bytes, file: file)
        var version: (Int, SourcePosition)?
        var formatID: (String, SourcePosition)?
        var title: String?
        var date: Day?
        var status = Status.draft
        var client: String?, project: String?, locale: String?, progress: String?
        var participants: [Participant] = []
        var letter: LetterSettings?
        var raw: [RawSection] = []
        var sectionsPosition: SourcePosition?
        var fieldPositions: [String: SourcePosition] = [:]
        var rootPos = SourcePosition.start

        try y.document(what: "a debrief record") {
            rootPos = try y.peek().position
            try y.mapping("") { key, kpos in
                switch key {
                case "debrief": version = try y.int("debrief")
                case "format": formatID = try y.text("format"); fieldPositions["format"] = formatID?.1
                case "title": let (v, p) = try y.text("title"); title = v; fieldPositions["title"] = p
                case "date": date = try y.day("date").0
                case "status": status = try y.oneOf("status", Status.self).0
                case "progress": progress = try y.optionalText("progress").0
                case "client": let (v, p) = try y.optionalText("client"); client = v; fieldPositions["client"] = p
                case "project": let (v, p) = try y.optionalText("project"); project = v; fieldPositions["project"] = p
                case "locale":
                    let (v, vpos) = try y.optionalText("locale")
                    if let v {
                        guard isLocaleTag(v) else {
                            throw y.fail(vpos, "locale: expected a language tag such as 'en' or 'pt-BR', found \(quoted(v))")
                        }
                        locale = v
                    }
                case "letter":
                    if try y.skipNull() { return }
                    var l = LetterSettings()
                    try y.mapping("letter") { k, kp in
                        switch k {
                        case "to": let (v, p) = try y.optionalText("letter.to"); l.to = v; fieldPositions["letter.to"] = p
                        case "salutation":
                            let (v, p) = try y.optionalText("letter.salutation"); l.salutation = v; fieldPositions["letter.salutation"] = p
                        default: throw y.unknownKey("letter", k, at: kp, expected: ["to", "salutation"])
                        }
                    }
                    letter = l
                case "participants":
                    if case .scalar(let v, .plain, _, _) = try y.peek().kind, isNull(v) { _ = try y.next(); return }
                    try y.sequence("participants", max: InputLimits.maxParticipants) { i, ppos in
                        let path = "participants[\(i)]"
                        var pname: String?, side: Side?, role: String?
                        try y.mapping(path) { k, kp in
                            switch k {
                            case "name": pname = try y.text("\(path).name").0
                            case "side": side = try y.oneOf("\(path).side", Side.self).0
                            case "role": role = try y.optionalText("\(path).role").0
                            default: throw y.unknownKey(path, k, at: kp, expected: participantKeys)
                            }
                        }
                        guard let pname else { throw y.fail(ppos, "\(path): expected the key 'name', found none") }
                        guard let side else { throw y.fail(ppos, "\(path): expected the key 'side' ('us' or 'client'), found none") }
                        participants.append(Participant(name: pname, side: side, role: role, position: ppos))
                    }
                case "sections":
                    sectionsPosition = kpos
                    if case .scalar(let v, .plain, _, _) = try y.peek().kind, isNull(v) { _ = try y.next(); return }
                    // When the format is already known (it usually comes first), errors name the keys of the section's kind.
                    let known = formatID.flatMap { formats.format($0.0) }
                    try y.mapping("sections") { sid, spos in
                        raw.append(try readSection(y, id: sid, at: spos, kind: known?.spec(sid)?.kind))
                    }
                default:
                    throw y.unknownKey("", key, at: kpos, expected: topKeys)
                }
            }
        }

        guard let version else {
            throw y.fail(rootPos, "expected the key 'debrief' with the schema version (1), found none")
        }
        guard version.0 == Record.schemaVersion else {
            throw y.fail(version.1, "debrief: expected schema version \(Record.schemaVersion), found \(version.0) (this debrief reads version \(Record.schemaVersion) only)")
        }
        guard let title else { throw y.fail(rootPos, "expected the key 'title', found none") }
        let fid = formatID ?? (FormatCatalog.defaultFormat, rootPos)
        guard let format = formats.format(fid.0) else {
            let known = formats.formats.map(\.id).joined(separator: ", ")
            throw y.fail(fid.1, "format: expected one of \(known), found \(quoted(fid.0))")
        }

        // Check sections against the format, then order them as the format does.
        var byID: [String: RecordSection] = [:]
        for s in raw {
            guard let spec = format.spec(s.id) else {
                let ids = format.sections.map(\.id).joined(separator: ", ")
                throw y.fail(s.position, "sections: expected a section of the format '\(format.id)' (\(ids)), found \(quoted(s.id))")
            }
            if spec.kind == .narrative {
                guard let text = s.narrative else {
                    throw y.fail(s.position, "sections.\(s.id): expected text (a narrative section), found a list")
                }
                var section = RecordSection(id: s.id, content: .narrative(text), position: s.position)
                section.valuePosition = s.valuePosition
                byID[s.id] = section
            } else {
                guard let items = s.items else {
                    throw y.fail(s.position, "sections.\(s.id): expected a list of items (a \(spec.kind.rawValue) section), found text")
                }
                let allowed = Set(spec.kind.extraFields)
                for f in s.fieldKeys where !allowed.contains(f.key) {
                    let keys = (commonItemKeys + spec.kind.extraFields).joined(separator: ", ")
                    throw y.fail(f.position, "sections.\(s.id)[\(f.item)]: expected one of the keys \(keys) in a \(spec.kind.rawValue) section, found \(quoted(f.key))")
                }
                byID[s.id] = RecordSection(id: s.id, content: .items(items), position: s.position)
            }
        }
        let sections = format.sections.compactMap { byID[$0.id] }
        var record = Record(format: format.id, title: title, date: date, status: status, client: client, project: project,
                            locale: locale, participants: participants, sections: sections)
        record.progress = progress
        record.sectionsPosition = sectionsPosition
        record.fieldPositions = fieldPositions
        record.letter = letter
        return record
    }

    private static func readSection(_ y: StrictYAML, id: String, at pos: SourcePosition, kind: SectionKind?) throws -> RawSection {
        var s = RawSection(id: id, position: pos)
        let path = "sections.\(id)"
        let e = try y.peek()
        switch e.kind {
        case .scalar:
            let (t, tpos) = try y.optionalText(path)
            s.narrative = t ?? ""
            s.valuePosition = tpos
        case .sequenceStart:
            var items: [Item] = []
            try y.sequence(path) { i, ipos in
                let ipath = "\(path)[\(i)]"
                var item = Item(text: "")
                var hasText = false
                // A bare string is an item with only text.
                if case .scalar = try y.peek().kind {
                    let (t, tpos) = try y.text(ipath)
                    item.text = t; item.position = tpos
                    items.append(item)
                    return
                }
                try y.mapping(ipath) { k, kp in
                    switch k {
                    case "text":
                        let (t, tpos) = try y.text("\(ipath).text")
                        item.text = t; item.position = tpos; hasText = true
                    case "side": item.side = try y.oneOf("\(ipath).side", Side.self).0
                    case "internal": item.isInternal = try y.bool("\(ipath).internal").0
                    case "tags":
                        if case .scalar(let v, .plain, _, _) = try y.peek().kind, isNull(v) { _ = try y.next(); break }
                        // Hand-edited tags are normalised: "#internal", "internal " and " staffing" are tags too.
                        for t in try y.textList("\(ipath).tags") {
                            if let n = Tags.normalised(t), !item.tags.contains(n) { item.tags.append(n) }
                        }
                    case "counterfactual":
                        let (v, p) = try y.optionalText("\(ipath).counterfactual")
                        item.counterfactual = v; item.fieldPositions["counterfactual"] = p
                    case "owner":
                        let (v, p) = try y.optionalText("\(ipath).owner")
                        item.owner = v; item.fieldPositions["owner"] = p
                    case "due": item.due = try y.day("\(ipath).due").0
                    case "done": item.done = try y.bool("\(ipath).done").0
                    case "ticket":
                        let (v, p) = try y.optionalText("\(ipath).ticket")
                        item.ticket = v; item.fieldPositions["ticket"] = p
                    case "chosen": item.chosen = try y.bool("\(ipath).chosen").0
                    case "at":
                        let (v, vp) = try y.optionalText("\(ipath).at")
                        if let v {
                            guard let m = Moment(v) else {
                                throw y.fail(vp, "\(ipath).at: expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, found \(quoted(v))")
                            }
                            item.at = m
                        }
                    default:
                        throw y.unknownKey(ipath, k, at: kp, expected: kind.map { commonItemKeys + $0.extraFields } ?? allItemKeys)
                    }
                    if !commonItemKeys.contains(k) { s.fieldKeys.append((k, i, kp)) }
                }
                guard hasText else { throw y.fail(ipos, "\(ipath): expected the key 'text', found none") }
                items.append(item)
            }
            s.items = items
        default:
            throw y.fail(e.position, "\(path): expected text or a list of items, found \(describe(e))")
        }
        return s
    }

    public static func isLocaleTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

public enum RecordWriter {
    /// One value as the writer puts it: a string (quoted when ambiguous), a value
    /// written as it is (numbers, booleans, dates), or a short list in flow style.
    enum Value: Equatable {
        case text(String)
        case plain(String)
        case flowList([String])
    }

    /// The record as YAML text, keys in a stable order, multi-line text as literal blocks.
    public static func yaml(_ r: Record, formats: FormatCatalog? = nil) throws -> [UInt8] {
        let w = YAMLWriter()
        w.beginMapping()
        for (key, value) in headerFields(r) { w.text(key); write(value, to: w) }
        if !r.participants.isEmpty {
            w.text("participants")
            w.beginSequence()
            for p in r.participants { write(p, to: w) }
            w.endSequence()
        }
        w.text("sections")
        w.beginMapping()
        for s in r.sections { write(s, to: w) }
        w.endMapping()
        w.endMapping()
        return try w.finish()
    }

    /// The header's scalar fields in the order they are written; absent ones left out.
    static func headerFields(_ r: Record) -> [(String, Value)] {
        var f: [(String, Value)] = [("debrief", .plain(String(Record.schemaVersion))), ("format", .text(r.format)), ("title", .text(r.title))]
        if let d = r.date { f.append(("date", .plain(d.description))) }
        f.append(("status", .text(r.status.rawValue)))
        if let p = r.progress { f.append(("progress", .text(p))) }
        if let c = r.client { f.append(("client", .text(c))) }
        if let p = r.project { f.append(("project", .text(p))) }
        if let l = r.locale { f.append(("locale", .text(l))) }
        return f
    }

    /// Every key of the header in the order they are written.
    static let headerOrder = ["debrief", "format", "title", "date", "status", "progress", "client", "project", "locale", "participants", "sections"]

    static func participantFields(_ p: Participant) -> [(String, Value)] {
        var f: [(String, Value)] = [("name", .text(p.name)), ("side", .text(p.side.rawValue))]
        if let role = p.role { f.append(("role", .text(role))) }
        return f
    }

    static let participantOrder = ["name", "side", "role"]

    static func itemFields(_ it: Item) -> [(String, Value)] {
        var f: [(String, Value)] = [("text", .text(it.text))]
        if let side = it.side { f.append(("side", .text(side.rawValue))) }
        if it.isInternal { f.append(("internal", .plain("true"))) }
        if let c = it.counterfactual { f.append(("counterfactual", .text(c))) }
        if let at = it.at { f.append(("at", .plain(at.description))) }
        if let o = it.owner { f.append(("owner", .text(o))) }
        if let d = it.due { f.append(("due", .plain(d.description))) }
        if let d = it.done { f.append(("done", .plain(d ? "true" : "false"))) }
        if let t = it.ticket { f.append(("ticket", .text(t))) }
        if let c = it.chosen { f.append(("chosen", .plain(c ? "true" : "false"))) }
        if !it.tags.isEmpty { f.append(("tags", .flowList(it.tags))) }
        return f
    }

    static let itemOrder = ["text", "side", "internal", "counterfactual", "at", "owner", "due", "done", "ticket", "chosen", "tags"]

    static func write(_ v: Value, to w: YAMLWriter) {
        switch v {
        case .text(let s): w.text(s)
        case .plain(let s): w.plain(s)
        case .flowList(let l):
            w.beginSequence(flow: true)
            for t in l { w.text(t) }
            w.endSequence()
        }
    }

    static func write(_ p: Participant, to w: YAMLWriter) {
        w.beginMapping()
        for (key, value) in participantFields(p) { w.text(key); write(value, to: w) }
        w.endMapping()
    }

    static func write(_ it: Item, to w: YAMLWriter) {
        w.beginMapping()
        for (key, value) in itemFields(it) { w.text(key); write(value, to: w) }
        w.endMapping()
    }

    /// A section's key and its value.
    static func write(_ s: RecordSection, to w: YAMLWriter) {
        w.text(s.id)
        switch s.content {
        case .narrative(let t):
            w.text(t)
        case .items(let items):
            w.beginSequence()
            for it in items { write(it, to: w) }
            w.endSequence()
        }
    }
}
