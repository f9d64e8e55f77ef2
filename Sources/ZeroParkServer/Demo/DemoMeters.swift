import Foundation
import ZeroParkStore
import ZeroParkTelemetry

/// The demo park's meters and the simulated physics behind them (issue #8 §11): an industrial load
/// with working hours and the seasonal shape of the park's 2025 electricity bills, PV from the sun's
/// position at Nansha (22.8° N, 113.5° E) and a day's cloudiness, gas, water with a night baseline,
/// EV charging in the evening, a wastewater COD probe, and the events a real year has — a counter
/// rollover, a meter replaced, a data gap, a spike and a glitch. Deterministic: the same instant
/// always gives the same value, so history and the live simulator join seamlessly. All figures are
/// illustrative, not measurements.
public enum DemoMeters {
    public static let park = "nansha-demo"

    /// 2025 grid purchases by month (MWh), from examples/park-example.yaml: the load's seasonal shape,
    /// and exactly the metered totals of Nov–Dec 2025 so that the typed 2025 inventory is unchanged.
    static let gridMonthlyMWh: [Double] = [3820, 3410, 3950, 4020, 4310, 4650, 4980, 5010, 4570, 4180, 3890, 3900]

    public static let meters: [MeterDefinition] = [
        MeterDefinition(key: "grid-main", name: "110kV 总进线电能表", quantity: .electricityImport, unit: "kWh", readingKind: .cumulative,
                        multiplier: 200, counterModulus: 1_000_000, physicalMin: 0, physicalMax: 20_000, feeds: "grid-electricity"),
        MeterDefinition(key: "grid-power", name: "总进线有功功率", quantity: .power, unit: "kW", readingKind: .instantaneous,
                        intervalMinutes: 5, physicalMin: 0, physicalMax: 60_000),
        MeterDefinition(key: "logistics-sub", name: "物流公司分表", quantity: .electricityImport, unit: "kWh", readingKind: .interval,
                        enterprise: "logistics", feeds: "grid-electricity", parent: "grid-main"),
        MeterDefinition(key: "property-sub", name: "物业公司分表", quantity: .electricityImport, unit: "kWh", readingKind: .interval,
                        enterprise: "property", feeds: "grid-electricity", parent: "grid-main"),
        MeterDefinition(key: "pv-inverter", name: "屋顶光伏逆变器", quantity: .pvGeneration, unit: "kWh", readingKind: .cumulative,
                        physicalMin: 0, physicalMax: 3_000, feeds: "rooftop-pv"),
        MeterDefinition(key: "gas-boiler", name: "锅炉房燃气表", quantity: .naturalGas, unit: "Nm3", readingKind: .cumulative,
                        physicalMin: 0, physicalMax: 1_000, feeds: "boiler-gas"),
        MeterDefinition(key: "water-main", name: "市政进水总表", quantity: .water, unit: "t", readingKind: .interval,
                        physicalMin: 0, physicalMax: 500, enterprise: "property", feeds: "water"),
        MeterDefinition(key: "ev-chargers", name: "园区充电站", quantity: .evCharging, unit: "kWh", readingKind: .interval,
                        physicalMin: 0, physicalMax: 2_000, enterprise: "logistics"),
        MeterDefinition(key: "cod-outfall", name: "污水总排口 COD 在线监测", quantity: .pollutantConcentration, unit: "mg/L",
                        readingKind: .instantaneous, physicalMin: 0, physicalMax: 1_000),
    ]

    /// Where history starts: 2025-11-01 00:00 CST, so that Nov–Dec 2025 are whole metered months.
    public static let historyStart: Int64 = 1_761_926_400

    // MARK: - Physics (values per 15-minute slot, or instantaneous)

    static let slot: Int64 = 900

