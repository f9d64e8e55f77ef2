import Foundation
import GRDB
import ZeroParkCore

/// Sinks, offsets, and the park definition for one year, rebuilt from stored facts so that an
/// inventory is always recomputed from what is stored (DESIGN.md "Data flows one way").
extension SQLiteParkStore {
    static func insertSink(_ db: Database, parkID: Int64, sink: CarbonSink, year: Int?) throws {
        if try Row.fetchOne(db, sql: "SELECT 1 FROM sink WHERE park_id = ? AND key = ?", arguments: [parkID, sink.id]) != nil {
            throw StoreError.conflict("碳汇 \(sink.id) 已存在 / sink \(sink.id) exists")
        }
        switch sink.kind {
        case let .greenery(area, rate):
            try db.execute(sql: """
                INSERT INTO sink (park_id, key, name, kind, year, area_m2, rate_value, rate_unit, source) VALUES (?, ?, ?, 'greenery', NULL, ?, ?, ?, ?)
                """, arguments: [parkID, sink.id, sink.name, area, rate.value, rate.unit.symbol, sink.source])
        case let .ccus(captured, verification):
            try db.execute(sql: """
                INSERT INTO sink (park_id, key, name, kind, year, captured_value, captured_unit, verification, source) VALUES (?, ?, ?, 'ccus', ?, ?, ?, ?, ?)
                """, arguments: [parkID, sink.id, sink.name, year, captured.value, captured.unit.symbol, verification, sink.source])
        }
    }

