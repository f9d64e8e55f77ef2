import Testing
@testable import ZeroParkCore
@testable import ZeroParkPlanning

/// Issue #10 item 1 (STANDARD.md 1.1.3(c), 1.1.4(c)): each source's share, its reduction difficulty by the
/// readable rule table, moved one step by the economics of the park's own measures.
struct SourceAssessmentTests {
    /// 1,000 tCO2: grid 500 (1,000 MWh at 0.5), gas boiler 300, a process line 150, fleet diesel 50.
    let baseline = PlanBaseline(year: 2025, sources: [
        BaselineSource(id: "grid", name: "外购电力", system: .energy, tco2: 500, electricityMWh: 1_000, method: .purchasedElectricity, category: .energy),
        BaselineSource(id: "boiler", name: "燃气锅炉", system: .energy, tco2: 300, method: .fuelCombustion, category: .energy),
        BaselineSource(id: "kiln", name: "窑炉工艺", system: .production, tco2: 150, method: .activityFactor, category: .industrialProcess),
        BaselineSource(id: "fleet", name: "物流车队", system: .transport, tco2: 50, method: .fuelCombustion, category: .energy),
        BaselineSource(id: "green", name: "绿电", system: .energy, tco2: 0, method: .greenElectricity, category: .energy),
    ])
    /// PV: 400 MWh × 0.5 = 200 t a year; no CapEx or O&M, 20,000 CNY saved: EAC −20,000, MAC −100 CNY/t.
    let pv = Measure(id: "pv", name: "屋顶光伏", category: .rooftopPV, actsOn: ["grid"], abatement: .electricityMWh(400),
                     capexCNY: 0, opexCNYPerYear: 0, savingsCNYPerYear: 20_000, lifetimeYears: 10, startYear: 2025)
    /// Boiler: 10 % of 300 = 30 t a year; 9,000 CNY O&M a year: MAC 300 CNY/t, dearer than the 80 CNY/t credit.
    let boiler = Measure(id: "eff", name: "锅炉节能", category: .efficientEquipment, actsOn: ["boiler"], abatement: .fraction(0.1),
                         capexCNY: 0, opexCNYPerYear: 9_000, savingsCNYPerYear: 0, lifetimeYears: 10, startYear: 2025)
    let credits = [OffsetOption(id: "phcer", name: "碳普惠", type: .phcer, local: true, priceCNYPerTonne: 80, availableTonnesPerYear: nil)]

    func assessments() throws -> [String: SourceAssessment] {
        let pathway = try PathwayPlanner.plan(baseline: baseline, measures: [pv, boiler], offsets: credits,
                                              settings: PlanSettings(baseYear: 2025, targetYear: 2030, discountRate: 0.08, bauGrowth: 0, offsetsFrom: 2030))
        let list = SourceAssessor.assess(baseline: baseline, measures: [pv, boiler], offsets: credits, economics: pathway.economics)
        return Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
    }

    @Test("shares and the rule table, moved by the plan's own costs")
    func classification() throws {
        let result = try assessments()
        #expect(result["green"] == nil)  // counted at zero: nothing to reduce
        let grid = try #require(result["grid"]), boiler = try #require(result["boiler"])
        let kiln = try #require(result["kiln"]), fleet = try #require(result["fleet"])
        // Shares: 500/1,000, 300/1,000, 150/1,000, 50/1,000.
        #expect(grid.share == 0.5 && boiler.share == 0.3 && kiln.share == 0.15 && fleet.share == 0.05)
        // Grid: low by the rule; PV pays for itself (MAC −100) — already the lowest step.
        #expect(grid.difficulty == .low && grid.reasons.map(\.code) == ["electricity", "pays_back"])
        #expect(abs((grid.cheapestMAC ?? 0) + 100) < 1e-9 && grid.measures == ["pv"])
        #expect(grid.technologies == [.rooftopPV, .storage, .efficientEquipment, .greenPower])
        // Boiler: medium by the rule; its only measure costs 300 CNY/t > 80 CNY/t credits: one step harder.
        #expect(boiler.difficulty == .high && boiler.reasons.map(\.code) == ["fuel", "dearer_than_credits"])
        #expect(abs((boiler.cheapestMAC ?? 0) - 300) < 1e-9)
        // Process emissions: high, and no measure in the plan.
        #expect(kiln.difficulty == .high && kiln.reasons.map(\.code) == ["process", "no_measure"] && kiln.technologies.isEmpty)
        // Transport fuel: medium; the catalogue offers the EV fleet among others.
        #expect(fleet.difficulty == .medium && fleet.technologies.contains(.evFleet))
    }

    @Test("a measure that pays for itself makes a medium source low")
    func paysBackIsEasier() throws {
        let cheapBoiler = Measure(id: "eff", name: "锅炉节能", category: .efficientEquipment, actsOn: ["boiler"], abatement: .fraction(0.1),
                                  capexCNY: 0, opexCNYPerYear: 0, savingsCNYPerYear: 3_000, lifetimeYears: 10, startYear: 2025)
        let pathway = try PathwayPlanner.plan(baseline: baseline, measures: [cheapBoiler], offsets: [],
                                              settings: PlanSettings(baseYear: 2025, targetYear: 2030, discountRate: 0.08, bauGrowth: 0))
        let boiler = try #require(SourceAssessor.assess(baseline: baseline, measures: [cheapBoiler], offsets: [], economics: pathway.economics)
            .first { $0.id == "boiler" })
        // 3,000 CNY saved on 30 t: MAC −100 CNY/t → medium becomes low.
        #expect(boiler.difficulty == .low && boiler.reasons.map(\.code) == ["fuel", "pays_back"])
    }

    @Test("sinks: shares of sequestration; greenery medium, CCUS high")
    func sinks() {
        let result = SourceAssessor.assess(sinks: [
            SinkAccount(id: "belt", name: "绿地", kind: "greenery", tco2: 180, formula: "", calculation: "", source: nil),
            SinkAccount(id: "ccus", name: "碳捕集", kind: "ccus", tco2: 820, formula: "", calculation: "", source: nil),
        ])
        // 180/1,000 and 820/1,000.
        #expect(result.map(\.share) == [0.18, 0.82] && result.map(\.difficulty) == [.medium, .high])
    }
}
