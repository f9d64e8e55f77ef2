import Testing
@testable import ZeroParkCore

/// The neutrality verdict is given only on enough data (issue #12 defect 1): a year whose sources have
/// no data is "insufficient data" even though its greenery makes the net negative.
struct BalanceVerdictTests {
    let greenery = CarbonSink(id: "g", name: "g", kind: .greenery(areaM2: 126_000, rate: Quantity(10.5, TestPark.unit("tCO2/ha/yr"))),
                              source: "survey")

    @Test("sinks with no source data: net −132.3 tCO2, yet no verdict")
    func sinksAlone() throws {
        // 12.6 ha × 10.5 tCO2/ha/yr = 132.3 tCO2 sequestered; no source has data: net = 0 − 132.3 = −132.3 ≤ 0.
        let inventory = try InventoryCalculator.compute(TestPark.park(sinks: [greenery]))
        #expect(inventory.balanced)
        #expect(BalanceVerdict.judge(inventory, sourcesWithoutData: ["boiler", "grid"], meteredBelowThreshold: []) == .insufficientData([.noActivity]))
        #expect(BalanceVerdict.judge(inventory, sourcesWithoutData: [], meteredBelowThreshold: []) == .insufficientData([.noSources]))
    }

    @Test("every source with data: the verdict follows net ≤ 0")
    func complete() throws {
        // 100 t × 1 tCO2/t = 100 tCO2 against 132.3 tCO2 of greenery: net −32.3, neutral.
        var park = OffsetIntegrityTests.park(emitting: 100, offsets: [])
        park.sinks = [greenery]
        #expect(BalanceVerdict.judge(try InventoryCalculator.compute(park), sourcesWithoutData: [], meteredBelowThreshold: []) == .neutral)
        // 1,000 tCO2 against 132.3: net 867.7 > 0, not neutral.
        park = OffsetIntegrityTests.park(emitting: 1_000, offsets: [])
        park.sinks = [greenery]
        #expect(BalanceVerdict.judge(try InventoryCalculator.compute(park), sourcesWithoutData: [], meteredBelowThreshold: []) == .notNeutral)
    }

    @Test("a source without data or a metered source below 90 % withholds the verdict, each gap named and sorted")
    func gaps() throws {
        var park = OffsetIntegrityTests.park(emitting: 100, offsets: [])
        park.sinks = [greenery]
        let inventory = try InventoryCalculator.compute(park)
        #expect(BalanceVerdict.judge(inventory, sourcesWithoutData: ["z", "a"], meteredBelowThreshold: ["m"])
                == .insufficientData([.sourcesWithoutData(["a", "z"]), .meteredBelowThreshold(["m"])]))
        #expect(BalanceVerdict.judge(inventory, sourcesWithoutData: [], meteredBelowThreshold: ["m2", "m1"])
                == .insufficientData([.meteredBelowThreshold(["m1", "m2"])]))
    }
}
