import Foundation
import PropertyBased
import Testing
@testable import ZeroParkReports

/// Chart axes a person can read (issue #12 defect 6: only the largest value was labelled, months were bare
/// numbers): round ticks from 0 with grid lines, the unit above the axis, month labels in the page's language.
struct ChartAxisTests {
    @Test func roundTicksByHand() {
        // 3,054 / 4 = 763.5 → 10^2 × 7.6 → a step of 1,000; the first tick at or above 3,054 is 4,000.
        let a = SVGChart.ValueAxis(maximum: 3_054)
        #expect(a.ticks == [0, 1_000, 2_000, 3_000, 4_000] && a.top == 4_000)
        #expect(a.ticks.map { a.label($0, scale: 1) } == ["0", "1000", "2000", "3000", "4000"])
        // 41,000 / 4 = 10,250 → 10^4 × 1.025 → a step of 20,000; top 60,000: 2万, 4万, 6万 on a Chinese page, 20k… elsewhere.
        let b = SVGChart.ValueAxis(maximum: 41_000)
        #expect(b.ticks == [0, 20_000, 40_000, 60_000])
        SVGChart.$chineseNumbers.withValue(true) {
            #expect(b.ticks.map { b.label($0, scale: 1) } == ["0", "2万", "4万", "6万"])
        }
        #expect(b.ticks.map { b.label($0, scale: 1) } == ["0", "20k", "40k", "60k"])
        // 0.37 / 4 = 0.0925 → a step of 0.1 with one decimal: 0.1 … 0.4.
        let c = SVGChart.ValueAxis(maximum: 0.37)
        #expect(c.ticks.map { c.label($0, scale: 1) } == ["0", "0.1", "0.2", "0.3", "0.4"])
        // 12 / 4 = 3 → 10^0 × 3 → a step of 5; top 15.
        #expect(SVGChart.ValueAxis(maximum: 12).ticks == [0, 5, 10, 15])
        // A top that would overflow keeps the maximum itself; nothing to draw gives one tick and a top of 1.
        let huge = SVGChart.ValueAxis(maximum: 1.7e308)
        #expect(huge.ticks == [0, 1.7e308] && huge.top == 1.7e308)
        #expect(SVGChart.ValueAxis(maximum: .nan).ticks == [0] && SVGChart.ValueAxis(maximum: 0).top == 1)
    }

    @Test func ticksAlwaysCoverTheMaximumEvenly() async {
        await propertyCheck(count: 2_000, input: Gen.double(in: 1e-6...1e12)) { maximum in
            let axis = SVGChart.ValueAxis(maximum: maximum)
            #expect(axis.ticks.first == 0 && axis.ticks.last == axis.top)
            #expect(axis.top >= maximum && axis.top <= maximum * 2.5 + axis.step)
            #expect((2...11).contains(axis.ticks.count))
            for (low, high) in zip(axis.ticks, axis.ticks.dropFirst()) {
                #expect(abs((high - low) - axis.step) <= axis.step * 1e-9)
            }
        }
    }

    @Test func chartsDrawTheirTicksUnitAndMonths() {
        let months = (1...12).map { SVGChart.Item(SVGChart.monthLabel($0, chinese: true), Double($0) * 250) }
        let line = SVGChart.line(months, title: "月度排放趋势", unit: "tCO2")
        // 12 × 250 = 3,000 / 4 = 750 → a step of 1,000: ticks 0 … 3,000, the unit above the axis, 1月 … 12月 along it.
        for text in [">0</text>", ">1000</text>", ">2000</text>", ">3000</text>", ">tCO2</text>", ">1月</text>", ">12月</text>"] {
            #expect(line.contains(text), "\(text)")
        }
        let stacked = SVGChart.stackedBar(labels: ["1月", "2月"], series: [.init("能源", [100, 300]), .init("交通", [50, 20])], title: "t", unit: "tCO2")
        // Tallest column 320 / 4 = 80 → a step of 100: ticks 0 … 400.
        #expect(stacked.contains(">400</text>") && stacked.contains(">tCO2</text>"))
        #expect(SVGChart.monthLabel(1, chinese: false) == "Jan" && SVGChart.monthLabel(12, chinese: false) == "Dec")
        #expect(SVGChart.monthLabel(13, chinese: true) == "13" && SVGChart.monthLabel(0, chinese: false) == "0")
    }
}
