/// Finds why a dispatch model is infeasible. First the obvious bound conflicts that need no solver
/// (end state of charge above the window or out of reach, EV energy above window × power, heat demand
/// above CHP + boiler capacity, load beyond import + every local source); then, after the solver has
/// said "infeasible", each constraint family is relaxed in turn (most specific first, energy balance
/// last) and the first whose relaxation restores feasibility is named, with the first step where the
/// relaxed solution breaks it.
///
/// Serves STANDARD.md 1.1.37 (a plan that cannot be made says which rule blocks it) and 1.1.20(c).
public enum InfeasibilityDiagnosis {
    /// Order in which families are tried: specific rules before the physics that ties everything.
    public static let relaxationOrder: [ConstraintFamily] = [
        .batteryEndState, .evEnergy, .heatBalance, .importLimit, .exportLimit, .demandPeak,
        .batteryStateOfCharge, .energyBalance,
    ]

    /// Conflicts visible from the data alone (the problem must be valid).
    public static func obviousConflict(in p: DispatchProblem) -> InfeasibilityReport? {
        let n = p.stepCount, h = p.stepHours
        if let b = p.battery {
            let end = b.requiredEnd
            let reachable = min(b.maxSoCKWh, b.initialSoCKWh + Double(n) * h * b.chargeEfficiency * b.maxChargeKW)
            if end.kWh > b.maxSoCKWh {
                return InfeasibilityReport(
                    family: .batteryEndState, step: n - 1, field: "battery.end",
                    zh: "要求期末荷电 \(end.kWh) kWh 高于最大荷电 \(b.maxSoCKWh) kWh",
                    en: "required end state of charge \(end.kWh) kWh is above the maximum \(b.maxSoCKWh) kWh")
            }
            if end.kWh > reachable + 1e-9 {
                return InfeasibilityReport(
                    family: .batteryEndState, step: n - 1, field: "battery.end",
                    zh: "要求期末荷电 \(end.kWh) kWh 无法达到（最多可充至 \(reachable) kWh）",
                    en: "required end state of charge \(end.kWh) kWh cannot be reached (at most \(reachable) kWh)")
            }
            if end.exact, end.kWh < b.minSoCKWh {
                return InfeasibilityReport(
                    family: .batteryEndState, step: n - 1, field: "battery.end",
                    zh: "要求期末荷电 \(end.kWh) kWh 低于最小荷电 \(b.minSoCKWh) kWh",
                    en: "required end state of charge \(end.kWh) kWh is below the minimum \(b.minSoCKWh) kWh")
            }
        }
        for (k, s) in p.evSessions.enumerated() {
            let most = Double(s.departureStep - s.arrivalStep) * h * s.maxPowerKW
            if s.energyKWh > most * (1 + 1e-12) {
                return InfeasibilityReport(
                    family: .evEnergy, step: s.departureStep - 1, field: "evSessions[\(k)].energyKWh",
                    zh: "需充 \(s.energyKWh) kWh，超过窗口内最多可充的 \(most) kWh（时长 × 功率上限）",
                    en: "needs \(s.energyKWh) kWh, more than the \(most) kWh the window allows (duration × power limit)")
            }
        }
        if let u = p.chp {
            let boilerCap = u.boilerEfficiency == nil ? 0 : (u.boilerCapacityKW ?? .infinity)
            let most = u.heatToPowerRatio * u.electricCapacityKW + boilerCap
            if let t = u.heatDemandKW.firstIndex(where: { $0 > most }) {
                return InfeasibilityReport(
                    family: .heatBalance, step: t, field: "chp.heatDemandKW[\(t)]",
                    zh: "热负荷 \(u.heatDemandKW[t]) kW 超过热电联产与锅炉的供热能力 \(most) kW",
                    en: "heat demand \(u.heatDemandKW[t]) kW exceeds CHP and boiler heat capacity \(most) kW")
            }
        }
        if let limit = p.importLimitKW {
            let local = (p.battery?.maxDischargeKW ?? 0) + (p.chp?.electricCapacityKW ?? 0)
            for t in 0..<n where p.loadKW[t] - p.pvAvailableKW[t] - local > limit * (1 + 1e-12) {
                return InfeasibilityReport(
                    family: .importLimit, step: t, field: "importLimitKW",
                    zh: "第 \(t) 步负荷 \(p.loadKW[t]) kW 超过购电上限 \(limit) kW 与本地电源之和",
                    en: "load \(p.loadKW[t]) kW at step \(t) exceeds the import limit \(limit) kW plus every local source")
            }
        }
        return nil
    }

