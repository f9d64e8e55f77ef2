/// What a cleaner event found, as data: the finding and its numbers, rendered into words in either
/// language by the server's string catalogue (`TelemetryText.eventDetail`), so that a Chinese page
/// never shows an English sentence. Stored in `meter_event.detail` as `encoded`.
///
/// Serves STANDARD.md 1.1.32 (every correction of raw data recorded, readably).
public enum MeterEventDetail: Sendable, Hashable {
    /// How a counter gap's energy was spread over the gap.
    public enum Spread: String, Sendable, Hashable {
        case evenly
        case byProfile = "profile"
        /// A long gap with no usable load profile: spread evenly.
        case evenlyNoProfile = "evenly_no_profile"
    }

    /// Which kind of reading was not a finite number.
    public enum ReadingKind: String, Sendable, Hashable {
        case counter, interval, instantaneous
    }

    case nonFinite(ReadingKind)
    /// A single counter reading breaking monotonicity, above (or below) both neighbours.
    case counterGlitch(value: Double, above: Bool, previous: Double, next: Double)
    case rollover(modulus: Double, from: Double, to: Double, delta: Double)
    case reset(from: Double, to: Double, delta: Double)
    case counterGap(intervals: Double, energy: Double, spread: Spread)
    /// A counter delta far from its window's median: flagged suspect, kept.
    case counterSpike(delta: Double, median: Double)
    /// A counter delta outside the meter's physical range: flagged suspect, kept.
    case counterOutOfRange(delta: Double, minimum: Double, maximum: Double)
    case offGrid(value: Double, intervalMinutes: Int)
    case negativeInterval(value: Double, quantity: String)
    case belowMinimum(value: Double, minimum: Double)
    case aboveMaximum(value: Double, maximum: Double)
    /// Instantaneous readings outside the physical range in one slot, dropped.
    case readingsOutOfRange(count: Int, minimum: Double, maximum: Double, first: Double)
    /// An interval or instantaneous value far from its window's median: replaced.
    case spikeReplaced(value: Double, median: Double)
    case gapFilled(slots: Int, byProfile: Bool, left: Double, right: Double)

    /// The stored form: a code and its numbers separated by `|` (Double descriptions round-trip exactly).
    public var encoded: String {
        let fields: [String]
        switch self {
        case let .nonFinite(kind): fields = ["non_finite", kind.rawValue]
        case let .counterGlitch(value, above, previous, next): fields = ["counter_glitch", "\(value)", above ? "1" : "0", "\(previous)", "\(next)"]
        case let .rollover(modulus, from, to, delta): fields = ["rollover", "\(modulus)", "\(from)", "\(to)", "\(delta)"]
        case let .reset(from, to, delta): fields = ["reset", "\(from)", "\(to)", "\(delta)"]
        case let .counterGap(intervals, energy, spread): fields = ["counter_gap", "\(intervals)", "\(energy)", spread.rawValue]
        case let .counterSpike(delta, median): fields = ["counter_spike", "\(delta)", "\(median)"]
        case let .counterOutOfRange(delta, minimum, maximum): fields = ["counter_out_of_range", "\(delta)", "\(minimum)", "\(maximum)"]
        case let .offGrid(value, minutes): fields = ["off_grid", "\(value)", "\(minutes)"]
        case let .negativeInterval(value, quantity): fields = ["negative_interval", "\(value)", quantity]
        case let .belowMinimum(value, minimum): fields = ["below_minimum", "\(value)", "\(minimum)"]
        case let .aboveMaximum(value, maximum): fields = ["above_maximum", "\(value)", "\(maximum)"]
        case let .readingsOutOfRange(count, minimum, maximum, first): fields = ["readings_out_of_range", "\(count)", "\(minimum)", "\(maximum)", "\(first)"]
        case let .spikeReplaced(value, median): fields = ["spike_replaced", "\(value)", "\(median)"]
        case let .gapFilled(slots, byProfile, left, right): fields = ["gap_filled", "\(slots)", byProfile ? "1" : "0", "\(left)", "\(right)"]
        }
        return Self.prefix + fields.joined(separator: "|")
    }

    static let prefix = "zp1|"

    /// The detail back from its stored form; nil for anything else (a row written before details
    /// were structured holds an English sentence, shown as it is).
    public init?(encoded text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let f = text.dropFirst(Self.prefix.count).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        func d(_ i: Int) -> Double? { i < f.count ? Double(f[i]) : nil }
        func n(_ i: Int) -> Int? { i < f.count ? Int(f[i]) : nil }
        func flag(_ i: Int) -> Bool? { i < f.count ? (f[i] == "1" ? true : f[i] == "0" ? false : nil) : nil }
        switch (f.first ?? "", f.count) {
        case ("non_finite", 2):
            guard let kind = ReadingKind(rawValue: f[1]) else { return nil }
            self = .nonFinite(kind)
        case ("counter_glitch", 5):
            guard let v = d(1), let a = flag(2), let p = d(3), let x = d(4) else { return nil }
            self = .counterGlitch(value: v, above: a, previous: p, next: x)
        case ("rollover", 5):
            guard let m = d(1), let a = d(2), let b = d(3), let x = d(4) else { return nil }
            self = .rollover(modulus: m, from: a, to: b, delta: x)
        case ("reset", 4):
            guard let a = d(1), let b = d(2), let x = d(3) else { return nil }
            self = .reset(from: a, to: b, delta: x)
        case ("counter_gap", 4):
            guard let i = d(1), let e = d(2), let s = Spread(rawValue: f[3]) else { return nil }
            self = .counterGap(intervals: i, energy: e, spread: s)
        case ("counter_spike", 3):
            guard let v = d(1), let m = d(2) else { return nil }
            self = .counterSpike(delta: v, median: m)
        case ("counter_out_of_range", 4):
            guard let v = d(1), let lo = d(2), let hi = d(3) else { return nil }
            self = .counterOutOfRange(delta: v, minimum: lo, maximum: hi)
        case ("off_grid", 3):
            guard let v = d(1), let m = n(2) else { return nil }
            self = .offGrid(value: v, intervalMinutes: m)
        case ("negative_interval", 3):
            guard let v = d(1) else { return nil }
            self = .negativeInterval(value: v, quantity: f[2])
        case ("below_minimum", 3):
            guard let v = d(1), let lo = d(2) else { return nil }
            self = .belowMinimum(value: v, minimum: lo)
        case ("above_maximum", 3):
            guard let v = d(1), let hi = d(2) else { return nil }
            self = .aboveMaximum(value: v, maximum: hi)
        case ("readings_out_of_range", 5):
            guard let c = n(1), let lo = d(2), let hi = d(3), let first = d(4) else { return nil }
            self = .readingsOutOfRange(count: c, minimum: lo, maximum: hi, first: first)
        case ("spike_replaced", 3):
            guard let v = d(1), let m = d(2) else { return nil }
            self = .spikeReplaced(value: v, median: m)
        case ("gap_filled", 5):
            guard let s = n(1), let p = flag(2), let l = d(3), let r = d(4) else { return nil }
            self = .gapFilled(slots: s, byProfile: p, left: l, right: r)
        default:
            return nil
        }
    }

    /// Short number text for details ("12", "0.25", "999999.99").
    public static func number(_ x: Double) -> String { eventNumber(x) }
}
