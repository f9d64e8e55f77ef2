import Foundation
import Hummingbird
import ZeroParkInput
import ZeroParkStore
import ZeroParkTelemetry

/// The alert operations of /api/v1 (issue #8 §8; STANDARD.md 1.1.35, 1.1.40, 1.1.33): rules per park,
/// alerts with their history, acknowledge and resolve, and the park's webhook.
extension APIRoutes {
    var alertOperations: [APIOperation] {
        let store = self.store
        return [
            APIOperation(method: .get, path: "/parks/{park}/alert-rules", summary: "Alert rules (tenants: rules on their own enterprise's meters)",
                         access: .parkMember, success: [.ok("Rules", APIDocs.array(APIDocs.object))]) { _, context, _ in
                let park = try context.parameter("park")
                let caller = try context.requireCaller()
                let meters = try await AlertModels.meters(store, park: park, caller: caller)
                return try JSONBody.response(try await store.alertRules(parkKey: park, caller: caller).map {
                    AlertModels.RuleView($0, meter: meters[$0.meter], chinese: context.language == .zh)
                })
            },
            APIOperation(method: .post, path: "/parks/{park}/alert-rules",
                         summary: "Add an alert rule on a meter: above, below, night_baseline, offline or quality_below (park admins and managers)",
                         access: .parkEditor, body: .json(AlertModels.ruleSchema), success: [.created("Created", APIDocs.object)],
                         conflicts: true, semanticChecks: true) { _, context, input in
                let park = try context.parameter("park")
                let caller = try context.requireCaller()
                let rule = try await store.createAlertRule(parkKey: park, rule: try input.decode(AlertModels.RuleBody.self).rule(), caller: caller)
                let meter = try await store.meter(parkKey: park, key: rule.meter, caller: caller)
                return try JSONBody.response(AlertModels.RuleView(rule, meter: meter, chinese: context.language == .zh), status: .created)
            },
            APIOperation(method: .delete, path: "/parks/{park}/alert-rules/{rule}",
                         summary: "Remove an alert rule; its open alerts are resolved, their history stays (park admins and managers)",
                         access: .parkEditor, success: [.deleted]) { _, context, _ in
                try await store.deleteAlertRule(parkKey: try context.parameter("park"), key: try context.parameter("rule"),
                                                caller: try context.requireCaller())
                return Response(status: .noContent)
            },
            APIOperation(method: .get, path: "/parks/{park}/alerts", summary: "Alerts, newest first, with who did what (tenants: their own meters')",
                         access: .parkMember, query: [.alertState], success: [.ok("Alerts", APIDocs.array(APIDocs.object))]) { request, context, _ in
                let state = request.uri.queryParameters.get("state").flatMap(AlertState.init(rawValue:))
                let alerts = try await store.alerts(parkKey: try context.parameter("park"), state: state, caller: try context.requireCaller(), limit: 500)
                return try JSONBody.response(alerts.map { AlertModels.AlertView($0, chinese: context.language == .zh) })
            },
            APIOperation(method: .post, path: "/parks/{park}/alerts/{alert}/acknowledge",
                         summary: "Acknowledge an open alert, with a note (admins, managers; tenants for their own meters)",
                         access: .sourceWriter, body: .json(AlertModels.noteSchema), success: [.ok("The alert", APIDocs.object)],
                         conflicts: true, numericPath: true) { _, context, input in
                let alert = try await store.acknowledgeAlert(parkKey: try context.parameter("park"), id: try AlertModels.alertID(context),
                                                             note: try input.decode(AlertModels.NoteBody.self).note, caller: try context.requireCaller())
                return try JSONBody.response(AlertModels.AlertView(alert, chinese: context.language == .zh))
            },
            APIOperation(method: .post, path: "/parks/{park}/alerts/{alert}/resolve",
                         summary: "Resolve an open or acknowledged alert, with a note (admins, managers; tenants for their own meters)",
                         access: .sourceWriter, body: .json(AlertModels.noteSchema), success: [.ok("The alert", APIDocs.object)],
                         conflicts: true, numericPath: true) { _, context, input in
                let alert = try await store.resolveAlert(parkKey: try context.parameter("park"), id: try AlertModels.alertID(context),
                                                         note: try input.decode(AlertModels.NoteBody.self).note, caller: try context.requireCaller())
                return try JSONBody.response(AlertModels.AlertView(alert, chinese: context.language == .zh))
            },
            APIOperation(method: .get, path: "/parks/{park}/alert-webhook", summary: "The park's alert webhook URL (park admins)",
                         access: .parkAdmin, success: [.ok("The webhook", APIDocs.object)]) { _, context, _ in
                try JSONBody.response(AlertModels.WebhookBody(url: try await store.alertWebhook(parkKey: try context.parameter("park"),
                                                                                                 caller: try context.requireCaller())))
            },
            APIOperation(method: .put, path: "/parks/{park}/alert-webhook",
                         summary: "Set (or clear with null or \"\") the URL opened and resolved alerts are POSTed to (park admins; http/https, no credentials, ≤ 512 characters)",
                         access: .parkAdmin, body: .json(AlertModels.webhookSchema), success: [.ok("The webhook", APIDocs.object)],
                         semanticChecks: true) { _, context, input in
                let park = try context.parameter("park")
                let caller = try context.requireCaller()
                try await store.setAlertWebhook(parkKey: park, url: try input.decode(AlertModels.WebhookBody.self).url, caller: caller)
                return try JSONBody.response(AlertModels.WebhookBody(url: try await store.alertWebhook(parkKey: park, caller: caller)))
            },
        ]
    }
}

extension APIQueryParameter {
    static let alertState = APIQueryParameter(name: "state", schema: .choice(AlertState.allCases.map(\.rawValue)),
                                              summary: "open, acknowledged or resolved (default: all)")
}

