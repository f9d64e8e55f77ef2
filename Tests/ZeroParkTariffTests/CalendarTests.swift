import Testing
@testable import ZeroParkTariff

struct CalendarTests {
    @Test("CST instants: 2024-03-01 00:00 CST = 1_709_222_400 (2024-02-29T16:00Z)")
    func instants() {
        // 2024-01-01T00:00Z = 1_704_067_200; + 59 days × 86_400 = 1_709_164_800 (Feb 29 00:00Z); + 16 h = 1_709_222_400.
        #expect(TariffCalendar.instant(day(2024, 3, 1)) == 1_709_222_400)
        #expect(TariffCalendar.instant(day(2024, 3, 1), hour: 10, minute: 30) == 1_709_222_400 + 37_800)
        #expect(day(2024, 3, 1).dayNumber == 19_783)
        #expect(CivilDate(dayNumber: 19_782) == day(2024, 2, 29))
    }

    @Test("dates parse strictly and compare in calendar order")
    func dates() {
        #expect(CivilDate(iso: "2021-10-01") == day(2021, 10, 1))
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate(iso: "2024-2-01") == nil)
        #expect(CivilDate(iso: "1999-12-31") == nil)
        #expect(CivilDate(iso: "２０２４-01-01") == nil)
        #expect(day(2024, 1, 31) < day(2024, 2, 1))
        #expect(day(2021, 10, 1).description == "2021-10-01")
    }

    @Test("HH:MM parsing: 24:00 is the end of day; 24:01, 10:60, 7:5 are refused")
    func times() {
        #expect(MinuteSpan.parse("10:30") == 630)
        #expect(MinuteSpan.parse("7:15") == 435)
        #expect(MinuteSpan.parse("24:00") == 1_440)
        #expect(MinuteSpan.parse("24:01") == nil)
        #expect(MinuteSpan.parse("10:60") == nil)
        #expect(MinuteSpan.parse("7:5") == nil)
        #expect(MinuteSpan.parse("-1:00") == nil)
        #expect(MinuteSpan(from: 600, to: 600) == nil)
        #expect(MinuteSpan.format(1_440) == "24:00")
    }
}
