import Foundation
import Hummingbird
import Mustache
import ZeroParkInput
import ZeroParkReports
import ZeroParkScenario
import ZeroParkStore
import ZeroParkTariff

/// `/parks/{park}/tariff` (issue #9 item 1): the park's time-of-use tariff — set by admins and managers
/// with the prices the park supplies, checked by the same reader as the API — and the monitoring cost
/// of its main grid-import meters over chosen CST days (default this month up to yesterday): energy and
/// cost by period, each month's maximum demand and demand charge, the total and the data completeness.
/// Every member but tenants reads it. No JavaScript.
///
/// Serves STANDARD.md 1.1.36, 1.1.20(e) and 1.1.33.
struct TariffPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let library: MustacheLibrary?
    let service: EnergyCostService

    init(store: any ParkRepository, renderer: WebRenderer) {
        self.store = store
        self.renderer = renderer
        self.library = try? TariffTemplates.library()
        self.service = EnergyCostService(store: store)
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("parks/:park/tariff") { request, context in try await page(request, context, form: nil, problems: [], saved: false) }
        web.downloads("parks/:park/energy-cost") { request, context in try await download(request, context) }
        web.post("parks/:park/tariff") { request, context in
            let caller = try context.requireLogin()
            let form = try await WebForm.verified(request, context: context)
            let json = Self.json(form)
            do {
                _ = try await service.setTariff(parkKey: try context.parameter("park"), json: Array(json.utf8), caller: caller,
                                                now: ReportClock.nowSeconds())
            } catch let error as InputError {
                return try await page(request, context, form: form, problems: error.problems, saved: false, status: .unprocessableContent)
            }
            return try await page(request, context, form: nil, problems: [], saved: true)
        }
    }

    /// The form as the tariff section's JSON: numbers as JSON numbers when they read as numbers (otherwise
    /// as strings, so the reader names the field), empty fields left out.
    static func json(_ form: [String: String]) -> String {
        func value(_ key: String) -> Any? {
            guard let text = WebForm.value(form, key) else { return nil }
            if let number = Double(text), number.isFinite { return number }
            return text
        }
        var tariff: [String: Any] = [:]
        tariff["id"] = WebForm.value(form, "tariff") ?? ""
        tariff["effective_from"] = WebForm.value(form, "effective_from")
        tariff["base_price_cny_per_kwh"] = value("base_price")
        tariff["user_class"] = WebForm.value(form, "user_class")
        tariff["demand_charge_cny_per_kw_month"] = value("demand_charge")
        if let price = value("export_price") {
            var export: [String: Any] = ["price_cny_per_kwh": price, "surplus_only": form["surplus_only"] == "true"]
            export["limit_kw"] = value("export_limit")
            tariff["export"] = export
        }
        if let holidays = WebForm.value(form, "holidays") {
            tariff["holiday_dates"] = holidays.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" }).map(String.init)
        }
        let data = (try? JSONSerialization.data(withJSONObject: tariff, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The stored section as the form's fields.
    static func form(_ json: String) -> [String: String] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return [:] }
        func text(_ value: Any?) -> String? {
            switch value {
            case let s as String: return s
            case let n as NSNumber: return AlertText.number(n.doubleValue)
            default: return nil
            }
        }
        var form: [String: String] = [:]
        form["tariff"] = text(object["id"])
        form["effective_from"] = text(object["effective_from"])
        form["base_price"] = text(object["base_price_cny_per_kwh"])
        form["user_class"] = text(object["user_class"])
        form["demand_charge"] = text(object["demand_charge_cny_per_kw_month"])
        if let export = object["export"] as? [String: Any] {
            form["export_price"] = text(export["price_cny_per_kwh"])
            form["export_limit"] = text(export["limit_kw"])
            form["surplus_only"] = (export["surplus_only"] as? Bool) == true ? "true" : "false"
        }
        form["holidays"] = (object["holiday_dates"] as? [String])?.joined(separator: ", ")
        return form
    }

    /// The caller, the park and the page's words, once the caller may read the park's tariff (members but tenants).
    func access(_ context: AppRequestContext) async throws -> (Caller, String, StoredPark, Bool, [String: String]) {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let chinese = context.language == .zh
        let e = TariffText.dictionary(chinese)
        guard caller.tenantEnterprise(parkID: park.id) == nil else { throw StoreError.forbidden(e["noTenant"] ?? "") }
        return (caller, key, park, chinese, e)
    }

    func page(_ request: Request, _ context: AppRequestContext, form submitted: [String: String]?, problems: [InputProblem],
              saved: Bool, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (caller, key, park, chinese, e) = try await access(context)
        let stored = try await store.parkTariff(parkKey: key, caller: caller)
        var form = submitted ?? stored.map { Self.form($0.json) } ?? [:]
        if form["tariff"] == nil {
            form["tariff"] = BuiltInTariffs.guangdong331ID
            form["base_price"] = String(BuiltInTariffs.guangdongPRDGeneralBelow1kV2021Base)
        }
        var data: [String: Any] = [
            "e": e, "t": WebText.dictionary(context.language), "csrf": context.csrfToken ?? "", "parkKey": key,
            "name": chinese ? park.profile.name : (park.profile.nameEn ?? park.profile.name), "form": form,
            "canEdit": caller.canEditPark(parkID: park.id), "saved": saved,
            "tariffs": BuiltInTariffs.ids.map { ["id": $0, "selected": $0 == form["tariff"]] },
            "surplusOnly": form["surplus_only"] != "false",
            "problems": problems.map { ["message": $0.message(chinese: chinese)] }, "hasProblems": !problems.isEmpty,
        ]
        if let stored, let (tariff, _) = try? await service.tariff(parkKey: key, caller: caller) {
            var name = ""
            if case let .builtIn(id, effective) = tariff.source { name = (try? BuiltInTariffs.tariff(id: id, effectiveFrom: effective).name) ?? id }
            data["setting"] = ["tariffName": name, "tariffID": form["tariff"] ?? "", "updatedAt": TelemetryFormat.isoTime(stored.updatedAt), "updatedBy": stored.updatedBy]
        }
        let now = ReportClock.nowSeconds()
        let (from, to) = try Self.period(request, now: now)
        data["from"] = from.description
        data["to"] = to.description
        if stored != nil {
            do {
                data["cost"] = Self.cost(try await service.cost(parkKey: key, from: from, to: to, caller: caller, now: now), chinese: chinese, text: e)
            } catch let error as InputError {
                data["costError"] = error.problems.map { $0.message(chinese: chinese) }.joined(separator: "；")
            }
        }
        let body = library?.render(data, withTemplate: "tariff") ?? ""
        return renderer.page(body: body, title: e["title"] ?? "", context: context,
                             park: ["key": key, "year": park.defaultYear, "navTariff": true], status: status)
    }

    /// The days of the energy-cost table: `from` and `to` of the query (one day when only `from`), else the
    /// default period.
    static func period(_ request: Request, now: Int64) throws -> (CivilDate, CivilDate) {
        var (from, to) = try EnergyCostService.defaultPeriod(now: now)
        if let text = request.uri.queryParameters.get("from"), let date = CivilDate(iso: text) { from = date; to = date }
        if let text = request.uri.queryParameters.get("to"), let date = CivilDate(iso: text) { to = date }
        return (from, to)
    }

    /// The energy-cost tables of the page's period as CSV or XLSX (issue #12 defect 9): energy and cost per
    /// tariff period and per month with the month's maximum demand, unrounded; the tariff, its citation and
    /// the data completeness in a third table. Park members but tenants, once a tariff is set.
    func download(_ request: Request, _ context: AppRequestContext) async throws -> TableDownload {
        let (caller, key, _, chinese, e) = try await access(context)
        guard try await store.parkTariff(parkKey: key, caller: caller) != nil else { throw StoreError.notFound(e["noTariff"] ?? "tariff") }
        let (from, to) = try Self.period(request, now: ReportClock.nowSeconds())
        let outcome = try await service.cost(parkKey: key, from: from, to: to, caller: caller, now: ReportClock.nowSeconds())
        let report = outcome.report, b = report.breakdown
        func word(_ key: String) -> String { e[key] ?? key }
        let number = DownloadTable.number
        let periods = TariffPeriod.allCases.sorted { $0.rank > $1.rank }.compactMap { p -> [String]? in
            guard let kwh = b.importKWhByPeriod[p] else { return nil }
            let cny = b.energyCostByPeriod[p] ?? 0
            return [chinese ? p.chineseName : p.rawValue, number(kwh), number(cny), kwh > 0 ? number(cny / kwh) : ""]
        } + [[word("total"), number(b.importKWh), number(b.energyCostCNY), b.importKWh > 0 ? number(b.energyCostCNY / b.importKWh) : ""]]
        let months = b.months.map { m in
            [m.month.description, number(m.importKWh), number(m.energyCostCNY), number(m.maxDemandKW),
             m.maxDemandStep.map { SeriesCSV.cst(report.horizon.instant(ofStep: $0)) } ?? "", number(m.demandChargeRate), number(m.demandChargeCNY)]
        }
        let total = b.energyCostCNY + b.demandChargeCNY
        let about: [[String]] = [
            [word("tariff"), "\(report.tariff.name) (\(report.tariff.id))"],
            [word("source"), report.citations.map { "\($0.document)《\($0.title)》" }.joined(separator: "；")],
            [word("from"), from.description], [word("to"), to.description],
            [word("metersUsed"), report.meters.joined(separator: chinese ? "、" : ", ")],
            [word("completeness"), number(outcome.completeShare)],
            [word("total") + (chinese ? "（元）" : " (CNY)"), number(total)],
        ]
        return TableDownload(fileName: "zeropark-\(key)-energy-cost-\(from)-\(to)", tables: [
            DownloadTable(title: word("period"), header: [word("period"), word("kwh"), word("cny"), word("avgPrice")], rows: periods,
                          numericColumns: [1, 2, 3]),
            DownloadTable(title: word("month"), header: [word("month"), word("kwh"), word("energyTotal"), word("maxDemand"), word("maxDemandAt"),
                                                         word("demandRate"), word("demandCharge2")], rows: months, numericColumns: [1, 2, 3, 5, 6]),
            DownloadTable(title: word("costHeading"), header: [chinese ? "项目" : "item", chinese ? "内容" : "value"], rows: about),
        ])
    }

    static func cost(_ o: EnergyCostService.Outcome, chinese: Bool, text e: [String: String]) -> [String: Any] {
        let r = o.report, b = r.breakdown
        func money(_ x: Double) -> String { Display.number(x) }
        let periods: [[String: String]] = TariffPeriod.allCases.sorted { $0.rank > $1.rank }.compactMap { p in
            guard let kwh = b.importKWhByPeriod[p] else { return nil }
            let cny = b.energyCostByPeriod[p] ?? 0
            return ["name": chinese ? p.chineseName : p.rawValue, "kwh": Display.number(kwh, decimals: 1), "cny": money(cny),
                    "avg": kwh > 0 ? Display.number(cny / kwh, decimals: 4) : "—"]
        }
        let months: [[String: String]] = b.months.map {
            ["month": $0.month.description, "kwh": Display.number($0.importKWh, decimals: 1), "energy": money($0.energyCostCNY),
             "maxDemand": Display.number($0.maxDemandKW, decimals: 1),
             "at": $0.maxDemandStep.map { SeriesCSV.cst(r.horizon.instant(ofStep: $0)) } ?? "—",
             "rate": Display.number($0.demandChargeRate), "demand": money($0.demandChargeCNY)]
        }
        let total = b.energyCostCNY + b.demandChargeCNY
        var data: [String: Any] = [
            "tariffName": r.tariff.name, "tariffID": r.tariff.id,
            "citations": r.citations.map { ["document": $0.document, "title": $0.title] },
            "meters": r.meters.joined(separator: "、"), "completeness": Display.percent(o.completeShare),
            "periods": periods, "months": months, "kwh": Display.number(b.importKWh, decimals: 1), "energy": money(b.energyCostCNY),
            "energyAvg": b.importKWh > 0 ? Display.number(b.energyCostCNY / b.importKWh, decimals: 4) : "—",
            "total": money(total), "totalAvg": b.importKWh > 0 ? Display.number(total / b.importKWh, decimals: 4) : "—",
            "yuan": chinese ? "元" : "CNY",
        ]
        if o.incompleteSteps > 0 {
            data["incomplete"] = (e["incomplete"] ?? "").replacingOccurrences(of: "{n}", with: String(o.incompleteSteps))
        }
        return data
    }
}
