/// Forecast accuracy over a set of steps:
///
/// - MAPE = mean over steps with a non-zero actual of |f − a| / |a| (steps whose actual is exactly 0 —
///   night-time PV, a stopped plant — are skipped and counted in `zeroActualsSkipped`; nil if none is
///   left). MAPE explodes for small actuals (PV at dawn), which is why nMAE is the headline figure.
/// - nMAE = MAE / mean actual = Σ|f − a| / Σ a (nil when the mean actual is 0).
/// - MAE and RMSE in the series' unit; `count` steps compared.
///
/// Serves STANDARD.md 1.1.37 (a forecasting step whose accuracy is measured and reported).
public struct ForecastMetrics: Sendable, Equatable {
    public var count: Int
    public var mape: Double?
    public var nmae: Double?
    public var mae: Double
    public var rmse: Double
    public var zeroActualsSkipped: Int

    public init(count: Int, mape: Double?, nmae: Double?, mae: Double, rmse: Double, zeroActualsSkipped: Int) {
        self.count = count
        self.mape = mape
        self.nmae = nmae
        self.mae = mae
        self.rmse = rmse
        self.zeroActualsSkipped = zeroActualsSkipped
    }

    /// Metrics of `forecast` against `actual` (equal, non-zero lengths, finite values).
    public static func of(forecast: [Double], actual: [Double]) throws(ForecastError) -> ForecastMetrics {
        guard !actual.isEmpty, forecast.count == actual.count else {
            throw .one("series_length", "forecast", "预测长度 \(forecast.count) 须等于实测长度 \(actual.count) 且非零",
                       "forecast has \(forecast.count) values, expected \(actual.count) (non-zero, one per actual)")
        }
        if let i = forecast.firstIndex(where: { !$0.isFinite }) {
            throw .one("not_finite", "forecast[\(i)]", "不是有限数", "is not a finite number")
        }
        if let i = actual.firstIndex(where: { !$0.isFinite }) {
            throw .one("not_finite", "actual[\(i)]", "不是有限数", "is not a finite number")
        }
        var absSum = 0.0, sqSum = 0.0, actualSum = 0.0, apeSum = 0.0, apeCount = 0, zeros = 0
        for (f, a) in zip(forecast, actual) {
            let e = abs(f - a)
            absSum += e
            sqSum += e * e
            actualSum += a
            if a == 0 { zeros += 1 } else { apeSum += e / abs(a); apeCount += 1 }
        }
        let n = Double(actual.count)
        return ForecastMetrics(count: actual.count, mape: apeCount > 0 ? apeSum / Double(apeCount) : nil,
                               nmae: actualSum != 0 ? absSum / abs(actualSum) : nil,
                               mae: absSum / n, rmse: (sqSum / n).squareRoot(), zeroActualsSkipped: zeros)
    }
}

/// A day-ahead backtest of one forecaster beside the seasonal-naive benchmark on the same held-out days.
///
/// Serves STANDARD.md 1.1.37 (forecast accuracy against a named reference).
public struct BacktestResult: Sendable, Equatable {
    public var method: String
    public var baseline: String
    public var days: Int
    public var metrics: ForecastMetrics
    public var baselineMetrics: ForecastMetrics
    /// True when the method's nMAE is below the baseline's.
    public var beatsBaselineOnNMAE: Bool {
        guard let a = metrics.nmae, let b = baselineMetrics.nmae else { return false }
        return a < b
    }
}

/// Rolling-origin day-ahead evaluation on held-out days: for each day of the held-out range the forecast
/// is issued at that day's CST midnight from the history before it (nothing after the origin is read),
/// for the whole day; all days' steps are pooled into one set of metrics per method.
///
/// Serves STANDARD.md 1.1.37.
public enum Backtest {
    /// `firstDay` is a CST day number (`ForecastDate.dayNumber`); the days `firstDay ..< firstDay + days`
    /// must lie inside the series.
    public static func dayAhead(_ series: MeteredSeries, forecaster: any Forecaster, firstDay: Int, days: Int,
                                baseline: any Forecaster) throws(ForecastError) -> BacktestResult {
        let perDay = series.stepsPerDay
        let start = series.step(atMidnightOf: firstDay)
        guard days > 0, start >= 0, start + days * perDay <= series.count else {
            throw .one("held_out_range", "heldOut",
                       "留出评估的 \(days) 天须完整位于序列内（首日起点为第 \(start) 步，序列共 \(series.count) 步）",
                       "the \(days) held-out days must lie inside the series (first day starts at step \(start) of \(series.count))")
        }
        var f: [Double] = [], b: [Double] = [], actual: [Double] = []
        for d in 0..<days {
            let origin = start + d * perDay
            f += try forecaster.forecast(series, origin: origin, steps: perDay)
            b += try baseline.forecast(series, origin: origin, steps: perDay)
            actual += series.values[origin..<(origin + perDay)]
        }
        return BacktestResult(method: forecaster.name, baseline: baseline.name, days: days,
                              metrics: try ForecastMetrics.of(forecast: f, actual: actual),
                              baselineMetrics: try ForecastMetrics.of(forecast: b, actual: actual))
    }
}
