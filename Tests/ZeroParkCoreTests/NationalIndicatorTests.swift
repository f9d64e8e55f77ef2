import Testing
@testable import ZeroParkCore

/// Issue #7 item 5: the 910号 core indicator 单位能耗碳排放 and the clean-energy share.
struct NationalIndicatorTests {
    @Test("numerator = energy activity + industrial process; F-gases and other activity lines stay outside")
    func numerator() throws {
        // Energy: grid 1,000 MWh × 0.4419 = 441.9 tCO2. Process: 100 t × 0.5 tCO2/t = 50 tCO2.
        // Outside: HFC-134a 10 kg × 1,300 (AR5) = 13 tCO2e; a scope-3 activity line 20 t × 0.5 = 10 tCO2.
        // Denominator: 1,000 MWh × 0.1229 kgce/kWh = 122.9 tce. Indicator = 491.9 ÷ 122.9 = 4.002441008...
        var process = TestPark.source("calcination", .activityFactor, 100, "t", system: .production, factor: "park.process")
        process.category = .industrialProcess
        var other = TestPark.source("waste", .activityFactor, 20, "t", system: .waste, factor: "park.process")
        other.scope = 3
        let park = TestPark.park(factors: [ParkFactor(id: "park.process", value: 0.5, unit: TestPark.unit("tCO2/t"), source: "test")],
                                 sources: [TestPark.source("grid", .purchasedElectricity, 1_000, "MWh"), process, other,
                                           TestPark.source("leak", .refrigerantLeakage, 10, "kg", gas: "HFC-134a", gwpSet: "AR5")])
        let inventory = try InventoryCalculator.compute(park)
        let indicator = inventory.indicator
        #expect(close(indicator.energyActivityTco2, 441.9))
        #expect(close(indicator.industrialProcessTco2, 50))
        #expect(close(indicator.consumptionTce, 122.9))
        #expect(close(indicator.value ?? 0, 491.9 / 122.9))
        // The gross total still has every line: 441.9 + 50 + 10 + 13 = 514.9.
        #expect(close(inventory.emissionsTco2, 514.9))
        #expect(indicator.scaleClass == .below200k)
        #expect(indicator.threshold == nil && indicator.meetsThreshold == nil)
        #expect(indicator.unconfirmed.contains { $0.contains("20万") })
    }

    @Test("energy-scale classes and thresholds: ≤ 0.2 for 200,000–1,000,000 tce, ≤ 0.3 from 1,000,000 tce")
    func classes() {
        #expect(NationalIndicator.ScaleClass(annualTce: 199_999.99) == .below200k)
        #expect(NationalIndicator.ScaleClass(annualTce: 200_000) == .from200kTo1m)
        #expect(NationalIndicator.ScaleClass(annualTce: 999_999) == .from200kTo1m)
        #expect(NationalIndicator.ScaleClass(annualTce: 1_000_000) == .atLeast1m)
        #expect(NationalIndicator.ScaleClass.from200kTo1m.threshold == 0.2)
        #expect(NationalIndicator.ScaleClass.atLeast1m.threshold == 0.3)
        #expect(NationalIndicator.ScaleClass.below200k.threshold == nil)
    }

    @Test("a large park is classed and judged: 2,000,000 MWh of green power and 100,000 MWh of grid power")
    func largePark() throws {
        // Grid 100,000 MWh: green power claimed, so counted at the residual mix 0.6096 → 60,960 tCO2.
        // Energy: 2,100,000 MWh × 0.1229 kgce/kWh = 258,090 tce → class 200k–1M, threshold 0.2.
        // Indicator (market basis) = 60,960 ÷ 258,090 = 0.236196...; above 0.2.
        // On the location basis: (100,000 + 2,000,000) × 0.4419 = 927,990 ÷ 258,090 = 3.5956...
        let sources = [TestPark.source("grid", .purchasedElectricity, 100_000, "MWh"),
                       TestPark.source("green", .greenElectricity, 2_000_000, "MWh")]
        let market = try InventoryCalculator.compute(TestPark.park(sources: sources)).indicator
        #expect(close(market.value ?? 0, 60_960 / 258_090))
        #expect(market.scaleClass == .from200kTo1m)
        #expect(market.meetsThreshold == false)
        var park = TestPark.park(sources: sources)
        park.rules.indicatorElectricity = .location
        let location = try InventoryCalculator.compute(park).indicator
        #expect(close(location.value ?? 0, 927_990 / 258_090))
        // Clean share (non-fossil): 2,000,000 ÷ 2,100,000 = 95.238 %.
        #expect(close(market.cleanShare ?? 0, 2_000_000.0 / 2_100_000))
    }

    @Test("the clean-energy share counts natural gas only under including_natural_gas")
    func cleanDefinition() throws {
        // Gas: 2 × 10^4 Nm3 × 1.33 kgce/m³ = 26.6 tce; grid 100 MWh × 0.1229 = 12.29 tce; green 100 MWh = 12.29 tce.
        // non_fossil: 12.29 ÷ 51.18 = 24.0133 %; including_natural_gas: (12.29 + 26.6) ÷ 51.18 = 75.9867 %.
        let sources = [TestPark.source("gas", .fuelCombustion, 2, "10^4 Nm3", fuel: "natural_gas"),
                       TestPark.source("grid", .purchasedElectricity, 100, "MWh"),
                       TestPark.source("green", .greenElectricity, 100, "MWh")]
        var park = TestPark.park(sources: sources)
        #expect(close(try InventoryCalculator.compute(park).indicator.cleanShare ?? 0, 12.29 / 51.18))
        park.rules.cleanEnergy = .includingNaturalGas
        #expect(close(try InventoryCalculator.compute(park).indicator.cleanShare ?? 0, 38.89 / 51.18))
    }

    @Test("a partial-year period is classed on its annualised consumption")
    func annualised() throws {
        // Half a year (181 days of 2025 ÷ 365 = 0.49589 yr) of 1,000,000 MWh = 122,900 tce → 247,834 tce a year: class 200k–1M.
        let start = try #require(CalendarDate(year: 2025, month: 1, day: 1))
        let end = try #require(CalendarDate(year: 2025, month: 6, day: 30))
        let period = try #require(AccountingPeriod(start: start, end: end))
        let park = TestPark.park(period: period, sources: [TestPark.source("grid", .purchasedElectricity, 1_000_000, "MWh")])
        let indicator = try InventoryCalculator.compute(park).indicator
        #expect(close(indicator.consumptionTce, 122_900))
        #expect(indicator.scaleClass == .from200kTo1m)
        #expect(close(indicator.annualConsumptionTce, 122_900 / period.years))
    }
}
