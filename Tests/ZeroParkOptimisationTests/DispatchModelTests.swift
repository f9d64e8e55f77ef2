import Testing
import ZeroParkOptimisation

func problem(steps n: Int) -> DispatchProblem {
    DispatchProblem(stepMinutes: 60, loadKW: Array(repeating: 100, count: n), pvAvailableKW: Array(repeating: 50, count: n),
                    importPrice: Array(repeating: 1, count: n), exportPrice: Array(repeating: 0.4, count: n),
                    monthOfStep: (0..<n).map { $0 < n / 2 ? 1 : 2 }, demandChargePerKWMonth: 40,
                    battery: Battery(capacityKWh: 100, maxChargeKW: 50, maxDischargeKW: 50),
                    export: ExportRule(limitKW: 30), evSessions: [EVSession(arrivalStep: 1, departureStep: 3, energyKWh: 20, maxPowerKW: 20)])
}

func problems(_ p: DispatchProblem) -> [OptimisationInputProblem] {
    do { _ = try DispatchModel.build(p) } catch { if case .invalidInput(let list) = error { return list } }
    return []
}

@Test func modelHasOneRowPerStepAndFamily() throws {
    let model = try DispatchModel.build(problem(steps: 4))
    let lp = model.program
    // Columns: import, pv, export, charge, discharge, soc (4 each) + 2 month peaks + 2 EV steps = 28.
    #expect(lp.columnCount == 6 * 4 + 2 + 2)
    // Rows: balance, SoC, export, demand (4 each) + end state + EV energy = 18.
    #expect(lp.rowCount == 4 * 4 + 2)
    #expect(Set(lp.families) == [.energyBalance, .batteryStateOfCharge, .batteryEndState, .exportLimit, .demandPeak, .evEnergy])
    // Surplus-only: PV 50 < load 100, so export is bounded at 0 every step.
    #expect(model.months == [1, 2])
    let baseline = try DispatchModel.build(problem(steps: 4), flexible: false)
    #expect(baseline.program.columnCount == 3 * 4 + 2)
    #expect(baseline.fixedEVKW == [0, 20, 0, 0])
}

@Test func uncontrolledEVChargesFromArrival() {
    let kw = DispatchModel.uncontrolledEV([EVSession(arrivalStep: 1, departureStep: 4, energyKWh: 25, maxPowerKW: 40)],
                                          steps: 5, stepHours: 0.25)
    // 40 kW × 0.25 h = 10 kWh per quarter: 10, 10, then 5 kWh = 20 kW.
    #expect(kw == [0, 40, 40, 20, 0])
}

@Test func wrongLengthNaNAndNegativeAreRefusedByField() {
    var p = problem(steps: 4)
    p.pvAvailableKW = [1, 2, 3]
    p.importPrice[2] = .nan
    p.loadKW[3] = -5
    let found = problems(p)
    #expect(found.map(\.field) == ["loadKW[3]", "pvAvailableKW", "importPrice[2]"])
    #expect(found[1].code == "series_length")
    #expect(found[1].description.hasPrefix("pvAvailableKW 长度为 3"))
    #expect(found[1].en.contains("expected 4"))
}

@Test func batteryParametersAreChecked() {
    var p = problem(steps: 4)
    p.battery?.chargeEfficiency = 1.2
    p.battery?.dischargeEfficiency = 0
    p.battery?.maxChargeKW = -1
    p.battery?.capacityKWh = .infinity
    let fields = problems(p).map(\.field)
    #expect(fields.contains("battery.chargeEfficiency"))
    #expect(fields.contains("battery.dischargeEfficiency"))
    #expect(fields.contains("battery.maxChargeKW"))
    #expect(fields.contains("battery.capacityKWh"))
}

@Test func horizonStepAndWindowsAreChecked() {
    var p = problem(steps: 4)
    p.stepMinutes = 30
    p.evSessions = [EVSession(arrivalStep: 3, departureStep: 9, energyKWh: 1, maxPowerKW: 1)]
    p.battery?.initialSoCKWh = 150
    let fields = problems(p).map(\.field)
    #expect(fields.contains("stepMinutes"))
    #expect(fields.contains("evSessions[0]"))
    #expect(fields.contains("battery.initialSoCKWh"))
    let long = DispatchProblem(stepMinutes: 60, loadKW: Array(repeating: 1, count: 8_785), pvAvailableKW: Array(repeating: 0, count: 8_785),
                               importPrice: Array(repeating: 1, count: 8_785), monthOfStep: Array(repeating: 1, count: 8_785))
    #expect(problems(long).map(\.code) == ["horizon_too_long"])
}
