/// An emission factor defined by the park itself, with its source (STANDARD.md 1.1.2(b), 1.1.2(e)).
/// When its id equals a built-in factor's id it overrides that factor for this park, and every
/// result that uses it says so.
public struct ParkFactor: Hashable, Sendable {
    public var id: String
    public var value: Double
    public var unit: QuantityUnit
    public var source: String
    public var locations: FieldLocations

    public init(id: String, value: Double, unit: QuantityUnit, source: String, locations: FieldLocations = .init()) {
        self.id = id
        self.value = value
        self.unit = unit
        self.source = source
        self.locations = locations
    }
}

/// A fuel defined by the park with the parameters of the GB/T 32150 combustion formula
/// E = AD × NCV × CC × OF × 44/12 (STANDARD.md 1.1.2(b)).
public struct FuelDefinition: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Net calorific value per unit of fuel, e.g. GJ/t or GJ/10^4 Nm3.
    public var ncv: Quantity
    /// Carbon content per unit of energy, e.g. tC/TJ.
    public var carbonContent: Quantity
    /// Oxidation rate, a fraction in (0, 1].
    public var oxidation: Double
    /// Biogenic CO2 is reported apart and not counted in the total (GB/T 32150).
    public var biogenic: Bool
    /// Standard-coal coefficient per unit of fuel (GB/T 2589), e.g. kgce/kg; nil: NCV ÷ 29.3076 GJ/tce.
    public var coalCoefficient: Quantity?
    public var source: String
    public var locations: FieldLocations

    public init(id: String, name: String, ncv: Quantity, carbonContent: Quantity, oxidation: Double,
                biogenic: Bool, coalCoefficient: Quantity?, source: String, locations: FieldLocations = .init()) {
        self.id = id
        self.name = name
        self.ncv = ncv
        self.carbonContent = carbonContent
        self.oxidation = oxidation
        self.biogenic = biogenic
        self.coalCoefficient = coalCoefficient
        self.source = source
        self.locations = locations
    }
}
