/// Why a store operation was refused. Every case maps to one HTTP status in the server.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The thing does not exist, or the caller may not know that it does (404).
    case notFound(String)
    /// The caller may see it but not do this (403).
    case forbidden(String)
    /// A unique key is taken or the change conflicts with stored data (409).
    case conflict(String)
    /// The data is invalid (422), with the field at fault.
    case invalid(field: String, message: String)

    public var description: String {
        switch self {
        case let .notFound(what): return "not found: \(what)"
        case let .forbidden(why): return "forbidden: \(why)"
        case let .conflict(why): return "conflict: \(why)"
        case let .invalid(field, message): return "\(field): \(message)"
        }
    }
}

extension StoreError {
    /// The refusal in the reader's language. Messages are written "中文 / English" (the catalogue's
    /// convention for store refusals); one without Chinese is given as it is, and in Chinese gets a
    /// generic Chinese sentence for its kind instead of English (issue #12 defect 4).
    public func message(chinese: Bool) -> String {
        switch self {
        case let .notFound(what):
            return chinese ? "没有找到所请求的内容，或您无权查看（\(Self.pick(what, chinese: false))）。" : "not found: \(Self.pick(what, chinese: false))"
        case let .forbidden(why):
            return Self.hasChinese(why) || !chinese ? Self.pick(why, chinese: chinese) : "您的角色无权执行此操作。"
        case let .conflict(why):
            return Self.hasChinese(why) || !chinese ? Self.pick(why, chinese: chinese) : "该操作与已保存的数据冲突，未执行。"
        case let .invalid(field, message):
            let text = Self.hasChinese(message) || !chinese ? Self.pick(message, chinese: chinese) : "输入的值不被接受，请检查后重试"
            return chinese ? "\(field)：\(text)" : "\(field): \(text)"
        }
    }

    /// "中文 / English" → the half for the language; any other text as it is.
    public static func pick(_ text: String, chinese: Bool) -> String {
        guard let range = text.range(of: " / ") else { return text }
        let first = String(text[..<range.lowerBound]), second = String(text[range.upperBound...])
        guard hasChinese(first), !hasChinese(second) else { return text }
        return chinese ? first : second
    }

    public static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}
