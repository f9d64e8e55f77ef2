import CClp
import Foundation
import ZeroParkOptimisation

/// `LinearProgramSolver` on COIN-OR Clp through its C API (`Clp_loadProblem` with the CSC arrays,
/// then dual simplex). One Clp model is created and deleted per solve, so a `ClpSolver` value can be
/// shared between tasks.
///
/// Serves STANDARD.md 1.1.37 (exact optimisation in the modelling → forecasting → optimisation loop) and
/// 1.1.20(b)(e) (optimal storage dispatch).
public struct ClpSolver: LinearProgramSolver {
    /// Which Clp entry point solves the model. Serves STANDARD.md 1.1.37.
    public enum Algorithm: Sendable, Hashable {
        /// `Clp_initialSolveWithOptions` with the dual simplex and Clp's presolve.
        case dualWithPresolve
        /// `Clp_dual` on the model as loaded (no presolve).
        case dual
        /// `Clp_primal` on the model as loaded.
        case primal
        /// `Clp_initialSolve`: Clp chooses.
        case automatic
    }

    public var algorithm: Algorithm
    /// Clp log level (0 silent … 4 verbose).
    public var logLevel: Int32
    /// Seconds before Clp gives up (reported as `.stopped`), or nil for none.
    public var maximumSeconds: Double?

    public init(algorithm: Algorithm = .dualWithPresolve, logLevel: Int32 = 0, maximumSeconds: Double? = nil) {
        self.algorithm = algorithm
        self.logLevel = logLevel
        self.maximumSeconds = maximumSeconds
    }

    /// "1.17.6"
    public static var version: String { String(cString: Clp_Version()) }

    public func solve(_ program: LinearProgram) -> LinearProgramOutcome {
        let started = DispatchTime.now().uptimeNanoseconds
        guard let model = Clp_newModel() else {
            return LinearProgramOutcome(status: .stopped("Clp_newModel failed"), objective: .nan,
                                        columnValues: [], iterations: 0, seconds: 0)
        }
        defer { Clp_deleteModel(model) }
        Clp_setLogLevel(model, logLevel)
        Self.load(program, into: model)
        if let seconds = maximumSeconds { Clp_setMaximumSeconds(model, seconds) }
        run(model)
        let status = Clp_status(model)
        let iterations = Int(Clp_numberIterations(model))
        var values: [Double] = []
        let solved: LinearProgramStatus
        switch status {
        case 0:
            solved = .optimal
            let n = Int(Clp_getNumCols(model))
            if let x = Clp_getColSolution(model) { values = Array(UnsafeBufferPointer(start: x, count: n)) }
        case 1: solved = .infeasible
        case 2: solved = .unbounded
        case 3: solved = .stopped("Clp status 3: stopped on iterations or time")
        default: solved = .stopped("Clp status \(status), secondary \(Clp_secondaryStatus(model))")
        }
        let objective = solved == .optimal ? Clp_objectiveValue(model) + program.objectiveOffset : .nan
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return LinearProgramOutcome(status: solved, objective: objective, columnValues: values,
                                    iterations: iterations, seconds: seconds)
    }

    private func run(_ model: UnsafeMutableRawPointer) {
        switch algorithm {
        case .dualWithPresolve:
            guard let options = ClpSolve_new() else { _ = Clp_dual(model, 0); return }
            defer { ClpSolve_delete(options) }
            ClpSolve_setSolveType(options, 0, -1)
            ClpSolve_setPresolveType(options, 0, -1)
            _ = Clp_initialSolveWithOptions(model, options)
        case .dual: _ = Clp_dual(model, 0)
        case .primal: _ = Clp_primal(model, 0)
        case .automatic: _ = Clp_initialSolve(model)
        }
    }

    /// Loads bounds, costs and the CSC matrix; infinite bounds become COIN_DBL_MAX.
    static func load(_ p: LinearProgram, into model: UnsafeMutableRawPointer) {
        let csc = p.compressedColumns()
        func finite(_ xs: [Double]) -> [Double] {
            xs.map { $0 == .infinity ? Double.greatestFiniteMagnitude : ($0 == -.infinity ? -Double.greatestFiniteMagnitude : $0) }
        }
        let (cl, cu, rl, ru) = (finite(p.columnLower), finite(p.columnUpper), finite(p.rowLower), finite(p.rowUpper))
        Clp_loadProblem(model, Int32(p.columnCount), Int32(p.rowCount), csc.columnStarts, csc.rowIndices,
                        csc.values, cl, cu, p.objective, rl, ru)
        Clp_setObjSense(model, 1)
    }

    /// Writes `program` as MPS through `Clp_writeMps` (0 = normal format, 1 number across); returns Clp's
    /// result code (0 on success).
    public static func writeMPS(_ program: LinearProgram, to path: String) -> Int32 {
        guard let model = Clp_newModel() else { return -1 }
        defer { Clp_deleteModel(model) }
        Clp_setLogLevel(model, 0)
        load(program, into: model)
        return Clp_writeMps(model, path, 0, 1, 1)
    }
}
