import ZeroParkCore

/// The base year a neutrality plan starts from (STANDARD.md 1.1.3(c), 1.1.5): each emission source's
/// counted tCO2 from the park's own inventory and, for grid electricity, the MWh it bought and the
/// factor it was counted at, so that measures displacing electricity are valued at the factor the
/// park actually reports (a green-power claim already at zero displaces nothing).
public struct PlanBaseline: Sendable, Hashable {
    public var year: Int
    public var sources: [BaselineSource]
    /// The park's existing sequestration in the base year (green areas, CCUS), tCO2: it goes on absorbing
    /// in every year of the pathway, before any credit is bought (1.1.2(a), 1.1.6).
    public var existingSinksTco2: Double

    public init(year: Int, sources: [BaselineSource], existingSinksTco2: Double = 0) {
        self.year = year
        self.sources = sources
        self.existingSinksTco2 = existingSinksTco2
    }

    /// The baseline of a computed inventory: every source line with its counted tCO2; purchased
    /// electricity also with its MWh and effective factor (counted tCO2 ÷ MWh).
    public init(_ inventory: Inventory) {
        year = inventory.period.start.year
        existingSinksTco2 = max(0, inventory.sequestrationTco2)
        sources = inventory.sources.map { account in
            var mwh: Double?
            if let electricity = account.electricity, electricity.mwh > 0, account.tco2 > 0 { mwh = electricity.mwh }
            return BaselineSource(id: account.id, name: account.name, system: account.system, tco2: account.tco2, electricityMWh: mwh,
                                  method: account.method, category: account.category)
        }
    }

    public var totalTco2: Double { sources.reduce(0) { $0 + $1.tco2 } }
}

/// One emission source in the base year.
public struct BaselineSource: Sendable, Hashable {
    public var id: String
    public var name: String
    public var system: EmissionSystem
    /// Counted (market-based) tCO2 in the base year.
    public var tco2: Double
    /// Grid electricity bought, MWh, when the source is purchased electricity counted above zero.
    public var electricityMWh: Double?
    /// How it was accounted, and its 910号 category: what the difficulty rules read (nil: unknown).
    public var method: AccountingMethodKind?
    public var category: EmissionCategory?

    public init(id: String, name: String, system: EmissionSystem, tco2: Double, electricityMWh: Double? = nil,
                method: AccountingMethodKind? = nil, category: EmissionCategory? = nil) {
        self.id = id
        self.name = name
        self.system = system
        self.tco2 = tco2
        self.electricityMWh = electricityMWh
        self.method = method
        self.category = category
    }

    /// tCO2 per MWh at which the source's electricity was counted.
    public var electricityFactor: Double? {
        guard let mwh = electricityMWh, mwh > 0 else { return nil }
        return tco2 / mwh
    }
}
