import Testing
import ZeroParkInput
import ZeroParkTariff
@testable import ZeroParkScenario

/// Monitoring cost (issue #9 item 1: one tariff object for monitoring cost and optimisation): a metered
/// day priced with Guangdong's TOU tariff, worked by hand.
struct EnergyCostTests {
    static func tariff(_ json: String) throws -> ScenarioTariff { try EnergyCost.readTariff(json: try JSONValue.parse(Array(json.utf8))) }

    /// 2026-11-20 (no critical peak in November), base 0.6725 → peak 1.1433, flat 0.6725, valley 0.2556
    /// (331号's table, rounded to 0.0001). 100 kW all day at 15-minute steps, except 300 kW from 10:00 to
    /// 10:15 (peak).
    /// - valley 00–08: 8 h × 100 kW = 800 kWh × 0.2556 = 204.48
    /// - peak 10–12, 14–19: 7 h × 100 kW = 700 kWh, + 0.25 h × 200 kW = 50 kWh → 750 kWh × 1.1433 = 857.475
    /// - flat 08–10, 12–14, 19–24: 9 h × 100 kW = 900 kWh × 0.6725 = 605.25
    /// - energy 1,667.205 CNY for 2,450 kWh; demand 300 kW × 40 CNY/kW-month = 12,000 (a whole month's charge)
    @Test func aMeteredDayPricedByHand() throws {
        let t = try Self.tariff(#"{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725,"demand_charge_cny_per_kw_month":40}"#)
        guard let day = CivilDate(year: 2026, month: 11, day: 20) else { Issue.record("date"); return }
        let horizon = ScenarioHorizon(start: day, hours: 24, stepMinutes: 15)
        var load = [Double](repeating: 100, count: 96)
        load[40] = 300   // 10:00–10:15
        let r = try EnergyCost.price(t, horizon: horizon, importKW: load, meters: ["grid-main"])
        let b = r.breakdown
        #expect(abs(b.importKWh - 2_450) < 1e-9)
        #expect(abs((b.importKWhByPeriod[.valley] ?? 0) - 800) < 1e-9)
        #expect(abs((b.importKWhByPeriod[.peak] ?? 0) - 750) < 1e-9)
        #expect(abs((b.importKWhByPeriod[.flat] ?? 0) - 900) < 1e-9)
        #expect(abs(b.energyCostCNY - 1_667.205) < 1e-6)
        #expect(abs(b.demandChargeCNY - 12_000) < 1e-9)
        #expect(b.months.first?.maxDemandStep == 40)
        let json = try EnergyCostDocument(r).json()
        #expect(json.contains("\"total_cny\" : 13667.205"))
    }

    @Test func aTariffThePeriodCannotPriceIsRefusedNamingTheField() throws {
        // Jiangsu needs the user class and the effective date the reference lacks; an unknown id is named.
        #expect(throws: InputError.self) { try Self.tariff(#"{"id":"cn-nowhere"}"#) }
        do {
            _ = try EnergyCost.readTariff(json: try JSONValue.parse(Array(#"{"id":"cn-nowhere"}"#.utf8)))
        } catch let error as InputError {
            #expect(error.problems.first?.field == "tariff.id")
        }
        let noBase = try Self.tariff(#"{"id":"cn-gd-tou-2021-331"}"#)
        guard let day = CivilDate(year: 2026, month: 11, day: 20) else { Issue.record("date"); return }
        do {
            try EnergyCost.check(noBase, on: day)
            Issue.record("a Guangdong tariff without its base price was accepted")
        } catch {
            #expect(error.problems.first?.field.hasPrefix("tariff.") == true)
        }
    }
}
