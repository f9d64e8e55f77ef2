import Testing
import ZeroParkClp
import ZeroParkOptimisation

func infeasibility(_ body: () throws(OptimisationError) -> Void) -> InfeasibilityReport? {
    do { try body() } catch { if case .infeasible(let report) = error { return report } }
    return nil
}

@Test func endStateAboveMaximumIsNamed() {
    // End SoC ≥ 600 kWh on a battery whose window ends at 500 kWh: refused before solving.
    var p = smallProblem(load: [10, 10], price: [1, 1])
    p.battery = Battery(capacityKWh: 500, maxChargeKW: 100, maxDischargeKW: 100, initialSoCKWh: 100, end: .atLeast(600))
    let report = infeasibility { () throws(OptimisationError) in _ = try clp.run(p) }
    #expect(report?.family == .batteryEndState)
    #expect(report?.field == "battery.end")
    #expect(report?.zh.contains("期末荷电") == true)
}

@Test func endStateOutOfReachIsNamed() {
    // 2 hours × 100 kW × 0.95 = 190 kWh at most on top of 100: 400 kWh cannot be reached.
    var p = smallProblem(load: [10, 10], price: [1, 1])
    p.battery = Battery(capacityKWh: 500, maxChargeKW: 100, maxDischargeKW: 100, initialSoCKWh: 100, end: .atLeast(400))
    let report = infeasibility { () throws(OptimisationError) in _ = try clp.solve(p) }
    #expect(report?.family == .batteryEndState)
}

@Test func endStateFoundByRelaxation() {
    // Import limit 50 kW, load 100 kW for 2 h, no PV: the battery must give 100 kWh but must also end at its
    // start (150 kWh). No single bound shows it; Clp says infeasible and relaxing the end state (tried
    // first) restores feasibility; relaxing the import limit would too.
    var p = smallProblem(load: [100, 100], price: [1, 1])
    p.importLimitKW = 50
    p.battery = Battery(capacityKWh: 200, maxChargeKW: 100, maxDischargeKW: 100, chargeEfficiency: 1,
                        dischargeEfficiency: 1, initialSoCKWh: 150)
    let report = infeasibility { () throws(OptimisationError) in _ = try clp.solve(p) }
    #expect(report?.family == .batteryEndState)
    #expect(report?.step == 1)
    #expect(report?.alsoRelieving.contains(.importLimit) == true)
}

@Test func importLimitFoundByRelaxation() {
    // Same, but the battery holds only 50 kWh: even drained it cannot cover 100 kWh, so only relaxing the
    // import limit helps; the first step over it is named.
    var p = smallProblem(load: [100, 100], price: [1, 1])
    p.importLimitKW = 50
    p.battery = Battery(capacityKWh: 50, maxChargeKW: 100, maxDischargeKW: 100, chargeEfficiency: 1,
                        dischargeEfficiency: 1, initialSoCKWh: 50, end: .atLeast(0))
    let report = infeasibility { () throws(OptimisationError) in _ = try clp.solve(p) }
    #expect(report?.family == .importLimit)
    #expect(report?.field == "importLimitKW")
    #expect(report?.step != nil)
}

@Test func evEnergyAboveWindowIsNamed() {
    // 3 steps × 100 kW = 300 kWh < 500 kWh required.
    var p = smallProblem(load: [0, 0, 0], price: [1, 1, 1])
    p.evSessions = [EVSession(arrivalStep: 0, departureStep: 3, energyKWh: 500, maxPowerKW: 100)]
    let report = infeasibility { () throws(OptimisationError) in _ = try clp.run(p) }
    #expect(report?.family == .evEnergy)
    #expect(report?.field == "evSessions[0].energyKWh")
}

@Test func heatDemandWithoutBoilerIsNamed() {
    // CHP heat at most 1.5 × 100 = 150 kW, no boiler, 200 kW heat demand in step 1.
    var p = smallProblem(load: [100, 100], price: [1, 1])
    p.chp = CombinedHeatAndPower(electricCapacityKW: 100, electricalEfficiency: 0.35, heatToPowerRatio: 1.5,
                                 heatDemandKW: [100, 200], gasPricePerKWh: 0.1, boilerEfficiency: nil)
    let report = infeasibility { () throws(OptimisationError) in _ = try clp.solve(p) }
    #expect(report?.family == .heatBalance)
    #expect(report?.step == 1 && report?.field == "chp.heatDemandKW[1]")
}
