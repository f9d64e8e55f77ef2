import Foundation
import ZeroParkOptimisation
import ZeroParkScenario

/// A study's result on the dispatch page as CSV or XLSX (issue #12 defect 9): the tables the page shows,
/// in its words and rounding, and the schedule step by step (China time, kW and kWh unrounded) that the
/// page draws as a chart. Run with the form's "export" buttons; nothing is stored.
enum DispatchDownload {
    /// One of the page's tables from the result's rows: `columns` are the row dictionaries' keys.
    static func table(_ data: [String: Any], rows key: String, title: String, header: [String], columns: [String],
                      numeric: Set<Int>) -> DownloadTable? {
        guard let rows = data[key] as? [[String: String]], !rows.isEmpty else { return nil }
        return DownloadTable(title: title, header: header, rows: rows.map { row in columns.map { row[$0] ?? "" } }, numericColumns: numeric)
    }

    /// The schedule table: one row a step.
    static func schedule(_ a: AssembledScenario, title: String, chinese: Bool, columns: [(String, [Double])]) -> DownloadTable {
        let labels = DispatchPages.labels(a)
        let price = a.expansion.importPrice
        let header = [chinese ? "时间（北京时间）" : "time (CST)"] + columns.map(\.0) + [DispatchText.dictionary(chinese)["price"] ?? "price"]
        let rows = labels.indices.map { step in
            [labels[step]] + columns.map { _, values in DownloadTable.number(values.indices.contains(step) ? values[step] : nil) }
                + [DownloadTable.number(price.indices.contains(step) ? price[step] : nil)]
        }
        return DownloadTable(title: title, header: header, rows: rows, numericColumns: Set(1...(columns.count + 1)))
    }

    static func dispatch(_ outcome: ScenarioOutcome, data: [String: Any], chinese: Bool) -> [DownloadTable] {
        let d = DispatchText.dictionary(chinese)
        func w(_ key: String) -> String { d[key] ?? key }
        let o = outcome.report.optimised.schedule, a = outcome.assembled
        return [
            table(data, rows: "rows", title: w("result"), header: [w("item"), w("optimised"), w("baseline"), w("difference")],
                  columns: ["label", "optimised", "baseline", "difference"], numeric: [1, 2, 3]),
            table(data, rows: "peaks", title: w("peak"), header: [w("month"), w("optimised") + " " + w("peak"), w("baseline") + " " + w("peak")],
                  columns: ["month", "optimised", "baseline"], numeric: [1, 2]),
            schedule(a, title: w("chart"), chinese: chinese, columns: kW(chinese, o, load: zip(a.problem.loadKW, o.evKW).map(+))),
        ].compactMap { $0 }
    }

    static func sizing(_ outcome: SizingOutcome, data: [String: Any], chinese: Bool) -> [DownloadTable] {
        let d = DispatchText.dictionary(chinese)
        func w(_ key: String) -> String { d[key] ?? key }
        let o = outcome.report.with.schedule, a = outcome.assembled
        return [
            table(data, rows: "sizes", title: w("sizingResult"), header: [w("asset"), w("chosen"), w("allowed")],
                  columns: ["asset", "chosen", "allowed"], numeric: []),
            table(data, rows: "economics", title: w("economics"), header: [w("economics"), w("value")], columns: ["label", "value"], numeric: [1]),
            table(data, rows: "mac", title: "MAC", header: [w("measure"), w("importAvoided"), w("tonnesPerYear"), w("cnyPerTonne"), w("capexShort"), w("life")],
                  columns: ["measure", "mwh", "tonnes", "perTonne", "capex", "life"], numeric: [1, 2, 3, 4, 5]),
            schedule(a, title: w("sizedChart"), chinese: chinese, columns: kW(chinese, o, load: zip(a.problem.loadKW, o.evKW).map(+))),
        ].compactMap { $0 }
    }

    static func rolling(_ outcome: RollingOutcome, data: [String: Any], chinese: Bool) -> [DownloadTable] {
        let d = DispatchText.dictionary(chinese)
        func w(_ key: String) -> String { d[key] ?? key }
        let x = outcome.report.realised, a = outcome.assembled, p = a.problem
        let pvOnSite = p.pvAvailableKW.indices.map { t in
            max(0, p.pvAvailableKW[t] - (t < x.pvCurtailedKW.count ? x.pvCurtailedKW[t] : 0) - (t < x.exportKW.count ? x.exportKW[t] : 0))
        }
        let t: (String, String) -> String = { chinese ? $0 : $1 }
        return [
            table(data, rows: "scores", title: w("forecastScores"),
                  header: [w("forecast"), w("method"), w("daysShort"), "nMAE", "MAPE", w("naiveNMAE"), w("naiveMAPE"), w("beats")],
                  columns: ["name", "method", "days", "nmae", "mape", "baselineNMAE", "baselineMAPE", "beats"], numeric: [2]),
            table(data, rows: "costs", title: w("operation"), header: [w("operation"), w("energy"), w("demand"), w("exportShort"), w("cycle"), w("total")],
                  columns: ["label", "energy", "demand", "export", "cycle", "total"], numeric: [1, 2, 3, 4, 5]),
            schedule(a, title: w("rollingChart"), chinese: chinese, columns: [
                (t("负荷（kW）", "load (kW)"), p.loadKW), (t("电网购电（kW）", "grid import (kW)"), x.importKW),
                (t("光伏自用（kW）", "PV used on site (kW)"), pvOnSite), (t("储能充电（kW）", "battery charge (kW)"), x.chargeKW),
                (t("储能放电（kW）", "battery discharge (kW)"), x.dischargeKW), (t("储能荷电（kWh）", "state of charge (kWh)"), x.socKWh),
                (t("上网（kW）", "export (kW)"), x.exportKW),
            ]),
        ].compactMap { $0 }
    }

    /// The columns of a solved schedule.
    static func kW(_ chinese: Bool, _ s: DispatchSchedule, load: [Double]) -> [(String, [Double])] {
        let t: (String, String) -> String = { chinese ? $0 : $1 }
        return [(t("负荷（kW）", "load (kW)"), load), (t("电网购电（kW）", "grid import (kW)"), s.importKW),
                (t("光伏自用（kW）", "PV used on site (kW)"), s.pvUsedKW), (t("储能充电（kW）", "battery charge (kW)"), s.chargeKW),
                (t("储能放电（kW）", "battery discharge (kW)"), s.dischargeKW), (t("储能荷电（kWh）", "state of charge (kWh)"), s.socKWh),
                (t("上网（kW）", "export (kW)"), s.exportKW), (t("热电联产（kW）", "CHP (kW)"), s.chpElectricKW)]
    }
}
