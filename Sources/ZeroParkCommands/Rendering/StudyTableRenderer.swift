import ZeroParkForecast
import ZeroParkOptimisation
import ZeroParkReports
import ZeroParkScenario

/// The sizing and rolling studies for a terminal, Chinese first: the basis (as for dispatch), then for
/// sizing the chosen sizes, the annual economics and the abatement rows; for rolling the forecasts'
/// scores against seasonal-naive and the realised cost against perfect foresight and the baseline.
///
/// Serves STANDARD.md 1.1.20(b)(c)(e) and 1.1.37 (the study results made readable).
struct StudyTableRenderer {
    let language: OutputLanguage
    var t: Strings { Strings(language: language.reportLanguage) }
    var base: DispatchTableRenderer { DispatchTableRenderer(language: language) }

    func num(_ value: Double, _ decimals: Int = 2) -> String { NumberText.grouped(value, decimals: decimals) }
    func optional(_ value: Double?, _ decimals: Int = 2) -> String { value.map { num($0, decimals) } ?? "—" }

    func render(_ outcome: SizingOutcome) -> String {
        let a = outcome.assembled, r = outcome.report
        var out = base.header(a, title: t("容量优化", "Sizing"))
        var sizes = TextTable(headers: [t("资产", "asset"), t("最优容量", "chosen size"), t("允许范围", "allowed")], rightAligned: [1])
        if let pv = outcome.sizing.pv {
            sizes.add([t("新增光伏", "new PV"), num(r.pvKWp, 1) + " kWp", "\(num(pv.minKWp, 0))–\(num(pv.maxKWp, 0)) kWp"])
        }
        if let b = outcome.sizing.battery {
            sizes.add([t("储能容量", "battery energy"), num(r.batteryKWh, 1) + " kWh", "\(num(b.minKWh, 0))–\(num(b.maxKWh, 0)) kWh"])
            sizes.add([t("储能功率", "battery power"), num(r.batteryKW, 1) + " kW", "\(num(b.minKW, 0))–\(num(b.maxKW, 0)) kW"])
        }
        out += sizes.render() + "\n"
        let fraction = a.problem.stepHours * Double(a.problem.stepCount) / 8_760
        if fraction < 0.999 {
            out += t("时段不足一年：年度数字按 8760 小时 ÷ 时段折算（×\(num(1 / fraction, 3))）。",
                     "The horizon is shorter than a year: annual figures are scaled by 8,760 h ÷ horizon (×\(num(1 / fraction, 3))).") + "\n"
        }
        var money = TextTable(headers: [t("年度经济性", "annual economics"), t("数值", "value")], rightAligned: [1])
        money.add([t("初始投资（元）", "capital cost (CNY)"), num(r.capexCNY, 0)])
        money.add([t("年运行费用 不新增（元）", "operating cost without (CNY/yr)"), num(r.annualOperatingCostWithout, 0)])
        money.add([t("年运行费用 新增后（元）", "operating cost with (CNY/yr)"), num(r.annualOperatingCostWith, 0)])
        money.add([t("年化投资（元）", "annualised capital (CNY/yr)"), num(r.annualisedCapitalCNY, 0)])
        money.add([t("年运维（元）", "O&M (CNY/yr)"), num(r.annualOMCNY, 0)])
        money.add([t("净现值（元）", "NPV (CNY)") + t("，\(num(r.analysisYears, 0)) 年，折现率 \(NumberText.percent(r.discountRate))",
                                                 ", \(num(r.analysisYears, 0)) years at \(NumberText.percent(r.discountRate))"), num(r.npv, 0)])
        money.add([t("静态回收期（年）", "simple payback (years)"), r.simplePaybackYears.map { num($0, 1) } ?? t("不回收", "never")])
        money.add([t("新增光伏度电成本（元/kWh）", "new PV LCOE (CNY/kWh)"), optional(r.pvLCOE, 4)])
        if a.gridFactor != nil {
            money.add([t("年减排（tCO2）", "tCO2 avoided per year"), num(r.tonnesCO2AvoidedPerYear, 1)])
            money.add([t("单位减排成本（元/tCO2）", "cost per tonne avoided (CNY/tCO2)"), optional(r.cnyPerTonneAvoided, 1)])
        }
        out += money.render()
        if !r.abatementOptions.isEmpty {
            var rows = TextTable(headers: [t("措施", "measure"), t("减少购电 MWh/年", "import avoided MWh/yr"), "tCO2/" + t("年", "yr"),
                                           t("元/tCO2", "CNY/tCO2"), t("投资（元）", "capex (CNY)"), t("寿命（年）", "life (yr)")],
                                 rightAligned: [1, 2, 3, 4, 5])
            for o in r.abatementOptions {
                rows.add([o.measure, num(o.importReductionMWhPerYear, 1), num(o.tonnesCO2PerYear, 1), optional(o.cnyPerTonne, 1),
                          num(o.capexCNY, 0), num(o.lifetimeYears, 0)])
            }
            out += "\n" + t("边际减排成本（MAC）", "Marginal abatement cost (MAC)") + "\n" + rows.render()
        }
        out += "\n" + base.factorLine(a)
        out += t("以 --format plan 输出减排方案措施（docs/planning.md §5）。", "Use --format plan for the plan's measures (docs/planning.md §5).") + "\n"
        return out
    }

