import Crypto
import Foundation
import GRDB
import GRDBSQLite
import ZeroParkTelemetry

/// The channel a batch came through, recorded with the batch and its ledger link.
public enum IngestChannel: String, Sendable, Codable, CaseIterable {
    case httpJSON = "http_json", httpCSV = "http_csv", fileCSV = "file_csv", fileXLSX = "file_xlsx"
    case mqtt, mqttGateway = "mqtt_gateway", simulator
}

/// Who is sending readings: a signed-in user or API key (checked against its role and, for a
/// tenant, its enterprise's meters), or a trusted part of the platform (the MQTT bridge, whose
/// broker is bound to loopback; the command line on the database file).
public enum IngestActor: Sendable {
    case user(Caller)
    case system(String)

    var name: String {
        switch self {
        case let .user(caller): return caller.username
        case let .system(name): return name
        }
    }
}

/// What an accepted batch did: readings new to the store, repeats of stored values (no-ops), and
/// different values for stored (meter, ts) kept as revisions; the batch and ledger link, if
/// anything was new.
public struct IngestReceipt: Sendable, Equatable, Codable {
    public var batch: Int64?
    public var accepted: Int
    public var repeated: Int
    public var revised: Int
    public var ledgerSeq: Int64?
    public var link: String?
}

/// What to do when one batch holds two different values for the same (meter, ts).
public enum DuplicatePolicy: Sendable {
    /// A sender's batch that contradicts itself is refused (HTTP, files).
    case refuse
    /// Later messages revise earlier ones (MQTT commit groups merge many messages in arrival order).
    case reviseInOrder
}

extension SQLiteParkStore {
    /// Accepts a whole batch or refuses it whole (`ReadingBatchRefused`, nothing stored). Idempotent on
    /// (meter, ts): a repeat is a no-op, a different value is kept as a revision. Returns after the
    /// commit, so a caller that acknowledges on return acknowledges only committed readings.
    public func ingest(parkKey: String, batch: ReadingBatch, channel: IngestChannel, actor: IngestActor, now: Int64,
                       duplicates: DuplicatePolicy = .refuse) async throws -> IngestReceipt {
        let at = timestamp()
        let receipt = try await pool.write { db in
            let caller: Caller? = if case let .user(caller) = actor { caller } else { nil }
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.ingest(db, park: park, batch: batch, channel: channel, actor: actor, at: at, now: now, duplicates: duplicates)
        }
        if receipt.batch != nil { telemetryChanged() }
        return receipt
    }

    /// Several parks' batches in one transaction (the MQTT bridge's commit group): each batch is
    /// checked before any of its rows is written; a refused one is reported and the others commit.
    public func ingestGroup(_ items: [(parkKey: String, batch: ReadingBatch)], channel: IngestChannel, actor: String,
                            now: Int64) async throws -> [Result<IngestReceipt, ReadingBatchRefused>] {
        let at = timestamp()
        let results = try await pool.write { db in
            try items.map { item -> Result<IngestReceipt, ReadingBatchRefused> in
                do {
                    let park = try Self.parkRow(db, key: item.parkKey, caller: nil)
                    return .success(try Self.ingest(db, park: park, batch: item.batch, channel: channel, actor: .system(actor),
                                                    at: at, now: now, duplicates: .reviseInOrder))
                } catch let refused as ReadingBatchRefused {
                    return .failure(refused)
                } catch StoreError.notFound {
                    return .failure(ReadingBatchRefused(problems: [ReadingProblem(
                        place: "topic", meter: "", field: "park", message: "no park \(item.parkKey)", code: "unknown_park")], truncated: false))
                }
            }
        }
        if results.contains(where: { (try? $0.get())?.batch != nil }) { telemetryChanged() }
        return results
    }

    // MARK: - The one write path

    struct DirectoryEntry {
        let id: Int64
        let kind: ReadingKind
        let intervalSeconds: Int64
        let enterprise: String?
    }

