import Foundation
import Testing
import ZeroParkCore
import ZeroParkInput
import ZeroParkParkFile
@testable import ZeroParkPlanning

/// The neutrality plan's arithmetic on worked examples (issue #10 "Done when"): cost per tonne and NPV,
/// the order reduce → absorb → offset with cheaper reductions first, local credits first, BAU growth.
struct PlanningTests {
    /// Base year 2025: grid electricity 1,000 MWh counted at 0.5 tCO2/MWh = 500 tCO2; a gas boiler 300 tCO2.
    let baseline = PlanBaseline(year: 2025, sources: [
        BaselineSource(id: "grid", name: "外购电力", system: .energy, tco2: 500, electricityMWh: 1_000),
        BaselineSource(id: "boiler", name: "燃气锅炉", system: .energy, tco2: 300),
    ])

    func pv(start: Int = 2026) -> Measure {
        Measure(id: "pv", name: "屋顶光伏", category: .rooftopPV, actsOn: ["grid"], abatement: .electricityMWh(400),
                capexCNY: 1_000_000, opexCNYPerYear: 10_000, savingsCNYPerYear: 50_000, lifetimeYears: 10, startYear: start)
    }
    let efficiency = Measure(id: "eff", name: "锅炉节能", category: .efficientEquipment, actsOn: ["boiler"], abatement: .fraction(0.2),
                             capexCNY: 0, opexCNYPerYear: 0, savingsCNYPerYear: 3_000, lifetimeYears: 5, startYear: 2025)
    let greenery = Measure(id: "green", name: "立体绿化", category: .greenery, actsOn: [], abatement: .tonnes(40),
                           capexCNY: nil, opexCNYPerYear: nil, savingsCNYPerYear: nil, lifetimeYears: nil, startYear: 2025)
    func credits(ccerPrice: Double = 60) -> [OffsetOption] {
        [OffsetOption(id: "ccer", name: "全国 CCER", type: .ccer, local: false, priceCNYPerTonne: ccerPrice, availableTonnesPerYear: nil),
         OffsetOption(id: "phcer", name: "广东碳普惠", type: .phcer, local: true, priceCNYPerTonne: 80, availableTonnesPerYear: 100)]
    }

    @Test("MAC and NPV: CapEx 1,000,000, O&M 10,000, savings 50,000 a year, 10 years at 8 %, 200 tCO2 a year")
    func economics() {
        // (1.08)^10 = 2.158924997; CRF = 0.08 × 2.158924997 / 1.158924997 = 0.149029489; AF = (1 − 1/2.158924997)/0.08 = 6.710081399.
        // annual = 1,000,000 × 0.149029489 + 10,000 − 50,000 = 109,029.49 CNY; MAC = 109,029.49 / 200 = 545.147 CNY/t.
        // NPV of cost = 1,000,000 + (10,000 − 50,000) × 6.710081399 = 731,596.74 CNY = 545.147 × 200 × 6.710081399.
        let result = MeasureEconomics.of(pv(), tonnesPerYear: 200, discountRate: 0.08)
        #expect(abs((result.annualCostCNY ?? 0) - 109_029.4887) < 1e-3)
        #expect(abs((result.macCNYPerTonne ?? 0) - 545.147443) < 1e-5)
        #expect(abs((result.npvCostCNY ?? 0) - 731_596.7440) < 1e-3)
        #expect(abs((result.npvCostCNY ?? 0) / (200 * 6.710081399) - (result.macCNYPerTonne ?? 0)) < 1e-6)
        // Without a discount rate CRF = 1/n: 100,000 + 10,000 − 50,000 = 60,000 CNY; 300 CNY/t.
        #expect(MeasureEconomics.of(pv(), tonnesPerYear: 200, discountRate: 0).macCNYPerTonne == 300)
    }

    @Test("a measure without all four money figures has no MAC and names what is missing")
    func missingCosts() {
        let result = MeasureEconomics.of(greenery, tonnesPerYear: 40, discountRate: 0.08)
        #expect(result.macCNYPerTonne == nil && result.npvCostCNY == nil)
        #expect(result.missing == ["capex_cny", "opex_cny_per_year", "savings_cny_per_year", "lifetime_years"])
    }

