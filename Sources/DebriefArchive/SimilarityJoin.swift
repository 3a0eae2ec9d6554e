// The pairs of signatures whose similarity reaches the threshold, without comparing all pairs.
//
// The join: prefix filtering (after AllPairs and PPJoin: Xiao, Wang, Lin, Yu, "Efficient similarity joins
// for near duplicate detection", 2008), on pairs of elements. Each set's elements are ordered rarest first
// (over the whole collection). Two sets x, y with Jaccard ≥ t share at least α = ⌈t/(1+t)·(|x|+|y|)⌉
// elements; when α ≥ 2, the first two they share lie within the first |x| − ⌈t·|x|⌉ + 2 elements of x and,
// when |y| ≤ |x|, within the first |y| − ⌈2t/(1+t)·|y|⌉ + 2 of y. Sets are taken smallest first; each looks
// up the pairs of its probing prefix in an index of the pairs of the prefixes taken before it (short lists:
// two rare elements together are rarer still), skips sets too small (|y| < t·|x|), and measures what is
// left exactly, giving up on a pair as soon as its overlap can no longer reach α. Sets so small that α = 1
// (|x| + |y| ≤ 1 + 1/t: a single stem and a single stem) are compared through an index of single elements. The join misses no pair.
//
// The grouping's measure is the larger of the stems' and the trigrams' Jaccard. The stems are joined as
// above, at the threshold: every pair whose stems reach it is found. Trigram sets have no rare elements (every
// word shares trigrams with many others), so an exact trigram join would read long lists; instead the stems'
// beginnings (their first four letters) are joined at `LessonJoin.beginningsThreshold`, and each pair found is
// measured on its trigrams. That finds the word forms a stemmer misses (Finnish "vahvistamme", "vahvistetaan":
// "vahv"). What it does not find: a pair whose trigrams reach the threshold while fewer than 60% of its stems'
// beginnings are shared, which happens when the words it shares are long ones (trigrams weigh long words more).
// On the labelled pairs that is one pair (recall 0.900, against 0.925 when every pair is measured); joining the
// beginnings at 0.5 keeps it, but takes half as long again on 10,000 debriefs and chains an archive of
// templated lessons into a few groups.

enum LessonJoin {
    /// Lessons sharing at least this share of their stems' beginnings are compared on their trigrams.
    static let beginningsThreshold = 0.6

    /// Calls `found(a, b, similarity)` (a < b) for the pairs whose similarity reaches `t`, unless `skip(a, b)`
    /// says that the pair no longer matters; a pair may be found twice. The similarity is measured only when
    /// `measure` asks for it (otherwise it is `t`).
    static func pairs(_ signatures: [LessonSignature], analyzer: LessonAnalyzer, threshold t: Double, measure: Bool,
                      skip: (Int, Int) -> Bool, found: (Int, Int, Double) -> Void) {
        var trigrams = [[Int32]?](repeating: nil, count: signatures.count)
        func similarity(_ a: Int, _ b: Int) -> Double {
            if trigrams[a] == nil { trigrams[a] = analyzer.trigrams(of: signatures[a]) }
            if trigrams[b] == nil { trigrams[b] = analyzer.trigrams(of: signatures[b]) }
            return max(Similarity.jaccard(signatures[a].stems, signatures[b].stems), Similarity.jaccard(trigrams[a]!, trigrams[b]!))
        }
        for (a, b) in SimilarityJoin.join(signatures.map(\.stems), threshold: t) where !skip(a, b) {
            found(a, b, measure ? similarity(a, b) : t)
        }
        for (a, b) in SimilarityJoin.join(signatures.map(\.beginnings), threshold: min(t, beginningsThreshold)) where !skip(a, b) {
            let sim = similarity(a, b)
            if sim >= t - 1e-12 { found(a, b, sim) }
        }
    }

    /// The pairs (a < b) whose similarity reaches `t`, each once.
    static func edges(_ signatures: [LessonSignature], analyzer: LessonAnalyzer, threshold t: Double) -> [SimilarityJoin.Edge] {
        var edges: [SimilarityJoin.Edge] = []
        var seen = Set<Int64>()
        pairs(signatures, analyzer: analyzer, threshold: t, measure: true, skip: { _, _ in false }) { a, b, sim in
            if seen.insert(Int64(a) << 32 | Int64(b)).inserted { edges.append(SimilarityJoin.Edge(a: a, b: b, similarity: sim)) }
        }
        return edges
    }
}

struct SimilarityJoin {
    struct Edge {
        var a: Int
        var b: Int
        var similarity: Double
    }

    /// ⌈x⌉, forgiving the rounding of a product that should be whole.
    static func roundUp(_ x: Double) -> Int { Int((x - 1e-9).rounded(.up)) }

