import Foundation
import ZeroParkInput
import ZeroParkTariff

/// Reads the `tariff:` mapping of a scenario: a built-in `id` (with `effective_from` where the reference
/// gives no date) or a park `definition` (a `TariffDefinition` in snake_case, checked by its own
/// `problems()` with each problem's line and column found in the tree), and the parameters the park
/// supplies. No price is defaulted: what the tariff needs and nobody gave is an error at expansion.
///
/// Serves STANDARD.md 1.1.20(e) and 1.1.36.
enum ScenarioTariffReader {
    static let keys = ["id", "definition", "effective_from", "base_price_cny_per_kwh", "user_class", "period_prices_cny_per_kwh",
                       "funds_and_surcharges_cny_per_kwh", "demand_charge_cny_per_kw_month", "export", "holiday_dates",
                       "critical_peak_days"]

    static func read(_ node: ScenarioNode, _ r: inout NodeReader) -> ScenarioTariff? {
        guard let map = r.map(node, path: "tariff") else { return nil }
        r.rejectUnknown(map, allowed: keys)
        var source: ScenarioTariff.Source?
        switch (map.has("id"), map.has("definition")) {
        case (true, true):
            r.fail("conflicting_fields", "tariff.definition", zh: "id 与 definition 只能给一个", en: "give either id or definition, not both",
                   at: map.entries["definition"]?.place)
        case (false, false):
            r.fail("missing_field", "tariff.id", zh: "必须给出内置电价 id（\(BuiltInTariffs.ids.joined(separator: "、"))）或 definition",
                   en: "give a built-in tariff id (\(BuiltInTariffs.ids.joined(separator: ", "))) or a definition", at: map.place)
        case (true, false):
            let effective = date(map, "effective_from", &r)
            if let (id, place) = r.scalar(map, "id", required: true) {
                if !BuiltInTariffs.ids.contains(id) {
                    r.fail("unknown_tariff", "tariff.id", zh: "未知电价“\(id.prefix(60))”（内置：\(BuiltInTariffs.ids.joined(separator: "、"))）",
                           en: "unknown tariff \"\(id.prefix(60))\" (built in: \(BuiltInTariffs.ids.joined(separator: ", ")))", at: place)
                } else if BuiltInTariffs.idsNeedingEffectiveDate.contains(id), effective == nil, !map.has("effective_from") {
                    r.fail("missing_field", "tariff.effective_from", zh: "参考资料未给出 \(id) 的生效日期，请按电费单填写",
                           en: "the reference gives no effective date for \(id); supply it from the park's bill", at: map.place)
                } else {
                    source = .builtIn(id: id, effectiveFrom: effective)
                }
            }
        case (false, true):
            if map.has("effective_from") {
                r.fail("conflicting_fields", "tariff.effective_from", zh: "自定义电价的生效日期写在 definition.versions 中",
                       en: "a definition carries its dates in definition.versions", at: map.entries["effective_from"]?.place)
            }
            if let node = map.entries["definition"], let definition = readDefinition(node, &r) { source = .definition(definition) }
        }
        var parameters = TariffParameters()
        parameters.basePriceCNYPerKWh = r.number(map, "base_price_cny_per_kwh", in: TariffLimits.price)
        parameters.userClass = r.text(map, "user_class", maxLength: 60)
        parameters.fundsAndSurchargesCNYPerKWh = r.number(map, "funds_and_surcharges_cny_per_kwh", in: TariffLimits.price) ?? 0
        parameters.demandChargeCNYPerKWMonth = r.number(map, "demand_charge_cny_per_kw_month", in: TariffLimits.demandCharge)
        if let node = map.entries["period_prices_cny_per_kwh"], map.has("period_prices_cny_per_kwh") {
            parameters.periodPricesCNYPerKWh = periodPrices(node, path: "tariff.period_prices_cny_per_kwh", &r)
        }
        if let node = map.entries["export"], map.has("export") { parameters.export = export(node, &r) }
        if map.has("holiday_dates") { parameters.holidayDates = Set(dates(map, "holiday_dates", &r)) }
        parameters.criticalPeakDays = Set(dates(map, "critical_peak_days", &r))
        guard let source else { return nil }
        return ScenarioTariff(source: source, parameters: parameters)
    }

    static func date(_ map: NodeReader.MapView, _ key: String, _ r: inout NodeReader) -> CivilDate? {
        guard let (text, place) = r.scalar(map, key, required: false) else { return nil }
        guard let date = CivilDate(iso: text) else {
            r.fail("wrong_type", map.field(key), zh: "应为日期 YYYY-MM-DD，实为“\(text.prefix(40))”", en: "must be a date YYYY-MM-DD, got \"\(text.prefix(40))\"", at: place)
            return nil
        }
        return date
    }

    static func dates(_ map: NodeReader.MapView, _ key: String, _ r: inout NodeReader) -> [CivilDate] {
        guard let items = r.strings(map, key, maxItems: 1_000) else { return [] }
        return items.enumerated().compactMap { index, item in
            guard let date = CivilDate(iso: item.0) else {
                r.fail("wrong_type", "\(map.field(key))[\(index)]", zh: "应为日期 YYYY-MM-DD", en: "must be a date YYYY-MM-DD", at: item.1)
                return nil
            }
            return date
        }
    }

