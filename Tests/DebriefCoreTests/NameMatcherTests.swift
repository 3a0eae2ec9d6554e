import DebriefCore
import XCTest

/// The name matcher and the folding under it, directly: which texts name which team member.
final class NameMatcherTests: XCTestCase {
    static let team = ["Anna Berg", "Tomás Ruiz", "Nguyễn Thị Mai", "Seán O'Brien", "Will Smith", "Bo Lind"]
    static let client = ["Head of sales", "Corner Shop"]

    /// The English ordinary words, as every record gets them (templates/client-safe/ordinary-words.yml).
    func matcher(team: [String] = NameMatcherTests.team, client: [String] = NameMatcherTests.client) throws -> NameMatcher {
        NameMatcher(team: team, client: client, ordinaryWords: try Templates.ordinaryWords(templates: templatesDir, locale: "en"))
    }

    /// Asserts each text names the member given (nil: nobody), in prose.
    func assertProse(_ m: NameMatcher, _ table: [(String, String?)], file: StaticString = #filePath, line: UInt = #line) {
        for (text, expected) in table {
            XCTAssertEqual(m.firstName(in: text), expected, "in prose: \(text.debugDescription)", file: file, line: line)
        }
    }

    func testOrdinaryWordListHoldsWill() throws {
        // The rule for "Will" below depends on the data, not on code.
        XCTAssertTrue(try Templates.ordinaryWords(templates: templatesDir, locale: "en").contains("will"))
    }

    func testWholeNamesInAnyCaseAndJoinedForm() throws {
        let m = try matcher()
        assertProse(m, [
            ("Anna Berg sent the files.", "Anna Berg"),
            ("The files came from ANNA BERG.", "Anna Berg"),
            ("anna berg signed off.", "Anna Berg"),
            ("annaberg signed off.", "Anna Berg"),
            ("BergAnna signed off.", "Anna Berg"),
            ("Ask anna-berg.", "Anna Berg"),
            ("Ask ANNA_BERG.", "Anna Berg"),
            ("Ask anna.berg.", "Anna Berg"),
            ("Anna Berg's review was late.", "Anna Berg"),
            ("Will Smith missed the call.", "Will Smith"),
            ("WILL SMITH missed the call.", "Will Smith"),
            ("willsmith missed the call.", "Will Smith"),
        ])
    }

    func testPartsOnTheirOwnInAnySpelling() throws {
        let m = try matcher()
        assertProse(m, [
            ("We should ask anna before the weekend.", "Anna Berg"),
            ("Anna's draft was late.", "Anna Berg"),
            ("Anna\u{2019}s draft was late.", "Anna Berg"),
            ("The review was Berg's.", "Anna Berg"),
            ("Tomas sent the files late.", "Tomás Ruiz"),
            ("TOMÁS sent the files late.", "Tomás Ruiz"),
            ("Toma\u{0301}s sent the files late.", "Tomás Ruiz"),       // decomposed accent
            ("ruiz sent the files late.", "Tomás Ruiz"),
            ("We waited for Ms Nguyen.", "Nguyễn Thị Mai"),
            ("nguyen approved it.", "Nguyễn Thị Mai"),
            ("We asked O\u{2019}Brien.", "Seán O'Brien"),
            ("We asked O'Brien.", "Seán O'Brien"),
            ("We asked o'brien's team.", "Seán O'Brien"),
            ("Sean sent it.", "Seán O'Brien"),
            ("Smith sent it.", "Will Smith"),
            ("\u{FF21}\u{FF4E}\u{FF4E}\u{FF41} sent the files.", "Anna Berg"),  // fullwidth
            ("\u{0410}nn\u{0430} sent the files.", "Anna Berg"),               // Cyrillic А and а
            ("\u{0391}nn\u{03B1} sent the files.", "Anna Berg"),               // Greek Α and α
            ("An\u{00AD}na sent the files.", "Anna Berg"),                     // soft hyphen
            ("An\u{200B}na sent the files.", "Anna Berg"),                     // zero-width space
            ("An\u{200D}na sent the files.", "Anna Berg"),                     // zero-width joiner
            ("An\u{202E}na sent the files.", "Anna Berg"),                     // right-to-left override
            ("An\u{2060}na sent the files.", "Anna Berg"),                     // word joiner
            ("An\u{FEFF}na sent the files.", "Anna Berg"),                     // byte-order mark
        ])
    }

