/// What a built-in factor is for.
public enum FactorKind: String, Sendable, Codable, CaseIterable {
    case gridElectricity = "grid_electricity"
    case purchasedHeat = "purchased_heat"
    case gwp
    case coalEquivalent = "coal_equivalent"
    /// CH4 or N2O per unit of fuel energy from stationary combustion (IPCC 2006 Vol.2 Table 2.3).
    case combustionNonCO2 = "combustion_non_co2"
}

/// One entry of the built-in factor library: a value with its unit, the data year (vintage) it is
/// for, and its citation. Entries with the same id and different vintages form a time series; a
/// period uses the newest vintage not later than its year (DESIGN.md "Factors are data with citations").
public struct LibraryFactor: Hashable, Sendable {
    public let id: String
    public let kind: FactorKind
    public let nameZh: String
    public let nameEn: String
    public let value: Double
    /// Unit text, e.g. `tCO2/MWh`; every entry's unit parses (checked by a test).
    public let unitSymbol: String
    /// The data year the value describes; nil for constants that apply to every year.
    public let vintage: Int?
    public let citation: Citation
    public let note: String?
    /// The unit parsed once at construction; nil only if `unitSymbol` is unreadable (a test forbids it).
    private let parsedUnit: QuantityUnit?

    public init(id: String, kind: FactorKind, nameZh: String, nameEn: String, value: Double, unit: String,
                vintage: Int?, citation: Citation, note: String? = nil) {
        self.id = id
        self.kind = kind
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.value = value
        self.unitSymbol = unit
        self.vintage = vintage
        self.citation = citation
        self.note = note
        self.parsedUnit = try? QuantityUnit.parse(unit)
    }

    public var unit: QuantityUnit {
        get throws { try parsedUnit ?? QuantityUnit.parse(unitSymbol) }
    }
}

/// A built-in fuel with the parameters of E = AD × NCV × CC × OF × 44/12 (GB/T 32150) and, where
/// GB/T 2589 gives one, its standard-coal coefficient; without one, energy is AD × NCV ÷ 29.3076 GJ/tce.
public struct LibraryFuel: Hashable, Sendable {
    public let id: String
    public let nameZh: String
    public let nameEn: String
    public let ncv: Double
    public let ncvUnit: String
    public let carbonContent: Double
    public let carbonContentUnit: String
    public let oxidation: Double
    /// GB/T 2589 standard-coal coefficient; nil when no cited coefficient exists for the fuel.
    public let coalCoefficient: Double?
    public let coalCoefficientUnit: String?
    public let biogenic: Bool
    public let citation: Citation
    /// Where each figure was read (e.g. EFDB EF IDs) and the convention that maps the fuel to its source.
    public let note: String?

    public init(id: String, nameZh: String, nameEn: String, ncv: Double, ncvUnit: String, carbonContent: Double,
                carbonContentUnit: String = "tC/TJ", oxidation: Double, coalCoefficient: Double?,
                coalCoefficientUnit: String?, biogenic: Bool = false, citation: Citation, note: String? = nil) {
        self.id = id
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.ncv = ncv
        self.ncvUnit = ncvUnit
        self.carbonContent = carbonContent
        self.carbonContentUnit = carbonContentUnit
        self.oxidation = oxidation
        self.coalCoefficient = coalCoefficient
        self.coalCoefficientUnit = coalCoefficientUnit
        self.biogenic = biogenic
        self.citation = citation
        self.note = note
    }

    /// The fuel as a `FuelDefinition`, with parsed units.
    public func definition() throws -> FuelDefinition {
        var coal: Quantity?
        if let coalCoefficient, let coalCoefficientUnit {
            coal = Quantity(coalCoefficient, try QuantityUnit.parse(coalCoefficientUnit))
        }
        return FuelDefinition(id: id, name: nameZh,
                              ncv: Quantity(ncv, try QuantityUnit.parse(ncvUnit)),
                              carbonContent: Quantity(carbonContent, try QuantityUnit.parse(carbonContentUnit)),
                              oxidation: oxidation, biogenic: biogenic, coalCoefficient: coal,
                              source: citation.text)
    }
}

/// A province (or grid region) key with its names, for grid-factor lookup.
public struct GridArea: Hashable, Sendable {
    public let key: String
    public let nameZh: String
    public let nameEn: String
    public let isProvince: Bool
}
