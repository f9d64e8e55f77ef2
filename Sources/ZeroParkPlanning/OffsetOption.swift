/// Credits the park can buy for what remains after reduction and absorption (STANDARD.md 1.1.7):
/// CCER, PHCER or similar, locally developed projects preferred. Price and yearly availability are the
/// user's (the reference sheet gives only a commentary indication for CCER, 60–80 CNY/t in 2025,
/// china-reference-data.md §7, which ZeroPark does not ship as a default).
public struct OffsetOption: Sendable, Hashable {
    public var id: String
    public var name: String
    public var type: CreditType
    /// A project developed in the park's own province or city (PHCER for a Guangdong park, a local CCER).
    public var local: Bool
    public var priceCNYPerTonne: Double
    /// Tonnes a year that can be bought; nil when not limited.
    public var availableTonnesPerYear: Double?
    public var basis: String?

    public init(id: String, name: String, type: CreditType, local: Bool, priceCNYPerTonne: Double,
                availableTonnesPerYear: Double?, basis: String? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.local = local
        self.priceCNYPerTonne = priceCNYPerTonne
        self.availableTonnesPerYear = availableTonnesPerYear
        self.basis = basis
    }

    public enum CreditType: String, Sendable, Hashable, CaseIterable {
        case ccer, phcer, other
    }

    /// The buying order of 1.1.7: local projects first, then the others; within each, the cheaper first
    /// (then by id, so the order is total).
    public static func purchaseOrder(_ options: [OffsetOption]) -> [OffsetOption] {
        options.sorted { a, b in
            if a.local != b.local { return a.local }
            if a.priceCNYPerTonne != b.priceCNYPerTonne { return a.priceCNYPerTonne < b.priceCNYPerTonne }
            return a.id < b.id
        }
    }
}
