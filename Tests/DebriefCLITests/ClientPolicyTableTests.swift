import Foundation
import XCTest

/// The one client-safety policy, as a user meets it: every client output (render md, html, json, pdf;
/// the letter in md, html, pdf) refuses the same leaks, and `check --audience client` reports exactly
/// those leaks; what is safe renders everywhere, and the team's own render still shows everything.
final class ClientPolicyTableTests: XCTestCase {
    // MARK: the table

    /// One leak the policy must find: the file it is reported against and the message (place and name).
    struct Expected: CustomStringConvertible {
        /// nil: any file, any place (where the policy does not yet say where such a leak is reported).
        var file: String?
        var message: String
        var description: String { "\(file ?? "*"): \(message)" }

        func matches(_ line: String) -> Bool {
            guard let file else { return line.contains(": error: [client-safe] ") && line.hasSuffix(message) }
            return line.hasPrefix(file + ":") && line.hasSuffix(": error: [client-safe] " + message)
        }
    }

    struct Case {
        var name: String
        var record: Record = Record()
        /// Lines added to the archive's debrief.yml (after `archive: 1`).
        var config: String = ""
        /// More files of the archive (path → text), e.g. an archive format in formats/.
        var files: [String: String] = [:]
        /// Commands run in the archive before the outputs (e.g. `debrief add`).
        var before: [[String]] = []
        /// Empty: a safe case.
        var leaks: [Expected] = []
        /// Safe cases: texts the team's render shows and no client output does.
        var hidden: [String] = []
        /// Safe cases: texts every client report (md, html, json) shows.
        var shown: [String] = []
        /// Safe cases: the title the letter's and the report's HTML `<title>` carry (and the record's title never shown).
        var pageTitle: String?
    }

    /// The record a case writes: a complete client-recovery debrief with a team and one client participant.
    /// Every field that a case varies is here; the defaults are safe.
    struct Record {
        var format = "client-recovery"
        var title = "Shop site relaunch"
        var client = "Corner Shop"
        var project = "Site relaunch"
        var clientRole = "runs the shop"
        var dialogue = "We met the head of sales at the shop a week after the launch."
        var summary = "We saw a launch that slipped a week; Corner Shop saw a checkout that failed."
        var outcome = "The head of sales chose the free fix and will call us in a month."
        var counterfactual = "The checkout would have worked on launch day."
        var owner = "Anna Berg"
        /// Facts after the two standard ones (so the first of them is item 3), as YAML list entries.
        var facts: [String] = []

        var yaml: String {
            """
            debrief: 1
            format: \(format)
            title: \(q(title))
            date: 2026-11-20
            status: draft
            client: \(q(client))
            project: \(q(project))
            locale: en
            participants:
              - name: Anna Berg
                side: us
                role: account lead
              - name: Tomás Ruiz
                side: us
              - name: Nguyễn Thị Mai
                side: us
              - name: Seán O'Brien
                side: us
              - name: Will Smith
                side: us
              - name: Head of sales
                side: client
                role: \(q(clientRole))
            sections:
              dialogue: \(q(dialogue))
              summary: \(q(summary))
              facts:
                - text: The site went live on Monday, a week late.
                  side: us
                - text: The head of sales saw the checkout fail on Tuesday.
                  side: client
            \(facts.joined())  emotions:
                - text: We were embarrassed that the checkout failed.
                  side: us
              mistakes:
                - text: We did not test the checkout with real cards.
                  side: us
                  counterfactual: \(q(counterfactual))
              positives:
                - text: The head of sales told us about the failure within the hour.
              lessons:
                - text: We test the checkout with real cards before every launch.
              remedies:
                - text: We fix the checkout for free this week.
                  chosen: true
                - text: We refund the launch fee.
              actions:
                - text: Call the head of sales to ask how the first month went.
                  owner: \(q(owner))
                  due: 2026-12-20
              outcome: \(q(outcome))

            """
        }
    }

