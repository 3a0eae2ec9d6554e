import DebriefCore

/// A lesson is a rule someone can follow and check, carried out by an action.
public struct LessonIsARule: Check {
    public init() {}
    public let id = CheckID.lessonIsARule
    public let rule = "A lesson is a rule someone can follow and check (\"we confirm every agreement in writing\"), not a wish (\"communicate better\")."
    public let rationale = """
        The team turns what it saw into rules: we no longer take such burning projects; we confirm every \
        agreement in writing; we ask for feedback at the end of each key stage. "Communicate better" changes nothing.
        """
    public let defaultSeverity = Severity.warning
    public let triggering: [CheckExample] = [
        .item("Communicate better.", in: "lessons"),
        .item("We need to be more careful with deadlines.", in: "lessons"),
        .item("Improve planning.", in: "lessons"),
        .item("Kommunikoidaan paremmin.", in: "lessons", locale: "fi"),
        .item("Rút kinh nghiệm để làm tốt hơn.", in: "lessons", locale: "vi"),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("We confirm every agreement in writing within one working day.", in: "lessons"),
        .item("We no longer take projects with less than a week before the event.", in: "lessons"),
        .item("Every release has a rollback plan reviewed by a second engineer.", in: "lessons"),
        .item("Vahvistamme jokaisen sopimuksen kirjallisesti yhden työpäivän kuluessa.", in: "lessons", locale: "fi"),
    ]

    public func check(item: Item, number: Int, in spec: SectionSpec, _ c: CheckContext) -> [Finding] {
        guard spec.kind == .lessons, let why = vagueness(c.plain(item.text), c.lexicon) else { return [] }
        return [finding(item, number, spec, c, "lesson-is-a-rule", ["why": why])]
    }

    /// Why the lesson reads as vague, or nil.
    public func vagueness(_ text: String, _ lex: Lexicon) -> String? {
        let words = Text.words(in: text)
        if let hedge = lex.firstPhrase("lesson-hedges", in: words) { return "'\(hedge.joined(separator: " "))'" }
        let concrete = text.contains(where: \.isNumber) || lex.firstPhrase("rule-markers", in: words) != nil
        // "If possible" hedges a rule that is concrete otherwise ("within 48 hours, by phone if possible"), or that says
        // what happens if not, only in its detail.
        if let hedge = lex.firstPhrase("lesson-soft-hedges", in: words), !concrete, lex.firstPhrase("lesson-fallbacks", in: words) == nil {
            return "'\(hedge.joined(separator: " "))'"
        }
        if let p = lex.firstPhrase("vague-lesson-phrases", in: words), !concrete {
            return "'\(p.joined(separator: " "))'"
        }
        // "Better", "more": a comparison with no number is a wish, whatever else the lesson says.
        if let p = lex.firstPhrase("vague-always", in: words), !text.contains(where: \.isNumber) { return "'\(p.joined(separator: " "))'" }
        if words.count <= lex.number("short-lesson", default: 3) && !concrete { return lex.messages("too-short") }
        return nil
    }
}

/// Every lesson is carried out by an action: a shared tag, or words in common.
public struct LessonCarriedOut: Check {
    public init() {}
    public let id = CheckID.lessonCarriedOut
    public let rule = "Every lesson has an action that carries it out (a shared #tag, or words in common)."
    public let rationale = """
        A rule nobody puts into practice is forgotten by the next project: each lesson gets an action with an owner \
        and a due date, and the next debrief checks that it was done.
        """
    public let defaultSeverity = Severity.info
    public let looksAtItems = false
    public let triggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: A rule nobody carries out
            sections:
              lessons:
                - text: We confirm every agreement in writing within one working day.
              actions:
                - text: Send the client the revised invoice.
                  owner: Anna Berg
            """, "a lesson and an unrelated action"),
    ]
    public let nonTriggering: [CheckExample] = [
        .record("""
            debrief: 1
            title: Carried out by words in common
            sections:
              lessons:
                - text: We confirm every agreement in writing within one working day.
              actions:
                - text: Add a step to the project checklist to confirm each agreement in writing.
                  owner: Anna Berg
            """, "the action shares the lesson's words"),
        .record("""
            debrief: 1
            title: Carried out by a tag
            sections:
              lessons:
                - text: Every release has a rollback plan reviewed by a second engineer.
                  tags: [rollback]
              actions:
                - text: Write the runbook section and train the on-call rota.
                  tags: [rollback]
                  owner: Anna Berg
            """, "a shared tag"),
    ]

    public func check(_ c: CheckContext) -> [Finding] {
        let actions = c.format.sections.filter { $0.kind == .actions }.flatMap { c.record.items(in: $0.id) }
            .map { (tags: Set($0.tags), words: Set(Text.words(in: c.plain($0.text)))) }
        let stop: Set<String> = ["we", "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "every", "each", "our", "at", "by", "is", "be", "it", "that", "this", "when", "all", "no"]
        var out: [Finding] = []
        for (spec, number, lesson) in c.allItems where spec.kind == .lessons {
            let lw = Set(Text.words(in: c.plain(lesson.text))).subtracting(stop).filter { $0.count > 3 }
            let carried = actions.contains { a in
                !a.tags.isDisjoint(with: lesson.tags) || a.words.intersection(lw).count >= 2
            }
            if !carried {
                out.append(finding(lesson, number, spec, c, "lesson-carried-out"))
            }
        }
        return out
    }
}
