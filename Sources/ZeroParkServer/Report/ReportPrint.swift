import Foundation
import Mustache
import ZeroParkCore
import ZeroParkReports

/// The report as one self-contained A4 document (issue #11 item 1): the tables of `InventoryReport`, the
/// balance waterfall and emissions by system as the SVG the dashboard draws, print CSS, and a content
/// policy that forbids any fetch, so headless Chromium prints it without the network. Nothing in it
/// depends on the moment it is made.
enum ReportPrint {
    static func html(_ report: InventoryReport, inventory: Inventory, context: SnapshotContext?, chinese: Bool) -> String {
        let t = Strings(language: chinese ? .zh : .en)
        let waterfall = SVGChart.waterfall(start: .init(t("排放", "Emissions"), inventory.emissionsTco2),
                                           steps: [.init(t("碳汇", "Sinks"), -inventory.sequestrationTco2), .init(t("抵消", "Offsets"), -inventory.offsetsTco2)],
                                           end: t("净排放", "Net"), title: t("碳平衡", "Balance"), unit: "tCO2")
        let bySystem = SVGChart.bar(EmissionSystem.allCases.compactMap { system in inventory.bySystem[system].map { .init(t.system(system), $0) } }
                                        .sorted { $0.value > $1.value }, title: t("按系统排放", "Emissions by system"), unit: "tCO2")
        let data: [String: Any] = [
            "lang": chinese ? "zh-CN" : "en", "title": report.title, "park": report.parkName,
            "period": "\(inventory.period.start) – \(inventory.period.end)",
            "charts": [waterfall, bySystem],
            "contextCharts": context.map { contextCharts($0, t: t) } ?? [],
            "tables": report.tables.map { table in
                ["id": table.id, "title": table.title, "headers": table.headers,
                 "rows": table.rows.map { row in row.map { cell -> [String: Any] in
                     if case .number = cell { return ["text": cell.display, "class": "num"] }
                     // Short texts (a system, a unit, an id) stay on one line; long ones (a factor's source) wrap.
                     let width = cell.display.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
                     return ["text": cell.display, "class": width <= 16 ? "short" : "long"]
                 } }]
            },
            "notesTitle": report.notesTitle, "notes": report.notes, "hasNotes": !report.notes.isEmpty,
            "footer": report.fromSnapshot
                ? t("由 ZeroPark 根据盘查快照生成；方法与因子出处见各表。", "Made by ZeroPark from a stored inventory snapshot; methods and factor sources are in the tables.")
                : t("由 ZeroPark 根据实时数据导出，未保存为快照；方法与因子出处见各表。", "Exported by ZeroPark from live figures, not a stored snapshot; methods and factor sources are in the tables."),
        ]
        return (try? MustacheTemplate(string: template))?.render(data) ?? ""
    }

    /// The monitoring, plan and trial-year charts from what the snapshot recorded beside the inventory:
    /// each metered source's completeness, the plan's yearly path (emissions split into what sinks and
    /// offsets balance and what remains), the trial year's actual net against the plan month by month.
    static func contextCharts(_ context: SnapshotContext, t: Strings) -> [String] {
        var charts: [String] = []
        if !context.quality.isEmpty {
            charts.append(SVGChart.bar(context.quality.map { .init($0.name, $0.completeness * 100) },
                                       title: t("计量数据完整率", "Metered data completeness"), unit: "%"))
        }
        if let years = context.plan?.years, !years.isEmpty {
            let split = years.map(planSplit)
            charts.append(SVGChart.stackedBar(labels: years.map { String($0.year) }, series: [
                SVGChart.Series(t("碳汇平衡", "Balanced by sinks"), split.map(\.sinks)),
                SVGChart.Series(t("抵消平衡", "Balanced by offsets"), split.map(\.offsets)),
                SVGChart.Series(t("剩余净排放", "Remaining net"), split.map(\.remaining)),
            ], title: t("中和方案路径（第 \(context.plan?.version ?? 0) 版）", "Neutrality plan path (version \(context.plan?.version ?? 0))"), unit: "tCO2"))
        }
        if let months = context.trial?.months, !months.isEmpty {
            let points = months.map { month -> SVGChart.QualityPoint in
                let label = Int(month.month.suffix(2)).map { SVGChart.monthLabel($0, chinese: t.language == .zh) } ?? String(month.month.suffix(2))
                guard let net = month.actual_net else { return .init(label, nil, .missing) }
                return .init(label, net, month.partial ? .estimated : .measured)
            }
            charts.append(SVGChart.qualityLine(points, second: SVGChart.Series(t("方案", "Plan"), months.map(\.planned_net)),
                                               title: t("试运行：实际净排放与方案（月）", "Trial year: actual net against the plan (monthly)"), unit: "tCO2",
                                               legend: SVGChart.QualityLegend(measured: t("实际", "Actual"), estimated: t("实际（部分数据）", "Actual (partial data)"),
                                                                              flagged: t("实际（有异常）", "Actual (flagged)"), missing: t("无数据", "No data"))))
        }
        return charts
    }

