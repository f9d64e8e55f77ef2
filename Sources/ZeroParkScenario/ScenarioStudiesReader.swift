import ZeroParkTariff

/// Reads a scenario's `sizing:` and `rolling:` sections (docs/optimisation.md §7–§8) and the rules that
/// tie them to the rest of the scenario: sizing and rolling do not yet plan an existing battery (sizing),
/// EV charging or CHP, so those are refused with the field named; sizing new PV needs the scenario's PV
/// series as its per-kWp profile. Costs, lifetimes and the discount rate have no default (the reference
/// data cites none): a missing one names its field.
///
/// Serves STANDARD.md 1.1.20(b)(c), 1.1.37 and 1.1.2(e) (checkable input: errors say where).
enum ScenarioStudiesReader {
    static let money: ClosedRange<Double> = 0...1e7
    static let years: ClosedRange<Double> = 0...100
    static let sizingKeys = ["discount_rate", "analysis_years", "start_year", "pv", "battery"]
    static let pvKeys = ["min_kwp", "max_kwp", "capex_cny_per_kwp", "om_cny_per_kwp_year", "lifetime_years", "reference_kwp"]
    static let batteryKeys = ["min_kwh", "max_kwh", "min_kw", "max_kw", "capex_cny_per_kwh", "om_cny_per_kwh_year", "capex_cny_per_kw",
                              "om_cny_per_kw_year", "lifetime_years", "charge_efficiency", "discharge_efficiency", "min_soc", "max_soc",
                              "initial_soc", "cycle_cost_cny_per_kwh", "max_c_rate"]
    static let rollingKeys = ["horizon_hours", "commit_steps", "history_days", "load_forecast", "pv_forecast", "latitude", "longitude",
                              "cloudiness_days", "peak_guard"]

    static func readSizing(_ node: ScenarioNode, _ r: inout NodeReader) -> ScenarioSizing? {
        guard let map = r.map(node, path: "sizing") else { return nil }
        r.rejectUnknown(map, allowed: sizingKeys)
        let rate = r.number(map, "discount_rate", required: true, in: 0...0.3)
        let analysis = r.number(map, "analysis_years", in: years, above: 0)
        let startYear = r.int(map, "start_year", in: 2000...2100)
        var pv: ScenarioPVCandidate?, battery: ScenarioBatteryCandidate?
        if map.has("pv"), let node = map.entries["pv"] { pv = readPV(node, &r) }
        if map.has("battery"), let node = map.entries["battery"] { battery = readBattery(node, &r) }
        if !map.has("pv") && !map.has("battery") {
            r.fail("missing_field", "sizing.pv", zh: "至少给出 pv 或 battery 之一作为待优化的容量", en: "give pv or battery (or both) to size", at: map.place)
        }
        guard let rate else { return nil }
        return ScenarioSizing(discountRate: rate, analysisYears: analysis, pv: pv, battery: battery, startYear: startYear)
    }

    static func readPV(_ node: ScenarioNode, _ r: inout NodeReader) -> ScenarioPVCandidate? {
        guard let map = r.map(node, path: "sizing.pv") else { return nil }
        r.rejectUnknown(map, allowed: pvKeys)
        let minimum = r.number(map, "min_kwp", in: ScenarioReader.powerKW) ?? 0
        let maximum = r.number(map, "max_kwp", required: true, in: ScenarioReader.powerKW, above: 0)
        let capex = r.number(map, "capex_cny_per_kwp", required: true, in: money)
        let om = r.number(map, "om_cny_per_kwp_year", required: true, in: money)
        let life = r.number(map, "lifetime_years", required: true, in: years, above: 0)
        let reference = r.number(map, "reference_kwp", in: ScenarioReader.powerKW, above: 0)
        if let maximum, minimum > maximum {
            r.fail("inconsistent", "sizing.pv.min_kwp", zh: "不能大于 max_kwp", en: "must not exceed max_kwp", at: map.entries["min_kwp"]?.place)
        }
        guard let maximum, let capex, let om, let life else { return nil }
        return ScenarioPVCandidate(minKWp: minimum, maxKWp: maximum, capexCNYPerKWp: capex, omCNYPerKWpYear: om, lifetimeYears: life,
                                   referenceKWp: reference)
    }