    func testWholeWordsOnly() throws {
        let m = try matcher()
        assertProse(m, [
            ("There was an iceberg ahead.", nil),
            ("Annabel came to the meeting.", nil),
            ("We flew to Bergen.", nil),
            ("Tomasz came to the meeting.", nil),
            ("The blacksmith shop was closed.", nil),
            ("We met at the Berghain.", nil),
            ("The goodwill was gone.", nil),
            ("We sent the files on Friday.", nil),
        ])
    }

    func testOrdinaryWordsCountOnlyWhereWrittenAsNames() throws {
        let m = try matcher()
        assertProse(m, [
            // Not names.
            ("We will deliver the fix on Friday.", nil),
            ("Will the client need the files? We sent them.", nil),
            ("We sent them. Will the client need more?", nil),
            ("Friday: Will it work?", nil),
            ("WE WILL DELIVER.", nil),
            // Names.
            ("We asked Will to redo it.", "Will Smith"),
            ("The slides were Will's.", "Will Smith"),
            ("Will Smith missed the call.", "Will Smith"),
            ("Smith, Will missed the call.", "Will Smith"),
        ])
    }

    func testTwoLetterPartsCountWhenCapitalised() throws {
        let m = try matcher()
        assertProse(m, [
            ("Bo handled it.", "Bo Lind"),
            ("We asked Bo.", "Bo Lind"),
            ("BO handled it.", "Bo Lind"),
            ("bo handled it.", nil),
            ("The bo tree grew.", nil),
            ("Lind handled it.", "Bo Lind"),
            ("bolind handled it.", "Bo Lind"),
        ])
    }

    func testAddresses() throws {
        let m = try matcher()
        // E-mail addresses and links written in prose.
        assertProse(m, [
            ("Write to anna.berg@agency.example for the files.", "Anna Berg"),
            ("Write to aberg@x.example for the files.", "Anna Berg"),
            ("Write to berga@x.example for the files.", "Anna Berg"),
            ("Write to annab@x.example for the files.", "Anna Berg"),
            ("Write to ANNA.BERG@X.EXAMPLE.", "Anna Berg"),
            ("Write to wsmith@x.example.", "Will Smith"),
            ("See https://agency.example/team/ann%61 for the notes.", "Anna Berg"),
            ("See <https://agency.example/t%C3%B3mas> for the notes.", "Tomás Ruiz"),
            ("Write to sales@corner-shop.example.", nil),
            ("See https://iceberg.example/annabel for the notes.", nil),
        ])
        let table: [(String, String?)] = [
            ("mailto:aberg@x.example", "Anna Berg"),
            ("mailto:annab@x.example", "Anna Berg"),
            ("https://agency.example/team/ann%61", "Anna Berg"),
            ("https://agency.example/team/ANNA", "Anna Berg"),
            ("https://x.example/people/t.ruiz", "Tomás Ruiz"),
            ("https://x.example/people/ruizt", "Tomás Ruiz"),
            ("https://x.example/will.smith", "Will Smith"),
            ("https://x.example/wsmith", "Will Smith"),
            ("https://x.example/o%27brien", "Seán O'Brien"),
            // Ordinary words and two-letter parts are not names in an address on their own.
            ("https://x.example/will", nil),
            ("https://x.example/bo", nil),
            ("https://iceberg.example/", nil),
            ("https://x.example/annabel", nil),
        ]
        for (address, expected) in table {
            XCTAssertEqual(m.firstName(inAddress: address), expected, "in an address: \(address)")
        }
    }

    func testTheClientsOwnNamesAreTheirs() throws {
        // Team members whose names share words with the client's people and organisation.
        let team = ["Marcus Head", "Lena Corner"]
        let withClient = try matcher(team: team)
        let withoutClient = try matcher(team: team, client: [])
        assertProse(withClient, [
            ("The Head of sales approved the brief.", nil),
            ("the head of sales approved the brief.", nil),
            ("We met at Corner Shop on Monday.", nil),
            ("We met at Corner Shop's office.", nil),
            // The same words, not as the client's names.
            ("Head approved the brief.", "Marcus Head"),
            ("Corner said no.", "Lena Corner"),
            ("Marcus Head approved the brief.", "Marcus Head"),
        ])
        assertProse(withoutClient, [
            ("The Head of sales approved the brief.", "Marcus Head"),
            ("We met at Corner Shop on Monday.", "Lena Corner"),
        ])
        // With the roster of this file, the client's words name nobody.
        assertProse(try matcher(), [
            ("The head of sales at Corner Shop approved the brief.", nil),
        ])
    }

