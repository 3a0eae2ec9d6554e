import DebriefSite
import XCTest

/// The search's tokens: folded exactly as templates/site/search.js folds a query (the e2e site tests type
/// queries in Chromium against them), hashed to the same shards.
final class SearchTextTests: XCTestCase {
    func tokens(_ s: String) -> [String] {
        var out: [String] = []
        SearchText.tokens(s) { out.append($0) }
        return out
    }

    func testFoldingAcrossScripts() {
        XCTAssertEqual(tokens("Đội ngũ rất THẤT VỌNG, İstanbul's 2026!"), ["doi", "ngu", "rat", "that", "vong", "istanbul", "2026"])
        XCTAssertEqual(tokens("Ügyfél-kommunikáció: késés"), ["ugyfel", "kommunikacio", "keses"])
        XCTAssertEqual(tokens("Тэмүүжин ХОЦОРСОН"), ["тэмүүжин", "хоцорсон"], "Cyrillic lower-cased; ү is a letter of its own")
        XCTAssertEqual(tokens("نُراجِعُ الموجز"), ["نراجع", "الموجز"], "Arabic vowel signs dropped")
        XCTAssertEqual(tokens("ﬁnal ＡＢＣ"), ["final", "abc"], "compatibility forms")
        XCTAssertEqual(tokens("a b c <script>x</script>"), ["script", "script"], "one-letter words are no tokens; markup is words")
        XCTAssertEqual(tokens(String(repeating: "x", count: 41) + " ok"), ["ok"], "over forty letters is no token")
    }

    func testShardsAreStableAndSpread() {
        // FNV-1a of the UTF-8 bytes: search.js computes the same.
        XCTAssertEqual(SearchText.shard("that", of: 64), SearchText.shard("that", of: 64))
        XCTAssertEqual(SearchText.shard("", of: 8), Int(0x811C_9DC5 % 8))
        let used = Set(["brief", "review", "client", "deadline", "vong", "that", "الموجز", "хоцорсон", "kesik", "asiakas"].map { SearchText.shard($0, of: 8) })
        XCTAssertGreaterThan(used.count, 3)
        XCTAssertEqual(SearchText.shardCount(docs: 10), 8)
        XCTAssertEqual(SearchText.shardCount(docs: 10_000), 256)
    }
}
