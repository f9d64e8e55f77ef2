import Foundation
import Testing
@testable import ZeroParkCore

/// What a Chinese message must be (issue #12 defect 4): Chinese characters, and no untranslated English
/// sentence — four or more English words in a row, the test of scripts/zp_sweep.py.
enum ChineseText {
    static func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    static func hasEnglishSentence(_ text: String) -> Bool {
        guard let regex = try? Regex(#"[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){3,}"#) else { return true }
        return text.contains(regex)
    }

    /// Why `text` is not an acceptable Chinese message, or nil.
    static func problem(_ text: String) -> String? {
        if text.isEmpty { return "empty" }
        if !hasCJK(text) { return "no Chinese: \(text)" }
        if hasEnglishSentence(text) { return "an English sentence: \(text)" }
        return nil
    }
}

/// Every issue and warning the accounting engine raises has a Chinese message beside the English one,
/// carrying the same ids, units, numbers and suggestions (issue #12 defect 4).
struct ChineseMessageTests {
    static let issueCases = [
        "unknown_factor", "unknown_fuel", "unknown_fuel_not_shipped", "unknown_grid", "unit_mismatch", "unit_mismatch_factor",
        "missing_field", "unknown_gwp_set", "unknown_gas", "unknown_province", "invalid_value", "invalid_scope", "duplicate_id",
        "duplicate_certificate", "unknown_source", "certificate_source_method", "not_a_number", "negative_quantity",
        "monthly_length", "sink_unit_mismatch", "offset_unit_mismatch", "offset_unknown_province", "offset_phcer_province",
    ]

