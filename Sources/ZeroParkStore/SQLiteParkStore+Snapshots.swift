import Foundation
import GRDB
import ZeroParkCore
import ZeroParkInput

/// Immutable inventory snapshots with the hashes of their inputs and outputs (lineage).
extension SQLiteParkStore {
    /// Saves a snapshot: `inputParkFile` is the park file of exactly the inputs used, `document` the
    /// inventory JSON. Managers and admins only.
    public func saveSnapshot(parkKey: String, year: Int, inputParkFile: String, document: String, emissionsTco2: Double,
                             netTco2: Double, context: String? = nil, caller: Caller) async throws -> InventorySnapshot {
        if let context, context.utf8.count > 1 << 20 { throw StoreError.invalid(field: "context", message: "至多 1 MiB / at most 1 MiB") }
        let at = timestamp()
        let inputHash = Self.sha256(inputParkFile)
        let outputHash = Self.sha256(document)
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot save inventory snapshots") }
            try StoreChecks.integer(year, "year", Domain.year)
            try db.execute(sql: """
                INSERT INTO inventory_snapshot (park_id, year, created_at, created_by, input_hash, output_hash, input_park_file, document, emissions_tco2, net_tco2, context)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [park.id, year, at, caller.username, inputHash, outputHash, inputParkFile, document, emissionsTco2, netTco2, context])
            let id = db.lastInsertedRowID
            _ = try Ledger.append(db, parkID: park.id, kind: .snapshot, refID: id,
                                  content: Ledger.snapshotContent(parkKey: park.key, year: year, createdAt: at, createdBy: caller.username,
                                                                  inputParkFile: inputParkFile, document: document), at: at)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "inventory_snapshot", key: String(id),
                           action: "create", before: nil, after: Self.json(["input_hash": inputHash, "output_hash": outputHash]))
            return InventorySnapshot(id: id, parkKey: parkKey, year: year, createdAt: at, createdBy: caller.username, inputHash: inputHash,
                                     outputHash: outputHash, emissionsTco2: emissionsTco2, netTco2: netTco2,
                                     inputParkFile: inputParkFile, document: document, context: context)
        }
    }

    public func snapshots(parkKey: String, caller: Caller) async throws -> [InventorySnapshot] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT id, year, created_at, created_by, input_hash, output_hash, emissions_tco2, net_tco2,
                json_extract(document, '$.factor_library') AS factor_library
                FROM inventory_snapshot WHERE park_id = ? ORDER BY id DESC
                """, arguments: [park.id]).map { row in
                InventorySnapshot(id: row["id"], parkKey: parkKey, year: row["year"], createdAt: row["created_at"],
                                  createdBy: row["created_by"], inputHash: row["input_hash"], outputHash: row["output_hash"],
                                  emissionsTco2: row["emissions_tco2"], netTco2: row["net_tco2"], inputParkFile: nil, document: nil,
                                  factorLibrary: row["factor_library"])
            }
        }
    }

    public func snapshot(parkKey: String, id: Int64, caller: Caller) async throws -> InventorySnapshot {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil,
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM inventory_snapshot WHERE park_id = ? AND id = ?", arguments: [park.id, id]) else {
                throw StoreError.notFound("snapshot \(id)")
            }
            return InventorySnapshot(id: row["id"], parkKey: parkKey, year: row["year"], createdAt: row["created_at"],
                                     createdBy: row["created_by"], inputHash: row["input_hash"], outputHash: row["output_hash"],
                                     emissionsTco2: row["emissions_tco2"], netTco2: row["net_tco2"],
                                     inputParkFile: row["input_park_file"], document: row["document"], context: row["context"])
        }
    }
}

extension SQLiteParkStore {
    /// A number that changes whenever anything of the park changes: the id of its latest audit-log
    /// row (every write is audited in its own transaction) plus its telemetry version (cleaned meter
    /// data). Caches of computed results key on it.
    public func dataVersion(parkKey: String, caller: Caller) async throws -> Int64 {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            // Both parts only grow, so their sum changes whenever either does (the cleaner bumps the
            // telemetry version when meter-backed activity may have changed).
            return try Int64.fetchOne(db, sql: """
                SELECT COALESCE((SELECT MAX(id) FROM audit_log WHERE park_id = ?1), 0)
                     + COALESCE((SELECT version FROM telemetry_version WHERE park_id = ?1), 0)
                """, arguments: [park.id]) ?? 0
        }
    }
}

/// The snapshot a park discloses, and when and by whom it was published (issue #12 defect 10).
public struct PublishedSnapshot: Sendable, Hashable {
    public let snapshot: InventorySnapshot
    public let publishedAt: String
    public let publishedBy: String
}

extension SQLiteParkStore {
    /// Publishes one of the park's snapshots on its disclosure, or withdraws it (nil). Park admins; audited.
    public func publishSnapshot(parkKey: String, snapshotID: Int64?, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.role(parkID: park.id) == .admin else { throw StoreError.forbidden("只有园区管理员可以公开快照 / only park admins publish") }
            if let snapshotID {
                guard try Int.fetchOne(db, sql: "SELECT 1 FROM inventory_snapshot WHERE park_id = ? AND id = ?", arguments: [park.id, snapshotID]) != nil else {
                    throw StoreError.notFound("snapshot \(snapshotID)")
                }
                try db.execute(sql: """
                    INSERT INTO published_snapshot (park_id, snapshot_id, published_at, published_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT(park_id) DO UPDATE SET snapshot_id = excluded.snapshot_id, published_at = excluded.published_at,
                    published_by = excluded.published_by
                    """, arguments: [park.id, snapshotID, at, caller.username])
            } else {
                try db.execute(sql: "DELETE FROM published_snapshot WHERE park_id = ?", arguments: [park.id])
            }
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "published_snapshot", key: parkKey,
                           action: snapshotID == nil ? "delete" : "update", before: nil, after: snapshotID.map(String.init))
        }
    }

    /// The published snapshot of a park, with its input park file and context: for anyone when the park is
    /// published (`caller` nil), for its members but tenants otherwise; nil when none is published.
    public func publishedSnapshot(parkKey: String, caller: Caller?) async throws -> PublishedSnapshot? {
        try await pool.read { db in
            let parkID: Int64
            if let caller {
                let park = try Self.parkRow(db, key: parkKey, caller: caller)
                guard caller.tenantEnterprise(parkID: park.id) == nil else { return nil }
                parkID = park.id
            } else {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM park WHERE key = ? AND published = 1", arguments: [parkKey]) else { return nil }
                parkID = id
            }
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.*, p.published_at AS published_at, p.published_by AS published_by FROM published_snapshot p
                JOIN inventory_snapshot s ON s.id = p.snapshot_id WHERE p.park_id = ?
                """, arguments: [parkID]) else { return nil }
            let snapshot = InventorySnapshot(id: row["id"], parkKey: parkKey, year: row["year"], createdAt: row["created_at"],
                                             createdBy: row["created_by"], inputHash: row["input_hash"], outputHash: row["output_hash"],
                                             emissionsTco2: row["emissions_tco2"], netTco2: row["net_tco2"],
                                             inputParkFile: row["input_park_file"], document: row["document"], context: row["context"])
            return PublishedSnapshot(snapshot: snapshot, publishedAt: row["published_at"], publishedBy: row["published_by"])
        }
    }
}