    /// Relaxes families one at a time on an infeasible model and names the first that restores
    /// feasibility, with the first row (or bound) of it the relaxed solution violates.
    public static func diagnose(_ model: DispatchModel, solver: any LinearProgramSolver) -> InfeasibilityReport {
        let lp = model.program
        let present = relaxationOrder.filter { f in
            lp.families.contains(f) || lp.blocks.contains { $0.upperBoundFamily == f }
        }
        var relieving: [(ConstraintFamily, [Double])] = []
        for family in present {
            let outcome = solver.solve(lp.relaxing(family))
            if outcome.status == .optimal { relieving.append((family, outcome.columnValues)) }
        }
        guard let (family, x) = relieving.first else {
            return InfeasibilityReport(
                family: .energyBalance, step: nil, field: "",
                zh: "单独放宽任一约束族均不能使模型可行，多个约束共同冲突",
                en: "no single constraint family restores feasibility; several conflict together")
        }
        let (step, field) = firstViolation(of: family, in: model, x: x)
        let at = step.map { "第 \($0) 步" } ?? "某些时段"
        let atEn = step.map { "at step \($0)" } ?? "somewhere"
        return InfeasibilityReport(
            family: family, step: step, field: field,
            zh: "「\(family.zh)」约束在\(at)无法满足（放宽该约束族后模型可行）",
            en: "the \(family.en) constraints cannot be met \(atEn) (relaxing that family makes the model feasible)",
            alsoRelieving: relieving.dropFirst().map(\.0))
    }

    static func firstViolation(of family: ConstraintFamily, in model: DispatchModel, x: [Double]) -> (Int?, String) {
        let lp = model.program
        let tolerance = 1e-6
        if let f = lp.families.firstIndex(of: family) {
            let activity = lp.rowActivities(x)
            for i in 0..<lp.rowCount where Int(lp.rowFamily[i]) == f {
                let scale = 1 + abs(activity[i])
                if activity[i] < lp.rowLower[i] - tolerance * scale || activity[i] > lp.rowUpper[i] + tolerance * scale {
                    let step = lp.rowStep[i] >= 0 ? Int(lp.rowStep[i]) : nil
                    return (step, fieldName(family, step: step, item: Int(lp.rowItem[i])))
                }
            }
        }
        for block in lp.blocks where block.upperBoundFamily == family {
            for j in block.range where j < x.count && x[j] > lp.columnUpper[j] + tolerance * (1 + abs(x[j])) {
                let step = j - block.start
                return (step, fieldName(family, step: step, item: -1))
            }
        }
        return (nil, fieldName(family, step: nil, item: -1))
    }

    static func fieldName(_ family: ConstraintFamily, step: Int?, item: Int) -> String {
        let t = step.map { "[\($0)]" } ?? ""
        switch family {
        case .energyBalance: return "loadKW" + t
        case .batteryStateOfCharge: return "battery"
        case .batteryEndState: return "battery.end"
        case .exportLimit: return "export.limitKW"
        case .demandPeak: return "monthOfStep" + t
        case .importLimit: return "importLimitKW"
        case .evEnergy: return item >= 0 ? "evSessions[\(item)].energyKWh" : "evSessions"
        case .heatBalance: return "chp.heatDemandKW" + t
        default: return family.key
        }
    }
}
