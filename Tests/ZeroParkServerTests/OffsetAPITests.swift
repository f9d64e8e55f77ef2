import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkCore
@testable import ZeroParkServer
@testable import ZeroParkStore

/// Offsets through the API and the inventory service (docs/accounting-rules.md §4): the new body
/// fields and their ranges, a taken registry reference is 409, local is derived, the inventory JSON
/// shows counted and surplus tonnes, and a date-dependent result is not served across days.
struct OffsetAPITests {
    @Test("a registry reference the park already claims is 409; an unknown province is 422; local is derived")
    func offsetsAPI() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let uri = "/api/v1/parks/nansha-demo/offsets"
            // The example's CCER holds CCER-2024-015-0042 (claimed for 2025); claiming it for 2024 is a conflict.
            try await client.execute(uri: uri, method: .post, headers: server.auth("manager"), body: body(
                #"{"id":"again","name":"重复","type":"CCER","quantity":{"value":10,"unit":"tCO2"},"year":2024,"vintage":2024,"retired":"2025-02-01","registry_ref":"CCER-2024-015-0042"}"#
            )) { response in
                #expect(response.status == .conflict)
                let error = try response.error()
                #expect((error["message"] as? String)?.contains("CCER-2024-015-0042") == true)
                #expect((error["message"] as? String)?.contains("ccer-wind") == true)
            }
            try await client.execute(uri: uri, method: .post, headers: server.auth("manager"), body: body(
                #"{"id":"x","name":"x","type":"CCER","quantity":{"value":10,"unit":"tCO2"},"year":2025,"project_province":"atlantis"}"#
            )) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "project_province")
            }
            // PHCER projects are in Guangdong by definition: another province is refused before anything is stored.
            try await client.execute(uri: uri, method: .post, headers: server.auth("manager"), body: body(
                #"{"id":"p","name":"p","type":"PHCER","quantity":{"value":10,"unit":"tCO2"},"year":2025,"project_province":"zhejiang"}"#
            )) { response in
                #expect(response.status == .unprocessableContent)
            }
            // A typed `local: true` for an Inner Mongolia project is stored as typed and shown as not local.
            try await client.execute(uri: uri, method: .post, headers: server.auth("manager"), body: body(
                #"{"id":"nm","name":"内蒙古光伏","type":"CCER","quantity":{"value":10,"unit":"tCO2"},"year":2025,"vintage":2025,"local":true,"project_province":"neimenggu","retired":"2026-01-10","retired_for":"nansha-demo","registry_ref":"CCER-NM-1"}"#
            )) { response in
                #expect(response.status == .created)
                let object = try #require(try response.json() as? [String: Any])
                #expect(object["local"] as? Bool == false)
                #expect(object["project_province"] as? String == "neimenggu")
                #expect(object["retired_for"] as? String == "nansha-demo")
            }
            try await client.execute(uri: uri, method: .get, headers: server.auth("manager")) { response in
                let offsets = try #require(try response.json() as? [[String: Any]])
                let local = Dictionary(uniqueKeysWithValues: offsets.compactMap { item in (item["id"] as? String).map { ($0, item["local"] as? Bool) } })
                #expect(local == ["phcer-2025": true, "ccer-wind": false, "rural-pv-project": false, "nm": false])
            }
        }
    }

    @Test("the inventory JSON counts offsets up to emissions − sequestration, local first, and shows the surplus")
    func inventorySurplus() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            // Example: emissions 40,851.3485263906 (grid at the residual mix), sequestration 952.3 → cap
            // 39,899.0485263906; claims 26,400. Add a local (Guangdong) CCER of 20,000 → claims 46,400. Local first:
            // PHCER 9,000 + new 20,000 = 29,000; then file order: ccer-wind 10,899.0485263906 of 15,000 (surplus
            // 4,100.9514736094), funded 0 of 2,400. Counted = cap; net = 0 (balanced);
            // surplus = 46,400 − 39,899.0485263906 = 6,500.9514736094.
            try await client.execute(uri: "/api/v1/parks/nansha-demo/offsets", method: .post, headers: server.auth("manager"), body: body(
                #"{"id":"gd-ccer","name":"广东林业碳汇 CCER","type":"CCER","quantity":{"value":20000,"unit":"tCO2"},"year":2025,"vintage":2025,"project_province":"guangdong","retired":"2026-01-10","retired_for":"南沙智造产业园","registry_ref":"CCER-GD-2025-1"}"#
            )) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/inventory?year=2025", method: .get, headers: server.auth("manager")) { response in
                let object = try #require(try response.json() as? [String: Any])
                let totals = try #require(object["totals"] as? [String: Any])
                let cap = 40851.3485263906 - 952.3
                #expect(abs((totals["offsets_tco2"] as? Double ?? 0) - cap) < 1e-6)
                #expect(totals["net_tco2"] as? Double == 0)
                #expect(totals["balanced"] as? Bool == true)
                #expect(abs((totals["offset_surplus_tco2"] as? Double ?? 0) - (46_400 - cap)) < 1e-6)
                #expect(totals["offsets_claimed_tco2"] as? Double == 46_400)
                let offsets = try #require(object["offsets"] as? [[String: Any]])
                let byID = Dictionary(uniqueKeysWithValues: offsets.compactMap { item in (item["id"] as? String).map { ($0, item) } })
                #expect(byID["gd-ccer"]?["counted_tco2"] as? Double == 20_000)
                #expect(byID["gd-ccer"]?["local"] as? Bool == true)
                #expect(abs((byID["ccer-wind"]?["surplus_tco2"] as? Double ?? 0) - (15_000 - (cap - 29_000))) < 1e-6)
                #expect(byID["rural-pv-project"]?["counted_tco2"] as? Double == 0)
                #expect(byID["rural-pv-project"]?["counted"] as? Bool == false)
                #expect(byID["rural-pv-project"]?["eligible"] as? Bool == true)
                let warnings = try #require(object["warnings"] as? [[String: Any]])
                let surplus = warnings.filter { $0["code"] as? String == "offset_surplus" }
                #expect(surplus.compactMap { $0["subject"] as? String } == ["ccer-wind", "rural-pv-project"])
                #expect(surplus.compactMap { $0["clause"] as? String } == ["1.1.7", "1.1.4(b)"])
            }
        }
    }

    /// A clock the test moves.
    final class Day: @unchecked Sendable {
        private let lock = NSLock()
        private var value: CalendarDate
        init(_ value: CalendarDate) { self.value = value }
        var current: CalendarDate { lock.withLock { value } }
        func set(_ day: CalendarDate) { lock.withLock { value = day } }
    }

    @Test("with no report_date the day of computation decides, and the cache does not carry a result into the next day")
    func dateDependentCache() async throws {
        let server = try await TestServer.make()
        let store = server.store
        let userID = try #require(try await store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM user WHERE username = 'manager'") })
        let caller = try #require(try await store.caller(userID: userID))
        // A CCER retired 2026-04-01, counted only from that day on (1.1.7: not after the report date).
        let offset = CarbonOffset(id: "april", name: "april", type: .ccer, quantity: Quantity(1_000, .tonneCO2), vintage: 2025,
                                  retired: CalendarDate(year: 2026, month: 4, day: 1), retiredFor: "nansha-demo", registryRef: "CCER-APRIL")
        try await store.createOffset(parkKey: "nansha-demo", offset: offset, year: 2025, caller: caller)
        let day = Day(try #require(CalendarDate(year: 2026, month: 3, day: 31)))
        let service = InventoryService(store: store, cache: InventoryCache(), today: { day.current })
        // 31 March: 26,400 counted (the example's), April refused.
        let before = try await service.compute(parkKey: "nansha-demo", year: 2025, caller: caller)
        #expect(before.inventory.offsetsTco2 == 26_400)
        #expect(before.inventory.warnings.contains { $0.code == "offset_retired_after_report_date" && $0.subject == "april" })
        // 1 April, same data version: recomputed, 27,400 counted.
        day.set(try #require(CalendarDate(year: 2026, month: 4, day: 1)))
        let after = try await service.compute(parkKey: "nansha-demo", year: 2025, caller: caller)
        #expect(after.inventory.offsetsTco2 == 27_400)
        #expect(after.reportDate == CalendarDate(year: 2026, month: 4, day: 1))
        // A snapshot records the report date it used, so its input park file recomputes to the same figures.
        let snapshot = try await service.snapshot(parkKey: "nansha-demo", year: 2025, caller: caller)
        let stored = try await store.snapshot(parkKey: "nansha-demo", id: snapshot.id, caller: caller)
        #expect(stored.inputParkFile?.contains("report_date: \"2026-04-01\"") == true)
    }
}
