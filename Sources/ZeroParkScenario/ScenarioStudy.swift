import ZeroParkForecast
import ZeroParkInput
import ZeroParkOptimisation
import ZeroParkTariff

/// A sized scenario: what went in, the PV profile used per kWp, and the `SizingReport` (chosen sizes,
/// dispatch with and without them, economics, abatement rows).
///
/// Serves STANDARD.md 1.1.20(b)(c) and the neutrality plan's abatement rows (1.1.5–1.1.6).
public struct SizingOutcome: Sendable {
    public let assembled: AssembledScenario
    public let sizing: ScenarioSizing
    public let report: SizingReport
    /// First year the assets would run (for plan measures).
    public let startYear: Int
}

/// A scenario run by rolling operation: the report (realised cost against perfect foresight and the
/// no-battery baseline), and the day-ahead forecasts' scores against seasonal-naive on the horizon's
/// whole days (nil when the horizon is shorter than a day; PV nil without a PV series).
///
/// Serves STANDARD.md 1.1.37 and 1.1.20(b)(e).
public struct RollingOutcome: Sendable {
    public let assembled: AssembledScenario
    public let rolling: ScenarioRolling
    public let report: RollingReport
    public let loadForecastName: String
    public let pvForecastName: String?
    public let loadBacktest: BacktestResult?
    public let pvBacktest: BacktestResult?
}

/// Runs a scenario's studies: `size` (its `sizing:` section on `Sizer`) and `roll` (its `rolling:`
/// section on `RollingOperation` with the forecasters of `ZeroParkForecast`). Series come from a
/// `SeriesSource` as for dispatch; the solving is synchronous (call off the event loop).
///
/// Serves STANDARD.md 1.1.20(b)(c)(e), 1.1.37.
public struct ScenarioStudies: Sendable {
    public let solver: any LinearProgramSolver

    public init(solver: any LinearProgramSolver) {
        self.solver = solver
    }

    static func missing(_ section: String) -> ScenarioError {
        ScenarioError(.input, [InputProblem(code: "missing_field", field: section, zh: "场景没有 \(section) 一节（见 docs/optimisation.md）",
                                            en: "the scenario has no \(section) section (see docs/optimisation.md)")])
    }

    static func assemble(_ scenario: DispatchScenario, source: any SeriesSource) async throws(ScenarioError) -> (AssembledScenario, ScenarioSeries) {
        let series: ScenarioSeries
        do { series = try await ScenarioSeries.resolve(scenario, from: source) } catch { throw ScenarioError(error) }
        return (try ScenarioAssembly.assemble(scenario, series: series), series)
    }

    // MARK: sizing

    public func size(_ scenario: DispatchScenario, source: any SeriesSource) async throws(ScenarioError) -> SizingOutcome {
        guard scenario.sizing != nil else { throw Self.missing("sizing") }
        let (assembled, series) = try await Self.assemble(scenario, source: source)
        return try size(assembled, series: series)
    }

