/// Sizes PV and a battery on the sizing LP (`SizingModel`), then re-runs the dispatch LP with the chosen
/// sizes and without them, and derives the economics and abatement rows (`SizingReport`).
///
/// Serves STANDARD.md 1.1.20(b)(c)(e)(f) (sizing and dispatch on one model) and the neutrality plan's
/// marginal-abatement-cost curve.
public struct Sizer: Sendable {
    public let solver: any LinearProgramSolver

    public init(solver: any LinearProgramSolver) {
        self.solver = solver
    }

    /// The dispatch problem with the sized assets installed.
    public static func installed(_ s: SizingProblem, pvKWp: Double, batteryKWh: Double, batteryKW: Double) -> DispatchProblem {
        var p = s.dispatch
        if let pv = s.pv, pvKWp > 0 {
            p.pvAvailableKW = zip(p.pvAvailableKW, pv.profileKWPerKWp).map { $0 + pvKWp * $1 }
        }
        if let b = s.battery, batteryKWh > 1e-9 {
            p.battery = Battery(capacityKWh: batteryKWh, maxChargeKW: batteryKW, maxDischargeKW: batteryKW,
                                chargeEfficiency: b.chargeEfficiency, dischargeEfficiency: b.dischargeEfficiency,
                                minSoCKWh: b.minSoCFraction * batteryKWh, maxSoCKWh: b.maxSoCFraction * batteryKWh,
                                initialSoCKWh: b.initialSoCFraction * batteryKWh, end: .atLeastStart,
                                cycleCostPerKWh: b.cycleCostPerKWh)
        }
        return p
    }

    public func run(_ s: SizingProblem) throws(OptimisationError) -> SizingReport {
        let model = try SizingModel.build(s)
        let outcome = solver.solve(model.program)
        switch outcome.status {
        case .optimal: break
        case .infeasible: throw .infeasible(diagnose(model.program))
        case .unbounded: throw .unbounded(model: "sizing")
        case .stopped(let why): throw .solverStopped(model: "sizing", status: why)
        }
        let size = model.sizes(outcome)
        let unit = model.horizonUnitCost
        let capitalHorizon = unit.pv * size.pvKWp + unit.energy * size.batteryKWh + unit.power * size.batteryKW
        let dispatcher = Dispatcher(solver: solver)
        let with = try dispatcher.solve(Self.installed(s, pvKWp: size.pvKWp, batteryKWh: size.batteryKWh, batteryKW: size.batteryKW))
        let without = try dispatcher.solve(s.dispatch)
        let rate = s.discountRate ?? 0, perYear = 1 / s.yearFraction
        let pvEconomics = Self.economics(s.pv?.cost, rate: rate, size: size.pvKWp)
        let energyEconomics = Self.economics(s.battery?.energyCost, rate: rate, size: size.batteryKWh)
        let powerEconomics = Self.economics(s.battery?.powerCost, rate: rate, size: size.batteryKW)
        let parts = [pvEconomics, energyEconomics, powerEconomics]
        let capex = parts.reduce(0) { $0 + $1.capex }
        let annualised = parts.reduce(0) { $0 + $1.capital }, om = parts.reduce(0) { $0 + $1.om }
        let lifetimes = [s.pv.flatMap { _ in size.pvKWp > 0 ? s.pv?.cost.lifetimeYears : nil },
                         s.battery.flatMap { _ in size.batteryKWh > 0 ? s.battery?.energyCost.lifetimeYears : nil },
                         s.battery.flatMap { _ in size.batteryKW > 0 ? s.battery?.powerCost.lifetimeYears : nil }].compactMap { $0 }
        let years = s.analysisYears ?? lifetimes.max() ?? 1
        let opWith = with.cost.total * perYear, opWithout = without.cost.total * perYear
        let netSaving = opWithout - opWith - om
        let tonnes = (without.importTonnesCO2 - with.importTonnesCO2) * perYear
        let annualWith = opWith + annualised + om
        var pvLCOE: Double? = nil
        if let pv = s.pv, size.pvKWp > 0 {
            let output = size.pvKWp * pv.profileKWPerKWp.reduce(0, +) * s.dispatch.stepHours
            let extraCurtailed = max(0, (with.pvAvailableKWh - with.pvUsedKWh) - (without.pvAvailableKWh - without.pvUsedKWh))
            let delivered = (output - extraCurtailed) * perYear
            if delivered > 0 { pvLCOE = (pvEconomics.capital + pvEconomics.om) / delivered }
        }
        let options = try abatement(s, size: size, with: with, without: without, perYear: perYear,
                                    pv: pvEconomics, battery: (energyEconomics, powerEconomics))
        let sizingOperating = outcome.objective - capitalHorizon
        return SizingReport(
            pvKWp: size.pvKWp, batteryKWh: size.batteryKWh, batteryKW: size.batteryKW,
            sizingObjective: outcome.objective, sizingOperatingCost: sizingOperating, with: with, without: without,
            sizingDispatchDifference: with.cost.total != 0 ? (with.cost.total - sizingOperating) / abs(with.cost.total) : 0,
            capexCNY: capex, annualisedCapitalCNY: annualised, annualOMCNY: om,
            annualOperatingCostWith: opWith, annualOperatingCostWithout: opWithout,
            analysisYears: years, discountRate: rate,
            npv: CapitalCost.annuityFactor(rate: rate, years: years) * (opWithout - annualWith),
            simplePaybackYears: netSaving > 0 && capex > 0 ? capex / netSaving : (capex == 0 && netSaving >= 0 ? 0 : nil),
            pvLCOE: pvLCOE, tonnesCO2AvoidedPerYear: tonnes,
            cnyPerTonneAvoided: tonnes > 0 ? (annualWith - opWithout) / tonnes : nil,
            abatementOptions: options)
    }

