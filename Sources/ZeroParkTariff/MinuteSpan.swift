/// A half-open span of minutes of a CST day, `[from, to)` with 0 ≤ from < to ≤ 1440.
///
/// Serves STANDARD.md 1.1.20(e)/1.1.37: TOU boundaries on the hour, the half hour or any quarter hour
/// (e.g. 10:30). Spans never wrap midnight: a 22:00–02:00 period is two spans, 22:00–24:00 and 00:00–02:00.
/// Written `HH:MM` in definitions, with `24:00` as the end of the day.
public struct MinuteSpan: Hashable, Sendable, CustomStringConvertible {
    /// First minute of the span (0…1439).
    public let from: Int
    /// Minute after the last (1…1440).
    public let to: Int

    /// A span with 0 ≤ from < to ≤ 1440, or nil.
    public init?(from: Int, to: Int) {
        guard from >= 0, to <= 1_440, from < to else { return nil }
        self.from = from
        self.to = to
    }

    /// Whole hours `[fromHour, toHour)`; used only for built-in constants, which tests check.
    init(hours fromHour: Int, _ toHour: Int) {
        self.from = max(0, min(1_439, fromHour * 60))
        self.to = max(self.from + 1, min(1_440, toHour * 60))
    }

    /// Length in minutes.
    public var minutes: Int { to - from }

    /// Whether two spans share at least one minute.
    public func overlaps(_ other: MinuteSpan) -> Bool { from < other.to && other.from < to }

    public var description: String { "\(Self.format(from))–\(Self.format(to))" }

    /// `HH:MM` for a minute of day 0…1440 (1440 is `24:00`).
    public static func format(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }

    /// Parses `H:MM` or `HH:MM` (00:00 … 24:00) to a minute of day 0…1440, or nil.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), m < 60 else { return nil }
        let minute = h * 60 + m
        return minute <= 1_440 ? minute : nil
    }
}

/// A span of the day assigned to one TOU period.
///
/// Serves STANDARD.md 1.1.20(e): the building block of a season's day schedule.
public struct PeriodSpan: Hashable, Sendable {
    public let period: TariffPeriod
    public let span: MinuteSpan

    public init(_ period: TariffPeriod, _ span: MinuteSpan) {
        self.period = period
        self.span = span
    }
}
