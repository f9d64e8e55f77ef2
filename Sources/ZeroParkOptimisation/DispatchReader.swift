extension DispatchModel {
    /// Reads an optimal column vector back into a schedule with costs and indicators. `problem` must be
    /// the one the model was built from.
    public func read(_ outcome: LinearProgramOutcome, problem p: DispatchProblem) -> DispatchResult {
        let x = outcome.columnValues, n = stepCount, h = stepHours
        func values(_ block: LinearProgram.VariableBlock?) -> [Double] {
            guard let block, block.start + block.count <= x.count else { return [Double](repeating: 0, count: n) }
            return Array(x[block.range])
        }
        let g = values(grid), used = values(pv), out = values(export), c = values(charge), d = values(discharge)
        let q = values(chp), b = values(boiler)
        let s = values(soc)  // zeros when there is no battery in the model (e.g. the baseline)
        var evTotal = fixedEVKW
        var sessions: [[Double]] = []
        for (k, session) in p.evSessions.enumerated() {
            if flexible, k < ev.count, ev[k].start + ev[k].count <= x.count {
                let kw = Array(x[ev[k].range])
                for (i, v) in kw.enumerated() { evTotal[session.arrivalStep + i] += v }
                sessions.append(kw)
            } else {
                let alone = Self.uncontrolledEV([session], steps: n, stepHours: h)
                sessions.append(Array(alone[session.arrivalStep..<session.departureStep]))
            }
        }
        var peakByMonth = [Double](repeating: 0, count: months.count)
        for t in 0..<n { peakByMonth[monthIndexOfStep[t]] = max(peakByMonth[monthIndexOfStep[t]], g[t]) }
        let importKWh = h * g.reduce(0, +), exportKWh = h * out.reduce(0, +)
        let pvUsedKWh = h * used.reduce(0, +), dischargedKWh = h * d.reduce(0, +)
        var energy = 0.0, revenue = 0.0
        for t in 0..<n {
            energy += h * p.importPrice[t] * g[t]
            if export != nil { revenue += h * p.exportPrice[t] * out[t] }
        }
        var fuelKWh = 0.0
        if let u = p.chp {
            fuelKWh = h * q.reduce(0, +) / u.electricalEfficiency
            if let eff = u.boilerEfficiency { fuelKWh += h * b.reduce(0, +) / eff }
        }
        let tonnes = importKWh / 1000 * p.gridFactorTonnesPerMWh
        let demandPeaks = peaks.map { values($0) } ?? peakByMonth
        let cost = DispatchCost(
            energy: energy,
            demand: p.demandChargePerKWMonth * demandPeaks.reduce(0, +),
            exportRevenue: revenue,
            cycle: flexible ? (p.battery?.cycleCostPerKWh ?? 0) * dischargedKWh : 0,
            fuel: fuelKWh * (p.chp?.gasPricePerKWh ?? 0),
            carbon: tonnes * p.carbonPricePerTonne)
        let schedule = DispatchSchedule(
            importKW: g, pvUsedKW: used, pvCurtailedKW: (0..<n).map { max(0, p.pvAvailableKW[$0] - used[$0]) },
            exportKW: out, chargeKW: c, dischargeKW: d, socKWh: s, evKW: evTotal, evSessionKW: sessions,
            chpElectricKW: q, boilerHeatKW: b)
        let capacity = p.battery?.capacityKWh ?? 0
        return DispatchResult(
            schedule: schedule, cost: cost, objective: outcome.objective,
            monthlyPeaks: zip(months, peakByMonth).map { MonthlyPeak(month: $0, peakKW: $1) },
            importKWh: importKWh, exportKWh: exportKWh,
            pvAvailableKWh: h * p.pvAvailableKW.reduce(0, +), pvUsedKWh: pvUsedKWh,
            pvSelfConsumptionShare: pvUsedKWh > 0 ? max(0, pvUsedKWh - exportKWh) / pvUsedKWh : 0,
            batteryCycles: flexible && capacity > 0 ? dischargedKWh / capacity : 0,
            fuelKWh: fuelKWh, importTonnesCO2: tonnes,
            solverIterations: outcome.iterations, solverSeconds: outcome.seconds)
    }
}
