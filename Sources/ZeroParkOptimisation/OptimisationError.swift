/// One thing wrong with a dispatch input, found before any model is built: a stable code, the field
/// (`load[17]`, `battery.chargeEfficiency`, `evSessions[2].energyKWh`) and the message in Simplified
/// Chinese first and English second (the project's zh/en problem shape, as `ZeroParkInput.InputProblem`).
///
/// Serves STANDARD.md 1.1.37 (the optimisation loop refuses bad data rather than optimising it) and
/// 1.1.2(e) (data whose correctness can be checked).
public struct OptimisationInputProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let field: String
    public let zh: String
    public let en: String

    public init(code: String, field: String, zh: String, en: String) {
        self.code = code
        self.field = field
        self.zh = zh
        self.en = en
    }

    /// `field message` in one language.
    public func message(chinese: Bool) -> String { (field.isEmpty ? "" : field + " ") + (chinese ? zh : en) }
    public var description: String { message(chinese: true) + " / " + message(chinese: false) }
}

/// Why a dispatch model has no solution: the constraint family responsible, the step and field where
/// it shows (when one can be named), and the zh/en explanation. `alsoRelieving` lists further families
/// whose relaxation alone would also restore feasibility (the conflict involves them too).
///
/// Serves STANDARD.md 1.1.37 and 1.1.20(c) (an infeasible PV–storage–charging plan says which rule).
public struct InfeasibilityReport: Sendable, Equatable, CustomStringConvertible {
    public let family: ConstraintFamily
    public let step: Int?
    public let field: String
    public let zh: String
    public let en: String
    public let alsoRelieving: [ConstraintFamily]

    public init(family: ConstraintFamily, step: Int?, field: String, zh: String, en: String,
                alsoRelieving: [ConstraintFamily] = []) {
        self.family = family
        self.step = step
        self.field = field
        self.zh = zh
        self.en = en
        self.alsoRelieving = alsoRelieving
    }

    public var description: String {
        let at = step.map { "（第 \($0) 步）" } ?? ""
        let atEn = step.map { " (step \($0))" } ?? ""
        return "模型不可行：\(family.zh)\(at) \(field) \(zh) / infeasible: \(family.en)\(atEn) \(field) \(en)"
    }
}

/// Errors of the optimisation layer, each with its context.
///
/// Serves STANDARD.md 1.1.37 (every failure of the optimisation step is typed and explained).
public enum OptimisationError: Error, Sendable, CustomStringConvertible {
    /// Input refused before building, with every problem found (bounded).
    case invalidInput([OptimisationInputProblem])
    /// The model has no feasible schedule.
    case infeasible(InfeasibilityReport)
    /// The objective can decrease without bound (a price or bound is missing).
    case unbounded(model: String)
    /// The solver stopped without a proof (limits, numerical trouble).
    case solverStopped(model: String, status: String)

    public var description: String {
        switch self {
        case .invalidInput(let problems): problems.map(\.description).joined(separator: "; ")
        case .infeasible(let report): report.description
        case .unbounded(let model): "模型无界 / unbounded model: \(model)"
        case .solverStopped(let model, let status): "求解器中止 / solver stopped on \(model): \(status)"
        }
    }
}
