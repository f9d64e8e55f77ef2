/// Runs a dispatch: validates the problem, refuses obvious conflicts, builds and solves the optimised
/// model and the no-storage baseline on the given `LinearProgramSolver`, diagnoses infeasibility, and
/// reads both results.
///
/// Serves STANDARD.md 1.1.20(b)(c)(e)(f), 1.1.23, 1.1.36 and 1.1.37 (modelling → forecasting →
/// optimisation: this is the optimisation step).
public struct Dispatcher: Sendable {
    public let solver: any LinearProgramSolver

    public init(solver: any LinearProgramSolver) {
        self.solver = solver
    }

    /// The optimised dispatch beside the baseline (battery removed, EV charging uncontrolled).
    public func run(_ problem: DispatchProblem) throws(OptimisationError) -> DispatchReport {
        let optimised = try solve(problem, flexible: true)
        let baseline = try solve(problem, flexible: false)
        return DispatchReport(optimised: optimised, baseline: baseline)
    }

    /// One model: flexible (battery and EV scheduled) or the baseline.
    public func solve(_ problem: DispatchProblem, flexible: Bool = true) throws(OptimisationError) -> DispatchResult {
        let model = try DispatchModel.build(problem, flexible: flexible)
        if let conflict = InfeasibilityDiagnosis.obviousConflict(in: problem) { throw .infeasible(conflict) }
        let outcome = solver.solve(model.program)
        let name = flexible ? "dispatch" : "baseline"
        switch outcome.status {
        case .optimal: return model.read(outcome, problem: problem)
        case .infeasible: throw .infeasible(InfeasibilityDiagnosis.diagnose(model, solver: solver))
        case .unbounded: throw .unbounded(model: name)
        case .stopped(let why): throw .solverStopped(model: name, status: why)
        }
    }
}
