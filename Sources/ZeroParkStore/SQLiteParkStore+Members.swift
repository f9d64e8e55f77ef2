import Foundation
import GRDB

extension SQLiteParkStore {
    /// Takes a user's role in a park away, as a park admin (issue #12: members can be removed); audited.
    /// The park's last admin stays (409): a park without an admin could no longer be managed by its people.
    public func revoke(parkKey: String, username: String, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.role(parkID: park.id) == .admin else { throw StoreError.forbidden("only park admins manage members") }
            guard let row = try Row.fetchOne(db, sql: """
                SELECT m.user_id, m.role FROM membership m JOIN user u ON u.id = m.user_id WHERE m.park_id = ? AND u.username = ?
                """, arguments: [park.id, username]) else {
                throw StoreError.notFound("member \(username)")
            }
            let role: String = row["role"]
            let admins = try Int.fetchOne(db, sql: "SELECT count(*) FROM membership WHERE park_id = ? AND role = 'admin'", arguments: [park.id]) ?? 0
            if role == ParkRole.admin.rawValue, admins <= 1 {
                throw StoreError.conflict("\(username) 是园区最后一位管理员：请先将管理员角色授予另一位成员 / \(username) is the park's last admin: give another member the admin role first")
            }
            let userID: Int64 = row["user_id"]
            try db.execute(sql: "DELETE FROM membership WHERE park_id = ? AND user_id = ?", arguments: [park.id, userID])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "membership", key: username, action: "revoke",
                           before: role, after: nil)
        }
    }
}
