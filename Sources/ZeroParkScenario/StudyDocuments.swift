import Foundation
import ZeroParkForecast
import ZeroParkOptimisation

/// What a study assumed, shared by the sizing and rolling documents: the scenario's name, the tariff
/// and its citations, the horizon and the grid factor.
///
/// Serves STANDARD.md 1.1.2(d) (every result states its basis) and 1.1.36.
public struct StudyBasis: Encodable, Sendable {
    let name: String
    let tariff_id: String
    let tariff_name: String
    let tariff_citations: [DispatchDocument.Citation]
    let horizon_start: String
    let horizon_hours: Int
    let step_minutes: Int
    let grid_factor: DispatchDocument.Factor?
    let demand_charge_cny_per_kw_month: Double

    init(_ a: AssembledScenario) {
        let s = a.scenario
        name = s.name
        tariff_id = a.tariff.id
        tariff_name = a.tariff.name
        tariff_citations = a.citations.map {
            DispatchDocument.Citation(document: $0.document, title: $0.title, urls: $0.urls, confirmed: $0.confirmed, unconfirmed: $0.unconfirmed)
        }
        horizon_start = s.horizon.start.description
        horizon_hours = s.horizon.hours
        step_minutes = s.horizon.stepMinutes
        grid_factor = a.gridFactor.map {
            DispatchDocument.Factor(id: $0.id, name_zh: $0.nameZh, name_en: $0.nameEn, value: $0.value, unit: $0.unitSymbol,
                                    vintage: $0.vintage, citation: $0.citation.text)
        }
        demand_charge_cny_per_kw_month = a.problem.demandChargePerKWMonth
    }
}

/// The JSON form of a sizing study (`zeropark.sizing/1`): basis, the costs as written, the chosen sizes,
/// the dispatch with and without them, the economics (annual; a horizon shorter than a year is scaled
/// by 8,760 h / horizon, stated as `year_fraction`), the abatement rows and the same rows as plan
/// measures (`plan_measures_yaml`, docs/planning.md §5).
///
/// Serves STANDARD.md 1.1.20(b)(c) and the neutrality plan's abatement rows (1.1.5–1.1.6).
public struct SizingDocument: Encodable, Sendable {
    struct Chosen: Encodable, Sendable { let pv_kwp, battery_kwh, battery_kw: Double }
    struct Economics: Encodable, Sendable {
        let capex_cny, annualised_capital_cny, annual_om_cny, annual_operating_cost_with_cny, annual_operating_cost_without_cny: Double
        let annual_cost_with_cny, annual_operating_saving_cny, npv_cny, analysis_years, discount_rate: Double
        let simple_payback_years, pv_lcoe_cny_per_kwh, cny_per_tonne_avoided: Double?
        let tco2_avoided_per_year, sizing_dispatch_difference, year_fraction: Double
    }
    struct Row: Encodable, Sendable {
        let kind, measure: String
        let tco2_per_year, import_reduction_mwh_per_year, annual_operating_saving_cny, annual_om_cny, capex_cny, lifetime_years: Double
        let net_annual_cost_cny: Double
        let cny_per_tonne: Double?
    }

    public let format = "zeropark.sizing/1"
    let basis: StudyBasis
    let chosen: Chosen
    let with_assets: DispatchDocument.Result
    let without_assets: DispatchDocument.Result
    let economics: Economics
    let abatement: [Row]
    let plan_measures_yaml: String

