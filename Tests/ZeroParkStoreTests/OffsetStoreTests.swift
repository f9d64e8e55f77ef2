import Foundation
import GRDB
import Testing
import ZeroParkCore
@testable import ZeroParkStore

/// Offsets in the store (docs/accounting-rules.md §4): a registry reference is claimed once per park
/// across all years, the integrity fields are stored, and migration v3 keeps older rows meaningful.
struct OffsetStoreTests {
    static func credit(_ id: String, ref: String?, province: String? = nil, local: Bool? = nil,
                       retiredFor: String? = nil) -> CarbonOffset {
        CarbonOffset(id: id, name: id, type: .ccer, quantity: Quantity(100, .tonneCO2), vintage: 2024, local: local,
                     projectProvince: province, retired: CalendarDate(year: 2025, month: 3, day: 1), retiredFor: retiredFor,
                     registryRef: ref)
    }

    @Test("a registry reference already claimed by the park, in any year, is a conflict naming it")
    func registryUnique() async throws {
        let f = try await StoreTests.fixture()
        // The example's CCER (year 2025) holds CCER-2024-015-0042; claiming it again for 2024, in other case and
        // with spaces, is refused and nothing is stored.
        await #expect(throws: StoreError.conflict("登记编号  ccer-2024-015-0042  已被碳抵消 ccer-wind 使用（一份减排量只计一次） / registry reference  ccer-2024-015-0042  is already claimed by offset ccer-wind")) {
            try await f.store.createOffset(parkKey: "nansha-demo", offset: Self.credit("again", ref: " ccer-2024-015-0042 "),
                                           year: 2024, caller: f.manager)
        }
        #expect(try await f.store.offsets(parkKey: "nansha-demo", caller: f.manager).count == 3)
        // Replacing the offset that holds the reference keeps it (its own claim is not a conflict).
        var wind = try #require(try await f.store.offsets(parkKey: "nansha-demo", caller: f.manager).first { $0.offset.id == "ccer-wind" })
        wind.offset.name = "内蒙古风电 CCER（更新）"
        try await f.store.updateOffset(parkKey: "nansha-demo", offset: wind.offset, year: wind.year, caller: f.manager)
        // Another offset changed to the taken reference is refused too.
        await #expect(throws: StoreError.self) {
            var phcer = try #require(try await f.store.offsets(parkKey: "nansha-demo", caller: f.manager).first { $0.offset.id == "phcer-2025" })
            phcer.offset.registryRef = "CCER-2024-015-0042"
            try await f.store.updateOffset(parkKey: "nansha-demo", offset: phcer.offset, year: phcer.year, caller: f.manager)
        }
        // Offsets without a reference never conflict.
        try await f.store.createOffset(parkKey: "nansha-demo", offset: Self.credit("a", ref: nil), year: 2025, caller: f.manager)
        try await f.store.createOffset(parkKey: "nansha-demo", offset: Self.credit("b", ref: nil), year: 2025, caller: f.manager)
    }

    @Test("project_province, retired_for and the typed local (or its absence) are stored; bad provinces refused")
    func fieldsStored() async throws {
        let f = try await StoreTests.fixture()
        let offset = Self.credit("gd", ref: "CCER-GD-1", province: "guangdong", retiredFor: "nansha-demo")
        try await f.store.createOffset(parkKey: "nansha-demo", offset: offset, year: 2025, caller: f.manager)
        let stored = try #require(try await f.store.offsets(parkKey: "nansha-demo", caller: f.manager).first { $0.offset.id == "gd" })
        #expect(stored.offset == offset)
        #expect(stored.offset.statedLocal == nil)
        let (definition, _) = try await f.store.definition(parkKey: "nansha-demo", year: 2025, caller: f.manager)
        #expect(definition.offsets.map(\.statedLocal) == [true, false, nil, nil])
        await #expect(throws: StoreError.invalid(field: "project_province", message: "未知的省份“atlantis” / unknown province \"atlantis\"")) {
            try await f.store.createOffset(parkKey: "nansha-demo", offset: Self.credit("x", ref: "X-1", province: "atlantis"),
                                           year: 2025, caller: f.manager)
        }
        var phcer = Self.credit("p", ref: "P-1", province: "zhejiang")
        phcer.type = .phcer
        await #expect(throws: StoreError.self) {
            try await f.store.createOffset(parkKey: "nansha-demo", offset: phcer, year: 2025, caller: f.manager)
        }
    }

    @Test("migration v3 keeps each older row's typed local and indexes its registry reference")
    func migrationFromV2() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zp-v2-\(UUID().uuidString).sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreMigrations.migrator.migrate(queue, upTo: "v2-accounting-rules")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO park (key, name, type, area_m2, default_year, created_at) VALUES ('p', 'p', 'industrial_park', 1, 2025, 'now');
                    INSERT INTO offset_claim (park_id, key, name, type, year, quantity_value, quantity_unit, vintage, local, retired, registry_ref)
                    VALUES (1, 'a', 'a', 'CCER', 2025, 10, 'tCO2', 2024, 1, '2025-03-01', ' ref-1 '),
                           (1, 'b', 'b', 'CCER', 2025, 10, 'tCO2', 2024, 0, NULL, NULL);
                    """)
            }
        }
        let store = try SQLiteParkStore(path: path)
        #expect(try store.appliedMigrations().suffix(11) == ["v3-offset-integrity", "v4-telemetry", "v5-plans", "v6-trial-period", "v7-year-output", "v8-park-tariff", "v9-park-catalogue", "v10-evaluations", "v11-snapshot-context", "v12-published-snapshot", "v13-evaluation-evidence"])
        let rows = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, local_stated, registry_key FROM offset_claim ORDER BY key")
        }
        #expect(rows.map { $0["local_stated"] as Int? } == [1, 0])
        #expect(rows.map { $0["registry_key"] as String? } == ["REF-1", nil])
        let offsets = try await store.pool.read { db in try SQLiteParkStore.offsets(db, parkID: 1, year: nil) }
        #expect(offsets.map(\.offset.statedLocal) == [true, false])
    }
}
