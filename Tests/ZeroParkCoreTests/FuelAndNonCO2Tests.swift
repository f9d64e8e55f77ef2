import Foundation
import Testing
@testable import ZeroParkCore

/// Issue #7 item 6: natural gas by origin, the fuels and gases that could be cited, and CH4/N2O from
/// stationary combustion reported apart (docs/accounting-rules.md §6). Every expected value is worked
/// by hand in the comments from the library's cited parameters.
struct FuelAndNonCO2Tests {
    let library = FactorLibrary.builtIn

    func nonCO2Park(factors: [ParkFactor] = [], fuels: [FuelDefinition] = [], sources: [EmissionSource] = []) -> ParkDefinition {
        var park = TestPark.park(factors: factors, fuels: fuels, sources: sources)
        park.rules.combustionNonCO2 = true
        return park
    }

    // MARK: Natural gas by origin

    @Test("natural_gas is the pipeline default with the 油田天然气 row; natural_gas_oil_field names that row explicitly")
    func naturalGasOilField() throws {
        // 2 × 10^4 Nm3 × 389.31 GJ/10^4 Nm3 × 15.3 tC/TJ × 0.99 × 44/12 = 43.24377618 tCO2 for both ids;
        // energy 20,000 Nm3 × 1.33 kgce/Nm3 = 26.6 tce (GB/T 2589 油田天然气 1.3300 kgce/m3).
        let pipeline = try TestPark.account(TestPark.source(.fuelCombustion, 2, "10^4 Nm3", fuel: "natural_gas"))
        let oilField = try TestPark.account(TestPark.source(.fuelCombustion, 2, "10^4 Nm3", fuel: "natural_gas_oil_field"))
        #expect(close(pipeline.tco2, 43.243776180))
        #expect(close(oilField.tco2, 43.243776180))
        #expect(close(oilField.energy?.tce ?? 0, 26.6))
        let coal = try #require(oilField.parameters.first { $0.id == "fuel.natural_gas_oil_field.coal_coefficient" })
        #expect(coal.value == 1.33 && coal.unit.symbol == "kgce/Nm3")
        #expect(try #require(library.fuel("natural_gas")).nameZh.contains("管道气"))
    }

    @Test("气田天然气 is not built in (NCV unconfirmed): the error says so; its GB/T 2589 coefficient is 1.2143 kgce/Nm3")
    func gasFieldGas() throws {
        let issues = TestPark.issues(TestPark.park(sources: [TestPark.source(.fuelCombustion, 1, "10^4 Nm3", fuel: "natural_gas_gas_field")]))
        #expect(issues.map(\.code) == ["unknown_fuel"])
        #expect(issues.first?.message.contains("NCV") == true)
        #expect(issues.first?.message.contains("coal.natural_gas_gas_field") == true)
        #expect(library.fuel("natural_gas_gas_field") == nil)
        let coefficient = try #require(library.select(FactorLibrary.gasFieldGasCoalID, forYear: 2025)?.factor)
        #expect(coefficient.value == 1.2143 && coefficient.unitSymbol == "kgce/Nm3")

        // A park that defines the fuel with its supplier's NCV (355 GJ/10^4 Nm3 is a test input, not a
        // library value) and the GB/T 2589 coefficient: 10,000 Nm3 × 1.2143 kgce/Nm3 = 12.143 tce —
        // not the 13.3 tce the 油田天然气 coefficient 1.33 would give.
        let gasField = FuelDefinition(id: "natural_gas_gas_field", name: "气田天然气", ncv: Quantity(355, TestPark.unit("GJ/10^4 Nm3")),
                                      carbonContent: Quantity(15.3, TestPark.unit("tC/TJ")), oxidation: 0.99, biogenic: false,
                                      coalCoefficient: Quantity(coefficient.value, try coefficient.unit), source: "supplier certificate")
        let account = try TestPark.account(TestPark.source(.fuelCombustion, 10_000, "Nm3", fuel: "natural_gas_gas_field"),
                                           in: TestPark.park(fuels: [gasField]))
        #expect(close(account.energy?.tce ?? 0, 12.143))
        #expect(account.parameters.contains { $0.id == "fuel.natural_gas_gas_field.coal_coefficient" && $0.origin == .park })
    }