    /// A plan year's emissions as the bars stack them: the part sinks balance, then the part offsets
    /// balance, then what remains; the three add up to the emissions (a surplus of sinks or offsets
    /// beyond them is not drawn).
    static func planSplit(_ year: SnapshotContext.PlanYear) -> (sinks: Double, offsets: Double, remaining: Double) {
        let emissions = max(0, year.emissions)
        let sinks = min(max(0, year.sinks), emissions)
        let offsets = min(max(0, year.offsets), emissions - sinks)
        return (sinks, offsets, emissions - sinks - offsets)
    }

    static let template = """
    <!doctype html>
    <html lang="{{lang}}"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
    <title>{{title}} · {{park}}</title>
    <style>
    @page { size: A4; margin: 14mm 12mm; }
    body { font-family: "Noto Sans CJK SC", sans-serif; color: #1b2a21; font-size: 9.5pt; margin: 0 auto; max-width: 190mm; }
    h1 { font-size: 20pt; margin: 0 0 1mm; } h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 0.4mm solid #1f5f3a; padding-bottom: 1mm; }
    .meta { color: #4b6354; margin: 0 0 4mm; }
    table { width: 100%; border-collapse: collapse; } th, td { border-bottom: 0.2mm solid #c9d8cd; padding: 1mm 1.2mm; text-align: left; vertical-align: top; }
    th { background: #eef4ef; } td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.short { white-space: nowrap; } td.long { min-width: 28mm; word-break: break-word; }
    section { break-inside: auto; } tr { break-inside: avoid; }
    .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 4mm; } .charts > div { break-inside: avoid; }
    .charts svg { width: 100%; height: auto; max-height: 70mm; }
    #sources td, #sources th, #offsets td, #offsets th, #factors td, #factors th { font-size: 7.5pt; }
    #lineage td { word-break: break-all; }
    footer { margin-top: 6mm; color: #4b6354; font-size: 8pt; }
    .charts > div { min-width: 0; }
    @media screen { body { padding: 0 3mm; } .scroll { overflow-x: auto; } }
    @media screen and (max-width: 640px) { .charts { grid-template-columns: 1fr; } }
    </style></head><body>
    <h1>{{title}}</h1><p class="meta">{{park}} · {{period}}</p>
    <div class="charts">{{#charts}}<div>{{{.}}}</div>{{/charts}}{{#contextCharts}}<div class="context-chart">{{{.}}}</div>{{/contextCharts}}</div>
    {{#tables}}<section id="{{id}}"><h2>{{title}}</h2><div class="scroll"><table><thead><tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr></thead>
    <tbody>{{#rows}}<tr>{{#.}}<td class="{{class}}">{{text}}</td>{{/.}}</tr>{{/rows}}</tbody></table></div></section>{{/tables}}
    {{#hasNotes}}<section id="notes"><h2>{{notesTitle}}</h2><ul>{{#notes}}<li>{{.}}</li>{{/notes}}</ul></section>{{/hasNotes}}
    <footer>{{footer}}</footer>
    </body></html>
    """
}
