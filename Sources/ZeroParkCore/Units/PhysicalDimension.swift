/// The physical dimension of a quantity, as integer exponents of ZeroPark's base dimensions.
///
/// CO2 mass and carbon mass are dimensions of their own (not plain mass) so that an emission
/// factor such as `kgCO2/t` can never be mistaken for a dimensionless ratio, and a method that must
/// yield tonnes of CO2 refuses anything else (DESIGN.md "Units are types"; STANDARD.md 1.1.2(b)).
public struct PhysicalDimension: Hashable, Sendable {
    public var mass: Int8 = 0
    public var volume: Int8 = 0
    public var energy: Int8 = 0
    public var co2: Int8 = 0
    public var carbon: Int8 = 0
    public var area: Int8 = 0
    public var time: Int8 = 0

    public init(mass: Int8 = 0, volume: Int8 = 0, energy: Int8 = 0, co2: Int8 = 0,
                carbon: Int8 = 0, area: Int8 = 0, time: Int8 = 0) {
        self.mass = mass
        self.volume = volume
        self.energy = energy
        self.co2 = co2
        self.carbon = carbon
        self.area = area
        self.time = time
    }

    public static let none = PhysicalDimension()
    public static let massDimension = PhysicalDimension(mass: 1)
    public static let volumeDimension = PhysicalDimension(volume: 1)
    public static let energyDimension = PhysicalDimension(energy: 1)
    public static let co2Dimension = PhysicalDimension(co2: 1)
    public static let carbonDimension = PhysicalDimension(carbon: 1)
    public static let areaDimension = PhysicalDimension(area: 1)

    private func combined(_ other: PhysicalDimension, _ op: (Int8, Int8) -> Int8) -> PhysicalDimension {
        PhysicalDimension(mass: op(mass, other.mass), volume: op(volume, other.volume),
                          energy: op(energy, other.energy), co2: op(co2, other.co2),
                          carbon: op(carbon, other.carbon), area: op(area, other.area),
                          time: op(time, other.time))
    }

    public static func * (lhs: PhysicalDimension, rhs: PhysicalDimension) -> PhysicalDimension {
        lhs.combined(rhs, +)
    }

    public static func / (lhs: PhysicalDimension, rhs: PhysicalDimension) -> PhysicalDimension {
        lhs.combined(rhs, -)
    }

    /// A readable name for messages ("mass", "energy", "CO2 mass / energy", ...).
    public var name: String {
        let parts: [(String, Int8)] = [("mass", mass), ("volume", volume), ("energy", energy),
                                       ("CO2 mass", co2), ("carbon mass", carbon), ("area", area), ("time", time)]
        let numerator = parts.filter { $0.1 > 0 }.map { $0.1 == 1 ? $0.0 : "\($0.0)^\($0.1)" }
        let denominator = parts.filter { $0.1 < 0 }.map { $0.1 == -1 ? $0.0 : "\($0.0)^\(-$0.1)" }
        let top = numerator.isEmpty ? (denominator.isEmpty ? "dimensionless" : "1") : numerator.joined(separator: "·")
        return denominator.isEmpty ? top : top + " / " + denominator.joined(separator: " / ")
    }

    /// The same name in Chinese ("质量", "能量", "CO2 质量 / 能量", ...).
    public var nameZh: String {
        let parts: [(String, Int8)] = [("质量", mass), ("体积", volume), ("能量", energy),
                                       ("CO2 质量", co2), ("碳质量", carbon), ("面积", area), ("时间", time)]
        let numerator = parts.filter { $0.1 > 0 }.map { $0.1 == 1 ? $0.0 : "\($0.0)^\($0.1)" }
        let denominator = parts.filter { $0.1 < 0 }.map { $0.1 == -1 ? $0.0 : "\($0.0)^\(-$0.1)" }
        let top = numerator.isEmpty ? (denominator.isEmpty ? "无量纲" : "1") : numerator.joined(separator: "·")
        return denominator.isEmpty ? top : top + " / " + denominator.joined(separator: " / ")
    }

    /// A dimension name written by `name` in Chinese (for messages that kept only the English name).
    public static func chineseName(ofEnglish name: String) -> String {
        var text = name
        for (en, zh) in [("dimensionless", "无量纲"), ("CO2 mass", "CO2 质量"), ("carbon mass", "碳质量"), ("mass", "质量"),
                         ("volume", "体积"), ("energy", "能量"), ("area", "面积"), ("time", "时间")] {
            text = text.replacingOccurrences(of: en, with: zh)
        }
        return text
    }
}
