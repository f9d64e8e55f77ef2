import ZeroParkOptimisation
import ZeroParkReports
import ZeroParkScenario

/// The dispatch result for a terminal, Chinese first: the assumptions (tariff with its citation, horizon,
/// grid factor with its citation), the cost breakdown optimised vs baseline with the saving, monthly
/// peaks, PV self-consumption, battery cycles, import tCO2 and the tonnes avoided.
///
/// Serves STANDARD.md 1.1.20(e)(f), 1.1.36 and 1.1.37 (the optimisation result made readable).
struct DispatchTableRenderer {
    let language: OutputLanguage
    var t: Strings { Strings(language: language.reportLanguage) }

    func render(_ outcome: ScenarioOutcome) -> String {
        let a = outcome.assembled, report = outcome.report, o = report.optimised, b = report.baseline
        var out = header(a, title: t("调度结果", "Dispatch"))
        var costs = TextTable(headers: [t("项目", "item"), t("优化", "optimised"), t("基准（无储能）", "baseline (no storage)"), t("差额", "difference")],
                              rightAligned: [1, 2, 3])
        func row(_ zh: String, _ en: String, _ x: Double, _ y: Double, decimals: Int = 2) {
            costs.add([t(zh, en), num(x, decimals), num(y, decimals), num(y - x, decimals)])
        }
        row("电量电费（元）", "energy (CNY)", o.cost.energy, b.cost.energy)
        row("需量电费（元）", "demand charge (CNY)", o.cost.demand, b.cost.demand)
        row("上网收入（元）", "export revenue (CNY)", o.cost.exportRevenue, b.cost.exportRevenue)
        if o.cost.cycle > 0 || b.cost.cycle > 0 { row("储能循环成本（元）", "battery cycle cost (CNY)", o.cost.cycle, b.cost.cycle) }
        if o.cost.fuel > 0 || b.cost.fuel > 0 { row("燃气费（元）", "gas (CNY)", o.cost.fuel, b.cost.fuel) }
        if o.cost.carbon > 0 || b.cost.carbon > 0 { row("碳价成本（元）", "carbon price (CNY)", o.cost.carbon, b.cost.carbon) }
        row("合计（元）", "total (CNY)", o.cost.total, b.cost.total)
        row("购电量（kWh）", "import (kWh)", o.importKWh, b.importKWh, decimals: 0)
        row("上网电量（kWh）", "export (kWh)", o.exportKWh, b.exportKWh, decimals: 0)
        row("光伏利用（kWh）", "PV used (kWh)", o.pvUsedKWh, b.pvUsedKWh, decimals: 0)
        costs.add([t("光伏自用率", "PV self-consumption"), NumberText.percent(o.pvSelfConsumptionShare), NumberText.percent(b.pvSelfConsumptionShare), ""])
        costs.add([t("储能等效循环次数", "battery equivalent cycles"), num(o.batteryCycles), "—", ""])
        if a.gridFactor != nil {
            row("购电排放（tCO2）", "import emissions (tCO2)", o.importTonnesCO2, b.importTonnesCO2, decimals: 3)
        }
        out += costs.render()
        out += "\n" + t("节省", "Saving") + ": \(num(report.saving)) " + t("元", "CNY")
        if b.cost.total > 0 { out += "（\(NumberText.percent(report.saving / b.cost.total))）" }
        out += "\n"
        if a.gridFactor != nil { out += t("避免排放", "Avoided") + ": \(num(report.avoidedTonnesCO2, 3)) tCO2\n" }
        out += factorLine(a)
        if a.evSessionsOutsideHorizon > 0 {
            out += t("有 \(a.evSessionsOutsideHorizon) 个车队充电时段超出调度时段，未计入。", "\(a.evSessionsOutsideHorizon) fleet sessions leave the horizon and are not included.") + "\n"
        }
        var peaks = TextTable(headers: [t("月份", "month"), t("优化最大需量（kW）", "optimised peak (kW)"), t("基准最大需量（kW）", "baseline peak (kW)")],
                              rightAligned: [1, 2])
        let months = a.expansion.months
        for (index, peak) in o.monthlyPeaks.enumerated() {
            let base = b.monthlyPeaks.indices.contains(index) ? b.monthlyPeaks[index].peakKW : .nan
            peaks.add([months.indices.contains(peak.month) ? months[peak.month].description : String(peak.month), num(peak.peakKW, 1), num(base, 1)])
        }
        out += "\n" + peaks.render()
        return out
    }

    /// Title, tariff with its citations, horizon and demand charge, then a blank line.
    func header(_ a: AssembledScenario, title: String) -> String {
        let h = a.scenario.horizon
        var out = title + (a.scenario.name.isEmpty ? "" : " · \(a.scenario.name)") + "\n"
        out += t("电价", "Tariff") + ": \(a.tariff.name) (\(a.tariff.id))\n"
        for c in a.citations { out += "  " + t("出处", "Source") + ": \(c.document) 《\(c.title)》\n" }
        out += t("时段", "Horizon") + ": " + t("\(h.start) 起 \(h.hours) 小时，步长 \(h.stepMinutes) 分钟（\(h.stepCount) 步，北京时间）",
                                             "\(h.hours) h from \(h.start) CST, \(h.stepMinutes)-minute steps (\(h.stepCount) steps)") + "\n"
        if a.problem.demandChargePerKWMonth > 0 {
            out += t("需量电价", "Demand charge") + ": \(num(a.problem.demandChargePerKWMonth)) " + t("元/kW·月", "CNY/kW-month") + "\n"
        }
        return out + "\n"
    }

    /// The grid factor line with its citation, or that none was given.
    func factorLine(_ a: AssembledScenario) -> String {
        guard let f = a.gridFactor else {
            return t("未给出电网排放因子（carbon.grid_factor），不计算排放。", "No grid factor given (carbon.grid_factor): emissions not computed.") + "\n"
        }
        return t("电网排放因子", "Grid factor") + ": \(f.id) \(f.vintage.map(String.init) ?? "") \(num(f.value, 4)) \(f.unitSymbol) — \(f.citation.text(chinese: language == .zh))\n"
    }

    func num(_ value: Double, _ decimals: Int = 2) -> String { NumberText.grouped(value, decimals: decimals) }
}
