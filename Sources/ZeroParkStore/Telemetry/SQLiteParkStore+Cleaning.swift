import Foundation
import GRDB
import ZeroParkTelemetry

/// The cleaner (issue #8 §4–5): folds raw readings marked dirty by ingestion into the cleaned
/// 15-minute series (`meter_day`, one row per meter and CST day, beside the raw data, never over it),
/// meter events and month rollups. It reads in a snapshot, computes with the pure `MeterCleaner`,
/// and writes in a short transaction; a range that got new readings meanwhile stays dirty and is
/// cleaned again, so the result is the same whatever order data arrived in.
extension SQLiteParkStore {
    /// Cleans up to `limit` dirty meters; returns how many were cleaned (0: nothing pending).
    @discardableResult
    public func cleanPending(limit: Int = 32) async throws -> Int {
        let work = try await pool.read { db -> [CleaningWork] in
            // Up to `limit` meters, up to 400 dirty days each, as runs of consecutive days.
            let meters = try Int64.fetchAll(db, sql: "SELECT DISTINCT meter_id FROM telemetry_dirty ORDER BY meter_id LIMIT ?", arguments: [limit])
            var work: [CleaningWork] = []
            for meterID in meters {
                let days = try Row.fetchAll(db, sql: "SELECT day, generation FROM telemetry_dirty WHERE meter_id = ? ORDER BY day LIMIT 400",
                                            arguments: [meterID]).map { (day: $0["day"] as Int32, generation: $0["generation"] as Int64) }
                var runs: [[(day: Int32, generation: Int64)]] = []
                for item in days {
                    if let last = runs.last?.last, item.day - last.day <= 1 { runs[runs.count - 1].append(item) } else { runs.append([item]) }
                }
                for run in runs {
                    guard let first = run.first?.day, let last = run.last?.day else { continue }
                    if var item = try Self.prepareCleaning(db, meterID: meterID, from: CSTDays.start(first), to: CSTDays.start(last + 1) - 1) {
                        item.claimed = run
                        work.append(item)
                    }
                }
            }
            return work
        }
        guard !work.isEmpty else { return 0 }
        let results = work.map { item -> (CleaningWork, CleaningResult?) in
            guard let days = item.days else { return (item, nil) }
            return (item, MeterCleaner.clean(item.spec, readings: item.readings, days: days, profile: item.profile))
        }
        try await pool.write { db in
            let release = try db.cachedStatement(sql: "DELETE FROM telemetry_dirty WHERE meter_id = ? AND day = ? AND generation = ?")
            for (item, result) in results {
                if let result, let days = item.days { try Self.store(db, meterID: item.meterID, days: days, result: result) }
                // A day that got new readings meanwhile (generation moved on) stays dirty and is cleaned again.
                for claimed in item.claimed { try release.execute(arguments: [item.meterID, claimed.day, claimed.generation]) }
            }
            try db.execute(sql: """
                INSERT INTO telemetry_version (park_id, version)
                SELECT DISTINCT park_id, 1 FROM meter WHERE id IN (\(Set(results.map { $0.0.meterID }).map(String.init).joined(separator: ",")))
                ON CONFLICT(park_id) DO UPDATE SET version = version + 1
                """)
        }
        return Set(work.map(\.meterID)).count
    }

    /// Cleans until nothing is pending (tests, the import command, benchmarks).
    public func cleanAll() async throws {
        while try await cleanPending(limit: 64) > 0 {}
    }

