import ZeroParkCore

/// Short labels for the offset rules' warning codes (docs/accounting-rules.md §4), Chinese first;
/// the clause is shown next to them, the full English message in the inventory's warnings.
extension Strings {
    public func offsetWarning(_ code: String) -> String {
        switch code {
        case "offset_not_retired": return self("未注销", "not retired")
        case "offset_retired_after_report_date": return self("注销日期晚于报告日期", "retired after the report date")
        case "offset_retired_before_vintage": return self("注销日期早于减排年份", "retired before its vintage")
        case "offset_retired_for_other": return self("注销受益方不是本园区", "retired for another beneficiary")
        case "offset_beneficiary_unstated": return self("未注明注销受益方（已计入）", "beneficiary not stated (counted)")
        case "offset_vintage_outside_window": return self("减排年份超出园区规定的年份窗口", "vintage outside the park's window")
        case "offset_vintage_missing": return self("缺少减排年份", "no vintage")
        case "offset_phcer_outside_guangdong": return self("碳普惠减排量仅限广东园区", "PHCER counts only for Guangdong parks")
        case "offset_legacy_ccer": return self("存量 CCER（2017 年前）", "legacy CCER (pre-2017)")
        case "offset_duplicate_registry_ref": return self("登记编号重复", "duplicate registry reference")
        case "offset_not_verified": return self("出资项目缺少核证减排量", "funded project not verified")
        case "offset_commitment_too_short": return self("承诺运行不足 3 年", "commitment under 3 years")
        case "offset_surplus": return self("超出“排放 − 碳汇”的部分为盈余，不计入", "surplus beyond emissions − sequestration, not counted")
        case "offset_local_mismatch": return self("填写的“本地”与项目省份不符", "typed local disagrees with the project's province")
        case "offset_local_unchecked": return self("“本地”无法核对（缺少项目省份）", "typed local cannot be checked")
        default: return code
        }
    }

    /// "label [clause]" for each warning about one offset, joined with "；" (zh) or "; " (en).
    public func offsetWarnings(_ warnings: [AccountingWarning]) -> String {
        warnings.map { offsetWarning($0.code) + ($0.clause.map { " [\($0)]" } ?? "") }.joined(separator: self("；", "; "))
    }
}
