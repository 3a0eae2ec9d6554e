// The guide's steps as a typed value, and their text form (the record's
// `progress:` key, `debrief resume --at`). Header steps, participants and the
// review keep their names; a section is written `sections.ID` (or
// `sections.ID.us` / `sections.ID.client` for a per-side section), so a
// section called `review` or `client` is never taken for a header step.
import DebriefCore

/// A field of the record's header, asked one at a time before the participants.
public enum HeaderField: String, Sendable, CaseIterable {
    case title, client, project, date
}

/// One step of the guided session.
public enum GuideStep: Hashable, Sendable {
    case header(HeaderField)
    case participants(Side)
    /// A section of the format; `side` is set for a per-side section (asked for each side in turn).
    case section(id: String, side: Side?)
    case review

    /// The prefix of a section step in the text form.
    public static let sectionPrefix = "sections."
    static let participantsPrefix = "participants."

    /// Every step of a format, in the order the guide asks them.
    public static func all(for format: Format) -> [GuideStep] {
        var steps: [GuideStep] = HeaderField.allCases.map { .header($0) }
        steps += [.participants(.us), .participants(.client)]
        for spec in format.sections where spec.guided {
            if spec.perSide {
                steps += [.section(id: spec.id, side: .us), .section(id: spec.id, side: .client)]
            } else {
                steps.append(.section(id: spec.id, side: nil))
            }
        }
        steps.append(.review)
        return steps
    }

    /// The text form: `title`, `participants.us`, `review`, `sections.mistakes.client` ….
    public var encoded: String {
        switch self {
        case .header(let field): return field.rawValue
        case .participants(let side): return Self.participantsPrefix + side.rawValue
        case .section(let id, let side): return Self.sectionPrefix + id + (side.map { "." + $0.rawValue } ?? "")
        case .review: return "review"
        }
    }

    /// Reads the text form for `format`; nil for a step the format does not have.
    ///
    /// Besides `sections.ID[.SIDE]`, the form written before sections had a
    /// prefix is read too (drafts already on disk): a bare `ID` or `ID.SIDE`
    /// naming a section of the format, when it is not a header step's name.
    /// A per-side section named without a side starts at our side.
    public init?(parsing text: String, format: Format) {
        if let field = HeaderField(rawValue: text) { self = .header(field); return }
        if text == "review" { self = .review; return }
        if text.hasPrefix(Self.participantsPrefix) {
            if let side = Side(rawValue: String(text.dropFirst(Self.participantsPrefix.count))) {
                self = .participants(side); return
            }
        }
        if text.hasPrefix(Self.sectionPrefix),
           let step = Self.section(String(text.dropFirst(Self.sectionPrefix.count)), in: format) {
            self = step; return
        }
        // The legacy form.
        guard let step = Self.section(text, in: format) else { return nil }
        self = step
    }

    /// `ID`, or `ID.SIDE` for a per-side section, as a section step of `format`.
    static func section(_ text: String, in format: Format) -> GuideStep? {
        if let spec = format.spec(text) {
            return .section(id: spec.id, side: spec.perSide ? .us : nil)
        }
        guard let dot = text.lastIndex(of: "."),
              let side = Side(rawValue: String(text[text.index(after: dot)...])),
              let spec = format.spec(String(text[..<dot])), spec.perSide
        else { return nil }
        return .section(id: spec.id, side: side)
    }
}

extension GuideStep: CustomStringConvertible {
    public var description: String { encoded }
}
