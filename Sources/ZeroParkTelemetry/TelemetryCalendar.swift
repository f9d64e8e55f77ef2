/// Park-local calendar arithmetic for telemetry: China Standard Time (fixed UTC+8, no DST), integer-only.
///
/// Serves STANDARD.md 1.1.29 and 1.1.33 (15-minute collection periods aligned to the park-local day and month,
/// which the national data-quality rules use for completeness and period alignment).
///
/// - A `day` is the Int32 count of CST days since 1970-01-01 CST: `floor((ts + 28800) / 86400)`.
/// - Supported range: 2000-01-01 … 2100-12-31 (CST). Every function returns `nil` outside it instead of
///   trapping, so any `Int64` timestamp and any `Int32` day may be passed.
/// - No Foundation `Calendar`: proleptic Gregorian conversion by H. Hinnant's `days_from_civil` algorithm.
public enum TelemetryCalendar {
    /// CST offset from UTC in seconds (UTC+8).
    public static let utcOffsetSeconds: Int64 = 28_800
    /// Seconds in a day.
    public static let secondsPerDay: Int64 = 86_400
    /// Meter intervals this module accepts, in minutes.
    public static let supportedIntervals: [Int] = [5, 15, 30, 60]
    /// First supported day: 2000-01-01 CST (day 10957).
    public static let firstSupportedDay: Int32 = 10_957
    /// Last supported day: 2100-12-31 CST (day 47846).
    public static let lastSupportedDay: Int32 = 47_846
    /// Timestamps (UTC seconds) inside the supported days: 1999-12-31T16:00:00Z … 2100-12-31T15:59:59Z.
    public static let supportedTimestamps: ClosedRange<Int64> =
        (Int64(firstSupportedDay) * secondsPerDay - utcOffsetSeconds)...(Int64(lastSupportedDay + 1) * secondsPerDay - utcOffsetSeconds - 1)

    /// The CST day containing `ts`, or nil outside the supported range.
    public static func day(of ts: Int64) -> Int32? {
        guard supportedTimestamps.contains(ts) else { return nil }
        let shifted = ts + utcOffsetSeconds   // cannot overflow: ts is bounded above
        let d = shifted >= 0 ? shifted / secondsPerDay : (shifted - (secondsPerDay - 1)) / secondsPerDay
        return Int32(truncatingIfNeeded: d)
    }

    /// UTC timestamp of 00:00 CST of `day`, or nil outside the supported range.
    public static func dayStart(_ day: Int32) -> Int64? {
        guard isSupported(day) else { return nil }
        return Int64(day) * secondsPerDay - utcOffsetSeconds
    }

    /// Whether `day` lies in 2000-01-01 … 2100-12-31.
    public static func isSupported(_ day: Int32) -> Bool {
        day >= firstSupportedDay && day <= lastSupportedDay
    }

    /// Slots per day for a meter interval (96 at 15 minutes), or nil unless the interval is 5, 15, 30 or 60.
    public static func slots(intervalMinutes: Int) -> Int? {
        guard supportedIntervals.contains(intervalMinutes) else { return nil }
        return 1_440 / intervalMinutes
    }

    /// CST hour of day (0…23) of `ts`, or nil outside the supported range.
    public static func hour(of ts: Int64) -> Int? {
        guard let d = day(of: ts), let start = dayStart(d) else { return nil }
        return Int((ts - start) / 3_600)
    }

    /// The (day, slot index) of the interval containing `ts`, or nil (unsupported interval or out of range).
    public static func slot(of ts: Int64, intervalMinutes: Int) -> (day: Int32, slot: Int)? {
        guard slots(intervalMinutes: intervalMinutes) != nil,
              let d = day(of: ts), let start = dayStart(d) else { return nil }
        return (d, Int((ts - start) / Int64(intervalMinutes * 60)))
    }

    /// Civil CST date of `day`, or nil outside the supported range.
    public static func date(of day: Int32) -> (year: Int, month: Int, day: Int)? {
        guard isSupported(day) else { return nil }
        let z = Int(day) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    /// Month of `day` as (year, month 1…12), or nil outside the supported range.
    public static func month(of day: Int32) -> (year: Int, month: Int)? {
        guard let date = date(of: day) else { return nil }
        return (date.year, date.month)
    }

    /// The day number of a civil CST date, or nil if the date is invalid or outside the supported range.
    public static func day(year: Int, month: Int, day: Int) -> Int32? {
        guard let length = daysInMonth(year: year, month: month), day >= 1, day <= length else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let n = era * 146_097 + doe - 719_468
        guard let d = Int32(exactly: n), isSupported(d) else { return nil }
        return d
    }

    /// Days in a month (Gregorian leap years), or nil for an invalid month or a year outside 2000…2100.
    public static func daysInMonth(year: Int, month: Int) -> Int? {
        guard (2000...2100).contains(year), (1...12).contains(month) else { return nil }
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Gregorian leap-year rule (divisible by 4, except centuries not divisible by 400: 2000 yes, 2100 no).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// First day of a month, or nil for an invalid or unsupported month.
    public static func firstDay(year: Int, month: Int) -> Int32? {
        day(year: year, month: month, day: 1)
    }

    /// Last day of a month, or nil for an invalid or unsupported month.
    public static func lastDay(year: Int, month: Int) -> Int32? {
        guard let length = daysInMonth(year: year, month: month) else { return nil }
        return day(year: year, month: month, day: length)
    }
}
