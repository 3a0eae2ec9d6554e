@testable import DebriefArchive
import DebriefCore
import Foundation
import XCTest

/// The grouping of lessons: what is one rule and what is not, and what each group says about it.
final class GroupingTests: XCTestCase {
    var lists: LessonWordLists!
    override func setUpWithError() throws { lists = try wordLists() }

    /// One debrief per lesson, dated a month apart in the order given.
    func sources(_ lessons: [String], locale: String = "en") -> [LessonSource] {
        lessons.enumerated().map { i, text in
            let path = String(format: "debriefs/2025-%02d-01-d%d.yml", i + 1, i)
            return LessonSource(record: record(path, date: String(format: "2025-%02d-01", i + 1), locale: locale, lessons: [text]),
                                display: path)
        }
    }

    func groups(_ lessons: [String], locale: String = "en") -> [[String]] {
        LessonGrouper(lists: lists).group(sources(lessons, locale: locale)).groups.map { g in g.debriefs.map(\.wording) }
    }

    func assertOneGroup(_ lessons: [String], locale: String = "en", file: StaticString = #filePath, line: UInt = #line) {
        let g = groups(lessons, locale: locale)
        XCTAssertEqual(g.count, 1, "expected one group: \(g)", file: file, line: line)
    }

    func assertApart(_ a: String, _ b: String, locale: String = "en", file: StaticString = #filePath, line: UInt = #line) {
        let g = groups([a, b], locale: locale)
        XCTAssertEqual(g.count, 2, "expected two groups: \(g)", file: file, line: line)
    }

    // MARK: what is one rule

    func testTheSameRuleInOtherWordsIsOneGroupAndTheInvoiceIsNot() {
        let g = groups(["we review every brief with the client in person",
                        "Review all briefs in person with the client!",
                        "Every brief is reviewed with the client in person.",
                        "we review every invoice with finance"])
        XCTAssertEqual(g.count, 2, "\(g)")
        XCTAssertEqual(g[0], ["we review every brief with the client in person", "Review all briefs in person with the client!",
                              "Every brief is reviewed with the client in person."])
        XCTAssertEqual(g[1], ["we review every invoice with finance"])
    }

    func testEnglishWordForms() {
        assertOneGroup(["We confirm every agreement in writing.", "All agreements are confirmed in writing.",
                        "Agreements: we confirm them in writing, every one."])
        assertOneGroup(["We test the checkout on a phone before every release.", "Before each release, the checkout is tested on a phone."])
        assertApart("We confirm every agreement in writing.", "We confirm every change request in writing.")
        assertApart("We test the checkout on a phone before every release.", "We test the search page on a phone before every release.")
    }

    func testFinnishPair() {
        assertOneGroup(["Vahvistamme jokaisen sopimuksen kirjallisesti.", "Kaikki sopimukset vahvistetaan kirjallisesti."], locale: "fi")
        assertApart("Vahvistamme jokaisen sopimuksen kirjallisesti.", "Vahvistamme jokaisen aikataulun kirjallisesti.", locale: "fi")
    }

    func testVietnamesePairWithAndWithoutTones() {
        assertOneGroup(["Chúng tôi xác nhận mọi thỏa thuận bằng văn bản.", "Mọi thỏa thuận đều phải được xác nhận bằng văn bản.",
                        "chung toi xac nhan moi thoa thuan bang van ban"], locale: "vi")
        assertApart("Chúng tôi xác nhận mọi thỏa thuận bằng văn bản.", "Chúng tôi xác nhận mọi thay đổi bằng văn bản.", locale: "vi")
    }

    func testHungarianArabicAndMongolian() {
        assertOneGroup(["Minden megállapodást írásban rögzítünk.", "A megállapodásokat mindig írásban rögzítjük."], locale: "hu")
        assertApart("Minden megállapodást írásban rögzítünk.", "Minden határidőt írásban rögzítünk.", locale: "hu")
        assertOneGroup(["Бид бүх тохиролцоог бичгээр баталгаажуулна.", "Тохиролцоо бүрийг бичгээр баталгаажуулах ёстой."], locale: "mn")
        assertApart("نؤكد كل اتفاق كتابيا.", "نرسل الفاتورة كل شهر.", locale: "ar")
    }

    func testMarkdownIsReadAsWhatAReaderSees() {
        assertOneGroup(["We **confirm** every [agreement](https://example.com/a) in writing.", "We confirm every agreement in writing."])
        assertOneGroup(["We confirm every agreement &amp; change in *writing*.", "We confirm every agreement and change in writing."])
    }