    /// The sizing problem of an assembled scenario: its dispatch problem, new PV with the scenario's PV
    /// output per kWp, the battery candidate, the costs as written.
    public static func sizingProblem(_ assembled: AssembledScenario, series: ScenarioSeries) throws(ScenarioError) -> SizingProblem {
        let scenario = assembled.scenario
        guard let sizing = scenario.sizing else { throw missing("sizing") }
        var pv: PVCandidate?
        if let c = sizing.pv {
            // kWp behind the series: reference_kwp, else pv.kwp × pv.scale.
            let base = c.referenceKWp ?? (scenario.pvKWp ?? 0) * scenario.pvScale
            guard base > 0 else {
                throw ScenarioError(.input, [InputProblem(code: "invalid_value", field: "sizing.pv.reference_kwp",
                                                          zh: "光伏序列对应的装机容量为 0（pv.scale 为 0？）：请给出 reference_kwp",
                                                          en: "the PV series' installed kWp is 0 (pv.scale 0?): give reference_kwp")])
            }
            pv = PVCandidate(profileKWPerKWp: series.pvKW.map { $0 / base }, bounds: SizeBounds(min: c.minKWp, max: c.maxKWp),
                             cost: CapitalCost(capexPerUnit: c.capexCNYPerKWp, omPerUnitYear: c.omCNYPerKWpYear, lifetimeYears: c.lifetimeYears))
        }
        let battery = sizing.battery.map { b in
            BatteryCandidate(energyBounds: SizeBounds(min: b.minKWh, max: b.maxKWh), powerBounds: SizeBounds(min: b.minKW, max: b.maxKW),
                             energyCost: CapitalCost(capexPerUnit: b.capexCNYPerKWh, omPerUnitYear: b.omCNYPerKWhYear, lifetimeYears: b.lifetimeYears),
                             powerCost: CapitalCost(capexPerUnit: b.capexCNYPerKW, omPerUnitYear: b.omCNYPerKWYear, lifetimeYears: b.lifetimeYears),
                             chargeEfficiency: b.chargeEfficiency, dischargeEfficiency: b.dischargeEfficiency, minSoCFraction: b.minSoC,
                             maxSoCFraction: b.maxSoC, initialSoCFraction: b.initialSoC, cycleCostPerKWh: b.cycleCostCNYPerKWh, maxCRate: b.maxCRate)
        }
        return SizingProblem(dispatch: assembled.problem, pv: pv, battery: battery, discountRate: sizing.discountRate,
                             analysisYears: sizing.analysisYears)
    }

    public func size(_ assembled: AssembledScenario, series: ScenarioSeries) throws(ScenarioError) -> SizingOutcome {
        let problem = try Self.sizingProblem(assembled, series: series)
        guard let sizing = assembled.scenario.sizing else { throw Self.missing("sizing") }
        do {
            let report = try Sizer(solver: solver).run(problem)
            return SizingOutcome(assembled: assembled, sizing: sizing, report: report,
                                 startYear: sizing.startYear ?? assembled.scenario.horizon.start.year + 1)
        } catch {
            throw ScenarioError(error)
        }
    }

    // MARK: rolling

    public func roll(_ scenario: DispatchScenario, source: any SeriesSource) async throws(ScenarioError) -> RollingOutcome {
        guard scenario.rolling != nil else { throw Self.missing("rolling") }
        let (assembled, series) = try await Self.assemble(scenario, source: source)
        return try roll(assembled, series: series)
    }

    static func forecastProblem(_ error: ForecastError, field: String) -> ScenarioError {
        ScenarioError(.input, error.problems.map { InputProblem(code: $0.code, field: field + ($0.field.isEmpty ? "" : " " + $0.field), zh: $0.zh, en: $0.en) })
    }

    /// The series the forecasters read (history + horizon) and the forecasters the study names.
    struct Forecasting {
        var load: MeteredSeries
        var loadForecaster: any Forecaster
        var pv: MeteredSeries?
        var pvForecaster: (any Forecaster)?
        var naive: SeasonalNaiveForecaster
    }

    static func forecasting(_ scenario: DispatchScenario, _ rolling: ScenarioRolling, series: ScenarioSeries) throws(ForecastError) -> Forecasting {
        let horizon = scenario.horizon, start = scenario.seriesHorizon.startUTC
        var holidays: [ForecastDate] = []
        for d in (scenario.tariff.parameters.holidayDates ?? []).sorted() {
            holidays.append(try ForecastDate(year: d.year, month: d.month, day: d.day))
        }
        let calendar = ForecastCalendar(holidays: holidays)
        let load = try MeteredSeries(startUTC: start, stepMinutes: horizon.stepMinutes, values: series.historyLoadKW + series.loadKW)
        let naive = try SeasonalNaiveForecaster()
        let weeks = rolling.regressionWeeks, similar = rolling.similarDayWeeks
        let loadForecaster: any Forecaster
        switch rolling.loadMethod {
        case .ensemble:
            loadForecaster = try MeanForecaster([try SimilarDayForecaster(weeks: similar, calendar: calendar),
                                                 try CalendarRegressionForecaster(trainingWeeks: weeks, calendar: calendar)])
        case .similarDay: loadForecaster = try SimilarDayForecaster(weeks: similar, calendar: calendar)
        case .regression: loadForecaster = try CalendarRegressionForecaster(trainingWeeks: weeks, calendar: calendar)
        case .seasonalNaive: loadForecaster = naive
        }
        var f = Forecasting(load: load, loadForecaster: loadForecaster, pv: nil, pvForecaster: nil, naive: naive)
        guard scenario.pv != nil else { return f }
        f.pv = try MeteredSeries(startUTC: start, stepMinutes: horizon.stepMinutes, values: series.historyPVKW + series.pvKW)
        switch rolling.pvMethod {
        case .seasonalNaive: f.pvForecaster = naive
        case .clearSky:
            // The clear-sky curve is scaled to the largest output in the history (at least 1 kW); the
            // cloudiness ratio of the last days carries the rest.
            let peak = max(1, series.historyPVKW.max() ?? 1)
            let site = try PVSite(latitude: rolling.latitude ?? 0, longitude: rolling.longitude ?? 0, peakKW: peak)
            f.pvForecaster = try ClearSkyPVForecaster(site: site, days: rolling.cloudinessDays)
        }
        return f
    }

