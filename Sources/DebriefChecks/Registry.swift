// All checks, and running them with the archive's configuration.
import DebriefCore
import Foundation

public enum CheckRegistry {
    public static let all: [any Check] = [
        FactNotFeeling(), NoBlame(), OwnTheMistake(), Counterfactual(), BothSides(), PositivesFound(),
        LessonIsARule(), ActionOwned(), RemediesChoice(), ClientFollowUp(), ClientSafe(),
    ]

    public static func check(_ id: String) -> (any Check)? { all.first { $0.id == id } }
}

/// What the archive's `debrief.yml` says about checks: turned off, or another severity.
public struct CheckSettings: Sendable {
    public var overrides: [String: Severity?]
    public var internalTags: [String]
    public init(overrides: [String: Severity?] = [:], internalTags: [String] = []) {
        self.overrides = overrides; self.internalTags = internalTags
    }

    public init(config: ArchiveConfig) {
        var o: [String: Severity?] = [:]
        for (k, v) in config.checks { o[k] = v == "off" ? .some(nil) : Severity(rawValue: v) }
        self.init(overrides: o, internalTags: config.internalTags)
    }

    func severity(for check: any Check) -> Severity?? { overrides[check.id] }
}

public struct CheckRunner: Sendable {
    public var lexicon: Lexicon
    public var settings: CheckSettings
    public var today: Day

    public init(lexicon: Lexicon, settings: CheckSettings = CheckSettings(), today: Day = .today()) {
        self.lexicon = lexicon; self.settings = settings; self.today = today
    }

    func context(_ record: Record, _ format: Format, audience: String) -> CheckContext {
        CheckContext(record: record, format: format, lexicon: lexicon, today: today, audience: audience,
                     internalTags: settings.internalTags)
    }

    func apply(_ findings: [Finding], _ check: any Check) -> [Finding] {
        guard let override = settings.severity(for: check) else { return findings }
        guard let severity = override else { return [] }   // turned off
        // A check's own lesser findings (e.g. an info beside its warnings) keep their rank below the new one.
        return findings.map { f in
            var f = f
            f.severity = f.severity == check.defaultSeverity ? severity : min(f.severity, severity)
            return f
        }
    }

    /// Every finding for a record, in file order.
    public func run(_ record: Record, format: Format, audience: String = "team") -> [Finding] {
        let c = context(record, format, audience: audience)
        var out: [Finding] = []
        for check in CheckRegistry.all {
            out += apply(check.check(c), check)
        }
        return out.sorted { ($0.position, $0.check) < ($1.position, $1.check) }
    }

    /// Findings about one item just typed (the guide's coaching).
    public func run(item: Item, number: Int, in spec: SectionSpec, record: Record, format: Format) -> [Finding] {
        let c = context(record, format, audience: "team")
        var out: [Finding] = []
        for check in CheckRegistry.all where check.looksAtItems && check.id != "counterfactual" && check.id != "client-safe" {
            out += apply(check.check(item: item, number: number, in: spec, c), check)
        }
        return out
    }
}

extension Finding {
    /// `FILE:LINE:COL: severity: [check] message`, then the suggestion indented.
    public func text(file: String, color: Bool = false) -> String {
        var sev = severity.rawValue
        if color {
            let code = severity == .error ? "1;31" : severity == .warning ? "1;33" : "1;36"
            sev = "\u{1B}[\(code)m\(sev)\u{1B}[0m"
        }
        return "\(file):\(position.line):\(position.column): \(sev): [\(check)] \(message)\n    \(suggestion)"
    }
}
