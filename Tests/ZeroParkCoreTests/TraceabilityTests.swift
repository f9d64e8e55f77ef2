import Testing
@testable import ZeroParkCore

/// Issue #7 item 7: every line states its standard-coal coefficient, overrides are reported as
/// overrides and not as defaults, biogenic fuels always warn, greenery prints the area unit it used
/// (docs/accounting-rules.md §7). Expected values are worked by hand in the comments.
struct TraceabilityTests {
    func coefficient(_ account: SourceAccount) -> FactorUse? {
        guard let id = account.energy?.coefficient?.id else { return nil }
        return account.parameters.first { $0.id == id }
    }

    @Test("electricity, heat and fuel lines carry their standard-coal coefficient among their parameters")
    func coefficientInParameters() throws {
        // 1,000 MWh × 0.1229 kgce/kWh = 122.9 tce; 100 GJ × 0.03412 tce/GJ = 3.412 tce; 10 t diesel × 1.4571 kgce/kg = 14.571 tce.
        let electricity = try TestPark.account(TestPark.source(.purchasedElectricity, 1000, "MWh"))
        let heat = try TestPark.account(TestPark.source(.purchasedHeat, 100, "GJ"))
        let diesel = try TestPark.account(TestPark.source(.fuelCombustion, 10, "t", fuel: "diesel"))
        #expect(coefficient(electricity)?.id == "coal.electricity_equivalent")
        #expect(coefficient(electricity)?.value == 0.1229)
        #expect(coefficient(heat)?.id == "coal.heat")
        #expect(coefficient(heat)?.value == 0.03412)
        #expect(coefficient(diesel)?.id == "fuel.diesel.coal_coefficient")
        #expect(coefficient(diesel)?.value == 1.4571)
        #expect(coefficient(diesel)?.origin == .library)
        #expect(close(diesel.energy?.tce ?? 0, 14.571))
    }

    @Test("a park fuel's coefficient is reported as the park's, overriding when it shadows a library fuel")
    func parkCoefficientOrigin() throws {
        // Park natural_gas with its own 1.2 kgce/Nm3 (test input): 10,000 Nm3 × 1.2 kgce/Nm3 = 12 tce.
        let own = FuelDefinition(id: "natural_gas", name: "天然气（实测）", ncv: Quantity(360, TestPark.unit("GJ/10^4 Nm3")),
                                 carbonContent: Quantity(15.3, TestPark.unit("tC/TJ")), oxidation: 0.99, biogenic: false,
                                 coalCoefficient: Quantity(1.2, TestPark.unit("kgce/Nm3")), source: "supplier test report")
        let account = try TestPark.account(TestPark.source(.fuelCombustion, 10_000, "Nm3", fuel: "natural_gas"),
                                           in: TestPark.park(fuels: [own]))
        let use = try #require(coefficient(account))
        #expect(use.value == 1.2)
        #expect(use.origin == .park)       // was reported as the library's before issue #7
        #expect(use.overridden)
        #expect(use.source == "supplier test report")
        #expect(close(account.energy?.tce ?? 0, 12))
    }

    @Test("a fuel without a coefficient reports NCV ÷ 29.3076 as a derived coefficient")
    func derivedCoefficient() throws {
        // 310 × 10^3 Nm3 × 20 GJ/10^3 Nm3 = 6,200 GJ ÷ 29.3076 = 211.5492 tce; per 10^3 Nm3: 20 ÷ 29.3076 = 0.682417 tce.
        let biogas = FuelDefinition(id: "park.biogas", name: "沼气", ncv: Quantity(20, TestPark.unit("GJ/10^3 Nm3")),
                                    carbonContent: Quantity(14, TestPark.unit("tC/TJ")), oxidation: 0.98, biogenic: true,
                                    coalCoefficient: nil, source: "test")
        let account = try TestPark.account(TestPark.source(.fuelCombustion, 310, "10^3 Nm3", fuel: "park.biogas"),
                                           in: TestPark.park(fuels: [biogas]))
        let use = try #require(coefficient(account))
        #expect(use.id == "fuel.park.biogas.coal_coefficient")
        #expect(close(use.value, 20 / 29.3076))
        #expect(use.unit.symbol == "tce/10^3 Nm3")
        #expect(use.origin == .park)
        #expect(use.note?.hasPrefix("derived") == true)
        #expect(close(account.energy?.tce ?? 0, 6200 / 29.3076))
    }

