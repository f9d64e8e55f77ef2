import Testing
@testable import ZeroParkTariff

struct GuangdongTests {
    let gd = BuiltInTariffs.guangdong331

    @Test("March day: valley 8 h, flat 9 h, peak 7 h; 10:00 peak, 12:00 flat, 19:00 flat, 07:59 valley")
    func marchDay() throws {
        let p = try gd.dayPeriods(on: day(2024, 3, 12))
        #expect(counts(p) == [.valley: 480, .flat: 540, .peak: 420])
        #expect(p[599] == .flat && p[600] == .peak && p[719] == .peak && p[720] == .flat)
        #expect(p[479] == .valley && p[480] == .flat && p[1_139] == .peak && p[1_140] == .flat)
    }

    @Test("August day: critical 11–12 and 15–17 take 3 h out of peak (peak 4 h)")
    func augustDay() throws {
        let p = try gd.dayPeriods(on: day(2024, 8, 12))
        #expect(counts(p) == [.valley: 480, .flat: 540, .peak: 240, .critical: 180])
        #expect(p[659] == .peak && p[660] == .critical && p[720] == .flat && p[899] == .peak && p[900] == .critical && p[1_020] == .peak)
    }

    @Test("a caller-designated ≥35 °C day in June gets the critical hours; other June days do not")
    func designatedDay() throws {
        let hot = TariffParameters(criticalPeakDays: [day(2024, 6, 20)])
        #expect(counts(try gd.dayPeriods(on: day(2024, 6, 20), parameters: hot))[.critical] == 180)
        #expect(counts(try gd.dayPeriods(on: day(2024, 6, 21), parameters: hot))[.critical] == nil)
    }

    @Test("cited 2021 PRD <1 kV table is reproduced: base 0.6725 → peak 1.1433, valley 0.2556, critical 1.4291")
    func citedTable() throws {
        // 0.6725 × 1.7 = 1.14325 → 1.1433; × 0.38 = 0.25555 → 0.2556 (half up at 0.01 分; the binary product is
        // 0.25554999…, so this also checks the noise guard); × 2.125 = 1.4290625 → 1.4291.
        let r = try gd.resolvedPrices(on: day(2021, 10, 1),
                                      parameters: TariffParameters(basePriceCNYPerKWh: BuiltInTariffs.guangdongPRDGeneralBelow1kV2021Base))
        #expect(r.importPrices[.peak] == 1.1433)
        #expect(r.importPrices[.flat] == 0.6725)
        #expect(r.importPrices[.valley] == 0.2556)
        #expect(r.importPrices[.critical] == 1.4291)
        #expect(r.demandChargeCNYPerKWMonth == 0)
        #expect(r.exportLimitKW == 0)   // no export terms cited → none
    }

    @Test("funds and surcharges are added after rounding, not multiplied by the ratio")
    func fundsAdded() throws {
        // valley = round(0.6 × 0.38 = 0.228) + 0.03 = 0.258; peak = 1.02 + 0.03 = 1.05.
        let r = try gd.resolvedPrices(on: day(2024, 1, 1),
                                      parameters: TariffParameters(basePriceCNYPerKWh: 0.6, fundsAndSurchargesCNYPerKWh: 0.03))
        #expect(close(r.importPrices[.valley] ?? 0, 0.258))
        #expect(close(r.importPrices[.peak] ?? 0, 1.05))
    }

    @Test("no base price: a clear error naming base_price_cny_per_kwh; before 2021-10-01 no version is in force")
    func baseRequired() {
        #expect(throws: TariffError.basePriceRequired(tariff: "cn-gd-tou-2021-331", version: day(2021, 10, 1))) {
            try gd.expand(from: TariffCalendar.instant(day(2024, 3, 1)), stepMinutes: 60, stepCount: 24, parameters: TariffParameters())
        }
        let e = TariffError.basePriceRequired(tariff: "x", version: day(2021, 10, 1))
        #expect(e.field == "base_price_cny_per_kwh" && e.zh.contains("基准电价"))
        #expect(throws: TariffError.noVersionInForce(tariff: "cn-gd-tou-2021-331", date: day(2021, 9, 30))) {
            try gd.expand(from: TariffCalendar.instant(day(2021, 9, 30)), stepMinutes: 60, stepCount: 24,
                          parameters: TariffParameters(basePriceCNYPerKWh: 0.6))
        }
    }

    @Test("rounding helper: half away from zero at 0.0001, no rounding without a step")
    func rounding() {
        #expect(PriceRounding.round(0.25555, step: 0.0001) == 0.2556)
        #expect(PriceRounding.round(0.25554, step: 0.0001) == 0.2555)
        #expect(PriceRounding.round(1.14325, step: 0.0001) == 1.1433)
        #expect(PriceRounding.round(0.123456, step: nil) == 0.123456)
        #expect(PriceRounding.round(0.26, step: 0.25) == 0.25)
    }
}
