// All checks, and running them with the archive's configuration.
import DebriefCore
import DebriefMarkdown
import Foundation

public enum CheckRegistry {
    public static let all: [any Check] = [
        FactNotFeeling(), NoBlame(), OwnTheMistake(), Counterfactual(), BothSides(), PositivesFound(),
        LessonIsARule(), LessonCarriedOut(), ActionOwned(), RemediesChoice(), ClientFollowUp(), ClientSafe(),
    ]

    public static func check(_ id: String) -> (any Check)? { all.first { $0.id.rawValue == id } }
    public static func check(_ id: CheckID) -> any Check { all.first { $0.id == id }! }
}

/// What the archive's `debrief.yml` says about checks: turned off, or another severity.
public struct CheckSettings: Sendable {
    public var overrides: [CheckID: CheckSetting]
    public init(overrides: [CheckID: CheckSetting] = [:]) { self.overrides = overrides }
    public init(config: ArchiveConfig) { self.init(overrides: config.checks) }
}

public struct CheckRunner: Sendable {
    public var lexicon: Lexicon
    public var settings: CheckSettings
    public var today: Day
    public var markdown: MarkdownCache

    public init(lexicon: Lexicon, settings: CheckSettings = CheckSettings(), today: Day, markdown: MarkdownCache = MarkdownCache()) {
        self.lexicon = lexicon; self.settings = settings; self.today = today; self.markdown = markdown
    }

    /// The runner for a workspace and a language: word lists loaded once per language, texts parsed once.
    public static func forWorkspace(_ ws: Workspace, locale: String) throws -> CheckRunner {
        try ws.cached("check-runner:\(locale)") {
            CheckRunner(lexicon: try Lexicon.load(templates: ws.templates, locale: locale),
                        settings: CheckSettings(config: ws.config), today: ws.today, markdown: ws.markdown)
        }
    }

    func apply(_ findings: [Finding], _ check: any Check) -> [Finding] {
        guard check.id != .clientSafe, let override = settings.overrides[check.id] else { return findings }
        guard case .severity(let severity) = override else { return [] }   // turned off
        // A check's own lesser findings (e.g. an info beside its warnings) keep their rank below the new one.
        return findings.map { f in
            var f = f
            f.severity = f.severity == check.defaultSeverity ? severity : min(f.severity, severity)
            return f
        }
    }

    /// Every finding for a record, in file order. With a client view, the client-safe check reports its leaks.
    public func run(_ record: Record, format: Format, clientView: RecordView? = nil) -> [Finding] {
        let c = CheckContext(record: record, format: format, lexicon: lexicon, today: today, clientView: clientView, markdown: markdown)
        var out: [Finding] = []
        for check in CheckRegistry.all {
            out += apply(check.check(c), check)
        }
        return out.sorted { ($0.file ?? "", $0.position, $0.check.rawValue) < ($1.file ?? "", $1.position, $1.check.rawValue) }
    }

    /// Findings about one item just typed (the guide's coaching).
    public func run(item: Item, number: Int, in spec: SectionSpec, record: Record, format: Format) -> [Finding] {
        let c = CheckContext(record: record, format: format, lexicon: lexicon, today: today, markdown: markdown)
        var out: [Finding] = []
        for check in CheckRegistry.all where check.looksAtItems && check.id != .counterfactual && check.id != .clientSafe {
            out += apply(check.check(item: item, number: number, in: spec, c), check)
        }
        return out
    }
}

extension Finding {
    /// The finding as a diagnostic for the printer.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(file: self.file ?? file, position: position, severity: severity, rule: check.rawValue, message: message, suggestion: suggestion)
    }
}
