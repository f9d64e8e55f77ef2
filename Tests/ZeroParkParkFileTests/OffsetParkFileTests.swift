import Testing
import ZeroParkCore
@testable import ZeroParkParkFile

/// The offset fields and rules of the park file (docs/park-file.md "offsets", docs/accounting-rules.md §4):
/// the example keeps reading unchanged, `local` is read but not trusted, the new keys round-trip.
struct OffsetParkFileTests {
    func variant(_ old: String, _ new: String) throws -> String {
        let text = try ExampleParkTests.exampleText()
        try #require(text.contains(old), "fixture text not found: \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    func issues(_ text: String) -> [ParkIssue] {
        do {
            _ = try InventoryCalculator.compute(try ParkFileReader.read(yaml: text))
            return []
        } catch let error as ParkInputError {
            return error.issues
        } catch {
            return [ParkIssue(code: "unexpected", field: "", message: "\(error)", zh: "意外错误：\(error)", location: nil)]
        }
    }

    @Test("the example's `local:` keys are read as typed flags; its offsets keep their figures")
    func exampleUnchanged() throws {
        let park = try ParkFileReader.read(yaml: try ExampleParkTests.exampleText())
        #expect(park.offsets.map(\.statedLocal) == [true, false, nil])
        #expect(park.offsets.allSatisfy { $0.projectProvince == nil && $0.retiredFor == nil })
        // Cap = 32,350.6355263906 − 952.3 = 31,398.3355263906 ≥ 9,000 + 15,000 + 2,400 = 26,400: all counted.
        // PHCER is in Guangdong by definition, the park is in Guangdong: local, agreeing with the typed `local: true`.
        // The credits name no beneficiary: counted, with `offset_beneficiary_unstated` (1.1.7).
        let inventory = try InventoryCalculator.compute(park, today: CalendarDate(year: 2026, month: 11, day: 26))
        #expect(inventory.offsetsTco2 == 26_400)
        #expect(inventory.offsetSurplusTco2 == 0)
        #expect(inventory.offsets.map(\.local) == [true, false, false])
        let codes = inventory.warnings.filter { $0.subject != nil && $0.code.hasPrefix("offset_") }.map { "\($0.subject ?? ""):\($0.code)" }
        #expect(codes == ["phcer-2025:offset_beneficiary_unstated", "ccer-wind:offset_beneficiary_unstated"])
    }

    @Test("project_province, retired_for and the two offset rules are read with their values and round-trip")
    func newKeys() throws {
        var text = try variant("    local: false\n    retired: 2026-03-20\n",
                               "    project_province: neimenggu\n    local: false\n    retired: 2026-03-20\n    retired_for: 南沙智造产业园\n")
        text = text.replacingOccurrences(of: "period:\n  year: 2025", with: "period:\n  year: 2025\n\nrules:\n  offset_vintage_window_years: 3\n  report_date: 2026-03-31")
        let park = try ParkFileReader.read(yaml: text)
        #expect(park.offsets[1].projectProvince == "neimenggu")
        #expect(park.offsets[1].retiredFor == "南沙智造产业园")
        #expect(park.rules.offsetVintageWindowYears == 3)
        #expect(park.rules.reportDate == CalendarDate(year: 2026, month: 3, day: 31))
        // reader(writer(x)) == x, locations aside.
        let again = try ParkFileReader.read(yaml: ParkFileWriter.write(park))
        func stripped(_ park: ParkDefinition) -> ([CarbonOffset], AccountingRules) {
            var rules = park.rules
            rules.locations = .init()
            return (park.offsets.map { var offset = $0; offset.locations = .init(); return offset }, rules)
        }
        #expect(stripped(again).0 == stripped(park).0)
        #expect(stripped(again).1 == stripped(park).1)
        // A typed flag that was absent stays absent (the writer writes `local:` only when it was typed).
        #expect(again.offsets[2].statedLocal == nil)
        let written = ParkFileWriter.write(park)
        #expect(written.contains("offset_vintage_window_years: \"3\""))
        #expect(written.contains("report_date: \"2026-03-31\""))
        // Defaults are not written.
        #expect(!ParkFileWriter.write(try ParkFileReader.read(yaml: try ExampleParkTests.exampleText())).contains("offset_vintage_window_years"))
    }

    @Test("bad rule values and an unknown project province are errors with their field")
    func errors() throws {
        let window = try variant("period:\n  year: 2025", "period:\n  year: 2025\n\nrules:\n  offset_vintage_window_years: 99")
        let windowIssues = issues(window)
        #expect(windowIssues.map(\.code) == ["invalid_value"])
        #expect(windowIssues.first?.field == "rules.offset_vintage_window_years")
        #expect(windowIssues.first?.message == "must be a whole number of years from 0 to 50, got \"99\"")
        let date = try variant("period:\n  year: 2025", "period:\n  year: 2025\n\nrules:\n  report_date: 2026-02-30")
        #expect(issues(date).map(\.field) == ["rules.report_date"])
        let province = try variant("    local: false\n", "    local: false\n    project_province: atlantis\n")
        let provinceIssues = issues(province)
        #expect(provinceIssues.map(\.code) == ["unknown_province"])
        #expect(provinceIssues.first?.field == "offsets[ccer-wind].project_province")
        #expect(provinceIssues.first?.location != nil)
    }
}
