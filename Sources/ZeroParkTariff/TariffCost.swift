/// The bill of a metered series under an expanded tariff: energy cost by period, demand charge on each CST
/// month's maximum demand, export revenue.
///
/// Serves STANDARD.md 1.1.20(e) and 1.1.37 (monitoring cost, the optimiser's baseline, reports).
///
/// Conventions: series are average kW over each step (energy = kW × step hours). Maximum demand is the
/// largest step-average import in the month — with 15-minute steps this is the 15-minute demand that Chinese
/// meters record; with 60-minute steps it understates it. Export revenue is paid on all metered export;
/// steps whose export exceeds the limit are listed, not clipped. `total = energy + demand − export revenue`.
public struct TariffCostBreakdown: Hashable, Sendable {
    /// One CST month of the bill.
    public struct Month: Hashable, Sendable {
        public let month: YearMonth
        public let importKWh: Double
        public let energyCostCNY: Double
        public let maxDemandKW: Double
        /// Step index of the first step reaching the maximum (nil when the month has no import).
        public let maxDemandStep: Int?
        public let demandChargeRate: Double
        public let demandChargeCNY: Double
        public let exportKWh: Double
        public let exportRevenueCNY: Double
    }

    public let importKWhByPeriod: [TariffPeriod: Double]
    public let energyCostByPeriod: [TariffPeriod: Double]
    public let months: [Month]
    public let importKWh: Double
    public let energyCostCNY: Double
    public let demandChargeCNY: Double
    public let exportKWh: Double
    public let exportRevenueCNY: Double
    /// Steps whose export exceeds the export limit in force.
    public let exportLimitExceededSteps: [Int]

    /// Energy cost + demand charge − export revenue, CNY.
    public var totalCNY: Double { energyCostCNY + demandChargeCNY - exportRevenueCNY }
}

extension TariffExpansion {
    /// Prices a metered series: `importKW` (and optionally `exportKW`) average kW per step, ≥ 0, one per step.
    public func cost(importKW: [Double], exportKW: [Double]? = nil) throws(TariffError) -> TariffCostBreakdown {
        try Self.checkSeries("import_kw", importKW, count: stepCount)
        if let exportKW { try Self.checkSeries("export_kw", exportKW, count: stepCount) }
        var splitAt: [Int: StepSplit] = [:]
        for s in splits { splitAt[s.step] = s }

        var kwhByPeriod: [TariffPeriod: Double] = [:], costByPeriod: [TariffPeriod: Double] = [:]
        let n = months.count
        var mImport = [Double](repeating: 0, count: n), mCost = [Double](repeating: 0, count: n)
        var mMax = [Double](repeating: 0, count: n), mMaxStep = [Int?](repeating: nil, count: n)
        var mExport = [Double](repeating: 0, count: n), mRevenue = [Double](repeating: 0, count: n)
        var exceeded = [Int]()
        for i in 0..<stepCount {
            let mi = monthIndex[i]
            let e = importKW[i] * stepHours
            if let split = splitAt[i] {
                for part in split.parts {
                    let share = e * Double(part.minutes) / Double(stepMinutes)
                    kwhByPeriod[part.period, default: 0] += share
                    costByPeriod[part.period, default: 0] += share * part.importPrice
                }
            } else {
                kwhByPeriod[periods[i], default: 0] += e
                costByPeriod[periods[i], default: 0] += e * importPrice[i]
            }
            mImport[mi] += e
            mCost[mi] += e * importPrice[i]
            if importKW[i] > mMax[mi] { mMax[mi] = importKW[i]; mMaxStep[mi] = i }
            if let exportKW {
                let x = exportKW[i] * stepHours
                mExport[mi] += x
                mRevenue[mi] += x * exportPrice[i]
                if let limit = exportLimitKW[i], exportKW[i] > limit * (1 + 1e-12) { exceeded.append(i) }
            }
        }
        let monthRows = (0..<n).map { k in
            TariffCostBreakdown.Month(month: months[k], importKWh: mImport[k], energyCostCNY: mCost[k], maxDemandKW: mMax[k],
                                      maxDemandStep: mMaxStep[k], demandChargeRate: demandChargeCNYPerKWMonth[k],
                                      demandChargeCNY: mMax[k] * demandChargeCNYPerKWMonth[k],
                                      exportKWh: mExport[k], exportRevenueCNY: mRevenue[k])
        }
        return TariffCostBreakdown(importKWhByPeriod: kwhByPeriod, energyCostByPeriod: costByPeriod, months: monthRows,
                                   importKWh: mImport.reduce(0, +), energyCostCNY: mCost.reduce(0, +),
                                   demandChargeCNY: monthRows.reduce(0) { $0 + $1.demandChargeCNY },
                                   exportKWh: mExport.reduce(0, +), exportRevenueCNY: mRevenue.reduce(0, +),
                                   exportLimitExceededSteps: exceeded)
    }

    /// Prices a net series (positive = import, negative = export).
    public func cost(netKW: [Double]) throws(TariffError) -> TariffCostBreakdown {
        for (i, x) in netKW.enumerated() where !x.isFinite {
            throw .invalidSeriesValue(series: "net_kw", index: i, value: x)
        }
        return try cost(importKW: netKW.map { max($0, 0) }, exportKW: netKW.map { max(-$0, 0) })
    }

    private static func checkSeries(_ name: String, _ xs: [Double], count: Int) throws(TariffError) {
        guard xs.count == count else { throw .seriesLengthMismatch(series: name, expected: count, found: xs.count) }
        for (i, x) in xs.enumerated() where !(x.isFinite && TariffLimits.powerKW.contains(x)) {
            throw .invalidSeriesValue(series: name, index: i, value: x)
        }
    }
}
