import PropertyBased
import Testing
@testable import ZeroParkTelemetry

/// Property tests of `MeterCleaner.clean` for counters.
struct CleaningPropertyTests {
    /// Monotone counter readings bracketing `days` days from testDayStart exactly: interior timestamps
    /// (any second, so misaligned and gaps of up to 7 days occur) with non-negative increments.
    static func bracketed(days: Int, offsets: [Int], increments: [Double], start: Double) -> [RawReading] {
        let span = Int64(days) * 86_400
        var ts = Set(offsets.map { Int64($0) % span }.filter { $0 > 0 })
        ts.insert(0)
        ts.insert(span)
        var value = start
        var out: [RawReading] = []
        for (i, t) in ts.sorted().enumerated() {
            if i > 0 { value += increments[i % increments.count] }
            out.append(RawReading(ts: testDayStart + t, value: value))
        }
        return out
    }

    @Test("property: counter conservation — Σ cleaned values = (last − first) × multiplier (1e-9 relative)")
    func conservation() async {
        await propertyCheck(count: 300,
                            input: Gen.int(in: 1...3), Gen.int(in: 0...(3 * 86_400)).array(of: 0...400),
                            Gen.double(in: 0...50).array(of: 1...50), Gen.double(in: 0.5...200),
                            Gen.int(in: 0...2)) { days, offsets, increments, multiplier, profileKind in
            // Sparse offsets give gaps of hours to days (profiled when > 4 intervals); at most 3 days ≤ 7-day limit.
            let readings = Self.bracketed(days: days, offsets: offsets, increments: increments, start: 12_345.5)
            let profile: [Double]? = switch profileKind {
            case 0: nil
            case 1: (0..<96).map { Double(($0 * 37) % 11) }   // includes zero weights
            default: Array(repeating: 0, count: 96)            // all-zero profile → even spread
            }
            let spec = counter(multiplier: multiplier)
            let result = MeterCleaner.clean(spec, readings: readings,
                                            days: testDay...(testDay + Int32(days) - 1), profile: profile)
            let sum = result.days.reduce(0.0) { $0 + $1.total }
            let expected = ((readings.last?.value ?? 0) - (readings.first?.value ?? 0)) * multiplier
            #expect(abs(sum - expected) <= 1e-9 * max(1, abs(expected)), "sum \(sum) expected \(expected)")
            #expect(result.days.allSatisfy { $0.missingCount == 0 })
            #expect(!result.events.contains { $0.kind == .reset || $0.kind == .rollover || $0.kind == .glitch })
        }
    }

    @Test("property: cleaning ignores input assembly — shuffled with duplicates ≡ sorted unique")
    func assemblyIndependence() async {
        await propertyCheck(count: 200,
                            input: Gen.int(in: 1...4).array(of: 1...300), Gen.double(in: -5...40).array(of: 1...300),
                            Gen.int(in: 0...2), Gen.int(in: 0...Int.max)) { steps, values, kindIndex, seed in
            let kind: ReadingKind = [.cumulative, .interval, .instantaneous][kindIndex]
            var ts = testDayStart - 4 * 900
            var readings: [RawReading] = []
            for (i, step) in steps.enumerated() {
                // Counters mostly increase, with occasional drops (resets/glitches) from negative values.
                let v = values[i % values.count]
                let value = kind == .cumulative ? Double(i) * 3 + v : v
                readings.append(RawReading(ts: ts, value: value))
                ts += Int64(step) * (kind == .instantaneous ? 301 : 900)
            }
            let spec = MeterSpec(key: "p", quantity: .electricityImport, readingKind: kind, multiplier: 2,
                                 counterModulus: kind == .cumulative ? 1_000 : nil, physicalMax: 70)
            let days = testDay...(testDay + 3)
            let reference = MeterCleaner.clean(spec, readings: readings, days: days, profile: nil)
            // Assemble differently: duplicate a third of the readings (same ts, same value), shuffle.
            var rng = SplitMix(state: UInt64(seed))
            var assembled = readings + readings.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
            assembled.shuffle(using: &rng)
            // As the caller does it: dedupe and sort…
            let deduped = Array(Set(assembled)).sorted { $0.ts < $1.ts }
            let viaCaller = MeterCleaner.clean(spec, readings: deduped, days: days, profile: nil)
            // …and the cleaner itself given the raw shuffle.
            let viaCleaner = MeterCleaner.clean(spec, readings: assembled, days: days, profile: nil)
            #expect(viaCaller.days == reference.days && viaCaller.events == reference.events)
            #expect(viaCleaner.days == reference.days && viaCleaner.events == reference.events)
        }
    }

    @Test("property: cleaning a range at once ≡ day by day with ≤ 8 readings of context (counters, gaps ≤ 4 slots)")
    func dayByDay() async {
        await propertyCheck(count: 150,
                            input: Gen.int(in: 1...4).array(of: 1...600), Gen.double(in: 0...30).array(of: 1...100),
                            Gen.int(in: 1...4)) { steps, increments, dayCount in
            // Aligned readings from 6 h before the first day, gaps of 1–4 slots, increments include bursts
            // (so Hampel flags occur and must match too).
            var ts = testDayStart - 6 * 3_600
            var value = 500.0
            var readings: [RawReading] = []
            for (i, step) in steps.enumerated() {
                readings.append(RawReading(ts: ts, value: value))
                ts += Int64(step) * 900
                value += increments[i % increments.count] * (i % 17 == 5 ? 40 : 1)
            }
            let spec = counter(multiplier: 1.5)
            let last = testDay + Int32(dayCount) - 1
            let whole = MeterCleaner.clean(spec, readings: readings, days: testDay...last, profile: nil)
            #expect(whole.days.count == dayCount)
            for (i, d) in (testDay...last).enumerated() {
                let start = testDayStart + Int64(i) * 86_400, end = start + 86_400
                let before = readings.filter { $0.ts < start }.suffix(8)
                let inside = readings.filter { $0.ts >= start && $0.ts < end }
                let after = readings.filter { $0.ts >= end }.prefix(8)
                let single = MeterCleaner.clean(spec, readings: Array(before) + inside + Array(after), days: d...d, profile: nil)
                #expect(single.days == [whole.days[i]], "day \(d)")
            }
        }
    }
}
