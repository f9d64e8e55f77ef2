import Foundation
import Hummingbird
import ZeroParkReports
import ZeroParkStore
import ZeroParkTelemetry

/// Downloads of the dashboard's record tables (issue #12 defect 9), as CSV and XLSX (`TableDownload`): the
/// audit log, the meter registry and the alerts — a header in the reader's language, times in China time,
/// each row as the caller may see it (the store's own access rules: a tenant gets its own meters and their
/// alerts, the audit log is for admins, managers and auditors). Cells a spreadsheet could run as a formula
/// are guarded (`CSVWriter`).
struct TableExports: Sendable {
    let store: any ParkRepository

    func register(on web: RouterGroup<AppRequestContext>) {
        web.downloads("parks/:park/audit") { _, context in
            let caller = try context.requireLogin()
            let key = try context.parameter("park")
            let chinese = context.language == .zh
            let entries = try await store.auditLog(parkKey: key, caller: caller, limit: 10_000)
            let header = chinese ? ["时间（北京时间）", "操作人", "操作", "对象", "对象编号", "修改前", "修改后"]
                                 : ["time (CST)", "actor", "action", "entity", "entity key", "before", "after"]
            let rows = entries.map { entry in
                [TelemetryFormat.isoTime(entry.at), entry.actor, AuditText.action(entry.action, chinese: chinese),
                 AuditText.entity(entry.entity, chinese: chinese), entry.entityKey, entry.before ?? "", entry.after ?? ""]
            }
            return TableDownload(fileName: "zeropark-\(key)-audit", tables: [DownloadTable(title: chinese ? "审计日志" : "Audit log", header: header, rows: rows)])
        }
        web.downloads("parks/:park/meters") { _, context in
            let caller = try context.requireLogin()
            let key = try context.parameter("park")
            let chinese = context.language == .zh
            let meters = try await store.meters(parkKey: key, caller: caller)
            // Enterprises by name, as the meter page shows them.
            let park = try await store.park(key: key, caller: caller)
            let enterpriseNames = Dictionary(park.enterprises.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
            let header = chinese ? ["编号", "名称", "计量量", "单位", "读数类型", "间隔（分钟）", "倍率", "企业", "对应排放源或碳汇", "上级表"]
                                 : ["key", "name", "quantity", "unit", "reading kind", "interval (min)", "multiplier", "enterprise", "feeds", "parent"]
            let rows = meters.map { meter in
                [meter.key, meter.name, TelemetryText.quantity(meter.quantity, chinese: chinese), meter.unit,
                 TelemetryText.readingKind(meter.readingKind, chinese: chinese), String(meter.intervalMinutes),
                 TelemetryFormat.plain(meter.multiplier), meter.enterprise.map { enterpriseNames[$0] ?? $0 } ?? "", meter.feeds ?? "", meter.parent ?? ""]
            }
            return TableDownload(fileName: "zeropark-\(key)-meters",
                                 tables: [DownloadTable(title: chinese ? "计量表" : "Meters", header: header, rows: rows, numericColumns: [5, 6])])
        }
        web.downloads("parks/:park/alerts") { _, context in
            let caller = try context.requireLogin()
            let key = try context.parameter("park")
            let chinese = context.language == .zh
            let alerts = try await store.alerts(parkKey: key, state: nil, caller: caller, limit: 10_000)
            let header = chinese ? ["编号", "状态", "计量表", "规则", "观测", "开启时间（北京时间）", "确认", "解除"]
                                 : ["id", "state", "meter", "rule", "observed", "opened (CST)", "acknowledged", "resolved"]
            let states: [AlertState: String] = chinese ? [.open: "未处理", .acknowledged: "已确认", .resolved: "已解除"]
                                                       : [.open: "open", .acknowledged: "acknowledged", .resolved: "resolved"]
            func event(_ record: AlertEventRecord?) -> String {
                guard let record else { return "" }
                return AlertText.cst(iso: record.at) + " " + AlertText.actor(record.actor, chinese: chinese)
                    + (AlertText.note(record.note, chinese: chinese).map { " · " + $0 } ?? "")
            }
            let rows = alerts.map { alert in
                [String(alert.id), states[alert.state] ?? alert.state.rawValue, "\(alert.meter.key) \(alert.meter.name)",
                 AlertText.rule(alert.rule, unit: alert.meter.unit, intervalMinutes: alert.meter.intervalMinutes, chinese: chinese),
                 AlertText.observed(alert, chinese: chinese), AlertText.cst(iso: alert.openedAt), event(alert.acknowledged), event(alert.resolved)]
            }
            return TableDownload(fileName: "zeropark-\(key)-alerts", tables: [DownloadTable(title: chinese ? "告警" : "Alerts", header: header, rows: rows, numericColumns: [0])])
        }
    }
}
