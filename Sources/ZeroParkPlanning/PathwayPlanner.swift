import ZeroParkInput

/// Builds a pathway from a baseline, measures and offset options (issue #10 item 4), in the order the
/// guide prescribes: every measure that has started reduces first (1.1.6), cheapest abatement cost
/// first; then sinks absorb; then offsets are bought for what remains, local projects first (1.1.7).
///
/// The ordering rule is enforced, not only followed: a plan that buys offsets in a year while a
/// reduction or sink whose abatement cost is below the dearest credit bought that year has not yet
/// started is refused (`offset_before_cheaper_measure`), naming the measure, the year and both prices.
/// Pure: the same inputs give the same pathway.
public enum PathwayPlanner {
    public static func plan(baseline: PlanBaseline, measures: [Measure], offsets: [OffsetOption],
                            settings: PlanSettings) throws(InputError) -> Pathway {
        let problems = PlanValidation.problems(baseline: baseline, measures: measures, offsets: offsets, settings: settings)
        guard problems.isEmpty else { throw InputError(problems) }
        let growth = { (year: Int) -> Double in pow(1 + settings.bauGrowth, year - baseline.year) }
        // Economics of each measure standalone in its start year.
        var economics: [String: MeasureEconomics] = [:]
        for measure in measures {
            var state = YearState(baseline, growth: growth(measure.startYear))
            let tonnes = measure.stage == .sink ? sinkTonnes(measure) : state.apply(measure)
            economics[measure.id] = MeasureEconomics.of(measure, tonnesPerYear: tonnes, discountRate: settings.discountRate)
        }
        let reductionOrder = measures.filter { $0.stage == .reduction }.sorted { a, b in
            switch (economics[a.id]?.macCNYPerTonne, economics[b.id]?.macCNYPerTonne) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.id < b.id
            }
        }
        let sinks = measures.filter { $0.stage == .sink }.sorted { $0.id < $1.id }
        let buyingOrder = OffsetOption.purchaseOrder(offsets)
        var years: [PathwayYear] = []
        for year in baseline.year...settings.targetYear {
            let bau = baseline.totalTco2 * growth(year)
            var state = YearState(baseline, growth: growth(year))
            var reductions: [String: Double] = [:]
            for measure in reductionOrder where measure.startYear <= year {
                reductions[measure.id] = state.apply(measure)
            }
            let emissions = state.total
            var absorbed: [String: Double] = [:]
            if baseline.existingSinksTco2 > 0 { absorbed[Self.existingSinks] = baseline.existingSinksTco2 }
            for measure in sinks where measure.startYear <= year { absorbed[measure.id] = sinkTonnes(measure) }
            var remainder = emissions - absorbed.values.reduce(0, +)
            var purchases: [OffsetPurchase] = []
            if remainder > 0, year >= (settings.offsetsFrom ?? baseline.year) {
                for option in buyingOrder where remainder > 0 {
                    let tonnes = min(remainder, option.availableTonnesPerYear ?? remainder)
                    guard tonnes > 0 else { continue }
                    purchases.append(OffsetPurchase(option: option.id, tonnes: tonnes, costCNY: tonnes * option.priceCNYPerTonne, local: option.local))
                    remainder -= tonnes
                }
            }
            if let dearest = purchases.compactMap({ purchase in offsets.first { $0.id == purchase.option }?.priceCNYPerTonne }).max() {
                for measure in measures where measure.startYear > year {
                    guard let mac = economics[measure.id]?.macCNYPerTonne, mac < dearest else { continue }
                    throw InputError(InputProblem(
                        code: "offset_before_cheaper_measure", field: "measures.\(measure.id).start_year",
                        zh: "\(year) 年计划购买单价 \(Self.money(dearest)) 元/吨的碳信用，而更便宜的措施“\(measure.name)”（\(Self.money(mac)) 元/吨）\(measure.startYear) 年才开始：应先减排、后吸收、再抵消（1.1.6），请提前该措施或推迟抵消",
                        en: "\(year) buys credits at \(Self.money(dearest)) CNY/t while the cheaper measure \"\(measure.name)\" (\(Self.money(mac)) CNY/t) starts only in \(measure.startYear): reduce first, absorb second, offset last (1.1.6); start the measure earlier or offset later"))
                }
            }
            // Every year a measure acts it costs its equivalent annual cost: the method assumes like-for-like
            // renewal at the end of its life, as the measure keeps acting in the pathway.
            var measureCost = 0.0
            for measure in measures where measure.startYear <= year {
                measureCost += economics[measure.id]?.annualCostCNY ?? 0
            }
            let offsetTonnes = purchases.reduce(0) { $0 + $1.tonnes }
            let sequestered = absorbed.values.reduce(0, +)
            years.append(PathwayYear(year: year, businessAsUsual: bau, reductions: reductions, emissions: emissions, bySource: state.tco2,
                                     sinks: absorbed, offsets: purchases, net: emissions - sequestered - offsetTonnes, measureCostCNY: measureCost,
                                     offsetCostCNY: purchases.reduce(0) { $0 + $1.costCNY }))
        }
        // A tolerance of a millionth of a tonne: sums of products are not exact.
        let balanceYear = years.first { $0.net <= 1e-6 }?.year
        let withoutOffsets = years.first { $0.emissions - $0.sequestration <= 1e-6 }?.year
        let netNegative = years.filter { $0.emissions - $0.sequestration < -1e-6 }.map(\.year)
        return Pathway(settings: settings, economics: economics, reductionOrder: reductionOrder.map(\.id), years: years,
                       balanceYear: balanceYear, balanceWithoutOffsetsYear: withoutOffsets, netNegativeYears: netNegative)
    }

    /// The key of the park's existing sequestration among a year's sinks.
    public static let existingSinks = "existing_sinks"

    static func sinkTonnes(_ measure: Measure) -> Double {
        if case .tonnes(let tonnes) = measure.abatement { return tonnes }
        return 0  // validation allows only stated tonnes for sinks
    }

    /// (1 + g)^n for a whole n (negative n divides).
    static func pow(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= base }
        return exponent < 0 ? 1 / result : result
    }

    static func money(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }
}

