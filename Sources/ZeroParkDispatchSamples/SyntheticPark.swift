import Foundation
import ZeroParkOptimisation

/// A synthetic but realistic park-year for tests and the benchmark (never shipped as tariff data): PV from
/// the sun's position at Guangzhou (23.1°N, 113.3°E) with day-to-day cloudiness, load from a daily
/// working-day shape with weekends and summer cooling, and Guangdong-style time-of-use prices (peak 10–12
/// & 14–19, valley 0–8, flat otherwise at 1.7 : 1 : 0.38 of 0.6 CNY/kWh; critical peak 11–12 & 15–17 in
/// July–September at 1.25 × peak). Hourly steps in the non-leap year 2025, deterministic.
///
/// Serves STANDARD.md 1.1.20(e)(f) and 1.1.37 (the benchmark the dispatch LP is measured on).
public enum SyntheticPark {
    public static let pvPeakKW = 12_000.0
    public static let flatPrice = 0.6

    /// `hours` hourly steps from hour `startHour` of 2025 (day-of-year × 24 + hour).
    public static func problem(hours: Int, startHour: Int = 0, withEVFleet: Bool = false) -> DispatchProblem {
        var load: [Double] = [], pv: [Double] = [], price: [Double] = [], month: [Int] = []
        for i in 0..<hours {
            let hourOfYear = (startHour + i) % 8_760
            let day = hourOfYear / 24, hour = hourOfYear % 24
            let m = monthOf(dayOfYear: day)
            month.append(m)
            price.append(importPrice(month: m, hour: hour))
            pv.append(pvKW(day: day, hour: hour))
            load.append(loadKW(day: day, hour: hour, month: m))
        }
        let battery = Battery(capacityKWh: 10_000, maxChargeKW: 5_000, maxDischargeKW: 5_000,
                              chargeEfficiency: 0.95, dischargeEfficiency: 0.95,
                              minSoCKWh: 500, maxSoCKWh: 9_500, initialSoCKWh: 5_000,
                              end: .atLeastStart, cycleCostPerKWh: 0.05)
        var sessions: [EVSession] = []
        if withEVFleet {
            // A workplace fleet of 200 cars × 7 kW plugged in 08:00–18:00 on working days, 30 kWh each.
            for d in 0..<((hours + 23) / 24) {
                let arrival = d * 24 + 8 - (startHour % 24), departure = arrival + 10
                guard arrival >= 0, departure <= hours, !isWeekend(day: (startHour / 24 + d) % 365) else { continue }
                sessions.append(EVSession(arrivalStep: arrival, departureStep: departure, energyKWh: 6_000,
                                          maxPowerKW: 1_400, label: "fleet-day-\(d)"))
            }
        }
        return DispatchProblem(
            stepMinutes: 60, loadKW: load, pvAvailableKW: pv, importPrice: price,
            exportPrice: [Double](repeating: 0.45, count: hours), monthOfStep: month,
            demandChargePerKWMonth: 40, battery: battery,
            export: ExportRule(limitKW: 1_500, surplusOnly: true), evSessions: sessions,
            // 2022 national grid average, MEE 2024-12-20 (shared/reference/china-reference-data.md, S-MEE22).
            gridFactorTonnesPerMWh: 0.5366)
    }

    /// The same problem at 15-minute steps: each hour's values repeated four times, EV windows scaled.
    public static func quarterHourly(_ p: DispatchProblem) -> DispatchProblem {
        func four<T>(_ xs: [T]) -> [T] { xs.flatMap { [$0, $0, $0, $0] } }
        var q = p
        q.stepMinutes = 15
        q.loadKW = four(p.loadKW)
        q.pvAvailableKW = four(p.pvAvailableKW)
        q.importPrice = four(p.importPrice)
        q.exportPrice = four(p.exportPrice)
        q.monthOfStep = four(p.monthOfStep)
        q.evSessions = p.evSessions.map {
            EVSession(arrivalStep: 4 * $0.arrivalStep, departureStep: 4 * $0.departureStep, energyKWh: $0.energyKWh,
                      maxPowerKW: $0.maxPowerKW, label: $0.label)
        }
        return q
    }

    /// Month 1…12 of a day of 2025 (0-based day of year).
    public static func monthOf(dayOfYear d: Int) -> Int {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var rest = d
        for (i, n) in lengths.enumerated() {
            if rest < n { return i + 1 }
            rest -= n
        }
        return 12
    }

    /// 2025-01-01 is a Wednesday.
    public static func isWeekend(day: Int) -> Bool { (day + 2) % 7 >= 5 }

    public static func importPrice(month: Int, hour: Int) -> Double {
        let peak = 1.7 * flatPrice
        if (7...9).contains(month), hour == 11 || hour == 15 || hour == 16 { return 1.25 * peak }
        if hour < 8 { return 0.38 * flatPrice }
        if (10..<12).contains(hour) || (14..<19).contains(hour) { return peak }
        return flatPrice
    }

    /// PV AC output at the middle of the hour: cos(zenith) × performance ratio 0.8 × a daily clearness.
    public static func pvKW(day: Int, hour: Int) -> Double {
        let latitude = 23.1 * Double.pi / 180
        let declination = 23.45 * Double.pi / 180 * sin(2 * Double.pi * Double(284 + day + 1) / 365)
        let solarHour = Double(hour) + 0.5 + (113.3 - 120) / 15
        let hourAngle = (solarHour - 12) * 15 * Double.pi / 180
        let cosZenith = sin(latitude) * sin(declination) + cos(latitude) * cos(declination) * cos(hourAngle)
        guard cosZenith > 0 else { return 0 }
        return pvPeakKW * 0.8 * pow(cosZenith, 1.15) * clearness(day: day)
    }

    /// 0.3…1.0, lower in the April–June rainy season.
    public static func clearness(day: Int) -> Double {
        let u = unit(UInt64(day) &* 2_654_435_761 &+ 17)
        let rainy = (90..<181).contains(day) ? 0.15 : 0
        return max(0.3, min(1.0, 0.45 + 0.55 * u - rainy))
    }

    public static func loadKW(day: Int, hour: Int, month: Int) -> Double {
        let shape: [Double] = [0.45, 0.43, 0.42, 0.42, 0.43, 0.47, 0.55, 0.7, 0.88, 0.97, 1.0, 0.98,
                               0.85, 0.93, 1.0, 0.99, 0.96, 0.9, 0.78, 0.68, 0.62, 0.57, 0.52, 0.48]
        let weekend = isWeekend(day: day) ? 0.62 : 1.0
        let cooling = (6...9).contains(month) ? 1.15 : 1.0
        let noise = 0.95 + 0.1 * unit(UInt64(day * 24 + hour) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407)
        return 9_000 * shape[hour] * weekend * cooling * noise
    }

    /// A deterministic number in [0, 1) from a seed (splitmix64).
    static func unit(_ seed: UInt64) -> Double {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