    static func ingest(_ db: Database, park: ParkRow, batch: ReadingBatch, channel: IngestChannel, actor: IngestActor,
                       at: String, now: Int64, duplicates: DuplicatePolicy) throws -> IngestReceipt {
        if case let .user(caller) = actor {
            switch caller.role(parkID: park.id) {
            case .admin, .manager, .tenant: break
            default: throw StoreError.forbidden("your role cannot send readings")
            }
        }
        guard batch.rows.count <= ReadingBatchRules.maximumRows else {
            throw ReadingBatchRefused(problems: [ReadingProblem(
                place: "batch", meter: "", field: "readings",
                message: "\(batch.rows.count) readings in one batch; the limit is \(ReadingBatchRules.maximumRows)",
                code: "too_many")], truncated: false)
        }
        let tenant: String? = if case let .user(caller) = actor { caller.tenantEnterprise(parkID: park.id) } else { nil }
        let entries = try resolve(db, parkID: park.id, meters: batch.meters, tenant: tenant)
        let checked = check(batch, entries: entries, now: now, duplicates: duplicates)
        guard checked.problems.isEmpty else { throw ReadingBatchRefused(problems: checked.problems, truncated: checked.truncated) }
        let order = checked.order
        return try write(db, park: park, batch: batch, order: order, entries: entries, channel: channel, actor: actor.name, at: at)
    }

