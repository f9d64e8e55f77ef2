import Foundation

/// A tariff laid out over a horizon of equal steps: what the optimiser and the monitoring cost consume.
///
/// Serves STANDARD.md 1.1.20(c)(e), 1.1.36, 1.1.37: per-step period, import and export prices (separate
/// series), CST month index for the demand charge, export limit and surplus-only flag.
///
/// **Straddling steps.** A step that spans several periods (e.g. a 60-minute step over a 10:30 boundary, or a
/// step over midnight into a new version) gets the *time-weighted average* of its minutes' prices — the
/// exact cost of a constant power over the step. Its `periods` entry is the period holding most of its minutes,
/// ties to the higher `rank`; `splits` lists such steps with minutes and average price per period, so that
/// energy can be apportioned by period. Month and version come from the step's first minute.
public struct TariffExpansion: Hashable, Sendable {
    public let tariffID: String
    /// UTC seconds of the first step's start.
    public let startUTC: Int64
    public let stepMinutes: Int
    public let periods: [TariffPeriod]
    /// CNY/kWh.
    public let importPrice: [Double]
    /// CNY/kWh.
    public let exportPrice: [Double]
    /// Index into `months` of each step.
    public let monthIndex: [Int]
    /// CST months of the horizon, in order.
    public let months: [YearMonth]
    /// Demand charge CNY/kW-month of each month (version in force on the month's first step in the horizon).
    public let demandChargeCNYPerKWMonth: [Double]
    /// Export limit kW per step; nil = no limit stated.
    public let exportLimitKW: [Double?]
    /// Surplus-only export per step.
    public let surplusOnly: [Bool]
    /// Steps spanning more than one period.
    public let splits: [StepSplit]
    /// Indices (into `Tariff.versions`) of the versions used, ascending.
    public let versionsUsed: [Int]

    public var stepCount: Int { periods.count }
    /// Step length in hours (0.25 or 1).
    public var stepHours: Double { Double(stepMinutes) / 60 }
}

/// A step spanning several periods: minutes and average import price of each part.
///
/// Serves STANDARD.md 1.1.37 (boundary handling of coarse steps is explicit, not hidden).
public struct StepSplit: Hashable, Sendable {
    public struct Part: Hashable, Sendable {
        public let period: TariffPeriod
        public let minutes: Int
        /// Average import price CNY/kWh over these minutes.
        public let importPrice: Double
    }
    public let step: Int
    public let parts: [Part]
}

extension Tariff {
    /// Expands this tariff over `stepCount` steps of `stepMinutes` (15, 30 or 60) from `start` (UTC seconds,
    /// whole minute, CST days 2000…2100), up to 35,136 steps (a leap year of quarter hours).
    public func expand(from start: Int64, stepMinutes: Int, stepCount: Int,
                       parameters: TariffParameters) throws(TariffError) -> TariffExpansion {
        guard TariffLimits.stepMinutes.contains(stepMinutes) else { throw .invalidStepMinutes(stepMinutes) }
        guard (1...TariffLimits.maxSteps).contains(stepCount) else { throw .invalidStepCount(stepCount) }
        guard start % 60 == 0 else { throw .startNotMinuteAligned(instant: start) }
        guard TariffCalendar.supportedInstants.contains(start) else { throw .outsideSupportedRange(instant: start) }
        let last = start + Int64(stepCount * stepMinutes * 60) - 1
        guard TariffCalendar.supportedInstants.contains(last) else { throw .outsideSupportedRange(instant: last) }
        try parameters.validate()

        var state = ExpansionState(tariff: self, parameters: parameters)
        var periods = [TariffPeriod](), importPrice = [Double](), exportPrice = [Double](), monthIndex = [Int]()
        var months = [YearMonth](), rates = [Double](), limits = [Double?](), surplus = [Bool](), splits = [StepSplit]()
        periods.reserveCapacity(stepCount); importPrice.reserveCapacity(stepCount); exportPrice.reserveCapacity(stepCount)
        monthIndex.reserveCapacity(stepCount); limits.reserveCapacity(stepCount); surplus.reserveCapacity(stepCount)

        let firstMinute = Int(TariffCalendar.cstMinute(of: start))
        var minutesIn = [Int](repeating: 0, count: 5)
        var priceIn = [Double](repeating: 0, count: 5)
        for step in 0..<stepCount {
            for k in 0..<5 { minutesIn[k] = 0; priceIn[k] = 0 }
            var importSum = 0.0, exportSum = 0.0
            var firstImport = -1.0, firstExport = -1.0, importConstant = true, exportConstant = true
            let stepStart = firstMinute + step * stepMinutes
            for m in stepStart..<(stepStart + stepMinutes) {
                let ctx = try state.context(dayNumber: m / TariffCalendar.minutesPerDay)
                let p = Int(ctx.profile[m % TariffCalendar.minutesPerDay])
                guard let ip = ctx.importPrices[p] else {
                    throw .missingPrice(tariff: id, version: versions[ctx.versionIndex].effectiveFrom, period: TariffPeriod.byIndex[p])
                }
                guard let ep = ctx.exportPrices[p] else { throw .missingExportPrice(tariff: id, period: TariffPeriod.byIndex[p]) }
                minutesIn[p] += 1
                priceIn[p] += ip
                importSum += ip
                exportSum += ep
                if firstImport < 0 { firstImport = ip; firstExport = ep }
                importConstant = importConstant && ip == firstImport
                exportConstant = exportConstant && ep == firstExport
            }
            let ctx = try state.context(dayNumber: stepStart / TariffCalendar.minutesPerDay)
            let ym = YearMonth(year: ctx.date.year, month: ctx.date.month)
            if months.last != ym {
                months.append(ym)
                rates.append(ctx.resolved.demandChargeCNYPerKWMonth)
            }
            monthIndex.append(months.count - 1)
            limits.append(ctx.resolved.exportLimitKW)
            surplus.append(ctx.resolved.surplusOnly)
            // A constant price is copied as is (no summation noise); otherwise the time-weighted mean.
            importPrice.append(importConstant ? firstImport : importSum / Double(stepMinutes))
            exportPrice.append(exportConstant ? firstExport : exportSum / Double(stepMinutes))
            var best = 0
            for k in 1..<5 where minutesIn[k] > minutesIn[best]
                || (minutesIn[k] == minutesIn[best] && TariffPeriod.byIndex[k].rank > TariffPeriod.byIndex[best].rank) {
                best = k
            }
            periods.append(TariffPeriod.byIndex[best])
            if minutesIn[best] < stepMinutes {
                let parts = (0..<5).filter { minutesIn[$0] > 0 }.map {
                    StepSplit.Part(period: TariffPeriod.byIndex[$0], minutes: minutesIn[$0], importPrice: priceIn[$0] / Double(minutesIn[$0]))
                }
                splits.append(StepSplit(step: step, parts: parts))
            }
        }
        return TariffExpansion(tariffID: id, startUTC: start, stepMinutes: stepMinutes, periods: periods,
                               importPrice: importPrice, exportPrice: exportPrice, monthIndex: monthIndex, months: months,
                               demandChargeCNYPerKWMonth: rates, exportLimitKW: limits, surplusOnly: surplus,
                               splits: splits, versionsUsed: state.versionsUsed.sorted())
    }

