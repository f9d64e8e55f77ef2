import Foundation
import ZeroParkCore

/// The date of computation, read at the edges (server, command line) because the accounting core
/// reads no clock. It is the report date for offsets when a park sets no `report_date`: no credit
/// retired after it counts (STANDARD.md 1.1.7; docs/accounting-rules.md §4). Days are China
/// Standard Time (UTC+8), the parks' own calendar.
public enum ReportClock {
    public static let timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current

    /// The calendar date of `now` in China Standard Time; nil only for a date outside years 1–9999.
    public static func today(_ now: Date = Date()) -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

extension ReportClock {
    /// The server's clock in Unix seconds (telemetry: readings ahead of it are refused, quality counts
    /// intervals up to it).
    public static func nowSeconds(_ now: Date = Date()) -> Int64 {
        Int64(exactly: now.timeIntervalSince1970.rounded(.down)) ?? 0
    }
}
