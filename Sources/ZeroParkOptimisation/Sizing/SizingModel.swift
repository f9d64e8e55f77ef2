/// The sizing LP: the dispatch LP of `DispatchModel` with PV kWp (S), battery kWh (E) and kW (W) as
/// continuous decision variables and their annualised cost in the objective. Per step t (length h):
///
///     balance    g_t + pv_t + d_t − c_t − x_t = L_t
///     PV         pv_t − r_t·S ≤ P_t                      (r: kW per kWp; P: existing PV)
///     export     x_t ≤ pv_t, x_t − r_t·S ≤ max(0, P_t − L_t), x_t ≤ X̄     (surplus-only)
///     power      c_t − W ≤ 0, d_t − W ≤ 0
///     capacity   s_t − σmax·E ≤ 0, s_t − σmin·E ≥ 0, W − ρ·E ≤ 0 (optional C-rate ρ)
///     SoC        s_t − s_{t−1} − h·ηc·c_t + (h/ηd)·d_t = 0, s_{−1} = σ0·E;  s_{T−1} − σ0·E ≥ 0
///     peak       g_t − peak_m(t) ≤ 0, peak_m ≥ floor_m
///
///     min Σ h(π_t + κf/1000)g_t − Σ hρ_t x_t + Σ hγ d_t + δ Σ peak_m
///         + φ · (A_S·S + A_E·E + A_W·W),   A = CRF(r, life)·capex + O&M,  φ = horizon h / 8,760
///
/// With S, E, W fixed this is exactly the dispatch LP, except the surplus-only export bound, which in
/// sizing is x_t ≤ max(0, P_t − L_t) + r_t·S: exact where the existing PV already exceeds the load (or
/// no PV is added), optimistic where new PV would only partly cover it (the exact bound
/// max(0, P_t + r_t·S − L_t) is not linear in S). `SizingReport.sizingDispatchDifference` shows the
/// effect.
///
/// Serves STANDARD.md 1.1.20(b)(c)(e)(f) (PV–storage sized on the dispatch model, so sizing and dispatch
/// agree) and 1.1.37.
public struct SizingModel: Sendable {
    public private(set) var program: LinearProgram
    /// Objective coefficient of S, E, W (CNY per unit over the horizon).
    public let horizonUnitCost: (pv: Double, energy: Double, power: Double)
    let pvSize: LinearProgram.VariableBlock?
    let energy: LinearProgram.VariableBlock?
    let power: LinearProgram.VariableBlock?

    /// Validates and builds; throws `.invalidInput` naming every bad field.
    public static func build(_ s: SizingProblem) throws(OptimisationError) -> SizingModel {
        let problems = SizingValidation.problems(in: s)
        if !problems.isEmpty { throw .invalidInput(problems) }
        return SizingModel(validated: s)
    }

    /// A · φ: annualised cost per unit (CRF · capex + O&M) scaled to the horizon.
    static func horizonCost(_ k: CapitalCost?, rate: Double, yearFraction: Double) -> Double {
        guard let k, let capex = k.capexPerUnit, let om = k.omPerUnitYear, let life = k.lifetimeYears else { return 0 }
        return (CapitalCost.capitalRecoveryFactor(rate: rate, years: life) * capex + om) * yearFraction
    }

