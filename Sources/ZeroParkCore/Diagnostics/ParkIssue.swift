/// One problem with a park's input, found while reading or accounting it: what is wrong, in which
/// field (a path such as `sources[2].activity.unit`) and where (line and column when known).
public struct ParkIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable machine-readable code (`unknown_factor`, `unit_mismatch`, `duplicate_id`, ...).
    public let code: String
    public let field: String
    public let message: String
    public let location: SourceLocation?

    public init(code: String, field: String, message: String, location: SourceLocation?) {
        self.code = code
        self.field = field
        self.message = message
        self.location = location
    }

    public var description: String {
        let place = location.map { "\($0.line):\($0.column): " } ?? ""
        return "\(place)\(field): \(message)"
    }

    /// The issue as printed for a file: `park.yaml:23:7: sources[2].activity.unit: ...`.
    public func rendered(file: String) -> String {
        if let location { return "\(file):\(location.line):\(location.column): \(field): \(message)" }
        return "\(file): \(field): \(message)"
    }
}

/// A park that cannot be read or accounted, with every problem found (not just the first).
public struct ParkInputError: Error, Sendable, CustomStringConvertible {
    public let issues: [ParkIssue]

    public init(issues: [ParkIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// A note attached to a result: something was counted in a way the user should know about
/// (a fallback factor, an offset left out), with the clause of STANDARD.md it concerns.
public struct AccountingWarning: Hashable, Sendable, Codable {
    public let code: String
    public let message: String
    public let clause: String?
    /// The item the warning is about (a source, sink or offset id), if any.
    public let subject: String?

    public init(code: String, message: String, clause: String? = nil, subject: String? = nil) {
        self.code = code
        self.message = message
        self.clause = clause
        self.subject = subject
    }
}
