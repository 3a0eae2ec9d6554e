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
        .item("We were given an impossible deadline.", in: "facts", side: .client),
        .item("Asiakas oli raivoissaan viivästyksestä.", in: "facts", side: .client, locale: "fi"),
        .item("Đội ngũ rất thất vọng.", in: "facts", side: .us, locale: "vi"),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("Materials arrived on Monday, not on Friday as promised.", in: "facts", side: .client),
        .item("The deadline was very tight: five days, two of them a weekend.", in: "facts", side: .us),
        .item("The fixed version was ready at 8:30; the event started at 9:00.", in: "facts", side: .us),
        .item("Stressitesti kaatoi palvelun 800 käyttäjän kohdalla.", in: "facts", side: .us, locale: "fi"),
        .item("We were nervous and worked through the night.", in: "emotions", side: .us),
        .item("Nobody pressed the panic button on the status page until 14:20.", in: "facts", side: .us),
        .item("The smoke test and the fire drill both passed on Monday.", in: "facts", side: .us),
        .item("The sanity check on the export was skipped.", in: "facts", side: .us),
        .item("The app showed \"Payment failed!\" to 312 customers.", in: "facts", side: .us),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard spec.kind == .facts, let evidence = evidence(c.plain(item.text), c.lexicon) else { return [] }
        return [finding(item, number, spec, c, "fact-not-feeling", ["evidence": evidence], canMove: true)]
    }

    /// What makes the text read as a feeling, or nil. What the text quotes is not its writer's ("the app said
    /// \"Oops!\""), and compounds that are not feelings ("panic button", "smoke test") do not count.
    public func evidence(_ text: String, _ lex: Lexicon) -> String? {
        let own = Text.removingQuoted(text)
        var words = lex.masking("not-feeling-phrases", Text.words(in: own))
        // A word written with a capital inside a sentence is a name ("the Hạnh Phúc hall", "Happy Valley Hotel").
        let tokens = Text.tokens(in: own)
        if tokens.count == words.count {
            var starts = true
            for (i, t) in tokens.enumerated() {
                if !starts, t.first?.isUppercase == true, t.dropFirst().contains(where: \.isLowercase) { words[i] = "" }
                starts = false
            }
        }
        if let w = lex.firstPhrase("feeling-words", in: words) { return "'\(w.joined(separator: " "))'" }
        if let w = lex.firstPhrase("judgement-words", in: words) { return "'\(w.joined(separator: " "))'" }
        if let p = lex.firstPhrase("judgement-phrases", in: words) { return "'\(p.joined(separator: " "))'" }
        if own.contains("!") { return lex.messages("exclamation-mark") }
        return nil
    }
}
