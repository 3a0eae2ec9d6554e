import DebriefCore

/// Someone gets back in touch with the client after the fix.
public struct ClientFollowUp: Check {
    public init() {}
    public let id = CheckID.clientFollowUp
    public let rule = "An action follows up with the client, about 30 days after the problem was solved."
    public let rationale = """
        Keep promises and follow up: stay in touch during the fix, and contact the client again about 30 days \
        after the problem was solved.
        """
    public let defaultSeverity = Severity.warning
    public let looksAtItems = false
    public let triggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: No follow-up
            client: Big Bank
            sections:
              actions:
                - text: Add a written confirmation step to the project template.
                  owner: Anna
                  due: 2026-12-04
            """, "only internal actions"),
    ]
    public let nonTriggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: Follow-up
            client: Big Bank
            participants:
              - name: Marketing director
                side: client
            sections:
              actions:
                - text: Call the marketing director to ask how the next event went.
                  owner: Anna
                  due: 2026-12-22
            """, "a call to the client"),
    ]

    /// Whether an action follows up with the client: tagged `follow-up`, or its words say it contacts the client.
    /// The letter takes its "we will be in touch by" from such an action, and from no other.
    public static func followsUpWithClient(_ a: Item, _ c: CheckContext) -> Bool {
        if a.tags.contains(where: { Tags.key($0) == "follow-up" }) { return true }
        var whoWords = c.record.participants.filter { $0.side == .client }.map { Text.words(in: $0.name) }
        if let client = c.record.client { whoWords.append(Text.words(in: client)) }
        let w = Text.words(in: c.plain(a.text))
        return c.lexicon.firstPhrase("follow-up-words", in: w) != nil
            && (c.lexicon.firstPhrase("client-words", in: w) != nil || Text.firstPhrase(w, whoWords) != nil)
    }

    /// The numbers (1-based, in the first actions section) of the actions that follow up with the client.
    public static func followUps(_ c: CheckContext) -> Set<Int> {
        guard let id = c.format.sections.first(where: { $0.kind == .actions })?.id else { return [] }
        return Set(c.record.items(in: id).enumerated().filter { followsUpWithClient($0.element, c) }.map { $0.offset + 1 })
    }

    public func check(_ c: CheckContext) -> [Finding] {
        let hasClient = c.record.client != nil || c.record.participants.contains { $0.side == .client }
        guard hasClient, let spec = c.format.sections.first(where: { $0.kind == .actions }) else { return [] }
        let actions = c.format.sections.filter { $0.kind == .actions }.flatMap { c.record.items(in: $0.id) }
        if actions.contains(where: { ClientFollowUp.followsUpWithClient($0, c) }) { return [] }
        return [finding(section: spec, c, "client-follow-up")]
    }
}
