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
