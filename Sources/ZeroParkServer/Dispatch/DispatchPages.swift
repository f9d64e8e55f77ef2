import Foundation
import Hummingbird
import Mustache
import ZeroParkInput
import ZeroParkOptimisation
import ZeroParkReports
import ZeroParkScenario
import ZeroParkStore
import ZeroParkTariff
import ZeroParkTelemetry

/// `/parks/{park}/dispatch` (issue #9 item 3): a form for a dispatch scenario on the park's meters and the
/// result of one of three studies — dispatch (cost optimised vs baseline, saving, monthly peaks and the
/// schedule chart), sizing (new PV and battery sizes, annual economics, MAC rows and the plan measures)
/// or rolling operation (forecast scores, realised cost against perfect foresight and the baseline).
/// Admins and managers only (others 403; non-members 404). The form is turned into the same scenario
/// tree the YAML and the API use, so it is checked by the same reader and names the same fields.
/// Chinese first; no JavaScript.
///
/// Serves STANDARD.md 1.1.37, 1.1.20(b)(c)(e)(f), 1.1.36 and 1.1.5–1.1.6 (sizing → plan measures).
struct DispatchPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let library: MustacheLibrary?
    let service: DispatchService
    /// The page solves at most a month (the API and the command line take a year).
    static let maxDays = 31

    /// The study the form runs (`study`).
    enum Study: String, CaseIterable, Sendable {
        case dispatch, sizing, rolling

        init(form: [String: String]) { self = Study(rawValue: form["study"] ?? "") ?? .dispatch }

        var textKey: String {
            switch self {
            case .dispatch: "studyDispatch"
            case .sizing: "studySizing"
            case .rolling: "studyRolling"
            }
        }
    }

    init(store: any ParkRepository, renderer: WebRenderer) {
        self.store = store
        self.renderer = renderer
        self.library = try? DispatchTemplates.library()
        self.service = DispatchService(store: store)
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("parks/:park/dispatch") { request, context in try await page(request, context, form: nil) }
        web.post("parks/:park/dispatch") { request, context in
            _ = try context.requireLogin()
            let form = try await WebForm.verified(request, context: context)
            return try await page(request, context, form: form)
        }
    }

    func page(_ request: Request, _ context: AppRequestContext, form submitted: [String: String]?) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        guard caller.canEditPark(parkID: park.id) else {
            throw StoreError.forbidden(context.language == .zh ? "只有园区管理员和经理可以运行调度优化" : "only park admins and managers run dispatch")
        }
        let chinese = context.language == .zh
        let meters = try await store.meters(parkKey: key, caller: caller).filter {
            ($0.unit == "kWh" && $0.readingKind != .instantaneous) || ($0.unit == "kW" && $0.readingKind == .instantaneous)
        }
        var form = submitted ?? [:]
        var loadKeys = meters.filter { form["load_\($0.key)"] == "true" }.map(\.key)
        var pvKeys = meters.filter { form["pv_\($0.key)"] == "true" }.map(\.key)
        if submitted == nil {
            loadKeys = meters.filter { ($0.quantity == .electricityImport && $0.parent == nil) || $0.quantity == .pvGeneration }.map(\.key)
            pvKeys = meters.filter { $0.quantity == .pvGeneration }.map(\.key)
            form = try await defaults(key: key, caller: caller, meters: loadKeys)
        }
        let study = Study(form: form)
        var problems: [InputProblem] = []
        var resultData: [String: Any]?, sizingData: [String: Any]?, rollingData: [String: Any]?
        var downloadTables: [DownloadTable] = []
        var status = HTTPResponse.Status.ok
        if submitted != nil {
            do {
                let scenario = try ScenarioReader.read(Self.scenario(form: form, load: loadKeys, pv: pvKeys, name: "\(key) /dispatch"))
                if scenario.horizon.hours > Self.maxDays * 24 {
                    throw InputError(InputProblem(code: "out_of_range", field: "horizon.days", zh: "页面最多 \(Self.maxDays) 天（更长请用接口或命令行）",
                                                  en: "the page takes at most \(Self.maxDays) days (use the API or the command line for longer)"))
                }
                switch study {
                case .dispatch:
                    let outcome = try await service.run(scenario, parkKey: key, caller: caller)
                    let data = Self.result(outcome, chinese: chinese)
                    resultData = data
                    downloadTables = DispatchDownload.dispatch(outcome, data: data, chinese: chinese)
                case .sizing:
                    let outcome = try await service.size(scenario, parkKey: key, caller: caller)
                    let data = Self.sizingResult(outcome, chinese: chinese, existingLeftOut: WebForm.value(form, "capacity") != nil)
                    sizingData = data
                    downloadTables = DispatchDownload.sizing(outcome, data: data, chinese: chinese)
                case .rolling:
                    let outcome = try await service.roll(scenario, parkKey: key, caller: caller)
                    let data = Self.rollingResult(outcome, chinese: chinese)
                    rollingData = data
                    downloadTables = DispatchDownload.rolling(outcome, data: data, chinese: chinese)
                }
            } catch let error as InputError {
                problems = error.problems
                status = .unprocessableContent
            }
        }
        // The export buttons run the same study and answer with its tables as a file (issue #12 defect 9).
        if let format = form["export"].flatMap(DownloadFormat.init(rawValue:)), problems.isEmpty, !downloadTables.isEmpty {
            let start = CivilDate(iso: form["start"] ?? "")?.description ?? "result"
            return try TableDownload(fileName: "zeropark-\(key)-\(study.rawValue)-\(start)", tables: downloadTables).response(format)
        }
        let d = DispatchText.dictionary(chinese)
        var data: [String: Any] = [
            "d": d, "t": WebText.dictionary(context.language), "csrf": context.csrfToken ?? "",
            "parkKey": key, "name": chinese ? park.profile.name : (park.profile.nameEn ?? park.profile.name), "form": form,
            "tariffs": BuiltInTariffs.ids.map { ["id": $0, "selected": $0 == (form["tariff"] ?? BuiltInTariffs.guangdong331ID)] },
            "steps": [60, 15].map { ["value": $0, "selected": String($0) == (form["step"] ?? "60")] },
            "studies": Study.allCases.map { ["value": $0.rawValue, "label": d[$0.textKey] ?? $0.rawValue, "selected": $0 == study] },
            "loadForecasts": ScenarioRolling.LoadMethod.allCases.map {
                ["value": $0.rawValue, "selected": $0.rawValue == (form["rolling_load_forecast"] ?? ScenarioRolling.LoadMethod.ensemble.rawValue)]
            },
            "pvForecasts": ScenarioRolling.PVMethod.allCases.map {
                ["value": $0.rawValue, "selected": $0.rawValue == (form["rolling_pv_forecast"] ?? ScenarioRolling.PVMethod.clearSky.rawValue)]
            },
            "surplusOnly": submitted == nil || form["surplus_only"] == "true",
            "meters": meters.map { ["key": $0.key, "name": $0.name, "unit": $0.unit, "load": loadKeys.contains($0.key), "pv": pvKeys.contains($0.key)] },
            "problems": problems.map { ["field": $0.field, "message": $0.unnamedMessage(chinese: chinese)] },
            "hasProblems": !problems.isEmpty, "hasMeters": !meters.isEmpty,
        ]
        if let costs = Self.catalogueCosts(form, chinese: chinese) { data["catalogueCosts"] = costs }
        if let resultData { data["result"] = resultData }
        if let sizingData { data["sizingResult"] = sizingData }
        if let rollingData { data["rollingResult"] = rollingData }
        let body = library?.render(data, withTemplate: "dispatch") ?? ""
        return renderer.page(body: body, title: DispatchText.dictionary(chinese)["title"] ?? "", context: context,
                             park: ["key": key, "year": park.defaultYear, "navDispatch": true], status: status)
    }

    /// First visit: a week ending with the default meters' last reading, Guangdong's cited example base.
    func defaults(key: String, caller: Caller, meters: [String]) async throws -> [String: String] {
        let now = Int64(Date().timeIntervalSince1970)
        let today = Int32((now + TelemetryCalendar.utcOffsetSeconds) / TelemetryCalendar.secondsPerDay)
        let totals = try await store.meterTotals(parkKey: key, from: today, to: today, caller: caller, now: now)
        let last = totals.filter { meters.contains($0.meter.key) }.compactMap { $0.lastReading }.min() ?? now
        let lastDay = Int((last + TelemetryCalendar.utcOffsetSeconds) / TelemetryCalendar.secondsPerDay)
        let start = CivilDate(dayNumber: lastDay - 7)?.description ?? ""
        var form = ["tariff": BuiltInTariffs.guangdong331ID, "base_price": String(BuiltInTariffs.guangdongPRDGeneralBelow1kV2021Base),
                "start": start, "days": "7", "step": "60", "capacity": "", "power": "", "efficiency": "0.95",
                "min_soc": "0.1", "max_soc": "0.95", "pv_scale": "1", "grid_factor": "grid.guangdong", "surplus_only": "true",
                // Studies: no cost, lifetime or discount rate is prefilled (the reference data cites none).
                "study": Study.dispatch.rawValue, "rolling_horizon_hours": "48", "rolling_history_days": "28",
                "rolling_load_forecast": ScenarioRolling.LoadMethod.ensemble.rawValue, "rolling_pv_forecast": ScenarioRolling.PVMethod.clearSky.rawValue]
        // The park's own tariff, when set, replaces the example (same field names as the tariff page).
        if let stored = try await store.parkTariff(parkKey: key, caller: caller) {
            form["base_price"] = nil
            form["surplus_only"] = nil
            form.merge(TariffPages.form(stored.json)) { _, park in park }
        }
        // The park's own PV (per kWp) and storage (per kWh) figures from its measures catalogue.
        for row in try await CatalogueService(store: store).rows(parkKey: key, caller: caller) {
            guard let e = row.park else { continue }
            let prefix: String
            switch (e.category, e.unit) {
            case (.rooftopPV, "kWp"): prefix = "sizing_pv_"
            case (.storage, "kWh"): prefix = "sizing_battery_"
            default: continue
            }
            let unit = e.unit.lowercased()
            if let x = e.capexCNYPerUnit { form[prefix + "capex_cny_per_\(unit)"] = AlertText.number(x) }
            if let x = e.opexCNYPerUnitYear { form[prefix + "om_cny_per_\(unit)_year"] = AlertText.number(x) }
            if let x = e.lifetimeYears { form[prefix + "lifetime_years"] = AlertText.number(x) }
            form["catalogue_" + e.category.rawValue] = e.source
        }
        return form
    }

    /// Which sizing costs came from the park's catalogue, with their sources (nil when none did).
    static func catalogueCosts(_ form: [String: String], chinese: Bool) -> String? {
        let parts = [("rooftop_pv", chinese ? "光伏" : "PV"), ("storage", chinese ? "储能" : "storage")].compactMap { key, name -> String? in
            form["catalogue_" + key].map { "\(name)：\($0)" }
        }
        guard !parts.isEmpty else { return nil }
        return (chinese ? "成本取自园区措施目录（规划页）：" : "Costs from the park's measures catalogue (plan page): ") + parts.joined(separator: "；")
    }

    /// The form as a scenario tree (field names are the scenario's, so problems name scenario fields). The
    /// `sizing` section only for the sizing study (which then leaves out the existing battery: sizing does
    /// not plan one), the `rolling` section only for rolling operation.
    static func scenario(form: [String: String], load: [String], pv: [String], name: String? = nil) -> ScenarioNode {
        let study = Study(form: form)
        let here = ScenarioPlace(line: 0, column: 0)
        func scalar(_ text: String) -> ScenarioNode { .scalar(text, here) }
        func map(_ pairs: [(String, ScenarioNode?)]) -> ScenarioNode {
            var kept: [(key: String, value: ScenarioNode)] = []
            for (key, node) in pairs { if let node { kept.append((key: key, value: node)) } }
            return .map(kept, here)
        }
        func value(_ key: String) -> ScenarioNode? { WebForm.value(form, key).map(scalar) }
        var export: ScenarioNode?
        if let price = value("export_price") {
            export = map([("price_cny_per_kwh", price), ("limit_kw", value("export_limit")),
                          ("surplus_only", scalar(form["surplus_only"] == "true" ? "true" : "false"))])
        }
        var battery: ScenarioNode?
        if study != .sizing, let capacity = value("capacity") {
            battery = map([("capacity_kwh", capacity), ("max_charge_kw", value("power")), ("max_discharge_kw", value("power")),
                           ("charge_efficiency", value("efficiency")), ("discharge_efficiency", value("efficiency")),
                           ("min_soc", value("min_soc")), ("max_soc", value("max_soc")), ("initial_soc", value("min_soc")),
                           ("cycle_cost_cny_per_kwh", value("cycle_cost"))])
        }
        var sizing: ScenarioNode?
        if study == .sizing {
            var candidatePV: ScenarioNode?, candidateBattery: ScenarioNode?
            if let maximum = value("sizing_pv_max_kwp") {
                candidatePV = map([("max_kwp", maximum), ("capex_cny_per_kwp", value("sizing_pv_capex_cny_per_kwp")),
                                   ("om_cny_per_kwp_year", value("sizing_pv_om_cny_per_kwp_year")),
                                   ("lifetime_years", value("sizing_pv_lifetime_years")), ("reference_kwp", value("sizing_pv_reference_kwp"))])
            }
            if let maximum = value("sizing_battery_max_kwh") {
                candidateBattery = map([
                    ("max_kwh", maximum), ("max_kw", value("sizing_battery_max_kw")),
                    ("capex_cny_per_kwh", value("sizing_battery_capex_cny_per_kwh")), ("om_cny_per_kwh_year", value("sizing_battery_om_cny_per_kwh_year")),
                    ("capex_cny_per_kw", value("sizing_battery_capex_cny_per_kw")), ("om_cny_per_kw_year", value("sizing_battery_om_cny_per_kw_year")),
                    ("lifetime_years", value("sizing_battery_lifetime_years")),
                    ("charge_efficiency", value("efficiency")), ("discharge_efficiency", value("efficiency")),
                    ("min_soc", value("min_soc")), ("max_soc", value("max_soc")), ("initial_soc", value("min_soc")),
                    ("cycle_cost_cny_per_kwh", value("cycle_cost")),
                ])
            }
            sizing = map([("discount_rate", value("sizing_discount_rate")), ("analysis_years", value("sizing_analysis_years")),
                          ("pv", candidatePV), ("battery", candidateBattery)])
        }
        var rolling: ScenarioNode?
        if study == .rolling {
            rolling = map([("horizon_hours", value("rolling_horizon_hours")), ("history_days", value("rolling_history_days")),
                           ("load_forecast", value("rolling_load_forecast")), ("pv_forecast", value("rolling_pv_forecast")),
                           ("latitude", value("rolling_latitude")), ("longitude", value("rolling_longitude"))])
        }
        return map([
            ("zeropark_dispatch", scalar("1")),
            ("name", name.map(scalar)),
            ("tariff", map([("id", value("tariff")), ("effective_from", value("effective_from")), ("base_price_cny_per_kwh", value("base_price")),
                            ("user_class", value("user_class")), ("demand_charge_cny_per_kw_month", value("demand_charge")), ("export", export)])),
            ("horizon", map([("start", value("start")), ("days", value("days")), ("step_minutes", value("step"))])),
            ("meters", map([("load", .list(load.map(scalar), here)), ("pv", pv.isEmpty ? nil : .list(pv.map(scalar), here))])),
            ("pv", pv.isEmpty ? nil : map([("scale", value("pv_scale"))])),
            ("battery", battery),
            ("carbon", value("grid_factor").map { map([("grid_factor", $0)]) }),
            ("sizing", sizing),
            ("rolling", rolling),
        ])
    }

    static func result(_ outcome: ScenarioOutcome, chinese: Bool) -> [String: Any] {
        let a = outcome.assembled, r = outcome.report, o = r.optimised, b = r.baseline
        func t(_ zh: String, _ en: String) -> String { chinese ? zh : en }
        func row(_ label: String, _ x: Double, _ y: Double, _ decimals: Int = 2) -> [String: String] {
            ["label": label, "optimised": Display.number(x, decimals: decimals), "baseline": Display.number(y, decimals: decimals),
             "difference": Display.number(y - x, decimals: decimals)]
        }
        var rows = [row(t("电量电费（元）", "Energy (CNY)"), o.cost.energy, b.cost.energy),
                    row(t("需量电费（元）", "Demand charge (CNY)"), o.cost.demand, b.cost.demand),
                    row(t("上网收入（元）", "Export revenue (CNY)"), o.cost.exportRevenue, b.cost.exportRevenue),
                    row(t("储能循环成本（元）", "Cycle cost (CNY)"), o.cost.cycle, b.cost.cycle),
                    row(t("合计（元）", "Total (CNY)"), o.cost.total, b.cost.total),
                    row(t("购电量（kWh）", "Import (kWh)"), o.importKWh, b.importKWh, 0),
                    row(t("上网电量（kWh）", "Export (kWh)"), o.exportKWh, b.exportKWh, 0)]
        rows.append(["label": t("光伏自用率", "PV self-consumption"), "optimised": Display.percent(o.pvSelfConsumptionShare),
                     "baseline": Display.percent(b.pvSelfConsumptionShare), "difference": ""])
        rows.append(["label": t("储能等效循环次数", "Battery equivalent cycles"), "optimised": Display.number(o.batteryCycles),
                     "baseline": "—", "difference": ""])
        if a.gridFactor != nil { rows.append(row(t("购电排放（tCO2）", "Import emissions (tCO2)"), o.importTonnesCO2, b.importTonnesCO2, 3)) }
        let months = a.expansion.months
        let peaks: [[String: String]] = o.monthlyPeaks.enumerated().map { index, peak in
            ["month": months.indices.contains(peak.month) ? months[peak.month].description : String(peak.month),
             "optimised": Display.number(peak.peakKW, decimals: 1),
             "baseline": b.monthlyPeaks.indices.contains(index) ? Display.number(b.monthlyPeaks[index].peakKW, decimals: 1) : "—"]
        }
        var data = basis(a, chinese: chinese)
        data["rows"] = rows
        data["peaks"] = peaks
        data["saving"] = Display.number(r.saving) + t(" 元", " CNY")
        data["chart"] = chart(o, a, socMaxKWh: a.problem.battery?.maxSoCKWh ?? 0, title: "chart", chinese: chinese)
        if a.gridFactor != nil { data["avoided"] = Display.number(r.avoidedTonnesCO2, decimals: 3) }
        return data
    }

    /// What every result names: the tariff and its citations, and the grid factor (when one is used).
    static func basis(_ a: AssembledScenario, chinese: Bool) -> [String: Any] {
        var data: [String: Any] = [
            "tariffName": a.tariff.name, "tariffID": a.tariff.id,
            "citations": a.citations.map { ["document": $0.document, "title": $0.title] },
        ]
        if let f = a.gridFactor {
            data["factor"] = "\(f.id) \(f.vintage.map(String.init) ?? "") \(f.value) \(f.unitSymbol) — \(f.citation.text(chinese: chinese))"
        }
        return data
    }

    /// The step labels (CST) of the scenario's horizon.
    static func labels(_ a: AssembledScenario) -> [String] {
        let h = a.scenario.horizon
        return (0..<h.stepCount).map { SeriesCSV.cst(h.instant(ofStep: $0)) }
    }

    /// The schedule chart of a solved dispatch on the scenario's horizon (load = the scenario's load + EV
    /// charging); `socMaxKWh` is the battery's upper state of charge (the sized one for sizing).
    static func chart(_ o: DispatchResult, _ a: AssembledScenario, socMaxKWh: Double, title: String, chinese: Bool) -> String {
        let series = SVGChart.DispatchSeries(
            labels: labels(a), importKW: o.schedule.importKW, pvKW: o.schedule.pvUsedKW,
            dischargeKW: o.schedule.dischargeKW, chpKW: o.schedule.chpElectricKW,
            loadKW: zip(a.problem.loadKW, o.schedule.evKW).map(+), socKWh: o.schedule.socKWh,
            socMaxKWh: socMaxKWh, price: a.expansion.importPrice)
        return draw(series, title: title, chinese: chinese)
    }

    static func draw(_ series: SVGChart.DispatchSeries, title: String, chinese: Bool) -> String {
        let d = DispatchText.dictionary(chinese)
        let legend = SVGChart.DispatchLegend(grid: d["grid"] ?? "", pv: d["pv"] ?? "", battery: d["dischargeLegend"] ?? "", chp: d["chp"] ?? "",
                                             load: d["load"] ?? "", soc: d["soc"] ?? "", price: d["price"] ?? "")
        return SVGChart.dispatch(series, legend: legend, title: d[title] ?? "")
    }

    /// The sizing study: chosen sizes, annual economics, MAC rows, the plan measures and the schedule
    /// with the sized assets — the figures `zeropark size` prints.
    static func sizingResult(_ outcome: SizingOutcome, chinese: Bool, existingLeftOut: Bool) -> [String: Any] {
        let a = outcome.assembled, r = outcome.report
        func text(_ key: String, _ values: [String: String] = [:]) -> String { DispatchText.text(key, chinese, values) }
        func num(_ x: Double, _ decimals: Int = 2) -> String { Display.number(x, decimals: decimals) }
        func optional(_ x: Double?, _ decimals: Int = 2) -> String { x.map { num($0, decimals) } ?? "—" }
        var sizes: [[String: String]] = []
        if let pv = outcome.sizing.pv {
            sizes.append(["asset": text("pvEnergy"), "chosen": num(r.pvKWp, 1) + " kWp", "allowed": "\(num(pv.minKWp, 0))–\(num(pv.maxKWp, 0)) kWp"])
        }
        if let b = outcome.sizing.battery {
            sizes.append(["asset": text("batteryEnergy"), "chosen": num(r.batteryKWh, 1) + " kWh", "allowed": "\(num(b.minKWh, 0))–\(num(b.maxKWh, 0)) kWh"])
            sizes.append(["asset": text("batteryPower"), "chosen": num(r.batteryKW, 1) + " kW", "allowed": "\(num(b.minKW, 0))–\(num(b.maxKW, 0)) kW"])
        }
        var economics: [[String: String]] = [
            ["label": text("capex"), "value": num(r.capexCNY, 0)],
            ["label": text("opWithout"), "value": num(r.annualOperatingCostWithout, 0)],
            ["label": text("opWith"), "value": num(r.annualOperatingCostWith, 0)],
            ["label": text("annualised"), "value": num(r.annualisedCapitalCNY, 0)],
            ["label": text("om"), "value": num(r.annualOMCNY, 0)],
            ["label": text("npv", ["years": num(r.analysisYears, 0), "rate": Display.percent(r.discountRate)]), "value": num(r.npv, 0)],
            ["label": text("payback"), "value": r.simplePaybackYears.map { num($0, 1) } ?? text("never")],
            ["label": text("lcoe"), "value": optional(r.pvLCOE, 4)],
        ]
        if a.gridFactor != nil {
            economics.append(["label": text("tonnesAvoided"), "value": num(r.tonnesCO2AvoidedPerYear, 1)])
            economics.append(["label": text("perTonne"), "value": optional(r.cnyPerTonneAvoided, 1)])
        }
        let mac: [[String: String]] = r.abatementOptions.map {
            ["measure": $0.measure, "mwh": num($0.importReductionMWhPerYear, 1), "tonnes": num($0.tonnesCO2PerYear, 1),
             "perTonne": optional($0.cnyPerTonne, 1), "capex": num($0.capexCNY, 0), "life": num($0.lifetimeYears, 0)]
        }
        var data = basis(a, chinese: chinese)
        data["sizes"] = sizes
        data["economics"] = economics
        data["mac"] = mac
        data["hasMAC"] = !mac.isEmpty
        data["existingLeftOut"] = existingLeftOut
        data["planYAML"] = PlanMeasureExport.yaml(outcome)
        let fraction = a.problem.stepHours * Double(a.problem.stepCount) / 8_760
        if fraction < 0.999 { data["scaled"] = text("scaled", ["factor": num(1 / fraction, 3)]) }
        let socMax = r.batteryKWh * (outcome.sizing.battery?.maxSoC ?? 1)
        data["chart"] = chart(r.with, a, socMaxKWh: socMax, title: "sizedChart", chinese: chinese)
        return data
    }

    /// The rolling-operation study: the forecasts' scores against seasonal-naive, the realised cost
    /// against perfect foresight and the no-battery baseline, and the realised schedule — the figures
    /// `zeropark rolling` prints.
    static func rollingResult(_ outcome: RollingOutcome, chinese: Bool) -> [String: Any] {
        let a = outcome.assembled, r = outcome.report, s = outcome.rolling
        func text(_ key: String, _ values: [String: String] = [:]) -> String { DispatchText.text(key, chinese, values) }
        func num(_ x: Double, _ decimals: Int = 2) -> String { Display.number(x, decimals: decimals) }
        func percent(_ x: Double?) -> String { x.map { Display.percent($0) } ?? "—" }
        var scores: [[String: String]] = []
        for (name, score, method) in [(text("loadShort"), outcome.loadBacktest, s.loadMethodName(chinese: chinese)),
                                      (text("pvShort"), outcome.pvBacktest, s.pvMethodName(chinese: chinese))] {
            guard let b = score else { continue }
            scores.append(["name": name, "method": method, "days": String(b.days), "nmae": percent(b.metrics.nmae), "mape": percent(b.metrics.mape),
                           "baselineNMAE": percent(b.baselineMetrics.nmae), "baselineMAPE": percent(b.baselineMetrics.mape),
                           "beats": text(b.beatsBaselineOnNMAE ? "yes" : "no")])
        }
        func cost(_ label: String, _ c: DispatchCost) -> [String: String] {
            ["label": label, "energy": num(c.energy), "demand": num(c.demand), "export": num(c.exportRevenue), "cycle": num(c.cycle), "total": num(c.total)]
        }
        var costs: [[String: String]] = []
        if let b = r.baseline { costs.append(cost(text("noBattery"), b.cost)) }
        costs.append(cost(text("realised"), r.realisedCost))
        costs.append(cost(text("perfect"), r.perfectForesight.cost))
        var gap = num(r.costGap) + " " + text("cny")
        if let g = r.relativeCostGap { gap += "（\(Display.percent(g))）" }
        var data = basis(a, chinese: chinese)
        data["settings"] = text("rollingSettings", ["commit": String(s.commitSteps), "hours": String(s.horizonHours), "history": String(s.historyDays),
                                                    "load": s.loadMethodName(chinese: chinese),
                                                    "pv": outcome.pvForecastName == nil ? "—" : s.pvMethodName(chinese: chinese)])
        data["scores"] = scores
        data["hasScores"] = !scores.isEmpty
        data["costs"] = costs
        data["gap"] = gap
        if let share = r.capturedSavingShare { data["captured"] = Display.percent(share) }
        data["solves"] = String(r.solves)
        if !r.importLimitExceededSteps.isEmpty { data["overLimit"] = text("overLimit", ["count": String(r.importLimitExceededSteps.count)]) }
        // The realised supply: grid import, the PV used on site (available − curtailed − exported), the
        // battery's discharge; the load as measured.
        let x = r.realised, p = a.problem
        let pvOnSite = p.pvAvailableKW.indices.map { t in
            max(0, p.pvAvailableKW[t] - (t < x.pvCurtailedKW.count ? x.pvCurtailedKW[t] : 0) - (t < x.exportKW.count ? x.exportKW[t] : 0))
        }
        let series = SVGChart.DispatchSeries(labels: labels(a), importKW: x.importKW, pvKW: pvOnSite, dischargeKW: x.dischargeKW,
                                             chpKW: [Double](repeating: 0, count: p.loadKW.count), loadKW: p.loadKW, socKWh: x.socKWh,
                                             socMaxKWh: p.battery?.maxSoCKWh ?? 0, price: a.expansion.importPrice)
        data["chart"] = draw(series, title: "rollingChart", chinese: chinese)
        return data
    }
}
