import Foundation

extension SVGChart {
    /// What the dispatch chart draws, per step: supply stacked (grid import, PV used, battery discharge,
    /// CHP) against the site load, the battery's state of charge and the import price.
    ///
    /// Serves STANDARD.md 1.1.20(c)(e)(f) and 1.1.37 (the schedule made visible).
    public struct DispatchSeries: Sendable {
        public var labels: [String]
        public var importKW: [Double]
        public var pvKW: [Double]
        public var dischargeKW: [Double]
        public var chpKW: [Double]
        public var loadKW: [Double]
        public var socKWh: [Double]
        public var socMaxKWh: Double
        public var price: [Double]

        public init(labels: [String], importKW: [Double], pvKW: [Double], dischargeKW: [Double], chpKW: [Double], loadKW: [Double],
                    socKWh: [Double], socMaxKWh: Double, price: [Double]) {
            self.labels = labels
            self.importKW = importKW
            self.pvKW = pvKW
            self.dischargeKW = dischargeKW
            self.chpKW = chpKW
            self.loadKW = loadKW
            self.socKWh = socKWh
            self.socMaxKWh = socMaxKWh
            self.price = price
        }
    }

    /// Legend and axis names (Chinese or English).
    public struct DispatchLegend: Sendable {
        public let grid: String, pv: String, battery: String, chp: String, load: String, soc: String, price: String
        public init(grid: String, pv: String, battery: String, chp: String, load: String, soc: String, price: String) {
            self.grid = grid
            self.pv = pv
            self.battery = battery
            self.chp = chp
            self.load = load
            self.soc = soc
            self.price = price
        }
    }

