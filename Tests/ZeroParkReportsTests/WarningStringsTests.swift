import Testing
import ZeroParkCore
@testable import ZeroParkReports

/// Every warning code the accounting engine emits has Chinese wording in the string catalogue (issue #12:
/// no English message on a Chinese page); English keeps the engine's full message.
struct WarningStringsTests {
    static let codes = [
        "default_heat_factor", "biogenic_not_counted", "grid_factor_fallback", "factor_vintage_after_period", "non_co2_mobile_not_covered", "non_co2_factor_missing",
        "certificate_partly_applied", "certificate_not_retired", "certificate_outside_period",
        "offset_not_retired", "offset_retired_after_report_date", "offset_retired_before_vintage", "offset_retired_for_other",
        "offset_beneficiary_unstated", "offset_vintage_outside_window", "offset_vintage_missing", "offset_phcer_outside_guangdong",
        "offset_legacy_ccer", "offset_duplicate_registry_ref", "offset_not_verified", "offset_commitment_too_short", "offset_surplus",
        "offset_local_mismatch", "offset_local_unchecked",
    ]

    @Test(arguments: codes)
    func everyCodeHasChineseWording(code: String) {
        let zh = Strings(language: .zh).accountingWarning(code)
        #expect(zh != nil)
        #expect(zh?.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } == true)
    }

    @Test func chineseNamesTheItemEnglishKeepsTheMessage() {
        let w = AccountingWarning(code: "default_heat_factor", message: "steam: default heat factor 0.11 tCO2/GJ used", clause: "1.1.2(b)", subject: "steam")
        #expect(Strings(language: .zh).accountingWarning(w, subjectName: "外购蒸汽") == "外购蒸汽：使用了外购热力的默认排放因子；有供热单位实测因子时应优先使用")
        #expect(Strings(language: .en).accountingWarning(w, subjectName: "外购蒸汽") == "steam: default heat factor 0.11 tCO2/GJ used")
        let unknown = AccountingWarning(code: "something_new", message: "an English message")
        #expect(Strings(language: .zh).accountingWarning(unknown, subjectName: nil) == "an English message")
    }
}
