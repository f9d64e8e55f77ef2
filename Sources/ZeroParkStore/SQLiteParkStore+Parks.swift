import Foundation
import GRDB
import ZeroParkCore

/// Parks: listing, reading, importing a whole park definition (a park file), publishing.
extension SQLiteParkStore {
    /// The parks the caller can read (all of them for a system administrator).
    public func parks(for caller: Caller) async throws -> [ParkSummary] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM park ORDER BY id").compactMap { row in
                let id: Int64 = row["id"]
                guard caller.canRead(parkID: id) else { return nil }
                return Self.summary(row, role: caller.role(parkID: id))
            }
        }
    }

    /// Parks that chose to publish their disclosure (1.1.2(d)).
    public func publishedParks() async throws -> [ParkSummary] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM park WHERE published = 1 ORDER BY id").map { Self.summary($0, role: nil) }
        }
    }

    static func summary(_ row: Row, role: ParkRole?) -> ParkSummary {
        ParkSummary(id: row["id"], key: row["key"], name: row["name"], nameEn: row["name_en"], type: row["type"],
                    province: row["province"], published: row["published"], defaultYear: row["default_year"], role: role)
    }

    public func park(key: String, caller: Caller) async throws -> StoredPark {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: key, caller: caller)
            return try Self.storedPark(db, id: park.id)
        }
    }

    /// A published park for the public disclosure page; nil when unknown or unpublished.
    public func publishedPark(key: String) async throws -> StoredPark? {
        try await pool.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM park WHERE key = ? AND published = 1", arguments: [key]) else {
                return nil
            }
            return try Self.storedPark(db, id: id)
        }
    }

    static func storedPark(_ db: Database, id: Int64) throws -> StoredPark {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM park WHERE id = ?"), arguments: [id]) else {
            throw StoreError.notFound("park \(id)")
        }
        let evidence = (try? JSONDecoder().decode([String].self, from: Data((row["boundary_evidence"] as String).utf8))) ?? []
        let enterprises = try Row.fetchAll(db.cachedStatement(sql: "SELECT key, name FROM enterprise WHERE park_id = ? ORDER BY key"), arguments: [id])
            .map { Enterprise(key: $0[0], name: $0[1]) }
        let profile = ParkProfile(id: row["key"], name: row["name"], nameEn: row["name_en"],
                                  type: ParkType(rawValue: row["type"]) ?? .industrialPark, province: row["province"],
                                  areaM2: row["area_m2"], outputValueCNY: row["output_value_cny"], boundaryEvidence: evidence)
        return StoredPark(id: id, profile: profile, published: row["published"], reductionTarget: row["reduction_target"],
                          defaultYear: row["default_year"], enterprises: enterprises,
                          rules: rules(fromJSON: row["accounting_rules"]))
    }

    /// Stores a whole park definition (a park file): profile, factors, fuels, sources with their
    /// activity for the period's year, sinks and offsets. With `replace`, an existing park of the same
    /// key is replaced (park admins only); otherwise a taken key is a conflict. New parks need a system
    /// administrator. One transaction: a failure stores nothing.
    @discardableResult
    public func importPark(_ definition: ParkDefinition, caller: Caller, replace: Bool = false,
                           enterprises: [Enterprise] = []) async throws -> Int64 {
        let at = timestamp()
        return try await pool.write { db in
            let key = definition.profile.id
            try StoreChecks.definition(definition)
            // One refusal for "not yours" whether the park exists or not, so existence does not leak.
            let notYours = StoreError.forbidden("only system administrators create parks; park admins replace their own")
            var before: String?
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM park WHERE key = ?", arguments: [key]) {
                guard caller.role(parkID: existing) == .admin else { throw notYours }
                guard replace else { throw StoreError.conflict("园区 \(key) 已存在 / park \(key) exists") }
                before = Self.json(["park": key, "replaced": "true"])
                // Keep members, published flag and history; replace the data.
                for table in ["park_factor", "park_fuel", "source", "sink", "offset_claim", "green_certificate", "enterprise"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE park_id = ?", arguments: [existing])
                }
                try Self.updateProfile(db, id: existing, definition: definition)
                try Self.insertContents(db, parkID: existing, definition: definition, enterprises: enterprises, actor: caller.username, at: at)
                try Self.registerParkFileMeters(db, parkID: existing, parkKey: key, meters: definition.meters, actor: caller.username, at: at)
                try Self.audit(db, at: at, actor: caller.username, parkID: existing, entity: "park", key: key, action: "replace",
                               before: before, after: Self.json(["sources": String(definition.sources.count)]))
                return existing
            }
            guard caller.isSystemAdmin else { throw notYours }
            let profile = definition.profile
            try db.execute(sql: """
                INSERT INTO park (key, name, name_en, type, province, area_m2, output_value_cny, boundary_evidence, default_year, created_at,
                accounting_rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [key, profile.name, profile.nameEn, profile.type.rawValue, profile.province, profile.areaM2,
                                 profile.outputValueCNY, Self.json(profile.boundaryEvidence) ?? "[]", definition.period.factorYear, at,
                                 Self.rulesJSON(definition.rules)])
            let parkID = db.lastInsertedRowID
            try Self.insertContents(db, parkID: parkID, definition: definition, enterprises: enterprises, actor: caller.username, at: at)
            try Self.registerParkFileMeters(db, parkID: parkID, parkKey: key, meters: definition.meters, actor: caller.username, at: at)
            try Self.audit(db, at: at, actor: caller.username, parkID: parkID, entity: "park", key: key, action: "create",
                           before: nil, after: Self.json(["name": profile.name, "sources": String(definition.sources.count)]))
            return parkID
        }
    }

    /// The rules as stored: a JSON object of the settings that differ from the defaults.
    static func rulesJSON(_ rules: AccountingRules) -> String {
        json(Dictionary(uniqueKeysWithValues: rules.changedSettings.map { ($0.key, $0.value) })) ?? "{}"
    }

    /// Stored rules back; a key or value this version does not know keeps its default (the store
    /// only ever wrote what `AccountingRules.set` accepted).
    static func rules(fromJSON text: String) -> AccountingRules {
        var rules = AccountingRules.standard
        let settings = (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
        for key in AccountingRules.keys { if let value = settings[key] { _ = rules.set(key, to: value) } }
        return rules
    }

    static func updateProfile(_ db: Database, id: Int64, definition: ParkDefinition) throws {
        let profile = definition.profile
        try db.execute(sql: """
            UPDATE park SET name = ?, name_en = ?, type = ?, province = ?, area_m2 = ?, output_value_cny = ?,
            boundary_evidence = ?, default_year = ?, accounting_rules = ? WHERE id = ?
            """, arguments: [profile.name, profile.nameEn, profile.type.rawValue, profile.province, profile.areaM2,
                             profile.outputValueCNY, json(profile.boundaryEvidence) ?? "[]", definition.period.factorYear,
                             rulesJSON(definition.rules), id])
    }

    static func insertContents(_ db: Database, parkID: Int64, definition: ParkDefinition, enterprises: [Enterprise],
                               actor: String, at: String) throws {
        var enterpriseKeys = Set(enterprises.map(\.key))
        // Every enterprise the park will have, so that a key `E.…` is checked against E wherever it stands.
        let allEnterprises = enterpriseKeys.union(definition.sources.compactMap(\.enterprise))
        for enterprise in enterprises {
            try db.execute(sql: "INSERT INTO enterprise (park_id, key, name) VALUES (?, ?, ?)", arguments: [parkID, enterprise.key, enterprise.name])
        }
        for factor in definition.factors {
            try db.execute(sql: "INSERT INTO park_factor (park_id, key, value, unit, source) VALUES (?, ?, ?, ?, ?)",
                           arguments: [parkID, factor.id, factor.value, factor.unit.symbol, factor.source])
        }
        for fuel in definition.fuels {
            try db.execute(sql: """
                INSERT INTO park_fuel (park_id, key, name, ncv_value, ncv_unit, cc_value, cc_unit, oxidation, biogenic, coal_value, coal_unit, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [parkID, fuel.id, fuel.name, fuel.ncv.value, fuel.ncv.unit.symbol, fuel.carbonContent.value,
                                 fuel.carbonContent.unit.symbol, fuel.oxidation, fuel.biogenic, fuel.coalCoefficient?.value,
                                 fuel.coalCoefficient?.unit.symbol, fuel.source])
        }
        let year = definition.period.factorYear
        for source in definition.sources {
            let spec = try SourceSpec(source).validated()
            try spec.checkNamespace(enterprises: allEnterprises)
            if let enterprise = spec.enterprise, !enterpriseKeys.contains(enterprise) {
                try db.execute(sql: "INSERT INTO enterprise (park_id, key, name) VALUES (?, ?, ?)", arguments: [parkID, enterprise, enterprise])
                enterpriseKeys.insert(enterprise)
            }
            let sourceID = try insertSource(db, parkID: parkID, spec: spec)
            switch source.activity.values {
            case let .total(value):
                try upsertActivity(db, sourceID: sourceID, year: year, month: 0, value: value, dataSource: source.dataSource,
                                   evidence: source.evidence, actor: actor, at: at)
            case let .monthly(values):
                for (index, value) in values.enumerated() {
                    try upsertActivity(db, sourceID: sourceID, year: year, month: index + 1, value: value,
                                       dataSource: source.dataSource, evidence: source.evidence, actor: actor, at: at)
                }
            }
        }
        for sink in definition.sinks {
            try insertSink(db, parkID: parkID, sink: sink, year: year)
        }
        for offset in definition.offsets {
            try insertOffset(db, parkID: parkID, offset: offset, year: year)
        }
        for certificate in definition.certificates {
            try insertCertificate(db, parkID: parkID, certificate: certificate, year: year)
        }
    }

    /// Publishes (or withdraws) a park's disclosure page with its reduction target (1.1.2(d)).
    public func setPublished(parkKey: String, published: Bool, reductionTarget: String?, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.role(parkID: park.id) == .admin else { throw StoreError.forbidden("only park admins publish") }
            try StoreChecks.text(reductionTarget, "reduction_target", .note)
            try db.execute(sql: "UPDATE park SET published = ?, reduction_target = ? WHERE id = ?",
                           arguments: [published, reductionTarget, park.id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "park", key: parkKey,
                           action: published ? "publish" : "unpublish", before: nil, after: reductionTarget)
        }
    }
}
