import DebriefCore

/// What the client sees names no team member and carries no internal tag.
public struct ClientSafe: Check {
    public init() {}
    public let id = "client-safe"
    public let rule = "No item the client would see names a team member or carries a tag the archive treats as internal (with --audience client)."
    public let rationale = """
        Tell the client how the problem affects them, not every internal detail; admissions are owned by the \
        team, and individual names stay out of what the client sees.
        """
    public let defaultSeverity = Severity.error
    public let triggering: [CheckExample] = [
        .item("Anna did not confirm the agreements in writing.", in: "mistakes", side: .us),
        .item("Staffing was thin that week.", in: "facts", side: .us, "tags: [staffing]"),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("We did not confirm the agreements in writing.", in: "mistakes", side: .us),
        .item("Anna worked through the night alone.", in: "emotions", side: .us, "internal: true"),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard c.audience == "client", !item.isInternal else { return [] }
        for text in [item.text, item.counterfactual ?? ""] + item.tags {
            if let name = c.names.firstName(in: text) {
                return [finding(item, number, spec, "the client would see the team member's name '\(name)'",
                                "Mark it #internal, or say it as \"we\".")]
            }
        }
        if let tag = item.tags.first(where: { t in c.internalTags.contains { $0.lowercased() == t.lowercased() } }) {
            return [finding(item, number, spec, "the client would see an item tagged #\(tag), which this archive treats as internal",
                            "Mark it internal: true, or remove the tag.")]
        }
        return []
    }
}
