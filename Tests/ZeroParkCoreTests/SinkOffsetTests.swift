import Testing
@testable import ZeroParkCore

/// Sinks (greenery pro-rated to the period, CCUS) and the offset rules of 1.1.4(b), 1.1.7, 1.1.34.
struct SinkOffsetTests {
    let rate = Quantity(10.5, TestPark.unit("tCO2/ha/yr"))

    @Test("greenery over a calendar year: 12.6 ha × 10.5 tCO2/ha/yr × 1 yr = 132.3 tCO2")
    func greeneryYear() throws {
        let sink = CarbonSink(id: "g", name: "g", kind: .greenery(areaM2: 126_000, rate: rate), source: "survey")
        let inventory = try InventoryCalculator.compute(TestPark.park(sinks: [sink]))
        #expect(close(inventory.sequestrationTco2, 132.3))
    }

    @Test("greenery pro-rated: 2024-01-01..2024-06-30 is 182 of 366 days")
    func greeneryHalfYear() throws {
        // 12.6 × 10.5 × 182/366 = 132.3 × 0.4972677596 = 65.78852459 tCO2
        let period = AccountingPeriod(start: CalendarDate(year: 2024, month: 1, day: 1)!, end: CalendarDate(year: 2024, month: 6, day: 30)!)!
        let sink = CarbonSink(id: "g", name: "g", kind: .greenery(areaM2: 126_000, rate: rate), source: nil)
        let inventory = try InventoryCalculator.compute(TestPark.park(period: period, sinks: [sink]))
        #expect(close(inventory.sequestrationTco2, 132.3 * 182 / 366))
        #expect(period.months.count == 6)
    }

    @Test("greenery with a rate that is not CO2 per area per year is a unit error")
    func greeneryWrongRate() {
        let sink = CarbonSink(id: "g", name: "g", kind: .greenery(areaM2: 100, rate: Quantity(1, TestPark.unit("tCO2/MWh"))), source: nil)
        #expect(TestPark.issues(TestPark.park(sinks: [sink])).map(\.code) == ["unit_mismatch"])
    }

    @Test("CCUS counts verified captured tonnes; kgCO2 converts; shares sum to 1")
    func ccus() throws {
        // 820 tCO2 + 180,000 kgCO2 (= 180 tCO2) = 1,000 tCO2; shares 0.82 and 0.18.
        let a = CarbonSink(id: "a", name: "a", kind: .ccus(captured: Quantity(820, .tonneCO2), verification: "GB/T 33760"), source: nil)
        let b = CarbonSink(id: "b", name: "b", kind: .ccus(captured: Quantity(180_000, TestPark.unit("kgCO2")), verification: nil), source: nil)
        let inventory = try InventoryCalculator.compute(TestPark.park(sinks: [a, b]))
        #expect(close(inventory.sequestrationTco2, 1000))
        #expect(close(inventory.share(ofSink: inventory.sinks[0]), 0.82))
        #expect(close(inventory.share(ofSink: inventory.sinks[1]), 0.18))
    }

    func offset(_ id: String, _ type: OffsetType, _ tonnes: Double, retired: Bool = false, commitment: Int? = nil,
                local: Bool? = nil, verification: String? = nil) -> CarbonOffset {
        CarbonOffset(id: id, name: id, type: type, quantity: Quantity(tonnes, .tonneCO2), vintage: 2025, local: local,
                     retired: retired ? CalendarDate(year: 2026, month: 3, day: 1) : nil, retiredFor: "test", registryRef: "REF-\(id)",
                     commitmentYears: commitment, verification: verification)
    }

