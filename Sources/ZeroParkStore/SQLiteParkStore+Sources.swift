import Foundation
import GRDB
import ZeroParkCore

/// Sources and their activity data. Tenants see and change only their own enterprise's sources.
extension SQLiteParkStore {
    public func sources(parkKey: String, caller: Caller) async throws -> [SourceSpec] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Row.fetchAll(db, sql: "SELECT * FROM source WHERE park_id = ? ORDER BY id", arguments: [park.id])
                .map(Self.sourceSpec)
                .filter { caller.canSeeSource(parkID: park.id, enterprise: $0.enterprise) }
        }
    }

    public func source(parkKey: String, sourceKey: String, caller: Caller) async throws -> SourceSpec {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.visibleSource(db, park: park, key: sourceKey, caller: caller).spec
        }
    }

    static func visibleSource(_ db: Database, park: ParkRow, key: String, caller: Caller) throws -> (id: Int64, spec: SourceSpec) {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM source WHERE park_id = ? AND key = ?", arguments: [park.id, key]) else {
            throw StoreError.notFound("source \(key)")
        }
        let spec = sourceSpec(row)
        // Another enterprise's source is "not found" to a tenant: existence does not leak.
        guard caller.canSeeSource(parkID: park.id, enterprise: spec.enterprise) else {
            throw StoreError.notFound("source \(key)")
        }
        return (row["id"], spec)
    }

    static func sourceSpec(_ row: Row) -> SourceSpec {
        SourceSpec(key: row["key"], name: row["name"], system: row["system"], method: row["method"], fuel: row["fuel"],
                   factor: row["factor"], grid: row["grid"], gas: row["gas"], gwpSet: row["gwp_set"], scope: row["scope"],
                   enterprise: row["enterprise"], unit: row["unit"], dataSource: row["data_source"], evidence: row["evidence"],
                   category: row["category"])
    }

    /// A source key `E.…` where E is one of the park's enterprises belongs to E; a source naming a
    /// new enterprise adds it to the park.
    static func ensureEnterprise(_ db: Database, parkID: Int64, spec: SourceSpec) throws {
        let enterprises = Set(try String.fetchAll(db, sql: "SELECT key FROM enterprise WHERE park_id = ?", arguments: [parkID]))
        try spec.checkNamespace(enterprises: enterprises)
        if let enterprise = spec.enterprise, !enterprises.contains(enterprise) {
            // A new enterprise's namespace must not already hold someone else's sources.
            let taken = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM source WHERE park_id = ? AND substr(key, 1, ?) = ? AND (enterprise IS NULL OR enterprise != ?)
                """, arguments: [parkID, enterprise.utf8.count + 1, enterprise + ".", enterprise]) ?? 0
            guard taken == 0 else {
                throw StoreError.invalid(field: "enterprise", message: "以“\(enterprise).”开头的排放源编号属于其他企业 / sources with keys beginning with \"\(enterprise).\" belong to others")
            }
            try db.execute(sql: "INSERT INTO enterprise (park_id, key, name) VALUES (?, ?, ?)", arguments: [parkID, enterprise, enterprise])
        }
    }

    static func insertSource(_ db: Database, parkID: Int64, spec: SourceSpec) throws -> Int64 {
        if try Row.fetchOne(db, sql: "SELECT 1 FROM source WHERE park_id = ? AND key = ?", arguments: [parkID, spec.key]) != nil {
            throw StoreError.conflict("排放源 \(spec.key) 已存在 / source \(spec.key) exists")
        }
        try db.execute(sql: """
            INSERT INTO source (park_id, key, name, system, method, fuel, factor, grid, gas, gwp_set, scope, enterprise, unit, data_source, evidence,
            category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [parkID, spec.key, spec.name, spec.system, spec.method, spec.fuel, spec.factor, spec.grid, spec.gas,
                             spec.gwpSet, spec.scope, spec.enterprise, spec.unit, spec.dataSource, spec.evidence, spec.category])
        return db.lastInsertedRowID
    }

    /// Adds a source. A tenant's source is always its own enterprise's.
    public func createSource(parkKey: String, spec input: SourceSpec, caller: Caller) async throws -> SourceSpec {
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            var spec = try input.validated()
            if let enterprise = caller.tenantEnterprise(parkID: park.id) {
                spec.enterprise = enterprise
                // A tenant names its sources in its own namespace, so that a taken key can only be
                // one of its own sources (a conflict must not reveal another enterprise's source).
                guard spec.key.hasPrefix(enterprise + ".") else {
                    throw StoreError.invalid(field: "key", message: "租户的排放源编号须以“\(enterprise).”开头 / a tenant's source keys begin with \"\(enterprise).\"")
                }
            }
            guard caller.canEditSource(parkID: park.id, enterprise: spec.enterprise) else {
                throw StoreError.forbidden("your role cannot add sources to park \(parkKey)")
            }
            try Self.ensureEnterprise(db, parkID: park.id, spec: spec)
            _ = try Self.insertSource(db, parkID: park.id, spec: spec)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "source", key: spec.key,
                           action: "create", before: nil, after: Self.json(spec))
            return spec
        }
    }

    /// Replaces a source's description (its key stays).
    public func updateSource(parkKey: String, sourceKey: String, spec input: SourceSpec, caller: Caller) async throws -> SourceSpec {
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let (id, before) = try Self.visibleSource(db, park: park, key: sourceKey, caller: caller)
            var spec = try input.validated()
            spec.key = sourceKey
            if let enterprise = caller.tenantEnterprise(parkID: park.id) { spec.enterprise = enterprise }
            guard caller.canEditSource(parkID: park.id, enterprise: before.enterprise),
                  caller.canEditSource(parkID: park.id, enterprise: spec.enterprise) else {
                throw StoreError.forbidden("your role cannot change source \(sourceKey)")
            }
            try Self.ensureEnterprise(db, parkID: park.id, spec: spec)
            try db.execute(sql: """
                UPDATE source SET name = ?, system = ?, method = ?, fuel = ?, factor = ?, grid = ?, gas = ?, gwp_set = ?, scope = ?,
                enterprise = ?, unit = ?, data_source = ?, evidence = ?, category = ? WHERE id = ?
                """, arguments: [spec.name, spec.system, spec.method, spec.fuel, spec.factor, spec.grid, spec.gas, spec.gwpSet,
                                 spec.scope, spec.enterprise, spec.unit, spec.dataSource, spec.evidence, spec.category, id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "source", key: sourceKey,
                           action: "update", before: Self.json(before), after: Self.json(spec))
            return spec
        }
    }

    public func deleteSource(parkKey: String, sourceKey: String, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let (id, before) = try Self.visibleSource(db, park: park, key: sourceKey, caller: caller)
            guard caller.canEditSource(parkID: park.id, enterprise: before.enterprise) else {
                throw StoreError.forbidden("your role cannot delete source \(sourceKey)")
            }
            try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "source", key: sourceKey,
                           action: "delete", before: Self.json(before), after: nil)
        }
    }

    public func activity(parkKey: String, sourceKey: String, caller: Caller) async throws -> [ActivityRecord] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let (id, _) = try Self.visibleSource(db, park: park, key: sourceKey, caller: caller)
            return try Self.activityRecords(db, sourceID: id)
        }
    }

    static func activityRecords(_ db: Database, sourceID: Int64) throws -> [ActivityRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM activity WHERE source_id = ? ORDER BY year, month", arguments: [sourceID]).map { row in
            ActivityRecord(year: row["year"], month: row["month"], value: row["value"], dataSource: row["data_source"],
                           evidence: row["evidence"], recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
        }
    }

    /// Records activity values, all or nothing: one invalid value (or one source the caller may not
    /// change) and nothing is written. A value for a month replaces the earlier one (audited).
    public func recordActivity(parkKey: String, values: [ActivityInput], caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            var sources: [String: (id: Int64, spec: SourceSpec)] = [:]
            for (index, input) in values.enumerated() {
                let prefix = values.count == 1 ? "" : "rows[\(index)]."
                try StoreChecks.activity(input, prefix: prefix)
                let (sourceID, spec) = try sources[input.sourceKey] ?? Self.visibleSource(db, park: park, key: input.sourceKey, caller: caller)
                sources[input.sourceKey] = (sourceID, spec)
                guard caller.canEditSource(parkID: park.id, enterprise: spec.enterprise) else {
                    throw StoreError.forbidden("your role cannot record activity for source \(input.sourceKey)")
                }
                let before = try Double.fetchOne(db.cachedStatement(sql: "SELECT value FROM activity WHERE source_id = ? AND year = ? AND month = ?"),
                                                 arguments: [sourceID, input.year, input.month])
                try Self.upsertActivity(db, sourceID: sourceID, year: input.year, month: input.month, value: input.value,
                                        dataSource: input.dataSource, evidence: input.evidence, actor: caller.username, at: at)
                try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "activity",
                               key: "\(input.sourceKey)/\(input.year)-\(input.month)", action: before == nil ? "create" : "update",
                               before: before.map { String($0) }, after: String(input.value))
            }
        }
    }

    /// Deletes one activity value (a source's year and month), for those who may record it; audited.
    public func deleteActivity(parkKey: String, sourceKey: String, year: Int, month: Int, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let (sourceID, spec) = try Self.visibleSource(db, park: park, key: sourceKey, caller: caller)
            guard caller.canEditSource(parkID: park.id, enterprise: spec.enterprise) else {
                throw StoreError.forbidden("your role cannot change activity for source \(sourceKey)")
            }
            guard let before = try Double.fetchOne(db, sql: "SELECT value FROM activity WHERE source_id = ? AND year = ? AND month = ?",
                                                   arguments: [sourceID, year, month]) else {
                throw StoreError.notFound("activity \(sourceKey) \(year)-\(month)")
            }
            try db.execute(sql: "DELETE FROM activity WHERE source_id = ? AND year = ? AND month = ?", arguments: [sourceID, year, month])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "activity", key: "\(sourceKey)/\(year)-\(month)",
                           action: "delete", before: String(before), after: nil)
        }
    }

    static func upsertActivity(_ db: Database, sourceID: Int64, year: Int, month: Int, value: Double, dataSource: String?,
                               evidence: String?, actor: String, at: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO activity (source_id, year, month, value, data_source, evidence, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(source_id, year, month) DO UPDATE SET value = excluded.value, data_source = excluded.data_source,
            evidence = excluded.evidence, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
            """).execute(arguments: [sourceID, year, month, value, dataSource, evidence, actor, at])
    }
}
