import Foundation
import PropertyBased
import Testing
@testable import ZeroParkReports

/// `FixedText.fixed` writes what `String(format: "%.Nf")` writes: random values of every magnitude,
/// exact ties (where printf rounds the binary value half to even), values just beside ties, signed
/// zeros, and values the fast path hands to the formatter (≥ 1e9, NaN, infinity).
struct FixedTextTests {
    func printf(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    @Test("random values of every magnitude, 0…3 decimals")
    func random() async {
        let values = Gen.oneOf(Gen.double(in: -1...1), Gen.double(in: -1_000...1_000), Gen.double(in: -1e10...1e10),
                               Gen.int(in: -1_000_000...1_000_000).map { Double($0) / 100 })
        await propertyCheck(count: 3_000, input: values, Gen.int(in: 0...3)) { value, decimals in
            #expect(FixedText.fixed(value, decimals: decimals) == printf(value, decimals), "\(value) at \(decimals)")
        }
    }

    @Test("ties and their neighbours, signed zeros, non-finite values")
    func edges() {
        // 0.25 is exact in binary: printf rounds the tie to even, "0.2"; 0.35 is 0.34999999999999997779…: "0.3".
        #expect(FixedText.fixed(0.25, decimals: 1) == "0.2")
        #expect(FixedText.fixed(0.35, decimals: 1) == "0.3")
        #expect(FixedText.fixed(-0.04, decimals: 1) == "-0.0")
        #expect(FixedText.fixed(118, decimals: 0) == "118")
        for whole in -300...300 {
            for decimals in 0...3 {
                var scale = 1.0
                for _ in 0..<decimals { scale *= 10 }
                for value in [(Double(whole) + 0.5) / scale, (Double(whole) + 0.5) / scale + 1e-12, (Double(whole) + 0.5) / scale - 1e-12,
                              Double(whole) / scale, Double(whole) / 7] {
                    #expect(FixedText.fixed(value, decimals: decimals) == printf(value, decimals), "\(value) at \(decimals)")
                }
            }
        }
        for value in [0.0, -0.0, 1e9, -1e9, 123_456_789_012.25, .nan, .infinity, -.infinity, .leastNonzeroMagnitude] {
            #expect(FixedText.fixed(value, decimals: 1) == printf(value, 1), "\(value)")
        }
    }

    @Test("zero padding as %0Nd")
    func padding() {
        for value in [0, 5, 9, 10, 99, 100, 2026, 12345, -5] {
            for width in 1...4 {
                #expect(FixedText.pad(value, width) == String(format: "%0\(width)d", value), "\(value) to \(width)")
            }
        }
    }
}
