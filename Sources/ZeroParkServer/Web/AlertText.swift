import Foundation
import ZeroParkStore
import ZeroParkTelemetry

/// The string catalogue of alerts (issue #8 §8), Simplified Chinese first, English second: the page's
/// labels, rules and evidence in words, states and actions. The alerts page reads `{{a.key}}`; the API,
/// the webhook payload and the page share the sentences below.
enum AlertText {
    static let entries: [(String, String, String)] = [
        ("title", "告警", "Alerts"),
        ("intro", "阈值（污染物排放浓度、职业病危害监测点）、夜间基线泄漏（水、燃气、压缩空气）、离线与数据质量告警；状态：待处理 → 已确认 → 已解决，每一步记录操作人与时间。",
         "Thresholds (pollutant discharge, occupational-hazard points), night-baseline leaks (water, gas, compressed air), offline meters and data quality; open → acknowledged → resolved, each step with who and when."),
        ("openAlerts", "待处理", "Open"), ("acknowledgedAlerts", "已确认", "Acknowledged"), ("resolvedAlerts", "已解决", "Resolved"),
        ("meter", "计量表", "Meter"), ("rule", "规则", "Rule"), ("observed", "观测", "Observed"), ("openedAt", "触发时间（北京时间）", "Opened (CST)"),
        ("handled", "处理记录", "History"), ("note", "备注", "Note"), ("acknowledge", "确认", "Acknowledge"), ("resolve", "解决", "Resolve"),
        ("noAlerts", "暂无。", "None."), ("rules", "告警规则", "Alert rules"), ("addRule", "新增规则", "Add rule"), ("ruleKey", "规则编号", "Rule key"),
        ("kind", "类型", "Kind"), ("threshold", "阈值（上下限、夜间最小值；数据质量为完整率 0–1）", "Threshold (limit, night minimum; completeness 0–1 for quality)"),
        ("slots", "连续时段数 / 离线间隔数", "Consecutive intervals / intervals offline"), ("fromHour", "夜间起（时）", "Night from (h)"),
        ("toHour", "夜间止（时）", "Night to (h)"), ("hours", "数据质量统计时长（小时）", "Quality window (hours)"), ("enabled", "启用", "Enabled"),
        ("disabled", "已停用", "disabled"), ("delete", "删除", "Delete"), ("noRules", "暂无规则。", "No rules yet."), ("save", "保存", "Save"),
        ("webhook", "Webhook 推送", "Webhook"), ("webhookURL", "推送地址（http/https，不含用户名密码；留空则不推送）", "URL (http/https, no user or password; empty: none)"),
        ("webhookHelp", "告警触发与解决时向此地址 POST JSON，超时 5 秒，结果记入处理记录。", "Opened and resolved alerts are POSTed here as JSON (5 s timeout); each delivery is recorded in the history."),
        ("tenantScope", "仅显示本企业计量表的告警与规则", "Showing your enterprise's meters only"), ("createdBy", "创建人", "Created by"),
        ("state", "状态", "State"),
    ]

