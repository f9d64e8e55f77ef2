import Testing
@testable import ZeroParkTelemetry

/// Cleaner event details are stored as data (`MeterEventDetail.encoded`) so the pages can word them in
/// either language; the stored form must give back exactly what was stored.
struct MeterEventDetailTests {
    static func samples(_ x: Double, _ y: Double, _ z: Double, _ w: Double, _ n: Int) -> [MeterEventDetail] {
        [.nonFinite(.counter), .nonFinite(.interval), .nonFinite(.instantaneous),
         .counterGlitch(value: x, above: true, previous: y, next: z), .counterGlitch(value: x, above: false, previous: y, next: z),
         .rollover(modulus: x, from: y, to: z, delta: w), .reset(from: x, to: y, delta: z),
         .counterGap(intervals: x, energy: y, spread: .evenly), .counterGap(intervals: x, energy: y, spread: .byProfile),
         .counterGap(intervals: x, energy: y, spread: .evenlyNoProfile), .counterSpike(delta: x, median: y),
         .counterOutOfRange(delta: x, minimum: -.infinity, maximum: .infinity), .offGrid(value: x, intervalMinutes: n),
         .negativeInterval(value: x, quantity: "water"), .belowMinimum(value: x, minimum: y), .aboveMaximum(value: x, maximum: y),
         .readingsOutOfRange(count: n, minimum: x, maximum: y, first: z), .spikeReplaced(value: x, median: y),
         .gapFilled(slots: n, byProfile: true, left: x, right: y), .gapFilled(slots: n, byProfile: false, left: x, right: y)]
    }

    @Test("every detail round-trips through its stored form, for any finite or infinite numbers")
    func roundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let values = (0..<4).map { _ in Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator)) }
                .map { $0.isNaN ? 1.5 : $0 }
            for detail in Self.samples(values[0], values[1], values[2], values[3], Int.random(in: Int.min...Int.max)) {
                #expect(MeterEventDetail(encoded: detail.encoded) == detail, "\(detail.encoded)")
            }
        }
    }

    @Test("an English sentence from before details were structured, or a damaged stored form, is not a detail")
    func legacyAndDamaged() {
        #expect(MeterEventDetail(encoded: "counter wrapped at 1000000: 999999.99 → 0.99, delta 1") == nil)
        #expect(MeterEventDetail(encoded: "zp1|rollover|1|2|3") == nil)
        #expect(MeterEventDetail(encoded: "zp1|rollover|1|2|3|x") == nil)
        #expect(MeterEventDetail(encoded: "zp1|non_finite|pressure") == nil)
        #expect(MeterEventDetail(encoded: "zp1|gap_filled|3|2|1|1") == nil)
        #expect(MeterEventDetail(encoded: "zp1|") == nil)
    }

    @Test("the cleaner records a rollover as data with its numbers")
    func cleanerRecordsData() {
        let readings = slotReadings([(0, 999_998.99), (1, 999_999.99), (2, 0.99)])
        let result = MeterCleaner.clean(counter(modulus: 1_000_000), readings: readings, days: testDay...testDay, profile: nil)
        guard case let .rollover(modulus, from, to, _)? = result.events.first?.detail else {
            Issue.record("expected a rollover detail, got \(String(describing: result.events.first))")
            return
        }
        #expect(modulus == 1_000_000 && from == 999_999.99 && to == 0.99)
    }
}
