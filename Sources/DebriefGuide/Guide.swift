// The guided session: one step at a time in the format's order, saving after
// every answer (through RecordStore, so items added meanwhile with
// `debrief add` are kept).
import DebriefCore
import Foundation

/// A note the guide shows about an item just typed (the coaching checks plug in here).
public struct CoachNote: Sendable {
    public var check: String
    public var message: String
    public var suggestion: String
    /// Whether the item can be moved to the emotions section instead.
    public var canMoveToEmotions: Bool
    public init(check: String, message: String, suggestion: String, canMoveToEmotions: Bool = false) {
        self.check = check; self.message = message; self.suggestion = suggestion; self.canMoveToEmotions = canMoveToEmotions
    }
}

/// A finding of the checks, shown in the review; an error asks for confirmation before the debrief is marked final.
public struct ReviewFinding: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// A command to run next, shown at the end of the review with what it is for.
public struct NextCommand: Sendable, Equatable {
    public var command: String
    public var purpose: String
    public init(_ command: String, purpose: String) { self.command = command; self.purpose = purpose }
}

public final class Guide {
    public enum Outcome: Equatable { case finished, stopped, endOfInput }
    enum StepResult { case next, back, stop, end }

    let term: Terminal
    let formats: FormatCatalog
    public let format: Format
    public let path: String
    let display: String
    public private(set) var record: Record
    let style: Style
    let today: Day
    var helpShown = false
    /// Coaching for an item just typed; set by the caller (the checks library).
    public var coach: ((Item, SectionSpec, Record) -> [CoachNote])?
    /// The commands to show at the end of the review, with what each is for.
    public var nextCommands: [NextCommand] = []
    /// Findings of the checks to list in the review; errors are confirmed before the debrief is marked final.
    public var reviewFindings: ((Record) -> [ReviewFinding])?

    /// The guide's own words, in the record's language (else the archive's); English where it has none.
    public let words: GuideWords

    /// What this session added, newest last: `:undo` takes back only these, never what someone
    /// else added meanwhile (with `debrief add`) or what was there before.
    enum Addition: Equatable {
        case item(section: String, side: Side?, number: Int, text: String)
        case line(section: String, text: String)
        case participant(name: String, side: Side)
    }
    var added: [Addition] = []
    /// Unknown owners already pointed out (each is said once).
    var warnedOwners = Set<String>()
    /// The section being asked, if any (for the help and `:choose`).
    var currentSpec: SectionSpec?

    /// `defaultLocale`: the archive's, for a record that names none; the format's words follow the record's language.
    /// `templates`: where the guide's words are (templates/guide); the built-in folder when not given.
    public init(terminal: Terminal, formats: FormatCatalog, path: String, display: String, today: Day = .systemToday(),
                defaultLocale: String? = nil, templates: String? = nil) throws {
        self.term = terminal
        self.formats = formats
        self.path = path
        self.display = display
        self.today = today
        self.record = try RecordReader.load(path: path, display: display, formats: formats)
        guard let f = formats.format(record.format, locale: record.locale ?? defaultLocale) else {
            throw LoadError(file: display, position: .start, message: "format: expected a known format, found '\(record.format)'")
        }
        self.format = f
        self.words = try GuideWords.load(templates: templates ?? Templates.locate(), locale: record.locale ?? defaultLocale)
        self.style = Style(color: terminal.usesColor, width: terminal.width)
    }

    // MARK: steps

    /// Every step, in order: header fields, participants, then the format's sections (per side where asked), then the review.
    public var steps: [GuideStep] { GuideStep.all(for: format) }

    /// The step a text names (`client`, `sections.mistakes.client`, or the older `mistakes.client`); nil when unknown.
    public func step(named text: String) -> GuideStep? { GuideStep(parsing: text, format: format) }

    /// Runs from `start` (default: where the draft stopped) to the end or until stopped.
    public func run(from start: GuideStep? = nil) throws -> Outcome {
        let all = steps
        // A draft without progress starts at the client (the title is given when it is created);
        // a progress this format does not have starts at the beginning.
        let first: GuideStep?
        if let start { first = start } else if let saved = record.progress { first = step(named: saved) } else { first = .header(.client) }
        var i = first.flatMap { all.firstIndex(of: $0) } ?? 0
        try save { $0.progress = all[i].encoded }
        while i < all.count {
            let result = try ask(all[i], number: i, of: all.count)
            switch result {
            case .next:
                i += 1
                if i < all.count { try save { $0.progress = all[i].encoded } }
            case .back:
                i = max(0, i - 1)
                try save { $0.progress = all[i].encoded }
            case .stop:
                return .stopped
            case .end:
                return .endOfInput
            }
        }
        return .finished
    }

