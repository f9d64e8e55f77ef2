import Foundation
import GRDB

/// A refused MQTT message kept for the park's managers to see (issue #8 §2): its topic, the first
/// 4 KiB of its payload as text (invalid UTF-8 replaced), its size and the reason. Nothing of it
/// was stored as readings.
public struct DeadLetter: Sendable, Equatable, Codable {
    public var id: Int64
    public var channel: String
    public var topic: String
    public var payload: String
    public var payloadBytes: Int
    public var reason: String
    public var receivedAt: String
}

extension SQLiteParkStore {
    /// Bytes of a refused payload kept for display.
    public static let deadLetterExcerpt = 4_096
    /// Dead letters kept per park, and for topics naming no known park (the oldest are dropped beyond this).
    public static let deadLetterLimit = 10_000

    /// Records refused messages (the MQTT bridge; `parkKey` nil when the topic names no known park).
    public func recordDeadLetters(_ letters: [(parkKey: String?, channel: String, topic: String, payload: [UInt8], reason: String)]) async throws {
        guard !letters.isEmpty else { return }
        let at = timestamp()
        try await pool.write { db in
            var parks: Set<Int64?> = []
            for letter in letters {
                let parkID = try letter.parkKey.flatMap { try Int64.fetchOne(db, sql: "SELECT id FROM park WHERE key = ?", arguments: [$0]) }
                let excerpt = String(decoding: letter.payload.prefix(Self.deadLetterExcerpt), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO dead_letter (park_id, channel, topic, payload, payload_bytes, reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [parkID, letter.channel, String(letter.topic.prefix(256)), excerpt, letter.payload.count,
                                     String(letter.reason.prefix(2_000)), at])
                parks.insert(parkID)
            }
            // Once per park per call (a flood costs one trim per commit group, not one per message); letters
            // that name no known park are bounded the same way, so no topic can grow the table without end.
            for parkID in parks {
                if let parkID {
                    try db.execute(sql: """
                        DELETE FROM dead_letter WHERE park_id = ? AND id <= (SELECT id FROM dead_letter WHERE park_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)
                        """, arguments: [parkID, parkID, Self.deadLetterLimit])
                } else {
                    try db.execute(sql: """
                        DELETE FROM dead_letter WHERE park_id IS NULL
                        AND id <= (SELECT id FROM dead_letter WHERE park_id IS NULL ORDER BY id DESC LIMIT 1 OFFSET ?)
                        """, arguments: [Self.deadLetterLimit])
                }
            }
        }
    }

    /// The park's dead letters, newest first (admins and managers).
    public func deadLetters(parkKey: String, caller: Caller, limit: Int = 200) async throws -> [DeadLetter] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("dead letters are for park admins and managers") }
            return try Row.fetchAll(db, sql: "SELECT * FROM dead_letter WHERE park_id = ? ORDER BY id DESC LIMIT ?",
                                    arguments: [park.id, min(max(limit, 1), 1_000)]).map { row in
                DeadLetter(id: row["id"], channel: row["channel"], topic: row["topic"], payload: row["payload"],
                           payloadBytes: row["payload_bytes"], reason: row["reason"], receivedAt: row["received_at"])
            }
        }
    }
}
