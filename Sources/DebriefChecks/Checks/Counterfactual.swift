import DebriefCore

/// Each mistake says what would have been different had it not happened.
public struct Counterfactual: Check {
    public init() {}
    public let id = CheckID.counterfactual
    public let rule = "Every mistake says what would have been different had it not happened."
    public let rationale = """
        A mistake is admitted in the form "I was wrong to do X; had I not, it would have gone differently". \
        The second half is what turns an admission into something to change.
        """
    public let defaultSeverity = Severity.warning
    public let triggering: [CheckExample] = [
        .item("We did not confirm the agreements in writing.", in: "mistakes", side: .us),
        .item("We sent our comments on the morning of the event.", in: "mistakes", side: .client),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("We did not confirm the agreements in writing.", in: "mistakes", side: .us,
              "counterfactual: A written confirmation would have made the Friday deadline binding."),
        .item("We wrote instead of calling; had we called, the delay would have surfaced on Friday.", in: "mistakes", side: .us),
        .item("Materials arrived on Monday.", in: "facts", side: .client),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard spec.kind == .mistakes, (item.counterfactual ?? "").trimmed.isEmpty else { return [] }
        if c.lexicon.firstPhrase("counterfactual-phrases", in: Text.words(in: c.plain(item.text))) != nil { return [] }
        return [finding(item, number, spec, c, "counterfactual")]
    }
}
