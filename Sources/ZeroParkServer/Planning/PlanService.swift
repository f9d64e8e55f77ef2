import Foundation
import ZeroParkInput
import ZeroParkPlanning
import ZeroParkScenario
import ZeroParkStore

/// Runs a neutrality plan on a stored park (issue #10 item 8): the base year is the park's inventory
/// for the year asked (as the caller may see it, from the inventory cache), the measures and offsets
/// come from the request. Pure planning behind a small shell; the same checks as the command line.
///
/// Serves STANDARD.md 1.1.3(c), 1.1.5–1.1.7, 1.1.13.
struct PlanService: Sendable {
    let inventories: InventoryService

    func run(_ plan: PlanFile, parkKey: String, year: Int, caller: Caller) async throws -> (pathway: Pathway, plan: PlanFile) {
        let computed = try await inventories.compute(parkKey: parkKey, year: year, caller: caller)
        let baseline = PlanBaseline(computed.inventory)
        let settings = PlanSettings(baseYear: baseline.year, targetYear: plan.targetYear, discountRate: plan.discountRate,
                                    bauGrowth: plan.bauGrowth, offsetsFrom: plan.offsetsFrom)
        let pathway = try PathwayPlanner.plan(baseline: baseline, measures: plan.measures, offsets: plan.offsets, settings: settings)
        return (pathway, plan)
    }

    /// Computes the pathway and stores it as the park's next version with its measures file and why.
    func save(_ plan: PlanFile, measuresFile: String, reason: String, parkKey: String, year: Int, caller: Caller) async throws -> StoredPlan {
        let result = try await run(plan, parkKey: parkKey, year: year, caller: caller)
        let document = String(decoding: try Self.json(result.pathway, plan), as: UTF8.self)
        return try await inventories.store.savePlan(parkKey: parkKey, baseYear: result.pathway.settings.baseYear, measuresFile: measuresFile,
                                                    document: document, balanceYear: result.pathway.balanceYear, reason: reason, caller: caller)
    }

    /// `zeropark.plan/1` as the command line writes it (snake_case keys, sorted).
    static func json(_ pathway: Pathway, _ plan: PlanFile) throws -> Data {
        try PlanDocument(pathway, measures: plan.measures, offsets: plan.offsets).json(pretty: false)
    }
}
