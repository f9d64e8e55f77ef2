import Foundation
import ZeroParkInput
import ZeroParkScenario
import ZeroParkStore
import ZeroParkTelemetry

/// Series from a park's meters: each listed meter's cleaned slots over the horizon, summed and resampled
/// to the step — energy meters (kWh per interval) to mean kW, power meters (kW, instantaneous) averaged.
/// A step with a slot nobody measured or estimated is refused (never filled in here); the meter's
/// interval must divide the step. CSV specs go to `files` when given (the command line), else are refused.
///
/// Serves STANDARD.md 1.1.37 (metered history feeds the optimisation) and 1.1.33 (data quality).
public struct StoreSeriesSource: SeriesSource {
    public let store: any TelemetryRepository
    public let parkKey: String
    public let caller: Caller
    public let now: Int64
    public let files: FileSeriesSource?

    public init(store: any TelemetryRepository, parkKey: String, caller: Caller, now: Int64, files: FileSeriesSource? = nil) {
        self.store = store
        self.parkKey = parkKey
        self.caller = caller
        self.now = now
        self.files = files
    }

    public func values(for spec: SeriesSpec, horizon: ScenarioHorizon) async throws(InputError) -> [Double] {
        guard case let .meters(keys) = spec.origin else {
            if let files { return try await files.values(for: spec, horizon: horizon) }
            throw InputError(InputProblem(code: "csv_not_here", field: spec.field + ".csv",
                                          zh: "此处不能读取 CSV 文件：请用 values 给出数值或用 meters 指定计量表",
                                          en: "CSV files are command-line only here: give values or meters"))
        }
        var total = [Double](repeating: 0, count: horizon.stepCount)
        for (index, key) in keys.enumerated() {
            let field = spec.field.hasPrefix("meters.") ? "\(spec.field)[\(index)]" : "\(spec.field).meters[\(index)]"
            let values = try await meterValues(key, field: field, horizon: horizon)
            if let missing = values.firstIndex(where: { $0 == nil }) {
                throw InputError(InputProblem(code: "missing_data", field: field,
                                              zh: "计量表“\(key)”在 \(SeriesCSV.cst(horizon.instant(ofStep: missing)))（北京时间）起的一步缺数据",
                                              en: "meter \"\(key)\" has no cleaned value in the step at \(SeriesCSV.cst(horizon.instant(ofStep: missing))) CST"))
            }
            for t in total.indices { total[t] += values[t] ?? 0 }
        }
        return total
    }

    /// The meters' sum in mean kW per step, with nil where any meter lacks a cleaned value in the step
    /// (monitoring cost prices the complete steps and says how many are not).
    public func partialSum(_ keys: [String], horizon: ScenarioHorizon) async throws(InputError) -> [Double?] {
        var total: [Double?] = [Double?](repeating: 0, count: horizon.stepCount)
        for (index, key) in keys.enumerated() {
            let values = try await meterValues(key, field: "meters[\(index)]", horizon: horizon)
            for t in total.indices { total[t] = total[t].flatMap { sum in values[t].map { sum + $0 } } }
        }
        return total
    }

    /// One meter in mean kW per step; nil for a step without every slot cleaned.
    func meterValues(_ key: String, field: String, horizon: ScenarioHorizon) async throws(InputError) -> [Double?] {
        let meter: MeterDefinition
        do { meter = try await store.meter(parkKey: parkKey, key: key, caller: caller) } catch {
            throw InputError(InputProblem(code: "unknown_meter", field: field, zh: "园区中没有计量表“\(key)”", en: "no meter \"\(key)\" in this park"))
        }
        let energy = meter.unit == "kWh" && meter.readingKind != .instantaneous
        let power = meter.unit == "kW" && meter.readingKind == .instantaneous
        guard energy || power else {
            throw InputError(InputProblem(code: "wrong_unit", field: field,
                                          zh: "计量表“\(key)”的单位是 \(meter.unit)，调度只接受电量（kWh）或功率（kW）表",
                                          en: "meter \"\(key)\" reads \(meter.unit); dispatch takes energy (kWh) or power (kW) meters"))
        }
        guard horizon.stepMinutes % meter.intervalMinutes == 0 else {
            throw InputError(InputProblem(code: "interval_too_long", field: field,
                                          zh: "计量表“\(key)”每 \(meter.intervalMinutes) 分钟一个值，不能细分到 \(horizon.stepMinutes) 分钟步长",
                                          en: "meter \"\(key)\" has \(meter.intervalMinutes)-minute intervals, longer than the \(horizon.stepMinutes)-minute step"))
        }
        let firstDay = Int32(horizon.start.dayNumber)
        let lastDay = Int32(horizon.start.dayNumber + (horizon.hours - 1) / 24)
        let series: MeterSeries
        do {
            series = try await store.meterSeries(parkKey: parkKey, meterKey: key, from: firstDay, to: lastDay, resolution: .slot,
                                                 caller: caller, now: now)
        } catch {
            throw InputError(InputProblem(code: "series_unavailable", field: field, zh: "无法读取计量表“\(key)”的数据", en: "cannot read meter \"\(key)\": \(error)"))
        }
        let stepSeconds = Int64(horizon.stepMinutes * 60), start = horizon.startUTC
        let perStep = horizon.stepMinutes / meter.intervalMinutes
        var sums = [Double](repeating: 0, count: horizon.stepCount), counts = [Int](repeating: 0, count: horizon.stepCount)
        for point in series.points {
            let offset = point.ts - start
            guard offset >= 0, offset < stepSeconds * Int64(horizon.stepCount), let value = point.value, value.isFinite else { continue }
            let step = Int(offset / stepSeconds)
            sums[step] += value
            counts[step] += 1
        }
        let hours = Double(meter.intervalMinutes) / 60
        return zip(sums, counts).map { sum, count -> Double? in
            guard count >= perStep else { return nil }
            return energy ? sum / (Double(count) * hours) : sum / Double(count)
        }
    }
}

extension Caller {
    /// The operator at the command line: the database file's owner, with every park's admin rights.
    public static let commandLine = Caller(userID: 0, username: "cli", displayName: "command line", isSystemAdmin: true, memberships: [])
}
