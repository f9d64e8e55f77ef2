/// Energy consumed by a source, in tonnes of standard coal equivalent (GB/T 2589), and whether it
/// counts as clean energy (green or on-site renewable electricity, biogenic fuel).
public struct EnergyUse: Hashable, Sendable {
    public let tce: Double
    public let clean: Bool
    /// The coefficient used (electricity 0.1229 kgce/kWh, heat 0.03412 tce/GJ, a fuel's own
    /// coefficient, or for a fuel without one NCV ÷ 29.3076 GJ/tce per activity unit, marked derived).
    public let coefficient: FactorUse?
    public let basis: String
}

/// One accounted source: emissions (market-based and location-based, biogenic apart), the method,
/// formula and worked calculation, the factors used with their citations, the activity data and its
/// source — enough for an auditor to recompute the line by hand (STANDARD.md 1.1.2(b), 1.1.2(e), 1.1.3).
public struct SourceAccount: Hashable, Sendable {
    public let id: String
    public let name: String
    public let system: EmissionSystem
    public let method: AccountingMethodKind
    public let scope: Int
    public let enterprise: String?
    /// Energy activity, industrial process or other (910号 indicator numerator).
    public let category: EmissionCategory
    /// Counted emissions, market-based, tCO2.
    public let tco2: Double
    /// Location-based emissions (grid average for all electricity), tCO2.
    public let locationBasedTco2: Double
    /// Biogenic CO2, reported apart and not counted, tCO2.
    public let biogenicTco2: Double
    /// Counted emissions per month when the activity is monthly.
    public let monthlyTco2: [Double]?
    public let activity: ActivityData
    public let formula: String
    public let calculation: String
    /// The factor that carries the method (grid factor, implied fuel factor, GWP, ...).
    public let factor: FactorUse?
    /// Every parameter used, the primary factor included.
    public let parameters: [FactorUse]
    public let energy: EnergyUse?
    public let dataSource: String?
    public let evidence: String?
    public let warnings: [AccountingWarning]
    /// On-site renewables: grid-equivalent emissions avoided, tCO2, reported apart (not in any total).
    public let avoidedTco2: Double
    /// Export lines: the tCO2 the exported energy represents; deducted from the totals only under
    /// `exported_energy: net_purchase` (then `tco2` = −exportedTco2).
    public let exportedTco2: Double
    /// Electricity lines: the basis of each figure, the factors and the certificates applied.
    public let electricity: ElectricityAccount?
    /// Combustion CH4 and N2O, reported apart and not counted; nil unless the park sets
    /// `combustion_non_co2: true` (docs/accounting-rules.md §6).
    public var nonCO2: CombustionNonCO2? = nil
}

/// One accounted sink (STANDARD.md 1.1.4(a), 1.1.4(c)).
public struct SinkAccount: Hashable, Sendable {
    public let id: String
    public let name: String
    public let kind: String
    public let tco2: Double
    public let formula: String
    public let calculation: String
    public let source: String?
}

/// One offset claim: whether it passed the integrity rules, how much of it counts within the cap
/// emissions − sequestration and how much is surplus, with the reason and the warnings that name
/// their clause (STANDARD.md 1.1.2(a), 1.1.4(b), 1.1.7, 1.1.34; docs/accounting-rules.md §4).
public struct OffsetAccount: Hashable, Sendable {
    public let id: String
    public let name: String
    public let type: OffsetType
    /// The quantity claimed, tCO2 (counted or not).
    public let tco2: Double
    /// True when the offset passes every rule and at least part of it is within the cap.
    public internal(set) var counted: Bool
    /// Passes every integrity rule (retired for the park, vintage window, PHCER province, unique
    /// registry reference, commitment or verification); only eligible offsets share the cap.
    public let eligible: Bool
    /// The part counted against emissions − sequestration, tCO2 (0 when refused).
    public internal(set) var countedTco2: Double
    /// The eligible part beyond the cap, tCO2: shown, not counted (1.1.2(a)).
    public internal(set) var surplusTco2: Double
    public internal(set) var reason: String
    /// Derived: the project lies in the park's province (1.1.7); never the typed flag.
    public let local: Bool
    public let vintage: Int?
    public let registryRef: String?
    public let projectProvince: String?
    public let retired: CalendarDate?
    public let retiredFor: String?
    /// The clause the offset is counted under (1.1.7 credits, 1.1.4(b) funded, 1.1.34 own/co-developed).
    public let clause: String
    /// The warnings about this offset (also in the inventory's list).
    public internal(set) var warnings: [AccountingWarning]
}
