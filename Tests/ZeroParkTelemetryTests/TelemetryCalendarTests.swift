import Testing
@testable import ZeroParkTelemetry

struct TelemetryCalendarTests {
    @Test("day boundary is 16:00 UTC")
    func dayBoundary() throws {
        // 2024-03-01 00:00 CST = 2024-02-29 16:00 UTC. 2024-01-01T00:00Z = 1_704_067_200;
        // + (31 + 28) days × 86_400 = 1_709_164_800 (Feb 29 00:00Z); + 16 h (57_600) = 1_709_222_400.
        // (1_709_222_400 + 28_800) / 86_400 = 19_783 exactly.
        #expect(TelemetryCalendar.day(of: 1_709_222_400) == 19_783)
        #expect(TelemetryCalendar.day(of: 1_709_222_399) == 19_782)   // 15:59:59 UTC is still Feb 29 CST
        #expect(TelemetryCalendar.dayStart(19_783) == 1_709_222_400)
        #expect(TelemetryCalendar.hour(of: 1_709_222_400) == 0)
        #expect(TelemetryCalendar.hour(of: 1_709_222_399) == 23)
        let d = try #require(TelemetryCalendar.date(of: 19_782))
        #expect(d.year == 2024 && d.month == 2 && d.day == 29)
        let s = try #require(TelemetryCalendar.slot(of: 1_709_222_400 + 3_600 + 899, intervalMinutes: 15))
        #expect(s.day == 19_783 && s.slot == 4)                      // 01:14:59 CST is slot 4 (01:00–01:15)
    }

    @Test("month lengths and leap years: 2000 leap (÷400), 2100 not (÷100), 2024 leap, 2023 not")
    func monthLengths() {
        #expect(TelemetryCalendar.daysInMonth(year: 2000, month: 2) == 29)
        #expect(TelemetryCalendar.daysInMonth(year: 2100, month: 2) == 28)
        #expect(TelemetryCalendar.daysInMonth(year: 2024, month: 2) == 29)
        #expect(TelemetryCalendar.daysInMonth(year: 2023, month: 2) == 28)
        #expect(TelemetryCalendar.daysInMonth(year: 2023, month: 4) == 30)
        #expect(TelemetryCalendar.daysInMonth(year: 2023, month: 12) == 31)
        #expect(TelemetryCalendar.daysInMonth(year: 2023, month: 13) == nil)
        #expect(TelemetryCalendar.firstDay(year: 2024, month: 3) == 19_783)
        #expect(TelemetryCalendar.lastDay(year: 2024, month: 2) == 19_782)
        // Feb 2024: 19_782 − 29 + 1 = 19_754 is Feb 1.
        #expect(TelemetryCalendar.firstDay(year: 2024, month: 2) == 19_754)
        #expect(TelemetryCalendar.month(of: 19_783).map { [$0.year, $0.month] } == [2024, 3])
        #expect(TelemetryCalendar.month(of: 19_782).map { [$0.year, $0.month] } == [2024, 2])
    }

    @Test("supported range ends: 2000-01-01 = day 10957 starts at 946_656_000; 2100-12-31 = day 47846")
    func rangeEnds() {
        // 2000-01-01T00:00Z = 946_684_800; minus 8 h = 946_656_000 = 10_957 × 86_400 − 28_800.
        #expect(TelemetryCalendar.firstDay(year: 2000, month: 1) == 10_957)
        #expect(TelemetryCalendar.day(of: 946_656_000) == 10_957)
        #expect(TelemetryCalendar.day(of: 946_655_999) == nil)
        // 1970→2100: 130 × 365 + 32 leap days = 47_482 (2100-01-01); + 365 − 1 = 47_846.
        #expect(TelemetryCalendar.lastDay(year: 2100, month: 12) == 47_846)
        #expect(TelemetryCalendar.day(of: 47_847 * 86_400 - 28_800 - 1) == 47_846)
        #expect(TelemetryCalendar.day(of: 47_847 * 86_400 - 28_800) == nil)
        #expect(TelemetryCalendar.day(of: .max) == nil)
        #expect(TelemetryCalendar.day(of: .min) == nil)
        #expect(TelemetryCalendar.dayStart(.max) == nil)
        #expect(TelemetryCalendar.dayStart(.min) == nil)
        #expect(TelemetryCalendar.date(of: 10_956) == nil)
        #expect(TelemetryCalendar.firstDay(year: 1999, month: 12) == nil)
        #expect(TelemetryCalendar.firstDay(year: 2101, month: 1) == nil)
        #expect(TelemetryCalendar.day(year: 2023, month: 2, day: 29) == nil)
        #expect(TelemetryCalendar.hour(of: .max) == nil)
    }

    @Test("slots per day: 288, 96, 48, 24; anything else nil")
    func slots() {
        #expect(TelemetryCalendar.slots(intervalMinutes: 5) == 288)
        #expect(TelemetryCalendar.slots(intervalMinutes: 15) == 96)
        #expect(TelemetryCalendar.slots(intervalMinutes: 30) == 48)
        #expect(TelemetryCalendar.slots(intervalMinutes: 60) == 24)
        for m in [0, -15, 7, 10, 20, 120, 1_440, .max, .min] { #expect(TelemetryCalendar.slots(intervalMinutes: m) == nil) }
    }

    @Test("exhaustive: every supported day round-trips through its civil date, consecutively")
    func roundTrip() throws {
        var previous: (year: Int, month: Int, day: Int)?
        for d in TelemetryCalendar.firstSupportedDay...TelemetryCalendar.lastSupportedDay {
            let date = try #require(TelemetryCalendar.date(of: d))
            #expect(TelemetryCalendar.day(year: date.year, month: date.month, day: date.day) == d)
            if let p = previous {
                let next = p.day < (TelemetryCalendar.daysInMonth(year: p.year, month: p.month) ?? 0)
                    ? (p.year, p.month, p.day + 1)
                    : p.month < 12 ? (p.year, p.month + 1, 1) : (p.year + 1, 1, 1)
                #expect(next == (date.year, date.month, date.day))
            }
            let start = try #require(TelemetryCalendar.dayStart(d))
            #expect(TelemetryCalendar.day(of: start) == d && TelemetryCalendar.day(of: start + 86_399) == d)
            previous = date
        }
        #expect(previous.map { [$0.year, $0.month, $0.day] } == [2100, 12, 31])
    }
}
