import Testing
@testable import ZeroParkTelemetry

struct CounterCleaningTests {
    @Test("aligned counter: deltas × multiplier, all measured")
    func alignedCounter() throws {
        // CT×PT = 40. Readings every 15 min: r_k = 1000 + 0.25 k for k ≤ 48, then + 0.5 per slot up to k = 96.
        // Slots 0…47: 0.25 × 40 = 10; slots 48…95: 0.5 × 40 = 20. Day total 48 × 10 + 48 × 20 = 1440.
        var pairs: [(slot: Int, value: Double)] = []
        var r = 1000.0
        for k in 0...96 {
            pairs.append((k, r))
            r += k < 48 ? 0.25 : 0.5
        }
        let result = MeterCleaner.clean(counter(multiplier: 40), readings: slotReadings(pairs),
                                        days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(result.days.count == 1 && day.day == testDay)
        #expect(day.values[0] == 10 && day.values[47] == 10 && day.values[48] == 20 && day.values[95] == 20)
        #expect(day.quality.allSatisfy { $0 == .measured })
        #expect(day.total == 1_440)
        #expect(day.measuredCount == 96 && day.missingCount == 0 && day.estimatedCount == 0)
        #expect(day.min == 10 && day.max == 20 && day.mean == 15)
        #expect(result.events.isEmpty)
    }

    @Test("DL/T 645 rollover at 999,999.99 with modulus 1,000,000: energy conserved")
    func rollover() throws {
        // 999,998.99 → 999,999.99: 1.00; 999,999.99 → 0.99 wraps: 0.99 + 1,000,000 − 999,999.99 = 1.00;
        // 0.99 → 1.99: 1.00. Total 3.00 = (1.99 + 1,000,000) − 999,998.99. Slots 3…95: no readings → missing.
        let readings = slotReadings([(0, 999_998.99), (1, 999_999.99), (2, 0.99), (3, 1.99)])
        let result = MeterCleaner.clean(counter(modulus: 1_000_000), readings: readings,
                                        days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(close(day.values[0], 1) && close(day.values[1], 1) && close(day.values[2], 1))
        #expect(close(day.total, 3))
        #expect(day.measuredCount == 3 && day.missingCount == 93)
        #expect(day.values[3].isNaN && day.quality[3] == .missing)
        #expect(result.events.map(\.kind) == [.rollover])
        #expect(result.events.first?.ts == testDayStart + 1_800)
    }

    @Test("reset (meter replacement): the new counter starts at 0")
    func reset() throws {
        // 5000 → 5002: 2; 5002 → 12 is a drop, no modulus → reset, delta = 12 (new meter from 0); 12 → 15: 3.
        let readings = slotReadings([(0, 5_000), (1, 5_002), (2, 12), (3, 15)])
        let result = MeterCleaner.clean(counter(), readings: readings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(Array(day.values[0..<3]) == [2, 12, 3])
        #expect(Array(day.quality[0..<3]) == [.measured, .measured, .measured])
        #expect(result.events.map(\.kind) == [.reset])
        #expect(result.events.first?.ts == testDayStart + 1_800)
        // A drop near the modulus is a rollover instead: 999,950 ≥ 0.9 × 1,000,000.
        let wrapped = MeterCleaner.clean(counter(modulus: 1_000_000),
                                         readings: slotReadings([(0, 999_940), (1, 999_950), (2, 10)]),
                                         days: testDay...testDay, profile: nil)
        #expect(wrapped.events.map(\.kind) == [.rollover])
        #expect(wrapped.days.first?.values[1] == 60)   // 10 + 1,000,000 − 999,950
        // A drop far below the modulus is a reset even with a modulus: 500,000 < 900,000.
        let replaced = MeterCleaner.clean(counter(modulus: 1_000_000),
                                          readings: slotReadings([(0, 499_990), (1, 500_000), (2, 10)]),
                                          days: testDay...testDay, profile: nil)
        #expect(replaced.events.map(\.kind) == [.reset])
        #expect(replaced.days.first?.values[1] == 10)
    }

    @Test("glitch: a single high reading breaking monotonicity is dropped; a single dip too")
    func glitch() throws {
        // 100, 101, 250, 103, 104: 250 > 103 ≥ 101 → dropped. Segments: 100→101 (slot 0: 1),
        // 101→103 over 2 intervals (slots 1, 2: 1 each, interpolated), 103→104 (slot 3: 1).
        let readings = slotReadings([(0, 100), (1, 101), (2, 250), (3, 103), (4, 104)])
        let result = MeterCleaner.clean(counter(), readings: readings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(Array(day.values[0..<4]) == [1, 1, 1, 1])
        #expect(Array(day.quality[0..<4]) == [.measured, .interpolated, .interpolated, .measured])
        // Events sorted by ts: the gap starts at the 00:15 reading (900), the glitch reading is at 00:30 (1800).
        #expect(result.events.map(\.kind) == [.gapFilled, .glitch])
        #expect(result.events.map(\.ts) == [testDayStart + 900, testDayStart + 1_800])
        // Dip: 1000, 1001, 0 (communication error), 1002, 1003: 0 < 1001 ≤ 1002 → dropped, no reset,
        // no 1002 kWh fabricated. Slots: 1, 0.5, 0.5, 1; total 3 = 1003 − 1000.
        let dip = MeterCleaner.clean(counter(), readings: slotReadings([(0, 1_000), (1, 1_001), (2, 0), (3, 1_002), (4, 1_003)]),
                                     days: testDay...testDay, profile: nil)
        let dipDay = try #require(dip.days.first)
        #expect(Array(dipDay.values[0..<4]) == [1, 0.5, 0.5, 1])
        #expect(dipDay.total == 3)
        #expect(!dip.events.contains { $0.kind == .reset })
    }

    @Test("2-interval gap spread evenly (interpolated) vs 10-interval gap spread by the profile")
    func gaps() throws {
        // (a) readings at slots 0, 1, 3, 4: 0, 2, 8, 10. Slot 0 = 2, slots 1–2 share 8 − 2 = 6 evenly: 3, 3;
        // slot 3 = 2.
        let a = MeterCleaner.clean(counter(), readings: slotReadings([(0, 0), (1, 2), (3, 8), (4, 10)]),
                                   days: testDay...testDay, profile: nil)
        let dayA = try #require(a.days.first)
        #expect(Array(dayA.values[0..<4]) == [2, 3, 3, 2])
        #expect(Array(dayA.quality[0..<4]) == [.measured, .interpolated, .interpolated, .measured])
        #expect(a.events.map(\.kind) == [.gapFilled] && a.events.first?.ts == testDayStart + 900)

        // (b) readings at slots 0 and 10: 0 → 100 (10 intervals > 4: profiled), then + 5 per slot to slot 14.
        // Profile[i] = i + 1: weights 1…10 over slots 0…9, Σ = 55, so slot i = 100 × (i + 1) / 55
        // (slot 0 = 1.8181…, slot 9 = 18.1818…); Σ slots 0…9 = 100. Slots 10…13 = 5, measured.
        let readings = slotReadings([(0, 0), (10, 100), (11, 105), (12, 110), (13, 115), (14, 120)])
        let profile = (0..<96).map { Double($0 + 1) }
        let b = MeterCleaner.clean(counter(), readings: readings, days: testDay...testDay, profile: profile)
        let dayB = try #require(b.days.first)
        for i in 0..<10 {
            #expect(close(dayB.values[i], 100 * Double(i + 1) / 55))
            #expect(dayB.quality[i] == .profiled)
        }
        #expect(close(dayB.values[0..<10].reduce(0, +), 100))
        #expect(Array(dayB.values[10..<14]) == [5, 5, 5, 5])
        #expect(Array(dayB.quality[10..<14]) == [.measured, .measured, .measured, .measured])
        #expect(b.events.map(\.kind) == [.gapFilled])
        // Without a profile the same gap is spread evenly: 100 / 10 = 10 per slot, still flagged profiled.
        let c = MeterCleaner.clean(counter(), readings: readings, days: testDay...testDay, profile: nil)
        let dayC = try #require(c.days.first)
        #expect(dayC.values[0..<10].allSatisfy { close($0, 10) })
        #expect(dayC.quality[0] == .profiled && dayC.estimatedCount == 10)
    }

    @Test("gap longer than 7 days is not filled; gap of exactly 7 days is")
    func maxGap() throws {
        // 8 days apart: every slot between stays missing. 7 days apart: 672 slots share 672 evenly → 1 each.
        let days = testDay...(testDay + 7)
        let far = [RawReading(ts: testDayStart, value: 0), RawReading(ts: testDayStart + 8 * 86_400, value: 768)]
        let r8 = MeterCleaner.clean(counter(), readings: far, days: days, profile: nil)
        #expect(r8.days.allSatisfy { $0.missingCount == 96 })
        let near = [RawReading(ts: testDayStart, value: 0), RawReading(ts: testDayStart + 7 * 86_400, value: 672)]
        let r7 = MeterCleaner.clean(counter(), readings: near, days: days, profile: nil)
        #expect(r7.days.prefix(7).allSatisfy { close($0.total, 96) && $0.estimatedCount == 96 })
        #expect(r7.days.last?.missingCount == 96)
    }

    @Test("outage at the end with no later reading: missing, not zero")
    func outageAtEnd() throws {
        // Readings every 15 min from 00:00 to 12:00 (slot 48 boundary), + 1 per slot: slots 0…47 = 1,
        // slots 48…95 have no bracketing reading → missing (NaN), total 48, not padded with zeros.
        let readings = slotReadings((0...48).map { ($0, Double($0)) })
        let result = MeterCleaner.clean(counter(), readings: readings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(day.total == 48 && day.measuredCount == 48 && day.missingCount == 48)
        #expect(day.values[48..<96].allSatisfy { $0.isNaN })
        #expect(day.quality[48..<96].allSatisfy { $0 == .missing })
        #expect(day.summary.mean == 1)
    }

    @Test("misaligned counter readings are prorated by time")
    func misaligned() throws {
        // Readings at 23:55 (−300 s), 00:10, 00:25, 00:40: 0, 3, 9, 12 — segment energies 3, 6, 3 over 900 s.
        // Slot 0 [0, 900): 3 × 600/900 + 6 × 300/900 = 2 + 2 = 4.
        // Slot 1 [900, 1800): 6 × 600/900 + 3 × 300/900 = 4 + 1 = 5.
        // Slot 2 [1800, 2700) ends after the last reading (2400) → missing.
        let readings = [(-300, 0.0), (600, 3.0), (1_500, 9.0), (2_400, 12.0)]
            .map { RawReading(ts: testDayStart + Int64($0.0), value: $0.1) }
        let result = MeterCleaner.clean(counter(), readings: readings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(close(day.values[0], 4) && close(day.values[1], 5))
        #expect(day.quality[0] == .measured && day.quality[1] == .measured && day.quality[2] == .missing)
    }

    @Test("Hampel: a one-slot burst on a counter is flagged suspect, value kept (energy conserved)")
    func counterSpike() throws {
        // Deltas 1,1,1,1,1,50,1,1,1,1 (slot 5). Window slots 2…8: 1,1,1,50,1,1,1: median 1, MAD 0;
        // |50 − 1| = 49 > 0 and > 0.5 × 1 + 0.05 → spike. Total stays 59.
        var pairs: [(slot: Int, value: Double)] = [(0, 0)]
        var r = 0.0
        for k in 0..<10 {
            r += k == 5 ? 50 : 1
            pairs.append((k + 1, r))
        }
        let result = MeterCleaner.clean(counter(), readings: slotReadings(pairs), days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(day.quality[5] == .suspect && day.values[5] == 50)
        #expect(day.quality.filter { $0 == .suspect }.count == 1)
        #expect(day.total == 59)
        #expect(result.events.map(\.kind) == [.spike])
    }

    @Test("counter delta above physicalMax is flagged suspect and kept")
    func counterRange() throws {
        // Deltas 2, 2, 2, 2 with max 1.5 → every measured slot suspect (Hampel quiet: MAD 0, |x − m| = 0).
        let readings = slotReadings((0...4).map { ($0, Double(2 * $0)) })
        let result = MeterCleaner.clean(counter(max: 1.5), readings: readings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(Array(day.quality[0..<4]) == Array(repeating: .suspect, count: 4))
        #expect(day.total == 8)
        #expect(result.events.filter { $0.kind == .outOfRange }.count == 4)
    }

    @Test("total: NaN/inf readings dropped, empty input all missing, invalid spec all missing or no days")
    func totality() throws {
        let nanReadings = slotReadings([(0, 0), (1, .nan), (2, 2), (3, .infinity), (4, 4)])
        let result = MeterCleaner.clean(counter(), readings: nanReadings, days: testDay...testDay, profile: nil)
        let day = try #require(result.days.first)
        #expect(Array(day.values[0..<4]) == [1, 1, 1, 1])   // 0 → 2 → 4 over two intervals each
        #expect(result.events.filter { $0.kind == .glitch }.count == 2)

        let empty = MeterCleaner.clean(counter(), readings: [], days: testDay...(testDay + 2), profile: nil)
        #expect(empty.days.count == 3 && empty.days.allSatisfy { $0.missingCount == 96 && $0.total == 0 })
        #expect(empty.days.map(\.day) == [testDay, testDay + 1, testDay + 2])

        let badMultiplier = MeterCleaner.clean(counter(multiplier: .nan), readings: nanReadings,
                                               days: testDay...testDay, profile: nil)
        #expect(badMultiplier.days.first?.missingCount == 96)
        var badInterval = counter()
        badInterval.intervalMinutes = 7
        #expect(MeterCleaner.clean(badInterval, readings: nanReadings, days: testDay...testDay, profile: nil).days.isEmpty)
        // Days outside 2000…2100 are left out; absurd timestamps never trap.
        let wild = [RawReading(ts: .min, value: 1), RawReading(ts: .max, value: .nan)]
        let outside = MeterCleaner.clean(counter(), readings: wild, days: (Int32.max - 1)...Int32.max, profile: nil)
        #expect(outside.days.isEmpty)
        let edge = MeterCleaner.clean(counter(), readings: wild, days: 10_956...10_957, profile: [1, 2])
        #expect(edge.days.map(\.day) == [10_957] && edge.days.first?.missingCount == 96)
    }
}
