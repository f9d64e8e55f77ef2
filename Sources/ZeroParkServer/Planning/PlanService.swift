import Foundation
import ZeroParkCore
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
    /// Today in CST (re-planning from actuals counts the twelve months before it).
    var today: @Sendable () -> CalendarDate? = { ReportClock.today() }

    /// What the base year is: a calendar year's inventory, or the last twelve months of actual data
    /// (re-planning from a trial year's actuals, 1.1.10).
    enum Basis: Sendable, Equatable {
        case year(Int)
        case actuals
    }

    /// A computed plan: the pathway, the measures file it came from, and each source's and existing
    /// sink's share, difficulty and economics (1.1.3(c), 1.1.4(c)).
    struct Outcome: Sendable {
        let pathway: Pathway
        let plan: PlanFile
        let assessments: [SourceAssessment]
    }

    func run(_ plan: PlanFile, parkKey: String, year: Int, caller: Caller) async throws -> Outcome {
        try await run(plan, parkKey: parkKey, basis: .year(year), caller: caller)
    }

    /// The last twelve months through yesterday (CST): their range inventory (meters where they have
    /// data, typed activity otherwise, each year's factors) as a baseline dated the year they end in.
    func actualsBaseline(parkKey: String, caller: Caller) async throws -> (baseline: PlanBaseline, period: AccountingPeriod, sinks: [SinkAccount]) {
        // One year back, plus a day: 2026-11-25 → 2025-11-26 (29 February → 1 March).
        guard let yesterday = today()?.previous,
              let start = CalendarDate(year: yesterday.year - 1, month: yesterday.month, day: yesterday.day)?.nextDay
                ?? CalendarDate(year: yesterday.year - 1, month: 3, day: 1),
              let period = AccountingPeriod(start: start, end: yesterday) else {
            throw StoreError.invalid(field: "basis", message: "no date to count the last twelve months from")
        }
        let range = try await inventories.store.definition(parkKey: parkKey, from: period.start, to: period.end, caller: caller)
        let inventory = try InventoryCalculator.compute(range.definition, today: period.end)
        var baseline = PlanBaseline(inventory)
        baseline.year = period.end.year
        return (baseline, period, inventory.sinks)
    }

    func run(_ plan: PlanFile, parkKey: String, basis: Basis, caller: Caller) async throws -> Outcome {
        let baseline: PlanBaseline, sinks: [SinkAccount]
        switch basis {
        case let .year(year):
            let inventory = try await inventories.compute(parkKey: parkKey, year: year, caller: caller).inventory
            (baseline, sinks) = (PlanBaseline(inventory), inventory.sinks)
        case .actuals:
            let actuals = try await actualsBaseline(parkKey: parkKey, caller: caller)
            (baseline, sinks) = (actuals.baseline, actuals.sinks)
        }
        let settings = PlanSettings(baseYear: baseline.year, targetYear: plan.targetYear, discountRate: plan.discountRate,
                                    bauGrowth: plan.bauGrowth, offsetsFrom: plan.offsetsFrom)
        let pathway = try PathwayPlanner.plan(baseline: baseline, measures: plan.measures, offsets: plan.offsets, settings: settings)
        let assessments = SourceAssessor.assess(baseline: baseline, measures: plan.measures, offsets: plan.offsets, economics: pathway.economics)
            + SourceAssessor.assess(sinks: sinks)
        return Outcome(pathway: pathway, plan: plan, assessments: assessments)
    }

    /// Computes the pathway and stores it as the park's next version with its measures file and why.
    func save(_ plan: PlanFile, measuresFile: String, reason: String, parkKey: String, year: Int, caller: Caller) async throws -> StoredPlan {
        try await save(plan, measuresFile: measuresFile, reason: reason, parkKey: parkKey, basis: .year(year), caller: caller)
    }

    /// Saves a version; one re-planned from actuals records that, and the months, before the reason.
    func save(_ plan: PlanFile, measuresFile: String, reason: String, parkKey: String, basis: Basis, caller: Caller) async throws -> StoredPlan {
        let result = try await run(plan, parkKey: parkKey, basis: basis, caller: caller)
        var reason = reason
        if basis == .actuals, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let period = try await actualsBaseline(parkKey: parkKey, caller: caller).period
            reason = "[实际数据 actuals \(period.start)..\(period.end)] " + reason
        }
        let document = String(decoding: try Self.json(result), as: UTF8.self)
        return try await inventories.store.savePlan(parkKey: parkKey, baseYear: result.pathway.settings.baseYear, measuresFile: measuresFile,
                                                    document: document, balanceYear: result.pathway.balanceYear, reason: reason, caller: caller)
    }

    /// `zeropark.plan/1` as the command line writes it (snake_case keys, sorted).
    static func json(_ outcome: Outcome) throws -> Data {
        try PlanDocument(outcome.pathway, measures: outcome.plan.measures, offsets: outcome.plan.offsets,
                         assessments: outcome.assessments).json(pretty: false)
    }
}
