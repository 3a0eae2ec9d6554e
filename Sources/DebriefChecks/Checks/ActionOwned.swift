import DebriefCore

/// An action has an owner and a due date, and is done by then.
public struct ActionOwned: Check {
    public init() {}
    public let id = CheckID.actionOwned
    public let rule = "Every action has an owner and a due date; an open action past its date is overdue."
    public let rationale = """
        Keep promises and follow up: a remedy or a change nobody owns, or that has no date, does not happen. \
        The client is contacted again about 30 days after the problem was solved.
        """
    public let defaultSeverity = Severity.error
    public let triggering: [CheckExample] = [
        .item("Call the marketing director.", in: "actions", "due: 2099-12-22"),
        .item("Add a written confirmation step to the project template.", in: "actions", "owner: Anna Berg"),
        .item("Send the corrected slides.", in: "actions", "owner: Anna Berg", "due: 2001-01-10", "done: false"),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("Call the marketing director.", in: "actions", "owner: Anna Berg", "due: 2099-12-22"),
        .item("Send the corrected slides.", in: "actions", "owner: Anna Berg", "due: 2001-01-10", "done: true"),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard spec.kind == .actions else { return [] }
        let noOwner = (item.owner ?? "").trimmed.isEmpty, noDue = item.due == nil
        if noOwner || noDue {
            return [finding(item, number, spec, c, noOwner && noDue ? "action-no-owner-no-due" : noOwner ? "action-no-owner" : "action-no-due")]
        }
        if let due = item.due, item.done != true, due < c.today {
            let days = c.today.ordinal - due.ordinal
            let m = c.lexicon.messages
            return [finding(item, number, spec, m.count("action-overdue", days, ["due": due.description]), m("action-overdue-fix"), severity: .warning)]
        }
        return []
    }
}
