import Testing
@testable import ZeroParkCore

/// Worked examples for every accounting method, each computed by hand from the official formula.
struct MethodTests {
    @Test("fuel_combustion, diesel: E = AD × NCV × CC × OF × 44/12")
    func dieselCombustion() throws {
        // 10 t × 42.652 GJ/t = 426.52 GJ; × 20.2 tC/TJ = 426.52 × 0.0202 = 8.615704 tC;
        // × 0.98 = 8.44338992 tC; × 44/12 = 30.95909637 tCO2.
        // Energy: 10 t × 1.4571 kgce/kg = 14.571 tce.
        let account = try TestPark.account(TestPark.source(.fuelCombustion, 10, "t", fuel: "diesel"))
        #expect(close(account.tco2, 30.959096373333))
        #expect(account.locationBasedTco2 == account.tco2)
        #expect(account.biogenicTco2 == 0)
        #expect(close(account.energy?.tce ?? 0, 14.571))
        #expect(account.energy?.clean == false)
        #expect(account.scope == 1)
        #expect(account.factor?.id == "fuel.diesel")
        #expect(account.parameters.map(\.id).contains("fuel.diesel.ncv"))
    }

    @Test("fuel_combustion, natural gas in 10^4 Nm3 and the same gas in Nm3 give the same tonnes")
    func naturalGasUnits() throws {
        // 2 × 10^4 Nm3 × 389.31 GJ/10^4 Nm3 = 778.62 GJ; × 0.0153 tC/GJ = 11.912886 tC;
        // × 0.99 = 11.79375714 tC; × 44/12 = 43.24377618 tCO2. Energy: 20,000 Nm3 × 1.33 kgce = 26.6 tce.
        let big = try TestPark.account(TestPark.source(.fuelCombustion, 2, "10^4 Nm3", fuel: "natural_gas"))
        let small = try TestPark.account(TestPark.source(.fuelCombustion, 20_000, "Nm3", fuel: "natural_gas"))
        #expect(close(big.tco2, 43.243776180))
        #expect(close(small.tco2, big.tco2))
        #expect(close(big.energy?.tce ?? 0, 26.6))
    }

    @Test("fuel_combustion, biogenic park fuel: reported apart, not counted; energy by NCV ÷ 29.3076")
    func biogenicFuel() throws {
        // 310 × 10^3 Nm3 × 20 GJ/10^3 Nm3 = 6,200 GJ; × 0.014 tC/GJ × 0.98 × 44/12 = 311.901333 tCO2 biogenic.
        // Energy: 6,200 GJ ÷ 29.3076 GJ/tce = 211.5492 tce, clean.
        let biogas = FuelDefinition(id: "park.biogas", name: "沼气", ncv: Quantity(20, TestPark.unit("GJ/10^3 Nm3")),
                                    carbonContent: Quantity(14, TestPark.unit("tC/TJ")), oxidation: 0.98, biogenic: true,
                                    coalCoefficient: nil, source: "test")
        let park = TestPark.park(fuels: [biogas])
        let account = try TestPark.account(TestPark.source(.fuelCombustion, 310, "10^3 Nm3", fuel: "park.biogas"), in: park)
        #expect(account.tco2 == 0)
        #expect(account.locationBasedTco2 == 0)
        #expect(close(account.biogenicTco2, 311.901333333))
        #expect(close(account.energy?.tce ?? 0, 6200 / 29.3076))
        #expect(account.energy?.clean == true)
        #expect(account.warnings.contains { $0.code == "biogenic_not_counted" })
    }

    @Test("fuel_combustion refuses an activity that does not match the NCV's unit, naming source and units")
    func fuelUnitMismatch() {
        let issues = TestPark.issues(TestPark.park(sources: [TestPark.source("boiler", .fuelCombustion, 5, "MWh", fuel: "diesel")]))
        #expect(issues.count == 1)
        #expect(issues.first?.code == "unit_mismatch")
        #expect(issues.first?.field == "sources[boiler].activity.unit")
        #expect(issues.first?.message.contains("MWh") == true)
        #expect(issues.first?.message.contains("GJ/t") == true)
    }

