import Foundation
import ZeroParkCore

/// The grammar of unit text as `QuantityUnit.parse` reads it, as one regular expression (ECMA-262
/// and ICU agree on it), so the request schema publishes exactly the units the server accepts:
/// `/`-separated parts, each a `·`- or `*`-separated product of atoms, each atom optionally
/// prefixed by `10^N` (|N| ≤ 12) or `万`.
enum UnitGrammar {
    static func alternatives(_ symbols: [String]) -> String {
        // Longest first, so that `tCO2e` is not read as `tCO2` followed by junk.
        "(" + symbols.sorted { ($0.count, $0) > ($1.count, $1) }.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")"
    }

    static let prefix = "(10\\^-?(1[0-2]|[0-9]) *|万)?"

    static func product(_ atom: String) -> String {
        let factor = prefix + atom
        return factor + "( *[·*] *" + factor + ")*"
    }

    /// Any unit ZeroPark reads.
    static let pattern: String = {
        let any = product(alternatives(QuantityUnit.knownSymbols))
        return "^ *" + any + "( */ *" + any + ")* *$"
    }()

    /// A mass of CO2 (one atom, optionally prefixed).
    static let co2MassPattern: String = {
        let co2 = QuantityUnit.knownSymbols.filter { (try? QuantityUnit.parse($0))?.dimension == QuantityUnit.tonneCO2.dimension }
        return "^ *" + prefix + alternatives(co2) + " *$"
    }()

    static let unit = try? NSRegularExpression(pattern: pattern)
    static let co2Mass = try? NSRegularExpression(pattern: co2MassPattern)

    static func matches(_ text: String, _ expression: NSRegularExpression?) -> Bool {
        guard let expression else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
