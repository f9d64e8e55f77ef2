import Testing
@testable import ZeroParkTelemetry

struct PerformanceTests {
    @Test("a year of 15-minute counter readings (35,040) cleans in one call, energy conserved")
    func year() throws {
        // 365 days × 96 = 35,040 slots; readings on every boundary (35,041), increment 0.25 + (k mod 7) × 0.25.
        var readings: [RawReading] = []
        readings.reserveCapacity(35_041)
        var value = 100.0, expected = 0.0
        for k in 0...35_040 {
            readings.append(RawReading(ts: testDayStart + Int64(k) * 900, value: value))
            let inc = 0.25 + Double(k % 7) * 0.25
            if k < 35_040 { value += inc; expected += inc }
        }
        let clock = ContinuousClock()
        var result = CleaningResult(days: [], events: [])
        let elapsed = clock.measure {
            result = MeterCleaner.clean(counter(multiplier: 2), readings: readings,
                                        days: testDay...(testDay + 364), profile: nil)
        }
        print("clean one meter-year (35,040 readings): \(elapsed)")
        #expect(result.days.count == 365)
        #expect(result.days.allSatisfy { $0.measuredCount + $0.flaggedCount == 96 })
        #expect(close(result.days.reduce(0) { $0 + $1.total }, expected * 2))
    }
}
