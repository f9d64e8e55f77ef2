/// The accounting period of an inventory: inclusive start and end dates (STANDARD.md 1.1.2, 1.1.11).
/// Usually a calendar year; any span of whole days inside the same or consecutive years is allowed.
public struct AccountingPeriod: Hashable, Sendable {
    public let start: CalendarDate
    public let end: CalendarDate

    /// Returns nil when `end` is before `start`.
    public init?(start: CalendarDate, end: CalendarDate) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// The calendar year `year`, 1 January to 31 December.
    public init?(year: Int) {
        guard let s = CalendarDate(year: year, month: 1, day: 1),
              let e = CalendarDate(year: year, month: 12, day: 31) else { return nil }
        self.start = s
        self.end = e
    }

    /// The year whose factors apply: factors are chosen by the year the period ends in.
    public var factorYear: Int { end.year }

    public var days: Int { end.dayNumber - start.dayNumber + 1 }

    /// The period's length in years, counting each day as 1/365 (or 1/366 in a leap year), used to
    /// pro-rate annual rates such as a green area's sequestration rate.
    public var years: Double {
        var total = 0.0
        for year in start.year...end.year {
            let first = year == start.year ? start.dayNumber : (CalendarDate(year: year, month: 1, day: 1)?.dayNumber ?? 0)
            let last = year == end.year ? end.dayNumber : (CalendarDate(year: year, month: 12, day: 31)?.dayNumber ?? 0)
            total += Double(last - first + 1) / Double(CalendarDate.daysInYear(year))
        }
        return total
    }

    /// The calendar months the period touches, in order; monthly activity has one value for each.
    public var months: [YearMonth] {
        var result: [YearMonth] = []
        var current = YearMonth(year: start.year, month: start.month)
        let last = YearMonth(year: end.year, month: end.month)
        while current <= last {
            result.append(current)
            current = current.next
        }
        return result
    }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// The period cut at each new year: one part per calendar year it touches, in order (one part,
    /// the period itself, when it lies inside a year). Each part's factor year is its own year.
    public var yearParts: [AccountingPeriod] {
        (start.year...end.year).compactMap { year in
            guard let first = CalendarDate(year: year, month: 1, day: 1),
                  let last = CalendarDate(year: year, month: 12, day: 31) else { return nil }
            return AccountingPeriod(start: max(first, start), end: min(last, end))
        }
    }
}