    /// Deterministic noise in [0, 1) from a seed and an index (SplitMix64).
    static func noise(_ seed: UInt64, _ index: Int64) -> Double {
        var z = seed &+ UInt64(bitPattern: index) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    static func civil(_ ts: Int64) -> (year: Int, month: Int, day: Int32, hour: Double, weekday: Int) {
        let day = TelemetryCalendar.day(of: ts) ?? 0
        let date = TelemetryCalendar.date(of: day) ?? (2026, 1, 1)
        let seconds = ts - (TelemetryCalendar.dayStart(day) ?? ts)
        // 1970-01-01 was a Thursday (weekday 4 with Monday = 1).
        let weekday = Int(((Int64(day) % 7) + 7 + 3) % 7) + 1
        return (date.year, date.month, day, Double(seconds) / 3_600, weekday)
    }

    /// The park's load shape (dimensionless) at a slot: base load, working hours on weekdays, noise.
    static func loadShape(_ ts: Int64) -> Double {
        let time = civil(ts)
        let working = time.weekday <= 5 && time.hour >= 8 && time.hour < 18
        let shoulder = time.weekday <= 5 && (time.hour >= 7 && time.hour < 8 || time.hour >= 18 && time.hour < 21)
        let level = working ? 1.0 : shoulder ? 0.8 : 0.58
        return level * (0.95 + 0.1 * noise(11, ts / slot))
    }

    /// kWh of grid import in the slot starting at `ts`: the load shape scaled so that each month sums
    /// to that month's 2025 bill.
    static func gridKWh(_ ts: Int64, scales: inout [Int: Double]) -> Double {
        let time = civil(ts)
        let key = time.year * 100 + time.month
        if scales[key] == nil {
            let first = TelemetryCalendar.firstDay(year: time.year, month: time.month) ?? time.day
            let last = TelemetryCalendar.lastDay(year: time.year, month: time.month) ?? time.day
            var sum = 0.0
            var slotStart = TelemetryCalendar.dayStart(first) ?? ts
            let end = (TelemetryCalendar.dayStart(last) ?? ts) + 86_400
            while slotStart < end { sum += loadShape(slotStart); slotStart += slot }
            scales[key] = gridMonthlyMWh[time.month - 1] * 1_000 / max(sum, 1)
        }
        return loadShape(ts) * (scales[key] ?? 0)
    }

    /// PV kWh in the slot: 4 MWp at the sun's elevation over Nansha, less the day's cloud.
    static func pvKWh(_ ts: Int64) -> Double {
        let time = civil(ts)
        let dayOfYear = Double((TelemetryCalendar.day(of: ts) ?? 0) - (TelemetryCalendar.firstDay(year: time.year, month: 1) ?? 0)) + 1
        let declination = 23.44 * sin(2 * Double.pi * (284 + dayOfYear) / 365) * Double.pi / 180
        let latitude = 22.8 * Double.pi / 180
        // Solar time: CST (UTC+8, 120° E) corrected to 113.5° E.
        let solarHour = time.hour + 0.125 - (120 - 113.5) / 15
        let hourAngle = 15 * (solarHour - 12) * Double.pi / 180
        let elevation = sin(latitude) * sin(declination) + cos(latitude) * cos(declination) * cos(hourAngle)
        guard elevation > 0 else { return 0 }
        let cloud = 0.8 * noise(23, Int64(time.day))
        return 4_000 * pow(elevation, 1.2) * (1 - 0.75 * cloud) * 0.25 * 0.82
    }

    static func gasNm3(_ ts: Int64) -> Double {
        let time = civil(ts)
        let winter = [1, 2, 3, 11, 12].contains(time.month) ? 1.35 : 0.8
        return 43 * winter * loadShape(ts)
    }

    /// Water in tonnes: day use plus a night baseline; a leak doubles the night flow from 2026-11-20.
    static func waterT(_ ts: Int64) -> Double {
        let time = civil(ts)
        let night = time.hour < 5
        let leak: Double = ts >= 1_795_104_000 ? 6 : 0
        return (night ? 4.0 + leak : 26.0 * loadShape(ts) + 6) * (0.9 + 0.2 * noise(31, ts / slot))
    }

    /// The incomer's power (kW) at an instant: the slot's grid energy at a steady rate.
    public static func powerKW(at ts: Int64) -> Double {
        var scales: [Int: Double] = [:]
        return gridKWh(ts - ts % slot, scales: &scales) * 4
    }

    static func evKWh(_ ts: Int64) -> Double {
        let hour = civil(ts).hour
        let evening = hour >= 18 || hour < 6
        return (evening ? 180 : 40) * (0.9 + 0.2 * noise(41, ts / slot))
    }

    static func codMgL(_ ts: Int64) -> Double {
        // A spike on 2026-10-03 14:00 CST (a discharge event the threshold alert catches).
        if ts == 1_791_007_200 { return 420 }
        return 32 + 8 * sin(Double(ts % 86_400) / 86_400 * 2 * Double.pi) + 6 * noise(51, ts / slot)
    }

    // MARK: - Readings

    /// Counter start values (raw units) and events: grid-main wraps in spring 2026; gas-boiler is
    /// replaced on 2026-08-12 10:00 CST and restarts from 0.
    static let gridCounterStart = 880_000.0
    static let gasReplacement: Int64 = 1_786_500_000

    /// Readings of every demo meter for the slots in [from, to): what the meters would have sent.
    /// `counters` carries the cumulative registers across calls (start with `CounterState()`).
    public struct CounterState: Sendable {
        var grid = DemoMeters.gridCounterStart * 200
        var pv = 1_250_000.0
        var gas = 386_000.0
        var gasAfterReplacement = 0.0
        var at: Int64 = DemoMeters.historyStart
        var scales: [Int: Double] = [:]
        public init() {}
    }

    public static func readings(from: Int64, to: Int64, state: inout CounterState) -> [(meter: String, reading: RawReading)] {
        var out: [(String, RawReading)] = []
        var ts = max(from - from % slot, state.at)
        // Advance the registers over any slots skipped since the last call.
        while state.at < ts { advance(&state, state.at); state.at += slot }
        while ts < to {
            // Counters are read at the slot's start (the register before the slot's energy).
            out.append(("grid-main", RawReading(ts: ts, value: (state.grid / 200).truncatingRemainder(dividingBy: 1_000_000))))
            if ts != 1_781_496_000 {  // a glitch reading on 2026-06-15 12:00 CST is replaced below
                out.append(("pv-inverter", RawReading(ts: ts, value: state.pv)))
            } else {
                out.append(("pv-inverter", RawReading(ts: ts, value: state.pv + 50_000)))
            }
            out.append(("gas-boiler", RawReading(ts: ts, value: ts >= gasReplacement ? state.gasAfterReplacement : state.gas)))
            var scales = state.scales
            let grid = gridKWh(ts, scales: &scales)
            state.scales = scales
            out.append(("logistics-sub", RawReading(ts: ts, value: (grid * 0.08 * (0.9 + 0.2 * noise(61, ts / slot)) * 100).rounded() / 100)))
            out.append(("property-sub", RawReading(ts: ts, value: (grid * 0.05 * (0.9 + 0.2 * noise(71, ts / slot)) * 100).rounded() / 100)))
            // A six-hour outage of the water meter on 2026-03-10 08:00–14:00 CST: nothing sent.
            if !(ts >= 1_773_100_800 && ts < 1_773_122_400) {
                out.append(("water-main", RawReading(ts: ts, value: (waterT(ts) * 100).rounded() / 100)))
            }
            out.append(("ev-chargers", RawReading(ts: ts, value: (evKWh(ts) * 100).rounded() / 100)))
            out.append(("cod-outfall", RawReading(ts: ts, value: (codMgL(ts) * 10).rounded() / 10)))
            for minute in stride(from: 0, to: 15, by: 5) {
                let at = ts + Int64(minute * 60)
                out.append(("grid-power", RawReading(ts: at, value: (grid * 4 * (0.97 + 0.06 * noise(81, at / 300))).rounded())))
            }
            advance(&state, ts)
            state.at = ts + slot
            ts += slot
        }
        return out.map { (meter: $0.0, reading: $0.1) }
    }

    static func advance(_ state: inout CounterState, _ ts: Int64) {
        var scales = state.scales
        state.grid += gridKWh(ts, scales: &scales)
        state.scales = scales
        state.pv += pvKWh(ts)
        if ts >= gasReplacement { state.gasAfterReplacement += gasNm3(ts) } else { state.gas += gasNm3(ts) }
    }

    /// Groups readings into batches of at most `size` rows.
    public static func batches(_ readings: [(meter: String, reading: RawReading)], size: Int = 100_000) -> [ReadingBatch] {
        let keys = meters.map(\.key)
        var index: [String: Int32] = [:]
        for (position, key) in keys.enumerated() { index[key] = Int32(position) }
        return stride(from: 0, to: readings.count, by: size).map { start in
            let slice = readings[start..<min(start + size, readings.count)]
            return ReadingBatch(meters: keys, rows: slice.enumerated().map { offset, item in
                ReadingBatch.Row(meter: index[item.meter] ?? 0, ts: item.reading.ts, value: item.reading.value, position: Int32(offset))
            }, locator: .arrayIndex(prefix: "readings"))
        }
    }
}