    static func dictionary(_ chinese: Bool) -> [String: String] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.0, chinese ? $0.1 : $0.2) })
    }

    static func kind(_ kind: AlertRuleKind, chinese: Bool) -> String {
        switch kind {
        case .above: return chinese ? "上限" : "upper limit"
        case .below: return chinese ? "下限" : "lower limit"
        case .nightBaseline: return chinese ? "夜间基线（泄漏）" : "night baseline (leak)"
        case .offline: return chinese ? "离线" : "offline"
        case .qualityBelow: return chinese ? "数据质量" : "data quality"
        }
    }

    static func state(_ state: AlertState, chinese: Bool) -> String {
        switch state {
        case .open: return chinese ? "待处理" : "open"
        case .acknowledged: return chinese ? "已确认" : "acknowledged"
        case .resolved: return chinese ? "已解决" : "resolved"
        }
    }

    static func action(_ action: String, chinese: Bool) -> String {
        switch action {
        case "opened": return chinese ? "触发" : "opened"
        case "acknowledged": return chinese ? "确认" : "acknowledged"
        case "resolved": return chinese ? "解决" : "resolved"
        case "webhook": return chinese ? "推送" : "webhook"
        default: return action
        }
    }

    static func actor(_ actor: String, chinese: Bool) -> String {
        actor == SQLiteParkStore.systemActor ? (chinese ? "系统" : "system") : actor
    }

    /// System notes in words (user notes are shown as written).
    static func note(_ note: String?, chinese: Bool) -> String? {
        guard let note else { return nil }
        if note == "condition no longer holds" { return chinese ? "条件已不再成立，自动解决" : "condition no longer holds; resolved automatically" }
        return note
    }

    /// A rule in words, e.g. "夜间基线：0–5 时最小流量持续高于 0.2 m³".
    static func rule(_ rule: AlertRule, unit: String, intervalMinutes: Int, chinese: Bool) -> String {
        let u = self.unit(unit)
        let x = number(rule.threshold ?? 0)
        let n = rule.slots ?? 1
        switch rule.kind {
        case .above, .below:
            let above = rule.kind == .above
            return chinese
                ? "\(above ? "上限" : "下限")：连续 \(n) 个 \(intervalMinutes) 分钟时段\(above ? "高于" : "低于") \(x) \(u)"
                : "\(above ? "Upper" : "Lower") limit: \(above ? "above" : "below") \(x) \(u) for \(n) consecutive \(intervalMinutes)-min intervals"
        case .nightBaseline:
            let from = rule.fromHour ?? 0, to = rule.toHour ?? 0
            return chinese ? "夜间基线：\(from)–\(to) 时最小流量持续高于 \(x) \(u)"
                : "Night baseline: the minimum flow \(from)–\(to) h stays above \(x) \(u)"
        case .offline:
            return chinese ? "离线：连续 \(n) 个采集间隔（\(n * intervalMinutes) 分钟）无数据"
                : "Offline: no data for \(n) intervals (\(n * intervalMinutes) min)"
        case .qualityBelow:
            let h = rule.hours ?? 24
            return chinese ? "数据质量：近 \(h) 小时实测完整率低于 \(percent(rule.threshold ?? 0))"
                : "Data quality: measured share over the last \(h) h below \(percent(rule.threshold ?? 0))"
        }
    }

    /// The evidence of an alert in words.
    static func observed(_ alert: StoredAlert, chinese: Bool) -> String {
        let u = unit(alert.meter.unit)
        let at = cst(alert.observedTS)
        let slots = alert.observedSlots ?? 0
        guard let v = alert.observedValue else {
            return alert.rule.kind == .offline ? (chinese ? "从未收到数据" : "never reported") : "—"
        }
        switch alert.rule.kind {
        case .above:
            return chinese ? "峰值 \(number(v)) \(u)，自 \(at) 起连续 \(slots) 个时段" : "peak \(number(v)) \(u), \(slots) intervals from \(at)"
        case .below:
            return chinese ? "最低 \(number(v)) \(u)，自 \(at) 起连续 \(slots) 个时段" : "lowest \(number(v)) \(u), \(slots) intervals from \(at)"
        case .nightBaseline:
            return chinese ? "夜间最小值 \(number(v)) \(u)（自 \(at) 起）" : "night minimum \(number(v)) \(u) (from \(at))"
        case .offline:
            return chinese ? "已 \(Int(v)) 个间隔无数据（最后读数 \(at)）" : "\(Int(v)) intervals without data (last reading \(at))"
        case .qualityBelow:
            return chinese ? "完整率 \(percent(v))（自 \(at) 起 \(slots) 个时段）" : "completeness \(percent(v)) (\(slots) intervals from \(at))"
        }
    }

    /// m3 → m³, Nm3 → Nm³.
    static func unit(_ unit: String) -> String { unit.replacingOccurrences(of: "m3", with: "m³") }

    /// A compact number: integers plain, others with up to four decimals.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func percent(_ share: Double) -> String { number((share * 1_000).rounded() / 10) + "%" }

    /// Unix seconds as `YYYY-MM-DD HH:MM` China Standard Time.
    static func cst(_ ts: Int64) -> String {
        guard let day = TelemetryCalendar.day(of: ts), let start = TelemetryCalendar.dayStart(day),
              let date = TelemetryCalendar.date(of: day) else { return String(ts) }
        let minutes = (ts - start) / 60
        return String(format: "%04d-%02d-%02d %02d:%02d", date.year, date.month, date.day, Int(minutes / 60), Int(minutes % 60))
    }

    /// An ISO 8601 time stored by the store (UTC) as `YYYY-MM-DD HH:MM` CST.
    static func cst(iso: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        guard let date = formatter.date(from: iso) ?? plain.date(from: iso) else { return iso }
        return cst(Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// Unix seconds as RFC 3339 with the CST offset, e.g. `2026-11-26T03:00:00+08:00`.
    static func rfc3339(_ ts: Int64) -> String {
        guard let day = TelemetryCalendar.day(of: ts), let start = TelemetryCalendar.dayStart(day),
              let date = TelemetryCalendar.date(of: day) else { return String(ts) }
        let seconds = ts - start
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+08:00", date.year, date.month, date.day,
                      Int(seconds / 3_600), Int(seconds % 3_600 / 60), Int(seconds % 60))
    }
}
