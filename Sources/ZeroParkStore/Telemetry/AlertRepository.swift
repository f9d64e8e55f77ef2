import ZeroParkTelemetry

/// Alerts on meters (issue #8 §8; STANDARD.md 1.1.35 leak detection and control of energy use,
/// 1.1.40 early warning on pollutant discharge and occupational-hazard points, 1.1.33 data quality):
/// rules per park, alerts with their states open → acknowledged → resolved and every transition as
/// an event with its actor, the park's webhook, and the system's evaluation. A protocol beside
/// `TelemetryRepository` so that a PostgreSQL implementation can follow.
public protocol AlertRepository: Sendable {
    /// The park's rules the caller may see (tenants: rules on their own enterprise's meters), by key.
    func alertRules(parkKey: String, caller: Caller) async throws -> [AlertRule]
    /// Adds a rule (park admins and managers).
    func createAlertRule(parkKey: String, rule: AlertRule, caller: Caller) async throws -> AlertRule
    /// Removes a rule (park admins and managers); its open alerts are resolved, their history stays.
    func deleteAlertRule(parkKey: String, key: String, caller: Caller) async throws
    /// Alerts the caller may see, newest first, optionally in one state.
    func alerts(parkKey: String, state: AlertState?, caller: Caller, limit: Int) async throws -> [StoredAlert]
    /// One alert with its events (404 when the caller may not see it).
    func alert(parkKey: String, id: Int64, caller: Caller) async throws -> StoredAlert
    /// open → acknowledged (admins, managers; tenants for their own meters' alerts).
    func acknowledgeAlert(parkKey: String, id: Int64, note: String?, caller: Caller) async throws -> StoredAlert
    /// open or acknowledged → resolved (admins, managers; tenants for their own meters' alerts).
    func resolveAlert(parkKey: String, id: Int64, note: String?, caller: Caller) async throws -> StoredAlert
    /// The park's webhook URL (park admins).
    func alertWebhook(parkKey: String, caller: Caller) async throws -> String?
    /// Sets or clears (nil or empty) the park's webhook URL (park admins): http or https, a host,
    /// no credentials, at most 512 characters.
    func setAlertWebhook(parkKey: String, url: String?, caller: Caller) async throws
    /// The system's evaluation of every enabled rule at `now` (Unix seconds): opens and auto-resolves.
    func evaluateAlerts(now: Int64) async throws -> AlertEvaluation
    /// Opened and resolved events still to be delivered to their park's webhook, oldest first.
    func pendingAlertDeliveries(limit: Int) async throws -> [AlertDelivery]
    /// Records a delivery attempt (an event `webhook` with the HTTP status or the error) and clears
    /// the pending mark.
    func recordAlertDelivery(_ delivery: AlertDelivery, status: Int?, error: String?, now: Int64) async throws
}

extension SQLiteParkStore: AlertRepository {}

/// What a rule watches for.
public enum AlertRuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The cleaned value above `threshold` for `slots` consecutive intervals.
    case above
    /// The cleaned value below `threshold` for `slots` consecutive intervals.
    case below
    /// Leak: the night window's [from_hour, to_hour) minimum stays above `threshold`.
    case nightBaseline = "night_baseline"
    /// No reading for `slots` intervals.
    case offline
    /// Completeness over the last `hours` hours below `threshold` (0…1).
    case qualityBelow = "quality_below"
}

/// An alert's state.
public enum AlertState: String, Sendable, Hashable, Codable, CaseIterable {
    case open, acknowledged, resolved
}

/// A rule on one meter. Only the fields its kind uses are kept (the others are stored as nil).
public struct AlertRule: Sendable, Equatable, Codable {
    public var key: String
    public var meter: String
    public var kind: AlertRuleKind
    public var threshold: Double?
    public var slots: Int?
    public var fromHour: Int?
    public var toHour: Int?
    public var hours: Int?
    public var enabled: Bool
    public var createdAt: String?
    public var createdBy: String?

