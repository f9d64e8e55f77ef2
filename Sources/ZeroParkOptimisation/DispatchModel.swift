/// The dispatch LP built from a validated `DispatchProblem`, with the column blocks needed to read a
/// solution back. `flexible: false` builds the no-storage baseline: no battery, and EV sessions charged
/// uncontrolled (full power from arrival) as fixed load. The formulation is written out in
/// docs/optimisation.md; in short, per step t with length h:
///
///     balance   g_t + pv_t + d_t + q_t − c_t − x_t − Σ_k e_kt = L_t (+ uncontrolled EV)
///     SoC       s_t − s_{t−1} − h·ηc·c_t + (h/ηd)·d_t = 0   (s_{−1} = S0)
///     end       s_{T−1} ≥ (=) S_end
///     export    x_t ≤ pv_t, 0 ≤ x_t ≤ min(Xmax, max(0, P_t − L_t))   (surplus-only)
///     peak      g_t − peak_m(t) ≤ 0,  peak_m ≥ floor_m (demandPeakFloorKW, default 0)
///     EV        Σ_t h·e_kt = E_k, 0 ≤ e_kt ≤ Pk on the window
///     heat      ρ·q_t + b_t ≥ H_t
///
/// Serves STANDARD.md 1.1.20(a)(b)(c)(e)(f), 1.1.23, 1.1.36 and 1.1.37.
public struct DispatchModel: Sendable {
    public private(set) var program: LinearProgram
    public let flexible: Bool
    public let stepCount: Int
    public let stepHours: Double
    /// Distinct month keys in order of first appearance, and each step's index into them.
    public let months: [Int]
    public let monthIndexOfStep: [Int]
    /// Uncontrolled EV charging (kW per step) in the baseline; zeros when flexible.
    public let fixedEVKW: [Double]
    let grid: LinearProgram.VariableBlock
    let pv: LinearProgram.VariableBlock
    let export: LinearProgram.VariableBlock?
    let charge: LinearProgram.VariableBlock?
    let discharge: LinearProgram.VariableBlock?
    let soc: LinearProgram.VariableBlock?
    let chp: LinearProgram.VariableBlock?
    let boiler: LinearProgram.VariableBlock?
    let peaks: LinearProgram.VariableBlock?
    /// One block per EV session (flexible only), covering its window.
    let ev: [LinearProgram.VariableBlock]

    /// Validates `problem` and builds its model; throws `.invalidInput` naming every bad field.
    public static func build(_ problem: DispatchProblem, flexible: Bool = true) throws(OptimisationError) -> DispatchModel {
        let problems = DispatchValidation.problems(in: problem)
        if !problems.isEmpty { throw .invalidInput(problems) }
        return DispatchModel(validated: problem, flexible: flexible)
    }

    /// Charging at full power from arrival until the energy is delivered (the no-flexibility baseline).
    public static func uncontrolledEV(_ sessions: [EVSession], steps: Int, stepHours h: Double) -> [Double] {
        var kw = [Double](repeating: 0, count: steps)
        for s in sessions {
            var remaining = s.energyKWh
            var t = max(0, s.arrivalStep)
            while remaining > 0, t < min(s.departureStep, steps) {
                let p = min(s.maxPowerKW, remaining / h)
                kw[t] += p
                remaining -= p * h
                t += 1
            }
        }
        return kw
    }

    init(validated p: DispatchProblem, flexible: Bool) {
        let n = p.stepCount, h = p.stepHours
        self.flexible = flexible
        stepCount = n
        stepHours = h
        var monthKeys: [Int] = [], monthIndex = [Int](repeating: 0, count: n), seen: [Int: Int] = [:]
        for t in 0..<n {
            let key = p.monthOfStep[t]
            if let i = seen[key] { monthIndex[t] = i } else {
                seen[key] = monthKeys.count
                monthIndex[t] = monthKeys.count
                monthKeys.append(key)
            }
        }
        months = monthKeys
        monthIndexOfStep = monthIndex
        let fixedEV = flexible ? [Double](repeating: 0, count: n) : Self.uncontrolledEV(p.evSessions, steps: n, stepHours: h)
        fixedEVKW = fixedEV

        var lp = LinearProgram()
        let carbonPerKWh = p.carbonPricePerTonne * p.gridFactorTonnesPerMWh / 1000
        let importCap = p.importLimitKW ?? .infinity
        grid = lp.addVariables("import", count: n, upperBoundFamily: .importLimit,
                               upper: { _ in importCap }, cost: { h * (p.importPrice[$0] + carbonPerKWh) })
        pv = lp.addVariables("pv", count: n, upper: { p.pvAvailableKW[$0] })
        if let rule = p.export {
            export = lp.addVariables("export", count: n, upper: { t in
                rule.surplusOnly ? min(rule.limitKW, max(0, p.pvAvailableKW[t] - p.loadKW[t] - fixedEV[t])) : rule.limitKW
            }, cost: { -h * p.exportPrice[$0] })
        } else {
            export = nil
        }
        if flexible, let b = p.battery {
            charge = lp.addVariables("charge", count: n, upper: { _ in b.maxChargeKW })
            discharge = lp.addVariables("discharge", count: n, upper: { _ in b.maxDischargeKW },
                                        cost: { _ in h * b.cycleCostPerKWh })
            soc = lp.addVariables("soc", count: n, lower: { _ in b.minSoCKWh }, upper: { _ in b.maxSoCKWh })
        } else {
            charge = nil; discharge = nil; soc = nil
        }
        if let u = p.chp {
            chp = lp.addVariables("chp", count: n, upper: { _ in u.electricCapacityKW },
                                  cost: { _ in h * u.gasPricePerKWh / u.electricalEfficiency })
            if let eff = u.boilerEfficiency {
                let cap = u.boilerCapacityKW ?? .infinity
                boiler = lp.addVariables("boiler", count: n, upper: { _ in cap }, cost: { _ in h * u.gasPricePerKWh / eff })
            } else {
                boiler = nil
            }
        } else {
            chp = nil; boiler = nil
        }
        peaks = p.demandChargePerKWMonth > 0
            ? lp.addVariables("peak", count: monthKeys.count, lower: { p.demandPeakFloorKW[monthKeys[$0]] ?? 0 },
                              cost: { _ in p.demandChargePerKWMonth }) : nil
        var evBlocks: [LinearProgram.VariableBlock] = []
        if flexible {
            for (k, s) in p.evSessions.enumerated() {
                evBlocks.append(lp.addVariables("ev[\(k)]", count: s.departureStep - s.arrivalStep,
                                                upper: { _ in s.maxPowerKW }))
            }
        }
        ev = evBlocks
        program = lp
        Self.buildRows(&lp, self, p, fixedEV)
        program = lp
    }

