import Foundation
import Testing
import ZeroParkCore
import ZeroParkParkFile
@testable import ZeroParkStore

/// The store's conformance suite: every `ParkRepository` implementation runs it (today SQLite on a
/// real file; a PostgreSQL implementation adds itself to `Implementation`). Role enforcement where
/// data is read, all-or-nothing writes, the audit log, snapshots.
struct StoreTests {
    enum Implementation: String, CaseIterable, Sendable {
        case sqlite

        func make() throws -> any ParkRepository {
            switch self {
            case .sqlite:
                return try SQLiteParkStore(path: FileManager.default.temporaryDirectory
                    .appendingPathComponent("zp-store-\(UUID().uuidString).sqlite").path)
            }
        }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example() throws -> ParkDefinition {
        var park = try ParkFileReader.read(yaml: try String(contentsOf: root.appendingPathComponent("examples/park-example.yaml"), encoding: .utf8))
        for index in park.sources.indices where park.sources[index].id == "fleet-diesel" { park.sources[index].enterprise = "logistics" }
        for index in park.sources.indices where park.sources[index].id == "water" { park.sources[index].enterprise = "property" }
        return park
    }

    struct Fixture {
        let store: any ParkRepository
        let admin: Caller, manager: Caller, logistics: Caller, property: Caller, auditor: Caller, outsider: Caller
    }

    static func fixture(_ implementation: Implementation = .sqlite) async throws -> Fixture {
        let store = try implementation.make()
        var ids: [String: Int64] = [:]
        for name in ["admin", "manager", "logistics", "property", "auditor", "outsider"] {
            ids[name] = try await store.createUser(username: name, displayName: name, passwordHash: "x", isAdmin: name == "admin")
        }
        let admin = try #require(try await store.caller(userID: ids["admin"] ?? 0))
        try await store.importPark(try example(), caller: admin)
        try await store.setMembership(username: "manager", parkKey: "nansha-demo", role: .manager, enterprise: nil)
        try await store.setMembership(username: "logistics", parkKey: "nansha-demo", role: .tenant, enterprise: "logistics")
        try await store.setMembership(username: "property", parkKey: "nansha-demo", role: .tenant, enterprise: "property")
        try await store.setMembership(username: "auditor", parkKey: "nansha-demo", role: .auditor, enterprise: nil)
        func caller(_ name: String) async throws -> Caller { try #require(try await store.caller(userID: ids[name] ?? 0)) }
        return Fixture(store: store, admin: admin, manager: try await caller("manager"), logistics: try await caller("logistics"),
                       property: try await caller("property"), auditor: try await caller("auditor"), outsider: try await caller("outsider"))
    }

    @Test("SQLite: the database is migrated with foreign keys on and WAL journaling")
    func migrations() async throws {
        let store = try SQLiteParkStore(path: FileManager.default.temporaryDirectory.appendingPathComponent("zp-m-\(UUID().uuidString).sqlite").path)
        #expect(try store.appliedMigrations() == ["v1-parks-users-audit", "v2-accounting-rules", "v3-certificates-and-categories",
                                                  "v3-offset-integrity", "v4-telemetry", "v5-plans", "v6-trial-period", "v7-year-output", "v8-park-tariff", "v9-park-catalogue", "v10-evaluations", "v11-snapshot-context", "v12-published-snapshot", "v13-evaluation-evidence"])
        let (foreignKeys, journal) = try await store.pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(foreignKeys == 1)
        #expect(journal == "wal")
    }

    @Test("a stored park recomputes to the same inventory as its park file", arguments: Implementation.allCases)
    func storedInventory(_ implementation: Implementation) async throws {
        let f = try await Self.fixture(implementation)
        let (definition, missing) = try await f.store.definition(parkKey: "nansha-demo", year: 2025, caller: f.manager)
        #expect(missing.isEmpty)
        let stored = try InventoryCalculator.compute(definition)
        let direct = try InventoryCalculator.compute(try Self.example())
        #expect(abs(stored.emissionsTco2 - direct.emissionsTco2) < 1e-9)
        #expect(abs(stored.netTco2 - direct.netTco2) < 1e-9)
        #expect(stored.monthly.count == 12)
        // Export → read → same inventory (park-file round trip).
        let exported = try ParkFileReader.read(yaml: ParkFileWriter.write(definition))
        let again = try InventoryCalculator.compute(exported)
        #expect(InventoryDocument(again) == InventoryDocument(stored))
    }

