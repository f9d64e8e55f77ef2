/// A calendar date without time or time zone (proleptic Gregorian), for accounting periods and
/// retirement dates. Pure arithmetic, no clock.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil when the fields do not name a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func daysInYear(_ year: Int) -> Int { isLeap(year) ? 366 : 365 }

    /// Days since 0000-03-01 (a day number), for differences between dates.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The day before (nil before 0001-01-01).
    public var previous: CalendarDate? {
        if day > 1 { return CalendarDate(year: year, month: month, day: day - 1) }
        let (y, m) = month == 1 ? (year - 1, 12) : (year, month - 1)
        return CalendarDate(year: y, month: m, day: CalendarDate.daysInMonth(year: y, month: m))
    }

    /// The last day of the year that starts on this date (one year on, less a day): 2026-03-01 →
    /// 2027-02-28; 2028-02-29 → 2029-02-28.
    public var yearLater: CalendarDate? {
        let target = CalendarDate(year: year + 1, month: month, day: day)
            ?? CalendarDate(year: year + 1, month: month, day: CalendarDate.daysInMonth(year: year + 1, month: month))?.nextDay
        return target?.previous
    }

    /// The day after (nil after 9999-12-31).
    public var nextDay: CalendarDate? {
        if day < CalendarDate.daysInMonth(year: year, month: month) { return CalendarDate(year: year, month: month, day: day + 1) }
        return month == 12 ? CalendarDate(year: year + 1, month: 1, day: 1) : CalendarDate(year: year, month: month + 1, day: 1)
    }
}

/// A calendar month, `YYYY-MM`.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    public var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
