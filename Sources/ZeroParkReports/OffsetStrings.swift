import ZeroParkCore

/// Short labels for the offset rules' warning codes (docs/accounting-rules.md §4), Chinese first, for
/// the offsets table's narrow column; the clause is shown next to them, the full message (with its
/// figures, in the page's language) in the inventory's warnings.
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

    /// Why an offset counts as much as it does, for a reader (issue #12: no English sentence on a Chinese
    /// page): in English the engine's reason (with its figures); in Chinese the same facts from the
    /// account — retired when and under which registry reference, counted of claimed with the surplus —
    /// or, when refused, the rules it failed with their clauses.
    public func offsetReason(_ account: OffsetAccount) -> String {
        guard language == .zh else { return account.reason }
        guard account.eligible else {
            let refused = account.warnings.filter { $0.code != "offset_surplus" && $0.code != "offset_beneficiary_unstated" }
            return "不计入：" + (refused.isEmpty ? "未通过抵消规则" : offsetWarnings(refused))
        }
        var parts: [String] = []
        if let retired = account.retired { parts.append("\(retired) 注销" + (account.registryRef.map { "（\($0)）" } ?? "")) }
        if account.countedTco2 <= 0 {
            parts.append("排放减碳汇已为零，未计入")
        } else if account.surplusTco2 > 0 {
            parts.append("计入 \(NumberText.grouped(account.countedTco2)) / \(NumberText.grouped(account.tco2)) tCO2，"
                         + "\(NumberText.grouped(account.surplusTco2)) tCO2 超出“排放 − 碳汇”为盈余，不计入（1.1.2(a)）")
        } else {
            parts.append("全部计入")
        }
        if account.warnings.contains(where: { $0.code == "offset_beneficiary_unstated" }) { parts.append(offsetWarning("offset_beneficiary_unstated")) }
        return parts.joined(separator: "；")
    }

    /// "label [clause]" for each warning about one offset, joined with "；" (zh) or "; " (en).
    public func offsetWarnings(_ warnings: [AccountingWarning]) -> String {
        warnings.map { offsetWarning($0.code) + ($0.clause.map { " [\($0)]" } ?? "") }.joined(separator: self("；", "; "))
    }
}

/// Every accounting warning worded for a reader (issue #12: Chinese first, one source of truth): the
/// engine writes each warning in English and Chinese with its figures; a page shows the half for its
/// language, with the item's name in place of its id when the Chinese message starts with the id.
extension Strings {
    /// The warning's message in this language; in Chinese "name：…" when the item's name is known.
    public func accountingWarning(_ warning: AccountingWarning, subjectName: String?) -> String {
        guard language == .zh else { return warning.message }
        let text = warning.messageZh
        if let subject = warning.subject, let name = subjectName, !name.isEmpty, text.hasPrefix(subject + "：") {
            return name + "：" + text.dropFirst(subject.count + 1)
        }
        return text
    }
}
