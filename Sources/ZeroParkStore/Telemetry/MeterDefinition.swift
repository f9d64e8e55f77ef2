import ZeroParkCore
import ZeroParkInput
import ZeroParkTelemetry

/// A meter in a park's registry (issue #8 §1; STANDARD.md 1.1.3(b), 1.1.8, 1.1.29): what it measures,
/// how it reads (counter, interval value, instantaneous), its interval, counter range and CT×PT
/// multiplier, the enterprise it belongs to, the emission source or sink it feeds, and its parent in
/// the meter tree (a main meter and its sub-meters).
public struct MeterDefinition: Sendable, Equatable, Codable {
    public var key: String
    public var name: String
    public var quantity: MeterQuantity
    /// The unit of a cleaned value (after the multiplier), e.g. `kWh`, `Nm3`, `t`, `mg/m3`, `°C`.
    public var unit: String
    public var readingKind: ReadingKind
    public var intervalMinutes: Int
    public var multiplier: Double
    public var counterModulus: Double?
    public var physicalMin: Double?
    public var physicalMax: Double?
    public var enterprise: String?
    /// The source or sink key this meter's energy or quantity feeds (STANDARD.md 1.1.2).
    public var feeds: String?
    /// The main meter this one is a sub-meter of.
    public var parent: String?

    public init(key: String, name: String, quantity: MeterQuantity, unit: String, readingKind: ReadingKind,
                intervalMinutes: Int = 15, multiplier: Double = 1, counterModulus: Double? = nil,
                physicalMin: Double? = nil, physicalMax: Double? = nil, enterprise: String? = nil,
                feeds: String? = nil, parent: String? = nil) {
        self.key = key
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

    enum CodingKeys: String, CodingKey {
        case key, name, quantity, unit, enterprise, feeds, parent, multiplier
        case readingKind = "reading_kind", intervalMinutes = "interval_minutes", counterModulus = "counter_modulus"
        case physicalMin = "physical_min", physicalMax = "physical_max"
    }

    /// The cleaner's view of this meter.
    public var spec: MeterSpec {
        MeterSpec(key: key, quantity: quantity, readingKind: readingKind, intervalMinutes: intervalMinutes,
                  multiplier: multiplier, counterModulus: counterModulus, physicalMin: physicalMin, physicalMax: physicalMax)
    }

    /// Intervals a meter may report at: they divide a day.
    public static let intervals = MeterSpec.allowedIntervals
    /// The CT×PT ratio's range.
    public static let multiplierRange = MeterSpec.multiplierRange
    /// A counter's wrap value's range (raw units).
    public static let modulusRange = MeterSpec.modulusRange

    /// Checks every field's text, shape and documented range (the store's backstop, StoreChecks).
    func validated() throws -> MeterDefinition {
        try StoreChecks.key(key, "key")
        try StoreChecks.text(name, "name")
        try StoreChecks.text(unit, "unit")
        guard !unit.isEmpty, unit.count <= 24 else { throw StoreError.invalid(field: "unit", message: "单位须为 1–24 个字符 / give a unit of 1–24 characters") }
        try StoreChecks.key(enterprise, "enterprise")
        try StoreChecks.key(feeds, "feeds")
        try StoreChecks.key(parent, "parent")
        guard Self.intervals.contains(intervalMinutes) else {
            throw StoreError.invalid(field: "interval_minutes", message: "须为 5、15、30 或 60，实际为 \(intervalMinutes) / must be 5, 15, 30 or 60, got \(intervalMinutes)")
        }
        try StoreChecks.number(multiplier, "multiplier", Self.multiplierRange)
        if let counterModulus {
            guard readingKind == .cumulative else {
                throw StoreError.invalid(field: "counter_modulus", message: "只有累计型计数器才有回绕值 / only a cumulative counter wraps")
            }
            try StoreChecks.number(counterModulus, "counter_modulus", Self.modulusRange)
        }
        if let physicalMin { try StoreChecks.number(physicalMin, "physical_min", MeterSpec.physicalRange) }
        if let physicalMax { try StoreChecks.number(physicalMax, "physical_max", MeterSpec.physicalRange) }
        if let physicalMin, let physicalMax, physicalMin >= physicalMax {
            throw StoreError.invalid(field: "physical_max", message: "须大于 physical_min / must be above physical_min")
        }
        if parent == key { throw StoreError.invalid(field: "parent", message: "计量表不能以自己为上级表 / a meter cannot be its own parent") }
        return self
    }
}

/// A meter with its live state, as lists and pages show it.
public struct MeterStatus: Sendable, Equatable {
    public var definition: MeterDefinition
    public var lastReadingTS: Int64?
    public var readings: Int
}
