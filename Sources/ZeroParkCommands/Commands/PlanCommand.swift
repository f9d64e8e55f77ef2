import ArgumentParser
import Foundation
import ZeroParkCore
import ZeroParkInput
import ZeroParkPlanning
import ZeroParkReports
import ZeroParkScenario

/// `zeropark plan PARKFILE --measures FILE [--format table|json] [--lang zh|en]`: the neutrality
/// pathway from the park file's inventory (the base year) and a measures file (docs/planning.md):
/// measures by abatement cost, then year by year reduce → absorb → offset, local credits first.
/// Exit codes: 0 ok, 1 a file is wrong or the plan breaks the ordering rule, 2 usage.
///
/// Serves STANDARD.md 1.1.3(c), 1.1.5–1.1.7, 1.1.13.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Neutrality pathway: measures by abatement cost, reduce → absorb → offset (docs/planning.md).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The park file (YAML, format version 1): its inventory is the base year.") var file: String
    @Option(help: "The measures file (YAML, zeropark_plan: 1).") var measures: String
    @Option(help: "table (terminal) or json (zeropark.plan/1).") var format: Format = .table
    @Option(help: "Language of the table: zh (简体中文) or en.") var lang: OutputLanguage = .zh

    func run() throws {
        let inventory = try ParkFileLoader.inventory(file, language: lang)
        let url = URL(fileURLWithPath: measures)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw CommandLineFailure("error: \(measures): 找不到文件 / no such file")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > PlanFileReader.maxBytes {
            throw CommandLineFailure("error: \(measures): \(size) 字节，上限 \(PlanFileReader.maxBytes) / \(size) bytes; at most \(PlanFileReader.maxBytes)")
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw CommandLineFailure("error: \(measures): 不是可读的 UTF-8 文本 / not readable UTF-8 text")
        }
        let chinese = lang == .zh
        let plan: PlanFile
        do { plan = try PlanFileReader.read(yaml: text) } catch { throw failure(error.problems, chinese: chinese) }
        let baseline = PlanBaseline(inventory)
        let settings = PlanSettings(baseYear: baseline.year, targetYear: plan.targetYear, discountRate: plan.discountRate,
                                    bauGrowth: plan.bauGrowth, offsetsFrom: plan.offsetsFrom)
        let pathway: Pathway
        do {
            pathway = try PathwayPlanner.plan(baseline: baseline, measures: plan.measures, offsets: plan.offsets, settings: settings)
        } catch {
            throw failure(error.problems, chinese: chinese)
        }
        let assessments = SourceAssessor.assess(baseline: baseline, measures: plan.measures, offsets: plan.offsets, economics: pathway.economics)
            + SourceAssessor.assess(sinks: inventory.sinks)
        switch format {
        case .table:
            print(PlanTableRenderer(language: lang).render(pathway, measures: plan.measures, assessments: assessments), terminator: "")
        case .json:
            print(String(decoding: try PlanDocument(pathway, measures: plan.measures, offsets: plan.offsets, assessments: assessments).json(pretty: true),
                         as: UTF8.self))
        }
    }

    /// One line per problem: `file:line:column: field: 中文 / English`.
    func failure(_ problems: [InputProblem], chinese: Bool) -> CommandLineFailure {
        let lines = problems.map { p -> String in
            let place = p.line.map { ":\($0)" + (p.column.map { ":\($0)" } ?? "") } ?? ""
            return "error: \(measures)\(place): \(p.field): " + (chinese ? p.zh + " / " + p.en : p.en)
        }
        return CommandLineFailure(lines.joined(separator: "\n") + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(measures)")
    }
}

/// The pathway as terminal tables: the measures in the order they are applied with their economics,
/// then the years. Chinese headings first.
struct PlanTableRenderer {
    let language: OutputLanguage

