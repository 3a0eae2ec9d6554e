import DebriefCore

/// Every failed project has something good in it.
public struct PositivesFound: Check {
    public init() {}
    public let id = CheckID.positivesFound
    public let rule = "The debrief names at least one thing that went well."
    public let rationale = """
        Every failed project has something good in it: we took the job and delivered something that was used; \
        willingness to help; working to a tight schedule. Name it so it can be kept.
        """
    public let defaultSeverity = Severity.warning
    public let looksAtItems = false
    public let triggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: Nothing good
            sections:
              facts:
                - text: Materials arrived on Monday.
                  side: client
            """, "no positives section"),
    ]
    public let nonTriggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: Something good
            sections:
              positives:
                - text: We delivered a deck that the client used at the event.
            """, "one positive"),
    ]

    public func check(_ c: CheckContext) -> [Finding] {
        let specs = c.format.sections.filter { $0.kind == .positives }
        guard let first = specs.first else { return [] }
        if specs.contains(where: { !c.record.items(in: $0.id).isEmpty }) { return [] }
        return [Finding(check: id, severity: defaultSeverity, message: c.lexicon.messages("positives-found"),
                        suggestion: c.lexicon.messages("positives-found-fix", ["section": first.title]),
                        section: first.id, position: c.sectionPosition(first.id))]
    }
}
