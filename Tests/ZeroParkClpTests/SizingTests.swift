import Foundation
import Testing
import ZeroParkClp
import ZeroParkDispatchSamples
import ZeroParkOptimisation

@Suite struct SizingTests {
    /// Two hours, load 100 kW, price 0.2 then 1.0 CNY/kWh, battery η = 1, SoC 0…100 % of E, start 0.
    /// Horizon = 2/8,760 of a year. r = 0, life 10 → CRF 0.1.
    /// Energy capex 30,000 CNY/kWh → 3,000/yr → 3,000·2/8,760 = 0.68493 CNY per kWh over the horizon;
    /// power capex 1,000 CNY/kW → 100/yr → 0.02283. Each kWh shifted saves 1.0 − 0.2 = 0.8 > 0.70776, so
    /// E = W = 100 (hour 2's whole load; no export). Objective = 0.2·200 + 100·0.68493 + 100·0.02283
    /// = 110.7763. At 40,000 CNY/kWh the horizon cost 0.91324 > 0.8: E = W = 0, objective 120.
    /// Annual: operating with 40·4,380 = 175,200, without 120·4,380 = 525,600; capital 0.1·(3,000,000 +
    /// 100,000) = 310,000; NPV(10 y, r 0) = 10·(525,600 − 485,200) = 404,000; payback 3,100,000 / 350,400
    /// = 8.847 years.
    func twoHours(energyCapex: Double, discountRate: Double? = 0) -> SizingProblem {
        SizingProblem(
            dispatch: DispatchProblem(stepMinutes: 60, loadKW: [100, 100], pvAvailableKW: [0, 0], importPrice: [0.2, 1.0],
                                      monthOfStep: [1, 1]),
            battery: BatteryCandidate(energyBounds: SizeBounds(max: 500), powerBounds: SizeBounds(max: 500),
                                      energyCost: CapitalCost(capexPerUnit: energyCapex, omPerUnitYear: 0, lifetimeYears: 10),
                                      powerCost: CapitalCost(capexPerUnit: 1_000, omPerUnitYear: 0, lifetimeYears: 10),
                                      chargeEfficiency: 1, dischargeEfficiency: 1),
            discountRate: discountRate)
    }

    @Test func batterySizeFollowsTheCapexThreshold() throws {
        let sizer = Sizer(solver: ClpSolver())
        let cheap = try sizer.run(twoHours(energyCapex: 30_000))
        #expect(abs(cheap.batteryKWh - 100) < 1e-6 && abs(cheap.batteryKW - 100) < 1e-6)
        #expect(abs(cheap.sizingObjective - (40 + 100 * 3_000 * 2 / 8_760 + 100 * 100 * 2 / 8_760)) < 1e-6)
        #expect(abs(cheap.sizingDispatchDifference) < 1e-9)
        #expect(abs(cheap.with.cost.total - 40) < 1e-6)
        #expect(abs(cheap.annualOperatingCostWith - 175_200) < 1e-3)
        #expect(abs(cheap.annualCostWithout - 525_600) < 1e-3)
        #expect(abs(cheap.annualisedCapitalCNY - 310_000) < 1e-6)
        #expect(abs(cheap.npv - 404_000) < 1e-3)
        #expect(abs((cheap.simplePaybackYears ?? 0) - 3_100_000 / 350_400) < 1e-9)
        #expect(cheap.abatementOptions.count == 1)
        let dear = try sizer.run(twoHours(energyCapex: 40_000))
        #expect(dear.batteryKWh < 1e-6 && dear.batteryKW < 1e-6)
        #expect(abs(dear.sizingObjective - 120) < 1e-6)
        #expect(dear.abatementOptions.isEmpty)
    }

    /// One hour, load 100 kW at 1.0 CNY/kWh, new PV 0.5 kW/kWp, export 0.45 CNY/kWh (not surplus-only,
    /// limit 1,000), r = 0, life 1 (CRF 1), O&M 0, so the horizon cost per kWp is capex / 8,760:
    /// 876 → 0.1 < 0.225 (export value of a kWp): as large as allowed, 1,000 kWp;
    /// 2,628 → 0.3, between 0.225 and 0.5: cover the load exactly, 200 kWp;
    /// 5,256 → 0.6 > 0.5: none.
    /// At 200 kWp: LCOE = 2,628·200 / (200·0.5·8,760) = 0.6 CNY/kWh; import falls by 876 MWh/yr, at
    /// 0.5 t/MWh 438 t/yr; cost per tonne = (525,600 − 876,000) / 438 = −800 CNY/t.
    func oneHour(capex: Double) -> SizingProblem {
        SizingProblem(
            dispatch: DispatchProblem(stepMinutes: 60, loadKW: [100], pvAvailableKW: [0], importPrice: [1], exportPrice: [0.45],
                                      monthOfStep: [1], export: ExportRule(limitKW: 1_000, surplusOnly: false),
                                      gridFactorTonnesPerMWh: 0.5),
            pv: PVCandidate(profileKWPerKWp: [0.5], bounds: SizeBounds(max: 1_000),
                            cost: CapitalCost(capexPerUnit: capex, omPerUnitYear: 0, lifetimeYears: 1)),
            discountRate: 0)
    }