    /// Three aligned panels: stacked supply areas (step-shaped) with the load as a line, the SoC line, and
    /// the import price steps. More than `maxColumns` steps are averaged in blocks so the drawing stays small.
    public static func dispatch(_ data: DispatchSeries, legend: DispatchLegend, title: String, width: Int = 720,
                                maxColumns: Int = 700) -> String {
        let count = data.labels.count
        let block = max(1, (count + maxColumns - 1) / max(1, maxColumns))
        func reduce(_ values: [Double]) -> [Double] {
            stride(from: 0, to: count, by: block).map { start in
                let slice = (start..<min(count, start + block)).map { $0 < values.count ? drawable(values[$0]) : 0 }
                return slice.reduce(0, +) / Double(max(1, slice.count))
            }
        }
        let imp = reduce(data.importKW), pv = reduce(data.pvKW), dis = reduce(data.dischargeKW), chp = reduce(data.chpKW)
        let load = reduce(data.loadKW), soc = reduce(data.socKWh), price = reduce(data.price)
        let columns = imp.count
        let left = 56.0, right = 12.0
        let mainTop = 26.0, mainHeight = 200.0, socTop = mainTop + mainHeight + 22, socHeight = 60.0
        let priceTop = socTop + socHeight + 22, priceHeight = 50.0, height = Int(priceTop + priceHeight + 34)
        let plotWidth = Double(width) - left - right
        let columnWidth = plotWidth / Double(max(1, columns))
        var svg = open(width, height, title: title)
        guard columns > 0 else { return svg + "</svg>" }
        var stackTop = [Double](repeating: 0, count: columns)
        for t in 0..<columns { stackTop[t] = imp[t] + pv[t] + dis[t] + chp[t] }
        let peak = max((stackTop + load).max() ?? 0, 1e-9)
        func y(_ value: Double) -> Double { mainTop + mainHeight * (1 - min(value, peak) / peak) }
        // Legend.
        let names = [(legend.grid, color(1)), (legend.pv, "#f9a825"), (legend.battery, color(0)), (legend.chp, color(3))]
        var lx = left
        for (name, fill) in names {
            svg += "<rect x=\"\(n(lx))\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(fill)\"/><text x=\"\(n(lx + 14))\" y=\"15\" font-size=\"11\">\(escape(name))</text>"
            lx += 20 + Double(name.count) * 11
        }
        svg += "<line x1=\"\(n(lx))\" y1=\"11\" x2=\"\(n(lx + 14))\" y2=\"11\" stroke=\"#000\" stroke-width=\"2\"/><text x=\"\(n(lx + 18))\" y=\"15\" font-size=\"11\">\(escape(legend.load))</text>"
        // Stacked step areas, bottom up.
        var base = [Double](repeating: 0, count: columns)
        for (values, fill) in [(imp, color(1)), (pv, "#f9a825"), (dis, color(0)), (chp, color(3))] {
            guard values.contains(where: { $0 > 0 }) else { continue }
            var upper: [String] = [], lower: [String] = []
            for t in 0..<columns {
                let x0 = left + Double(t) * columnWidth, x1 = x0 + columnWidth
                let top = base[t] + values[t]
                upper.append("\(n(x0)),\(n(y(top))) \(n(x1)),\(n(y(top)))")
                lower.append("\(n(x1)),\(n(y(base[t]))) \(n(x0)),\(n(y(base[t])))")
                base[t] = top
            }
            svg += "<polygon points=\"\(upper.joined(separator: " ")) \(lower.reversed().joined(separator: " "))\" fill=\"\(fill)\" fill-opacity=\"0.85\"/>"
        }
        let loadLine = (0..<columns).map { t -> String in
            let x0 = left + Double(t) * columnWidth
            return "\(n(x0)),\(n(y(load[t]))) \(n(x0 + columnWidth)),\(n(y(load[t])))"
        }
        svg += "<polyline points=\"\(loadLine.joined(separator: " "))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/>"
        svg += axis(left: left, top: mainTop, height: mainHeight, width: plotWidth, maxLabel: compact(peak) + " kW")
        // SoC panel.
        let socPeak = max(data.socMaxKWh, soc.max() ?? 0, 1e-9)
        let socLine = (0..<columns).map { t in "\(n(left + (Double(t) + 1) * columnWidth)),\(n(socTop + socHeight * (1 - min(soc[t], socPeak) / socPeak)))" }
        svg += "<text x=\"\(n(left))\" y=\"\(n(socTop - 6))\" font-size=\"11\">\(escape(legend.soc))</text>"
        svg += "<polyline points=\"\(n(left)),\(n(socTop + socHeight * (1 - min(soc.first ?? 0, socPeak) / socPeak))) \(socLine.joined(separator: " "))\" fill=\"none\" stroke=\"\(color(0))\" stroke-width=\"1.5\"/>"
        svg += axis(left: left, top: socTop, height: socHeight, width: plotWidth, maxLabel: compact(socPeak) + " kWh")
        // Price panel.
        let pricePeak = max(price.max() ?? 0, 1e-9)
        let priceLine = (0..<columns).map { t -> String in
            let x0 = left + Double(t) * columnWidth, py = priceTop + priceHeight * (1 - price[t] / pricePeak)
            return "\(n(x0)),\(n(py)) \(n(x0 + columnWidth)),\(n(py))"
        }
        svg += "<text x=\"\(n(left))\" y=\"\(n(priceTop - 6))\" font-size=\"11\">\(escape(legend.price))</text>"
        svg += "<polyline points=\"\(priceLine.joined(separator: " "))\" fill=\"none\" stroke=\"\(color(5))\" stroke-width=\"1.5\"/>"
        svg += axis(left: left, top: priceTop, height: priceHeight, width: plotWidth, maxLabel: compact(pricePeak))
        // Time labels: first, middle, last.
        for index in Set([0, count / 2, max(0, count - 1)]).sorted() where index < data.labels.count {
            let x = left + plotWidth * Double(index) / Double(max(1, count))
            svg += "<text x=\"\(n(x))\" y=\"\(height - 8)\" font-size=\"10\" text-anchor=\"\(index == 0 ? "start" : "middle")\">\(escape(data.labels[index]))</text>"
        }
        return svg + "</svg>"
    }

    static func axis(left: Double, top: Double, height: Double, width: Double, maxLabel: String) -> String {
        "<line x1=\"\(n(left))\" y1=\"\(n(top + height))\" x2=\"\(n(left + width))\" y2=\"\(n(top + height))\" stroke=\"#999\"/>"
            + "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + height))\" stroke=\"#999\"/>"
            + "<text x=\"\(n(left - 4))\" y=\"\(n(top + 9))\" text-anchor=\"end\" font-size=\"10\">\(escape(maxLabel))</text>"
            + "<text x=\"\(n(left - 4))\" y=\"\(n(top + height))\" text-anchor=\"end\" font-size=\"10\">0</text>"
    }
}
