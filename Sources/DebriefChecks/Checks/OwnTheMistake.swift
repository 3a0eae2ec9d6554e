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
        .item("Because we were rushed, the test was skipped.", in: "mistakes", side: .us),
        .item("Sopimuksia ei vahvistettu kirjallisesti.", in: "mistakes", side: .us, locale: "fi"),
        .item("Тохиролцоонууд бичгээр баталгаажуулагдаагүй.", in: "mistakes", side: .us, locale: "mn"),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("We did not confirm the agreements in writing.", in: "mistakes", side: .us),
        .item("I should have called instead of writing.", in: "mistakes", side: .us),
        .item("Our estimate ignored the weekend.", in: "mistakes", side: .us),
        .item("The materials were sent three days late.", in: "mistakes", side: .client),
        .item("Emme vahvistaneet sopimuksia kirjallisesti.", in: "mistakes", side: .us, locale: "fi"),
        .item("Nem ellenőriztük a próbanyomatot.", in: "mistakes", side: .us, locale: "hu"),
        .item("نسينا إرسال التأكيد.", in: "mistakes", side: .us, locale: "ar"),
        .item("Chúng tôi không xác nhận thỏa thuận bằng văn bản.", in: "mistakes", side: .us, locale: "vi"),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard spec.kind == .mistakes, item.side != .client, !owned(c.plain(item.text), c.lexicon, names: c.names) else { return [] }
        return [finding(item, number, spec, c, "own-the-mistake")]
    }

    /// Whether the text owns the mistake: the first person (a word, or a verb's first-person ending where the language
    /// has one) in the main clause, and nothing impersonal. Where the language leaves the subject out of an active
    /// verb (`subject-dropped` in the word lists), a mistake with no impersonal wording and no other subject is ours.
    public func owned(_ text: String, _ lex: Lexicon, names: NameMatcher? = nil) -> Bool {
        let written = Text.words(in: text)
        let words = lex.masking("not-subordinators", written)
        // A first person only the vowel marks show (Arabic "دمجتُ", "I merged"): matched on the word as written.
        let marked = (lex.lists["first-person-marked"] ?? []).compactMap { Lexicon.Pattern($0) }
        if !marked.isEmpty, written.contains(where: { w in marked.contains { $0.matches(w) } }) { return true }
        if lex.firstPhrase("impersonal-phrases", in: words.filter { !$0.isEmpty }) != nil { return false }
        // The first person must own the main clause: "testing was skipped because we ran out of time" does not.
        var main = 0..<(words.firstIndex { lex.has("subordinators", $0) } ?? words.count)
        // A mistake that opens with its reason ("Because we were rushed, the test was skipped"; "Vì ... nên ..."):
        // the main clause follows the comma or the word that gives the result.
        if main.isEmpty, let first = words.first, lex.has("subordinators", first) {
            if let r = words.firstIndex(where: { lex.has("result-markers", $0) }) {
                main = (r + 1)..<words.count
            } else if let afterComma = text.split(separator: ",", maxSplits: 1).dropFirst().first {
                main = max(0, words.count - Text.words(in: String(afterComma)).count)..<words.count
            }
        }
        // Where the subject may be left out (English notes: "Didn't book a backup courier"), an opening active verb is ours.
        if lex.firstIndex("dropped-subject-openers", in: Array(words.prefix(2))) == 0, words.count > 1,
           !["been", "by"].contains(words[1]) { return true }
        // Where the language puts the reason first ("we lacked time so-that the test was-not-done"), the main
        // clause follows the last subordinator.
        if lex.flag("subordinate-first"), let last = words.lastIndex(where: { lex.has("subordinators", $0) }) {
            main = (last + 1)..<words.count
        }
        let tokens = Text.tokens(in: text)
        let mainTokens = tokens.count == words.count ? Array(tokens[main]) : []
        if tokens.count == words.count ? lex.firstPersonIndex(mainTokens) != nil : lex.firstPhrase("first-person", in: Array(words[main])) != nil {
            return true
        }
        if lex.flag("subject-dropped") {
            // Someone else named as the subject (a participant, a role) does not make it ours.
            let someoneElse = words[main].contains { lex.has("other-subjects", $0) || lex.has("role-words", $0) }
                || mainTokens.contains { t in t.first?.isUppercase == true && names?.member(inWord: t) != nil }
            return !someoneElse && words[main].contains { lex.has("active-verbs", $0) }
        }
        return false
    }

}
