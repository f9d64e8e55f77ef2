/// One thing wrong with a park-defined tariff or a tariff request: a stable code, the field path
/// (e.g. `versions[0].seasons[1].periods[2].to`), and the message in Simplified Chinese first and English second.
///
/// Mirrors ZeroParkInput's `InputProblem` (without text positions, which belong to the reader of the file).
/// Serves STANDARD.md 1.1.2(e) (checkable data) for the tariffs of 1.1.20(e)/1.1.36/1.1.37.
public struct TariffProblem: Error, Hashable, Sendable, CustomStringConvertible {
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

    /// The message in one language with the field in front.
    public func message(chinese: Bool) -> String {
        let subject = field.isEmpty ? "" : field + " "
        return subject + (chinese ? zh : en)
    }

    public var description: String { message(chinese: false) }

    /// The same problem under a parent field (`versions[0]` + `seasons[1]` → `versions[0].seasons[1]`).
    public func under(_ parent: String) -> TariffProblem {
        let joined = parent.isEmpty ? field : (field.isEmpty ? parent : (field.hasPrefix("[") ? parent + field : parent + "." + field))
        return TariffProblem(code: code, field: joined, zh: zh, en: en)
    }
}

/// A park-defined tariff refused, with every problem found (at most `maxProblems`).
///
/// Serves STANDARD.md 1.1.2(e) for 1.1.36/1.1.37 tariffs.
public struct TariffDefinitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public static let maxProblems = 50
    public let problems: [TariffProblem]

    public init(_ problems: [TariffProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