    static func insertOffset(_ db: Database, parkID: Int64, offset: CarbonOffset, year: Int) throws {
        if try Row.fetchOne(db, sql: "SELECT 1 FROM offset_claim WHERE park_id = ? AND key = ?", arguments: [parkID, offset.id]) != nil {
            throw StoreError.conflict("碳抵消 \(offset.id) 已存在 / offset \(offset.id) exists")
        }
        // A registry reference is claimed once per park, across all years (1.1.7: a credit counts once).
        if let registryKey = offset.registryKey,
           let other = try String.fetchOne(db, sql: "SELECT key FROM offset_claim WHERE park_id = ? AND registry_key = ? LIMIT 1",
                                           arguments: [parkID, registryKey]) {
            throw StoreError.conflict("登记编号 \(offset.registryRef ?? registryKey) 已被碳抵消 \(other) 使用（一份减排量只计一次） / registry reference \(offset.registryRef ?? registryKey) is already claimed by offset \(other)")
        }
        try db.execute(sql: """
            INSERT INTO offset_claim (park_id, key, name, type, year, quantity_value, quantity_unit, vintage, local, retired,
            registry_ref, commitment_years, verification, project_province, retired_for, local_stated, registry_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [parkID, offset.id, offset.name, offset.type.rawValue, year, offset.quantity.value,
                             offset.quantity.unit.symbol, offset.vintage, offset.statedLocal ?? false, offset.retired?.description,
                             offset.registryRef, offset.commitmentYears, offset.verification, offset.projectProvince,
                             offset.retiredFor, offset.statedLocal, offset.registryKey])
    }

    public func sinks(parkKey: String, caller: Caller) async throws -> [CarbonSink] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.sinks(db, parkID: park.id, year: nil)
        }
    }

    public func offsets(parkKey: String, caller: Caller) async throws -> [(offset: CarbonOffset, year: Int)] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.offsets(db, parkID: park.id, year: nil)
        }
    }

    public func createSink(parkKey: String, sink: CarbonSink, year: Int?, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot add sinks") }
            try StoreChecks.sink(sink, year: year)
            try Self.insertSink(db, parkID: park.id, sink: sink, year: year)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "sink", key: sink.id, action: "create",
                           before: nil, after: Self.json(["kind": sink.kind.key, "name": sink.name]))
        }
    }

    public func createOffset(parkKey: String, offset: CarbonOffset, year: Int, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot add offsets") }
            try StoreChecks.offset(offset, year: year)
            try Self.insertOffset(db, parkID: park.id, offset: offset, year: year)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "offset", key: offset.id, action: "create",
                           before: nil, after: Self.json(["type": offset.type.rawValue, "tco2": String(offset.quantity.value)]))
        }
    }

    /// Deletes a sink (`entity` "sink") or offset (`entity` "offset").
    public func deleteSinkOrOffset(parkKey: String, entity: String, key: String, caller: Caller) async throws {
        let at = timestamp()
        let table = entity == "sink" ? "sink" : "offset_claim"
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot delete \(entity)s") }
            try db.execute(sql: "DELETE FROM \(table) WHERE park_id = ? AND key = ?", arguments: [park.id, key])
            guard db.changesCount > 0 else { throw StoreError.notFound("\(entity) \(key)") }
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: entity, key: key, action: "delete",
                           before: key, after: nil)
        }
    }

    static func sinks(_ db: Database, parkID: Int64, year: Int?) throws -> [CarbonSink] {
        try Row.fetchAll(db, sql: "SELECT * FROM sink WHERE park_id = ? ORDER BY id", arguments: [parkID]).compactMap { row in
            let sinkYear: Int? = row["year"]
            if let year, let sinkYear, sinkYear != year { return nil }
            let kind: CarbonSink.Kind
            if row["kind"] as String == "greenery" {
                guard let unit = try? QuantityUnit.parse(row["rate_unit"] ?? "") else { return nil }
                kind = .greenery(areaM2: row["area_m2"] ?? 0, rate: Quantity(row["rate_value"] ?? 0, unit))
            } else {
                guard let unit = try? QuantityUnit.parse(row["captured_unit"] ?? "") else { return nil }
                kind = .ccus(captured: Quantity(row["captured_value"] ?? 0, unit), verification: row["verification"])
            }
            return CarbonSink(id: row["key"], name: row["name"], kind: kind, source: row["source"])
        }
    }

    static func offsets(_ db: Database, parkID: Int64, year: Int?) throws -> [(offset: CarbonOffset, year: Int)] {
        var sql = "SELECT * FROM offset_claim WHERE park_id = ?"
        var arguments: StatementArguments = [parkID]
        if let year {
            sql += " AND year = ?"
            arguments += [year]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).compactMap { row in
            guard let type = OffsetType(rawValue: row["type"]), let unit = try? QuantityUnit.parse(row["quantity_unit"]) else { return nil }
            let retired: String? = row["retired"]
            let offset = CarbonOffset(id: row["key"], name: row["name"], type: type, quantity: Quantity(row["quantity_value"], unit),
                                      vintage: row["vintage"], local: row["local_stated"], projectProvince: row["project_province"],
                                      retired: retired.flatMap(CalendarDate.init(iso:)), retiredFor: row["retired_for"],
                                      registryRef: row["registry_ref"], commitmentYears: row["commitment_years"],
                                      verification: row["verification"])
            return (offset, row["year"])
        }
    }

    /// Years that have activity data, newest first.
    public func years(parkKey: String, caller: Caller) async throws -> [Int] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Int.fetchAll(db, sql: """
                SELECT DISTINCT a.year FROM activity a JOIN source s ON s.id = a.source_id WHERE s.park_id = ? ORDER BY a.year DESC
                """, arguments: [park.id])
        }
    }

    /// The park definition for a calendar year, as the caller may see it (a tenant: its own sources
    /// only; no offsets or sinks, which are the park's). A source's monthly values are used when
    /// any month is recorded (missing months count as 0 and are reported); else its annual value.
    /// Sources without data for the year are left out and listed in `missing`.
    public func definition(parkKey: String, year: Int, caller: Caller) async throws -> (definition: ParkDefinition, missing: [String]) {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.definition(db, parkID: park.id, year: year, caller: caller)
        }
    }

    /// The same for the public disclosure of a published park (whole park).
    public func publishedDefinition(parkKey: String, year: Int) async throws -> ParkDefinition? {
        try await pool.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM park WHERE key = ? AND published = 1", arguments: [parkKey]) else {
                return nil
            }
            return try Self.definition(db, parkID: id, year: year, caller: nil).definition
        }
    }

    static func definition(_ db: Database, parkID: Int64, year: Int, caller: Caller?) throws -> (definition: ParkDefinition, missing: [String]) {
        var stored = try storedPark(db, id: parkID)
        // The year's own area and output value, when the park recorded them (1.1.14).
        if let output = try yearOutputRow(db, parkID: parkID, year: year) {
            stored.profile.areaM2 = output.areaM2
            stored.profile.outputValueCNY = output.outputValueCNY
        }
        guard let period = AccountingPeriod(year: year) else { throw StoreError.invalid(field: "year", message: "不是有效年份：\(year) / not a valid year: \(year)") }
        let factors = try parkFactors(db, parkID: parkID)
        let fuels = try parkFuels(db, parkID: parkID)
        var sources: [EmissionSource] = []
        var missing: [String] = []
        let tenant = caller?.tenantEnterprise(parkID: parkID)
        // All of the year's activity in one query, grouped by source (no query per source).
        var valuesBySource: [Int64: [(month: Int, value: Double)]] = [:]
        let activityRows = try Row.fetchCursor(db, sql: """
            SELECT a.source_id, a.month, a.value FROM activity a JOIN source s ON s.id = a.source_id
            WHERE s.park_id = ? AND a.year = ?
            """, arguments: [parkID, year])
        while let row = try activityRows.next() {
            valuesBySource[row[0], default: []].append((row[1], row[2]))
        }
        var units: [String: QuantityUnit] = [:]
        let metered = try MeteredActivity.load(db, parkID: parkID, year: year)
        for row in try Row.fetchAll(db, sql: "SELECT * FROM source WHERE park_id = ? ORDER BY id", arguments: [parkID]) {
            var spec = sourceSpec(row)
            if let caller, !caller.canSeeSource(parkID: parkID, enterprise: spec.enterprise) { continue }
            var values = valuesBySource[row["id"] as Int64] ?? []
            let typedAnnualOnly = !values.isEmpty && values.allSatisfy { $0.month == 0 }
            if let meters = metered.bySource[spec.key], !meters.meters.isEmpty,
               !typedAnnualOnly || meters.months.allSatisfy({ $0 != nil }) {
                // Metered months replace typed-in months; the other months stay as typed. A typed annual
                // figure covers the whole year, so it gives way only to twelve metered months.
                let typed = Dictionary(values.filter { $0.month > 0 }.map { ($0.month, $0.value) }, uniquingKeysWith: { first, _ in first })
                values = (1...12).map { month in (month, meters.months[month - 1] ?? typed[month] ?? 0) }
                spec.dataSource = "计量表 meters: " + meters.meters.joined(separator: ", ") + (spec.dataSource.map { "; " + $0 } ?? "")
            }
            if units[spec.unit] == nil { units[spec.unit] = try? QuantityUnit.parse(spec.unit) }
            guard !values.isEmpty, let unit = units[spec.unit] else {
                missing.append(spec.key)
                continue
            }
            var monthly = [Double](repeating: 0, count: 12)
            var annual: Double?
            var hasMonths = false
            for value in values {
                if value.month == 0 { annual = value.value } else { monthly[value.month - 1] = value.value; hasMonths = true }
            }
            guard let source = spec.emissionSource(unit: unit, values: hasMonths ? .monthly(monthly) : .total(annual ?? 0)) else {
                missing.append(spec.key)
                continue
            }
            sources.append(source)
        }
        let sinks = tenant == nil ? try sinks(db, parkID: parkID, year: year) : []
        let offsets = tenant == nil ? try offsets(db, parkID: parkID, year: year).map(\.offset) : []
        // A tenant sees the certificates on its own sources only.
        let visible = Set(sources.map(\.id))
        let certificates = try certificates(db, parkID: parkID, year: year).map(\.certificate).filter { visible.contains($0.source) }
        let definition = ParkDefinition(profile: stored.profile, period: period, factors: factors, fuels: fuels,
                                        sources: sources, sinks: sinks, offsets: offsets,
                                        certificates: certificates, rules: stored.rules)
        return (definition, missing)
    }
}

extension SQLiteParkStore {
    /// Replaces a sink (same key), in one audited transaction.
    public func updateSink(parkKey: String, sink: CarbonSink, year: Int?, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot change sinks") }
            try StoreChecks.sink(sink, year: year)
            let before = try Self.sinks(db, parkID: park.id, year: nil).first { $0.id == sink.id }
            guard let before else { throw StoreError.notFound("sink \(sink.id)") }
            try db.execute(sql: "DELETE FROM sink WHERE park_id = ? AND key = ?", arguments: [park.id, sink.id])
            try Self.insertSink(db, parkID: park.id, sink: sink, year: year)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "sink", key: sink.id, action: "update",
                           before: Self.json(Self.describe(before)), after: Self.json(Self.describe(sink)))
        }
    }

    /// Replaces an offset claim (same key), in one audited transaction.
    public func updateOffset(parkKey: String, offset: CarbonOffset, year: Int, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot change offsets") }
            try StoreChecks.offset(offset, year: year)
            guard let before = try Self.offsets(db, parkID: park.id, year: nil).first(where: { $0.offset.id == offset.id }) else {
                throw StoreError.notFound("offset \(offset.id)")
            }
            try db.execute(sql: "DELETE FROM offset_claim WHERE park_id = ? AND key = ?", arguments: [park.id, offset.id])
            try Self.insertOffset(db, parkID: park.id, offset: offset, year: year)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "offset", key: offset.id, action: "update",
                           before: Self.json(Self.describe(before.offset, year: before.year)), after: Self.json(Self.describe(offset, year: year)))
        }
    }

    static func describe(_ sink: CarbonSink) -> [String: String] {
        switch sink.kind {
        case let .greenery(area, rate): return ["name": sink.name, "kind": "greenery", "area_m2": String(area), "rate": rate.description]
        case let .ccus(captured, _): return ["name": sink.name, "kind": "ccus", "captured": captured.description]
        }
    }

    static func describe(_ offset: CarbonOffset, year: Int) -> [String: String] {
        ["name": offset.name, "type": offset.type.rawValue, "quantity": offset.quantity.description, "year": String(year),
         "retired": offset.retired?.description ?? "", "commitment_years": offset.commitmentYears.map(String.init) ?? "",
         "project_province": offset.projectProvince ?? "", "retired_for": offset.retiredFor ?? "", "registry_ref": offset.registryRef ?? ""]
    }

    /// The members of a park with their roles (park admins).
    public func members(parkKey: String, caller: Caller) async throws -> [Member] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.role(parkID: park.id) == .admin else { throw StoreError.forbidden("only park admins see members") }
            return try Row.fetchAll(db, sql: """
                SELECT u.username, u.display_name, m.role, m.enterprise FROM membership m JOIN user u ON u.id = m.user_id
                WHERE m.park_id = ? ORDER BY u.username
                """, arguments: [park.id]).compactMap { row in
                ParkRole(rawValue: row[2]).map { Member(username: row[0], displayName: row[1], role: $0, enterprise: row[3]) }
            }
        }
    }

    /// Gives a user a role in a park, as a park admin (audited with the admin's name).
    public func grant(parkKey: String, username: String, role: ParkRole, enterprise: String?, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.role(parkID: park.id) == .admin else { throw StoreError.forbidden("only park admins manage members") }
            guard let userID = try Int64.fetchOne(db, sql: "SELECT id FROM user WHERE username = ?", arguments: [username]) else {
                throw StoreError.invalid(field: "username", message: "没有用户 \(username) / no user \(username)")
            }
            let enterprise = role == .tenant ? try Self.tenantEnterprise(db, parkID: park.id, enterprise) : nil
            let before = try String.fetchOne(db, sql: "SELECT role FROM membership WHERE user_id = ? AND park_id = ?", arguments: [userID, park.id])
            try db.execute(sql: """
                INSERT INTO membership (user_id, park_id, role, enterprise) VALUES (?, ?, ?, ?)
                ON CONFLICT(user_id, park_id) DO UPDATE SET role = excluded.role, enterprise = excluded.enterprise
                """, arguments: [userID, park.id, role.rawValue, role == .tenant ? enterprise : nil])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "membership", key: username, action: "grant",
                           before: before, after: role.rawValue + (role == .tenant ? ":\(enterprise ?? "")" : ""))
        }
    }
}

/// A park member as shown to park admins.
public struct Member: Codable, Hashable, Sendable {
    public let username: String
    public let displayName: String
    public let role: ParkRole
    public let enterprise: String?
}