    /// A YAML double-quoted scalar.
    static func q(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// One more fact (our side), with extra YAML lines such as `tags: [staffing]`.
    static func fact(_ text: String, extra: [String] = []) -> String {
        "    - text: \(q(text))\n      side: us\n" + extra.map { "      \($0)\n" }.joined()
    }

    /// The first fact a case adds is item 3 of the facts.
    static let caseFact = 3

    static func itemLeak(_ section: String, _ item: Int, _ who: String, field: String? = nil) -> Expected {
        Expected(file: "r.yml", message: "section '\(section)', item \(item)\(field.map { " (\($0))" } ?? "") names the team member '\(who)'")
    }
    static func fieldLeak(_ field: String, _ who: String) -> Expected {
        Expected(file: "r.yml", message: "'\(field)' names the team member '\(who)'")
    }
    static func settingLeak(_ setting: String, _ who: String) -> Expected {
        Expected(file: "debrief.yml", message: "'\(setting)' in debrief.yml names the team member '\(who)'")
    }

    /// The same leak anywhere, however the policy places it: only the name is sure.
    static func anyLeak(_ who: String) -> Expected {
        Expected(file: nil, message: "names the team member '\(who)'")
    }

    /// An archive format: client-recovery under another id, changed by `edit`.
    static func archiveFormat(_ edit: (String) -> String) -> [String: String] {
        let builtIn = (try? String(contentsOfFile: templatesDir + "/formats/client-recovery.yml", encoding: .utf8)) ?? ""
        return ["formats/northlight.yml": edit(builtIn.replacingOccurrences(of: "format: client-recovery", with: "format: northlight"))]
    }

    static let anna = "Anna Berg", tomas = "Tomás Ruiz", mai = "Nguyễn Thị Mai", sean = "Seán O'Brien", will = "Will Smith"

    static var cases: [Case] {
        var cases: [Case] = []
        func leakingFact(_ name: String, _ text: String, _ who: String) {
            var r = Record()
            r.facts = [fact(text)]
            cases.append(Case(name: name, record: r, leaks: [itemLeak("facts", caseFact, who)]))
        }
        // Spellings of a name.
        leakingFact("accent dropped: Tomas", "Tomas sent the files late.", tomas)
        leakingFact("title and accent dropped: Ms Nguyen", "We waited for Ms Nguyen to approve the files.", mai)
        leakingFact("surname alone: Nguyen", "Nguyen approved the files on Friday.", mai)
        leakingFact("lower case: ask anna", "We should ask anna before the weekend.", anna)
        leakingFact("e-mail address", "Write to anna.berg@agency.example for the files.", anna)
        leakingFact("fullwidth letters", "\u{FF21}\u{FF4E}\u{FF4E}\u{FF41} sent the files late.", anna)
        leakingFact("Cyrillic look-alike letters", "\u{0410}nn\u{0430} sent the files late.", anna)
        for (label, scalar) in [("soft hyphen", "\u{00AD}"), ("zero-width space", "\u{200B}"), ("zero-width joiner", "\u{200D}"),
                                ("bidi override", "\u{202E}")] {
            leakingFact("invisible \(label) inside the name", "An\(scalar)na sent the files late.", anna)
        }
        leakingFact("curly apostrophe: O’Brien", "We asked O\u{2019}Brien for the files.", sean)
        leakingFact("possessive: Anna's", "Anna's draft was late.", anna)
        leakingFact("ordinary word written as a name: asked Will", "We asked Will to redo it.", will)

        // Markdown that shows the name only once resolved, in each narrative and in a counterfactual.
        let markdown: [(String, String)] = [
            ("entities", "The files came from Ann&#97; B&#101;rg."),
            ("emphasis inside the name", "The files came from An**na**."),
            ("link title", "See [the notes](https://x.example \"Anna\") for the details."),
            ("percent-encoded link address", "See [the notes](https://x.example/ann%61) for the details."),
        ]
        for (label, text) in markdown {
            for place in ["dialogue", "summary", "outcome"] {
                var r = Record()
                switch place {
                case "dialogue": r.dialogue = text
                case "summary": r.summary = text
                default: r.outcome = text
                }
                cases.append(Case(name: "markdown \(label) in \(place)", record: r, leaks: [fieldLeak(place, anna)]))
            }
            var r = Record()
            r.counterfactual = text
            cases.append(Case(name: "markdown \(label) in a counterfactual", record: r,
                              leaks: [itemLeak("mistakes", 1, anna, field: "counterfactual")]))
        }

        // An action owner is a team member even when not a listed participant.
        var owner = Record()
        owner.owner = "Bob Jones"
        owner.facts = [fact("Bob sent the summary late.")]
        cases.append(Case(name: "action owner who is not a participant", record: owner, leaks: [itemLeak("facts", caseFact, "Bob Jones")]))

        // The record's header fields.
        var client = Record()
        client.client = "Big Bank (via Anna Berg)"
        cases.append(Case(name: "client field", record: client, leaks: [fieldLeak("client", anna)]))
        var title = Record()
        title.title = "Anna's relaunch review"
        cases.append(Case(name: "title", record: title, leaks: [fieldLeak("title", anna)]))
        var project = Record()
        project.project = "Relaunch led by Tomás"
        cases.append(Case(name: "project", record: project, leaks: [fieldLeak("project", tomas)]))
        var role = Record()
        role.clientRole = "works with Anna"
        cases.append(Case(name: "client participant's role", record: role, leaks: [fieldLeak("participants", anna)]))

        // The archive's settings.
        cases.append(Case(name: "agency setting", config: "agency: Anna Berg Studio\n", leaks: [settingLeak("agency", anna)]))
        cases.append(Case(name: "signature setting", config: "signature: Anna and the Northlight team\n", leaks: [settingLeak("signature", anna)]))
        cases.append(Case(name: "client-title setting", config: "client-title: \"Debrief by Tomás for {client}\"\n",
                          leaks: [settingLeak("client-title", tomas)]))
        cases.append(Case(name: "client-intro setting", config: "client-intro: Seán wrote this summary for you.\n",
                          leaks: [settingLeak("client-intro", sean)]))
        // The setting itself names no one: the leak is the record's title, reported once, against the record.
        var shownTitle = Record()
        shownTitle.title = "Relaunch review with Anna"
        cases.append(Case(name: "record title shown through client-title {title}", record: shownTitle,
                          config: "client-title: \"{title} for {client}\"\n", leaks: [fieldLeak("title", anna)]))

        // Leaks an earlier version of the policy let through (regressions): refused like the rows above.
        var firstNameClient = Record()
        firstNameClient.client = "Big Bank (via Anna)"
        cases.append(Case(name: "client field naming a member by first name only", record: firstNameClient,
                          leaks: [fieldLeak("client", anna)]))
        var ownFormat = Record()
        ownFormat.format = "northlight"
        cases.append(Case(name: "archive format's name", record: ownFormat,
                          files: archiveFormat { $0.replacingOccurrences(of: "name: Client recovery", with: "name: Recovery as Anna Berg runs it") },
                          leaks: [anyLeak(anna)]))
        cases.append(Case(name: "archive format's client heading", record: ownFormat,
                          files: archiveFormat { $0.replacingOccurrences(of: "client-title: How we met", with: "client-title: How Anna met them") },
                          leaks: [anyLeak(anna)]))

        // Several leaks at once: each named, in one refusal.
        var several = Record()
        several.title = "Tomás's review"
        several.facts = [fact("We asked Will to redo it."), fact("The brief went to Seán.")]
        several.counterfactual = "Anna would have caught it."
        cases.append(Case(name: "several leaks in one record", record: several, config: "signature: Nguyen and team\n",
                          leaks: [fieldLeak("title", tomas), itemLeak("facts", caseFact, will), itemLeak("facts", caseFact + 1, sean),
                                  itemLeak("mistakes", 1, anna, field: "counterfactual"), settingLeak("signature", mai)]))

        // Safe.
        cases.append(Case(name: "safe: the record as it stands", shown: ["The site went live on Monday, a week late."]))
        func safeFact(_ name: String, _ text: String) {
            var r = Record()
            r.facts = [fact(text)]
            cases.append(Case(name: name, record: r, shown: [text]))
        }
        safeFact("safe: we will deliver", "We will deliver the fix on Friday.")
        safeFact("safe: Will at the start of a question", "Will the client need the files? We sent them.")
        safeFact("safe: the client's own names", "The head of sales at Corner Shop approved the brief.")
        func hiddenFact(_ name: String, _ text: String, _ extra: [String], config: String = "") {
            var r = Record()
            r.facts = [fact(text, extra: extra)]
            cases.append(Case(name: name, record: r, config: config, hidden: [text.replacingOccurrences(of: " #internal", with: "")]))
        }
        hiddenFact("safe: an archive internal tag", "Anna was alone that week.", ["tags: [staffing]"], config: "internal-tags: [staffing]\n")
        hiddenFact("safe: internal: true", "Anna worked through the night.", ["internal: true"])
        hiddenFact("safe: hand-edited tag '#internal'", "Anna was off that week.", ["tags: [\"#internal\"]"])
        hiddenFact("safe: hand-edited tag 'internal '", "Tomás was off that week.", ["tags: [\"internal \"]"])
        hiddenFact("safe: #internal in the text", "Anna was off sick that week. #internal", [])
        var internalItem = Record()
        internalItem.facts = [fact("Seán forgot the test cards.", extra: ["internal: true"])]
        cases.append(Case(name: "safe: an internal item naming Seán", record: internalItem, hidden: ["Seán forgot the test cards."]))
        cases.append(Case(name: "safe: typed with debrief add and (#internal)",
                          before: [["add", "facts", "Anna was ill (#internal)", "--side", "us", "--file", "r.yml"]],
                          hidden: ["Anna was ill"]))
        var tagged = Record()
        tagged.facts = [fact("We sent the files on Friday.", extra: ["tags: [anna]"])]
        cases.append(Case(name: "safe: a tag that is a team member's name", record: tagged, hidden: ["#anna"],
                          shown: ["We sent the files on Friday."]))
        cases.append(Case(name: "safe: client-title replaces the record's title", config: "client-title: \"Our debrief with {client}\"\n",
                          pageTitle: "Our debrief with Corner Shop"))
        return cases
    }

    // MARK: running a case

    /// Parts of team members' names that no safe client output may contain (lower-cased).
    static let teamWords = ["anna", "berg", "tomás", "tomas", "ruiz", "nguyễn", "brien", "smith", "bob"]

    /// Lines of a refusal or of check's findings that report a leak.
    func clientSafeLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.contains("[client-safe]") }
    }

    func testEveryClientOutputAndCheckApplyTheOnePolicy() throws {
        let started = Date()
        let all = Self.cases
        XCTAssertEqual(Set(all.map(\.name)).count, all.count, "case names are unique")
        let env = ["DEBRIEF_TODAY": "2026-11-22", "DEBRIEF_CHROMIUM": "/no/such/chromium"]
        for c in all {
            let dir = try makeTempDir("debrief-policy")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try ("archive: 1\n" + c.config).write(toFile: dir + "/debrief.yml", atomically: true, encoding: .utf8)
            try c.record.yaml.write(toFile: dir + "/r.yml", atomically: true, encoding: .utf8)
            for (path, text) in c.files {
                try FileManager.default.createDirectory(atPath: dir + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try text.write(toFile: dir + "/" + path, atomically: true, encoding: .utf8)
            }
            for args in c.before {
                let r = try debrief(args, in: dir, env: env)
                XCTAssertEqual(r.status, 0, "[\(c.name)] debrief \(args): \(r.stderr)")
            }

            var outputs: [(label: String, args: [String], file: String)] = [
                ("render md", ["render", "r.yml", "--audience", "client", "--to", "md", "-o", "out.md"], "out.md"),
                ("render html", ["render", "r.yml", "--audience", "client", "--to", "html", "-o", "out.html"], "out.html"),
                ("render json", ["render", "r.yml", "--audience", "client", "--to", "json", "-o", "out.json"], "out.json"),
                ("letter md", ["letter", "r.yml", "--to", "md", "-o", "letter.md"], "letter.md"),
                ("letter html", ["letter", "r.yml", "--to", "html", "-o", "letter.html"], "letter.html"),
            ]
            if !c.leaks.isEmpty {
                outputs += [
                    ("render pdf", ["render", "r.yml", "--audience", "client", "--to", "pdf", "-o", "x.pdf"], "x.pdf"),
                    ("letter pdf", ["letter", "r.yml", "--to", "pdf", "-o", "x.pdf"], "x.pdf"),
                ]
            }
            let check = try debrief(["check", "r.yml", "--audience", "client"], in: dir, env: env)
            let checkLines = clientSafeLines(check.stdout)
            try portalProblems(c, dir: dir, env: env, checkLines: checkLines)

            if !c.leaks.isEmpty {
                // check: exit 1, one finding per expected leak.
                var problems = leakProblems(checkLines, c.leaks)
                if check.status != 1 { problems.insert("exit \(check.status), not 1", at: 0) }
                report(problems, c.name, "check --audience client", found: checkLines)
                for o in outputs {
                    let r = try debrief(o.args, in: dir, env: env)
                    let lines = clientSafeLines(r.stderr)
                    var problems: [String] = []
                    if r.status != 1 { problems.append("exit \(r.status), not 1 (a refusal)") }
                    if FileManager.default.fileExists(atPath: dir + "/" + o.file) { problems.append("wrote \(o.file)") }
                    if !r.stdout.isEmpty { problems.append("printed to standard output") }
                    problems += leakProblems(lines, c.leaks)
                    if Set(lines) != Set(checkLines) {
                        problems.append("its refusal differs from check's findings:\n  check: \(checkLines.sorted())\n  this:  \(lines.sorted())")
                    }
                    // Nothing else: each leak line is followed by its indented suggestion.
                    for line in r.stderr.split(separator: "\n") where !line.hasPrefix("    ") && !line.contains("[client-safe]") {
                        problems.append("unexpected line: \(line)")
                    }
                    report(problems, c.name, o.label, found: lines)
                }
                continue
            }

            // A safe case.
            XCTAssertEqual(checkLines, [], "[\(c.name)] check --audience client reports a leak")
            var reports: [String: String] = [:]
            for o in outputs {
                let r = try debrief(o.args, in: dir, env: env)
                XCTAssertEqual(r.status, 0, "[\(c.name)] \(o.label) refused: \(r.stderr)")
                XCTAssertFalse(r.stderr.contains("[client-safe]"), "[\(c.name)] \(o.label): \(r.stderr)")
                guard let text = try? String(contentsOfFile: dir + "/" + o.file, encoding: .utf8) else {
                    XCTFail("[\(c.name)] \(o.label) wrote no \(o.file)")
                    continue
                }
                reports[o.label] = text
                let lower = text.lowercased()
                for w in Self.teamWords {
                    XCTAssertFalse(lower.contains(w), "[\(c.name)] \(o.label) shows '\(w)'")
                }
                for h in c.hidden {
                    XCTAssertFalse(text.contains(h), "[\(c.name)] \(o.label) shows the hidden '\(h)'")
                }
                if o.label.hasPrefix("render") {
                    for s in c.shown { XCTAssertTrue(text.contains(s), "[\(c.name)] \(o.label) does not show '\(s)'") }
                }
            }
            if let pageTitle = c.pageTitle {
                for label in ["letter html", "render html"] {
                    let html = reports[label] ?? ""
                    let title = html.range(of: "<title>").flatMap { open in
                        html.range(of: "</title>", range: open.upperBound..<html.endIndex).map { String(html[open.upperBound..<$0.lowerBound]) }
                    }
                    XCTAssertTrue(title?.contains(pageTitle) == true, "[\(c.name)] \(label): <title>\(title ?? "(none)")</title>")
                }
                for (label, text) in reports {
                    XCTAssertFalse(text.contains(c.record.title), "[\(c.name)] \(label) shows the record's own title")
                }
            }
            // The team's render shows everything, hidden items included.
            let team = try debrief(["render", "r.yml", "--to", "md"], in: dir, env: env)
            XCTAssertEqual(team.status, 0, "[\(c.name)] team render: \(team.stderr)")
            for s in c.hidden + c.shown + [Self.anna, "Seán O'Brien", c.record.title] {
                XCTAssertTrue(team.stdout.contains(s), "[\(c.name)] the team render does not show '\(s)'")
            }
        }
        let leaking = all.filter { !$0.leaks.isEmpty }.count
        print("ClientPolicyTableTests: \(all.count) cases (\(leaking) leaking, \(all.count - leaking) safe) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// The client portal (`debrief site --audience client`) applies the same policy: the debrief, made final and
    /// put in the archive, is left out with check's findings (exit 1), or is on the portal showing nothing of the
    /// team's anywhere: no page, list or search file names a team member or shows a hidden text.
    func portalProblems(_ c: Case, dir: String, env: [String: String], checkLines: [String]) throws {
        let record = try String(contentsOfFile: dir + "/r.yml", encoding: .utf8).replacingOccurrences(of: "status: draft", with: "status: final")
        try FileManager.default.createDirectory(atPath: dir + "/debriefs", withIntermediateDirectories: true)
        try record.write(toFile: dir + "/debriefs/r.yml", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: dir + "/debriefs") }
        let r = try debrief(["site", "--audience", "client", "-o", "portal"], in: dir, env: env)
        var problems: [String] = []
        let page = dir + "/portal/d/r.html"
        if !c.leaks.isEmpty {
            if r.status != 1 { problems.append("exit \(r.status), not 1") }
            if FileManager.default.fileExists(atPath: page) { problems.append("wrote the debrief's page") }
            let lines = clientSafeLines(r.stderr)
            let expected = Set(checkLines.map { line in
                (line.hasPrefix("r.yml:") ? "debriefs/" + line : line)
                    .replacingOccurrences(of: "error: [client-safe] ", with: "error: [client-safe] left out of the client portal: ")
            })
            if Set(lines) != expected { problems.append("left out with other findings than check's:\n  check: \(expected.sorted())\n  site:  \(lines.sorted())") }
        } else {
            if r.status != 0 { problems.append("exit \(r.status): \(r.stderr)") }
            if !FileManager.default.fileExists(atPath: page) { problems.append("no page for the debrief") }
            let files = FileManager.default.enumerator(atPath: dir + "/portal")?.compactMap { $0 as? String } ?? []
            for f in files where f.hasSuffix(".html") || f.hasSuffix(".js") {
                let text = try String(contentsOfFile: dir + "/portal/" + f, encoding: .utf8)
                let lower = text.lowercased()
                for w in Self.teamWords where lower.contains(w) { problems.append("\(f) shows '\(w)'") }
                for h in c.hidden where text.contains(h) { problems.append("\(f) shows the hidden '\(h)'") }
            }
            if let html = try? String(contentsOfFile: page, encoding: .utf8) {
                for s in c.shown where !html.contains(s) { problems.append("the page does not show '\(s)'") }
            }
        }
        report(problems, c.name, "site --audience client", found: clientSafeLines(r.stderr))
    }

    /// What is wrong with the leak lines: exactly one line per expected leak, against the right file,
    /// with the place and the name, at a line and column; nothing more.
    func leakProblems(_ lines: [String], _ expected: [Expected]) -> [String] {
        var problems: [String] = []
        if lines.count != expected.count { problems.append("\(lines.count) leak lines, expected \(expected.count)") }
        for e in expected {
            let matching = lines.filter(e.matches)
            if matching.count != 1 { problems.append("\(matching.count) lines for \(e)") }
            if let m = matching.first, m.range(of: #"^[^:]+:\d+:\d+: error: "#, options: .regularExpression) == nil {
                problems.append("no FILE:LINE:COL in: \(m)")
            }
        }
        return problems
    }

    func report(_ problems: [String], _ name: String, _ command: String, found: [String],
                file: StaticString = #filePath, line: UInt = #line) {
        guard !problems.isEmpty else { return }
        XCTFail("[\(name)] \(command): " + problems.joined(separator: "; ") + "\n  leak lines: \(found)", file: file, line: line)
    }
}
