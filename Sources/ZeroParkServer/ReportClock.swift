import Foundation
import ZeroParkCore

/// The date of computation, read at the edges (server, command line) because the accounting core
/// reads no clock. It is the report date for offsets when a park sets no `report_date`: no credit
/// retired after it counts (STANDARD.md 1.1.7; docs/accounting-rules.md §4). Days are China
/// Standard Time (UTC+8), the parks' own calendar.
public enum ReportClock {
    public static let timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current

    /// The calendar date of `now` in China Standard Time.
    public static func today(_ now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        // A Gregorian calendar always yields the three components; the fallback only keeps this total.
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}