    func testNegationsAreOneWord() {
        let a = LessonAnalyzer(lists: lists)
        XCTAssertEqual(a.stems(of: "We never take burning projects.", locale: "en"), a.stems(of: "We no longer take burning projects.", locale: "en"))
        XCTAssertEqual(a.stems(of: "We don't take burning projects.", locale: "en"), a.stems(of: "We do not take burning projects.", locale: "en"))
        XCTAssertNotEqual(a.stems(of: "We take burning projects.", locale: "en"), a.stems(of: "We never take burning projects.", locale: "en"))
    }

    func testStopWordsModalsAndCaseAndAccentsDoNotCount() {
        let a = LessonAnalyzer(lists: lists)
        XCTAssertEqual(a.stems(of: "We MUST always review the brief!", locale: "en").sorted(), ["brief", "review"])
        XCTAssertEqual(a.stems(of: "Kaikki sopimukset on vahvistettava.", locale: "fi").count, 2)
        // A lesson of nothing but stop words keeps them, so that it is still compared.
        XCTAssertFalse(a.stems(of: "We should do it.", locale: "en").isEmpty)
    }

    func testStemmersPerLanguageAndTheFallbacks() {
        let available = LessonAnalyzer.availableStemmers
        for name in ["english", "finnish", "hungarian", "arabic"] { XCTAssertTrue(available.contains(name), name) }
        let a = LessonAnalyzer(lists: lists)
        for locale in ["en", "en-GB", "fi", "hu", "ar"] { XCTAssertTrue(a.hasStemmer(locale), locale) }
        XCTAssertFalse(a.hasStemmer("vi"), "Vietnamese syllables are words of their own")
        XCTAssertFalse(a.hasStemmer("mn"), "Mongolian has listed endings instead")
        XCTAssertEqual(LessonAnalyzer.strip("төслүүдийн", suffixes: lists.language("mn").suffixes), "төсл")
        XCTAssertEqual(a.stems(of: "briefs reviewed", locale: "en"), a.stems(of: "brief review", locale: "en"))
    }

    // MARK: what a group says

    func testCountsDatesTagsAndRecurring() {
        var s = sources(["We confirm every agreement in writing.", "All agreements are confirmed in writing.", "We plan a buffer day."])
        s[0].record.lessons[0].tags = ["agreements"]
        s[1].record.lessons[0].tags = ["#Agreements", "scope"]
        let g = LessonGrouper(lists: lists).group(s).groups
        XCTAssertEqual(g.count, 2)
        XCTAssertEqual(g[0].count, 2)
        XCTAssertTrue(g[0].recurring)
        XCTAssertEqual(g[0].tags, ["agreements", "scope"])
        XCTAssertEqual(g[0].first, "2025-01-01")
        XCTAssertEqual(g[0].last, "2025-02-01")
        XCTAssertEqual(g[0].debriefs.map(\.path), ["debriefs/2025-01-01-d0.yml", "debriefs/2025-02-01-d1.yml"])
        XCTAssertFalse(g[1].recurring)
        XCTAssertEqual(g[1].count, 1)
    }

    func testTheLabelIsTheMostCommonWordingAndTiesGoToTheEarliest() {
        let g1 = LessonGrouper(lists: lists).group(sources(["All agreements are confirmed in writing.", "We confirm every agreement in writing.",
                                                            "We confirm every agreement in writing."])).groups
        XCTAssertEqual(g1[0].lesson, "We confirm every agreement in writing.")
        XCTAssertEqual(g1[0].wordings, ["We confirm every agreement in writing.", "All agreements are confirmed in writing."])
        let g2 = LessonGrouper(lists: lists).group(sources(["All agreements are confirmed in writing.", "We confirm every agreement in writing."])).groups
        XCTAssertEqual(g2[0].lesson, "All agreements are confirmed in writing.")
    }

    func testOneDebriefWritingTheRuleTwiceCountsOnce() {
        let r = record("debriefs/a.yml", date: "2025-01-01", lessons: ["We confirm every agreement in writing.", "All agreements are confirmed in writing."])
        let g = LessonGrouper(lists: lists).group([LessonSource(record: r, display: "a.yml")]).groups
        XCTAssertEqual(g.count, 1)
        XCTAssertEqual(g[0].count, 1)
        XCTAssertFalse(g[0].recurring)
    }

    func testRecurringFirstThenByCountThenNewest() {
        let g = LessonGrouper(lists: lists).group(sources(["We plan a buffer day.", "We confirm every agreement in writing.",
                                                          "We book the venue early.", "All agreements are confirmed in writing.",
                                                          "We name one owner per action."])).groups
        XCTAssertEqual(g.map(\.lesson), ["We confirm every agreement in writing.", "We name one owner per action.",
                                         "We book the venue early.", "We plan a buffer day."])
    }

