import ZeroParkCore
import ZeroParkInput
import ZeroParkOptimisation
import ZeroParkTariff

/// A scenario's series, one value per step in kW (the heat demand too).
///
/// Serves STANDARD.md 1.1.37.
public struct ScenarioSeries: Sendable {
    public var loadKW: [Double]
    public var pvKW: [Double]
    public var heatKW: [Double]?
    /// Load and PV before the horizon (the rolling study's history; empty without one).
    public var historyLoadKW: [Double]
    public var historyPVKW: [Double]

    public init(loadKW: [Double], pvKW: [Double], heatKW: [Double]? = nil, historyLoadKW: [Double] = [], historyPVKW: [Double] = []) {
        self.loadKW = loadKW
        self.pvKW = pvKW
        self.heatKW = heatKW
        self.historyLoadKW = historyLoadKW
        self.historyPVKW = historyPVKW
    }

    /// Reads the scenario's series from `source` and converts them to kW. Load and PV cover
    /// `scenario.seriesHorizon` (the horizon and any rolling history before it); the heat demand covers
    /// the horizon.
    public static func resolve(_ scenario: DispatchScenario, from source: any SeriesSource) async throws(InputError) -> ScenarioSeries {
        let horizon = scenario.horizon, span = scenario.seriesHorizon, history = scenario.historySteps
        let load = kW(try await source.resolve(scenario.load, horizon: span), unit: scenario.load.unit, horizon: span, kWp: nil)
        var pv = [Double](repeating: 0, count: span.stepCount)
        if let spec = scenario.pv {
            pv = kW(try await source.resolve(spec, horizon: span), unit: spec.unit, horizon: span, kWp: scenario.pvKWp)
                .map { $0 * scenario.pvScale }
        }
        var heat: [Double]?
        if let chp = scenario.chp {
            heat = kW(try await source.resolve(chp.heatDemand, horizon: horizon), unit: chp.heatDemand.unit, horizon: horizon, kWp: nil)
        }
        return ScenarioSeries(loadKW: Array(load[history...]), pvKW: Array(pv[history...]), heatKW: heat,
                              historyLoadKW: Array(load[..<history]), historyPVKW: Array(pv[..<history]))
    }

    static func kW(_ values: [Double], unit: SeriesUnit, horizon: ScenarioHorizon, kWp: Double?) -> [Double] {
        var factor = unit.energy ? 1 / horizon.stepHours : 1
        if unit.perKWp { factor *= kWp ?? 0 }
        return factor == 1 ? values : values.map { $0 * factor }
    }
}

/// A scenario turned into the LP's input: the tariff in force laid out over the horizon, the dispatch
/// problem, and what the report must cite (tariff version, grid factor).
///
/// Serves STANDARD.md 1.1.20(e), 1.1.36, 1.1.37.
public struct AssembledScenario: Sendable {
    public let scenario: DispatchScenario
    public let tariff: Tariff
    public let expansion: TariffExpansion
    public let problem: DispatchProblem
    /// The grid factor used (nil: no `carbon:` given, tonnes not computed).
    public let gridFactor: LibraryFactor?
    /// EV fleet sessions left out because their window does not lie inside the horizon.
    public let evSessionsOutsideHorizon: Int

    /// Citations of the tariff versions in force over the horizon.
    public var citations: [TariffCitation] { expansion.versionsUsed.compactMap { tariff.versions[$0].citation } }
}

