/// The dispatch page's strings, Simplified Chinese first (`{{d.key}}` in the template).
///
/// Serves STANDARD.md 1.1.37 and the project's zh/en rule.
enum DispatchText {
    static let entries: [(String, String, String)] = [
        ("title", "储能与光伏调度优化", "PV and storage dispatch"),
        ("intro", "按园区电价对光伏、储能（及充电）做线性规划优化，与无储能基准比较。负荷与光伏取自所选计量表（求和，换算为每步平均 kW）。价格与因子均须有出处或由园区提供。",
         "Optimises PV and storage against the park's tariff with a linear programme and compares with a no-storage baseline. Load and PV come from the meters chosen (summed, as mean kW per step). Every price and factor is cited or supplied by the park."),
        ("tariff", "电价", "Tariff"), ("effectiveFrom", "生效日期（江苏、浙江须填）", "Effective from (Jiangsu, Zhejiang)"),
        ("basePrice", "基准电价（元/kWh）", "Base price (CNY/kWh)"),
        ("basePriceNote", "示例值 0.6725 为 331号文所列 2021 年珠三角一般工商业不满 1 kV 平段电价（不含基金），请按电费单填写。",
         "The example 0.6725 is the 2021 Pearl River Delta general commercial < 1 kV flat price cited with 331号 (funds excluded); use your bill's."),
        ("userClass", "用户类别（江苏）", "User class (Jiangsu)"),
        ("demandCharge", "需量电价（元/kW·月，园区提供；空 = 无）", "Demand charge (CNY/kW-month, park supplied; empty = none)"),
        ("exportPrice", "上网电价（元/kWh，园区合同；空 = 不上网）", "Export price (CNY/kWh, park contract; empty = no export)"),
        ("exportLimit", "上网限额（kW）", "Export limit (kW)"), ("surplusOnly", "仅余电上网", "Surplus PV only"),
        ("horizon", "时段", "Horizon"), ("start", "开始日期（北京时间）", "Start date (CST)"), ("days", "天数（1–31）", "Days (1–31)"),
        ("step", "步长（分钟）", "Step (minutes)"),
        ("battery", "储能", "Battery"), ("capacity", "容量（kWh；空 = 无储能）", "Capacity (kWh; empty = none)"),
        ("power", "充放电功率（kW）", "Charge/discharge power (kW)"),
        ("efficiency", "单向效率（示例 0.95，请按设备填写）", "One-way efficiency (example 0.95; use your equipment's)"),
        ("minSoC", "最低荷电（0–1）", "Min SoC (0–1)"), ("maxSoC", "最高荷电（0–1）", "Max SoC (0–1)"),
        ("cycleCost", "循环成本（元/kWh 放电，园区提供；空 = 0）", "Cycle cost (CNY/kWh discharged, park supplied; empty = 0)"),
        ("pvScale", "光伏倍数", "PV scale"),
        ("meters", "计量表", "Meters"), ("loadMeters", "负荷（求和）", "Load (summed)"), ("pvMeters", "光伏", "PV"),
        ("loadNote", "若总表计的是扣除光伏后的净购电，负荷应为总表 + 光伏表（默认如此，请核对）。",
         "If the main meter reads net import after PV, the load is main meter + PV meter (the default; check it)."),
        ("gridFactor", "电网排放因子（因子库 id；空 = 不计排放）", "Grid factor (library id; empty = no emissions)"),
        ("run", "优化", "Optimise"), ("result", "结果", "Result"),
        ("item", "项目", "Item"), ("optimised", "优化", "Optimised"), ("baseline", "基准（无储能）", "Baseline (no storage)"),
        ("difference", "差额", "Difference"), ("saving", "节省", "Saving"), ("avoided", "避免排放", "Avoided"),
        ("month", "月份", "Month"), ("peak", "最大需量（kW）", "Peak demand (kW)"), ("source", "出处", "Source"),
        ("chart", "调度曲线", "Schedule"), ("noMeters", "本园区没有电量（kWh）或功率（kW）计量表。", "This park has no energy (kWh) or power (kW) meters."),
        ("grid", "电网购电", "Grid import"), ("pv", "光伏", "PV"), ("dischargeLegend", "储能放电", "Battery discharge"), ("chp", "热电联产", "CHP"),
        ("load", "负荷", "Load"), ("soc", "储能荷电（kWh）", "Battery state of charge (kWh)"), ("price", "购电价（元/kWh）", "Import price (CNY/kWh)"),
        ("navDispatch", "调度", "Dispatch"),
    ]

    static func dictionary(_ chinese: Bool) -> [String: String] {
        Dictionary(entries.map { ($0.0, chinese ? $0.1 : $0.2) }, uniquingKeysWith: { a, _ in a })
    }
}