    private static func buildRows(_ lp: inout LinearProgram, _ m: DispatchModel, _ p: DispatchProblem, _ fixedEV: [Double]) {
        let n = m.stepCount, h = m.stepHours, flexible = m.flexible, ev = m.ev, grid = m.grid, pv = m.pv
        let (discharge, charge, chp, export, soc, peaks, boiler) = (m.discharge, m.charge, m.chp, m.export, m.soc, m.peaks, m.boiler)
        let monthIndexOfStep = m.monthIndexOfStep
        var evAt = [[Int]](repeating: [], count: n)
        for (k, s) in p.evSessions.enumerated() where flexible {
            for t in s.arrivalStep..<s.departureStep { evAt[t].append(ev[k].column(t - s.arrivalStep)) }
        }
        for t in 0..<n {
            var terms: [(column: Int, value: Double)] = [(grid.column(t), 1), (pv.column(t), 1)]
            if let d = discharge { terms.append((d.column(t), 1)) }
            if let q = chp { terms.append((q.column(t), 1)) }
            if let c = charge { terms.append((c.column(t), -1)) }
            if let x = export { terms.append((x.column(t), -1)) }
            for j in evAt[t] { terms.append((j, -1)) }
            let rhs = p.loadKW[t] + fixedEV[t]
            lp.addRow(.energyBalance, step: t, terms: terms, lower: rhs, upper: rhs)
        }
        if let b = p.battery, let s = soc, let c = charge, let d = discharge {
            for t in 0..<n {
                var terms: [(column: Int, value: Double)] = [(s.column(t), 1)]
                if t > 0 { terms.append((s.column(t - 1), -1)) }
                terms.append((c.column(t), -h * b.chargeEfficiency))
                terms.append((d.column(t), h / b.dischargeEfficiency))
                let rhs = t == 0 ? b.initialSoCKWh : 0
                lp.addRow(.batteryStateOfCharge, step: t, terms: terms, lower: rhs, upper: rhs)
            }
            let end = b.requiredEnd
            lp.addRow(.batteryEndState, step: n - 1, terms: [(s.column(n - 1), 1)],
                      lower: end.kWh, upper: end.exact ? end.kWh : .infinity)
        }
        if let x = export, p.export?.surplusOnly == true {
            for t in 0..<n {
                lp.addRow(.exportLimit, step: t, terms: [(x.column(t), 1), (pv.column(t), -1)], lower: -.infinity, upper: 0)
            }
        }
        if let peak = peaks {
            for t in 0..<n {
                lp.addRow(.demandPeak, step: t, item: monthIndexOfStep[t],
                          terms: [(grid.column(t), 1), (peak.column(monthIndexOfStep[t]), -1)], lower: -.infinity, upper: 0)
            }
        }
        for (k, s) in p.evSessions.enumerated() where flexible {
            let terms = (0..<ev[k].count).map { (column: ev[k].column($0), value: h) }
            lp.addRow(.evEnergy, step: s.departureStep - 1, item: k, terms: terms, lower: s.energyKWh, upper: s.energyKWh)
        }
        if let u = p.chp, let q = chp {
            for t in 0..<n {
                var terms: [(column: Int, value: Double)] = [(q.column(t), u.heatToPowerRatio)]
                if let b = boiler { terms.append((b.column(t), 1)) }
                lp.addRow(.heatBalance, step: t, terms: terms, lower: u.heatDemandKW[t], upper: .infinity)
            }
        }
    }
}
