import Foundation
import Testing
import ZeroParkCore
@testable import ZeroParkReports

/// Every accounting warning is worded for its reader from the warning's own message (issue #12: one source
/// of truth, Chinese first): Chinese shows the engine's Chinese message with the item's name in place of
/// its id; English keeps the engine's English message. (That every warning code the engine emits has a
/// Chinese message with its figures is tested in ZeroParkCoreTests' ChineseMessageTests.)
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
    func everyCodeIsShownFromTheWarningsOwnChinese(code: String) {
        let w = AccountingWarning(code: code, message: "item: an English message", zh: "item：中文说明 12.5 tCO2", clause: "1.1.2(b)", subject: "item")
        let zh = Strings(language: .zh).accountingWarning(w, subjectName: "某排放源")
        #expect(zh == "某排放源：中文说明 12.5 tCO2")
        #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        #expect(Strings(language: .en).accountingWarning(w, subjectName: "某排放源") == "item: an English message")
    }

    @Test func chineseNamesTheItemEnglishKeepsTheMessage() throws {
        let w = AccountingWarning(code: "default_heat_factor", message: "steam: default heat factor 0.11 tCO2/GJ used",
                                  zh: "steam：使用了外购热力的默认排放因子 0.11 tCO2/GJ；有供热单位实测因子时应优先使用", clause: "1.1.2(b)", subject: "steam")
        #expect(Strings(language: .zh).accountingWarning(w, subjectName: "外购蒸汽") == "外购蒸汽：使用了外购热力的默认排放因子 0.11 tCO2/GJ；有供热单位实测因子时应优先使用")
        #expect(Strings(language: .en).accountingWarning(w, subjectName: "外购蒸汽") == "steam: default heat factor 0.11 tCO2/GJ used")
        // Without a name the id stays; a warning about no item is shown as it is.
        #expect(Strings(language: .zh).accountingWarning(w, subjectName: nil) == "steam：使用了外购热力的默认排放因子 0.11 tCO2/GJ；有供热单位实测因子时应优先使用")
        let general = AccountingWarning(code: "something_new", message: "an English message", zh: "一条中文说明")
        #expect(Strings(language: .zh).accountingWarning(general, subjectName: nil) == "一条中文说明")
        // A warning written before the Chinese message existed keeps its English message (nothing is lost).
        let old = try JSONDecoder().decode(AccountingWarning.self, from: Data(#"{"code":"something_new","message":"an English message"}"#.utf8))
        #expect(Strings(language: .zh).accountingWarning(old, subjectName: nil) == "an English message")
    }
}
