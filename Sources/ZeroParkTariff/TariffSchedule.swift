/// A season of a tariff version: the months it covers and its day schedule (every minute of the day in
/// exactly one period).
///
/// Serves STANDARD.md 1.1.20(e)/1.1.37: periods by hour of day and by month set (e.g. Jiangsu's
/// summer-winter vs spring-autumn schedules).
public struct TariffSeason: Hashable, Sendable {
    /// Free name, e.g. `summer_winter`.
    public let name: String
    /// Months 1…12 this schedule applies to.
    public let months: [Int]
    /// Spans covering 00:00–24:00 exactly once.
    public let spans: [PeriodSpan]

    public init(name: String, months: [Int], spans: [PeriodSpan]) {
        self.name = name
        self.months = months
        self.spans = spans
    }
}

/// The critical-peak (尖峰) rule of a tariff whose critical peak sits on top of the ordinary schedule:
/// in the listed months, and on caller-designated days when `designatedDays` is true, the listed spans are
/// critical whatever their ordinary period.
///
/// Serves STANDARD.md 1.1.20(e). Guangdong 331号: 11–12 and 15–17 in July–September, plus days when the
/// Guangzhou forecast maximum is ≥ 35 °C (the caller supplies those dates; no weather is invented here).
public struct CriticalPeakRule: Hashable, Sendable {
    public let months: [Int]
    public let spans: [MinuteSpan]
    /// Whether dates supplied in `TariffParameters.criticalPeakDays` also trigger the rule.
    public let designatedDays: Bool

    public init(months: [Int], spans: [MinuteSpan], designatedDays: Bool) {
        self.months = months
        self.spans = spans
        self.designatedDays = designatedDays
    }
}

/// A holiday rule: on the caller's holiday dates the listed spans take the listed periods (applied after the
/// season and the critical-peak rule). No holiday calendar is built in: the caller supplies the dates.
///
/// Serves STANDARD.md 1.1.20(e). Zhejiang 2024-21号: deep valley 10–14 on the Spring Festival, Labour Day
/// and National Day holidays.
public struct HolidayRule: Hashable, Sendable {
    /// What the holidays are, e.g. "春节、劳动节、国庆节 / Spring Festival, Labour Day, National Day".
    public let name: String
    public let spans: [PeriodSpan]

    public init(name: String, spans: [PeriodSpan]) {
        self.name = name
        self.spans = spans
    }
}
