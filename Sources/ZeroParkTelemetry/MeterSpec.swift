/// What a meter measures. Raw values are the wire names used by the store and the readings payloads.
///
/// Serves STANDARD.md 1.1.29 (whole-chain energy monitoring: purchase, conversion, end use) and 1.1.40
/// (pollutant-discharge monitoring points).
public enum MeterQuantity: String, Sendable, Hashable, Codable, CaseIterable {
    case electricityImport = "electricity_import"
    case electricityExport = "electricity_export"
    case pvGeneration = "pv_generation"
    case storageCharge = "storage_charge"
    case storageDischarge = "storage_discharge"
    case evCharging = "ev_charging"
    case naturalGas = "natural_gas"
    case water
    case heat
    case steam
    case fuel
    case compressedAir = "compressed_air"
    case pollutantConcentration = "pollutant_concentration"
    case temperature
    case power
    case other

    /// Whether a value of this quantity can legitimately be negative (temperature, net power, other).
    /// For the rest a negative interval value is implausible even without a configured `physicalMin`.
    public var allowsNegative: Bool {
        switch self {
        case .temperature, .power, .other: true
        default: false
        }
    }
}

/// How a meter reports: a counter, a value per interval, or an instantaneous sample.
///
/// Serves STANDARD.md 1.1.29 (metering per national energy-review rules: counters are stored raw and
/// interval energy is derived with the method recorded).
public enum ReadingKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A register that only increases (kWh, m³), wrapping at `counterModulus` or reset on replacement.
    case cumulative
    /// A value per interval; `ts` is the interval start, on the grid.
    case interval
    /// A sample at an instant (power, temperature, concentration).
    case instantaneous
}

/// Description of one meter: what it measures, how it reports, and the numbers the cleaner needs.
///
/// Serves STANDARD.md 1.1.29 and 1.1.32 (accurate, traceable metering: CT×PT multiplier and register
/// modulus are part of the meter's record, not guessed).
public struct MeterSpec: Sendable, Hashable, Codable {
    /// Intervals a meter may report at (minutes): they divide a day.
    public static let allowedIntervals: Set<Int> = [5, 15, 30, 60]
    /// The CT×PT ratio's documented range.
    public static let multiplierRange: ClosedRange<Double> = 1e-6...1e6
    /// A counter's wrap value's documented range (raw units).
    public static let modulusRange: ClosedRange<Double> = 1...1e12
    /// A plausible-range bound's documented range.
    public static let physicalRange: ClosedRange<Double> = -1e12...1e12

    public var key: String
    public var quantity: MeterQuantity
    public var readingKind: ReadingKind
    /// 5, 15 (default), 30 or 60.
    public var intervalMinutes: Int
    /// CT×PT ratio; cleaned values = raw delta × multiplier.
    public var multiplier: Double
    /// Cumulative only: the value at which the counter wraps to 0 (DL/T 645: 1_000_000 for 999,999.99 kWh).
    public var counterModulus: Double?
    /// Plausible range of a cleaned interval value (after multiplier) or, for instantaneous, of a reading.
    public var physicalMin: Double?
    public var physicalMax: Double?

    public init(key: String, quantity: MeterQuantity, readingKind: ReadingKind, intervalMinutes: Int = 15,
                multiplier: Double = 1, counterModulus: Double? = nil,
                physicalMin: Double? = nil, physicalMax: Double? = nil) {
        self.key = key
        self.quantity = quantity
        self.readingKind = readingKind
        self.intervalMinutes = intervalMinutes
        self.multiplier = multiplier
        self.counterModulus = counterModulus
        self.physicalMin = physicalMin
        self.physicalMax = physicalMax
    }

    /// Slots per day (96 at 15 minutes), or nil for an unsupported interval.
    public var slotsPerDay: Int? { TelemetryCalendar.slots(intervalMinutes: intervalMinutes) }

    /// Checks the spec; `MeterCleaner.clean` gives no days for an invalid interval and all-missing days
    /// for any other invalid field, so callers validate when a meter is created.
    public func validate() throws(TelemetryError) {
        if key.isEmpty { throw .emptyKey }
        guard slotsPerDay != nil else { throw .invalidInterval(minutes: intervalMinutes) }
        guard multiplier.isFinite, multiplier > 0 else { throw .invalidMultiplier(multiplier) }
        if let m = counterModulus, !(m.isFinite && m > 0 && readingKind == .cumulative) {
            throw .invalidCounterModulus(m)
        }
        let lo = physicalMin, hi = physicalMax
        if let l = lo, !l.isFinite { throw .invalidPhysicalRange(min: lo, max: hi) }
        if let h = hi, !h.isFinite { throw .invalidPhysicalRange(min: lo, max: hi) }
        if let l = lo, let h = hi, l > h { throw .invalidPhysicalRange(min: lo, max: hi) }
    }
}

/// One raw reading: UTC seconds and the value as the meter reported it (before the multiplier).
///
/// Serves STANDARD.md 1.1.33 (raw monitoring data retained as collected).
public struct RawReading: Sendable, Hashable, Codable {
    public var ts: Int64
    public var value: Double
    public init(ts: Int64, value: Double) {
        self.ts = ts
        self.value = value
    }
}
