import ZeroParkCore

/// One cell of a report table: text, or a number shown with a fixed number of decimals (kept exact in
/// spreadsheets, where it is written as a number).
public enum ReportCell: Hashable, Sendable {
    case text(String)
    case number(Double, decimals: Int)

    /// The cell as a person reads it (numbers grouped, in the table's decimals).
    public var display: String {
        switch self {
        case let .text(text): return text
        case let .number(value, decimals): return NumberText.grouped(value, decimals: decimals)
        }
    }
}

/// A titled table of the report (one sheet of its workbook).
public struct ReportTable: Hashable, Sendable {
    /// A short id, used for the HTML anchor and the sheet order.
    public let id: String
    /// The title, also the sheet's name (at most 31 characters, none of `[]:*?/\`).
    public let title: String
    public let headers: [String]
    public let rows: [[ReportCell]]
}

/// Where a report comes from: the stored snapshot it is generated from (issue #11 item 1: re-made byte
/// for byte from its inputs).
public struct ReportLineage: Hashable, Sendable {
    public let snapshotID: Int64
    public let createdAt: String
    public let createdBy: String
    public let inputHash: String
    public let outputHash: String

    public init(snapshotID: Int64, createdAt: String, createdBy: String, inputHash: String, outputHash: String) {
        self.snapshotID = snapshotID
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.inputHash = inputHash
        self.outputHash = outputHash
    }
}

/// 园区碳排放与碳吸收报告 — the park's emissions-and-sequestration report (STANDARD.md 1.1.11, 1.1.30; issue
/// #11 item 1) as tables, from an inventory recomputed from a stored snapshot: the park and its boundary
/// with its evidence, the period and the accounting basis, every source with its activity data, method,
/// factor and the factor's source, emissions by system, sinks, offsets with their registry references and
/// the rule applied, the balance, the 910号 core indicator, the accounting notes, and the lineage (the
/// snapshot and its hashes). The HTML page, its PDF and the XLSX workbook are all drawn from these tables.
public struct InventoryReport: Hashable, Sendable {
    public let title: String
    public let parkName: String
    /// False for an export of live figures (no stored snapshot behind it).
    public let fromSnapshot: Bool
    public let tables: [ReportTable]
    /// The accounting notes (warnings, each with its clause), and their heading.
    public let notes: [String]
    public let notesTitle: String

