// The one place libstemmer (Snowball) is touched: a stemmer per language, created once and kept.
import Cstemmer

/// Snowball stemmers by language, each created the first time it is asked for and kept until this
/// value goes. A libstemmer stemmer is not thread-safe: a `Stemmers` belongs to one thread at a time.
public final class Stemmers {
    /// The algorithms this libstemmer offers (`sb_stemmer_list`), e.g. "english", "finnish", "hungarian", "arabic".
    public static let available: Set<String> = {
        var out = Set<String>()
        guard var p = sb_stemmer_list() else { return out }
        while let name = p.pointee {
            out.insert(String(cString: name))
            p += 1
        }
        return out
    }()

    /// A locale's Snowball algorithm: by ISO 639-1 code ("en", "fi-FI", "pt-BR"), nil when there is none.
    public static func algorithm(for locale: String) -> String? {
        let base = locale.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        let lang = base.isEmpty ? "en" : base
        guard let name = isoNames[lang], available.contains(name) else { return nil }
        return name
    }

    static let isoNames: [String: String] = [
        "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek", "en": "english",
        "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi",
        "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian",
        "nb": "norwegian", "ne": "nepali", "nl": "dutch", "nn": "norwegian", "no": "norwegian", "pt": "portuguese",
        "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish",
        "yi": "yiddish",
    ]

    private var stemmers: [String: OpaquePointer] = [:]
    private var missing: Set<String> = []

    public init() {}

    deinit {
        for s in stemmers.values { sb_stemmer_delete(s) }
    }

    /// Whether `algorithm` stems here (a stemmer that fails to start counts as none).
    public func has(_ algorithm: String) -> Bool { stemmer(algorithm) != nil }

    private func stemmer(_ algorithm: String) -> OpaquePointer? {
        if let s = stemmers[algorithm] { return s }
        if missing.contains(algorithm) { return nil }
        guard let s = sb_stemmer_new(algorithm, "UTF_8") else { missing.insert(algorithm); return nil }
        stemmers[algorithm] = s
        return s
    }

    /// The stem of one lower-case word, or nil when the language has no stemmer.
    public func stem(_ word: String, algorithm: String) -> String? {
        guard let s = stemmer(algorithm) else { return nil }
        let bytes = Array(word.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return word }
        return bytes.withUnsafeBufferPointer { buf -> String in
            guard let out = sb_stemmer_stem(s, buf.baseAddress, Int32(buf.count)) else { return word }
            let n = Int(sb_stemmer_length(s))
            return String(decoding: UnsafeBufferPointer(start: out, count: n), as: UTF8.self)
        }
    }
}
