import Foundation
import Testing
@testable import ZeroParkForecast

/// 2025-01-01 00:00 CST (a Wednesday) as UTC seconds.
let jan1: Int64 = 1_735_660_800

func hourly(_ values: [Double], start: Int64 = jan1) throws(ForecastError) -> MeteredSeries {
    try MeteredSeries(startUTC: start, stepMinutes: 60, values: values)
}

@Suite struct CalendarTests {
    @Test func cstDaysAndWeekdays() throws {
        let d = try ForecastDate(year: 2025, month: 1, day: 1)
        #expect(ForecastCalendar.midnightUTC(d) == jan1)
        #expect(ForecastCalendar.dayNumber(utc: jan1) == d.dayNumber)
        #expect(ForecastCalendar.dayNumber(utc: jan1 - 1) == d.dayNumber - 1)
        #expect(ForecastCalendar.weekday(dayNumber: d.dayNumber) == 3)  // Wednesday
        #expect(ForecastDate.of(dayNumber: d.dayNumber) == d)
        #expect(try ForecastDate(year: 2024, month: 12, day: 31).dayOfYear == 366)
        let calendar = ForecastCalendar(holidays: [d], adjustedWorkingDays: [try ForecastDate(year: 2025, month: 1, day: 26)])
        #expect(calendar.dayType(dayNumber: d.dayNumber) == .holiday)
        #expect(calendar.dayType(dayNumber: d.dayNumber + 25) == .adjustedWorking)  // Sunday 26 January
        #expect(calendar.dayType(dayNumber: d.dayNumber + 3) == .saturday)
        #expect(throws: ForecastError.self) { try ForecastDate(year: 2025, month: 2, day: 29) }
    }

    @Test func seriesRefusesBadInput() throws {
        do {
            _ = try MeteredSeries(startUTC: jan1 + 60, stepMinutes: 30, values: [1, .nan])
            Issue.record("accepted")
        } catch {
            #expect(error.problems.map(\.field) == ["stepMinutes", "values[1]"])
            #expect(error.description.contains("步长"))
        }
        do {
            _ = try hourly([1, 2, .infinity])
            Issue.record("accepted")
        } catch {
            #expect(error.problems.map(\.field) == ["values[2]"])
        }
    }
}

@Suite struct LoadForecastTests {
    /// Three weeks of hourly data, week k (0, 1, 2) = 10·k + hour of day + 100 on working days, + 50 on
    /// weekends. Similar-day (3 weeks) for week 3 is the mean over k = 0, 1, 2: 10 + hour + (100 | 50),
    /// exactly; seasonal-naive gives week 2's value, 20 + hour + (100 | 50).
    func threeWeeks() throws -> (MeteredSeries, [Double]) {
        var v: [Double] = []
        for k in 0..<4 {
            for day in 0..<7 {
                let weekend = (day + 2) % 7 >= 5  // day 0 is a Wednesday
                for hour in 0..<24 { v.append(Double(10 * k + hour) + (weekend ? 50 : 100)) }
            }
        }
        let expected = (0..<168).map { i -> Double in
            let weekend = (i / 24 + 2) % 7 >= 5
            return 10 + Double(i % 24) + (weekend ? 50 : 100)
        }
        return (try hourly(v), expected)
    }

    @Test func similarDayIsExactOnARegularSeries() throws {
        let (series, expected) = try threeWeeks()
        let f = try SimilarDayForecaster(weeks: 3).forecast(series, origin: 504, steps: 168)
        #expect(f == expected)
        let naive = try SeasonalNaiveForecaster().forecast(series, origin: 504, steps: 24)
        #expect(naive == (0..<24).map { 20 + Double($0) + 100 })
        // Only reads before the origin: changing the future changes nothing.
        var poisoned = series.values
        for i in 504..<672 { poisoned[i] = -1e9 }
        #expect(try SimilarDayForecaster(weeks: 3).forecast(try hourly(poisoned), origin: 504, steps: 168) == expected)
    }

