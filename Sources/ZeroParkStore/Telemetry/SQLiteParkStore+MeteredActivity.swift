import Foundation
import GRDB
import ZeroParkCore

/// Live carbon (issue #8 §6): a source fed by meters takes its activity from them. For every month of
/// the year in which the meters have cleaned data, the month's activity is the sum of the meters'
/// month totals converted to the source's unit; typed-in values stay for the other months. Only the
/// top-most meters of a source count (a sub-meter whose parent feeds the same source is inside it).
struct MeteredActivity {
    /// Per source key: twelve monthly values (nil where no meter has data) and the meters used.
    var bySource: [String: (months: [Double?], meters: [String])] = [:]
    /// Per source key: the data quality of the meter months used (issue #8 §7, STANDARD.md 1.1.33).
    var quality: [String: DataQuality] = [:]

    static func load(_ db: Database, parkID: Int64, year: Int) throws -> MeteredActivity {
        let meters = try Row.fetchAll(db, sql: "SELECT id, key, unit, feeds, parent_key FROM meter WHERE park_id = ? AND feeds IS NOT NULL",
                                      arguments: [parkID])
        guard !meters.isEmpty else { return MeteredActivity() }
        let feedsByKey = Dictionary(meters.map { ($0["key"] as String, $0["feeds"] as String) }, uniquingKeysWith: { first, _ in first })
        let sourceUnits = try Dictionary(Row.fetchAll(db, sql: "SELECT key, unit FROM source WHERE park_id = ?", arguments: [parkID]).map {
            ($0["key"] as String, $0["unit"] as String)
        }, uniquingKeysWith: { first, _ in first })
        var result = MeteredActivity()
        let months = try db.cachedStatement(sql: """
            SELECT month, total, measured, estimated, missing, flagged FROM meter_month WHERE meter_id = ? AND month BETWEEN ? AND ?
            """)
        for meter in meters {
            let key: String = meter["key"], feeds: String = meter["feeds"]
            if let parent: String = meter["parent_key"], feedsByKey[parent] == feeds { continue }
            guard let sourceUnitText = sourceUnits[feeds], let sourceUnit = try? QuantityUnit.parse(sourceUnitText),
                  let meterUnit = try? QuantityUnit.parse(meter["unit"]) else { continue }
            var entry = result.bySource[feeds] ?? (Array(repeating: nil, count: 12), [])
            var used = false
            for row in try Row.fetchAll(months, arguments: [meter["id"] as Int64, year * 100 + 1, year * 100 + 12]) {
                let month = (row["month"] as Int) % 100
                guard (1...12).contains(month), let value = try? meterUnit.convert(row["total"], to: sourceUnit), value.isFinite else { continue }
                entry.months[month - 1] = (entry.months[month - 1] ?? 0) + value
                used = true
                let measured: Int = row["measured"], estimated: Int = row["estimated"], missing: Int = row["missing"]
                result.quality[feeds, default: .empty] = result.quality[feeds, default: .empty]
                    + DataQuality(expected: measured + estimated + missing, measured: measured, estimated: estimated,
                                  flagged: row["flagged"], revisions: 0)
            }
            if used { entry.meters.append(key) }
            result.bySource[feeds] = entry
        }
        return result
    }
}

extension SQLiteParkStore {
    public func meteredQuality(parkKey: String, year: Int, caller: Caller) async throws -> [String: DataQuality] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let metered = try MeteredActivity.load(db, parkID: park.id, year: year)
            var visible: [String: DataQuality] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, enterprise FROM source WHERE park_id = ?", arguments: [park.id]) {
                let key: String = row["key"]
                guard let quality = metered.quality[key], caller.canSeeSource(parkID: park.id, enterprise: row["enterprise"]) else { continue }
                visible[key] = quality
            }
            return visible
        }
    }
}
