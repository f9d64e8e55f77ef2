import ZeroParkCore

/// How hard a source is to reduce, or a sink to grow (STANDARD.md 1.1.3(c), 1.1.4(c)).
public enum ReductionDifficulty: String, Sendable, Hashable, Comparable {
    case low, medium, high

    public var nameZh: String { self == .low ? "低" : self == .medium ? "中" : "高" }
    public var nameEn: String { rawValue }

    var easier: ReductionDifficulty { self == .high ? .medium : .low }
    var harder: ReductionDifficulty { self == .low ? .medium : .high }

    public static func < (a: ReductionDifficulty, b: ReductionDifficulty) -> Bool {
        let order: [ReductionDifficulty] = [.low, .medium, .high]
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}

/// One reason behind a classification, in both languages, with the clause it rests on.
public struct AssessmentReason: Sendable, Hashable {
    public let code: String
    public let zh: String
    public let en: String
}

/// A source (or sink) with its share, its difficulty and why, the kinds of measure that address it, and
/// the economics of the plan's own measures on it (issue #10 item 1).
public struct SourceAssessment: Sendable, Hashable {
    public let id: String
    public let name: String
    public let system: EmissionSystem?
    public let tco2: Double
    /// Share of the base year's counted emissions (of sequestration, for a sink).
    public let share: Double
    public let difficulty: ReductionDifficulty
    public let reasons: [AssessmentReason]
    public let technologies: [MeasureCategory]
    /// The plan's measures acting on it, and the lowest abatement cost among them (CNY/tCO2).
    public let measures: [String]
    public let cheapestMAC: Double?
    public let isSink: Bool
}

/// Classifies each base-year source by rules a user can read (docs/planning.md §8), then moves it one
/// step by the economics of the park's own plan: a measure on it that pays for itself (abatement cost
/// below zero) makes it easier; measures on it that all cost more per tonne than the dearest credit
/// the plan buys make it harder. Sinks: greenery medium (land), CCUS high (capital, verification). Pure.
public enum SourceAssessor {
    public static func assess(baseline: PlanBaseline, measures: [Measure], offsets: [OffsetOption],
                              economics: [String: MeasureEconomics]) -> [SourceAssessment] {
        let total = baseline.totalTco2
        let dearestCredit = offsets.map(\.priceCNYPerTonne).max()
        return baseline.sources.filter { $0.tco2 > 0 }.map { source in
            var (difficulty, reasons) = base(source)
            let acting = measures.filter { $0.stage == .reduction && ($0.actsOn.isEmpty || $0.actsOn.contains(source.id)) }
            let costs = acting.compactMap { economics[$0.id]?.macCNYPerTonne }
            let cheapest = costs.min()
            if acting.isEmpty {
                reasons.append(AssessmentReason(code: "no_measure", zh: "本规划未安排措施", en: "the plan has no measure on it"))
            } else if let cheapest, cheapest < 0 {
                difficulty = difficulty.easier
                reasons.append(AssessmentReason(code: "pays_back", zh: "本规划的措施边际减排成本为负（节省大于成本），难度降一级",
                                                en: "a measure in the plan has a negative abatement cost (savings exceed costs): one step easier"))
            } else if let dearestCredit, !costs.isEmpty, costs.count == acting.count, costs.allSatisfy({ $0 > dearestCredit }) {
                difficulty = difficulty.harder
                reasons.append(AssessmentReason(code: "dearer_than_credits", zh: "本规划作用于它的措施每吨成本均高于所购碳信用的最高价，难度升一级",
                                                en: "every measure in the plan acting on it costs more per tonne than the dearest credit bought: one step harder"))
            }
            let technologies = source.method.map { MeasureCatalogue.technologies(method: $0, system: source.system) } ?? []
            return SourceAssessment(id: source.id, name: source.name, system: source.system, tco2: source.tco2,
                                    share: total > 0 ? source.tco2 / total : 0, difficulty: difficulty, reasons: reasons,
                                    technologies: technologies, measures: acting.map(\.id), cheapestMAC: cheapest, isSink: false)
        }
    }

