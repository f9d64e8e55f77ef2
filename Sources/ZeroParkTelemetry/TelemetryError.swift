/// Typed errors of the telemetry core, each with the offending values as context.
///
/// Serves STANDARD.md 1.1.32 (traceable monitoring: a refusal says exactly what was wrong).
public enum TelemetryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Meter interval not 5, 15, 30 or 60 minutes.
    case invalidInterval(minutes: Int)
    /// Multiplier (CT×PT ratio) not finite and > 0.
    case invalidMultiplier(Double)
    /// Counter modulus not finite and > 0, or set on a non-cumulative meter.
    case invalidCounterModulus(Double)
    /// Physical range bound not finite, or min > max.
    case invalidPhysicalRange(min: Double?, max: Double?)
    /// Meter key empty.
    case emptyKey
    /// A day outside 2000-01-01 … 2100-12-31.
    case dayOutOfRange(Int32)
    /// The same day appears twice in a rollup.
    case duplicateDay(Int32)
    /// Day rows of one rollup have different slot counts.
    case slotCountMismatch(day: Int32, expected: Int, found: Int)
    /// An alert condition parameter that can never be evaluated.
    case invalidAlertCondition(String)

    public var description: String {
        switch self {
        case .invalidInterval(let m): "meter interval \(m) min is not 5, 15, 30 or 60"
        case .invalidMultiplier(let x): "multiplier \(x) is not a finite number > 0"
        case .invalidCounterModulus(let x): "counter modulus \(x) is not a finite number > 0 on a cumulative meter"
        case .invalidPhysicalRange(let lo, let hi):
            "physical range [\(lo.map { "\($0)" } ?? "-"), \(hi.map { "\($0)" } ?? "-")] is not finite with min ≤ max"
        case .emptyKey: "meter key is empty"
        case .dayOutOfRange(let d): "day \(d) is outside 2000-01-01 … 2100-12-31"
        case .duplicateDay(let d): "day \(d) appears twice"
        case .slotCountMismatch(let d, let e, let f): "day \(d) has \(f) slots, expected \(e)"
        case .invalidAlertCondition(let why): "alert condition: \(why)"
        }
    }
}
