import Foundation

/// Server-side SVG charts — line, bar, stacked bar, donut and waterfall — drawn from plain values
/// so the same charts serve the web dashboard and, later, the PDF report (STANDARD.md 1.1.31:
/// charts of each emission/sequestration link's share and trend). No JavaScript, no fonts to load.
public enum SVGChart {
    /// One labelled value.
    public struct Item: Sendable {
        public let label: String
        public let value: Double
        public init(_ label: String, _ value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// One series of a stacked bar chart.
    public struct Series: Sendable {
        public let name: String
        public let values: [Double]
        public init(_ name: String, _ values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public static let palette = ["#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#c62828", "#558b2f", "#4e342e", "#37474f"]

    static func color(_ index: Int) -> String { palette[index % palette.count] }

    /// Escapes text for SVG/XML content and attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate or length for an attribute, one decimal. The charts keep their geometry finite
    /// and inside the view box; this is the last line of defence: never "nan" or "inf" (0 instead),
    /// never hundreds of digits (clamped to ±1e9), never "-0.0".
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let text = FixedText.fixed(min(max(value, -1e9), 1e9), decimals: 1)
        return text == "-0.0" ? "0.0" : text
    }

    /// A value a chart draws: finite and positive, else 0 (NaN and ±infinity draw nothing).
    static func drawable(_ value: Double) -> Double { value.isFinite && value > 0 ? value : 0 }

    /// The scale in which a chart adds up to `count` values no larger than `peak` in magnitude: 1 —
    /// plain sums, as ever — unless such a sum could overflow (1e308 + 1e308 = inf), then `peak`
    /// itself, which keeps every sum within ±`count`.
    static func sumScale(peak: Double, count: Int) -> Double {
        guard peak.isFinite, peak > 0 else { return 1 }
        return peak * Double(count + 1) < 1e300 ? 1 : peak
    }

    /// `compact(amount × scale)`, also when that product overflows a Double.
    static func compact(_ amount: Double, times scale: Double) -> String {
        let product = amount * scale
        if product.isFinite || !amount.isFinite || !scale.isFinite { return compact(product) }
        return NumberText.scientific(amount * (scale / 1e10), timesPowerOfTen: 10)
    }

    /// Whether chart numbers use the Chinese large-number units 万 (10⁴) and 亿 (10⁸) instead of k and M:
    /// set for the whole of a request to a Chinese page by the web layer (issue #12, "Chinese number
    /// formatting where Chinese readers expect it"); off elsewhere.
    @TaskLocal public static var chineseNumbers = false

    /// Axis label text: 12,345 → 12.3k (or 1.2万 on a Chinese page), 1.2M (or 120.0万, 1.2亿). From 1e15 on
    /// the scientific form of `NumberText.grouped` (`1.00×10^17`); NaN and ±infinity read "—".
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = abs(value)
        if magnitude >= NumberText.scientificThreshold { return NumberText.grouped(value) }
        if chineseNumbers, magnitude >= 10_000 {
            return magnitude >= 100_000_000 ? FixedText.fixed(value / 100_000_000, decimals: 1) + "亿"
                : FixedText.fixed(value / 10_000, decimals: 1) + "万"
        }
        if magnitude >= 1_000_000 { return FixedText.fixed(value / 1_000_000, decimals: 1) + "M" }
        if magnitude >= 10_000 { return FixedText.fixed(value / 1_000, decimals: 1) + "k" }
        if magnitude >= 100 { return FixedText.fixed(value, decimals: 0) }
        let text = FixedText.fixed(value, decimals: 1)
        return text == "-0.0" ? "0.0" : text
    }

    static func open(_ width: Int, _ height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(title))\" class=\"chart\"><title>\(escape(title))</title>"
    }

    /// Horizontal bars, largest first as given, with values at the bar ends.
    public static func bar(_ items: [Item], title: String, unit: String, width: Int = 560) -> String {
        let rowHeight = 26, labelWidth = 150
        let height = max(1, items.count) * rowHeight + 10
        let maxValue = max(items.map { drawable($0.value) }.max() ?? 0, 1e-12)
        var svg = open(width, height, title: title)
        for (index, item) in items.enumerated() {
            let y = 5 + index * rowHeight
            // The ratio first: 320 × 1e308 would overflow before the division.
            let barWidth = Double(width - labelWidth - 90) * (drawable(item.value) / maxValue)
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 17)\" text-anchor=\"end\" font-size=\"13\">\(escape(item.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(n(barWidth))\" height=\"\(rowHeight - 8)\" fill=\"\(color(index))\" rx=\"2\"><title>\(escape(item.label)): \(escape(compact(item.value))) \(escape(unit))</title></rect>"
            svg += "<text x=\"\(n(Double(labelWidth) + barWidth + 6))\" y=\"\(y + 17)\" font-size=\"12\" fill=\"#333\">\(escape(compact(item.value)))</text>"
        }
        return svg + "</svg>"
    }

