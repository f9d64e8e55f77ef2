/// A factor as used in one result line: its value and unit, its citation, where it came from
/// (library or park file), which vintage was used and whether it overrides a default
/// (STANDARD.md 1.1.2(b), 1.1.2(e)).
public struct FactorUse: Hashable, Sendable {
    public enum Origin: String, Sendable, Codable {
        case library, park
    }

    public let id: String
    public let quantity: Quantity
    /// The citation text (library) or the `source` the park gave.
    public let source: String
    public let vintage: Int?
    public let origin: Origin
    /// True when a park value replaces a built-in one: a park factor with a library id, or an
    /// explicit factor/fuel on a source where the method has a built-in default.
    public let overridden: Bool
    public let note: String?

    public init(id: String, quantity: Quantity, source: String, vintage: Int?, origin: Origin,
                overridden: Bool, note: String? = nil) {
        self.id = id
        self.quantity = quantity
        self.source = source
        self.vintage = vintage
        self.origin = origin
        self.overridden = overridden
        self.note = note
    }

    public var value: Double { quantity.value }
    public var unit: QuantityUnit { quantity.unit }

    func markedOverridden() -> FactorUse {
        FactorUse(id: id, quantity: quantity, source: source, vintage: vintage, origin: origin, overridden: true, note: note)
    }
}