    @Test("property: every line with an energy figure lists the coefficient that produced it")
    func everyLineHasItsCoefficient() throws {
        let park = TestPark.park(sources: [
            TestPark.source("e", .purchasedElectricity, 500, "MWh"),
            TestPark.source("g", .greenElectricity, 200, "MWh"),
            TestPark.source("pv", .onsiteRenewable, 50_000, "kWh"),
            TestPark.source("h", .purchasedHeat, 80, "GJ"),
            TestPark.source("d", .fuelCombustion, 3, "t", fuel: "diesel"),
            TestPark.source("n", .fuelCombustion, 1.5, "10^4 Nm3", fuel: "natural_gas"),
            TestPark.source("l", .fuelCombustion, 2, "t", fuel: "lng"),
            TestPark.source("w", .fuelCombustion, 4, "t", fuel: "wood"),
        ])
        let inventory = try InventoryCalculator.compute(park)
        for account in inventory.sources {
            let energy = try #require(account.energy, "\(account.id)")
            let use = try #require(coefficient(account), "\(account.id)")
            // The coefficient reproduces the line's energy: AD × coefficient = tce.
            let tce = try Quantity.product([account.activity.quantity, use.quantity], in: .tonneCoalEquivalent)
            #expect(close(tce, energy.tce), "\(account.id)")
        }
    }

    @Test("a park value for heat.default is an override, not the default: no default_heat_factor warning")
    func heatOverride() throws {
        // 100 GJ × 0.09 tCO2/GJ (park measurement) = 9 tCO2.
        let own = ParkFactor(id: "heat.default", value: 0.09, unit: TestPark.unit("tCO2/GJ"), source: "热力公司实测 2025")
        let account = try TestPark.account(TestPark.source(.purchasedHeat, 100, "GJ"), in: TestPark.park(factors: [own]))
        #expect(close(account.tco2, 9))
        #expect(account.factor?.overridden == true)
        #expect(account.factor?.origin == .park)
        #expect(!account.warnings.contains { $0.code == "default_heat_factor" })
        // The library default still warns, naming the value used: 100 GJ × 0.11 = 11 tCO2.
        let library = try TestPark.account(TestPark.source(.purchasedHeat, 100, "GJ"))
        #expect(close(library.tco2, 11))
        #expect(library.warnings.contains { $0.code == "default_heat_factor" && $0.message.contains("0.11 tCO2/GJ") })
    }

    @Test("a biogenic fuel with an explicit factor still warns that its CO2 is not counted")
    func biogenicExplicitFactor() throws {
        // 100 × 10^3 Nm3 × 1.9 tCO2/10^3 Nm3 (park factor, test input) = 190 tCO2 biogenic, none counted.
        let biogas = FuelDefinition(id: "park.biogas", name: "沼气", ncv: Quantity(20, TestPark.unit("GJ/10^3 Nm3")),
                                    carbonContent: Quantity(14, TestPark.unit("tC/TJ")), oxidation: 0.98, biogenic: true,
                                    coalCoefficient: nil, source: "test")
        let factor = ParkFactor(id: "park.biogas_ef", value: 1.9, unit: TestPark.unit("tCO2/10^3 Nm3"), source: "test")
        let account = try TestPark.account(TestPark.source(.fuelCombustion, 100, "10^3 Nm3", fuel: "park.biogas", factor: "park.biogas_ef"),
                                           in: TestPark.park(factors: [factor], fuels: [biogas]))
        #expect(account.tco2 == 0)
        #expect(close(account.biogenicTco2, 190))
        #expect(account.warnings.contains { $0.code == "biogenic_not_counted" })
    }

    @Test("greenery prints the area in the rate's unit: 10,000 m2 = 15 亩 × 0.5 tCO2/亩/yr × 1 yr = 7.5 tCO2")
    func greeneryMu() throws {
        // 1 亩 = 10,000/15 m2, so 10,000 m2 = 15 亩; 15 × 0.5 × 1 = 7.5 tCO2.
        let sink = CarbonSink(id: "g", name: "g", kind: .greenery(areaM2: 10_000, rate: Quantity(0.5, TestPark.unit("tCO2/亩/yr"))),
                              source: "survey")
        let account = try #require(try InventoryCalculator.compute(TestPark.park(sinks: [sink])).sinks.first)
        #expect(close(account.tco2, 7.5))
        #expect(account.calculation == "15 亩 × 0.5 tCO2/亩/yr × 1 yr = 7.5 tCO2")  // was "1 ha × 0.5 tCO2/亩/yr …"
    }

    @Test("greenery in ha and in m2 print ha and m2")
    func greeneryHectareAndSquareMetre() throws {
        // 126,000 m2 = 12.6 ha × 10.5 tCO2/ha/yr × 1 yr = 132.3 tCO2; 2,000 m2 × 1 kgCO2/m2/yr × 1 yr = 2 tCO2.
        let ha = CarbonSink(id: "a", name: "a", kind: .greenery(areaM2: 126_000, rate: Quantity(10.5, TestPark.unit("tCO2/ha/yr"))), source: nil)
        let m2 = CarbonSink(id: "b", name: "b", kind: .greenery(areaM2: 2_000, rate: Quantity(1, TestPark.unit("kgCO2/m2/yr"))), source: nil)
        let sinks = try InventoryCalculator.compute(TestPark.park(sinks: [ha, m2])).sinks
        #expect(sinks[0].calculation == "12.6 ha × 10.5 tCO2/ha/yr × 1 yr = 132.3 tCO2")
        #expect(sinks[1].calculation == "2000 m2 × 1 kgCO2/m2/yr × 1 yr = 2 tCO2")
    }
}
