import Foundation
import GRDB

/// One kind of measure with the park's own figures (issue #10 item 2): the category key and the entry as
/// JSON (`ParkCatalogueEntry` of ZeroParkPlanning, checked by the caller before it is stored), with who
/// set it and when.
public struct StoredCatalogueEntry: Codable, Hashable, Sendable {
    public let category: String
    public let json: String
    public let updatedAt: String
    public let updatedBy: String
}

extension SQLiteParkStore {
    /// Sets (or replaces) the park's figures for one kind of measure. Park admins and managers; audited.
    public func setCatalogueEntry(parkKey: String, category: String, json: String, caller: Caller) async throws -> StoredCatalogueEntry {
        try StoreChecks.key(category, "category")
        guard json.utf8.count <= 16 << 10 else { throw StoreError.invalid(field: "entry", message: "至多 16 KiB / at most 16 KiB") }
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot edit the measures catalogue") }
            let before = try Self.catalogueRow(db, parkID: park.id, category: category)
            try db.execute(sql: """
                INSERT INTO park_catalogue (park_id, category, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(park_id, category) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, arguments: [park.id, category, json, at, caller.username])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "catalogue", key: category,
                           action: before == nil ? "create" : "update", before: before?.json, after: json)
            return StoredCatalogueEntry(category: category, json: json, updatedAt: at, updatedBy: caller.username)
        }
    }

    /// Removes the park's figures for one kind of measure (the built-in entry stays). 404 when none is set.
    public func removeCatalogueEntry(parkKey: String, category: String, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot edit the measures catalogue") }
            guard let before = try Self.catalogueRow(db, parkID: park.id, category: category) else {
                throw StoreError.notFound("catalogue entry \(category)")
            }
            try db.execute(sql: "DELETE FROM park_catalogue WHERE park_id = ? AND category = ?", arguments: [park.id, category])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "catalogue", key: category, action: "delete",
                           before: before.json, after: nil)
        }
    }

    /// The park's figures, by category (every member but tenants).
    public func catalogueEntries(parkKey: String, caller: Caller) async throws -> [StoredCatalogueEntry] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM park_catalogue WHERE park_id = ? ORDER BY category", arguments: [park.id]).map(Self.catalogueEntry)
        }
    }

    static func catalogueRow(_ db: Database, parkID: Int64, category: String) throws -> StoredCatalogueEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM park_catalogue WHERE park_id = ? AND category = ?", arguments: [parkID, category]).map(catalogueEntry)
    }

    static func catalogueEntry(_ row: Row) -> StoredCatalogueEntry {
        StoredCatalogueEntry(category: row["category"], json: row["body"], updatedAt: row["updated_at"], updatedBy: row["updated_by"])
    }
}