    @Test("unknown fuel id is an error naming the fuel")
    func unknownFuel() {
        let issues = TestPark.issues(TestPark.park(sources: [TestPark.source(.fuelCombustion, 5, "t", fuel: "unobtainium")]))
        #expect(issues.map(\.code) == ["unknown_fuel"])
        #expect(issues.first?.message.contains("unobtainium") == true)
    }

    @Test("purchased_electricity uses the provincial factor of the newest vintage ≤ the period's year")
    func purchasedElectricityProvincial() throws {
        // 2025 → 2023 vintage: 1,000 MWh × 0.4419 = 441.9 tCO2; energy 1,000 MWh × 0.1229 kgce/kWh = 122.9 tce.
        let account = try TestPark.account(TestPark.source(.purchasedElectricity, 1000, "MWh"))
        #expect(close(account.tco2, 441.9))
        #expect(account.factor?.vintage == 2023)
        #expect(account.factor?.id == "grid.guangdong")
        #expect(account.factor?.overridden == false)
        #expect(close(account.energy?.tce ?? 0, 122.9))
        #expect(account.scope == 2)
        // 2022 → 2022 vintage: 1,000 × 0.4403 = 440.3; kWh converts: 1,000,000 kWh is the same.
        let in2022 = try TestPark.account(TestPark.source(.purchasedElectricity, 1_000_000, "kWh"), in: TestPark.park(year: 2022))
        #expect(close(in2022.tco2, 440.3))
        #expect(in2022.factor?.vintage == 2022)
    }

    @Test("purchased_electricity: explicit grid key, national, and an explicit park factor (reported as override)")
    func purchasedElectricityChoices() throws {
        // national 2023: 100 × 0.5306 = 53.06
        let national = try TestPark.account(TestPark.source(.purchasedElectricity, 100, "MWh", grid: "national"))
        #expect(close(national.tco2, 53.06))
        // south_grid 2023: 100 × 0.4042 = 40.42
        let south = try TestPark.account(TestPark.source(.purchasedElectricity, 100, "MWh", grid: "south_grid"))
        #expect(close(south.tco2, 40.42))
        // park factor 0.392 tCO2/MWh: 100 × 0.392 = 39.2
        let line = ParkFactor(id: "park.direct_line", value: 0.392, unit: TestPark.unit("tCO2/MWh"), source: "test report")
        let direct = try TestPark.account(TestPark.source(.purchasedElectricity, 100, "MWh", factor: "park.direct_line"),
                                          in: TestPark.park(factors: [line]))
        #expect(close(direct.tco2, 39.2))
        #expect(direct.factor?.overridden == true)
        #expect(direct.factor?.origin == .park)
        #expect(direct.factor?.source == "test report")
    }

    @Test("a park factor with a library id overrides the library and says so")
    func parkOverridesLibrary() throws {
        // 100 MWh × 0.5 = 50 tCO2 instead of 100 × 0.4419.
        let override = ParkFactor(id: "grid.guangdong", value: 0.5, unit: TestPark.unit("tCO2/MWh"), source: "own study")
        let account = try TestPark.account(TestPark.source(.purchasedElectricity, 100, "MWh"), in: TestPark.park(factors: [override]))
        #expect(close(account.tco2, 50))
        #expect(account.factor?.overridden == true)
        #expect(account.factor?.origin == .park)
    }

    @Test("a province without a published factor falls back to the national average with a warning")
    func provinceFallback() throws {
        // xizang: national 2023 0.5306 × 10 MWh = 5.306 tCO2
        let account = try TestPark.account(TestPark.source(.purchasedElectricity, 10, "MWh"), in: TestPark.park(province: "xizang"))
        #expect(close(account.tco2, 5.306))
        #expect(account.factor?.id == "grid.national")
        #expect(account.warnings.contains { $0.code == "grid_factor_fallback" })
    }

