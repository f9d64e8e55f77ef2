/// A unit of measure: a symbol as written, a scale to ZeroPark's base units and a dimension.
///
/// Base units: t (mass), Nm3 (volume), GJ (energy), tCO2 (CO2 mass), tC (carbon mass), m2 (area),
/// yr (time). Compound units are parsed from text such as `tCO2/MWh`, `GJ/10^4 Nm3`, `tC/TJ`,
/// `tCO2/ha/yr`; a `10^N` or `万` prefix scales the unit it stands before.
/// Two units are equal when they have the same dimension and scale, whatever their spelling.
public struct QuantityUnit: Sendable, CustomStringConvertible {
    public let symbol: String
    public let scale: Double
    public let dimension: PhysicalDimension

    public init(symbol: String, scale: Double, dimension: PhysicalDimension) {
        self.symbol = symbol
        self.scale = scale
        self.dimension = dimension
    }

    public var description: String { symbol }

    // Atoms, keyed by spelling: (scale to base unit, dimension).
    static let atoms: [String: (Double, PhysicalDimension)] = [
        "t": (1, .massDimension), "kg": (0.001, .massDimension), "g": (1e-6, .massDimension),
        "Nm3": (1, .volumeDimension), "m3": (1, .volumeDimension),
        "kJ": (1e-6, .energyDimension), "MJ": (1e-3, .energyDimension), "GJ": (1, .energyDimension),
        "TJ": (1e3, .energyDimension), "kWh": (0.0036, .energyDimension), "MWh": (3.6, .energyDimension),
        "GWh": (3600, .energyDimension),
        // GB/T 2589: 1 kgce = 7,000 kcal(IT) = 29,307.6 kJ low heating value.
        "tce": (29.3076, .energyDimension), "kgce": (0.0293076, .energyDimension),
        "tCO2": (1, .co2Dimension), "kgCO2": (0.001, .co2Dimension), "gCO2": (1e-6, .co2Dimension),
        "tCO2e": (1, .co2Dimension), "kgCO2e": (0.001, .co2Dimension), "gCO2e": (1e-6, .co2Dimension),
        "tC": (1, .carbonDimension), "kgC": (0.001, .carbonDimension),
        "m2": (1, .areaDimension), "ha": (10_000, .areaDimension), "km2": (1_000_000, .areaDimension),
        "亩": (10_000.0 / 15.0, .areaDimension),
        "yr": (1, PhysicalDimension(time: 1)), "a": (1, PhysicalDimension(time: 1)),
        "1": (1, .none),
    ]

    /// All atom spellings, for help texts and documentation.
    public static var knownSymbols: [String] { atoms.keys.sorted() }

    public static let tonne = QuantityUnit(symbol: "t", scale: 1, dimension: .massDimension)
    public static let kilogram = QuantityUnit(symbol: "kg", scale: 0.001, dimension: .massDimension)
    public static let tonneCO2 = QuantityUnit(symbol: "tCO2", scale: 1, dimension: .co2Dimension)
    public static let tonneCarbon = QuantityUnit(symbol: "tC", scale: 1, dimension: .carbonDimension)
    public static let megawattHour = QuantityUnit(symbol: "MWh", scale: 3.6, dimension: .energyDimension)
    public static let kilowattHour = QuantityUnit(symbol: "kWh", scale: 0.0036, dimension: .energyDimension)
    public static let gigajoule = QuantityUnit(symbol: "GJ", scale: 1, dimension: .energyDimension)
    public static let tonneCoalEquivalent = QuantityUnit(symbol: "tce", scale: 29.3076, dimension: .energyDimension)
    public static let squareMetre = QuantityUnit(symbol: "m2", scale: 1, dimension: .areaDimension)
    public static let hectare = QuantityUnit(symbol: "ha", scale: 10_000, dimension: .areaDimension)
    public static let dimensionless = QuantityUnit(symbol: "1", scale: 1, dimension: .none)
    public static let tonneCO2PerHectareYear = QuantityUnit(
        symbol: "tCO2/ha/yr", scale: 1.0 / 10_000, dimension: PhysicalDimension(co2: 1, area: -1, time: -1))
    /// 44/12: tonnes of CO2 per tonne of carbon oxidised (GB/T 32150).
    public static let co2PerCarbon = QuantityUnit(symbol: "tCO2/tC", scale: 1, dimension: PhysicalDimension(co2: 1, carbon: -1))

