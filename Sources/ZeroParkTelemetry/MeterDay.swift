/// One cleaned meter-day: a value and a quality flag per slot (the 15-minute level of the rollup pyramid).
///
/// Serves STANDARD.md 1.1.30 (clean, then aggregate), 1.1.31 (the series behind charts) and 1.1.33
/// (completeness and estimates visible per slot).
///
/// `values[i]` is `.nan` exactly where `quality[i] == .missing`. Equality treats NaN as equal to NaN
/// (two missing slots are the same), so cleaned days can be compared.
public struct MeterDay: Sendable, Equatable {
    public var day: Int32
    public var values: [Double]
    public var quality: [IntervalQuality]

    public init(day: Int32, values: [Double], quality: [IntervalQuality]) {
        self.day = day
        self.values = values
        self.quality = quality
    }

    /// An all-missing day of `slots` slots.
    public static func missing(day: Int32, slots: Int) -> MeterDay {
        MeterDay(day: day, values: Array(repeating: .nan, count: Swift.max(0, slots)),
                 quality: Array(repeating: .missing, count: Swift.max(0, slots)))
    }

    /// Sum of the non-missing values (0 when every slot is missing).
    public var total: Double {
        var s = 0.0
        for (v, q) in zip(values, quality) where q != .missing && v.isFinite { s += v }
        return s
    }
    /// Slots flagged `measured`.
    public var measuredCount: Int { quality.reduce(0) { $0 + ($1 == .measured ? 1 : 0) } }
    /// Slots flagged `interpolated` or `profiled`.
    public var estimatedCount: Int { quality.reduce(0) { $0 + ($1.isEstimated ? 1 : 0) } }
    /// Slots flagged `missing`.
    public var missingCount: Int { quality.reduce(0) { $0 + ($1 == .missing ? 1 : 0) } }
    /// Slots flagged `spikeReplaced`, `outOfRangeReplaced` or `suspect`.
    /// measured + estimated + missing + flagged = slot count.
    public var flaggedCount: Int { quality.reduce(0) { $0 + ($1.isFlagged ? 1 : 0) } }
    /// Smallest non-missing value, nil if none.
    public var min: Double? { summary.min }
    /// Largest non-missing value, nil if none.
    public var max: Double? { summary.max }
    /// Mean of the non-missing values, nil if none.
    public var mean: Double? { summary.mean }

    /// All summaries in one pass.
    public var summary: DaySummary {
        var total = 0.0, lo = Double.infinity, hi = -Double.infinity
        var measured = 0, estimated = 0, missing = 0, flagged = 0, valued = 0
        for (v, q) in zip(values, quality) {
            switch q {
            case .missing: missing += 1; continue
            case .measured: measured += 1
            case .interpolated, .profiled: estimated += 1
            case .spikeReplaced, .outOfRangeReplaced, .suspect: flagged += 1
            }
            guard v.isFinite else { continue }
            valued += 1
            total += v
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        return DaySummary(day: day, slots: quality.count, total: total, measuredCount: measured,
                          estimatedCount: estimated, missingCount: missing, flaggedCount: flagged,
                          min: valued > 0 ? lo : nil, max: valued > 0 ? hi : nil)
    }

    public static func == (a: MeterDay, b: MeterDay) -> Bool {
        guard a.day == b.day, a.quality == b.quality, a.values.count == b.values.count else { return false }
        for (x, y) in zip(a.values, b.values) where !(x == y || (x.isNaN && y.isNaN)) { return false }
        return true
    }
}
