/// The marginal abatement cost curve (issue #10 item 3; STANDARD.md 1.1.3(c) "economics"): one bar per
/// measure, as wide as its tonnes a year and as high as its cost per tonne, cheapest first, negative
/// costs (measures that pay for themselves) below the zero line. Measures without a cost are left out
/// by the caller (they have no height). Axis labels name both units.
extension SVGChart {
    public struct MACBar: Sendable {
        public let label: String
        public let tonnes: Double
        public let cnyPerTonne: Double

        public init(_ label: String, tonnes: Double, cnyPerTonne: Double) {
            self.label = label
            self.tonnes = tonnes
            self.cnyPerTonne = cnyPerTonne
        }
    }

    public static func macCurve(_ bars: [MACBar], title: String, tonnesAxis: String, costAxis: String,
                                width: Int = 640, height: Int = 260) -> String {
        let usable = bars.filter { $0.tonnes.isFinite && $0.tonnes > 0 && $0.cnyPerTonne.isFinite }
            .sorted { $0.cnyPerTonne < $1.cnyPerTonne }
        var svg = open(width, height, title: title)
        let left = 64.0, right = 12.0, top = 12.0, bottom = 44.0
        let plotWidth = Double(width) - left - right, plotHeight = Double(height) - top - bottom
        let total = usable.reduce(0) { $0 + $1.tonnes }
        let high = max(0, usable.map(\.cnyPerTonne).max() ?? 0), low = min(0, usable.map(\.cnyPerTonne).min() ?? 0)
        guard total > 0, high > low else {
            svg += "<text x=\"\(n(left))\" y=\"\(n(top + plotHeight / 2))\" font-size=\"13\" fill=\"#666\">—</text>"
            return svg + "</svg>"
        }
        let span = high - low
        func y(_ value: Double) -> Double { top + (high - value) / span * plotHeight }
        let zero = y(0)
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(zero))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(zero))\" stroke=\"#333\"/>"
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotHeight))\" stroke=\"#999\"/>"
        for value in Set([high, 0, low]).sorted(by: >) {
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(value) + 4))\" text-anchor=\"end\" font-size=\"11\">\(escape(compact(value)))</text>"
        }
        var x = left
        for (index, bar) in usable.enumerated() {
            let w = bar.tonnes / total * plotWidth
            let top = min(y(bar.cnyPerTonne), zero), h = abs(y(bar.cnyPerTonne) - zero)
            svg += "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(max(w - 1, 0.5)))\" height=\"\(n(max(h, 0.5)))\" fill=\"\(color(index))\">"
                + "<title>\(escape(bar.label)): \(escape(compact(bar.cnyPerTonne))) \(escape(costAxis)) · \(escape(compact(bar.tonnes))) \(escape(tonnesAxis))</title></rect>"
            x += w
        }
        svg += "<text x=\"\(n(left + plotWidth))\" y=\"\(height - 8)\" text-anchor=\"end\" font-size=\"11\">\(escape(compact(total))) \(escape(tonnesAxis))</text>"
        svg += "<text x=\"\(n(left))\" y=\"\(height - 8)\" font-size=\"11\">0</text>"
        svg += "<text x=\"4\" y=\"\(n(top + 10))\" font-size=\"11\">\(escape(costAxis))</text>"
        return svg + "</svg>"
    }
}
