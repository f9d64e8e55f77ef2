/// The built-in, versioned factor library: grid electricity factors (national, regional,
/// provincial; 2021–2023 data years), the purchased-heat default, fuel parameters, standard-coal
/// coefficients and GWP sets AR4/AR5/AR6 — each entry with value, unit, vintage and citation
/// (STANDARD.md 1.1.2(b), 1.1.2(e)). Values come from `shared/reference/china-reference-data.md`;
/// figures marked UNCONFIRMED there are not included.
public struct FactorLibrary: Sendable {
    /// The library's own version; reported with every inventory.
    public let version: String
    public let factors: [LibraryFactor]
    public let fuels: [LibraryFuel]
    public let gridAreas: [GridArea]

    private let factorsByID: [String: [LibraryFactor]]
    private let fuelsByID: [String: LibraryFuel]
    /// Library fuels with parsed units, built once.
    private let fuelDefinitions: [String: FuelDefinition]

    public init(version: String, factors: [LibraryFactor], fuels: [LibraryFuel], gridAreas: [GridArea]) {
        self.version = version
        self.factors = factors
        self.fuels = fuels
        self.gridAreas = gridAreas
        var byID: [String: [LibraryFactor]] = [:]
        for factor in factors { byID[factor.id, default: []].append(factor) }
        self.factorsByID = byID.mapValues { $0.sorted { ($0.vintage ?? 0) < ($1.vintage ?? 0) } }
        self.fuelsByID = Dictionary(fuels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.fuelDefinitions = fuelsByID.compactMapValues { try? $0.definition() }
    }

    /// The library shipped with ZeroPark.
    public static let builtIn = FactorLibrary(
        // 2026.1 (issue #7): natural gas by origin, IPCC 2006 fuels and process gases, combustion CH4/N2O
        // factors, fossil and non-fossil CH4 (AR6). Snapshots made with 2025.1 are restated, not recomputed.
        version: "2026.1",
        factors: gridFactors + energyConstants + gwpFactors + combustionNonCO2Factors,
        fuels: builtInFuels,
        gridAreas: gridAreas)

    /// All vintages of a factor id, oldest first.
    public func vintages(of id: String) -> [LibraryFactor] { factorsByID[id] ?? [] }

    public func contains(factorID id: String) -> Bool { factorsByID[id] != nil }

    public func fuel(_ id: String) -> LibraryFuel? { fuelsByID[id] }

    /// A library fuel as a `FuelDefinition` (units parsed once).
    public func fuelDefinition(_ id: String) throws -> FuelDefinition? {
        if let definition = fuelDefinitions[id] { return definition }
        return try fuelsByID[id]?.definition()
    }

    public func gridArea(_ key: String) -> GridArea? { gridAreas.first { $0.key == key } }

    /// A factor chosen for a period.
    public struct Selection: Sendable {
        public let factor: LibraryFactor
        /// Set when no vintage was published for a year ≤ the period's year and the earliest was used.
        public let usedLaterVintage: Bool
    }

    /// The newest vintage of `id` whose data year is not later than `year`; when every vintage is
    /// later, the earliest one, flagged. Factors without a vintage apply to every year.
    public func select(_ id: String, forYear year: Int) -> Selection? {
        let all = vintages(of: id)
        guard let earliest = all.first else { return nil }
        if let best = all.last(where: { ($0.vintage ?? Int.min) <= year }) {
            return Selection(factor: best, usedLaterVintage: false)
        }
        return Selection(factor: earliest, usedLaterVintage: true)
    }

    /// Factors and fuels whose id or names contain `text` (case-insensitive); all when empty.
    public func search(_ text: String) -> (factors: [LibraryFactor], fuels: [LibraryFuel]) {
        let needle = text.lowercased()
        guard !needle.isEmpty else { return (factors, fuels) }
        func matches(_ fields: [String]) -> Bool { fields.contains { $0.lowercased().contains(needle) } }
        return (factors.filter { matches([$0.id, $0.nameZh, $0.nameEn, $0.citation.key]) },
                fuels.filter { matches(["fuel.\($0.id)", $0.id, $0.nameZh, $0.nameEn]) })
    }
}