    @Test("a period before every published vintage uses the earliest, with a warning")
    func earlyPeriod() throws {
        // 2019 → earliest vintage 2021: 10 MWh × 0.4715 = 4.715
        let account = try TestPark.account(TestPark.source(.purchasedElectricity, 10, "MWh"), in: TestPark.park(year: 2019))
        #expect(close(account.tco2, 4.715))
        #expect(account.factor?.vintage == 2021)
        #expect(account.warnings.contains { $0.code == "factor_vintage_after_period" })
    }

    @Test("purchased_electricity refuses tonnes and unknown grids")
    func electricityErrors() {
        #expect(TestPark.issues(TestPark.park(sources: [TestPark.source(.purchasedElectricity, 1, "t")])).map(\.code) == ["unit_mismatch"])
        #expect(TestPark.issues(TestPark.park(sources: [TestPark.source(.purchasedElectricity, 1, "MWh", grid: "atlantis")])).map(\.code) == ["unknown_grid"])
    }

    @Test("green_electricity and onsite_renewable: zero counted, clean energy; green is location-based, on-site avoided")
    func zeroEmissionElectricity() throws {
        // 12,000 MWh × 0.4419 = 5,302.8 tCO2: green power's location-based figure (it is grid-delivered),
        // on-site generation's avoided emissions (it never passes the grid; location-based 0).
        // Energy 12,000 × 0.1229 = 1,474.8 tce, clean.
        for method in [AccountingMethodKind.greenElectricity, .onsiteRenewable] {
            let account = try TestPark.account(TestPark.source(method, 12_000, "MWh"))
            #expect(account.tco2 == 0)
            #expect(close(method == .greenElectricity ? account.locationBasedTco2 : account.avoidedTco2, 5302.8))
            #expect(method == .greenElectricity ? account.avoidedTco2 == 0 : account.locationBasedTco2 == 0)
            #expect(close(account.energy?.tce ?? 0, 1474.8))
            #expect(account.energy?.clean == true)
        }
    }

    @Test("green_electricity with an explicit factor uses it for the location-based figure (reported as override)")
    func greenWithFactor() throws {
        // 1,000 MWh × 0.6096 (national residual mix 2023) = 609.6 tCO2 location-based; 0 counted.
        let account = try TestPark.account(TestPark.source(.greenElectricity, 1000, "MWh", factor: "grid.national_residual"))
        #expect(account.tco2 == 0)
        #expect(close(account.locationBasedTco2, 609.6))
        #expect(account.factor?.overridden == true)
    }

    @Test("a park may define the grid factor of its own province key")
    func parkDefinedProvinceGrid() throws {
        // 10 MWh × 0.7 = 7 tCO2 with a park-defined grid.hongkong factor.
        let own = ParkFactor(id: "grid.hongkong", value: 0.7, unit: TestPark.unit("tCO2/MWh"), source: "utility disclosure")
        let account = try TestPark.account(TestPark.source(.purchasedElectricity, 10, "MWh"),
                                           in: TestPark.park(province: "hongkong", factors: [own]))
        #expect(close(account.tco2, 7))
        #expect(account.factor?.origin == .park)
    }

    @Test("purchased_heat: default 0.11 tCO2/GJ, or an explicit supplier factor")
    func purchasedHeat() throws {
        // 41,000 GJ × 0.11 = 4,510 tCO2; energy 41,000 × 0.03412 = 1,398.92 tce.
        let account = try TestPark.account(TestPark.source(.purchasedHeat, 41_000, "GJ", system: .production))
        #expect(close(account.tco2, 4510))
        #expect(account.factor?.id == "heat.default")
        #expect(close(account.energy?.tce ?? 0, 1398.92))
        #expect(account.warnings.contains { $0.code == "default_heat_factor" })
        // 1 TJ = 1,000 GJ × 0.095 tCO2/GJ = 95 tCO2
        let measured = ParkFactor(id: "park.steam", value: 0.095, unit: TestPark.unit("tCO2/GJ"), source: "supplier")
        let own = try TestPark.account(TestPark.source(.purchasedHeat, 1, "TJ", factor: "park.steam"), in: TestPark.park(factors: [measured]))
        #expect(close(own.tco2, 95))
        #expect(own.factor?.overridden == true)
    }

