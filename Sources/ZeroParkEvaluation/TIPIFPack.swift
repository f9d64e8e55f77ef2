import ZeroParkCore

/// The rule pack of the standard ZeroPark implements, T/IPIF 智慧零碳园区设计技术指南 (STANDARD.md
/// 1.1.12, 1.1.41–1.1.43, Table 1): the park has operated more than a year; the basis is last year or
/// the average of the last three, each with complete data; over the basis, emissions are balanced by
/// sequestration and offsets (net ≤ 0); the evaluator finds the design compliant (1.1.41) and the
/// technologies from the national catalogues preferred (1.1.42). All met: 智慧零碳园区; and with recorded
/// adoption of its solution by another park of the same type: 示范智慧零碳园区.
public struct TIPIFPack: RulePack {
    public let id = "T/IPIF-smart-zero-carbon-park"
    public let version = "1"
    public let nameZh = "智慧零碳园区设计技术指南"
    public let nameEn = "Technical guide for the design of smart zero-carbon parks"

    public init() {}

    /// The judgement items the evaluator answers, with their clause and words.
    public static let judgementItems: [(id: String, clause: String, zh: String, en: String)] = [
        ("compliance", "1.1.41", "设计符合本指南及国家园区现行标准，符合安全生产、环保和消防要求，兼顾低碳与经济性",
         "the design complies with the guide and national park standards, safety, environmental and fire rules, balancing low carbon with economy"),
        ("catalogue", "1.1.42", "优先采用国家绿色低碳节能技术目录中的产品和技术",
         "products and technologies from the national green, low-carbon and energy-saving catalogues are preferred"),
    ]

    public static let none = Grade(code: "none", zh: "未达到智慧零碳园区", en: "not a smart zero-carbon park", awarded: false)
    public static let pending = Grade(code: "pending", zh: "待评价人完成核查项", en: "awaiting the evaluator's checklist", awarded: false)
    public static let smart = Grade(code: "smart_zero_carbon_park", zh: "智慧零碳园区", en: "Smart zero-carbon park", awarded: true)
    public static let demonstration = Grade(code: "demonstration_smart_zero_carbon_park", zh: "示范智慧零碳园区",
                                            en: "Demonstration smart zero-carbon park", awarded: true)

    public func evaluate(_ input: EvaluationInput) -> EvaluationResult {
        var lines: [ResultLine] = []
        // 1.1.43: more than one year of operation.
        // A full year of operation lies behind the evaluation date (start 2025-03-01 → from 2026-03-01 on).
        let operated = input.operationStart.yearLater.map { input.evaluatedOn > $0 } ?? false
        lines.append(ResultLine(id: "operation", clause: "1.1.43", status: operated ? .pass : .fail,
                                zh: operated ? "自 \(input.operationStart) 起运行已超过一年" : "自 \(input.operationStart) 起运行不足一年，不能评价（1.1.43）",
                                en: operated ? "operating since \(input.operationStart), more than a year" : "operating since \(input.operationStart), less than a year: not evaluable (1.1.43)"))
        // 1.1.43: the basis years, each with complete data, none before operation began.
        let (years, emissions, sequestration, offsets) = averages(input)
        let missing = years.filter { input.years[$0] == nil || input.years[$0]?.complete == false }
        let beforeOperation = years.filter { $0 < input.operationStart.year }
        let basisOK = missing.isEmpty && beforeOperation.isEmpty
        let yearsText = years.map(String.init).joined(separator: "、")
        let basisZh = input.basis == .lastYear ? "以上一年（\(yearsText)）数据为评价基础" : "以近三年（\(yearsText)）平均值为评价基础"
        let basisEn = input.basis == .lastYear ? "basis: last year (\(yearsText))" : "basis: average of the last three years (\(yearsText))"
        var whyZh = "", whyEn = ""
        if !missing.isEmpty {
            whyZh += "；数据不全的年份：\(missing.map(String.init).joined(separator: "、"))"
            whyEn += "; years without complete data: \(missing.map(String.init).joined(separator: ", "))"
        }
        if !beforeOperation.isEmpty {
            whyZh += "；早于开始运行的年份：\(beforeOperation.map(String.init).joined(separator: "、"))"
            whyEn += "; years before operation began: \(beforeOperation.map(String.init).joined(separator: ", "))"
        }
        lines.append(ResultLine(id: "basis", clause: "1.1.43", status: basisOK ? .pass : .fail, zh: basisZh + whyZh, en: basisEn + whyEn))
        // 1.1.12 / Table 1: balance over the basis.
        if basisOK, let emissions, let sequestration, let offsets {
            let net = emissions - sequestration - offsets
            let balanced = net <= 1e-6
            let figures = "E \(Self.tonnes(emissions)) − S \(Self.tonnes(sequestration)) − O \(Self.tonnes(offsets)) = \(Self.tonnes(net)) tCO2"
            lines.append(ResultLine(id: "balance", clause: "1.1.12", status: balanced ? .pass : .fail,
                                    zh: (balanced ? "评价基础期内排放与吸收、抵消达到平衡：" : "评价基础期内未达到平衡：") + figures,
                                    en: (balanced ? "balanced over the basis: " : "not balanced over the basis: ") + figures))
        } else {
            lines.append(ResultLine(id: "balance", clause: "1.1.12", status: .fail, zh: "评价基础数据不足，无法判定平衡", en: "no complete basis to judge the balance on"))
        }
        // 1.1.41, 1.1.42: the evaluator's judgement.
        for item in Self.judgementItems {
            if let answer = input.answers[item.id] {
                lines.append(ResultLine(id: item.id, clause: item.clause, status: answer.passed ? .pass : .fail,
                                        zh: "\(item.zh)：\(answer.passed ? "符合" : "不符合")；证据：\(answer.evidence)\(answer.finding.isEmpty ? "" : "；\(answer.finding)")",
                                        en: "\(item.en): \(answer.passed ? "met" : "not met"); evidence: \(answer.evidence)\(answer.finding.isEmpty ? "" : "; \(answer.finding)")"))
            } else {
                lines.append(ResultLine(id: item.id, clause: item.clause, status: .pending, zh: "\(item.zh)：待评价人核查", en: "\(item.en): awaiting the evaluator"))
            }
        }
        // Table 1: demonstration, by recorded adoption in a park of the same type.
        let adopters = input.adoptions.filter { $0.parkType == input.parkType }
        lines.append(ResultLine(id: "demonstration", clause: "Table 1", status: .info,
                                zh: adopters.isEmpty ? "无同类园区采用其碳中和方案的记录（示范等级需要）" : "同类园区采用其方案：\(adopters.map(\.park).joined(separator: "、"))",
                                en: adopters.isEmpty ? "no recorded adoption of its solution by a park of the same type (needed for the demonstration grade)"
                                    : "adopted by parks of the same type: \(adopters.map(\.park).joined(separator: ", "))"))
        let decisive = lines.filter { $0.status != .info }
        let grade: Grade
        if decisive.contains(where: { $0.status == .fail }) {
            grade = Self.none
        } else if decisive.contains(where: { $0.status == .pending }) {
            grade = Self.pending
        } else {
            grade = adopters.isEmpty ? Self.smart : Self.demonstration
        }
        return EvaluationResult(pack: id, packVersion: version, lines: lines, grade: grade, basisYears: years,
                                averageEmissionsTco2: emissions, averageSequestrationTco2: sequestration, averageOffsetsTco2: offsets)
    }

    static func tonnes(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return String(rounded)
    }
}
