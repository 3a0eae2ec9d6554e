import DebriefChecks
import DebriefCore
import Foundation
import XCTest

/// The labelled sets (sets/LANG.labelled.yml, written by people who did not write the word lists, one per language)
/// and the held-out sets (sets/LANG.heldout.yml, written after the lists were frozen): precision and recall of each
/// coaching check per language, reported, and held to floors set from the held-out figures.
final class LabelledSetTests: XCTestCase {
    struct Statement { var text: String; var section: String; var side: Side?; var expect: Set<String> }
    struct Counts { var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        static func + (a: Counts, b: Counts) -> Counts { Counts(tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn) }
    }

    func loadSet(_ name: String) throws -> (statements: [Statement], header: String) {
        let path = packageRoot + "/Tests/DebriefChecksTests/sets/" + name
        let y = StrictYAML(bytes: try readTextFile(path), file: path)
        var out: [Statement] = []
        var participants: [(String, String)] = []
        var client = ""
        try y.document(what: "a labelled set") {
            try y.mapping("") { key, _ in
                switch key {
                case "participants":
                    try y.sequence("participants") { _, _ in
                        var n = "", s = ""
                        try y.mapping("p") { k, _ in
                            if k == "name" { n = try y.text("name").0 } else { s = try y.text(k).0 }
                        }
                        participants.append((n, s))
                    }
                case "client": client = try y.text("client").0
                case "statements":
                    try y.sequence("statements") { i, _ in
                        var st = Statement(text: "", section: "", side: nil, expect: [])
                        try y.mapping("statements[\(i)]") { k, _ in
                            switch k {
                            case "text": st.text = try y.text("text").0
                            case "section": st.section = try y.text("section").0
                            case "side": st.side = Side(rawValue: try y.text("side").0)
                            case "expect": st.expect = Set(try y.textList("expect"))
                            default: _ = try y.text(k)
                            }
                        }
                        out.append(st)
                    }
                default: _ = try y.text(key)
                }
            }
        }
        let locale = String(name.prefix { $0 != "." })
        var header = "debrief: 1\nformat: client-recovery\ntitle: Labelled\nlocale: \(locale)\nclient: \"\(client)\"\nparticipants:\n"
        for (n, s) in participants { header += "  - name: \"\(n)\"\n    side: \(s)\n" }
        return (out, header)
    }

    /// The labelled sets of a language (`labelled`, `labelled2`, ...: those the lists were tuned on) and its held-out set.
    static func sets(_ lang: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Tests/DebriefChecksTests/sets")) ?? []
        let labelled = names.filter { $0.hasPrefix(lang + ".labelled") && $0.hasSuffix(".yml") }
            .map { String($0.dropFirst(lang.count + 1).dropLast(4)) }.sorted()
        return labelled + ["heldout"]
    }

    static let scored = ["fact-not-feeling", "no-blame", "own-the-mistake", "lesson-is-a-rule"]
    static let others = ["vi", "ar", "mn", "hu", "fi"]

    /// English: each check on each set, against its floor.
    func testEnglish() throws {
        for set in Self.sets("en") {
            let scores = try score("en", set)
            for id in Self.scored {
                let f = set == "heldout" ? Self.englishHeldOut[id]! : Self.labelledFloor
                XCTAssertGreaterThanOrEqual(scores[id]!.precision, f.precision, "en.\(set) \(id) precision")
                XCTAssertGreaterThanOrEqual(scores[id]!.recall, f.recall, "en.\(set) \(id) recall")
            }
        }
    }

