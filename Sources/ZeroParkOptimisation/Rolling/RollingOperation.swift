/// Rolling (receding-horizon) operation of the microgrid: at every `commitSteps`-th step, plan the next
/// `horizonSteps` steps (24–48 h) with the dispatch LP on *forecast* load and PV and known prices, carry
/// the battery's state of charge and each month's peak so far (as `demandPeakFloorKW`) into the plan,
/// commit its first `commitSteps` steps, and realise them against the *actual* load and PV (see
/// `RealisedSchedule`). Each window's end state of charge must reach the full problem's required end
/// state (capped at what the window can reach), so the year ends where perfect foresight must.
/// The realised cost is set against the perfect-foresight optimum (the single full-horizon LP) and the
/// no-battery baseline.
///
/// Supports the battery, export rule, demand charge, import limit and carbon price of `DispatchProblem`;
/// EV sessions and CHP are refused (not yet planned on a rolling basis).
///
/// Serves STANDARD.md 1.1.37 (a microgrid run by modelling → forecasting → optimisation) and
/// 1.1.20(b)(c)(e)(f).
public struct RollingOperation: Sendable {
    public let solver: any LinearProgramSolver
    public let horizonSteps: Int
    public let commitSteps: Int
    /// When true (default), the committed step is realised with a local peak guard: if the actual load
    /// would push import above the month's target peak (the plan's peak, or the peak so far), the
    /// battery charges less and then discharges more (within its power and state of charge) to hold it.
    public let peakGuard: Bool

    /// `horizonSteps` ≥ 1 and ≥ `commitSteps` ≥ 1 (e.g. 48 and 1 at hourly steps; 192 and 1 at 15 min).
    public init(solver: any LinearProgramSolver, horizonSteps: Int, commitSteps: Int = 1, peakGuard: Bool = true) throws(RollingError) {
        var problems: [OptimisationInputProblem] = []
        if horizonSteps < 1 {
            problems.append(OptimisationInputProblem(code: "horizon_range", field: "horizonSteps",
                                                     zh: "滚动时域须至少 1 步（现为 \(horizonSteps)）",
                                                     en: "rolling horizon must be at least 1 step (is \(horizonSteps))"))
        }
        if commitSteps < 1 || commitSteps > max(1, horizonSteps) {
            problems.append(OptimisationInputProblem(code: "commit_range", field: "commitSteps",
                                                     zh: "每次执行步数须在 1…时域（\(horizonSteps)）内（现为 \(commitSteps)）",
                                                     en: "committed steps must be within 1…horizon (\(horizonSteps)) (is \(commitSteps))"))
        }
        if !problems.isEmpty { throw .invalidSettings(problems) }
        self.solver = solver
        self.horizonSteps = horizonSteps
        self.commitSteps = commitSteps
        self.peakGuard = peakGuard
    }

    /// A forecast that returns the actual values: rolling operation with perfect forecasts, which
    /// isolates the cost of the truncated horizon from that of forecast error.
    public static func perfectForecast(_ actual: DispatchProblem) -> (Int, Int) -> RollingForecast {
        { origin, steps in
            RollingForecast(loadKW: Array(actual.loadKW[origin..<(origin + steps)]),
                            pvAvailableKW: Array(actual.pvAvailableKW[origin..<(origin + steps)]))
        }
    }

    /// Runs the loop over the whole of `actual` (its load and PV are what is realised). `forecast(origin,
    /// steps)` must return `steps` values of load and PV for the steps from `origin`, using nothing
    /// measured at or after `origin`.
    public func run(_ actual: DispatchProblem, baseline: Bool = true,
                    forecast: (_ origin: Int, _ steps: Int) throws -> RollingForecast) throws(RollingError) -> RollingReport {
        var problems = DispatchValidation.problems(in: actual)
        if !actual.evSessions.isEmpty {
            problems.append(OptimisationInputProblem(code: "rolling_unsupported", field: "evSessions",
                                                     zh: "滚动优化暂不支持电动汽车充电会话", en: "rolling operation does not plan EV sessions yet"))
        }
        if actual.chp != nil {
            problems.append(OptimisationInputProblem(code: "rolling_unsupported", field: "chp",
                                                     zh: "滚动优化暂不支持热电联产", en: "rolling operation does not plan CHP yet"))
        }
        if !problems.isEmpty { throw .invalidSettings(problems) }
        let dispatcher = Dispatcher(solver: solver)
        let perfect: DispatchResult
        do { perfect = try dispatcher.solve(actual) } catch { throw .optimisation(origin: 0, error) }
        var reference: DispatchResult? = nil
        if baseline, actual.battery != nil {
            var plain = actual
            plain.battery = nil
            do { reference = try dispatcher.solve(plain) } catch { throw .optimisation(origin: 0, error) }
        }
        var state = RollingState(actual, peakGuard: peakGuard)
        var solves = 0, solverSeconds = 0.0
        var origin = 0
        while origin < actual.stepCount {
            let steps = min(horizonSteps, actual.stepCount - origin)
            let predicted: RollingForecast
            do { predicted = try forecast(origin, steps) } catch { throw .forecast(origin: origin, message: "\(error)") }
            guard predicted.loadKW.count == steps, predicted.pvAvailableKW.count == steps else {
                throw .forecast(origin: origin, message: "预测长度须为 \(steps) / forecast must have \(steps) values " +
                                "(load \(predicted.loadKW.count), pv \(predicted.pvAvailableKW.count))")
            }
            let window = state.window(origin: origin, steps: steps, predicted)
            let plan: DispatchResult
            do { plan = try dispatcher.solve(window) } catch { throw .optimisation(origin: origin, error) }
            solves += 1
            solverSeconds += plan.solverSeconds
            for j in 0..<min(commitSteps, steps) { state.realise(step: origin + j, plan: plan, planIndex: j) }
            origin += commitSteps
        }
        return RollingReport(realisedCost: state.cost(), realised: state.realised, monthlyPeaks: state.monthlyPeaks(),
                             perfectForesight: perfect, baseline: reference, solves: solves,
                             solverSeconds: solverSeconds, importLimitExceededSteps: state.overLimit)
    }
}
