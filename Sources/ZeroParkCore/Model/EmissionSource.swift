/// The accounting methods a source can use (STANDARD.md 1.1.2(b), 1.1.3(a)).
public enum AccountingMethodKind: String, CaseIterable, Sendable, Codable {
    case fuelCombustion = "fuel_combustion"
    case purchasedElectricity = "purchased_electricity"
    case greenElectricity = "green_electricity"
    case onsiteRenewable = "onsite_renewable"
    case purchasedHeat = "purchased_heat"
    case refrigerantLeakage = "refrigerant_leakage"
    case activityFactor = "activity_factor"
    /// Electricity exported to the grid (surplus PV, CHP power): deducted under GB/T 32150 net purchase.
    case exportedElectricity = "exported_electricity"
    /// Heat (steam, hot water) exported across the boundary: deducted under GB/T 32150 net purchase.
    case exportedHeat = "exported_heat"

    /// Whether the method records energy leaving the park (GB/T 32150 net purchase).
    public var isExport: Bool { self == .exportedElectricity || self == .exportedHeat }
}

/// A source's activity data for the period: one total, or one value per calendar month of the period.
public struct ActivityData: Hashable, Sendable {
    public enum Values: Hashable, Sendable {
        case total(Double)
        case monthly([Double])
    }

    public var unit: QuantityUnit
    public var values: Values

    public init(unit: QuantityUnit, values: Values) {
        self.unit = unit
        self.values = values
    }

    public var total: Double {
        switch values {
        case let .total(value): return value
        case let .monthly(values): return values.reduce(0, +)
        }
    }

    public var monthly: [Double]? {
        if case let .monthly(values) = values { return values }
        return nil
    }

    public var quantity: Quantity { Quantity(total, unit) }
}

/// One emission source inside the park boundary (STANDARD.md 1.1.3(a)): its system, method,
/// the factor/fuel/grid/gas it names, its activity data and where that data comes from (1.1.2(e)).
public struct EmissionSource: Hashable, Sendable {
    /// The category used: the source's own, else its method's default.
    public var effectiveCategory: EmissionCategory { category ?? .defaultCategory(of: method) }

    public var id: String
    public var name: String
    public var system: EmissionSystem
    public var method: AccountingMethodKind
    /// A fuel id (built-in or park-defined) for `fuel_combustion`.
    public var fuel: String?
    /// An explicit factor id that replaces the method's default.
    public var factor: String?
    /// A grid key (`guangdong`, `national`, `south_grid`, ...) for electricity methods.
    public var grid: String?
    /// The gas leaked, for `refrigerant_leakage` (`HFC-134a`, ...).
    public var gas: String?
    /// The GWP set (`AR4`, `AR5`, `AR6`) for `refrigerant_leakage`.
    public var gwpSet: String?
    /// GHG Protocol scope (1, 2 or 3); defaults from the method when nil.
    public var scope: Int?
    /// The enterprise (tenant) inside the park that owns this source, if any.
    public var enterprise: String?
    /// Energy activity, industrial process or other; nil: the method's default category.
    public var category: EmissionCategory?
    public var activity: ActivityData
    public var dataSource: String?
    public var evidence: String?
    public var locations: FieldLocations

    public init(id: String, name: String, system: EmissionSystem, method: AccountingMethodKind,
                fuel: String? = nil, factor: String? = nil, grid: String? = nil, gas: String? = nil,
                gwpSet: String? = nil, scope: Int? = nil, enterprise: String? = nil,
                category: EmissionCategory? = nil, activity: ActivityData, dataSource: String? = nil, evidence: String? = nil,
                locations: FieldLocations = .init()) {
        self.id = id
        self.name = name
        self.system = system
        self.method = method
        self.fuel = fuel
        self.factor = factor
        self.grid = grid
        self.gas = gas
        self.gwpSet = gwpSet
        self.scope = scope
        self.enterprise = enterprise
        self.category = category
        self.activity = activity
        self.dataSource = dataSource
        self.evidence = evidence
        self.locations = locations
    }
}
