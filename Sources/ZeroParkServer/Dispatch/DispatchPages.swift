import Foundation
import Hummingbird
import Mustache
import ZeroParkInput
import ZeroParkReports
import ZeroParkScenario
import ZeroParkStore
import ZeroParkTariff
import ZeroParkTelemetry

/// `/parks/{park}/dispatch` (issue #9 item 3): a form for a dispatch scenario on the park's meters and the
/// result — cost optimised vs baseline, saving, monthly peaks and the schedule chart. Admins and managers
/// only (others 403; non-members 404). The form is turned into the same scenario tree the YAML and the
/// API use, so it is checked by the same reader and names the same fields. Chinese first; no JavaScript.
///
/// Serves STANDARD.md 1.1.37, 1.1.20(e)(f) and 1.1.36.
struct DispatchPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let library: MustacheLibrary?
    let service: DispatchService
    /// The page solves at most a month (the API and the command line take a year).
    static let maxDays = 31

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
        var problems: [InputProblem] = []
        var resultData: [String: Any]?
        var status = HTTPResponse.Status.ok
        if submitted != nil {
            do {
                let scenario = try ScenarioReader.read(Self.scenario(form: form, load: loadKeys, pv: pvKeys))
                if scenario.horizon.hours > Self.maxDays * 24 {
                    throw InputError(InputProblem(code: "out_of_range", field: "horizon.days", zh: "页面最多 \(Self.maxDays) 天（更长请用接口或命令行）",
                                                  en: "the page takes at most \(Self.maxDays) days (use the API or the command line for longer)"))
                }
                let outcome = try await service.run(scenario, parkKey: key, caller: caller)
                resultData = Self.result(outcome, chinese: chinese)
            } catch let error as InputError {
                problems = error.problems
                status = .unprocessableContent
            }
        }
        var data: [String: Any] = [
            "d": DispatchText.dictionary(chinese), "t": WebText.dictionary(context.language), "csrf": context.csrfToken ?? "",
            "parkKey": key, "name": chinese ? park.profile.name : (park.profile.nameEn ?? park.profile.name), "form": form,
            "tariffs": BuiltInTariffs.ids.map { ["id": $0, "selected": $0 == (form["tariff"] ?? BuiltInTariffs.guangdong331ID)] },
            "steps": [60, 15].map { ["value": $0, "selected": String($0) == (form["step"] ?? "60")] },
            "surplusOnly": submitted == nil || form["surplus_only"] == "true",
            "meters": meters.map { ["key": $0.key, "name": $0.name, "unit": $0.unit, "load": loadKeys.contains($0.key), "pv": pvKeys.contains($0.key)] },
            "problems": problems.map { ["field": $0.field, "message": $0.message(chinese: chinese)] },
            "hasProblems": !problems.isEmpty, "hasMeters": !meters.isEmpty,
        ]
        if let resultData { data["result"] = resultData }
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
        return ["tariff": BuiltInTariffs.guangdong331ID, "base_price": String(BuiltInTariffs.guangdongPRDGeneralBelow1kV2021Base),
                "start": start, "days": "7", "step": "60", "capacity": "", "power": "", "efficiency": "0.95",
                "min_soc": "0.1", "max_soc": "0.95", "pv_scale": "1", "grid_factor": "grid.guangdong", "surplus_only": "true"]
    }

    /// The form as a scenario tree (field names are the scenario's, so problems name scenario fields).
    static func scenario(form: [String: String], load: [String], pv: [String]) -> ScenarioNode {
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
        if let capacity = value("capacity") {
            battery = map([("capacity_kwh", capacity), ("max_charge_kw", value("power")), ("max_discharge_kw", value("power")),
                           ("charge_efficiency", value("efficiency")), ("discharge_efficiency", value("efficiency")),
                           ("min_soc", value("min_soc")), ("max_soc", value("max_soc")), ("initial_soc", value("min_soc")),
                           ("cycle_cost_cny_per_kwh", value("cycle_cost"))])
        }
        return map([
            ("zeropark_dispatch", scalar("1")),
            ("tariff", map([("id", value("tariff")), ("effective_from", value("effective_from")), ("base_price_cny_per_kwh", value("base_price")),
                            ("user_class", value("user_class")), ("demand_charge_cny_per_kw_month", value("demand_charge")), ("export", export)])),
            ("horizon", map([("start", value("start")), ("days", value("days")), ("step_minutes", value("step"))])),
            ("meters", map([("load", .list(load.map(scalar), here)), ("pv", pv.isEmpty ? nil : .list(pv.map(scalar), here))])),
            ("pv", pv.isEmpty ? nil : map([("scale", value("pv_scale"))])),
            ("battery", battery),
            ("carbon", value("grid_factor").map { map([("grid_factor", $0)]) }),
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
        let h = a.scenario.horizon, d = DispatchText.dictionary(chinese)
        let series = SVGChart.DispatchSeries(
            labels: (0..<h.stepCount).map { SeriesCSV.cst(h.instant(ofStep: $0)) }, importKW: o.schedule.importKW, pvKW: o.schedule.pvUsedKW,
            dischargeKW: o.schedule.dischargeKW, chpKW: o.schedule.chpElectricKW,
            loadKW: zip(a.problem.loadKW, o.schedule.evKW).map(+), socKWh: o.schedule.socKWh,
            socMaxKWh: a.problem.battery?.maxSoCKWh ?? 0, price: a.expansion.importPrice)
        let legend = SVGChart.DispatchLegend(grid: d["grid"] ?? "", pv: d["pv"] ?? "", battery: d["dischargeLegend"] ?? "", chp: d["chp"] ?? "",
                                             load: d["load"] ?? "", soc: d["soc"] ?? "", price: d["price"] ?? "")
        var data: [String: Any] = [
            "tariffName": a.tariff.name, "tariffID": a.tariff.id,
            "citations": a.citations.map { ["document": $0.document, "title": $0.title] },
            "rows": rows, "peaks": peaks,
            "saving": Display.number(r.saving) + t(" 元", " CNY"),
            "chart": SVGChart.dispatch(series, legend: legend, title: d["chart"] ?? ""),
        ]
        if let f = a.gridFactor {
            data["avoided"] = Display.number(r.avoidedTonnesCO2, decimals: 3)
            data["factor"] = "\(f.id) \(f.vintage.map(String.init) ?? "") \(f.value) \(f.unitSymbol) — \(f.citation.text)"
        }
        return data
    }
}
