import Foundation
import GRDB
import ZeroParkCore
import ZeroParkTelemetry

/// The meter registry (issue #8 §1): managers and admins register and change meters; tenants see
/// only their own enterprise's meters, and another enterprise's meter is "not found" to them.
extension SQLiteParkStore {
    /// The park's meters the caller may see, by key.
    public func meters(parkKey: String, caller: Caller) async throws -> [MeterDefinition] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.meterRows(db, parkID: park.id).map(\.definition)
                .filter { caller.canSeeSource(parkID: park.id, enterprise: $0.enterprise) }
        }
    }

    /// One meter, or 404 if it does not exist or the caller may not see it.
    public func meter(parkKey: String, key: String, caller: Caller) async throws -> MeterDefinition {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.visibleMeter(db, park: park, key: key, caller: caller).definition
        }
    }

    /// Registers a meter. Managers and admins only.
    public func createMeter(parkKey: String, meter input: MeterDefinition, caller: Caller) async throws -> MeterDefinition {
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot register meters") }
            let meter = try input.validated()
            if try Self.meterID(db, parkID: park.id, key: meter.key) != nil {
                throw StoreError.conflict("计量表 \(meter.key) 已存在 / meter \(meter.key) exists")
            }
            try Self.checkReferences(db, park: park, meter: meter)
            try Self.insertMeter(db, parkID: park.id, meter: meter, at: at)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "meter", key: meter.key,
                           action: "create", before: nil, after: Self.json(meter))
            return meter
        }
    }

    /// Changes a meter's description. Its key stays; its reading kind and interval stay once it has
    /// readings (they decide how stored readings are read).
    public func updateMeter(parkKey: String, key: String, meter input: MeterDefinition, caller: Caller) async throws -> MeterDefinition {
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let existing = try Self.visibleMeter(db, park: park, key: key, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot change meters") }
            var meter = try input.validated()
            meter.key = key
            try Self.changeMeter(db, park: park, existing: existing, to: meter, actor: caller.username, at: at)
            return meter
        }
    }

    /// Changes a stored meter's description (the API's and the park file's path): references checked;
    /// kind and interval stay once it has readings; a changed spec re-cleans its history.
    static func changeMeter(_ db: Database, park: ParkRow, existing: MeterRow, to meter: MeterDefinition, actor: String, at: String) throws {
        try Self.checkReferences(db, park: park, meter: meter)
        let hasReadings = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM reading WHERE meter_id = ?)",
                                            arguments: [existing.id]) ?? false
        if hasReadings, meter.readingKind != existing.definition.readingKind || meter.intervalMinutes != existing.definition.intervalMinutes {
            throw StoreError.conflict("计量表 \(meter.key) 已有读数：读数类型与间隔不能再改 / meter \(meter.key) has readings: its reading kind and interval cannot change")
        }
        try db.execute(sql: """
            UPDATE meter SET name = ?, quantity = ?, unit = ?, reading_kind = ?, interval_minutes = ?, multiplier = ?,
            counter_modulus = ?, physical_min = ?, physical_max = ?, enterprise = ?, feeds = ?, parent_key = ? WHERE id = ?
            """, arguments: [meter.name, meter.quantity.rawValue, meter.unit, meter.readingKind.rawValue, meter.intervalMinutes,
                             meter.multiplier, meter.counterModulus, meter.physicalMin, meter.physicalMax, meter.enterprise,
                             meter.feeds, meter.parent, existing.id])
        if hasReadings, meter.spec != existing.definition.spec {
            // Multiplier, counter range or plausible range changed: clean the whole history again.
            try Self.markAllDirty(db, meterID: existing.id)
        }
        try Self.audit(db, at: at, actor: actor, parkID: park.id, entity: "meter", key: meter.key,
                       action: "update", before: Self.json(existing.definition), after: Self.json(meter))
    }

    /// Removes a meter that has no readings (raw data is never deleted: a meter with readings stays).
    public func deleteMeter(parkKey: String, key: String, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let existing = try Self.visibleMeter(db, park: park, key: key, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot remove meters") }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM reading WHERE meter_id = ?)", arguments: [existing.id]) ?? false {
                throw StoreError.conflict("计量表 \(key) 已有读数，原始数据永不删除 / meter \(key) has readings, which are never deleted")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM meter WHERE park_id = ? AND parent_key = ?)",
                                 arguments: [park.id, key]) ?? false {
                throw StoreError.conflict("计量表 \(key) 下有分表 / meter \(key) has sub-meters")
            }
            try db.execute(sql: "DELETE FROM meter WHERE id = ?", arguments: [existing.id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "meter", key: key,
                           action: "delete", before: Self.json(existing.definition), after: nil)
        }
    }

    // MARK: - Rows

    struct MeterRow {
        let id: Int64
        let definition: MeterDefinition
    }

    static func meterRows(_ db: Database, parkID: Int64) throws -> [MeterRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM meter WHERE park_id = ? ORDER BY key"), arguments: [parkID]).compactMap(meterRow)
    }

    static func meterRow(_ row: Row) -> MeterRow? {
        guard let quantity = MeterQuantity(rawValue: row["quantity"]),
              let kind = ReadingKind(rawValue: row["reading_kind"]) else { return nil }
        return MeterRow(id: row["id"], definition: MeterDefinition(
            key: row["key"], name: row["name"], quantity: quantity, unit: row["unit"], readingKind: kind,
            intervalMinutes: row["interval_minutes"], multiplier: row["multiplier"], counterModulus: row["counter_modulus"],
            physicalMin: row["physical_min"], physicalMax: row["physical_max"], enterprise: row["enterprise"],
            feeds: row["feeds"], parent: row["parent_key"]))
    }

    static func visibleMeter(_ db: Database, park: ParkRow, key: String, caller: Caller) throws -> MeterRow {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM meter WHERE park_id = ? AND key = ?"), arguments: [park.id, key]),
              let meter = meterRow(row), caller.canSeeSource(parkID: park.id, enterprise: meter.definition.enterprise) else {
            throw StoreError.notFound("meter \(key)")
        }
        return meter
    }

    static func meterID(_ db: Database, parkID: Int64, key: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM meter WHERE park_id = ? AND key = ?", arguments: [parkID, key])
    }

    static func insertMeter(_ db: Database, parkID: Int64, meter: MeterDefinition, at: String) throws {
        try db.execute(sql: """
            INSERT INTO meter (park_id, key, name, quantity, unit, reading_kind, interval_minutes, multiplier, counter_modulus,
            physical_min, physical_max, enterprise, feeds, parent_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [parkID, meter.key, meter.name, meter.quantity.rawValue, meter.unit, meter.readingKind.rawValue,
                             meter.intervalMinutes, meter.multiplier, meter.counterModulus, meter.physicalMin, meter.physicalMax,
                             meter.enterprise, meter.feeds, meter.parent, at])
    }

    /// The enterprise must exist in the park, `feeds` must name one of its sources or sinks, and the
    /// parent must be a meter of the same quantity without making a cycle.
    static func checkReferences(_ db: Database, park: ParkRow, meter: MeterDefinition) throws {
        if let enterprise = meter.enterprise,
           try !(Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM enterprise WHERE park_id = ? AND key = ?)",
                               arguments: [park.id, enterprise]) ?? false) {
            throw StoreError.invalid(field: "enterprise", message: "园区 \(park.key) 没有企业 \(enterprise) / no enterprise \(enterprise) in park \(park.key)")
        }
        if let feeds = meter.feeds {
            let known = try Bool.fetchOne(db, sql: """
                SELECT EXISTS(SELECT 1 FROM source WHERE park_id = ? AND key = ?) OR EXISTS(SELECT 1 FROM sink WHERE park_id = ? AND key = ?)
                """, arguments: [park.id, feeds, park.id, feeds]) ?? false
            guard known else { throw StoreError.invalid(field: "feeds", message: "园区 \(park.key) 没有排放源或碳汇 \(feeds) / no source or sink \(feeds) in park \(park.key)") }
            // A meter feeding a source must measure in a unit that converts to the source's unit.
            if let sourceUnit = try String.fetchOne(db, sql: "SELECT unit FROM source WHERE park_id = ? AND key = ?", arguments: [park.id, feeds]) {
                let convertible = (try? QuantityUnit.parse(meter.unit)).flatMap { unit in
                    (try? QuantityUnit.parse(sourceUnit)).flatMap { target in try? unit.convert(1, to: target) }
                } != nil
                guard convertible else {
                    throw StoreError.invalid(field: "unit", message: "\(meter.unit) 不能换算为排放源 \(feeds) 的单位 \(sourceUnit) / \(meter.unit) does not convert to \(sourceUnit), the unit of source \(feeds)")
                }
            }
        }
        guard let parentKey = meter.parent else { return }
        var seen: Set<String> = [meter.key]
        var next: String? = parentKey
        while let key = next {
            guard seen.insert(key).inserted else {
                throw StoreError.invalid(field: "parent", message: "计量表 \(parentKey) 在 \(meter.key) 之下：计量树不能成环 / meter \(parentKey) is below \(meter.key): a tree has no cycles")
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT quantity, parent_key FROM meter WHERE park_id = ? AND key = ?",
                                             arguments: [park.id, key]) else {
                throw StoreError.invalid(field: "parent", message: "园区 \(park.key) 没有计量表 \(key) / no meter \(key) in park \(park.key)")
            }
            if key == parentKey, (row["quantity"] as String) != meter.quantity.rawValue {
                throw StoreError.invalid(field: "parent", message: "计量表 \(parentKey) 计量的是 \(row["quantity"] as String)，不是 \(meter.quantity.rawValue) / meter \(parentKey) measures \(row["quantity"] as String), not \(meter.quantity.rawValue)")
            }
            next = row["parent_key"]
        }
    }
}
