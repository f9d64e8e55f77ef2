import Foundation
import Testing
@testable import ZeroParkTariff

struct ExpansionTests {
    /// Park tariff with half-hour and quarter-hour boundaries: valley 00:00–08:00, flat 08:00–10:30,
    /// peak 10:30–12:00, flat 12:00–18:45, peak 18:45–21:00, flat 21:00–24:00; 0.3 / 0.6 / 1.0 CNY/kWh.
    static let halfHourJSON = """
    {"id": "park-half-hour", "name": "园区协议电价", "versions": [{
      "effective_from": "2024-01-01",
      "seasons": [{"name": "all", "months": [1,2,3,4,5,6,7,8,9,10,11,12], "periods": [
        {"period": "valley", "from": "00:00", "to": "08:00"}, {"period": "flat", "from": "08:00", "to": "10:30"},
        {"period": "peak", "from": "10:30", "to": "12:00"}, {"period": "flat", "from": "12:00", "to": "18:45"},
        {"period": "peak", "from": "18:45", "to": "21:00"}, {"period": "flat", "from": "21:00", "to": "24:00"}]}],
      "pricing": {"kind": "absolute", "prices_cny_per_kwh": {"valley": 0.3, "flat": 0.6, "peak": 1.0}},
      "demand_charge_cny_per_kw_month": 32
    }]}
    """

    static func halfHour() throws -> Tariff {
        let def = try JSONDecoder().decode(TariffDefinition.self, from: Data(halfHourJSON.utf8))
        return try def.makeTariff()
    }

    @Test("60-min step over a 10:30 boundary: time-weighted price 0.8, period peak (tie → higher rank), split recorded")
    func halfHourStraddle() throws {
        let x = try Self.halfHour().expand(from: TariffCalendar.instant(day(2024, 5, 6)), stepMinutes: 60, stepCount: 24,
                                           parameters: TariffParameters())
        // 10:00–11:00 = 30 min flat at 0.6 + 30 min peak at 1.0 → (30×0.6 + 30×1.0)/60 = 0.8.
        #expect(close(x.importPrice[10], 0.8))
        #expect(x.periods[10] == .peak)
        // 18:00–19:00 = 45 min flat + 15 min peak → (45×0.6 + 15×1.0)/60 = 0.7, period flat (majority).
        #expect(close(x.importPrice[18], 0.7))
        #expect(x.periods[18] == .flat)
        #expect(x.splits.map(\.step) == [10, 18])
        #expect(x.splits.first?.parts.map(\.minutes) == [30, 30])
        // Cost of 100 kW in every hour: step 10 → 100 kWh split 50 flat × 0.6 = 30 and 50 peak × 1.0 = 50.
        var load = [Double](repeating: 0, count: 24)
        load[10] = 100
        let c = try x.cost(importKW: load)
        #expect(close(c.energyCostByPeriod[.flat] ?? 0, 30) && close(c.energyCostByPeriod[.peak] ?? 0, 50))
        #expect(close(c.energyCostCNY, 80))
        #expect(close(c.demandChargeCNY, 3_200))    // 100 kW × 32
    }

    @Test("the same day at 15-minute steps has no splits and the 10:30 step is peak")
    func quarterHourSteps() throws {
        let x = try Self.halfHour().expand(from: TariffCalendar.instant(day(2024, 5, 6)), stepMinutes: 15, stepCount: 96,
                                           parameters: TariffParameters())
        #expect(x.splits.isEmpty)
        #expect(x.periods[41] == .flat && x.periods[42] == .peak && x.periods[74] == .flat && x.periods[75] == .peak)
    }

    @Test("February 2024 at 15 minutes is 29 × 96 = 2,784 steps in one month; one more step opens March")
    func oneMonth() throws {
        let p = TariffParameters(basePriceCNYPerKWh: 0.6)
        let start = TariffCalendar.instant(day(2024, 2, 1))
        let feb = try BuiltInTariffs.guangdong331.expand(from: start, stepMinutes: 15, stepCount: 2_784, parameters: p)
        #expect(feb.months == [YearMonth(year: 2024, month: 2)])
        #expect(Set(feb.monthIndex) == [0])
        let more = try BuiltInTariffs.guangdong331.expand(from: start, stepMinutes: 15, stepCount: 2_785, parameters: p)
        #expect(more.months.map(\.description) == ["2024-02", "2024-03"])
        #expect(more.monthIndex.last == 1)
    }

