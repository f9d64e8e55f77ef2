import ZeroParkInput

/// Reads typed values out of a `ScenarioNode` tree, recording an `InputProblem` (code, field path, zh,
/// en, line, column) for everything missing, mistyped, unknown or out of range, and carrying on so that
/// one pass reports every problem (at most `InputError.maxProblems`).
struct NodeReader {
    private(set) var problems: [InputProblem] = []

    mutating func fail(_ code: String, _ field: String, zh: String, en: String, at place: ScenarioPlace?) {
        guard problems.count < InputError.maxProblems else { return }
        let line = place.flatMap { $0.line > 0 ? $0.line : nil }
        problems.append(InputProblem(code: code, field: field, zh: zh, en: en, line: line, column: line == nil ? nil : place?.column))
    }

    /// A mapping with its path.
    struct MapView {
        let entries: [String: ScenarioNode]
        let keyPlaces: [String: ScenarioPlace]
        let order: [String]
        let path: String
        let place: ScenarioPlace

        func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        func has(_ key: String) -> Bool {
            if let node = entries[key], case .null = node { return false }
            return entries[key] != nil
        }
    }

    mutating func map(_ node: ScenarioNode, path: String) -> MapView? {
        guard case let .map(pairs, place) = node else {
            let kind = node.kindName
            fail("wrong_type", path, zh: "应为映射（键: 值），实为\(kind.zh)", en: "must be a mapping (key: value), got \(kind.en)", at: node.place)
            return nil
        }
        var entries: [String: ScenarioNode] = [:], places: [String: ScenarioPlace] = [:]
        for pair in pairs {
            entries[pair.key] = pair.value
            places[pair.key] = pair.value.place
        }
        return MapView(entries: entries, keyPlaces: places, order: pairs.map(\.key), path: path, place: place)
    }

    mutating func rejectUnknown(_ map: MapView, allowed: [String]) {
        for key in map.order where !allowed.contains(key) {
            let hint = allowed.joined(separator: ", ")
            fail("unknown_field", map.field(key), zh: "未知字段（此处可用：\(hint)）", en: "unknown field (allowed here: \(hint))",
                 at: map.keyPlaces[key])
        }
    }

    mutating func scalar(_ map: MapView, _ key: String, required: Bool) -> (String, ScenarioPlace)? {
        guard let node = map.entries[key] else {
            if required { fail("missing_field", map.field(key), zh: "必填", en: "is required", at: map.place) }
            return nil
        }
        switch node {
        case .null(let place):
            if required { fail("missing_field", map.field(key), zh: "必填，不能为空", en: "is required and must not be empty", at: place) }
            return nil
        case let .scalar(text, place):
            if let problem = TextPolicy.note.problem(text, field: map.field(key)) {
                fail(problem.code, map.field(key), zh: problem.zh, en: problem.en, at: place)
                return nil
            }
            return (text, place)
        default:
            let kind = node.kindName
            fail("wrong_type", map.field(key), zh: "应为单个值，实为\(kind.zh)", en: "must be a single value, got \(kind.en)", at: node.place)
            return nil
        }
    }

    mutating func text(_ map: MapView, _ key: String, required: Bool = false, maxLength: Int = 200) -> String? {
        guard let (text, place) = scalar(map, key, required: required) else { return nil }
        guard text.count <= maxLength else {
            fail("too_long", map.field(key), zh: "最多 \(maxLength) 个字符", en: "at most \(maxLength) characters", at: place)
            return nil
        }
        return text
    }

    /// A finite number in `range` (and above `above` when given).
    mutating func number(_ map: MapView, _ key: String, required: Bool = false, in range: ClosedRange<Double>,
                         above: Double? = nil) -> Double? {
        guard let (text, place) = scalar(map, key, required: required) else { return nil }
        return number(text, field: map.field(key), in: range, above: above, at: place)
    }

