import Foundation
import ZeroParkCore
import ZeroParkPlanning
import ZeroParkStore

/// The trial year against its plan (issue #10 item 6; STANDARD.md 1.1.9–1.1.10): reads the declared
/// period and the plan version it is held to, builds the actuals from the range inventory of the days
/// that have passed (meters where they have data, typed activity otherwise, each year's factors) and
/// hands them to the pure `TrialTracker`. Offsets are claimed per calendar year, so they are compared
/// per year: the plan's purchases against the offsets the year's inventory counts.
struct TrialService: Sendable {
    let inventories: InventoryService
    /// Today in CST (the last day counted is the day before).
    var today: @Sendable () -> CalendarDate? = { ReportClock.today() }

    /// The trial's state, or nil when the park has declared none.
    struct Report: Sendable {
        let declaration: TrialDeclaration
        let period: AccountingPeriod
        let plan: StoredPlan
        let progress: TrialProgress
        /// Source id → name (from the trial's inventory and the plan's base year).
        let names: [String: String]
        /// Per calendar year of the trial: planned offsets and the offsets that year's inventory counts.
        let offsets: [(year: Int, planned: Double, counted: Double?)]
        /// The last day counted (nil while the trial has not begun).
        let through: CalendarDate?
    }

    func report(parkKey: String, caller: Caller) async throws -> Report? {
        let store = inventories.store
        guard let declaration = try await store.trial(parkKey: parkKey, caller: caller), let period = declaration.period else { return nil }
        let plan = try await store.plan(parkKey: parkKey, version: declaration.planVersion, caller: caller)
        let planned = try Self.plannedYears(plan)
        var names: [String: String] = [:]
        var profile: [String: [Double]] = [:]
        if let base = try? await inventories.compute(parkKey: parkKey, year: plan.baseYear, caller: caller).inventory {
            profile = TrialTracker.profile(base)
            for account in base.sources { names[account.id] = account.name }
        }
        let yesterday = today()?.previous
        let through = yesterday.flatMap { $0 >= period.start ? min($0, period.end) : nil }
        var bySource: [String: [Double?]] = [:]
        var sinks: [Double] = []
        var elapsed: [YearMonth: Int] = [:]
        if let through, let range = AccountingPeriod(start: period.start, end: through) {
            let definition = try await store.definition(parkKey: parkKey, from: range.start, to: range.end, caller: caller)
            let inventory = try InventoryCalculator.compute(definition.definition, today: range.end)
            let months = range.months
            for month in months { elapsed[month] = Self.days(of: month, in: range) }
            for account in inventory.sources {
                names[account.id] = account.name
                let present = definition.monthsWithData[account.id] ?? []
                let monthly = account.monthlyTco2 ?? []
                bySource[account.id] = months.indices.map { index in
                    index < present.count && present[index] && index < monthly.count ? monthly[index] : nil
                }
            }
            for source in definition.missing { bySource[source] = months.map { _ in nil } }
            sinks = months.map { inventory.sequestrationTco2 * Double(Self.days(of: $0, in: range)) / Double(range.days) }
        }
        let spans = period.months.map { month in
            TrialMonthSpan(month: month, trialDays: Self.days(of: month, in: period), elapsedDays: elapsed[month] ?? 0)
        }
        let progress = TrialTracker.track(plan: planned, profile: profile,
                                          actuals: TrialActuals(months: spans, bySource: bySource, sinks: sinks),
                                          threshold: declaration.threshold)
        var offsets: [(year: Int, planned: Double, counted: Double?)] = []
        for year in period.start.year...period.end.year {
            let counted = try? await inventories.compute(parkKey: parkKey, year: year, caller: caller).inventory.offsetsTco2
            offsets.append((year, planned[year]?.offsets ?? 0, counted))
        }
        return Report(declaration: declaration, period: period, plan: plan, progress: progress, names: names, offsets: offsets, through: through)
    }

    /// Declares the trial after checking that the plan version can be tracked (its document carries
    /// per-source figures; versions saved before they existed must be saved again).
    func declare(parkKey: String, start: CalendarDate, end: CalendarDate, planVersion: Int, threshold: Double,
                 caller: Caller) async throws -> TrialDeclaration {
        let store = inventories.store
        if let plan = try? await store.plan(parkKey: parkKey, version: planVersion, caller: caller) {
            _ = try Self.plannedYears(plan)
        }
        return try await store.declareTrial(parkKey: parkKey, start: start, end: end, planVersion: planVersion, threshold: threshold, caller: caller)
    }

