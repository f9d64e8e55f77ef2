import Foundation
import ZeroParkClp
import ZeroParkInput
import ZeroParkScenario
import ZeroParkStore

/// Runs dispatch scenarios for the API and the page: series from the park's meters (or inline values),
/// assembly, and the two LP solves on COIN-OR Clp off the event loop, at most `maxConcurrent` at once
/// (2 cores are shared with the server). Every refusal is an `InputError` (422 to the API, a form error
/// on the page).
///
/// Serves STANDARD.md 1.1.37 (the optimisation step as a park service) and 1.1.20(e)(f).
public struct DispatchService: Sendable {
    public let store: any ParkRepository
    let gate: SolveGate

    public init(store: any ParkRepository, maxConcurrent: Int = 1) {
        self.store = store
        self.gate = SolveGate(limit: maxConcurrent)
    }

    /// Rolling operation re-solves once per committed step: the server takes at most a month of it
    /// (the command line takes a year).
    public static let maxRollingDays = 31
    /// And at most this many step-solves (re-solves × steps in each window): a month of hourly re-solves
    /// over 48 h windows, four times over (e.g. a week at 15 minutes).
    public static let maxRollingStepSolves = 31 * 24 * 48 * 4

    public func run(_ scenario: DispatchScenario, parkKey: String, caller: Caller) async throws(InputError) -> ScenarioOutcome {
        try await solve(scenario, parkKey: parkKey, caller: caller) { a, _ throws(ScenarioError) in
            try ScenarioRunner(solver: ClpSolver()).run(a)
        }
    }

    /// The scenario's sizing study (`sizing:`).
    public func size(_ scenario: DispatchScenario, parkKey: String, caller: Caller) async throws(InputError) -> SizingOutcome {
        guard scenario.sizing != nil else { throw InputError(ScenarioStudiesMissing.problem("sizing")) }
        return try await solve(scenario, parkKey: parkKey, caller: caller) { a, s throws(ScenarioError) in
            try ScenarioStudies(solver: ClpSolver()).size(a, series: s)
        }
    }

    /// The scenario's rolling-operation study (`rolling:`), at most `maxRollingDays`.
    public func roll(_ scenario: DispatchScenario, parkKey: String, caller: Caller) async throws(InputError) -> RollingOutcome {
        guard scenario.rolling != nil else { throw InputError(ScenarioStudiesMissing.problem("rolling")) }
        guard scenario.horizon.hours <= Self.maxRollingDays * 24 else {
            throw InputError(InputProblem(code: "out_of_range", field: "horizon.days",
                                          zh: "服务器上的滚动运行最多 \(Self.maxRollingDays) 天（更长请用命令行 zeropark rolling）",
                                          en: "rolling operation on the server takes at most \(Self.maxRollingDays) days (use zeropark rolling for longer)"))
        }
        if let rolling = scenario.rolling {
            let window = rolling.horizonHours * 60 / scenario.horizon.stepMinutes
            let solves = (scenario.horizon.stepCount + rolling.commitSteps - 1) / rolling.commitSteps
            guard solves * window <= Self.maxRollingStepSolves else {
                throw InputError(InputProblem(code: "out_of_range", field: "rolling.horizon_hours",
                                              zh: "滚动运行计算量过大（\(solves) 次求解 × \(window) 步）：请缩短时段或滚动时域、加大 commit_steps，或用命令行 zeropark rolling",
                                              en: "rolling operation too large for the server (\(solves) re-solves × \(window) steps): shorten the horizon or the window, raise commit_steps, or use zeropark rolling"))
            }
        }
        return try await solve(scenario, parkKey: parkKey, caller: caller) { a, s throws(ScenarioError) in
            try ScenarioStudies(solver: ClpSolver()).roll(a, series: s)
        }
    }

    /// Series from the park's meters (or inline values), assembly, then `work` on a detached task
    /// behind the gate.
    func solve<Outcome: Sendable>(_ scenario: DispatchScenario, parkKey: String, caller: Caller,
                                  _ work: @escaping @Sendable (AssembledScenario, ScenarioSeries) throws(ScenarioError) -> Outcome
    ) async throws(InputError) -> Outcome {
        let source = StoreSeriesSource(store: store, parkKey: parkKey, caller: caller, now: Int64(Date().timeIntervalSince1970))
        let series = try await ScenarioSeries.resolve(scenario, from: source)
        let assembled: AssembledScenario
        do { assembled = try ScenarioAssembly.assemble(scenario, series: series) } catch { throw InputError(error.problems) }
        await gate.enter()
        let task = Task.detached(priority: .utility) { () -> Result<Outcome, ScenarioError> in
            do throws(ScenarioError) { return .success(try work(assembled, series)) } catch { return .failure(error) }
        }
        let result = await task.value
        await gate.leave()
        switch result {
        case .success(let outcome): return outcome
        case .failure(let error): throw InputError(error.problems)
        }
    }
}

/// The problem a study request without its section gets.
enum ScenarioStudiesMissing {
    static func problem(_ section: String) -> InputProblem {
        InputProblem(code: "missing_field", field: section, zh: "场景没有 \(section) 一节（见 docs/optimisation.md）",
                     en: "the scenario has no \(section) section (see docs/optimisation.md)")
    }
}

/// A counting gate: at most `limit` solves run, the rest wait in order.
///
/// Serves STANDARD.md 1.1.37 (the server stays responsive while it optimises).
actor SolveGate {
    let limit: Int
    var running = 0
    var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func enter() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