    func ask(_ step: GuideStep, number: Int, of total: Int) throws -> StepResult {
        currentSpec = nil
        switch step {
        case .header(.title): return try askField("title", current: record.title, required: true) { v, r in r.title = v }
        case .header(.client): return try askField("client", current: record.client) { v, r in r.client = v.isEmpty ? nil : v }
        case .header(.project): return try askField("project", current: record.project) { v, r in r.project = v.isEmpty ? nil : v }
        case .header(.date): return try askDate()
        case .participants(let side): return try askParticipants(side)
        case .review: return try review()
        case .section(let id, let side):
            guard let spec = format.spec(id) else { return .next }
            currentSpec = spec
            header(spec, side: side, number: number, total: total)
            return spec.kind == .narrative ? try askNarrative(spec) : try askItems(spec, side: side)
        }
    }

    // MARK: saving

    /// Applies a change to the file (locked, re-read, written atomically) and keeps the result.
    func save(_ change: (inout Record) throws -> Void) throws {
        record = try Interrupts.deferred {
            try RecordStore.update(path, display: display, formats: formats, change)
        }
    }

    // MARK: reading lines and commands

    enum Command: Equatable { case help, back, skip, list, undo, stop, choose(Int?), unknown(String) }

    /// The command a line is, if any: `?`, or a line starting with `:` and a letter (`\:` keeps a colon).
    func command(_ line: String) -> Command? {
        let t = line.trimmed
        if t == "?" { return .help }
        guard t.hasPrefix(":"), let second = t.dropFirst().first, second.isLetter else { return nil }
        let words = t.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let word = words[0].lowercased()
        if word == ":choose" || word == ":c" {
            return .choose(words.count == 2 ? Int(words[1]) : nil)
        }
        guard words.count == 1 else {
            let known = [":help", ":h", ":back", ":b", ":skip", ":s", ":list", ":l", ":ls", ":undo", ":u", ":stop", ":quit", ":q"]
            return .unknown(known.contains(word) ? t : words[0])
        }
        switch word {
        case ":help", ":h": return .help
        case ":back", ":b": return .back
        case ":skip", ":s": return .skip
        case ":list", ":l", ":ls": return .list
        case ":undo", ":u": return .undo
        case ":stop", ":quit", ":q": return .stop
        default: return .unknown(words[0])
        }
    }

    /// `\:` or `\?` at the start of an answer keeps the character as typed.
    static func unescape(_ line: String) -> String {
        let lead = line.prefix { $0 == " " || $0 == "\t" }
        let rest = line.dropFirst(lead.count)
        if rest.hasPrefix("\\:") || rest.hasPrefix("\\?") { return String(lead) + String(rest.dropFirst()) }
        return line
    }

