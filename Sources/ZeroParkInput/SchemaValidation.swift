extension Schema {
    /// Parses `bytes` as JSON within `limits` and checks it against this schema; throws every
    /// problem found (up to `InputError.maxProblems`), each with its path, line and column.
    public func check(_ bytes: [UInt8], limits: JSONLimits = .default) throws(InputError) -> JSONValue.Located {
        let value = try JSONValue.parse(bytes, limits: limits)
        var problems: [InputProblem] = []
        validate(value, path: "", into: &problems)
        guard problems.isEmpty else { throw InputError(Array(problems.prefix(InputError.maxProblems))) }
        return value
    }

    /// Appends the problems of `located` against this schema.
    public func validate(_ located: JSONValue.Located, path: String, into problems: inout [InputProblem]) {
        guard problems.count < InputError.maxProblems else { return }
        func fail(_ code: String, _ zh: String, _ en: String) {
            problems.append(InputProblem(code: code, field: path.isEmpty ? "$" : path, zh: zh, en: en,
                                         line: located.line, column: located.column))
        }
        let value = located.value
        if case .null = value {
            if !nullable { fail("wrong_type", "不能为 null，应为\(kind.nameZh)", "must not be null: expected \(kind.rawValue)") }
            return
        }
        if !variants.isEmpty, let discriminator, case let .object(members) = value {
            let chosen = members.first { $0.name == discriminator }.flatMap { member -> Schema? in
                guard case let .string(tag) = member.value.value else { return nil }
                return variants.first { $0.tags(discriminator).contains(tag) }
            }
            guard let chosen else {
                let tags = variants.flatMap { $0.tags(discriminator) }
                problems.append(InputProblem(code: "not_allowed", field: join(path, discriminator),
                                             zh: "须为以下之一：\(tags.joined(separator: ", "))", en: "must be one of: \(tags.joined(separator: ", "))",
                                             line: located.line, column: located.column))
                return
            }
            chosen.validate(located, path: path, into: &problems)
            return
        }
        switch (kind, value) {
        case let (.object, .object(members)):
            let known = Set(properties.map(\.name))
            for member in members where !known.contains(member.name) {
                let allowed = properties.map(\.name).joined(separator: ", ")
                problems.append(InputProblem(code: "unknown_field", field: join(path, member.name),
                                             zh: "是未知字段（允许：\(allowed)）", en: "is not a known field (allowed: \(allowed))",
                                             line: member.value.line, column: member.value.column))
            }
            let present = Set(members.map(\.name))
            for name in required where !present.contains(name) {
                problems.append(InputProblem(code: "missing_field", field: join(path, name), zh: "是必填项", en: "is required",
                                             line: located.line, column: located.column))
            }
            for member in members {
                guard let schema = properties.first(where: { $0.name == member.name })?.schema else { continue }
                schema.validate(member.value, path: join(path, member.name), into: &problems)
            }
        case let (.array, .array(elements)):
            if let maxItems, elements.count > maxItems {
                fail("too_many_items", "最多 \(maxItems) 项，实际 \(elements.count) 项", "has at most \(maxItems) items, got \(elements.count)")
                return
            }
            guard let item = items.first else { return }
            for (index, element) in elements.enumerated() {
                item.validate(element, path: path + "[\(index)]", into: &problems)
            }
        case let (.string, .string(string)):
            if unrestricted { return }
            if let choices {
                if !choices.contains(string) {
                    fail("not_allowed", "取值须为以下之一：\(choices.joined(separator: ", "))", "must be one of: \(choices.joined(separator: ", "))")
                }
                return
            }
            if let problem = (text ?? TextPolicy.name).problem(string, field: path.isEmpty ? "$" : path) {
                problems.append(InputProblem(code: problem.code, field: problem.field, zh: problem.zh, en: problem.en,
                                             line: located.line, column: located.column))
                return
            }
            if let minLength, string.unicodeScalars.count < minLength {
                fail("too_short", "至少 \(minLength) 个字符", "must have at least \(minLength) characters")
                return
            }
            if let shape, !shape.accepts(string) { fail("bad_format", shape.messageZh, shape.messageEn) }
        case let (.number, .number(number, _)):
            checkRange(number, fail: fail)
        case let (.integer, .number(number, text)):
            // As JSON Schema counts: 2025 and 2025.0 are whole, 2025.5 is not, 1e30 is whole but out of range.
            guard number == number.rounded(.towardZero) else {
                fail("not_whole", "须为整数，实际为 \(text.prefix(40))", "must be a whole number, got \(text.prefix(40))")
                return
            }
            checkRange(number, fail: fail)
        case (.boolean, .bool):
            return
        default:
            fail("wrong_type", "类型错误：应为\(kind.nameZh)，实际为 \(value.typeName)", "wrong type: expected \(kind.rawValue), got \(value.typeName)")
        }
    }

    func inRange(_ number: Double) -> Bool {
        if let minimum, number < minimum { return false }
        if let exclusiveMinimum, number <= exclusiveMinimum { return false }
        if let maximum, number > maximum { return false }
        return true
    }

    var rangeText: String {
        let low = exclusiveMinimum.map { "(\(Self.plain($0))" } ?? minimum.map { "[\(Self.plain($0))" } ?? "(-∞"
        let high = maximum.map { "\(Self.plain($0))]" } ?? "∞)"
        return "\(low), \(high)"
    }

    private func checkRange(_ number: Double, fail: (String, String, String) -> Void) {
        guard !inRange(number) else { return }
        fail("out_of_range", "须在 \(rangeText) 范围内，实际为 \(Self.plain(number))", "must be in \(rangeText), got \(Self.plain(number))")
    }

    /// A number as written in messages and the OpenAPI document: whole numbers without `.0`.
    public static func plain(_ number: Double) -> String {
        if number == number.rounded(), abs(number) <= 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    /// The values a variant allows for the discriminator member.
    func tags(_ discriminator: String) -> [String] {
        properties.first { $0.name == discriminator }?.schema.choices ?? []
    }

    private func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : path + "." + name }
}

