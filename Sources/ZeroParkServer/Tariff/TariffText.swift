/// The energy cost page's strings, Simplified Chinese first (`{{e.key}}` in the template).
///
/// Serves STANDARD.md 1.1.36 and the project's zh/en rule.
enum TariffText {
    static let entries: [(String, String, String)] = [
        ("title", "电价与电费", "Tariff and energy cost"),
        ("intro", "园区的分时电价设置，以及总进线购电表按该电价计算的电费：各时段电量与电费、当月最大需量与需量电费。调度、容量配置与滚动运行可用同一电价。",
         "The park's time-of-use tariff and the bill of its main grid-import meters under it: energy and cost by period, each month's maximum demand and demand charge. Dispatch, sizing and rolling operation use the same tariff."),
        ("tariffHeading", "电价设置", "Tariff"), ("noTariff", "尚未设置电价。", "No tariff is set yet."),
        ("updated", "更新", "Updated"), ("by", "设置人", "by"),
        ("tariff", "电价", "Tariff"), ("effectiveFrom", "生效日期（江苏、浙江须填）", "Effective from (Jiangsu, Zhejiang)"),
        ("basePrice", "基准电价（元/kWh）", "Base price (CNY/kWh)"),
        ("basePriceNote", "0.6725 为 331号文所列 2021 年珠三角一般工商业不满 1 kV 平段电价（不含基金），请按电费单填写。",
         "0.6725 is the 2021 Pearl River Delta general commercial < 1 kV flat price cited with 331号 (funds excluded); use your bill's."),
        ("userClass", "用户类别（江苏）", "User class (Jiangsu)"),
        ("demandCharge", "需量电价（元/kW·月，园区提供；空 = 无）", "Demand charge (CNY/kW-month, park supplied; empty = none)"),
        ("exportPrice", "上网电价（元/kWh，园区合同；空 = 不上网）", "Export price (CNY/kWh, park contract; empty = no export)"),
        ("exportLimit", "上网限额（kW）", "Export limit (kW)"), ("surplusOnly", "仅余电上网", "Surplus PV only"),
        ("holidays", "节假日（YYYY-MM-DD，逗号分隔；有节假日规则的电价须填）", "Holidays (YYYY-MM-DD, comma-separated; for tariffs with a holiday rule)"),
        ("save", "保存电价", "Save tariff"), ("saved", "电价已保存。", "Tariff saved."),
        ("costHeading", "电费", "Energy cost"), ("from", "开始日期", "From"), ("to", "结束日期", "To"), ("show", "计算", "Compute"),
        ("metersUsed", "计量表", "Meters"),
        ("period", "时段", "Period"), ("kwh", "电量（kWh）", "Energy (kWh)"), ("cny", "电费（元）", "Cost (CNY)"),
        ("avgPrice", "均价（元/kWh）", "Average price (CNY/kWh)"), ("month", "月份", "Month"),
        ("maxDemand", "最大需量（kW）", "Maximum demand (kW)"), ("maxDemandAt", "出现时间（北京时间）", "At (CST)"),
        ("demandRate", "需量电价（元/kW·月）", "Demand rate (CNY/kW-month)"), ("demandCharge2", "需量电费（元）", "Demand charge (CNY)"),
        ("total", "合计", "Total"), ("energyTotal", "电量电费（元）", "Energy cost (CNY)"),
        ("completeness", "数据完整度", "Data completeness"),
        ("incomplete", "有 {n} 个 15 分钟时段缺少清洗后的数据，未计入电费（不做填补）：电费按完整时段计算，偏低。",
         "{n} quarter-hours have no cleaned value and are left out (not filled): the bill covers the complete quarter-hours and is understated."),
        ("source", "出处", "Source"), ("noTenant", "电价与电费属于园区，租户不可查看。", "The tariff and energy cost are the park's; tenants cannot see them."),
        ("demandNote", "最大需量取 15 分钟平均购电功率的月最大值；跨月的部分月份按整月需量电费计。",
         "Maximum demand is the month's largest 15-minute average import; a partial month is charged the whole month's demand charge."),
    ]

    static func dictionary(_ chinese: Bool) -> [String: String] {
        Dictionary(entries.map { ($0.0, chinese ? $0.1 : $0.2) }, uniquingKeysWith: { a, _ in a })
    }
}