    func testInternalLessonsAreMarked() {
        var s = sources(["We confirm every agreement in writing.", "All agreements are confirmed in writing.",
                         "Only one designer was free; we plan two.", "Pricing: we quote a buffer. #internal"])
        s[0].record.lessons[0].isInternal = true
        s[2] = LessonSource(record: s[2].record, display: s[2].display, internalTags: ["staffing"])
        s[2].record.lessons[0].tags = ["Staffing"]
        let g = LessonGrouper(lists: lists).group(s).groups
        let agreements = g.first { $0.lesson.hasPrefix("We confirm") }!
        XCTAssertEqual(agreements.debriefs.map(\.isInternal), [true, false])
        XCTAssertFalse(agreements.isInternal, "internal only where every lesson of it is")
        XCTAssertTrue(g.first { $0.lesson.hasPrefix("Only one designer") }!.isInternal, "an internal tag of the archive")
        XCTAssertTrue(g.first { $0.lesson.hasPrefix("Pricing") }!.isInternal, "#internal written in the text")
    }

    func action(_ text: String, done: Bool, tags: [String] = []) -> IndexedAction {
        IndexedAction(text: text, owner: "Anna", due: "2025-01-15", done: done, tags: tags, number: 1, line: 0, isInternal: false)
    }

    func testCameBackAfterADoneActionThatCarriedItOut() {
        func grouped(_ firstActions: [IndexedAction], lastActions: [IndexedAction] = [], tag: [String] = []) -> LessonGroup {
            var s = sources(["We review every brief with the client in person.", "Every brief is reviewed with the client in person."])
            s[0].record.lessons[0].tags = tag
            s[0].record.actions = firstActions
            s[1].record.actions = lastActions
            return LessonGrouper(lists: lists).group(s).groups[0]
        }
        XCTAssertTrue(grouped([action("Add the brief review in person to the checklist.", done: true)]).cameBack, "shared words")
        XCTAssertTrue(grouped([action("Update the checklist.", done: true, tags: ["briefs"])], tag: ["briefs"]).cameBack, "a shared tag")
        XCTAssertFalse(grouped([action("Add the brief review in person to the checklist.", done: false)]).cameBack, "not done")
        XCTAssertFalse(grouped([action("Order new chairs for the office.", done: true)]).cameBack, "nothing in common")
        XCTAssertFalse(grouped([], lastActions: [action("Add the brief review in person to the checklist.", done: true)]).cameBack,
                       "done in the last debrief that learned it: nothing came back yet")
        var once = sources(["We review every brief with the client in person."])
        once[0].record.actions = [action("Add the brief review in person to the checklist.", done: true)]
        XCTAssertFalse(LessonGrouper(lists: lists).group(once).groups[0].cameBack, "learned once")
    }

    // MARK: pins

    func testPinnedSameAndApart() {
        let lessons = ["We plan a second designer for every deck.", "Two designers work on every presentation.",
                       "We test the checkout on a phone before every release.", "We test the search page on a phone before every release.",
                       "We test the checkout page on a phone before every release."]
        XCTAssertEqual(groups(lessons).count, 3, "the words alone: the designers apart, the three tests together")
        let pins = LessonPins(same: [["we plan a second designer for every deck", "Two designers work on every *presentation*"]],
                              apart: [["We test the checkout on a phone before every release.", "We test the checkout page on a phone before every release."],
                                      ["No lesson says this.", "We test the search page on a phone before every release."]])
        let result = LessonGrouper(lists: lists).group(sources(lessons), pins: [pins])
        let g = result.groups.map { $0.debriefs.map(\.wording) }
        XCTAssertEqual(g.count, 3, "\(g)")
        XCTAssertTrue(g.contains(["We plan a second designer for every deck.", "Two designers work on every presentation."]), "\(g)")
        XCTAssertFalse(g.contains { $0.contains(lessons[2]) && $0.contains(lessons[4]) }, "\(g)")
        XCTAssertTrue(g.contains([lessons[3], lessons[4]]), "kept from the checkout, the checkout page goes with the search page: \(g)")
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertTrue(result.warnings[0].message.contains("no lesson reads 'No lesson says this.'"), result.warnings[0].message)
    }

