import DebriefCore

/// Our mistakes are said in the first person: "we did not...", not "it was not done".
public struct OwnTheMistake: Check {
    public init() {}
    public let id = CheckID.ownTheMistake
    public let rule = "Our mistakes are written in the first person (\"we did not...\"), not in the passive or impersonal voice."
    public let rationale = """
        Admit mistakes honestly, in the form "I was wrong to do X; had I not, it would have gone differently". \
        "Mistakes were made" owns nothing; "we did not put the agreements in writing" can be changed.
        """
    public let defaultSeverity = Severity.warning
    public let triggering: [CheckExample] = [
        .item("Mistakes were made.", in: "mistakes", side: .us),
        .item("The deadline was missed.", in: "mistakes", side: .us),
        .item("The agreements were never confirmed in writing.", in: "mistakes", side: .us),
        .item("No risk assessment.", in: "mistakes", side: .us),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("We did not confirm the agreements in writing.", in: "mistakes", side: .us),
        .item("I should have called instead of writing.", in: "mistakes", side: .us),
        .item("Our estimate ignored the weekend.", in: "mistakes", side: .us),
        .item("The materials were sent three days late.", in: "mistakes", side: .client),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard spec.kind == .mistakes, item.side != .client else { return [] }
        let words = Text.words(in: c.plain(item.text))
        let impersonal = Text.firstPhrase(words, c.lexicon.phrases("impersonal-phrases"))
        let first = c.lexicon.words("first-person")
        // The first person must own the main clause: "testing was skipped because we ran out of time" does not.
        let subordinators = c.lexicon.words("subordinators")
        let main = words.prefix { !subordinators.contains($0) }
        guard impersonal != nil || !main.contains(where: { first.contains($0) }) else { return [] }
        return [finding(item, number, spec, "this mistake is not owned: it reads as something that happened, not as something we did",
                        "Say it in the first person: \"We did not ...\" or \"I was wrong to ...\".")]
    }
}