    /// Days of `month` inside `period`.
    static func days(of month: YearMonth, in period: AccountingPeriod) -> Int {
        guard let first = CalendarDate(year: month.year, month: month.month, day: 1),
              let last = CalendarDate(year: month.year, month: month.month, day: CalendarDate.daysInMonth(year: month.year, month: month.month)) else { return 0 }
        return max(0, min(last, period.end).dayNumber - max(first, period.start).dayNumber + 1)
    }

    /// The plan's years as the trial reads them, from the stored `zeropark.plan/1` document.
    static func plannedYears(_ plan: StoredPlan) throws -> [Int: PlannedYear] {
        struct Document: Decodable {
            struct Year: Decodable {
                struct Purchase: Decodable { let tonnes: Double }
                let year: Int
                let bySourceTco2: [String: Double]?
                let sinks: [String: Double]
                let offsets: [Purchase]
            }
            let years: [Year]
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let text = plan.document, let document = try? decoder.decode(Document.self, from: Data(text.utf8)) else {
            throw StoreError.invalid(field: "plan_version", message: "plan version \(plan.version) has no readable document")
        }
        var result: [Int: PlannedYear] = [:]
        for year in document.years {
            guard let bySource = year.bySourceTco2 else {
                throw StoreError.invalid(field: "plan_version",
                                         message: "plan version \(plan.version) predates per-source figures: save the plan again to track a trial against it")
            }
            result[year.year] = PlannedYear(bySource: bySource, sinks: year.sinks.values.reduce(0, +),
                                            offsets: year.offsets.reduce(0) { $0 + $1.tonnes })
        }
        return result
    }
}

/// The trial's progress as the API answers it (snake_case keys; tCO2; shares as fractions).
struct TrialDocument: Encodable {
    struct Month: Encodable {
        let month: String, trialDays: Int, elapsedDays: Int, plannedEmissions: Double, plannedSinks: Double, plannedNet: Double
        let actualEmissions: Double?, actualSinks: Double?, actualNet: Double?, status: String, missingSources: [String]
    }
    struct Cause: Encodable { let source: String, planned: Double, actual: Double, deviation: Double }
    struct Finding: Encodable {
        let month: String?, plannedNet: Double, actualNet: Double, deviation: Double, share: Double, direction: String, causes: [Cause]
    }
    struct Offsets: Encodable { let year: Int, planned: Double, counted: Double? }

    let declaration: TrialDeclaration
    let through: String?
    let months: [Month]
    let findings: [Finding]
    let offsets: [Offsets]
    let plannedNetToDate: Double
    let actualNetToDate: Double
    let monthsCompared: Int

    init(_ report: TrialService.Report) {
        declaration = report.declaration
        through = report.through?.description
        let progress = report.progress
        months = progress.months.map { month in
            let status = month.ahead ? "ahead" : !month.missingSources.isEmpty ? "missing_data" : month.inProgress ? "in_progress" : "compared"
            return Month(month: month.span.month.description, trialDays: month.span.trialDays, elapsedDays: month.span.elapsedDays,
                         plannedEmissions: month.plannedEmissions, plannedSinks: month.plannedSinks, plannedNet: month.plannedNet,
                         actualEmissions: month.actualEmissions, actualSinks: month.ahead ? nil : month.actualSinks, actualNet: month.actualNet,
                         status: status, missingSources: month.missingSources)
        }
        findings = progress.findings.map { finding in
            Finding(month: finding.month?.description, plannedNet: finding.plannedNet, actualNet: finding.actualNet, deviation: finding.deviation,
                    share: finding.share, direction: finding.isAbovePlan ? "above_plan" : "below_plan",
                    causes: finding.causes.map { Cause(source: $0.source, planned: $0.planned, actual: $0.actual, deviation: $0.deviation) })
        }
        offsets = report.offsets.map { Offsets(year: $0.year, planned: $0.planned, counted: $0.counted) }
        plannedNetToDate = progress.plannedNetToDate
        actualNetToDate = progress.actualNetToDate
        monthsCompared = progress.monthsCompared
    }
}
