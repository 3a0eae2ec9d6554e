import DebriefCore

/// A failure is put on a process or on "we", never on a named person.
public struct NoBlame: Check {
    public init() {}
    public let id = CheckID.noBlame
    public let rule = "No item puts a failure on a named person; the team owns it as \"we\"."
    public let rationale = """
        Admissions are owned by the team: nobody throws a teammate under the bus, and individual names stay out \
        of what the client sees. Treat the technical problem apart from the people, find its root cause and \
        change the rule that let it happen.
        """
    public let defaultSeverity = Severity.warning
    public let triggering: [CheckExample] = [
        .item("Anna forgot to send the confirmation.", in: "mistakes", side: .us),
        .item("The deadline slipped because of Tamás.", in: "facts", side: .us),
        .item("It was Linh's fault that the files were late.", in: "mistakes", side: .us),
        .item("The outage was human error.", in: "facts", side: .us),
        .item("The release broke because Dave skipped the tests.", in: "facts", side: .us),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("We did not confirm the agreements in writing.", in: "mistakes", side: .us),
        .item("Materials arrived on Monday, not on Friday.", in: "facts", side: .client),
        .item("Big Bank moved the event to Tuesday.", in: "facts", side: .client),
        .item("Anna sent the proposal on Tuesday.", in: "facts", side: .us),
        .item("The deploy failed at 14:02 because the certificate had expired.", in: "facts", side: .us),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard spec.kind != .narrative, spec.kind != .positives, let who = blamed(c.plain(item.text), c) else { return [] }
        return [finding(item, number, spec, "this puts the failure on \(who)",
                        "Say it as the team's mistake (\"we did not ...\") and name the process that let it happen, not the person.")]
    }

    /// Who the text blames, or nil.
    public func blamed(_ text: String, _ c: CheckContext) -> String? {
        let lex = c.lexicon
        let words = Text.words(in: text)
        if let p = Text.firstPhrase(words, lex.phrases("blame-phrases")) { return "'\(p.joined(separator: " "))'" }
        let tokens = Text.tokens(in: text)
        let notPersons = lex.words("not-persons"), recordNotPersons = c.recordNotPersons
        let pronouns = lex.words("individual-pronouns")
        let verbs = lex.words("blame-verbs"), verbPhrases = lex.phrases("blame-verbs").filter { $0.count > 1 }
        let fillers = lex.words("blame-fillers"), breaks = lex.words("clause-breaks"), roles = lex.words("role-words")
        let knownParts = c.nameParts
        let sentenceStarts = sentenceStartIndices(text, tokens)

        for (i, tok) in tokens.enumerated() {
            let lower = tok.lowercased()
            var base = lower
            if base.hasSuffix("'s") { base = String(base.dropLast(2)) }
            let isKnown = knownParts.contains(base)
            let isPronoun = pronouns.contains(lower)
            let capitalised = tok.first?.isUppercase == true && tok.count >= 2 && !tok.allSatisfy { $0.isUppercase || !$0.isLetter }
            let unknownName = capitalised && !notPersons.contains(base) && !recordNotPersons.contains(base) && !looksLikeThing(base)
            // At the start of a sentence any word is capitalised: count it only when a verb of failure follows at once
            // ("Dave forgot ..."), and not for plurals ("Tests failed").
            let startsSentence = sentenceStarts.contains(i)
            let next = i + 1 < tokens.count ? tokens[i + 1].lowercased() : ""
            let directVerb = verbs.contains(next) || (next.hasSuffix("ed") && next.count > 3)
            // "the event coordinator", "our designer": a role that stands for one person.
            let isRole = roles.contains(base) && i >= 1 && (["the", "our", "their", "your", "his", "her"].contains(tokens[i - 1].lowercased())
                || (i >= 2 && ["the", "our", "their"].contains(tokens[i - 2].lowercased())))
            let candidate = isKnown || isPronoun || isRole
                || (unknownName && (!startsSentence || (directVerb && !base.hasSuffix("s") && base.count <= 10)))
            guard candidate else { continue }
            // "Linh's fault", "because of Tamás", "thanks to Dave".
            if lower.hasSuffix("'s"), i + 1 < tokens.count, ["fault", "mistake", "error", "blame"].contains(tokens[i + 1].lowercased()) {
                return tok.dropLast(2).description
            }
            if i >= 2, ["because of", "due to", "thanks to"].contains("\(tokens[i - 2].lowercased()) \(tokens[i - 1].lowercased())") {
                return tok
            }
            // The person, then (after a filler or two) a verb of failure within a few words.
            var j = i + 1
            var steps = 0
            while j < tokens.count, steps < 5 {
                let w = tokens[j].lowercased()
                if sentenceStarts.contains(j) || breaks.contains(w) { break }
                if verbs.contains(w) { return tok }
                if verbPhrases.contains(where: { Text.contains(Array(tokens[j...].prefix($0.count)).map { $0.lowercased() }, $0) }) { return tok }
                if !fillers.contains(w) { steps += 1 }
                j += 1
            }
        }
        return nil
    }

    /// Nouns by their endings: "Testing failed", "Deployment broke" are about things.
    func looksLikeThing(_ w: String) -> Bool {
        ["ing", "ment", "tion", "sion", "ness", "ity", "ance", "ence", "ure", "ship", "ism", "ware"].contains { w.hasSuffix($0) && w.count > $0.count + 2 }
    }

    func sentenceStartIndices(_ text: String, _ tokens: [String]) -> Set<Int> {
        var starts: Set<Int> = [0]
        var idx = 0
        for s in Text.sentences(text) {
            let n = Text.tokens(in: s).count
            starts.insert(idx)
            idx += n
        }
        return starts
    }
}
