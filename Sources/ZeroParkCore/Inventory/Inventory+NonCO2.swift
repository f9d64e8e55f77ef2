/// Inventory totals of combustion CH4 and N2O, reported apart from counted emissions
/// (docs/accounting-rules.md §6). Zero when the park does not set `combustion_non_co2: true`.
extension Inventory {
    /// CH4 from stationary combustion, tCO2e (not in `emissionsTco2`).
    public var combustionCH4Tco2e: Double { sources.reduce(0) { $0 + ($1.nonCO2?.ch4Tco2e ?? 0) } }
    /// N2O from stationary combustion, tCO2e (not in `emissionsTco2`).
    public var combustionN2OTco2e: Double { sources.reduce(0) { $0 + ($1.nonCO2?.n2oTco2e ?? 0) } }
    /// CH4 + N2O from stationary combustion, tCO2e (not in `emissionsTco2`).
    public var combustionNonCO2Tco2e: Double { combustionCH4Tco2e + combustionN2OTco2e }
    /// Whether any line reports combustion CH4/N2O (the rule is on and a fuel had factors).
    public var reportsCombustionNonCO2: Bool { sources.contains { $0.nonCO2 != nil } }
}
