import Testing
@testable import ZeroParkCore

/// Issue #7 items 1–3: market-based purchased electricity with the residual mix, green certificates,
/// on-site renewables as avoided emissions, and exported energy under GB/T 32150 net purchase.
/// Factors used (period 2025 → newest vintage ≤ 2025, i.e. 2023): grid.guangdong 0.4419 tCO2/MWh
/// (location-based average), grid.national_residual 0.6096 tCO2/MWh (S-MEE23), heat.default 0.11
/// tCO2/GJ; electricity 0.1229 kgce/kWh, heat 0.03412 tce/GJ (GB/T 2589).
struct ElectricityRulesTests {
    func grid(_ mwh: Double, id: String = "grid", grid: String? = nil) -> EmissionSource {
        TestPark.source(id, .purchasedElectricity, mwh, "MWh", grid: grid)
    }

    func inventory(_ sources: [EmissionSource], certificates: [GreenCertificate] = [],
                   rules: AccountingRules = .standard) throws -> Inventory {
        var park = TestPark.park(sources: sources)
        park.certificates = certificates
        park.rules = rules
        return try InventoryCalculator.compute(park)
    }

    func certificate(_ id: String, _ mwh: Double, vintage: Int = 2025, retired: Bool = true, source: String = "grid") -> GreenCertificate {
        GreenCertificate(id: id, source: source, mwh: mwh, vintage: vintage,
                         retired: retired ? CalendarDate(year: 2026, month: 3, day: 1) : nil)
    }

    @Test("green power claimed: the rest of the grid power is counted at the residual mix, not the average")
    func residualWhenGreenClaimed() throws {
        // Counted: 1,000 MWh × 0.6096 = 609.6 tCO2 (the old convention counted 1,000 × 0.4419 = 441.9).
        // Location-based: grid 1,000 × 0.4419 = 441.9 + green 200 × 0.4419 = 88.38 → 530.28 tCO2.
        let inventory = try inventory([grid(1_000), TestPark.source("green", .greenElectricity, 200, "MWh")])
        let line = try #require(inventory.sources.first { $0.id == "grid" })
        #expect(close(line.tco2, 609.6))
        #expect(close(line.locationBasedTco2, 441.9))
        #expect(line.electricity?.basis == .residualMix)
        #expect(line.electricity?.marketFactor?.id == "grid.national_residual")
        #expect(line.electricity?.marketFactor?.vintage == 2023)
        #expect(line.electricity?.locationFactor.id == "grid.guangdong")
        #expect(line.parameters.map(\.id).contains("grid.guangdong"))
        #expect(close(inventory.emissionsTco2, 609.6))
        #expect(close(inventory.locationBasedTco2, 530.28))
    }

    @Test("market_basis: average keeps the grid average even with green claims")
    func averageRule() throws {
        // 1,000 × 0.4419 = 441.9 tCO2 counted.
        let inventory = try inventory([grid(1_000), TestPark.source("green", .greenElectricity, 200, "MWh")],
                                      rules: AccountingRules(marketBasis: .average))
        #expect(close(inventory.emissionsTco2, 441.9))
        #expect(inventory.sources.first?.electricity?.basis == .gridAverage)
    }

    @Test("no green claims: grid power stays at the average under the residual rule")
    func noClaimsNoResidual() throws {
        let inventory = try inventory([grid(1_000)])
        #expect(close(inventory.emissionsTco2, 441.9))
        #expect(inventory.sources.first?.electricity?.basis == .gridAverage)
    }

    @Test("retired certificates of the period cover their MWh; the rest is at the residual mix")
    func certificatesApplied() throws {
        // (1,000 − 300) MWh × 0.6096 = 426.72 tCO2; location-based 1,000 × 0.4419 = 441.9.
        let inventory = try inventory([grid(1_000)], certificates: [certificate("GEC-1", 300)])
        let line = try #require(inventory.sources.first)
        #expect(close(line.tco2, 426.72))
        #expect(close(line.locationBasedTco2, 441.9))
        #expect(line.electricity?.certificateMWh == 300)
        #expect(line.electricity?.certificates == ["GEC-1"])
        #expect(inventory.certificates.first?.status == .applied)
        #expect(line.calculation.contains("300 MWh GEC"))
    }

    @Test("a certificate not retired, or generated outside the period, is not applied and says why")
    func certificatesRefused() throws {
        // Neither applies, so the park claims no green power: 1,000 × 0.4419 = 441.9 tCO2 counted.
        let inventory = try inventory([grid(1_000)], certificates: [certificate("held", 300, retired: false),
                                                                     certificate("old", 300, vintage: 2023)])
        #expect(close(inventory.emissionsTco2, 441.9))
        #expect(inventory.certificates.map(\.status) == [.notRetired, .outsidePeriod])
        #expect(inventory.certificates.allSatisfy { $0.appliedMWh == 0 })
        #expect(Set(inventory.warnings.map(\.code)).isSuperset(of: ["certificate_not_retired", "certificate_outside_period"]))
    }

