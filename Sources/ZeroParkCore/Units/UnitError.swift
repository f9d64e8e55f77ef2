/// Why a unit could not be read or a conversion was refused. Callers add the source and field.
public enum UnitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a unit ZeroPark knows (`reason` says which part, `reasonZh` the same in Chinese).
    case unknownUnit(text: String, reason: String, reasonZh: String)
    /// Converting or adding between units of different dimensions.
    case incompatible(from: String, to: String, fromDimension: String, toDimension: String)

    public var description: String {
        switch self {
        case let .unknownUnit(text, reason, _):
            return "unknown unit \"\(text)\": \(reason)"
        case let .incompatible(from, to, fromDimension, toDimension):
            return "unit \(from) (\(fromDimension)) cannot be converted to \(to) (\(toDimension))"
        }
    }

    /// The same in Simplified Chinese (issue #12 defect 4).
    public var descriptionZh: String {
        switch self {
        case let .unknownUnit(text, _, reasonZh):
            return "无法识别的单位“\(text)”：\(reasonZh)"
        case let .incompatible(from, to, fromDimension, toDimension):
            return "单位 \(from)（\(PhysicalDimension.chineseName(ofEnglish: fromDimension))）不能换算为 \(to)"
                + "（\(PhysicalDimension.chineseName(ofEnglish: toDimension))）"
        }
    }

    /// `error` in Chinese: a unit error's own Chinese text, else a general sentence.
    public static func chinese(_ error: any Error) -> String {
        (error as? UnitError)?.descriptionZh ?? "单位无法读取"
    }
}