/// What is left of each source in one year while measures are applied in turn.
struct YearState {
    var tco2: [String: Double]
    var mwh: [String: Double]
    /// Source ids in baseline order (a measure acting on "all" takes them in this order).
    let order: [String]

    init(_ baseline: PlanBaseline, growth: Double) {
        tco2 = Dictionary(baseline.sources.map { ($0.id, $0.tco2 * growth) }, uniquingKeysWith: +)
        mwh = Dictionary(baseline.sources.compactMap { source in source.electricityMWh.map { (source.id, $0 * growth) } }, uniquingKeysWith: +)
        order = baseline.sources.map(\.id)
    }

    var total: Double { order.reduce(0) { $0 + (tco2[$1] ?? 0) } }

    /// Applies a reduction to what is left of its sources; returns the tonnes it cut.
    mutating func apply(_ measure: Measure) -> Double {
        let targets = measure.actsOn.isEmpty ? order : measure.actsOn
        var cut = 0.0
        switch measure.abatement {
        case .electricityMWh(let wanted):
            var left = wanted
            for id in targets where left > 0 {
                guard let available = mwh[id], available > 0, let tonnes = tco2[id] else { continue }
                let displaced = min(left, available)
                let factor = tonnes / available
                mwh[id] = available - displaced
                tco2[id] = tonnes - displaced * factor
                cut += displaced * factor
                left -= displaced
            }
        case .fraction(let share):
            for id in targets {
                guard let tonnes = tco2[id] else { continue }
                tco2[id] = tonnes * (1 - share)
                if let energy = mwh[id] { mwh[id] = energy * (1 - share) }
                cut += tonnes * share
            }
        case .tonnes(let stated):
            let available = targets.reduce(0) { $0 + (tco2[$1] ?? 0) }
            guard available > 0 else { return 0 }
            let taken = min(stated, available)
            for id in targets {
                guard let tonnes = tco2[id] else { continue }
                let share = taken * tonnes / available
                tco2[id] = tonnes - share
                if let energy = mwh[id], tonnes > 0 { mwh[id] = energy * (1 - share / tonnes) }
            }
            cut = taken
        }
        return cut
    }
}
