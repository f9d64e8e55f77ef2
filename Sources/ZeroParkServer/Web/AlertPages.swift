import Foundation
import Hummingbird
import Mustache
import ZeroParkStore
import ZeroParkTelemetry

/// The alerts page of a park (issue #8 §8, §10): open, acknowledged and resolved alerts with the meter,
/// the rule in words, the evidence, times in CST and who acknowledged and resolved; acknowledge and
/// resolve with a note; the rules with add and delete; the webhook (park admins). Chinese first,
/// English with ?lang=en. Every form carries the session's CSRF token.
struct AlertPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let library: MustacheLibrary?

    init(store: any ParkRepository, renderer: WebRenderer) {
        self.store = store
        self.renderer = renderer
        self.library = try? AlertTemplates.library()
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("parks/:park/alerts") { request, context in try await page(request, context) }
        web.post("parks/:park/alerts/:alert/acknowledge") { request, context in try await act(request, context, resolve: false) }
        web.post("parks/:park/alerts/:alert/resolve") { request, context in try await act(request, context, resolve: true) }
        web.post("parks/:park/alert-rules") { request, context in try await createRule(request, context) }
        web.post("parks/:park/alert-rules/:rule/delete") { request, context in try await deleteRule(request, context) }
        web.post("parks/:park/alert-webhook") { request, context in try await saveWebhook(request, context) }
    }

    func page(_ request: Request, _ context: AppRequestContext, formError: String? = nil, form: [String: String] = [:],
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let chinese = context.language == .zh
        let role = caller.role(parkID: park.id)
        let meters = try await store.meters(parkKey: key, caller: caller)
        let byKey = Dictionary(meters.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let alerts = try await store.alerts(parkKey: key, state: nil, caller: caller, limit: 300)
        let groups: [[String: Any]] = AlertState.allCases.map { state in
            let rows = alerts.filter { $0.state == state }.map { alertRow($0, caller: caller, parkID: park.id, chinese: chinese) }
            let title: String
            switch state {
            case .open: title = AlertText.dictionary(chinese)["openAlerts"] ?? ""
            case .acknowledged: title = AlertText.dictionary(chinese)["acknowledgedAlerts"] ?? ""
            case .resolved: title = AlertText.dictionary(chinese)["resolvedAlerts"] ?? ""
            }
            return ["state": state.rawValue, "title": title, "count": rows.count, "hasAlerts": !rows.isEmpty,
                    "alerts": rows, "actionable": state != .resolved && role != .viewer && role != .auditor]
        }
        let rules = try await store.alertRules(parkKey: key, caller: caller).map { rule -> [String: Any] in
            let meter = byKey[rule.meter]
            return ["key": rule.key, "meter": rule.meter, "meterName": meter?.name ?? rule.meter, "enabled": rule.enabled,
                    "kind": AlertText.kind(rule.kind, chinese: chinese), "createdBy": rule.createdBy ?? "",
                    "description": AlertText.rule(rule, unit: meter?.unit ?? "", intervalMinutes: meter?.intervalMinutes ?? 15, chinese: chinese)]
        }
        let selectedKind = form["kind"] ?? AlertRuleKind.above.rawValue
        var data: [String: Any] = [
            "a": AlertText.dictionary(chinese), "t": WebText.dictionary(context.language), "csrf": context.csrfToken ?? "",
            "parkKey": key, "name": chinese ? park.profile.name : (park.profile.nameEn ?? park.profile.name),
            "groups": groups, "rules": rules, "hasRules": !rules.isEmpty,
            "canEdit": caller.canEditPark(parkID: park.id), "isAdmin": role == .admin,
            "meters": meters.map { ["key": $0.key, "name": $0.name, "unit": AlertText.unit($0.unit), "selected": $0.key == form["meter"]] },
            "kinds": AlertRuleKind.allCases.map { ["value": $0.rawValue, "label": AlertText.kind($0, chinese: chinese), "selected": $0.rawValue == selectedKind] },
            "form": form,
        ]
        if caller.tenantEnterprise(parkID: park.id) != nil { data["tenantScope"] = true }
        if role == .admin { data["webhook"] = try await store.alertWebhook(parkKey: key, caller: caller) ?? "" }
        if let formError { data["formError"] = formError }
        let body = library?.render(data, withTemplate: "alerts") ?? ""
        let year = request.uri.queryParameters.get("year").flatMap(Int.init) ?? park.defaultYear
        return renderer.page(body: body, title: AlertText.dictionary(chinese)["title"] ?? "", context: context,
                             park: ["key": key, "year": year, "navAlerts": true], status: status)
    }

    func alertRow(_ alert: StoredAlert, caller: Caller, parkID: Int64, chinese: Bool) -> [String: Any] {
        let events = alert.events.map { event -> [String: Any] in
            var row: [String: Any] = ["at": AlertText.cst(iso: event.at), "actor": AlertText.actor(event.actor, chinese: chinese),
                                      "action": AlertText.action(event.action, chinese: chinese)]
            if let note = AlertText.note(event.note, chinese: chinese) { row["note"] = note }
            if let status = event.status { row["status"] = status }
            return row
        }
        return ["id": alert.id, "meter": alert.meter.key, "meterName": alert.meter.name,
                "rule": AlertText.rule(alert.rule, unit: alert.meter.unit, intervalMinutes: alert.meter.intervalMinutes, chinese: chinese),
                "observed": AlertText.observed(alert, chinese: chinese), "openedAt": AlertText.cst(iso: alert.openedAt), "events": events,
                "canAct": alert.state != .resolved && caller.canEditSource(parkID: parkID, enterprise: alert.meter.enterprise),
                "canAcknowledge": alert.state == .open]
    }

    func act(_ request: Request, _ context: AppRequestContext, resolve: Bool) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        guard let id = Int64(try context.parameter("alert")) else { throw StoreError.notFound("alert") }
        do {
            if resolve {
                _ = try await store.resolveAlert(parkKey: key, id: id, note: WebForm.value(form, "note"), caller: caller)
            } else {
                _ = try await store.acknowledgeAlert(parkKey: key, id: id, note: WebForm.value(form, "note"), caller: caller)
            }
        } catch let error as StoreError {
            if case .notFound = error { throw error }
            if case .forbidden = error { throw error }
            return try await page(request, context, formError: WebErrorText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        }
        return back(key)
    }

    func createRule(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        do {
            guard let kind = form["kind"].flatMap(AlertRuleKind.init(rawValue:)) else {
                throw StoreError.invalid(field: "kind", message: "须为以下之一：\(AlertRuleKind.allCases.map(\.rawValue).joined(separator: ", ")) / must be one of: \(AlertRuleKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let chinese = context.language == .zh
            func number(_ field: String) throws -> Double? {
                guard let text = WebForm.value(form, field) else { return nil }
                guard let value = Double(text), value.isFinite else {
                    throw StoreError.invalid(field: field, message: chinese ? "须为数字" : "must be a number")
                }
                return value
            }
            func integer(_ field: String) throws -> Int? {
                guard let text = WebForm.value(form, field) else { return nil }
                guard let value = Int(text) else { throw StoreError.invalid(field: field, message: chinese ? "须为整数" : "must be a whole number") }
                return value
            }
            let rule = AlertRule(key: WebForm.value(form, "key") ?? "", meter: WebForm.value(form, "meter") ?? "", kind: kind,
                                 threshold: try number("threshold"), slots: try integer("slots"), fromHour: try integer("from_hour"),
                                 toHour: try integer("to_hour"), hours: try integer("hours"), enabled: form["enabled"] == "true")
            _ = try await store.createAlertRule(parkKey: key, rule: rule, caller: caller)
        } catch let error as StoreError {
            if case .notFound = error { throw error }
            if case .forbidden = error { throw error }
            var kept = form
            kept["_csrf"] = nil
            return try await page(request, context, formError: WebErrorText.message(error, chinese: context.language == .zh), form: kept, status: .unprocessableContent)
        }
        return back(key)
    }

    func deleteRule(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        _ = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        try await store.deleteAlertRule(parkKey: key, key: try context.parameter("rule"), caller: caller)
        return back(key)
    }

    func saveWebhook(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        do {
            try await store.setAlertWebhook(parkKey: key, url: form["url"], caller: caller)
        } catch let error as StoreError {
            if case .invalid = error {
                return try await page(request, context, formError: WebErrorText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
            }
            throw error
        }
        return back(key)
    }

    func back(_ park: String) -> Response {
        Response(status: .seeOther, headers: [.location: "/parks/\(park)/alerts"])
    }
}
