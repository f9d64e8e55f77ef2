@testable import ZeroParkTariff

/// A date known valid in tests.
func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(known: y, m, d) }

/// |a − b| ≤ 1e-9 × max(1, |b|).
func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

/// Deterministic 64-bit LCG for property tests (Knuth's MMIX constants).
struct LCG {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// Minutes per period in a day profile.
func counts(_ periods: [TariffPeriod]) -> [TariffPeriod: Int] {
    periods.reduce(into: [:]) { $0[$1, default: 0] += 1 }
}
