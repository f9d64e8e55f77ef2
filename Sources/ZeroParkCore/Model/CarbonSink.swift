/// A carbon sink inside the boundary (STANDARD.md 1.1.4(a)): greenery (1.1.27) or CCUS (1.1.26, 1.1.28).
public struct CarbonSink: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Green area × annual sequestration rate, pro-rated to the period.
        case greenery(areaM2: Double, rate: Quantity)
        /// Verified captured tonnes of CO2 (GB/T 33760).
        case ccus(captured: Quantity, verification: String?)

        public var key: String {
            switch self {
            case .greenery: return "greenery"
            case .ccus: return "ccus"
            }
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var source: String?
    public var locations: FieldLocations

    public init(id: String, name: String, kind: Kind, source: String?, locations: FieldLocations = .init()) {
        self.id = id
        self.name = name
        self.kind = kind
        self.source = source
        self.locations = locations
    }
}