    /// The park's existing sinks (from the base-year inventory) with their share and difficulty.
    public static func assess(sinks: [SinkAccount]) -> [SourceAssessment] {
        let total = sinks.reduce(0) { $0 + $1.tco2 }
        return sinks.map { sink in
            let ccus = sink.kind == "ccus"
            let reason = ccus
                ? AssessmentReason(code: "ccus", zh: "碳捕集投资大，捕集量须经第三方核查（1.1.28）",
                                   en: "capture is capital-intensive and its quantity needs third-party verification (1.1.28)")
                : AssessmentReason(code: "greenery", zh: "扩大绿地受园区可用土地限制，可借立体绿化（1.1.27）",
                                   en: "more green area is limited by the park's land; vertical greening helps (1.1.27)")
            return SourceAssessment(id: sink.id, name: sink.name, system: nil, tco2: sink.tco2, share: total > 0 ? sink.tco2 / total : 0,
                                    difficulty: ccus ? .high : .medium, reasons: [reason], technologies: [ccus ? .ccus : .greenery],
                                    measures: [], cheapestMAC: nil, isSink: true)
        }
    }

    /// The rule table: first match by method, category and system.
    static func base(_ source: BaselineSource) -> (ReductionDifficulty, [AssessmentReason]) {
        func reason(_ code: String, _ zh: String, _ en: String) -> [AssessmentReason] { [AssessmentReason(code: code, zh: zh, en: en)] }
        if source.category == .industrialProcess {
            return (.high, reason("process", "工业过程排放来自原料的化学反应，只能靠工艺变更或碳捕集（1.1.28）",
                                  "process emissions come from the raw materials' chemistry: only a process change or capture (1.1.28) cuts them"))
        }
        switch source.method {
        case .purchasedElectricity?:
            return (.low, reason("electricity", "外购电可由绿电交易、绿证（1.1.19、1.1.36）和自建光伏（1.1.20(b)）直接替代，无需改造用能设备",
                                 "bought power can be replaced by green-power purchase and certificates (1.1.19, 1.1.36) and on-site PV (1.1.20(b)) without changing the equipment"))
        case .purchasedHeat?:
            return (.medium, reason("heat", "外购热可由余热回收或热泵替代（1.1.20(h)、1.1.15），需改造供热系统",
                                    "bought heat can be replaced by recovered heat or heat pumps (1.1.20(h), 1.1.15); the heating system must change"))
        case .fuelCombustion? where source.system == .transport:
            return (.medium, reason("transport_fuel", "交通燃料可由电动车队替代（1.1.23），需更换车辆并建设充电设施",
                                    "transport fuel can be replaced by an electric fleet (1.1.23): new vehicles and charging"))
        case .fuelCombustion?:
            return (.medium, reason("fuel", "化石燃料可由电能替代、热泵或燃料替代降低（1.1.15），需更换设备",
                                    "fossil fuel can be cut by electrification, heat pumps or fuel switching (1.1.15): equipment must change"))
        case .refrigerantLeakage?:
            return (.medium, reason("refrigerant", "制冷剂逸散可通过检漏维护和低 GWP 制冷剂替代减少，难以归零",
                                    "refrigerant leaks shrink with leak management and low-GWP refrigerants, but hardly to zero"))
        case .activityFactor? where source.system == .water:
            return (.medium, reason("water", "供水排放可由中水回用与节水降低（1.1.25）", "water-supply emissions fall with reuse and saving (1.1.25)"))
        case .activityFactor? where source.system == .waste:
            return (.medium, reason("waste", "废弃物处置排放可由减量与资源化降低（1.1.24）", "disposal emissions fall with reduction and recovery (1.1.24)"))
        default:
            return (.high, reason("external", "排放取决于园区外的上游因子，园区可控的手段有限",
                                  "the emissions depend on an upstream factor outside the park; the park has few levers"))
        }
    }
}
