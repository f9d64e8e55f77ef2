/// One thing wrong with untrusted input (an API body, a CSV file, a form, a park file): a stable
/// code, the field it concerns (a path such as `rows[3].value` or a CSV column name), the 1-based
/// line and column where the input shows it (when there is a text position), and the message in
/// Simplified Chinese first and English second (STANDARD.md 1.1.2(e): data whose origin and
/// correctness can be checked; issue #6: "errors say where").
public struct InputProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let field: String
    public let zh: String
    public let en: String
    public let line: Int?
    public let column: Int?

    public init(code: String, field: String, zh: String, en: String, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.field = field
        self.zh = zh
        self.en = en
        self.line = line
        self.column = column
    }

    /// The message in one language, with its place in front (`line 8, column 4: value …`).
    public func message(chinese: Bool) -> String {
        let subject = field.isEmpty || field == "$" ? "" : "\(field) "
        return place(chinese: chinese) + subject + (chinese ? zh : en)
    }

    /// The message with its place but without the field (for pages that show the field beside it).
    public func unnamedMessage(chinese: Bool) -> String { place(chinese: chinese) + (chinese ? zh : en) }

    func place(chinese: Bool) -> String {
        guard let line else { return "" }
        var place = chinese ? "第 \(line) 行" : "line \(line)"
        if let column { place += chinese ? "第 \(column) 列" : ", column \(column)" }
        return place + (chinese ? "：" : ": ")
    }

    public var description: String { message(chinese: false) }

    /// The same problem found under a parent field (`rows[2]` + `value` → `rows[2].value`).
    public func under(_ parent: String) -> InputProblem {
        let joined = parent.isEmpty ? field : (field.isEmpty || field == "$" ? parent : (field.hasPrefix("[") ? parent + field : parent + "." + field))
        return InputProblem(code: code, field: joined, zh: zh, en: en, line: line, column: column)
    }
}

/// Input refused, with every problem found (bounded: readers stop after `InputError.maxProblems`).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public static let maxProblems = 20
    public let problems: [InputProblem]

    public init(_ problems: [InputProblem]) {
        self.problems = problems
    }

    public init(_ problem: InputProblem) {
        self.problems = [problem]
    }

    public var first: InputProblem? { problems.first }

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