    @Test("tenants see and change only their own enterprise's sources", arguments: Implementation.allCases)
    func tenantScope(_ implementation: Implementation) async throws {
        let f = try await Self.fixture(implementation)
        #expect(try await f.store.sources(parkKey: "nansha-demo", caller: f.logistics).map(\.key) == ["fleet-diesel"])
        #expect(try await f.store.sources(parkKey: "nansha-demo", caller: f.manager).count == 11)
        // Another enterprise's source is "not found", exactly like a source that does not exist (issue #6).
        await #expect(throws: StoreError.notFound("source water")) {
            try await f.store.source(parkKey: "nansha-demo", sourceKey: "water", caller: f.logistics)
        }
        await #expect(throws: StoreError.self) {
            try await f.store.recordActivity(parkKey: "nansha-demo", values: [.init(sourceKey: "water", year: 2025, month: 0, value: 1)],
                                             caller: f.logistics)
        }
        // A tenant's inventory holds only its own sources, and no park-level sinks or offsets.
        let (definition, _) = try await f.store.definition(parkKey: "nansha-demo", year: 2025, caller: f.property)
        #expect(definition.sources.map(\.id) == ["water"])
        #expect(definition.offsets.isEmpty && definition.sinks.isEmpty)
        // A tenant's new source belongs to its enterprise whatever it claims, and its key is in the
        // tenant's namespace, so a taken key can only be one of its own sources.
        let created = try await f.store.createSource(parkKey: "nansha-demo",
                                                     spec: SourceSpec(key: "logistics.forklift", name: "叉车", system: "transport",
                                                                      method: "fuel_combustion", fuel: "diesel", enterprise: "property", unit: "t"),
                                                     caller: f.logistics)
        #expect(created.enterprise == "logistics")
        await #expect(throws: StoreError.invalid(field: "key", message: "租户的排放源编号须以“logistics.”开头 / a tenant's source keys begin with \"logistics.\"")) {
            try await f.store.createSource(parkKey: "nansha-demo",
                                           spec: SourceSpec(key: "water", name: "x", system: "transport", method: "fuel_combustion",
                                                            fuel: "diesel", unit: "t"), caller: f.logistics)
        }
        // Nobody may put a source under another enterprise's namespace.
        await #expect(throws: StoreError.invalid(field: "key", message: "以“logistics.”开头的编号属于企业 logistics / keys beginning with \"logistics.\" belong to enterprise logistics")) {
            try await f.store.createSource(parkKey: "nansha-demo",
                                           spec: SourceSpec(key: "logistics.boiler", name: "x", system: "transport", method: "fuel_combustion",
                                                            fuel: "diesel", enterprise: "property", unit: "t"), caller: f.manager)
        }
    }

    @Test("a key `E.…` belongs to enterprise E in park files and for new enterprises too", arguments: Implementation.allCases)
    func keyNamespaces(_ implementation: Implementation) async throws {
        let f = try await Self.fixture(implementation)
        // A park file putting logistics' diesel under property's namespace is refused whole.
        var park = try Self.example()
        for index in park.sources.indices where park.sources[index].id == "fleet-diesel" { park.sources[index].id = "property.fleet" }
        let replacement = park
        await #expect(throws: StoreError.invalid(field: "key", message: "以“property.”开头的编号属于企业 property / keys beginning with \"property.\" belong to enterprise property")) {
            try await f.store.importPark(replacement, caller: f.admin, replace: true, enterprises: [])
        }
        #expect(try await f.store.sources(parkKey: "nansha-demo", caller: f.manager).contains { $0.key == "fleet-diesel" })
        // A new enterprise cannot be introduced over keys that already stand in its namespace.
        _ = try await f.store.createSource(parkKey: "nansha-demo",
                                           spec: SourceSpec(key: "canteen.stove", name: "灶", system: "energy", method: "fuel_combustion",
                                                            fuel: "diesel", enterprise: "property", unit: "t"), caller: f.manager)
        await #expect(throws: StoreError.invalid(field: "enterprise", message: "以“canteen.”开头的排放源编号属于其他企业 / sources with keys beginning with \"canteen.\" belong to others")) {
            try await f.store.createSource(parkKey: "nansha-demo",
                                           spec: SourceSpec(key: "canteen.oven", name: "炉", system: "energy", method: "fuel_combustion",
                                                            fuel: "diesel", enterprise: "canteen", unit: "t"), caller: f.manager)
        }
    }

    @Test("people outside a park cannot tell it exists; auditors read but write only comments", arguments: Implementation.allCases)
    func roles(_ implementation: Implementation) async throws {
        let f = try await Self.fixture(implementation)
        #expect(try await f.store.parks(for: f.outsider).isEmpty)
        await #expect(throws: StoreError.notFound("park nansha-demo")) {
            try await f.store.park(key: "nansha-demo", caller: f.outsider)
        }
        #expect(try await f.store.sources(parkKey: "nansha-demo", caller: f.auditor).count == 11)
        await #expect(throws: StoreError.self) {
            try await f.store.recordActivity(parkKey: "nansha-demo", values: [.init(sourceKey: "water", year: 2025, month: 0, value: 1)],
                                             caller: f.auditor)
        }
        await #expect(throws: StoreError.self) {
            try await f.store.setPublished(parkKey: "nansha-demo", published: false, reductionTarget: nil, caller: f.auditor)
        }
        let comment = try await f.store.addComment(parkKey: "nansha-demo", target: "source:water", text: "请补充水务账单", caller: f.auditor)
        #expect(comment.author == "auditor")
        #expect(try await f.store.comments(parkKey: "nansha-demo", caller: f.manager).count == 1)
    }

    @Test("a batch of activity values is all or nothing, and each change is audited with before and after", arguments: Implementation.allCases)
    func atomicActivity(_ implementation: Implementation) async throws {
        let f = try await Self.fixture(implementation)
        let before = try await f.store.activity(parkKey: "nansha-demo", sourceKey: "water", caller: f.manager)
        await #expect(throws: StoreError.invalid(field: "rows[1].value", message: "须为 0 至 1000000000000000 之间的数，实际为 -5.0 / must be from 0 to 1000000000000000, got -5.0")) {
            try await f.store.recordActivity(parkKey: "nansha-demo", values: [
                .init(sourceKey: "water", year: 2025, month: 0, value: 1_000_000),
                .init(sourceKey: "sludge", year: 2025, month: 0, value: -5),
            ], caller: f.manager)
        }
        #expect(try await f.store.activity(parkKey: "nansha-demo", sourceKey: "water", caller: f.manager) == before)
        try await f.store.recordActivity(parkKey: "nansha-demo", values: [.init(sourceKey: "water", year: 2025, month: 0, value: 930_000,
                                                                              dataSource: "水务公司账单（更正）")], caller: f.manager)
        let audit = try await f.store.auditLog(parkKey: "nansha-demo", caller: f.manager)
        let entry = try #require(audit.first)
        #expect(entry.entity == "activity" && entry.entityKey == "water/2025-0" && entry.action == "update")
        #expect(entry.before == "920000.0" && entry.after == "930000.0" && entry.actor == "manager")
        await #expect(throws: StoreError.self) { try await f.store.auditLog(parkKey: "nansha-demo", caller: f.logistics) }
    }

    @Test("snapshots are stored with the SHA-256 of their input park file and output document", arguments: Implementation.allCases)
    func snapshots(_ implementation: Implementation) async throws {
        let f = try await Self.fixture(implementation)
        let snapshot = try await f.store.saveSnapshot(parkKey: "nansha-demo", year: 2025, inputParkFile: "input", document: "{}",
                                                      emissionsTco2: 1, netTco2: 0, caller: f.manager)
        // sha256("input") and sha256("{}")
        #expect(snapshot.inputHash == "c96c6d5be8d08a12e7b5cdc1b207fa6b2430974c86803d8891675e76fd992c20")
        #expect(snapshot.outputHash == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
        let fetched = try await f.store.snapshot(parkKey: "nansha-demo", id: snapshot.id, caller: f.auditor)
        #expect(fetched.inputParkFile == "input")
        await #expect(throws: StoreError.self) {
            try await f.store.saveSnapshot(parkKey: "nansha-demo", year: 2025, inputParkFile: "x", document: "{}", emissionsTco2: 1,
                                           netTco2: 0, caller: f.auditor)
        }
    }

    @Test("importing a park whose key exists is a conflict and changes nothing", arguments: Implementation.allCases)
    func importConflict(_ implementation: Implementation) async throws {
        let f = try await Self.fixture(implementation)
        await #expect(throws: StoreError.conflict("园区 nansha-demo 已存在 / park nansha-demo exists")) {
            try await f.store.importPark(try Self.example(), caller: f.admin)
        }
        #expect(try await f.store.sources(parkKey: "nansha-demo", caller: f.admin).count == 11)
        await #expect(throws: StoreError.self) {
            var other = try Self.example()
            other.profile.id = "new-park"
            try await f.store.importPark(other, caller: f.manager)
        }
    }
}
