import Foundation
import GRDB
import ZeroParkTelemetry

/// The resolution a series is read at: the meter's own interval, or a rollup (issue #8 §5).
public enum SeriesResolution: String, Sendable, Codable, CaseIterable {
    case slot, hour, day, month
}

/// One point of a cleaned series: the interval's start, its value (sum for energy and volume,
/// mean for instantaneous meters; nil when nothing was measured or estimated), and its quality counts.
public struct SeriesPoint: Sendable, Equatable, Codable {
    public var ts: Int64
    public var value: Double?
    public var measured: Int
    public var estimated: Int
    public var missing: Int
    public var flagged: Int
    /// The slot's quality (slot resolution only): measured, interpolated, profiled, spike_replaced, …
    public var quality: String?
}

/// Data quality of a meter or a total over a period (issue #8 §7; STANDARD.md 1.1.33): expected
/// intervals (from the later of the period start and the meter's first reading, to the earlier of
/// the period end and now), how many were measured, estimated, missing and flagged, and revisions.
public struct DataQuality: Sendable, Equatable, Codable {
    public var expected: Int
    public var measured: Int
    public var estimated: Int
    public var flagged: Int
    public var revisions: Int
    /// measured ÷ expected (1 when nothing was expected).
    public var completeness: Double { expected == 0 ? 1 : min(1, Double(measured) / Double(expected)) }
    /// estimated ÷ (measured + estimated).
    public var estimatedShare: Double { measured + estimated == 0 ? 0 : Double(estimated) / Double(measured + estimated) }
    /// GB/T 32150-style practice and issue #8: a total on less than 90 % measured data says so.
    public var belowThreshold: Bool { completeness < DataQuality.threshold }
    public static let threshold = 0.9

    public static func + (a: DataQuality, b: DataQuality) -> DataQuality {
        DataQuality(expected: a.expected + b.expected, measured: a.measured + b.measured, estimated: a.estimated + b.estimated,
                    flagged: a.flagged + b.flagged, revisions: a.revisions + b.revisions)
    }
    public static let empty = DataQuality(expected: 0, measured: 0, estimated: 0, flagged: 0, revisions: 0)
}

/// A meter's cleaned series over CST days `from...to`, with its quality.
public struct MeterSeries: Sendable, Equatable, Codable {
    public var meter: String
    public var unit: String
    public var readingKind: ReadingKind
    public var resolution: SeriesResolution
    public var from: Int32
    public var to: Int32
    public var points: [SeriesPoint]
    public var total: Double?
    public var quality: DataQuality
}

/// A raw reading as stored, with the revisions that followed it (newest last).
public struct StoredReading: Sendable, Equatable, Codable {
    public var ts: Int64
    public var value: Double
    public var batch: Int64
    public var revisions: [Double]
}

/// A meter event (rollover, reset, glitch, spike, …) found by the cleaner.
public struct StoredMeterEvent: Sendable, Equatable, Codable {
    public var ts: Int64
    public var kind: String
    public var detail: String
}

extension SQLiteParkStore {
    /// Longest span a series may cover at slot and hour resolution (a year and a day).
    public static let maximumSeriesDays: Int32 = 367

