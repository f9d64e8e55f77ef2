import ZeroParkCore
import ZeroParkReports

/// The inventory as text for a terminal: summary, systems, sources, sinks, offsets, energy, monthly
/// series and warnings. Chinese by default. Every line fits `width` (100) terminal columns (issue #12
/// defect 11): long names are cut in tables and long texts wrapped; each source's method, factor and
/// location-based figure, and each sink's calculation, are listed with `details`.
struct InventoryTableRenderer {
    let language: OutputLanguage
    var details = false
    static let width = 100
    var t: Strings { Strings(language: language.reportLanguage) }

    func wrap(_ text: String, first: String = "  ", rest: String = "    ") -> String {
        wrapped(text, width: Self.width, first: first, rest: rest)
    }

    func render(_ inventory: Inventory) -> String {
        let profile = inventory.profile
        let name = language == .en ? (profile.nameEn ?? profile.name) : profile.name
        var head = "\(name) (\(profile.id)) · \(t.parkType(profile.type))"
        if let province = profile.province { head += " · \(province)" }
        var out = wrap(head, first: "", rest: "  ")
        out += t("核算期", "Period") + " \(inventory.period.start) – \(inventory.period.end)  ·  "
        out += t("因子库版本", "Factor library") + " \(inventory.libraryVersion)\n\n"

        var summary = TextTable(headers: [t("项目", "Item"), "tCO2"], rightAligned: [1])
        summary.add([t("碳排放（市场法，计入）", "Emissions (market-based, counted)"), NumberText.grouped(inventory.emissionsTco2)])
        summary.add([t("碳排放（位置法）", "Emissions (location-based)"), NumberText.grouped(inventory.locationBasedTco2)])
        summary.add([t("自发自用可再生电力避免排放（单列，不计入）", "Avoided by on-site renewables (apart, not counted)"),
                     NumberText.grouped(inventory.avoidedTco2)])
        summary.add([t("输出电力与热力", "Exported electricity and heat") + "（\(t.exportRule(inventory.rules.exportedEnergy))）",
                     NumberText.grouped(inventory.exportedTco2)])
        summary.add([t("生物质 CO2（单独报告，不计入）", "Biogenic CO2 (reported, not counted)"), NumberText.grouped(inventory.biogenicTco2)])
        if inventory.reportsCombustionNonCO2 {
            summary.add([t("燃烧 CH4 (tCO2e，单独报告，不计入)", "Combustion CH4 (tCO2e, reported apart, not counted)"),
                         NumberText.grouped(inventory.combustionCH4Tco2e)])
            summary.add([t("燃烧 N2O (tCO2e，单独报告，不计入)", "Combustion N2O (tCO2e, reported apart, not counted)"),
                         NumberText.grouped(inventory.combustionN2OTco2e)])
        }
        summary.add([t("碳吸收", "Sequestration"), NumberText.grouped(inventory.sequestrationTco2)])
        summary.add([t("碳抵消（计入）", "Offsets (counted)"), NumberText.grouped(inventory.offsetsTco2)])
        if inventory.offsetSurplusTco2 > 0 {
            summary.add([t("碳抵消盈余（超出排放 − 吸收，不计入）", "Offset surplus (beyond emissions − sequestration, not counted)"),
                         NumberText.grouped(inventory.offsetSurplusTco2)])
        }
        summary.add([t("净排放 = 排放 − 吸收 − 抵消", "Net = emissions − sequestration − offsets"), NumberText.grouped(inventory.netTco2)])
        out += t("【碳平衡】", "[Balance]") + " " + (inventory.balanced
            ? t("已实现碳中和（净排放 ≤ 0，1.1.2(a)）", "balanced (net ≤ 0, 1.1.2(a))")
            : t("未实现碳中和（净排放 > 0，1.1.2(a)）", "not balanced (net > 0, 1.1.2(a))")) + "\n"
        out += summary.render() + "\n"

        out += wrap(t("【电力口径】", "[Electricity basis]") + " " + t.marketRule(inventory.rules.marketBasis), first: "", rest: "  ")
        let residual = inventory.sources.compactMap(\.electricity).first { $0.basis == .residualMix }?.marketFactor
        if let residual {
            out += wrap("\(residual.id)\(residual.vintage.map { "@\($0)" } ?? "") = \(Quantity.format(residual.value)) \(residual.unit.symbol) — \(residual.source)")
        }
        let indicator = inventory.indicator
        var line = t("【国家零碳园区核心指标（910号）】", "[National core indicator (910号)]") + " "
        line += t("单位能耗碳排放", "CO2 per tce") + " = " + (indicator.value.map { Quantity.format($0) } ?? "—") + " tCO2/tce"
        line += "；" + t.scaleClass(indicator.scaleClass) + "；" + t("阈值", "threshold") + " "
        line += (indicator.threshold.map { "≤ \(Quantity.format($0))" } ?? t("无已核实阈值", "none confirmed"))
        if let meets = indicator.meetsThreshold { line += "（" + (meets ? t("达到", "met") : t("未达到", "not met")) + "）" }
        out += wrap(line, first: "", rest: "  ")
        out += wrap(t("清洁能源占比", "Clean-energy share") + " " + NumberText.percent(indicator.cleanShare)
                    + "（" + t.cleanEnergy(indicator.cleanEnergyDefinition) + "）")
        for note in indicator.unconfirmed { out += wrap(note, first: "  · ") }
        out += "\n"

        var systems = TextTable(headers: [t("系统", "System"), "tCO2", t("占比", "Share")], rightAligned: [1, 2])
        for system in EmissionSystem.allCases {
            systems.add([t.system(system), NumberText.grouped(inventory.bySystem[system] ?? 0),
                         NumberText.percent(inventory.share(ofSystem: system))])
        }
        out += t("【按系统】（1.1.2(c)）", "[By system] (1.1.2(c))") + "\n" + systems.render() + "\n"

        var sources = TextTable(headers: [t("排放源", "Source"), t("系统", "System"), t("活动数据", "Activity"), "tCO2", t("占比", "Share")],
                                rightAligned: [2, 3, 4])
        sources.maximumWidths = [0: 34, 1: 12, 2: 22]
        let ranked = inventory.sources.sorted(by: { $0.tco2 > $1.tco2 })
        for account in ranked {
            sources.add(["\(account.id) \(account.name)", t.system(account.system),
                         "\(NumberText.grouped(account.activity.total)) \(UnitText.display(account.activity.unit.symbol, chinese: language == .zh))",
                         NumberText.grouped(account.tco2), NumberText.percent(inventory.share(ofSource: account))])
        }
        out += t("【排放源】（1.1.3，按排放量排序）", "[Sources] (1.1.3, largest first)") + "\n" + sources.render()
        if details {
            for account in ranked {
                out += wrap("\(account.id) \(account.name)", first: "  · ", rest: "    ")
                var parts = [t("方法", "method") + " " + t.method(account.method),
                             t("位置法", "location-based") + " " + NumberText.grouped(account.locationBasedTco2) + " tCO2"]
                if let use = account.factor {
                    parts.append(t("因子", "factor") + " \(use.id)\(use.vintage.map { "@\($0)" } ?? "") = \(Quantity.format(use.value)) \(use.unit.symbol)"
                                 + (use.overridden ? t("（园区覆盖）", " (park override)") : "") + " — \(use.source)")
                }
                out += wrap(parts.joined(separator: t("；", "; ")), first: "    ", rest: "      ")
            }
        }
        out += "\n"

        if !inventory.sinks.isEmpty {
            var sinks = TextTable(headers: [t("碳汇", "Sink"), t("类型", "Kind"), "tCO2", t("占比", "Share")], rightAligned: [2, 3])
            sinks.maximumWidths = [0: 40, 1: 16]
            for sink in inventory.sinks {
                sinks.add(["\(sink.id) \(sink.name)", t.sinkKind(sink.kind), NumberText.grouped(sink.tco2), NumberText.percent(inventory.share(ofSink: sink))])
            }
            out += t("【碳吸收】（1.1.4）", "[Sequestration] (1.1.4)") + "\n" + sinks.render()
            if details {
                for sink in inventory.sinks { out += wrap("\(sink.id): \(sink.calculation)", first: "  · ", rest: "    ") }
            }
            out += "\n"
        }
        if !inventory.offsets.isEmpty {
            var offsets = TextTable(headers: [t("抵消", "Offset"), t("类型", "Type"), t("申报 tCO2", "Claimed"), t("计入 tCO2", "Counted"),
                                              t("盈余 tCO2", "Surplus"), t("本地", "Local")], rightAligned: [2, 3, 4])
            offsets.maximumWidths = [0: 30, 1: 12]
            for offset in inventory.offsets {
                offsets.add(["\(offset.id) \(offset.name)", t.offsetType(offset.type), NumberText.grouped(offset.tco2),
                             NumberText.grouped(offset.countedTco2), NumberText.grouped(offset.surplusTco2), t.yesNo(offset.local)])
            }
            out += t("【碳抵消】（1.1.4(b)、1.1.7、1.1.34）", "[Offsets] (1.1.4(b), 1.1.7, 1.1.34)") + "\n" + offsets.render()
            // Why each is counted or not (1.1.7): always shown, wrapped.
            for offset in inventory.offsets { out += wrap("\(offset.id): \(t.offsetReason(offset))", first: "  · ", rest: "    ") }
            out += "\n"
        }

        var energy = TextTable(headers: [t("能源与强度", "Energy and intensity"), t("数值", "Value")], rightAligned: [1])
        energy.add([t("综合能耗 (tce，GB/T 2589)", "Energy consumption (tce, GB/T 2589)"), NumberText.grouped(inventory.consumptionTce)])
        energy.add([t("清洁能源消费占比", "Clean-energy share"), NumberText.percent(inventory.cleanShare)])
        energy.add([t("单位能耗碳排放 (tCO2/tce)", "Emissions per energy (tCO2/tce)"), inventory.tco2PerTce.map { NumberText.grouped($0, decimals: 4) } ?? "—"])
        energy.add([t("单位面积碳排放 (tCO2/m²)", "Emissions per area (tCO2/m²)"), inventory.tco2PerM2.map { NumberText.grouped($0, decimals: 5) } ?? "—"])
        energy.add([t("万元产值碳排放 (tCO2/万元)", "Emissions per 10,000 CNY output"), inventory.tco2Per10kCNY.map { NumberText.grouped($0, decimals: 5) } ?? "—"])
        out += t("【能源与强度】", "[Energy and intensity]") + "\n" + energy.render() + "\n"

        if !inventory.monthly.isEmpty {
            var monthly = TextTable(headers: [t("月份", "Month"), "tCO2"], rightAligned: [1])
            for month in inventory.monthly { monthly.add([month.month.description, NumberText.grouped(month.tco2)]) }
            out += t("【月度排放】（含月度数据的排放源，覆盖 ", "[Monthly emissions] (sources with monthly data, covering ")
                + NumberText.percent(inventory.monthlyCoverage) + t(" 的排放）", " of emissions)") + "\n" + monthly.render() + "\n"
        }
        if !inventory.warnings.isEmpty {
            out += t("【提示】", "[Warnings]") + "\n"
            var names: [String: String] = [:]
            for a in inventory.sources { names[a.id] = a.name }
            for a in inventory.sinks { names[a.id] = a.name }
            for a in inventory.offsets { names[a.id] = a.name }
            for warning in inventory.warnings {
                out += wrap(t.accountingWarning(warning, subjectName: warning.subject.flatMap { names[$0] })
                            + (warning.clause.map { " [\($0)]" } ?? ""), first: "  - ", rest: "    ")
            }
            out += "\n"
        }
        if !details {
            out += wrap(t("每个排放源的方法、因子及出处、位置法排放：zeropark inventory FILE --details",
                          "Each source's method, factor with its source and location-based figure: zeropark inventory FILE --details"), first: "", rest: "  ")
        }
        out += wrap(t("每条结果的公式、因子出处与数据来源：zeropark inventory FILE --format json",
                      "Formula, factor citation and data source of every line: zeropark inventory FILE --format json"), first: "", rest: "  ")
        return out
    }
}
