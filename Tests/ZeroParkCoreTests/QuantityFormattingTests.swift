import PropertyBased
import Testing
@testable import ZeroParkCore

/// Issue #6, "Numbers have domains": `Quantity.format` and `Quantity.description` take every
/// Double without trapping or overflowing, never show "inf"/"nan", and still parse back.
struct QuantityFormattingTests {
    @Test("format at the extremes", arguments: [
        // Whole numbers below 1e15 print as integers; -0.0 is Int64 0 → "0".
        (42.0, "42"), (-0.0, "0"), (999_999_999_999_999.0, "999999999999999"), (-999_999_999_999_999.0, "-999999999999999"),
        // 1e15 is whole but not below 1e15: Swift's shortest form, which has no exponent below 2^53.
        (1e15, "1000000000000000.0"),
        // 1e15.nextDown = 999,999,999,999,999.875, shortest round-trip text "…999.9" (one decimal, kept).
        (1e15.nextDown, "999999999999999.9"),
        // From 2^53 on Swift writes an exponent, which is kept: the text parses back to the same Double.
        (1e17, "1e+17"), (9.3e18, "9.3e+18"), (1.7e308, "1.7e+308"), (-1.7e308, "-1.7e+308"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        // Subnormals and small values: the exponent form, no rounding to 0.
        (Double.leastNonzeroMagnitude, "5e-324"), (-Double.leastNonzeroMagnitude, "-5e-324"),
        (Double.leastNormalMagnitude, "2.2250738585072014e-308"), (-2.5e-7, "-2.5e-07"),
        // More than 6 decimals are cut: 1234.56789012 × 10^6 = 1,234,567,890.12 → 1,234,567,890 → 1234.56789.
        (1234.56789012, "1234.56789"), (0.1234567, "0.123457"),
        // Non-finite values are not numbers to show.
        (Double.nan, "—"), (Double.infinity, "—"), (-Double.infinity, "—"),
    ])
    func format(value: Double, expected: String) {
        #expect(Quantity.format(value) == expected)
    }

    @Test("description = format + unit symbol, also at the extremes")
    func description() {
        // (1.7e308 × 1_000_000) would be inf: the rounding step is never reached for such values.
        #expect(Quantity(1.7e308, .tonne).description == "1.7e+308 t")
        #expect(Quantity(1e17, .kilowattHour).description == "1e+17 kWh")
        #expect(Quantity(-Double.greatestFiniteMagnitude, .tonneCO2).description == "-1.7976931348623157e+308 tCO2")
        #expect(Quantity(.nan, .tonne).description == "— t")
        #expect(Quantity(.infinity, .gigajoule).description == "— GJ")
        #expect(Quantity(-0.0, .squareMetre).description == "0 m2")
    }

    @Test("property: format is total, never inf/nan, and parses back within its 6 decimals")
    func formatTotal() async {
        await propertyCheck(count: 3000, input: anyDouble) { value in
            let text = Quantity.format(value)
            let description = Quantity(value, .tonneCO2).description
            #expect(description == text + " tCO2")
            let lower = text.lowercased()
            #expect(!lower.contains("inf") && !lower.contains("nan"), "\(value) → \(text)")
            guard value.isFinite else {
                #expect(text == "—", "\(value) → \(text)")
                return
            }
            let parsed = Double(text)
            #expect(parsed != nil, "\(value) → \(text)")
            guard let parsed else { return }
            // Exact unless cut to 6 decimals: then within half a millionth, plus the rounding of
            // value × 10^6 and of the division back (each ≤ half an ulp of value, relatively).
            #expect(abs(parsed - value) <= 5e-7 + 4 * value.magnitude * Double.ulpOfOne, "\(value) → \(text)")
            func decimals(_ text: String) -> Int {
                text.split(separator: "e").first?.split(separator: ".").dropFirst().first?.count ?? 0
            }
            #expect(decimals(text) <= 6 || text.contains("e"), "\(value) → \(text)")
            let shortest = String(value)
            if shortest.contains("e") || decimals(shortest) <= 6 {
                // Not cut: the shortest round-trip form or an exact integer, so exactly the value.
                #expect(parsed == value, "\(value) → \(text)")
            }
        }
    }

    /// Doubles across the whole exponent range: raw bit patterns (every exponent equally likely,
    /// NaN and ±infinity included), everyday magnitudes, and the named special values.
    var anyDouble: Generator<Double, AnySequence<(index: Int, value: Any)>> {
        let specials: [Double] = [0, -0.0, .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                  1.7e308, 1e17, 9.3e18, 1e15, 1e15.nextUp, 1e15.nextDown, .leastNonzeroMagnitude,
                                  -.leastNonzeroMagnitude, .leastNormalMagnitude, 9_223_372_036_854_775_807]
        return Gen<Double>.frequency(
            (1, Gen.int(in: 0...(specials.count - 1)).map { specials[$0] }),
            (3, Gen.uint64().map { Double(bitPattern: $0) }),
            (2, zip(Gen.double(in: -10...10), Gen.int(in: -12...20)).map { m, e in
                var scale = 1.0
                for _ in 0..<abs(e) { scale *= 10 }
                return e < 0 ? m / scale : m * scale
            }))
    }
}