    /// A park that raises the case's issue, the code expected and what its messages must both carry.
    static func issueCase(_ name: String) -> (park: ParkDefinition, code: String, carries: [String]) {
        let line = FieldLocations(item: SourceLocation(line: 7, column: 5), fields: ["id": SourceLocation(line: 7, column: 9)])
        switch name {
        case "unknown_factor":
            let factor = ParkFactor(id: "park.water", value: 1, unit: TestPark.unit("tCO2/t"), source: "test")
            return (TestPark.park(factors: [factor], sources: [TestPark.source(.activityFactor, 5, "t", factor: "park.watr")]),
                    "unknown_factor", ["park.watr", "park.water"])
        case "unknown_fuel":
            return (TestPark.park(sources: [TestPark.source(.fuelCombustion, 5, "t", fuel: "natral_gas")]), "unknown_fuel", ["natral_gas", "natural_gas"])
        case "unknown_fuel_not_shipped":
            return (TestPark.park(sources: [TestPark.source(.fuelCombustion, 5, "10^4 Nm3", fuel: "biogas")]), "unknown_fuel", ["biogas", "biogenic: true"])
        case "unknown_grid":
            return (TestPark.park(sources: [TestPark.source(.purchasedElectricity, 5, "MWh", grid: "atlantis")]), "unknown_grid", ["atlantis", "national"])
        case "unit_mismatch":
            return (TestPark.park(sources: [TestPark.source(.purchasedElectricity, 5, "t")]), "unit_mismatch", ["purchased_electricity", "MWh", " t"])
        case "unit_mismatch_factor":
            let factor = ParkFactor(id: "park.per_mwh", value: 1, unit: TestPark.unit("tCO2/MWh"), source: "test")
            return (TestPark.park(factors: [factor], sources: [TestPark.source(.activityFactor, 5, "t", factor: "park.per_mwh")]),
                    "unit_mismatch", ["park.per_mwh", "tCO2/MWh", "CO2"])
        case "missing_field":
            return (TestPark.park(sources: [TestPark.source(.activityFactor, 5, "t")]), "missing_field", ["activity_factor", "factor"])
        case "unknown_gwp_set":
            return (TestPark.park(sources: [TestPark.source(.refrigerantLeakage, 1, "t", system: .buildings, gas: "HFC-134a", gwpSet: "AR9")]),
                    "unknown_gwp_set", ["AR9", "AR6"])
        case "unknown_gas":
            return (TestPark.park(sources: [TestPark.source(.refrigerantLeakage, 1, "t", system: .buildings, gas: "HFC-999")]),
                    "unknown_gas", ["HFC-999", "gwp.AR5.HFC-999", "HFC-134a"])
        case "unknown_province":
            return (TestPark.park(province: "guangdng", sources: [TestPark.source(.purchasedElectricity, 5, "MWh", grid: "guangdong")]),
                    "unknown_province", ["guangdng", "guangdong"])
        case "invalid_value":
            var park = TestPark.park()
            park.profile.areaM2 = 0
            return (park, "invalid_value", ["0"])
        case "invalid_scope":
            var source = TestPark.source(.purchasedElectricity, 5, "MWh")
            source.scope = 5
            return (TestPark.park(sources: [source]), "invalid_value", ["1", "2", "3"])
        case "duplicate_id":
            var first = TestPark.source("boiler", .purchasedElectricity, 5, "MWh")
            first.locations = line
            return (TestPark.park(sources: [first, TestPark.source("boiler", .purchasedElectricity, 6, "MWh")]), "duplicate_id", ["boiler", "7"])
        case "duplicate_certificate":
            var park = TestPark.park(sources: [TestPark.source("grid", .purchasedElectricity, 1_000, "MWh")])
            park.certificates = [GreenCertificate(id: "GEC-1", source: "grid", mwh: 10, vintage: 2025, locations: line),
                                 GreenCertificate(id: "GEC-1", source: "grid", mwh: 10, vintage: 2025)]
            return (park, "duplicate_certificate", ["GEC-1", "7"])
        case "unknown_source":
            var park = TestPark.park(sources: [TestPark.source("grid", .purchasedElectricity, 1_000, "MWh")])
            park.certificates = [GreenCertificate(id: "GEC-1", source: "nowhere", mwh: 10, vintage: 2025)]
            return (park, "unknown_source", ["nowhere"])
        case "certificate_source_method":
            var park = TestPark.park(sources: [TestPark.source("boiler", .fuelCombustion, 10, "t", fuel: "diesel")])
            park.certificates = [GreenCertificate(id: "GEC-1", source: "boiler", mwh: 10, vintage: 2025)]
            return (park, "invalid_value", ["boiler", "fuel_combustion"])
        case "not_a_number":
            return (TestPark.park(sources: [TestPark.source(.purchasedElectricity, .nan, "MWh")]), "not_a_number", ["nan"])
        case "negative_quantity":
            return (TestPark.park(sources: [TestPark.source(.purchasedElectricity, -5, "MWh")]), "negative_quantity", ["-5"])
        case "monthly_length":
            return (TestPark.park(sources: [TestPark.source(.purchasedElectricity, 0, "MWh", monthly: [1, 2, 3])]), "monthly_length",
                    ["3", "12", "2025-01-01"])
        case "sink_unit_mismatch":
            let sink = CarbonSink(id: "belt", name: "绿化带", kind: .greenery(areaM2: 10_000, rate: Quantity(1, TestPark.unit("t"))), source: nil)
            return (TestPark.park(sinks: [sink]), "unit_mismatch", [" t", "tCO2/ha/yr"])
        case "offset_unit_mismatch":
            let offset = CarbonOffset(id: "wind", name: "风电", type: .ccer, quantity: Quantity(5, .megawattHour), vintage: 2025)
            return (TestPark.park(offsets: [offset]), "unit_mismatch", ["MWh", "tCO2"])
        case "offset_unknown_province":
            let offset = CarbonOffset(id: "wind", name: "风电", type: .ccer, quantity: Quantity(5, .tonneCO2), vintage: 2025,
                                      projectProvince: "fujain")
            return (TestPark.park(offsets: [offset]), "unknown_province", ["fujain", "fujian"])
        default:
            let offset = CarbonOffset(id: "bus", name: "公交", type: .phcer, quantity: Quantity(5, .tonneCO2), vintage: 2025,
                                      projectProvince: "zhejiang")
            return (TestPark.park(offsets: [offset]), "invalid_value", ["zhejiang", "粤环发〔2022〕4号"])
        }
    }

    @Test(arguments: issueCases)
    func everyIssueHasChineseWithItsParameters(name: String) throws {
        let (park, code, carries) = Self.issueCase(name)
        let issue = try #require(TestPark.issues(park).first { $0.code == code }, "no \(code) for \(name)")
        #expect(ChineseText.problem(issue.messageZh) == nil, "\(name)")
        for parameter in carries {
            #expect(issue.messageZh.contains(parameter), "\(name): \(parameter) missing from \(issue.messageZh)")
        }
        #expect(issue.message(chinese: true) == issue.messageZh && issue.message(chinese: false) == issue.message)
        #expect(issue.rendered(file: "p.yaml", chinese: true).hasSuffix(": \(issue.field): \(issue.messageZh)"))
    }

    @Test func didYouMeanInChinese() {
        #expect(Suggestion.hintZh(for: "natral_gas", in: ["natural_gas", "diesel"]) == "（是否应为 natural_gas？）")
        #expect(Suggestion.hintZh(for: "xyz", in: ["natural_gas"]) == "")
        let issue = TestPark.issues(TestPark.park(sources: [TestPark.source(.fuelCombustion, 5, "t", fuel: "natral_gas")])).first
        #expect(issue?.messageZh.contains("（是否应为 natural_gas？）") == true)
        #expect(issue?.message.contains("(did you mean natural_gas?)") == true)
    }