    /// The pairs (a < b, indices into `sets`) of sets whose Jaccard is at least `t` (0 < t ≤ 1).
    static func join(_ sets: [[Int32]], threshold t: Double) -> [(Int, Int)] {
        // Sets are numbered in the order they are taken: by size, then by index.
        var order: [Int] = []
        order.reserveCapacity(sets.count)
        var maxSize = 0
        for (i, s) in sets.enumerated() where !s.isEmpty {
            order.append(i)
            maxSize = max(maxSize, s.count)
        }
        order.sort { (a: Int, b: Int) -> Bool in
            let ca = sets[a].count, cb = sets[b].count
            return ca != cb ? ca < cb : a < b
        }
        let n = order.count
        var out: [(Int, Int)] = []
        guard n > 1 else { return out }

        // Rank elements rarest first (ties by id); each set rewritten in rank order, all in one flat array.
        var universe = 0
        for s in sets { if let m = s.last { universe = max(universe, Int(m) + 1) } }
        var freq = [Int32](repeating: 0, count: universe)
        for s in sets { for e in s { freq[Int(e)] += 1 } }
        var byRarity = Array(0..<universe)
        byRarity.sort { freq[$0] != freq[$1] ? freq[$0] < freq[$1] : $0 < $1 }
        var rank = [Int32](repeating: 0, count: universe)
        for (r, e) in byRarity.enumerated() { rank[e] = Int32(r) }
        var offsets = [Int](repeating: 0, count: n + 1)
        var elems: [Int32] = []
        elems.reserveCapacity(order.reduce(0) { $0 + sets[$1].count })
        for (p, i) in order.enumerated() {
            let from = elems.count
            for e in sets[i] { elems.append(rank[Int(e)]) }
            elems[from...].sort()
            offsets[p + 1] = elems.count
        }

        // By size: the smallest partner, the probing and indexed prefixes (for pairs of elements), the overlap needed.
        let minPartner = (0...maxSize).map { roundUp(t * Double($0)) }
        let probeLength = (0...maxSize).map { min($0, $0 - roundUp(t * Double($0)) + 2) }
        let indexLength = (0...maxSize).map { min($0, $0 - roundUp(2 * t / (1 + t) * Double($0)) + 2) }
        let needed = (0...(2 * maxSize)).map { max(1, roundUp(t / (1 + t) * Double($0))) }

        // The index of pairs, laid out in advance: every pair of every set's indexed prefix, grouped by pair
        // (a slot of `table`), each pair's sets in the order they are taken. A set probing it reads only the
        // sets before it.
        var indexedPairs = 0
        for x in 0..<n {
            let m = indexLength[offsets[x + 1] - offsets[x]]
            if m >= 2 { indexedPairs += m * (m - 1) / 2 }
        }
        var table = PairTable(capacity: indexedPairs)
        var slotOf = [Int32](repeating: 0, count: indexedPairs)
        var listStart = [Int32](repeating: 0, count: table.slots + 1)
        var e = 0
        for x in 0..<n {
            let xs = offsets[x], indexed = indexLength[offsets[x + 1] - xs]
            guard indexed >= 2 else { continue }
            for i in 0..<(indexed - 1) {
                for j in (i + 1)..<indexed {
                    let slot = table.insert(UInt64(UInt32(elems[xs + i])) << 32 | UInt64(UInt32(elems[xs + j])))
                    slotOf[e] = Int32(slot)
                    listStart[slot + 1] += 1
                    e += 1
                }
            }
        }
        for k in 0..<table.slots { listStart[k + 1] += listStart[k] }
        var fillAt = listStart
        var entrySet = [Int32](repeating: 0, count: indexedPairs)
        var entrySecond = [Int32](repeating: 0, count: indexedPairs)
        e = 0
        for x in 0..<n {
            let indexed = indexLength[offsets[x + 1] - offsets[x]]
            guard indexed >= 2 else { continue }
            for i in 0..<(indexed - 1) {
                for j in (i + 1)..<indexed {
                    let slot = Int(slotOf[e])
                    entrySet[Int(fillAt[slot])] = Int32(x)
                    entrySecond[Int(fillAt[slot])] = Int32(j)
                    fillAt[slot] += 1
                    e += 1
                }
            }
        }

        // Sets so small that one shared element could be enough (|x| + |y| ≤ 1 + 1/t: a single stem against a
        // single stem at 0.6) are compared within the lists of their elements.
        let smallIndex = Int(((1 + 1 / t) / 2 + 1e-9).rounded(.down)), smallProbe = Int((1 / t + 1e-9).rounded(.down))
        var small: [Int32: [Int]] = [:]
        var stamp = [Int32](repeating: -1, count: n)
        elems.withUnsafeBufferPointer { el in
            offsets.withUnsafeBufferPointer { off in
                entrySet.withUnsafeBufferPointer { es in
                entrySecond.withUnsafeBufferPointer { esec in
                listStart.withUnsafeBufferPointer { ls in
                    /// Whether x and y share enough, counting from positions fx, fy with `common` already shared before them.
                    func overlapReaches(_ x: Int, _ y: Int, from fx: Int = 0, _ fy: Int = 0, common shared: Int = 0) -> Bool {
                        let xs = off[x], sx = off[x + 1] - xs, ys = off[y], sy = off[y + 1] - ys
                        let need = needed[sx + sy]
                        var ix = fx, iy = fy, common = shared
                        while ix < sx && iy < sy {
                            if common + min(sx - ix, sy - iy) < need { return false }
                            let u = el[xs + ix], v = el[ys + iy]
                            if u == v { common += 1; ix += 1; iy += 1 } else if u < v { ix += 1 } else { iy += 1 }
                        }
                        return common >= need && Double(common) >= t * Double(sx + sy - common) - 1e-9
                    }
                    func emit(_ x: Int, _ y: Int) {
                        let ox = order[x], oy = order[y]
                        out.append((min(ox, oy), max(ox, oy)))
                    }
                    for x in 0..<n {
                        let xs = off[x], sx = off[x + 1] - xs
                        if sx <= smallProbe {
                            for k in 0..<sx {
                                for y in small[el[xs + k], default: []] where stamp[y] != Int32(x) {
                                    stamp[y] = Int32(x)
                                    if overlapReaches(x, y) { emit(x, y) }
                                }
                            }
                            if sx <= smallIndex { for k in 0..<sx { small[el[xs + k], default: []].append(x) } }
                        }
                        // Two sets that reach t share at least two elements (beyond the smallest ones above); the
                        // first two they share (in rank order) lie within both prefixes, so they share a pair of them.
                        // Pairs are looked up in order, so the first that finds y is those two: what lies before the
                        // second in either set is not shared, which bounds the overlap (and where counting resumes).
                        let probe = probeLength[sx], smallest = minPartner[sx]
                        guard probe >= 2 else { continue }
                        for i in 0..<(probe - 1) {
                            for j in (i + 1)..<probe {
                                let key = UInt64(UInt32(el[xs + i])) << 32 | UInt64(UInt32(el[xs + j]))
                                guard let slot = table.find(key) else { continue }
                                var k = Int(ls[slot])
                                let end = Int(ls[slot + 1])
                                while k < end && Int(es[k]) < x {
                                    let y = Int(es[k]), second = Int(esec[k])
                                    k += 1
                                    let sy = off[y + 1] - off[y]
                                    guard stamp[y] != Int32(x), sy >= smallest else { continue }
                                    stamp[y] = Int32(x)
                                    guard 2 + min(sx - j - 1, sy - second - 1) >= needed[sx + sy] else { continue }
                                    if overlapReaches(x, y, from: j + 1, second + 1, common: 2) { emit(x, y) }
                                }
                            }
                        }
                    }
                }
                }
                }
            }
        }
        return out
    }
}

