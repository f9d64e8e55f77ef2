/// Quality flag of one cleaned interval value; stored as one byte per slot in the meter-day row.
///
/// Serves STANDARD.md 1.1.32–1.1.33 (traceable data quality: every estimate is labelled, missing is never 0).
public enum IntervalQuality: UInt8, Sendable, Hashable, Codable, CaseIterable {
    /// No value (the slot's value is NaN); never booked as 0.
    case missing = 0
    /// From readings at the interval's resolution.
    case measured = 1
    /// Estimated inside a short gap (≤ 4 intervals): even spread / linear interpolation.
    case interpolated = 2
    /// Estimated inside a long gap (> 4 intervals, ≤ 7 days): spread by the profile (evenly if none).
    case profiled = 3
    /// A Hampel spike replaced by an estimate.
    case spikeReplaced = 4
    /// A value outside the physical range replaced by an estimate.
    case outOfRangeReplaced = 5
    /// Kept but flagged (a counter delta spike or out-of-range counter delta; energy conserved).
    case suspect = 6

    /// Interpolated or profiled: an estimate filling a gap.
    public var isEstimated: Bool { self == .interpolated || self == .profiled }
    /// Spike-replaced, out-of-range-replaced or suspect.
    public var isFlagged: Bool { self == .spikeReplaced || self == .outOfRangeReplaced || self == .suspect }
}
