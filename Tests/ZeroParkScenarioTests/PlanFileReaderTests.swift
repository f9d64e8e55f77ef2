import Testing
import ZeroParkInput
@testable import ZeroParkScenario

/// The plan's measures file is hostile input like any other: bounded, aliases prescanned, numbers
/// finite and in range, every problem with its place (issue #10, docs/planning.md §5).
struct PlanFileReaderTests {
    static let minimal = """
        zeropark_plan: 1
        target_year: 2030
        discount_rate: 0.08
        bau_growth: 0.02
        measures:
          - { id: m, name: 光伏, category: rooftop_pv, acts_on: [grid], electricity_mwh: 100, start_year: 2026 }
        offsets:
          - { id: p, name: 碳普惠, type: phcer, local: true, price_cny_per_tonne: 50, available_tonnes_per_year: 10 }
        """

    @Test func readsTheMinimalFile() throws {
        let plan = try PlanFileReader.read(yaml: Self.minimal)
        #expect(plan.targetYear == 2030 && plan.discountRate == 0.08 && plan.bauGrowth == 0.02 && plan.offsetsFrom == nil)
        #expect(plan.measures.map(\.id) == ["m"] && plan.measures.first?.abatement == .electricityMWh(100))
        #expect(plan.offsets.first?.local == true && plan.offsets.first?.availableTonnesPerYear == 10)
    }

    @Test func aliasBombSizeAndNonFiniteNumbersAreRefused() {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...8 { bomb += "b\(i): &b\(i) [" + Array(repeating: i == 1 ? "*a" : "*b\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(throws: InputError.self) { try PlanFileReader.read(yaml: bomb) }
        do { _ = try PlanFileReader.read(yaml: String(repeating: "#", count: PlanFileReader.maxBytes + 1)); Issue.record("expected too_large") } catch {
            #expect(error.first?.code == "too_large")
        }
        for (from, to, field) in [("discount_rate: 0.08", "discount_rate: .nan", "discount_rate"),
                                  ("electricity_mwh: 100", "electricity_mwh: 1e308", "measures[0].electricity_mwh"),
                                  ("price_cny_per_tonne: 50", "price_cny_per_tonne: -5", "offsets[0].price_cny_per_tonne"),
                                  ("target_year: 2030", "target_year: 99999999999999999999", "target_year")] {
            do { _ = try PlanFileReader.read(yaml: Self.minimal.replacingOccurrences(of: from, with: to)); Issue.record("\(to) accepted") } catch {
                #expect(error.problems.map(\.field) == [field], "\(to)")
                #expect(error.problems.allSatisfy { $0.line != nil && !$0.zh.isEmpty })
            }
        }
        do { _ = try PlanFileReader.read(yaml: "- a\n- b\n"); Issue.record("a list accepted") } catch { #expect(error.first?.code == "wrong_type") }
    }
}