    /// Capex, annualised capital (CRF · capex) and O&M per year of `size` units.
    static func economics(_ k: CapitalCost?, rate: Double, size: Double) -> (capex: Double, capital: Double, om: Double, life: Double) {
        guard let k, let capex = k.capexPerUnit, let om = k.omPerUnitYear, let life = k.lifetimeYears, size > 0 else { return (0, 0, 0, 0) }
        return (capex * size, CapitalCost.capitalRecoveryFactor(rate: rate, years: life) * capex * size, om * size, life)
    }

    func abatement(_ s: SizingProblem, size: (pvKWp: Double, batteryKWh: Double, batteryKW: Double),
                   with: DispatchResult, without: DispatchResult, perYear: Double,
                   pv: (capex: Double, capital: Double, om: Double, life: Double),
                   battery: ((capex: Double, capital: Double, om: Double, life: Double), (capex: Double, capital: Double, om: Double, life: Double))
    ) throws(OptimisationError) -> [AbatementOption] {
        func row(_ kind: AbatementOption.Kind, _ measure: String, from a: DispatchResult, to b: DispatchResult,
                 capex: Double, capital: Double, om: Double, life: Double) -> AbatementOption {
            let tonnes = (a.importTonnesCO2 - b.importTonnesCO2) * perYear
            let saving = (a.cost.total - b.cost.total) * perYear
            let net = capital + om - saving
            return AbatementOption(kind: kind, measure: measure, tonnesCO2PerYear: tonnes,
                                   importReductionMWhPerYear: (a.importKWh - b.importKWh) / 1_000 * perYear,
                                   annualOperatingSavingCNY: saving, annualOMCNY: om, cnyPerTonne: tonnes > 0 ? net / tonnes : nil,
                                   capexCNY: capex, lifetimeYears: life, netAnnualCostCNY: net)
        }
        let (e, w) = battery
        let pvName = "光伏 / PV \(Self.rounded(size.pvKWp)) kWp"
        let batteryName = "储能 / battery \(Self.rounded(size.batteryKWh)) kWh / \(Self.rounded(size.batteryKW)) kW"
        let hasPV = size.pvKWp > 0, hasBattery = size.batteryKWh > 1e-9
        switch (hasPV, hasBattery) {
        case (true, true):
            let pvOnly = try Dispatcher(solver: solver).solve(Self.installed(s, pvKWp: size.pvKWp, batteryKWh: 0, batteryKW: 0))
            return [row(.pv, pvName, from: without, to: pvOnly, capex: pv.capex, capital: pv.capital, om: pv.om, life: pv.life),
                    row(.battery, batteryName + "（叠加光伏 / added to the PV）", from: pvOnly, to: with, capex: e.capex + w.capex,
                        capital: e.capital + w.capital, om: e.om + w.om, life: e.life)]
        case (true, false):
            return [row(.pv, pvName, from: without, to: with, capex: pv.capex, capital: pv.capital, om: pv.om, life: pv.life)]
        case (false, true):
            return [row(.battery, batteryName, from: without, to: with, capex: e.capex + w.capex, capital: e.capital + w.capital,
                        om: e.om + w.om, life: e.life)]
        case (false, false):
            return []
        }
    }

    static func rounded(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// The first family whose relaxation alone makes the sizing LP feasible.
    func diagnose(_ program: LinearProgram) -> InfeasibilityReport {
        let order: [ConstraintFamily] = [.batteryEndState, .importLimit, .exportLimit, .demandPeak, .batterySize,
                                         .batteryPower, .pvAvailability, .batteryStateOfCharge, .energyBalance]
        for family in order where solver.solve(program.relaxing(family)).status == .optimal {
            return InfeasibilityReport(family: family, step: nil, field: family == .importLimit ? "dispatch.importLimitKW" : "",
                                       zh: "放宽该约束族后可行", en: "relaxing this family alone makes the sizing model feasible")
        }
        return InfeasibilityReport(family: .energyBalance, step: nil, field: "dispatch.loadKW",
                                   zh: "单独放宽任何约束族都不能恢复可行", en: "no single family's relaxation restores feasibility")
    }
}
