/// The years from the base year to the target year under a plan (STANDARD.md 1.1.5–1.1.7, 1.1.13;
/// issue #10 item 4): business as usual, what each measure cuts or absorbs, the offsets bought for
/// what remains, the net, and what it costs.
public struct Pathway: Sendable, Hashable {
    public var settings: PlanSettings
    /// Each measure's economics in its start year, standalone on the grown baseline.
    public var economics: [String: MeasureEconomics]
    /// Reductions in the order they are applied: abatement cost ascending, measures without one last.
    public var reductionOrder: [String]
    public var years: [PathwayYear]
    /// First year whose net (after offsets) is ≤ 0.
    public var balanceYear: Int?
    /// First year whose emissions after reductions are no more than the sinks, offsets aside.
    public var balanceWithoutOffsetsYear: Int?
    /// Years whose emissions after reductions are below the sinks: net-negative without offsets (1.1.13).
    public var netNegativeYears: [Int]
}

/// One year of a pathway. All masses tCO2, money CNY.
public struct PathwayYear: Sendable, Hashable {
    public var year: Int
    /// Emissions had nothing been done: the baseline grown at the BAU rate.
    public var businessAsUsual: Double
    /// Tonnes each active reduction cut this year, by measure id.
    public var reductions: [String: Double]
    /// Emissions after the reductions.
    public var emissions: Double
    /// What the plan leaves of each baseline source this year (grown, after the reductions), by source
    /// id: the yardstick a trial year's actuals are held to per source (1.1.9–1.1.10).
    public var bySource: [String: Double] = [:]
    /// Tonnes each active sink absorbed, by measure id.
    public var sinks: [String: Double]
    public var offsets: [OffsetPurchase]
    /// emissions − sinks − offsets.
    public var net: Double
    /// Equivalent annual cost (CapEx × CRF + O&M − savings) of every measure acting this year whose costs
    /// are known; a measure acts on after its life, renewed like for like at the same annual cost.
    public var measureCostCNY: Double
    public var offsetCostCNY: Double

    public var sequestration: Double { sinks.values.reduce(0, +) }
    public var offsetTonnes: Double { offsets.reduce(0) { $0 + $1.tonnes } }
}

/// Credits bought in one year from one option.
public struct OffsetPurchase: Sendable, Hashable {
    public var option: String
    public var tonnes: Double
    public var costCNY: Double
    public var local: Bool
}

/// Plan-wide settings.
public struct PlanSettings: Sendable, Hashable {
    public var baseYear: Int
    public var targetYear: Int
    /// Discount rate r for CRF and NPV (0…0.3).
    public var discountRate: Double
    /// Business-as-usual growth of every source's emissions per year (−0.5…0.5), e.g. 0.03 for +3 %.
    public var bauGrowth: Double
    /// First year offsets may be bought (default: the base year).
    public var offsetsFrom: Int?

    public init(baseYear: Int, targetYear: Int, discountRate: Double, bauGrowth: Double, offsetsFrom: Int? = nil) {
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.discountRate = discountRate
        self.bauGrowth = bauGrowth
        self.offsetsFrom = offsetsFrom
    }

    /// Longest plan, years after the base year.
    public static let maximumSpan = 60
}
