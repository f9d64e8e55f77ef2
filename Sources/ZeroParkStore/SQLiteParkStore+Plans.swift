import Foundation
import GRDB
import ZeroParkInput

/// A stored version of a park's neutrality plan (issue #10 item 5): who saved it, when and why, the
/// base year, the measures file it was computed from and its `zeropark.plan/1` document.
public struct StoredPlan: Codable, Hashable, Sendable {
    public let version: Int
    public let baseYear: Int
    public let createdAt: String
    public let createdBy: String
    public let reason: String
    public let balanceYear: Int?
    /// Present when one version is read; absent in lists.
    public let measuresFile: String?
    public let document: String?
}

/// Plan versions: append-only, numbered 1, 2, … per park; saved by park admins and managers and read
/// by the park's members other than tenants (a plan is the park's, not one enterprise's).
extension SQLiteParkStore {
    /// Longest measures file and document stored (the reader's own limit is 1 MiB).
    public static let maximumPlanBytes = 4 << 20

    public func savePlan(parkKey: String, baseYear: Int, measuresFile: String, document: String, balanceYear: Int?, reason: String,
                         caller: Caller) async throws -> StoredPlan {
        let at = timestamp()
        try StoreChecks.text(reason, "reason", .note)
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalid(field: "reason", message: "请写明保存此版本的原因 / say why this version is saved")
        }
        try StoreChecks.integer(baseYear, "base_year", Domain.year)
        guard measuresFile.utf8.count <= Self.maximumPlanBytes, document.utf8.count <= Self.maximumPlanBytes else {
            throw StoreError.invalid(field: "plan", message: "至多 \(Self.maximumPlanBytes) 字节 / at most \(Self.maximumPlanBytes) bytes")
        }
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot save plans") }
            let version = (try Int.fetchOne(db, sql: "SELECT max(version) FROM plan_version WHERE park_id = ?", arguments: [park.id]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO plan_version (park_id, version, base_year, created_at, created_by, reason, measures_file, document, balance_year)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [park.id, version, baseYear, at, caller.username, reason, measuresFile, document, balanceYear])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "plan", key: String(version), action: "create",
                           before: nil, after: Self.json(["reason": reason, "base_year": String(baseYear)]))
            return StoredPlan(version: version, baseYear: baseYear, createdAt: at, createdBy: caller.username, reason: reason,
                              balanceYear: balanceYear, measuresFile: measuresFile, document: document)
        }
    }

    /// The park's plan versions, newest first (empty for tenants).
    public func plans(parkKey: String, caller: Caller) async throws -> [StoredPlan] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT version, base_year, created_at, created_by, reason, balance_year FROM plan_version WHERE park_id = ? ORDER BY version DESC
                """, arguments: [park.id]).map { row in
                StoredPlan(version: row["version"], baseYear: row["base_year"], createdAt: row["created_at"], createdBy: row["created_by"],
                           reason: row["reason"], balanceYear: row["balance_year"], measuresFile: nil, document: nil)
            }
        }
    }

    /// The latest plan version with its document, for anyone, when the park is published (its disclosure,
    /// 1.1.2(d): the reduction projects it plans); nil otherwise.
    public func publishedPlan(parkKey: String) async throws -> StoredPlan? {
        try await pool.read { db in
            guard let parkID = try Int64.fetchOne(db, sql: "SELECT id FROM park WHERE key = ? AND published = 1", arguments: [parkKey]),
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM plan_version WHERE park_id = ? ORDER BY version DESC LIMIT 1",
                                             arguments: [parkID]) else { return nil }
            return StoredPlan(version: row["version"], baseYear: row["base_year"], createdAt: row["created_at"], createdBy: row["created_by"],
                              reason: row["reason"], balanceYear: row["balance_year"], measuresFile: nil, document: row["document"])
        }
    }

    /// One version with its measures file and document (404 for tenants, like a missing one).
    public func plan(parkKey: String, version: Int, caller: Caller) async throws -> StoredPlan {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil,
                  let row = try Row.fetchOne(db, sql: "SELECT * FROM plan_version WHERE park_id = ? AND version = ?", arguments: [park.id, version]) else {
                throw StoreError.notFound("plan version \(version)")
            }
            return StoredPlan(version: row["version"], baseYear: row["base_year"], createdAt: row["created_at"], createdBy: row["created_by"],
                              reason: row["reason"], balanceYear: row["balance_year"], measuresFile: row["measures_file"], document: row["document"])
        }
    }
}