    public init(_ outcome: SizingOutcome) {
        let a = outcome.assembled, r = outcome.report
        basis = StudyBasis(a)
        chosen = Chosen(pv_kwp: r.pvKWp, battery_kwh: r.batteryKWh, battery_kw: r.batteryKW)
        with_assets = DispatchDocument.result(r.with, a)
        without_assets = DispatchDocument.result(r.without, a)
        economics = Economics(capex_cny: r.capexCNY, annualised_capital_cny: r.annualisedCapitalCNY, annual_om_cny: r.annualOMCNY,
                              annual_operating_cost_with_cny: r.annualOperatingCostWith, annual_operating_cost_without_cny: r.annualOperatingCostWithout,
                              annual_cost_with_cny: r.annualCostWith, annual_operating_saving_cny: r.annualOperatingSaving, npv_cny: r.npv,
                              analysis_years: r.analysisYears, discount_rate: r.discountRate, simple_payback_years: r.simplePaybackYears,
                              pv_lcoe_cny_per_kwh: r.pvLCOE, cny_per_tonne_avoided: r.cnyPerTonneAvoided,
                              tco2_avoided_per_year: r.tonnesCO2AvoidedPerYear, sizing_dispatch_difference: r.sizingDispatchDifference,
                              year_fraction: a.problem.stepHours * Double(a.problem.stepCount) / 8_760)
        abatement = r.abatementOptions.map {
            Row(kind: $0.kind.rawValue, measure: $0.measure, tco2_per_year: $0.tonnesCO2PerYear,
                import_reduction_mwh_per_year: $0.importReductionMWhPerYear, annual_operating_saving_cny: $0.annualOperatingSavingCNY,
                annual_om_cny: $0.annualOMCNY, capex_cny: $0.capexCNY, lifetime_years: $0.lifetimeYears, net_annual_cost_cny: $0.netAnnualCostCNY,
                cny_per_tonne: $0.cnyPerTonne)
        }
        plan_measures_yaml = PlanMeasureExport.yaml(outcome)
    }

    public func json() throws -> String { try StudyJSON.encode(self) }
}

/// The JSON form of a rolling-operation study (`zeropark.rolling/1`): basis, settings, the realised
/// cost against perfect foresight and the no-battery baseline, the forecasts' scores against
/// seasonal-naive, and the realised per-step schedule.
///
/// Serves STANDARD.md 1.1.37 and 1.1.20(b)(e).
public struct RollingDocument: Encodable, Sendable {
    struct Settings: Encodable, Sendable {
        let horizon_hours, commit_steps, history_days, cloudiness_days: Int
        let load_forecast, load_forecast_method: String
        let pv_forecast: String
        let pv_forecast_method: String?
        let peak_guard: Bool
    }
    struct Score: Encodable, Sendable {
        let method, baseline: String
        let days, steps: Int
        let nmae, mape, baseline_nmae, baseline_mape: Double?
        let mae_kw, baseline_mae_kw: Double
        let beats_baseline_on_nmae: Bool
        init(_ b: BacktestResult) {
            method = b.method
            baseline = b.baseline
            days = b.days
            steps = b.metrics.count
            nmae = b.metrics.nmae
            mape = b.metrics.mape
            baseline_nmae = b.baselineMetrics.nmae
            baseline_mape = b.baselineMetrics.mape
            mae_kw = b.metrics.mae
            baseline_mae_kw = b.baselineMetrics.mae
            beats_baseline_on_nmae = b.beatsBaselineOnNMAE
        }
    }
    struct Schedule: Encodable, Sendable {
        let time_cst: [String]
        let load_kw, pv_available_kw, import_kw, export_kw, charge_kw, discharge_kw, soc_kwh, pv_curtailed_kw: [Double]
    }

    public let format = "zeropark.rolling/1"
    let basis: StudyBasis
    let settings: Settings
    let realised_cost: DispatchDocument.Cost
    let realised_monthly_peaks: [DispatchDocument.Peak]
    let perfect_foresight: DispatchDocument.Result
    let baseline: DispatchDocument.Result?
    let cost_gap_cny: Double
    let relative_cost_gap: Double?
    let captured_saving_share: Double?
    let solves: Int
    let solver_seconds: Double
    let import_limit_exceeded_steps: [Int]
    let load_forecast_score: Score?
    let pv_forecast_score: Score?
    let schedule: Schedule?

