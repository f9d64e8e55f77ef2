import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ZeroParkReports

/// The charts are well-formed SVG, escape their labels, and draw what they are given.
struct SVGChartTests {
    final class Counter: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements[name, default: 0] += 1
        }
    }

    /// Parses `svg` as XML and counts its elements; nil when it is not well-formed.
    func elements(_ svg: String) -> [String: Int]? {
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = Counter()
        parser.delegate = counter
        return parser.parse() ? counter.elements : nil
    }

    let items: [SVGChart.Item] = [.init("能源 <&>", 26716.4), .init("生产", 4510), .init("交通", 267.5)]

    @Test("bar: one rect per item, labels escaped")
    func bar() throws {
        let svg = SVGChart.bar(items, title: "按系统 \"排放\"", unit: "tCO2")
        let counts = try #require(elements(svg))
        #expect(counts["rect"] == 3)
        #expect(svg.contains("能源 &lt;&amp;&gt;"))
    }

    @Test("donut: one slice per positive item; an empty donut is still valid")
    func donut() throws {
        #expect(try #require(elements(SVGChart.donut(items + [.init("零", 0)], title: "占比")))["path"] == 3)
        #expect(elements(SVGChart.donut([], title: "空")) != nil)
    }

    @Test("donut: a single 100 % slice is drawn as a whole ring (no arc starts and ends at the same point)")
    func donutWholeRing() throws {
        for items in [[SVGChart.Item("能源", 40_851.35)], [.init("能源", 1e6), .init("交通", 1)]] {
            let svg = SVGChart.donut(items, title: "占比")
            let path = try #require(svg.components(separatedBy: "d=\"").dropFirst().first?.components(separatedBy: "\"").first)
            // Every arc ("A rx,ry rotation large sweep x,y") ends at a point different from where it starts.
            var current = ""
            for command in path.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
                if command.hasPrefix("M") || command.hasPrefix("L") { current = String(command.dropFirst()) }
                if command.contains(","), !command.hasPrefix("M"), !command.hasPrefix("L"), !command.hasPrefix("A") {
                    #expect(command != current, "an arc ends where it starts: \(path)")
                    current = command
                }
            }
            #expect(path.components(separatedBy: "A").count - 1 == 4)
        }
    }

    @Test("line: a marker per point and one polyline")
    func line() throws {
        let counts = try #require(elements(SVGChart.line((1...12).map { .init("\($0)", Double($0)) }, title: "月度", unit: "tCO2")))
        #expect(counts["circle"] == 12)
        #expect(counts["polyline"] == 1)
    }

    @Test("stacked bar: a rect per positive value plus legend swatches")
    func stacked() throws {
        let svg = SVGChart.stackedBar(labels: ["1", "2"], series: [.init("a", [1, 2]), .init("b", [0, 3])], title: "t", unit: "tCO2")
        // values 1, 2, 3 (the 0 is not drawn) + 2 legend swatches
        #expect(try #require(elements(svg))["rect"] == 5)
    }

    @Test("waterfall: start, each step, and the end bar")
    func waterfall() throws {
        let svg = SVGChart.waterfall(start: .init("排放", 32350.6), steps: [.init("碳汇", -952.3), .init("抵消", -26400)],
                                     end: "净排放", title: "碳平衡", unit: "tCO2")
        #expect(try #require(elements(svg))["rect"] == 4)
        // net = 32,350.6 − 952.3 − 26,400 = 4,998.3, labelled "4998"
        #expect(svg.contains(">4998<"))
    }
}

/// The dispatch chart (issue #9 item 3): three panels, finite coordinates, blocks for long horizons.
struct DispatchChartTests {
    @Test func drawsPanelsAndStaysFinite() {
        let n = 2_000
        let series = SVGChart.DispatchSeries(labels: (0..<n).map { "t\($0)" }, importKW: Array(repeating: 50, count: n),
                                             pvKW: (0..<n).map { Double($0 % 24) }, dischargeKW: Array(repeating: .nan, count: n),
                                             chpKW: Array(repeating: 0, count: n), loadKW: Array(repeating: 80, count: n),
                                             socKWh: Array(repeating: .infinity, count: n), socMaxKWh: 100, price: Array(repeating: 0.6, count: n))
        let legend = SVGChart.DispatchLegend(grid: "电网", pv: "光伏", battery: "储能", chp: "热电", load: "负荷", soc: "荷电", price: "电价")
        let svg = SVGChart.dispatch(series, legend: legend, title: "调度")
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.hasSuffix("</svg>"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(svg.contains("荷电") && svg.contains("电价"))
        let empty = SVGChart.dispatch(.init(labels: [], importKW: [], pvKW: [], dischargeKW: [], chpKW: [], loadKW: [], socKWh: [], socMaxKWh: 0, price: []),
                                      legend: legend, title: "空")
        #expect(empty.hasSuffix("</svg>"))
    }
}

/// Chart numbers on Chinese pages use 万 and 亿 (issue #12); elsewhere k and M, as before.
struct ChineseChartNumberTests {
    @Test func chineseLargeNumberUnits() {
        SVGChart.$chineseNumbers.withValue(true) {
            #expect(SVGChart.compact(32_400) == "3.2万")           // 32,400 = 3.24 × 10⁴
            #expect(SVGChart.compact(1_200_000) == "120.0万")      // 1.2 × 10⁶ = 120 × 10⁴
            #expect(SVGChart.compact(-250_000_000) == "-2.5亿")    // 2.5 × 10⁸
            #expect(SVGChart.compact(9_999) == "9999")
        }
        #expect(SVGChart.compact(32_400) == "32.4k")
        #expect(SVGChart.compact(1_200_000) == "1.2M")
    }
}
