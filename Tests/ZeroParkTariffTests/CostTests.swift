import Testing
@testable import ZeroParkTariff

struct CostTests {
    /// Flat 0.5 CNY/kWh all day, demand 40 CNY/kW-month, export 0.45 CNY/kWh limited to 100 kW.
    static let flat = Tariff(id: "flat", name: "单一电价", versions: [
        TariffVersion(effectiveFrom: CivilDate(known: 2024, 1, 1), citation: nil,
                      seasons: [TariffSeason(name: "all", months: Array(1...12), spans: [PeriodSpan(.flat, MinuteSpan(hours: 0, 24))])],
                      pricing: .absolute([.flat: 0.5]), demandChargeCNYPerKWMonth: 40,
                      export: ExportTerms(price: .flat(0.45), limitKW: 100, surplusOnly: true)),
    ])

    @Test("two CST months: each month's own maximum demand; export revenue; over-limit steps listed")
    func twoMonths() throws {
        // 48 hourly steps from 2024-01-31 00:00 CST: steps 0–23 are January, 24–47 February.
        let x = try Self.flat.expand(from: TariffCalendar.instant(day(2024, 1, 31)), stepMinutes: 60, stepCount: 48,
                                     parameters: TariffParameters())
        var net = [Double](repeating: 100, count: 48)
        net[5] = 200          // January maximum
        net[30] = 350         // February maximum
        net[12] = -150        // export 150 kW (over the 100 kW limit)
        net[36] = -80         // export 80 kW
        let c = try x.cost(netKW: net)
        // Import: 44 steps × 100 + 200 + 350 = 4,950 kWh × 0.5 = 2,475 CNY.
        #expect(close(c.importKWh, 4_950) && close(c.energyCostCNY, 2_475))
        // Demand: 200 × 40 + 350 × 40 = 8,000 + 14,000 = 22,000.
        #expect(c.months.map(\.maxDemandKW) == [200, 350])
        #expect(c.months.map(\.maxDemandStep) == [5, 30])
        #expect(close(c.demandChargeCNY, 22_000))
        // Export: (150 + 80) kWh × 0.45 = 103.5; January 67.5, February 36.
        #expect(close(c.exportRevenueCNY, 103.5))
        #expect(close(c.months[0].exportRevenueCNY, 67.5) && close(c.months[1].exportRevenueCNY, 36))
        #expect(c.exportLimitExceededSteps == [12])
        #expect(close(c.totalCNY, 2_475 + 22_000 - 103.5))
    }

    @Test("caller export terms override the tariff's; no terms anywhere means no export (limit 0)")
    func exportTerms() throws {
        let start = TariffCalendar.instant(day(2024, 3, 1))
        let p = TariffParameters(basePriceCNYPerKWh: 0.6,
                                 export: ExportTerms(price: .perPeriod([.valley: 0.2, .flat: 0.4, .peak: 0.6]), limitKW: nil, surplusOnly: false))
        let x = try BuiltInTariffs.guangdong331.expand(from: start, stepMinutes: 60, stepCount: 24, parameters: p)
        #expect(x.exportPrice[3] == 0.2 && x.exportPrice[9] == 0.4 && x.exportPrice[10] == 0.6)
        #expect(x.exportLimitKW.allSatisfy { $0 == nil } && x.surplusOnly.allSatisfy { !$0 })
        let none = try BuiltInTariffs.guangdong331.expand(from: start, stepMinutes: 60, stepCount: 24,
                                                          parameters: TariffParameters(basePriceCNYPerKWh: 0.6))
        #expect(none.exportLimitKW.allSatisfy { $0 == 0 } && none.exportPrice.allSatisfy { $0 == 0 })
    }

    @Test("a per-period export price without the critical price fails in August, naming the period")
    func missingExportPrice() {
        let p = TariffParameters(basePriceCNYPerKWh: 0.6,
                                 export: ExportTerms(price: .perPeriod([.valley: 0.2, .flat: 0.4, .peak: 0.6]), limitKW: nil, surplusOnly: true))
        #expect(throws: TariffError.missingExportPrice(tariff: BuiltInTariffs.guangdong331ID, period: .critical)) {
            try BuiltInTariffs.guangdong331.expand(from: TariffCalendar.instant(day(2024, 8, 1)), stepMinutes: 60, stepCount: 24, parameters: p)
        }
    }

    @Test("series of the wrong length, negative or NaN values are refused with the index")
    func badSeries() throws {
        let x = try Self.flat.expand(from: TariffCalendar.instant(day(2024, 1, 1)), stepMinutes: 60, stepCount: 3,
                                     parameters: TariffParameters())
        #expect(throws: TariffError.seriesLengthMismatch(series: "import_kw", expected: 3, found: 2)) { try x.cost(importKW: [1, 2]) }
        #expect(throws: TariffError.invalidSeriesValue(series: "import_kw", index: 1, value: -1)) { try x.cost(importKW: [1, -1, 2]) }
        #expect(throws: TariffError.self) { try x.cost(importKW: [1, .nan, 2]) }
        #expect(TariffError.invalidSeriesValue(series: "import_kw", index: 1, value: -1).field == "import_kw[1]")
    }
}