extension Schema.Kind {
    var nameZh: String {
        switch self {
        case .object: return "对象"
        case .array: return "数组"
        case .string: return "字符串"
        case .number: return "数字"
        case .integer: return "整数"
        case .boolean: return "布尔值"
        }
    }
}

extension Schema.Shape {
    public var pattern: String {
        switch self {
        case .key: return "^[A-Za-z0-9._-]{1,64}$"
        case .date: return "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        case .commentTarget: return "^(park|source:[A-Za-z0-9._-]{1,64}|inventory:(199[0-9]|20[0-9]{2}|2100))$"
        case .unit: return UnitGrammar.pattern
        case .co2Mass: return UnitGrammar.co2MassPattern
        }
    }

    public func accepts(_ text: String) -> Bool {
        switch self {
        case .key:
            return (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2E || byte == 0x2D || byte == 0x5F
            }
        case .date:
            let bytes = Array(text.utf8)
            guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
                  bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39) }),
                  let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)), let day = Int(text.suffix(2)) else {
                return false
            }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (1...12).contains(month) && (1...days[month - 1]).contains(day)
        case .unit: return UnitGrammar.matches(text, UnitGrammar.unit)
        case .co2Mass: return UnitGrammar.matches(text, UnitGrammar.co2Mass)
        case .commentTarget:
            if text == "park" { return true }
            if text.hasPrefix("source:") { return Self.key.accepts(String(text.dropFirst("source:".count))) }
            let year = text.dropFirst("inventory:".count)
            return text.hasPrefix("inventory:") && year.count == 4 && year.allSatisfy { $0.isASCII && $0.isNumber }
                && Int(year).map(Domain.year.contains) == true
        }
    }

    var messageZh: String {
        switch self {
        case .key: return "须为 1–64 个英文字母、数字或 . - _"
        case .date: return "须为有效日期 YYYY-MM-DD"
        case .commentTarget: return "须为 park、source:<排放源编号> 或 inventory:<年份>"
        case .unit: return "不是可识别的单位（如 t、10^4 Nm3、tCO2/MWh、GJ/10^4 Nm3、tCO2/ha/yr）"
        case .co2Mass: return "须为二氧化碳质量单位（如 tCO2、kgCO2e）"
        }
    }

    var messageEn: String {
        switch self {
        case .key: return "must be 1–64 letters, digits, '.', '-' or '_'"
        case .date: return "must be a valid date YYYY-MM-DD"
        case .commentTarget: return "must be park, source:<source key> or inventory:<year>"
        case .unit: return "is not a unit ZeroPark reads (e.g. t, 10^4 Nm3, tCO2/MWh, GJ/10^4 Nm3, tCO2/ha/yr)"
        case .co2Mass: return "must be a CO2 mass unit (e.g. tCO2, kgCO2e)"
        }
    }
}
