import ZeroParkCore

/// The accounting engine's refusals of a form, worded for the page (issue #12 defect 4): the engine
/// writes its issues in English with a stable code; a Chinese page leads with the code's meaning in
/// Chinese, the field and any "did you mean", and keeps the engine's own sentence as the detail.
enum ParkIssueText {
    static let summaries: [String: String] = [
        "unknown_factor": "因子库和园区因子中没有这个因子", "unknown_fuel": "没有这种燃料", "unknown_grid": "没有这个电网区域",
        "unknown_gas": "没有这种温室气体的 GWP", "unknown_gwp_set": "没有这个 GWP 版本", "unknown_province": "未知的省份",
        "unknown_source": "没有这个排放源", "unit_mismatch": "单位与因子或燃料的单位不匹配", "missing_field": "缺少必填项",
        "invalid_value": "数值无效", "duplicate_id": "编号重复", "duplicate_certificate": "同一张绿证重复使用",
        "library_unit": "内置因子的单位无法读取", "factor_vintage_after_period": "因子年份晚于核算期",
    ]

    static func message(_ error: ParkInputError, chinese: Bool) -> String {
        error.issues.map { issue in
            // `sources[water].factor` → `factor`: the form names its own record.
            let field = issue.field.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? issue.field
            guard chinese else { return "\(field): \(issue.message)" }
            var text = "\(field)：\(summaries[issue.code] ?? "无法核算")"
            if let range = issue.message.range(of: "(did you mean "), let end = issue.message[range.upperBound...].firstIndex(of: "?") {
                text += "（是否应为 \(issue.message[range.upperBound..<end])？）"
            }
            return text + "。详情：\(issue.message)"
        }.joined(separator: chinese ? "；" : "; ")
    }
}
