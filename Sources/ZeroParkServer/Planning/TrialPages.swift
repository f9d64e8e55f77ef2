import Foundation
import Hummingbird
import Mustache
import ZeroParkCore
import ZeroParkPlanning
import ZeroParkReports
import ZeroParkStore

/// `/parks/{park}/trial` (issue #10 item 6): the declared trial period held to its plan version —
/// findings with their causes, actual against planned net emissions month by month (chart and table),
/// offsets per calendar year — and, for park admins and managers, the declaration form and the way to
/// re-plan from actuals. Every member but tenants reads it (a trial is the park's). No JavaScript.
///
/// Serves STANDARD.md 1.1.9–1.1.10.
struct TrialPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let library: MustacheLibrary?
    let trials: TrialService

    init(store: any ParkRepository, renderer: WebRenderer, inventories: InventoryService) {
        self.store = store
        self.renderer = renderer
        self.library = try? PlanTemplates.library()
        self.trials = TrialService(inventories: inventories)
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("parks/:park/trial") { _, context in try await page(context, form: nil, error: nil) }
        web.downloads("parks/:park/trial") { _, context in try await download(context) }
        web.post("parks/:park/trial") { request, context in try await declare(request, context) }
    }

    /// The trial's months as CSV or XLSX (issue #12 defect 9): planned and actual emissions, sinks and net in
    /// tCO2, unrounded, an empty cell where a month has no actual figure; a one-language header.
    func download(_ context: AppRequestContext) async throws -> TableDownload {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let chinese = context.language == .zh
        guard caller.tenantEnterprise(parkID: park.id) == nil else { throw StoreError.forbidden(TrialText.dictionary(chinese)["noneTenant"] ?? "") }
        guard let report = try await trials.report(parkKey: key, caller: caller) else { throw StoreError.notFound("trial of \(key)") }
        let header = chinese
            ? ["月份", "试运行天数", "已过天数", "计划排放 tCO2", "计划碳汇 tCO2", "计划净排放 tCO2", "实际排放 tCO2", "实际碳汇 tCO2", "实际净排放 tCO2", "缺数据的排放源"]
            : ["month", "trial days", "elapsed days", "planned emissions tCO2", "planned sinks tCO2", "planned net tCO2",
               "actual emissions tCO2", "actual sinks tCO2", "actual net tCO2", "sources without data"]
        let rows = report.progress.months.map { month in
            [month.span.month.description, String(month.span.trialDays), String(month.span.elapsedDays), String(month.plannedEmissions),
             String(month.plannedSinks), String(month.plannedNet), month.actualEmissions.map { String($0) } ?? "", String(month.actualSinks),
             month.actualNet.map { String($0) } ?? "", month.missingSources.map { report.names[$0] ?? $0 }.joined(separator: chinese ? "、" : "; ")]
        }
        return TableDownload(fileName: "zeropark-\(key)-trial", tables: [
            DownloadTable(title: chinese ? "试运行逐月" : "Trial months", header: header, rows: rows, numericColumns: Set(1...8))])
    }

    func page(_ context: AppRequestContext, form: [String: String]?, error: String?) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let chinese = context.language == .zh
        let text = TrialText.dictionary(chinese)
        guard caller.tenantEnterprise(parkID: park.id) == nil else { throw StoreError.forbidden(text["noneTenant"] ?? "") }
        var data: [String: Any] = [
            "r": text, "t": WebText.dictionary(context.language), "csrf": context.csrfToken ?? "", "parkKey": key,
            "name": chinese ? park.profile.name : (park.profile.nameEn ?? park.profile.name), "canEdit": caller.canEditPark(parkID: park.id),
        ]
        var error = error
        var report: TrialService.Report?
        do {
            report = try await trials.report(parkKey: key, caller: caller)
        } catch StoreError.invalid(_, let message) {
            // A plan version the trial cannot read: say so, and keep the form to declare another.
            error = error ?? (chinese ? "所对照的规划版本无法跟踪（保存于缺少分排放源数据的旧版本）：请重新保存规划，再声明试运行期。" : message)
        }
        if let error { data["error"] = error }
        if let report { data["declared"] = Self.report(report, chinese: chinese, text: text) }
        let versions = try await store.plans(parkKey: key, caller: caller)
        let chosen = form?["plan_version"].flatMap(Int.init) ?? report?.declaration.planVersion ?? versions.first?.version
        data["hasVersions"] = !versions.isEmpty
        data["versions"] = versions.map { ["version": $0.version, "reason": $0.reason, "selected": $0.version == chosen] }
        data["formStart"] = form?["start"] ?? report?.declaration.start ?? "\(park.defaultYear + 1)-01-01"
        data["formEnd"] = form?["end"] ?? report?.declaration.end ?? ""
        data["formThreshold"] = form?["threshold"] ?? Display.number((report?.declaration.threshold ?? 0.1) * 100, decimals: 1)
        let body = library?.render(data, withTemplate: "trial") ?? ""
        return renderer.page(body: body, title: text["title"] ?? "", context: context,
                             park: ["key": key, "year": park.defaultYear, "navTrial": true], status: error == nil ? .ok : .unprocessableContent)
    }

    /// Declares the trial period from the form (start; end, blank for one year; plan version; threshold %).
    func declare(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let chinese = context.language == .zh
        guard caller.canEditPark(parkID: park.id) else {
            throw StoreError.forbidden(chinese ? "只有园区管理员和经理可以声明试运行期" : "only park admins and managers declare the trial period")
        }
        let form = try await WebForm.verified(request, context: context)
        func refuse(_ zh: String, _ en: String) async throws -> Response { try await page(context, form: form, error: chinese ? zh : en) }
        guard let start = form["start"].flatMap({ CalendarDate(iso: $0) }) else {
            return try await refuse("开始日期须为 YYYY-MM-DD 格式的日期", "start must be a date, YYYY-MM-DD")
        }
        let endText = (form["end"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let end = endText.isEmpty ? start.yearLater : CalendarDate(iso: endText) else {
            return try await refuse("结束日期须为 YYYY-MM-DD 格式的日期，或留空", "end must be a date, YYYY-MM-DD, or blank")
        }
        guard let version = form["plan_version"].flatMap(Int.init) else { return try await refuse("请选择规划版本", "choose a plan version") }
        guard let percent = form["threshold"].flatMap(Double.init), percent.isFinite, (1...100).contains(percent) else {
            return try await refuse("偏差阈值须为 1 至 100 之间的数（%）", "the threshold must be a number from 1 to 100 (%)")
        }
        do {
            _ = try await trials.declare(parkKey: key, start: start, end: end, planVersion: version, threshold: percent / 100, caller: caller)
        } catch let StoreError.invalid(field, message) {
            let zh: String
            switch field {
            case "end": zh = "试运行期须为一年（365 或 366 天），且结束不早于开始"
            case "plan_version": zh = message.hasPrefix("no plan version") ? "没有该规划版本" : "该规划版本无法跟踪：请重新保存规划"
            default: zh = message
            }
            return try await refuse("\(field)：\(zh)", "\(field): \(message)")
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/trial"])
    }

    static func report(_ report: TrialService.Report, chinese: Bool, text: [String: String]) -> [String: Any] {
        func number(_ value: Double?) -> String { value.map { Display.number($0, decimals: 1) } ?? "—" }
        func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + Display.number(value, decimals: 1) }
        let progress = report.progress
        let findings = progress.findings.map { finding -> [String: Any] in
            let causes = finding.causes.map { cause -> [String: Any] in
                let name = cause.source == TrialTracker.sinksCause ? (text["sinksCause"] ?? "") : (report.names[cause.source] ?? cause.source)
                return ["name": name, "deviation": signed(cause.deviation)]
            }
            return ["id": finding.month?.description ?? "to-date", "label": finding.month?.description ?? (text["toDate"] ?? ""),
                    "css": finding.isAbovePlan ? "warn" : "ok", "direction": (finding.isAbovePlan ? text["above"] : text["below"]) ?? "",
                    "deviation": signed(finding.deviation), "share": (finding.share > 0 ? "+" : "") + Display.percent(finding.share),
                    "planned": number(finding.plannedNet), "actual": number(finding.actualNet), "causes": causes, "hasCauses": !causes.isEmpty]
        }
        let months = progress.months.map { month -> [String: Any] in
            let status: String
            if month.ahead {
                status = text["ahead"] ?? ""
            } else if !month.missingSources.isEmpty {
                status = (text["missingData"] ?? "") + month.missingSources.map { report.names[$0] ?? $0 }.joined(separator: "、")
            } else if month.inProgress {
                status = text["inProgress"] ?? ""
            } else {
                status = text["compared"] ?? ""
            }
            let deviation = month.actualNet.map { $0 - month.plannedNet }
            let share = deviation.flatMap { month.plannedNet != 0 ? $0 / abs(month.plannedNet) : nil }
            return ["month": month.span.month.description, "plannedEmissions": number(month.plannedEmissions),
                    "plannedSinks": number(month.plannedSinks), "plannedNet": number(month.plannedNet),
                    "actualEmissions": number(month.actualEmissions), "actualSinks": month.ahead ? "—" : number(month.actualSinks),
                    "actualNet": number(month.actualNet), "deviation": deviation.map(signed) ?? "—",
                    "share": share.map { ($0 > 0 ? "+" : "") + Display.percent($0) } ?? "—", "status": status]
        }
        let points = progress.months.map { month -> SVGChart.QualityPoint in
            let label = SVGChart.monthLabel(month.span.month.month, chinese: chinese)
            guard let net = month.actualNet else { return .init(label, nil, month.missingSources.isEmpty ? .missing : .flagged) }
            return .init(label, net, month.inProgress ? .estimated : .measured)
        }
        let chart = SVGChart.qualityLine(points, second: SVGChart.Series(text["plannedSeries"] ?? "", progress.months.map(\.plannedNet)),
                                         title: text["chart"] ?? "", unit: "tCO2",
                                         legend: SVGChart.QualityLegend(measured: text["actualMeasured"] ?? "", estimated: text["actualPartial"] ?? "",
                                                                        flagged: text["actualFlagged"] ?? "", missing: text["actualMissing"] ?? ""))
        let declaration = report.declaration
        return [
            "start": declaration.start, "end": declaration.end, "planVersion": declaration.planVersion,
            "threshold": Display.percent(declaration.threshold), "declaredBy": declaration.declaredBy,
            "declaredAt": TelemetryFormat.isoTime(declaration.declaredAt), "through": report.through?.description ?? (text["notStarted"] ?? ""),
            "findings": findings, "hasFindings": !findings.isEmpty, "anyCompared": progress.monthsCompared > 0,
            "months": months, "chart": chart,
            "offsets": report.offsets.map { ["year": $0.year, "planned": number($0.planned), "counted": number($0.counted)] },
        ]
    }
}