    // MARK: IPCC 2006 fuels

    @Test("LNG (IPCC natural-gas row, per tonne): 10 t → 26.928 tCO2; energy by NCV ÷ 29.3076, shown as a derived coefficient")
    func lng() throws {
        // 10 t × 48.0 GJ/t = 480 GJ; × 15.3 tC/TJ = 7.344 tC; × 1 × 44/12 = 26.928 tCO2.
        // Energy: 480 GJ ÷ 29.3076 GJ/tce = 16.378004 tce; coefficient 48.0 ÷ 29.3076 = 1.6378004 tce/t.
        let account = try TestPark.account(TestPark.source(.fuelCombustion, 10, "t", fuel: "lng"))
        #expect(close(account.tco2, 26.928))
        #expect(close(account.energy?.tce ?? 0, 480 / 29.3076))
        let coal = try #require(account.parameters.first { $0.id == "fuel.lng.coal_coefficient" })
        #expect(close(coal.value, 48.0 / 29.3076))
        #expect(coal.unit.symbol == "tce/t")
        #expect(coal.note?.contains("29.3076") == true)
    }

    @Test("coke-oven and blast-furnace gas (IPCC, per tonne): 171.699 and 641.212 tCO2; metered Nm3 is refused")
    func processGases() throws {
        // COG: 100 t × 38.7 GJ/t = 3,870 GJ × 12.1 tC/TJ = 46.827 tC × 44/12 = 171.699 tCO2.
        let cog = try TestPark.account(TestPark.source(.fuelCombustion, 100, "t", fuel: "coke_oven_gas"))
        #expect(close(cog.tco2, 171.699))
        // BFG: 1,000 t × 2.47 GJ/t = 2,470 GJ × 70.8 tC/TJ = 174.876 tC × 44/12 = 641.212 tCO2.
        let bfg = try TestPark.account(TestPark.source(.fuelCombustion, 1000, "t", fuel: "blast_furnace_gas"))
        #expect(close(bfg.tco2, 641.212))
        let issues = TestPark.issues(TestPark.park(sources: [TestPark.source(.fuelCombustion, 5, "10^4 Nm3", fuel: "coke_oven_gas")]))
        #expect(issues.map(\.code) == ["unit_mismatch"])
    }

    @Test("coal by rank (IPCC 2006 defaults, OF = 1): anthracite 262.372, bituminous 244.068, lignite 120.428 tCO2 per 100 t")
    func coalByRank() throws {
        // anthracite: 100 t × 26.7 GJ/t = 2,670 GJ × 26.8 tC/TJ = 71.556 tC × 44/12 = 262.372 tCO2
        // bituminous: 100 t × 25.8 GJ/t = 2,580 GJ × 25.8 tC/TJ = 66.564 tC × 44/12 = 244.068 tCO2
        // lignite:    100 t × 11.9 GJ/t = 1,190 GJ × 27.6 tC/TJ = 32.844 tC × 44/12 = 120.428 tCO2
        for (fuel, expected) in [("anthracite", 262.372), ("bituminous_coal", 244.068), ("lignite", 120.428)] {
            let account = try TestPark.account(TestPark.source(.fuelCombustion, 100, "t", fuel: fuel))
            #expect(close(account.tco2, expected), "\(fuel)")
        }
    }

    @Test("wood is biogenic: 10 t → 17.446 tCO2 reported apart, none counted; energy clean")
    func wood() throws {
        // 10 t × 15.6 GJ/t = 156 GJ × 30.5 tC/TJ = 4.758 tC × 44/12 = 17.446 tCO2 biogenic.
        // Energy: 156 GJ ÷ 29.3076 = 5.322844 tce, clean.
        let account = try TestPark.account(TestPark.source(.fuelCombustion, 10, "t", fuel: "wood"))
        #expect(account.tco2 == 0)
        #expect(close(account.biogenicTco2, 17.446))
        #expect(account.energy?.clean == true)
        #expect(account.warnings.contains { $0.code == "biogenic_not_counted" })
    }