    /// The report of a stored snapshot (`lineage`), or with `lineage` nil an export of live figures, which
    /// says so in its title and lineage table (issue #12 defect 9: exports from the overview and source list).
    public init(inventory: Inventory, lineage: ReportLineage?, context: SnapshotContext? = nil, language: ReportLanguage) {
        let t = Strings(language: language)
        let i = inventory, p = i.profile
        fromSnapshot = lineage != nil
        title = lineage == nil ? t("园区碳排放与碳吸收（实时数据导出）", "Park emissions and sequestration (export of live figures)")
            : t("园区碳排放与碳吸收报告", "Park emissions and sequestration report")
        parkName = language == .zh ? p.name : (p.nameEn ?? p.name)
        func tonnes(_ value: Double) -> ReportCell { .number(value, decimals: 2) }
        func share(_ value: Double?) -> ReportCell { .text(value.map { NumberText.percent($0) } ?? "—") }
        var tables: [ReportTable] = []
        tables.append(ReportTable(id: "profile", title: t("园区概况", "Park"), headers: [t("项目", "Item"), t("内容", "Value")], rows: [
            [.text(t("园区名称", "Park")), .text(parkName)],
            [.text(t("园区编号", "Park id")), .text(p.id)],
            [.text(t("园区类型", "Type")), .text(t.parkType(p.type))],
            [.text(t("省份", "Province")), .text(p.province.map { key in FactorLibrary.builtIn.gridArea(key).map { language == .zh ? $0.nameZh : $0.nameEn } ?? key } ?? "—")],
            [.text(t("面积（m²）", "Area (m²)")), .number(p.areaM2, decimals: 0)],
            [.text(t("产值（元）", "Output value (CNY)")), p.outputValueCNY.map { .number($0, decimals: 0) } ?? .text("—")],
            [.text(t("边界证据", "Boundary evidence")), .text(p.boundaryEvidence.isEmpty ? "—" : p.boundaryEvidence.joined(separator: "；"))],
            [.text(t("核算期", "Period")), .text("\(i.period.start) – \(i.period.end)")],
            [.text(t("因子库版本", "Factor library")), .text(i.libraryVersion)],
            [.text(t("外购电力口径", "Purchased electricity basis")), .text(t.marketRule(i.rules.marketBasis))],
            [.text(t("核算依据", "Methods")), .text(t("GB/T 32150、ISO 14064-1、GHG Protocol；本指南 1.1.2–1.1.4", "GB/T 32150, ISO 14064-1, GHG Protocol; the guide's 1.1.2–1.1.4"))],
        ]))
        tables.append(ReportTable(id: "sources", title: t("排放源", "Sources"),
                                  headers: [t("编号", "Id"), t("名称", "Name"), t("系统", "System"), t("方法", "Method"), t("活动数据", "Activity"),
                                            t("单位", "Unit"), t("排放因子", "Factor"), "tCO2", t("占比", "Share"), t("数据来源", "Data source")],
                                  rows: i.sources.map { a in
                                      [.text(a.id), .text(a.name), .text(t.system(a.system)), .text(t.method(a.method)),
                                       .number(a.activity.total, decimals: 2), .text(UnitText.display(a.activity.unit.symbol, chinese: language == .zh)), .text(a.factor?.id ?? "—"),
                                       tonnes(a.tco2), share(i.share(ofSource: a)), .text(a.dataSource ?? "—")]
                                  }))
        // Every factor once, with its value, vintage, source and the sources that use it.
        var factors: [(FactorUse, [String])] = []
        for a in i.sources {
            for f in [a.factor].compactMap({ $0 }) + a.parameters {
                if let index = factors.firstIndex(where: { $0.0.id == f.id && $0.0.value == f.value && $0.0.unit == f.unit }) {
                    if !factors[index].1.contains(a.id) { factors[index].1.append(a.id) }
                } else {
                    factors.append((f, [a.id]))
                }
            }
        }
        tables.append(ReportTable(id: "factors", title: t("排放因子与参数", "Factors and parameters"),
                                  headers: [t("编号", "Id"), t("数值", "Value"), t("单位", "Unit"), t("年份", "Vintage"), t("选用", "Chosen as"),
                                            t("出处", "Source"), t("用于", "Used by")],
                                  rows: factors.map { f, users in
                                      [.text(f.id), .number(f.value, decimals: 6), .text(f.unit.symbol), .text(f.vintage.map(String.init) ?? "—"),
                                       .text(Self.choice(f, t)), .text(Citation.localized(f.source, chinese: language == .zh)), .text(users.joined(separator: "、"))]
                                  }))
        tables.append(ReportTable(id: "systems", title: t("按系统", "By system"), headers: [t("系统", "System"), "tCO2", t("占比", "Share")],
                                  rows: EmissionSystem.allCases.compactMap { system in
                                      guard let value = i.bySystem[system] else { return nil }
                                      return [.text(t.system(system)), tonnes(value), share(i.emissionsTco2 > 0 ? value / i.emissionsTco2 : nil)]
                                  }))
        tables.append(ReportTable(id: "sinks", title: t("碳汇", "Sinks"),
                                  headers: [t("编号", "Id"), t("名称", "Name"), t("类型", "Kind"), "tCO2", t("计算", "Calculation"), t("出处", "Source")],
                                  rows: i.sinks.map { s in
                                      [.text(s.id), .text(s.name), .text(t.sinkKind(s.kind)), tonnes(s.tco2), .text(s.calculation), .text(s.source ?? "—")]
                                  }))
        tables.append(ReportTable(id: "offsets", title: t("碳抵消", "Offsets"),
                                  headers: [t("编号", "Id"), t("名称", "Name"), t("类型", "Type"), t("申报 tCO2", "Claimed tCO2"), t("计入 tCO2", "Counted tCO2"),
                                            t("盈余 tCO2", "Surplus tCO2"), t("本地", "Local"), t("年份", "Vintage"), t("登记编号", "Registry ref"),
                                            t("条款", "Clause"), t("说明", "Note")],
                                  rows: i.offsets.map { o in
                                      [.text(o.id), .text(o.name), .text(t.offsetType(o.type)), tonnes(o.tco2), tonnes(o.countedTco2), tonnes(o.surplusTco2),
                                       .text(t.yesNo(o.local)), .text(o.vintage.map(String.init) ?? "—"), .text(o.registryRef ?? "—"), .text(o.clause),
                                       .text(t.offsetReason(o))]
                                  }))
        let verdict = i.balanced ? t("排放已被吸收与抵消平衡（净排放 ≤ 0，1.1.2(a)）", "balanced (net ≤ 0, 1.1.2(a))")
            : t("未平衡（净排放 > 0）", "not balanced (net > 0)")
        tables.append(ReportTable(id: "balance", title: t("碳平衡", "Balance"), headers: [t("项目", "Item"), "tCO2"], rows: [
            [.text(t("排放", "Emissions")), tonnes(i.emissionsTco2)],
            [.text(t("位置法排放（参考）", "Location-based emissions (reference)")), tonnes(i.locationBasedTco2)],
            [.text(t("碳吸收", "Sequestration")), tonnes(i.sequestrationTco2)],
            [.text(t("碳抵消（计入）", "Offsets (counted)")), tonnes(i.offsetsTco2)],
            [.text(t("净排放 = 排放 − 吸收 − 抵消", "Net = emissions − sequestration − offsets")), tonnes(i.netTco2)],
            [.text(t("结论", "Result")), .text(verdict)],
        ]))
        let indicator = i.indicator
        tables.append(ReportTable(id: "indicator", title: t("国家核心指标", "National indicator"), headers: [t("项目", "Item"), t("数值", "Value")], rows: [
            [.text(t("单位能耗碳排放（tCO2/tce，910号）", "Carbon per energy (tCO2/tce, 910号)")), indicator.value.map { .number($0, decimals: 3) } ?? .text("—")],
            [.text(t("能耗规模", "Energy scale")), .text(t.scaleClass(indicator.scaleClass))],
            [.text(t("阈值", "Threshold")), indicator.threshold.map { .number($0, decimals: 3) } ?? .text(t("未确认", "unconfirmed"))],
            [.text(t("综合能耗（tce）", "Energy (tce)")), .number(i.consumptionTce, decimals: 2)],
            [.text(t("清洁能源占比", "Clean energy share")), share(i.cleanShare)],
        ]))
        let unrecorded = lineage == nil ? t("本导出不含此项。", "Not in this export.")
            : t("本快照保存于记录此项之前，未包含。", "Not recorded: the snapshot was saved before this was kept.")
        var quality: [[ReportCell]] = []
        if let context {
            quality = context.quality.map { q in
                [.text(q.source), .text(q.name), .number(Double(q.expected), decimals: 0), .text(NumberText.percent(q.completeness)),
                 .text(NumberText.percent(q.estimated_share)), .number(Double(q.flagged), decimals: 0),
                 .text(q.completeness < 0.9 ? t("低于 90%，该源排放依据不足", "below 90 %: the source rests on thin data") : t("达标", "met"))]
            }
            quality.append([.text(t("计量表", "Meters")), .text(t("园区计量表总数", "meters in the park")), .number(Double(context.meters), decimals: 0),
                            .text(""), .text(""), .text(""), .text("")])
        } else {
            quality = [[.text("—"), .text(unrecorded), .text(""), .text(""), .text(""), .text(""), .text("")]]
        }
        tables.append(ReportTable(id: "quality", title: t("数据质量与监测", "Data quality and monitoring"),
                                  headers: [t("排放源", "Source"), t("名称", "Name"), t("应有时段", "Expected intervals"), t("实测率", "Measured"),
                                            t("估算占比", "Estimated"), t("标记时段", "Flagged"), t("判断（1.1.33）", "Rule (1.1.33)")],
                                  rows: quality))
        var pathway: [[ReportCell]] = []
        if let context {
            if let plan = context.plan {
                pathway += [
                    [.text(t("碳中和方案版本", "Plan version")), .text("v\(plan.version) · \(plan.created_at) · \(plan.created_by)")],
                    [.text(t("基准年", "Base year")), .text(String(plan.base_year))],
                    [.text(t("达到平衡的年份", "Balance year")), .text(plan.balance_year.map(String.init) ?? t("方案期内未达到", "not within the plan"))],
                    [.text(t("版本说明", "Reason")), .text(plan.reason.isEmpty ? "—" : plan.reason)],
                ]
            } else {
                pathway.append([.text(t("碳中和方案", "Plan")), .text(t("尚未保存方案", "no plan saved"))])
            }
            if let trial = context.trial {
                pathway += [
                    [.text(t("试运行期", "Trial period")), .text("\(trial.start) – \(trial.end) · " + t("对照方案 v", "held to plan v") + String(trial.plan_version))],
                    [.text(t("已比较月份", "Months compared")), .number(Double(trial.months_compared), decimals: 0)],
                    [.text(t("至今计划净排放（tCO2）", "Planned net to date (tCO2)")), tonnes(trial.planned_net_to_date)],
                    [.text(t("至今实际净排放（tCO2）", "Actual net to date (tCO2)")), tonnes(trial.actual_net_to_date)],
                    [.text(t("偏差发现（阈值 ", "Findings (threshold ") + NumberText.percent(trial.threshold) + t("）", ")")),
                     .number(Double(trial.findings), decimals: 0)],
                ]
            } else {
                pathway.append([.text(t("试运行", "Trial year")), .text(t("尚未声明试运行期", "no trial period declared"))])
            }
        } else {
            pathway = [[.text("—"), .text(unrecorded)]]
        }
        tables.append(ReportTable(id: "pathway", title: t("碳中和方案与试运行", "Neutrality plan and trial year"),
                                  headers: [t("项目", "Item"), t("内容", "Value")], rows: pathway))
        if let lineage {
            tables.append(ReportTable(id: "lineage", title: t("溯源", "Lineage"), headers: [t("项目", "Item"), t("内容", "Value")], rows: [
                [.text(t("依据的盘查快照", "Snapshot")), .text("#\(lineage.snapshotID)")],
                [.text(t("快照时间", "Saved at")), .text(lineage.createdAt)],
                [.text(t("保存人", "Saved by")), .text(lineage.createdBy)],
                [.text(t("输入（园区文件）SHA-256", "Input (park file) SHA-256")), .text(lineage.inputHash)],
                [.text(t("输出（盘查 JSON）SHA-256", "Output (inventory JSON) SHA-256")), .text(lineage.outputHash)],
                [.text(t("保存时的数据链头（SHA-256，zeropark verify）", "Data-trail head when saved (SHA-256, zeropark verify)")),
                 .text(context?.data_trail_head.map { "\($0) (#\(context?.data_trail_seq ?? 0))" } ?? "—")],
                [.text(t("重算", "Re-make")), .text(t("本报告由快照的输入园区文件重算生成；同一快照生成的 HTML 与 XLSX 逐字节相同。",
                                                      "Generated by recomputing the snapshot's input park file; the same snapshot gives the same HTML and XLSX, byte for byte."))],
            ]))
        } else {
            tables.append(ReportTable(id: "lineage", title: t("溯源", "Lineage"), headers: [t("项目", "Item"), t("内容", "Value")], rows: [
                [.text(t("依据", "Basis")), .text(t("实时数据，未保存为盘查快照：数值随之后的编辑变化。正式报告请先在“盘查快照”页保存快照，再从快照生成。",
                                                   "Live figures, not a stored snapshot: they change with later edits. For the formal report, save a snapshot on the Inventories page and make the report from it."))],
                [.text(t("当时的数据链头（SHA-256）", "Data-trail head at the time (SHA-256)")),
                 .text(context?.data_trail_head.map { "\($0) (#\(context?.data_trail_seq ?? 0))" } ?? "—")],
            ]))
        }
        self.tables = tables
        notesTitle = t("说明与提示", "Notes")
        notes = i.warnings.map { warning in
            t.accountingWarning(warning, subjectName: i.sources.first { $0.id == warning.subject }?.name)
        }
    }

    /// Why a factor is the one used (1.1.2(b)): the park's own value replacing the library's, a factor the
    /// park defines that the library lacks, or the library's default when the park gave none.
    static func choice(_ f: FactorUse, _ t: Strings) -> String {
        switch (f.origin, f.overridden) {
        case (.park, true): return t("园区数值，替代因子库缺省值", "the park's value, replacing the library default")
        case (.park, false): return t("园区自定（因子库无此项）", "the park's own (not in the library)")
        case (.library, _): return t("因子库缺省值（园区未提供本园区数值）", "library default (the park gave no value of its own)")
        }
    }
}
