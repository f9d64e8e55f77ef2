import Foundation

/// The audit log's entity and action names for a reader, Chinese first (issue #12: names instead of codes).
/// An unknown code is shown as it is.
///
/// Serves STANDARD.md 3.3 (a trail people can read) and the project's zh/en rule.
enum AuditText {
    static let entities: [String: (String, String)] = [
        "activity": ("活动数据", "activity data"), "alert": ("告警", "alert"), "alert_rule": ("告警规则", "alert rule"),
        "alert_webhook": ("告警回调地址", "alert webhook"), "api_key": ("接口密钥", "API key"), "catalogue": ("措施目录", "measures catalogue"),
        "certificate": ("绿证", "green certificate"), "comment": ("审核意见", "review comment"), "inventory_snapshot": ("清单快照", "inventory snapshot"),
        "membership": ("成员", "membership"), "meter": ("计量表", "meter"), "offset": ("抵消", "offset"), "park": ("园区", "park"),
        "park_factor": ("园区因子", "park factor"), "park_fuel": ("园区燃料", "park fuel"), "plan": ("碳中和路径", "neutrality plan"),
        "rules": ("核算规则", "accounting rules"), "sink": ("碳汇", "sink"), "source": ("排放源", "emission source"), "tariff": ("电价", "tariff"),
        "trial": ("试运行期", "trial year"), "user": ("用户", "user"), "year_output": ("年度面积与产值", "yearly area and output"),
    ]
    static let actions: [String: (String, String)] = [
        "create": ("新增", "create"), "delete": ("删除", "delete"), "grant": ("授予", "grant"), "password": ("修改密码", "password change"),
        "replace": ("替换", "replace"), "revoke": ("撤销", "revoke"), "set": ("设置", "set"), "update": ("修改", "update"),
    ]

    /// The fields the store records in a change, for a reader.
    static let fields: [String: (String, String)] = [
        "base_year": ("基准年", "base year"), "captured": ("捕集量", "captured"), "commitment_years": ("承诺年限", "commitment years"),
        "data_source": ("数据来源", "data source"), "display_name": ("显示名称", "display name"), "end": ("结束", "end"),
        "enterprise": ("企业", "enterprise"), "input_hash": ("输入哈希", "input hash"), "is_admin": ("系统管理员", "system administrator"),
        "kind": ("类型", "kind"), "mwh": ("电量 MWh", "MWh"), "name": ("名称", "name"), "ncv": ("低位发热量", "NCV"), "note": ("说明", "note"),
        "output_hash": ("输出哈希", "output hash"), "output_value_cny": ("产值（元）", "output (CNY)"), "park": ("园区", "park"),
        "plan_version": ("方案版本", "plan version"), "project_province": ("项目省份", "project province"), "quantity": ("数量", "quantity"),
        "rate": ("固碳速率", "rate"), "reason": ("原因", "reason"), "registry_ref": ("登记编号", "registry reference"),
        "replaced": ("替换", "replaced"), "retired": ("注销日期", "retired"), "retired_for": ("注销用途", "retired for"), "role": ("角色", "role"),
        "source": ("排放源", "source"), "sources": ("排放源", "sources"), "start": ("开始", "start"), "state": ("状态", "state"),
        "tco2": ("tCO2", "tCO2"), "threshold": ("偏差阈值", "threshold"), "type": ("类型", "type"), "unit": ("单位", "unit"),
        "username": ("用户名", "username"), "value": ("数值", "value"), "year": ("年份", "year"),
    ]

    /// A recorded before or after value as a person reads it: a flat JSON object as "字段：值" pairs in the
    /// reader's language (fields the catalogue does not know keep their key), anything else as stored; at
    /// most `limit` characters.
    static func change(_ stored: String, chinese: Bool, limit: Int = 200) -> String {
        let shown: String
        if stored.hasPrefix("{"), stored.utf8.count <= 64 * 1024,
           let object = (try? JSONSerialization.jsonObject(with: Data(stored.utf8))) as? [String: Any], !object.isEmpty {
            shown = object.keys.sorted().map { key in
                let name = fields[key].map { chinese ? $0.0 : $0.1 } ?? key
                let value: String
                switch object[key] {
                case let text as String: value = text
                case let number as NSNumber: value = number.stringValue
                case is NSNull, nil: value = "—"
                case let other?: value = (try? JSONSerialization.data(withJSONObject: other, options: [.sortedKeys]))
                    .map { String(decoding: $0, as: UTF8.self) } ?? "…"
                }
                return (chinese ? "\(name)：" : "\(name): ") + value
            }.joined(separator: chinese ? "；" : "; ")
        } else {
            shown = stored
        }
        return shown.count > limit ? String(shown.prefix(limit)) + "…" : shown
    }

    static func entity(_ code: String, chinese: Bool) -> String { entities[code].map { chinese ? $0.0 : $0.1 } ?? code }
    static func action(_ code: String, chinese: Bool) -> String { actions[code].map { chinese ? $0.0 : $0.1 } ?? code }
}
