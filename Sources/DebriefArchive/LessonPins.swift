// Merges and splits pinned by hand: `lessons.yml` beside debrief.yml.
//
//     # Lessons that are one rule whatever their words, and lessons that are not, whatever their words.
//     same:
//       - [We confirm every agreement in writing., Nothing agreed by phone counts.]
//     apart:
//       - [We review every brief with the client in person., We review every invoice with the client in person.]
//
// Each entry of `same` or `apart` is a list of two texts or more. A text names every lesson that reads
// the same once case, accents, punctuation and Markdown are set aside. `same` puts all of its texts in one
// group; `apart` keeps each of its texts out of the others' groups (a lesson similar to two of them goes
// with the one it is closest to). Both keys are optional.
import DebriefCore
import Foundation

public struct LessonPins: Sendable, Equatable {
    public struct Pin: Sendable, Equatable {
        public var texts: [String]
        public var positions: [SourcePosition?]
    }

    public var same: [Pin] = []
    public var apart: [Pin] = []
    /// The file, as messages name it.
    public var file: String

    public static let fileName = "lessons.yml"

    public init(same: [Pin] = [], apart: [Pin] = [], file: String) {
        self.same = same; self.apart = apart; self.file = file
    }

    /// Pins from a list of text pairs (for tests and callers that build them).
    public init(same: [[String]], apart: [[String]], file: String = fileName) {
        self.same = same.map { Pin(texts: $0, positions: $0.map { _ in nil }) }
        self.apart = apart.map { Pin(texts: $0, positions: $0.map { _ in nil }) }
        self.file = file
    }

    /// The archive's `lessons.yml` (in `root`), or nil when it has none. A file that does not load is an error.
    public static func load(archiveRoot root: String) throws -> LessonPins? {
        let path = (root as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let display = Archive.display(path)
        return try parse(bytes: try readTextFile(path, display: display), file: display)
    }

    public static func parse(bytes: [UInt8], file: String) throws -> LessonPins {
        let y = StrictYAML(bytes: bytes, file: file)
        var pins = LessonPins(file: file)
        // A file of nothing but comments and blank lines pins nothing.
        let text = String(decoding: bytes, as: UTF8.self)
        if text.split(whereSeparator: \.isNewline).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }) {
            return pins
        }
        try y.document(what: "pins (same: and apart: lists of texts)") {
            if try y.skipNull() { return }
            try y.mapping("") { key, pos in
                guard key == "same" || key == "apart" else {
                    throw y.unknownKey("", key, at: pos, expected: ["same", "apart"])
                }
                if try y.skipNull() { return }
                var list: [Pin] = []
                try y.sequence(key) { i, pos in
                    var pin = Pin(texts: [], positions: [])
                    try y.sequence("\(key)[\(i)]") { j, p in
                        pin.texts.append(try y.text("\(key)[\(i)][\(j)]").0)
                        pin.positions.append(p)
                    }
                    guard pin.texts.count >= 2 else {
                        throw y.fail(pos, "\(key)[\(i)]: expected a list of two texts or more, found \(pin.texts.count)")
                    }
                    list.append(pin)
                }
                if key == "same" { pins.same = list } else { pins.apart = list }
            }
        }
        return pins
    }
}
