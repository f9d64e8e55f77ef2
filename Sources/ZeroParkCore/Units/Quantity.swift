/// A number with its unit. Arithmetic keeps the units; conversion and addition refuse a change of
/// dimension with a `UnitError` instead of returning a wrong number (DESIGN.md "Units are types").
public struct Quantity: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public var unit: QuantityUnit

    public init(_ value: Double, _ unit: QuantityUnit) {
        self.value = value
        self.unit = unit
    }

    public var description: String { "\(Quantity.format(value)) \(unit.symbol)" }

    /// This quantity expressed in `target`.
    public func converted(to target: QuantityUnit) throws -> Quantity {
        Quantity(try unit.convert(value, to: target), target)
    }

    /// The value of this quantity in `target`.
    public func value(in target: QuantityUnit) throws -> Double {
        try unit.convert(value, to: target)
    }

    /// The sum, expressed in this quantity's unit; an error when the dimensions differ.
    public func adding(_ other: Quantity) throws -> Quantity {
        Quantity(value + (try other.value(in: unit)), unit)
    }

    /// The value of the product of `factors` in `target`, without building the product's symbol
    /// (the accounting hot path); an error when the product's dimension is not `target`'s.
    public static func product(_ factors: [Quantity], in target: QuantityUnit) throws -> Double {
        var value = 1.0
        var scale = 1.0
        var dimension = PhysicalDimension.none
        for factor in factors {
            value *= factor.value
            scale *= factor.unit.scale
            dimension = dimension * factor.unit.dimension
        }
        guard dimension == target.dimension else {
            let symbol = factors.map(\.unit.symbol).joined(separator: "·")
            throw UnitError.incompatible(from: symbol, to: target.symbol, fromDimension: dimension.name,
                                         toDimension: target.dimension.name)
        }
        return value * scale / target.scale
    }

    public static func * (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(lhs.value * rhs.value, lhs.unit * rhs.unit)
    }

    public static func / (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(lhs.value / rhs.value, lhs.unit / rhs.unit)
    }

    public static func * (lhs: Quantity, rhs: Double) -> Quantity {
        Quantity(lhs.value * rhs, lhs.unit)
    }

    /// Formats a number for formulas and messages: up to 6 significant decimals, no exponent for
    /// everyday magnitudes. Display only; results stay unrounded.
    ///
    /// Total on every Double (issue #6): whole numbers below 1e15 as integers (`42`, `-0.0` → `0`);
    /// other values below 1e15 in Swift's shortest round-trip form, cut to 6 decimals; values the
    /// shortest form writes with an exponent keep it (`1e+17`, `1.7e+308`, `5e-324`), so the text
    /// still parses back with `Double(_:)`; NaN and ±infinity read "—".
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded() && abs(value) < 1e15 {
            return String(Int64(value))
        }
        var text = String(value)
        if text.contains("e") { return text }
        if abs(value) < 1e15, let dot = text.firstIndex(of: ".") {
            let decimals = text[text.index(after: dot)...]
            if decimals.count > 6 {
                // |value| < 1e15, so the scaled value (< 1e21) cannot overflow.
                let rounded = (value * 1_000_000).rounded() / 1_000_000
                text = String(rounded)
            }
        }
        return text
    }
}
