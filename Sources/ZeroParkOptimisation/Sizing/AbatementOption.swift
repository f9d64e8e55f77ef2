/// One row of a marginal-abatement-cost (MAC) curve for a neutrality plan: a measure, the tonnes of CO2
/// it avoids per year, its net cost per tonne (negative = it saves money), its capital cost and
/// lifetime, and the net annual cost behind the per-tonne figure (annualised capital + O&M − operating
/// saving).
///
/// Serves STANDARD.md 1.1.20(c) and the neutrality plan (abatement options ranked by CNY/t).
public struct AbatementOption: Sendable, Equatable {
    /// What was sized: new PV, or a battery (alone or added to the new PV).
    public enum Kind: String, Sendable, Equatable {
        case pv, battery
    }
    public var kind: Kind
    public var measure: String
    public var tonnesCO2PerYear: Double
    /// Grid import avoided per year (MWh; negative when the measure imports more, e.g. battery losses).
    public var importReductionMWhPerYear: Double
    /// Operating cost saved per year (CNY; energy + demand − export + cycle, before capital and O&M).
    public var annualOperatingSavingCNY: Double
    /// Fixed O&M per year (CNY).
    public var annualOMCNY: Double
    /// Net annual cost / tonnes avoided (CNY/tCO2); nil when nothing is avoided.
    public var cnyPerTonne: Double?
    public var capexCNY: Double
    public var lifetimeYears: Double
    public var netAnnualCostCNY: Double

    public init(kind: Kind, measure: String, tonnesCO2PerYear: Double, importReductionMWhPerYear: Double,
                annualOperatingSavingCNY: Double, annualOMCNY: Double, cnyPerTonne: Double?, capexCNY: Double,
                lifetimeYears: Double, netAnnualCostCNY: Double) {
        self.kind = kind
        self.measure = measure
        self.tonnesCO2PerYear = tonnesCO2PerYear
        self.importReductionMWhPerYear = importReductionMWhPerYear
        self.annualOperatingSavingCNY = annualOperatingSavingCNY
        self.annualOMCNY = annualOMCNY
        self.cnyPerTonne = cnyPerTonne
        self.capexCNY = capexCNY
        self.lifetimeYears = lifetimeYears
        self.netAnnualCostCNY = netAnnualCostCNY
    }
}

/// The outcome of sizing: chosen sizes, the dispatch re-run at those sizes and without them, and the
/// economics (annual figures; horizons shorter than a year are scaled by 8,760 h / horizon).
///
/// - annual cost with = operating cost with the assets + annualised capital (Σ CRF·capex) + O&M;
///   without = operating cost without the new assets.
/// - NPV over `analysisYears` N at rate r = AF(r, N) · (annual cost without − annual cost with), AF the
///   annuity factor: the equivalent-annual-cost method, which treats a component whose life differs
///   from N as replaced like-for-like (shorter) or credited with its remaining value (longer); for
///   lives equal to N it is −capex + Σ_y (saving − O&M)/(1+r)^y exactly.
/// - simple payback = capex / (annual operating saving − O&M), undiscounted, no replacements (years
///   until cumulative net savings reach the capex); nil when the net saving is ≤ 0.
/// - PV LCOE = (CRF·capex + O&M) of the new PV / its delivered kWh per year (output less the extra
///   curtailment it causes).
/// - tCO2 avoided per year = (imported MWh without − with) × grid factor (exports are not credited,
///   following net-purchase accounting); CNY per tonne = (annual cost with − without) / tonnes.
///
/// Serves STANDARD.md 1.1.20(b)(c)(e)(f) and the neutrality plan's abatement-cost curve.
public struct SizingReport: Sendable {
    public var pvKWp: Double
    public var batteryKWh: Double
    public var batteryKW: Double
    /// The sizing LP's objective (CNY over the horizon, including the horizon's share of capital cost).
    public var sizingObjective: Double
    /// Sizing objective minus the capital part: the operating cost the sizing LP expects.
    public var sizingOperatingCost: Double
    /// Dispatch re-run with the chosen sizes (the operating schedule), and without the new assets.
    public var with: DispatchResult
    public var without: DispatchResult
    /// (dispatch with sizes − sizing operating cost) / |dispatch with sizes|: 0 up to solver tolerance
    /// unless the surplus-only export approximation binds (see `SizingModel`).
    public var sizingDispatchDifference: Double
    public var capexCNY: Double
    public var annualisedCapitalCNY: Double
    public var annualOMCNY: Double
    public var annualOperatingCostWith: Double
    public var annualOperatingCostWithout: Double
    public var annualCostWith: Double { annualOperatingCostWith + annualisedCapitalCNY + annualOMCNY }
    public var annualCostWithout: Double { annualOperatingCostWithout }
    public var annualOperatingSaving: Double { annualOperatingCostWithout - annualOperatingCostWith }
    public var analysisYears: Double
    public var discountRate: Double
    public var npv: Double
    public var simplePaybackYears: Double?
    public var pvLCOE: Double?
    public var tonnesCO2AvoidedPerYear: Double
    public var cnyPerTonneAvoided: Double?
    /// MAC rows: the PV at its chosen size alone, then the battery added to it (or the one sized asset).
    public var abatementOptions: [AbatementOption]
}