/// Request and response bodies of the alert API, and their schemas.
enum AlertModels {
    // Unnamed (inline in the OpenAPI document: a named schema is a $ref to components, which lists RequestBodies.all).
    static let ruleSchema = Schema.object(
        nil, "A rule on one meter (1.1.35, 1.1.40, 1.1.33). above/below: threshold and slots (consecutive intervals, default 1); night_baseline: threshold (the night minimum), from_hour, to_hour (CST, may wrap midnight); offline: slots (intervals without data); quality_below: threshold (completeness 0–1) and hours (default 24)",
        required: ["key", "meter", "kind"], [
            ("key", .key("Unique in the park")),
            ("meter", .key("The meter it watches")),
            ("kind", .choice(AlertRuleKind.allCases.map(\.rawValue))),
            ("threshold", Schema.number(AlertRule.thresholdRange, "In the meter's unit per interval; completeness 0–1 for quality_below").orNull),
            ("slots", Schema.integer(1...100_000, "Consecutive intervals (above/below) or intervals without data (offline)").orNull),
            ("from_hour", Schema.integer(0...23, "Night window start, CST hour").orNull),
            ("to_hour", Schema.integer(0...24, "Night window end, CST hour (exclusive)").orNull),
            ("hours", Schema.integer(1...8_784, "quality_below: the window in hours").orNull),
            ("enabled", Schema.boolean.orNull),
        ])

    static let noteSchema = Schema.object(nil, "What was done, for the alert's history", required: [], [
        ("note", Schema.string(.note).orNull),
    ])

    static let webhookSchema = Schema.object(nil, "The URL opened and resolved alerts are POSTed to; null or \"\" clears it",
                                             required: ["url"], [
        ("url", Schema.string(TextPolicy(maxLength: SQLiteParkStore.maximumWebhookLength)).orNull),
    ])

    struct RuleBody: Decodable, Sendable {
        var key: String
        var meter: String
        var kind: String
        var threshold: Double?
        var slots: Int?
        var fromHour: Int?
        var toHour: Int?
        var hours: Int?
        var enabled: Bool?

        func rule() throws -> AlertRule {
            guard let kind = AlertRuleKind(rawValue: kind) else {
                throw APIError(status: .unprocessableContent, code: "invalid", message: "未知的告警规则类型 / unknown kind", field: "kind")
            }
            return AlertRule(key: key, meter: meter, kind: kind, threshold: threshold, slots: slots, fromHour: fromHour, toHour: toHour,
                             hours: hours, enabled: enabled ?? true)
        }
    }

    struct NoteBody: Decodable, Sendable {
        var note: String?
    }

    struct WebhookBody: Codable, Sendable {
        var url: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(url, forKey: .url)  // null, not absent
        }
    }

    struct RuleView: Encodable, Sendable {
        var key: String
        var meter: String
        var kind: String
        var threshold: Double?
        var slots: Int?
        var fromHour: Int?
        var toHour: Int?
        var hours: Int?
        var enabled: Bool
        var createdAt: String?
        var createdBy: String?
        /// The rule in words, in the request's language.
        var description: String

        init(_ rule: AlertRule, meter: MeterDefinition?, chinese: Bool) {
            key = rule.key
            self.meter = rule.meter
            kind = rule.kind.rawValue
            threshold = rule.threshold
            slots = rule.slots
            fromHour = rule.fromHour
            toHour = rule.toHour
            hours = rule.hours
            enabled = rule.enabled
            createdAt = rule.createdAt
            createdBy = rule.createdBy
            description = AlertText.rule(rule, unit: meter?.unit ?? "", intervalMinutes: meter?.intervalMinutes ?? 15, chinese: chinese)
        }
    }

    struct EventView: Encodable, Sendable {
        var at: String
        var actor: String
        var action: String
        var note: String?
        var status: Int?
    }

    struct AlertView: Encodable, Sendable {
        var id: Int64
        var state: String
        var rule: RuleView
        var meter: String
        var meterName: String
        var unit: String
        var openedAt: String
        var updatedAt: String
        var observedTs: Int64
        /// observed_ts as RFC 3339 with the CST offset.
        var observedAt: String
        var observedValue: Double?
        var observedSlots: Int?
        /// The evidence in words, in the request's language.
        var observed: String
        var events: [EventView]

        init(_ alert: StoredAlert, chinese: Bool) {
            id = alert.id
            state = alert.state.rawValue
            rule = RuleView(alert.rule, meter: alert.meter, chinese: chinese)
            meter = alert.meter.key
            meterName = alert.meter.name
            unit = alert.meter.unit
            openedAt = alert.openedAt
            updatedAt = alert.updatedAt
            observedTs = alert.observedTS
            observedAt = AlertText.rfc3339(alert.observedTS)
            observedValue = alert.observedValue
            observedSlots = alert.observedSlots
            observed = AlertText.observed(alert, chinese: chinese)
            events = alert.events.map { EventView(at: $0.at, actor: $0.actor, action: $0.action, note: $0.note, status: $0.status) }
        }
    }

    /// The `{alert}` path segment as an id (400 unless a positive integer).
    static func alertID(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameter("alert")), id > 0 else {
            throw APIError(status: .badRequest, code: "bad_path", message: context.text("告警编号须为正整数", "the alert id must be a positive integer"),
                           field: "alert")
        }
        return id
    }

    /// The park's meters the caller sees, by key (units and intervals for rule descriptions).
    static func meters(_ store: any ParkRepository, park: String, caller: Caller) async throws -> [String: MeterDefinition] {
        Dictionary(try await store.meters(parkKey: park, caller: caller).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