    @Test("every library fuel has cited CH4 and N2O factors in kg/TJ; AR6 has fossil 29.8 and non-fossil 27.0 CH4")
    func nonCO2Library() throws {
        for fuel in library.fuels {
            for id in [FactorLibrary.combustionCH4ID(fuel: fuel.id), FactorLibrary.combustionN2OID(fuel: fuel.id)] {
                let factor = try #require(library.select(id, forYear: 2025)?.factor, "\(id)")
                #expect(factor.unitSymbol == "kg/TJ")
                #expect(factor.citation.document.contains("Table 2.3"))
                #expect(factor.note?.contains("EF ID") == true)
            }
        }
        #expect(library.select("gwp.AR6.CH4_fossil", forYear: 2025)?.factor.value == 29.8)
        #expect(library.select("gwp.AR6.CH4_non_fossil", forYear: 2025)?.factor.value == 27.0)
        // The single AR6 CH4 value used by refrigerant/activity lines is unchanged.
        #expect(library.select("gwp.AR6.CH4", forYear: 2025)?.factor.value == 27.9)
    }

    // MARK: CH4 and N2O from stationary combustion

    @Test("off by default: no CH4/N2O on the line, in the totals or in the JSON")
    func nonCO2OffByDefault() throws {
        #expect(AccountingRules.standard.combustionNonCO2 == false)
        let inventory = try InventoryCalculator.compute(TestPark.park(sources: [TestPark.source(.fuelCombustion, 2, "10^4 Nm3", fuel: "natural_gas")]))
        #expect(inventory.sources[0].nonCO2 == nil)
        #expect(!inventory.reportsCombustionNonCO2)
        let json = String(decoding: try JSONEncoder().encode(InventoryDocument(inventory)), as: UTF8.self)
        // The rules block names the rule (`"combustion_non_co2":"false"`); no figure is present.
        #expect(json.contains("\"combustion_non_co2\":\"false\""))
        #expect(!json.contains("combustion_ch4") && !json.contains("combustion_n2o") && !json.contains("combustion_non_co2_tco2e"))
        #expect(!json.contains("\"non_co2\""))
    }