    @Test("only retired CCER/PHCER credits count; an unretired credit is reported with a 1.1.7 warning")
    func retiredCredits() throws {
        // emissions 30,000 t × 1 tCO2/t = 30,000 ≥ the claims, so the cap does not bind here (OffsetIntegrityTests).
        // counted: 9,000 (PHCER retired) + 15,000 (CCER retired) = 24,000; 5,000 unretired not counted.
        let inventory = try InventoryCalculator.compute(OffsetIntegrityTests.park(emitting: 30_000, offsets: [
            offset("p", .phcer, 9000, retired: true, local: true),
            offset("c", .ccer, 15000, retired: true),
            offset("u", .ccer, 5000),
        ]))
        #expect(inventory.offsetsTco2 == 24_000)
        #expect(inventory.offsets.map(\.counted) == [true, true, false])
        #expect(inventory.offsets[0].local)
        #expect(inventory.warnings.contains { $0.code == "offset_not_retired" && $0.clause == "1.1.7" && $0.subject == "u" })
    }

    @Test("own and co-developed projects need a commitment of at least 3 years (1.1.34)")
    func projectCommitment() throws {
        // emissions 10,000 (no cap binding). counted: 2,400 (co-developed, 3 years) + 100 (own, 5 years) = 2,500;
        // 2 years and none are not counted.
        let inventory = try InventoryCalculator.compute(OffsetIntegrityTests.park(emitting: 10_000, offsets: [
            offset("three", .coDevelopedProject, 2400, commitment: 3),
            offset("two", .coDevelopedProject, 700, commitment: 2),
            offset("none", .ownProject, 300),
            offset("five", .ownProject, 100, commitment: 5),
        ]))
        #expect(inventory.offsetsTco2 == 2500)
        #expect(inventory.offsets.map(\.counted) == [true, false, false, true])
        let warned = inventory.warnings.filter { $0.code == "offset_commitment_too_short" }
        #expect(warned.map(\.subject) == ["two", "none"])
        #expect(warned.allSatisfy { $0.clause == "1.1.34" })
    }

    @Test("net = emissions − sequestration − counted offsets; balanced when net ≤ 0; offsets never take net below 0")
    func balance() throws {
        // 1,000 MWh × 0.4419 = 441.9 tCO2; sink 132.3 → cap 441.9 − 132.3 = 309.6; offset 400 retired:
        // 309.6 counted, 90.4 surplus → net exactly 0 → balanced. (The old convention counted all 400: net −90.4.)
        let sink = CarbonSink(id: "g", name: "g", kind: .greenery(areaM2: 126_000, rate: rate), source: nil)
        let balanced = try InventoryCalculator.compute(TestPark.park(
            sources: [TestPark.source(.purchasedElectricity, 1000, "MWh")], sinks: [sink],
            offsets: [offset("c", .ccer, 400, retired: true)]))
        #expect(balanced.netTco2 == 0)
        #expect(close(balanced.offsetsTco2, 309.6))
        #expect(close(balanced.offsetSurplusTco2, 90.4))
        #expect(balanced.balanced)
        // Exactly zero is balanced too (1.1.2(a): emissions − sequestration = offsets): 100 MWh × 0.5 = 50 = 50 offset.
        let override = ParkFactor(id: "grid.guangdong", value: 0.5, unit: TestPark.unit("tCO2/MWh"), source: "test")
        let even = try InventoryCalculator.compute(TestPark.park(
            factors: [override], sources: [TestPark.source(.purchasedElectricity, 100, "MWh")],
            offsets: [offset("c", .ccer, 50, retired: true)]))
        #expect(even.netTco2 == 0)
        #expect(even.balanced)
        let short = try InventoryCalculator.compute(TestPark.park(
            sources: [TestPark.source(.purchasedElectricity, 1000, "MWh")], sinks: [sink],
            offsets: [offset("c", .ccer, 300, retired: true)]))
        // 441.9 − 132.3 − 300 = 9.6 > 0
        #expect(close(short.netTco2, 9.6))
        #expect(!short.balanced)
    }

    @Test("offset quantity must be a CO2 mass")
    func offsetUnit() {
        var bad = offset("x", .ccer, 1, retired: true)
        bad.quantity = Quantity(1, .megawattHour)
        #expect(TestPark.issues(TestPark.park(offsets: [bad])).map(\.code) == ["unit_mismatch"])
    }
}
