import DebriefCore

/// The client gets a choice of remedies, and one is chosen by the end.
public struct RemediesChoice: Check {
    public init() {}
    public let id = CheckID.remediesChoice
    public let rule = "Offer the client at least three remedies; once the debrief is final, one is marked chosen."
    public let rationale = """
        Come with a solution: think it through before the conversation, and ideally offer at least three options \
        for the client to choose from (take the 700 bags now and 300 tomorrow; a refund for the 300; the 300 \
        unprinted plus the printing cost).
        """
    public let defaultSeverity = Severity.warning
    public let looksAtItems = false
    public let triggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: One option
            sections:
              remedies:
                - text: A refund for the missing 300 bags.
            """, "one option only"),
        .record("""
            debrief: 1
            title: Final, nothing chosen
            status: final
            sections:
              remedies:
                - text: Take the 700 bags now and the other 300 tomorrow.
                - text: A refund for the 300.
                - text: The 300 unprinted plus the printing cost.
            """, "final without a chosen option"),
    ]
    public let nonTriggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: Three options, one chosen
            status: final
            sections:
              remedies:
                - text: Take the 700 bags now and the other 300 tomorrow.
                  chosen: true
                - text: A refund for the 300.
                - text: The 300 unprinted plus the printing cost.
            """, "three options, one chosen"),
    ]

    public func check(_ c: CheckContext) -> [Finding] {
        var out: [Finding] = []
        for spec in c.format.sections where spec.kind == .remedies {
            let items = c.record.items(in: spec.id)
            let pos = c.sectionPosition(spec.id)
            if items.count < 3 {
                var f = finding(section: spec, c, "remedies-few", ["section": spec.title], count: items.count)
                f.suggestion = c.lexicon.messages("remedies-few-fix")
                f.position = pos
                out.append(f)
            }
            if c.record.status == .final, !items.isEmpty, !items.contains(where: { $0.chosen == true }) {
                out.append(finding(section: spec, c, "remedies-none-chosen", ["section": spec.title]))
            }
        }
        return out
    }
}
