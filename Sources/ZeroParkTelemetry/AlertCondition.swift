/// A condition on one meter's cleaned series that raises an alert.
///
/// Serves STANDARD.md 1.1.35 (leak detection, control of energy use), 1.1.40 (early warning on pollutant
/// discharge points) and 1.1.33 (data-quality warnings).
public enum AlertCondition: Sendable, Hashable {
    /// Cleaned value > x for N consecutive slots.
    case above(Double, forSlots: Int)
    /// Cleaned value < x for N consecutive slots.
    case below(Double, forSlots: Int)
    /// Leak: the minimum slot value in the night window [fromHour, toHour) CST (may wrap midnight, e.g.
    /// 23 → 5) stays above `minimum`.
    case nightBaseline(fromHour: Int, toHour: Int, minimum: Double)
    /// No reading for N intervals before `now`.
    case offline(slots: Int)
    /// Share of slots with a reading-based value (measured or suspect) over the last `overHours` hours
    /// below `completeness` (0…1).
    case qualityBelow(completeness: Double, overHours: Int)

    /// Checks the parameters; `AlertEvaluator.evaluate` never fires an invalid condition.
    public func validate() throws(TelemetryError) {
        switch self {
        case .above(let x, let n), .below(let x, let n):
            guard x.isFinite else { throw .invalidAlertCondition("threshold \(x) is not finite") }
            guard n >= 1, n <= 100_000 else { throw .invalidAlertCondition("forSlots \(n) is not in 1…100000") }
        case .nightBaseline(let from, let to, let minimum):
            guard (0...23).contains(from), (0...24).contains(to), from != to % 24 else {
                throw .invalidAlertCondition("night window \(from)–\(to) h is not two different hours in 0…24")
            }
            guard minimum.isFinite else { throw .invalidAlertCondition("minimum \(minimum) is not finite") }
        case .offline(let n):
            guard n >= 1, n <= 100_000 else { throw .invalidAlertCondition("slots \(n) is not in 1…100000") }
        case .qualityBelow(let c, let h):
            guard c.isFinite, c > 0, c <= 1 else { throw .invalidAlertCondition("completeness \(c) is not in (0, 1]") }
            guard h >= 1, h <= 24 * 366 else { throw .invalidAlertCondition("overHours \(h) is not in 1…8784") }
        }
    }
}

/// One firing of an alert condition, with the numbers a message needs.
///
/// Serves STANDARD.md 1.1.35 and 1.1.40 (early warning with traceable evidence).
public struct AlertFinding: Sendable, Equatable, Hashable {
    /// Start of the evidence: first slot of the run (above/below), window start (nightBaseline,
    /// qualityBelow), last reading (offline; `now` if there was none).
    public var ts: Int64
    public var condition: AlertCondition
    /// above: peak of the run; below: lowest value of the run; nightBaseline: the night minimum;
    /// offline: intervals since the last reading (nil if none ever); qualityBelow: the completeness found.
    public var observed: Double?
    /// The condition's threshold (x, minimum, slots or completeness).
    public var threshold: Double
    /// Slots the evidence covers (run length, window slots, or whole intervals offline).
    public var slots: Int

    public init(ts: Int64, condition: AlertCondition, observed: Double?, threshold: Double, slots: Int) {
        self.ts = ts
        self.condition = condition
        self.observed = observed
        self.threshold = threshold
        self.slots = slots
    }
}