    func showHelp(_ extra: String? = nil) {
        let indent = { (t: String) in t.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") }
        var text = indent(words("help"))
        if currentSpec?.kind == .remedies { text += "\n  " + words("help-choose") }
        text += "\n" + indent(words("help-entry"))
        if let extra { text += "\n" + style.wrap(extra.trimmed, indent: "  ") }
        term.write(style.dim(text) + "\n")
    }

    func read(_ prompt: String, prefill: String? = nil) -> InputLine {
        if !helpShown {
            helpShown = true
            term.write(style.dim("  " + words("help-first")) + "\n")
        }
        return ask(prompt, prefill: prefill)
    }

    /// Reads a line; control characters (a stray escape, a NUL from a pipe) are dropped, never saved.
    func ask(_ prompt: String, prefill: String? = nil) -> InputLine {
        switch term.readLine(prompt: prompt, prefill: prefill) {
        case .end: return .end
        case .line(let l): return .line(Self.clean(l))
        }
    }

    static func clean(_ l: String) -> String { cleanTypedText(l, tabs: false) }

    enum Reply { case text(String), command(Command), end }

    /// Reads an answer at any prompt. `?` shows the help, an unknown command is named and `:choose N`
    /// acts (at the options step), each asking again; the other commands are returned, never saved.
    func answer(_ prompt: String, prefill: String? = nil, help: String? = nil) throws -> Reply {
        while true {
            guard case .line(let raw) = read(prompt, prefill: prefill) else { return .end }
            guard let c = command(raw) else { return .text(Self.unescape(raw)) }
            if try !handled(c, help: help) { return .command(c) }
        }
    }

    /// Acts on the commands that are alike at every prompt (help, an unknown command, :choose);
    /// false for those the prompt answers itself.
    func handled(_ c: Command, help: String? = nil) throws -> Bool {
        switch c {
        case .help: showHelp(help)
        case .unknown(let word): term.write(style.warn("  " + words("unknown-command", ["command": word])) + "\n")
        case .choose(let n): try choose(n)
        default: return false
        }
        return true
    }

    /// `:choose N` at the options step: option N is the client's choice.
    func choose(_ n: Int?) throws {
        guard let spec = currentSpec, spec.kind == .remedies else {
            let options = format.sections.first { $0.kind == .remedies }
            warn(options.map { words("choose-elsewhere", ["step": $0.title]) } ?? words("choose-no-options"))
            return
        }
        guard let n else {
            term.write(style.warn("  " + words("choose-number")) + "\n")
            return
        }
        var text = ""
        do {
            try save { text = try $0.choose(remedy: n, format: format) }
        } catch let e as UsageError {
            warn(e.message)
            return
        }
        term.write(style.good("  " + words("chose", ["n": String(n), "text": text])) + "\n")
    }

    /// What a question about one item (its date, owner, counterfactual, the coaching choice) came to.
    enum SubAnswer { case text(String), leave, undo, stop, end }


    /// Asks a question about the item just typed: `:back` and `:skip` leave it unanswered, `:undo`
    /// takes back the item, `:stop` stops after it, `:list` shows the step's items and asks again.
    func subQuestion(_ prompt: String, prefill: String? = nil, spec: SectionSpec, side: Side?) throws -> SubAnswer {
        while true {
            switch try answer(prompt, prefill: prefill, help: "  " + words("question-help")) {
            case .end: return .end
            case .text(let t): return .text(t)
            case .command(let c):
                switch c {
                case .back, .skip: return .leave
                case .undo: return .undo
                case .stop: return .stop
                case .list: listItems(spec, side: side)
                default: break
                }
            }
        }
    }

    func say(_ text: String) { term.write(style.dim(style.wrap(text, indent: "  ")) + "\n") }

    func warn(_ text: String) { term.write(style.warn(style.wrap(text, indent: "  ")) + "\n") }

    // MARK: header fields

    /// A header field by its key in the guide's words (`title`, `client`, `project`; the hint is `KEY-hint`).
    func askField(_ key: String, current: String?, required: Bool = false,
                  set: @escaping (String, inout Record) -> Void) throws -> StepResult {
        let label = words(key)
        term.write("\n" + style.bold(label) + "  " + style.dim(words(key + "-hint")) + "\n")
        while true {
            let def = current.map { " [\($0)]" } ?? ""
            switch try answer("\(label)\(def): ") {
            case .end: return .end
            case .command(let c):
                switch c {
                case .back: return .back
                case .skip: return .next
                case .stop: return .stop
                case .list: term.write("  \(current ?? words("empty"))\n")
                case .undo:
                    if required { term.write(style.dim("  " + words(key + "-needed")) + "\n"); continue }
                    try save { set("", &$0) }; return .next
                default: break
                }
            case .text(let raw):
                let line = raw.trimmed
                if line.isEmpty {
                    if required && (current ?? "").isEmpty { term.write(style.warn("  " + words(key + "-please")) + "\n"); continue }
                    return .next
                }
                try save { set(line, &$0) }
                return .next
            }
        }
    }

    func askDate() throws -> StepResult {
        term.write("\n" + style.bold(words("date")) + "  " + style.dim(words("date-hint")) + "\n")
        while true {
            let current = record.date ?? today
            switch try answer("\(words("date")) [\(current)]: ") {
            case .end: return .end
            case .command(let c):
                switch c {
                case .back: return .back
                case .stop: return .stop
                case .list: term.write("  \(current)\n")
                case .undo: say(words("nothing-to-undo"))
                default: return .next
                }
            case .text(let raw):
                let line = raw.trimmed
                if line.isEmpty {
                    if record.date == nil { try save { $0.date = current } }
                    return .next
                }
                guard let d = QuickEntryParser.parseDue(line, today: today) ?? Day(line) else {
                    term.write(style.warn("  " + words("not-a-date", ["text": line])) + "\n")
                    continue
                }
                try save { $0.date = d }
                return .next
            }
        }
    }

    func askParticipants(_ side: Side) throws -> StepResult {
        let who = words(side == .us ? "participants-us" : "participants-client")
        let how = words(side == .us ? "participants-how-us" : "participants-how-client")
        term.write("\n" + style.bold(who) + "\n" + style.dim(style.wrap(how, indent: "  ")) + "\n")
        listParticipants(side)
        while true {
            switch try answer("  " + words(side == .us ? "prompt-us" : "prompt-client")) {
            case .end: return .end
            case .command(let c):
                switch c {
                case .back: return .back
                case .skip: return .next
                case .stop: return .stop
                case .list: listParticipants(side)
                case .undo: try undoParticipant(side)
                default: break
                }
            case .text(let raw):
                let line = raw.trimmed
                if line.isEmpty { return .next }
                let parts = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmed }
                guard let name = parts.first, !name.isEmpty else {
                    term.write(style.warn("  " + words("name-first")) + "\n")
                    continue
                }
                let p = Participant(name: name, side: side, role: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
                try save { $0.participants.append(p) }
                added.append(.participant(name: name, side: side))
            }
        }
    }

    func undoParticipant(_ side: Side) throws {
        guard let k = added.lastIndex(where: { if case .participant(_, let s) = $0 { return s == side } else { return false } }),
              case .participant(let name, _) = added[k] else {
            say(words("nothing-to-undo"))
            return
        }
        added.remove(at: k)
        var removed = false
        try save { r in
            if let i = r.participants.lastIndex(where: { $0.name == name && $0.side == side }) { r.participants.remove(at: i); removed = true }
        }
        say(words(removed ? "removed-name" : "name-gone", ["name": name]))
    }

    func listParticipants(_ side: Side) {
        let ps = record.participants.filter { $0.side == side }
        if ps.isEmpty { return }
        term.write(style.dim("  " + words("so-far-people", ["list": ps.map { $0.name + ($0.role.map { " (\($0))" } ?? "") }.joined(separator: ", ")])) + "\n")
    }

    // MARK: sections

    func sideName(_ side: Side?) -> String {
        switch side {
        case .us: return words("side-us")
        case .client: return words("side-client")
        case nil: return ""
        }
    }

    func header(_ spec: SectionSpec, side: Side?, number: Int, total: Int) {
        var title = spec.title
        if let side { title += " — " + sideName(side) }
        term.write("\n" + style.accent("\(title)") + style.dim("  " + words("step", ["n": String(number + 1), "total": String(total)])) + "\n")
        var prompt = spec.prompt
        if let side, spec.perSide {
            prompt += " " + words(side == .us ? "start-us" : "start-client")
        }
        if !prompt.isEmpty { term.write(style.wrap(prompt, indent: "  ") + "\n") }
        var hint = spec.hint.trimmed
        if spec.kind == .remedies {
            hint += (hint.isEmpty ? "" : " ") + words("options-how")
        }
        if !hint.isEmpty { term.write(style.dim(style.wrap(hint, indent: "  ")) + "\n") }
        // The client's side has an example of its own where the format gives one.
        let example = side == .client ? (spec.clientExample ?? spec.example) : spec.example
        if !example.isEmpty { term.write(style.italic(style.wrap(words("example", ["text": example.trimmed]), indent: "  ")) + "\n") }
    }

    func askNarrative(_ spec: SectionSpec) throws -> StepResult {
        if case .narrative(let t)? = record.section(spec.id)?.content, !t.trimmed.isEmpty {
            term.write(style.dim("  " + words("so-far") + "\n" + style.wrap(t.trimmed, indent: "    ")) + "\n")
        }
        term.write(style.dim("  " + words("narrative-how")) + "\n")
        while true {
            switch try answer("  › ") {
            case .end: return .end
            case .command(let c):
                switch c {
                case .back: return .back
                case .skip: return .next
                case .stop: return .stop
                case .list:
                    let t = record.section(spec.id).map { if case .narrative(let t) = $0.content { return t } else { return "" } } ?? ""
                    term.write((t.isEmpty ? "  " + words("empty") : style.wrap(t.trimmed, indent: "    ")) + "\n")
                case .undo: try undoLine(spec)
                default: break
                }
            case .text(let raw):
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty { return .next }
                try save { r in
                    var text = ""
                    if case .narrative(let t)? = r.section(spec.id)?.content { text = t }
                    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
                    text += line + "\n"
                    r.setNarrative(text, for: spec.id, format: format)
                }
                added.append(.line(section: spec.id, text: line))
            }
        }
    }

    /// Takes back the last line this session wrote in a narrative section.
    func undoLine(_ spec: SectionSpec) throws {
        guard let k = added.lastIndex(where: { if case .line(let s, _) = $0 { return s == spec.id } else { return false } }),
              case .line(_, let line) = added[k] else {
            say(words("nothing-to-undo"))
            return
        }
        added.remove(at: k)
        var removed = false
        try save { r in
            guard case .narrative(let t)? = r.section(spec.id)?.content else { return }
            var lines = t.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            guard let i = lines.lastIndex(of: line) else { return }
            lines.remove(at: i)
            removed = true
            if lines.allSatisfy({ $0.trimmed.isEmpty }) { r.sections.removeAll { $0.id == spec.id } }
            else { r.setNarrative(lines.joined(separator: "\n") + "\n", for: spec.id, format: format) }
        }
        say(removed ? words("removed-line", ["text": line]) : words("line-gone"))
    }

    func items(_ spec: SectionSpec, side: Side?) -> [(number: Int, item: Item)] {
        record.items(in: spec.id).enumerated().map { ($0.offset + 1, $0.element) }.filter { side == nil || $0.1.side == side }
    }

    func listItems(_ spec: SectionSpec, side: Side?) {
        let list = items(spec, side: side)
        if list.isEmpty { term.write(style.dim("  " + words("nothing-yet")) + "\n"); return }
        // Options are numbered as in the section (what :choose N and debrief choose take); other items per step.
        let byNumber = spec.kind == .remedies
        for (k, entry) in list.enumerated() {
            var line = "\(byNumber ? entry.number : k + 1). \(entry.item.text)"
            if entry.item.isInternal { line += " #internal" }
            for t in entry.item.tags { line += " #\(t)" }
            if let o = entry.item.owner { line += " @\(o.replacingOccurrences(of: " ", with: "_"))" }
            if let d = entry.item.due { line += " due:\(d)" }
            if entry.item.chosen == true { line += " " + words("clients-choice") }
            term.write(style.wrap(line, indent: "  ") + "\n")
            if let c = entry.item.counterfactual { term.write(style.dim(style.wrap(words("counterfactual-shown", ["text": c]), indent: "     ")) + "\n") }
        }
    }

    func askItems(_ spec: SectionSpec, side: Side?) throws -> StepResult {
        let existing = items(spec, side: side)
        if !existing.isEmpty {
            term.write(style.dim("  " + words.count("already-here", existing.count)) + "\n")
        }
        if spec.kind == .actions, let r = try proposeFollowUp(spec) { return r }
        let prompt = "  \(label(spec.kind)) › "
        while true {
            switch try answer(prompt) {
            case .end: return .end
            case .command(let c):
                switch c {
                case .back: return .back
                case .skip: return .next
                case .stop: return .stop
                case .list: listItems(spec, side: side)
                case .undo: try undoItem(spec, side: side)
                default: break
                }
            case .text(let raw):
                let line = raw.trimmed
                if line.isEmpty { return .next }
                if let r = try addItem(line, spec: spec, side: side), r != .next { return r }
            }
        }
    }

    /// Takes back the last item this session added at this step, saying which; never one someone else added.
    func undoItem(_ spec: SectionSpec, side: Side?) throws {
        let k = added.lastIndex {
            if case .item(let s, let itemSide, _, _) = $0 { return s == spec.id && (side == nil || itemSide == side) }
            return false
        }
        guard let k else {
            let others = items(spec, side: side).count
            say(words("nothing-to-undo") + (others > 0 ? " " + words.count("not-yours", others) : ""))
            return
        }
        try takeBack(k)
    }

    /// Removes the item of entry `k` of what this session added, and says what it removed.
    func takeBack(_ k: Int) throws {
        guard case .item(let section, _, let number, let text) = added[k] else { return }
        added.remove(at: k)
        var removed = false
        try save { removed = $0.removeItem(in: section, number: number, text: text) }
        if removed {
            renumber(after: number, in: section)
            say(words("removed-item", ["text": text]))
        } else {
            say(words("item-gone", ["text": text]))
        }
    }

    /// After item `number` of a section went, the items this session added after it moved up one.
    func renumber(after number: Int, in section: String) {
        for i in added.indices {
            if case .item(let s, let side, let n, let text) = added[i], s == section, n > number {
                added[i] = .item(section: s, side: side, number: n - 1, text: text)
            }
        }
    }

    func label(_ kind: SectionKind) -> String {
        switch kind {
        case .facts, .emotions, .mistakes, .positives, .differently, .lessons, .remedies, .actions, .timeline:
            return words("label-\(kind.rawValue)")
        default: return words("label-item")
        }
    }

    // MARK: adding an item

    /// A typed item once its questions are answered: the item (and whether to stop after saving it),
    /// or taken back (`:undo` at one of them), or the end of input.
    enum Resolved { case item(Item, stop: Bool), undone, end }

    /// Asks what quick entry could not settle: a due date it could not read, an owner that names
    /// several people, a timeline date that is impossible; and says once that an owner is unknown.
    func resolve(_ entry: QuickEntry, spec: SectionSpec, side: Side?) throws -> Resolved {
        var item = entry.item
        var stop = false

        var badDue = entry.badDue
        while let bad = badDue, !stop {
            term.write(style.warn("  " + words("bad-due", ["text": bad])) + "\n")
            switch try subQuestion("  " + words("due-question"), spec: spec, side: side) {
            case .end: return .end
            case .undo: return .undone
            case .stop: stop = true
            case .leave: badDue = nil
            case .text(let v):
                let v = v.trimmed
                if v.isEmpty { badDue = nil }
                else if let d = QuickEntryParser.parseDue(v, today: today) { item.due = d; badDue = nil }
                else { badDue = v }
            }
        }

        if !entry.ambiguousOwner.isEmpty {
            let names = entry.ambiguousOwner
            let typed = "@" + (item.owner ?? "").replacingOccurrences(of: " ", with: "_")
            item.owner = nil
            let prompt = "  " + words("owner-which", ["typed": typed, "list": words.orList(names),
                                                      "numbers": (1...names.count).map(String.init).joined(separator: "/")])
            asking: while !stop {
                switch try subQuestion(prompt, spec: spec, side: side) {
                case .end: return .end
                case .undo: return .undone
                case .stop: stop = true
                case .leave:
                    say(words("no-owner"))
                    break asking
                case .text(let v):
                    let v = v.trimmed
                    if let n = Int(v), names.indices.contains(n - 1) { item.owner = names[n - 1]; break asking }
                    let candidates = record.participants.filter { names.contains($0.name) }
                    let named = v.isEmpty ? [] : QuickEntryParser.participantsMatching(v.hasPrefix("@") ? String(v.dropFirst()) : v, candidates)
                    if named.count == 1 { item.owner = named[0].name; break asking }
                    term.write(style.warn("  " + words("owner-number", ["n": String(names.count)])) + "\n")
                }
            }
        } else if let unknown = entry.unknownOwner, warnedOwners.insert(unknown.lowercased()).inserted {
            term.write(style.warn("  " + words("owner-unknown", ["name": unknown])) + "\n")
        }

        if let bad = entry.badMoment {
            // The impossible date (and a time after it) comes out of the text; the date is asked for.
            var words = item.text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if !words.isEmpty { words.removeFirst() }
            var time: String?
            if let w = words.first, let t = Self.clockTime(w) { time = t; words.removeFirst() }
            var rest = words.joined(separator: " ")
            while let f = rest.first, f == ":" || f == "-" || f == "—" || f == "–" { rest = String(rest.dropFirst()).trimmed }
            item.text = rest
            item.at = nil
            var shown = bad
            asking: while !stop {
                term.write(style.warn("  " + self.words("bad-moment", ["text": shown])) + "\n")
                switch try subQuestion("  " + self.words("moment-question"), spec: spec, side: side) {
                case .end: return .end
                case .undo: return .undone
                case .stop: stop = true
                case .leave: break asking
                case .text(let v):
                    let v = v.trimmed
                    if v.isEmpty { break asking }
                    if var m = Moment(v) {
                        if m.minutes == nil, let time, let withTime = Moment("\(v) \(time)") { m = withTime }
                        item.at = m
                        break asking
                    }
                    shown = v
                }
            }
        }
        return .item(item, stop: stop)
    }

    /// "9:30" or "09:30" (a colon after it allowed) as HH:MM.
    static func clockTime(_ word: String) -> String? {
        let w = word.hasSuffix(":") ? String(word.dropLast()) : word
        let parts = w.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2, parts[0].count <= 2,
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        return (h < 10 ? "0" : "") + "\(h):" + parts[1]
    }

    /// Adds one typed item, asking what could not be read and what a facilitator would ask;
    /// returns nil to continue with the next line, or a step result to leave the step.
    func addItem(_ line: String, spec: SectionSpec, side: Side?, extraTags: [String] = [], defaultDue: Day? = nil) throws -> StepResult? {
        let entry = QuickEntryParser.parse(line, kind: spec.kind, participants: record.participants, today: today, side: side)
        var item: Item
        var stopping: Bool
        switch try resolve(entry, spec: spec, side: side) {
        case .end: return .end
        case .undone:
            say(words("not-added", ["text": entry.item.text]))
            return nil
        case .item(let i, let s): item = i; stopping = s
        }
        for t in extraTags where !item.tags.contains(t) { item.tags.append(t) }
        if item.due == nil && entry.badDue == nil { item.due = defaultDue }
        if item.text.trimmed.isEmpty {
            term.write(style.warn("  " + words("needs-text")) + "\n")
            return stopping ? .stop : nil
        }
        var number = 0
        let appended = item
        try save { number = $0.append(appended, to: spec.id, format: format) }
        added.append(.item(section: spec.id, side: side, number: number, text: item.text))
        let k = added.count - 1
        if stopping { return .stop }

        // Coaching: show what a facilitator would say, and let the person keep, rephrase or move it.
        // After a rephrase the checks run again on the new wording.
        var kept = Set<String>()
        var rounds = 0
        var target = spec
        coaching: while let coach, rounds < 6 {
            rounds += 1
            let notes = coach(item, spec, record).filter { !kept.contains($0.check) }
            guard let note = notes.first else { break }
            show(note)
            guard term.isInteractive else {
                // Piped input: nothing is asked, so that a script's next line stays the next answer.
                for other in notes.dropFirst() { show(other) }
                say(words("kept-piped"))
                break
            }
            switch try coachChoice(note, spec: spec, side: side) {
            case .end: return .end
            case .keep: kept.insert(note.check)
            case .leave: break coaching
            case .stop: return .stop
            case .undo:
                try takeBack(k)
                return nil
            case .move:
                guard let emotions = format.sections.first(where: { $0.kind == .emotions }),
                      case .item(let section, _, let n, let text) = added[k] else { kept.insert(note.check); continue }
                var moved = 0
                let movedItem = item
                try save { r in
                    r.removeItem(in: section, number: n, text: text)
                    moved = r.append(movedItem, to: emotions.id, format: format)
                }
                renumber(after: n, in: section)
                added[k] = .item(section: emotions.id, side: item.side, number: moved, text: item.text)
                target = emotions
                say(words("moved-to", ["section": emotions.title]))
                break coaching
            case .rephrase:
                switch try subQuestion("  " + words("rephrase"), prefill: item.text, spec: spec, side: side) {
                case .end: return .end
                case .leave: kept.insert(note.check)
                case .stop: return .stop
                case .undo:
                    try takeBack(k)
                    return nil
                case .text(let newText):
                    let t = newText.trimmed
                    if t.isEmpty || t == item.text { kept.insert(note.check); continue }
                    // The new wording goes through quick entry, as at the first prompt.
                    let again = QuickEntryParser.parse(t, kind: spec.kind, participants: record.participants, today: today, side: item.side)
                    var stop = false
                    switch try resolve(again, spec: spec, side: side) {
                    case .end: return .end
                    case .undone:
                        try takeBack(k)
                        return nil
                    case .item(let new, let s):
                        stop = s
                        if new.text.trimmed.isEmpty {
                            term.write(style.warn("  " + words("needs-text-kept")) + "\n")
                            kept.insert(note.check)
                        } else {
                            item.text = new.text
                            if new.isInternal { item.isInternal = true }
                            for tag in new.tags where !item.tags.contains(tag) { item.tags.append(tag) }
                            if let o = new.owner { item.owner = o }
                            if let d = new.due { item.due = d }
                            if let a = new.at { item.at = a }
                            guard case .item(let section, let itemSide, let n, let old) = added[k] else { break }
                            let changed = item
                            try save {
                                $0.updateItem(in: section, number: n, text: old) {
                                    $0.text = changed.text; $0.isInternal = changed.isInternal; $0.tags = changed.tags
                                    $0.owner = changed.owner; $0.due = changed.due; $0.at = changed.at
                                }
                            }
                            added[k] = .item(section: section, side: itemSide, number: n, text: changed.text)
                        }
                    }
                    if stop { return .stop }
                }
            }
        }

        if target.kind == .mistakes && item.counterfactual == nil {
            switch try subQuestion("    \(words("counterfactual-question")) › ", spec: target, side: side) {
            case .end: return .end
            case .leave: break
            case .stop: return .stop
            case .undo:
                try takeBack(k)
                return nil
            case .text(let cf):
                let t = cf.trimmed
                if !t.isEmpty, case .item(let section, _, let n, let text) = added[k] {
                    try save { $0.updateItem(in: section, number: n, text: text) { $0.counterfactual = t } }
                }
            }
        }
        return nil
    }

    func show(_ note: CoachNote) {
        term.write(style.warn(style.wrap("! [\(note.check)] \(note.message)", indent: "  ")) + "\n" + style.dim(style.wrap(note.suggestion, indent: "    ")) + "\n")
    }

    enum Choice { case keep, rephrase, move, leave, undo, stop, end }

    /// Keep, rephrase or move: one key, asked again on any other; `:` starts a command, `?` shows help.
    func coachChoice(_ note: CoachNote, spec: SectionSpec, side: Side?) throws -> Choice {
        let canMove = note.canMoveToEmotions && format.sections.contains { $0.kind == .emotions }
        let prompt = "  " + words(canMove ? "choice-move" : "choice")
        let help = "  " + words(canMove ? "choice-help-move" : "choice-help")
        // The language's own keys, and k, r and m in every language.
        let keep: Set<String> = ["k", words("key-keep").lowercased()], rephrase: Set<String> = ["r", words("key-rephrase").lowercased()]
        let move: Set<String> = ["m", words("key-move").lowercased()]
        while true {
            guard case .key(let key) = term.readKey(prompt: prompt) else { return .end }
            let k = key.lowercased()
            if keep.contains(k) { return .keep }
            if rephrase.contains(k) { return .rephrase }
            if canMove && move.contains(k) { return .move }
            switch k {
            case "?": showHelp(help)
            case ":":
                guard case .line(let rest) = ask("  :") else { return .end }
                let line = ":" + rest.trimmed
                if line == ":" { continue }
                guard let c = command(line) else {
                    term.write(style.warn("  " + words("unknown-command", ["command": line])) + "\n")
                    continue
                }
                if try handled(c, help: help) { continue }
                switch c {
                case .back, .skip: return .leave
                case .undo: return .undo
                case .stop: return .stop
                case .list: listItems(spec, side: side)
                default: break
                }
            default:
                say(words(canMove ? "choice-again-move" : "choice-again"))
            }
        }
    }

    /// Offers a follow-up with the client about 30 days ahead, unless one exists.
    func proposeFollowUp(_ spec: SectionSpec) throws -> StepResult? {
        let actions = record.items(in: spec.id)
        if actions.contains(where: { $0.tags.contains("follow-up") }) { return nil }
        let due = today.adding(days: 30)
        let who = record.participants.first { $0.side == .client }?.name ?? record.client ?? words("followup-the-client")
        let owner = record.participants.first { $0.side == .us }
        let text = words("followup-text", ["who": who])
        term.write("\n" + style.bold(words("followup-title")) + "\n")
        term.write(style.wrap("\(text)" + (owner.map { " — \($0.name)" } ?? "") + ", " + words("followup-due", ["date": due.description]), indent: "  ") + "\n")
        term.write(style.dim("  " + words("followup-how")) + "\n")
        while true {
            switch try answer("  " + words("followup-prompt")) {
            case .end: return .end
            case .command(let c):
                switch c {
                case .back: return .back
                case .stop: return .stop
                case .skip: return nil
                case .list: listItems(spec, side: nil)
                case .undo: try undoItem(spec, side: nil)
                default: break
                }
            case .text(let raw):
                let line = raw.trimmed
                if line == "-" { say(words("followup-none")); return nil }
                if line.isEmpty {
                    let item = Item(text: text, tags: ["follow-up"], owner: owner?.name, due: due, done: false)
                    var number = 0
                    try save { number = $0.append(item, to: spec.id, format: format) }
                    added.append(.item(section: spec.id, side: nil, number: number, text: text))
                    term.write(style.good("  " + words("followup-added")) + "\n")
                    return nil
                }
                return try addItem(line, spec: spec, side: nil, extraTags: ["follow-up"], defaultDue: due)
            }
        }
    }

    // MARK: review

    func showReview(_ findings: [ReviewFinding]) {
        term.write("\n" + style.accent(words("review")) + "\n")
        var missing: [String] = []
        let width = min(34, (format.sections.map(\.title.count).max() ?? 10) + 2)
        for spec in format.sections {
            let title = spec.title.count > width - 2 ? String(spec.title.prefix(width - 3)) + "…" : spec.title
            let pad = String(repeating: " ", count: max(1, width - title.count))
            guard let s = record.section(spec.id), !s.content.isEmpty else {
                missing.append(spec.title)
                term.write("  \(title)\(pad)" + style.warn(words("missing")) + "\n")
                continue
            }
            switch s.content {
            case .narrative(let t):
                let words = t.split(whereSeparator: \.isWhitespace).count
                term.write("  \(title)\(pad)\(self.words.count("words", words))\n")
            case .items(let items):
                var detail = ""
                if spec.perSide {
                    let us = items.filter { $0.side == .us }.count, them = items.filter { $0.side == .client }.count
                    let none = items.filter { $0.side == nil }.count
                    detail = "  " + self.words(none > 0 ? "review-sides-none" : "review-sides", ["us": String(us), "them": String(them), "none": String(none)])
                }
                term.write("  \(title)\(pad)\(self.words.count("items", items.count))\(detail)\n")
            }
        }
        if !missing.isEmpty {
            term.write(style.warn(style.wrap(words("still-missing", ["list": missing.joined(separator: ", ")]), indent: "  ")) + "\n")
        }
        if !findings.isEmpty {
            term.write("\n" + style.bold(words("findings")) + "\n")
            for f in findings { term.write(style.wrap(f.text, indent: "  ") + "\n") }
        }
    }

    func review() throws -> StepResult {
        let findings = reviewFindings?(record) ?? []
        showReview(findings)
        let help = "  " + words("final-help")
        while true {
            switch try answer("\n" + words("final-question"), help: help) {
            case .end: return .end
            case .command(let c):
                switch c {
                case .back: return .back
                case .stop: return .stop
                case .skip: return try finish(final: false)
                case .list: showReview(findings)
                case .undo: say(words("undo-at-step"))
                default: break
                }
            case .text(let raw):
                guard words.isYes(raw) else { return try finish(final: false) }
                let errors = findings.filter(\.isError)
                if errors.isEmpty { return try finish(final: true) }
                switch try confirmFinal(errors, findings: findings) {
                case .yes: return try finish(final: true)
                case .no: return try finish(final: false)
                case .again: continue
                case .stop: return .stop
                case .end: return .end
                }
            }
        }
    }

    enum Confirmation { case yes, no, again, stop, end }

    /// A debrief with an error from the checks is marked final only when confirmed, naming the error.
    /// `:back` asks the final question again; `:skip` leaves it a draft.
    func confirmFinal(_ errors: [ReviewFinding], findings: [ReviewFinding]) throws -> Confirmation {
        term.write(style.warn("  " + words.count("errors", errors.count)) + "\n")
        for e in errors.prefix(3) { term.write(style.wrap(e.text, indent: "    ") + "\n") }
        if errors.count > 3 { say(words("errors-more", ["n": String(errors.count - 3)])) }
        let help = "  " + words("final-anyway-help")
        while true {
            switch try answer("  " + words("final-anyway"), help: help) {
            case .end: return .end
            case .command(let c):
                switch c {
                case .back: return .again
                case .skip: return .no
                case .stop: return .stop
                case .list: showReview(findings)
                case .undo: say(words("undo-at-step"))
                default: break
                }
            case .text(let raw):
                return words.isYes(raw) ? .yes : .no
            }
        }
    }

    func finish(final: Bool) throws -> StepResult {
        try save { r in
            r.status = final ? .final : .draft
            r.progress = final ? nil : GuideStep.review.encoded
        }
        term.write("\n" + style.good(words(final ? "saved-final" : "saved-draft", ["file": display])) + "\n")
        if !nextCommands.isEmpty {
            term.write(style.bold(words("next")) + "\n" + Self.nextBlock(nextCommands, width: term.width) + "\n")
        }
        return .next
    }

    /// The commands to run next, each with what it is for: aligned in two columns when they fit the
    /// width, else the purpose as a comment line above its command; a command longer than the line is
    /// broken between its words with a shell continuation (`\`), so that it can still be copied.
    static func nextBlock(_ commands: [NextCommand], width: Int) -> String {
        let width = max(40, width)
        let longest = commands.map(\.command.count).max() ?? 0
        if commands.allSatisfy({ 2 + longest + 4 + $0.purpose.count <= width }) {
            return commands.map { c in
                "  " + c.command + String(repeating: " ", count: longest - c.command.count) + "  # " + c.purpose
            }.joined(separator: "\n")
        }
        let style = Style(color: false, width: width)
        return commands.map { c in
            style.wrap(c.purpose, indent: "  # ") + "\n" + wrapCommand(c.command, width: width)
        }.joined(separator: "\n")
    }

    static func wrapCommand(_ command: String, width: Int) -> String {
        var lines: [String] = []
        var line = "  "
        var empty = true
        for word in command.split(separator: " ") {
            if !empty && line.count + 1 + word.count + 2 > width {
                lines.append(line + " \\")
                line = "      "
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
