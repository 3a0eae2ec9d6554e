import DebriefCore

/// Facts, mistakes and "differently" are heard from both sides.
public struct BothSides: Check {
    public init() {}
    public let id = CheckID.bothSides
    public let rule = "Facts, mistakes and what could have been done differently are heard from both sides."
    public let rationale = """
        Each side says how it saw the process and the result, and admits its own mistakes: the result always \
        belongs to both. A debrief that hears one side only is a complaint or a confession, not a debrief.
        """
    public let defaultSeverity = Severity.warning
    public let looksAtItems = false
    public let triggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: One side only
            sections:
              mistakes:
                - text: We did not confirm the agreements in writing.
                  side: us
            """, "mistakes from our side only"),
    ]
    public let nonTriggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: Both sides
            sections:
              mistakes:
                - text: We did not confirm the agreements in writing.
                  side: us
                - text: We sent the materials on Monday instead of Friday.
                  side: client
            """, "mistakes from both sides"),
    ]

    public func check(_ c: CheckContext) -> [Finding] {
        var out: [Finding] = []
        for spec in c.format.sections where spec.perSide && [.facts, .mistakes, .differently].contains(spec.kind) {
            let items = c.record.items(in: spec.id)
            guard !items.isEmpty else { continue }
            let us = items.contains { $0.side == .us }, client = items.contains { $0.side == .client }
            guard !(us && client) else { continue }
            out.append(finding(section: spec, c, us ? "both-sides-us" : client ? "both-sides-client" : "both-sides-none", ["section": spec.title]))
        }
        return out
    }
}
