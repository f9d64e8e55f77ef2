import Foundation
import GRDB
import GRDBSQLite

/// The first record of a park's chain that no longer matches what is stored, in words.
public struct LedgerMismatch: Sendable, Equatable, Codable {
    public var park: String
    public var seq: Int64
    public var kind: String
    public var reference: Int64
    /// What does not match: `content` (a stored reading, revision, batch or snapshot was changed),
    /// `link` (the link itself was edited), `previous` (a link was removed or reordered), `orphan`
    /// (rows no ledger link covers).
    public var problem: String
    public var detail: String
}

/// The outcome of re-computing every park's chain (`zeropark verify`).
public struct LedgerReport: Sendable, Equatable, Codable {
    public var links: Int
    public var readings: Int
    public var revisions: Int
    public var snapshots: Int
    /// Each park's chain head (its newest link), by park key.
    public var heads: [String: String]
    public var mismatches: [LedgerMismatch]
    public var isIntact: Bool { mismatches.isEmpty }
}

/// A park's chain head at the end of a day (the public disclosure page lists them, issue #8 §9).
public struct LedgerDayHead: Sendable, Equatable, Codable {
    public var day: String
    public var seq: Int64
    public var link: String
    public var links: Int
}

extension SQLiteParkStore {
    /// Re-computes every link from the stored rows and names, per park, the first that no longer
    /// matches (and any rows no link covers). Reads the whole database; no caller: it is run on the
    /// database file by whoever holds it.
    public func verifyLedger() async throws -> LedgerReport {
        try await pool.read { db in try Self.verify(db) }
    }

