import Testing
@testable import ZeroParkTariff

/// One day of 24 hourly loads on the Guangdong tariff, base 0.6 CNY/kWh, demand charge 40 CNY/kW-month.
struct WorkedExampleTests {
    // Loads: 00–07 → 50 kW, 08–17 → 300 kW, 18–23 → 120 kW (total 8×50 + 10×300 + 6×120 = 4,120 kWh).
    static let load: [Double] = Array(repeating: 50, count: 8) + Array(repeating: 300, count: 10) + Array(repeating: 120, count: 6)
    let params = TariffParameters(basePriceCNYPerKWh: 0.6, demandChargeCNYPerKWMonth: 40)

    @Test("March: valley 91.2 + flat 1,080 + peak 1,958.4 = 3,129.6 CNY energy; demand 300 kW × 40 = 12,000")
    func march() throws {
        // Prices: peak 0.6 × 1.7 = 1.02, flat 0.6, valley 0.6 × 0.38 = 0.228.
        // Valley 00–08: 8 × 50 = 400 kWh × 0.228 = 91.2.
        // Flat 08–10, 12–14 (4 × 300 = 1,200) + 19–24 (5 × 120 = 600) = 1,800 kWh × 0.6 = 1,080.
        // Peak 10–12, 14–18 (6 × 300 = 1,800) + 18–19 (120) = 1,920 kWh × 1.02 = 1,958.4.
        let x = try BuiltInTariffs.guangdong331.expand(from: TariffCalendar.instant(day(2024, 3, 12)), stepMinutes: 60,
                                                       stepCount: 24, parameters: params)
        let c = try x.cost(importKW: Self.load)
        #expect(close(c.importKWh, 4_120))
        #expect(close(c.energyCostByPeriod[.valley] ?? 0, 91.2))
        #expect(close(c.energyCostByPeriod[.flat] ?? 0, 1_080))
        #expect(close(c.energyCostByPeriod[.peak] ?? 0, 1_958.4))
        #expect(c.energyCostByPeriod[.critical] == nil)
        #expect(close(c.energyCostCNY, 3_129.6))
        #expect(close(c.demandChargeCNY, 12_000))
        #expect(c.months.first?.maxDemandStep == 8)       // 08:00 is the first 300 kW hour
        #expect(close(c.totalCNY, 15_129.6))
    }

    @Test("August: critical 11, 15, 16 h (900 kWh × 1.275 = 1,147.5) → energy 3,359.1 CNY")
    func august() throws {
        // Critical price 0.6 × 1.7 × 1.25 = 1.275. Critical hours 11, 15, 16: 3 × 300 = 900 kWh × 1.275 = 1,147.5.
        // Peak now 10, 14, 17 (900) + 18 (120) = 1,020 kWh × 1.02 = 1,040.4. Flat 1,080 and valley 91.2 as in March.
        // 1,147.5 + 1,040.4 + 1,080 + 91.2 = 3,359.1.
        let x = try BuiltInTariffs.guangdong331.expand(from: TariffCalendar.instant(day(2024, 8, 12)), stepMinutes: 60,
                                                       stepCount: 24, parameters: params)
        #expect(x.periods[11] == .critical && x.periods[15] == .critical && x.periods[16] == .critical && x.periods[17] == .peak)
        #expect(close(x.importPrice[11], 1.275))
        let c = try x.cost(importKW: Self.load)
        #expect(close(c.energyCostByPeriod[.critical] ?? 0, 1_147.5))
        #expect(close(c.energyCostByPeriod[.peak] ?? 0, 1_040.4))
        #expect(close(c.energyCostCNY, 3_359.1))
        #expect(close(c.importKWhByPeriod[.critical] ?? 0, 900))
    }

    @Test("the same day at 15-minute steps costs the same (each hourly value repeated four times)")
    func quarterHours() throws {
        let x = try BuiltInTariffs.guangdong331.expand(from: TariffCalendar.instant(day(2024, 8, 12)), stepMinutes: 15,
                                                       stepCount: 96, parameters: params)
        let c = try x.cost(importKW: Self.load.flatMap { Array(repeating: $0, count: 4) })
        #expect(close(c.energyCostCNY, 3_359.1))
        #expect(x.splits.isEmpty)
    }
}
