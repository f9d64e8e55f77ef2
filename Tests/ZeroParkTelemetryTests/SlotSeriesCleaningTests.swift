import Testing
@testable import ZeroParkTelemetry

struct SlotSeriesCleaningTests {
    let intervalSpec = MeterSpec(key: "i1", quantity: .electricityImport, readingKind: .interval,
                                 multiplier: 2, physicalMax: 100)

    @Test("interval meter: value × multiplier; spike replaced; out-of-range value replaced")
    func intervalSpikeAndRange() throws {
        // Raw 10, 11, 10, 11, 10, 45, 11, 10, 11, 10, 60, 11 × 2 = 20, 22, 20, 22, 20, 90, 22, 20, 22, 20, 120, 22.
        // Slot 10: 120 > max 100 → out of range, replaced by (20 + 22) / 2 = 21.
        // Slot 5: window slots 2…8 = 20, 22, 20, 90, 22, 20, 22 → sorted 20,20,20,22,22,22,90: median 22;
        // |v − 22| = 2,2,2,0,0,0,68 → MAD 2; |90 − 22| = 68 > 3 × 1.4826 × 2 = 8.9 and > 0.5 × 22 + 0.05 × 2 = 11.1
        // → spike, replaced by (20 + 22) / 2 = 21. Slots 12…95: no readings, no right neighbour → missing.
        let raw: [Double] = [10, 11, 10, 11, 10, 45, 11, 10, 11, 10, 60, 11]
        let readings = slotReadings(raw.enumerated().map { ($0.offset, $0.element) })
        let result = MeterCleaner.clean(intervalSpec, readings: readings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(Array(day.values[0..<12]) == [20, 22, 20, 22, 20, 21, 22, 20, 22, 20, 21, 22])
        #expect(day.quality[5] == .spikeReplaced && day.quality[10] == .outOfRangeReplaced)
        #expect(day.quality[0..<12].filter { $0 == .measured }.count == 10)
        #expect(day.missingCount == 84 && day.flaggedCount == 2)
        #expect(result.events.map(\.kind) == [.spike, .outOfRange])
        #expect(result.events.map(\.ts) == [testDayStart + 5 * 900, testDayStart + 10 * 900])
    }

    @Test("interval meter: short gap interpolated linearly, long gap by profile scaled to neighbours")
    func intervalGaps() throws {
        let spec = MeterSpec(key: "i2", quantity: .water, readingKind: .interval)
        // Slots 0 = 10, 1–3 missing, 4 = 18: linear 12, 14, 16 (step (18 − 10) / 4 = 2).
        let short = MeterCleaner.clean(spec, readings: slotReadings([(0, 10), (4, 18)]), days: testDay...testDay, profile: nil)
        let s = try #require(short.days.first)
        #expect(Array(s.values[0..<5]) == [10, 12, 14, 16, 18])
        #expect(Array(s.quality[1..<4]) == [.interpolated, .interpolated, .interpolated])
        // Slots 0 = 10, 1–5 missing (5 > 4 slots), 6 = 30. Profile p[i] = i + 1: p[0] + p[6] = 1 + 7 = 8,
        // scale = (10 + 30) / 8 = 5, so slot i = 5 (i + 1): 10, 15, 20, 25, 30 for slots 1…5.
        let profile = (0..<96).map { Double($0 + 1) }
        let long = MeterCleaner.clean(spec, readings: slotReadings([(0, 10), (6, 30)]), days: testDay...testDay, profile: profile)
        let l = try #require(long.days.first)
        #expect(Array(l.values[0..<7]) == [10, 10, 15, 20, 25, 30, 30])
        #expect(l.quality[1..<6].allSatisfy { $0 == .profiled })
        #expect(long.events.map(\.kind) == [.gapFilled])
    }

    @Test("interval meter: negative energy without physicalMin is replaced (negativeInterval); off-grid dropped")
    func negativeAndOffGrid() throws {
        let spec = MeterSpec(key: "i3", quantity: .electricityImport, readingKind: .interval)
        // 4, −3, 6: slot 1 negative → replaced by (4 + 6) / 2 = 5. A reading at 00:07 is off the grid: dropped.
        var readings = slotReadings([(0, 4), (1, -3), (2, 6)])
        readings.append(RawReading(ts: testDayStart + 420, value: 99))
        readings.sort { $0.ts < $1.ts }
        let result = MeterCleaner.clean(spec, readings: readings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(Array(day.values[0..<3]) == [4, 5, 6])
        #expect(day.quality[1] == .outOfRangeReplaced)
        #expect(result.events.map(\.kind) == [.glitch, .negativeInterval])
        // Temperature may be negative: kept as measured.
        var temp = spec
        temp.quantity = .temperature
        let t = MeterCleaner.clean(temp, readings: slotReadings([(0, 4), (1, -3), (2, 6)]), days: testDay...testDay, profile: nil)
        #expect(t.days.first?.quality[1] == .measured && t.days.first?.values[1] == -3)
    }

    @Test("instantaneous: mean per slot, out-of-range readings dropped, holes ≤ 4 interpolated, longer missing")
    func instantaneous() throws {
        let spec = MeterSpec(key: "t1", quantity: .temperature, readingKind: .instantaneous, physicalMax: 60)
        // Slot 0: 20, 21, 22 → mean 21. Slot 1: 23. Slot 2: none → (23 + 25) / 2 = 24, interpolated.
        // Slot 3: 25. Slot 4: only 500 (> 60, dropped) → (25 + 26) / 2 = 25.5, outOfRangeReplaced. Slot 5: 26.
        // Slot 6…: nothing → missing. Hampel never fires (slot 3: 21, 23, 25, 26 → median 24, MAD 1.5, |25 − 24| = 1).
        let points: [(Int64, Double)] = [(0, 20), (300, 21), (600, 22), (1_000, 23), (2_700, 25), (3_700, 500), (4_600, 26)]
        let readings = points.map { RawReading(ts: testDayStart + $0.0, value: $0.1) }
        let result = MeterCleaner.clean(spec, readings: readings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(Array(day.values[0..<6]) == [21, 23, 24, 25, 25.5, 26])
        #expect(Array(day.quality[0..<7]) == [.measured, .measured, .interpolated, .measured, .outOfRangeReplaced, .measured, .missing])
        #expect(result.events.map(\.kind) == [.gapFilled, .outOfRange])
        // A 5-slot hole stays missing for an instantaneous meter: 20 at slot 0, 30 at slot 6.
        let gap = MeterCleaner.clean(spec, readings: slotReadings([(0, 20), (6, 30)]), days: testDay...testDay,
                                     profile: (0..<96).map { Double($0) })
        #expect(gap.days.first?.quality[1..<6].allSatisfy { $0 == .missing } == true)
    }

    @Test("instantaneous spike replaced by interpolation")
    func instantaneousSpike() throws {
        let spec = MeterSpec(key: "p1", quantity: .pollutantConcentration, readingKind: .instantaneous)
        // 10 per slot, slot 4 = 80: window 1…7 = 10×6, 80 → median 10, MAD 0; 70 > 0.5 × 10 + 0.05 → spike,
        // replaced by (10 + 10) / 2 = 10.
        let readings = slotReadings((0..<9).map { ($0, $0 == 4 ? 80 : 10) })
        let result = MeterCleaner.clean(spec, readings: readings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(day.values[4] == 10 && day.quality[4] == .spikeReplaced)
        #expect(result.events.map(\.kind) == [.spike])
    }
}