    /// A donut of shares with a legend; zero, negative and non-finite items are left out.
    public static func donut(_ items: [Item], title: String, width: Int = 420) -> String {
        let positive = items.filter { drawable($0.value) > 0 }
        let scale = sumScale(peak: positive.map(\.value).max() ?? 0, count: positive.count)
        let total = positive.reduce(0) { $0 + $1.value / scale }
        let height = max(200, positive.count * 22 + 20)
        let cx = 100.0, cy = Double(height) / 2, r = 80.0, inner = 48.0
        var svg = open(width, height, title: title)
        if total <= 0 {
            svg += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"#eee\"/>"
            return svg + "</svg>"
        }
        var angle = -Double.pi / 2
        for (index, item) in positive.enumerated() {
            let share = (item.value / scale) / total
            let sweep = share * 2 * Double.pi
            // Each ring edge is drawn as two arcs through the slice's middle angle, each at most half a
            // turn: a slice of (nearly) the whole ring would otherwise be one arc whose two ends round to
            // the same point, which SVG draws as nothing (issue #12 defect 3).
            let middle = angle + sweep / 2, end = angle + sweep
            func point(_ radius: Double, _ at: Double) -> String { "\(n(cx + radius * cos(at))),\(n(cy + radius * sin(at)))" }
            let path = "M\(point(r, angle)) A\(n(r)),\(n(r)) 0 0 1 \(point(r, middle)) A\(n(r)),\(n(r)) 0 0 1 \(point(r, end)) "
                + "L\(point(inner, end)) A\(n(inner)),\(n(inner)) 0 0 0 \(point(inner, middle)) A\(n(inner)),\(n(inner)) 0 0 0 \(point(inner, angle)) Z"
            svg += "<path d=\"\(path)\" fill=\"\(color(index))\"><title>\(escape(item.label)): \(FixedText.fixed(share * 100, decimals: 1))%</title></path>"
            let ly = 20 + index * 22
            svg += "<rect x=\"205\" y=\"\(ly)\" width=\"12\" height=\"12\" fill=\"\(color(index))\"/>"
            svg += "<text x=\"223\" y=\"\(ly + 11)\" font-size=\"13\">\(escape(item.label)) \(FixedText.fixed(share * 100, decimals: 1))%</text>"
            angle += sweep
        }
        return svg + "</svg>"
    }