    static func periodPrices(_ node: ScenarioNode, path: String, _ r: inout NodeReader) -> [TariffPeriod: Double]? {
        guard let map = r.map(node, path: path) else { return nil }
        let names = TariffPeriod.allCases.map(\.rawValue)
        r.rejectUnknown(map, allowed: names)
        var prices: [TariffPeriod: Double] = [:]
        for period in TariffPeriod.allCases {
            if let value = r.number(map, period.rawValue, in: TariffLimits.price) { prices[period] = value }
        }
        return prices
    }

    static func export(_ node: ScenarioNode, _ r: inout NodeReader) -> ExportTerms? {
        guard let map = r.map(node, path: "tariff.export") else { return nil }
        r.rejectUnknown(map, allowed: ["price_cny_per_kwh", "prices_cny_per_kwh", "limit_kw", "surplus_only"])
        var price: ExportPrice?
        switch (map.has("price_cny_per_kwh"), map.has("prices_cny_per_kwh")) {
        case (true, false):
            price = r.number(map, "price_cny_per_kwh", in: TariffLimits.price).map(ExportPrice.flat)
        case (false, true):
            if let node = map.entries["prices_cny_per_kwh"] {
                price = periodPrices(node, path: "tariff.export.prices_cny_per_kwh", &r).map(ExportPrice.perPeriod)
            }
        default:
            r.fail("missing_field", "tariff.export.price_cny_per_kwh", zh: "price_cny_per_kwh 与 prices_cny_per_kwh 必须且只能给一个（上网电价由园区按合同提供）",
                   en: "give exactly one of price_cny_per_kwh and prices_cny_per_kwh (the park supplies its contract's export price)", at: map.place)
        }
        let limit = r.number(map, "limit_kw", required: true, in: TariffLimits.powerKW)
        let surplus = r.bool(map, "surplus_only") ?? true
        guard let price, let limit else { return nil }
        return ExportTerms(price: price, limitKW: limit, surplusOnly: surplus)
    }

    /// A park-defined tariff: the subtree re-written as JSON (numbers and booleans typed by their text)
    /// and decoded, then checked by `TariffDefinition.problems()`; each problem gets the line and
    /// column of the field it names.
    static func readDefinition(_ node: ScenarioNode, _ r: inout NodeReader) -> TariffDefinition? {
        let json = jsonText(node)
        let definition: TariffDefinition
        do {
            definition = try JSONDecoder().decode(TariffDefinition.self, from: Data(json.utf8))
        } catch let DecodingError.keyNotFound(key, context) {
            let path = fieldPath(context.codingPath)
            let field = "tariff.definition" + (path.isEmpty ? "" : "." + path)
            r.fail("missing_field", field + "." + key.stringValue, zh: "必填", en: "is required", at: place(of: path, in: node))
            return nil
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            let path = fieldPath(context.codingPath)
            r.fail("wrong_type", "tariff.definition" + (path.isEmpty ? "" : "." + path), zh: "类型不对：\(context.debugDescription)",
                   en: "wrong type: \(context.debugDescription)", at: place(of: path, in: node))
            return nil
        } catch {
            r.fail("wrong_type", "tariff.definition", zh: "无法读取电价定义", en: "unreadable tariff definition", at: node.place)
            return nil
        }
        if case let .map(pairs, _) = node {
            let known = Set(["id", "name", "versions"])
            for pair in pairs where !known.contains(pair.key) {
                r.fail("unknown_field", "tariff.definition.\(pair.key)", zh: "未知字段（此处可用：id, name, versions）",
                       en: "unknown field (allowed here: id, name, versions)", at: pair.value.place)
            }
        }
        for problem in definition.problems().prefix(InputError.maxProblems) {
            r.fail(problem.code, "tariff.definition." + problem.field, zh: problem.zh, en: problem.en, at: place(of: problem.field, in: node))
        }
        return definition
    }

    static func fieldPath(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }

    /// The place of `versions[0].seasons[1].to` in the tree (the deepest node found on the way).
    static func place(of path: String, in root: ScenarioNode) -> ScenarioPlace {
        var node = root
        var tokens: [String] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                if bracket != rest.startIndex { tokens.append(String(rest[..<bracket])) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    tokens.append(String(rest[rest.index(after: rest.startIndex)..<close]))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                tokens.append(String(rest))
            }
        }
        for token in tokens {
            switch node {
            case let .map(pairs, _):
                guard let next = pairs.first(where: { $0.key == token })?.value else { return node.place }
                node = next
            case let .list(items, _):
                guard let index = Int(token), items.indices.contains(index) else { return node.place }
                node = items[index]
            default:
                return node.place
            }
        }
        return node.place
    }

    /// JSON text of a subtree: scalars that read as finite numbers become numbers, `true`/`false` booleans.
    static func jsonText(_ node: ScenarioNode) -> String {
        switch node {
        case .null: return "null"
        case let .scalar(text, _):
            if text == "true" || text == "false" { return text }
            if text.utf8.allSatisfy({ NodeReader.numberBytes.contains($0) }), let value = Double(text), value.isFinite {
                return String(value)
            }
            return DocumentNodeQuote.quoted(text)
        case let .list(items, _):
            return "[" + items.map(jsonText).joined(separator: ",") + "]"
        case let .map(pairs, _):
            return "{" + pairs.map { DocumentNodeQuote.quoted($0.key) + ":" + jsonText($0.value) }.joined(separator: ",") + "}"
        }
    }
}

/// JSON string quoting (shared with the OpenAPI writer's YAML quoting, which is JSON's).
enum DocumentNodeQuote {
    static func quoted(_ text: String) -> String { DocumentNode.quoted(text) }
}