    @Test func unitErrorsInChinese() {
        #expect(throws: UnitError.self) { try QuantityUnit.parse("kWhh") }
        do {
            _ = try QuantityUnit.parse("kWhh")
        } catch {
            #expect(UnitError.chinese(error).hasPrefix("无法识别的单位“kWhh”：“kWhh”不是已知单位"))
            #expect(ChineseText.problem(UnitError.chinese(error)) == nil)
        }
        let incompatible = UnitError.incompatible(from: "kWh", to: "t", fromDimension: "energy", toDimension: "CO2 mass / energy")
        #expect(incompatible.descriptionZh == "单位 kWh（能量）不能换算为 t（CO2 质量 / 能量）")
        #expect(PhysicalDimension(co2: 1, area: -1, time: -1).nameZh == "CO2 质量 / 面积 / 时间")
    }

    // MARK: Warnings

    static let warningCodes = [
        "default_heat_factor", "biogenic_not_counted", "grid_factor_fallback", "factor_vintage_after_period", "non_co2_mobile_not_covered",
        "non_co2_factor_missing", "certificate_partly_applied", "certificate_not_retired", "certificate_outside_period",
        "offset_not_retired", "offset_retired_after_report_date", "offset_retired_before_vintage", "offset_retired_for_other",
        "offset_beneficiary_unstated", "offset_vintage_outside_window", "offset_vintage_missing", "offset_phcer_outside_guangdong",
        "offset_legacy_ccer", "offset_duplicate_registry_ref", "offset_not_verified", "offset_commitment_too_short", "offset_surplus",
        "offset_local_mismatch", "offset_local_unchecked",
    ]

    /// The inventory of a park that raises `code`, and what the warning must carry besides its subject.
    static func warningCase(_ code: String) throws -> (inventory: Inventory, carries: [String]) {
        typealias O = OffsetIntegrityTests
        func offsets(_ list: [CarbonOffset], province: String? = "guangdong", today: String? = "2026-06-30") throws -> Inventory {
            try InventoryCalculator.compute(O.park(emitting: 1_000, province: province, offsets: list), today: today.map(O.day))
        }
        func certificates(_ list: [GreenCertificate]) throws -> Inventory {
            var park = TestPark.park(sources: [TestPark.source("grid", .purchasedElectricity, 1_000, "MWh")])
            park.certificates = list
            return try InventoryCalculator.compute(park)
        }
        func nonCO2(_ sources: [EmissionSource], fuels: [FuelDefinition] = []) throws -> Inventory {
            var park = TestPark.park(fuels: fuels, sources: sources)
            park.rules.combustionNonCO2 = true
            return try InventoryCalculator.compute(park)
        }
        let retired = CalendarDate(year: 2026, month: 3, day: 1)
        switch code {
        case "default_heat_factor":
            return (try InventoryCalculator.compute(TestPark.park(sources: [TestPark.source(.purchasedHeat, 100, "GJ")])), ["tCO2/GJ"])
        case "biogenic_not_counted":
            return (try InventoryCalculator.compute(TestPark.park(sources: [TestPark.source(.fuelCombustion, 10, "t", fuel: "solid_biomass")])),
                    ["solid_biomass", "GB/T 32150"])
        case "grid_factor_fallback":
            return (try InventoryCalculator.compute(TestPark.park(province: "xizang", sources: [TestPark.source(.purchasedElectricity, 10, "MWh")])),
                    ["xizang", "grid.national"])
        case "factor_vintage_after_period":
            return (try InventoryCalculator.compute(TestPark.park(year: 2019, sources: [TestPark.source(.purchasedElectricity, 10, "MWh")])),
                    ["2019", "2021"])
        case "non_co2_mobile_not_covered":
            return (try nonCO2([TestPark.source("s1", .fuelCombustion, 10, "t", system: .transport, fuel: "diesel")]), ["CH4/N2O", "IPCC 2006"])
        case "non_co2_factor_missing":
            let biogas = FuelDefinition(id: "park.biogas", name: "沼气", ncv: Quantity(20, TestPark.unit("GJ/10^3 Nm3")),
                                        carbonContent: Quantity(14, TestPark.unit("tC/TJ")), oxidation: 0.98, biogenic: true,
                                        coalCoefficient: nil, source: "test")
            return (try nonCO2([TestPark.source("s1", .fuelCombustion, 100, "10^3 Nm3", fuel: "park.biogas")], fuels: [biogas]),
                    ["park.biogas", "combustion.ch4.park.biogas", "kg/TJ"])
        case "certificate_partly_applied":
            return (try certificates([GreenCertificate(id: "GEC-1", source: "grid", mwh: 1_200, vintage: 2025, retired: retired)]),
                    ["1000", "1200", "MWh", "grid"])
        case "certificate_not_retired":
            return (try certificates([GreenCertificate(id: "GEC-1", source: "grid", mwh: 10, vintage: 2025)]), ["GEC-1"])
        case "certificate_outside_period":
            return (try certificates([GreenCertificate(id: "GEC-1", source: "grid", mwh: 10, vintage: 2023, retired: retired)]),
                    ["2023", "2025-01-01..2025-12-31"])
        case "offset_not_retired":
            return (try offsets([O.credit("c1", 10, retired: nil)]), [])
        case "offset_retired_after_report_date":
            return (try offsets([O.credit("c1", 10, retired: "2026-09-01")]), ["2026-09-01", "2026-06-30", "核算当日"])
        case "offset_retired_before_vintage":
            return (try offsets([O.credit("c1", 10, vintage: 2025, retired: "2024-06-01")]), ["2024-06-01", "2025"])
        case "offset_retired_for_other":
            return (try offsets([O.credit("c1", 10, retiredFor: "other-park")]), ["other-park", "test", "测试园区"])
        case "offset_beneficiary_unstated":
            return (try offsets([O.credit("c1", 10, retiredFor: nil)]), ["retired_for"])
        case "offset_vintage_outside_window":
            return (try offsets([O.credit("c1", 10, vintage: 2015)]), ["2015", "2025", "offset_vintage_window_years"])
        case "offset_vintage_missing":
            return (try offsets([O.credit("c1", 10, vintage: nil)]), [])
        case "offset_phcer_outside_guangdong":
            return (try offsets([O.credit("c1", 10, .phcer)], province: "zhejiang"), ["PHCER", "zhejiang"])
        case "offset_legacy_ccer":
            var park = O.park(emitting: 1_000, offsets: [O.credit("c1", 10, vintage: 2016)])
            park.rules.offsetVintageWindowYears = 10
            return (try InventoryCalculator.compute(park, today: O.day("2026-06-30")), ["2017", "CCER"])
        case "offset_duplicate_registry_ref":
            return (try offsets([O.credit("c0", 10, ref: "REF-1"), O.credit("c1", 10, ref: "REF-1")]), ["REF-1", "c0"])
        case "offset_not_verified":
            return (try offsets([O.project("c1", 10, .fundedProject)]), [])
        case "offset_commitment_too_short":
            return (try offsets([O.project("c1", 10, .ownProject, commitment: 2)]), ["2", "3"])
        case "offset_surplus":
            return (try offsets([O.credit("c1", 1_500)]), ["1000", "1500", "500", "tCO2"])
        case "offset_local_mismatch":
            return (try offsets([O.credit("c1", 10, province: "fujian", local: true)]), ["fujian", "guangdong"])
        default:
            return (try offsets([O.credit("c1", 10, local: true)], province: nil), ["local: true"])
        }
    }

