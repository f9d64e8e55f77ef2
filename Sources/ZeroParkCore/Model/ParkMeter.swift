/// A meter declared in a park file (issue #8 §1; STANDARD.md 1.1.3(b), 1.1.8, 1.1.29): its id, what
/// it measures and how it reads, its interval, CT×PT multiplier, counter range and plausible range,
/// the enterprise it belongs to, the source or sink it feeds and its parent meter. The quantity and
/// reading kind are kept as their park-file words (`electricity_import`, `cumulative`, …); the park
/// file reader has checked them, and the store turns them into its meter registry.
public struct ParkMeter: Hashable, Sendable {
    public var id: String
    public var name: String
    public var quantity: String
    public var unit: String
    public var readingKind: String
    public var intervalMinutes: Int
    public var multiplier: Double
    public var counterModulus: Double?
    public var physicalMin: Double?
    public var physicalMax: Double?
    public var enterprise: String?
    public var feeds: String?
    public var parent: String?

    public init(id: String, name: String, quantity: String, unit: String, readingKind: String, intervalMinutes: Int = 15,
                multiplier: Double = 1, counterModulus: Double? = nil, physicalMin: Double? = nil, physicalMax: Double? = nil,
                enterprise: String? = nil, feeds: String? = nil, parent: String? = nil) {
        self.id = id
        self.name = name
        self.quantity = quantity
        self.unit = unit
        self.readingKind = readingKind
        self.intervalMinutes = intervalMinutes
        self.multiplier = multiplier
        self.counterModulus = counterModulus
        self.physicalMin = physicalMin
        self.physicalMax = physicalMax
        self.enterprise = enterprise
        self.feeds = feeds
        self.parent = parent
    }
}
