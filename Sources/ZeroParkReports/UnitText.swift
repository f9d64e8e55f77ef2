/// Units as a person reads them (issue #12 defect 5): the accounting keeps its unit symbols
/// (`10^4 Nm3`, `tCO2/ha/yr`), which pages, tables and reports show the way a Chinese (or English)
/// reader writes them — `万Nm³`, `tCO2/(公顷·年)`. Display only: files, JSON and CSV keep the symbols.
public enum UnitText {
    public static func display(_ symbol: String, chinese: Bool) -> String {
        var text = symbol
        let prefixes: [(String, String, String)] = [("10^4 ", "万", "10⁴ "), ("10^3 ", "千", "10³ "), ("10^8 ", "亿", "10⁸ ")]
        for (raw, zh, en) in prefixes where text.hasPrefix(raw) {
            text = (chinese ? zh : en) + text.dropFirst(raw.count)
        }
        if chinese {
            text = text.replacingOccurrences(of: "/ha/yr", with: "/(公顷·年)").replacingOccurrences(of: "/yr", with: "/年")
        }
        // Exponents of metres, after the per-area and per-year words.
        for (raw, pretty) in [("m3", "m³"), ("m2", "m²")] {
            text = text.replacingOccurrences(of: raw, with: pretty)
        }
        return text
    }
}
