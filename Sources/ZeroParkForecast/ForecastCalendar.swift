/// A civil date in China Standard Time (UTC+8, no daylight saving), used to name holidays and
/// adjusted working days (调休上班日) for the forecasters.
///
/// Serves STANDARD.md 1.1.37 (forecasts aware of the park's calendar).
public struct ForecastDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Checks the date exists (years 1970…2200).
    public init(year: Int, month: Int, day: Int) throws(ForecastError) {
        guard (1970...2200).contains(year), (1...12).contains(month),
              day >= 1, day <= ForecastDate.daysIn(month: month, year: year) else {
            throw .one("bad_date", "date", "日期 \(year)-\(month)-\(day) 不存在或超出 1970–2200",
                       "date \(year)-\(month)-\(day) does not exist or is outside 1970–2200")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number (Hinnant's civil_from_days).
    public static func of(dayNumber z0: Int) -> ForecastDate {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return ForecastDate(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Day of the year, 1…366.
    public var dayOfYear: Int { dayNumber - ForecastDate(unchecked: year, 1, 1).dayNumber + 1 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: ForecastDate, b: ForecastDate) -> Bool { a.dayNumber < b.dayNumber }
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

/// The kind of day a load forecast distinguishes.
///
/// Serves STANDARD.md 1.1.37 (calendar features of the load forecast).
public enum DayType: String, Sendable, Hashable, CaseIterable {
    /// Monday–Friday, not a holiday.
    case working
    /// A Saturday or Sunday the caller marked as an adjusted working day (调休上班).
    case adjustedWorking = "adjusted_working"
    case saturday
    case sunday
    /// A public holiday supplied by the caller.
    case holiday
}

/// China Standard Time arithmetic (UTC+8) plus the caller's holidays and adjusted working days. No
/// holiday list is built in: the park supplies them (the State Council's annual notice).
///
/// Serves STANDARD.md 1.1.37 (day types for similar-day and regression forecasts).
public struct ForecastCalendar: Sendable, Hashable {
    /// Seconds east of UTC: China Standard Time.
    public static let offsetSeconds: Int64 = 8 * 3_600
    public let holidays: Set<Int>
    public let adjustedWorkingDays: Set<Int>

    public init(holidays: [ForecastDate] = [], adjustedWorkingDays: [ForecastDate] = []) {
        self.holidays = Set(holidays.map(\.dayNumber))
        self.adjustedWorkingDays = Set(adjustedWorkingDays.map(\.dayNumber))
    }

    /// CST day number (days since 1970-01-01 CST) of a UTC instant.
    public static func dayNumber(utc: Int64) -> Int {
        let local = utc + offsetSeconds
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// Seconds after CST midnight.
    public static func secondOfDay(utc: Int64) -> Int {
        let local = utc + offsetSeconds
        return Int(local - Int64(dayNumber(utc: utc)) * 86_400)
    }

    /// ISO weekday, Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday).
    public static func weekday(dayNumber d: Int) -> Int { ((d % 7 + 7 + 3) % 7) + 1 }

    /// UTC instant of CST midnight starting `date`.
    public static func midnightUTC(_ date: ForecastDate) -> Int64 {
        Int64(date.dayNumber) * 86_400 - offsetSeconds
    }

    public func dayType(dayNumber d: Int) -> DayType {
        if holidays.contains(d) { return .holiday }
        let w = Self.weekday(dayNumber: d)
        if w >= 6 { return adjustedWorkingDays.contains(d) ? .adjustedWorking : (w == 6 ? .saturday : .sunday) }
        return .working
    }
}