    public init(_ outcome: RollingOutcome, includeSchedule: Bool = true) {
        let a = outcome.assembled, r = outcome.report, s = outcome.rolling
        basis = StudyBasis(a)
        settings = Settings(horizon_hours: s.horizonHours, commit_steps: s.commitSteps, history_days: s.historyDays,
                            cloudiness_days: s.cloudinessDays, load_forecast: s.loadMethod.rawValue, load_forecast_method: outcome.loadForecastName,
                            pv_forecast: s.pvMethod.rawValue, pv_forecast_method: outcome.pvForecastName, peak_guard: s.peakGuard)
        realised_cost = DispatchDocument.cost(r.realisedCost)
        realised_monthly_peaks = r.monthlyPeaks.map { DispatchDocument.peak($0, a) }
        perfect_foresight = DispatchDocument.result(r.perfectForesight, a)
        baseline = r.baseline.map { DispatchDocument.result($0, a) }
        cost_gap_cny = r.costGap
        relative_cost_gap = r.relativeCostGap
        captured_saving_share = r.capturedSavingShare
        solves = r.solves
        solver_seconds = r.solverSeconds
        import_limit_exceeded_steps = r.importLimitExceededSteps
        load_forecast_score = outcome.loadBacktest.map(Score.init)
        pv_forecast_score = outcome.pvBacktest.map(Score.init)
        if includeSchedule {
            let h = a.scenario.horizon, x = r.realised
            schedule = Schedule(time_cst: (0..<h.stepCount).map { SeriesCSV.cst(h.instant(ofStep: $0)) }, load_kw: a.problem.loadKW,
                                pv_available_kw: a.problem.pvAvailableKW, import_kw: x.importKW, export_kw: x.exportKW, charge_kw: x.chargeKW,
                                discharge_kw: x.dischargeKW, soc_kwh: x.socKWh, pv_curtailed_kw: x.pvCurtailedKW)
        } else {
            schedule = nil
        }
    }

    public func json() throws -> String { try StudyJSON.encode(self) }
}

enum StudyJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A sizing result written as the plan file's `measures:` entries (docs/planning.md §5): the new PV as a
/// `rooftop_pv` measure and the battery as `storage`, each with the grid import it avoids a year
/// (`electricity_mwh`, valued by the plan at the park's counted grid factor), capex, O&M, the operating
/// saving and lifetime, and a `basis` naming the run. A row that avoids no import (a battery whose
/// losses outweigh the PV it shifts) is written as a comment, not as a measure: it is a cost, not an
/// abatement. Savings below zero are carried as extra opex (the plan's savings are ≥ 0).
///
/// Serves STANDARD.md 1.1.5–1.1.6 and 1.1.20(b)(c): the plan's PV and storage rows come from the
/// optimiser's sizing run on the park's own load and tariff.
public enum PlanMeasureExport {
    public static func yaml(_ outcome: SizingOutcome) -> String {
        let s = outcome.assembled.scenario
        let basis = "zeropark size: \(s.name); \(s.horizon.start) + \(s.horizon.hours) h, \(s.horizon.stepMinutes) min; "
            + "tariff \(outcome.assembled.tariff.id); discount rate \(num(outcome.sizing.discountRate))"
        var out = "# 由容量优化生成 / written by the sizing run (\(basis))\n"
        out += "# 电量按园区外购电力的计入因子计算减排；如只作用于部分外购电力排放源，请加 acts_on。\n"
        out += "# electricity_mwh is valued at the park's counted grid factor; add acts_on to restrict it to some sources.\n"
        out += "measures:\n"
        var written = 0
        for (index, row) in outcome.report.abatementOptions.enumerated() {
            let id = row.kind == .pv ? "sized-pv" : "sized-storage"
            guard row.importReductionMWhPerYear > 1e-6 else {
                out += "  # \(id): \(quoted(row.measure)) — 不减少外购电量（\(num(row.importReductionMWhPerYear)) MWh/年），不作为减排措施"
                    + " / avoids no grid import (\(num(row.importReductionMWhPerYear)) MWh/yr), so it is not an abatement measure\n"
                continue
            }
            written += 1
            out += "  - id: \(id)\n"
            out += "    name: \(quoted(row.measure))\n"
            out += "    category: \(row.kind == .pv ? "rooftop_pv" : "storage")\n"
            out += "    electricity_mwh: \(num(row.importReductionMWhPerYear))\n"
            out += "    capex_cny: \(num(row.capexCNY))\n"
            out += "    opex_cny_per_year: \(num(row.annualOMCNY + max(0, -row.annualOperatingSavingCNY)))\n"
            out += "    savings_cny_per_year: \(num(max(0, row.annualOperatingSavingCNY)))\n"
            out += "    lifetime_years: \(num(max(1, row.lifetimeYears)))\n"
            out += "    start_year: \(outcome.startYear)\n"
            out += "    basis: \(quoted(basis + "; row \(index + 1)"))\n"
        }
        if written == 0 { out = out.replacingOccurrences(of: "measures:\n", with: "measures: []\n") }
        return out
    }

    /// Six decimals, trailing zeros dropped (plan inputs, not results).
    static func num(_ x: Double) -> String {
        var text = String(format: "%.6f", x)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
