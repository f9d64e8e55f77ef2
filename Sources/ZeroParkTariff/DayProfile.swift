/// Builds the period of every minute of a CST day for one tariff version: the season's schedule, then the
/// critical-peak rule, then the holiday rule. Gaps and overlaps in a hand-built `Tariff` are errors, never
/// silent defaults.
struct DayProfileBuilder {
    let tariff: Tariff
    private var cache: [Key: [UInt8]] = [:]

    private struct Key: Hashable {
        let version: Int
        let season: Int
        let critical: Bool
        let holiday: Bool
    }

    init(tariff: Tariff) { self.tariff = tariff }

    /// Period index (TariffPeriod.index) of each of the 1440 minutes of `date` under version `versionIndex`.
    mutating func profile(versionIndex: Int, date: CivilDate, parameters: TariffParameters) throws(TariffError) -> [UInt8] {
        let v = tariff.versions[versionIndex]
        guard let seasonIndex = v.seasons.firstIndex(where: { $0.months.contains(date.month) }) else {
            throw .noSeasonForMonth(tariff: tariff.id, version: v.effectiveFrom, month: date.month)
        }
        var critical = false
        if let rule = v.criticalPeak {
            critical = rule.months.contains(date.month) || (rule.designatedDays && parameters.criticalPeakDays.contains(date))
        }
        var holiday = false
        if v.holidayRule != nil {
            guard let dates = parameters.holidayDates else {
                throw .holidayDatesRequired(tariff: tariff.id, version: v.effectiveFrom)
            }
            holiday = dates.contains(date)
        }
        let key = Key(version: versionIndex, season: seasonIndex, critical: critical, holiday: holiday)
        if let cached = cache[key] { return cached }
        let season = v.seasons[seasonIndex]
        var minutes = [UInt8](repeating: UInt8.max, count: TariffCalendar.minutesPerDay)
        for ps in season.spans {
            for m in ps.span.from..<ps.span.to {
                guard minutes[m] == UInt8.max else {
                    throw .scheduleOverlap(tariff: tariff.id, version: v.effectiveFrom, season: season.name, minute: m)
                }
                minutes[m] = UInt8(ps.period.index)
            }
        }
        if let gap = minutes.firstIndex(of: UInt8.max) {
            throw .scheduleGap(tariff: tariff.id, version: v.effectiveFrom, season: season.name, minute: gap)
        }
        if critical, let rule = v.criticalPeak {
            for span in rule.spans { for m in span.from..<span.to { minutes[m] = UInt8(TariffPeriod.critical.index) } }
        }
        if holiday, let rule = v.holidayRule {
            for ps in rule.spans { for m in ps.span.from..<ps.span.to { minutes[m] = UInt8(ps.period.index) } }
        }
        cache[key] = minutes
        return minutes
    }
}

extension Tariff {
    /// The period of every minute (0…1439) of a CST date: what a day looks like under this tariff.
    public func dayPeriods(on date: CivilDate, parameters: TariffParameters = TariffParameters()) throws(TariffError) -> [TariffPeriod] {
        guard let index = versionIndex(on: date) else { throw .noVersionInForce(tariff: id, date: date) }
        var builder = DayProfileBuilder(tariff: self)
        return try builder.profile(versionIndex: index, date: date, parameters: parameters).map { TariffPeriod.byIndex[Int($0)] }
    }
}
