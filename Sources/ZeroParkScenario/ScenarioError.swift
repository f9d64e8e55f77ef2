import ZeroParkInput
import ZeroParkOptimisation

/// Why a scenario could not be dispatched: its input (scenario, series, tariff parameters) was refused,
/// the model is infeasible (naming the constraint family, step and field), or the solver stopped.
/// Every problem is an `InputProblem` (field, zh, en, line and column where known).
///
/// Serves STANDARD.md 1.1.37 (a bad scenario gets a clear error naming the field).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case input, infeasible, solver
    }
    public let kind: Kind
    public let problems: [InputProblem]

    public init(_ kind: Kind, _ problems: [InputProblem]) {
        self.kind = kind
        self.problems = problems
    }

    public init(_ error: InputError) { self.init(.input, error.problems) }

    /// The optimisation layer's errors as scenario problems.
    public init(_ error: OptimisationError) {
        switch error {
        case .invalidInput(let problems):
            self.init(.input, problems.map { InputProblem(code: $0.code, field: "(model) " + $0.field, zh: $0.zh, en: $0.en) })
        case .infeasible(let report):
            let at = report.step.map { "（第 \($0) 步）" } ?? ""
            let atEn = report.step.map { " (step \($0))" } ?? ""
            let also = report.alsoRelieving.isEmpty ? "" : "；放宽 \(report.alsoRelieving.map(\.zh).joined(separator: "、")) 也可行"
            let alsoEn = report.alsoRelieving.isEmpty ? "" : "; relaxing \(report.alsoRelieving.map(\.en).joined(separator: ", ")) would also help"
            self.init(.infeasible, [InputProblem(code: "infeasible_" + report.family.key, field: report.field,
                                                 zh: "模型不可行：\(report.family.zh)\(at)：\(report.zh)\(also)",
                                                 en: "infeasible: \(report.family.en)\(atEn): \(report.en)\(alsoEn)")])
        case .unbounded(let model):
            self.init(.solver, [InputProblem(code: "unbounded", field: "(model)", zh: "模型无界（\(model)）", en: "unbounded model (\(model))")])
        case .solverStopped(let model, let status):
            self.init(.solver, [InputProblem(code: "solver_stopped", field: "(model)", zh: "求解器中止（\(model)）：\(status)",
                                             en: "solver stopped on \(model): \(status)")])
        }
    }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
