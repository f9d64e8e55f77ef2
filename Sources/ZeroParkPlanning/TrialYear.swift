import ZeroParkCore

/// What a plan expects of one calendar year, the yardstick of a trial year (STANDARD.md 1.1.9–1.1.10):
/// each source's tCO2 after the plan's reductions, the sinks' tCO2 and the offsets it buys.
public struct PlannedYear: Sendable, Hashable {
    public var bySource: [String: Double]
    public var sinks: Double
    public var offsets: Double

    public init(bySource: [String: Double], sinks: Double, offsets: Double) {
        self.bySource = bySource
        self.sinks = sinks
        self.offsets = offsets
    }

    public var emissions: Double { bySource.values.reduce(0, +) }
}

/// One calendar month of a trial period: how many of its days the trial covers, and how many of those
/// have passed (the actuals cover those).
public struct TrialMonthSpan: Sendable, Hashable {
    public var month: YearMonth
    /// Days of the month inside the trial period.
    public var trialDays: Int
    /// Days of the month inside the trial period that have passed (0 for a month still ahead).
    public var elapsedDays: Int

    public init(month: YearMonth, trialDays: Int, elapsedDays: Int) {
        self.month = month
        self.trialDays = trialDays
        self.elapsedDays = elapsedDays
    }

    public var daysInMonth: Int { CalendarDate.daysInMonth(year: month.year, month: month.month) }
}

/// What happened in a trial period so far, per month: each source's counted tCO2 (nil for a month in
/// which the source has no data, metered or typed) and the sinks' tCO2.
public struct TrialActuals: Sendable, Hashable {
    public var months: [TrialMonthSpan]
    public var bySource: [String: [Double?]]
    public var sinks: [Double]

    public init(months: [TrialMonthSpan], bySource: [String: [Double?]], sinks: [Double]) {
        self.months = months
        self.bySource = bySource
        self.sinks = sinks
    }
}

/// A month, or the trial to date, whose net emissions (emissions − sinks) left the plan's path by more
/// than the threshold, with the sources that moved most in the same direction (1.1.10).
public struct TrialFinding: Sendable, Hashable {
    /// The month, or nil for the trial to date.
    public var month: YearMonth?
    public var plannedNet: Double
    public var actualNet: Double
    public var deviation: Double { actualNet - plannedNet }
    /// deviation ÷ |planned net|.
    public var share: Double
    /// Sources (and `sinks`) by their own deviation, largest first in the finding's direction.
    public var causes: [TrialCause]
    public var isAbovePlan: Bool { deviation > 0 }
}

/// One source's part in a deviation.
public struct TrialCause: Sendable, Hashable {
    /// A source id, or `TrialTracker.sinksCause` when the sinks absorbed less (or more) than planned.
    public var source: String
    public var planned: Double
    public var actual: Double
    public var deviation: Double { actual - planned }
}

/// One month of the trial against the plan. Figures are tCO2 for the elapsed part of the month.
public struct TrialMonth: Sendable, Hashable {
    public var span: TrialMonthSpan
    public var plannedEmissions: Double
    public var plannedSinks: Double
    /// nil while a month is ahead or a planned source has no data in it.
    public var actualEmissions: Double?
    public var actualSinks: Double
    /// Sources the plan expects that have no data in the month.
    public var missingSources: [String]
    /// The month has begun but not ended.
    public var inProgress: Bool { span.elapsedDays > 0 && span.elapsedDays < span.trialDays }
    public var ahead: Bool { span.elapsedDays == 0 }
    public var plannedNet: Double { plannedEmissions - plannedSinks }
    public var actualNet: Double? { actualEmissions.map { $0 - actualSinks } }
}

/// The trial to date: every month, the findings, and the totals over the complete months with data.
public struct TrialProgress: Sendable, Hashable {
    public var months: [TrialMonth]
    public var findings: [TrialFinding]
    public var threshold: Double
    /// Over complete months with full data.
    public var plannedNetToDate: Double
    public var actualNetToDate: Double
    public var monthsCompared: Int
}

/// Holds a trial period's actuals to the plan's monthly path (STANDARD.md 1.1.9–1.1.10; issue #10
/// item 6). The monthly path of each source is the plan's figure for that calendar year spread over the
/// months by the source's own base-year monthly profile (its monthly tCO2 ÷ its year), or by days where
/// the base year has no monthly figures; a month partly inside the trial, or still running, takes the
/// share of its days. Sinks follow days. A complete month whose net (emissions − sinks) differs from the
/// plan by more than `threshold` of the planned net is a finding, as is the trial to date; each finding
/// names the sources that moved most in its direction. A month in which a planned source has no data
/// is not judged and says which sources are missing. Pure.
public enum TrialTracker {
    public static let sinksCause = "sinks"
    /// Threshold range: 1 % to 100 % of the planned net.
    public static let thresholdRange = 0.01...1.0

