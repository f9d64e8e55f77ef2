import ZeroParkOptimisation

/// A measure's abatement cost (STANDARD.md 1.1.3(c), 1.1.4(c) "economics"; issue #10 item 3), by the
/// equivalent-annual-cost method:
///
///     annual cost = CapEx × CRF(r, n) + O&M − savings          (CNY per year)
///     MAC         = annual cost ÷ tonnes per year               (CNY per tCO2)
///     NPV of cost = CapEx + (O&M − savings) × AF(r, n)          (CNY, today)
///
/// with CRF(r, n) = r(1+r)^n / ((1+r)^n − 1) and AF(r, n) = (1 − (1+r)^−n) / r (`CapitalCost`). The
/// two agree: MAC = NPV of cost ÷ (tonnes × AF). A negative MAC is a measure that pays for itself.
/// All four money figures must be given (zero is a value): nothing is assumed, and a measure missing
/// one has no MAC and names what is missing.
public struct MeasureEconomics: Sendable, Hashable {
    public var tonnesPerYear: Double
    public var annualCostCNY: Double?
    public var macCNYPerTonne: Double?
    public var npvCostCNY: Double?
    /// Fields a MAC needs that the measure does not give: capex_cny, opex_cny_per_year,
    /// savings_cny_per_year, lifetime_years.
    public var missing: [String]

    public static func of(_ measure: Measure, tonnesPerYear: Double, discountRate: Double) -> MeasureEconomics {
        var missing: [String] = []
        if measure.capexCNY == nil { missing.append("capex_cny") }
        if measure.opexCNYPerYear == nil { missing.append("opex_cny_per_year") }
        if measure.savingsCNYPerYear == nil { missing.append("savings_cny_per_year") }
        if measure.lifetimeYears == nil { missing.append("lifetime_years") }
        guard let capex = measure.capexCNY, let opex = measure.opexCNYPerYear, let savings = measure.savingsCNYPerYear,
              let life = measure.lifetimeYears, life > 0 else {
            return MeasureEconomics(tonnesPerYear: tonnesPerYear, annualCostCNY: nil, macCNYPerTonne: nil, npvCostCNY: nil, missing: missing)
        }
        let annual = capex * CapitalCost.capitalRecoveryFactor(rate: discountRate, years: life) + opex - savings
        let npv = capex + (opex - savings) * CapitalCost.annuityFactor(rate: discountRate, years: life)
        return MeasureEconomics(tonnesPerYear: tonnesPerYear, annualCostCNY: annual,
                                macCNYPerTonne: tonnesPerYear > 0 ? annual / tonnesPerYear : nil, npvCostCNY: npv, missing: [])
    }
}
