import Foundation
import GRDB
import ZeroParkCore

/// Editing a stored park's profile and its own factors (park admins and managers), audited.
extension SQLiteParkStore {
    /// The park's own factors (those its park file defines or that were added since).
    public func parkFactors(parkKey: String, caller: Caller) async throws -> [ParkFactor] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.parkFactors(db, parkID: park.id)
        }
    }

    static func parkFactors(_ db: Database, parkID: Int64) throws -> [ParkFactor] {
        try Row.fetchAll(db, sql: "SELECT * FROM park_factor WHERE park_id = ? ORDER BY key", arguments: [parkID]).compactMap { row in
            guard let unit = try? QuantityUnit.parse(row["unit"]) else { return nil }
            return ParkFactor(id: row["key"], value: row["value"], unit: unit, source: row["source"])
        }
    }

    /// Adds or replaces a park factor. Its source is required (1.1.2(b), 1.1.2(e)).
    public func saveParkFactor(parkKey: String, factor: ParkFactor, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot change park factors") }
            try StoreChecks.factor(factor)
            guard !factor.source.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StoreError.invalid(field: "source", message: "每个因子都须写明出处（1.1.2(b)） / every factor needs its source (1.1.2(b))")
            }
            let before = try Row.fetchOne(db, sql: "SELECT value, unit, source FROM park_factor WHERE park_id = ? AND key = ?",
                                          arguments: [park.id, factor.id])
            try db.execute(sql: """
                INSERT INTO park_factor (park_id, key, value, unit, source) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(park_id, key) DO UPDATE SET value = excluded.value, unit = excluded.unit, source = excluded.source
                """, arguments: [park.id, factor.id, factor.value, factor.unit.symbol, factor.source])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "park_factor", key: factor.id,
                           action: before == nil ? "create" : "update",
                           before: before.flatMap { Self.json(["value": String($0["value"] as Double), "unit": $0["unit"], "source": $0["source"]] as [String: String]) },
                           after: Self.json(["value": String(factor.value), "unit": factor.unit.symbol, "source": factor.source]))
        }
    }

    public func deleteParkFactor(parkKey: String, factorKey: String, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot change park factors") }
            // A factor that only the park defines cannot go while a source still names it.
            if !FactorLibrary.builtIn.contains(factorID: factorKey) {
                let gridKey = factorKey.hasPrefix("grid.") ? String(factorKey.dropFirst(5)) : nil
                let users = try String.fetchAll(db, sql: """
                    SELECT s.key FROM source s JOIN park p ON p.id = s.park_id WHERE s.park_id = ?
                    AND (s.factor = ? OR (? IS NOT NULL AND (s.grid = ? OR (s.grid IS NULL AND p.province = ?))))
                    """, arguments: [park.id, factorKey, gridKey, gridKey, gridKey])
                if !users.isEmpty {
                    throw StoreError.conflict("因子 \(factorKey) 正被排放源 \(users.joined(separator: "、")) 使用 / factor \(factorKey) is used by source \(users.joined(separator: ", "))")
                }
            }
            try db.execute(sql: "DELETE FROM park_factor WHERE park_id = ? AND key = ?", arguments: [park.id, factorKey])
            guard db.changesCount > 0 else { throw StoreError.notFound("factor \(factorKey)") }
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "park_factor", key: factorKey, action: "delete",
                           before: factorKey, after: nil)
        }
    }

    /// Replaces the park's profile (its key stays): name, type, province, area, output value, boundary evidence (1.1.1).
    public func updateProfile(parkKey: String, profile input: ParkProfile, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.role(parkID: park.id) == .admin else { throw StoreError.forbidden("only park admins change the park profile") }
            guard !input.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid(field: "name", message: "必填 / is required") }
            try StoreChecks.profile(input)
            guard input.areaM2.isFinite, input.areaM2 > 0 else { throw StoreError.invalid(field: "area_m2", message: "须大于 0 / must be greater than 0") }
            if let output = input.outputValueCNY, !(output.isFinite && output >= 0) {
                throw StoreError.invalid(field: "output_value_cny", message: "须为不小于 0 的数 / must be a number ≥ 0")
            }
            if let province = input.province {
                let parkDefined = try Row.fetchOne(db, sql: "SELECT 1 FROM park_factor WHERE park_id = ? AND key = ?",
                                                   arguments: [park.id, "grid.\(province)"]) != nil
                guard FactorLibrary.builtIn.gridArea(province)?.isProvince == true || parkDefined else {
                    throw StoreError.invalid(field: "province", message: "未知的省份“\(province)” / unknown province \"\(province)\"")
                }
            }
            let before = try Self.storedPark(db, id: park.id).profile
            try db.execute(sql: """
                UPDATE park SET name = ?, name_en = ?, type = ?, province = ?, area_m2 = ?, output_value_cny = ?, boundary_evidence = ?
                WHERE id = ?
                """, arguments: [input.name, input.nameEn, input.type.rawValue, input.province, input.areaM2, input.outputValueCNY,
                                 Self.json(input.boundaryEvidence) ?? "[]", park.id])
            func describe(_ profile: ParkProfile) -> [String: String] {
                ["name": profile.name, "type": profile.type.rawValue, "province": profile.province ?? "", "area_m2": String(profile.areaM2),
                 "output_value_cny": profile.outputValueCNY.map { String($0) } ?? "", "boundary_evidence": profile.boundaryEvidence.joined(separator: "; ")]
            }
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "park", key: parkKey, action: "update",
                           before: Self.json(describe(before)), after: Self.json(describe(input)))
        }
    }
}

