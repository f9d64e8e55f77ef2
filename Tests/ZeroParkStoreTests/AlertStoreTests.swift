import Foundation
import GRDB
import Testing
import ZeroParkCore
import ZeroParkTelemetry
@testable import ZeroParkStore

/// Alert rules, evaluation and transitions (issue #8 §8) with hand-computed examples. Times are CST:
/// `dayStart` = 2025-11-26 00:00 CST; slot k of that day starts at dayStart + k × 900 s.
struct AlertStoreTests {
    typealias T = TelemetryStoreTests
    static let park = "nansha-demo"
    static let dayStart = TelemetryStoreTests.dayStart
    /// Ingest's clock: three days later, so that every reading below is in its past.
    static let ingestNow = dayStart + 3 * 86_400

    static func ingest(_ f: T.Fixture, _ rows: [(String, Int64, Double)]) async throws {
        _ = try await f.store.ingest(parkKey: park, batch: T.batch(rows), channel: .httpJSON, actor: .user(f.manager), now: ingestNow)
        try await f.store.cleanAll()
    }

    static func slot(_ k: Int64) -> Int64 { dayStart + k * 900 }

    @Test("above 50 mg/m³ for 3 slots: quiet after 2, opens at the 3rd slot's end with the run's start and peak, resolves when a lower value follows")
    func thresholdFiresAfterConsecutiveSlotsAndResolves() async throws {
        let f = try await T.fixture()
        _ = try await f.store.createMeter(parkKey: Self.park, meter: MeterDefinition(
            key: "stack-so2", name: "锅炉烟囱 SO2", quantity: .pollutantConcentration, unit: "mg/m3", readingKind: .instantaneous), caller: f.manager)
        let rule = try await f.store.createAlertRule(parkKey: Self.park, rule: AlertRule(
            key: "so2-limit", meter: "stack-so2", kind: .above, threshold: 50, slots: 3), caller: f.manager)
        #expect(rule.createdBy == "manager" && rule.slots == 3 && rule.fromHour == nil)
        // Slots 0–7 at 40, slots 8–11 at 60 (a plateau: not a spike).
        try await Self.ingest(f, (0..<12).map { ("stack-so2", Self.slot($0), $0 < 8 ? 40 : 60) })
        // At 02:30 slots 0–9 have ended: the run above 50 is slots 8, 9 — two, not three.
        #expect(try await f.store.evaluateAlerts(now: Self.slot(10)) == AlertEvaluation())
        // At 02:45 slot 10 has ended: slots 8, 9, 10 → an alert from 02:00 with peak 60 over 3 slots.
        let opened = try await f.store.evaluateAlerts(now: Self.slot(11))
        #expect(opened.opened.count == 1 && opened.resolved.isEmpty)
        let alert = try await f.store.alert(parkKey: Self.park, id: try #require(opened.opened.first), caller: f.manager)
        #expect(alert.state == .open && alert.observedTS == Self.slot(8) && alert.observedValue == 60 && alert.observedSlots == 3)
        #expect(alert.events.map(\.action) == ["opened"] && alert.events.first?.actor == "system")
        #expect(alert.rule.key == "so2-limit" && alert.meter.key == "stack-so2")
        // Still above at 03:00 (slots 8–11): the same alert stays open, nothing new.
        #expect(try await f.store.evaluateAlerts(now: Self.slot(12)) == AlertEvaluation())
        // 45 at slots 12, 13: the latest value is below, the run has ended → resolved by the system.
        try await Self.ingest(f, [("stack-so2", Self.slot(12), 45), ("stack-so2", Self.slot(13), 45)])
        let resolved = try await f.store.evaluateAlerts(now: Self.slot(14))
        #expect(resolved == AlertEvaluation(opened: [], resolved: [alert.id]))
        let after = try await f.store.alert(parkKey: Self.park, id: alert.id, caller: f.manager)
        #expect(after.state == .resolved && after.events.map(\.action) == ["opened", "resolved"])
        #expect(after.resolved?.actor == "system" && after.resolved?.note == "condition no longer holds")
        #expect(try await f.store.alerts(parkKey: Self.park, state: .open, caller: f.manager, limit: 10).isEmpty)
        #expect(try await f.store.alerts(parkKey: Self.park, state: .resolved, caller: f.manager, limit: 10).map(\.id) == [alert.id])
    }

    @Test("night baseline 0–5 h above 0.2 m³ on a water meter: a 0.35 m³ minimum opens a leak alert; a 0.05 m³ night resolves it")
    func nightBaselineLeak() async throws {
        let f = try await T.fixture()
        _ = try await f.store.createAlertRule(parkKey: Self.park, rule: AlertRule(
            key: "water-leak", meter: "property-water", kind: .nightBaseline, threshold: 0.2, fromHour: 0, toHour: 5), caller: f.manager)
        // Night 1: every quarter-hour 00:00–05:00 draws 0.35–0.5 m³ (never below 0.35), then 1 m³ until 06:00.
        var rows: [(String, Int64, Double)] = (0..<20).map { ("property-water", Self.slot($0), $0 == 7 ? 0.35 : 0.5) }
        rows += (20..<24).map { ("property-water", Self.slot($0), 1.0) }
        try await Self.ingest(f, rows)
        // At 04:00 the window has not ended: nothing. At 06:00: the window's minimum is 0.35 > 0.2.
        #expect(try await f.store.evaluateAlerts(now: Self.slot(16)) == AlertEvaluation())
        let opened = try await f.store.evaluateAlerts(now: Self.slot(24))
        let id = try #require(opened.opened.first)
        let alert = try await f.store.alert(parkKey: Self.park, id: id, caller: f.property)
        #expect(alert.observedValue == 0.35 && alert.observedTS == Self.dayStart && alert.observedSlots == 20)
        // Through the day the latest ended night is still night 1: the alert stays open.
        #expect(try await f.store.evaluateAlerts(now: Self.slot(80)) == AlertEvaluation())
        // Night 2 (the next day): 0.05 m³ every quarter-hour → the leak has stopped.
        try await Self.ingest(f, (96..<120).map { ("property-water", Self.slot($0), 0.05) })
        let resolved = try await f.store.evaluateAlerts(now: Self.slot(96 + 24))
        #expect(resolved.resolved == [id] && resolved.opened.isEmpty)
        // The other enterprise's tenant does not see it.
        await #expect(throws: StoreError.notFound("alert \(id)")) {
            _ = try await f.store.alert(parkKey: Self.park, id: id, caller: f.logistics)
        }
    }

