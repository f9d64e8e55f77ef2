import Foundation
import GRDB
import Testing
import ZeroParkCore
import ZeroParkTelemetry
@testable import ZeroParkStore

/// The meter registry, the one ingest path (idempotent, revisions, all-or-nothing, tenancy) and the
/// hash-chained ledger with `verifyLedger` finding edits made directly in the database file.
struct TelemetryStoreTests {
    struct Fixture {
        let store: SQLiteParkStore
        let path: String
        let admin: Caller, manager: Caller, logistics: Caller, property: Caller, auditor: Caller
    }

    /// 2026-11-26T00:00:00+08:00 = 2026-11-25T16:00:00Z = 1_764_086_400 s.
    static let dayStart: Int64 = 1_764_086_400
    static let now: Int64 = dayStart + 86_400

    static func fixture() async throws -> Fixture {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zp-telemetry-\(UUID().uuidString).sqlite").path
        let store = try SQLiteParkStore(path: path)
        var ids: [String: Int64] = [:]
        for name in ["admin", "manager", "logistics", "property", "auditor"] {
            ids[name] = try await store.createUser(username: name, displayName: name, passwordHash: "x", isAdmin: name == "admin")
        }
        let admin = try #require(try await store.caller(userID: ids["admin"] ?? 0))
        try await store.importPark(try StoreTests.example(), caller: admin)
        try await store.setMembership(username: "manager", parkKey: "nansha-demo", role: .manager, enterprise: nil)
        try await store.setMembership(username: "logistics", parkKey: "nansha-demo", role: .tenant, enterprise: "logistics")
        try await store.setMembership(username: "property", parkKey: "nansha-demo", role: .tenant, enterprise: "property")
        try await store.setMembership(username: "auditor", parkKey: "nansha-demo", role: .auditor, enterprise: nil)
        func caller(_ name: String) async throws -> Caller { try #require(try await store.caller(userID: ids[name] ?? 0)) }
        let manager = try await caller("manager")
        for meter in [
            MeterDefinition(key: "main", name: "总表", quantity: .electricityImport, unit: "kWh", readingKind: .cumulative,
                            multiplier: 80, counterModulus: 1_000_000),
            MeterDefinition(key: "logistics-1", name: "物流分表", quantity: .electricityImport, unit: "kWh", readingKind: .interval,
                            enterprise: "logistics", parent: "main"),
            MeterDefinition(key: "property-water", name: "物业水表", quantity: .water, unit: "m3", readingKind: .interval,
                            enterprise: "property"),
        ] { _ = try await store.createMeter(parkKey: "nansha-demo", meter: meter, caller: manager) }
        return Fixture(store: store, path: path, admin: admin, manager: manager, logistics: try await caller("logistics"),
                       property: try await caller("property"), auditor: try await caller("auditor"))
    }

    static func batch(_ rows: [(String, Int64, Double)]) -> ReadingBatch {
        var keys: [String] = []
        var index: [String: Int32] = [:]
        let out = rows.enumerated().map { position, row -> ReadingBatch.Row in
            let meter = index[row.0] ?? {
                keys.append(row.0)
                index[row.0] = Int32(keys.count - 1)
                return Int32(keys.count - 1)
            }()
            return ReadingBatch.Row(meter: meter, ts: row.1, value: row.2, position: Int32(position))
        }
        return ReadingBatch(meters: keys, rows: out, locator: .arrayIndex(prefix: "readings"))
    }

    static func count(_ fixture: Fixture, _ table: String) throws -> Int {
        let queue = try DatabaseQueue(path: fixture.path)
        return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    @Test func registryChecksTreesAndHidesOtherEnterprisesMeters() async throws {
        let f = try await Self.fixture()
        #expect(try await f.store.meters(parkKey: "nansha-demo", caller: f.manager).map(\.key) == ["logistics-1", "main", "property-water"])
        #expect(try await f.store.meters(parkKey: "nansha-demo", caller: f.logistics).map(\.key) == ["logistics-1"])
        await #expect(throws: StoreError.notFound("meter property-water")) {
            _ = try await f.store.meter(parkKey: "nansha-demo", key: "property-water", caller: f.logistics)
        }
        await #expect(throws: StoreError.forbidden("your role cannot register meters")) {
            _ = try await f.store.createMeter(parkKey: "nansha-demo", meter: MeterDefinition(
                key: "x", name: "x", quantity: .water, unit: "m3", readingKind: .interval), caller: f.logistics)
        }
        // A parent of another quantity, and a cycle, are refused.
        await #expect(throws: StoreError.invalid(field: "parent", message: "计量表 main 计量的是 electricity_import，不是 water / meter main measures electricity_import, not water")) {
            _ = try await f.store.createMeter(parkKey: "nansha-demo", meter: MeterDefinition(
                key: "w2", name: "w", quantity: .water, unit: "m3", readingKind: .interval, parent: "main"), caller: f.manager)
        }
        await #expect(throws: StoreError.invalid(field: "parent", message: "计量表 logistics-1 在 main 之下：计量树不能成环 / meter logistics-1 is below main: a tree has no cycles")) {
            _ = try await f.store.updateMeter(parkKey: "nansha-demo", key: "main", meter: MeterDefinition(
                key: "main", name: "总表", quantity: .electricityImport, unit: "kWh", readingKind: .cumulative, parent: "logistics-1"),
                caller: f.manager)
        }
        await #expect(throws: StoreError.invalid(field: "interval_minutes", message: "须为 5、15、30 或 60，实际为 7 / must be 5, 15, 30 or 60, got 7")) {
            _ = try await f.store.createMeter(parkKey: "nansha-demo", meter: MeterDefinition(
                key: "odd", name: "x", quantity: .water, unit: "m3", readingKind: .interval, intervalMinutes: 7), caller: f.manager)
        }
    }

    @Test func repeatsAreNoOpsAndDifferentValuesBecomeRevisions() async throws {
        let f = try await Self.fixture()
        let rows = [("main", Self.dayStart, 100.0), ("main", Self.dayStart + 900, 101.5), ("logistics-1", Self.dayStart, 7.0)]
        let first = try await f.store.ingest(parkKey: "nansha-demo", batch: Self.batch(rows), channel: .httpJSON,
                                             actor: .user(f.manager), now: Self.now)
        #expect(first.accepted == 3 && first.repeated == 0 && first.revised == 0 && first.batch != nil)
        let again = try await f.store.ingest(parkKey: "nansha-demo", batch: Self.batch(rows), channel: .httpJSON,
                                             actor: .user(f.manager), now: Self.now)
        #expect(again == IngestReceipt(batch: nil, accepted: 0, repeated: 3, revised: 0, ledgerSeq: nil, link: nil))
        #expect(try Self.count(f, "ingest_batch") == 1)
        let revised = try await f.store.ingest(parkKey: "nansha-demo", batch: Self.batch([("main", Self.dayStart + 900, 101.25)]),
                                               channel: .httpCSV, actor: .user(f.manager), now: Self.now)
        #expect(revised.accepted == 0 && revised.revised == 1 && revised.batch != nil)
        let day = try #require(TelemetryCalendar.day(of: Self.dayStart))
        let raw = try await f.store.rawReadings(parkKey: "nansha-demo", meterKey: "main", day: day, caller: f.manager).readings
        // The original stays; the revision is kept beside it, and sending the revised value again is a repeat.
        #expect(raw.map(\.value) == [100, 101.5] && raw[1].revisions == [101.25])
        let repeatOfRevision = try await f.store.ingest(parkKey: "nansha-demo", batch: Self.batch([("main", Self.dayStart + 900, 101.25)]),
                                                        channel: .httpCSV, actor: .user(f.manager), now: Self.now)
        #expect(repeatOfRevision.repeated == 1 && repeatOfRevision.batch == nil)
    }

    @Test func aRefusedBatchStoresNothingAndNamesEveryProblem() async throws {
        let f = try await Self.fixture()
        let rows = [("main", Self.dayStart, 100.0), ("nope", Self.dayStart, 1.0), ("main", Self.dayStart + 900, -5.0),
                    ("logistics-1", Self.dayStart + 60, 1.0), ("logistics-1", Self.now + 7_200, 1.0),
                    ("logistics-1", Self.dayStart + 900, 2.0), ("logistics-1", Self.dayStart + 900, 3.0)]
        do {
            _ = try await f.store.ingest(parkKey: "nansha-demo", batch: Self.batch(rows), channel: .httpJSON, actor: .user(f.manager), now: Self.now)
            Issue.record("the batch was accepted")
        } catch let refused as ReadingBatchRefused {
            #expect(refused.problems.map { "\($0.place).\($0.field):\($0.code)" } == [
                "readings[1].meter:unknown_meter", "readings[2].value:negative_counter", "readings[3].ts:not_on_grid",
                "readings[4].ts:future_ts", "readings[6].value:conflicting_duplicate",
            ])
        }
        #expect(try Self.count(f, "reading") == 0)
        #expect(try Self.count(f, "ingest_batch") == 0)
        #expect(try Self.count(f, "ledger") == 0)
    }

    @Test func aTenantSendsOnlyToItsOwnMetersAndCannotLearnOthersExist() async throws {
        let f = try await Self.fixture()
        let mine = try await f.store.ingest(parkKey: "nansha-demo", batch: Self.batch([("logistics-1", Self.dayStart, 4.0)]),
                                            channel: .httpJSON, actor: .user(f.logistics), now: Self.now)
        #expect(mine.accepted == 1)
        for meter in ["property-water", "no-such-meter"] {
            do {
                _ = try await f.store.ingest(parkKey: "nansha-demo", batch: Self.batch([(meter, Self.dayStart, 4.0)]),
                                             channel: .httpJSON, actor: .user(f.logistics), now: Self.now)
                Issue.record("accepted")
            } catch let refused as ReadingBatchRefused {
                // The same words for another enterprise's meter and a meter that does not exist.
                #expect(refused.problems.map(\.message) == ["no such meter in this park"])
            }
        }
        await #expect(throws: StoreError.forbidden("your role cannot send readings")) {
            _ = try await f.store.ingest(parkKey: "nansha-demo", batch: Self.batch([("main", Self.dayStart, 4.0)]),
                                         channel: .httpJSON, actor: .user(f.auditor), now: Self.now)
        }
    }

    /// A park with three reading batches (links 1–3) and a snapshot (link 4), then `sql` run on the
    /// database file behind the server's back; returns what `verifyLedger` finds first.
    static func tampered(_ sql: String?) async throws -> LedgerReport {
        let f = try await fixture()
        for step in 0..<3 {
            _ = try await f.store.ingest(parkKey: "nansha-demo", batch: batch([("main", dayStart + Int64(step) * 900, 100.0 + Double(step)),
                                                                             ("logistics-1", dayStart + Int64(step) * 900, 1.0)]),
                                         channel: .mqtt, actor: .system("mqtt"), now: now)
        }
        _ = try await f.store.saveSnapshot(parkKey: "nansha-demo", year: 2025, inputParkFile: "park: x\n", document: "{}",
                                           emissionsTco2: 1, netTco2: 1, caller: f.manager)
        if let sql {
            let queue = try DatabaseQueue(path: f.path)
            try await queue.write { db in try db.execute(sql: sql) }
        }
        return try await f.store.verifyLedger()
    }

    @Test func verifyPassesAnUntouchedChain() async throws {
        let report = try await Self.tampered(nil)
        #expect(report.isIntact && report.links == 4 && report.readings == 6 && report.snapshots == 1)
        #expect(report.heads["nansha-demo"]?.count == 64)
    }

    @Test(arguments: [
        // A stored reading's value edited: link 2 holds that reading (ts +900 s, value 101).
        ("UPDATE reading SET value = 999 WHERE ts = \(dayStart + 900) AND value = 101", "content", Int64(2)),
        // A reading moved to another batch: the first batch whose content changed is link 1.
        ("UPDATE reading SET batch_id = 3 WHERE ts = \(dayStart) AND value = 100", "content", Int64(1)),
        // A reading deleted.
        ("DELETE FROM reading WHERE ts = \(dayStart + 1800) AND value = 1", "content", Int64(3)),
        // A batch record edited (who sent it).
        ("UPDATE ingest_batch SET actor = 'someone-else' WHERE id = 2", "content", Int64(2)),
        // A snapshot's stored inventory edited.
        ("UPDATE inventory_snapshot SET document = '{\"emissions\":0}'", "content", Int64(4)),
        // A link removed from the middle of the chain: link 3 no longer follows link 1.
        ("DELETE FROM ledger WHERE seq = 2", "previous", Int64(3)),
        // A link's recorded content hash replaced to match an edit.
        ("UPDATE ledger SET content_sha256 = '00' WHERE seq = 1", "link", Int64(1)),
    ])
    func verifyNamesTheFirstLinkThatNoLongerMatches(sql: String, problem: String, seq: Int64) async throws {
        let report = try await Self.tampered(sql)
        let first = try #require(report.mismatches.first)
        #expect(first.problem == problem && first.seq == seq && first.park == "nansha-demo")
    }

    @Test func verifyFindsReadingsAddedOutsideTheLedger() async throws {
        let report = try await Self.tampered("INSERT INTO reading (meter_id, ts, value, batch_id) VALUES (1, \(Self.dayStart + 86_400), 5, 99)")
        #expect(report.mismatches.map(\.problem) == ["orphan"])
    }
}
