import Testing
@testable import ZeroParkCore

/// Issue #8 §6: a period crossing a new year takes each calendar year's factors for its own months.
/// Library vintages used: grid.jiangsu 0.5978 tCO2/MWh (2022, S-PROV22) and 0.5827 tCO2/MWh (2023,
/// S-PROV23); grid.national 0.5366 (2022) and 0.5306 (2023); electricity 0.1229 tce/MWh (GB/T 2589).
struct EffectiveDatedFactorTests {
    /// July 2022 to June 2023: six months in each year.
    let trialYear = AccountingPeriod(start: CalendarDate(year: 2022, month: 7, day: 1)!, end: CalendarDate(year: 2023, month: 6, day: 30)!)!

    func park(_ sources: [EmissionSource], period: AccountingPeriod? = nil) -> ParkDefinition {
        TestPark.park(province: "jiangsu", period: period ?? trialYear, sources: sources)
    }

    @Test("monthly grid power over July–June: 2022's months at the 2022 factor, 2023's at the 2023 factor")
    func splitsAtNewYear() throws {
        // 100 MWh a month. 2022 part: 600 MWh × 0.5978 = 358.68 tCO2; 2023 part: 600 × 0.5827 = 349.62.
        // Total 708.30 tCO2 (the end year's factor alone would give 1,200 × 0.5827 = 699.24).
        let source = TestPark.source("grid", .purchasedElectricity, 0, "MWh", monthly: Array(repeating: 100, count: 12))
        let inventory = try InventoryCalculator.compute(park([source]))
        let line = try #require(inventory.sources.first)
        #expect(close(line.tco2, 708.30))
        #expect(close(line.locationBasedTco2, 708.30))
        #expect(close(inventory.emissionsTco2, 708.30))
        // Monthly: 100 × 0.5978 = 59.78 for Jul–Dec, 100 × 0.5827 = 58.27 for Jan–Jun.
        let monthly = try #require(line.monthlyTco2)
        #expect(monthly.count == 12)
        #expect(close(monthly[0], 59.78) && close(monthly[5], 59.78))
        #expect(close(monthly[6], 58.27) && close(monthly[11], 58.27))
        #expect(close(inventory.monthly.map(\.tco2).reduce(0, +), 708.30))
        // Both vintages are cited, the calculation names each part, energy is the whole: 1,200 × 0.1229 = 147.48 tce.
        let vintages = Set(line.parameters.filter { $0.id == "grid.jiangsu" }.compactMap(\.vintage))
        #expect(vintages == [2022, 2023])
        #expect(line.calculation.contains("2022-07-01..2022-12-31"))
        #expect(line.calculation.contains("2023-01-01..2023-06-30"))
        #expect(close(line.electricity?.mwh ?? 0, 1_200))
        #expect(close(inventory.consumptionTce, 147.48))
    }

    @Test("uneven months: each part's activity meets its own factor")
    func unevenMonths() throws {
        // Jul–Dec 2022: 10 + 20 + 30 + 40 + 50 + 60 = 210 MWh × 0.5366 = 112.686 tCO2 (national, 2022).
        // Jan–Jun 2023: 1 + 2 + 3 + 4 + 5 + 6 = 21 MWh × 0.5306 = 11.1426 tCO2 (national, 2023).
        // Total 123.8286 tCO2.
        let source = TestPark.source("grid", .purchasedElectricity, 0, "MWh", grid: "national",
                                     monthly: [10, 20, 30, 40, 50, 60, 1, 2, 3, 4, 5, 6])
        let line = try #require(try InventoryCalculator.compute(park([source])).sources.first)
        #expect(close(line.tco2, 123.8286))
    }

    @Test("a factor that does not change at the new year leaves the line as one calculation")
    func sameFactorOneLine() throws {
        // A park factor has no vintage: 1,200 t × 0.5 tCO2/t = 600 tCO2, one calculation.
        var definition = park([TestPark.source("process", .activityFactor, 0, "t", system: .production, factor: "own",
                                                monthly: Array(repeating: 100, count: 12))])
        definition.factors = [ParkFactor(id: "own", value: 0.5, unit: TestPark.unit("tCO2/t"), source: "measured")]
        let line = try #require(try InventoryCalculator.compute(definition).sources.first)
        #expect(close(line.tco2, 600))
        #expect(!line.calculation.contains(".."))
    }

    @Test("an annual total over a crossing period keeps the end year's factor (its months are unknown)")
    func annualTotalUnsplit() throws {
        // 1,200 MWh × 0.5827 (2023) = 699.24 tCO2.
        let line = try #require(try InventoryCalculator.compute(park([TestPark.source("grid", .purchasedElectricity, 1_200, "MWh")])).sources.first)
        #expect(close(line.tco2, 699.24))
    }

    @Test("a period inside one year is unchanged")
    func insideOneYear() throws {
        // 2023: 1,200 MWh × 0.5827 = 699.24 tCO2.
        let source = TestPark.source("grid", .purchasedElectricity, 0, "MWh", monthly: Array(repeating: 100, count: 12))
        let line = try #require(try InventoryCalculator.compute(park([source], period: AccountingPeriod(year: 2023))).sources.first)
        #expect(close(line.tco2, 699.24))
        #expect(!line.calculation.contains(".."))
    }

    @Test("year parts of a period")
    func yearParts() {
        #expect(trialYear.yearParts.map { "\($0.start)..\($0.end)" } == ["2022-07-01..2022-12-31", "2023-01-01..2023-06-30"])
        #expect(AccountingPeriod(year: 2024)?.yearParts.count == 1)
    }
}