    @Test("natural gas, rule on: CH4 0.023203 + N2O 0.021256 tCO2e with AR6 fossil CH4 29.8, not counted")
    func naturalGasNonCO2() throws {
        // AD × NCV = 2 × 10^4 Nm3 × 389.31 GJ/10^4 Nm3 = 778.62 GJ = 0.77862 TJ.
        // CH4: 0.77862 TJ × 1 kg/TJ = 0.77862 kg = 0.00077862 t × 29.8 (AR6 fossil) = 0.023202876 tCO2e.
        // N2O: 0.77862 TJ × 0.1 kg/TJ = 0.077862 kg = 0.000077862 t × 273 = 0.021256326 tCO2e.
        // Total 0.044459202 tCO2e, apart: counted emissions stay 43.24377618 tCO2.
        let park = nonCO2Park(sources: [TestPark.source(.fuelCombustion, 2, "10^4 Nm3", fuel: "natural_gas")])
        let inventory = try InventoryCalculator.compute(park)
        let line = try #require(inventory.sources[0].nonCO2)
        #expect(line.gwpSet == "AR6")
        #expect(close(line.ch4Tonnes, 0.00077862))
        #expect(close(line.ch4Tco2e, 0.023202876))
        #expect(close(line.n2oTco2e, 0.021256326))
        #expect(close(inventory.combustionNonCO2Tco2e, 0.044459202))
        #expect(close(inventory.emissionsTco2, 43.243776180))
        #expect(line.parameters.map(\.id) == ["fuel.natural_gas.ncv", "combustion.ch4.natural_gas", "combustion.n2o.natural_gas",
                                             "gwp.AR6.CH4_fossil", "gwp.AR6.N2O"])
        #expect(line.calculation.hasPrefix("CH4: 2 10^4 Nm3 × 389.31 GJ/10^4 Nm3 × 1 kg/TJ × 29.8 tCO2e/t = "))
    }

    @Test("a biogenic fuel's CH4 takes the AR6 non-fossil GWP 27.0: wood 10 t → 0.12636 + 0.170352 tCO2e")
    func woodNonCO2() throws {
        // 10 t × 15.6 GJ/t = 156 GJ = 0.156 TJ.
        // CH4: 0.156 × 30 kg/TJ = 4.68 kg = 0.00468 t × 27.0 (AR6 non-fossil) = 0.12636 tCO2e.
        // N2O: 0.156 × 4 kg/TJ = 0.624 kg = 0.000624 t × 273 = 0.170352 tCO2e.
        let inventory = try InventoryCalculator.compute(nonCO2Park(sources: [TestPark.source(.fuelCombustion, 10, "t", fuel: "wood")]))
        let line = try #require(inventory.sources[0].nonCO2)
        #expect(line.biogenicMethane)
        #expect(close(line.ch4Tco2e, 0.12636))
        #expect(close(line.n2oTco2e, 0.170352))
        #expect(line.parameters.contains { $0.id == "gwp.AR6.CH4_non_fossil" })
        #expect(inventory.emissionsTco2 == 0)
    }

    @Test("gwp_set AR5 has one CH4 value (28), used for fossil methane; recorded on the line")
    func ar5NonCO2() throws {
        // CH4: 0.00077862 t × 28 = 0.02180136 tCO2e; N2O: 0.000077862 t × 265 = 0.02063343 tCO2e.
        let inventory = try InventoryCalculator.compute(nonCO2Park(sources: [
            TestPark.source(.fuelCombustion, 2, "10^4 Nm3", fuel: "natural_gas", gwpSet: "AR5")]))
        let line = try #require(inventory.sources[0].nonCO2)
        #expect(line.gwpSet == "AR5")
        #expect(close(line.ch4Tco2e, 0.02180136))
        #expect(close(line.n2oTco2e, 0.02063343))
        #expect(line.parameters.contains { $0.id == "gwp.AR5.CH4" })
    }

    @Test("mobile combustion (system transport) and a park fuel without factors are not computed, with a warning")
    func nonCO2NotComputed() throws {
        let biogas = FuelDefinition(id: "park.biogas", name: "沼气", ncv: Quantity(20, TestPark.unit("GJ/10^3 Nm3")),
                                    carbonContent: Quantity(14, TestPark.unit("tC/TJ")), oxidation: 0.98, biogenic: true,
                                    coalCoefficient: nil, source: "test")
        let inventory = try InventoryCalculator.compute(nonCO2Park(fuels: [biogas], sources: [
            TestPark.source("truck", .fuelCombustion, 10, "t", system: .transport, fuel: "diesel"),
            TestPark.source("digester", .fuelCombustion, 100, "10^3 Nm3", fuel: "park.biogas"),
        ]))
        #expect(inventory.sources.allSatisfy { $0.nonCO2 == nil })
        #expect(inventory.warnings.contains { $0.code == "non_co2_mobile_not_covered" && $0.subject == "truck" })
        #expect(inventory.warnings.contains { $0.code == "non_co2_factor_missing" && $0.subject == "digester" })
    }

    @Test("a park fuel with its own CH4/N2O factors under factors: reports them, marked park")
    func parkNonCO2Factors() throws {
        // 100 × 10^3 Nm3 × 20 GJ/10^3 Nm3 = 2,000 GJ = 2 TJ. CH4: 2 × 1 kg/TJ = 2 kg = 0.002 t × 27.0 = 0.054 tCO2e.
        // N2O: 2 × 0.1 kg/TJ = 0.2 kg = 0.0002 t × 273 = 0.0546 tCO2e.
        let biogas = FuelDefinition(id: "park.biogas", name: "沼气", ncv: Quantity(20, TestPark.unit("GJ/10^3 Nm3")),
                                    carbonContent: Quantity(14, TestPark.unit("tC/TJ")), oxidation: 0.98, biogenic: true,
                                    coalCoefficient: nil, source: "test")
        let factors = [ParkFactor(id: "combustion.ch4.park.biogas", value: 1, unit: TestPark.unit("kg/TJ"), source: "own test"),
                       ParkFactor(id: "combustion.n2o.park.biogas", value: 0.1, unit: TestPark.unit("kg/TJ"), source: "own test")]
        let inventory = try InventoryCalculator.compute(nonCO2Park(factors: factors, fuels: [biogas], sources: [
            TestPark.source(.fuelCombustion, 100, "10^3 Nm3", fuel: "park.biogas")]))
        let line = try #require(inventory.sources[0].nonCO2)
        #expect(close(line.ch4Tco2e, 0.054))
        #expect(close(line.n2oTco2e, 0.0546))
        #expect(line.parameters.first { $0.id == "combustion.ch4.park.biogas" }?.origin == .park)
    }

    @Test("property: the rule never changes counted, location-based or biogenic totals; CH4/N2O scale with activity")
    func nonCO2NeverCounted() throws {
        let fuels = ["raw_coal", "diesel", "natural_gas", "lng", "coke", "wood", "lpg", "lignite"]
        let units = ["t", "t", "10^4 Nm3", "t", "t", "t", "t", "t"]
        for (index, fuel) in fuels.enumerated() {
            for quantity in [0.0, 1, 17.5, 3_000] {
                let sources = [TestPark.source(.fuelCombustion, quantity, units[index], fuel: fuel)]
                let off = try InventoryCalculator.compute(TestPark.park(sources: sources))
                let on = try InventoryCalculator.compute(nonCO2Park(sources: sources))
                #expect(off.emissionsTco2 == on.emissionsTco2)
                #expect(off.locationBasedTco2 == on.locationBasedTco2)
                #expect(off.biogenicTco2 == on.biogenicTco2)
                #expect(off.consumptionTce == on.consumptionTce)
                let single = try InventoryCalculator.compute(nonCO2Park(sources: [TestPark.source(.fuelCombustion, 1, units[index], fuel: fuel)]))
                #expect(close(on.combustionNonCO2Tco2e, quantity * single.combustionNonCO2Tco2e, relative: 1e-12), "\(fuel) × \(quantity)")
            }
        }
    }

    @Test("JSON: totals and the line gain non-CO2 fields when on; a document without them still decodes")
    func nonCO2JSON() throws {
        let inventory = try InventoryCalculator.compute(nonCO2Park(sources: [TestPark.source(.fuelCombustion, 2, "10^4 Nm3", fuel: "natural_gas")]))
        let document = InventoryDocument(inventory)
        #expect(close(document.totals.combustionNonCO2Tco2e ?? 0, 0.044459202))
        #expect(document.sources[0].nonCO2?.gwpSet == "AR6")
        let data = try JSONEncoder().encode(document)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"combustion_ch4_tco2e\""))
        #expect(json.contains("\"non_co2\""))
        #expect(try JSONDecoder().decode(InventoryDocument.self, from: data) == document)
        // An older document (no non-CO2 fields) decodes with them nil.
        var old = document
        old.totals.combustionCH4Tco2e = nil
        old.totals.combustionN2OTco2e = nil
        old.totals.combustionNonCO2Tco2e = nil
        old.sources[0].nonCO2 = nil
        let oldData = try JSONEncoder().encode(old)
        #expect(!String(decoding: oldData, as: UTF8.self).contains("\"non_co2\""))
        #expect(!String(decoding: oldData, as: UTF8.self).contains("combustion_non_co2_tco2e"))
        #expect(try JSONDecoder().decode(InventoryDocument.self, from: oldData).totals.combustionNonCO2Tco2e == nil)
    }

    @Test("rule combustion_non_co2: true | false; the default is not written")
    func rule() {
        var rules = AccountingRules.standard
        #expect(AccountingRules.keys.contains("combustion_non_co2"))
        #expect(AccountingRules.accepted("combustion_non_co2") == "true | false")
        #expect(rules.changedSettings.isEmpty)
        let refused = rules.set("combustion_non_co2", to: "yes")
        #expect(!refused)
        #expect(!rules.combustionNonCO2)
        let accepted = rules.set("combustion_non_co2", to: "true")
        #expect(accepted)
        #expect(rules.combustionNonCO2)
        #expect(rules.changedSettings.map(\.key) == ["combustion_non_co2"])
        #expect(rules.settings.first { $0.key == "combustion_non_co2" }?.value == "true")
    }
}