    func testEmptyTeamNamesNobody() {
        let m = NameMatcher(team: [], client: ["Head of sales"])
        XCTAssertTrue(m.isEmpty)
        XCTAssertNil(m.firstName(in: "Anna Berg sent it."))
        XCTAssertNil(m.firstName(inAddress: "mailto:anna.berg@x.example"))
        XCTAssertFalse(NameMatcher(team: ["Anna Berg"]).isEmpty)
    }

    // MARK: Fold

    func testFoldDropsInvisibleCharacters() {
        for scalar in ["\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{202A}", "\u{202E}", "\u{2060}", "\u{2066}", "\u{FEFF}", "\u{FE0F}"] {
            XCTAssertEqual(Fold.words("An\(scalar)na").map(\.key), ["anna"], "with U+\(String(scalar.unicodeScalars.first!.value, radix: 16, uppercase: true))")
            XCTAssertTrue(Fold.isInvisible(scalar.unicodeScalars.first!))
        }
        for visible in ["a", " ", "-", "'", "é"] {
            XCTAssertFalse(Fold.isInvisible(visible.unicodeScalars.first!), visible)
        }
    }

    func testFoldFoldsFullwidthDiacriticsAndLookAlikes() {
        let table: [(String, String)] = [
            ("Tomás", "tomas"),
            ("TOMÁS", "tomas"),
            ("Toma\u{0301}s", "tomas"),
            ("Nguyễn Thị Mai", "nguyen thi mai"),
            ("Seán O'Brien", "sean o'brien"),
            ("O\u{2019}Brien", "o'brien"),
            ("\u{FF21}\u{FF4E}\u{FF4E}\u{FF41}", "anna"),
            ("\u{0410}nn\u{0430}", "anna"),
            ("Łukasz Øster", "lukasz oster"),
            ("Straße", "strasse"),
            ("ＡＮＮＡ＿ＢＥＲＧ", "anna berg"),
        ]
        for (text, key) in table {
            XCTAssertEqual(Fold.key(text), key, text)
        }
        // Fullwidth capitals are capitals.
        let w = Fold.words("\u{FF21}\u{FF4E}\u{FF4E}\u{FF41}")
        XCTAssertEqual(w.count, 1)
        XCTAssertEqual(w.first?.capitalised, true)
    }

    func testFoldWordFlags() {
        let words = Fold.words("We will. Will it work? ANNA, anna-berg anna/berg Anna's")
        XCTAssertEqual(words.map(\.key), ["we", "will", "will", "it", "work", "anna", "anna", "berg", "anna", "berg", "anna's"])
        XCTAssertEqual(words.map(\.startsSentence), [true, false, true, false, false, true, false, false, false, false, false])
        XCTAssertEqual(words.map(\.capitalised), [true, false, true, false, false, false, false, false, false, false, true])
        XCTAssertEqual(words.map(\.allCaps), [false, false, false, false, false, true, false, false, false, false, false])
        // Joined: only spaces, hyphens, dots, underscores or commas between; not '/' or '?'.
        XCTAssertEqual(words.map(\.joinedToPrevious), [false, true, true, true, true, false, true, true, true, false, true])
    }

    func testPercentDecodingNeverFails() {
        XCTAssertEqual(Fold.percentDecoded("ann%61"), "anna")
        XCTAssertEqual(Fold.percentDecoded("t%C3%B3mas"), "tómas")
        XCTAssertEqual(Fold.percentDecoded("100%"), "100%")
        XCTAssertEqual(Fold.percentDecoded("%zzanna"), "%zzanna")
        XCTAssertEqual(Fold.percentDecoded("plain"), "plain")
    }