    init(validated s: SizingProblem) {
        let p = s.dispatch, n = p.stepCount, h = p.stepHours, rate = s.discountRate ?? 0, phi = s.yearFraction
        let unit = (pv: Self.horizonCost(s.pv?.cost, rate: rate, yearFraction: phi),
                    energy: Self.horizonCost(s.battery?.energyCost, rate: rate, yearFraction: phi),
                    power: Self.horizonCost(s.battery?.powerCost, rate: rate, yearFraction: phi))
        horizonUnitCost = unit
        var lp = LinearProgram()
        let carbonPerKWh = p.carbonPricePerTonne * p.gridFactorTonnesPerMWh / 1000
        let importCap = p.importLimitKW ?? .infinity
        let r = s.pv?.profileKWPerKWp ?? []
        let grid = lp.addVariables("import", count: n, upperBoundFamily: .importLimit,
                                   upper: { _ in importCap }, cost: { h * (p.importPrice[$0] + carbonPerKWh) })
        let pv = lp.addVariables("pv", count: n, upper: { t in s.pv == nil ? p.pvAvailableKW[t] : .infinity })
        let maxS = s.pv?.bounds.max ?? 0
        let export = p.export.map { rule in
            lp.addVariables("export", count: n, upper: { t in
                rule.surplusOnly ? min(rule.limitKW, max(0, p.pvAvailableKW[t] - p.loadKW[t]) + (r.isEmpty ? 0 : r[t] * maxS)) : rule.limitKW
            }, cost: { -h * p.exportPrice[$0] })
        }
        let b = s.battery
        let charge = b.map { _ in lp.addVariables("charge", count: n) }
        let discharge = b.map { b in lp.addVariables("discharge", count: n, cost: { _ in h * b.cycleCostPerKWh }) }
        let soc = b.map { _ in lp.addVariables("soc", count: n) }
        let peaks: LinearProgram.VariableBlock?
        var months: [Int] = [], monthIndex = [Int](repeating: 0, count: n), seen: [Int: Int] = [:]
        for t in 0..<n {
            if let i = seen[p.monthOfStep[t]] { monthIndex[t] = i } else {
                seen[p.monthOfStep[t]] = months.count
                monthIndex[t] = months.count
                months.append(p.monthOfStep[t])
            }
        }
        peaks = p.demandChargePerKWMonth > 0
            ? lp.addVariables("peak", count: months.count, lower: { p.demandPeakFloorKW[months[$0]] ?? 0 },
                              cost: { _ in p.demandChargePerKWMonth }) : nil
        pvSize = s.pv.map { c in lp.addVariables("pv_kwp", count: 1, lower: { _ in c.bounds.min }, upper: { _ in c.bounds.max }, cost: { _ in unit.pv }) }
        energy = b.map { c in lp.addVariables("battery_kwh", count: 1, lower: { _ in c.energyBounds.min }, upper: { _ in c.energyBounds.max }, cost: { _ in unit.energy }) }
        power = b.map { c in lp.addVariables("battery_kw", count: 1, lower: { _ in c.powerBounds.min }, upper: { _ in c.powerBounds.max }, cost: { _ in unit.power }) }

        for t in 0..<n {
            var terms: [(column: Int, value: Double)] = [(grid.column(t), 1), (pv.column(t), 1)]
            if let d = discharge { terms.append((d.column(t), 1)) }
            if let c = charge { terms.append((c.column(t), -1)) }
            if let x = export { terms.append((x.column(t), -1)) }
            lp.addRow(.energyBalance, step: t, terms: terms, lower: p.loadKW[t], upper: p.loadKW[t])
        }
        if let size = pvSize {
            for t in 0..<n {
                lp.addRow(.pvAvailability, step: t, terms: [(pv.column(t), 1), (size.column(0), -r[t])],
                          lower: -.infinity, upper: p.pvAvailableKW[t])
            }
        }
        if let x = export, p.export?.surplusOnly == true {
            for t in 0..<n {
                lp.addRow(.exportLimit, step: t, terms: [(x.column(t), 1), (pv.column(t), -1)], lower: -.infinity, upper: 0)
                if let size = pvSize {
                    lp.addRow(.exportLimit, step: t, terms: [(x.column(t), 1), (size.column(0), -r[t])],
                              lower: -.infinity, upper: max(0, p.pvAvailableKW[t] - p.loadKW[t]))
                }
            }
        }
        if let b, let c = charge, let d = discharge, let s = soc, let e = energy, let w = power {
            for t in 0..<n {
                lp.addRow(.batteryPower, step: t, terms: [(c.column(t), 1), (w.column(0), -1)], lower: -.infinity, upper: 0)
                lp.addRow(.batteryPower, step: t, terms: [(d.column(t), 1), (w.column(0), -1)], lower: -.infinity, upper: 0)
                lp.addRow(.batterySize, step: t, terms: [(s.column(t), 1), (e.column(0), -b.maxSoCFraction)], lower: -.infinity, upper: 0)
                lp.addRow(.batterySize, step: t, terms: [(s.column(t), 1), (e.column(0), -b.minSoCFraction)], lower: 0, upper: .infinity)
                var terms: [(column: Int, value: Double)] = [(s.column(t), 1)]
                terms.append(t > 0 ? (s.column(t - 1), -1) : (e.column(0), -b.initialSoCFraction))
                terms.append((c.column(t), -h * b.chargeEfficiency))
                terms.append((d.column(t), h / b.dischargeEfficiency))
                lp.addRow(.batteryStateOfCharge, step: t, terms: terms, lower: 0, upper: 0)
            }
            lp.addRow(.batteryEndState, step: n - 1, terms: [(s.column(n - 1), 1), (e.column(0), -b.initialSoCFraction)],
                      lower: 0, upper: .infinity)
            if let rate = b.maxCRate {
                lp.addRow(.batterySize, terms: [(w.column(0), 1), (e.column(0), -rate)], lower: -.infinity, upper: 0)
            }
        }
        if let peak = peaks {
            for t in 0..<n {
                lp.addRow(.demandPeak, step: t, item: monthIndex[t],
                          terms: [(grid.column(t), 1), (peak.column(monthIndex[t]), -1)], lower: -.infinity, upper: 0)
            }
        }
        program = lp
    }

    /// The chosen sizes from an optimal column vector (0 where not sized).
    public func sizes(_ outcome: LinearProgramOutcome) -> (pvKWp: Double, batteryKWh: Double, batteryKW: Double) {
        func value(_ b: LinearProgram.VariableBlock?) -> Double {
            guard let b, b.start < outcome.columnValues.count else { return 0 }
            return max(0, outcome.columnValues[b.start])
        }
        return (value(pvSize), value(energy), value(power))
    }
}
