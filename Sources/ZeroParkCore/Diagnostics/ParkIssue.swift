/// One problem with a park's input, found while reading or accounting it: what is wrong, in which
/// field (a path such as `sources[2].activity.unit`) and where (line and column when known). The
/// message comes in English and in Simplified Chinese (issue #12 defect 4: every message a person
/// reads, Chinese first), each carrying the same ids, units, numbers and suggestions.
public struct ParkIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable machine-readable code (`unknown_factor`, `unit_mismatch`, `duplicate_id`, ...).
    public let code: String
    public let field: String
    /// The problem in English.
    public let message: String
    /// The same problem in Simplified Chinese.
    public let messageZh: String
    public let location: SourceLocation?

    /// An issue in both languages; `zh` is required so that no issue reaches a Chinese page in English.
    public init(code: String, field: String, message: String, zh: String, location: SourceLocation?) {
        self.code = code
        self.field = field
        self.message = message
        self.messageZh = zh
        self.location = location
    }

    /// The message in the reader's language.
    public func message(chinese: Bool) -> String { chinese ? messageZh : message }

    public var description: String {
        let place = location.map { "\($0.line):\($0.column): " } ?? ""
        return "\(place)\(field): \(message)"
    }

    /// The issue as printed for a file: `park.yaml:23:7: sources[2].activity.unit: ...`, the message in
    /// English or Chinese (the place and field stay as they are written in the file).
    public func rendered(file: String, chinese: Bool = false) -> String {
        let text = message(chinese: chinese)
        if let location { return "\(file):\(location.line):\(location.column): \(field): \(text)" }
        return "\(file): \(field): \(text)"
    }
}

/// A park that cannot be read or accounted, with every problem found (not just the first).
public struct ParkInputError: Error, Sendable, CustomStringConvertible {
    public let issues: [ParkIssue]

    public init(issues: [ParkIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }

    /// Every issue with its place and field, in the reader's language, joined with "；" (zh) or "; " (en).
    public func message(chinese: Bool) -> String {
        issues.map { issue in
            let place = issue.location.map { chinese ? "第 \($0.line) 行第 \($0.column) 列 " : "\($0.line):\($0.column): " } ?? ""
            return "\(place)\(issue.field)\(chinese ? "：" : ": ")\(issue.message(chinese: chinese))"
        }.joined(separator: chinese ? "；" : "; ")
    }
}

/// A note attached to a result: something was counted in a way the user should know about
/// (a fallback factor, an offset left out), with the clause of STANDARD.md it concerns. Like
/// `ParkIssue`, the message comes in English and Simplified Chinese; a Chinese message about an item
/// starts with the item's id and "：", so a page may show the item's name in its place.
public struct AccountingWarning: Hashable, Sendable, Codable {
    public let code: String
    /// The note in English.
    public let message: String
    /// The same note in Simplified Chinese.
    public let messageZh: String
    public let clause: String?
    /// The item the warning is about (a source, sink or offset id), if any.
    public let subject: String?

    /// A warning in both languages; `zh` is required so that no note reaches a Chinese page in English.
    public init(code: String, message: String, zh: String, clause: String? = nil, subject: String? = nil) {
        self.code = code
        self.message = message
        self.messageZh = zh
        self.clause = clause
        self.subject = subject
    }

    /// The message in the reader's language.
    public func message(chinese: Bool) -> String { chinese ? messageZh : message }

    enum CodingKeys: String, CodingKey {
        case code, message, messageZh, clause, subject
    }

    /// Reads a warning; one written before the Chinese message existed has only the English one, which
    /// then stands for both.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        message = try container.decode(String.self, forKey: .message)
        messageZh = try container.decodeIfPresent(String.self, forKey: .messageZh) ?? message
        clause = try container.decodeIfPresent(String.self, forKey: .clause)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
    }
}