/// Scenario + series → `TariffExpansion` → `DispatchProblem`. Pure.
///
/// Serves STANDARD.md 1.1.20(b)(c)(e)(f), 1.1.23, 1.1.36, 1.1.37.
public enum ScenarioAssembly {
    public static func assemble(_ scenario: DispatchScenario, series: ScenarioSeries,
                                library: FactorLibrary = .builtIn) throws(ScenarioError) -> AssembledScenario {
        let horizon = scenario.horizon
        let steps = horizon.stepCount
        let (tariff, expansion) = try expand(scenario.tariff, horizon: horizon)
        var problems: [InputProblem] = []
        func refuse(_ code: String, _ field: String, _ zh: String, _ en: String) {
            problems.append(InputProblem(code: code, field: field, zh: zh, en: en))
        }
        // One demand rate and one export rule over the horizon: the LP has a single value of each.
        let rates = Set(expansion.demandChargeCNYPerKWMonth)
        if rates.count > 1 {
            refuse("varying_demand_charge", "tariff.demand_charge_cny_per_kw_month", "时段内各月需量电价不同，调度模型只支持一个需量电价；请缩短时段或给出统一值",
                   "the demand charge differs between months of the horizon; the dispatch model takes one rate (shorten the horizon or supply one)")
        }
        let limits = Set(expansion.exportLimitKW.map { $0 ?? -1 }), surplus = Set(expansion.surplusOnly)
        if limits.count > 1 || surplus.count > 1 {
            refuse("varying_export_terms", "tariff.export", "时段内上网条件变化，调度模型只支持一组上网条件", "the export terms change within the horizon; the dispatch model takes one set")
        }
        var export: ExportRule?
        if let limit = expansion.exportLimitKW.first, let surplusOnly = expansion.surplusOnly.first {
            let kW = limit ?? TariffLimits.powerKW.upperBound
            if kW > 0 { export = ExportRule(limitKW: kW, surplusOnly: surplusOnly) }
        }
        let battery = scenario.battery.map { b -> Battery in
            let end: Battery.EndCondition
            switch b.end {
            case .atLeastStart: end = .atLeastStart
            case .equalsStart: end = .equalsStart
            case .atLeast(let fraction): end = .atLeast(fraction * b.capacityKWh)
            }
            return Battery(capacityKWh: b.capacityKWh, maxChargeKW: b.maxChargeKW, maxDischargeKW: b.maxDischargeKW,
                           chargeEfficiency: b.chargeEfficiency, dischargeEfficiency: b.dischargeEfficiency,
                           minSoCKWh: b.minSoC * b.capacityKWh, maxSoCKWh: b.maxSoC * b.capacityKWh,
                           initialSoCKWh: b.initialSoC * b.capacityKWh, end: end, cycleCostPerKWh: b.cycleCostCNYPerKWh)
        }
        let (sessions, outside) = evSessions(scenario, problems: &problems)
        var chp: CombinedHeatAndPower?
        if let c = scenario.chp, let heat = series.heatKW {
            chp = CombinedHeatAndPower(electricCapacityKW: c.electricCapacityKW, electricalEfficiency: c.electricalEfficiency,
                                       heatToPowerRatio: c.heatToPowerRatio, heatDemandKW: heat, gasPricePerKWh: c.gasPriceCNYPerKWh,
                                       boilerEfficiency: c.boilerEfficiency, boilerCapacityKW: c.boilerCapacityKW)
        }
        var factor: LibraryFactor?
        if let carbon = scenario.carbon {
            if let vintage = carbon.vintage {
                factor = library.vintages(of: carbon.gridFactorID).first { $0.vintage == vintage }
            } else {
                factor = library.select(carbon.gridFactorID, forYear: horizon.start.year)?.factor
            }
            if factor == nil { refuse("unknown_factor", "carbon.grid_factor", "因子库中没有此因子", "no such factor in the library") }
        }
        for (name, values) in [("load", series.loadKW), ("pv", series.pvKW)] where values.count != steps {
            refuse("wrong_length", name, "有 \(values.count) 个值，需要 \(steps) 个", "has \(values.count) values; \(steps) needed")
        }
        guard problems.isEmpty else { throw ScenarioError(.input, problems) }
        let problem = DispatchProblem(
            stepMinutes: horizon.stepMinutes, loadKW: series.loadKW, pvAvailableKW: series.pvKW,
            importPrice: expansion.importPrice, exportPrice: expansion.exportPrice, monthOfStep: expansion.monthIndex,
            demandChargePerKWMonth: expansion.demandChargeCNYPerKWMonth.first ?? 0, importLimitKW: scenario.importLimitKW,
            battery: battery, export: export, evSessions: sessions, chp: chp,
            gridFactorTonnesPerMWh: factor?.value ?? 0, carbonPricePerTonne: scenario.carbon?.priceCNYPerTonne ?? 0)
        return AssembledScenario(scenario: scenario, tariff: tariff, expansion: expansion, problem: problem, gridFactor: factor,
                                 evSessionsOutsideHorizon: outside)
    }

