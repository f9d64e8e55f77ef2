/// Why a unit could not be read or a conversion was refused. Callers add the source and field.
public enum UnitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a unit ZeroPark knows (`reason` says which part).
    case unknownUnit(text: String, reason: String)
    /// Converting or adding between units of different dimensions.
    case incompatible(from: String, to: String, fromDimension: String, toDimension: String)

    public var description: String {
        switch self {
        case let .unknownUnit(text, reason):
            return "unknown unit \"\(text)\": \(reason)"
        case let .incompatible(from, to, fromDimension, toDimension):
            return "unit \(from) (\(fromDimension)) cannot be converted to \(to) (\(toDimension))"
        }
    }
}