    public func roll(_ assembled: AssembledScenario, series: ScenarioSeries) throws(ScenarioError) -> RollingOutcome {
        let scenario = assembled.scenario
        guard let rolling = scenario.rolling else { throw Self.missing("rolling") }
        let horizon = scenario.horizon, history = scenario.historySteps
        let f: Forecasting
        do { f = try Self.forecasting(scenario, rolling, series: series) } catch { throw Self.forecastProblem(error, field: "rolling") }
        let operation: RollingOperation
        do {
            operation = try RollingOperation(solver: solver, horizonSteps: rolling.horizonHours * 60 / horizon.stepMinutes,
                                             commitSteps: rolling.commitSteps, peakGuard: rolling.peakGuard)
        } catch { throw Self.rollingError(error) }
        let report: RollingReport
        do {
            report = try operation.run(assembled.problem) { origin, steps in
                let o = history + origin
                let load = try f.loadForecaster.forecast(f.load, origin: o, steps: steps)
                var pv = [Double](repeating: 0, count: steps)
                if let series = f.pv, let forecaster = f.pvForecaster { pv = try forecaster.forecast(series, origin: o, steps: steps) }
                return RollingForecast(loadKW: load, pvAvailableKW: pv)
            }
        } catch { throw Self.rollingError(error) }
        var loadScore: BacktestResult?, pvScore: BacktestResult?
        let days = horizon.hours / 24
        if days > 0 {
            do {
                let first = try ForecastDate(year: horizon.start.year, month: horizon.start.month, day: horizon.start.day).dayNumber
                loadScore = try Backtest.dayAhead(f.load, forecaster: f.loadForecaster, firstDay: first, days: days, baseline: f.naive)
                if let series = f.pv, let forecaster = f.pvForecaster {
                    pvScore = try Backtest.dayAhead(series, forecaster: forecaster, firstDay: first, days: days, baseline: f.naive)
                }
            } catch { throw Self.forecastProblem(error, field: "rolling") }
        }
        return RollingOutcome(assembled: assembled, rolling: rolling, report: report, loadForecastName: f.loadForecaster.name,
                              pvForecastName: f.pvForecaster?.name, loadBacktest: loadScore, pvBacktest: pvScore)
    }

    static func rollingError(_ error: RollingError) -> ScenarioError {
        switch error {
        case .invalidSettings(let problems):
            return ScenarioError(.input, problems.map { InputProblem(code: $0.code, field: "rolling " + $0.field, zh: $0.zh, en: $0.en) })
        case .optimisation(let origin, let e):
            let inner = ScenarioError(e)
            return ScenarioError(inner.kind, inner.problems.map {
                InputProblem(code: $0.code, field: $0.field, zh: "滚动第 \(origin) 步：" + $0.zh, en: "rolling step \(origin): " + $0.en)
            })
        case .forecast(let origin, let message):
            return ScenarioError(.input, [InputProblem(code: "forecast_failed", field: "rolling", zh: "第 \(origin) 步预测失败：\(message)",
                                                       en: "forecast at step \(origin) failed: \(message)")])
        }
    }
}
