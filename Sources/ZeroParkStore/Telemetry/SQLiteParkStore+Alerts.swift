import Foundation
import GRDB
import ZeroParkInput
import ZeroParkTelemetry

/// Alert rules, alerts and their events, the park's webhook, and the system's evaluation (issue #8 §8).
///
/// - Rules: admins and managers write; every member reads; tenants see only rules on their own
///   enterprise's meters (another enterprise's rule or meter is "not found").
/// - Alerts: open → acknowledged → resolved, each transition an `alert_event` row with its actor and an
///   audit-log entry; admins and managers act on any alert, tenants on their own meters' alerts.
/// - Evaluation (`evaluateAlerts(now:)`): reads in a snapshot, judges with the pure `AlertEvaluator`, then
///   writes in one short transaction, so ingest is never held up. An alert opens when a rule's condition
///   holds, no open or acknowledged alert of the rule exists and the condition did not already hold at the
///   previous evaluation (an alert resolved by hand is not reopened until the condition clears); an open or
///   acknowledged alert is resolved by `system` when the condition no longer holds.
/// - "Holds" per kind: above/below — the latest run of ≥ N intervals reaches the latest interval with a
///   value; night_baseline — the latest ended night window's minimum is above the threshold; offline — no
///   reading for N intervals; quality_below — completeness over the window is below the threshold.
extension SQLiteParkStore {
    public static let systemActor = "system"
    /// Longest webhook URL.
    public static let maximumWebhookLength = 512

    // MARK: - Rules

