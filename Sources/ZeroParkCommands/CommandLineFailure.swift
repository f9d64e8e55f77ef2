import ZeroParkCore

/// A failure the user must fix in their input (exit code 1): the message is printed as is, one
/// problem per line, each naming file, line, column and field where known.
public struct CommandLineFailure: Error, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// A park file that could not be read or accounted, one line per problem in the chosen language
    /// (`error: file:line:column: field: message`, or `错误：file:line:column: field: 中文`), then a count.
    init(file: String, _ error: ParkInputError, language: OutputLanguage) {
        let count = error.issues.count
        let chinese = language == .zh
        let lines = error.issues.map { (chinese ? "错误：" : "error: ") + $0.rendered(file: file, chinese: chinese) }
        let total = chinese ? "\(file) 中共有 \(count) 个问题" : "\(count) problem\(count == 1 ? "" : "s") in \(file)"
        self.message = lines.joined(separator: "\n") + "\n" + total
    }
}

/// The process exit codes of `zeropark` (issue #2 §7).
public enum ExitStatus: Int32 {
    case ok = 0
    /// The input (a park file, a factor id) is wrong.
    case inputError = 1
    /// The command line itself is wrong.
    case usageError = 2
}
