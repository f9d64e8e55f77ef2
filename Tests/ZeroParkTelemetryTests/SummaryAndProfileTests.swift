import Testing
@testable import ZeroParkTelemetry

struct SummaryAndProfileTests {
    func row(_ day: Int32, total perSlot: Double, missing: Int) -> MeterDay {
        var d = MeterDay(day: day, values: Array(repeating: perSlot, count: 96), quality: Array(repeating: .measured, count: 96))
        for i in 0..<missing { d.values[i] = .nan; d.quality[i] = .missing }
        return d
    }

    @Test("MeterDay summary: counts partition the slots; NaN equals NaN in ==")
    func daySummary() {
        var d = row(testDay, total: 2, missing: 6)
        d.quality[10] = .interpolated
        d.quality[11] = .suspect
        d.values[12] = 5
        // 90 valued slots: 89 × 2 + 5 = 183; measured 96 − 6 − 2 = 88.
        let s = d.summary
        #expect(s.total == 183 && s.measuredCount == 88 && s.estimatedCount == 1 && s.flaggedCount == 1 && s.missingCount == 6)
        #expect(s.min == 2 && s.max == 5 && s.mean == 183.0 / 90)
        #expect(d == row(testDay, total: 2, missing: 6).with { $0.quality[10] = .interpolated; $0.quality[11] = .suspect; $0.values[12] = 5 })
        #expect(d != row(testDay, total: 2, missing: 6))
        #expect(MeterDay.missing(day: testDay, slots: 96).summary.min == nil)
    }

    @Test("MonthSummary: Feb 2024 (29 days) from 2 rows, Mar from 1; absent days count as missing")
    func monthRollup() throws {
        // Feb 28, Feb 29 (19_781, 19_782): 96 × 1 and (96 − 6) × 1 valued → total 186; Mar 1: 96 × 3 = 288.
        let rows = [row(testDay, total: 3, missing: 0), row(19_782, total: 1, missing: 6), row(19_781, total: 1, missing: 0)]
        let months = try MonthSummary.rollup(rows.map(\.summary))
        #expect(months.count == 2)
        let feb = try #require(months.first)
        #expect(feb.year == 2024 && feb.month == 2 && feb.daysInMonth == 29 && feb.dayCount == 2)
        #expect(feb.total == 186 && feb.measuredCount == 186)
        // Expected 29 × 96 = 2784 slots; valued 186 → missing 2598; completeness 186 / 2784.
        #expect(feb.expectedSlots == 2_784 && feb.missingCount == 2_598 && feb.completeness == 186.0 / 2_784)
        #expect(months.last?.total == 288 && months.last?.month == 3 && months.last?.min == 3)
        #expect(throws: TelemetryError.duplicateDay(testDay)) {
            try MonthSummary.rollup([row(testDay, total: 1, missing: 0).summary, row(testDay, total: 2, missing: 0).summary])
        }
        #expect(throws: TelemetryError.dayOutOfRange(5)) { try MonthSummary.rollup([row(5, total: 1, missing: 0).summary]) }
    }

    @Test("MeterProfile: mean of measured values per slot; nil with too little data")
    func profile() throws {
        // Day A slot i = i, day B slot i = i + 2 → mean i + 1. Estimated and missing values are ignored.
        let a = MeterDay(day: 1, values: (0..<4).map(Double.init), quality: Array(repeating: .measured, count: 4))
        var b = MeterDay(day: 2, values: (0..<4).map { Double($0 + 2) }, quality: Array(repeating: .measured, count: 4))
        var c = MeterDay(day: 3, values: Array(repeating: 1_000, count: 4), quality: Array(repeating: .interpolated, count: 4))
        c.quality[0] = .missing
        #expect(MeterProfile.build(from: [a, b, c], slots: 4) == [1, 2, 3, 4])
        // Only 4 measured values for 4 slots (< 2 × 4) → nil.
        #expect(MeterProfile.build(from: [a, c], slots: 4) == nil)
        #expect(MeterProfile.build(from: [a, b], slots: 0) == nil)
        // A slot with no measured value takes the overall mean: slot 3 missing on both days;
        // two copies of each: 12 measured values 0,1,2,2,3,4 (×2) → overall mean 24 / 12 = 2.
        var a2 = a
        a2.quality[3] = .missing
        b.quality[3] = .missing
        #expect(MeterProfile.build(from: [a2, b, a2, b], slots: 4) == [1, 2, 3, 2])
    }
}

extension MeterDay {
    func with(_ change: (inout MeterDay) -> Void) -> MeterDay {
        var copy = self
        change(&copy)
        return copy
    }
}