    static func readBattery(_ node: ScenarioNode, _ r: inout NodeReader) -> ScenarioBatteryCandidate? {
        guard let map = r.map(node, path: "sizing.battery") else { return nil }
        r.rejectUnknown(map, allowed: batteryKeys)
        let minKWh = r.number(map, "min_kwh", in: ScenarioReader.energyKWh) ?? 0
        let maxKWh = r.number(map, "max_kwh", required: true, in: ScenarioReader.energyKWh, above: 0)
        let minKW = r.number(map, "min_kw", in: ScenarioReader.powerKW) ?? 0
        let maxKW = r.number(map, "max_kw", required: true, in: ScenarioReader.powerKW, above: 0)
        let capexKWh = r.number(map, "capex_cny_per_kwh", required: true, in: money)
        let omKWh = r.number(map, "om_cny_per_kwh_year", required: true, in: money)
        let capexKW = r.number(map, "capex_cny_per_kw", required: true, in: money)
        let omKW = r.number(map, "om_cny_per_kw_year", required: true, in: money)
        let life = r.number(map, "lifetime_years", required: true, in: years, above: 0)
        let etaC = r.number(map, "charge_efficiency", in: 0...1, above: 0) ?? 0.95
        let etaD = r.number(map, "discharge_efficiency", in: 0...1, above: 0) ?? 0.95
        let minSoC = r.number(map, "min_soc", in: 0...1) ?? 0
        let maxSoC = r.number(map, "max_soc", in: 0...1) ?? 1
        let initial = r.number(map, "initial_soc", in: 0...1)
        let cycle = r.number(map, "cycle_cost_cny_per_kwh", in: 0...100) ?? 0
        let cRate = r.number(map, "max_c_rate", in: 0...100, above: 0)
        if let maxKWh, minKWh > maxKWh {
            r.fail("inconsistent", "sizing.battery.min_kwh", zh: "不能大于 max_kwh", en: "must not exceed max_kwh", at: map.entries["min_kwh"]?.place)
        }
        if let maxKW, minKW > maxKW {
            r.fail("inconsistent", "sizing.battery.min_kw", zh: "不能大于 max_kw", en: "must not exceed max_kw", at: map.entries["min_kw"]?.place)
        }
        if minSoC > maxSoC || maxSoC == 0 {
            r.fail("inconsistent", "sizing.battery.max_soc", zh: "须大于 0 且不小于 min_soc", en: "must be above 0 and at least min_soc",
                   at: map.entries["max_soc"]?.place ?? map.place)
        }
        if let initial, initial < minSoC || initial > maxSoC {
            r.fail("inconsistent", "sizing.battery.initial_soc", zh: "应在 min_soc 与 max_soc 之间", en: "must lie between min_soc and max_soc",
                   at: map.entries["initial_soc"]?.place)
        }
        guard let maxKWh, let maxKW, let capexKWh, let omKWh, let capexKW, let omKW, let life else { return nil }
        return ScenarioBatteryCandidate(minKWh: minKWh, maxKWh: maxKWh, minKW: minKW, maxKW: maxKW, capexCNYPerKWh: capexKWh,
                                        omCNYPerKWhYear: omKWh, capexCNYPerKW: capexKW, omCNYPerKWYear: omKW, lifetimeYears: life,
                                        chargeEfficiency: etaC, dischargeEfficiency: etaD, minSoC: minSoC, maxSoC: maxSoC,
                                        initialSoC: initial, cycleCostCNYPerKWh: cycle, maxCRate: cRate)
    }

