import DebriefArchive
import DebriefCore
import Foundation
@_exported import DebriefTestSupport

/// The built-in word lists.
func wordLists() throws -> LessonWordLists {
    try LessonWordLists.load(templates: templatesDir)
}

let catalog = try! FormatCatalog(builtInDirectory: templatesDir + "/formats")

/// A record as the archive index keeps it, with these lessons (and actions).
func record(_ path: String, date: String? = nil, locale: String = "en", lessons: [String], tags: [[String]] = [],
            internalAt: Set<Int> = [], actions: [IndexedAction] = []) -> IndexedRecord {
    var yaml = "debrief: 1\nformat: client-recovery\ntitle: \(path)\nlocale: \(locale)\n"
    if let date { yaml += "date: \(date)\n" }
    let r = try! RecordReader.parse(bytes: Array(yaml.utf8), file: path, formats: catalog)
    var ir = IndexedRecord(path: path, record: r, format: catalog.format("client-recovery")!, defaultLocale: "en")
    ir.lessons = lessons.enumerated().map { i, t in
        IndexedLesson(text: t, tags: i < tags.count ? tags[i] : [], number: i + 1, line: 0, isInternal: internalAt.contains(i + 1))
    }
    ir.actions = actions
    return ir
}

/// A seeded random number generator (SplitMix64), so generated archives are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
