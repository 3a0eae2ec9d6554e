import DebriefArchive
import DebriefCore
import Foundation
import XCTest

/// The labelled pairs (labelled.yml, written before the threshold was chosen) and the held-out pairs
/// (heldout.yml, written after): precision and recall of "the same rule" at the grouping's threshold.
final class LabelledPairsTests: XCTestCase {
    struct Pair { var locale: String; var same: Bool; var a: String; var b: String }

    static func load(_ name: String) throws -> [Pair] {
        let path = packageRoot + "/Tests/DebriefArchiveTests/" + name
        let y = StrictYAML(bytes: try readTextFile(path), file: path)
        var out: [Pair] = []
        try y.document(what: "labelled pairs") {
            try y.mapping("") { key, _ in
                XCTAssertEqual(key, "pairs")
                try y.sequence("pairs") { i, _ in
                    var p = Pair(locale: "en", same: false, a: "", b: "")
                    try y.mapping("pairs[\(i)]") { k, _ in
                        switch k {
                        case "locale": p.locale = try y.text(k).0
                        case "same": p.same = try y.bool(k).0
                        case "a": p.a = try y.text(k).0
                        case "b": p.b = try y.text(k).0
                        default: XCTFail("unknown key \(k)"); try y.skipValue()
                        }
                    }
                    out.append(p)
                }
            }
        }
        return out
    }

    struct Score {
        var precision: Double; var recall: Double; var tp: Int; var fp: Int; var fn: Int; var tn: Int
        /// The same figures when each pair is measured directly (no join deciding which pairs to compare).
        var measuredPrecision = 0.0, measuredRecall = 0.0
    }

    /// Pairs joined through the real grouping: each pair is two one-lesson debriefs of its language.
    static func score(_ pairs: [Pair], threshold: Double, lists: LessonWordLists, misses: inout [String]) -> Score {
        var s = Score(precision: 0, recall: 0, tp: 0, fp: 0, fn: 0, tn: 0)
        var mtp = 0, mfp = 0, mfn = 0
        let grouper = LessonGrouper(lists: lists, threshold: threshold)
        for p in pairs {
            let sources = [p.a, p.b].enumerated().map { i, text in
                LessonSource(record: record("\(i).yml", locale: p.locale, lessons: [text]), display: "\(i).yml")
            }
            let joined = grouper.group(sources).groups.count == 1
            let sim = grouper.analyzer.similarity(grouper.analyzer.analyze(p.a, locale: p.locale), grouper.analyzer.analyze(p.b, locale: p.locale))
            switch (sim >= threshold - 1e-12, p.same) {
            case (true, true): mtp += 1
            case (true, false): mfp += 1
            case (false, true): mfn += 1
            case (false, false): break
            }
            switch (joined, p.same) {
            case (true, true): s.tp += 1
            case (true, false): s.fp += 1; misses.append(String(format: "FP %.2f [%@] %@ | %@", sim, p.locale, p.a, p.b))
            case (false, true): s.fn += 1; misses.append(String(format: "FN %.2f [%@] %@ | %@", sim, p.locale, p.a, p.b))
            case (false, false): s.tn += 1
            }
        }
        s.precision = s.tp + s.fp == 0 ? 1 : Double(s.tp) / Double(s.tp + s.fp)
        s.recall = s.tp + s.fn == 0 ? 1 : Double(s.tp) / Double(s.tp + s.fn)
        s.measuredPrecision = mtp + mfp == 0 ? 1 : Double(mtp) / Double(mtp + mfp)
        s.measuredRecall = mtp + mfn == 0 ? 1 : Double(mtp) / Double(mtp + mfn)
        return s
    }

    func report(_ name: String, _ pairs: [Pair], _ s: Score, _ misses: [String]) {
        let langs = Dictionary(grouping: pairs, by: \.locale).map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: ", ")
        print(String(format: "\n%@: %d pairs (%@); threshold %.2f: precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d); "
                     + "every pair measured: precision %.3f, recall %.3f",
                     name, pairs.count, langs, LessonGrouper.threshold, s.precision, s.recall, s.tp, s.fp, s.fn, s.tn,
                     s.measuredPrecision, s.measuredRecall))
        if ProcessInfo.processInfo.environment["DEBRIEF_SHOW_MISSES"] == "1" { print(misses.joined(separator: "\n")) }
    }

    func testLabelledPairsMeetTheFloors() throws {
        let pairs = try Self.load("labelled.yml")
        XCTAssertGreaterThanOrEqual(pairs.count, 60)
        for lang in ["en", "fi", "vi", "hu"] {
            XCTAssertGreaterThanOrEqual(pairs.filter { $0.locale == lang && $0.same }.count, 4, lang)
            XCTAssertGreaterThanOrEqual(pairs.filter { $0.locale == lang && !$0.same }.count, 4, lang)
        }
        var misses: [String] = []
        let s = Self.score(pairs, threshold: LessonGrouper.threshold, lists: try wordLists(), misses: &misses)
        report("labelled.yml", pairs, s, misses)
        XCTAssertGreaterThanOrEqual(s.precision, 0.90, misses.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(s.recall, 0.80, misses.joined(separator: "\n"))
    }

    /// Written after the threshold and the word lists were chosen: how well they generalise (lower floors).
    func testHeldOutPairsMeetTheFloors() throws {
        let pairs = try Self.load("heldout.yml")
        XCTAssertGreaterThanOrEqual(pairs.count, 30)
        var misses: [String] = []
        let s = Self.score(pairs, threshold: LessonGrouper.threshold, lists: try wordLists(), misses: &misses)
        report("heldout.yml", pairs, s, misses)
        XCTAssertGreaterThanOrEqual(s.precision, 0.80, misses.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(s.recall, 0.60, misses.joined(separator: "\n"))
    }

    /// How the threshold was chosen: precision, recall and F1 on labelled.yml from 0.30 to 0.90
    /// (printed with DEBRIEF_SWEEP=1).
    func testThresholdSweep() throws {
        guard ProcessInfo.processInfo.environment["DEBRIEF_SWEEP"] == "1" else { return }
        let pairs = try Self.load(ProcessInfo.processInfo.environment["DEBRIEF_SWEEP_SET"] ?? "labelled.yml")
        let lists = try wordLists()
        for step in stride(from: 30, through: 90, by: 5) {
            var misses: [String] = []
            let t = Double(step) / 100
            let s = Self.score(pairs, threshold: t, lists: lists, misses: &misses)
            let f1 = 2 * s.precision * s.recall / max(s.precision + s.recall, 1e-9)
            print(String(format: "t=%.2f precision %.3f recall %.3f F1 %.3f (fp %d, fn %d)", t, s.precision, s.recall, f1, s.fp, s.fn))
        }
    }
}
