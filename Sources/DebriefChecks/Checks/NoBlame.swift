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
        .item("Kim merged the change without review.", in: "mistakes", side: .us),
        .item("It was Kim's decision to ship on Friday.", in: "mistakes", side: .us),
        .item("Lauralta unohtui varata kuriiri maanantaiksi.", in: "mistakes", side: .us, locale: "fi"),
        .item("Mikolta jäivät testit ajamatta.", in: "facts", side: .us, locale: "fi"),
        .item("Gábornak kellett volna lefoglalnia a futárt, de elfelejtette.", in: "mistakes", side: .us, locale: "hu"),
        .item("Тэмүүжин тестийг мартсан.", in: "facts", side: .us, locale: "mn"),
        .item("تأخر التسليم بسبب محمد.", in: "facts", side: .us, locale: "ar"),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("We did not confirm the agreements in writing.", in: "mistakes", side: .us),
        .item("Materials arrived on Monday, not on Friday.", in: "facts", side: .client),
        .item("Big Bank moved the event to Tuesday.", in: "facts", side: .client),
        .item("Anna sent the proposal on Tuesday.", in: "facts", side: .us),
        .item("The deploy failed at 14:02 because the certificate had expired.", in: "facts", side: .us),
        .item("We relied on Stripe's retry defaults and did not test a timeout.", in: "mistakes", side: .us),
        .item("We relied on Acme's retry defaults.", in: "mistakes", side: .us),
        .item("Laura lähetti tarjouksen tiistaina.", in: "facts", side: .us, locale: "fi"),
        .item("Péterrel hétfőn egyeztettük a nyomdai határidőt.", in: "facts", side: .us, locale: "hu"),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard spec.kind != .narrative, spec.kind != .positives, let who = blamed(c.plain(item.text), c, inMistakes: spec.kind == .mistakes) else { return [] }
        return [finding(item, number, spec, c, "no-blame", ["who": who])]
    }

    /// Who the text blames, or nil.
    public func blamed(_ text: String, _ c: CheckContext, inMistakes: Bool = false) -> String? {
        let lex = c.lexicon
        let text = Text.removingQuoted(text)
        let words = Text.words(in: text)
        if let p = lex.firstPhrase("blame-phrases", in: words) { return "'\(p.joined(separator: " "))'" }
        if lex.flag("blame-in-clause") { return blamedInClause(text, c) }
        let tokens = Text.tokens(in: text)
        let recordNotPersons = c.recordNotPersons
        let sentenceStarts = sentenceStartIndices(text, tokens)

        for (i, tok) in tokens.enumerated() {
            let lower = tok.lowercased()
            var base = lower
            if base.hasSuffix("'s") { base = String(base.dropLast(2)) }
            let isKnown = c.names.member(inWord: tok) != nil
            let isPronoun = lex.has("individual-pronouns", lower)
            let capitalised = tok.first?.isUppercase == true && tok.count >= 2 && !tok.allSatisfy { $0.isUppercase || !$0.isLetter }
            let unknownName = capitalised && !lex.has("not-persons", base) && !recordNotPersons.contains(base) && !looksLikeThing(base)
            // At the start of a sentence any word is capitalised: count it only when a verb follows at once
            // ("Dave forgot ...", "Kim merged ..."), and not for plurals ("Tests failed").
            let startsSentence = sentenceStarts.contains(i)
            let next = i + 1 < tokens.count ? tokens[i + 1].lowercased() : ""
            let nextTwo = tokens.dropFirst(i + 1).prefix(2).map { $0.lowercased() }
            let directVerb = lex.has("blame-verbs", next) || (next.hasSuffix("ed") && next.count > 3)
                || (nextTwo.count == 2 && !["was", "were", "is", "are"].contains(next) && lex.firstPhrase("blame-verbs", in: nextTwo) == nextTwo)
            // "the event coordinator", "our designer": a role that stands for one person.
            let isRole = lex.has("role-words", base) && i >= 1 && (["the", "our", "their", "your", "his", "her"].contains(tokens[i - 1].lowercased())
                || (i >= 2 && (["the", "our", "their"].contains(tokens[i - 2].lowercased()) || tokens[i - 2].lowercased().hasSuffix("'s"))))
            let candidate = isKnown || isPronoun || isRole
                || (unknownName && (!startsSentence || (directVerb && !base.hasSuffix("s") && base.count <= 10)))
            guard candidate else { continue }
            // "Linh's fault", "It was Kim's decision to ship", "Owen's untested script": a person's own decision, fault or
            // failed work; "Stripe's retry defaults", "Wendy's new menu" are things, and what follows is not about a person.
            if lower.hasSuffix("'s"), i + 1 < tokens.count {
                if lex.has("blame-possessions", tokens[i + 1].lowercased()) { return String(tok.dropLast(2)) }
                if !isKnown { continue }
            }
            // In a mistake, a person who opens the sentence and acts failed: "Chloe pushed the rates to production on Friday".
            if inMistakes, startsSentence, isKnown || unknownName, !isPronoun,
               next.hasSuffix("ed") || lex.has("blame-verbs", next) || lex.has("past-verbs", next) {
                return tok
            }
            if i >= 2, ["because of", "due to"].contains("\(tokens[i - 2].lowercased()) \(tokens[i - 1].lowercased())") {
                return tok
            }
            // "We did not tell Gareth ...": a person after "we" in the same clause is the one we failed, not who failed.
            var afterUs = false
            var k = i - 1
            while k >= 0 {
                let w = tokens[k].lowercased()
                if ["we", "i", "we'd", "we've", "i'd", "i've"].contains(w) {
                    // "Tamás and I", "I and Tamás": together, not one we failed.
                    afterUs = !((k + 1 < i && tokens[k + 1].lowercased() == "and") || (k >= 1 && tokens[k - 1].lowercased() == "and"))
                    break
                }
                if sentenceStarts.contains(k) || lex.has("clause-breaks", w) { break }
                k -= 1
            }
            if afterUs && !isPronoun { continue }
            // The person, then (after a filler or two) a verb of failure within a few words.
            var j = i + 1
            var steps = 0
            while j < tokens.count, steps < 7 {
                let w = tokens[j].lowercased()
                // "It was Fletcher who missed the typo".
                if w == "who", j == i + 1 { j += 1; continue }
                // "Tamás and I did not check": the person and the writer failed together.
                if w == "and", j + 1 < tokens.count, ["i", "we"].contains(tokens[j + 1].lowercased()) { j += 2; continue }
                if sentenceStarts.contains(j) || lex.has("clause-breaks", w) || lex.has("neutral-verbs", w) { break }
                if lex.has("blame-verbs", w) { return tok }
                if let p = lex.firstPhrase("blame-verbs", in: Array(tokens[j...].prefix(3)).map { $0.lowercased() }), p.count > 1,
                   Array(tokens[j...].prefix(p.count)).map({ $0.lowercased() }) == p { return tok }
                if !lex.has("blame-fillers", w) { steps += 1 }
                j += 1
            }
        }
        return nil
    }

    /// For the languages whose word order and endings the English reading does not fit (templates/checks/LANG.yml
    /// sets `blame-in-clause`): a person (a participant with any ending, a pronoun or role for one person, or a
    /// capitalised name, after a title where the language has them) and, in the same clause, a word of failure.
    func blamedInClause(_ text: String, _ c: CheckContext) -> String? {
        let lex = c.lexicon
        let titles = lex.lists["person-titles"] ?? []
        let capitalNames = lex.flag("capitalised-names")
        // Where names are written with a capital, a participant's name is only one written so ("văn bản" is a document).
        let namesCapitalised = lex.flag("names-capitalised")
        // The client's own names, with the language's endings ("Duna Banktól" is the client's).
        let clientWords = Set(c.recordNotPersons.map(Fold.key))
        func isClients(_ w: String) -> Bool {
            let key = Fold.key(w)
            return clientWords.contains(key) || lex.nameEndings.bases(of: key).contains(where: clientWords.contains)
        }
        for sentence in Text.sentences(text) {
            // The person of the clause before: "Tamás, the camera operator, came two hours late" blames Tamás.
            var before: String?
            // Clauses end at a comma, a semicolon, a dash or a clause-break word; the sentence's first word is
            // capitalised whatever it is.
            var clauses: [[(tok: String, lower: String, first: Bool)]] = []
            var clause: [(tok: String, lower: String, first: Bool)] = []
            var first = true
            for piece in sentence.split(whereSeparator: { ",;:–—".contains($0) }) {
                for t in Text.tokens(in: String(piece)) {
                    let lower = t.lowercased()
                    if lex.has("clause-breaks", lower), !clause.isEmpty { clauses.append(clause); clause = [] }
                    clause.append((t, lower, first))
                    first = false
                }
                if !clause.isEmpty { clauses.append(clause); clause = [] }
            }
            for cl in clauses {
                var person: String?
                // "Kallen takia", "Péter miatt", "بسبب خالد": a name and a word that puts the failure on it, wherever "we" stands.
                for (i, w) in cl.enumerated() where c.names.member(inWord: w.tok) != nil && !isClients(w.tok) {
                    if (i + 1 < cl.count && lex.has("blame-markers", cl[i + 1].lower)) || (i > 0 && lex.has("blame-markers", cl[i - 1].lower)) {
                        return w.tok
                    }
                }
                // "We did not call Jussi": a person after the first person is not the one who failed.
                let lowers = cl.map(\.lower)
                let firstPerson = lex.firstPersonIndex(cl.map(\.tok)) ?? Int.max
                // A legal form ("Kft.", "ХХК", "Oy") makes the capitalised words beside it a company's name.
                let companyAt = lex.firstIndex("company-markers", in: lowers)
                let company = companyAt != nil
                if let role = lex.firstPhrase("role-words", in: lowers), (lex.firstIndex("role-words", in: lowers) ?? 0) < firstPerson {
                    person = role.joined(separator: " ")
                }
                for (i, w) in cl.enumerated() where person == nil && i < firstPerson {
                    if lex.has("not-persons", w.lower) || isClients(w.tok) { continue }
                    // A title before a name ("Anh Huy") is not itself the name, even where it is one too.
                    if titles.contains(w.lower), i + 1 < cl.count, cl[i + 1].tok.first?.isUppercase == true { continue }
                    // "CRM-ээс", "PDF:ää": an acronym with an ending is not a name.
                    let head = w.tok.prefix { $0 != "-" && $0 != ":" }
                    let acronym = (head.count >= 2 || head.count < w.tok.count) && head.allSatisfy { $0.isUppercase || !$0.isLetter }
                    let capital = !acronym && w.tok.first?.isUppercase == true && w.tok.count >= 2 && !w.tok.allSatisfy { $0.isUppercase || !$0.isLetter }
                    // "Công ty Minh Long", "مطبعة حسن": a name right after a legal form or a company word is the company's.
                    let named = companyAt.map { abs(i - $0) <= 3 && i != $0 } ?? false
                    if (capital || !namesCapitalised) && !named && c.names.member(inWord: w.tok) != nil { person = w.tok; break }
                    // Where the verb comes first ("نسي خالد"), the word after a verb that takes a person is one.
                    if lex.flag("names-after-verbs"), i > 0, !named, lex.has("person-verbs", cl[i - 1].lower) { person = w.tok; break }
                    if lex.has("individual-pronouns", w.lower) || lex.has("role-words", w.lower) { person = w.tok; break }
                    guard capital else { continue }
                    if i > 0, titles.contains(cl[i - 1].lower) { person = w.tok; break }
                    // "Lappeenrannassa", "in Lappeenranta": a place's ending.
                    guard capitalNames, !company, !lex.has("place-endings", w.lower) else { continue }
                    // The sentence's first word is capitalised whatever it is: a name only when a verb that takes a person
                    // follows at once ("Márk elrontotta", "Mikko sössi").
                    if !w.first || (i + 1 < cl.count && lex.has("person-verbs", cl[i + 1].lower)) { person = w.tok; break }
                }
                // "sửa lỗi" (fixed a bug) is not a failure, though "lỗi" (error) alone may be.
                let failing = lex.masking("not-failure-phrases", lowers)
                let failure = failing.contains(where: { !$0.isEmpty && lex.has("blame-verbs", $0) })
                    || (lex.firstPhrase("blame-verbs", in: failing).map { $0.count > 1 } ?? false)
                guard let person else {
                    // No one named here, and not us: the failure is the last person's ("..., ő tartotta fel", "ولم يحجزها").
                    if failure, firstPerson == Int.max, let before { return before }
                    before = nil
                    for (i, w) in cl.enumerated() where c.names.member(inWord: w.tok) != nil && !isClients(w.tok) {
                        let named = companyAt.map { abs(i - $0) <= 3 && i != $0 } ?? false
                        // After "we", a person is the one we spoke to; only where the language says so (Arabic "كتبنا لطارق
                        // ولم يرد", "we wrote to Tariq and he did not answer") does a failure after it come back to them.
                        let objectOfUs = i > firstPerson && !lex.flag("blame-carries-objects")
                        if !named, !objectOfUs, !namesCapitalised || w.tok.first?.isUppercase == true { before = w.tok; break }
                    }
                    continue
                }
                if failure { return person }
                before = person
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
