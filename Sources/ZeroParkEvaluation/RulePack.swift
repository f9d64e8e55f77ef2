/// A standard an evaluation applies (issue #11 item 3): its result lines, each citing its clause, and
/// the grade they lead to. Adding a standard is adding a pack; the engine does not change.
public protocol RulePack: Sendable {
    var id: String { get }
    var version: String { get }
    var nameZh: String { get }
    var nameEn: String { get }
    func evaluate(_ input: EvaluationInput) -> EvaluationResult
}

/// The state of one result line.
public enum LineStatus: String, Sendable, Hashable, Codable {
    /// Met.
    case pass
    /// Not met.
    case fail
    /// Needs the evaluator's answer.
    case pending
    /// Shown for information; does not decide the grade.
    case info
}

/// One line of an evaluation: what was checked, under which clause, the outcome and why, in both languages.
public struct ResultLine: Sendable, Hashable {
    public let id: String
    public let clause: String
    public let status: LineStatus
    public let zh: String
    public let en: String
}

/// A grade a pack can award, with its code and names.
public struct Grade: Sendable, Hashable {
    public let code: String
    public let zh: String
    public let en: String
    /// Whether the grade is an award a certificate may state.
    public let awarded: Bool
}

/// The outcome of a pack on an input: the lines, the grade, and the basis figures averaged over the basis years.
public struct EvaluationResult: Sendable, Hashable {
    public let pack: String
    public let packVersion: String
    public let lines: [ResultLine]
    public let grade: Grade
    public let basisYears: [Int]
    public let averageEmissionsTco2: Double?
    public let averageSequestrationTco2: Double?
    public let averageOffsetsTco2: Double?
    public var averageNetTco2: Double? {
        guard let e = averageEmissionsTco2, let s = averageSequestrationTco2, let o = averageOffsetsTco2 else { return nil }
        return e - s - o
    }
    /// Whether any line still waits for the evaluator.
    public var isDecidable: Bool { !lines.contains { $0.status == .pending } }
}

/// The averages over the basis years that have a result (nil when none).
func averages(_ input: EvaluationInput) -> (years: [Int], emissions: Double?, sequestration: Double?, offsets: Double?) {
    let years = input.basis.years(evaluatedOn: input.evaluatedOn)
    let results = years.compactMap { input.years[$0] }
    guard !results.isEmpty else { return (years, nil, nil, nil) }
    let n = Double(results.count)
    return (years, results.reduce(0) { $0 + $1.emissionsTco2 } / n, results.reduce(0) { $0 + $1.sequestrationTco2 } / n,
            results.reduce(0) { $0 + $1.offsetsTco2 } / n)
}
