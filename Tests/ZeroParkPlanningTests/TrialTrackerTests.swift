import Testing
import ZeroParkCore
@testable import ZeroParkPlanning

/// Issue #10 item 6 (STANDARD.md 1.1.9–1.1.10): the trial year held to the plan's monthly path, worked by hand.
struct TrialTrackerTests {
    /// Plan for 2026: grid 1,200 t spread by a flat base-year profile (1/12 a month), gas 365 t spread by
    /// days (no base-year months: 1 t a day), sinks 73 t (0.2 t a day).
    let plan = [2026: PlannedYear(bySource: ["grid": 1_200, "gas": 365], sinks: 73, offsets: 0)]
    let profile = ["grid": Array(repeating: 1.0 / 12, count: 12)]

    func spans(elapsedMarch: Int) -> [TrialMonthSpan] {
        (1...12).map { month in
            let days = CalendarDate.daysInMonth(year: 2026, month: month)
            let elapsed = month < 3 ? days : month == 3 ? elapsedMarch : 0
            return TrialMonthSpan(month: YearMonth(year: 2026, month: month), trialDays: days, elapsedDays: elapsed)
        }
    }

    @Test("a month and the trial to date beyond the threshold are findings naming the sources that moved")
    func deviationFindings() throws {
        // January: planned grid 1,200/12 = 100, gas 31 × 1 = 31, sinks 31 × 0.2 = 6.2 → net 124.8.
        //   Actual grid 110, gas 31, sinks 6.2 → net 134.8: +10, 10/124.8 = 8.0 % ≤ 10 %: no finding.
        // February: planned 100 + 28 − 5.6 = 122.4. Actual 130 + 25 − 2.6 = 152.4: +30, 30/122.4 = 24.5 % → finding;
        //   causes in its direction: grid +30, sinks +3 (absorbed 2.6 instead of 5.6); gas −3 is not a cause.
        // March (15 of 31 days elapsed): in progress, not judged. Planned grid 100 × 15/31 = 48.387…
        // To date (January + February): planned 247.2, actual 287.2: +40, 40/247.2 = 16.18 % → finding; grid +40, sinks +3.
        let actuals = TrialActuals(months: spans(elapsedMarch: 15),
                                   bySource: ["grid": [110, 130, 40] + Array(repeating: nil, count: 9),
                                              "gas": [31, 25, 15] + Array(repeating: nil, count: 9)],
                                   sinks: [6.2, 2.6, 3] + Array(repeating: 0, count: 9))
        let progress = TrialTracker.track(plan: plan, profile: profile, actuals: actuals, threshold: 0.10)
        #expect(progress.monthsCompared == 2)
        #expect(abs(progress.plannedNetToDate - 247.2) < 1e-9 && abs(progress.actualNetToDate - 287.2) < 1e-9)
        #expect(abs(progress.months[0].plannedNet - 124.8) < 1e-9 && abs((progress.months[0].actualNet ?? 0) - 134.8) < 1e-9)
        #expect(progress.months[2].inProgress && abs(progress.months[2].plannedEmissions - (100 * 15.0 / 31 + 15)) < 1e-9)
        #expect(progress.months[3].ahead && progress.months[3].actualEmissions == nil)
        #expect(progress.findings.count == 2)
        let february = try #require(progress.findings.first)
        #expect(february.month == YearMonth(year: 2026, month: 2))
        #expect(abs(february.deviation - 30) < 1e-9 && abs(february.share - 30 / 122.4) < 1e-12 && february.isAbovePlan)
        #expect(february.causes.map(\.source) == ["grid", TrialTracker.sinksCause])
        #expect(abs(february.causes[0].deviation - 30) < 1e-9 && abs(february.causes[1].deviation - 3) < 1e-9)
        let toDate = try #require(progress.findings.last)
        #expect(toDate.month == nil && abs(toDate.deviation - 40) < 1e-9 && abs(toDate.share - 40 / 247.2) < 1e-12)
        #expect(toDate.causes.map(\.source) == ["grid", TrialTracker.sinksCause])
    }

    @Test("below the plan is a finding too, with the sources that fell")
    func belowPlan() throws {
        // January: planned 124.8; actual grid 60 + gas 31 − sinks 6.2 = 84.8: −40, −32.05 % → finding; cause grid −40.
        let actuals = TrialActuals(months: Array(spans(elapsedMarch: 0).prefix(1)),
                                   bySource: ["grid": [60], "gas": [31]], sinks: [6.2])
        let progress = TrialTracker.track(plan: plan, profile: profile, actuals: actuals, threshold: 0.10)
        let january = try #require(progress.findings.first)
        #expect(!january.isAbovePlan && abs(january.deviation + 40) < 1e-9 && january.causes.map(\.source) == ["grid"])
    }

    @Test("a month in which a planned source has no data is not judged, and says which source is missing")
    func missingData() {
        // February has no gas figure: not compared; January alone is (124.8 planned, 124.8 actual: no finding).
        let actuals = TrialActuals(months: Array(spans(elapsedMarch: 0).prefix(2)),
                                   bySource: ["grid": [100, 100], "gas": [31, nil]], sinks: [6.2, 5.6])
        let progress = TrialTracker.track(plan: plan, profile: profile, actuals: actuals, threshold: 0.10)
        #expect(progress.months[1].actualEmissions == nil && progress.months[1].missingSources == ["gas"])
        #expect(progress.monthsCompared == 1 && progress.findings.isEmpty)
    }

    @Test("a trial starting mid-month plans the part of the month it covers")
    func partialMonth() {
        // 16–31 January (16 days): grid 100 × 16/31 = 51.6129…, gas 16, sinks 3.2 → planned net 64.4129….
        let span = TrialMonthSpan(month: YearMonth(year: 2026, month: 1), trialDays: 16, elapsedDays: 16)
        let progress = TrialTracker.track(plan: plan, profile: profile,
                                          actuals: TrialActuals(months: [span], bySource: ["grid": [100 * 16.0 / 31], "gas": [16]], sinks: [3.2]),
                                          threshold: 0.10)
        #expect(abs(progress.months[0].plannedNet - (100 * 16.0 / 31 + 16 - 3.2)) < 1e-9)
        #expect(progress.findings.isEmpty && progress.monthsCompared == 1)
    }
}