    public init(key: String, meter: String, kind: AlertRuleKind, threshold: Double? = nil, slots: Int? = nil,
                fromHour: Int? = nil, toHour: Int? = nil, hours: Int? = nil, enabled: Bool = true,
                createdAt: String? = nil, createdBy: String? = nil) {
        self.key = key
        self.meter = meter
        self.kind = kind
        self.threshold = threshold
        self.slots = slots
        self.fromHour = fromHour
        self.toHour = toHour
        self.hours = hours
        self.enabled = enabled
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    enum CodingKeys: String, CodingKey {
        case key, meter, kind, threshold, slots, hours, enabled
        case fromHour = "from_hour", toHour = "to_hour", createdAt = "created_at", createdBy = "created_by"
    }

    /// Longest run an above/below rule may ask for: 31 days of intervals.
    public static let maximumRunDays = 31
    /// Bound of a threshold's magnitude (the readings' own bound).
    public static let thresholdRange: ClosedRange<Double> = -1e12...1e12

    /// The evaluator's condition; nil when a field the kind needs is absent.
    public var condition: AlertCondition? {
        switch kind {
        case .above: return threshold.map { .above($0, forSlots: slots ?? 1) }
        case .below: return threshold.map { .below($0, forSlots: slots ?? 1) }
        case .nightBaseline:
            guard let threshold, let fromHour, let toHour else { return nil }
            return .nightBaseline(fromHour: fromHour, toHour: toHour, minimum: threshold)
        case .offline: return slots.map { .offline(slots: $0) }
        case .qualityBelow: return threshold.map { .qualityBelow(completeness: $0, overHours: hours ?? 24) }
        }
    }

    /// The rule with only its kind's fields, defaults filled in (slots 1 for above/below, 24 h for
    /// quality), each checked against its range for a meter of `intervalMinutes`.
    func validated(intervalMinutes: Int) throws -> AlertRule {
        try StoreChecks.key(key, "key")
        try StoreChecks.key(meter, "meter")
        var rule = AlertRule(key: key, meter: meter, kind: kind, enabled: enabled)
        func required<T>(_ value: T?, _ field: String) throws -> T {
            guard let value else { throw StoreError.invalid(field: field, message: "\(kind.rawValue) 规则必须填写此项 / is required for a \(kind.rawValue) rule") }
            return value
        }
        let slotsPerDay = 1_440 / max(1, intervalMinutes)
        switch kind {
        case .above, .below:
            let x = try required(threshold, "threshold")
            try StoreChecks.number(x, "threshold", Self.thresholdRange)
            let n = slots ?? 1
            try StoreChecks.integer(n, "slots", 1...(slotsPerDay * Self.maximumRunDays))
            rule.threshold = x
            rule.slots = n
        case .nightBaseline:
            let x = try required(threshold, "threshold")
            try StoreChecks.number(x, "threshold", Self.thresholdRange)
            let from = try required(fromHour, "from_hour"), to = try required(toHour, "to_hour")
            try StoreChecks.integer(from, "from_hour", 0...23)
            try StoreChecks.integer(to, "to_hour", 0...24)
            guard from != to % 24 else { throw StoreError.invalid(field: "to_hour", message: "夜间时段不能为空（起止小时相同） / the night window must not be empty") }
            rule.threshold = x
            rule.fromHour = from
            rule.toHour = to
        case .offline:
            let n = try required(slots, "slots")
            try StoreChecks.integer(n, "slots", 1...100_000)
            rule.slots = n
        case .qualityBelow:
            let c = try required(threshold, "threshold")
            guard c.isFinite, c > 0, c <= 1 else {
                throw StoreError.invalid(field: "threshold", message: "完整率须大于 0 且不超过 1，实际为 \(c) / completeness must be above 0 and at most 1, got \(c)")
            }
            let h = hours ?? 24
            try StoreChecks.integer(h, "hours", 1...(24 * 366))
            rule.threshold = c
            rule.hours = h
        }
        guard let condition = rule.condition else { throw StoreError.invalid(field: "kind", message: "规则不完整 / incomplete rule") }
        do { try condition.validate() } catch { throw StoreError.invalid(field: "kind", message: "规则条件无效：\(error) / invalid condition: \(error)") }
        return rule
    }
}

/// One transition or delivery of an alert.
public struct AlertEventRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var at: String
    /// The user's name, or `system` for evaluation and webhook deliveries.
    public var actor: String
    /// opened, acknowledged, resolved or webhook.
    public var action: String
    public var note: String?
    /// webhook: the HTTP status (nil when the request failed; the note says why).
    public var status: Int?
}

/// An alert with its rule as it was when it opened, the meter, the evidence and the history.
public struct StoredAlert: Sendable, Equatable, Codable {
    public var id: Int64
    public var state: AlertState
    public var rule: AlertRule
    public var meter: MeterDefinition
    public var openedAt: String
    public var updatedAt: String
    /// Start of the evidence (AlertFinding.ts, Unix seconds).
    public var observedTS: Int64
    /// AlertFinding.observed: peak, lowest, night minimum, intervals offline or completeness.
    public var observedValue: Double?
    /// AlertFinding.slots: intervals the evidence covers.
    public var observedSlots: Int?
    public var events: [AlertEventRecord]

    /// The event that acknowledged it, if any.
    public var acknowledged: AlertEventRecord? { events.last { $0.action == "acknowledged" } }
    /// The event that resolved it, if any.
    public var resolved: AlertEventRecord? { events.last { $0.action == "resolved" } }
}

/// What one evaluation did: the alerts it opened and those it resolved (ids).
public struct AlertEvaluation: Sendable, Equatable {
    public var opened: [Int64] = []
    public var resolved: [Int64] = []
    public init(opened: [Int64] = [], resolved: [Int64] = []) {
        self.opened = opened
        self.resolved = resolved
    }
}

/// An opened or resolved event to deliver to a park's webhook.
public struct AlertDelivery: Sendable, Equatable {
    public var eventID: Int64
    public var parkKey: String
    public var url: String
    /// The event: opened or resolved, when, by whom, with what note.
    public var event: AlertEventRecord
    public var alert: StoredAlert
}