    func testPinsFileShape() throws {
        let p = try LessonPins.parse(bytes: Array("same:\n  - [a b, c d]\napart:\n  - [e, f, g]\n".utf8), file: "lessons.yml")
        XCTAssertEqual(p.same.map(\.texts), [["a b", "c d"]])
        XCTAssertEqual(p.apart.map(\.texts), [["e", "f", "g"]])
        XCTAssertEqual(try LessonPins.parse(bytes: Array("# nothing yet\n".utf8), file: "lessons.yml").same.count, 0)
        XCTAssertThrowsError(try LessonPins.parse(bytes: Array("merge:\n  - [a, b]\n".utf8), file: "lessons.yml")) { e in
            XCTAssertTrue("\(e)".contains("unknown key 'merge'"), "\(e)")
        }
        XCTAssertThrowsError(try LessonPins.parse(bytes: Array("same:\n  - [only one]\n".utf8), file: "lessons.yml")) { e in
            XCTAssertTrue("\(e)".contains("two texts or more"), "\(e)")
        }
    }

    // MARK: filters

    func testTagSearchAndSince() {
        var s = sources(["We review every brief with the client in person.", "We review every invoice with finance.",
                         "Every brief is reviewed with the client in person.", "Vahvistamme jokaisen sopimuksen kirjallisesti."])
        s[1].record.lessons[0].tags = ["Billing"]
        s[3].record.locale = "fi"
        let grouper = LessonGrouper(lists: lists)
        let all = grouper.group(s)
        XCTAssertEqual(all.groups(tag: "#billing").map(\.lesson), ["We review every invoice with finance."])
        XCTAssertEqual(all.groups(search: "reviewing BRIEFS").map(\.lesson), ["We review every brief with the client in person."])
        XCTAssertEqual(all.groups(search: "review").count, 2)
        XCTAssertEqual(all.groups(search: "invoice client").count, 0, "every word must be there")
        XCTAssertEqual(all.groups(search: "sopimukset").count, 1, "stemmed in the lesson's language")
        XCTAssertEqual(all.groups(search: "kirjallis").count, 1, "part of a word")
        let since = grouper.group(s, since: Day("2025-02-01"))
        XCTAssertEqual(since.debriefCount, 3)
        XCTAssertEqual(since.groups.first?.count, 1, "the first debrief is before the date")
    }

    // MARK: the join

    /// The join finds exactly the pairs that comparing every pair finds.
    func testTheJoinMissesNoPair() {
        var g = SeededGenerator(seed: 3)
        for round in 0..<40 {
            let universe = Int.random(in: 5...60, using: &g)
            let sets: [[Int32]] = (0..<Int.random(in: 2...120, using: &g)).map { _ in
                LessonAnalyzer.sortedSet((0..<Int.random(in: 0...9, using: &g)).map { _ in Int32(Int.random(in: 0..<universe, using: &g)) })
            }
            for t in [0.3, 0.5, 0.6, 0.75, 1.0] {
                var expected: [String] = []
                for a in sets.indices {
                    for b in sets.indices where b > a && !sets[a].isEmpty && !sets[b].isEmpty
                    && Similarity.jaccard(sets[a], sets[b]) >= t - 1e-9 { expected.append("\(a)-\(b)") }
                }
                let found = SimilarityJoin.join(sets, threshold: t).map { "\($0.0)-\($0.1)" }
                XCTAssertEqual(found.sorted(), expected.sorted(), "round \(round), threshold \(t)")
            }
        }
    }

    func testWordListsRefuseUnknownKeys() {
        XCTAssertThrowsError(try LessonWordLists.parse(bytes: Array("en:\n  stopwords: [a]\n".utf8), file: "stopwords.yml")) { e in
            XCTAssertTrue("\(e)".contains("unknown key 'stopwords'"), "\(e)")
        }
    }

    /// The text report is for a terminal: control characters and bidi controls of a lesson become '?', white space
    /// one space; a clean line is left as written.
    func testTextReportIsSafeForATerminal() {
        XCTAssertEqual(LessonsReport.oneLine("Plain words, kept as written."), "Plain words, kept as written.")
        XCTAssertEqual(LessonsReport.oneLine("  two\t spaces\n apart "), "two spaces apart")
        XCTAssertEqual(LessonsReport.oneLine("red \u{1B}[31m"), "red ?[31m")
        XCTAssertEqual(LessonsReport.oneLine("abc \u{202E}fed \u{2066}x\u{2069} \u{85}"), "abc ?fed ?x? ?")
        XCTAssertEqual(LessonsReport.oneLine("Tiếng Việt – ‘quoted’"), "Tiếng Việt – ‘quoted’")
        let g = LessonGrouper(lists: lists).group(sources(["Ship \u{1B}]0;title\u{07} on \u{202E}Friday"]))
        let text = LessonsReport.text(g.groups, debriefs: g.debriefCount)
        XCTAssertFalse(text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x202A...0x202E).contains($0.value) }, text)
        XCTAssertTrue(text.contains("Ship ?]0;title? on ?Friday"), text)
    }
}