    /// What a second attack on the policy found (a driver-app story), as regressions.
    func testLeaksFoundByTryingToBreakThePolicy() throws {
        let ordinary = try Templates.ordinaryWords(templates: templatesDir, locale: "en")
        let m = NameMatcher(team: ["Grace O'Brien", "Jean-Luc Ng", "Trần Minh Đức", "Zsófia Szabó", "Mark Lee", "Yusuf Al-Haddad"],
                            client: ["Head of operations"], ordinaryWords: ordinary)
        let leaks: [(String, String)] = [
            ("The build was approved by Ms. Grace on Friday.", "Grace O'Brien"),
            ("Reviewed by Dr. Lee before the release.", "Mark Lee"),
            ("Someone senior, e.g. Mark, signed it off.", "Mark Lee"),
            ("Signed off: Mark.", "Mark Lee"),
            ("The fix was checked (reviewer: Grace)", "Grace O'Brien"),
            ("The release was approved by GRACE on Friday.", "Grace O'Brien"),
            ("Approved by gRACE.", "Grace O'Brien"),
            ("On call:\nGrace\nMark", "Grace O'Brien"),
            ("OBrien restarted the servers.", "Grace O'Brien"),
            ("O Brien restarted the servers.", "Grace O'Brien"),
            ("O\u{00B4}Brien restarted the servers.", "Grace O'Brien"),
            ("O\u{201B}Brien restarted the servers.", "Grace O'Brien"),
            ("Write to grace.obrien@agency.example.", "Grace O'Brien"),
            ("Write to grace@agency.example.", "Grace O'Brien"),
            ("Ping @grace about it.", "Grace O'Brien"),
            ("Ping @jeanluc about it.", "Jean-Luc Ng"),
            ("Write to ng@agency.example.", "Jean-Luc Ng"),
            ("\u{039D}g restarted the servers.", "Jean-Luc Ng"),            // Greek capital Nu
            ("\u{0397}addad wrote the fix.", "Yusuf Al-Haddad"),            // Greek capital Eta
            ("The fix was written by \u{039C}ark on Friday.", "Mark Lee"),  // Greek capital Mu
            ("N\u{0261} restarted the servers.", "Jean-Luc Ng"),            // Latin script g
            ("Szab\u{0585} wrote the fix.", "Zsófia Szabó"),                // Armenian o
            ("The fix came from \u{202E}\u{00F3}bazS\u{202C}.", "Zsófia Szabó"), // shown right to left as "Szabó"
            ("Alhaddad wrote the fix.", "Yusuf Al-Haddad"),
            ("[q]: https://agency.example/team/sz&#97;bo", "Zsófia Szabó"),
        ]
        for (text, who) in leaks {
            XCTAssertEqual(m.firstName(in: Fold.decodingEntities(text)), who, "should be refused: \(text.debugDescription)")
        }
        let safe = [
            "We will mark the release as broken.",
            "Grace period ends Friday.",
            "Mark the build as blocked until the tests pass.",
            "The scanner mounts came from https://parts.example/duct-clips for the vans.",
            "The Head of operations approved the rollback.",
            "WE WILL MARK IT AS BLOCKED.",
        ]
        for text in safe { XCTAssertNil(m.firstName(in: text), "should not be refused: \(text)") }
        // Arabic spellings: the stretching stroke and the Persian yeh are the same name.
        let ar = NameMatcher(team: ["يوسف الحداد"])
        XCTAssertEqual(ar.firstName(in: "كتب الحـداد الإصلاح"), "يوسف الحداد")
        XCTAssertEqual(ar.firstName(in: "كتب یوسف الإصلاح"), "يوسف الحداد")
    }

    /// A tag's key: the quick way (ASCII words joined by '-') and the folding way agree.
    func testTagKeys() {
        XCTAssertEqual(Tags.key("Client-Comms"), "client-comms")
        XCTAssertEqual(Tags.key("#Client Comms "), "client-comms", "folded: '#' and spaces")
        XCTAssertEqual(Tags.key("client comms"), Tags.key("CLIENT-COMMS"))
        XCTAssertEqual(Tags.key("Q3-2026"), "q3-2026")
        XCTAssertEqual(Tags.key("Kommunikáció"), "kommunikacio", "accents folded")
        XCTAssertEqual(Tags.key("-internal"), Tags.key("internal"), "a leading hyphen is not part of the key")
        XCTAssertEqual(Tags.key("internal-"), Tags.key("internal"))
        XCTAssertEqual(Tags.key("a--b"), Tags.key("a b"))
        XCTAssertEqual(Tags.key("#internal"), "internal")
    }
}
