import ZeroParkInput

/// The checks a plan's inputs pass before any arithmetic (issue #10; every input hostile until
/// checked): ids unique and known, rules that fit their sources, numbers finite and in documented
/// ranges, years in order. Every problem names its field, in Chinese and English.
public enum PlanValidation {
    /// Ranges (documented in docs/planning.md).
    public static let money: ClosedRange<Double> = 0...1e13
    public static let savings: ClosedRange<Double> = 0...1e13
    public static let tonnes: ClosedRange<Double> = 0...1e9
    public static let mwh: ClosedRange<Double> = 0...1e9
    public static let lifetime: ClosedRange<Double> = 1...100
    public static let discountRate: ClosedRange<Double> = 0...0.3
    public static let bauGrowth: ClosedRange<Double> = -0.5...0.5
    public static let maximumMeasures = 500
    public static let maximumOffsets = 50

    public static func problems(baseline: PlanBaseline, measures: [Measure], offsets: [OffsetOption], settings: PlanSettings) -> [InputProblem] {
        var problems: [InputProblem] = []
        func fail(_ code: String, _ field: String, _ zh: String, _ en: String) {
            problems.append(InputProblem(code: code, field: field, zh: zh, en: en))
        }
        func range(_ value: Double?, _ allowed: ClosedRange<Double>, _ field: String) {
            guard let value else { return }
            if !value.isFinite || !allowed.contains(value) {
                fail("out_of_range", field, "应在 \(allowed.lowerBound) 至 \(allowed.upperBound) 之间", "must be within \(allowed.lowerBound)…\(allowed.upperBound)")
            }
        }
        if settings.baseYear != baseline.year {
            fail("base_year", "base_year", "基准年应为清单年份 \(baseline.year)", "the base year must be the inventory's year \(baseline.year)")
        }
        if settings.targetYear <= baseline.year || settings.targetYear > baseline.year + PlanSettings.maximumSpan {
            fail("out_of_range", "target_year", "目标年应在基准年之后且不超过 \(PlanSettings.maximumSpan) 年",
                 "the target year must follow the base year by 1 to \(PlanSettings.maximumSpan) years")
        }
        range(settings.discountRate, discountRate, "discount_rate")
        range(settings.bauGrowth, bauGrowth, "bau_growth")
        if let from = settings.offsetsFrom, from < baseline.year || from > settings.targetYear {
            fail("out_of_range", "offsets_from", "应在基准年与目标年之间", "must lie between the base and target years")
        }
        if measures.count > maximumMeasures { fail("too_many", "measures", "措施最多 \(maximumMeasures) 项", "at most \(maximumMeasures) measures") }
        if offsets.count > maximumOffsets { fail("too_many", "offsets", "碳信用选项最多 \(maximumOffsets) 项", "at most \(maximumOffsets) offset options") }
        let sources = Dictionary(baseline.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        for measure in measures {
            let field = "measures.\(measure.id)"
            if !seen.insert(measure.id).inserted { fail("duplicate_id", field, "措施编号重复", "duplicate measure id") }
            range(measure.capexCNY, money, "\(field).capex_cny")
            range(measure.opexCNYPerYear, money, "\(field).opex_cny_per_year")
            range(measure.savingsCNYPerYear, savings, "\(field).savings_cny_per_year")
            range(measure.lifetimeYears, lifetime, "\(field).lifetime_years")
            if measure.startYear < baseline.year || measure.startYear > settings.targetYear {
                fail("out_of_range", "\(field).start_year", "开始年应在基准年与目标年之间", "the start year must lie between the base and target years")
            }
            for id in measure.actsOn where sources[id] == nil {
                fail("unknown_source", "\(field).acts_on", "基准年清单中没有排放源 \(id)", "no source \(id) in the base-year inventory")
            }
            switch measure.abatement {
            case .electricityMWh(let value):
                range(value, mwh, "\(field).electricity_mwh")
                let targets = measure.actsOn.isEmpty ? baseline.sources.map(\.id) : measure.actsOn
                if !targets.contains(where: { sources[$0]?.electricityMWh != nil }) {
                    fail("no_electricity", "\(field).acts_on", "所作用的排放源中没有计入排放的外购电力，替代电量无从计算减排",
                         "none of the sources it acts on is purchased electricity counted above zero, so displaced MWh avoid nothing")
                }
            case .fraction(let share):
                if !share.isFinite || share <= 0 || share > 1 { fail("out_of_range", "\(field).fraction", "应大于 0 且不超过 1", "must be above 0 and at most 1") }
            case .tonnes(let value):
                range(value, tonnes, "\(field).tonnes_per_year")
            }
            if measure.stage == .sink {
                if case .tonnes = measure.abatement {} else {
                    fail("sink_rule", "\(field)", "碳汇措施应给出每年吸收的吨数（tonnes_per_year）", "a sink states the tonnes it absorbs a year (tonnes_per_year)")
                }
                if !measure.actsOn.isEmpty { fail("sink_rule", "\(field).acts_on", "碳汇不作用于排放源", "a sink does not act on sources") }
            } else if case .tonnes = measure.abatement, measure.actsOn.isEmpty {
                fail("missing_field", "\(field).acts_on", "按吨数计的减排措施应指明所作用的排放源", "a reduction stated in tonnes names the sources it acts on")
            }
        }
        var offsetIDs = Set<String>()
        for option in offsets {
            let field = "offsets.\(option.id)"
            if !offsetIDs.insert(option.id).inserted { fail("duplicate_id", field, "碳信用选项编号重复", "duplicate offset option id") }
            range(option.priceCNYPerTonne, money, "\(field).price_cny_per_tonne")
            range(option.availableTonnesPerYear, tonnes, "\(field).available_tonnes_per_year")
        }
        return problems
    }
}