    @Test("pathway 2025–2027: reductions cheapest first, then sinks, then offsets local first; balance in 2027")
    func pathway() throws {
        let settings = PlanSettings(baseYear: 2025, targetYear: 2027, discountRate: 0.08, bauGrowth: 0, offsetsFrom: 2027)
        let plan = try PathwayPlanner.plan(baseline: baseline, measures: [pv(), efficiency, greenery], offsets: credits(), settings: settings)
        // MAC: efficiency (0 × CRF + 0 − 3,000)/60 = −50 CNY/t before PV's 545.15 CNY/t.
        #expect(plan.reductionOrder == ["eff", "pv"])
        // 2025: BAU 800; efficiency cuts 0.2 × 300 = 60 → 740; greenery 40; offsets start in 2027: net 700.
        let y2025 = plan.years[0]
        #expect(y2025.businessAsUsual == 800 && y2025.reductions == ["eff": 60] && y2025.emissions == 740)
        #expect(y2025.sinks == ["green": 40] && y2025.offsets.isEmpty && y2025.net == 700)
        // 2026: PV displaces 400 of 1,000 MWh at 0.5 = 200 tCO2: 800 − 60 − 200 = 540; net 540 − 40 = 500.
        #expect(plan.years[1].reductions == ["eff": 60, "pv": 200] && plan.years[1].net == 500)
        // 2027: 500 left: the local PHCER first (100 t at 80, though dearer), then CCER 400 t at 60:
        // cost 8,000 + 24,000 = 32,000 CNY; net 0.
        let y2027 = plan.years[2]
        #expect(y2027.offsets.map(\.option) == ["phcer", "ccer"] && y2027.offsets.map(\.tonnes) == [100, 400])
        #expect(y2027.offsetCostCNY == 32_000 && y2027.net == 0)
        // Measure cost 2027: efficiency −3,000 + PV 109,029.49; greenery has no costs.
        #expect(abs(y2027.measureCostCNY - 106_029.4887) < 1e-3)
        #expect(plan.balanceYear == 2027 && plan.balanceWithoutOffsetsYear == nil && plan.netNegativeYears.isEmpty)
    }

    @Test("offsets bought while a cheaper reduction waits: the pathway is refused, naming the measure and both prices")
    func orderingRule() throws {
        // PV (545.15 CNY/t) starts 2027; offsets from 2026 at CCER 600 CNY/t would buy credits dearer than PV's tonnes.
        let settings = PlanSettings(baseYear: 2025, targetYear: 2027, discountRate: 0.08, bauGrowth: 0, offsetsFrom: 2026)
        do {
            _ = try PathwayPlanner.plan(baseline: baseline, measures: [pv(start: 2027), efficiency, greenery], offsets: credits(ccerPrice: 600),
                                        settings: settings)
            Issue.record("a pathway that offsets before a cheaper reduction was produced")
        } catch {
            #expect(error.problems.map(\.code) == ["offset_before_cheaper_measure"])
            #expect(error.problems.first?.field == "measures.pv.start_year")
            #expect(error.problems.first?.zh.contains("2026 年计划购买单价 600 元/吨") == true)
            #expect(error.problems.first?.zh.contains("545.15 元/吨") == true)
        }
        // Credits cheaper than the waiting reduction (CCER 60, PHCER 80 < 545.15) do not break the rule.
        let plan = try PathwayPlanner.plan(baseline: baseline, measures: [pv(start: 2027), efficiency, greenery], offsets: credits(),
                                           settings: settings)
        // 2026: 740 − 40 = 700 left: PHCER 100 + CCER 600.
        #expect(plan.years[1].offsets.map(\.tonnes) == [100, 600] && plan.balanceYear == 2026)
    }

    @Test("a measure past its lifetime keeps acting and keeps its equivalent annual cost (like-for-like renewal)")
    func renewal() throws {
        // Efficiency lives 5 years from 2025; in 2031 (its 7th year) it still cuts 0.2 × 300 = 60 tCO2 at −3,000 CNY a year.
        let plan = try PathwayPlanner.plan(baseline: baseline, measures: [efficiency], offsets: [],
                                           settings: PlanSettings(baseYear: 2025, targetYear: 2031, discountRate: 0.08, bauGrowth: 0))
        let last = try #require(plan.years.last)
        #expect(last.year == 2031 && last.reductions == ["eff": 60] && last.measureCostCNY == -3_000)
    }

    @Test("business as usual grows every source: +10 % a year")
    func growth() throws {
        let settings = PlanSettings(baseYear: 2025, targetYear: 2026, discountRate: 0.08, bauGrowth: 0.1)
        let plan = try PathwayPlanner.plan(baseline: baseline, measures: [pv(), efficiency], offsets: [], settings: settings)
        // 2026: BAU 800 × 1.1 = 880; efficiency 0.2 × 330 = 66; PV 400 of 1,100 MWh at 0.5 = 200; 880 − 266 = 614.
        let y2026 = plan.years[1]
        #expect(abs(y2026.businessAsUsual - 880) < 1e-9)
        #expect(abs((y2026.reductions["eff"] ?? 0) - 66) < 1e-9 && abs((y2026.reductions["pv"] ?? 0) - 200) < 1e-9)
        #expect(abs(y2026.emissions - 614) < 1e-9 && abs(y2026.net - 614) < 1e-9)  // no offset options: net stays
        #expect(plan.balanceYear == nil)
    }