/// A set of pairs (two 32-bit values in one key), each with a slot number: open addressing, linear probing.
struct PairTable {
    private var keys: [UInt64]
    private let shift: UInt64
    /// Slots are numbered 0..<slots.
    let slots: Int
    private static let empty = UInt64.max

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = size
        keys = [UInt64](repeating: Self.empty, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    private func home(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The slot of `key`, added when new.
    mutating func insert(_ key: UInt64) -> Int {
        var i = home(key)
        while true {
            let k = keys[i]
            if k == key { return i }
            if k == Self.empty { keys[i] = key; return i }
            i = (i + 1) & (slots - 1)
        }
    }

    func find(_ key: UInt64) -> Int? {
        var i = home(key)
        while true {
            let k = keys[i]
            if k == key { return i }
            if k == Self.empty { return nil }
            i = (i + 1) & (slots - 1)
        }
    }
}

/// Disjoint sets with union by size and path halving; a union can be refused when it would put
/// together two texts that `lessons.yml` keeps apart.
struct UnionFind {
    private var parent: [Int]
    private var size: [Int]
    /// For each root: the sides of "apart" pins its members stand on (pin index × 2 + side).
    private var sides: [Int: Set<Int>] = [:]

    init(count: Int) {
        parent = Array(0..<count)
        size = [Int](repeating: 1, count: count)
    }

    /// Whether some set stands on a side of an apart pin.
    var hasApart: Bool { !sides.isEmpty }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Marks `x` as standing on `side` (0 or 1) of apart pin `pin`.
    mutating func mark(_ x: Int, pin: Int, side: Int) {
        let r = find(x)
        sides[r, default: []].insert(pin * 2 + side)
    }

    /// Whether the set of `x` holds both sides of some apart pin.
    mutating func isSplit(_ x: Int) -> Bool {
        guard let s = sides[find(x)] else { return false }
        return s.contains { s.contains($0 ^ 1) }
    }

    /// Joins the sets of a and b; refused (false) when `respectApart` and that would join two sides of a pin.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int, respectApart: Bool = true) -> Bool {
        var ra = find(a), rb = find(b)
        guard ra != rb else { return true }
        if respectApart, let sa = sides[ra], let sb = sides[rb], sa.contains(where: { sb.contains($0 ^ 1) }) { return false }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = ra
        size[ra] += size[rb]
        if let sb = sides.removeValue(forKey: rb) { sides[ra, default: []].formUnion(sb) }
        return true
    }
}
