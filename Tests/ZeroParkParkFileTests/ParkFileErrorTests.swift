import Testing
import ZeroParkCore
@testable import ZeroParkParkFile

/// Every error path of a park file names the field and its line and column, and nothing crashes.
struct ParkFileErrorTests {
    /// The example with `old` replaced by `new` (which must occur).
    func variant(_ old: String, _ new: String) throws -> String {
        let text = try ExampleParkTests.exampleText()
        try #require(text.contains(old), "fixture text not found: \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// 1-based line of the first line containing `needle`.
    func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    /// The issues of reading and then accounting `text`.
    func issues(_ text: String) -> [ParkIssue] {
        do {
            let park = try ParkFileReader.read(yaml: text)
            _ = try InventoryCalculator.compute(park)
            return []
        } catch let error as ParkInputError {
            return error.issues
        } catch {
            return [ParkIssue(code: "unexpected", field: "", message: "\(error)", zh: "意外错误：\(error)", location: nil)]
        }
    }

    @Test("malformed YAML gives a syntax error with line and column")
    func malformed() throws {
        let text = try variant("  name_en: Nansha Smart Manufacturing Park", "  name_en: [unclosed")
        let found = issues(text)
        #expect(found.map(\.code) == ["yaml_syntax"])
        #expect(found.first?.location != nil)
        #expect((found.first?.location?.line ?? 0) >= (line(of: "[unclosed", in: text) ?? 1))
    }

    @Test("a duplicated key in one mapping is an error with its location")
    func duplicateKey() throws {
        let text = try variant("  province: guangdong", "  province: guangdong\n  province: fujian")
        let found = issues(text)
        #expect(found.map(\.code) == ["duplicate_key"])
        #expect(found.first?.message.contains("province") == true)
        #expect(found.first?.location?.line == line(of: "province: guangdong", in: text))
    }

    @Test("duplicate source ids point at the second one")
    func duplicateIDs() throws {
        let text = try variant("  - id: direct-line", "  - id: grid-electricity")
        let found = issues(text)
        #expect(found.map(\.code) == ["duplicate_id"])
        #expect(found.first?.location?.line == line(of: "燃机电厂直供专线", in: text).map { $0 - 1 })
    }

    @Test("an unknown factor id is reported at the `factor:` line")
    func unknownFactor() throws {
        let text = try variant("factor: park.water_supply", "factor: park.water_supplies")
        let found = issues(text)
        #expect(found.map(\.code) == ["unknown_factor"])
        #expect(found.first?.field == "sources[water].factor")
        #expect(found.first?.location?.line == line(of: "park.water_supplies", in: text))
        #expect(found.first?.location?.column == 13)
    }

    @Test("an unknown fuel id is reported at the `fuel:` line")
    func unknownFuel() throws {
        let text = try variant("fuel: diesel", "fuel: biodiesel-b99")
        let found = issues(text)
        #expect(found.map(\.code) == ["unknown_fuel"])
        #expect(found.first?.location?.line == line(of: "biodiesel-b99", in: text))
    }

    @Test("a unit mismatch (kWh fed to a fuel in tonnes) is reported at the activity's unit")
    func unitMismatch() throws {
        let text = try variant("activity: { quantity: 86.4, unit: t }", "activity: { quantity: 86.4, unit: kWh }")
        let found = issues(text)
        #expect(found.map(\.code) == ["unit_mismatch"])
        #expect(found.first?.field == "sources[fleet-diesel].activity.unit")
        #expect(found.first?.location?.line == line(of: "quantity: 86.4, unit: kWh", in: text))
        #expect(found.first?.message.contains("kWh") == true)
    }

    @Test("a negative quantity is reported with its line")
    func negativeQuantity() throws {
        let text = try variant("quantity: 1450, unit: t", "quantity: -1450, unit: t")
        let found = issues(text)
        #expect(found.map(\.code) == ["negative_quantity"])
        #expect(found.first?.location?.line == line(of: "quantity: -1450", in: text))
    }

    @Test("an unknown unit is reported at its value")
    func unknownUnit() throws {
        let text = try variant("activity: { quantity: 920000, unit: t }", "activity: { quantity: 920000, unit: tonnes }")
        let found = issues(text)
        #expect(found.map(\.code) == ["unknown_unit"])
        #expect(found.first?.field == "sources[9].activity.unit")
        #expect(found.first?.location?.line == line(of: "unit: tonnes", in: text))
    }

    @Test("a misspelt key is an error (data is never dropped silently)")
    func unknownKey() throws {
        let text = try variant("    data_source: 加油卡记录", "    data_sauce: 加油卡记录")
        let found = issues(text)
        #expect(found.map(\.code) == ["unknown_field"])
        #expect(found.first?.location == SourceLocation(line: line(of: "data_sauce", in: text) ?? 0, column: 5))
    }

    @Test("wrong types, bad enums and missing fields are each reported, all in one pass")
    func severalProblems() throws {
        var text = try variant("area_m2: 850000", "area_m2: lots")
        text = text.replacingOccurrences(of: "system: transport", with: "system: teleport")
        text = text.replacingOccurrences(of: "    method: onsite_renewable", with: "")
        let found = issues(text)
        #expect(Set(found.map(\.code)) == ["wrong_type", "invalid_value", "missing_field"])
        #expect(found.contains { $0.field == "park.area_m2" && $0.location?.line == line(of: "area_m2: lots", in: text) })
        #expect(found.contains { $0.field == "sources[7].system" && $0.message.contains("teleport") })
    }

    @Test("an unsupported format version is refused")
    func version() throws {
        let found = issues(try variant("zeropark: 1", "zeropark: 2"))
        #expect(found.map(\.code) == ["unsupported_version"])
    }

    @Test("an empty file and a file that is not a mapping are errors, not crashes", arguments: ["", "- just\n- a list\n", "42"])
    func notAPark(_ text: String) {
        #expect(!issues(text).isEmpty)
    }

    @Test("monthly values must be numbers")
    func monthlyNumbers() throws {
        let text = try variant("3820, 3410", "3820, lots")
        let found = issues(text)
        #expect(found.map(\.code) == ["wrong_type"])
        #expect(found.first?.field == "sources[1].activity.monthly[1]")
    }

    @Test("a period can be given as start and end dates")
    func startEnd() throws {
        var text = try variant("  year: 2025                     # calendar-year accounting period", "  start: 2025-01-01\n  end: 2025-06-30")
        text = text.replacingOccurrences(of: "monthly: [3820, 3410, 3950, 4020, 4310, 4650, 4980, 5010, 4570, 4180, 3890, 3900]",
                                         with: "monthly: [3820, 3410, 3950, 4020, 4310, 4650]")
        let inventory = try InventoryCalculator.compute(try ParkFileReader.read(yaml: text))
        // greenery pro-rated: 132.3 × 181/365
        #expect(abs(inventory.sinks[0].tco2 - 132.3 * 181 / 365) < 1e-9)
        #expect(inventory.monthly.count == 6)
    }
}