    @Test(arguments: warningCodes)
    func everyWarningHasChineseWithItsParameters(code: String) throws {
        let (inventory, carries) = try Self.warningCase(code)
        let warning = try #require(inventory.warnings.first { $0.code == code }, "no \(code): \(inventory.warnings.map(\.code))")
        #expect(ChineseText.problem(warning.messageZh) == nil, "\(code)")
        if let subject = warning.subject {
            // The id first, so a page can show the item's name in its place.
            #expect(warning.messageZh.hasPrefix(subject + "："), "\(code): \(warning.messageZh)")
        }
        for parameter in carries {
            #expect(warning.messageZh.contains(parameter), "\(code): \(parameter) missing from \(warning.messageZh)")
        }
    }

    @Test func warningsKeepTheirChineseInTheDocumentAndOlderJSONStillDecodes() throws {
        let (inventory, _) = try Self.warningCase("default_heat_factor")
        let document = InventoryDocument(inventory)
        let json = String(decoding: try JSONEncoder().encode(document), as: UTF8.self)
        #expect(json.contains("\"message_zh\""))
        #expect(document.warnings.first?.messageZh == inventory.warnings.first?.messageZh)
        // A document stored before the Chinese message existed: the warning decodes, without it.
        let old = #"{"code":"default_heat_factor","message":"s1: default heat factor used","clause":"1.1.2(b)","subject":"s1"}"#
        let warning = try JSONDecoder().decode(InventoryDocument.Warning.self, from: Data(old.utf8))
        #expect(warning.messageZh == nil && warning.message == "s1: default heat factor used")
        // The engine's own warning type decodes from the older shape too, its English standing for both.
        let engine = try JSONDecoder().decode(AccountingWarning.self, from: Data(old.utf8))
        #expect(engine.messageZh == engine.message)
        let roundTrip = try JSONDecoder().decode(AccountingWarning.self, from: try JSONEncoder().encode(try #require(inventory.warnings.first)))
        #expect(roundTrip == inventory.warnings.first)
    }
}
