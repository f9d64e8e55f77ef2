import Testing
import ZeroParkCore
import ZeroParkReports

/// Combustion CH4/N2O in the CSV report: rows of their own, totals apart, only when the rule is on
/// (docs/accounting-rules.md §6).
struct NonCO2RenderingTests {
    func inventory(ruleOn: Bool) throws -> Inventory {
        let source = EmissionSource(id: "boiler", name: "锅炉", system: .energy, method: .fuelCombustion, fuel: "natural_gas",
                                    activity: ActivityData(unit: try QuantityUnit.parse("10^4 Nm3"), values: .total(2)))
        var park = ParkDefinition(profile: ParkProfile(id: "p", name: "p", type: .industrialPark, province: "guangdong",
                                                       areaM2: 1000, outputValueCNY: nil, boundaryEvidence: []),
                                  period: try #require(AccountingPeriod(year: 2025)), sources: [source])
        park.rules.combustionNonCO2 = ruleOn
        return try InventoryCalculator.compute(park)
    }

    @Test("CSV: a source_non_co2 row and three totals when on; nothing new when off")
    func csv() throws {
        let on = InventoryCSVRenderer(language: .en).render(try inventory(ruleOn: true))
        let rows = on.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let row = try #require(rows.first { $0.hasPrefix("source_non_co2,boiler,") })
        #expect(row.components(separatedBy: ",").count == 20)
        // 0.023202876 + 0.021256326 = 0.044459202 tCO2e (FuelAndNonCO2Tests).
        let total = try #require(rows.first { $0.hasPrefix("total,combustion_non_co2_tco2e,") })
        #expect(abs((Double(total.components(separatedBy: ",")[5]) ?? 0) - 0.044459202) < 1e-12)
        #expect(rows.contains { $0.hasPrefix("total,combustion_ch4_tco2e,") })
        let off = InventoryCSVRenderer(language: .en).render(try inventory(ruleOn: false))
        #expect(!off.contains("non_co2"))
        #expect(!off.contains("combustion_"))
    }
}