    @Test("certificates beyond the source's MWh are applied only up to it")
    func certificateExcess() throws {
        // 800 + 400 = 1,200 MWh claimed on 1,000 MWh: 800 + 200 applied; counted (1,000 − 1,000) × 0.6096 = 0.
        let inventory = try inventory([grid(1_000)], certificates: [certificate("a", 800), certificate("b", 400)])
        #expect(inventory.emissionsTco2 == 0)
        #expect(inventory.certificates.map(\.appliedMWh) == [800, 200])
        #expect(inventory.certificates.last?.status == .partlyApplied)
    }

    @Test("the same certificate id claimed twice is refused")
    func doubleClaim() {
        var park = TestPark.park(sources: [grid(1_000)])
        park.certificates = [certificate("GEC-9", 100), certificate("GEC-9", 100)]
        #expect(TestPark.issues(park).map(\.code) == ["duplicate_certificate"])
    }

    @Test("a certificate must name a purchased-electricity source of the park")
    func certificateSource() {
        var park = TestPark.park(sources: [grid(1_000), TestPark.source("green", .greenElectricity, 10, "MWh")])
        park.certificates = [certificate("x", 1, source: "green"), certificate("y", 1, source: "nowhere")]
        #expect(TestPark.issues(park).map(\.code) == ["invalid_value", "unknown_source"])
    }

    @Test("a residual factor chosen as grid is labelled as residual, and the location figure uses the average")
    func chosenResidual() throws {
        // Counted 1,000 × 0.6096 = 609.6; location-based 1,000 × 0.4419 (Guangdong average) = 441.9.
        let inventory = try inventory([grid(1_000, grid: "national_residual")])
        let line = try #require(inventory.sources.first)
        #expect(close(line.tco2, 609.6))
        #expect(close(line.locationBasedTco2, 441.9))
        #expect(line.electricity?.basis == .chosenGridFactor)
        #expect(line.electricity?.marketFactorKind == .residual)
        #expect(line.electricity?.locationFactor.id == "grid.guangdong")
        #expect(GridFactorKind(factorID: "grid.national_residual").labelEn.contains("residual"))
        #expect(!GridFactorKind.residual.labelEn.contains("location-based average"))
    }

    @Test("on-site renewables: zero on both bases, grid equivalent reported as avoided, not in the location total")
    func onsiteAvoided() throws {
        // PV 500 MWh × 0.4419 = 220.95 tCO2 avoided; location total = grid 441.9 only (old convention: 662.85).
        let inventory = try inventory([grid(1_000), TestPark.source("pv", .onsiteRenewable, 500, "MWh")])
        let pv = try #require(inventory.sources.first { $0.id == "pv" })
        #expect(pv.tco2 == 0 && pv.locationBasedTco2 == 0)
        #expect(close(pv.avoidedTco2, 220.95))
        #expect(close(inventory.avoidedTco2, 220.95))
        #expect(close(inventory.locationBasedTco2, 441.9))
        #expect(close(inventory.emissionsTco2, 441.9))
    }

    @Test("exported electricity is deducted at the grid factor under net purchase, energy too")
    func exportedElectricity() throws {
        // 441.9 − 100 MWh × 0.4419 = 441.9 − 44.19 = 397.71 tCO2 (both bases).
        // Energy: 1,000 MWh × 0.1229 = 122.9 tce − 100 × 0.1229 = 12.29 → 110.61 tce.
        let inventory = try inventory([grid(1_000), TestPark.source("export", .exportedElectricity, 100, "MWh")])
        let export = try #require(inventory.sources.first { $0.id == "export" })
        #expect(close(export.tco2, -44.19))
        #expect(close(export.exportedTco2, 44.19))
        #expect(close(inventory.emissionsTco2, 397.71))
        #expect(close(inventory.locationBasedTco2, 397.71))
        #expect(close(inventory.exportedTco2, 44.19))
        #expect(close(inventory.consumptionTce, 110.61))
        #expect(export.calculation.contains("net_purchase"))
    }

    @Test("exported energy under report_only is recorded and not deducted")
    func exportReportOnly() throws {
        let inventory = try inventory([grid(1_000), TestPark.source("export", .exportedElectricity, 100, "MWh")],
                                      rules: AccountingRules(exportedEnergy: .reportOnly))
        #expect(close(inventory.emissionsTco2, 441.9))
        #expect(close(inventory.exportedTco2, 44.19))
        #expect(close(inventory.consumptionTce, 122.9))
        #expect(inventory.sources.first { $0.id == "export" }?.calculation.contains("report_only") == true)
    }

    @Test("exported heat is deducted at the heat factor")
    func exportedHeat() throws {
        // Purchased 5,000 GJ × 0.11 = 550; exported 1,000 GJ × 0.11 = 110 → 440 tCO2.
        // Energy: (5,000 − 1,000) GJ × 0.03412 tce/GJ = 136.48 tce.
        let inventory = try inventory([TestPark.source("steam", .purchasedHeat, 5_000, "GJ"),
                                       TestPark.source("chp-heat", .exportedHeat, 1_000, "GJ")])
        #expect(close(inventory.emissionsTco2, 440))
        #expect(close(inventory.consumptionTce, 136.48))
    }
}