    public static func track(plan: [Int: PlannedYear], profile: [String: [Double]], actuals: TrialActuals,
                             threshold: Double) -> TrialProgress {
        var months: [TrialMonth] = []
        var findings: [TrialFinding] = []
        var plannedToDate = 0.0, actualToDate = 0.0, compared = 0
        var causesToDate: [String: (planned: Double, actual: Double)] = [:]
        let sources = Set(plan.values.flatMap { $0.bySource.keys }).union(actuals.bySource.keys).sorted()
        for (index, span) in actuals.months.enumerated() {
            let year = plan[span.month.year]
            let days = span.elapsedDays > 0 ? span.elapsedDays : span.trialDays
            let monthShare = Double(days) / Double(span.daysInMonth)
            let yearDays = Double(CalendarDate.daysInYear(span.month.year))
            var planned: [String: Double] = [:]
            for source in sources {
                let annual = year?.bySource[source] ?? 0
                let weight = profile[source].flatMap { $0.count == 12 ? $0[span.month.month - 1] : nil }
                    ?? Double(span.daysInMonth) / yearDays
                planned[source] = annual * weight * monthShare
            }
            let plannedSinks = (year?.sinks ?? 0) * Double(days) / yearDays
            let plannedEmissions = planned.values.reduce(0, +)
            let actualSinks = index < actuals.sinks.count ? actuals.sinks[index] : 0
            var actual: [String: Double] = [:], missing: [String] = []
            if span.elapsedDays > 0 {
                for source in sources {
                    let value = actuals.bySource[source].flatMap { index < $0.count ? $0[index] : nil }
                    if let value { actual[source] = value } else if (planned[source] ?? 0) > 0 { missing.append(source) }
                }
            }
            let actualEmissions: Double? = span.elapsedDays > 0 && missing.isEmpty ? actual.values.reduce(0, +) : nil
            let month = TrialMonth(span: span, plannedEmissions: plannedEmissions, plannedSinks: plannedSinks,
                                   actualEmissions: actualEmissions, actualSinks: actualSinks, missingSources: missing)
            months.append(month)
            guard let actualNet = month.actualNet, !month.inProgress else { continue }
            compared += 1
            plannedToDate += month.plannedNet
            actualToDate += actualNet
            var causes: [String: (planned: Double, actual: Double)] = [:]
            for source in sources { causes[source] = (planned[source] ?? 0, actual[source] ?? 0) }
            // Sinks absorbing less than planned raise the net: their deviation enters with the sign flipped.
            causes[sinksCause] = (-plannedSinks, -actualSinks)
            for (key, value) in causes {
                let sum = causesToDate[key] ?? (0, 0)
                causesToDate[key] = (sum.planned + value.planned, sum.actual + value.actual)
            }
            if let finding = finding(month: span.month, plannedNet: month.plannedNet, actualNet: actualNet, causes: causes, threshold: threshold) {
                findings.append(finding)
            }
        }
        if compared > 0, let total = finding(month: nil, plannedNet: plannedToDate, actualNet: actualToDate,
                                             causes: causesToDate, threshold: threshold) {
            findings.append(total)
        }
        return TrialProgress(months: months, findings: findings, threshold: threshold, plannedNetToDate: plannedToDate,
                             actualNetToDate: actualToDate, monthsCompared: compared)
    }

    /// A finding when |actual − planned| > threshold × |planned| (any deviation when the plan is 0).
    static func finding(month: YearMonth?, plannedNet: Double, actualNet: Double,
                        causes: [String: (planned: Double, actual: Double)], threshold: Double) -> TrialFinding? {
        let deviation = actualNet - plannedNet
        let scale = abs(plannedNet)
        guard scale > 0 ? abs(deviation) > threshold * scale : abs(deviation) > 1e-6 else { return nil }
        let direction: Double = deviation > 0 ? 1 : -1
        let moved = causes.map { TrialCause(source: $0.key, planned: $0.value.planned, actual: $0.value.actual) }
            .filter { $0.deviation * direction > 1e-9 }
            .sorted { abs($0.deviation) != abs($1.deviation) ? abs($0.deviation) > abs($1.deviation) : $0.source < $1.source }
        return TrialFinding(month: month, plannedNet: plannedNet, actualNet: actualNet,
                            share: scale > 0 ? deviation / scale : 0, causes: Array(moved.prefix(3)))
    }

    /// Each source's base-year monthly profile: its monthly tCO2 ÷ its year, for sources with monthly
    /// figures and a positive year.
    public static func profile(_ inventory: Inventory) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        guard inventory.period.months.count == 12 else { return result }
        for account in inventory.sources {
            guard let monthly = account.monthlyTco2, monthly.count == 12 else { continue }
            let total = monthly.reduce(0, +)
            guard total > 0, monthly.allSatisfy({ $0 >= 0 }) else { continue }
            result[account.id] = monthly.map { $0 / total }
        }
        return result
    }
}
