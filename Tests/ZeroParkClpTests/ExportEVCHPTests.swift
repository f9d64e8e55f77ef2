import Testing
import ZeroParkClp
import ZeroParkOptimisation

@Test func surplusOnlyExportKeepsBatteryOffTheGrid() throws {
    // One hour: load 100 kW, PV 300 kW, export 0.5 CNY/kWh up to 1,000 kW, a full 500 kWh battery (ηd = 1,
    // cycle cost 0.01) that may end empty. Surplus-only: export ≤ PV surplus 300 − 100 = 200 kW, so the
    // battery cannot sell: objective = −0.5 × 200 = −100, discharge 0.
    var p = smallProblem(load: [100], price: [1], pv: [300])
    p.exportPrice = [0.5]
    p.export = ExportRule(limitKW: 1_000, surplusOnly: true)
    p.battery = Battery(capacityKWh: 500, maxChargeKW: 500, maxDischargeKW: 500, chargeEfficiency: 1,
                        dischargeEfficiency: 1, initialSoCKWh: 500, end: .atLeast(0), cycleCostPerKWh: 0.01)
    let r = try clp.solve(p)
    #expect(abs(r.objective + 100) < 1e-6)
    #expect(abs(r.schedule.exportKW[0] - 200) < 1e-6)
    #expect(abs(r.schedule.dischargeKW[0]) < 1e-9)
    #expect(abs(r.pvSelfConsumptionShare - 100.0 / 300) < 1e-9)
    // Without the rule the battery sells its 500 kWh too: −0.5 × 700 + 0.01 × 500 = −345.
    p.export = ExportRule(limitKW: 1_000, surplusOnly: false)
    let free = try clp.solve(p)
    #expect(abs(free.objective + 345) < 1e-6)
}

@Test func surplusOnlyExportWithoutPVIsZero() throws {
    // PV 50 kW below a 100 kW load: no surplus, nothing exported even at 5 CNY/kWh; import 50 at 1.0.
    var p = smallProblem(load: [100], price: [1], pv: [50])
    p.exportPrice = [5]
    p.export = ExportRule(limitKW: 1_000)
    p.battery = Battery(capacityKWh: 500, maxChargeKW: 500, maxDischargeKW: 500, initialSoCKWh: 500, end: .atLeast(0))
    let r = try clp.solve(p)
    #expect(abs(r.schedule.exportKW[0]) < 1e-9)
    // The battery still serves load: 50 kWh at ηd 0.95 beats importing at 1.0.
    #expect(abs(r.objective) < 1e-6)
}

@Test func evChargesInTheCheapestHoursOfItsWindow() throws {
    // Prices 1.0, 0.3, 0.5, 0.2; a car plugged in for steps 0–2 (departs before the 0.2 hour) needing 150 kWh
    // at ≤ 100 kW: 100 kW at 0.3 + 50 kW at 0.5 = 55. Uncontrolled: 100 at 1.0 + 50 at 0.3 = 115.
    var p = smallProblem(load: [0, 0, 0, 0], price: [1.0, 0.3, 0.5, 0.2])
    p.evSessions = [EVSession(arrivalStep: 0, departureStep: 3, energyKWh: 150, maxPowerKW: 100)]
    let report = try clp.run(p)
    #expect(abs(report.optimised.objective - 55) < 1e-6)
    let kw = report.optimised.schedule.evSessionKW[0]
    #expect(kw.count == 3 && abs(kw[0]) < 1e-9 && abs(kw[1] - 100) < 1e-6 && abs(kw[2] - 50) < 1e-6)
    #expect(abs(report.baseline.objective - 115) < 1e-6)
    #expect(report.baseline.schedule.evKW == [100, 50, 0, 0])
}

@Test func chpRunsWhenItsHeatIsWorthIt() throws {
    // Load 100 kW, heat 150 kW, import 1.0. CHP 100 kW electric at ηe 0.35, heat/power 1.5; gas 0.1 CNY/kWh.
    // CHP kWh costs 0.1/0.35 = 0.2857 and saves 1.5 kWh of boiler heat (0.1/0.9 each = 0.1667): run it at
    // 100 kW, covering load and heat: fuel 100/0.35 = 285.714 kWh → 28.5714 CNY.
    var p = smallProblem(load: [100], price: [1])
    p.chp = CombinedHeatAndPower(electricCapacityKW: 100, electricalEfficiency: 0.35, heatToPowerRatio: 1.5,
                                 heatDemandKW: [150], gasPricePerKWh: 0.1, boilerEfficiency: 0.9)
    let r = try clp.solve(p)
    #expect(abs(r.objective - 0.1 * 100 / 0.35) < 1e-6)
    #expect(abs(r.fuelKWh - 100 / 0.35) < 1e-6)
    #expect(abs(r.cost.fuel - r.objective) < 1e-6)
}

@Test func carbonPriceAndTonnes() throws {
    // 1,000 kWh imported at 0.5 CNY/kWh with a 0.5 tCO2/MWh grid factor and 100 CNY/t: 0.5 t, cost 500 + 50.
    var p = smallProblem(load: [1_000], price: [0.5])
    p.gridFactorTonnesPerMWh = 0.5
    p.carbonPricePerTonne = 100
    let r = try clp.solve(p)
    #expect(abs(r.importTonnesCO2 - 0.5) < 1e-12)
    #expect(abs(r.cost.carbon - 50) < 1e-9 && abs(r.objective - 550) < 1e-6)
}
