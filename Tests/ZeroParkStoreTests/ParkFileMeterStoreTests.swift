import Foundation
import Testing
import ZeroParkCore
import ZeroParkTelemetry
@testable import ZeroParkStore

/// A park file's `meters:` registered on import (issue #8 §1): sub-meters may come before their main
/// meter; a replace updates descriptions and keeps meters the file leaves out; a bad reference is
/// refused naming the file's field, and nothing of that import is stored.
struct ParkFileMeterStoreTests {
    static func park(_ meters: [ParkMeter]) throws -> ParkDefinition {
        var park = try StoreTests.example()
        park.meters = meters
        return park
    }

    static let sub = ParkMeter(id: "sub", name: "分表", quantity: "electricity_import", unit: "kWh", readingKind: "interval",
                               enterprise: "logistics", feeds: "grid-electricity", parent: "main")
    static let main = ParkMeter(id: "main", name: "总表", quantity: "electricity_import", unit: "kWh", readingKind: "cumulative",
                                multiplier: 80, counterModulus: 1_000_000, feeds: "grid-electricity")

    func store(with park: ParkDefinition) async throws -> (SQLiteParkStore, Caller) {
        let store = try SQLiteParkStore(path: FileManager.default.temporaryDirectory.appendingPathComponent("zp-pm-\(UUID().uuidString).sqlite").path)
        let id = try await store.createUser(username: "admin", displayName: "admin", passwordHash: "x", isAdmin: true)
        let admin = try #require(try await store.caller(userID: id))
        try await store.importPark(park, caller: admin)
        return (store, admin)
    }

    @Test("meters are registered with the park, main meters before their sub-meters")
    func registered() async throws {
        let (store, admin) = try await store(with: try Self.park([Self.sub, Self.main]))
        let meters = try await store.meters(parkKey: "nansha-demo", caller: admin)
        #expect(Set(meters.map(\.key)) == ["sub", "main"])
        let main = try #require(meters.first { $0.key == "main" })
        #expect(main.readingKind == .cumulative && main.multiplier == 80 && main.counterModulus == 1_000_000)
        #expect(meters.first { $0.key == "sub" }?.parent == "main")
    }

    @Test("a replace takes the file's descriptions and keeps meters the file leaves out")
    func replaced() async throws {
        let (store, admin) = try await store(with: try Self.park([Self.main, Self.sub]))
        var renamed = Self.main
        renamed.name = "园区总表"
        try await store.importPark(try Self.park([renamed]), caller: admin, replace: true, enterprises: [])
        let meters = try await store.meters(parkKey: "nansha-demo", caller: admin)
        #expect(meters.first { $0.key == "main" }?.name == "园区总表")
        #expect(meters.contains { $0.key == "sub" })
    }

    @Test("a meter whose enterprise the park lacks is refused naming the file's field; nothing is stored")
    func refused() async throws {
        var bad = Self.sub
        bad.enterprise = "nobody"
        let store = try SQLiteParkStore(path: FileManager.default.temporaryDirectory.appendingPathComponent("zp-pm-\(UUID().uuidString).sqlite").path)
        let id = try await store.createUser(username: "admin", displayName: "admin", passwordHash: "x", isAdmin: true)
        let admin = try #require(try await store.caller(userID: id))
        await #expect(throws: StoreError.invalid(field: "meters[1].enterprise", message: "园区 nansha-demo 没有企业 nobody / no enterprise nobody in park nansha-demo")) {
            try await store.importPark(try Self.park([Self.main, bad]), caller: admin)
        }
        await #expect(throws: StoreError.self) { _ = try await store.park(key: "nansha-demo", caller: admin) }
    }
}
