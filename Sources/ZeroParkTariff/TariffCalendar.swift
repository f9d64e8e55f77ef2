/// China Standard Time arithmetic for tariffs: UTC+8 fixed, no DST, integer-only (no Foundation `Calendar`).
///
/// Serves STANDARD.md 1.1.37: every step of an optimisation horizon is placed in its CST day, minute of
/// day and month. Instants are Int64 seconds since 1970-01-01T00:00:00Z; supported days 2000-01-01 …
/// 2100-12-31 CST. Civil conversion by H. Hinnant's `days_from_civil` / `civil_from_days`.
public enum TariffCalendar {
    /// CST offset from UTC in seconds.
    public static let utcOffsetSeconds: Int64 = 28_800
    /// Minutes in a day.
    public static let minutesPerDay = 1_440
    /// First supported day number (2000-01-01 CST).
    public static let firstDayNumber = 10_957
    /// Last supported day number (2100-12-31 CST).
    public static let lastDayNumber = 47_846

    /// Days in a month, or nil for a month outside 1…12 or a year outside 2000…2100.
    public static func daysInMonth(year: Int, month: Int) -> Int? {
        guard (2000...2100).contains(year), (1...12).contains(month) else { return nil }
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day number of a civil date (no range check; callers pass valid dates).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Civil date of a day number, or nil outside the supported days.
    static func civil(fromDayNumber n: Int) -> (year: Int, month: Int, day: Int)? {
        guard (firstDayNumber...lastDayNumber).contains(n) else { return nil }
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// UTC instant (seconds) of `hour:minute` CST on `date`.
    public static func instant(_ date: CivilDate, hour: Int = 0, minute: Int = 0) -> Int64 {
        Int64(date.dayNumber) * 86_400 - utcOffsetSeconds + Int64(hour * 3_600 + minute * 60)
    }

    /// First and last supported instants (UTC seconds).
    public static let supportedInstants: ClosedRange<Int64> =
        (Int64(firstDayNumber) * 86_400 - utcOffsetSeconds)...(Int64(lastDayNumber + 1) * 86_400 - utcOffsetSeconds - 1)

    /// CST minute count since 1970-01-01 00:00 CST of a minute-aligned instant inside the supported range.
    static func cstMinute(of instant: Int64) -> Int64 {
        (instant + utcOffsetSeconds) / 60
    }
}
