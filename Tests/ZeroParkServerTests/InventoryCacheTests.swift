import Foundation
import Testing
import ZeroParkCore
@testable import ZeroParkServer

/// The inventory cache computes once for concurrent requests of one key, and keys on the data version.
struct InventoryCacheTests {
    actor Counter {
        var count = 0
        func increment() { count += 1 }
    }

    static func computed() throws -> InventoryService.Computed {
        let park = ParkDefinition(profile: ParkProfile(id: "p", name: "p", type: .industrialPark, province: "guangdong", areaM2: 1,
                                                       outputValueCNY: nil, boundaryEvidence: []),
                                  period: try #require(AccountingPeriod(year: 2025)))
        return InventoryService.Computed(inventory: try InventoryCalculator.compute(park), definition: park, missing: [])
    }

    @Test("eight concurrent misses of one key run one computation; a new data version runs another")
    func coalescing() async throws {
        let cache = InventoryCache()
        let counter = Counter()
        let value = try Self.computed()
        let key = InventoryCache.Key(parkKey: "p", year: 2025, scope: .wholePark, version: 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    _ = try await cache.computed(key) {
                        await counter.increment()
                        try await Task.sleep(for: .milliseconds(50))
                        return value
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await counter.count == 1)
        _ = try await cache.computed(InventoryCache.Key(parkKey: "p", year: 2025, scope: .wholePark, version: 2)) {
            await counter.increment()
            return value
        }
        #expect(await counter.count == 2)
    }
}