    /// The scenario's tariff built and laid out over `horizon` (which also checks that the park supplied
    /// every parameter the tariff needs there).
    public static func expand(_ scenarioTariff: ScenarioTariff, horizon: ScenarioHorizon) throws(ScenarioError) -> (Tariff, TariffExpansion) {
        let tariff: Tariff
        switch scenarioTariff.source {
        case let .builtIn(id, effectiveFrom):
            do { tariff = try BuiltInTariffs.tariff(id: id, effectiveFrom: effectiveFrom) } catch { throw ScenarioError(.input, [tariffProblem(error)]) }
        case let .definition(definition):
            do { tariff = try definition.makeTariff() } catch {
                throw ScenarioError(.input, error.problems.map {
                    InputProblem(code: $0.code, field: "tariff.definition." + $0.field, zh: $0.zh, en: $0.en)
                })
            }
        }
        do {
            return (tariff, try tariff.expand(from: horizon.startUTC, stepMinutes: horizon.stepMinutes, stepCount: horizon.stepCount,
                                              parameters: scenarioTariff.parameters))
        } catch {
            throw ScenarioError(.input, [tariffProblem(error)])
        }
    }

    static func tariffProblem(_ error: TariffError) -> InputProblem {
        let field = error.field.hasPrefix("tariff") ? error.field : "tariff." + error.field
        return InputProblem(code: error.code, field: field, zh: error.zh, en: error.en)
    }

    /// Sessions in steps: plugged for whole steps only (arrival rounded up, departure down). Single sessions
    /// outside the horizon are refused; fleet days whose window leaves the horizon are left out and counted.
    static func evSessions(_ scenario: DispatchScenario, problems: inout [InputProblem]) -> ([EVSession], Int) {
        let horizon = scenario.horizon, step = horizon.stepMinutes, total = horizon.hours * 60
        var sessions: [EVSession] = []
        for s in scenario.evSessions {
            let a = (s.arriveMinute + step - 1).floorDiv(step), d = s.departMinute.floorDiv(step)
            guard s.arriveMinute >= 0, s.departMinute <= total, d > a else {
                problems.append(InputProblem(code: "outside_horizon", field: s.field,
                                             zh: "充电时段须在调度时段内且至少覆盖一个完整步长", en: "the window must lie inside the horizon and cover at least one whole step"))
                continue
            }
            sessions.append(EVSession(arrivalStep: a, departureStep: d, energyKWh: s.energyKWh, maxPowerKW: s.maxPowerKW, label: s.label))
        }
        var outside = 0
        let days = (horizon.hours + 23) / 24
        for f in scenario.evFleets {
            for day in 0..<days {
                let weekday = (horizon.start.dayNumber + day + 3) % 7   // 0 = Monday (1970-01-01 was a Thursday)
                if f.weekdaysOnly && weekday >= 5 { continue }
                let arrive = day * 1_440 + f.arriveMinuteOfDay
                let depart = day * 1_440 + f.departMinuteOfDay + (f.departMinuteOfDay < f.arriveMinuteOfDay ? 1_440 : 0)
                let a = (arrive + step - 1) / step, d = depart / step
                guard depart <= total, d > a else { outside += 1; continue }
                sessions.append(EVSession(arrivalStep: a, departureStep: d, energyKWh: f.energyKWh, maxPowerKW: f.maxPowerKW,
                                          label: "\(f.label) #\(day + 1)"))
            }
        }
        return (sessions, outside)
    }
}

extension Int {
    func floorDiv(_ d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
