import Foundation

/// Telemetry charts (issue #8 §10): a day or a year of a meter with its quality marked point by
/// point, optionally beside a second series, and an energy-flow (Sankey) diagram from supplies to
/// systems. Total like every chart here: NaN, ±infinity, 1e308 and empty input draw, never trap.
extension SVGChart {
    /// How a point of a metered series was obtained.
    public enum PointKind: Sendable {
        case measured, estimated, flagged, missing
    }

    /// One point of a metered series: its axis label, value (nil: nothing measured or estimated) and kind.
    public struct QualityPoint: Sendable {
        public let label: String
        public let value: Double?
        public let kind: PointKind
        public init(_ label: String, _ value: Double?, _ kind: PointKind) {
            self.label = label
            self.value = value
            self.kind = kind
        }
    }

    /// The legend's words for the kinds of points (and the second series' name, if any).
    public struct QualityLegend: Sendable {
        public let measured: String, estimated: String, flagged: String, missing: String
        public init(measured: String, estimated: String, flagged: String, missing: String) {
            self.measured = measured
            self.estimated = estimated
            self.flagged = flagged
            self.missing = missing
        }
    }

    /// A line of a metered series whose points show how they were obtained: measured (green dot),
    /// estimated (orange hollow square), flagged (red diamond), missing (grey tick on the axis, the
    /// line broken). An optional second series is drawn dashed behind it (e.g. yesterday). Negative
    /// values are drawn below a zero line.
    public static func qualityLine(_ points: [QualityPoint], second: Series? = nil, title: String, unit: String,
                                   legend: QualityLegend, width: Int = 560, height: Int = 240) -> String {
        let left = 56.0, right = 10.0, top = 22.0, bottom = 48.0
        let plotWidth = Double(width) - left - right, plotHeight = Double(height) - top - bottom
        let finite = points.compactMap(\.value).filter(\.isFinite) + (second?.values.filter(\.isFinite) ?? [])
        // Geometry in units of the largest magnitude, so that spans of ±1e308 stay finite.
        let peak = finite.map(\.magnitude).max() ?? 0
        let scale = peak > 0 ? peak : 1
        let lo = min(0, (finite.min() ?? 0) / scale), highest = max(0, (finite.max() ?? 0) / scale)
        // Round ticks when nothing is below zero; with negative values the axis names its top, zero and bottom.
        let axis = lo < 0 ? nil : ValueAxis(maximum: highest > 0 ? highest : 1)
        let hi = axis?.top ?? highest
        let span = max(hi - lo, 1e-12)
        let count = max(points.count, second?.values.count ?? 0)
        let step = count > 1 ? plotWidth / Double(count - 1) : 0
        func x(_ index: Int) -> Double { left + (count > 1 ? Double(index) * step : plotWidth / 2) }
        func y(_ value: Double) -> Double { top + plotHeight * (hi - value / scale) / span }
        var svg = open(width, height, title: title)
        let zero = y(0)
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(zero))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(zero))\" stroke=\"#999\"/>"
        if let axis {
            svg += axis.svg(left: left, width: plotWidth, plotTop: top, bottom: zero, scale: scale, unit: unit)
        } else {
            svg += "<text x=\"\(n(left - 4))\" y=\"\(n(top + 10))\" text-anchor=\"end\" font-size=\"11\">\(escape(compact(hi * scale)))</text>"
            svg += "<text x=\"\(n(left - 4))\" y=\"\(n(top + plotHeight))\" text-anchor=\"end\" font-size=\"11\">\(escape(compact(lo * scale)))</text>"
            svg += "<text x=\"\(n(left - 4))\" y=\"\(n(zero + 4))\" text-anchor=\"end\" font-size=\"11\">0</text>"
            svg += "<text x=\"\(n(left))\" y=\"\(n(top - 6))\" font-size=\"11\" fill=\"#5b6b61\">\(escape(unit))</text>"
        }
        func polylines(_ values: [Double?], stroke: String, dash: Bool) -> String {
            var out = "", run: [String] = []
            func flush() {
                if run.count > 1 {
                    out += "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(dash ? "1.5" : "2")\"\(dash ? " stroke-dasharray=\"4 3\"" : "")/>"
                }
                run = []
            }
            for (index, value) in values.enumerated() {
                guard let value, value.isFinite else { flush(); continue }
                run.append("\(n(x(index))),\(n(y(value)))")
            }
            flush()
            return out
        }
        if let second {
            svg += polylines(second.values.map { Optional($0) }, stroke: "#90a4ae", dash: true)
        }
        svg += polylines(points.map(\.value), stroke: color(1), dash: false)
        // Markers: every non-measured point, and measured ones when there are few enough to see.
        let showMeasured = points.count <= 120
        for (index, point) in points.enumerated() {
            let px = x(index)
            let tip = "\(escape(point.label)): \(escape(point.value.map(compact) ?? "—")) \(escape(unit))"
            guard let value = point.value, value.isFinite else {
                guard point.kind == .missing else { continue }  // e.g. a slot still in the future
                svg += "<line x1=\"\(n(px))\" y1=\"\(n(zero - 4))\" x2=\"\(n(px))\" y2=\"\(n(zero + 4))\" stroke=\"#9e9e9e\" stroke-width=\"2\"><title>\(tip) (\(escape(legend.missing)))</title></line>"
                continue
            }
            let py = y(value)
            switch point.kind {
            case .measured, .missing:
                if showMeasured {
                    svg += "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"2.5\" fill=\"#2e7d32\"><title>\(tip)</title></circle>"
                }
            case .estimated:
                svg += "<rect x=\"\(n(px - 3))\" y=\"\(n(py - 3))\" width=\"6\" height=\"6\" fill=\"#fff\" stroke=\"#ef6c00\" stroke-width=\"1.5\"><title>\(tip) (\(escape(legend.estimated)))</title></rect>"
            case .flagged:
                svg += "<path d=\"M\(n(px)),\(n(py - 5)) L\(n(px + 5)),\(n(py)) L\(n(px)),\(n(py + 5)) L\(n(px - 5)),\(n(py)) Z\" fill=\"#c62828\"><title>\(tip) (\(escape(legend.flagged)))</title></path>"
            }
        }
        // Up to eight axis labels, evenly spaced.
        if !points.isEmpty {
            let every = max(1, (points.count + 7) / 8)
            for index in stride(from: 0, to: points.count, by: every) {
                svg += "<text x=\"\(n(x(index)))\" y=\"\(n(top + plotHeight + 14))\" text-anchor=\"middle\" font-size=\"10\">\(escape(points[index].label))</text>"
            }
        }
        // Legend.
        let ly = Double(height) - 14
        var lx = left
        func entry(_ marker: String, _ text: String) {
            svg += marker + "<text x=\"\(n(lx + 12))\" y=\"\(n(ly + 4))\" font-size=\"11\">\(escape(text))</text>"
            lx += 22 + Double(min(text.count, 24)) * 8
        }
        entry("<circle cx=\"\(n(lx + 4))\" cy=\"\(n(ly))\" r=\"3\" fill=\"#2e7d32\"/>", legend.measured)
        entry("<rect x=\"\(n(lx + 1))\" y=\"\(n(ly - 3))\" width=\"6\" height=\"6\" fill=\"#fff\" stroke=\"#ef6c00\" stroke-width=\"1.5\"/>", legend.estimated)
        entry("<path d=\"M\(n(lx + 4)),\(n(ly - 4)) L\(n(lx + 8)),\(n(ly)) L\(n(lx + 4)),\(n(ly + 4)) L\(n(lx)),\(n(ly)) Z\" fill=\"#c62828\"/>", legend.flagged)
        entry("<line x1=\"\(n(lx + 4))\" y1=\"\(n(ly - 4))\" x2=\"\(n(lx + 4))\" y2=\"\(n(ly + 4))\" stroke=\"#9e9e9e\" stroke-width=\"2\"/>", legend.missing)
        if let second {
            entry("<line x1=\"\(n(lx))\" y1=\"\(n(ly))\" x2=\"\(n(lx + 9))\" y2=\"\(n(ly))\" stroke=\"#90a4ae\" stroke-dasharray=\"3 2\" stroke-width=\"1.5\"/>", second.name)
        }
        return svg + "</svg>"
    }

    /// One flow of a Sankey diagram.
    public struct Flow: Sendable {
        public let from: String
        public let to: String
        public let value: Double
        public init(_ from: String, _ to: String, _ value: Double) {
            self.from = from
            self.to = to
            self.value = value
        }
    }

    /// An energy-flow (Sankey) diagram: supplies on the left, consumers on the right, each band as
    /// wide as its flow. Zero, negative and non-finite flows are left out; nodes keep their order of
    /// first appearance.
    public static func sankey(_ flows: [Flow], title: String, unit: String, width: Int = 560, height: Int = 280) -> String {
        let drawn = flows.filter { drawable($0.value) > 0 }
        var svg = open(width, height, title: title)
        guard !drawn.isEmpty else {
            svg += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#f7faf8\"/>"
            svg += "<text x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\" font-size=\"13\" fill=\"#5b6b61\">—</text>"
            return svg + "</svg>"
        }
        // Amounts in units of the largest flow, so that sums of 1e308s stay finite.
        let peak = drawn.map(\.value).max() ?? 1
        var lefts: [String] = [], rights: [String] = []
        var leftTotal: [String: Double] = [:], rightTotal: [String: Double] = [:]
        for flow in drawn {
            if leftTotal[flow.from] == nil { lefts.append(flow.from) }
            if rightTotal[flow.to] == nil { rights.append(flow.to) }
            leftTotal[flow.from, default: 0] += flow.value / peak
            rightTotal[flow.to, default: 0] += flow.value / peak
        }
        let total = max(leftTotal.values.reduce(0, +), 1e-12)
        let top = 8.0, bottom = 8.0, gap = 10.0, barWidth = 12.0
        let leftX = 150.0, rightX = Double(width) - 170.0
        func layout(_ names: [String], _ totals: [String: Double]) -> [String: (y: Double, h: Double)] {
            let usable = max(Double(height) - top - bottom - gap * Double(max(names.count - 1, 0)), 20)
            var y = top, result: [String: (Double, Double)] = [:]
            for name in names {
                let h = max(usable * (totals[name] ?? 0) / total, 1.5)
                result[name] = (y, h)
                y += h + gap
            }
            return result
        }
        let leftNodes = layout(lefts, leftTotal), rightNodes = layout(rights, rightTotal)
        var leftOffset: [String: Double] = [:], rightOffset: [String: Double] = [:]
        let colors = Dictionary(uniqueKeysWithValues: lefts.enumerated().map { ($1, color($0)) })
        let mid = (leftX + barWidth + rightX) / 2
        for flow in drawn {
            guard let from = leftNodes[flow.from], let to = rightNodes[flow.to] else { continue }
            let share = (flow.value / peak) / total
            let hl = max(from.h * share * total / max(leftTotal[flow.from] ?? 1, 1e-12), 0.5)
            let hr = max(to.h * share * total / max(rightTotal[flow.to] ?? 1, 1e-12), 0.5)
            let y0 = from.y + (leftOffset[flow.from] ?? 0), y1 = to.y + (rightOffset[flow.to] ?? 0)
            leftOffset[flow.from, default: 0] += hl
            rightOffset[flow.to, default: 0] += hr
            let x0 = leftX + barWidth, x1 = rightX
            svg += "<path d=\"M\(n(x0)),\(n(y0)) C\(n(mid)),\(n(y0)) \(n(mid)),\(n(y1)) \(n(x1)),\(n(y1)) L\(n(x1)),\(n(y1 + hr)) C\(n(mid)),\(n(y1 + hr)) \(n(mid)),\(n(y0 + hl)) \(n(x0)),\(n(y0 + hl)) Z\" fill=\"\(colors[flow.from] ?? "#999")\" fill-opacity=\"0.4\"><title>\(escape(flow.from)) → \(escape(flow.to)): \(escape(compact(flow.value))) \(escape(unit))</title></path>"
        }
        for name in lefts {
            guard let node = leftNodes[name] else { continue }
            let value = (leftTotal[name] ?? 0)
            svg += "<rect x=\"\(n(leftX))\" y=\"\(n(node.y))\" width=\"\(n(barWidth))\" height=\"\(n(node.h))\" fill=\"\(colors[name] ?? "#999")\"/>"
            svg += "<text x=\"\(n(leftX - 6))\" y=\"\(n(node.y + node.h / 2 + 4))\" text-anchor=\"end\" font-size=\"12\">\(escape(name)) \(escape(compact(value, times: peak)))</text>"
        }
        for name in rights {
            guard let node = rightNodes[name] else { continue }
            let value = (rightTotal[name] ?? 0)
            svg += "<rect x=\"\(n(rightX))\" y=\"\(n(node.y))\" width=\"\(n(barWidth))\" height=\"\(n(node.h))\" fill=\"#37474f\"/>"
            svg += "<text x=\"\(n(rightX + barWidth + 6))\" y=\"\(n(node.y + node.h / 2 + 4))\" font-size=\"12\">\(escape(name)) \(escape(compact(value, times: peak))) \(escape(unit))</text>"
        }
        return svg + "</svg>"
    }
}
