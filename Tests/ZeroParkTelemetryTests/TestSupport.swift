import Testing
@testable import ZeroParkTelemetry

/// 2024-03-01 CST = day 19783; 00:00 CST = 2024-02-29T16:00:00Z = 1_709_222_400.
let testDay: Int32 = 19_783
let testDayStart: Int64 = 1_709_222_400

func counter(multiplier: Double = 1, modulus: Double? = nil, interval: Int = 15,
             min: Double? = nil, max: Double? = nil) -> MeterSpec {
    MeterSpec(key: "m1", quantity: .electricityImport, readingKind: .cumulative, intervalMinutes: interval,
              multiplier: multiplier, counterModulus: modulus, physicalMin: min, physicalMax: max)
}

/// Readings at testDayStart + slot × 900 s.
func slotReadings(_ pairs: [(slot: Int, value: Double)]) -> [RawReading] {
    pairs.map { RawReading(ts: testDayStart + Int64($0.slot) * 900, value: $0.value) }
}

func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * Swift.max(1, abs(b))
}

/// A small deterministic generator for shuffles inside property bodies (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
