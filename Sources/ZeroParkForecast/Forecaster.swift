/// Something that forecasts a series from its own history. `forecast(history, origin:, steps:)` returns
/// the values of steps `origin ..< origin + steps` on `history`'s time grid and reads only
/// `history.values[..<origin]` — what was known when the forecast was issued — so the same history array
/// can serve every origin of a backtest or a rolling operation without copying.
///
/// Serves STANDARD.md 1.1.37 (the forecasting step) and 1.1.20(b) (forecasts for storage dispatch).
public protocol Forecaster: Sendable {
    /// Short name for reports ("similar-day (4 weeks)").
    var name: String { get }
    func forecast(_ history: MeteredSeries, origin: Int, steps: Int) throws(ForecastError) -> [Double]
}

/// Horizon checks shared by the forecasters.
enum ForecastInput {
    /// Longest horizon: one week (similar-day and seasonal-naive look back whole weeks).
    static let maxHorizonDays = 7

    static func check(_ history: MeteredSeries, origin: Int, steps: Int) throws(ForecastError) {
        var problems: [ForecastProblem] = []
        if origin < 0 || origin > history.count {
            problems.append(ForecastProblem(code: "origin_range", field: "origin",
                                            zh: "预测起点 \(origin) 须在 0…\(history.count) 内",
                                            en: "origin \(origin) must be within 0…\(history.count)"))
        }
        let limit = maxHorizonDays * history.stepsPerDay
        if steps <= 0 || steps > limit {
            problems.append(ForecastProblem(code: "horizon_range", field: "steps",
                                            zh: "预测步数 \(steps) 须在 1…\(limit)（7 天）内",
                                            en: "horizon of \(steps) steps must be within 1…\(limit) (7 days)"))
        }
        if !problems.isEmpty { throw .invalidInput(problems) }
    }

    static func insufficient(_ history: MeteredSeries, needed: Int, origin: Int, what: String, whatZh: String) -> ForecastError {
        .one("insufficient_history", "history.values",
             "\(whatZh)需要起点前至少 \(needed) 个时段的历史（现有 \(origin)）",
             "\(what) needs at least \(needed) steps of history before the origin (has \(origin))")
    }
}

/// The seasonal-naive benchmark: the value at the same time one period earlier (default one week:
/// "same hour last week"). For horizons longer than the period it repeats the last period.
///
/// Serves STANDARD.md 1.1.37 (the reference every ZeroPark forecast is measured against).
public struct SeasonalNaiveForecaster: Forecaster {
    public let periodDays: Int

    public init(periodDays: Int = 7) throws(ForecastError) {
        guard (1...28).contains(periodDays) else {
            throw .one("period_range", "periodDays", "周期须在 1…28 天内（现为 \(periodDays)）",
                       "period must be 1…28 days (is \(periodDays))")
        }
        self.periodDays = periodDays
    }

    public var name: String { periodDays == 7 ? "seasonal-naive (same hour last week)" : "naive (same hour \(periodDays) d earlier)" }

    public func forecast(_ history: MeteredSeries, origin: Int, steps: Int) throws(ForecastError) -> [Double] {
        try ForecastInput.check(history, origin: origin, steps: steps)
        let period = periodDays * history.stepsPerDay
        guard origin >= period else {
            throw ForecastInput.insufficient(history, needed: period, origin: origin, what: name, whatZh: "季节朴素预测")
        }
        return (0..<steps).map { k in
            var source = origin + k - period
            while source >= origin { source -= period }
            return history.values[source]
        }
    }
}
