import ZeroParkCore

/// The national zero-carbon park indicator pack of 发改环资〔2025〕910号 (its core indicator as a veto):
/// every basis year's core indicator (tCO2 per tce of energy consumed) at or below the threshold of the
/// park's energy-scale class, as `NationalIndicator` computes it with its citation; the clean-energy
/// share beside the guidance value, for information. Thresholds and their UNCONFIRMED parts are those of
/// docs/accounting-rules.md.
public struct NationalIndicatorPack: RulePack {
    public let id = "NDRC-910-2025-core"
    public let version = "1"
    public let nameZh = "国家级零碳园区建设指标体系（试行）核心指标"
    public let nameEn = "National zero-carbon park indicator system (trial): core indicator"

    public init() {}

    public static let meets = Grade(code: "meets_core_indicator", zh: "达到核心指标", en: "meets the core indicator", awarded: false)
    public static let fails = Grade(code: "fails_core_indicator", zh: "未达到核心指标", en: "does not meet the core indicator", awarded: false)

    public func evaluate(_ input: EvaluationInput) -> EvaluationResult {
        let (years, emissions, sequestration, offsets) = averages(input)
        var lines: [ResultLine] = []
        for year in years {
            guard let result = input.years[year], let value = result.indicator else {
                lines.append(ResultLine(id: "core_indicator_\(year)", clause: "910号 附件3", status: .fail,
                                        zh: "\(year) 年：无法计算核心指标（无数据或无能耗）", en: "\(year): no core indicator (no data or no energy use)"))
                continue
            }
            guard let threshold = result.indicatorThreshold else {
                lines.append(ResultLine(id: "core_indicator_\(year)", clause: "910号 附件3", status: .info,
                                        zh: "\(year) 年：核心指标 \(Self.number(value)) tCO2/tce；本能耗规模的阈值未确认",
                                        en: "\(year): core indicator \(Self.number(value)) tCO2/tce; no confirmed threshold for this energy scale"))
                continue
            }
            let meets = value <= threshold
            lines.append(ResultLine(id: "core_indicator_\(year)", clause: "910号 附件3", status: meets ? .pass : .fail,
                                    zh: "\(year) 年：核心指标 \(Self.number(value)) tCO2/tce，阈值 \(Self.number(threshold))",
                                    en: "\(year): core indicator \(Self.number(value)) tCO2/tce, threshold \(Self.number(threshold))"))
            if let share = result.cleanShare {
                lines.append(ResultLine(id: "clean_share_\(year)", clause: "910号 附件3", status: .info,
                                        zh: "\(year) 年：清洁能源消费占比 \(Self.number(share * 100))%（引导值 \(Self.number(NationalIndicator.cleanShareGuidance * 100))%）",
                                        en: "\(year): clean-energy share \(Self.number(share * 100)) % (guidance \(Self.number(NationalIndicator.cleanShareGuidance * 100)) %)"))
            }
        }
        let decisive = lines.filter { $0.status != .info }
        let grade = !decisive.isEmpty && decisive.allSatisfy { $0.status == .pass } ? Self.meets : Self.fails
        return EvaluationResult(pack: id, packVersion: version, lines: lines, grade: grade, basisYears: years,
                                averageEmissionsTco2: emissions, averageSequestrationTco2: sequestration, averageOffsetsTco2: offsets)
    }

    static func number(_ value: Double) -> String { String((value * 1000).rounded() / 1000) }
}