    /// Reads a unit from text such as `t`, `10^4 Nm3`, `tCO2/MWh`, `GJ/10^4 Nm3`, `tCO2/ha/yr`.
    public static func parse(_ text: String) throws -> QuantityUnit {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw UnitError.unknownUnit(text: text, reason: "the unit is empty", reasonZh: "单位为空") }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        var scale = 1.0
        var dimension = PhysicalDimension.none
        for (index, part) in parts.enumerated() {
            guard !part.isEmpty else { throw UnitError.unknownUnit(text: text, reason: "empty part around '/'", reasonZh: "“/”两侧不能为空") }
            let (partScale, partDimension) = try parseProduct(part, whole: text)
            if index == 0 {
                scale = partScale
                dimension = partDimension
            } else {
                scale /= partScale
                dimension = dimension / partDimension
            }
        }
        return QuantityUnit(symbol: trimmed, scale: scale, dimension: dimension)
    }

    private static func parseProduct(_ text: String, whole: String) throws -> (Double, PhysicalDimension) {
        var scale = 1.0
        var dimension = PhysicalDimension.none
        let factors = text.split(whereSeparator: { $0 == "·" || $0 == "*" }).map { String($0).trimmingSpaces() }
        for factor in factors {
            let (s, d) = try parseScaledAtom(factor, whole: whole)
            scale *= s
            dimension = dimension * d
        }
        return (scale, dimension)
    }

    private static func parseScaledAtom(_ text: String, whole: String) throws -> (Double, PhysicalDimension) {
        var rest = Substring(text)
        var prefix = 1.0
        if rest.hasPrefix("10^") {
            rest = rest.dropFirst(3)
            let digits = rest.prefix(while: { $0 == "-" || $0.isNumber })
            guard let exponent = Int(digits), (-12...12).contains(exponent) else {
                throw UnitError.unknownUnit(text: whole, reason: "a power of ten must look like 10^4",
                                            reasonZh: "10 的幂应写作 10^4 的形式")
            }
            rest = rest.dropFirst(digits.count)
            prefix = pow10(exponent)
            rest = rest.drop(while: { $0 == " " })
        } else if rest.hasPrefix("万") && rest.count > 1 {
            rest = rest.dropFirst()
            prefix = 10_000
        }
        let atom = String(rest)
        guard let (s, d) = atoms[atom] else {
            let known = knownSymbols.joined(separator: ", ")
            throw UnitError.unknownUnit(text: whole, reason: "\"\(atom)\" is not a known unit (known: \(known))",
                                        reasonZh: "“\(atom)”不是已知单位（已知单位：\(knownSymbols.joined(separator: "、"))）")
        }
        return (prefix * s, d)
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    /// Whether a value in this unit can be expressed in `other`.
    public func isCompatible(with other: QuantityUnit) -> Bool { dimension == other.dimension }

    /// Converts `value` from this unit to `other`, refusing a change of dimension.
    public func convert(_ value: Double, to other: QuantityUnit) throws -> Double {
        guard isCompatible(with: other) else {
            throw UnitError.incompatible(from: symbol, to: other.symbol,
                                         fromDimension: dimension.name, toDimension: other.dimension.name)
        }
        return value * scale / other.scale
    }

    public static func * (lhs: QuantityUnit, rhs: QuantityUnit) -> QuantityUnit {
        QuantityUnit(symbol: "\(lhs.symbol)·\(rhs.symbol)", scale: lhs.scale * rhs.scale,
                     dimension: lhs.dimension * rhs.dimension)
    }

    public static func / (lhs: QuantityUnit, rhs: QuantityUnit) -> QuantityUnit {
        let denominator = rhs.symbol.contains("/") || rhs.symbol.contains("·") ? "(\(rhs.symbol))" : rhs.symbol
        return QuantityUnit(symbol: "\(lhs.symbol)/\(denominator)", scale: lhs.scale / rhs.scale,
                            dimension: lhs.dimension / rhs.dimension)
    }
}

extension QuantityUnit: Hashable {
    /// Hashes the dimension only, so that units equal within rounding hash alike.
    public func hash(into hasher: inout Hasher) { hasher.combine(dimension) }

    public static func == (lhs: QuantityUnit, rhs: QuantityUnit) -> Bool {
        lhs.dimension == rhs.dimension && abs(lhs.scale - rhs.scale) <= 1e-12 * max(abs(lhs.scale), abs(rhs.scale))
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
