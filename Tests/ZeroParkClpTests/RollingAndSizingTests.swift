import Foundation
import Testing
import ZeroParkClp
import ZeroParkDispatchSamples
import ZeroParkOptimisation

@Suite struct DemandFloorTests {
    /// Two hours, load [100, 300] kW, price 1 CNY/kWh, demand charge 10 CNY/kW-month, battery 100 kWh /
    /// 200 kW, η = 1, start 100 kWh, end ≥ 0, cycle cost 2 CNY/kWh (more than the 1 CNY/kWh energy it
    /// saves, so the battery only runs to shave the peak).
    /// No floor: discharge 100 kWh in hour 2 → import [100, 200], peak 200: 300 + 2,000 + 200 = 2,500.
    /// Floor 250 kW (peak already metered this month): shaving below 250 is worthless, so discharge only
    /// 50 → import [100, 250]: energy 350 + demand 2,500 + cycle 100 = 2,950.
    func problem(floor: Double?) -> DispatchProblem {
        DispatchProblem(stepMinutes: 60, loadKW: [100, 300], pvAvailableKW: [0, 0], importPrice: [1, 1], monthOfStep: [7, 7],
                        demandChargePerKWMonth: 10,
                        battery: Battery(capacityKWh: 100, maxChargeKW: 200, maxDischargeKW: 200, chargeEfficiency: 1,
                                         dischargeEfficiency: 1, initialSoCKWh: 100, end: .atLeast(0), cycleCostPerKWh: 2),
                        demandPeakFloorKW: floor.map { [7: $0] } ?? [:])
    }

    @Test func floorRaisesTheBilledPeakAndStopsUselessShaving() throws {
        let d = Dispatcher(solver: ClpSolver())
        let free = try d.solve(problem(floor: nil))
        #expect(abs(free.objective - 2_500) < 1e-6)
        let floored = try d.solve(problem(floor: 250))
        #expect(abs(floored.objective - 2_950) < 1e-6)
        #expect(abs(floored.cost.demand - 2_500) < 1e-6)
        #expect(abs(floored.schedule.importKW[1] - 250) < 1e-6)
        #expect(abs(floored.cost.total - floored.objective) < 1e-6)
        // A floor for another month does nothing; a negative floor is refused with its field.
        var other = problem(floor: nil)
        other.demandPeakFloorKW = [8: 1_000]
        #expect(abs(try d.solve(other).objective - 2_500) < 1e-6)
        other.demandPeakFloorKW = [7: -1]
        #expect(throws: OptimisationError.self) { try d.solve(other) }
        #expect(DispatchValidation.problems(in: other).map(\.field) == ["demandPeakFloorKW[7]"])
    }
}

@Suite struct RollingTests {
    /// Three summer days of the synthetic park (critical peak, demand charge, surplus-only export).
    let actual = SyntheticPark.problem(hours: 72, startHour: 4_800)

    /// With perfect forecasts and a horizon that always reaches the end, each re-solve's plan is the rest
    /// of the optimum (SoC and the month's peak so far carried over), so the realised cost equals the
    /// perfect-foresight objective — this checks the carried state and the demand-peak floor.
    @Test func fullHorizonPerfectForecastEqualsPerfectForesight() throws {
        let rolling = try RollingOperation(solver: ClpSolver(), horizonSteps: 72)
        let r = try rolling.run(actual, forecast: RollingOperation.perfectForecast(actual))
        #expect(r.solves == 72)
        #expect(abs(r.costGap) <= 1e-6 * r.perfectForesight.cost.total)
        #expect(r.realised.importKW.count == 72)
        #expect(abs(r.perfectForesight.objective - r.perfectForesight.cost.total) < 1e-4)
    }

    /// A 24 h horizon is a feasible but not optimal policy: realised ≥ perfect foresight; and with
    /// 4-hour commits there are 18 solves.
    @Test func shortHorizonCostsAtLeastPerfectForesight() throws {
        let r = try RollingOperation(solver: ClpSolver(), horizonSteps: 24).run(actual, forecast: RollingOperation.perfectForecast(actual))
        #expect(r.costGap >= -1e-6 * r.perfectForesight.cost.total)
        #expect(r.baseline != nil && r.capturedSavingShare != nil)
        let coarse = try RollingOperation(solver: ClpSolver(), horizonSteps: 24, commitSteps: 4)
            .run(actual, forecast: RollingOperation.perfectForecast(actual))
        #expect(coarse.solves == 18)
        // A biased forecast (load +10 %) still runs and costs at least the optimum.
        let biased = try RollingOperation(solver: ClpSolver(), horizonSteps: 24).run(actual) { o, n in
            RollingForecast(loadKW: actual.loadKW[o..<(o + n)].map { 1.1 * $0 }, pvAvailableKW: Array(actual.pvAvailableKW[o..<(o + n)]))
        }
        #expect(biased.costGap >= -1e-6 * biased.perfectForesight.cost.total)
    }

    @Test func badSettingsAndForecastsNameTheField() throws {
        do {
            _ = try RollingOperation(solver: ClpSolver(), horizonSteps: 0, commitSteps: 2)
            Issue.record("accepted")
        } catch {
            guard case .invalidSettings(let p) = error else { Issue.record("\(error)"); return }
            #expect(p.map(\.field) == ["horizonSteps", "commitSteps"])
        }
        let rolling = try RollingOperation(solver: ClpSolver(), horizonSteps: 24)
        do {
            _ = try rolling.run(actual) { _, _ in RollingForecast(loadKW: [1], pvAvailableKW: [1]) }
            Issue.record("accepted")
        } catch {
            guard case .forecast(let origin, _) = error else { Issue.record("\(error)"); return }
            #expect(origin == 0)
        }
        var withEV = actual
        withEV.evSessions = [EVSession(arrivalStep: 0, departureStep: 5, energyKWh: 10, maxPowerKW: 5)]
        #expect(throws: RollingError.self) { try rolling.run(withEV, forecast: RollingOperation.perfectForecast(withEV)) }
    }
}
