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
    /// Lines to show at the end of the review (the next commands to run).
    public var nextCommands: [String] = []
    /// Extra findings to list in the review.
    public var reviewFindings: ((Record) -> [String])?

    public init(terminal: Terminal, formats: FormatCatalog, path: String, display: String, today: Day = .systemToday()) throws {
        self.term = terminal
        self.formats = formats
        self.path = path
        self.display = display
        self.today = today
        self.record = try RecordReader.load(path: path, display: display, formats: formats)
        guard let f = formats.format(record.format) else {
            throw LoadError(file: display, position: .start, message: "format: expected a known format, found '\(record.format)'")
        }
        self.format = f
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
        switch step {
        case .header(.title): return try askField("Title", hint: "A short name for what went wrong.", current: record.title, required: true) { v, r in r.title = v }
        case .header(.client): return try askField("Client", hint: "The organisation the project was for (leave empty for an internal project).", current: record.client) { v, r in r.client = v.isEmpty ? nil : v }
        case .header(.project): return try askField("Project", hint: "The project, in a few words.", current: record.project) { v, r in r.project = v.isEmpty ? nil : v }
        case .header(.date): return try askDate()
        case .participants(let side): return try askParticipants(side)
        case .review: return try review()
        case .section(let id, let side):
            guard let spec = format.spec(id) else { return .next }
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

    enum Command { case help, back, skip, list, undo, stop }

    func command(_ line: String) -> Command? {
        switch line.trimmed.lowercased() {
        case "?", ":help", ":h": return .help
        case ":back", ":b": return .back
        case ":skip", ":s": return .skip
        case ":list", ":l", ":ls": return .list
        case ":undo", ":u": return .undo
        case ":stop", ":quit", ":q": return .stop
        default: return nil
        }
    }

    /// The commands that leave a step, alike at every prompt; nil for those each step answers itself.
    func navigation(_ c: Command) -> StepResult? {
        switch c {
        case .back: return .back
        case .skip: return .next
        case .stop: return .stop
        case .help, .list, .undo: return nil
        }
    }

    func showHelp() {
        term.write(style.dim("""
          One answer per line; an empty line moves on to the next step.
            :back  go back a step          :skip  skip this step
            :list  show what it holds      :undo  remove the last item
            :stop  stop here (the draft is kept; continue with debrief resume)
          In items: @Name owner, due:2026-12-22 or due:+30d, #internal, #tag
          (\\# and \\@ keep the characters).
        """) + "\n")
    }

    func read(_ prompt: String, prefill: String? = nil) -> InputLine {
        if !helpShown {
            helpShown = true
            term.write(style.dim("  (Type ? for help: :back, :skip, :list, :undo, :stop.)") + "\n")
        }
        return ask(prompt, prefill: prefill)
    }

    /// Reads a line; control characters (a stray escape, a NUL from a pipe) are dropped, never saved.
    func ask(_ prompt: String, prefill: String? = nil) -> InputLine {
        switch term.readLine(prompt: prompt, prefill: prefill) {
        case .end: return .end
        case .line(let l):
            var clean = String.UnicodeScalarView()
            for u in l.unicodeScalars where !isControl(u) { clean.append(u == "\t" ? " " : u) }
            return .line(String(clean))
        }
    }

    // MARK: header fields

    func askField(_ label: String, hint: String, current: String?, required: Bool = false,
                  set: @escaping (String, inout Record) -> Void) throws -> StepResult {
        term.write("\n" + style.bold(label) + "  " + style.dim(hint) + "\n")
        while true {
            let def = current.map { " [\($0)]" } ?? ""
            guard case .line(let raw) = read("\(label)\(def): ") else { return .end }
            let line = raw.trimmed
            if let c = command(line) {
                if let r = navigation(c) { return r }
                switch c {
                case .list: term.write("  \(current ?? "(empty)")\n"); continue
                case .undo:
                    if required { term.write(style.dim("  (a \(label.lowercased()) is needed; type a new one to change it)") + "\n"); continue }
                    try save { set("", &$0) }; return .next
                default: showHelp(); continue
                }
            }
            if line.isEmpty {
                if required && (current ?? "").isEmpty { term.write(style.warn("  Please give a \(label.lowercased()).") + "\n"); continue }
                return .next
            }
            try save { set(line, &$0) }
            return .next
        }
    }

    func askDate() throws -> StepResult {
        term.write("\n" + style.bold("Date") + "  " + style.dim("When the debrief takes place (YYYY-MM-DD).") + "\n")
        while true {
            let current = record.date ?? today
            guard case .line(let raw) = read("Date [\(current)]: ") else { return .end }
            let line = raw.trimmed
            if let c = command(line) {
                switch c {
                case .help: showHelp(); continue
                case .back: return .back
                case .stop: return .stop
                default: return .next
                }
            }
            if line.isEmpty {
                if record.date == nil { try save { $0.date = current } }
                return .next
            }
            guard let d = QuickEntryParser.parseDue(line, today: today) ?? Day(line) else {
                term.write(style.warn("  '\(line)' is not a date; write it as YYYY-MM-DD.") + "\n")
                continue
            }
            try save { $0.date = d }
            return .next
        }
    }

    func askParticipants(_ side: Side) throws -> StepResult {
        let who = side == .us ? "Who took part from our team?" : "Who took part from the client's side?"
        let extra = side == .us
            ? "Their names stay inside the team: the client's version says \"our team\"."
            : "A name or a role (\"Marketing director\")."
        term.write("\n" + style.bold(who) + "\n" + style.dim(style.wrap("One person per line: a name, then a comma and a role if you like. \(extra) An empty line moves on.", indent: "  ")) + "\n")
        listParticipants(side)
        while true {
            guard case .line(let raw) = read(side == .us ? "  our team › " : "  client › ") else { return .end }
            let line = raw.trimmed
            if let c = command(line) {
                if let r = navigation(c) { return r }
                switch c {
                case .help, .back, .skip, .stop: showHelp()
                case .list: listParticipants(side)
                case .undo:
                    if let last = record.participants.lastIndex(where: { $0.side == side }) {
                        let name = record.participants[last].name
                        try save { r in
                            if let i = r.participants.lastIndex(where: { $0.name == name && $0.side == side }) { r.participants.remove(at: i) }
                        }
                        term.write(style.dim("  removed \(name)") + "\n")
                    }
                }
                continue
            }
            if line.isEmpty { return .next }
            let parts = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmed }
            guard let name = parts.first, !name.isEmpty else {
                term.write(style.warn("  A name first, then a comma and the role: Anna Berg, account lead") + "\n")
                continue
            }
            let p = Participant(name: name, side: side, role: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
            try save { $0.participants.append(p) }
        }
    }

    func listParticipants(_ side: Side) {
        let ps = record.participants.filter { $0.side == side }
        if ps.isEmpty { return }
        term.write(style.dim("  So far: " + ps.map { $0.name + ($0.role.map { " (\($0))" } ?? "") }.joined(separator: ", ")) + "\n")
    }

    // MARK: sections

    func sideName(_ side: Side?) -> String {
        switch side {
        case .us: return "our side"
        case .client: return "the client's side"
        case nil: return ""
        }
    }

    func header(_ spec: SectionSpec, side: Side?, number: Int, total: Int) {
        var title = spec.title
        if let side { title += " — " + sideName(side) }
        term.write("\n" + style.accent("\(title)") + style.dim("  (step \(number + 1) of \(total))") + "\n")
        var prompt = spec.prompt
        if let side, spec.perSide {
            prompt += side == .us ? " Start with our side." : " Now the client's side, as they saw it."
        }
        if !prompt.isEmpty { term.write(style.wrap(prompt, indent: "  ") + "\n") }
        if !spec.hint.isEmpty { term.write(style.dim(style.wrap(spec.hint.trimmed, indent: "  ")) + "\n") }
        if !spec.example.isEmpty { term.write(style.italic(style.wrap("Example: " + spec.example.trimmed, indent: "  ")) + "\n") }
    }

    func askNarrative(_ spec: SectionSpec) throws -> StepResult {
        if case .narrative(let t)? = record.section(spec.id)?.content, !t.trimmed.isEmpty {
            term.write(style.dim("  So far:\n" + style.wrap(t.trimmed, indent: "    ")) + "\n")
        }
        term.write(style.dim("  Write as many lines as you like; an empty line moves on.") + "\n")
        while true {
            guard case .line(let raw) = read("  › ") else { return .end }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let c = command(line) {
                if let r = navigation(c) { return r }
                switch c {
                case .help, .back, .skip, .stop: showHelp()
                case .list:
                    let t = record.section(spec.id).map { if case .narrative(let t) = $0.content { return t } else { return "" } } ?? ""
                    term.write((t.isEmpty ? "  (empty)" : style.wrap(t.trimmed, indent: "    ")) + "\n")
                case .undo:
                    try save { r in
                        guard case .narrative(let t)? = r.section(spec.id)?.content else { return }
                        var lines = t.trimmed.components(separatedBy: "\n")
                        if !lines.isEmpty { lines.removeLast() }
                        r.setNarrative(lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n", for: spec.id, format: format)
                        if lines.isEmpty { r.sections.removeAll { $0.id == spec.id } }
                    }
                    term.write(style.dim("  removed the last line") + "\n")
                }
                continue
            }
            if line.isEmpty { return .next }
            try save { r in
                var text = ""
                if case .narrative(let t)? = r.section(spec.id)?.content { text = t }
                if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
                text += line + "\n"
                r.setNarrative(text, for: spec.id, format: format)
            }
        }
    }

    func items(_ spec: SectionSpec, side: Side?) -> [(number: Int, item: Item)] {
        record.items(in: spec.id).enumerated().map { ($0.offset + 1, $0.element) }.filter { side == nil || $0.1.side == side }
    }

    func listItems(_ spec: SectionSpec, side: Side?) {
        let list = items(spec, side: side)
        if list.isEmpty { term.write(style.dim("  (nothing yet)") + "\n"); return }
        for (k, entry) in list.enumerated() {
            var line = "  \(k + 1). \(entry.item.text)"
            if entry.item.isInternal { line += " #internal" }
            for t in entry.item.tags { line += " #\(t)" }
            if let o = entry.item.owner { line += " @\(o)" }
            if let d = entry.item.due { line += " due:\(d)" }
            term.write(style.wrap(line, indent: "") + "\n")
            if let c = entry.item.counterfactual { term.write(style.dim(style.wrap("had it not happened: " + c, indent: "     ")) + "\n") }
        }
    }

    func askItems(_ spec: SectionSpec, side: Side?) throws -> StepResult {
        let existing = items(spec, side: side)
        if !existing.isEmpty {
            term.write(style.dim("  Already here: \(existing.count) item\(existing.count == 1 ? "" : "s") (:list to see them).") + "\n")
        }
        if spec.kind == .actions, let r = try proposeFollowUp(spec) { return r }
        let prompt = "  \(label(spec.kind)) › "
        while true {
            guard case .line(let raw) = read(prompt) else { return .end }
            let line = raw.trimmed
            if let c = command(line) {
                if let r = navigation(c) { return r }
                switch c {
                case .help, .back, .skip, .stop: showHelp()
                case .list: listItems(spec, side: side)
                case .undo:
                    if let last = items(spec, side: side).last {
                        try save { $0.removeItem(in: spec.id, number: last.number, text: last.item.text) }
                        term.write(style.dim("  removed: \(last.item.text)") + "\n")
                    } else {
                        term.write(style.dim("  nothing to remove") + "\n")
                    }
                }
                continue
            }
            if line.isEmpty { return .next }
            guard let r = try addItem(line, spec: spec, side: side) else { continue }
            if r != .next { return r }
        }
    }

    func label(_ kind: SectionKind) -> String {
        switch kind {
        case .facts: return "fact"
        case .emotions: return "feeling"
        case .mistakes: return "mistake"
        case .positives: return "positive"
        case .differently: return "differently"
        case .lessons: return "lesson"
        case .remedies: return "option"
        case .actions: return "action"
        case .timeline: return "event"
        default: return "item"
        }
    }

    /// Adds one typed item, asking again for what could not be read; returns
    /// nil to continue with the next line, or a step result to leave the step.
    func addItem(_ line: String, spec: SectionSpec, side: Side?, extraTags: [String] = [], defaultDue: Day? = nil) throws -> StepResult? {
        var entry = QuickEntryParser.parse(line, kind: spec.kind, participants: record.participants, today: today, side: side)
        var item = entry.item
        for t in extraTags where !item.tags.contains(t) { item.tags.append(t) }
        if item.due == nil && entry.badDue == nil { item.due = defaultDue }
        while let bad = entry.badDue {
            term.write(style.warn("  Could not read the due date '\(bad)'.") + "\n")
            guard case .line(let again) = ask("  due (YYYY-MM-DD, +30d, +2w, or empty for none): ", prefill: nil) else { return .end }
            let v = again.trimmed
            if v.isEmpty { entry.badDue = nil; break }
            if let d = QuickEntryParser.parseDue(v, today: today) { item.due = d; entry.badDue = nil }
            else { entry.badDue = v }
        }
        if item.text.trimmed.isEmpty {
            term.write(style.warn("  An item needs some text.") + "\n")
            return nil
        }
        var targetSpec = spec
        var number = 0
        try save { number = $0.append(item, to: spec.id, format: format) }

        // Coaching: show what a facilitator would say, and let the person keep, rephrase or move it.
        // After a rephrase the checks run again on the new wording.
        var kept = Set<String>()
        var rounds = 0
        coaching: while let coach, rounds < 6 {
            rounds += 1
            guard let note = coach(item, spec, record).first(where: { !kept.contains($0.check) }) else { break }
            term.write(style.warn("  ! [\(note.check)] \(note.message)") + "\n" + style.dim(style.wrap(note.suggestion, indent: "    ")) + "\n")
            let options = note.canMoveToEmotions ? "[k]eep, [r]ephrase, [m]ove to emotions" : "[k]eep, [r]ephrase"
            guard case .line(let choice) = ask("  \(options)? ", prefill: nil) else { return .end }
            switch choice.trimmed.lowercased() {
            case "r", "rephrase":
                guard case .line(let newText) = ask("  rephrase › ", prefill: item.text) else { return .end }
                let t = newText.trimmed
                if t.isEmpty || t == item.text { kept.insert(note.check); continue }
                let old = item.text
                try save { $0.updateItem(in: spec.id, number: number, text: old) { $0.text = t } }
                item.text = t
            case "m", "move":
                guard note.canMoveToEmotions, let emotions = format.sections.first(where: { $0.kind == .emotions }) else {
                    kept.insert(note.check); continue
                }
                let old = item.text
                try save { r in
                    r.removeItem(in: spec.id, number: number, text: old)
                    number = r.append(item, to: emotions.id, format: format)
                }
                targetSpec = emotions
                term.write(style.dim("  moved to \(emotions.title)") + "\n")
                break coaching
            default:
                kept.insert(note.check)
            }
        }

        if targetSpec.kind == .mistakes && item.counterfactual == nil {
            guard case .line(let cf) = ask("    had it not happened, what would have been different? › ", prefill: nil) else { return .end }
            let t = cf.trimmed
            if !t.isEmpty {
                let text = item.text
                try save { $0.updateItem(in: targetSpec.id, number: number, text: text) { $0.counterfactual = t } }
            }
        }
        return nil
    }

    /// Offers a follow-up with the client about 30 days ahead, unless one exists.
    func proposeFollowUp(_ spec: SectionSpec) throws -> StepResult? {
        let actions = record.items(in: spec.id)
        if actions.contains(where: { $0.tags.contains("follow-up") }) { return nil }
        let due = today.adding(days: 30)
        let who = record.participants.first { $0.side == .client }?.name ?? record.client ?? "the client"
        let owner = record.participants.first { $0.side == .us }
        let text = "Contact \(who) to ask how things are going since the problem was solved."
        term.write("\n" + style.bold("A follow-up with the client, about 30 days from now:") + "\n")
        term.write(style.wrap("\(text)" + (owner.map { " — \($0.name)" } ?? "") + ", due \(due)", indent: "  ") + "\n")
        term.write(style.dim("  Enter to accept it, type your own version (quick entry works), or - to drop it.") + "\n")
        guard case .line(let raw) = ask("  follow-up › ", prefill: nil) else { return .end }
        let line = raw.trimmed
        if let c = command(line) {
            switch c {
            case .back: return .back
            case .stop: return .stop
            case .skip: return nil
            default: break
            }
        }
        if line == "-" { term.write(style.dim("  no follow-up proposed") + "\n"); return nil }
        if line.isEmpty {
            let item = Item(text: text, tags: ["follow-up"], owner: owner?.name, due: due, done: false)
            try save { $0.append(item, to: spec.id, format: format) }
            term.write(style.good("  ✓ follow-up added") + "\n")
            return nil
        }
        return try addItem(line, spec: spec, side: nil, extraTags: ["follow-up"], defaultDue: due)
    }

    // MARK: review

    func review() throws -> StepResult {
        term.write("\n" + style.accent("Review") + "\n")
        var missing: [String] = []
        let width = min(34, (format.sections.map(\.title.count).max() ?? 10) + 2)
        for spec in format.sections {
            let title = spec.title.count > width - 2 ? String(spec.title.prefix(width - 3)) + "…" : spec.title
            let pad = String(repeating: " ", count: max(1, width - title.count))
            guard let s = record.section(spec.id), !s.content.isEmpty else {
                missing.append(spec.title)
                term.write("  \(title)\(pad)" + style.warn("missing") + "\n")
                continue
            }
            switch s.content {
            case .narrative(let t):
                let words = t.split(whereSeparator: \.isWhitespace).count
                term.write("  \(title)\(pad)\(words) words\n")
            case .items(let items):
                var detail = ""
                if spec.perSide {
                    let us = items.filter { $0.side == .us }.count, them = items.filter { $0.side == .client }.count
                    detail = "  (our side \(us), the client's \(them))"
                }
                term.write("  \(title)\(pad)\(items.count)\(detail)\n")
            }
        }
        if !missing.isEmpty {
            term.write(style.warn(style.wrap("Still missing: " + missing.joined(separator: ", ") + ". Go :back to fill them in, or continue later with debrief resume.", indent: "  ")) + "\n")
        }
        if let findings = reviewFindings?(record), !findings.isEmpty {
            term.write("\n" + style.bold("What a facilitator would point out:") + "\n")
            for f in findings { term.write(style.wrap(f, indent: "  ") + "\n") }
        }
        while true {
            guard case .line(let raw) = read("\nIs this debrief final? [y/N] ") else { return .end }
            let a = raw.trimmed.lowercased()
            if let c = command(a) {
                switch c {
                case .back: return .back
                case .stop: return .stop
                case .help: showHelp(); continue
                default: break
                }
            }
            let final = a == "y" || a == "yes"
            try save { r in
                r.status = final ? .final : .draft
                r.progress = final ? nil : GuideStep.review.encoded
            }
            term.write("\n" + style.good(final ? "Saved as final: \(display)" : "Saved as a draft: \(display)") + "\n")
            if !nextCommands.isEmpty {
                term.write(style.bold("Next:") + "\n")
                for c in nextCommands { term.write("  \(c)\n") }
            }
            return .next
        }
    }
}
