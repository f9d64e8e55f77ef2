/// PV forecast = clear-sky output × recent cloudiness. The clear-sky output of each step comes from
/// `SolarPosition` (sun position at the site and Haurwitz's clear-sky irradiance); the cloudiness ratio
/// is Σ measured / Σ clear-sky over the last `days` days before the origin (daylight steps only), so it
/// also absorbs the plant's performance ratio, soiling and any error in its kWp. With no daylight in the
/// window (or a ratio outside 0…1.5) it is clamped into 0…1.5.
///
/// Serves STANDARD.md 1.1.37 (forecasting) and 1.1.20(f) (PV and batteries controlled together).
public struct ClearSkyPVForecaster: Forecaster {
    public let site: PVSite
    public let days: Int

    public init(site: PVSite, days: Int = 3) throws(ForecastError) {
        guard (1...30).contains(days) else {
            throw .one("days_range", "days", "云量窗口须在 1…30 天内（现为 \(days)）",
                       "cloudiness window must be 1…30 days (is \(days))")
        }
        self.site = site
        self.days = days
    }

    public var name: String { "clear-sky × cloudiness (\(days) d)" }

    /// Clear-sky kW of step `i` on the series' grid.
    public func clearSky(_ history: MeteredSeries, step i: Int) -> Double {
        SolarPosition.clearSkyKW(stepStartUTC: history.time(ofStep: i), stepMinutes: history.stepMinutes, site: site)
    }

    /// Σ measured / Σ clear-sky over the `days` days before `origin`, clamped to 0…1.5.
    public func cloudinessRatio(_ history: MeteredSeries, origin: Int) throws(ForecastError) -> Double {
        let window = days * history.stepsPerDay
        guard origin >= window, origin <= history.count else {
            throw ForecastInput.insufficient(history, needed: window, origin: origin, what: name, whatZh: "晴空光伏预测")
        }
        var measured = 0.0, clear = 0.0
        for i in (origin - window)..<origin {
            let c = clearSky(history, step: i)
            if c > 0 {
                clear += c
                measured += history.values[i]
            }
        }
        guard clear > 0 else { return 0 }
        return min(1.5, max(0, measured / clear))
    }

    public func forecast(_ history: MeteredSeries, origin: Int, steps: Int) throws(ForecastError) -> [Double] {
        try ForecastInput.check(history, origin: origin, steps: steps)
        let ratio = try cloudinessRatio(history, origin: origin)
        return (0..<steps).map { ratio * clearSky(history, step: origin + $0) }
    }
}