    @Test("sinks beyond the emissions left: net-negative years without offsets (1.1.13)")
    func netNegative() throws {
        let forest = Measure(id: "ccus", name: "碳捕集", category: .ccus, actsOn: [], abatement: .tonnes(900), capexCNY: nil,
                             opexCNYPerYear: nil, savingsCNYPerYear: nil, lifetimeYears: nil, startYear: 2026)
        let plan = try PathwayPlanner.plan(baseline: baseline, measures: [forest], offsets: credits(),
                                           settings: PlanSettings(baseYear: 2025, targetYear: 2026, discountRate: 0.05, bauGrowth: 0))
        // 2025: 800 bought as offsets (100 PHCER + 700 CCER); 2026: 800 − 900 = −100 without any credit.
        #expect(plan.years[0].offsetTonnes == 800 && plan.years[1].offsets.isEmpty && plan.years[1].net == -100)
        #expect(plan.balanceYear == 2025 && plan.balanceWithoutOffsetsYear == 2026 && plan.netNegativeYears == [2026])
    }

    @Test("hostile inputs are refused with their fields before any arithmetic")
    func validation() {
        let bad = [
            Measure(id: "x", name: "x", category: .efficientEquipment, actsOn: ["nowhere"], abatement: .fraction(1.5), capexCNY: .nan,
                    opexCNYPerYear: nil, savingsCNYPerYear: nil, lifetimeYears: 0, startYear: 2040),
            Measure(id: "x", name: "dup", category: .greenery, actsOn: ["grid"], abatement: .fraction(0.5), capexCNY: nil,
                    opexCNYPerYear: nil, savingsCNYPerYear: nil, lifetimeYears: nil, startYear: 2025),
            Measure(id: "pvb", name: "pv on gas", category: .rooftopPV, actsOn: ["boiler"], abatement: .electricityMWh(1e300), capexCNY: nil,
                    opexCNYPerYear: nil, savingsCNYPerYear: nil, lifetimeYears: nil, startYear: 2025),
        ]
        let settings = PlanSettings(baseYear: 2025, targetYear: 2030, discountRate: 2, bauGrowth: .infinity)
        let fields = PlanValidation.problems(baseline: baseline, measures: bad, offsets: credits() + credits(), settings: settings).map(\.field)
        for field in ["discount_rate", "bau_growth", "measures.x.capex_cny", "measures.x.lifetime_years", "measures.x.start_year",
                      "measures.x.acts_on", "measures.x.fraction", "measures.x", "measures.pvb.electricity_mwh", "offsets.ccer"] {
            #expect(fields.contains(field), "\(field) not named in \(fields)")
        }
    }

    @Test("the baseline of an inventory keeps each source's counted tCO2 and its electricity at the counted factor")
    func baselineFromInventory() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/park-example.yaml")
        let definition = try ParkFileReader.read(yaml: String(contentsOf: url, encoding: .utf8))
        let inventory = try InventoryCalculator.compute(definition)
        let baseline = PlanBaseline(inventory)
        #expect(baseline.year == inventory.period.start.year)
        #expect(baseline.sources.map(\.id) == inventory.sources.map(\.id))
        #expect(abs(baseline.totalTco2 - inventory.sources.reduce(0) { $0 + $1.tco2 }) < 1e-9)
        for (source, account) in zip(baseline.sources, inventory.sources) {
            if let mwh = source.electricityMWh {
                #expect(mwh == account.electricity?.mwh && abs((source.electricityFactor ?? 0) * mwh - account.tco2) < 1e-9)
            }
        }
        #expect(baseline.sources.contains { $0.electricityMWh != nil })
    }

    @Test("the park's existing sinks absorb every year before any credit is bought")
    func existingSinks() throws {
        // 800 t of emissions (grid 500 + boiler 300), 100 t of existing sequestration, credits from 2025 at 60 CNY/t:
        // each year 800 − 100 = 700 t bought (42,000 CNY), net 800 − 100 − 700 = 0. Without the existing sinks 800 t would be bought.
        var withSinks = baseline
        withSinks.existingSinksTco2 = 100
        let pathway = try PathwayPlanner.plan(baseline: withSinks, measures: [], offsets: [credits()[0]],
                                              settings: PlanSettings(baseYear: 2025, targetYear: 2026, discountRate: 0.08, bauGrowth: 0))
        let first = try #require(pathway.years.first)
        #expect(first.sinks[PathwayPlanner.existingSinks] == 100 && first.sequestration == 100)
        #expect(first.offsetTonnes == 700 && first.offsetCostCNY == 42_000 && abs(first.net) < 1e-9)
    }
}
