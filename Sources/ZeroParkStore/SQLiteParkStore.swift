import Crypto
import Foundation
import GRDB
import ZeroParkCore
import ZeroParkInput

/// The SQLite implementation of ZeroPark's store (GRDB `DatabasePool`: WAL mode, foreign keys on,
/// versioned migrations). Every write is one transaction with its audit-log rows; every read and
/// write takes the `Caller` and enforces its role (issue #3 §3, §5).
public final class SQLiteParkStore: Sendable {
    let pool: DatabasePool
    let now: @Sendable () -> Date
    /// Wakes the telemetry cleaner when a batch commits (readings marked dirty).
    let telemetrySignal = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    public init(path: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        // 64 MiB page cache per connection: a thousand meters' readings land on a thousand leaf pages
        // per interval, which the default 2 MiB cache would thrash (scripts/bench-ingest uses the same
        // setting for its sqlite3 baseline).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        self.pool = try DatabasePool(path: path, configuration: configuration)
        self.now = now
        try StoreMigrations.migrator.migrate(pool)
    }

    /// Signals the cleaner that raw readings changed.
    func telemetryChanged() { telemetrySignal.continuation.yield() }

    /// One element per commit that changed raw readings (coalesced): the cleaner's wake-up call.
    public var telemetryChanges: AsyncStream<Void> { telemetrySignal.stream }

    /// The applied migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try StoreMigrations.migrator.appliedMigrations(db) }
    }

    func timestamp() -> String { Self.isoText(now(), milliseconds: true) }

    /// ISO 8601 UTC text of a date (`…T08:21:58Z`, or `…T08:21:58.123Z` with milliseconds, truncated),
    /// as ISO8601DateFormatter writes it; dates outside 1970…2100 are clamped (the clock never gives them).
    static func isoText(_ date: Date, milliseconds: Bool) -> String {
        let time = min(max(date.timeIntervalSince1970, 0), 4_133_980_799)
        let seconds = time.rounded(.down)
        return RFC3339Timestamp.format(Int64(seconds), milliseconds: milliseconds ? Int((time - seconds) * 1000) : nil)
    }

    /// Hex SHA-256 of a text (tokens, API keys, snapshot inputs and outputs).
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: - Audit

    static func audit(_ db: Database, at: String, actor: String, parkID: Int64?, entity: String, key: String,
                      action: String, before: String?, after: String?) throws {
        // A cached prepared statement: batches (CSV imports) audit thousands of rows.
        try db.cachedStatement(sql: """
            INSERT INTO audit_log (at, actor, park_id, entity, entity_key, action, before, after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [at, actor, parkID, entity, key, action, before, after])
    }

    static func json<T: Encodable>(_ value: T?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The audit log of a park, newest first (admins, managers and auditors).
    public func auditLog(parkKey: String, caller: Caller, limit: Int = 200) async throws -> [AuditEntry] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard let role = caller.role(parkID: park.id), [.admin, .manager, .auditor].contains(role) else {
                throw StoreError.forbidden("the audit log is for park admins, managers and auditors")
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE park_id = ? ORDER BY id DESC LIMIT ?",
                                    arguments: [park.id, limit]).map { row in
                AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], entity: row["entity"],
                           entityKey: row["entity_key"], action: row["action"], before: row["before"], after: row["after"])
            }
        }
    }

    // MARK: - Review comments

    /// Adds a review comment on the park (`park`), a year's inventory (`inventory:<year>`) or a source
    /// the caller can see (`source:<key>`).
    /// Tenants comment on their own enterprise's sources only; another enterprise's source is
    /// "not found" to them.
    public func addComment(parkKey: String, target: String, text: String, caller: Caller) async throws -> ReviewComment {
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard let role = caller.role(parkID: park.id), role != .viewer else {
                throw StoreError.forbidden("viewers cannot comment")
            }
            if target.hasPrefix("source:") {
                _ = try Self.visibleSource(db, park: park, key: String(target.dropFirst("source:".count)), caller: caller)
            } else {
                let year = target.hasPrefix("inventory:") ? Int(target.dropFirst("inventory:".count)) : nil
                guard target == "park" || year.map(Domain.year.contains) == true else {
                    throw StoreError.invalid(field: "target", message: "须为 park、source:<排放源编号> 或 inventory:<年份> / must be park, source:<source key> or inventory:<year>")
                }
                guard role != .tenant else { throw StoreError.forbidden("tenants comment on their own sources") }
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw StoreError.invalid(field: "text", message: "必填 / is required") }
            try StoreChecks.text(trimmed, "text", .paragraph)
            try db.execute(sql: "INSERT INTO review_comment (park_id, user_id, target, text, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [park.id, caller.userID, target, trimmed, at])
            let comment = ReviewComment(id: db.lastInsertedRowID, author: caller.username, target: target, text: trimmed, createdAt: at)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "comment", key: target,
                           action: "create", before: nil, after: Self.json(comment))
            return comment
        }
    }

    /// Review comments the caller may read: all of them, or for a tenant only those on its own
    /// enterprise's sources.
    public func comments(parkKey: String, caller: Caller) async throws -> [ReviewComment] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let comments = try Row.fetchAll(db, sql: """
                SELECT c.id, u.username, c.target, c.text, c.created_at FROM review_comment c
                JOIN user u ON u.id = c.user_id WHERE c.park_id = ? ORDER BY c.id
                """, arguments: [park.id]).map { row in
                ReviewComment(id: row[0], author: row[1], target: row[2], text: row[3], createdAt: row[4])
            }
            guard let enterprise = caller.tenantEnterprise(parkID: park.id) else { return comments }
            let own = Set(try String.fetchAll(db, sql: "SELECT key FROM source WHERE park_id = ? AND enterprise = ?",
                                              arguments: [park.id, enterprise]).map { "source:" + $0 })
            return comments.filter { own.contains($0.target) }
        }
    }
}

/// The row of a park, found for a caller: unknown parks and parks the caller is not a member of are
/// both "not found", so that existence does not leak.
struct ParkRow {
    let id: Int64
    let key: String
}

extension SQLiteParkStore {
    static func parkRow(_ db: Database, key: String, caller: Caller?) throws -> ParkRow {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, key, published FROM park WHERE key = ?"), arguments: [key]) else {
            throw StoreError.notFound("park \(key)")
        }
        let park = ParkRow(id: row["id"], key: row["key"])
        if let caller {
            guard caller.canRead(parkID: park.id) else { throw StoreError.notFound("park \(key)") }
        }
        return park
    }
}

extension SQLiteParkStore {
    /// Checks the database answers (for /healthz).
    public func ping() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }
}
