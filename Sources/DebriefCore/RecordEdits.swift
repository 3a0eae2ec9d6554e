// The everyday changes to a record that commands and the guide share:
// marking the option the client chose, closing an action, reopening a final debrief.
import Foundation

/// Input that is read but cannot be used (exit 65): an impossible date on a timeline entry.
public struct BadInput: Error, Sendable, Diagnosable, CustomStringConvertible {
    public var message: String
    public var suggestion: String?
    public init(_ message: String, suggestion: String? = nil) { self.message = message; self.suggestion = suggestion }
    public var diagnostics: [Diagnostic] { [Diagnostic(message: message, suggestion: suggestion)] }
    public var description: String { message }
}

/// There is no debrief to work on yet (exit 66).
public struct NoDebriefYet: Error, Sendable, Diagnosable, CustomStringConvertible {
    /// What was looked for: any debrief, or a draft.
    public var draft: Bool
    public init(draft: Bool = false) { self.draft = draft }
    public var description: String {
        draft ? "no draft to continue: start one with debrief new, or name a file"
              : "no debrief yet: start one with debrief new"
    }
    public var diagnostics: [Diagnostic] { [Diagnostic(message: description)] }
}

extension Record {
    /// The first section of a kind, as the format orders them.
    public func sectionID(of kind: SectionKind, in format: Format) -> String? {
        format.sections.first { $0.kind == kind }?.id
    }

    /// Marks option `number` (1-based) of the remedies as the one the client chose, and no other.
    /// Returns the option's text.
    @discardableResult
    public mutating func choose(remedy number: Int, format: Format) throws -> String {
        try changeItem(number, of: .remedies, format: format, noun: "option",
                       empty: { "there are no options in \($0) yet; add one with: debrief add \($0) TEXT" }) { items, i in
            for k in items.indices { items[k].chosen = k == i ? true : (items[k].chosen == nil ? nil : false) }
        }
    }

    /// Marks action `number` (1-based) done, or open again. Returns the action's text.
    @discardableResult
    public mutating func markDone(action number: Int, done: Bool, format: Format) throws -> String {
        try changeItem(number, of: .actions, format: format, noun: "action",
                       empty: { "there are no actions yet; add one with: debrief add \($0) TEXT" }) { items, i in
            items[i].done = done
        }
    }

    /// Changes the items of the format's first section of `kind`, given item `number` (1-based) exists;
    /// returns that item's text. A missing section or number is bad usage, named in the section's words.
    private mutating func changeItem(_ number: Int, of kind: SectionKind, format: Format, noun: String,
                                     empty: (String) -> String, _ change: (inout [Item], Int) -> Void) throws -> String {
        guard let id = sectionID(of: kind, in: format) else {
            throw UsageError("the format \(format.id) has no \(kind.rawValue) section")
        }
        var items = self.items(in: id)
        guard items.indices.contains(number - 1) else {
            throw UsageError(items.isEmpty ? empty(id)
                                           : "no \(noun) \(number): \(id) has \(items.count) \(noun)\(items.count == 1 ? "" : "s") (1 to \(items.count))")
        }
        change(&items, number - 1)
        if let s = sections.firstIndex(where: { $0.id == id }) { sections[s].content = .items(items) }
        return items[number - 1].text
    }
}
