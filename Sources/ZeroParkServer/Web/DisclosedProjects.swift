import Foundation
import ZeroParkPlanning
import ZeroParkStore

/// The measures of a published park's latest plan version as its disclosure lists them (issue #11 item 6,
/// STANDARD.md 1.1.2(d): the reduction targets and projects): name, kind, stage (reduce or absorb), start
/// year and tonnes a year, read from the stored `zeropark.plan/1` document. Costs are not disclosed.
enum DisclosedProjects {
    static func rows(_ plan: StoredPlan, chinese: Bool) -> [[String: String]] {
        guard let text = plan.document, let document = try? JSONDecoder().decode(PlanExports.Document.self, from: Data(text.utf8)) else { return [] }
        return document.measures.map { measure in
            let category = MeasureCategory(rawValue: measure.category).map { chinese ? $0.nameZh : $0.nameEn } ?? measure.category
            let stage: String
            switch measure.stage {
            case "reduction": stage = chinese ? "减排" : "reduce"
            case "sink": stage = chinese ? "碳汇" : "absorb"
            default: stage = measure.stage ?? "—"
            }
            return ["name": measure.name, "category": category, "stage": stage, "start": measure.start_year.map(String.init) ?? "—",
                    "tonnes": measure.tonnes_per_year.map { Display.number($0, decimals: 1) } ?? "—"]
        }
    }
}
