import Testing
import ZeroParkClp
import ZeroParkOptimisation

/// A one-month, h-hour-step problem with no PV unless given.
func smallProblem(load: [Double], price: [Double], pv: [Double]? = nil, stepMinutes: Int = 60) -> DispatchProblem {
    DispatchProblem(stepMinutes: stepMinutes, loadKW: load, pvAvailableKW: pv ?? load.map { _ in 0 },
                    importPrice: price, monthOfStep: load.map { _ in 1 })
}

let clp = Dispatcher(solver: ClpSolver())

@Test func twoHourArbitrage() throws {
    // Load 0 kW then 100 kW; prices 0.2 then 1.0 CNY/kWh; ηc = ηd = 0.9; cycle cost 0.1 CNY/kWh.
    // Delivering 100 kWh in hour 2 takes 100/0.9 = 111.11 kWh from store, i.e. charging
    // 111.11/0.9 = 123.457 kWh in hour 1 at 0.2: 0.2 × 100/0.81 = 24.6914, + cycle 0.1 × 100 = 10.
    // Per delivered kWh 0.2/0.81 + 0.1 = 0.347 < 1.0, so the battery covers all of hour 2: 34.6914.
    var p = smallProblem(load: [0, 100], price: [0.2, 1.0])
    p.battery = Battery(capacityKWh: 200, maxChargeKW: 1_000, maxDischargeKW: 1_000, chargeEfficiency: 0.9,
                        dischargeEfficiency: 0.9, initialSoCKWh: 0, cycleCostPerKWh: 0.1)
    let report = try clp.run(p)
    let r = report.optimised
    #expect(abs(r.objective - (0.2 * 100 / 0.81 + 10)) < 1e-6)
    #expect(abs(r.schedule.chargeKW[0] - 100 / 0.81) < 1e-6)
    #expect(abs(r.schedule.dischargeKW[1] - 100) < 1e-6)
    #expect(abs(r.schedule.socKWh[0] - 100 / 0.9) < 1e-6 && abs(r.schedule.socKWh[1]) < 1e-6)
    #expect(abs(r.cost.total - r.objective) < 1e-6)
    #expect(abs(r.cost.cycle - 10) < 1e-6)
    #expect(abs(r.batteryCycles - 0.5) < 1e-9)  // 100 kWh discharged / 200 kWh
    // Baseline: 100 kWh bought at 1.0.
    #expect(abs(report.baseline.objective - 100) < 1e-6)
    #expect(abs(report.saving - (100 - 34.691358)) < 1e-5)
}

@Test func arbitrageAtQuarterHours() throws {
    // The same energy at 15-minute steps: 4 cheap quarters then 4 dear ones, 100 kW load in the dear hour.
    var p = smallProblem(load: [0, 0, 0, 0, 100, 100, 100, 100], price: [0.2, 0.2, 0.2, 0.2, 1, 1, 1, 1], stepMinutes: 15)
    p.battery = Battery(capacityKWh: 200, maxChargeKW: 1_000, maxDischargeKW: 1_000, chargeEfficiency: 0.9,
                        dischargeEfficiency: 0.9, initialSoCKWh: 0, cycleCostPerKWh: 0.1)
    let r = try clp.solve(p)
    #expect(abs(r.objective - (0.2 * 100 / 0.81 + 10)) < 1e-6)
}

@Test func noArbitrageWhenSpreadBelowLosses() throws {
    // Prices 0.9 then 1.0: charging for hour 2 costs 0.9/0.81 = 1.111 > 1.0, so the battery stays idle.
    var p = smallProblem(load: [0, 100], price: [0.9, 1.0])
    p.battery = Battery(capacityKWh: 200, maxChargeKW: 1_000, maxDischargeKW: 1_000, chargeEfficiency: 0.9,
                        dischargeEfficiency: 0.9, initialSoCKWh: 0)
    let r = try clp.solve(p)
    #expect(abs(r.objective - 100) < 1e-6)
    #expect(r.schedule.dischargeKW.allSatisfy { abs($0) < 1e-9 })
}

@Test func demandChargeShavedWhenWorthwhile() throws {
    // Load 100 then 300 kW at a flat 1.0 CNY/kWh, one month, ηc = ηd = 0.9, demand rate 10 CNY/kW-month.
    // Shaving hour 2 by d kWh costs d/0.81 − d = 0.2346·d extra energy and saves 10 per kW of peak, so the
    // battery shaves until both hours import the same: 100 + d/0.81 = 300 − d → d = 200·0.81/1.81 = 89.5028,
    // peak = 210.4972 kW; energy = 100 + 110.4972 + 210.4972 = 420.9945; total = 420.9945 + 2104.972 = 2525.967.
    var p = smallProblem(load: [100, 300], price: [1, 1])
    p.demandChargePerKWMonth = 10
    p.battery = Battery(capacityKWh: 1_000, maxChargeKW: 1_000, maxDischargeKW: 1_000, chargeEfficiency: 0.9,
                        dischargeEfficiency: 0.9, initialSoCKWh: 0)
    let report = try clp.run(p)
    let d = 200 * 0.81 / 1.81, peak = 300 - d
    #expect(abs(report.optimised.monthlyPeaks[0].peakKW - peak) < 1e-6)
    #expect(abs(report.optimised.objective - (100 + d / 0.81 + peak + 10 * peak)) < 1e-6)
    #expect(abs(report.optimised.cost.demand - 10 * peak) < 1e-6)
    // Baseline: 400 kWh + 10 × 300 kW = 3400.
    #expect(abs(report.baseline.objective - 3_400) < 1e-6)
    #expect(report.baseline.monthlyPeaks == [MonthlyPeak(month: 1, peakKW: 300)])
}

@Test func demandChargeNotShavedWhenTooCheap() throws {
    // At 0.2 CNY/kW-month the saving per kW (0.2) is below the loss per kWh shifted (0.2346): no shaving,
    // cost = 400 + 0.2 × 300 = 460.
    var p = smallProblem(load: [100, 300], price: [1, 1])
    p.demandChargePerKWMonth = 0.2
    p.battery = Battery(capacityKWh: 1_000, maxChargeKW: 1_000, maxDischargeKW: 1_000, chargeEfficiency: 0.9,
                        dischargeEfficiency: 0.9, initialSoCKWh: 0)
    let r = try clp.solve(p)
    #expect(abs(r.objective - 460) < 1e-6)
    #expect(abs(r.monthlyPeaks[0].peakKW - 300) < 1e-6)
}

@Test func demandPeaksAreMonthly() throws {
    // Two months, one hour each: 200 kW in month 1, 500 kW in month 2, rate 10: demand = 10 × (200 + 500).
    var p = smallProblem(load: [200, 500], price: [1, 1])
    p.monthOfStep = [202501, 202502]
    p.demandChargePerKWMonth = 10
    let r = try clp.solve(p)
    #expect(r.monthlyPeaks == [MonthlyPeak(month: 202501, peakKW: 200), MonthlyPeak(month: 202502, peakKW: 500)])
    #expect(abs(r.objective - (700 + 7_000)) < 1e-6)
}
