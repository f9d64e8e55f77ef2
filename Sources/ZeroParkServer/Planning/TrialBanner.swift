import ZeroParkPlanning
import ZeroParkReports

/// The trial year on the park's dashboard (issue #10 item 6; STANDARD.md 1.1.10): how many months have
/// been compared and each finding in one line, with the sources that caused it, linking to the trial page.
enum TrialBanner {
    static func html(_ report: TrialService.Report, parkKey: String, chinese: Bool) -> String {
        let text = TrialText.dictionary(chinese)
        func e(_ value: String) -> String { SVGChart.escape(value) }
        func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + Display.number(value, decimals: 1) }
        let progress = report.progress
        let findings = progress.findings
        var html = "<section class=\"card\" id=\"trial-banner\"><h2>\(e(text["title"] ?? ""))</h2><p>"
        html += "\(e(text["period"] ?? "")) \(e(report.declaration.start)) – \(e(report.declaration.end)) · "
        html += chinese ? "已比较 \(progress.monthsCompared) 个月" : "\(progress.monthsCompared) month(s) compared"
        html += " · \(e(text["threshold"] ?? "")) \(e(Display.percent(report.declaration.threshold)))</p>"
        if findings.isEmpty {
            html += "<p>\(e(progress.monthsCompared > 0 ? text["noFindings"] ?? "" : text["noneCompared"] ?? ""))</p>"
        } else {
            html += "<ul>"
            // The trial to date first, then the latest months.
            for finding in (findings.filter { $0.month == nil } + findings.filter { $0.month != nil }.reversed()).prefix(4) {
                let label = finding.month?.description ?? (text["toDate"] ?? "")
                let direction = (finding.isAbovePlan ? text["above"] : text["below"]) ?? ""
                let causes: String = finding.causes.map { cause -> String in
                    let name = cause.source == TrialTracker.sinksCause ? (text["sinksCause"] ?? "") : (report.names[cause.source] ?? cause.source)
                    return "\(name) \(signed(cause.deviation))"
                }.joined(separator: chinese ? "，" : ", ")
                let css: String = finding.isAbovePlan ? "warn" : "ok"
                html += "<li class=\"\(css)\"><strong>\(e(label))</strong> \(e(direction)) \(e(signed(finding.deviation))) tCO2"
                let sign: String = finding.share > 0 ? "+" : ""
                html += "（\(e(sign + Display.percent(finding.share)))）"
                let causesLabel = e(text["causes"] ?? "")
                let escapedCauses: String = e(causes)
                let line: String = chinese ? "；\(causesLabel)：\(escapedCauses)" : "; \(causesLabel): \(escapedCauses)"
                if !causes.isEmpty { html += line }
                html += "</li>"
            }
            html += "</ul>"
        }
        html += "<p><a href=\"/parks/\(e(parkKey))/trial\" id=\"trial-banner-link\">\(e(chinese ? "查看试运行年跟踪" : "Open the trial year"))</a></p></section>"
        return html
    }
}
