import Testing
@testable import ZeroParkCore

/// Issue #7 item 8: inventories restated line by line, with the reasons.
struct RestatementTests {
    let waterFactor = ParkFactor(id: "park.water", value: 0.21, unit: TestPark.unit("kgCO2/t"), source: "utility 2024")

    func park(water: ParkFactor) -> ParkDefinition {
        TestPark.park(factors: [water], sources: [TestPark.source("grid", .purchasedElectricity, 1_000, "MWh"),
                                                 TestPark.source("water", .activityFactor, 920_000, "t", system: .water, factor: "park.water")])
    }

    @Test("a park factor edit moves its line by the hand-computed amount and names the factor")
    func parkFactorEdit() throws {
        // Water 920,000 t × 0.21 kgCO2/t = 193.2 tCO2 → × 0.22 = 202.4 tCO2; Δ = +9.2. Grid 441.9 unchanged.
        let before = InventoryDocument(try InventoryCalculator.compute(park(water: waterFactor)))
        var edited = waterFactor
        edited.value = 0.22
        let after = InventoryDocument(try InventoryCalculator.compute(park(water: edited)))
        let restatement = Restatement.compare(before, after)
        #expect(restatement.changed)
        #expect(restatement.lines.map(\.id) == ["water"])
        let line = try #require(restatement.lines.first)
        #expect(close(line.before ?? 0, 193.2) && close(line.after ?? 0, 202.4) && close(line.delta, 9.2))
        #expect(line.reasons == ["factor park.water 0.21 kgCO2/t → 0.22 kgCO2/t"])
        let emissions = try #require(restatement.totals.first { $0.id == "emissions_tco2" })
        #expect(close(emissions.delta, 9.2))
    }

    @Test("a library change restates the lines that use the changed factor, and says which vintage")
    func libraryChange() throws {
        // Without the 2023 Guangdong factor the period 2025 takes 2022: 1,000 MWh × 0.4403 = 440.3 (was 441.9).
        let builtIn = FactorLibrary.builtIn
        let older = FactorLibrary(version: "test-older",
                                  factors: builtIn.factors.filter { !($0.id == "grid.guangdong" && $0.vintage == 2023) },
                                  fuels: builtIn.fuels, gridAreas: builtIn.gridAreas)
        let definition = park(water: waterFactor)
        let restatement = Restatement.compare(InventoryDocument(try InventoryCalculator.compute(definition)),
                                              InventoryDocument(try InventoryCalculator.compute(definition, library: older)))
        #expect(restatement.beforeLibrary == builtIn.version && restatement.afterLibrary == "test-older")
        #expect(restatement.lines.map(\.id) == ["grid"])
        let line = try #require(restatement.lines.first)
        #expect(close(line.delta, 440.3 - 441.9))
        #expect(line.reasons.contains("factor grid.guangdong 0.4419 tCO2/MWh (2023) → 0.4403 tCO2/MWh (2022)"))
    }

    @Test("a rule change is named, and the lines it moves say why")
    func ruleChange() throws {
        // With green power claimed: residual 1,000 × 0.6096 = 609.6; under `average` 441.9; Δ = −167.7.
        var definition = park(water: waterFactor)
        definition.sources.append(TestPark.source("green", .greenElectricity, 100, "MWh"))
        let before = InventoryDocument(try InventoryCalculator.compute(definition))
        definition.rules.marketBasis = .average
        let restatement = Restatement.compare(before, InventoryDocument(try InventoryCalculator.compute(definition)))
        #expect(restatement.ruleChanges == ["market_basis: residual → average"])
        let grid = try #require(restatement.lines.first { $0.id == "grid" })
        #expect(close(grid.delta, 441.9 - 609.6))
        #expect(grid.reasons.contains("electricity basis residual_mix → grid_average"))
        #expect(grid.reasons.contains { $0.hasPrefix("factor grid.national_residual") })
    }

    @Test("the same inputs restate to nothing")
    func unchanged() throws {
        let document = InventoryDocument(try InventoryCalculator.compute(park(water: waterFactor)))
        let restatement = Restatement.compare(document, document)
        #expect(!restatement.changed)
        #expect(restatement.lines.isEmpty)
    }
}
