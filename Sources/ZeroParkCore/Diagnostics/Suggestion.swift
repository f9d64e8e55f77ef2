/// "Did you mean …?" for a misspelt id or field (issue #12, CLI defect 11): the known name closest to
/// what was typed by edit distance (optimal string alignment over Unicode scalars), when it is close enough to be a
/// typo — at most 2 edits, and fewer than a third of the typed name's length. Pure.
public enum Suggestion {
    public static func closest(to typed: String, in known: some Sequence<String>) -> String? {
        let target = Array(typed.lowercased().unicodeScalars)
        guard !target.isEmpty else { return nil }
        let limit = min(2, max(1, (target.count - 1) / 3))
        var best: (name: String, distance: Int)?
        for name in known {
            let candidate = Array(name.lowercased().unicodeScalars)
            guard abs(candidate.count - target.count) <= limit else { continue }
            let distance = editDistance(target, candidate)
            if distance <= limit, distance < (best?.distance ?? Int.max) || (distance == best?.distance && name < (best?.name ?? "")) {
                best = (name, distance)
            }
        }
        return best?.name
    }

    /// " (did you mean natural_gas?)" or "".
    public static func hint(for typed: String, in known: some Sequence<String>) -> String {
        closest(to: typed, in: known).map { " (did you mean \($0)?)" } ?? ""
    }

    /// The same hint in Chinese, "（是否应为 natural_gas？）", or "".
    public static func hintZh(for typed: String, in known: some Sequence<String>) -> String {
        closest(to: typed, in: known).map { "（是否应为 \($0)？）" } ?? ""
    }

    /// Edits between two names — insertions, deletions, substitutions and swaps of two neighbours
    /// (optimal string alignment), so `nmae` is one edit from `name`, as a typist would count it.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
