import DebriefCore

/// A fact states an objective factor; feelings and judgements go to emotions.
public struct FactNotFeeling: Check {
    public init() {}
    public let id = CheckID.factNotFeeling
    public let rule = "A fact states what happened, not how anyone felt about it or judged it."
    public let rationale = """
        Separate facts from emotions: objective factors (the deadline was very tight; materials came on Monday, \
        not Friday) are facts. Everything else (we were nervous, they were furious) is emotion: acknowledged, \
        recorded apart, never mixed into the facts.
        """
    public let defaultSeverity = Severity.warning
    public let triggering: [CheckExample] = [
        .item("The client was furious about the delay!", in: "facts", side: .client),
        .item("As usual, the materials came late.", in: "facts", side: .client),
        .item("They never read our emails.", in: "facts", side: .client),
        .item("The brief was obviously incomplete.", in: "facts", side: .us),
        .item("The handover was a total disaster.", in: "facts", side: .us),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("Materials arrived on Monday, not on Friday as promised.", in: "facts", side: .client),
        .item("The deadline was very tight: five days, two of them a weekend.", in: "facts", side: .us),
        .item("The fixed version was ready at 8:30; the event started at 9:00.", in: "facts", side: .us),
        .item("We were nervous and worked through the night.", in: "emotions", side: .us),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard spec.kind == .facts, let evidence = evidence(c.plain(item.text), c.lexicon) else { return [] }
        return [finding(item, number, spec, "this fact carries a feeling or a judgement (\(evidence))",
                        "Move it to emotions, or say what happened instead: who did what, when, and what came of it.",
                        canMove: true)]
    }

    /// What makes the text read as a feeling, or nil.
    public func evidence(_ text: String, _ lex: Lexicon) -> String? {
        let words = Text.words(in: text)
        let feelings = lex.words("feeling-words"), judgements = lex.words("judgement-words")
        if let w = words.first(where: { feelings.contains($0) }) { return "'\(w)'" }
        if let w = words.first(where: { judgements.contains($0) }) { return "'\(w)'" }
        if let p = Text.firstPhrase(words, lex.phrases("judgement-phrases")) { return "'\(p.joined(separator: " "))'" }
        if text.contains("!") { return "an exclamation mark" }
        return nil
    }
}
