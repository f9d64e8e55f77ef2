import ZeroParkInput
import ZeroParkPlanning

/// A neutrality plan's measures file (issue #10 item 8, docs/planning.md): target year, discount rate,
/// business-as-usual growth, the measures with their abatement rule and costs, and the offset options.
/// YAML (the command line) or JSON (later, the API) through the same located tree as dispatch
/// scenarios: bounded, aliases prescanned, every problem with field, line and column, zh/en.
public struct PlanFile: Sendable, Hashable {
    public var targetYear: Int
    public var discountRate: Double
    public var bauGrowth: Double
    public var offsetsFrom: Int?
    public var measures: [Measure]
    public var offsets: [OffsetOption]
}

public enum PlanFileReader {
    public static let maxBytes = 1 << 20
    public static let maxDepth = 16
    public static let supportedVersions = [1]
    static let topKeys = ["zeropark_plan", "target_year", "discount_rate", "bau_growth", "offsets_from", "measures", "offsets"]
    static let measureKeys = ["id", "name", "category", "acts_on", "electricity_mwh", "fraction", "tonnes_per_year", "capex_cny",
                              "opex_cny_per_year", "savings_cny_per_year", "lifetime_years", "start_year", "basis"]
    static let offsetKeys = ["id", "name", "type", "local", "price_cny_per_tonne", "available_tonnes_per_year", "basis"]
    static let years = 1990...2100

    public static func read(yaml: String) throws(InputError) -> PlanFile {
        try read(try ScenarioReader.tree(yaml: yaml, maxBytes: maxBytes, maxDepth: maxDepth))
    }

    public static func read(_ root: ScenarioNode) throws(InputError) -> PlanFile {
        var r = NodeReader()
        let plan = readTop(root, &r)
        if !r.problems.isEmpty { throw InputError(r.problems) }
        guard let plan else { throw InputError(InputProblem(code: "invalid_file", field: "(file)", zh: "不是规划文件", en: "not a plan file")) }
        return plan
    }

    static func readTop(_ root: ScenarioNode, _ r: inout NodeReader) -> PlanFile? {
        guard let top = r.map(root, path: "") else { return nil }
        r.rejectUnknown(top, allowed: topKeys)
        if let version = r.int(top, "zeropark_plan", required: true, in: 0...1_000), !supportedVersions.contains(version) {
            r.fail("unsupported_version", "zeropark_plan", zh: "不支持格式版本 \(version)（支持：1）",
                   en: "format version \(version) is not supported (supported: 1)", at: top.entries["zeropark_plan"]?.place)
        }
        let target = r.int(top, "target_year", required: true, in: years)
        let rate = r.number(top, "discount_rate", required: true, in: PlanValidation.discountRate)
        let growth = r.number(top, "bau_growth", required: true, in: PlanValidation.bauGrowth)
        let offsetsFrom = r.int(top, "offsets_from", in: years)
        var measures: [Measure] = []
        for (index, node) in (r.list(top, "measures", maxItems: PlanValidation.maximumMeasures) ?? []).enumerated() {
            if let measure = readMeasure(node, path: "measures[\(index)]", &r) { measures.append(measure) }
        }
        var offsets: [OffsetOption] = []
        for (index, node) in (r.list(top, "offsets", maxItems: PlanValidation.maximumOffsets) ?? []).enumerated() {
            if let option = readOffset(node, path: "offsets[\(index)]", &r) { offsets.append(option) }
        }
        guard let target, let rate, let growth else { return nil }
        return PlanFile(targetYear: target, discountRate: rate, bauGrowth: growth, offsetsFrom: offsetsFrom, measures: measures, offsets: offsets)
    }

    static func readMeasure(_ node: ScenarioNode, path: String, _ r: inout NodeReader) -> Measure? {
        guard let map = r.map(node, path: path) else { return nil }
        r.rejectUnknown(map, allowed: measureKeys)
        let id = r.text(map, "id", required: true, maxLength: 100)
        let name = r.text(map, "name", required: true)
        let category = r.choice(map, "category", MeasureCategory.allCases.map(\.rawValue), required: true).flatMap(MeasureCategory.init(rawValue:))
        let actsOn = (r.strings(map, "acts_on", maxItems: 1_000) ?? []).map(\.0)
        let rules = ["electricity_mwh", "fraction", "tonnes_per_year"].filter { map.has($0) }
        var rule: AbatementRule?
        if rules.count != 1 {
            r.fail(rules.isEmpty ? "missing_field" : "conflicting_fields", map.field("electricity_mwh"),
                   zh: "应恰好给出 electricity_mwh、fraction、tonnes_per_year 之一", en: "give exactly one of electricity_mwh, fraction, tonnes_per_year",
                   at: map.place)
        } else if let mwh = r.number(map, "electricity_mwh", in: PlanValidation.mwh) {
            rule = .electricityMWh(mwh)
        } else if let share = r.number(map, "fraction", in: 0...1, above: 0) {
            rule = .fraction(share)
        } else if let tonnes = r.number(map, "tonnes_per_year", in: PlanValidation.tonnes) {
            rule = .tonnes(tonnes)
        }
        let capex = r.number(map, "capex_cny", in: PlanValidation.money)
        let opex = r.number(map, "opex_cny_per_year", in: PlanValidation.money)
        let savings = r.number(map, "savings_cny_per_year", in: PlanValidation.savings)
        let life = r.number(map, "lifetime_years", in: PlanValidation.lifetime)
        let start = r.int(map, "start_year", required: true, in: years)
        let basis = r.text(map, "basis", maxLength: 1_000)
        guard let id, let name, let category, let rule, let start else { return nil }
        return Measure(id: id, name: name, category: category, actsOn: actsOn, abatement: rule, capexCNY: capex, opexCNYPerYear: opex,
                       savingsCNYPerYear: savings, lifetimeYears: life, startYear: start, basis: basis)
    }

    static func readOffset(_ node: ScenarioNode, path: String, _ r: inout NodeReader) -> OffsetOption? {
        guard let map = r.map(node, path: path) else { return nil }
        r.rejectUnknown(map, allowed: offsetKeys)
        let id = r.text(map, "id", required: true, maxLength: 100)
        let name = r.text(map, "name", required: true)
        let type = r.choice(map, "type", OffsetOption.CreditType.allCases.map(\.rawValue), required: true).flatMap(OffsetOption.CreditType.init(rawValue:))
        let local = r.bool(map, "local")
        if !map.has("local") { r.fail("missing_field", map.field("local"), zh: "必填（是否本地项目）", en: "is required (a local project or not)", at: map.place) }
        let price = r.number(map, "price_cny_per_tonne", required: true, in: PlanValidation.money)
        let available = r.number(map, "available_tonnes_per_year", in: PlanValidation.tonnes)
        let basis = r.text(map, "basis", maxLength: 1_000)
        guard let id, let name, let type, let local, let price else { return nil }
        return OffsetOption(id: id, name: name, type: type, local: local, priceCNYPerTonne: price, availableTonnesPerYear: available, basis: basis)
    }
}
