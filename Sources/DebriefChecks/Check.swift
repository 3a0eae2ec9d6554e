// The coaching checks: each one a rule a good facilitator follows, with a
// rationale from the method and its own examples that must and must not
// trigger it (the examples are its documentation and its tests).
import DebriefCore
import DebriefMarkdown
import Foundation

public struct Finding: Sendable, Equatable {
    public var check: CheckID
    /// The file it is about when not the record itself (the archive's debrief.yml, for a setting).
    public var file: String?
    public var severity: Severity
    public var message: String
    public var suggestion: String
    public var section: String?
    /// 1-based position of the item in its section; nil for a section or the whole record.
    public var item: Int?
    public var position: SourcePosition
    /// The item can be moved to the emotions section (fact-not-feeling).
    public var canMoveToEmotions = false

    public init(check: CheckID, severity: Severity, message: String, suggestion: String, section: String? = nil,
                item: Int? = nil, position: SourcePosition = .start, canMoveToEmotions: Bool = false) {
        self.check = check; self.severity = severity; self.message = message; self.suggestion = suggestion
        self.section = section; self.item = item; self.position = position; self.canMoveToEmotions = canMoveToEmotions
    }
}

/// One example of a check: an item typed into a section, or a whole record (YAML).
public struct CheckExample: Sendable {
    public var text: String
    public var section: String
    public var side: Side?
    /// Extra item fields, in the record file's syntax (e.g. "owner: Anna Berg").
    public var fields: [String]
    /// A whole record in YAML, for checks that look at more than one item.
    public var record: String?
    /// The record's language (`fi`): the example is checked with that language's word lists and name endings.
    public var locale: String?

    public static func item(_ text: String, in section: String, side: Side? = nil, locale: String? = nil, _ fields: String...) -> CheckExample {
        CheckExample(text: text, section: section, side: side, fields: fields, record: nil, locale: locale)
    }
    public static func record(_ yaml: String, _ summary: String) -> CheckExample {
        CheckExample(text: summary, section: "", side: nil, fields: [], record: yaml, locale: nil)
    }
}

public struct CheckContext: Sendable {
    public var record: Record
    public var format: Format
    public var lexicon: Lexicon
    public var today: Day
    /// Set for `--audience client`: the client's view, whose leaks the client-safe check reports.
    public var clientView: RecordView?
    public let people: [String]
    /// The participants' names with the language's endings ("Mikolta" names Mikko): the rules client safety reads.
    public let names: NameMatcher
    /// Capitalised words that are not persons in this record: the client's name, the format's headings.
    public let recordNotPersons: Set<String>
    /// Every text parsed once; checks read what a reader sees, not the Markdown syntax.
    public let markdown: MarkdownCache

    public init(record: Record, format: Format, lexicon: Lexicon, today: Day, clientView: RecordView? = nil,
                markdown: MarkdownCache = MarkdownCache()) {
        self.record = record; self.format = format; self.lexicon = lexicon; self.today = today
        self.clientView = clientView; self.markdown = markdown
        self.people = record.participants.map(\.name)
        // Only the words written as a name ("Head of sales" gives "head", never "of" or "sales").
        let nameWords = people.map { n -> String in
            let t = Text.tokens(in: n)
            return (t.prefix(1) + t.dropFirst().filter { $0.first?.isUppercase == true || !$0.contains(where: \.isLowercase) }).joined(separator: " ")
        }
        self.names = NameMatcher(team: nameWords, endings: lexicon.nameEndings)
        self.recordNotPersons = Set(Text.words(in: record.client ?? "")).union(format.sections.flatMap { Text.words(in: $0.title) })
    }

    /// What a reader sees of a Markdown text: an `![image]` is not an exclamation mark, a link's address is not words.
    public func plain(_ text: String) -> String { markdown(text.trimmed).plain }

    /// Each item with its section and 1-based number.
    public var allItems: [(spec: SectionSpec, number: Int, item: Item)] {
        var out: [(SectionSpec, Int, Item)] = []
        for s in record.sections {
            guard let spec = format.spec(s.id) else { continue }
            for (i, it) in s.content.items.enumerated() { out.append((spec, i + 1, it)) }
        }
        return out
    }

    public func sectionPosition(_ id: String) -> SourcePosition {
        record.section(id)?.position ?? record.sectionsPosition ?? .start
    }
}

public protocol Check: Sendable {
    var id: CheckID { get }
    /// The rule, in one line.
    var rule: String { get }
    /// Why, from the method.
    var rationale: String { get }
    /// How the rule is applied, in more words (for `debrief checks explain`); empty when the rule says it all.
    var details: String { get }
    var defaultSeverity: Severity { get }
    var triggering: [CheckExample] { get }
    var nonTriggering: [CheckExample] { get }
    /// Whether the guide can run it on one item just typed.
    var looksAtItems: Bool { get }
    /// Findings for one item (used while typing and by the default record check).
    func check(item: Item, number: Int, in spec: SectionSpec, _ context: CheckContext) -> [Finding]
    /// Findings for the whole record.
    func check(_ context: CheckContext) -> [Finding]
}

extension Check {
    public var looksAtItems: Bool { true }
    public var details: String { "" }
    public func check(item: Item, number: Int, in spec: SectionSpec, _ context: CheckContext) -> [Finding] { [] }
    public func check(_ context: CheckContext) -> [Finding] {
        context.allItems.flatMap { check(item: $0.item, number: $0.number, in: $0.spec, context) }
    }

    /// A finding about an item, at its text, in the record's language: the message `key` and its fix `key-fix`
    /// from templates/checks/messages.
    func finding(_ item: Item, _ number: Int, _ spec: SectionSpec, _ c: CheckContext, _ key: String, _ fill: [String: String] = [:],
                 count: Int? = nil, severity: Severity? = nil, canMove: Bool = false) -> Finding {
        let m = c.lexicon.messages
        let message = count.map { m.count(key, $0, fill) } ?? m(key, fill)
        return finding(item, number, spec, message, m(key + "-fix", fill), severity: severity, canMove: canMove)
    }

    /// A finding about a section, in the record's language.
    func finding(section spec: SectionSpec, _ c: CheckContext, _ key: String, _ fill: [String: String] = [:], count: Int? = nil) -> Finding {
        let m = c.lexicon.messages
        let message = count.map { m.count(key, $0, fill) } ?? m(key, fill)
        return Finding(check: id, severity: defaultSeverity, message: message, suggestion: m(key + "-fix", fill),
                       section: spec.id, position: c.sectionPosition(spec.id))
    }

    /// A finding about an item, at its text.
    func finding(_ item: Item, _ number: Int, _ spec: SectionSpec, _ message: String, _ suggestion: String,
                 severity: Severity? = nil, canMove: Bool = false) -> Finding {
        Finding(check: id, severity: severity ?? defaultSeverity, message: message, suggestion: suggestion,
                section: spec.id, item: number, position: item.position ?? .start, canMoveToEmotions: canMove)
    }
}
