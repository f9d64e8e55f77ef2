import ZeroParkCore
import ZeroParkInput
import ZeroParkTariff

/// Reads the EV, CHP and carbon parts of a scenario.
///
/// Serves STANDARD.md 1.1.20(a)(b), 1.1.23 and 1.1.2(b) (the grid factor is a cited library id).
enum ScenarioAssetsReader {
    static func readEV(_ node: ScenarioNode, start: CivilDate, _ r: inout NodeReader) -> ([ScenarioEVSession], [ScenarioEVFleet]) {
        guard let map = r.map(node, path: "ev") else { return ([], []) }
        r.rejectUnknown(map, allowed: ["sessions", "fleets"])
        var sessions: [ScenarioEVSession] = [], fleets: [ScenarioEVFleet] = []
        let startMinute = start.dayNumber * 1_440
        for (index, item) in (r.list(map, "sessions", maxItems: ScenarioReader.maxEVSessions) ?? []).enumerated() {
            let path = "ev.sessions[\(index)]"
            guard let s = r.map(item, path: path) else { continue }
            r.rejectUnknown(s, allowed: ["label", "arrive", "depart", "energy_kwh", "max_power_kw"])
            let label = r.text(s, "label", maxLength: 100) ?? "session \(index + 1)"
            let arrive = dateTime(s, "arrive", &r), depart = dateTime(s, "depart", &r)
            let energy = r.number(s, "energy_kwh", required: true, in: ScenarioReader.energyKWh)
            let power = r.number(s, "max_power_kw", required: true, in: ScenarioReader.powerKW, above: 0)
            if let arrive, let depart, depart <= arrive {
                r.fail("inconsistent", "\(path).depart", zh: "应晚于 arrive", en: "must be after arrive", at: s.entries["depart"]?.place)
                continue
            }
            guard let arrive, let depart, let energy, let power else { continue }
            sessions.append(ScenarioEVSession(label: label, arriveMinute: arrive - startMinute, departMinute: depart - startMinute,
                                              energyKWh: energy, maxPowerKW: power, field: path))
        }
        for (index, item) in (r.list(map, "fleets", maxItems: 100) ?? []).enumerated() {
            let path = "ev.fleets[\(index)]"
            guard let f = r.map(item, path: path) else { continue }
            r.rejectUnknown(f, allowed: ["label", "arrive", "depart", "energy_kwh", "max_power_kw", "days"])
            let label = r.text(f, "label", maxLength: 100) ?? "fleet \(index + 1)"
            let arrive = timeOfDay(f, "arrive", &r), depart = timeOfDay(f, "depart", &r)
            let energy = r.number(f, "energy_kwh", required: true, in: ScenarioReader.energyKWh)
            let power = r.number(f, "max_power_kw", required: true, in: ScenarioReader.powerKW, above: 0)
            let days = r.choice(f, "days", ["all", "weekdays"]) ?? "all"
            if let arrive, let depart, arrive == depart {
                r.fail("inconsistent", "\(path).depart", zh: "不能与 arrive 相同", en: "must differ from arrive", at: f.entries["depart"]?.place)
                continue
            }
            guard let arrive, let depart, let energy, let power else { continue }
            fleets.append(ScenarioEVFleet(label: label, arriveMinuteOfDay: arrive, departMinuteOfDay: depart, energyKWh: energy,
                                          maxPowerKW: power, weekdaysOnly: days == "weekdays", field: path))
        }
        return (sessions, fleets)
    }

    /// `YYYY-MM-DD HH:MM` (or with `T`), CST, as minutes since 2000-01-01 00:00 CST day numbering.
    static func dateTime(_ map: NodeReader.MapView, _ key: String, _ r: inout NodeReader) -> Int? {
        guard let (text, place) = r.scalar(map, key, required: true) else { return nil }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        if parts.count == 2, let date = CivilDate(iso: String(parts[0])), let minute = MinuteSpan.parse(String(parts[1])), minute < 1_440 {
            return date.dayNumber * 1_440 + minute
        }
        r.fail("wrong_type", map.field(key), zh: "应为北京时间 YYYY-MM-DD HH:MM，实为“\(text.prefix(40))”",
               en: "must be a CST time YYYY-MM-DD HH:MM, got \"\(text.prefix(40))\"", at: place)
        return nil
    }