    /// `expand(from:…)` with a Foundation `Date` (must fall on a whole second and minute).
    public func expand(from start: Date, stepMinutes: Int, stepCount: Int,
                       parameters: TariffParameters) throws(TariffError) -> TariffExpansion {
        let seconds = start.timeIntervalSince1970
        guard seconds.isFinite, seconds.rounded() == seconds, abs(seconds) < 1e15 else {
            throw .startNotMinuteAligned(instant: seconds.isFinite && abs(seconds) < 1e15 ? Int64(seconds.rounded(.down)) : 0)
        }
        return try expand(from: Int64(seconds), stepMinutes: stepMinutes, stepCount: stepCount, parameters: parameters)
    }
}

/// Per-day and per-version caches of one expansion.
private struct ExpansionState {
    struct DayContext {
        let date: CivilDate
        let versionIndex: Int
        let profile: [UInt8]
        let importPrices: [Double?]
        let exportPrices: [Double?]
        let resolved: ResolvedVersionPrices
    }

    let tariff: Tariff
    let parameters: TariffParameters
    var builder: DayProfileBuilder
    var cachedDay = Int.min
    var cached: DayContext?
    var versionPrices: [Int: ResolvedVersionPrices] = [:]
    var versionsUsed = Set<Int>()

    init(tariff: Tariff, parameters: TariffParameters) {
        self.tariff = tariff
        self.parameters = parameters
        self.builder = DayProfileBuilder(tariff: tariff)
    }

    mutating func context(dayNumber: Int) throws(TariffError) -> DayContext {
        if dayNumber == cachedDay, let cached { return cached }
        guard let date = CivilDate(dayNumber: dayNumber) else {
            throw .outsideSupportedRange(instant: Int64(dayNumber) * 86_400 - TariffCalendar.utcOffsetSeconds)
        }
        guard let vi = tariff.versionIndex(on: date) else { throw .noVersionInForce(tariff: tariff.id, date: date) }
        let resolved: ResolvedVersionPrices
        if let r = versionPrices[vi] {
            resolved = r
        } else {
            resolved = try tariff.resolvedPrices(versionAt: vi, parameters: parameters)
            versionPrices[vi] = resolved
        }
        versionsUsed.insert(vi)
        let profile = try builder.profile(versionIndex: vi, date: date, parameters: parameters)
        let ctx = DayContext(date: date, versionIndex: vi, profile: profile,
                             importPrices: TariffPeriod.byIndex.map { resolved.importPrices[$0] },
                             exportPrices: TariffPeriod.byIndex.map { resolved.exportPrices[$0] },
                             resolved: resolved)
        cachedDay = dayNumber
        cached = ctx
        return ctx
    }
}