    public func meterSeries(parkKey: String, meterKey: String, from: Int32, to: Int32, resolution: SeriesResolution,
                            caller: Caller, now: Int64) async throws -> MeterSeries {
        guard from <= to else { throw StoreError.invalid(field: "from", message: "不能晚于结束日期 / must not be after to") }
        if resolution == .slot || resolution == .hour, to - from >= Self.maximumSeriesDays {
            throw StoreError.invalid(field: "to", message: "\(resolution.rawValue) 粒度至多 \(Self.maximumSeriesDays) 天 / at most \(Self.maximumSeriesDays) days at \(resolution.rawValue) resolution")
        }
        return try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let meter = try Self.visibleMeter(db, park: park, key: meterKey, caller: caller)
            return try Self.series(db, meter: meter, from: from, to: to, resolution: resolution, now: now)
        }
    }

    public func meterSeries(parkKey: String, meterKeys: [String], from: Int32, to: Int32, resolution: SeriesResolution,
                            caller: Caller, now: Int64) async throws -> [MeterSeries] {
        guard from <= to else { throw StoreError.invalid(field: "from", message: "不能晚于结束日期 / must not be after to") }
        if resolution == .slot || resolution == .hour, to - from >= Self.maximumSeriesDays {
            throw StoreError.invalid(field: "to", message: "\(resolution.rawValue) 粒度至多 \(Self.maximumSeriesDays) 天 / at most \(Self.maximumSeriesDays) days at \(resolution.rawValue) resolution")
        }
        guard !meterKeys.isEmpty else { return [] }
        return try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try meterKeys.compactMap { key -> MeterSeries? in
                let meter: MeterRow
                do {
                    meter = try Self.visibleMeter(db, park: park, key: key, caller: caller)
                } catch StoreError.notFound {
                    return nil
                }
                return try Self.series(db, meter: meter, from: from, to: to, resolution: resolution, now: now)
            }
        }
    }

    static func series(_ db: Database, meter: MeterRow, from: Int32, to: Int32, resolution: SeriesResolution, now: Int64) throws -> MeterSeries {
        let definition = meter.definition
        let slots = 1_440 / definition.intervalMinutes
        let averaging = definition.readingKind == .instantaneous
        var points: [SeriesPoint] = []
        var quality = try Self.quality(db, meterID: meter.id, intervalMinutes: definition.intervalMinutes, from: from, to: to, now: now)
        var totalValue = 0.0, totalCount = 0
        if resolution == .month {
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM meter_month WHERE meter_id = ? AND month BETWEEN ? AND ? ORDER BY month"),
                                        arguments: [meter.id, CSTDays.monthKey(from), CSTDays.monthKey(to)])
            for row in rows {
                let month: Int32 = row["month"]
                let total: Double = row["total"], measured: Int = row["measured"], estimated: Int = row["estimated"]
                let count = measured + estimated
                totalValue += total
                totalCount += count
                points.append(SeriesPoint(ts: CSTDays.start(CSTDays.monthDays(month).lowerBound),
                                          value: count == 0 ? nil : (averaging ? total / Double(count) : total),
                                          measured: measured, estimated: estimated, missing: row["missing"], flagged: row["flagged"], quality: nil))
            }
        } else {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT day, slot_values, quality FROM meter_day WHERE meter_id = ? AND day BETWEEN ? AND ? ORDER BY day
                """), arguments: [meter.id, from, to])
            let perPoint = resolution == .slot ? 1 : (resolution == .hour ? max(1, 60 / definition.intervalMinutes) : slots)
            let step = Int64(definition.intervalMinutes * 60 * perPoint)
            while let row = try rows.next() {
                guard let day = try positionalMeterDay(row) else { continue }
                let start = CSTDays.start(day.day)
                var index = 0
                while index < day.values.count {
                    var sum = 0.0, count = 0, measured = 0, estimated = 0, missing = 0, flagged = 0
                    for slot in index..<min(index + perPoint, day.values.count) {
                        let value = day.values[slot], flag = day.quality[slot]
                        if !value.isNaN { sum += value; count += 1 }
                        switch flag {
                        case .missing: missing += 1
                        case .measured: measured += 1
                        case .suspect: measured += 1; flagged += 1
                        case .spikeReplaced, .outOfRangeReplaced: estimated += 1; flagged += 1
                        default: estimated += 1
                        }
                    }
                    totalValue += sum
                    totalCount += count
                    points.append(SeriesPoint(ts: start + Int64(index / perPoint) * step,
                                              value: count == 0 ? nil : (averaging ? sum / Double(count) : sum),
                                              measured: measured, estimated: estimated, missing: missing, flagged: flagged,
                                              quality: perPoint == 1 ? qualityName(day.quality[index]) : nil))
                    index += perPoint
                }
            }
        }
        quality.flagged = points.reduce(0) { $0 + $1.flagged }
        return MeterSeries(meter: definition.key, unit: definition.unit, readingKind: definition.readingKind, resolution: resolution,
                           from: from, to: to, points: points,
                           total: totalCount == 0 ? nil : (averaging ? totalValue / Double(totalCount) : totalValue), quality: quality)
    }

    static func qualityName(_ quality: IntervalQuality) -> String {
        switch quality {
        case .missing: return "missing"
        case .measured: return "measured"
        case .interpolated: return "interpolated"
        case .profiled: return "profiled"
        case .spikeReplaced: return "spike_replaced"
        case .outOfRangeReplaced: return "out_of_range_replaced"
        case .suspect: return "suspect"
        }
    }

    /// Quality of one meter over CST days `from...to`, expected intervals bounded by its first reading and now.
    static func quality(_ db: Database, meterID: Int64, intervalMinutes: Int, from: Int32, to: Int32, now: Int64) throws -> DataQuality {
        let interval = Int64(intervalMinutes * 60)
        guard let first = try Int64.fetchOne(db.cachedStatement(sql: "SELECT min(ts) FROM reading WHERE meter_id = ?"), arguments: [meterID]) else {
            let expected = max(0, min(CSTDays.start(to + 1), now) - CSTDays.start(from)) / interval
            return DataQuality(expected: Int(expected), measured: 0, estimated: 0, flagged: 0, revisions: 0)
        }
        let start = max(CSTDays.start(from), first - first % interval)
        let end = min(CSTDays.start(to + 1), now - now % interval)
        let expected = max(0, end - start) / interval
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(sum(measured), 0) AS measured, coalesce(sum(estimated), 0) AS estimated, coalesce(sum(flagged), 0) AS flagged
            FROM meter_day WHERE meter_id = ? AND day BETWEEN ? AND ?
            """), arguments: [meterID, from, to])
        let revisions = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM reading_revision WHERE meter_id = ? AND ts >= ? AND ts < ?"),
                                         arguments: [meterID, CSTDays.start(from), CSTDays.start(to + 1)]) ?? 0
        return DataQuality(expected: Int(expected), measured: row?["measured"] ?? 0, estimated: row?["estimated"] ?? 0,
                           flagged: row?["flagged"] ?? 0, revisions: revisions)
    }

    /// A meter's raw readings on one CST day, each with its revisions, and the cleaner's events.
    public func rawReadings(parkKey: String, meterKey: String, day: Int32, caller: Caller) async throws -> (readings: [StoredReading], events: [StoredMeterEvent]) {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let meter = try Self.visibleMeter(db, park: park, key: meterKey, caller: caller)
            let start = CSTDays.start(day), end = CSTDays.start(day + 1)
            var revisions: [Int64: [Double]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT ts, value FROM reading_revision WHERE meter_id = ? AND ts >= ? AND ts < ? ORDER BY id",
                                        arguments: [meter.id, start, end]) {
                revisions[row[0], default: []].append(row[1])
            }
            let readings = try Row.fetchAll(db, sql: "SELECT ts, value, batch_id FROM reading WHERE meter_id = ? AND ts >= ? AND ts < ? ORDER BY ts",
                                            arguments: [meter.id, start, end]).map { row in
                StoredReading(ts: row[0], value: row[1], batch: row[2], revisions: revisions[row[0]] ?? [])
            }
            let events = try Row.fetchAll(db, sql: "SELECT ts, kind, detail FROM meter_event WHERE meter_id = ? AND ts >= ? AND ts < ? ORDER BY ts",
                                          arguments: [meter.id, start - 86_400, end]).map { StoredMeterEvent(ts: $0[0], kind: $0[1], detail: $0[2]) }
            return (readings, events)
        }
    }

    /// Per visible meter: its cleaned total over days `from...to` and its quality (dashboards, live carbon).
    public func meterTotals(parkKey: String, from: Int32, to: Int32, caller: Caller, now: Int64) async throws -> [(meter: MeterDefinition, total: Double?, quality: DataQuality, lastReading: Int64?)] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.meterRows(db, parkID: park.id)
                .filter { caller.canSeeSource(parkID: park.id, enterprise: $0.definition.enterprise) }
                .map { meter in
                    let series = try Self.series(db, meter: meter, from: from, to: to, resolution: to - from > 62 ? .month : .day, now: now)
                    let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(ts) FROM reading WHERE meter_id = ?"), arguments: [meter.id])
                    return (meter.definition, series.total, series.quality, last)
                }
        }
    }
}
