import Foundation
import ZeroParkOptimisation
import ZeroParkTariff

/// The JSON form of a dispatched scenario (`zeropark.dispatch/1`): what was assumed (tariff and its
/// citation, horizon, grid factor and its citation), both results with their cost breakdown and
/// indicators, the saving, and the per-step schedule. Keys are snake_case; numbers unrounded.
///
/// Serves STANDARD.md 1.1.2(d) (an exact, published result), 1.1.20(e)(f), 1.1.36 and 1.1.37.
public struct DispatchDocument: Encodable, Sendable {
    public struct Citation: Encodable, Sendable {
        let document: String
        let title: String
        let urls: [String]
        let confirmed: [String]
        let unconfirmed: [String]
    }
    public struct Factor: Encodable, Sendable {
        let id: String
        let name_zh: String
        let name_en: String
        let value: Double
        let unit: String
        let vintage: Int?
        let citation: String
    }
    public struct Cost: Encodable, Sendable {
        let energy_cny, demand_cny, export_revenue_cny, cycle_cny, fuel_cny, carbon_cny, total_cny: Double
    }
    public struct Peak: Encodable, Sendable {
        let month: String
        let peak_kw: Double
    }
    public struct Result: Encodable, Sendable {
        let cost: Cost
        let monthly_peaks: [Peak]
        let import_kwh, export_kwh, pv_available_kwh, pv_used_kwh, pv_self_consumption_share, battery_cycles, fuel_kwh: Double
        let import_tco2: Double?
        let solver_iterations: Int
        let solver_seconds: Double
    }
    public struct Schedule: Encodable, Sendable {
        let time_cst: [String]
        let period: [String]
        let import_price_cny_per_kwh, export_price_cny_per_kwh, load_kw, pv_available_kw: [Double]
        let import_kw, pv_used_kw, pv_curtailed_kw, export_kw, charge_kw, discharge_kw, soc_kwh, ev_kw, chp_electric_kw, boiler_heat_kw: [Double]
        let baseline_import_kw: [Double]
    }

    public let format = "zeropark.dispatch/1"
    public let name: String
    public let tariff_id: String
    public let tariff_name: String
    public let tariff_citations: [Citation]
    public let horizon_start: String
    public let horizon_hours: Int
    public let step_minutes: Int
    public let steps: Int
    public let grid_factor: Factor?
    public let carbon_price_cny_per_tonne: Double
    public let demand_charge_cny_per_kw_month: Double
    public let ev_sessions_outside_horizon: Int
    public let optimised: Result
    public let baseline: Result
    public let saving_cny: Double
    public let avoided_tco2: Double?
    public let schedule: Schedule?

    public init(_ outcome: ScenarioOutcome, includeSchedule: Bool = true) {
        let a = outcome.assembled, report = outcome.report, s = a.scenario
        name = s.name
        tariff_id = a.tariff.id
        tariff_name = a.tariff.name
        tariff_citations = a.citations.map { Citation(document: $0.document, title: $0.title, urls: $0.urls, confirmed: $0.confirmed, unconfirmed: $0.unconfirmed) }
        horizon_start = s.horizon.start.description
        horizon_hours = s.horizon.hours
        step_minutes = s.horizon.stepMinutes
        steps = s.horizon.stepCount
        grid_factor = a.gridFactor.map { Factor(id: $0.id, name_zh: $0.nameZh, name_en: $0.nameEn, value: $0.value, unit: $0.unitSymbol,
                                                vintage: $0.vintage, citation: $0.citation.text) }
        carbon_price_cny_per_tonne = a.problem.carbonPricePerTonne
        demand_charge_cny_per_kw_month = a.problem.demandChargePerKWMonth
        ev_sessions_outside_horizon = a.evSessionsOutsideHorizon
        func result(_ r: DispatchResult) -> Result { Self.result(r, a) }
        optimised = result(report.optimised)
        baseline = result(report.baseline)
        saving_cny = report.saving
        avoided_tco2 = a.gridFactor == nil ? nil : report.avoidedTonnesCO2
        if includeSchedule {
            let o = report.optimised.schedule
            schedule = Schedule(
                time_cst: (0..<s.horizon.stepCount).map { SeriesCSV.cst(s.horizon.instant(ofStep: $0)) },
                period: a.expansion.periods.map(\.rawValue),
                import_price_cny_per_kwh: a.expansion.importPrice, export_price_cny_per_kwh: a.expansion.exportPrice,
                load_kw: a.problem.loadKW, pv_available_kw: a.problem.pvAvailableKW,
                import_kw: o.importKW, pv_used_kw: o.pvUsedKW, pv_curtailed_kw: o.pvCurtailedKW, export_kw: o.exportKW,
                charge_kw: o.chargeKW, discharge_kw: o.dischargeKW, soc_kwh: o.socKWh, ev_kw: o.evKW,
                chp_electric_kw: o.chpElectricKW, boiler_heat_kw: o.boilerHeatKW, baseline_import_kw: report.baseline.schedule.importKW)
        } else {
            schedule = nil
        }
    }

