import Testing
@testable import ZeroParkTelemetry

struct AlertEvaluatorTests {
    let spec = MeterSpec(key: "a1", quantity: .water, readingKind: .cumulative)
    /// End of the test day: every slot has ended.
    let endOfDay = testDayStart + 86_400

    /// The test day: `values` first, then `fill` for the remaining slots; NaN marks a missing slot.
    func day(_ values: [Double], fill: Double = 1, quality: IntervalQuality = .measured) -> MeterDay {
        var v = values + Array(repeating: fill, count: 96 - values.count)
        var q = Array(repeating: quality, count: 96)
        for i in v.indices where v[i].isNaN { q[i] = .missing; v[i] = .nan }
        return MeterDay(day: testDay, values: v, quality: q)
    }

    @Test("above: 3 consecutive slots > 50 fire; a run broken at 2 does not")
    func above() throws {
        let c = AlertCondition.above(50, forSlots: 3)
        // Slots 0–2 = 60, 70, 60: a run of 3 > 50 starting at 00:00, peak 70.
        let f = try #require(AlertEvaluator.evaluate(c, spec: spec, days: [day([60, 70, 60])], lastReadingTS: nil, now: endOfDay))
        #expect(f.ts == testDayStart && f.observed == 70 && f.slots == 3 && f.threshold == 50)
        // 60, 60, 10, 60: longest run 2 < 3.
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [day([60, 60, 10, 60])], lastReadingTS: nil, now: endOfDay) == nil)
        // A missing slot breaks the run: 60, 60, missing, 60.
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [day([60, 60, .nan, 60])], lastReadingTS: nil, now: endOfDay) == nil)
        // Slots not yet ended by `now` do not count: at 00:30 only slots 0–1 have ended.
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [day([60, 70, 60])], lastReadingTS: nil, now: testDayStart + 1_800) == nil)
    }

    @Test("below: 2 consecutive slots < 5 fire; single slot does not")
    func below() throws {
        let c = AlertCondition.below(5, forSlots: 2)
        let f = try #require(AlertEvaluator.evaluate(c, spec: spec, days: [day([9, 3, 2, 9], fill: 9)], lastReadingTS: nil, now: endOfDay))
        #expect(f.ts == testDayStart + 900 && f.observed == 2 && f.slots == 2)
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [day([9, 3, 9, 2], fill: 9)], lastReadingTS: nil, now: endOfDay) == nil)
    }

    @Test("nightBaseline: a night minimum above the threshold fires (leak); a dip to 0.5 does not")
    func nightBaseline() throws {
        let c = AlertCondition.nightBaseline(fromHour: 0, toHour: 4, minimum: 1)
        // 00:00–04:00 = slots 0…15, all 2 → minimum 2 > 1 → leak.
        let leak = day(Array(repeating: 2, count: 16))
        let f = try #require(AlertEvaluator.evaluate(c, spec: spec, days: [leak], lastReadingTS: nil, now: endOfDay))
        #expect(f.ts == testDayStart && f.observed == 2 && f.slots == 16)
        // 02:00 (slot 8) = 0.5 → minimum 0.5 ≤ 1 → no leak.
        var quiet = Array(repeating: 2.0, count: 16)
        quiet[8] = 0.5
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [day(quiet)], lastReadingTS: nil, now: endOfDay) == nil)
        // Fewer than half of the night's slots valued: not judged.
        let sparse = day(Array(repeating: 2, count: 7) + Array(repeating: .nan, count: 9))
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [sparse], lastReadingTS: nil, now: endOfDay) == nil)
        // Window wrapping midnight: 22:00 → 02:00 of the test day and the next; values all 3 > 1.
        let wrap = AlertCondition.nightBaseline(fromHour: 22, toHour: 2, minimum: 1)
        let next = MeterDay(day: testDay + 1, values: Array(repeating: 3, count: 96), quality: Array(repeating: .measured, count: 96))
        let w = try #require(AlertEvaluator.evaluate(wrap, spec: spec, days: [next, day(Array(repeating: 3, count: 96))],
                                                    lastReadingTS: nil, now: endOfDay + 3 * 3_600))
        #expect(w.ts == testDayStart + 22 * 3_600 && w.slots == 16 && w.observed == 3)
    }

    @Test("offline: no reading for 4 intervals fires; 1 s less does not; never seen fires")
    func offline() throws {
        let c = AlertCondition.offline(slots: 4)
        let now = testDayStart + 10_000
        // 4 × 900 = 3600 s.
        let f = try #require(AlertEvaluator.evaluate(c, spec: spec, days: [], lastReadingTS: now - 3_600, now: now))
        #expect(f.ts == now - 3_600 && f.observed == 4 && f.slots == 4)
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [], lastReadingTS: now - 3_599, now: now) == nil)
        let never = try #require(AlertEvaluator.evaluate(c, spec: spec, days: [], lastReadingTS: nil, now: now))
        #expect(never.observed == nil && never.ts == now)
        // An absurd last-reading timestamp never traps; it reads as long offline.
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [], lastReadingTS: .min, now: now) != nil)
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [], lastReadingTS: .max, now: now) == nil)
    }

    @Test("qualityBelow: 7 of 8 slots measured over 2 h = 0.875 < 0.9 fires; 8 of 8 does not")
    func qualityBelow() throws {
        let c = AlertCondition.qualityBelow(completeness: 0.9, overHours: 2)
        // now = 02:05 → last boundary 02:00; window 00:00–02:00 = slots 0…7.
        let now = testDayStart + 2 * 3_600 + 300
        var d = day([])
        d.quality[3] = .interpolated
        let f = try #require(AlertEvaluator.evaluate(c, spec: spec, days: [d], lastReadingTS: nil, now: now))
        #expect(f.observed == 0.875 && f.slots == 8 && f.ts == testDayStart)
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [day([])], lastReadingTS: nil, now: now) == nil)
        // No rows at all: completeness 0.
        #expect(AlertEvaluator.evaluate(c, spec: spec, days: [], lastReadingTS: nil, now: now)?.observed == 0)
    }

    @Test("invalid conditions never fire and validate() says why")
    func invalid() {
        let bad: [AlertCondition] = [.above(.nan, forSlots: 1), .below(1, forSlots: 0), .offline(slots: -1),
                                     .nightBaseline(fromHour: 3, toHour: 3, minimum: 0),
                                     .nightBaseline(fromHour: 25, toHour: 3, minimum: 0),
                                     .qualityBelow(completeness: 1.5, overHours: 2), .qualityBelow(completeness: 0.9, overHours: 0)]
        for c in bad {
            #expect(throws: TelemetryError.self) { try c.validate() }
            #expect(AlertEvaluator.evaluate(c, spec: spec, days: [day([])], lastReadingTS: nil, now: endOfDay) == nil)
        }
        #expect(AlertEvaluator.evaluate(.offline(slots: 1), spec: spec, days: [], lastReadingTS: nil, now: .max) == nil)
    }
}
