import ZeroParkTelemetry

/// Total CST day arithmetic for the store: stored timestamps are within `TelemetryCalendar`'s
/// supported range (ingestion refuses others), but these never trap whatever they are given.
enum CSTDays {
    /// floor((ts + 8 h) / 1 day), clamped to Int32.
    static func day(_ ts: Int64) -> Int32 {
        let shifted = ts.addingReportingOverflow(TelemetryCalendar.utcOffsetSeconds).partialValue
        var quotient = shifted / TelemetryCalendar.secondsPerDay
        if shifted % TelemetryCalendar.secondsPerDay < 0 { quotient -= 1 }
        return Int32(clamping: quotient)
    }

    /// The first second of a CST day.
    static func start(_ day: Int32) -> Int64 {
        Int64(day) * TelemetryCalendar.secondsPerDay - TelemetryCalendar.utcOffsetSeconds
    }

    /// yyyymm of a CST day (0 outside the supported calendar).
    static func monthKey(_ day: Int32) -> Int32 {
        guard let (year, month) = TelemetryCalendar.month(of: day) else { return 0 }
        return Int32(year * 100 + month)
    }

    /// The days of a yyyymm month (an empty-ish range outside the calendar).
    static func monthDays(_ month: Int32) -> ClosedRange<Int32> {
        let year = Int(month / 100), number = Int(month % 100)
        guard let first = TelemetryCalendar.firstDay(year: year, month: number),
              let last = TelemetryCalendar.lastDay(year: year, month: number) else { return 0...0 }
        return first...last
    }
}
