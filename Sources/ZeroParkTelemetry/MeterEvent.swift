/// Kind of a noteworthy thing the cleaner found in a meter's readings.
///
/// Serves STANDARD.md 1.1.32 (traceable: every correction of raw data is recorded).
public enum MeterEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A counter wrapped at its modulus (energy carried across).
    case rollover
    /// A counter dropped without being near its modulus: taken as a meter replacement, new counter from 0.
    case reset
    /// A reading dropped: a single counter reading breaking monotonicity, a non-finite value, or an
    /// interval reading off the grid.
    case glitch
    /// A Hampel spike (counter: flagged suspect; interval/instantaneous: replaced).
    case spike
    /// A value outside [physicalMin, physicalMax].
    case outOfRange
    /// A gap between readings estimated (interpolated or profiled).
    case gapFilled
    /// A negative interval value for a quantity that cannot be negative (no physicalMin configured).
    case negativeInterval
}

/// One cleaner finding: when, what, and the detail with its numbers (`MeterEventDetail`).
///
/// Serves STANDARD.md 1.1.32 (traceability of corrections).
public struct MeterEvent: Sendable, Equatable, Hashable {
    public var ts: Int64
    public var kind: MeterEventKind
    public var detail: MeterEventDetail
    public init(ts: Int64, kind: MeterEventKind, detail: MeterEventDetail) {
        self.ts = ts
        self.kind = kind
        self.detail = detail
    }
}

/// Output of `MeterCleaner.clean`: one row per target day (ascending) and the events, sorted by ts.
///
/// Serves STANDARD.md 1.1.30 (cleaned data) and 1.1.32 (with its corrections recorded).
public struct CleaningResult: Sendable {
    public var days: [MeterDay]
    public var events: [MeterEvent]
    public init(days: [MeterDay], events: [MeterEvent]) {
        self.days = days
        self.events = events
    }
}