    @Test func pvSizeHasThreeRegimes() throws {
        let sizer = Sizer(solver: ClpSolver())
        #expect(abs(try sizer.run(oneHour(capex: 876)).pvKWp - 1_000) < 1e-6)
        #expect(try sizer.run(oneHour(capex: 5_256)).pvKWp < 1e-6)
        let mid = try sizer.run(oneHour(capex: 2_628))
        #expect(abs(mid.pvKWp - 200) < 1e-6)
        #expect(abs((mid.pvLCOE ?? 0) - 0.6) < 1e-9)
        #expect(abs(mid.tonnesCO2AvoidedPerYear - 438) < 1e-6)
        #expect(abs((mid.cnyPerTonneAvoided ?? 0) + 800) < 1e-6)
        let row = try #require(mid.abatementOptions.first)
        #expect(abs(row.tonnesCO2PerYear - 438) < 1e-6 && abs(row.capexCNY - 525_600) < 1e-6 && row.lifetimeYears == 1)
    }

    /// A synthetic summer week with demand charge and export: sizing PV and battery together, then the
    /// dispatch LP re-run at the chosen sizes gives the operating cost the sizing LP expected.
    @Test func sizingAndDispatchAgree() throws {
        var week = SyntheticPark.problem(hours: 168, startHour: 4_800)
        week.battery = nil
        week.export = ExportRule(limitKW: 1_500, surplusOnly: false)
        let s = SizingProblem(
            dispatch: week,
            pv: PVCandidate(profileKWPerKWp: week.pvAvailableKW.map { $0 / SyntheticPark.pvPeakKW }, bounds: SizeBounds(max: 8_000),
                            cost: CapitalCost(capexPerUnit: 3_000, omPerUnitYear: 40, lifetimeYears: 25)),
            battery: BatteryCandidate(energyBounds: SizeBounds(max: 20_000), powerBounds: SizeBounds(max: 10_000),
                                      energyCost: CapitalCost(capexPerUnit: 800, omPerUnitYear: 10, lifetimeYears: 12),
                                      powerCost: CapitalCost(capexPerUnit: 300, omPerUnitYear: 0, lifetimeYears: 12),
                                      minSoCFraction: 0.05, maxSoCFraction: 0.95, initialSoCFraction: 0.5, cycleCostPerKWh: 0.05,
                                      maxCRate: 1),
            discountRate: 0.06)
        let r = try Sizer(solver: ClpSolver()).run(s)
        #expect(r.batteryKWh > 1 && r.pvKWp > 1, "both assets sized: \(r.pvKWp) kWp, \(r.batteryKWh) kWh")
        #expect(abs(r.sizingDispatchDifference) < 1e-7)
        #expect(r.batteryKW <= r.batteryKWh + 1e-6)
        #expect(r.abatementOptions.count == 2)
        let o = r.abatementOptions
        #expect(abs(o[0].netAnnualCostCNY + o[1].netAnnualCostCNY - (r.annualCostWith - r.annualCostWithout)) < 1e-3)
    }

    @Test func missingAndOutOfRangeCostsNameTheField() throws {
        var s = twoHours(energyCapex: 30_000, discountRate: nil)
        s.battery?.powerCost.lifetimeYears = 0
        s.battery?.energyCost.capexPerUnit = -1
        s.battery?.powerCost.omPerUnitYear = nil
        let fields = SizingValidation.problems(in: s).map(\.field)
        #expect(fields == ["discountRate", "battery.energyCost.capexPerUnit", "battery.powerCost.omPerUnitYear",
                           "battery.powerCost.lifetimeYears"])
        s = twoHours(energyCapex: 30_000, discountRate: 0.35)
        s.pv = PVCandidate(profileKWPerKWp: [0.1], bounds: SizeBounds(min: 5, max: 1), cost: CapitalCost(capexPerUnit: 1, omPerUnitYear: 0, lifetimeYears: 20))
        let problems = SizingValidation.problems(in: s)
        #expect(problems.map(\.code) == ["discount_rate_range", "series_length", "size_bounds"])
        #expect(problems[0].description.hasPrefix("discountRate 折现率"))
        do {
            _ = try Sizer(solver: ClpSolver()).run(s)
            Issue.record("accepted")
        } catch {
            guard case .invalidInput(let p) = error else { Issue.record("\(error)"); return }
            #expect(p.map(\.field) == ["discountRate", "pv.profileKWPerKWp", "pv.bounds"])
        }
    }

    /// CRF(8 %, 10 y) = 0.08·1.08¹⁰/(1.08¹⁰ − 1) = 0.149029…; fractional lives agree with pow().
    @Test func capitalRecoveryFactor() {
        #expect(abs(CapitalCost.capitalRecoveryFactor(rate: 0.08, years: 10) - 0.08 * pow(1.08, 10) / (pow(1.08, 10) - 1)) < 1e-14)
        #expect(abs(CapitalCost.capitalRecoveryFactor(rate: 0.08, years: 10) - 0.1490295) < 1e-7)
        #expect(abs(CapitalCost.capitalRecoveryFactor(rate: 0.1, years: 2.5) - 0.1 * pow(1.1, 2.5) / (pow(1.1, 2.5) - 1)) < 1e-12)
        #expect(CapitalCost.capitalRecoveryFactor(rate: 0, years: 20) == 0.05)
        #expect(abs(CapitalCost.annuityFactor(rate: 0.08, years: 10) * CapitalCost.capitalRecoveryFactor(rate: 0.08, years: 10) - 1) < 1e-14)
    }
}