    @Test("a leap year of quarter hours: 35,136 steps, 12 months, days × 96 steps each; 35,137 refused")
    func leapYear() throws {
        let p = TariffParameters(basePriceCNYPerKWh: 0.6, demandChargeCNYPerKWMonth: 40)
        let start = TariffCalendar.instant(day(2024, 1, 1))
        let x = try BuiltInTariffs.guangdong331.expand(from: start, stepMinutes: 15, stepCount: 35_136, parameters: p)
        #expect(x.stepCount == 35_136)
        #expect(x.months.count == 12 && x.months.first == YearMonth(year: 2024, month: 1) && x.months.last == YearMonth(year: 2024, month: 12))
        let perMonth = x.monthIndex.reduce(into: [Int](repeating: 0, count: 12)) { $0[$1] += 1 }
        #expect(perMonth == [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].map { $0 * 96 })
        #expect(x.demandChargeCNYPerKWMonth == Array(repeating: 40, count: 12))
        // Critical quarter hours: 3 h × 4 × (31 + 31 + 30) days = 1,104.
        #expect(x.periods.filter { $0 == .critical }.count == 1_104)
        #expect(throws: TariffError.invalidStepCount(35_137)) {
            try BuiltInTariffs.guangdong331.expand(from: start, stepMinutes: 15, stepCount: 35_137, parameters: p)
        }
    }

    @Test("a step over midnight into a new version averages both versions' prices; month and demand rate follow the step start")
    func versionChangeAtMidnight() throws {
        func version(_ from: CivilDate, _ to: CivilDate?, _ price: Double, _ demand: Double) -> TariffVersion {
            TariffVersion(effectiveFrom: from, effectiveTo: to, citation: nil,
                          seasons: [TariffSeason(name: "all", months: Array(1...12), spans: [PeriodSpan(.flat, MinuteSpan(hours: 0, 24))])],
                          pricing: .absolute([.flat: price]), demandChargeCNYPerKWMonth: demand)
        }
        let t = Tariff(id: "two-versions", name: "两个版本", versions: [
            version(day(2024, 1, 1), day(2024, 6, 30), 0.5, 10), version(day(2024, 7, 1), nil, 0.7, 20),
        ])
        #expect(t.version(on: day(2024, 6, 30))?.effectiveFrom == day(2024, 1, 1))
        #expect(t.version(on: day(2024, 7, 1))?.effectiveFrom == day(2024, 7, 1))
        // 2024-06-30 23:30 CST: step 0 = 30 min at 0.5 + 30 min at 0.7 → 0.6; step 1 = 0.7.
        let x = try t.expand(from: TariffCalendar.instant(day(2024, 6, 30), hour: 23, minute: 30), stepMinutes: 60, stepCount: 2,
                             parameters: TariffParameters())
        #expect(close(x.importPrice[0], 0.6) && close(x.importPrice[1], 0.7))
        #expect(x.months.map(\.description) == ["2024-06", "2024-07"])
        #expect(x.demandChargeCNYPerKWMonth == [10, 20])
        #expect(x.versionsUsed == [0, 1])
    }

    @Test("bad requests: step 20 min, 0 steps, start off the minute, before 2000")
    func badRequests() {
        let t = BuiltInTariffs.guangdong331, p = TariffParameters(basePriceCNYPerKWh: 0.6)
        let start = TariffCalendar.instant(day(2024, 1, 1))
        #expect(throws: TariffError.invalidStepMinutes(20)) { try t.expand(from: start, stepMinutes: 20, stepCount: 1, parameters: p) }
        #expect(throws: TariffError.invalidStepCount(0)) { try t.expand(from: start, stepMinutes: 15, stepCount: 0, parameters: p) }
        #expect(throws: TariffError.startNotMinuteAligned(instant: start + 30)) {
            try t.expand(from: start + 30, stepMinutes: 15, stepCount: 1, parameters: p)
        }
        #expect(throws: TariffError.outsideSupportedRange(instant: 0)) { try t.expand(from: 0, stepMinutes: 15, stepCount: 1, parameters: p) }
        #expect(throws: TariffError.invalidParameter(name: "base_price_cny_per_kwh", value: -0.1, range: TariffLimits.price)) {
            try t.expand(from: start, stepMinutes: 15, stepCount: 1, parameters: TariffParameters(basePriceCNYPerKWh: -0.1))
        }
    }

    @Test("Date start gives the same expansion as the Int64 start")
    func dateStart() throws {
        let p = TariffParameters(basePriceCNYPerKWh: 0.6)
        let s = TariffCalendar.instant(day(2024, 8, 1))
        let a = try BuiltInTariffs.guangdong331.expand(from: s, stepMinutes: 60, stepCount: 24, parameters: p)
        let b = try BuiltInTariffs.guangdong331.expand(from: Date(timeIntervalSince1970: TimeInterval(s)), stepMinutes: 60,
                                                       stepCount: 24, parameters: p)
        #expect(a == b)
    }
}
