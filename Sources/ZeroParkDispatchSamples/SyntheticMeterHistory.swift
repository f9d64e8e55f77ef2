import Foundation

/// SYNTHETIC metered history for the forecasting benchmark and rolling-operation tests — not
/// measurements. The project has no real metered dataset, and the demo park's simulator
/// (`ZeroParkServer/Demo/DemoMeters.swift`) is part of the server target (it needs the store and
/// telemetry modules), and its cloudiness is independent from day to day; this generator follows its
/// physics and scale but draws weather from a persistent random process:
///
/// - site: the demo park's Nansha (22.8° N, 113.5° E), 4 MWp rooftop PV;
/// - weather: a three-state daily Markov chain (clear / partly cloudy / overcast) that stays in its state
///   with probability 0.6–0.7 and is cloudier in the April–June rainy season; partly cloudy hours vary
///   hour to hour;
/// - PV: 4,000 kWp × 0.82 × cos θz^1.2 × the hour's clearness (the demo's simple model, deliberately not
///   the forecaster's Haurwitz model, so the forecast has model error as it would on real data);
/// - load: the demo park's 2025 monthly grid purchases (3,820 … 5,010 MWh) spread over a working-hours
///   shape (working 08–18 on working days, shoulders 07–08 and 18–21, base 0.58), holidays and adjusted
///   working days of the caller's calendar, a day-level production factor (AR(1), ρ 0.7, σ 4 %), hourly
///   noise (AR(1), ρ 0.5, σ 3 %) and +6 % cooling on clear days from June to September.
///
/// Deterministic for a given seed (SplitMix64 + Box–Muller).
///
/// Serves STANDARD.md 1.1.37 (a stand-in history to measure forecasting and rolling operation on).
public enum SyntheticMeterHistory {
    public static let latitude = 22.8
    public static let longitude = 113.5
    public static let pvPeakKW = 4_000.0
    /// 2025-01-01 00:00 CST as UTC seconds.
    public static let start2025: Int64 = 1_735_660_800
    static let monthlyMWh: [Double] = [3820, 3410, 3950, 4020, 4310, 4650, 4980, 5010, 4570, 4180, 3890, 3900]

    /// The generator's 2025 holidays and adjusted working days (day-of-year, 0-based), modelled on the
    /// 2025 arrangement; the benchmark hands the same dates to the forecasters as the caller's calendar.
    public static let holidays2025: [(month: Int, day: Int)] = [
        (1, 1), (1, 28), (1, 29), (1, 30), (1, 31), (2, 1), (2, 2), (2, 3), (2, 4), (4, 4), (4, 5), (4, 6),
        (5, 1), (5, 2), (5, 3), (5, 4), (5, 5), (5, 31), (6, 1), (6, 2),
        (10, 1), (10, 2), (10, 3), (10, 4), (10, 5), (10, 6), (10, 7), (10, 8),
    ]
    public static let adjustedWorkingDays2025: [(month: Int, day: Int)] = [(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)]

    /// One year of hourly history: load (kW), PV (kW), the day's weather state (0 clear, 1 partly, 2 overcast).
    public struct Year: Sendable {
        public var loadKW: [Double]
        public var pvKW: [Double]
        public var weather: [Int]
        public var month: [Int]
    }

    /// `days` days of hourly values from 2025-01-01 CST. After 365 days the seasons, months and holiday
    /// dates repeat (2026 is treated like 2025; weekdays continue).
    public static func year(days: Int = 365, seed: UInt64 = 2025) -> Year {
        var rng = Generator(seed: seed)
        let holidays = Set(holidays2025.map { dayOfYear($0.month, $0.day) })
        let adjusted = Set(adjustedWorkingDays2025.map { dayOfYear($0.month, $0.day) })
        var load: [Double] = [], pv: [Double] = [], weather: [Int] = [], months: [Int] = []
        var state = 0, production = 0.0, hourly = 0.0
        // Typical level (relative) per hour for working and rest days.
        func level(_ hour: Int, working: Bool) -> Double {
            guard working else { return 0.58 }
            if (8..<18).contains(hour) { return 1.0 }
            if hour == 7 || (18..<21).contains(hour) { return 0.8 }
            return 0.58
        }
        let meanLevel = (10 * 1.0 + 4 * 0.8 + 10 * 0.58) / 24 * 5 / 7 + 0.58 * 2 / 7
        for d in 0..<days {
            let doy = d % 365, month = SyntheticPark.monthOf(dayOfYear: doy)
            let rainy = (90..<181).contains(doy)
            state = nextWeather(state, rainy: rainy, &rng)
            production = 0.7 * production + 0.04 * (1 - 0.49).squareRoot() * rng.normal()
            let weekday = (d + 2) % 7  // 2025-01-01 is a Wednesday: 0 = Monday
            let working = adjusted.contains(doy) || (!holidays.contains(doy) && weekday < 5)
            let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            let averageKW = monthlyMWh[month - 1] * 1_000 / Double(daysInMonth * 24)
            let cooling = (6...9).contains(month) && state == 0 ? 1.06 : 1.0
            for hour in 0..<24 {
                hourly = 0.5 * hourly + 0.03 * (1 - 0.25).squareRoot() * rng.normal()
                let kw = averageKW / meanLevel * level(hour, working: working) * (1 + production) * (1 + hourly) * cooling
                load.append(max(0, kw))
                pv.append(pvKW(dayOfYear: doy, hour: hour, clearness: clearness(state, &rng)))
                weather.append(state)
                months.append(month)
            }
        }
        return Year(loadKW: load, pvKW: pv, weather: weather, month: months)
    }

    static func dayOfYear(_ month: Int, _ day: Int) -> Int {
        let starts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        return starts[month - 1] + day - 1
    }

    static func nextWeather(_ s: Int, rainy: Bool, _ rng: inout Generator) -> Int {
        let rows: [[Double]] = rainy
            ? [[0.45, 0.35, 0.20], [0.20, 0.45, 0.35], [0.10, 0.30, 0.60]]
            : [[0.70, 0.20, 0.10], [0.30, 0.50, 0.20], [0.20, 0.30, 0.50]]
        let u = rng.unit()
        var acc = 0.0
        for (next, p) in rows[s].enumerated() {
            acc += p
            if u < acc { return next }
        }
        return 2
    }

    static func clearness(_ s: Int, _ rng: inout Generator) -> Double {
        switch s {
        case 0: return min(1, max(0, 0.92 + 0.04 * rng.normal()))
        case 1: return min(1, max(0.1, 0.6 + 0.18 * rng.normal()))
        default: return min(0.6, max(0.05, 0.25 + 0.08 * rng.normal()))
        }
    }

    /// The demo park's PV model, evaluated at the middle of the CST hour.
    static func pvKW(dayOfYear: Int, hour: Int, clearness: Double) -> Double {
        let declination = 23.44 * sin(2 * Double.pi * (284 + Double(dayOfYear + 1)) / 365) * Double.pi / 180
        let phi = latitude * Double.pi / 180
        let solarHour = Double(hour) + 0.5 - (120 - longitude) / 15
        let omega = 15 * (solarHour - 12) * Double.pi / 180
        let c = sin(phi) * sin(declination) + cos(phi) * cos(declination) * cos(omega)
        guard c > 0 else { return 0 }
        return pvPeakKW * 0.82 * pow(c, 1.2) * clearness
    }

    /// SplitMix64 with a Box–Muller normal.
    struct Generator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func normal() -> Double {
            let u = max(unit(), 1e-300), v = unit()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }
}
