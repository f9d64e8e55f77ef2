import Yams
import ZeroParkCore
import ZeroParkInput
import ZeroParkTelemetry

/// Reads a park file (YAML, format version 1; `docs/park-file.md`) into a `ParkDefinition`.
/// Every problem — YAML syntax, a missing or mistyped field, an unknown key or unit — becomes a
/// `ParkIssue` with its field path, line and column, and all of them are thrown together as one
/// `ParkInputError`. Serves STANDARD.md 1.1.1–1.1.4 (the park's boundary, sources, sinks, offsets).
public enum ParkFileReader {
    /// The format versions this reader understands.
    public static let supportedVersions = [1]

    /// The largest park file read: 32 MiB (a park of 10,000 sources with monthly data is ~3 MiB).
    public static let maxBytes = 32 * 1024 * 1024
    /// Deepest nesting of mappings and lists (a park file needs 4).
    public static let maxDepth = 32

    public static func read(yaml: String) throws -> ParkDefinition {
        let (park, issues) = try readCollecting(yaml: yaml)
        if !issues.isEmpty { throw ParkInputError(issues: issues) }
        guard let park else {
            throw ParkInputError(issues: [ParkIssue(code: "invalid_file", field: "(file)", message: "not a park file", zh: "不是园区文件",
                                                    location: nil)])
        }
        return park
    }

    /// The park as far as it could be read, with every problem found on the way: an item with a problem
    /// is left out, the rest is kept, so `zeropark validate` can account what was read and report the
    /// accounting problems in the same pass (issue #12). Throws only when nothing can be read (too large,
    /// an alias bomb, empty, a YAML syntax error).
    public static func readCollecting(yaml: String) throws -> (park: ParkDefinition?, issues: [ParkIssue]) {
        let size = yaml.utf8.count
        guard size <= maxBytes else {
            throw ParkInputError(issues: [ParkIssue(code: "too_large", field: "(file)",
                                                    message: "the file is \(size) bytes; park files are at most \(maxBytes) bytes",
                                                    zh: "文件大小为 \(size) 字节；园区文件最大 \(maxBytes) 字节", location: nil)])
        }
        // Before anything is composed: libyaml's events are counted with every alias expanded, so an
        // alias bomb (hundreds of bytes naming millions of nodes) is refused in linear time. Without
        // aliases a file has fewer nodes than bytes; that, plus slack, is the budget.
        if let issue = YAMLPrescan.check(yaml, maxNodes: size + 64, maxDepth: maxDepth) {
            throw ParkInputError(issues: [issue])
        }
        let root: Node
        do {
            // The basic resolver leaves every scalar a string (no regex tag resolution); the
            // reader converts and checks each field itself, with its location.
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                throw ParkInputError(issues: [ParkIssue(code: "empty_file", field: "(file)", message: "the file is empty",
                                                        zh: "文件为空", location: nil)])
            }
            root = node
        } catch let error as YamlError {
            throw ParkInputError(issues: [issue(from: error)])
        }

