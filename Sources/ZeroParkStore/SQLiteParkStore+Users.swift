import Foundation
import GRDB

/// Users, memberships, sessions and API keys. Passwords arrive already hashed (bcrypt, in the
/// server); session tokens and API keys are stored as SHA-256 hashes only.
extension SQLiteParkStore {
    @discardableResult
    public func createUser(username: String, displayName: String, passwordHash: String, isAdmin: Bool = false) async throws -> Int64 {
        let at = timestamp()
        return try await pool.write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM user WHERE username = ?", arguments: [username]) != nil {
                throw StoreError.conflict("用户 \(username) 已存在 / user \(username) exists")
            }
            try db.execute(sql: "INSERT INTO user (username, display_name, password_hash, is_admin) VALUES (?, ?, ?, ?)",
                           arguments: [username, displayName, passwordHash, isAdmin])
            let id = db.lastInsertedRowID
            try Self.audit(db, at: at, actor: "system", parkID: nil, entity: "user", key: username, action: "create",
                           before: nil, after: Self.json(["username": username, "display_name": displayName, "is_admin": isAdmin ? "true" : "false"]))
            return id
        }
    }

    public func userExists(_ username: String) async throws -> Bool {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT 1 FROM user WHERE username = ?", arguments: [username]) != nil }
    }

    /// Gives a user a role in a park (replacing any earlier one).
    public func setMembership(username: String, parkKey: String, role: ParkRole, enterprise: String? = nil) async throws {
        let at = timestamp()
        try await pool.write { db in
            guard let userID = try Int64.fetchOne(db, sql: "SELECT id FROM user WHERE username = ?", arguments: [username]) else {
                throw StoreError.notFound("user \(username)")
            }
            let park = try Self.parkRow(db, key: parkKey, caller: nil)
            let enterprise = role == .tenant ? try Self.tenantEnterprise(db, parkID: park.id, enterprise) : nil
            try db.execute(sql: """
                INSERT INTO membership (user_id, park_id, role, enterprise) VALUES (?, ?, ?, ?)
                ON CONFLICT(user_id, park_id) DO UPDATE SET role = excluded.role, enterprise = excluded.enterprise
                """, arguments: [userID, park.id, role.rawValue, enterprise])
            try Self.audit(db, at: at, actor: "system", parkID: park.id, entity: "membership", key: username, action: "set",
                           before: nil, after: Self.json(["role": role.rawValue, "enterprise": enterprise ?? ""]))
        }
    }

    /// The user id and bcrypt hash for a login, or nil.
    public func credentials(username: String) async throws -> (id: Int64, passwordHash: String)? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, password_hash FROM user WHERE username = ?", arguments: [username])
                .map { ($0["id"], $0["password_hash"]) }
        }
    }

    /// The caller for a user id, with its memberships.
    public func caller(userID: Int64) async throws -> Caller? {
        try await pool.read { db in try Self.caller(db, userID: userID) }
    }

    static func caller(_ db: Database, userID: Int64) throws -> Caller? {
        guard let user = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM user WHERE id = ?"), arguments: [userID]) else { return nil }
        let memberships = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.park_id, p.key, m.role, m.enterprise FROM membership m JOIN park p ON p.id = m.park_id WHERE m.user_id = ?
            """), arguments: [userID]).compactMap { row -> Membership? in
            guard let role = ParkRole(rawValue: row[2]) else { return nil }
            return Membership(parkID: row[0], parkKey: row[1], role: role, enterprise: row[3])
        }
        return Caller(userID: user["id"], username: user["username"], displayName: user["display_name"],
                      isSystemAdmin: user["is_admin"], memberships: memberships)
    }

    public func createSession(userID: Int64, tokenHash: String, csrfToken: String, expiresAt: Date) async throws {
        let expires = Self.isoText(expiresAt, milliseconds: false)
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO session (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                           arguments: [tokenHash, userID, csrfToken, expires])
        }
    }

    /// The caller and CSRF token of a live session.
    public func session(tokenHash: String) async throws -> (caller: Caller, csrfToken: String)? {
        let nowText = Self.isoText(now(), milliseconds: false)
        return try await pool.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT user_id, csrf_token FROM session WHERE token_hash = ? AND expires_at > ?"),
                                             arguments: [tokenHash, nowText]),
                  let caller = try Self.caller(db, userID: row["user_id"]) else { return nil }
            return (caller, row["csrf_token"])
        }
    }

    /// Replaces the caller's password hash and ends every other session of the user, so that a session
    /// opened with the old password does not outlive it (issue #12: password change for every user).
    /// Audited without a park.
    public func changePassword(userID: Int64, passwordHash: String, keepingSession tokenHash: String?) async throws {
        let at = timestamp()
        try await pool.write { db in
            guard let username = try String.fetchOne(db, sql: "SELECT username FROM user WHERE id = ?", arguments: [userID]) else {
                throw StoreError.notFound("user")
            }
            try db.execute(sql: "UPDATE user SET password_hash = ? WHERE id = ?", arguments: [passwordHash, userID])
            try db.execute(sql: "DELETE FROM session WHERE user_id = ? AND token_hash IS NOT ?", arguments: [userID, tokenHash])
            try Self.audit(db, at: at, actor: username, parkID: nil, entity: "user", key: username, action: "password",
                           before: nil, after: nil)
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func createAPIKey(username: String, name: String, keyHash: String) async throws {
        let at = timestamp()
        try await pool.write { db in
            guard let userID = try Int64.fetchOne(db, sql: "SELECT id FROM user WHERE username = ?", arguments: [username]) else {
                throw StoreError.notFound("user \(username)")
            }
            try db.execute(sql: "INSERT INTO api_key (user_id, name, key_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [userID, name, keyHash, at])
            try Self.audit(db, at: at, actor: username, parkID: nil, entity: "api_key", key: name, action: "create",
                           before: nil, after: nil)
        }
    }

    /// The caller owning an API key (by its SHA-256 hash).
    public func caller(apiKeyHash: String) async throws -> Caller? {
        try await pool.read { db in
            guard let userID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT user_id FROM api_key WHERE key_hash = ?"), arguments: [apiKeyHash]) else {
                return nil
            }
            return try Self.caller(db, userID: userID)
        }
    }

    /// A tenant's enterprise, which must be one of the park's: no wildcard or made-up name can
    /// widen a tenant's view (issue #6).
    static func tenantEnterprise(_ db: Database, parkID: Int64, _ enterprise: String?) throws -> String {
        guard let enterprise, !enterprise.isEmpty else {
            throw StoreError.invalid(field: "enterprise", message: "租户须指定所属企业 / a tenant needs its enterprise")
        }
        let known = try String.fetchAll(db, sql: "SELECT key FROM enterprise WHERE park_id = ? ORDER BY key", arguments: [parkID])
        guard known.contains(enterprise) else {
            throw StoreError.invalid(field: "enterprise",
                                     message: "“\(enterprise.prefix(64))”不是本园区的企业（现有企业：\(known.joined(separator: "、"))） / \"\(enterprise.prefix(64))\" is not an enterprise of this park (enterprises: \(known.joined(separator: ", ")))")
        }
        return enterprise
    }
}
