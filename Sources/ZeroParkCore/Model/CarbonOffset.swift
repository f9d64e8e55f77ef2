/// Kinds of offsets a park may deduct (STANDARD.md 1.1.4(b), 1.1.7, 1.1.34).
public enum OffsetType: String, CaseIterable, Sendable, Codable {
    /// China Certified Emission Reduction (national voluntary credits), 1.1.7.
    case ccer = "CCER"
    /// Guangdong carbon-inclusive certified reduction (碳普惠), 1.1.7.
    case phcer = "PHCER"
    /// An external reduction project the park funds or supplies technology to, 1.1.4(b).
    case fundedProject = "funded_project"
    /// The park's own reduction project, 1.1.34.
    case ownProject = "own_project"
    /// A reduction project the park co-develops, 1.1.34.
    case coDevelopedProject = "co_developed_project"

    /// Credits are counted only once retired; projects only with a ≥ 3-year commitment.
    public var isCredit: Bool { self == .ccer || self == .phcer }
}

/// An offset claimed against the park's emissions: a quantity of tCO2 with its vintage, registry
/// reference, retirement and (for projects) operating commitment.
public struct CarbonOffset: Hashable, Sendable {
    public var id: String
    public var name: String
    public var type: OffsetType
    public var quantity: Quantity
    public var vintage: Int?
    /// Developed locally (in the park's province), preferred by 1.1.7.
    public var local: Bool
    /// The date the credits were retired (cancelled) in their registry; nil: not retired.
    public var retired: CalendarDate?
    public var registryRef: String?
    /// Years the park commits to run the project (1.1.34 asks for at least 3).
    public var commitmentYears: Int?
    public var verification: String?
    public var locations: FieldLocations

    public init(id: String, name: String, type: OffsetType, quantity: Quantity, vintage: Int? = nil,
                local: Bool = false, retired: CalendarDate? = nil, registryRef: String? = nil,
                commitmentYears: Int? = nil, verification: String? = nil, locations: FieldLocations = .init()) {
        self.id = id
        self.name = name
        self.type = type
        self.quantity = quantity
        self.vintage = vintage
        self.local = local
        self.retired = retired
        self.registryRef = registryRef
        self.commitmentYears = commitmentYears
        self.verification = verification
        self.locations = locations
    }
}