    @Test("refrigerant_leakage: kg × GWP of the chosen set", arguments: [("AR4", 171.6), ("AR5", 156.0), ("AR6", 183.12)])
    func refrigerant(set: String, expected: Double) throws {
        // HFC-134a, 120 kg = 0.12 t: AR4 0.12 × 1430 = 171.6; AR5 0.12 × 1300 = 156; AR6 0.12 × 1526 = 183.12
        let account = try TestPark.account(TestPark.source(.refrigerantLeakage, 120, "kg", system: .buildings, gas: "HFC-134a", gwpSet: set))
        #expect(close(account.tco2, expected))
        #expect(account.factor?.id == "gwp.\(set).HFC-134a")
    }

    @Test("refrigerant_leakage errors: unknown gas, unknown set, energy instead of mass")
    func refrigerantErrors() {
        #expect(TestPark.issues(TestPark.park(sources: [TestPark.source(.refrigerantLeakage, 1, "kg", gas: "R-999")])).map(\.code) == ["unknown_gas"])
        #expect(TestPark.issues(TestPark.park(sources: [TestPark.source(.refrigerantLeakage, 1, "kg", gas: "HFC-32", gwpSet: "AR9")])).map(\.code) == ["unknown_gwp_set"])
        #expect(TestPark.issues(TestPark.park(sources: [TestPark.source(.refrigerantLeakage, 1, "kWh", gas: "HFC-32")])).map(\.code) == ["unit_mismatch"])
    }

    @Test("activity_factor: quantity × factor, unit-checked")
    func activityFactor() throws {
        // 920,000 t × 0.21 kgCO2/t = 193,200 kgCO2 = 193.2 tCO2
        let water = ParkFactor(id: "park.water", value: 0.21, unit: TestPark.unit("kgCO2/t"), source: "utility")
        let park = TestPark.park(factors: [water])
        let account = try TestPark.account(TestPark.source(.activityFactor, 920_000, "t", system: .water, factor: "park.water"), in: park)
        #expect(close(account.tco2, 193.2))
        #expect(account.scope == 3)
        #expect(account.energy == nil)
        // kWh fed where t is needed: an error naming the source and both units.
        var wrong = park
        wrong.sources = [TestPark.source("water", .activityFactor, 5, "kWh", system: .water, factor: "park.water")]
        let issues = TestPark.issues(wrong)
        #expect(issues.map(\.code) == ["unit_mismatch"])
        #expect(issues.first?.field == "sources[water].activity.unit")
        #expect(issues.first?.message.contains("kWh") == true)
        #expect(issues.first?.message.contains("kgCO2/t") == true)
    }

    @Test("activity_factor with an unknown factor id is an error")
    func unknownFactor() {
        let issues = TestPark.issues(TestPark.park(sources: [TestPark.source(.activityFactor, 1, "t", factor: "park.nope")]))
        #expect(issues.map(\.code) == ["unknown_factor"])
        #expect(issues.first?.message.contains("park.nope") == true)
    }

    @Test("monthly activity gives a monthly series that sums to the total")
    func monthlySeries() throws {
        // Jan 100 MWh × 0.4419 = 44.19; Feb 200 → 88.38; Mar..Dec 0.
        let months = [100.0, 200] + Array(repeating: 0.0, count: 10)
        let account = try TestPark.account(TestPark.source(.purchasedElectricity, 0, "MWh", monthly: months))
        #expect(close(account.monthlyTco2?[0] ?? 0, 44.19))
        #expect(close(account.monthlyTco2?[1] ?? 0, 88.38))
        #expect(close(account.tco2, 132.57))
    }
}