extension SQLiteParkStore {
    /// The park's own fuels (GB/T 32150 parameters), e.g. biogas.
    public func parkFuels(parkKey: String, caller: Caller) async throws -> [FuelDefinition] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.parkFuels(db, parkID: park.id)
        }
    }

    static func parkFuels(_ db: Database, parkID: Int64) throws -> [FuelDefinition] {
        try Row.fetchAll(db, sql: "SELECT * FROM park_fuel WHERE park_id = ? ORDER BY key", arguments: [parkID]).compactMap { row in
            guard let ncvUnit = try? QuantityUnit.parse(row["ncv_unit"]), let ccUnit = try? QuantityUnit.parse(row["cc_unit"]) else { return nil }
            let coalUnit: String? = row["coal_unit"]
            let coal: Quantity? = coalUnit.flatMap { try? QuantityUnit.parse($0) }.map { Quantity(row["coal_value"] ?? 0, $0) }
            return FuelDefinition(id: row["key"], name: row["name"], ncv: Quantity(row["ncv_value"], ncvUnit),
                                  carbonContent: Quantity(row["cc_value"], ccUnit), oxidation: row["oxidation"],
                                  biogenic: row["biogenic"], coalCoefficient: coal, source: row["source"])
        }
    }

    /// Adds or replaces a park fuel (admins, managers); its source is required.
    public func saveParkFuel(parkKey: String, fuel: FuelDefinition, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot change park fuels") }
            try StoreChecks.fuel(fuel)
            guard fuel.oxidation > 0, fuel.oxidation <= 1 else { throw StoreError.invalid(field: "oxidation", message: "须在 (0, 1] 之内 / must be in (0, 1]") }
            guard fuel.ncv.value.isFinite, fuel.ncv.value >= 0, fuel.carbonContent.value.isFinite, fuel.carbonContent.value >= 0 else {
                throw StoreError.invalid(field: "ncv", message: "低位发热量与含碳量须为不小于 0 的数 / NCV and carbon content must be numbers ≥ 0")
            }
            guard !fuel.source.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw StoreError.invalid(field: "source", message: "每种燃料都须写明出处（1.1.2(b)） / every fuel needs its source (1.1.2(b))")
            }
            let existed = try Row.fetchOne(db, sql: "SELECT 1 FROM park_fuel WHERE park_id = ? AND key = ?", arguments: [park.id, fuel.id]) != nil
            try db.execute(sql: "DELETE FROM park_fuel WHERE park_id = ? AND key = ?", arguments: [park.id, fuel.id])
            try db.execute(sql: """
                INSERT INTO park_fuel (park_id, key, name, ncv_value, ncv_unit, cc_value, cc_unit, oxidation, biogenic, coal_value, coal_unit, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [park.id, fuel.id, fuel.name, fuel.ncv.value, fuel.ncv.unit.symbol, fuel.carbonContent.value,
                                 fuel.carbonContent.unit.symbol, fuel.oxidation, fuel.biogenic, fuel.coalCoefficient?.value,
                                 fuel.coalCoefficient?.unit.symbol, fuel.source])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "park_fuel", key: fuel.id,
                           action: existed ? "update" : "create", before: nil,
                           after: Self.json(["ncv": fuel.ncv.description, "carbon_content": fuel.carbonContent.description,
                                             "oxidation": String(fuel.oxidation), "biogenic": String(fuel.biogenic), "source": fuel.source]))
        }
    }

    /// Removes a park fuel; refused (409) while a source burns it and the library has no fuel of that id.
    public func deleteParkFuel(parkKey: String, fuelKey: String, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot change park fuels") }
            if FactorLibrary.builtIn.fuel(fuelKey) == nil {
                let users = try String.fetchAll(db, sql: "SELECT key FROM source WHERE park_id = ? AND fuel = ?", arguments: [park.id, fuelKey])
                if !users.isEmpty { throw StoreError.conflict("燃料 \(fuelKey) 正被排放源 \(users.joined(separator: "、")) 使用 / fuel \(fuelKey) is used by source \(users.joined(separator: ", "))") }
            }
            try db.execute(sql: "DELETE FROM park_fuel WHERE park_id = ? AND key = ?", arguments: [park.id, fuelKey])
            guard db.changesCount > 0 else { throw StoreError.notFound("fuel \(fuelKey)") }
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "park_fuel", key: fuelKey, action: "delete",
                           before: fuelKey, after: nil)
        }
    }
}
