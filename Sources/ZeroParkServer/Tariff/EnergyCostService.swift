import Foundation
import ZeroParkInput
import ZeroParkScenario
import ZeroParkStore
import ZeroParkTariff
import ZeroParkTelemetry

/// The park's tariff setting and its monitoring cost: reads and stores the tariff section (checked by
/// `EnergyCost` before it is stored), and prices the main grid-import meters' cleaned 15-minute series
/// over CST days with it. Steps where a meter has no cleaned value are left out and counted, never
/// filled: the bill then covers the complete steps and says so.
///
/// Serves STANDARD.md 1.1.36 (energy cost under the park's tariff), 1.1.20(e) and 1.1.33 (data quality
/// stated with the figure).
public struct EnergyCostService: Sendable {
    public let store: any ParkRepository
    /// Longest period priced at once.
    public static let maxDays = 31

    public init(store: any ParkRepository) {
        self.store = store
    }

    /// A priced period: the report over the complete steps, and how many steps were not complete.
    public struct Outcome: Sendable {
        public let report: EnergyCostReport
        public let incompleteSteps: Int
        public var completeShare: Double {
            let n = report.horizon.stepCount
            return n == 0 ? 0 : Double(n - incompleteSteps) / Double(n)
        }
    }

    /// The stored tariff section, read back (nil when the park has none).
    public func tariff(parkKey: String, caller: Caller) async throws -> (ScenarioTariff, ParkTariffSetting)? {
        guard let setting = try await store.parkTariff(parkKey: parkKey, caller: caller) else { return nil }
        return (try EnergyCost.readTariff(json: try JSONValue.parse(Array(setting.json.utf8))), setting)
    }

    /// Checks a tariff section (JSON) and stores it.
    public func setTariff(parkKey: String, json bytes: [UInt8], caller: Caller, now: Int64) async throws -> ParkTariffSetting {
        let tariff = try EnergyCost.readTariff(json: try JSONValue.parse(bytes))
        try EnergyCost.check(tariff, on: try Self.date(ofDay: Self.day(of: now)))
        return try await store.setParkTariff(parkKey: parkKey, json: String(decoding: bytes, as: UTF8.self), caller: caller)
    }

    /// The main grid-import meters: electricity import, no parent, energy (kWh) or power (kW).
    public static func importMeters(_ meters: [MeterDefinition]) -> [String] {
        meters.filter { $0.quantity == .electricityImport && $0.parent == nil
            && (($0.unit == "kWh" && $0.readingKind != .instantaneous) || ($0.unit == "kW" && $0.readingKind == .instantaneous)) }
            .map(\.key)
    }

    /// The default period: this CST month up to yesterday (the last whole day), or last month on the 1st.
    public static func defaultPeriod(now: Int64) throws(InputError) -> (CivilDate, CivilDate) {
        let yesterday = try date(ofDay: day(of: now) - 1)
        return (CivilDate(year: yesterday.year, month: yesterday.month, day: 1) ?? yesterday, yesterday)
    }

    /// CST day number of a UTC instant.
    static func day(of instant: Int64) -> Int {
        let shifted = instant + 8 * 3_600
        return Int(shifted >= 0 ? shifted / 86_400 : (shifted - 86_399) / 86_400)
    }

    static func date(ofDay day: Int) throws(InputError) -> CivilDate {
        guard let date = CivilDate(dayNumber: day) else {
            throw InputError(InputProblem(code: "out_of_range", field: "from", zh: "日期超出 2000–2100 年", en: "the date leaves the years 2000–2100"))
        }
        return date
    }

    /// Prices `from…to` (CST days, ≤ `maxDays`).
    public func cost(parkKey: String, from: CivilDate, to: CivilDate, caller: Caller, now: Int64) async throws -> Outcome {
        guard from <= to else {
            throw InputError(InputProblem(code: "invalid", field: "from", zh: "from 不能晚于 to", en: "from must not be after to"))
        }
        let park = try await store.park(key: parkKey, caller: caller)
        guard caller.tenantEnterprise(parkID: park.id) == nil else {
            throw StoreError.forbidden("the park's energy cost is not a tenant's / 园区电费不对租户开放")
        }
        let days = to.dayNumber - from.dayNumber + 1
        guard days <= Self.maxDays else {
            throw InputError(InputProblem(code: "out_of_range", field: "to", zh: "最多 \(Self.maxDays) 天（现为 \(days) 天）",
                                          en: "at most \(Self.maxDays) days (is \(days))"))
        }
        guard let (tariff, _) = try await tariff(parkKey: parkKey, caller: caller) else {
            throw InputError(InputProblem(code: "no_tariff", field: "tariff", zh: "园区尚未设置电价（电费页或 PUT /api/v1/parks/{park}/tariff）",
                                          en: "the park has no tariff yet (the energy cost page or PUT /api/v1/parks/{park}/tariff)"))
        }
        let meters = Self.importMeters(try await store.meters(parkKey: parkKey, caller: caller))
        guard !meters.isEmpty else {
            throw InputError(InputProblem(code: "no_meters", field: "meters", zh: "园区没有总进线购电计量表（电量 kWh 或功率 kW）",
                                          en: "the park has no main grid-import meter (kWh or kW)"))
        }
        let horizon = ScenarioHorizon(start: from, hours: days * 24, stepMinutes: 15)
        let source = StoreSeriesSource(store: store, parkKey: parkKey, caller: caller, now: now)
        let series = try await source.partialSum(meters, horizon: horizon)
        let report = try EnergyCost.price(tariff, horizon: horizon, importKW: series.map { $0 ?? 0 }, meters: meters)
        return Outcome(report: report, incompleteSteps: series.filter { $0 == nil }.count)
    }
}
