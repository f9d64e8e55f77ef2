import Yams
import ZeroParkInput

/// A scenario document as a located tree, whatever it was written in: YAML (the command line) or JSON
/// (the API). Scalars stay text (YAML's basic resolver; JSON numbers keep their written form), maps keep
/// their order, and every node knows its 1-based line and column, so one reader checks both formats
/// and every problem names field, line and column.
///
/// Serves STANDARD.md 1.1.37 (the optimisation step reads checkable input) and 1.1.2(e).
public indirect enum ScenarioNode: Sendable {
    case scalar(String, ScenarioPlace)
    case list([ScenarioNode], ScenarioPlace)
    case map([(key: String, value: ScenarioNode)], ScenarioPlace)
    /// An explicit null / `~` / empty value: treated as absent.
    case null(ScenarioPlace)

    public var place: ScenarioPlace {
        switch self {
        case let .scalar(_, p), let .list(_, p), let .map(_, p), let .null(p): return p
        }
    }

    var kindName: (zh: String, en: String) {
        switch self {
        case .scalar: return ("单个值", "a single value")
        case .list: return ("列表", "a list")
        case .map: return ("映射", "a mapping")
        case .null: return ("空值", "null")
        }
    }
}

/// 1-based line and column of a node (0 when unknown).
///
/// Serves STANDARD.md 1.1.2(e) ("errors say where").
public struct ScenarioPlace: Sendable, Hashable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    static let unknown = ScenarioPlace(line: 0, column: 0)
}

extension ScenarioNode {
    /// The tree of a composed YAML node (aliases were bounded by the prescan before composing).
    init(yaml node: Node) {
        let place = node.mark.map { ScenarioPlace(line: $0.line, column: $0.column) } ?? .unknown
        switch node {
        case let .scalar(scalar):
            let text = scalar.string
            if scalar.style == .plain, text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" {
                self = .null(place)
            } else {
                self = .scalar(text, place)
            }
        case let .sequence(sequence):
            self = .list(sequence.map(ScenarioNode.init(yaml:)), place)
        case let .mapping(mapping):
            self = .map(mapping.map { (key: $0.key.scalar?.string ?? "", value: ScenarioNode(yaml: $0.value)) }, place)
        case .alias:
            self = .null(place)
        }
    }

    /// The tree of a JSON value read by `JSONValue` (numbers as written, booleans as `true`/`false`).
    public init(json located: JSONValue.Located) {
        let place = ScenarioPlace(line: located.line, column: located.column)
        switch located.value {
        case .null: self = .null(place)
        case let .bool(flag): self = .scalar(flag ? "true" : "false", place)
        case let .number(_, text): self = .scalar(text, place)
        case let .string(text): self = .scalar(text, place)
        case let .array(items): self = .list(items.map(ScenarioNode.init(json:)), place)
        case let .object(members): self = .map(members.map { (key: $0.name, value: ScenarioNode(json: $0.value)) }, place)
        }
    }
}
