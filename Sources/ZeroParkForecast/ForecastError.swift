/// One thing wrong with a forecasting input: a stable code, the field (`history.values[17]`,
/// `weeks`, `site.latitude`) and the message in Simplified Chinese first, English second (the project's
/// zh/en problem shape, as `OptimisationInputProblem`).
///
/// Serves STANDARD.md 1.1.37 (the forecasting step of modelling → forecasting → optimisation refuses bad
/// data rather than forecasting from it) and 1.1.20(b) (forecasting for storage dispatch).
public struct ForecastProblem: Error, Hashable, Sendable, CustomStringConvertible {
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

/// Errors of the forecasting layer.
///
/// Serves STANDARD.md 1.1.37 (every failure of the forecasting step is typed and names its field).
public enum ForecastError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Input refused, with every problem found.
    case invalidInput([ForecastProblem])

    public var problems: [ForecastProblem] {
        switch self { case .invalidInput(let p): p }
    }

    public var description: String { problems.map(\.description).joined(separator: "; ") }

    static func one(_ code: String, _ field: String, _ zh: String, _ en: String) -> ForecastError {
        .invalidInput([ForecastProblem(code: code, field: field, zh: zh, en: en)])
    }
}
