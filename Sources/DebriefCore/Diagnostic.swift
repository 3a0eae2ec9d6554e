// What the libraries report: values, never formatted or coloured text. The
// executable's one printer turns them into `FILE:LINE:COL: severity: [rule] message`.
import Foundation

public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, warning, error
    var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One thing to tell the person: an error, a finding, a warning about the configuration.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file it is about; nil for the command itself.
    public var file: String?
    public var position: SourcePosition?
    public var severity: Severity
    /// The check or policy that speaks (`client-safe`, `no-blame`); nil for plain errors.
    public var rule: String?
    public var message: String
    /// What to do about it, on its own line.
    public var suggestion: String?

    public init(file: String? = nil, position: SourcePosition? = nil, severity: Severity = .error, rule: String? = nil,
                message: String, suggestion: String? = nil) {
        self.file = file; self.position = position; self.severity = severity; self.rule = rule
        self.message = message; self.suggestion = suggestion
    }

    /// The plain text form (no colour): `FILE:LINE:COL: severity: [rule] message`.
    public var description: String {
        var head = file ?? "debrief"
        if let p = position { head += ":\(p.line):\(p.column)" }
        return "\(head): \(severity.rawValue): " + (rule.map { "[\($0)] " } ?? "") + message
    }
}

/// An error that knows what it tells the person.
public protocol Diagnosable: Error {
    var diagnostics: [Diagnostic] { get }
}

/// A built-in template, format, word list or label file that is missing or does not load (exit 70).
public struct TemplateError: Error, Sendable, Diagnosable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var position: SourcePosition?
    public init(path: String, reason: String, position: SourcePosition? = nil) {
        self.path = path; self.reason = reason; self.position = position
    }
    /// A load error inside a template file.
    public init(_ e: LoadError) { self.init(path: e.file, reason: e.message, position: e.position) }
    public var diagnostics: [Diagnostic] {
        [Diagnostic(file: path, position: position, message: "the template does not load: \(reason)",
                    suggestion: "Templates are looked for in $DEBRIEF_TEMPLATES, beside the program, or in ../share/debrief/templates; reinstall them or point DEBRIEF_TEMPLATES at a complete templates folder.")]
    }
    public var description: String { diagnostics[0].description }
}

/// Bad usage (exit 64).
public struct UsageError: Error, Sendable, Diagnosable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var diagnostics: [Diagnostic] { [Diagnostic(message: message)] }
    public var description: String { message }
}

extension LoadError: Diagnosable {
    public var diagnostics: [Diagnostic] { [Diagnostic(file: file, position: position, message: message)] }
}

extension MissingFileError: Diagnosable {
    public var diagnostics: [Diagnostic] { [Diagnostic(file: path, message: "no such file")] }
}

extension WriteError: Diagnosable {
    public var diagnostics: [Diagnostic] { [Diagnostic(file: path, message: "cannot write: \(reason)")] }
}

extension ClientRefusal: Diagnosable {
    public var diagnostics: [Diagnostic] { leaks.map(\.diagnostic) }
}

/// The checks, by id (their rules live in DebriefChecks; the archive's settings name them).
public enum CheckID: String, Sendable, CaseIterable, Codable {
    case factNotFeeling = "fact-not-feeling"
    case noBlame = "no-blame"
    case ownTheMistake = "own-the-mistake"
    case counterfactual
    case bothSides = "both-sides"
    case positivesFound = "positives-found"
    case lessonIsARule = "lesson-is-a-rule"
    case lessonCarriedOut = "lesson-carried-out"
    case actionOwned = "action-owned"
    case remediesChoice = "remedies-choice"
    case clientFollowUp = "client-follow-up"
    case clientSafe = "client-safe"
}

/// What the archive sets for a check: off, or another severity.
public enum CheckSetting: Sendable, Equatable {
    case off
    case severity(Severity)
    public init?(_ text: String) {
        if text == "off" { self = .off; return }
        guard let s = Severity(rawValue: text) else { return nil }
        self = .severity(s)
    }
    public var text: String {
        switch self {
        case .off: return "off"
        case .severity(let s): return s.rawValue
        }
    }
}

public enum Paper: String, Sendable, CaseIterable {
    case a4, letter
    /// The CSS `@page size` value.
    public var css: String { self == .a4 ? "A4" : "letter" }
}