    /// A dispatch result's cost, peaks (by CST month) and indicators; tonnes only with a grid factor.
    static func result(_ r: DispatchResult, _ a: AssembledScenario) -> Result {
        Result(cost: cost(r.cost),
               monthly_peaks: r.monthlyPeaks.map { peak($0, a) },
               import_kwh: r.importKWh, export_kwh: r.exportKWh, pv_available_kwh: r.pvAvailableKWh, pv_used_kwh: r.pvUsedKWh,
               pv_self_consumption_share: r.pvSelfConsumptionShare, battery_cycles: r.batteryCycles, fuel_kwh: r.fuelKWh,
               import_tco2: a.gridFactor == nil ? nil : r.importTonnesCO2, solver_iterations: r.solverIterations,
               solver_seconds: r.solverSeconds)
    }

    static func peak(_ p: MonthlyPeak, _ a: AssembledScenario) -> Peak {
        let months = a.expansion.months
        return Peak(month: months.indices.contains(p.month) ? months[p.month].description : String(p.month), peak_kw: p.peakKW)
    }

    static func cost(_ c: DispatchCost) -> Cost {
        Cost(energy_cny: c.energy, demand_cny: c.demand, export_revenue_cny: c.exportRevenue, cycle_cny: c.cycle, fuel_cny: c.fuel,
             carbon_cny: c.carbon, total_cny: c.total)
    }

    /// Pretty-printed JSON with sorted keys (non-finite numbers cannot occur: every input is finite).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// The per-step schedule as CSV (RFC 4180, CRLF, no BOM, like the inventory CSV): one header row in the
/// chosen language, then one row per step with the CST time, the period, prices, load, PV and the
/// optimised flows, and the baseline import. Numbers unrounded.
///
/// Serves STANDARD.md 1.1.20(c)(e) (the plan to execute) and 1.1.37.
public enum ScheduleCSV {
    public static func render(_ outcome: ScenarioOutcome, chinese: Bool) -> String {
        let a = outcome.assembled, o = outcome.report.optimised.schedule, b = outcome.report.baseline.schedule
        let header: [(String, String)] = [
            ("时间(北京时间)", "time_cst"), ("时段", "period"), ("购电价(元/kWh)", "import_price_cny_per_kwh"),
            ("上网电价(元/kWh)", "export_price_cny_per_kwh"), ("负荷(kW)", "load_kw"), ("光伏可发(kW)", "pv_available_kw"),
            ("光伏利用(kW)", "pv_used_kw"), ("光伏弃电(kW)", "pv_curtailed_kw"), ("购电(kW)", "import_kw"), ("上网(kW)", "export_kw"),
            ("储能充电(kW)", "charge_kw"), ("储能放电(kW)", "discharge_kw"), ("荷电状态(kWh)", "soc_kwh"), ("充电桩(kW)", "ev_kw"),
            ("热电联产发电(kW)", "chp_electric_kw"), ("锅炉供热(kW)", "boiler_heat_kw"), ("基准购电(kW)", "baseline_import_kw"),
        ]
        var out = header.map { chinese ? $0.0 : $0.1 }.joined(separator: ",") + "\r\n"
        let h = a.scenario.horizon
        for t in 0..<h.stepCount {
            let cells: [String] = [
                SeriesCSV.cst(h.instant(ofStep: t)), chinese ? a.expansion.periods[t].chineseName : a.expansion.periods[t].rawValue,
                num(a.expansion.importPrice[t]), num(a.expansion.exportPrice[t]), num(a.problem.loadKW[t]), num(a.problem.pvAvailableKW[t]),
                num(o.pvUsedKW[t]), num(o.pvCurtailedKW[t]), num(o.importKW[t]), num(o.exportKW[t]), num(o.chargeKW[t]),
                num(o.dischargeKW[t]), num(o.socKWh[t]), num(o.evKW[t]), num(o.chpElectricKW[t]), num(o.boilerHeatKW[t]), num(b.importKW[t]),
            ]
            out += cells.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Shortest round-trip form; solver noise below 1e-9 shows as 0.
    static func num(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return abs(value) < 1e-9 ? "0" : String(value)
    }
}