    func render(_ pathway: Pathway, measures: [Measure], assessments: [SourceAssessment] = []) -> String {
        let zh = language == .zh
        func t(_ chinese: String, _ english: String) -> String { zh ? chinese : english }
        func number(_ value: Double?, _ decimals: Int = 1) -> String { value.map { NumberText.grouped($0, decimals: decimals) } ?? "—" }
        let settings = pathway.settings
        var text = t("碳中和路径", "Neutrality pathway") + " · " + t("基准年", "base year") + " \(settings.baseYear) → "
            + t("目标年", "target year") + " \(settings.targetYear) · " + t("贴现率", "discount rate") + " " + NumberText.percent(settings.discountRate)
            + " · " + t("基准情景年增长", "BAU growth") + " " + NumberText.percent(settings.bauGrowth) + "\n\n"
        if !assessments.isEmpty {
            var sources = TextTable(headers: [t("排放源/碳汇", "Source / sink"), "tCO2", t("占比", "Share"), t("难度", "Difficulty"),
                                              t("最低边际成本 元/tCO2", "Lowest MAC CNY/tCO2"), t("依据", "Why")], rightAligned: [1, 2, 4])
            for item in assessments {
                sources.add(["\(item.name) (\(item.id))\(item.isSink ? t("［碳汇］", " [sink]") : "")", number(item.tco2), NumberText.percent(item.share),
                             zh ? item.difficulty.nameZh : item.difficulty.nameEn, number(item.cheapestMAC, 2),
                             item.reasons.map { zh ? $0.zh : $0.en }.joined(separator: t("；", "; "))])
            }
            text += t("排放源与碳汇的占比、减排难度与经济性（1.1.3(c)、1.1.4(c)）", "Sources and sinks: share, difficulty and economics (1.1.3(c), 1.1.4(c))")
                + "\n" + sources.render() + "\n"
        }
        let byID = Dictionary(measures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var table = TextTable(headers: [t("顺序", "Order"), t("措施", "Measure"), t("类别", "Category"), t("开始", "Start"),
                                        t("年减排/吸收 tCO2", "tCO2 a year"), t("年化成本 元", "Annual cost CNY"),
                                        t("边际成本 元/tCO2", "MAC CNY/tCO2")], rightAligned: [0, 3, 4, 5, 6])
        let order = pathway.reductionOrder + measures.filter { $0.stage == .sink }.map(\.id).sorted()
        var needing: [String] = []
        for (index, id) in order.enumerated() {
            guard let measure = byID[id], let economics = pathway.economics[id] else { continue }
            table.add(["\(index + 1)", "\(measure.name) (\(id))", zh ? measure.category.nameZh : measure.category.nameEn, "\(measure.startYear)",
                       number(economics.tonnesPerYear), number(economics.annualCostCNY, 0), number(economics.macCNYPerTonne, 2)])
            if !economics.missing.isEmpty { needing.append("\(id)（\(economics.missing.joined(separator: ", "))）") }
        }
        text += t("措施（先减排，按边际减排成本由低到高；后碳汇）", "Measures (reductions by abatement cost, lowest first; then sinks)") + "\n" + table.render()
        if !needing.isEmpty {
            text += t("未给出全部成本、无法计算边际成本：", "No MAC until all costs are given: ") + needing.joined(separator: t("；", "; ")) + "\n"
        }
        var years = TextTable(headers: [t("年份", "Year"), t("基准情景", "BAU"), t("减排", "Reduced"), t("排放", "Emissions"),
                                        t("碳汇", "Sinks"), t("本地抵消", "Local offsets"), t("其他抵消", "Other offsets"),
                                        t("净排放", "Net"), t("措施成本 元", "Measures CNY"), t("抵消成本 元", "Offsets CNY")],
                              rightAligned: Set(0..<10))
        for year in pathway.years {
            let local = year.offsets.filter(\.local).reduce(0) { $0 + $1.tonnes }
            years.add(["\(year.year)", number(year.businessAsUsual), number(year.reductions.values.reduce(0, +)), number(year.emissions),
                       number(year.sequestration), number(local), number(year.offsetTonnes - local), number(year.net),
                       number(year.measureCostCNY, 0), number(year.offsetCostCNY, 0)])
        }
        text += "\n" + t("逐年路径（tCO2）", "Year by year (tCO2)") + "\n" + years.render()
        text += "\n" + t("实现碳平衡（含抵消）", "Balanced (with offsets)") + ": " + (pathway.balanceYear.map(String.init) ?? t("目标年前未实现", "not by the target year"))
        text += t("；不计抵消", "; without offsets") + ": " + (pathway.balanceWithoutOffsetsYear.map(String.init) ?? "—")
        if !pathway.netNegativeYears.isEmpty {
            text += t("；净负排放年份", "; net-negative years") + ": " + pathway.netNegativeYears.map(String.init).joined(separator: ", ")
        }
        return text + "\n"
    }
}
