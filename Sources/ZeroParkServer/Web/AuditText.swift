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

    static func entity(_ code: String, chinese: Bool) -> String { entities[code].map { chinese ? $0.0 : $0.1 } ?? code }
    static func action(_ code: String, chinese: Bool) -> String { actions[code].map { chinese ? $0.0 : $0.1 } ?? code }
}
