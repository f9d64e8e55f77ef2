/// The trial-year page's strings, Simplified Chinese first (`{{r.key}}` in the template).
///
/// Serves STANDARD.md 1.1.9–1.1.10 and the project's zh/en rule.
enum TrialText {
    static let entries: [(String, String, String)] = [
        ("title", "试运行年跟踪", "Trial year"),
        ("intro", "试运行期（至少一年）逐月对照所选规划版本：各排放源的计划值为规划中该年的排放，按基准年本源的逐月分布（无逐月数据时按天数）分到各月；实际值来自区间清单——有计量数据的月份取计量表，其余取填报的活动数据，各年用各年的因子。某月或累计净排放（排放 − 碳汇）偏离计划超过阈值即生成发现，并列出偏离最大的排放源。有计划排放源缺数据的月份不作判定。抵消按自然年对照。方法见 docs/planning.md §6。",
         "The trial period (at least a year) is held month by month to the chosen plan version: each source's plan is the plan's figure for that year, spread over the months by the source's own base-year monthly profile (by days where the base year has none); actuals come from the range inventory — meters in months they have data, typed activity otherwise, each year's factors. A month, or the trial to date, whose net (emissions − sinks) leaves the plan by more than the threshold is a finding naming the sources that moved most. A month in which a planned source has no data is not judged. Offsets are compared per calendar year. Method: docs/planning.md §6."),
        ("none", "尚未声明试运行期。", "No trial period declared yet."),
        ("noneTenant", "试运行期由园区管理，租户不可见。", "The trial period is the park's; tenants do not see it."),
        ("period", "试运行期", "Trial period"), ("planVersion", "对照的规划版本", "Plan version held to"),
        ("threshold", "偏差阈值", "Deviation threshold"), ("declaredBy", "声明人", "Declared by"), ("declaredAt", "声明时间", "Declared at"),
        ("through", "数据截至", "Data through"), ("notStarted", "尚未开始", "not started"),
        ("findings", "偏差发现", "Findings"), ("noFindings", "已比较的月份均在阈值以内。", "Every month compared is within the threshold."),
        ("noneCompared", "尚无可比较的完整月份。", "No complete month to compare yet."),
        ("toDate", "累计至今", "Trial to date"), ("above", "高于计划", "above plan"), ("below", "低于计划", "below plan"),
        ("causes", "主要原因", "Main causes"), ("sinksCause", "碳汇", "Sinks"),
        ("chart", "逐月净排放：实际（实线）与计划（虚线），tCO2", "Net emissions by month: actual (solid) and plan (dashed), tCO2"),
        ("plannedSeries", "计划", "Plan"), ("actualMeasured", "实际（已比较）", "Actual (compared)"), ("actualPartial", "进行中", "in progress"),
        ("actualFlagged", "数据不全", "incomplete data"), ("actualMissing", "未到或无数据", "ahead or no data"),
        ("month", "月份", "Month"), ("plannedEmissions", "计划排放", "Planned emissions"), ("plannedSinks", "计划碳汇", "Planned sinks"),
        ("plannedNet", "计划净排放", "Planned net"), ("actualEmissions", "实际排放", "Actual emissions"), ("actualSinks", "实际碳汇", "Actual sinks"),
        ("actualNet", "实际净排放", "Actual net"), ("deviation", "偏差", "Deviation"), ("deviationShare", "偏差率", "Deviation share"),
        ("status", "状态", "Status"), ("compared", "已比较", "compared"), ("inProgress", "进行中（按已过天数）", "in progress (days so far)"),
        ("ahead", "未到", "ahead"), ("missingData", "数据不全：", "no data: "),
        ("offsets", "抵消（按自然年）", "Offsets (per calendar year)"), ("year", "年份", "Year"),
        ("plannedOffsets", "计划购买", "Planned purchases"), ("countedOffsets", "清单计入", "Counted in the inventory"),
        ("declare", "声明或修改试运行期", "Declare or change the trial period"), ("start", "开始日期", "Start"), ("end", "结束日期（留空为一年）", "End (blank: one year)"),
        ("thresholdPercent", "偏差阈值（%）", "Threshold (%)"), ("declareButton", "保存试运行期", "Save the trial period"),
        ("needPlan", "先在“规划”页保存一个规划版本，才能声明试运行期。", "Save a plan version on the Plan page first; a trial is held to one."),
        ("replan", "从实际数据重新规划", "Re-plan from actuals"),
        ("replanNote", "以最近 12 个月（截至昨天）的实际数据为基准重新生成路径，保存时记录原因，成为新的规划版本。",
         "Builds the pathway again on the last 12 months of actual data (through yesterday); saving records why, as a new plan version."),
        ("tonnes", "tCO2", "tCO2"),
    ]

    static func dictionary(_ chinese: Bool) -> [String: String] {
        Dictionary(entries.map { ($0.0, chinese ? $0.1 : $0.2) }, uniquingKeysWith: { a, _ in a })
    }
}
