/// The plan page's strings, Simplified Chinese first (`{{p.key}}` in the template).
///
/// Serves STANDARD.md 1.1.5–1.1.7 and the project's zh/en rule.
enum PlanText {
    static let entries: [(String, String, String)] = [
        ("title", "碳中和路径规划", "Neutrality pathway"),
        ("intro", "以园区所选年份的碳排放清单为基准年，按边际减排成本排序措施，逐年先减排、后碳汇、再抵消（本地碳信用优先）。成本、规模与价格须由园区填写，系统不提供默认成本。格式见 docs/planning.md。",
         "The park's inventory of the chosen year is the base year; measures are ranked by marginal abatement cost and applied year by year: reduce, absorb, then offset (local credits first). Costs, sizes and prices are the park's; no cost defaults ship. Format: docs/planning.md."),
        ("baseYear", "基准年（清单年份）", "Base year (inventory year)"), ("measuresFile", "措施文件（YAML，zeropark_plan: 1）", "Measures file (YAML, zeropark_plan: 1)"),
        ("run", "生成路径", "Build the pathway"), ("result", "结果", "Result"),
        ("templateNote", "初始内容是按本园区排放源生成的模板：数字均为空缺或示例，请换成园区自己的数据。",
         "The initial text is a template built from this park's sources: its numbers are blanks or examples to be replaced with the park's own."),
        ("measures", "措施（按边际减排成本由低到高；碳汇在后）", "Measures (by abatement cost, lowest first; sinks after)"),
        ("order", "顺序", "Order"), ("measure", "措施", "Measure"), ("category", "类别", "Category"), ("start", "开始年", "Start"),
        ("tonnes", "年减排/吸收（tCO2）", "tCO2 a year"), ("annualCost", "年化成本（元）", "Annual cost (CNY)"),
        ("mac", "边际减排成本（元/tCO2）", "MAC (CNY/tCO2)"), ("missing", "缺少的成本字段", "Missing cost fields"),
        ("macChart", "边际减排成本曲线", "Marginal abatement cost curve"), ("tonnesAxis", "tCO2/年", "tCO2/yr"), ("costAxis", "元/tCO2", "CNY/tCO2"),
        ("pathChart", "逐年路径（tCO2）", "Year by year (tCO2)"), ("year", "年份", "Year"), ("bau", "基准情景", "BAU"),
        ("reduced", "减排", "Reduced"), ("emissions", "排放", "Emissions"), ("sinks", "碳汇", "Sinks"), ("localOffsets", "本地抵消", "Local offsets"),
        ("otherOffsets", "其他抵消", "Other offsets"), ("net", "净排放", "Net"), ("measureCost", "措施成本（元）", "Measures (CNY)"),
        ("offsetCost", "抵消成本（元）", "Offsets (CNY)"), ("balanceYear", "实现碳平衡（含抵消）", "Balanced (with offsets)"),
        ("withoutOffsets", "不计抵消实现平衡", "Balanced without offsets"), ("netNegative", "净负排放年份", "Net-negative years"),
        ("notReached", "目标年前未实现", "not by the target year"), ("offsets", "抵消", "Offsets"),
        ("version", "版本", "Version"), ("storedBalance", "保存时的平衡年份", "Balance year when saved"),
        ("recomputed", "下方结果按当前清单重新计算", "the result below is recomputed from the current inventory"),
        ("reason", "保存原因", "Reason"), ("save", "保存为新版本", "Save as a new version"), ("versions", "已保存的版本", "Saved versions"),
        ("noVersions", "尚未保存任何版本。", "No version saved yet."), ("savedAt", "保存时间", "Saved at"), ("savedBy", "保存人", "Saved by"),
        ("open", "打开", "Open"), ("compare", "比较版本", "Compare versions"), ("compareRun", "比较", "Compare"),
        ("comparison", "版本比较", "Comparison of versions"),
        ("assessment", "排放源与碳汇：占比、减排难度与经济性（1.1.3(c)、1.1.4(c)）", "Sources and sinks: share, difficulty and economics (1.1.3(c), 1.1.4(c))"),
        ("sourceOrSink", "排放源 / 碳汇", "Source / sink"), ("share", "占比", "Share"), ("difficulty", "难度", "Difficulty"),
        ("lowestMac", "本规划最低边际成本（元/tCO2）", "Lowest MAC in the plan (CNY/tCO2)"), ("technologies", "可用措施类别", "Measures that address it"),
        ("why", "依据", "Why"), ("sinkTag", "［碳汇］", "[sink]"),
        ("catalogue", "内置措施目录", "Built-in measures catalogue"),
        ("catalogueNote", "每类措施对应的条款、可作用的排放源（按核算方法与系统）和减排量的计算方式。目录不含成本默认值：参考资料未给出可引用的成本，投资、运维、节省与寿命须由园区按报价填写。",
         "Each kind of measure with its clause, the sources it can act on (by accounting method and system) and how its tonnes are derived. No cost defaults: the reference data cites none, so CapEx, O&M, savings and lifetime are the park's own quotes."),
        ("clause", "条款", "Clause"), ("addresses", "作用对象（核算方法 · 系统）", "Acts on (method · system)"), ("rule", "减排规则", "Abatement rule"),
        ("how", "计算方式", "How"),
        ("improvement", "持续改进：单位面积产值与单位产值排放（1.1.14）", "Continuous improvement: output per area and emissions per output (1.1.14)"),
        ("improvementNote", "逐年列出园区面积、产值与计入排放；某年录入了面积和产值时，该年清单的强度即按其计算。规划年份的排放取自路径，面积与产值沿用最近一个有数据的年份（规划不预测产值）。",
         "Year by year: the park's area, output value and counted emissions; a year with its own recorded area and output has its inventory's intensities computed on them. Planned years take the pathway's emissions and hold the latest year's area and output (a plan does not forecast output)."),
        ("areaM2", "面积（m²）", "Area (m²)"), ("output10k", "产值（万元）", "Output (10k CNY)"), ("outputPerM2", "单位面积产值（元/m²）", "Output per m² (CNY)"),
        ("perOutput", "单位产值排放（tCO2/万元）", "tCO2 per 10k CNY"), ("changeYoY", "较上年", "vs previous year"), ("basis", "数据来源", "Basis"),
        ("outputCny", "产值（元，可留空）", "Output value (CNY, optional)"), ("dataSource", "数据来源", "Data source"),
        ("recordOutput", "录入该年面积与产值", "Record the year's area and output"),
        ("actualsBasis", "基准为最近 12 个月的实际数据（计量表优先，其余为填报数据；下方的基准年选择不适用）：",
         "The base is the last 12 months of actual data (meters first, typed data otherwise; the base-year choice below does not apply):"),
    ]

    static func dictionary(_ chinese: Bool) -> [String: String] {
        Dictionary(entries.map { ($0.0, chinese ? $0.1 : $0.2) }, uniquingKeysWith: { a, _ in a })
    }
}