    /// The five other languages: pooled precision and recall per check, and each language on its own.
    func testOtherLanguages() throws {
        for set in Self.sets("vi") {
            var pooled: [String: Counts] = [:]
            var table = "\n\(set), the five other languages: precision / recall per check\nlang  " + Self.scored.map { $0.padding(toLength: 19, withPad: " ", startingAt: 0) }.joined() + "\n"
            for lang in Self.others {
                guard FileManager.default.fileExists(atPath: packageRoot + "/Tests/DebriefChecksTests/sets/\(lang).\(set).yml") else {
                    XCTFail("no sets/\(lang).\(set).yml"); continue
                }
                let scores = try score(lang, set, quiet: true)
                table += lang.padding(toLength: 6, withPad: " ", startingAt: 0)
                let f = set == "heldout" ? Self.languageHeldOut : Self.languageLabelled
                for id in Self.scored {
                    let s = scores[id]!
                    pooled[id] = (pooled[id] ?? Counts()) + s
                    table += String(format: "%.2f / %.2f        ", s.precision, s.recall)
                    XCTAssertGreaterThanOrEqual(s.recall, f.recall, "\(lang).\(set) \(id) recall")
                    XCTAssertGreaterThanOrEqual(s.precision, f.precision, "\(lang).\(set) \(id) precision")
                }
                table += "\n"
            }
            table += "all   "
            for id in Self.scored {
                guard let s = pooled[id] else { continue }
                table += String(format: "%.2f / %.2f        ", s.precision, s.recall)
                let f = set == "heldout" ? Self.pooledHeldOut[id]! : Self.pooledLabelled
                XCTAssertGreaterThanOrEqual(s.precision, f.precision, "pooled \(set) \(id) precision")
                XCTAssertGreaterThanOrEqual(s.recall, f.recall, "pooled \(set) \(id) recall")
            }
            print(table)
        }
    }

    /// The floors, set from the figures the held-out sets gave when the lists were frozen (round 3, in the README),
    /// a little under them: a change that makes the coaching worse on sentences it was not tuned on fails.
    static let englishHeldOut: [String: (precision: Double, recall: Double)] = [
        "fact-not-feeling": (0.95, 0.95), "no-blame": (0.85, 0.70), "own-the-mistake": (0.95, 0.95), "lesson-is-a-rule": (0.95, 0.80),
    ]
    static let pooledHeldOut: [String: (precision: Double, recall: Double)] = [
        "fact-not-feeling": (0.95, 0.85), "no-blame": (0.85, 0.75), "own-the-mistake": (0.95, 0.90), "lesson-is-a-rule": (0.95, 0.80),
    ]
    /// No language below these on its held-out set (the issue asks no less than 0.5 recall).
    static let languageHeldOut: (precision: Double, recall: Double) = (0.75, 0.60)
    /// The labelled sets the lists were tuned on.
    static let labelledFloor: (precision: Double, recall: Double) = (0.85, 0.65)
    static let languageLabelled: (precision: Double, recall: Double) = (0.70, 0.60)
    static let pooledLabelled: (precision: Double, recall: Double) = (0.85, 0.80)

    func score(_ lang: String, _ set: String, quiet: Bool = false) throws -> [String: Counts] {
        let name = "\(lang).\(set).yml"
        let (statements, header) = try loadSet(name)
        XCTAssertGreaterThanOrEqual(statements.count, 80, name)
        let format = catalog.format("client-recovery")!
        let lexicon = try Lexicon.load(templates: templatesDir, locale: lang)
        var counts: [String: Counts] = [:]
        var misses: [String] = []
        for st in statements {
            var yaml = header + "sections:\n  \(st.section):\n    - text: \"\(st.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"\n"
            if let side = st.side { yaml += "      side: \(side.rawValue)\n" }
            let record = try RecordReader.parse(bytes: Array(yaml.utf8), file: name, formats: catalog)
            let c = CheckContext(record: record, format: format, lexicon: lexicon, today: today)
            let spec = format.spec(st.section)!
            let item = record.items(in: st.section)[0]
            for id in Self.scored {
                let check = CheckRegistry.check(id)!
                let fired = !check.check(item: item, number: 1, in: spec, c).isEmpty
                switch (fired, st.expect.contains(id)) {
                case (true, true): counts[id, default: Counts()].tp += 1
                case (true, false): counts[id, default: Counts()].fp += 1; misses.append("FP \(id): [\(st.section)] \(st.text)")
                case (false, true): counts[id, default: Counts()].fn += 1; misses.append("FN \(id): [\(st.section)] \(st.text)")
                default: counts[id, default: Counts()].tp += 0
                }
            }
        }
        if !quiet {
            var report = "\n\(name): \(statements.count) statements\nCheck               precision  recall   (tp fp fn)\n"
            for id in Self.scored {
                let s = counts[id]!
                report += "\(id.padding(toLength: 20, withPad: " ", startingAt: 0))\(String(format: "%.3f", s.precision))      \(String(format: "%.3f", s.recall))    (\(s.tp) \(s.fp) \(s.fn))\n"
            }
            print(report)
        }
        if let show = ProcessInfo.processInfo.environment["DEBRIEF_SHOW_MISSES"], show == "1" || show == lang {
            print("\(name) misses:\n" + misses.joined(separator: "\n"))
        }
        return counts
    }
}