        var reader = YAMLReader()
        let park = readPark(root, &reader)
        return (park, reader.issues)
    }

    /// libyaml's commonest problems in Chinese (by the start of libyaml's English text).
    static let yamlProblemsZh: [String: String] = [
        "did not find expected key": "缺少预期的键（常见原因：缩进不一致）",
        "did not find expected ',' or '}'": "缺少预期的“,”或“}”",
        "did not find expected ',' or ']'": "缺少预期的“,”或“]”",
        "did not find expected node content": "缺少预期的内容",
        "did not find expected '-' indicator": "缺少预期的“-”列表标记",
        "could not find expected ':'": "缺少预期的“:”",
        "mapping values are not allowed in this context": "此处不允许出现“键: 值”（常见原因：值中含未加引号的“: ”）",
        "block sequence entries are not allowed in this context": "此处不允许出现“- ”列表项",
        "found character that cannot start any token": "出现了不能作为 YAML 记号开头的字符（如制表符）",
        "found unexpected end of stream": "文件意外结束（常见原因：引号或括号未闭合）",
        "found unknown escape character": "出现了未知的转义字符",
        "found undefined tag handle": "出现了未定义的标签",
        "found unexpected ':'": "出现了意外的“:”",
    ]

    static func issue(from error: YamlError) -> ParkIssue {
        // libyaml words its problems in English; the Chinese message says what kind of problem it is and
        // where, and quotes libyaml's own words as the detail (they name YAML tokens, not sentences to translate).
        func make(_ problem: String, _ zh: String, _ mark: Mark?) -> ParkIssue {
            ParkIssue(code: "yaml_syntax", field: "(yaml)", message: "YAML syntax error: \(problem)", zh: "YAML 语法错误：\(zh)",
                      location: mark.map { SourceLocation(line: $0.line, column: $0.column) })
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            let place = "第 \(mark.line) 行第 \(mark.column) 列"
            let started = context.map { "（始于第 \($0.mark.line) 行）" } ?? ""
            let what = yamlProblemsZh.first { problem.hasPrefix($0.key) }?.value
            let detailZh = what.map { "\(place)\($0)\(started)" }
                ?? "\(place)附近无法解析\(started)；请检查缩进、冒号、引号和括号是否成对"
            return make(detail, detailZh, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            let keysZh = duplicates.map { "“\($0)”" }.joined(separator: "、")
            return ParkIssue(code: "duplicate_key", field: "(yaml)",
                             message: "duplicate key \(keys) in one mapping", zh: "同一映射中的键 \(keysZh) 重复",
                             location: SourceLocation(line: context.mark.line, column: context.mark.column))
        default:
            return make("\(error)", "文件无法解析为 YAML", nil)
        }
    }

    static func readPark(_ root: Node, _ r: inout YAMLReader) -> ParkDefinition? {
        guard let top = r.map(root, path: "") else { return nil }
        r.rejectUnknownKeys(top, allowed: ["zeropark", "park", "period", "rules", "factors", "fuels", "sources", "sinks", "offsets",
                                                "certificates", "meters"])
        if let version = r.int(top, "zeropark", required: true, in: 0...1_000), !supportedVersions.contains(version) {
            r.fail("unsupported_version", "zeropark", "format version \(version) is not supported (supported: 1)",
                   zh: "不支持格式版本 \(version)（支持的版本：1）",
                   at: top.entries["zeropark"]?.value.mark)
        }
        let profile = top.entries["park"].flatMap { readProfile($0.value, &r) }
        if top.entries["park"] == nil { r.fail("missing_field", "park", "is required", zh: "为必填项", at: top.mark) }
        let period = top.entries["period"].flatMap { readPeriod($0.value, &r) }
        if top.entries["period"] == nil { r.fail("missing_field", "period", "is required", zh: "为必填项", at: top.mark) }
        let rules = top.entries["rules"].map { readRules($0.value, &r) } ?? .standard
        let factors = list(top, "factors", &r, readFactor)
        let fuels = list(top, "fuels", &r, readFuel)
        let sources = list(top, "sources", &r, readSource)
        let sinks = list(top, "sinks", &r, readSink)
        let offsets = list(top, "offsets", &r, readOffset)
        let certificates = list(top, "certificates", &r, readCertificate)
        let meters = list(top, "meters", &r, readMeter)
        checkMeterReferences(meters, top: top, targets: Set(sources.map(\.id) + sinks.map(\.id)), &r)
        guard let profile, let period else { return nil }
        return ParkDefinition(profile: profile, period: period, factors: factors, fuels: fuels,
                              sources: sources, sinks: sinks, offsets: offsets,
                              certificates: certificates, rules: rules, meters: meters)
    }

    /// The `rules:` mapping: each key one accounting convention (docs/accounting-rules.md).
    static func readRules(_ node: Node, _ r: inout YAMLReader) -> AccountingRules {
        var rules = AccountingRules.standard
        guard let map = r.map(node, path: "rules") else { return rules }
        r.rejectUnknownKeys(map, allowed: Set(AccountingRules.keys))
        for key in AccountingRules.keys where map.entries[key] != nil {
            guard let text = r.string(map, key) else { continue }
            if !rules.set(key, to: text) {
                let accepted = AccountingRules.accepted(key)
                r.fail("invalid_value", "rules.\(key)", "must be \(accepted.contains(" | ") ? "one of " : "")\(accepted), got \"\(text)\"",
                       zh: "应为\(AccountingRules.acceptedZh(key))，实际为“\(text)”",
                       at: map.entries[key]?.value.mark)
            }
        }
        rules.locations = FieldLocations(item: map.location(""), fields: map.locations(AccountingRules.keys))
        return rules
    }

    static func list<T>(_ top: YAMLMap, _ key: String, _ r: inout YAMLReader,
                        _ readItem: (YAMLMap, inout YAMLReader) -> T?) -> [T] {
        guard let node = top.entries[key]?.value else { return [] }
        if case let .scalar(scalar) = node, scalar.string.isEmpty || scalar.string == "null" { return [] }
        guard let items = r.sequence(node, path: key) else { return [] }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let map = r.map(item, path: "\(key)[\(index)]") else { continue }
            if let value = readItem(map, &r) { result.append(value) }
        }
        return result
    }

    static func readProfile(_ node: Node, _ r: inout YAMLReader) -> ParkProfile? {
        guard let map = r.map(node, path: "park") else { return nil }
        r.rejectUnknownKeys(map, allowed: ["id", "name", "name_en", "type", "province", "area_m2", "output_value_cny", "boundary"])
        let id = r.string(map, "id", required: true)
        let name = r.string(map, "name", required: true)
        let type = r.enumValue(map, "type", ParkType.self, allowed: ParkType.allCases.map(\.rawValue))
        let area = r.double(map, "area_m2", required: true, in: 0...Domain.areaM2Maximum, above: 0)
        var evidence: [String] = []
        if let boundaryNode = map.entries["boundary"]?.value, let boundary = r.map(boundaryNode, path: "park.boundary") {
            r.rejectUnknownKeys(boundary, allowed: ["evidence"])
            evidence = r.strings(boundary, "evidence")
        }
        let profile = ParkProfile(
            id: id ?? "", name: name ?? "", nameEn: r.string(map, "name_en"), type: type ?? .industrialPark,
            province: r.string(map, "province"), areaM2: area ?? 0, outputValueCNY: r.double(map, "output_value_cny", in: Domain.outputValueCNY),
            boundaryEvidence: evidence,
            locations: FieldLocations(item: map.location(""), fields: map.locations(["id", "type", "province", "area_m2", "output_value_cny"])))
        guard id != nil, name != nil, type != nil, area != nil else { return nil }
        return profile
    }

    static func readPeriod(_ node: Node, _ r: inout YAMLReader) -> AccountingPeriod? {
        guard let map = r.map(node, path: "period") else { return nil }
        r.rejectUnknownKeys(map, allowed: ["year", "start", "end"])
        if map.entries["year"] != nil {
            if map.entries["start"] != nil || map.entries["end"] != nil {
                r.fail("invalid_value", "period", "give either `year` or `start` and `end`, not both",
                       zh: "只能给出 year，或者给出 start 和 end，不能同时给出", at: map.mark)
            }
            guard let year = r.int(map, "year", required: true, in: Domain.year) else { return nil }
            guard let period = AccountingPeriod(year: year) else {
                r.fail("invalid_value", "period.year", "must be a year from \(Domain.year.lowerBound) to \(Domain.year.upperBound), got \(year)",
                       zh: "应为 \(Domain.year.lowerBound) 至 \(Domain.year.upperBound) 之间的年份，实际为 \(year)",
                       at: map.entries["year"]?.value.mark)
                return nil
            }
            return period
        }
        let start = r.date(map, "start", required: true)
        let end = r.date(map, "end", required: true)
        guard let start, let end else { return nil }
        guard let period = AccountingPeriod(start: start, end: end) else {
            r.fail("invalid_value", "period.end", "the end \(end) is before the start \(start)",
                   zh: "结束日期 \(end) 早于开始日期 \(start)", at: map.entries["end"]?.value.mark)
            return nil
        }
        return period
    }

    static func readFactor(_ map: YAMLMap, _ r: inout YAMLReader) -> ParkFactor? {
        r.rejectUnknownKeys(map, allowed: ["id", "value", "unit", "source", "note"])
        let id = r.string(map, "id", required: true)
        let value = r.double(map, "value", required: true, in: Domain.factorValue)
        let unit = r.unit(map, "unit")
        let source = r.string(map, "source", required: true)
        guard let id, let value, let unit, let source else { return nil }
        return ParkFactor(id: id, value: value, unit: unit, source: source,
                          locations: FieldLocations(item: map.mark.map(r.location), fields: map.locations(["id", "value", "unit", "source"])))
    }

    static func readFuel(_ map: YAMLMap, _ r: inout YAMLReader) -> FuelDefinition? {
        r.rejectUnknownKeys(map, allowed: ["id", "name", "ncv", "carbon_content", "oxidation", "biogenic", "coal_coefficient", "source"])
        let id = r.string(map, "id", required: true)
        let name = r.string(map, "name") ?? id
        let ncv = r.quantity(map, "ncv", numberKey: "value", in: Domain.factorValue)
        let carbon = r.quantity(map, "carbon_content", numberKey: "value", in: Domain.factorValue)
        let oxidation = r.double(map, "oxidation", required: true, in: 0...Domain.oxidationMaximum, above: 0)
        let coal = r.quantity(map, "coal_coefficient", numberKey: "value", required: false, in: Domain.factorValue)
        let source = r.string(map, "source", required: true)
        guard let id, let name, let ncv, let carbon, let oxidation, let source else { return nil }
        return FuelDefinition(id: id, name: name, ncv: ncv, carbonContent: carbon, oxidation: oxidation,
                              biogenic: r.bool(map, "biogenic") ?? false, coalCoefficient: coal, source: source,
                              locations: FieldLocations(item: map.mark.map(r.location),
                                                        fields: map.locations(["id", "ncv", "carbon_content", "oxidation", "coal_coefficient"])))
    }

    static let sourceKeys: Set<String> = ["id", "name", "system", "method", "category", "fuel", "factor", "grid", "gas", "gwp_set",
                                          "scope", "enterprise", "activity", "data_source", "evidence", "note"]

    static func readSource(_ map: YAMLMap, _ r: inout YAMLReader) -> EmissionSource? {
        r.rejectUnknownKeys(map, allowed: sourceKeys)
        let id = r.string(map, "id", required: true)
        let system = r.enumValue(map, "system", EmissionSystem.self, allowed: EmissionSystem.allCases.map(\.rawValue))
        let method = r.enumValue(map, "method", AccountingMethodKind.self, allowed: AccountingMethodKind.allCases.map(\.rawValue))
        var locations = map.locations(["id", "system", "method", "fuel", "factor", "grid", "gas", "gwp_set", "scope", "activity"])
        var activity: ActivityData?
        if let node = map.entries["activity"]?.value {
            if let inner = r.map(node, path: map.field("activity")) {
                activity = readActivity(inner, &r)
                locations.merge(inner.locations(["unit", "quantity", "monthly"], prefix: "activity."), uniquingKeysWith: { $1 })
            }
        } else {
            r.fail("missing_field", map.field("activity"), "is required ({ quantity: N, unit: U } or { unit: U, monthly: [...] })",
                   zh: "为必填项（{ quantity: N, unit: U } 或 { unit: U, monthly: [...] }）", at: map.mark)
        }
        let fields = (name: r.string(map, "name"), fuel: r.string(map, "fuel"), factor: r.string(map, "factor"),
                      grid: r.string(map, "grid"), gas: r.string(map, "gas"), gwpSet: r.string(map, "gwp_set"),
                      scope: r.int(map, "scope", in: Domain.scope), enterprise: r.string(map, "enterprise"),
                      dataSource: r.string(map, "data_source"), evidence: r.string(map, "evidence"),
                      category: r.enumValue(map, "category", EmissionCategory.self, allowed: EmissionCategory.allCases.map(\.rawValue),
                                           required: false))
        guard let id, let system, let method, let activity else { return nil }
        return EmissionSource(id: id, name: fields.name ?? id, system: system, method: method, fuel: fields.fuel,
                              factor: fields.factor, grid: fields.grid, gas: fields.gas, gwpSet: fields.gwpSet,
                              scope: fields.scope, enterprise: fields.enterprise, category: fields.category, activity: activity,
                              dataSource: fields.dataSource, evidence: fields.evidence,
                              locations: FieldLocations(item: map.mark.map(r.location), fields: locations))
    }

    /// One green certificate (docs/park-file.md `certificates:`).
    static func readCertificate(_ map: YAMLMap, _ r: inout YAMLReader) -> GreenCertificate? {
        r.rejectUnknownKeys(map, allowed: ["id", "source", "mwh", "vintage", "retired", "registry"])
        let id = r.string(map, "id", required: true)
        let source = r.string(map, "source", required: true)
        let mwh = r.double(map, "mwh", required: true, in: Domain.quantity)
        let vintage = r.int(map, "vintage", required: true, in: Domain.year)
        let retired = r.date(map, "retired")
        let registry = r.string(map, "registry")
        guard let id, let source, let mwh, let vintage else { return nil }
        return GreenCertificate(id: id, source: source, mwh: mwh, vintage: vintage, retired: retired, registry: registry,
                                locations: FieldLocations(item: map.mark.map(r.location),
                                                          fields: map.locations(["id", "source", "mwh", "vintage", "retired"])))
    }

    static func readActivity(_ map: YAMLMap, _ r: inout YAMLReader) -> ActivityData? {
        r.rejectUnknownKeys(map, allowed: ["quantity", "unit", "monthly"])
        let unit = r.unit(map, "unit")
        let hasQuantity = map.entries["quantity"] != nil
        let monthlyNode = map.entries["monthly"]?.value
        switch (hasQuantity, monthlyNode) {
        case (true, nil):
            guard let value = r.double(map, "quantity", required: true, in: Domain.activityValue), let unit else { return nil }
            return ActivityData(unit: unit, values: .total(value))
        case (false, let node?):
            guard let items = r.sequence(node, path: map.field("monthly")) else { return nil }
            var values: [Double] = []
            values.reserveCapacity(items.count)
            var ok = true
            for (index, item) in items.enumerated() {
                guard let text = item.scalar?.string else {
                    r.fail("wrong_type", "\(map.field("monthly"))[\(index)]", "must be a number, got \(r.describe(item))",
                           zh: "应为数字，实际是\(r.describeZh(item))", at: item.mark)
                    ok = false
                    continue
                }
                guard let value = r.number(text, field: "\(map.field("monthly"))[\(index)]", in: Domain.activityValue, at: item.mark) else {
                    ok = false
                    continue
                }
                values.append(value)
            }
            guard ok, let unit else { return nil }
            return ActivityData(unit: unit, values: .monthly(values))
        case (true, .some):
            r.fail("invalid_value", map.path, "give either `quantity` or `monthly`, not both",
                   zh: "只能给出 quantity 或 monthly 之一，不能同时给出", at: map.mark)
            return nil
        case (false, nil):
            r.fail("missing_field", map.field("quantity"), "is required (or `monthly: [...]`)",
                   zh: "为必填项（或给出 monthly: [...]）", at: map.mark)
            return nil
        }
    }

    static func readSink(_ map: YAMLMap, _ r: inout YAMLReader) -> CarbonSink? {
        r.rejectUnknownKeys(map, allowed: ["id", "name", "kind", "area_m2", "rate", "captured", "verification", "source"])
        let id = r.string(map, "id", required: true)
        let name = r.string(map, "name")
        guard let (kindText, kindMark) = r.scalar(map, "kind", required: true) else { return nil }
        let locations = FieldLocations(item: map.mark.map(r.location),
                                       fields: map.locations(["id", "kind", "area_m2", "rate", "captured"]))
        let kind: CarbonSink.Kind
        switch kindText {
        case "greenery":
            let area = r.double(map, "area_m2", required: true, in: 0...Domain.areaM2Maximum, above: 0)
            let rate = r.quantity(map, "rate", numberKey: "value")
            guard let area, let rate else { return nil }
            kind = .greenery(areaM2: area, rate: rate)
        case "ccus":
            guard let captured = r.quantity(map, "captured", numberKey: "quantity") else { return nil }
            kind = .ccus(captured: captured, verification: r.string(map, "verification"))
        default:
            r.fail("invalid_value", map.field("kind"), "\"\(kindText)\" is not one of: greenery, ccus",
                   zh: "“\(kindText)”不是可选值之一（可选：greenery、ccus）", at: kindMark)
            return nil
        }
        guard let id else { return nil }
        return CarbonSink(id: id, name: name ?? id, kind: kind, source: r.string(map, "source") ?? r.string(map, "verification"),
                          locations: locations)
    }

    static func readOffset(_ map: YAMLMap, _ r: inout YAMLReader) -> CarbonOffset? {
        r.rejectUnknownKeys(map, allowed: ["id", "name", "type", "quantity", "vintage", "local", "project_province", "retired",
                                           "retired_for", "registry_ref", "commitment_years", "verification"])
        let id = r.string(map, "id", required: true)
        let type = r.enumValue(map, "type", OffsetType.self, allowed: OffsetType.allCases.map(\.rawValue))
        let quantity = r.quantity(map, "quantity", numberKey: "value")
        let fields = (name: r.string(map, "name"), vintage: r.int(map, "vintage", in: Domain.year), local: r.bool(map, "local"),
                      retired: r.date(map, "retired"), registry: r.string(map, "registry_ref"),
                      commitment: r.int(map, "commitment_years", in: Domain.commitmentYears), verification: r.string(map, "verification"),
                      province: r.string(map, "project_province"), retiredFor: r.string(map, "retired_for"))
        guard let id, let type, let quantity else { return nil }
        // `local` is read for compatibility and only compared with the value derived from
        // `project_province` (docs/accounting-rules.md §4).
        return CarbonOffset(id: id, name: fields.name ?? id, type: type, quantity: quantity, vintage: fields.vintage,
                            local: fields.local, projectProvince: fields.province, retired: fields.retired, retiredFor: fields.retiredFor,
                            registryRef: fields.registry, commitmentYears: fields.commitment, verification: fields.verification,
                            locations: FieldLocations(item: map.mark.map(r.location),
                                                      fields: map.locations(["id", "type", "quantity", "vintage", "local", "project_province",
                                                                             "retired", "retired_for", "registry_ref", "commitment_years"])))
    }
}