    static func timeOfDay(_ map: NodeReader.MapView, _ key: String, _ r: inout NodeReader) -> Int? {
        guard let (text, place) = r.scalar(map, key, required: true) else { return nil }
        guard let minute = MinuteSpan.parse(text), minute < 1_440 else {
            r.fail("wrong_type", map.field(key), zh: "应为时刻 HH:MM（00:00–23:59），实为“\(text.prefix(40))”",
                   en: "must be a time HH:MM (00:00–23:59), got \"\(text.prefix(40))\"", at: place)
            return nil
        }
        return minute
    }

    static func readCHP(_ node: ScenarioNode, _ r: inout NodeReader) -> ScenarioCHP? {
        guard let map = r.map(node, path: "chp") else { return nil }
        r.rejectUnknown(map, allowed: ["electric_capacity_kw", "electrical_efficiency", "heat_to_power_ratio", "gas_price_cny_per_kwh",
                                       "heat_demand", "boiler_efficiency", "boiler_capacity_kw"])
        let capacity = r.number(map, "electric_capacity_kw", required: true, in: ScenarioReader.powerKW, above: 0)
        let eta = r.number(map, "electrical_efficiency", required: true, in: 0...1, above: 0)
        let ratio = r.number(map, "heat_to_power_ratio", required: true, in: 0...10)
        let gas = r.number(map, "gas_price_cny_per_kwh", required: true, in: TariffLimits.price)
        let boiler = r.number(map, "boiler_efficiency", in: 0...1, above: 0)
        let boilerCapacity = r.number(map, "boiler_capacity_kw", in: ScenarioReader.powerKW)
        if boilerCapacity != nil, boiler == nil, map.has("boiler_capacity_kw") {
            r.fail("missing_field", "chp.boiler_efficiency", zh: "给出锅炉容量时必须给出锅炉效率", en: "is required with boiler_capacity_kw", at: map.place)
        }
        var heat: SeriesSpec?
        if let node = map.entries["heat_demand"], map.has("heat_demand") {
            heat = ScenarioReader.readSeries(node, path: "chp.heat_demand", extra: [], &r)?.spec
        } else {
            r.fail("missing_field", "chp.heat_demand", zh: "必填（热负荷序列）", en: "is required (the heat demand series)", at: map.place)
        }
        guard let capacity, let eta, let ratio, let gas, let heat else { return nil }
        return ScenarioCHP(electricCapacityKW: capacity, electricalEfficiency: eta, heatToPowerRatio: ratio, heatDemand: heat,
                           gasPriceCNYPerKWh: gas, boilerEfficiency: boiler, boilerCapacityKW: boilerCapacity)
    }

    static func readCarbon(_ node: ScenarioNode, _ r: inout NodeReader) -> ScenarioCarbon? {
        guard let map = r.map(node, path: "carbon") else { return nil }
        r.rejectUnknown(map, allowed: ["grid_factor", "vintage", "price_cny_per_tonne"])
        let library = FactorLibrary.builtIn
        var id: String?
        if let (text, place) = r.scalar(map, "grid_factor", required: true) {
            if let factor = library.vintages(of: text).first, factor.kind == .gridElectricity {
                id = text
            } else {
                let known = Set(library.factors.filter { $0.kind == .gridElectricity }.map(\.id)).sorted()
                r.fail("unknown_factor", "carbon.grid_factor", zh: "不是因子库中的电网排放因子（如 \(known.prefix(4).joined(separator: "、"))…；见 zeropark factors）",
                       en: "not a grid electricity factor of the library (e.g. \(known.prefix(4).joined(separator: ", ")), …; see zeropark factors)", at: place)
            }
        }
        let vintage = r.int(map, "vintage", in: 1990...2100)
        if let id, let vintage, !library.vintages(of: id).contains(where: { $0.vintage == vintage }) {
            let years = library.vintages(of: id).compactMap(\.vintage).map(String.init).joined(separator: ", ")
            r.fail("unknown_vintage", "carbon.vintage", zh: "\(id) 没有 \(vintage) 年的值（有：\(years)）", en: "\(id) has no \(vintage) value (has: \(years))",
                   at: map.entries["vintage"]?.place)
        }
        let price = r.number(map, "price_cny_per_tonne", in: 0...100_000) ?? 0
        guard let id else { return nil }
        return ScenarioCarbon(gridFactorID: id, vintage: vintage, priceCNYPerTonne: price)
    }
}