    public func alertRules(parkKey: String, caller: Caller) async throws -> [AlertRule] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.ruleRows(db, parkID: park.id)
                .filter { caller.canSeeSource(parkID: park.id, enterprise: $0.meterEnterprise) }
                .map(\.rule)
        }
    }

    public func createAlertRule(parkKey: String, rule input: AlertRule, caller: Caller) async throws -> AlertRule {
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("only park admins and managers set alert rules") }
            let meter: MeterRow
            do { meter = try Self.visibleMeter(db, park: park, key: input.meter, caller: caller) } catch {
                throw StoreError.invalid(field: "meter", message: "园区 \(park.key) 没有计量表 \(input.meter) / no meter \(input.meter) in park \(park.key)")
            }
            var rule = try input.validated(intervalMinutes: meter.definition.intervalMinutes)
            if try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM alert_rule WHERE park_id = ? AND key = ?)",
                                 arguments: [park.id, rule.key]) ?? false {
                throw StoreError.conflict("告警规则 \(rule.key) 已存在 / alert rule \(rule.key) exists")
            }
            rule.createdAt = at
            rule.createdBy = caller.username
            try db.execute(sql: """
                INSERT INTO alert_rule (park_id, key, meter_id, kind, threshold, slots, from_hour, to_hour, hours, enabled, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [park.id, rule.key, meter.id, rule.kind.rawValue, rule.threshold, rule.slots, rule.fromHour, rule.toHour,
                                 rule.hours, rule.enabled, at, caller.username])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "alert_rule", key: rule.key,
                           action: "create", before: nil, after: Self.json(rule))
            return rule
        }
    }

    public func deleteAlertRule(parkKey: String, key: String, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard let row = try Self.ruleRows(db, parkID: park.id, key: key).first,
                  caller.canSeeSource(parkID: park.id, enterprise: row.meterEnterprise) else {
                throw StoreError.notFound("alert rule \(key)")
            }
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("only park admins and managers remove alert rules") }
            // Its alerts keep their history; open ones are resolved by whoever removed the rule.
            let active = try Int64.fetchAll(db, sql: "SELECT id FROM alert WHERE rule_id = ? AND state != 'resolved'", arguments: [row.id])
            let hook = try Self.webhook(db, parkID: park.id) != nil
            for id in active {
                try Self.transition(db, alertID: id, to: .resolved, actor: caller.username, note: "rule \(key) removed", at: at, webhook: hook)
            }
            try db.execute(sql: "DELETE FROM alert_rule WHERE id = ?", arguments: [row.id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "alert_rule", key: key,
                           action: "delete", before: Self.json(row.rule), after: nil)
        }
    }

    struct RuleRow {
        let id: Int64
        let parkID: Int64
        let meterID: Int64
        let meterEnterprise: String?
        let firing: Bool
        let rule: AlertRule
    }

    static func ruleRows(_ db: Database, parkID: Int64, key: String? = nil) throws -> [RuleRow] {
        var sql = """
            SELECT r.*, m.key AS meter_key, m.enterprise AS meter_enterprise FROM alert_rule r JOIN meter m ON m.id = r.meter_id
            WHERE r.park_id = ?
            """
        var arguments: StatementArguments = [parkID]
        if let key {
            sql += " AND r.key = ?"
            arguments += [key]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY r.key", arguments: arguments).compactMap(ruleRow)
    }

    static func ruleRow(_ row: Row) -> RuleRow? {
        guard let kind = AlertRuleKind(rawValue: row["kind"]) else { return nil }
        let rule = AlertRule(key: row["key"], meter: row["meter_key"], kind: kind, threshold: row["threshold"], slots: row["slots"],
                             fromHour: row["from_hour"], toHour: row["to_hour"], hours: row["hours"], enabled: row["enabled"],
                             createdAt: row["created_at"], createdBy: row["created_by"])
        return RuleRow(id: row["id"], parkID: row["park_id"], meterID: row["meter_id"], meterEnterprise: row["meter_enterprise"],
                       firing: row["firing"], rule: rule)
    }

    // MARK: - Alerts

    public func alerts(parkKey: String, state: AlertState?, caller: Caller, limit: Int = 200) async throws -> [StoredAlert] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            var sql = "SELECT a.*, m.enterprise AS meter_enterprise FROM alert a JOIN meter m ON m.id = a.meter_id WHERE a.park_id = ?"
            var arguments: StatementArguments = [park.id]
            if let state {
                sql += " AND a.state = ?"
                arguments += [state.rawValue]
            }
            if let enterprise = caller.tenantEnterprise(parkID: park.id) {
                sql += " AND m.enterprise = ?"
                arguments += [enterprise]
            }
            sql += " ORDER BY a.id DESC LIMIT ?"
            arguments += [max(0, min(limit, 1_000))]
            return try Self.storedAlerts(db, rows: Row.fetchAll(db, sql: sql, arguments: arguments))
        }
    }

    public func alert(parkKey: String, id: Int64, caller: Caller) async throws -> StoredAlert {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.visibleAlert(db, park: park, id: id, caller: caller)
        }
    }

    public func acknowledgeAlert(parkKey: String, id: Int64, note: String?, caller: Caller) async throws -> StoredAlert {
        try await act(parkKey: parkKey, id: id, note: note, caller: caller, to: .acknowledged)
    }

    public func resolveAlert(parkKey: String, id: Int64, note: String?, caller: Caller) async throws -> StoredAlert {
        try await act(parkKey: parkKey, id: id, note: note, caller: caller, to: .resolved)
    }

    private func act(parkKey: String, id: Int64, note input: String?, caller: Caller, to state: AlertState) async throws -> StoredAlert {
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            let alert = try Self.visibleAlert(db, park: park, id: id, caller: caller)
            guard caller.canEditSource(parkID: park.id, enterprise: alert.meter.enterprise) else {
                throw StoreError.forbidden("only park admins, managers and the meter's enterprise act on alerts")
            }
            let note = input?.trimmingCharacters(in: .whitespacesAndNewlines)
            try StoreChecks.text(note, "note", .note)
            switch (alert.state, state) {
            case (.open, .acknowledged), (.open, .resolved), (.acknowledged, .resolved): break
            default: throw StoreError.conflict("告警 \(id) 当前为 \(alert.state.rawValue)，不能变为 \(state.rawValue) / alert \(id) is \(alert.state.rawValue): it cannot become \(state.rawValue)")
            }
            try Self.transition(db, alertID: id, to: state, actor: caller.username, note: note.flatMap { $0.isEmpty ? nil : $0 }, at: at,
                                webhook: try Self.webhook(db, parkID: park.id) != nil)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "alert", key: String(id),
                           action: state == .resolved ? "resolve" : "acknowledge",
                           before: alert.state.rawValue, after: Self.json(["state": state.rawValue, "note": note ?? ""]))
            return try Self.visibleAlert(db, park: park, id: id, caller: caller)
        }
    }

    /// Moves an alert to `state` with its event. Opened and resolved events are marked for the webhook
    /// when the park has one.
    static func transition(_ db: Database, alertID: Int64, to state: AlertState, actor: String, note: String?, at: String,
                           webhook: Bool) throws {
        try db.execute(sql: "UPDATE alert SET state = ?, updated_at = ? WHERE id = ?", arguments: [state.rawValue, at, alertID])
        try db.execute(sql: "INSERT INTO alert_event (alert_id, at, actor, action, note, webhook_pending) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [alertID, at, actor, state.rawValue, note, webhook && state == .resolved])
    }

    static func visibleAlert(_ db: Database, park: ParkRow, id: Int64, caller: Caller) throws -> StoredAlert {
        guard let row = try Row.fetchOne(db, sql: """
                SELECT a.*, m.enterprise AS meter_enterprise FROM alert a JOIN meter m ON m.id = a.meter_id WHERE a.id = ? AND a.park_id = ?
                """, arguments: [id, park.id]),
              caller.canSeeSource(parkID: park.id, enterprise: row["meter_enterprise"]),
              let alert = try storedAlerts(db, rows: [row]).first else {
            throw StoreError.notFound("alert \(id)")
        }
        return alert
    }

    /// Alerts from their rows, each with its meter and events.
    static func storedAlerts(_ db: Database, rows: [Row]) throws -> [StoredAlert] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map { $0["id"] as Int64 }
        var events: [Int64: [AlertEventRecord]] = [:]
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        for row in try Row.fetchAll(db, sql: "SELECT * FROM alert_event WHERE alert_id IN (\(placeholders)) ORDER BY id",
                                    arguments: StatementArguments(ids)) {
            let alertID: Int64 = row["alert_id"]
            events[alertID, default: []].append(
                AlertEventRecord(id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], note: row["note"], status: row["status"]))
        }
        var meters: [Int64: MeterDefinition] = [:]
        let decoder = JSONDecoder()
        return try rows.compactMap { row in
            let meterID: Int64 = row["meter_id"]
            if meters[meterID] == nil, let meterRow = try Row.fetchOne(db, sql: "SELECT * FROM meter WHERE id = ?", arguments: [meterID]) {
                meters[meterID] = Self.meterRow(meterRow)?.definition
            }
            guard let meter = meters[meterID], let state = AlertState(rawValue: row["state"]),
                  let rule = try? decoder.decode(AlertRule.self, from: Data((row["rule"] as String).utf8)) else { return nil }
            let id: Int64 = row["id"]
            return StoredAlert(id: id, state: state, rule: rule, meter: meter, openedAt: row["opened_at"], updatedAt: row["updated_at"],
                               observedTS: row["observed_ts"], observedValue: row["observed_value"], observedSlots: row["observed_slots"],
                               events: events[id] ?? [])
        }
    }

    // MARK: - Webhook

    public func alertWebhook(parkKey: String, caller: Caller) async throws -> String? {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.role(parkID: park.id) == .admin else { throw StoreError.forbidden("the alert webhook is for park admins") }
            return try Self.webhook(db, parkID: park.id)
        }
    }

    public func setAlertWebhook(parkKey: String, url input: String?, caller: Caller) async throws {
        let at = timestamp()
        let url = try Self.validatedWebhook(input)
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.role(parkID: park.id) == .admin else { throw StoreError.forbidden("the alert webhook is set by park admins") }
            let before = try Self.webhook(db, parkID: park.id)
            try db.execute(sql: "UPDATE park SET alert_webhook = ? WHERE id = ?", arguments: [url, park.id])
            if url == nil {
                // Nothing left to deliver to: events waiting for the old webhook are dropped.
                try db.execute(sql: """
                    UPDATE alert_event SET webhook_pending = 0 WHERE webhook_pending = 1 AND alert_id IN (SELECT id FROM alert WHERE park_id = ?)
                    """, arguments: [park.id])
            }
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "alert_webhook", key: park.key,
                           action: "update", before: before, after: url)
        }
    }

    static func webhook(_ db: Database, parkID: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT alert_webhook FROM park WHERE id = ?", arguments: [parkID])
    }

    /// nil for nil or blank; otherwise an http(s) URL with a host, without user or password, ≤ 512 characters.
    public static func validatedWebhook(_ input: String?) throws -> String? {
        guard let text = input?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.count <= maximumWebhookLength else {
            throw StoreError.invalid(field: "url", message: "至多 \(maximumWebhookLength) 个字符，实际 \(text.count) 个 / at most \(maximumWebhookLength) characters, got \(text.count)")
        }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw StoreError.invalid(field: "url", message: "须为不含空格的可打印 ASCII 字符（其余字符请百分号编码） / must be printable ASCII without spaces (percent-encode the rest)")
        }
        guard let separator = text.range(of: "://") else { throw StoreError.invalid(field: "url", message: "须为 http 或 https 网址 / must be an http or https URL") }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw StoreError.invalid(field: "url", message: "只接受 http 与 https，实际为 \(scheme) / only http and https, got \(scheme)")
        }
        let rest = text[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else { throw StoreError.invalid(field: "url", message: "不能包含用户名或密码 / must not carry a user name or password") }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
              components.user == nil, components.password == nil else {
            throw StoreError.invalid(field: "url", message: "须写明主机名 / must name a host")
        }
        return text
    }

    // MARK: - Evaluation

    /// What the evaluation needs of one rule: its row, its meter and the meter's recent data.
    struct RuleInput: Sendable {
        let ruleID: Int64
        let firing: Bool
        let condition: AlertCondition
        let spec: MeterSpec
        let days: [MeterDay]
        let lastReading: Int64?
        let rule: AlertRule
    }

    public func evaluateAlerts(now: Int64) async throws -> AlertEvaluation {
        let inputs = try await pool.read { db in try Self.evaluationInputs(db, now: now) }
        let verdicts = inputs.map { ($0, Self.holding($0, now: now)) }
        let at = Self.isoTime(now)
        return try await pool.write { db in
            var result = AlertEvaluation()
            for (input, finding) in verdicts {
                guard let row = try Row.fetchOne(db, sql: "SELECT park_id, meter_id, enabled, firing FROM alert_rule WHERE id = ?",
                                                 arguments: [input.ruleID]), row["enabled"] as Bool else { continue }
                let parkID: Int64 = row["park_id"]
                let wasFiring: Bool = row["firing"]
                let active = try Int64.fetchOne(db, sql: "SELECT id FROM alert WHERE rule_id = ? AND state != 'resolved' ORDER BY id DESC LIMIT 1",
                                                arguments: [input.ruleID])
                let hook = try Self.webhook(db, parkID: parkID) != nil
                if let finding {
                    if active == nil, !wasFiring {
                        try db.execute(sql: """
                            INSERT INTO alert (park_id, rule_id, rule_key, rule, meter_id, state, opened_at, observed_ts, observed_value, observed_slots, updated_at)
                            VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)
                            """, arguments: [parkID, input.ruleID, input.rule.key, Self.json(input.rule) ?? "{}", row["meter_id"] as Int64, at,
                                             finding.ts, finding.observed.flatMap { $0.isFinite ? $0 : nil }, finding.slots, at])
                        let id = db.lastInsertedRowID
                        try db.execute(sql: "INSERT INTO alert_event (alert_id, at, actor, action, note, webhook_pending) VALUES (?, ?, ?, 'opened', NULL, ?)",
                                       arguments: [id, at, Self.systemActor, hook])
                        result.opened.append(id)
                    }
                    if !wasFiring { try db.execute(sql: "UPDATE alert_rule SET firing = 1 WHERE id = ?", arguments: [input.ruleID]) }
                } else {
                    if let active {
                        try Self.transition(db, alertID: active, to: .resolved, actor: Self.systemActor,
                                            note: "condition no longer holds", at: at, webhook: hook)
                        result.resolved.append(active)
                    }
                    if wasFiring { try db.execute(sql: "UPDATE alert_rule SET firing = 0 WHERE id = ?", arguments: [input.ruleID]) }
                }
            }
            return result
        }
    }

    static func evaluationInputs(_ db: Database, now: Int64) throws -> [RuleInput] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.*, m.key AS meter_key, m.enterprise AS meter_enterprise FROM alert_rule r JOIN meter m ON m.id = r.meter_id
            WHERE r.enabled = 1 ORDER BY r.id
            """)
        let nowDay = CSTDays.day(now)
        var inputs: [RuleInput] = []
        for row in rows {
            guard let rule = ruleRow(row), let condition = rule.rule.condition,
                  let stored = try Row.fetchOne(db, sql: "SELECT * FROM meter WHERE id = ?", arguments: [rule.meterID]),
                  let meter = meterRow(stored) else { continue }
            let spec = meter.definition.spec
            let slotsPerDay = Int32(spec.slotsPerDay ?? 96)
            let back: Int32
            switch condition {
            case .above(_, let n), .below(_, let n): back = Int32(min(n, Int(slotsPerDay) * AlertRule.maximumRunDays)) / slotsPerDay + 2
            case .nightBaseline: back = 2
            case .offline: back = -1
            case .qualityBelow(_, let hours): back = Int32(min(hours, 24 * 366) / 24 + 1)
            }
            var days: [MeterDay] = []
            if back >= 0 {
                days = try Row.fetchAll(db, sql: "SELECT day, slot_values, quality FROM meter_day WHERE meter_id = ? AND day BETWEEN ? AND ? ORDER BY day",
                                        arguments: [rule.meterID, nowDay - back, nowDay]).compactMap(meterDay)
            }
            let last = try Int64.fetchOne(db, sql: "SELECT max(ts) FROM reading WHERE meter_id = ?", arguments: [rule.meterID])
            inputs.append(RuleInput(ruleID: rule.id, firing: rule.firing, condition: condition, spec: spec, days: days,
                                    lastReading: last, rule: rule.rule))
        }
        return inputs
    }

    /// The finding when the rule's condition holds at `now`, else nil. For above/below the evaluator's
    /// latest run must reach the latest interval that has a value (a run that has ended does not hold).
    static func holding(_ input: RuleInput, now: Int64) -> AlertFinding? {
        guard let finding = AlertEvaluator.evaluate(input.condition, spec: input.spec, days: input.days,
                                                    lastReadingTS: input.lastReading, now: now) else { return nil }
        switch input.condition {
        case .above, .below:
            let slot = Int64(input.spec.intervalMinutes * 60)
            guard let latest = latestValuedSlot(input.days, slotSeconds: slot, now: now) else { return nil }
            return finding.ts + Int64(finding.slots) * slot == latest + slot ? finding : nil
        default:
            return finding
        }
    }

    /// Start of the latest slot with a value whose end is ≤ now.
    static func latestValuedSlot(_ days: [MeterDay], slotSeconds: Int64, now: Int64) -> Int64? {
        for day in days.sorted(by: { $0.day > $1.day }) {
            let start = CSTDays.start(day.day)
            for index in stride(from: day.values.count - 1, through: 0, by: -1) {
                let ts = start + Int64(index) * slotSeconds
                guard ts + slotSeconds <= now else { continue }
                if day.quality[index] != .missing, day.values[index].isFinite { return ts }
            }
        }
        return nil
    }

    /// ISO 8601 (UTC, milliseconds) of Unix seconds: the evaluation's time on its events.
    static func isoTime(_ seconds: Int64) -> String {
        RFC3339Timestamp.format(seconds, milliseconds: 0)
    }

    // MARK: - Webhook deliveries

    public func pendingAlertDeliveries(limit: Int = 50) async throws -> [AlertDelivery] {
        try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.id AS event_id, e.at, e.actor, e.action, e.note, e.status, a.id AS alert_id, p.key AS park_key, p.alert_webhook
                FROM alert_event e JOIN alert a ON a.id = e.alert_id JOIN park p ON p.id = a.park_id
                WHERE e.webhook_pending = 1 AND p.alert_webhook IS NOT NULL ORDER BY e.id LIMIT ?
                """, arguments: [max(1, limit)])
            return try rows.compactMap { row -> AlertDelivery? in
                let alertID: Int64 = row["alert_id"]
                guard let url = row["alert_webhook"] as String?,
                      let alertRow = try Row.fetchOne(db, sql: "SELECT * FROM alert WHERE id = ?", arguments: [alertID]),
                      let alert = try Self.storedAlerts(db, rows: [alertRow]).first else { return nil }
                let event = AlertEventRecord(id: row["event_id"], at: row["at"], actor: row["actor"], action: row["action"],
                                             note: row["note"], status: row["status"])
                return AlertDelivery(eventID: event.id, parkKey: row["park_key"], url: url, event: event, alert: alert)
            }
        }
    }

    public func recordAlertDelivery(_ delivery: AlertDelivery, status: Int?, error: String?, now: Int64) async throws {
        let at = Self.isoTime(now)
        let note = error.map { String($0.prefix(500)) }
        try await pool.write { db in
            try db.execute(sql: "UPDATE alert_event SET webhook_pending = 0 WHERE id = ?", arguments: [delivery.eventID])
            try db.execute(sql: "INSERT INTO alert_event (alert_id, at, actor, action, note, status) VALUES (?, ?, ?, 'webhook', ?, ?)",
                           arguments: [delivery.alert.id, at, Self.systemActor, note ?? "\(delivery.event.action) #\(delivery.event.id)", status])
        }
    }
}
