// Every lesson across the archive, grouped so that the same rule written differently lands in one group.
//
// How: each distinct text is reduced to a signature (LessonAnalyzer); two texts are similar when the larger of
// the Jaccard similarity of their stem sets and of their trigram sets reaches `LessonGrouper.threshold`;
// similar texts are joined with union-find (strongest pairs first), after the archive's pinned merges and
// before nothing it keeps apart (lessons.yml). The pairs come from an inverted index of rare stems and
// trigrams (SimilarityJoin), never from comparing every pair.
import DebriefCore
import Foundation

/// One debrief as the grouping reads it.
public struct LessonSource: Sendable {
    public var record: IndexedRecord
    /// The record's path as output shows it.
    public var display: String
    /// Tag keys that keep an item with the team (the archive's `internal-tags` and `internal`).
    public var internalTags: Set<String>

    public init(record: IndexedRecord, display: String, internalTags: [String] = []) {
        self.init(record: record, display: display, internalTagKeys: LessonSource.internalTagKeys(internalTags))
    }

    /// With the keys already made (`internalTagKeys`): one set for every debrief of an archive.
    public init(record: IndexedRecord, display: String, internalTagKeys: Set<String>) {
        self.record = record
        self.display = display
        self.internalTags = internalTagKeys
    }

    /// The keys of an archive's internal tags, `internal` among them.
    public static func internalTagKeys(_ internalTags: [String]) -> Set<String> {
        Set((internalTags + ["internal"]).map(Tags.key))
    }
}

/// A debrief that learned a lesson of a group.
public struct LessonDebrief: Sendable, Equatable {
    public var path: String
    public var title: String
    public var date: String?
    /// The lesson as this debrief wrote it (CommonMark; the first, when it wrote the rule more than once).
    public var wording: String
    /// Every lesson of the group in this debrief is internal.
    public var isInternal: Bool
}

/// A rule and every debrief that learned it.
public struct LessonGroup: Sendable {
    /// The most common wording (CommonMark, as written; ties go to the earliest).
    public var lesson: String
    /// The debriefs that learned it, oldest first.
    public var debriefs: [LessonDebrief]
    /// Every tag its lessons carry, sorted.
    public var tags: [String]
    /// The first and last dates it was learned (`YYYY-MM-DD`), when its debriefs are dated.
    public var first: String?
    public var last: String?
    /// Learned again after a done action of an earlier debrief had carried it out.
    public var cameBack: Bool
    /// Every wording, most common first.
    public var wordings: [String]

    /// How many debriefs learned it.
    public var count: Int { debriefs.count }
    /// Learned in two debriefs or more.
    public var recurring: Bool { count >= 2 }
    /// Every lesson of it is internal (kept from the client).
    public var isInternal: Bool { debriefs.allSatisfy(\.isInternal) }

    /// The distinct texts (units of the grouping) it was made of, for search.
    var units: [Int32]
}

/// What a grouping found, and what it has to say about the pins.
public struct LessonGrouping {
    public var groups: [LessonGroup]
    public var warnings: [Diagnostic]
    /// How many debriefs were read (after `since`).
    public var debriefCount: Int
    let analyzer: LessonAnalyzer
    let signatures: [LessonSignature]
    let unitLocale: [String]

    /// The groups that carry the tag (any case, with or without '#'), and whose words hold every word of
    /// `search`: as written (folded, as part of a word) or by stem ("reviewing" finds "we review").
    public func groups(tag: String? = nil, search: String? = nil) -> [LessonGroup] {
        var out = groups
        if let tag {
            let k = Tags.key(tag)
            out = out.filter { $0.tags.contains { Tags.key($0) == k } }
        }
        if let search {
            let words = LessonText.words(LessonText.plain(search))
            if !words.isEmpty {
                out = out.filter { g in
                    let text = g.units.map { analyzer.text(of: signatures[Int($0)]) }.joined(separator: "\n")
                    let stems = Set(g.units.flatMap { signatures[Int($0)].stems })
                    let locales = Set(g.units.map { unitLocale[Int($0)] })
                    return words.allSatisfy { w in
                        text.contains(LessonText.fold(w)) || locales.contains { stems.contains(analyzer.stemID(ofWord: w, locale: $0)) }
                    }
                }
            }
        }
        return out
    }
}

