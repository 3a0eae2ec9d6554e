import DebriefCore

/// What the client sees names no team member: the client policy's leaks, exactly as every client output refuses them.
public struct ClientSafe: Check {
    public init() {}
    public let id = CheckID.clientSafe
    public let rule = "Nothing the client would see names a team member (with --audience client); internal items and tags are never shown."
    public let details = """
        The same policy decides what every client output shows and refuses: items marked internal: true, tagged with an \
        internal tag, or with #internal written in their text are left out; tags are never shown; participants on our \
        side and action owners appear as "our team"; and every field still shown (titles, client, project, client \
        people's names and roles, narratives, items, counterfactuals, link addresses and titles, raw HTML, the \
        archive's agency, signature, client-title and client-intro, the format's name and headings, the labels and \
        the letter template) is searched for each team member's name in any spelling: any case, accents dropped, \
        fullwidth, small-capital or look-alike letters of other scripts, invisible characters, text reversed by a \
        bidi override, curly or straight apostrophes ("OBrien", "O Brien"), possessives, run together ("annaberg", \
        "jeanluc"), e-mail addresses and handles ("grace@...", "@ng"), the address forms initial+surname ("aberg") \
        and name+initial ("annab") for names of four letters or more, percent-encoded links and character \
        references. A part of two letters ("Ng", "Bo") counts where it has a capital. A part that is also an \
        ordinary word (Will, May, Mark, Grace; the lists are data in templates/client-safe) counts only where it is \
        written as a name: with a capital next to another part of the name, with a capital in the middle of a \
        sentence (after "Ms.", "Dr.", "e.g." or an initial the sentence goes on; a word in capitals counts unless \
        its neighbours shout too), or alone on its line or before punctuation ("- Grace", "Signed off: Mark."). \
        Leaks are named by file, line, column, section and item, with the word that was taken for the name; \
        `render --allow-names` (and `check --allow-names`) let names through. The examples below are checked with \
        the team Anna Berg, Tamás Kovács, Linh Nguyen and Will Smith.
        """
    public let rationale = """
        Tell the client how the problem affects them, not every internal detail; admissions are owned by the \
        team, and individual names stay out of what the client sees.
        """
    public let defaultSeverity = Severity.error
    public let triggering: [CheckExample] = [
        .item("Anna did not confirm the agreements in writing.", in: "mistakes", side: .us),
        .item("We should have asked anna before the weekend.", in: "mistakes", side: .us),
        .item("The files were sent by ANNA BERG on Friday.", in: "facts", side: .us),
        .item("Annas draft was late; Berg's review came on Monday.", in: "facts", side: .us),
        .item("Write to anna.berg@agency.example for the files.", in: "facts", side: .us),
        .item("The brief went to [the account lead](https://agency.example/team/ann%61).", in: "facts", side: .us),
        .item("Tamas redrew the charts overnight.", in: "facts", side: .us),
        .item("The review with Ann&#97; took an hour.", in: "facts", side: .us),
        .item("We asked Will to redo the slides.", in: "mistakes", side: .us),
        .item("Will Smith missed the call.", in: "mistakes", side: .us),
    ]
    public let nonTriggering: [CheckExample] = [
        .item("We did not confirm the agreements in writing.", in: "mistakes", side: .us),
        .item("Anna worked through the night alone.", in: "emotions", side: .us, "internal: true"),
        .item("Staffing was thin that week.", in: "facts", side: .us, "tags: [staffing]"),
        .item("Anna was off sick that week. #internal", in: "facts", side: .us),
        .item("We will deliver the fixed deck on Friday.", in: "remedies"),
        .item("Will the client need the source files? We sent them anyway.", in: "facts", side: .us),
        .item("The marketing director approved the brief.", in: "facts", side: .client),
    ]

    public func check(_ c: CheckContext) -> [Finding] {
        guard let view = c.clientView else { return [] }
        return view.leaks.map { leak in
            var f = Finding(check: id, severity: .error, message: leak.message, suggestion: leak.suggestion,
                            section: leak.item == nil ? nil : leak.section, item: leak.item, position: leak.position ?? .start)
            if leak.inArchiveSettings || leak.inFormat { f.file = leak.file }
            return f
        }
    }
}
