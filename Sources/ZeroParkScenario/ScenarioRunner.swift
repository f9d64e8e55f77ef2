import ZeroParkInput
import ZeroParkOptimisation

/// Runs a scenario: reads its series from a `SeriesSource`, assembles the problem and solves the
/// optimised dispatch and the no-storage baseline.
///
/// Serves STANDARD.md 1.1.37 (modelling → optimisation, rerunnable from a file or the park's meters).
public struct ScenarioRunner: Sendable {
    public let solver: any LinearProgramSolver

    public init(solver: any LinearProgramSolver) {
        self.solver = solver
    }

    public func run(_ scenario: DispatchScenario, source: any SeriesSource) async throws(ScenarioError) -> ScenarioOutcome {
        let series: ScenarioSeries
        do { series = try await ScenarioSeries.resolve(scenario, from: source) } catch { throw ScenarioError(error) }
        return try run(ScenarioAssembly.assemble(scenario, series: series))
    }

    /// Solves an assembled scenario (synchronously: call it off the event loop).
    public func run(_ assembled: AssembledScenario) throws(ScenarioError) -> ScenarioOutcome {
        do {
            let report = try Dispatcher(solver: solver).run(assembled.problem)
            return ScenarioOutcome(assembled: assembled, report: report)
        } catch {
            throw ScenarioError(error)
        }
    }
}

/// A dispatched scenario: what went in and the optimised/baseline report.
///
/// Serves STANDARD.md 1.1.20(e)(f), 1.1.37.
public struct ScenarioOutcome: Sendable {
    public let assembled: AssembledScenario
    public let report: DispatchReport
}