    /// A line over labelled points (e.g. months), with markers and a zero baseline. Negative values sit
    /// on the baseline; a value that is not a number gets its label but no marker.
    public static func line(_ items: [Item], title: String, unit: String, width: Int = 560, height: Int = 220) -> String {
        let left = 56.0, right = 10.0, top = 22.0, bottom = 30.0
        let peak = items.map { drawable($0.value) }.max() ?? 0
        let axis = ValueAxis(maximum: peak > 0 ? peak : 1)
        let maxValue = axis.top
        let plotWidth = Double(width) - left - right, plotHeight = Double(height) - top - bottom
        var svg = open(width, height, title: title)
        svg += axis.svg(left: left, width: plotWidth, plotTop: top, bottom: top + plotHeight, unit: unit)
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(top + plotHeight))\" stroke=\"#999\"/>"
        guard !items.isEmpty else { return svg + "</svg>" }
        let step = items.count > 1 ? plotWidth / Double(items.count - 1) : 0
        var points: [String] = []
        for (index, item) in items.enumerated() {
            let x = left + Double(index) * step
            // No marker and no vertex for a value that is not a number: the line joins its neighbours.
            if item.value.isFinite {
                let y = top + plotHeight * (1 - drawable(item.value) / maxValue)
                points.append("\(n(x)),\(n(y))")
                svg += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3\" fill=\"\(color(1))\"><title>\(escape(item.label)): \(escape(compact(item.value))) \(escape(unit))</title></circle>"
            }
            svg += "<text x=\"\(n(x))\" y=\"\(height - 10)\" text-anchor=\"middle\" font-size=\"11\">\(escape(item.label))</text>"
        }
        svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(color(1))\" stroke-width=\"2\"/>"
        return svg + "</svg>"
    }

    /// Stacked vertical bars: one bar per label, one colour per series, with a legend.
    public static func stackedBar(labels: [String], series: [Series], title: String, unit: String, width: Int = 560, height: Int = 240) -> String {
        let left = 56.0, top = 22.0, bottom = 30.0, legendHeight = Double((series.count + 2) / 3) * 18
        let plotHeight = Double(height) - top - bottom - legendHeight
        let plotWidth = Double(width) - left - 10
        func drawn(_ values: [Double], _ index: Int) -> Double { drawable(index < values.count ? values[index] : 0) }
        // Totals in `scale`s, so that a column of 1e308s adds up to a finite number.
        let scale = sumScale(peak: series.flatMap { $0.values.map(drawable) }.max() ?? 0, count: series.count)
        let totals = labels.indices.map { index in series.reduce(0) { $0 + drawn($1.values, index) / scale } }
        let peakTotal = totals.max() ?? 0
        let axis = ValueAxis(maximum: peakTotal > 0 ? peakTotal : 1)
        let maxValue = axis.top
        var svg = open(width, height, title: title)
        svg += axis.svg(left: left, width: plotWidth, plotTop: top, bottom: top + plotHeight, scale: scale, unit: unit)
        let slot = labels.isEmpty ? 0 : plotWidth / Double(labels.count)
        for (index, label) in labels.enumerated() {
            var y = top + plotHeight
            let x = left + Double(index) * slot + slot * 0.15
            for (seriesIndex, item) in series.enumerated() {
                let value = drawn(item.values, index)
                let h = plotHeight * (value / scale) / maxValue
                y -= h
                if h > 0 {
                    svg += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(slot * 0.7))\" height=\"\(n(h))\" fill=\"\(color(seriesIndex))\"><title>\(escape(item.name)) \(escape(label)): \(escape(compact(value))) \(escape(unit))</title></rect>"
                }
            }
            svg += "<text x=\"\(n(x + slot * 0.35))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"middle\" font-size=\"11\">\(escape(label))</text>"
        }
        for (index, item) in series.enumerated() {
            let lx = left + Double(index % 3) * 170, ly = Double(height) - legendHeight + Double(index / 3) * 18
            svg += "<rect x=\"\(n(lx))\" y=\"\(n(ly))\" width=\"10\" height=\"10\" fill=\"\(color(index))\"/>"
            svg += "<text x=\"\(n(lx + 14))\" y=\"\(n(ly + 9))\" font-size=\"11\">\(escape(item.name))</text>"
        }
        return svg + "</svg>"
    }

    /// A waterfall from a starting total through decreases to the result: e.g. emissions → −sinks →
    /// −offsets → net. `steps` are signed changes; the last bar is the running total. A start or step
    /// that is not a number counts as no change and is labelled "—".
    public static func waterfall(start: Item, steps: [Item], end endLabel: String, title: String, unit: String,
                                 width: Int = 560, height: Int = 240) -> String {
        let left = 20.0, top = 22.0, bottom = 30.0
        let plotHeight = Double(height) - top - bottom, plotWidth = Double(width) - left - 10
        func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
        // Geometry in `scale`s, so that running totals and the span stay finite for values near 1e308.
        let scale = sumScale(peak: ([start] + steps).map { abs(finite($0.value)) }.max() ?? 0, count: 2 * (steps.count + 1))
        var running = finite(start.value) / scale
        var bars: [(label: String, from: Double, to: Double, kind: Int, text: String)] =
            [(start.label, 0, running, 0, compact(start.value))]
        for step in steps {
            let change = finite(step.value) / scale
            bars.append((step.label, running, running + change, step.value < 0 ? 1 : 2, compact(step.value)))
            running += change
        }
        bars.append((endLabel, 0, running, running <= 0 ? 3 : 0, compact(running, times: scale)))
        let values: [Double] = bars.flatMap { [$0.from, $0.to] } + [0.0]
        let maxValue = values.max() ?? 0, minValue = values.min() ?? 0
        let span = max(maxValue - minValue, 1e-12)
        func y(_ value: Double) -> Double { top + plotHeight * (maxValue - value) / span }
        let colors = ["#c62828", "#2e7d32", "#ef6c00", "#1565c0"]
        var svg = open(width, height, title: title)
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(0)))\" stroke=\"#999\"/>"
        let slot = plotWidth / Double(bars.count)
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * slot + slot * 0.15
            let top = y(max(bar.from, bar.to)), h = max(abs(y(bar.from) - y(bar.to)), 1)
            svg += "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(slot * 0.7))\" height=\"\(n(h))\" fill=\"\(colors[bar.kind])\"><title>\(escape(bar.label)): \(escape(bar.text)) \(escape(unit))</title></rect>"
            svg += "<text x=\"\(n(x + slot * 0.35))\" y=\"\(n(top - 4))\" text-anchor=\"middle\" font-size=\"11\">\(escape(bar.text))</text>"
            svg += "<text x=\"\(n(x + slot * 0.35))\" y=\"\(height - 10)\" text-anchor=\"middle\" font-size=\"12\">\(escape(bar.label))</text>"
        }
        return svg + "</svg>"
    }
}