    mutating func number(_ text: String, field: String, in range: ClosedRange<Double>, above: Double? = nil,
                         at place: ScenarioPlace?) -> Double? {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        guard cleaned.utf8.allSatisfy({ Self.numberBytes.contains($0) }), let value = Double(cleaned), value.isFinite else {
            fail("wrong_type", field, zh: "应为数字，实为“\(text.prefix(40))”", en: "must be a number, got \"\(text.prefix(40))\"", at: place)
            return nil
        }
        guard range.contains(value), above.map({ value > $0 }) ?? true else {
            let low = above.map { Schema.plain($0) } ?? Schema.plain(range.lowerBound)
            let high = Schema.plain(range.upperBound)
            let opener = above == nil ? "[" : "("
            fail("out_of_range", field, zh: "应在 \(opener)\(low), \(high)] 范围内，实为 \(text.prefix(40))",
                 en: "must be in \(opener)\(low), \(high)], got \(text.prefix(40))", at: place)
            return nil
        }
        return value
    }

    static let numberBytes = Set("0123456789+-.eE".utf8)

    mutating func int(_ map: MapView, _ key: String, required: Bool = false, in range: ClosedRange<Int>) -> Int? {
        guard let (text, place) = scalar(map, key, required: required) else { return nil }
        guard let value = Int(text) else {
            fail("wrong_type", map.field(key), zh: "应为整数，实为“\(text.prefix(40))”", en: "must be a whole number, got \"\(text.prefix(40))\"", at: place)
            return nil
        }
        guard range.contains(value) else {
            fail("out_of_range", map.field(key), zh: "应在 \(range.lowerBound)…\(range.upperBound) 之间，实为 \(value)",
                 en: "must be \(range.lowerBound) to \(range.upperBound), got \(value)", at: place)
            return nil
        }
        return value
    }

    mutating func bool(_ map: MapView, _ key: String) -> Bool? {
        guard let (text, place) = scalar(map, key, required: false) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail("wrong_type", map.field(key), zh: "应为 true 或 false，实为“\(text.prefix(40))”", en: "must be true or false, got \"\(text.prefix(40))\"", at: place)
            return nil
        }
    }

    mutating func choice(_ map: MapView, _ key: String, _ allowed: [String], required: Bool = false) -> String? {
        guard let (text, place) = scalar(map, key, required: required) else { return nil }
        guard allowed.contains(text) else {
            let list = allowed.joined(separator: ", ")
            fail("invalid_value", map.field(key), zh: "“\(text.prefix(40))”不是以下之一：\(list)", en: "\"\(text.prefix(40))\" is not one of: \(list)", at: place)
            return nil
        }
        return text
    }

    /// The items of a list under `key` (absent or null: nil), at most `maxItems`.
    mutating func list(_ map: MapView, _ key: String, maxItems: Int) -> [ScenarioNode]? {
        guard let node = map.entries[key] else { return nil }
        switch node {
        case .null: return nil
        case let .list(items, place):
            guard items.count <= maxItems else {
                fail("too_many_items", map.field(key), zh: "最多 \(maxItems) 项，实为 \(items.count)", en: "at most \(maxItems) items, got \(items.count)", at: place)
                return nil
            }
            return items
        default:
            let kind = node.kindName
            fail("wrong_type", map.field(key), zh: "应为列表，实为\(kind.zh)", en: "must be a list, got \(kind.en)", at: node.place)
            return nil
        }
    }

    /// Plain text items of a list (keys, dates).
    mutating func strings(_ map: MapView, _ key: String, maxItems: Int) -> [(String, ScenarioPlace)]? {
        guard let items = list(map, key, maxItems: maxItems) else { return nil }
        var result: [(String, ScenarioPlace)] = []
        for (index, item) in items.enumerated() {
            guard case let .scalar(text, place) = item else {
                fail("wrong_type", "\(map.field(key))[\(index)]", zh: "应为文本", en: "must be text", at: item.place)
                continue
            }
            result.append((text, place))
        }
        return result
    }
}