    @Test("offline after 4 intervals: 45 min after the last reading nothing, 60 min after it an alert; a new reading resolves it")
    func offlineAfterIntervals() async throws {
        let f = try await T.fixture()
        _ = try await f.store.createAlertRule(parkKey: Self.park, rule: AlertRule(key: "logistics-offline", meter: "logistics-1",
                                                                                  kind: .offline, slots: 4), caller: f.manager)
        try await Self.ingest(f, [("logistics-1", Self.slot(0), 5)])
        #expect(try await f.store.evaluateAlerts(now: Self.slot(3)) == AlertEvaluation())
        let opened = try await f.store.evaluateAlerts(now: Self.slot(4))
        let alert = try await f.store.alert(parkKey: Self.park, id: try #require(opened.opened.first), caller: f.manager)
        #expect(alert.observedTS == Self.slot(0) && alert.observedValue == 4 && alert.observedSlots == 4)
        try await Self.ingest(f, [("logistics-1", Self.slot(5), 6)])
        #expect(try await f.store.evaluateAlerts(now: Self.slot(6)).resolved == [alert.id])
    }

    @Test("open → acknowledged → resolved by people, each an event with its actor and note and an audit entry; no reopening until the condition clears")
    func transitionsWithEventsAndActors() async throws {
        let f = try await T.fixture()
        _ = try await f.store.createAlertRule(parkKey: Self.park, rule: AlertRule(key: "logistics-offline", meter: "logistics-1",
                                                                                  kind: .offline, slots: 4), caller: f.manager)
        try await Self.ingest(f, [("logistics-1", Self.slot(0), 5)])
        let id = try #require(try await f.store.evaluateAlerts(now: Self.slot(8)).opened.first)
        // The meter's own tenant acknowledges; the other tenant cannot see it; the auditor sees but cannot act.
        let acknowledged = try await f.store.acknowledgeAlert(parkKey: Self.park, id: id, note: "  网关断电，已派人  ", caller: f.logistics)
        #expect(acknowledged.state == .acknowledged && acknowledged.acknowledged?.actor == "logistics"
                && acknowledged.acknowledged?.note == "网关断电，已派人")
        await #expect(throws: StoreError.notFound("alert \(id)")) {
            _ = try await f.store.resolveAlert(parkKey: Self.park, id: id, note: nil, caller: f.property)
        }
        await #expect(throws: StoreError.self) {
            _ = try await f.store.resolveAlert(parkKey: Self.park, id: id, note: nil, caller: f.auditor)
        }
        await #expect(throws: StoreError.conflict("告警 \(id) 当前为 acknowledged，不能变为 acknowledged / alert \(id) is acknowledged: it cannot become acknowledged")) {
            _ = try await f.store.acknowledgeAlert(parkKey: Self.park, id: id, note: nil, caller: f.manager)
        }
        let resolved = try await f.store.resolveAlert(parkKey: Self.park, id: id, note: "网关已恢复供电", caller: f.manager)
        #expect(resolved.events.map { "\($0.action):\($0.actor)" } == ["opened:system", "acknowledged:logistics", "resolved:manager"])
        await #expect(throws: StoreError.self) {
            _ = try await f.store.resolveAlert(parkKey: Self.park, id: id, note: nil, caller: f.manager)
        }
        let audit = try await f.store.auditLog(parkKey: Self.park, caller: f.manager, limit: 10).filter { $0.entity == "alert" }
        #expect(audit.map { "\($0.action):\($0.actor)" } == ["resolve:manager", "acknowledge:logistics"])
        // Resolved by hand while the meter is still silent: the next evaluation does not reopen it.
        #expect(try await f.store.evaluateAlerts(now: Self.slot(9)) == AlertEvaluation())
        // The meter reports (the condition clears), then falls silent again: a new alert.
        try await Self.ingest(f, [("logistics-1", Self.slot(10), 6)])
        #expect(try await f.store.evaluateAlerts(now: Self.slot(11)) == AlertEvaluation())
        let again = try await f.store.evaluateAlerts(now: Self.slot(14))
        #expect(again.opened.count == 1 && again.opened.first != id)
        // Removing the rule resolves its open alert by whoever removed it; the history stays.
        try await f.store.deleteAlertRule(parkKey: Self.park, key: "logistics-offline", caller: f.manager)
        let last = try await f.store.alert(parkKey: Self.park, id: try #require(again.opened.first), caller: f.manager)
        #expect(last.state == .resolved && last.resolved?.actor == "manager" && last.rule.key == "logistics-offline")
        #expect(try await f.store.alerts(parkKey: Self.park, state: nil, caller: f.manager, limit: 10).count == 2)
    }

    @Test("tenants read only rules and alerts of their own meters, write no rules; rules are checked field by field")
    func tenantIsolationAndRuleChecks() async throws {
        let f = try await T.fixture()
        for rule in [AlertRule(key: "l-off", meter: "logistics-1", kind: .offline, slots: 8),
                     AlertRule(key: "p-off", meter: "property-water", kind: .offline, slots: 8),
                     AlertRule(key: "main-quality", meter: "main", kind: .qualityBelow, threshold: 0.9)] {
            _ = try await f.store.createAlertRule(parkKey: Self.park, rule: rule, caller: f.manager)
        }
        #expect(try await f.store.alertRules(parkKey: Self.park, caller: f.manager).map(\.key) == ["l-off", "main-quality", "p-off"])
        #expect(try await f.store.alertRules(parkKey: Self.park, caller: f.logistics).map(\.key) == ["l-off"])
        #expect(try await f.store.alertRules(parkKey: Self.park, caller: f.property).map(\.key) == ["p-off"])
        #expect(try await f.store.alertRules(parkKey: Self.park, caller: f.manager).first { $0.key == "main-quality" }?.hours == 24)
        // No readings at all: every meter is offline and the main meter's completeness is 0.
        let opened = try await f.store.evaluateAlerts(now: Self.slot(40))
        #expect(opened.opened.count == 3)
        #expect(try await f.store.alerts(parkKey: Self.park, state: .open, caller: f.logistics, limit: 10).map(\.rule.key) == ["l-off"])
        #expect(try await f.store.alerts(parkKey: Self.park, state: nil, caller: f.auditor, limit: 10).count == 3)
        await #expect(throws: StoreError.self) {
            _ = try await f.store.createAlertRule(parkKey: Self.park, rule: AlertRule(key: "x", meter: "logistics-1", kind: .offline, slots: 2),
                                                  caller: f.logistics)
        }
        await #expect(throws: StoreError.notFound("alert rule p-off")) {
            try await f.store.deleteAlertRule(parkKey: Self.park, key: "p-off", caller: f.logistics)
        }
        await #expect(throws: StoreError.forbidden("only park admins and managers remove alert rules")) {
            try await f.store.deleteAlertRule(parkKey: Self.park, key: "l-off", caller: f.logistics)
        }
        let bad: [(AlertRule, String)] = [
            (AlertRule(key: "n1", meter: "property-water", kind: .nightBaseline, threshold: 0.2, fromHour: 0), "to_hour"),
            (AlertRule(key: "n2", meter: "property-water", kind: .nightBaseline, threshold: 0.2, fromHour: 3, toHour: 3), "to_hour"),
            (AlertRule(key: "q1", meter: "main", kind: .qualityBelow, threshold: 1.5), "threshold"),
            (AlertRule(key: "a1", meter: "main", kind: .above), "threshold"),
            (AlertRule(key: "a2", meter: "main", kind: .above, threshold: 1, slots: 96 * 31 + 1), "slots"),
            (AlertRule(key: "o1", meter: "main", kind: .offline), "slots"),
            (AlertRule(key: "u1", meter: "nope", kind: .offline, slots: 1), "meter"),
            (AlertRule(key: "bad key", meter: "main", kind: .offline, slots: 1), "key"),
        ]
        for (rule, field) in bad {
            do {
                _ = try await f.store.createAlertRule(parkKey: Self.park, rule: rule, caller: f.manager)
                Issue.record("\(rule.key) was accepted")
            } catch let StoreError.invalid(got, _) {
                #expect(got == field, "\(rule.key)")
            }
        }
        await #expect(throws: StoreError.conflict("告警规则 l-off 已存在 / alert rule l-off exists")) {
            _ = try await f.store.createAlertRule(parkKey: Self.park, rule: AlertRule(key: "l-off", meter: "main", kind: .offline, slots: 2),
                                                  caller: f.manager)
        }
    }

    @Test("webhook URLs: http/https with a host, no credentials, ≤ 512 characters; admins only; opened events wait for delivery")
    func webhookValidationAndPendingDeliveries() async throws {
        let f = try await T.fixture()
        for bad in ["ftp://hooks.example.cn/x", "https://user:secret@hooks.example.cn/x", "https://@hooks.example.cn/", "https:///x",
                    "hooks.example.cn/x", "https://hooks.example.cn/a b", "https://hooks.example.cn/" + String(repeating: "a", count: 490)] {
            #expect(throws: StoreError.self, "\(bad)") { _ = try SQLiteParkStore.validatedWebhook(bad) }
        }
        #expect(try SQLiteParkStore.validatedWebhook("  ") == nil)
        let url = "https://oapi.dingtalk.com/robot/send?access_token=abc123"
        #expect(try SQLiteParkStore.validatedWebhook(url) == url)
        await #expect(throws: StoreError.self) { try await f.store.setAlertWebhook(parkKey: Self.park, url: url, caller: f.manager) }
        try await f.store.setAlertWebhook(parkKey: Self.park, url: url, caller: f.admin)
        #expect(try await f.store.alertWebhook(parkKey: Self.park, caller: f.admin) == url)
        _ = try await f.store.createAlertRule(parkKey: Self.park, rule: AlertRule(key: "l-off", meter: "logistics-1", kind: .offline, slots: 4),
                                              caller: f.manager)
        let id = try #require(try await f.store.evaluateAlerts(now: Self.slot(8)).opened.first)
        let pending = try await f.store.pendingAlertDeliveries(limit: 10)
        #expect(pending.map(\.event.action) == ["opened"] && pending.first?.url == url && pending.first?.alert.id == id)
        try await f.store.recordAlertDelivery(try #require(pending.first), status: 200, error: nil, now: Self.slot(8))
        #expect(try await f.store.pendingAlertDeliveries(limit: 10).isEmpty)
        // Acknowledging is not delivered; resolving is.
        _ = try await f.store.acknowledgeAlert(parkKey: Self.park, id: id, note: nil, caller: f.manager)
        #expect(try await f.store.pendingAlertDeliveries(limit: 10).isEmpty)
        _ = try await f.store.resolveAlert(parkKey: Self.park, id: id, note: "ok", caller: f.manager)
        #expect(try await f.store.pendingAlertDeliveries(limit: 10).map(\.event.action) == ["resolved"])
        // Clearing the webhook drops what waited for it.
        try await f.store.setAlertWebhook(parkKey: Self.park, url: "", caller: f.admin)
        #expect(try await f.store.pendingAlertDeliveries(limit: 10).isEmpty)
        let events = try await f.store.alert(parkKey: Self.park, id: id, caller: f.manager).events
        #expect(events.map(\.action) == ["opened", "webhook", "acknowledged", "resolved"] && events[1].status == 200)
    }
}