    func render(_ outcome: RollingOutcome) -> String {
        let a = outcome.assembled, r = outcome.report, s = outcome.rolling
        var out = base.header(a, title: t("滚动运行", "Rolling operation"))
        out += t("每 \(s.commitSteps) 步按预测重新求解未来 \(s.horizonHours) 小时，执行首步；历史 \(s.historyDays) 天。",
                 "Every \(s.commitSteps) step(s), re-solve the next \(s.horizonHours) h on forecasts and commit the first; \(s.historyDays) days of history.") + "\n"
        let chinese = language == .zh
        out += t("负荷预测", "Load forecast") + ": \(s.loadMethodName(chinese: chinese))\n"
        if outcome.pvForecastName != nil { out += t("光伏预测", "PV forecast") + ": \(s.pvMethodName(chinese: chinese))\n" }
        let scores = [(t("负荷", "load"), outcome.loadBacktest), (t("光伏", "PV"), outcome.pvBacktest)].compactMap { name, b in b.map { (name, $0) } }
        if !scores.isEmpty {
            var table = TextTable(headers: [t("日前预测", "day-ahead forecast"), "nMAE", "MAPE", t("季节朴素 nMAE", "seasonal-naive nMAE"),
                                            t("季节朴素 MAPE", "seasonal-naive MAPE"), t("优于基准", "beats baseline")], rightAligned: [1, 2, 3, 4])
            for (name, b) in scores {
                table.add(["\(name)（\(b.days) " + t("天", "days") + "）", pct(b.metrics.nmae), pct(b.metrics.mape), pct(b.baselineMetrics.nmae),
                           pct(b.baselineMetrics.mape), b.beatsBaselineOnNMAE ? t("是", "yes") : t("否", "no")])
            }
            out += "\n" + table.render()
            out += t("MAPE 不计实际值为 0 的时段（夜间光伏）；季节朴素 = 上周同一时刻。",
                     "MAPE skips steps whose actual is 0 (night PV); seasonal-naive = the same hour last week.") + "\n"
        }
        var costs = TextTable(headers: [t("运行方式", "operation"), t("电量电费", "energy"), t("需量电费", "demand"), t("上网收入", "export"),
                                        t("循环成本", "cycle"), t("合计（元）", "total (CNY)")], rightAligned: [1, 2, 3, 4, 5])
        func add(_ label: String, _ c: DispatchCost) {
            costs.add([label, num(c.energy), num(c.demand), num(c.exportRevenue), num(c.cycle), num(c.total)])
        }
        if let b = r.baseline { add(t("无储能基准", "no battery"), b.cost) }
        add(t("滚动运行（实际）", "rolling (realised)"), r.realisedCost)
        add(t("完全预见最优", "perfect foresight"), r.perfectForesight.cost)
        out += "\n" + costs.render()
        out += t("与完全预见的差距", "Gap to perfect foresight") + ": \(num(r.costGap)) " + t("元", "CNY")
        if let g = r.relativeCostGap { out += "（\(NumberText.percent(g))）" }
        out += "\n"
        if let share = r.capturedSavingShare {
            out += t("获得完全预见节省的比例", "Share of the perfect-foresight saving captured") + ": \(NumberText.percent(share))\n"
        }
        out += t("求解次数", "Solves") + ": \(r.solves)，Clp \(num(r.solverSeconds, 2)) s\n"
        if !r.importLimitExceededSteps.isEmpty {
            out += t("预测误差使 \(r.importLimitExceededSteps.count) 步的购电超过接入上限。",
                     "Forecast error pushed import over the connection limit in \(r.importLimitExceededSteps.count) steps.") + "\n"
        }
        return out
    }

    func pct(_ x: Double?) -> String { x.map { NumberText.percent($0) } ?? "—" }
}
