import Foundation
import Yams
import ZeroParkInput
import ZeroParkParkFile
import ZeroParkTariff

/// Reads a dispatch scenario (docs/optimisation.md "Scenario format") from YAML text (the command line)
/// or a JSON value (the API) into a `DispatchScenario`. Untrusted: the text is bounded (1 MiB), YAML
/// aliases are counted before anything is composed (as `ParkFileReader` does), every number must be
/// finite and within its documented range, unknown keys are refused, and every problem names its field
/// path with line and column, in Chinese and English.
///
/// Serves STANDARD.md 1.1.37 and 1.1.2(e) (checkable input: "errors say where").
public enum ScenarioReader {
    /// Largest scenario text: 1 MiB (a scenario with a year of inline quarter-hour values is ~500 KiB).
    public static let maxBytes = 1 << 20
    /// Deepest nesting (a scenario with an inline tariff definition needs 7).
    public static let maxDepth = 16
    /// Format versions understood.
    public static let supportedVersions = [1]
    /// Most EV sessions and fleets.
    public static let maxEVSessions = 2_000
    /// Largest power anywhere (kW): 10 GW.
    public static let powerKW: ClosedRange<Double> = 0...1e7
    /// Largest energy (kWh): 10 TWh.
    public static let energyKWh: ClosedRange<Double> = 0...1e10
    /// Top-level keys.
    public static let topKeys = ["zeropark_dispatch", "name", "tariff", "horizon", "load", "pv", "meters", "battery", "ev", "chp",
                                 "grid", "carbon", "sizing", "rolling"]

    /// A scenario from YAML text.
    public static func read(yaml: String) throws(InputError) -> DispatchScenario {
        try read(try tree(yaml: yaml, maxBytes: maxBytes, maxDepth: maxDepth))
    }

