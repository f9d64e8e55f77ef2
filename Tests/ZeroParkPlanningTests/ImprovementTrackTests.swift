import Testing
@testable import ZeroParkPlanning

/// Issue #10 item 7 (STANDARD.md 1.1.14): output per area and emissions per output, year by year.
struct ImprovementTrackTests {
    @Test("output per m² and tCO2 per 10,000 CNY, and their change, by hand")
    func figures() throws {
        // 2024: 1e8 CNY on 100,000 m² = 1,000 CNY/m²; 5,000 t ÷ (1e8 / 1e4) = 0.5 tCO2/万元.
        // 2025: 1.2e8 on 100,000 m² = 1,200 CNY/m² (+20 %); 4,800 ÷ 12,000 = 0.4 tCO2/万元 (−20 %).
        let y2024 = ImprovementYear(year: 2024, areaM2: 100_000, outputValueCNY: 1e8, emissionsTco2: 5_000)
        let y2025 = ImprovementYear(year: 2025, areaM2: 100_000, outputValueCNY: 1.2e8, emissionsTco2: 4_800)
        #expect(y2024.outputPerM2 == 1_000 && y2024.tco2Per10kCNY == 0.5)
        #expect(y2025.outputPerM2 == 1_200 && abs((y2025.tco2Per10kCNY ?? 0) - 0.4) < 1e-12)
        #expect(abs((ImprovementTrack.change(y2024.outputPerM2, y2025.outputPerM2) ?? 0) - 0.2) < 1e-12)
        #expect(abs((ImprovementTrack.change(y2024.tco2Per10kCNY, y2025.tco2Per10kCNY) ?? 0) + 0.2) < 1e-12)
        // Without an output value there is nothing to divide by.
        #expect(ImprovementYear(year: 2023, areaM2: 100_000, outputValueCNY: nil, emissionsTco2: 1).tco2Per10kCNY == nil)
    }

    @Test("planned years follow the recorded ones with the pathway's emissions and the latest output held")
    func planned() throws {
        // Baseline 2025: 1,000 t; a 50 % cut of the single source from 2026: 2026 and 2027 at 500 t.
        let baseline = PlanBaseline(year: 2025, sources: [BaselineSource(id: "grid", name: "电", system: .energy, tco2: 1_000)])
        let cut = Measure(id: "cut", name: "节能", category: .efficientEquipment, actsOn: ["grid"], abatement: .fraction(0.5),
                          capexCNY: nil, opexCNYPerYear: nil, savingsCNYPerYear: nil, lifetimeYears: nil, startYear: 2026)
        let pathway = try PathwayPlanner.plan(baseline: baseline, measures: [cut], offsets: [],
                                              settings: PlanSettings(baseYear: 2025, targetYear: 2027, discountRate: 0.08, bauGrowth: 0))
        let recorded = [ImprovementYear(year: 2025, areaM2: 100_000, outputValueCNY: 1e8, emissionsTco2: 1_000)]
        let track = ImprovementTrack.track(recorded: recorded, pathway: pathway)
        #expect(track.map(\.year) == [2025, 2026, 2027] && track.map(\.heldFrom) == [nil, 2025, 2025])
        // 500 t ÷ 10,000 (万元) = 0.05 tCO2/万元 at 2025's output.
        #expect(track[1].emissionsTco2 == 500 && track[1].tco2Per10kCNY == 0.05 && track[1].outputPerM2 == 1_000)
    }
}
