// The guide's own words (the step counter, help, commands, the coaching choice, the review, what it says while
// guiding) as data: templates/guide/en.yml, and over it the language's own file. Like the report labels, a word a
// language leaves out stays English.
import Foundation

public struct GuideWords: Sendable {
    /// The language the words are for (`vi`, `pt-BR`); English when none is given.
    public let locale: String
    public private(set) var values: [String: String]
    public private(set) var lists: [String: [String]]
    /// The keys English has that this language's own file does not (empty for English).
    public let missing: [String]

    public init(values: [String: String], lists: [String: [String]] = [:], locale: String = "en", missing: [String] = []) {
        self.values = values; self.lists = lists; self.locale = locale; self.missing = missing
    }

    /// The keys whose value is a list of words rather than a text.
    static let listKeys: Set<String> = ["yes-words"]

    /// The words for `locale` (`pt-BR`, then `pt`) over English. A key English does not have is refused, so that a
    /// misspelt key in a translation is found, not silently left English.
    public static func load(templates: String, locale: String?, folder: String = "guide") throws -> GuideWords {
        let dir = (templates as NSString).appendingPathComponent(folder)
        let english = try loadFile((dir as NSString).appendingPathComponent("en.yml"), known: nil)
        var values = english.values, lists = english.lists
        var given = Set<String>()
        if let locale {
            let base = String(locale.split(separator: "-").first ?? "")
            for candidate in [base, locale] where candidate != "en" && !candidate.isEmpty {
                let path = (dir as NSString).appendingPathComponent("\(candidate).yml")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let own = try loadFile(path, known: Set(english.values.keys).union(english.lists.keys))
                for (k, v) in own.values { values[k] = v; given.insert(k) }
                for (k, v) in own.lists { lists[k] = v; given.insert(k) }
            }
        }
        let lang = locale.map { String($0.split(separator: "-").first ?? "") } ?? "en"
        let missing = lang == "en" ? [] : Set(english.values.keys).union(english.lists.keys).subtracting(given).sorted()
        return GuideWords(values: values, lists: lists, locale: locale ?? "en", missing: missing)
    }

    static func loadFile(_ path: String, known: Set<String>?) throws -> (values: [String: String], lists: [String: [String]]) {
        try Templates.loading(path) {
            let y = StrictYAML(bytes: try readTextFile(path), file: path)
            var values: [String: String] = [:], lists: [String: [String]] = [:]
            try y.document(what: "the guide's words") {
                try y.mapping("") { key, pos in
                    if let known, !known.contains(key), !isExtraPluralForm(key, of: known) {
                        throw y.fail(pos, "expected a key of the English file (en.yml), found the unknown key '\(key)'")
                    }
                    if listKeys.contains(key) { lists[key] = try y.textList(key) } else { values[key] = try y.text(key).0 }
                }
            }
            return (values, lists)
        }
    }

    /// `items-few` where English has `items-other`: the plural forms English does not need.
    static func isExtraPluralForm(_ key: String, of known: Set<String>) -> Bool {
        for form in ["-zero", "-two", "-few", "-many"] where key.hasSuffix(form) {
            return known.contains(String(key.dropLast(form.count)) + "-other")
        }
        return false
    }

    /// The text of `key` with each `{name}` filled in from `values`, in one pass (a value is never read as a template).
    public func callAsFunction(_ key: String, _ fill: [String: String] = [:]) -> String {
        Self.fill(values[key] ?? key, fill)
    }

    /// The text of `key-CATEGORY` for the count `n` in this language (`-one`, `-other`, and for Arabic also
    /// `-zero`, `-two`, `-few`, `-many`), falling back to `-other`; `{n}` is the count.
    public func count(_ key: String, _ n: Int, _ fill: [String: String] = [:]) -> String {
        var f = fill
        f["n"] = String(n)
        let category = Self.pluralCategory(n, language: String(locale.split(separator: "-").first ?? "en"))
        let text = values["\(key)-\(category)"] ?? values["\(key)-other"] ?? key
        return Self.fill(text, f)
    }

    /// A list of words (e.g. the answers that mean yes), lower case.
    public func list(_ key: String) -> [String] { (lists[key] ?? []).map { $0.lowercased() } }

    /// Whether an answer means yes: the language's words, and always `y` and `yes`.
    public func isYes(_ answer: String) -> Bool {
        let a = answer.trimmed.lowercased()
        return a == "y" || a == "yes" || list("yes-words").contains(a)
    }

    /// "A, B or C" in this language.
    public func orList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + self("list-or") + " " + items[items.count - 1]
    }

    /// CLDR's plural categories for the languages debrief ships: Vietnamese has one form; Arabic six; the others two.
    public static func pluralCategory(_ n: Int, language: String) -> String {
        switch language {
        case "vi": return "other"
        case "ar":
            if n == 0 { return "zero" }
            if n == 1 { return "one" }
            if n == 2 { return "two" }
            let r = n % 100
            if (3...10).contains(r) { return "few" }
            if (11...99).contains(r) { return "many" }
            return "other"
        default: return n == 1 ? "one" : "other"
        }
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let v = values[String(after[..<close])] {
                out += v
                rest = after[after.index(after: close)...]
            } else {
                out.append("{")
                rest = after
            }
        }
        return out + rest
    }
}