    @Test func holidayUsesPastSundaysAndHolidays() throws {
        // 4 weeks; Wednesday 2025-01-22 (day 21) is declared a holiday. Sundays (days 4, 11, 18) are 7,
        // working days 10, Saturdays 8. The holiday forecast is the mean of the 3 last Sundays = 7.
        var v: [Double] = []
        for day in 0..<28 {
            let w = (day + 2) % 7  // 0 Monday … 6 Sunday
            v += [Double](repeating: w == 6 ? 7 : (w == 5 ? 8 : 10), count: 24)
        }
        let holiday = try ForecastDate(year: 2025, month: 1, day: 22)
        let f = try SimilarDayForecaster(weeks: 3, calendar: ForecastCalendar(holidays: [holiday]))
        #expect(try f.forecast(try hourly(v), origin: 21 * 24, steps: 24) == [Double](repeating: 7, count: 24))
        // The next Wednesday (day 28) skips the holiday and averages Wednesdays 7 and 14 only … and 0.
        let next = try f.forecast(try hourly(v + [Double](repeating: 10, count: 24)), origin: 28 * 24, steps: 1)
        #expect(next == [10])
    }

    /// y = cell + 0.5·(weeks since start)·7: working 100 + hour, Saturday 50, Sunday 30, trend 0.5/day.
    /// The regression recovers it exactly and extrapolates the trend.
    @Test func regressionRecoversCellsAndTrend() throws {
        func value(_ i: Int) -> Double {
            let w = (i / 24 + 2) % 7
            let cell = w == 6 ? 30 : (w == 5 ? 50 : 100 + Double(i % 24))
            return cell + 0.5 * Double(i) / 24
        }
        let series = try hourly((0..<(5 * 168)).map(value))
        let f = try CalendarRegressionForecaster(trainingWeeks: 4).forecast(series, origin: 4 * 168, steps: 48)
        for k in 0..<48 { #expect(abs(f[k] - value(4 * 168 + k)) < 1e-8) }
        #expect(throws: ForecastError.self) { try CalendarRegressionForecaster(trainingWeeks: 0) }
        #expect(throws: ForecastError.self) { try CalendarRegressionForecaster().forecast(series, origin: 100, steps: 24) }
    }

    @Test func horizonAndHistoryErrorsNameTheField() throws {
        let (series, _) = try threeWeeks()
        do {
            _ = try SimilarDayForecaster().forecast(series, origin: 10, steps: 1_000)
            Issue.record("accepted")
        } catch { #expect(error.problems.map(\.field) == ["steps"]) }
        do {
            _ = try SeasonalNaiveForecaster().forecast(series, origin: 100, steps: 24)
            Issue.record("accepted")
        } catch { #expect(error.problems.first?.code == "insufficient_history") }
    }
}

@Suite struct MetricsTests {
    /// forecast [1, 2, 3, 0] vs actual [2, 2, 0, 4]: errors 1, 0, 3, 4.
    /// MAE = 8/4 = 2; nMAE = Σ|e| / Σa = 8/8 = 1; MAPE skips the zero actual: (1/2 + 0/2 + 4/4)/3 = 0.5;
    /// RMSE = √((1 + 0 + 9 + 16)/4) = √6.5.
    @Test func handComputed() throws {
        let m = try ForecastMetrics.of(forecast: [1, 2, 3, 0], actual: [2, 2, 0, 4])
        #expect(m.mae == 2)
        #expect(m.nmae == 1)
        #expect(m.mape == 0.5)
        #expect(abs(m.rmse - 6.5.squareRoot()) < 1e-15)
        #expect(m.zeroActualsSkipped == 1)
        #expect(try ForecastMetrics.of(forecast: [1], actual: [0]).mape == nil)
        #expect(throws: ForecastError.self) { try ForecastMetrics.of(forecast: [1, 2], actual: [1]) }
    }

    @Test func backtestOfAnExactForecasterIsZero() throws {
        // 5 identical weeks: similar-day is exact, seasonal-naive too.
        let week = (0..<168).map { Double(($0 % 24) + 1) }
        let series = try hourly(Array([[Double]](repeating: week, count: 5).joined()))
        let first = ForecastCalendar.dayNumber(utc: jan1) + 28
        let r = try Backtest.dayAhead(series, forecaster: try SimilarDayForecaster(), firstDay: first, days: 7,
                                      baseline: try SeasonalNaiveForecaster())
        #expect(r.metrics.nmae == 0 && r.baselineMetrics.nmae == 0 && r.metrics.count == 168)
        #expect(!r.beatsBaselineOnNMAE)
        #expect(throws: ForecastError.self) {
            try Backtest.dayAhead(series, forecaster: try SimilarDayForecaster(), firstDay: first, days: 8,
                                  baseline: try SeasonalNaiveForecaster())
        }
    }
}

@Suite struct LeastSquaresTests {
    /// Line through (0, 1), (1, 3), (2, 5): intercept 1, slope 2, by QR and by normal equations.
    @Test func lineFit() throws {
        let a: [[Double]] = [[1, 0], [1, 1], [1, 2]], b: [Double] = [1, 3, 5]
        let x = try #require(LeastSquares.qr(a, b))
        #expect(abs(x[0] - 1) < 1e-12 && abs(x[1] - 2) < 1e-12)
        let y = try #require(LeastSquares.normalEquations([[3, 3], [3, 5]], [9, 13]))
        #expect(abs(y[0] - 1) < 1e-12 && abs(y[1] - 2) < 1e-12)
        // Least squares, not interpolation: (0,0),(1,1),(2,1) → slope 0.5, intercept 1/6.
        let z = try #require(LeastSquares.qr(a, [0, 1, 1]))
        #expect(abs(z[0] - 1.0 / 6) < 1e-12 && abs(z[1] - 0.5) < 1e-12)
        #expect(LeastSquares.qr([[1, 1], [2, 2], [3, 3]], [1, 2, 3]) == nil)
        #expect(LeastSquares.normalEquations([[1, 1], [1, 1]], [1, 1]) == nil)
    }
}

@Suite struct SolarTests {
    @Test func sunPositionAndClearSky() throws {
        // Guangzhou 23.1° N, 113.3° E on 2025-06-21 (n = 172): δ = 23.45·sin(360·456/365) = 23.45°…
        // solar noon ≈ 12:00 + 4·(120 − 113.3) min − E ≈ 12:28 CST, where θz ≈ |23.1 − 23.45| ≈ 0.35°.
        let noon = ForecastCalendar.midnightUTC(try ForecastDate(year: 2025, month: 6, day: 21)) + 12 * 3_600 + 28 * 60
        let c = SolarPosition.cosZenith(utc: noon, latitude: 23.1, longitude: 113.3)
        #expect(c > 0.9999)
        #expect(SolarPosition.cosZenith(utc: noon + 12 * 3_600, latitude: 23.1, longitude: 113.3) < 0)
        // Haurwitz at the zenith: 1098·e^−0.059 = 1035.1 W/m².
        #expect(abs(SolarPosition.clearSkyGHI(utc: noon, latitude: 23.1, longitude: 113.3) - 1098 * exp(-0.059 / c) * c) < 1e-9)
        #expect(abs(1098 * exp(-0.059) - 1035.1) < 0.1)
    }

    @Test func clearSkyTimesCloudinessRecoversTheRatio() throws {
        let site = try PVSite(latitude: 22.8, longitude: 113.5, peakKW: 1_000)
        let f = try ClearSkyPVForecaster(site: site, days: 2)
        let grid = try hourly([Double](repeating: 0, count: 24 * 5))
        let measured = (0..<(24 * 5)).map { 0.6 * f.clearSky(grid, step: $0) }
        let series = try hourly(measured)
        #expect(abs(try f.cloudinessRatio(series, origin: 72) - 0.6) < 1e-12)
        let out = try f.forecast(series, origin: 72, steps: 48)
        for k in 0..<48 { #expect(abs(out[k] - measured[72 + k]) < 1e-9) }
        #expect(throws: ForecastError.self) { try PVSite(latitude: 95, longitude: 0, peakKW: 1) }
        #expect(throws: ForecastError.self) { try f.forecast(series, origin: 24, steps: 24) }
    }
}
