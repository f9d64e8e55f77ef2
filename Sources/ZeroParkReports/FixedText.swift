import Foundation

/// `String(format: "%.Nf", value)` without Foundation's formatter (issue #8, bench-server: the
/// meter page's charts spent a third of their time in it). The same text for every value: the
/// correctly rounded decimal of the Double, with a tie (which needs the exact binary value to
/// decide) left to the formatter. `FixedTextTests` compares the two on random and tie values.
public enum FixedText {
    /// `value` with `decimals` (0…6) digits after the point, exactly as `%.{decimals}f` writes it.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let decimals = min(max(decimals, 0), 6)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value * scale
        // Below 1e9 the product is within 1.2e-7 of the exact value × 10^decimals, so away from a tie both
        // round to the same integer. Larger values, NaN and infinity go to the formatter.
        guard scaled.isFinite, scaled.magnitude < 1e9 else { return formatted(value, decimals) }
        let rounded = scaled.rounded()
        // Near a tie the product's own rounding may decide differently from the exact value: defer.
        guard ((scaled - scaled.rounded(.down)) - 0.5).magnitude > 1e-6 else { return formatted(value, decimals) }
        var digits = Array(String(Int64(rounded.magnitude)).utf8)
        if decimals > 0 {
            if digits.count <= decimals { digits.insert(contentsOf: repeatElement(UInt8(48), count: decimals + 1 - digits.count), at: 0) }
            digits.insert(46, at: digits.count - decimals)
        }
        // printf keeps the sign of a negative value that rounds to zero ("-0.0").
        if value.sign == .minus { digits.insert(45, at: 0) }
        return String(decoding: digits, as: UTF8.self)
    }

    /// Zero-padded decimal of an integer (`pad(7, 2)` = "07", `pad(-5, 3)` = "-05"), as `%0Nd` writes it.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let zeros = width - sign.utf8.count - digits.utf8.count
        return zeros > 0 ? sign + String(repeating: "0", count: zeros) + digits : sign + digits
    }

    static func formatted(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
