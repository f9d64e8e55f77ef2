import Testing
@testable import ZeroParkCore

/// Input checks that do not need the library, and the library's own integrity.
struct ValidatorTests {
    @Test("duplicate ids are reported with the first definition's line")
    func duplicates() {
        var first = TestPark.source("a", .purchasedElectricity, 1, "MWh")
        first.locations = FieldLocations(item: SourceLocation(line: 10, column: 5))
        var second = first
        second.locations = FieldLocations(item: SourceLocation(line: 20, column: 5))
        let issues = TestPark.issues(TestPark.park(sources: [first, second]))
        #expect(issues.map(\.code) == ["duplicate_id"])
        #expect(issues.first?.location == SourceLocation(line: 20, column: 5))
        #expect(issues.first?.message.contains("line 10") == true)
    }

    @Test("negative and non-finite quantities are refused")
    func negative() {
        let issues = TestPark.issues(TestPark.park(sources: [
            TestPark.source("neg", .purchasedElectricity, -5, "MWh"),
            TestPark.source("nan", .purchasedElectricity, .nan, "MWh"),
            TestPark.source("month", .purchasedElectricity, 0, "MWh", monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -12]),
        ]))
        let codes = issues.map(\.code)
        #expect(codes.filter { $0 == "negative_quantity" }.count == 2)
        #expect(codes.contains("not_a_number"))
        #expect(issues.contains { $0.field == "sources[month].activity.monthly[11]" })
    }

    @Test("a monthly series must have one value per month of the period")
    func monthlyLength() {
        let issues = TestPark.issues(TestPark.park(sources: [TestPark.source(.purchasedElectricity, 0, "MWh", monthly: [1, 2, 3])]))
        #expect(issues.map(\.code) == ["monthly_length"])
    }

    @Test("an unknown province is an error")
    func unknownProvince() {
        #expect(TestPark.issues(TestPark.park(province: "narnia")).map(\.code) == ["unknown_province"])
    }
}

struct FactorLibraryTests {
    let library = FactorLibrary.builtIn

    @Test("every entry has a parsable unit, a citation and a positive value")
    func integrity() throws {
        for factor in library.factors {
            _ = try factor.unit
            #expect(!factor.citation.document.isEmpty, "\(factor.id)")
            #expect(factor.value > 0, "\(factor.id)")
        }
        for fuel in library.fuels {
            let definition = try fuel.definition()
            #expect(definition.oxidation > 0 && definition.oxidation <= 1)
        }
    }

    @Test("no two entries share an id and a vintage")
    func uniqueVintages() {
        var seen = Set<String>()
        for factor in library.factors {
            let key = "\(factor.id)@\(factor.vintage.map(String.init) ?? "-")"
            #expect(!seen.contains(key), "\(key) twice")
            seen.insert(key)
        }
    }

    @Test("grid vintages: Guangdong 0.4715 (2021), 0.4403 (2022), 0.4419 (2023); national 0.5306 (2023)")
    func gridValues() {
        #expect(library.vintages(of: "grid.guangdong").map(\.value) == [0.4715, 0.4403, 0.4419])
        #expect(library.select("grid.guangdong", forYear: 2025)?.factor.vintage == 2023)
        #expect(library.select("grid.guangdong", forYear: 2022)?.factor.vintage == 2022)
        #expect(library.select("grid.guangdong", forYear: 2020)?.usedLaterVintage == true)
        #expect(library.select("grid.national", forYear: 2030)?.factor.value == 0.5306)
        // Every province with a key except 西藏 has all three vintages.
        for area in library.gridAreas where area.isProvince && area.key != "xizang" {
            #expect(library.vintages(of: "grid.\(area.key)").count == 3, "\(area.key)")
        }
        #expect(library.vintages(of: "grid.xizang").isEmpty)
    }

    @Test("implied fuel factors match the reference sheet (diesel 3.0959 t/t, natural gas 2.1622 kg/m3)")
    func impliedFuelFactors() throws {
        let diesel = try #require(library.fuel("diesel"))
        #expect(abs(diesel.ncv * diesel.carbonContent / 1000 * diesel.oxidation * 44 / 12 - 3.0959) < 0.0001)
        let gas = try #require(library.fuel("natural_gas"))
        // 389.31 GJ/10^4 Nm3 → 0.038931 GJ/Nm3 × 0.0153 × 0.99 × 44/12 = 0.0021622 tCO2/Nm3
        #expect(abs(gas.ncv / 10_000 * gas.carbonContent / 1000 * gas.oxidation * 44 / 12 - 0.0021622) < 0.0000001)
    }

    @Test("search finds by id, Chinese name and English name")
    func search() {
        #expect(library.search("guangdong").factors.count == 3)
        #expect(library.search("广东").factors.count == 3)
        #expect(library.search("diesel").fuels.map(\.id) == ["diesel"])
        #expect(library.search("HFC-134a").factors.count == 3)
    }
}
