/// CH4 and N2O from one source's stationary fuel combustion, GWP-weighted and reported apart: not part
/// of counted emissions, the balance or any indicator (rule `combustion_non_co2`, off by default;
/// IPCC 2006 Vol.2 Ch.2 Eq. 2.1 and Table 2.3; GB/T 32150 gases CH4 and N2O; STANDARD.md 3.4
/// "other greenhouse gases may be included"; docs/accounting-rules.md §6).
public struct CombustionNonCO2: Hashable, Sendable {
    /// The GWP set used (`AR6` unless the source sets `gwp_set`).
    public let gwpSet: String
    /// Whether the fuel's CH4 took the non-fossil GWP (biogenic fuel) rather than the fossil one.
    public let biogenicMethane: Bool
    /// Tonnes of gas emitted.
    public let ch4Tonnes: Double
    public let n2oTonnes: Double
    /// GWP-weighted, tCO2e.
    public let ch4Tco2e: Double
    public let n2oTco2e: Double
    /// `CH4: AD × NCV × EF × GWP = … tCO2e; N2O: …`, redoable by hand.
    public let calculation: String
    /// NCV, EF_CH4, EF_N2O, GWP_CH4 (fossil or non-fossil) and GWP_N2O, with citations.
    public let parameters: [FactorUse]

    public var tco2e: Double { ch4Tco2e + n2oTco2e }

    /// IPCC 2006 Vol.2 Ch.2 Eq. 2.1, GWP-weighted.
    public static let formula = "E_CH4 = AD × NCV × EF_CH4 × GWP_CH4; E_N2O = AD × NCV × EF_N2O × GWP_N2O"
}