    static func readRolling(_ node: ScenarioNode, _ r: inout NodeReader) -> ScenarioRolling? {
        guard let map = r.map(node, path: "rolling") else { return nil }
        r.rejectUnknown(map, allowed: rollingKeys)
        let hours = r.int(map, "horizon_hours", in: ScenarioRolling.horizonHoursRange) ?? 48
        let commit = r.int(map, "commit_steps", in: 1...672) ?? 1
        let history = r.int(map, "history_days", in: ScenarioRolling.historyDaysRange) ?? 56
        let load = r.choice(map, "load_forecast", ScenarioRolling.LoadMethod.allCases.map(\.rawValue))
            .flatMap(ScenarioRolling.LoadMethod.init(rawValue:)) ?? .ensemble
        let pv = r.choice(map, "pv_forecast", ScenarioRolling.PVMethod.allCases.map(\.rawValue))
            .flatMap(ScenarioRolling.PVMethod.init(rawValue:)) ?? .clearSky
        let latitude = r.number(map, "latitude", in: -90...90)
        let longitude = r.number(map, "longitude", in: -180...180)
        let cloudiness = r.int(map, "cloudiness_days", in: 1...14) ?? 1
        let guardPeak = r.bool(map, "peak_guard") ?? true
        return ScenarioRolling(horizonHours: hours, commitSteps: commit, historyDays: history, loadMethod: load, pvMethod: pv,
                               latitude: latitude, longitude: longitude, cloudinessDays: cloudiness, peakGuard: guardPeak)
    }

    /// What the sections need from the rest of the scenario.
    static func check(_ s: DispatchScenario, top: NodeReader.MapView, _ r: inout NodeReader) {
        let sizingPlace = top.entries["sizing"]?.place, rollingPlace = top.entries["rolling"]?.place
        if let sizing = s.sizing {
            for (key, present) in [("battery", s.battery != nil), ("ev", !s.evSessions.isEmpty || !s.evFleets.isEmpty), ("chp", s.chp != nil)]
            where present {
                r.fail("sizing_unsupported", key, zh: "容量优化（sizing）暂不支持同时给出 \(key)：请去掉 \(key) 或 sizing",
                       en: "sizing does not plan \(key) yet: remove \(key) or sizing", at: top.entries[key]?.place)
            }
            if let pv = sizing.pv {
                if s.pv == nil {
                    r.fail("missing_field", "pv", zh: "sizing.pv 以场景的光伏序列作为每 kWp 出力曲线，须给出 pv",
                           en: "sizing.pv takes the scenario's PV series as its per-kWp profile: give pv", at: sizingPlace)
                } else if s.pvKWp == nil && pv.referenceKWp == nil {
                    r.fail("missing_field", "sizing.pv.reference_kwp", zh: "光伏序列以 kW 给出时，须给出产生该序列的装机容量 reference_kwp",
                           en: "the PV series is in kW: give reference_kwp, the installed kWp that produced it", at: sizingPlace)
                }
            }
            if let year = sizing.startYear, year < s.horizon.start.year {
                r.fail("inconsistent", "sizing.start_year", zh: "不能早于时段起始年 \(s.horizon.start.year)",
                       en: "must not be before the horizon's year \(s.horizon.start.year)", at: sizingPlace)
            }
        }
        if let rolling = s.rolling {
            for (key, present) in [("ev", !s.evSessions.isEmpty || !s.evFleets.isEmpty), ("chp", s.chp != nil)] where present {
                r.fail("rolling_unsupported", key, zh: "滚动运行（rolling）暂不支持同时给出 \(key)：请去掉 \(key) 或 rolling",
                       en: "rolling operation does not plan \(key) yet: remove \(key) or rolling", at: top.entries[key]?.place)
            }
            if rolling.pvMethod == .clearSky, s.pv != nil, rolling.latitude == nil || rolling.longitude == nil {
                r.fail("missing_field", "rolling.latitude", zh: "晴空光伏预测需要场址纬度 latitude 与经度 longitude",
                       en: "the clear-sky PV forecast needs the site's latitude and longitude", at: rollingPlace)
            }
            if rolling.commitSteps > rolling.horizonHours * 60 / s.horizon.stepMinutes {
                r.fail("inconsistent", "rolling.commit_steps", zh: "不能多于滚动时域内的步数", en: "must not exceed the steps in the rolling horizon",
                       at: rollingPlace)
            }
            if CivilDate(dayNumber: s.horizon.start.dayNumber - rolling.historyDays) == nil {
                r.fail("out_of_range", "rolling.history_days", zh: "历史数据起点早于 2000 年", en: "the history would start before 2000", at: rollingPlace)
            }
        }
    }
}