    /// The located tree of a YAML document within limits: size, depth and alias expansion checked by the
    /// prescan before composing (scenario and plan files alike).
    static func tree(yaml: String, maxBytes: Int, maxDepth: Int) throws(InputError) -> ScenarioNode {
        let size = yaml.utf8.count
        guard size <= maxBytes else {
            throw InputError(InputProblem(code: "too_large", field: "(file)", zh: "文件为 \(size) 字节，上限 \(maxBytes) 字节",
                                          en: "the file is \(size) bytes; at most \(maxBytes) bytes"))
        }
        if let issue = YAMLPrescan.check(yaml, maxNodes: size + 64, maxDepth: maxDepth) {
            throw InputError(InputProblem(code: issue.code, field: issue.field, zh: "YAML 过深或别名展开过多：\(issue.messageZh)",
                                          en: issue.message, line: issue.location?.line, column: issue.location?.column))
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                throw InputError(InputProblem(code: "empty_file", field: "(file)", zh: "文件为空", en: "the file is empty"))
            }
            root = node
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            throw InputError(yamlProblem(error))
        } catch {
            throw InputError(InputProblem(code: "yaml_syntax", field: "(yaml)", zh: "YAML 无法读取", en: "unreadable YAML: \(error)"))
        }
        return ScenarioNode(yaml: root)
    }

    static func yamlProblem(_ error: YamlError) -> InputProblem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return InputProblem(code: "yaml_syntax", field: "(yaml)", zh: "YAML 语法错误：\(problem)", en: "YAML syntax error: \(problem)",
                                line: mark.line, column: mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return InputProblem(code: "duplicate_key", field: "(yaml)", zh: "同一映射中键 \(keys) 重复", en: "duplicate key \(keys) in one mapping",
                                line: context.mark.line, column: context.mark.column)
        default:
            return InputProblem(code: "yaml_syntax", field: "(yaml)", zh: "YAML 语法错误", en: "YAML syntax error: \(error)")
        }
    }

    /// A scenario from a JSON value already read within limits (the API body).
    public static func read(json: JSONValue.Located) throws(InputError) -> DispatchScenario {
        try read(ScenarioNode(json: json))
    }

    /// A scenario from its located tree.
    public static func read(_ root: ScenarioNode) throws(InputError) -> DispatchScenario {
        var r = NodeReader()
        let scenario = readTop(root, &r)
        if !r.problems.isEmpty { throw InputError(r.problems) }
        guard let scenario else {
            throw InputError(InputProblem(code: "invalid_file", field: "(file)", zh: "不是调度场景", en: "not a dispatch scenario"))
        }
        return scenario
    }

    static func readTop(_ root: ScenarioNode, _ r: inout NodeReader) -> DispatchScenario? {
        guard let top = r.map(root, path: "") else { return nil }
        r.rejectUnknown(top, allowed: topKeys)
        if let version = r.int(top, "zeropark_dispatch", required: true, in: 0...1_000), !supportedVersions.contains(version) {
            r.fail("unsupported_version", "zeropark_dispatch", zh: "不支持格式版本 \(version)（支持：1）",
                   en: "format version \(version) is not supported (supported: 1)", at: top.entries["zeropark_dispatch"]?.place)
        }
        let name = r.text(top, "name") ?? ""
        let tariff = top.entries["tariff"].flatMap { ScenarioTariffReader.read($0, &r) }
        if !top.has("tariff") { r.fail("missing_field", "tariff", zh: "必填", en: "is required", at: top.place) }
        let horizon = top.entries["horizon"].flatMap { readHorizon($0, &r) }
        if !top.has("horizon") { r.fail("missing_field", "horizon", zh: "必填", en: "is required", at: top.place) }

        var meterLoad: [String]?, meterPV: [String]?
        if let node = top.entries["meters"], top.has("meters"), let meters = r.map(node, path: "meters") {
            r.rejectUnknown(meters, allowed: ["load", "pv"])
            meterLoad = readKeys(meters, "load", &r)
            meterPV = readKeys(meters, "pv", &r)
        }
        var load: SeriesSpec?
        if let keys = meterLoad {
            if top.has("load") {
                r.fail("conflicting_fields", "load", zh: "与 meters.load 只能给一个", en: "give either load or meters.load, not both", at: top.entries["load"]?.place)
            }
            load = SeriesSpec(origin: .meters(keys), unit: .kW, field: "meters.load")
        } else if let node = top.entries["load"], top.has("load") {
            load = readSeries(node, path: "load", extra: [], &r)?.spec
        } else {
            r.fail("missing_field", "load", zh: "必填（csv、values 或 meters 之一）", en: "is required (one of csv, values, meters)", at: top.place)
        }
        var pv: SeriesSpec?, kwp: Double?, scale = 1.0
        if let node = top.entries["pv"], top.has("pv") {
            if let read = readSeries(node, path: "pv", extra: ["kwp", "scale"], &r, allowMissingOrigin: meterPV != nil) {
                pv = read.spec
                if let map = read.map {
                    kwp = r.number(map, "kwp", in: 0...1e7, above: 0)
                    scale = r.number(map, "scale", in: 0...1_000) ?? 1
                }
            }
        }
        if let keys = meterPV {
            if top.entries["pv"].map(hasOrigin) == true {
                r.fail("conflicting_fields", "pv", zh: "与 meters.pv 只能给一个数据来源", en: "give the PV series either in pv or in meters.pv, not both", at: top.entries["pv"]?.place)
            }
            pv = SeriesSpec(origin: .meters(keys), unit: .kW, field: "meters.pv")
        }
        if let pv, pv.unit.perKWp, kwp == nil {
            r.fail("missing_field", "pv.kwp", zh: "单位为每 kWp 时必须给出装机容量 kwp", en: "is required when the PV unit is per kWp", at: top.entries["pv"]?.place)
        }
        let battery = top.entries["battery"].flatMap { top.has("battery") ? readBattery($0, &r) : nil }
        var sessions: [ScenarioEVSession] = [], fleets: [ScenarioEVFleet] = []
        if let node = top.entries["ev"], top.has("ev"), let start = horizon?.start {
            (sessions, fleets) = ScenarioAssetsReader.readEV(node, start: start, &r)
        }
        let chp = top.entries["chp"].flatMap { top.has("chp") ? ScenarioAssetsReader.readCHP($0, &r) : nil }
        var importLimit: Double?
        if let node = top.entries["grid"], top.has("grid"), let grid = r.map(node, path: "grid") {
            r.rejectUnknown(grid, allowed: ["import_limit_kw"])
            importLimit = r.number(grid, "import_limit_kw", in: powerKW, above: 0)
        }
        let carbon = top.entries["carbon"].flatMap { top.has("carbon") ? ScenarioAssetsReader.readCarbon($0, &r) : nil }
        let sizing = top.entries["sizing"].flatMap { top.has("sizing") ? ScenarioStudiesReader.readSizing($0, &r) : nil }
        let rolling = top.entries["rolling"].flatMap { top.has("rolling") ? ScenarioStudiesReader.readRolling($0, &r) : nil }
        guard let tariff, let horizon, let load else { return nil }
        let scenario = DispatchScenario(name: name, tariff: tariff, horizon: horizon, load: load, pv: pv, pvKWp: kwp, pvScale: scale,
                                        battery: battery, evSessions: sessions, evFleets: fleets, chp: chp, importLimitKW: importLimit,
                                        carbon: carbon, sizing: sizing, rolling: rolling)
        ScenarioStudiesReader.check(scenario, top: top, &r)
        return scenario
    }

    static func hasOrigin(_ node: ScenarioNode) -> Bool {
        guard case let .map(pairs, _) = node else { return false }
        return pairs.contains { ["csv", "values", "meters"].contains($0.key) }
    }

    static func readKeys(_ map: NodeReader.MapView, _ key: String, _ r: inout NodeReader) -> [String]? {
        guard let items = r.strings(map, key, maxItems: 50) else { return nil }
        if items.isEmpty {
            r.fail("empty_list", map.field(key), zh: "至少列出一个计量表", en: "list at least one meter", at: map.entries[key]?.place)
            return nil
        }
        return items.map(\.0)
    }

    static func readHorizon(_ node: ScenarioNode, _ r: inout NodeReader) -> ScenarioHorizon? {
        guard let map = r.map(node, path: "horizon") else { return nil }
        r.rejectUnknown(map, allowed: ["start", "days", "hours", "step_minutes"])
        var start: CivilDate?
        if let (text, place) = r.scalar(map, "start", required: true) {
            start = CivilDate(iso: text)
            if start == nil {
                r.fail("wrong_type", "horizon.start", zh: "应为日期 YYYY-MM-DD（北京时间 0 点起），实为“\(text.prefix(40))”",
                       en: "must be a date YYYY-MM-DD (from 00:00 CST), got \"\(text.prefix(40))\"", at: place)
            }
        }
        let step = r.int(map, "step_minutes", required: true, in: 1...1_440)
        if let step, !ScenarioHorizon.stepChoices.contains(step) {
            r.fail("invalid_value", "horizon.step_minutes", zh: "应为 15 或 60，实为 \(step)", en: "must be 15 or 60, got \(step)",
                   at: map.entries["step_minutes"]?.place)
        }
        var hours: Int?
        switch (map.has("days"), map.has("hours")) {
        case (true, true):
            r.fail("conflicting_fields", "horizon.hours", zh: "days 与 hours 只能给一个", en: "give either days or hours, not both", at: map.entries["hours"]?.place)
        case (true, false):
            hours = r.int(map, "days", in: 1...(ScenarioHorizon.maxHours / 24)).map { $0 * 24 }
        case (false, true):
            hours = r.int(map, "hours", in: 1...ScenarioHorizon.maxHours)
        case (false, false):
            r.fail("missing_field", "horizon.days", zh: "days 或 hours 必须给一个", en: "give days or hours", at: map.place)
        }
        guard let start, let step, ScenarioHorizon.stepChoices.contains(step), let hours else { return nil }
        guard TariffCalendar.supportedInstants.contains(TariffCalendar.instant(start) + Int64(hours) * 3_600 - 1) else {
            r.fail("out_of_range", "horizon.start", zh: "时段超出 2000–2100 年", en: "the horizon leaves the years 2000–2100", at: map.entries["start"]?.place)
            return nil
        }
        return ScenarioHorizon(start: start, hours: hours, stepMinutes: step)
    }

    /// A series mapping: exactly one of `csv`, `values`, `meters`; `unit` for csv and values.
    static func readSeries(_ node: ScenarioNode, path: String, extra: [String], _ r: inout NodeReader,
                           allowMissingOrigin: Bool = false) -> (spec: SeriesSpec?, map: NodeReader.MapView?)? {
        guard let map = r.map(node, path: path) else { return nil }
        r.rejectUnknown(map, allowed: ["csv", "values", "meters", "unit"] + extra)
        let given = ["csv", "values", "meters"].filter { map.has($0) }
        guard given.count == 1 else {
            if given.isEmpty && allowMissingOrigin { return (nil, map) }
            r.fail(given.isEmpty ? "missing_field" : "conflicting_fields", given.isEmpty ? map.field("csv") : map.field(given[1]),
                   zh: "csv、values、meters 必须且只能给一个", en: "give exactly one of csv, values, meters", at: map.place)
            return (nil, map)
        }
        let units = SeriesUnit.allCases.filter { extra.contains("kwp") || !$0.perKWp }.map(\.rawValue)
        switch given[0] {
        case "meters":
            if map.has("unit") {
                r.fail("unit_not_allowed", map.field("unit"), zh: "计量表数据按表的单位换算（kWh 表转为平均 kW），不另给单位",
                       en: "meter series are converted from each meter's own unit (kWh meters to mean kW); no unit here", at: map.entries["unit"]?.place)
            }
            guard let keys = readKeys(map, "meters", &r) else { return (nil, map) }
            return (SeriesSpec(origin: .meters(keys), unit: .kW, field: path), map)
        case "csv":
            let unit = r.choice(map, "unit", units, required: true).flatMap(SeriesUnit.init(rawValue:))
            let file = r.text(map, "csv", required: true, maxLength: 500)
            guard let unit, let file else { return (nil, map) }
            return (SeriesSpec(origin: .csv(path: file), unit: unit, field: path), map)
        default:
            let unit = r.choice(map, "unit", units, required: true).flatMap(SeriesUnit.init(rawValue:))
            guard let items = r.list(map, "values", maxItems: 35_136) else { return (nil, map) }
            var values: [Double] = []
            values.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                guard case let .scalar(text, place) = item,
                      let value = r.number(text, field: "\(map.field("values"))[\(index)]", in: 0...1e9, at: place) else {
                    if case .scalar = item {} else {
                        r.fail("wrong_type", "\(map.field("values"))[\(index)]", zh: "应为数字", en: "must be a number", at: item.place)
                    }
                    continue
                }
                values.append(value)
            }
            guard let unit, values.count == items.count else { return (nil, map) }
            return (SeriesSpec(origin: .values(values), unit: unit, field: path), map)
        }
    }

    static func readBattery(_ node: ScenarioNode, _ r: inout NodeReader) -> ScenarioBattery? {
        guard let map = r.map(node, path: "battery") else { return nil }
        r.rejectUnknown(map, allowed: ["capacity_kwh", "max_charge_kw", "max_discharge_kw", "charge_efficiency", "discharge_efficiency",
                                       "min_soc", "max_soc", "initial_soc", "end_soc", "end_soc_min", "cycle_cost_cny_per_kwh"])
        let capacity = r.number(map, "capacity_kwh", required: true, in: energyKWh, above: 0)
        let charge = r.number(map, "max_charge_kw", required: true, in: powerKW, above: 0)
        let discharge = r.number(map, "max_discharge_kw", required: true, in: powerKW, above: 0)
        let etaC = r.number(map, "charge_efficiency", in: 0...1, above: 0) ?? 0.95
        let etaD = r.number(map, "discharge_efficiency", in: 0...1, above: 0) ?? 0.95
        let minSoC = r.number(map, "min_soc", in: 0...1) ?? 0
        let maxSoC = r.number(map, "max_soc", in: 0...1) ?? 1
        let initial = r.number(map, "initial_soc", in: 0...1)
        if minSoC > maxSoC {
            r.fail("inconsistent", "battery.min_soc", zh: "不能大于 max_soc", en: "must not exceed max_soc", at: map.entries["min_soc"]?.place)
        }
        if let initial, initial < minSoC || initial > maxSoC {
            r.fail("inconsistent", "battery.initial_soc", zh: "应在 min_soc 与 max_soc 之间", en: "must lie between min_soc and max_soc",
                   at: map.entries["initial_soc"]?.place)
        }
        var end = ScenarioBattery.End.atLeastStart
        if r.choice(map, "end_soc", ["at_least_start", "equals_start"]) == "equals_start" { end = .equalsStart }
        if let fraction = r.number(map, "end_soc_min", in: 0...1) {
            if map.has("end_soc") {
                r.fail("conflicting_fields", "battery.end_soc_min", zh: "end_soc 与 end_soc_min 只能给一个", en: "give either end_soc or end_soc_min, not both",
                       at: map.entries["end_soc_min"]?.place)
            }
            end = .atLeast(fraction: fraction)
        }
        let cycle = r.number(map, "cycle_cost_cny_per_kwh", in: 0...100) ?? 0
        guard let capacity, let charge, let discharge else { return nil }
        return ScenarioBattery(capacityKWh: capacity, maxChargeKW: charge, maxDischargeKW: discharge, chargeEfficiency: etaC,
                               dischargeEfficiency: etaD, minSoC: minSoC, maxSoC: maxSoC, initialSoC: initial, end: end,
                               cycleCostCNYPerKWh: cycle)
    }
}