    static func verify(_ db: Database) throws -> LedgerReport {
        let meterKeys = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, key FROM meter").map {
            ($0["id"] as Int64, $0["key"] as String)
        })
        let parks = try Row.fetchAll(db, sql: "SELECT id, key FROM park ORDER BY id")
        var report = LedgerReport(links: 0, readings: 0, revisions: 0, snapshots: 0, heads: [:], mismatches: [])
        let readingsOfBatch = try db.makeStatement(sql: "SELECT meter_id, ts, value FROM reading WHERE batch_id = ? ORDER BY meter_id, ts")
        let revisionsOfBatch = try db.makeStatement(sql: "SELECT meter_id, ts, value, previous FROM reading_revision WHERE batch_id = ? ORDER BY id")
        for park in parks {
            let parkID: Int64 = park["id"], parkKey: String = park["key"]
            var previous = Ledger.genesis
            var failed = false
            let links = try Row.fetchCursor(db, sql: "SELECT * FROM ledger WHERE park_id = ? ORDER BY seq", arguments: [parkID])
            while let link = try links.next() {
                report.links += 1
                let seq: Int64 = link["seq"], kind: String = link["kind"], ref: Int64 = link["ref_id"]
                let at: String = link["recorded_at"], storedContent: String = link["content_sha256"]
                func mismatch(_ problem: String, _ detail: String) {
                    guard !failed else { return }
                    failed = true
                    report.mismatches.append(LedgerMismatch(park: parkKey, seq: seq, kind: kind, reference: ref, problem: problem, detail: detail))
                }
                if (link["previous_sha256"] as String) != previous {
                    mismatch("previous", "link \(seq) does not follow the link before it: a link was removed, inserted or reordered")
                }
                let expected = Ledger.link(previous: link["previous_sha256"], kind: kind, refID: ref, content: storedContent, at: at)
                let stored: String = link["link_sha256"]
                if expected != stored { mismatch("link", "link \(seq) was edited: its hash does not match its fields") }
                var content: String?
                switch kind {
                case Ledger.Kind.readings.rawValue:
                    if let batch = try Row.fetchOne(db, sql: "SELECT * FROM ingest_batch WHERE id = ? AND park_id = ?", arguments: [ref, parkID]) {
                        var readings = LedgerDigest(), revisions = LedgerDigest()
                        try readingsOfBatch.setArguments([ref])
                        let rows = try Row.fetchCursor(readingsOfBatch)
                        while let row = try rows.next() {
                            readings.append(meter: meterKeys[row[0]] ?? "#\(row[0] as Int64)", ts: row[1], value: row[2], previous: nil)
                        }
                        try revisionsOfBatch.setArguments([ref])
                        let revised = try Row.fetchCursor(revisionsOfBatch)
                        while let row = try revised.next() {
                            revisions.append(meter: meterKeys[row[0]] ?? "#\(row[0] as Int64)", ts: row[1], value: row[2], previous: row[3])
                        }
                        report.readings += readings.count
                        report.revisions += revisions.count
                        content = Ledger.batchContent(batchID: ref, channel: batch["channel"], actor: batch["actor"], receivedAt: batch["received_at"],
                                                      readings: readings, revisions: revisions)
                    }
                case Ledger.Kind.snapshot.rawValue:
                    if let snapshot = try Row.fetchOne(db, sql: "SELECT * FROM inventory_snapshot WHERE id = ? AND park_id = ?", arguments: [ref, parkID]) {
                        report.snapshots += 1
                        content = Ledger.snapshotContent(parkKey: parkKey, year: snapshot["year"], createdAt: snapshot["created_at"],
                                                         createdBy: snapshot["created_by"], inputParkFile: snapshot["input_park_file"],
                                                         document: snapshot["document"])
                    }
                default:
                    break
                }
                if let content {
                    if content != storedContent {
                        mismatch("content", "\(kind) \(ref) no longer hashes to the value recorded in link \(seq)")
                    }
                } else {
                    mismatch("content", "\(kind) \(ref) recorded in link \(seq) is missing")
                }
                previous = stored
            }
            if previous != Ledger.genesis { report.heads[parkKey] = previous }
        }
        // Rows no link covers: readings or revisions of unknown batches, snapshots outside the chain.
        let orphanReadings = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM reading WHERE batch_id NOT IN (SELECT ref_id FROM ledger WHERE kind = 'readings')
            """) ?? 0
        let orphanRevisions = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM reading_revision WHERE batch_id NOT IN (SELECT ref_id FROM ledger WHERE kind = 'readings')
            """) ?? 0
        let orphanSnapshots = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM inventory_snapshot WHERE id NOT IN (SELECT ref_id FROM ledger WHERE kind = 'snapshot')
            """) ?? 0
        for (count, what) in [(orphanReadings, "readings"), (orphanRevisions, "revisions"), (orphanSnapshots, "snapshots")] where count > 0 {
            report.mismatches.append(LedgerMismatch(park: "", seq: 0, kind: what, reference: 0, problem: "orphan",
                                                    detail: "\(count) \(what) belong to no ledger link: they were added outside ZeroPark"))
        }
        return report
    }

    /// The park's chain head at the end of each CST day that added links, newest first (public).
    public func ledgerDayHeads(parkKey: String, limit: Int = 60) async throws -> [LedgerDayHead] {
        try await pool.read { db in
            guard let parkID = try Int64.fetchOne(db, sql: "SELECT id FROM park WHERE key = ?", arguments: [parkKey]) else {
                throw StoreError.notFound("park \(parkKey)")
            }
            // recorded_at is ISO 8601 UTC; the CST day is the date of recorded_at + 8 hours.
            return try Row.fetchAll(db, sql: """
                SELECT date(recorded_at, '+8 hours') AS day, max(seq) AS seq, count(*) AS links FROM ledger
                WHERE park_id = ? GROUP BY day ORDER BY day DESC LIMIT ?
                """, arguments: [parkID, limit]).map { row in
                let seq: Int64 = row["seq"]
                let link = try String.fetchOne(db, sql: "SELECT link_sha256 FROM ledger WHERE seq = ?", arguments: [seq]) ?? ""
                return LedgerDayHead(day: row["day"], seq: seq, link: link, links: row["links"])
            }
        }
    }
}
