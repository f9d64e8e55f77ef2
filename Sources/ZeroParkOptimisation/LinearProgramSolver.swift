/// Something that solves a `LinearProgram` exactly (a simplex or interior-point LP solver). The pure
/// module defines the contract; `ZeroParkClp.ClpSolver` implements it on COIN-OR Clp, and tests may
/// plug in others.
///
/// Serves STANDARD.md 1.1.37 (optimisation in the modelling → forecasting → optimisation loop) and
/// 1.1.20(b)(e) (optimal storage dispatch against peak–valley prices).
public protocol LinearProgramSolver: Sendable {
    /// Solves `program`; never throws for infeasible or unbounded models, which are outcomes.
    func solve(_ program: LinearProgram) -> LinearProgramOutcome
}

/// How a solve ended.
///
/// Serves STANDARD.md 1.1.37 (a failed optimisation is reported, never silently used).
public enum LinearProgramStatus: Sendable, Equatable {
    case optimal
    case infeasible
    case unbounded
    /// Iteration/time limit or numerical trouble; the text is the solver's own status.
    case stopped(String)
}

/// The result of one solve: status, objective (including the offset) and the column values (empty
/// unless optimal), with the solver's iteration count and wall time for reports.
///
/// Serves STANDARD.md 1.1.37.
public struct LinearProgramOutcome: Sendable {
    public var status: LinearProgramStatus
    public var objective: Double
    public var columnValues: [Double]
    public var iterations: Int
    public var seconds: Double

    public init(status: LinearProgramStatus, objective: Double, columnValues: [Double], iterations: Int, seconds: Double) {
        self.status = status
        self.objective = objective
        self.columnValues = columnValues
        self.iterations = iterations
        self.seconds = seconds
    }
}
