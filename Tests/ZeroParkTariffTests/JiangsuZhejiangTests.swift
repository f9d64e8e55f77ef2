import Testing
@testable import ZeroParkTariff

struct JiangsuZhejiangTests {
    let js = BuiltInTariffs.jiangsu426(effectiveFrom: day(2025, 6, 1))   // date chosen by the test, as a park would
    let zj = BuiltInTariffs.zhejiang21(effectiveFrom: day(2024, 1, 1))

    @Test("Jiangsu July: peak 14–22 (8 h), valley 0–6 and 11–13 (8 h), flat 8 h")
    func jiangsuSummer() throws {
        let p = try js.dayPeriods(on: day(2025, 7, 15))
        #expect(counts(p) == [.peak: 480, .valley: 480, .flat: 480])
        #expect(p[13 * 60] == .flat && p[14 * 60] == .peak && p[11 * 60] == .valley && p[22 * 60] == .flat)
    }

    @Test("Jiangsu October: 22–02 flat wraps midnight; valley 2–6 and 10–14; peak 15–22")
    func jiangsuSpring() throws {
        let p = try js.dayPeriods(on: day(2025, 10, 15))
        #expect(counts(p) == [.peak: 420, .valley: 480, .flat: 540])
        #expect(p[60] == .flat && p[120] == .valley && p[12 * 60] == .valley && p[14 * 60] == .flat && p[23 * 60] == .flat)
    }

    @Test("Jiangsu prices per user class on a base of 0.5: two-part peak 0.9, ≥100 kVA 0.85, <100 kVA 0.8, valley 0.175")
    func jiangsuClasses() throws {
        // 0.5 × 1.8 = 0.9; × 1.7 = 0.85; × 1.6 = 0.8; valley 0.5 × (1 − 0.65) = 0.175.
        func prices(_ c: String) throws -> [TariffPeriod: Double] {
            try js.resolvedPrices(on: day(2025, 7, 1), parameters: TariffParameters(basePriceCNYPerKWh: 0.5, userClass: c)).importPrices
        }
        #expect(close(try prices("two_part")[.peak] ?? 0, 0.9))
        #expect(close(try prices("single_part_ge_100kva")[.peak] ?? 0, 0.85))
        #expect(close(try prices("single_part_lt_100kva")[.peak] ?? 0, 0.8))
        #expect(close(try prices("two_part")[.valley] ?? 0, 0.175))
        #expect(close(try prices("two_part")[.flat] ?? 0, 0.5))
    }

    @Test("Jiangsu refuses a missing or unknown user class, listing the classes")
    func jiangsuClassErrors() {
        let names = ["two_part", "single_part_ge_100kva", "single_part_lt_100kva"]
        #expect(throws: TariffError.userClassRequired(tariff: BuiltInTariffs.jiangsu426ID, available: names)) {
            try js.resolvedPrices(on: day(2025, 7, 1), parameters: TariffParameters(basePriceCNYPerKWh: 0.5))
        }
        #expect(throws: TariffError.unknownUserClass(tariff: BuiltInTariffs.jiangsu426ID, given: "large", available: names)) {
            try js.resolvedPrices(on: day(2025, 7, 1), parameters: TariffParameters(basePriceCNYPerKWh: 0.5, userClass: "large"))
        }
    }

    @Test("catalogue: Jiangsu and Zhejiang need an effective date; unknown ids are refused")
    func catalogue() throws {
        #expect(throws: TariffError.effectiveDateRequired(tariff: BuiltInTariffs.jiangsu426ID)) {
            try BuiltInTariffs.tariff(id: BuiltInTariffs.jiangsu426ID)
        }
        #expect(throws: TariffError.unknownTariff(id: "cn-xx")) { try BuiltInTariffs.tariff(id: "cn-xx") }
        #expect(try BuiltInTariffs.tariff(id: BuiltInTariffs.guangdong331ID) == BuiltInTariffs.guangdong331)
        #expect(try BuiltInTariffs.tariff(id: BuiltInTariffs.zhejiang21ID, effectiveFrom: day(2024, 1, 1)) == zj)
    }

    @Test("Zhejiang requires the park's prices, then its holiday dates (possibly empty)")
    func zhejiangRequirements() {
        let start = TariffCalendar.instant(day(2024, 10, 1))
        #expect(throws: TariffError.periodPricesRequired(tariff: BuiltInTariffs.zhejiang21ID, version: day(2024, 1, 1))) {
            try zj.expand(from: start, stepMinutes: 60, stepCount: 24, parameters: TariffParameters())
        }
        let prices: [TariffPeriod: Double] = [.critical: 1.3, .peak: 1.0, .flat: 0.7, .valley: 0.3]
        #expect(throws: TariffError.holidayDatesRequired(tariff: BuiltInTariffs.zhejiang21ID, version: day(2024, 1, 1))) {
            try zj.expand(from: start, stepMinutes: 60, stepCount: 24, parameters: TariffParameters(periodPricesCNYPerKWh: prices))
        }
        // An empty holiday list is explicit: no deep valley, so no deep-valley price is needed.
        #expect(throws: Never.self) {
            try zj.expand(from: start, stepMinutes: 60, stepCount: 24,
                          parameters: TariffParameters(periodPricesCNYPerKWh: prices, holidayDates: []))
        }
        // A holiday in the horizon needs the deep-valley price.
        #expect(throws: TariffError.missingPrice(tariff: BuiltInTariffs.zhejiang21ID, version: day(2024, 1, 1), period: .deepValley)) {
            try zj.expand(from: start, stepMinutes: 60, stepCount: 24,
                          parameters: TariffParameters(periodPricesCNYPerKWh: prices, holidayDates: [day(2024, 10, 1)]))
        }
    }

    @Test("Zhejiang January: critical 4 h, peak 7 h, valley 10 h, flat 3 h; on a supplied holiday 10–14 is deep valley")
    func zhejiangDays() throws {
        let hol = TariffParameters(holidayDates: [day(2025, 1, 29)])
        #expect(counts(try zj.dayPeriods(on: day(2025, 1, 28), parameters: hol)) == [.critical: 240, .peak: 420, .valley: 600, .flat: 180])
        // Holiday: deep 10–14 (240); critical 9–10 + 15–17 (180); valley 0–8 (480); flat 14–15 + 23–24 (120); peak 420.
        let h = try zj.dayPeriods(on: day(2025, 1, 29), parameters: hol)
        #expect(counts(h) == [.deepValley: 240, .critical: 180, .valley: 480, .flat: 120, .peak: 420])
        // October (spring/autumn): peak 8–11, 13–17 (7 h), flat 17–24 (7 h), valley 0–8, 11–13 (10 h).
        #expect(counts(try zj.dayPeriods(on: day(2024, 10, 8), parameters: hol)) == [.peak: 420, .flat: 420, .valley: 600])
    }
}
