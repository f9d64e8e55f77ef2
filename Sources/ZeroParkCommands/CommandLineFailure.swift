import ZeroParkCore

/// A failure the user must fix in their input (exit code 1): the message is printed as is, one
/// problem per line, each naming file, line, column and field where known.
public struct CommandLineFailure: Error, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// A park file that could not be read or accounted.
    init(file: String, _ error: ParkInputError) {
        let count = error.issues.count
        let lines = error.issues.map { "error: " + $0.rendered(file: file) }
        self.message = lines.joined(separator: "\n") + "\n\(count) problem\(count == 1 ? "" : "s") in \(file)"
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
