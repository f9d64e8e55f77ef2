import Foundation
import GRDB

/// The park's electricity tariff as the park set it (issue #9 item 1; STANDARD.md 1.1.36): the
/// scenario's `tariff` section (a built-in tariff id and what the park supplies for it — base price,
/// user class, demand charge, export terms, holidays) stored as its JSON text, checked by the caller
/// (`ScenarioReader`) before it is stored. Monitoring cost, the dispatch page and the studies read it.
public struct ParkTariffSetting: Codable, Hashable, Sendable {
    /// The `tariff` section, JSON.
    public let json: String
    public let updatedAt: String
    public let updatedBy: String
}

extension SQLiteParkStore {
    /// Most bytes of a stored tariff section (holiday and critical-peak date lists included).
    public static let maxTariffBytes = 64 << 10

    /// Sets (or replaces) the park's tariff. Park admins and managers; audited.
    public func setParkTariff(parkKey: String, json: String, caller: Caller) async throws -> ParkTariffSetting {
        guard json.utf8.count <= Self.maxTariffBytes else {
            throw StoreError.invalid(field: "tariff", message: "至多 \(Self.maxTariffBytes) 字节 / at most \(Self.maxTariffBytes) bytes")
        }
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot set the park's tariff") }
            let before = try Self.parkTariffRow(db, parkID: park.id)
            try db.execute(sql: """
                INSERT INTO park_tariff (park_id, body, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT(park_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, arguments: [park.id, json, at, caller.username])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "tariff", key: parkKey,
                           action: before == nil ? "create" : "update", before: before?.json, after: json)
            return ParkTariffSetting(json: json, updatedAt: at, updatedBy: caller.username)
        }
    }

    /// The park's tariff, nil when none is set. Every member but tenants (a tenant's bill is not the park's).
    public func parkTariff(parkKey: String, caller: Caller) async throws -> ParkTariffSetting? {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { return nil }
            return try Self.parkTariffRow(db, parkID: park.id)
        }
    }

    static func parkTariffRow(_ db: Database, parkID: Int64) throws -> ParkTariffSetting? {
        try Row.fetchOne(db, sql: "SELECT * FROM park_tariff WHERE park_id = ?", arguments: [parkID]).map {
            ParkTariffSetting(json: $0["body"], updatedAt: $0["updated_at"], updatedBy: $0["updated_by"])
        }
    }
}