    /// The batch's meter keys resolved against the park's registry (another enterprise's meter is
    /// unknown to a tenant): one entry per key, nil when unknown.
    static func resolve(_ db: Database, parkID: Int64, meters: [String], tenant: String?) throws -> [DirectoryEntry?] {
        var directory: [String: DirectoryEntry] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, key, reading_kind, interval_minutes, enterprise FROM meter WHERE park_id = ?",
                                    arguments: [parkID]) {
            let enterprise: String? = row["enterprise"]
            if let tenant, enterprise != tenant { continue }
            let minutes: Int64 = row["interval_minutes"]
            directory[row["key"]] = DirectoryEntry(id: row["id"], kind: ReadingKind(rawValue: row["reading_kind"]) ?? .interval,
                                                   intervalSeconds: minutes * 60, enterprise: enterprise)
        }
        return meters.map { directory[$0] }
    }

    /// Every check a reading passes (docs/telemetry.md §2) and the batch's canonical order, (meter, ts)
    /// with arrival order among equal keys. Pure: no database.
    static func check(_ batch: ReadingBatch, entries: [DirectoryEntry?], now: Int64,
                      duplicates: DuplicatePolicy) -> (order: [Int], problems: [ReadingProblem], truncated: Bool) {
        var problems: [ReadingProblem] = []
        var truncated = false
        func problem(_ row: ReadingBatch.Row, _ field: String, _ message: String, _ code: String) {
            guard problems.count < ReadingBatchRules.maximumProblems else { truncated = true; return }
            let meter = batch.meters.indices.contains(Int(row.meter)) ? batch.meters[Int(row.meter)] : ""
            problems.append(ReadingProblem(place: batch.place(of: row), meter: meter, field: field, message: message, code: code))
        }
        for row in batch.rows {
            guard entries.indices.contains(Int(row.meter)), let entry = entries[Int(row.meter)] else {
                problem(row, "meter", "no such meter in this park", "unknown_meter")
                continue
            }
            if row.ts > now + ReadingBatchRules.futureTolerance {
                problem(row, "ts", "is more than an hour ahead of the server's clock", "future_ts")
            }
            if !row.value.isFinite || abs(row.value) > ReadingBatchRules.valueLimit {
                problem(row, "value", "must be a finite number within ±1e12", "value_range")
            } else if entry.kind == .cumulative, row.value < 0 {
                problem(row, "value", "a cumulative counter cannot be negative", "negative_counter")
            }
            if entry.kind == .interval, row.ts % entry.intervalSeconds != 0 {
                problem(row, "ts", "an interval value is labelled by its interval's start, on the meter's \(entry.intervalSeconds / 60)-minute grid",
                        "not_on_grid")
            }
        }
        var order = Array(batch.rows.indices)
        order.sort { left, right in
            let a = batch.rows[left], b = batch.rows[right]
            let ia = entries.indices.contains(Int(a.meter)) ? entries[Int(a.meter)]?.id ?? -1 : -1
            let ib = entries.indices.contains(Int(b.meter)) ? entries[Int(b.meter)]?.id ?? -1 : -1
            if ia != ib { return ia < ib }
            if a.ts != b.ts { return a.ts < b.ts }
            return left < right
        }
        if duplicates == .refuse {
            for position in order.indices.dropFirst() {
                let previous = batch.rows[order[position - 1]], current = batch.rows[order[position]]
                guard entries.indices.contains(Int(current.meter)), let entry = entries[Int(current.meter)] else { continue }
                if entries[Int(previous.meter)]?.id == entry.id, previous.ts == current.ts, previous.value != current.value {
                    problem(current, "value", "differs from \(batch.place(of: previous)) for the same meter and time", "conflicting_duplicate")
                }
            }
        }
        return (order, problems, truncated)
    }

    /// For a bulk import by the command line on the database file (`zeropark readings import`): the
    /// writer connection syncs the WAL at checkpoints instead of at every commit (`synchronous=NORMAL`,
    /// still safe against a crash of the process; a power cut may lose the last commits, which a re-run
    /// of the idempotent import restores) and checkpoints every 64 MiB instead of every 4 MiB.
    public func preferBulkWrites() async throws {
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384")
        }
    }

    /// Checks a batch against the park's registry without storing anything (the import command's
    /// first pass over a whole file). Trusted callers only (the command line on the database file).
    public func checkReadings(parkKey: String, batch: ReadingBatch, now: Int64) async throws -> [ReadingProblem] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: nil)
            let entries = try Self.resolve(db, parkID: park.id, meters: batch.meters, tenant: nil)
            return Self.check(batch, entries: entries, now: now, duplicates: .refuse).problems
        }
    }

    /// Rows per multi-row INSERT: fewer statement steps per reading; a group in which every row is new
    /// (the common case: new data) needs no further look-ups.
    static let insertGroup = 64

    private static func write(_ db: Database, park: ParkRow, batch: ReadingBatch, order: [Int], entries: [DirectoryEntry?],
                              channel: IngestChannel, actor: String, at: String) throws -> IngestReceipt {
        let groupInsert = try db.cachedStatement(sql: "INSERT INTO reading (meter_id, ts, value, batch_id) VALUES "
            + Array(repeating: "(?, ?, ?, ?)", count: insertGroup).joined(separator: ", ") + " ON CONFLICT DO NOTHING")
        let insert = try db.cachedStatement(sql: "INSERT INTO reading (meter_id, ts, value, batch_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        let stored = try db.cachedStatement(sql: "SELECT batch_id FROM reading WHERE meter_id = ? AND ts = ?")
        let current = try db.cachedStatement(sql: """
            SELECT COALESCE((SELECT value FROM reading_revision WHERE meter_id = ?1 AND ts = ?2 ORDER BY id DESC LIMIT 1),
                            (SELECT value FROM reading WHERE meter_id = ?1 AND ts = ?2))
            """)
        let revise = try db.cachedStatement(sql: "INSERT INTO reading_revision (meter_id, ts, value, previous, batch_id) VALUES (?, ?, ?, ?, ?)")
        let connection = db.sqliteConnection
        // The batch's id is reserved now (we hold the write lock) and its row written at the end, only
        // if something was new: a batch of repeats leaves no trace.
        let batchID = (try Int64.fetchOne(db, sql: "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'ingest_batch'), 0), coalesce((SELECT max(id) FROM ingest_batch), 0))") ?? 0) + 1
        var accepted = 0, repeated = 0, revised = 0
        var readingsDigest = LedgerDigest(), revisionsDigest = LedgerDigest()
        var dirty: [(id: Int64, day: Int32)] = []
        // Rows of known meters in (meter, ts) order; equal keys are adjacent, first arrival first.
        let rows = order.compactMap { index -> (row: ReadingBatch.Row, entry: DirectoryEntry)? in
            let row = batch.rows[index]
            guard let entry = entries[Int(row.meter)] else { return nil }
            return (row, entry)
        }

        func markDay(_ entry: DirectoryEntry, _ ts: Int64) {
            let day = CSTDays.day(ts)
            if dirty.last?.id != entry.id || dirty.last?.day != day { dirty.append((entry.id, day)) }
        }
        func accept(_ row: ReadingBatch.Row, _ entry: DirectoryEntry) {
            accepted += 1
            readingsDigest.append(meter: batch.meters[Int(row.meter)], ts: row.ts, value: row.value, previous: nil)
            markDay(entry, row.ts)
        }
        /// A row that was not inserted: a repeat of the value in force, or a revision of it.
        func notNew(_ row: ReadingBatch.Row, _ entry: DirectoryEntry) throws {
            let key = batch.meters[Int(row.meter)]
            let lookup = current.sqliteStatement
            sqlite3_bind_int64(lookup, 1, entry.id)
            sqlite3_bind_int64(lookup, 2, row.ts)
            guard sqlite3_step(lookup) == SQLITE_ROW else {
                sqlite3_reset(lookup)
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "reading \(key) \(row.ts) neither new nor stored")
            }
            let previous = sqlite3_column_double(lookup, 0)
            sqlite3_reset(lookup)
            if previous == row.value {
                repeated += 1
                return
            }
            let handle = revise.sqliteStatement
            sqlite3_bind_int64(handle, 1, entry.id)
            sqlite3_bind_int64(handle, 2, row.ts)
            sqlite3_bind_double(handle, 3, row.value)
            sqlite3_bind_double(handle, 4, previous)
            sqlite3_bind_int64(handle, 5, batchID)
            try step(handle, db)
            revised += 1
            revisionsDigest.append(meter: key, ts: row.ts, value: row.value, previous: previous)
            markDay(entry, row.ts)
        }

        var start = 0
        while start < rows.count {
            let end = min(start + insertGroup, rows.count)
            if end - start == insertGroup {
                let handle = groupInsert.sqliteStatement
                for (offset, item) in rows[start..<end].enumerated() {
                    let base = Int32(offset * 4)
                    sqlite3_bind_int64(handle, base + 1, item.entry.id)
                    sqlite3_bind_int64(handle, base + 2, item.row.ts)
                    sqlite3_bind_double(handle, base + 3, item.row.value)
                    sqlite3_bind_int64(handle, base + 4, batchID)
                }
                try step(handle, db)
                let inserted = Int(sqlite3_changes(connection))
                if inserted == insertGroup {
                    for item in rows[start..<end] { accept(item.row, item.entry) }
                } else {
                    // Some rows were there already (or repeat a key of this batch): a row is new exactly when
                    // its stored row carries this batch and it is the first of its key (equal keys are adjacent).
                    for position in start..<end {
                        let item = rows[position]
                        var isNew = false
                        if inserted > 0 {
                            let lookup = stored.sqliteStatement
                            sqlite3_bind_int64(lookup, 1, item.entry.id)
                            sqlite3_bind_int64(lookup, 2, item.row.ts)
                            let found = sqlite3_step(lookup) == SQLITE_ROW ? sqlite3_column_int64(lookup, 0) : nil
                            sqlite3_reset(lookup)
                            let firstOfKey = position == 0 || rows[position - 1].entry.id != item.entry.id
                                || rows[position - 1].row.ts != item.row.ts
                            isNew = found == batchID && firstOfKey
                        }
                        if isNew { accept(item.row, item.entry) } else { try notNew(item.row, item.entry) }
                    }
                }
            } else {
                for item in rows[start..<end] {
                    let handle = insert.sqliteStatement
                    sqlite3_bind_int64(handle, 1, item.entry.id)
                    sqlite3_bind_int64(handle, 2, item.row.ts)
                    sqlite3_bind_double(handle, 3, item.row.value)
                    sqlite3_bind_int64(handle, 4, batchID)
                    try step(handle, db)
                    if sqlite3_changes(connection) == 1 { accept(item.row, item.entry) } else { try notNew(item.row, item.entry) }
                }
            }
            start = end
        }
        guard accepted + revised > 0 else {
            return IngestReceipt(batch: nil, accepted: 0, repeated: repeated, revised: 0, ledgerSeq: nil, link: nil)
        }
        try db.execute(sql: "INSERT INTO ingest_batch (id, park_id, channel, actor, received_at, accepted, revised, repeated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [batchID, park.id, channel.rawValue, actor, at, accepted, revised, repeated])
        for item in dirty { try markDirty(db, meterID: item.id, day: item.day) }
        let content = Ledger.batchContent(batchID: batchID, channel: channel.rawValue, actor: actor, receivedAt: at,
                                          readings: readingsDigest, revisions: revisionsDigest)
        let link = try Ledger.append(db, parkID: park.id, kind: .readings, refID: batchID, content: content, at: at)
        return IngestReceipt(batch: batchID, accepted: accepted, repeated: repeated, revised: revised, ledgerSeq: link.seq, link: link.hash)
    }

    private static func step(_ handle: OpaquePointer?, _ db: Database) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    static func markDirty(_ db: Database, meterID: Int64, day: Int32) throws {
        try db.cachedStatement(sql: """
            INSERT INTO telemetry_dirty (meter_id, day) VALUES (?, ?)
            ON CONFLICT(meter_id, day) DO UPDATE SET generation = generation + 1
            """).execute(arguments: [meterID, day])
    }

    /// Marks every day a meter has readings on (its description changed: clean its whole history again).
    static func markAllDirty(_ db: Database, meterID: Int64) throws {
        try db.execute(sql: """
            INSERT INTO telemetry_dirty (meter_id, day)
            SELECT DISTINCT meter_id, (ts + 28800 - (((ts + 28800) % 86400) + 86400) % 86400) / 86400 FROM reading WHERE meter_id = ?
            ON CONFLICT(meter_id, day) DO UPDATE SET generation = generation + 1
            """, arguments: [meterID])
    }
}
