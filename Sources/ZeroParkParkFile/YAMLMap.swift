import Yams
import ZeroParkCore
import ZeroParkInput

/// Reads typed values out of a composed YAML tree, recording a `ParkIssue` with the field path and
/// line/column for everything that is missing, mistyped or unknown, and carrying on so that one
/// pass reports every problem.
struct YAMLReader {
    private(set) var issues: [ParkIssue] = []

    /// Records a problem in English and Chinese.
    mutating func fail(_ code: String, _ field: String, _ message: String, zh: String, at mark: Mark?) {
        issues.append(ParkIssue(code: code, field: field, message: message, zh: zh, location: mark.map(location)))
    }

    func location(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }

    /// The node as a mapping, or an issue.
    mutating func map(_ node: Node, path: String) -> YAMLMap? {
        guard let mapping = node.mapping else {
            fail("wrong_type", path, "must be a mapping (key: value lines), got \(describe(node))",
                 zh: "应为映射（“键: 值”的行），实际是\(describeZh(node))", at: node.mark)
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                fail("wrong_type", path, "keys must be plain names", zh: "键必须是普通名称", at: key.mark)
                continue
            }
            entries[name] = (key, value)
        }
        return YAMLMap(entries: entries, order: mapping.compactMap { $0.key.scalar?.string }, path: path, mark: node.mark)
    }

    /// The node as a sequence, or an issue.
    mutating func sequence(_ node: Node, path: String) -> [Node]? {
        guard let sequence = node.sequence else {
            fail("wrong_type", path, "must be a list (lines starting with '- '), got \(describe(node))",
                 zh: "应为列表（以“- ”开头的行），实际是\(describeZh(node))", at: node.mark)
            return nil
        }
        return Array(sequence)
    }

    /// Reports keys that are not in `allowed`: a misspelt key would otherwise drop data silently.
    mutating func rejectUnknownKeys(_ map: YAMLMap, allowed: Set<String>) {
        for name in map.order where !allowed.contains(name) {
            let sorted = allowed.sorted()
            fail("unknown_field", map.field(name),
                 "unknown field \"\(name)\"\(Suggestion.hint(for: name, in: allowed)) (allowed here: \(sorted.joined(separator: ", ")))",
                 zh: "未知字段“\(name)”\(Suggestion.hintZh(for: name, in: allowed))；此处允许的字段：\(sorted.joined(separator: "、"))",
                 at: map.entries[name]?.key.mark)
        }
    }

    mutating func scalar(_ map: YAMLMap, _ key: String, required: Bool) -> (String, Mark?)? {
        guard let (_, value) = map.entries[key] else {
            if required { fail("missing_field", map.field(key), "is required", zh: "为必填项", at: map.mark) }
            return nil
        }
        guard let scalar = value.scalar else {
            fail("wrong_type", map.field(key), "must be a single value, got \(describe(value))",
                 zh: "应为单个值，实际是\(describeZh(value))", at: value.mark)
            return nil
        }
        if scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            if required { fail("missing_field", map.field(key), "is required and must not be empty", zh: "为必填项，不能为空", at: value.mark) }
            return nil
        }
        if let problem = TextPolicy.note.problem(scalar.string, field: map.field(key)) {
            fail(problem.code, map.field(key), problem.en, zh: problem.zh, at: value.mark)
            return nil
        }
        return (scalar.string, value.mark)
    }

    mutating func string(_ map: YAMLMap, _ key: String, required: Bool = false) -> String? {
        scalar(map, key, required: required)?.0
    }

    /// A number within `range` (issue #6: every number has a documented domain, README "Limits").
    mutating func double(_ map: YAMLMap, _ key: String, required: Bool = false, in range: ClosedRange<Double>,
                         above: Double? = nil) -> Double? {
        guard let (text, mark) = scalar(map, key, required: required) else { return nil }
        guard let value = number(text, field: map.field(key), in: range, above: above, at: mark) else { return nil }
        return value
    }

    mutating func number(_ text: String, field: String, in range: ClosedRange<Double>, above: Double? = nil, at mark: Mark?) -> Double? {
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            fail("wrong_type", field, "must be a number, got \"\(text.prefix(40))\"", zh: "应为数字，实际为“\(text.prefix(40))”", at: mark)
            return nil
        }
        if value < 0, range.lowerBound >= 0 {
            fail("negative_quantity", field, "must not be negative, got \(text.prefix(40))", zh: "不能为负数，实际为 \(text.prefix(40))", at: mark)
            return nil
        }
        guard range.contains(value), above.map({ value > $0 }) ?? true else {
            let low = above.map { "above \(Schema.plain($0))" } ?? "from \(Schema.plain(range.lowerBound))"
            let lowZh = above.map { "大于 \(Schema.plain($0))" } ?? "\(Schema.plain(range.lowerBound))"
            fail("out_of_range", field, "must be \(low) to \(Schema.plain(range.upperBound)), got \(text.prefix(40))",
                 zh: "应在 \(lowZh) 至 \(Schema.plain(range.upperBound)) 之间，实际为 \(text.prefix(40))", at: mark)
            return nil
        }
        return value
    }

    mutating func int(_ map: YAMLMap, _ key: String, required: Bool = false, in range: ClosedRange<Int>) -> Int? {
        guard let (text, mark) = scalar(map, key, required: required) else { return nil }
        guard let value = Int(text) else {
            fail("wrong_type", map.field(key), "must be a whole number, got \"\(text.prefix(40))\"", zh: "应为整数，实际为“\(text.prefix(40))”", at: mark)
            return nil
        }
        guard range.contains(value) else {
            fail("out_of_range", map.field(key), "must be \(range.lowerBound) to \(range.upperBound), got \(value)",
                 zh: "应在 \(range.lowerBound) 至 \(range.upperBound) 之间，实际为 \(value)", at: mark)
            return nil
        }
        return value
    }

    mutating func bool(_ map: YAMLMap, _ key: String) -> Bool? {
        guard let (text, mark) = scalar(map, key, required: false) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            fail("wrong_type", map.field(key), "must be true or false, got \"\(text)\"", zh: "应为 true 或 false，实际为“\(text)”", at: mark)
            return nil
        }
    }

    mutating func date(_ map: YAMLMap, _ key: String, required: Bool = false) -> CalendarDate? {
        guard let (text, mark) = scalar(map, key, required: required) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            fail("wrong_type", map.field(key), "must be a date YYYY-MM-DD, got \"\(text)\"", zh: "应为 YYYY-MM-DD 格式的日期，实际为“\(text)”", at: mark)
            return nil
        }
        return date
    }

    mutating func unit(_ map: YAMLMap, _ key: String) -> QuantityUnit? {
        guard let (text, mark) = scalar(map, key, required: true) else { return nil }
        do {
            return try QuantityUnit.parse(text)
        } catch {
            fail("unknown_unit", map.field(key), "\(error)", zh: UnitError.chinese(error), at: mark)
            return nil
        }
    }

    mutating func enumValue<T: RawRepresentable>(_ map: YAMLMap, _ key: String, _ type: T.Type,
                                                 allowed: [String], required: Bool = true) -> T? where T.RawValue == String {
        guard let (text, mark) = scalar(map, key, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            fail("invalid_value", map.field(key), "\"\(text)\" is not one of: \(allowed.joined(separator: ", "))",
                 zh: "“\(text)”不是可选值之一（可选：\(allowed.joined(separator: "、"))）", at: mark)
            return nil
        }
        return value
    }

    /// A `{value|quantity: N, unit: U}` mapping under `key`.
    mutating func quantity(_ map: YAMLMap, _ key: String, numberKey: String, required: Bool = true,
                           in range: ClosedRange<Double> = Domain.quantity) -> Quantity? {
        guard let node = map.entries[key]?.value else {
            if required {
                fail("missing_field", map.field(key), "is required ({ \(numberKey): N, unit: U })",
                     zh: "为必填项（{ \(numberKey): N, unit: U }）", at: map.mark)
            }
            return nil
        }
        guard let inner = self.map(node, path: map.field(key)) else { return nil }
        rejectUnknownKeys(inner, allowed: [numberKey, "unit"])
        let value = double(inner, numberKey, required: true, in: range)
        let unit = unit(inner, "unit")
        guard let value, let unit else { return nil }
        return Quantity(value, unit)
    }

    /// Strings of a list under `key`.
    mutating func strings(_ map: YAMLMap, _ key: String) -> [String] {
        guard let node = map.entries[key]?.value else { return [] }
        guard let items = sequence(node, path: map.field(key)) else { return [] }
        return items.enumerated().compactMap { index, item in
            guard let text = item.scalar?.string else {
                fail("wrong_type", "\(map.field(key))[\(index)]", "must be text", zh: "应为文本", at: item.mark)
                return nil
            }
            return text
        }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return "the value \"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// `describe` in Chinese.
    func describeZh(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return "值“\(scalar.string)”"
        case .mapping: return "映射"
        case .sequence: return "列表"
        case .alias: return "别名"
        }
    }
}

/// One YAML mapping with its path (`sources[2]`) and position, keyed by field name.
struct YAMLMap {
    let entries: [String: (key: Node, value: Node)]
    let order: [String]
    let path: String
    let mark: Mark?

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Where the value of `key` starts (or the mapping itself).
    func location(_ key: String) -> SourceLocation? {
        (entries[key]?.value.mark ?? mark).map { SourceLocation(line: $0.line, column: $0.column) }
    }

    /// Locations of the listed keys' values, prefixed with `prefix.`.
    func locations(_ keys: [String], prefix: String = "") -> [String: SourceLocation] {
        var result: [String: SourceLocation] = [:]
        for key in keys {
            if let mark = entries[key]?.value.mark {
                result[prefix + key] = SourceLocation(line: mark.line, column: mark.column)
            }
        }
        return result
    }
}
