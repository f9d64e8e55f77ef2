/// The carried state of a rolling run: battery state of charge, each month's realised peak so far, and
/// the realised schedule. Internal to `RollingOperation`.
///
/// Serves STANDARD.md 1.1.37.
struct RollingState {
    let actual: DispatchProblem
    var soc: Double
    var peakSoFar: [Int: Double] = [:]
    var realised = RealisedSchedule()
    var overLimit: [Int] = []
    var monthOrder: [Int] = []
    let peakGuard: Bool

    init(_ actual: DispatchProblem, peakGuard: Bool) {
        self.actual = actual
        self.peakGuard = peakGuard
        soc = actual.battery?.initialSoCKWh ?? 0
    }

    /// The plan's problem for `steps` steps from `origin`: forecast load and PV, actual prices and
    /// months, SoC and month peaks carried over, end state as required by the full problem.
    func window(origin: Int, steps: Int, _ f: RollingForecast) -> DispatchProblem {
        let range = origin..<(origin + steps)
        var p = actual
        p.loadKW = f.loadKW.map { $0.isFinite ? max(0, $0) : 0 }
        p.pvAvailableKW = f.pvAvailableKW.map { $0.isFinite ? max(0, $0) : 0 }
        p.importPrice = Array(actual.importPrice[range])
        p.exportPrice = actual.export != nil ? Array(actual.exportPrice[range]) : []
        p.monthOfStep = Array(actual.monthOfStep[range])
        var floors = actual.demandPeakFloorKW
        for (month, peak) in peakSoFar { floors[month] = max(floors[month] ?? 0, peak) }
        p.demandPeakFloorKW = floors
        if var b = actual.battery {
            let start = min(b.maxSoCKWh, max(b.minSoCKWh, soc))
            let reachable = min(b.maxSoCKWh, start + Double(steps) * actual.stepHours * b.chargeEfficiency * b.maxChargeKW)
            let target = min(actual.battery?.requiredEnd.kWh ?? 0, reachable)
            b.initialSoCKWh = start
            b.end = .atLeast(target)
            p.battery = b
        }
        return p
    }

    /// Commits step `planIndex` of `plan` as actual step `t`.
    mutating func realise(step t: Int, plan: DispatchResult, planIndex j: Int) {
        var c = plan.schedule.chargeKW[j], d = plan.schedule.dischargeKW[j]
        let load = actual.loadKW[t], pv = actual.pvAvailableKW[t]
        let month = actual.monthOfStep[t]
        if peakGuard, actual.demandChargePerKWMonth > 0, let b = actual.battery {
            // Local peak guard: hold import at the month's target peak (the plan's or the peak so far)
            // by charging less, then discharging more, within power and state-of-charge limits.
            let planned = plan.monthlyPeaks.first { $0.month == month }?.peakKW ?? 0
            let target = max(planned, peakSoFar[month] ?? 0, actual.demandPeakFloorKW[month] ?? 0)
            var excess = load + c - d - pv - target
            if excess > 0 {
                let less = min(c, excess)
                c -= less
                excess -= less
                let h = actual.stepHours
                let stored = soc + h * b.chargeEfficiency * c - b.minSoCKWh
                let more = max(0, min(excess, b.maxDischargeKW - d, stored * b.dischargeEfficiency / h - d))
                d += more
            }
        }
        let net = load + c - d - pv
        var g = 0.0, x = 0.0, curtailed = 0.0
        if net >= 0 {
            g = net
        } else {
            let surplus = -net
            if let rule = actual.export {
                let cap = rule.surplusOnly ? min(rule.limitKW, max(0, pv - load)) : rule.limitKW
                x = min(surplus, cap)
            }
            curtailed = surplus - x
        }
        if let limit = actual.importLimitKW, g > limit + 1e-6 { overLimit.append(t) }
        if let b = actual.battery {
            let h = actual.stepHours
            soc = min(b.maxSoCKWh, max(b.minSoCKWh, soc + h * b.chargeEfficiency * c - h * d / b.dischargeEfficiency))
        }
        if peakSoFar[month] == nil { monthOrder.append(month) }
        peakSoFar[month] = max(peakSoFar[month] ?? 0, g)
        realised.importKW.append(g)
        realised.exportKW.append(x)
        realised.chargeKW.append(c)
        realised.dischargeKW.append(d)
        realised.socKWh.append(soc)
        realised.pvCurtailedKW.append(curtailed)
    }

    func monthlyPeaks() -> [MonthlyPeak] { monthOrder.map { MonthlyPeak(month: $0, peakKW: peakSoFar[$0] ?? 0) } }

    /// The realised cost, computed as the LP objective is (demand on each month's max(floor, peak)).
    func cost() -> DispatchCost {
        let h = actual.stepHours
        var energy = 0.0, revenue = 0.0, discharged = 0.0, importKWh = 0.0
        for t in 0..<realised.importKW.count {
            energy += h * actual.importPrice[t] * realised.importKW[t]
            if actual.export != nil { revenue += h * actual.exportPrice[t] * realised.exportKW[t] }
            discharged += h * realised.dischargeKW[t]
            importKWh += h * realised.importKW[t]
        }
        let demand = actual.demandChargePerKWMonth > 0
            ? actual.demandChargePerKWMonth * monthOrder.reduce(0) { $0 + max(peakSoFar[$1] ?? 0, actual.demandPeakFloorKW[$1] ?? 0) }
            : 0
        let tonnes = importKWh / 1000 * actual.gridFactorTonnesPerMWh
        return DispatchCost(energy: energy, demand: demand, exportRevenue: revenue,
                            cycle: (actual.battery?.cycleCostPerKWh ?? 0) * discharged, fuel: 0,
                            carbon: tonnes * actual.carbonPricePerTonne)
    }
}