public final class LessonGrouper {
    /// Two lessons are one rule when the larger of the Jaccard similarity of their stem sets and of their
    /// character-trigram sets is at least this. Chosen on Tests/DebriefArchiveTests/labelled.yml (see there).
    public static let threshold = 0.6

    public let analyzer: LessonAnalyzer
    public let threshold: Double

    public init(lists: LessonWordLists, threshold: Double = LessonGrouper.threshold) {
        analyzer = LessonAnalyzer(lists: lists)
        self.threshold = threshold
    }

    /// One lesson of one debrief: which debrief (index into the sources), which lesson of it, which text.
    struct Occurrence {
        var source: Int32
        var lesson: Int32
        var unit: Int32
        var isInternal: Bool
    }

    /// Groups the lessons of `sources` (only those of debriefs dated `since` or later, when given).
    public func group(_ sources: [LessonSource], pins: [LessonPins] = [], since: Day? = nil) -> LessonGrouping {
        // Oldest first: labels' ties, first and last, and "came back" read the archive in time order.
        var chronological = sources.indices.filter { i in since.map { s in sources[i].record.day.map { $0 >= s } ?? false } ?? true }
        let dates = sources.map { $0.record.date ?? "9999-99-99" }
        chronological.sort { a, b in dates[a] != dates[b] ? dates[a] < dates[b] : sources[a].display < sources[b].display }

        // Distinct texts (by their folded words) are the units compared.
        var unitOf: [[Int32]: Int] = [:]                 // folded words → unit
        var textUnit: [String: [String: Int]] = [:]      // language → text as written → unit
        var signatures: [LessonSignature] = []
        var unitLocale: [String] = []
        var occurrences: [Occurrence] = []
        var languages: [String: String] = [:]
        for si in chronological {
            let s = sources[si]
            let lang: String
            if let l = languages[s.record.locale] { lang = l } else {
                lang = LessonText.language(of: s.record.locale)
                languages[s.record.locale] = lang
            }
            for (li, l) in s.record.lessons.enumerated() {
                let unit: Int
                if let u = textUnit[lang]?[l.text] {
                    unit = u
                } else {
                    let sig = analyzer.analyze(l.text, locale: lang)
                    if let u = unitOf[sig.words] {
                        unit = u
                    } else {
                        unit = signatures.count
                        unitOf[sig.words] = unit
                        signatures.append(sig)
                        unitLocale.append(lang)
                    }
                    textUnit[lang, default: [:]][l.text] = unit
                }
                var isInternal = l.isInternal
                if !isInternal && (!l.tags.isEmpty || l.text.utf8.contains(0x23) || l.text.unicodeScalars.contains("\u{FF03}")) {
                    isInternal = RecordView.isInternal(Item(text: l.text, isInternal: false, tags: l.tags), internalTags: s.internalTags)
                }
                occurrences.append(Occurrence(source: Int32(si), lesson: Int32(li), unit: Int32(unit), isInternal: isInternal))
            }
        }

        var uf = UnionFind(count: signatures.count)
        var warnings: [Diagnostic] = []
        applyPins(pins, unitOf: unitOf, &uf, &warnings)

        if uf.hasApart {
            // Strongest pairs first, so that a text similar to two that are kept apart goes with the closer one.
            var edges = LessonJoin.edges(signatures, analyzer: analyzer, threshold: threshold)
            edges.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.a, $0.b) < ($1.a, $1.b) }
            for e in edges { uf.union(e.a, e.b) }
        } else {
            // Without pins that keep texts apart the groups do not depend on the order: join as pairs are found,
            // and measure no pair that is already in one group.
            LessonJoin.pairs(signatures, analyzer: analyzer, threshold: threshold, measure: false, skip: { uf.find($0) == uf.find($1) },
                             found: { a, b, _ in uf.union(a, b) })
        }

        // Occurrences by group (numbered by their first occurrence), each group's in time order.
        var groupOfRoot = [Int32](repeating: -1, count: signatures.count)
        var groupOf = [Int32](repeating: 0, count: occurrences.count)
        var sizes: [Int] = []
        for (k, o) in occurrences.enumerated() {
            let root = uf.find(Int(o.unit))
            if groupOfRoot[root] < 0 { groupOfRoot[root] = Int32(sizes.count); sizes.append(0) }
            groupOf[k] = groupOfRoot[root]
            sizes[Int(groupOfRoot[root])] += 1
        }
        var starts = [Int](repeating: 0, count: sizes.count + 1)
        for g in sizes.indices { starts[g + 1] = starts[g] + sizes[g] }
        var fill = starts
        var members = [Int](repeating: 0, count: occurrences.count)   // occurrence indices, grouped
        for k in occurrences.indices {
            let g = Int(groupOf[k])
            members[fill[g]] = k
            fill[g] += 1
        }
        var groups: [LessonGroup] = []
        groups.reserveCapacity(sizes.count)
        var actionStems = ActionStems()
        for g in sizes.indices {
            groups.append(makeGroup(members[starts[g]..<starts[g + 1]], occurrences, sources: sources, signatures: signatures,
                                    actionStems: &actionStems))
        }
        // Recurring first, then by how often, then the newest; then as first learned.
        let order = groups.indices.sorted { i, j in
            let a = groups[i], b = groups[j]
            if a.recurring != b.recurring { return a.recurring }
            if a.count != b.count { return a.count > b.count }
            let la = a.last ?? "", lb = b.last ?? ""
            if la != lb { return la > lb }
            return i < j
        }
        return LessonGrouping(groups: order.map { groups[$0] }, warnings: warnings, debriefCount: chronological.count,
                              analyzer: analyzer, signatures: signatures, unitLocale: unitLocale)
    }

    private func applyPins(_ pins: [LessonPins], unitOf: [[Int32]: Int], _ uf: inout UnionFind, _ warnings: inout [Diagnostic]) {
        func units(_ pins: LessonPins, _ pin: LessonPins.Pin) -> [Int?] {
            pin.texts.enumerated().map { i, text in
                guard let u = unitOf[analyzer.analyze(text, locale: "en").words] else {
                    warnings.append(Diagnostic(file: pins.file, position: pin.positions[i], severity: .warning,
                                               message: "no lesson reads '\(text)'; this text of the pin is ignored",
                                               suggestion: "Copy the lesson's text as one of the debriefs writes it (case, accents and punctuation do not matter)."))
                    return nil
                }
                return u
            }
        }
        for p in pins {
            for pin in p.same {
                let us = units(p, pin).compactMap { $0 }
                for u in us.dropFirst() { uf.union(us[0], u, respectApart: false) }
            }
        }
        var pinIndex = 0
        for p in pins {
            for pin in p.apart {
                let us = units(p, pin)
                for i in us.indices {
                    for j in us.indices where j > i {
                        guard let a = us[i], let b = us[j] else { continue }
                        uf.mark(a, pin: pinIndex, side: 0)
                        uf.mark(b, pin: pinIndex, side: 1)
                        if uf.isSplit(a) {
                            warnings.append(Diagnostic(file: p.file, position: pin.positions[j], severity: .warning,
                                                       message: "'\(pin.texts[i])' and '\(pin.texts[j])' are both pinned the same and apart; they stay together"))
                        }
                        pinIndex += 1
                    }
                }
            }
        }
    }

    /// The stems of done actions' texts, by locale and text: each analysed once however many groups ask.
    typealias ActionStems = [String: [String: Set<Int32>]]

    private func makeGroup(_ members: ArraySlice<Int>, _ occurrences: [Occurrence], sources: [LessonSource],
                           signatures: [LessonSignature], actionStems: inout ActionStems) -> LessonGroup {
        func lesson(_ o: Occurrence) -> IndexedLesson { sources[Int(o.source)].record.lessons[Int(o.lesson)] }   // no copy of the source
        // The label: the most common wording; ties go to the earliest.
        let wordingOf = members.map { Self.wording(lesson(occurrences[$0]).text) }
        var wordings: [String]
        if members.count == 1 {
            wordings = wordingOf
        } else {
            var counts: [String: (n: Int, first: Int)] = [:]
            for (n, k) in members.enumerated() {
                let w = wordingOf[n]
                if let c = counts[w] { counts[w] = (c.n + 1, c.first) } else { counts[w] = (1, k) }
            }
            wordings = counts.sorted { $0.value.n != $1.value.n ? $0.value.n > $1.value.n : $0.value.first < $1.value.first }.map(\.key)
        }

        var debriefs: [LessonDebrief] = []
        var debriefSources: [Int] = []
        var tagKeys = Set<String>(), tags: [String] = []
        var units: [Int32] = []
        for (n, k) in members.enumerated() {
            let o = occurrences[k], l = lesson(o)
            // Occurrences come in time order, a debrief's together.
            if Int(o.source) == debriefSources.last {
                debriefs[debriefs.count - 1].isInternal = debriefs[debriefs.count - 1].isInternal && o.isInternal
            } else {
                let si = Int(o.source)
                debriefSources.append(si)
                debriefs.append(LessonDebrief(path: sources[si].display, title: sources[si].record.title, date: sources[si].record.date,
                                              wording: wordingOf[n], isInternal: o.isInternal))
            }
            for t in l.tags {
                if let n = Tags.normalised(t), tagKeys.insert(Tags.key(n)).inserted { tags.append(n) }
            }
            units.append(o.unit)
        }
        if tags.count > 1 { tags.sort { Tags.key($0) < Tags.key($1) } }
        var first: String?, last: String?
        for d in debriefs {
            guard let date = d.date else { continue }
            if first.map({ date < $0 }) ?? true { first = date }
            if last.map({ date > $0 }) ?? true { last = date }
        }
        let unitList = units.count == 1 ? units : LessonAnalyzer.sortedSet(units)
        var group = LessonGroup(lesson: wordings[0], debriefs: debriefs, tags: tags, first: first, last: last,
                                cameBack: false, wordings: wordings, units: unitList)
        if group.recurring {
            group.cameBack = cameBack(debriefSources, units: unitList, tagKeys: tagKeys, sources: sources, signatures: signatures,
                                      actionStems: &actionStems)
        }
        return group
    }

    /// Learned again after an action that carried it out was done: a done action of a debrief that learned it,
    /// earlier than another debrief that learned it, shares a tag with its lessons or two words (stems) with one.
    private func cameBack(_ debriefSources: [Int], units: [Int32], tagKeys: Set<String>, sources: [LessonSource],
                          signatures: [LessonSignature], actionStems: inout ActionStems) -> Bool {
        let lessonStems = units.map { Set(signatures[Int($0)].stems) }
        // Every debrief but the last learned it before another one did.
        for s in debriefSources.dropLast() {
            let r = sources[s].record
            for a in r.actions where a.done {
                if a.tags.contains(where: { tagKeys.contains(Tags.key($0)) }) { return true }
                let words: Set<Int32>
                if let known = actionStems[r.locale]?[a.text] { words = known } else {
                    words = Set(analyzer.analyze(a.text, locale: r.locale).stems)
                    actionStems[r.locale, default: [:]][a.text] = words
                }
                if lessonStems.contains(where: { l in words.intersection(l).count >= min(2, l.count) }) { return true }
            }
        }
        return false
    }

    /// A wording as counted and shown: trimmed, runs of white space made one space.
    static func wording(_ text: String) -> String {
        var plain = true, space = true
        for b in text.utf8 {
            // Clean already: no leading, trailing or doubled space, and no other white space.
            if b >= 0x80 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C || (b == 0x20 && space) { plain = false; break }
            space = b == 0x20
        }
        if plain && !space { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