    /// Meters with raw data not yet cleaned.
    public func pendingCleaning() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT meter_id) FROM telemetry_dirty") ?? 0 }
    }

    struct CleaningWork: Sendable {
        let meterID: Int64
        /// The dirty (day, generation) rows this work cleans; released only if unchanged when written.
        var claimed: [(day: Int32, generation: Int64)] = []
        let spec: MeterSpec
        /// The CST days to (re)compute; nil when the meter has no readings left to clean.
        let days: ClosedRange<Int32>?
        let readings: [RawReading]
        let profile: [Double]?
    }

    /// Context readings fetched on each side of the range (the cleaner's spike window and the
    /// counter's bracketing readings).
    static let contextReadings = 8
    /// The longest gap the cleaner fills (7 days); ranges extend to a neighbouring reading within it.
    static let gapHorizon: Int64 = 7 * 86_400

    static func prepareCleaning(_ db: Database, meterID: Int64, from: Int64, to: Int64) throws -> CleaningWork? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meter WHERE id = ?", arguments: [meterID]),
              let meter = meterRow(row) else { return nil }
        let spec = meter.definition.spec
        guard let extent = try Row.fetchOne(db, sql: "SELECT min(ts) AS first, max(ts) AS last FROM reading WHERE meter_id = ?",
                                            arguments: [meterID]),
              let first = extent["first"] as Int64?, let last = extent["last"] as Int64? else {
            return CleaningWork(meterID: meterID, spec: spec, days: nil, readings: [], profile: nil)
        }
        var start = max(from, first), end = min(to, last)
        if start > end { (start, end) = (first, last) }
        // Extend to the neighbouring readings (a gap's energy is spread over the gap) within the horizon.
        if let previous = try Int64.fetchOne(db, sql: "SELECT max(ts) FROM reading WHERE meter_id = ? AND ts < ?", arguments: [meterID, start]),
           start - previous <= gapHorizon { start = previous }
        if let next = try Int64.fetchOne(db, sql: "SELECT min(ts) FROM reading WHERE meter_id = ? AND ts > ?", arguments: [meterID, end]),
           next - end <= gapHorizon { end = next }
        let firstDay = CSTDays.day(start) - 1, lastDay = CSTDays.day(end) + 1
        let windowStart = CSTDays.start(firstDay), windowEnd = CSTDays.start(lastDay + 1)
        var readings: [RawReading] = []
        let before = try Row.fetchAll(db, sql: "SELECT ts, value FROM reading WHERE meter_id = ? AND ts < ? ORDER BY ts DESC LIMIT ?",
                                      arguments: [meterID, windowStart, contextReadings])
        readings.append(contentsOf: before.reversed().map { RawReading(ts: $0[0], value: $0[1]) })
        let inside = try Row.fetchCursor(db, sql: "SELECT ts, value FROM reading WHERE meter_id = ? AND ts >= ? AND ts < ? ORDER BY ts",
                                         arguments: [meterID, windowStart, windowEnd])
        while let row = try inside.next() { readings.append(RawReading(ts: row[0], value: row[1])) }
        let after = try Row.fetchAll(db, sql: "SELECT ts, value FROM reading WHERE meter_id = ? AND ts >= ? ORDER BY ts LIMIT ?",
                                     arguments: [meterID, windowEnd, contextReadings])
        readings.append(contentsOf: after.map { RawReading(ts: $0[0], value: $0[1]) })
        // Revisions: the newest value of a (meter, ts) is the one cleaned.
        if let low = readings.first?.ts, let high = readings.last?.ts {
            let revised = try Row.fetchAll(db, sql: "SELECT ts, value FROM reading_revision WHERE meter_id = ? AND ts BETWEEN ? AND ? ORDER BY id",
                                           arguments: [meterID, low, high])
            if !revised.isEmpty {
                var latest: [Int64: Double] = [:]
                for row in revised { latest[row[0]] = row[1] }
                for index in readings.indices { if let value = latest[readings[index].ts] { readings[index].value = value } }
            }
        }
        let history = try Row.fetchAll(db, sql: "SELECT day, slot_values, quality FROM meter_day WHERE meter_id = ? AND day BETWEEN ? AND ? ORDER BY day",
                                       arguments: [meterID, firstDay - 7, firstDay - 1]).compactMap(meterDay)
        let slots = 1_440 / spec.intervalMinutes
        return CleaningWork(meterID: meterID, spec: spec, days: firstDay...lastDay, readings: readings,
                            profile: MeterProfile.build(from: history, slots: slots))
    }

    static func store(_ db: Database, meterID: Int64, days: ClosedRange<Int32>, result: CleaningResult) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO meter_day (meter_id, day, slot_values, quality, total, measured, estimated, missing, flagged, minimum, maximum)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let remove = try db.cachedStatement(sql: "DELETE FROM meter_day WHERE meter_id = ? AND day = ?")
        for day in result.days where days.contains(day.day) {
            if day.missingCount == day.values.count {
                try remove.execute(arguments: [meterID, day.day])
                continue
            }
            try upsert.execute(arguments: [meterID, day.day, encode(day.values), Data(day.quality.map(\.rawValue)), day.total,
                                           day.measuredCount, day.estimatedCount, day.missingCount, day.flaggedCount, day.min, day.max])
        }
        let start = CSTDays.start(days.lowerBound), end = CSTDays.start(days.upperBound + 1)
        try db.execute(sql: "DELETE FROM meter_event WHERE meter_id = ? AND ts >= ? AND ts < ?", arguments: [meterID, start, end])
        let event = try db.cachedStatement(sql: "INSERT OR IGNORE INTO meter_event (meter_id, ts, kind, detail) VALUES (?, ?, ?, ?)")
        for item in result.events where item.ts >= start && item.ts < end {
            try event.execute(arguments: [meterID, item.ts, item.kind.rawValue, item.detail.encoded])
        }
        // Month rollups of every month the range touches, from the day rows.
        var months = Set<Int32>()
        for day in days { months.insert(CSTDays.monthKey(day)) }
        for month in months { try rollUpMonth(db, meterID: meterID, month: month) }
    }

    static func rollUpMonth(_ db: Database, meterID: Int64, month: Int32) throws {
        let days = CSTDays.monthDays(month)
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS n, sum(total) AS total, sum(measured) AS measured, sum(estimated) AS estimated, sum(missing) AS missing,
            sum(flagged) AS flagged, min(minimum) AS minimum, max(maximum) AS maximum FROM meter_day WHERE meter_id = ? AND day BETWEEN ? AND ?
            """, arguments: [meterID, days.lowerBound, days.upperBound])
        guard let row, (row["n"] as Int) > 0 else {
            try db.execute(sql: "DELETE FROM meter_month WHERE meter_id = ? AND month = ?", arguments: [meterID, month])
            return
        }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO meter_month (meter_id, month, total, measured, estimated, missing, flagged, minimum, maximum)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [meterID, month, row["total"] as Double? ?? 0, row["measured"] as Int? ?? 0, row["estimated"] as Int? ?? 0,
                                     row["missing"] as Int? ?? 0, row["flagged"] as Int? ?? 0, row["minimum"] as Double?, row["maximum"] as Double?])
    }

    static func encode(_ values: [Double]) -> Data {
        var data = Data(capacity: values.count * 8)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode(_ data: Data) -> [Double] {
        let count = data.count / 8
        var values = [Double](repeating: .nan, count: count)
        data.withUnsafeBytes { raw in
            for index in 0..<count {
                values[index] = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
            }
        }
        return values
    }

    static func meterDay(_ row: Row) -> MeterDay? {
        meterDay(day: row["day"], slotValues: row["slot_values"], quality: row["quality"])
    }

    /// A stored day from its columns `day, slot_values, quality` read by position, without copying the
    /// blobs (the series reads; looking columns up by name cost a tenth of a year's hourly series).
    static func positionalMeterDay(_ row: Row) throws -> MeterDay? {
        let day: Int32 = row[0]
        let values = try row.withUnsafeData(atIndex: 1) { data in data.map(decode) ?? [] }
        let quality = try row.withUnsafeData(atIndex: 2) { data in qualities(data ?? Data()) }
        guard values.count == quality.count else { return nil }
        return MeterDay(day: day, values: values, quality: quality)
    }

    static func meterDay(day: Int32, slotValues: Data, quality bytes: Data) -> MeterDay? {
        let values = decode(slotValues)
        let quality = qualities(bytes)
        guard values.count == quality.count else { return nil }
        return MeterDay(day: day, values: values, quality: quality)
    }

    /// Through the raw bytes: Data's own map checks access per element and cost a quarter of a year's
    /// hourly series (issue #8, bench-server).
    static func qualities(_ bytes: Data) -> [IntervalQuality] {
        bytes.withUnsafeBytes { raw in raw.map { IntervalQuality(rawValue: $0) ?? .missing } }
    }
}
