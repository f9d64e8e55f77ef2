import Foundation
import Testing
@testable import ZeroParkReports

/// The telemetry charts (issue #8 §10) take any values — NaN, ±infinity, ±1e308, nil, empty — and
/// always draw a well-formed SVG with finite coordinates.
struct TelemetryChartTests {
    static let extremes: [Double?] = [nil, .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                      0, -0.0, 1e-320, 1e15, -12.5, 42]
    static let legend = SVGChart.QualityLegend(measured: "实测", estimated: "估算", flagged: "已标记", missing: "缺失")

    static func wellFormed(_ svg: String) {
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.hasSuffix("</svg>"))
        let lower = svg.lowercased()
        #expect(!lower.contains("nan"))
        #expect(!lower.contains("inf"))
    }

    @Test("quality line: every extreme value, alone and together, in every kind")
    func qualityLineExtremes() {
        let kinds: [SVGChart.PointKind] = [.measured, .estimated, .flagged, .missing]
        for value in Self.extremes {
            for kind in kinds {
                Self.wellFormed(SVGChart.qualityLine([.init("00:00", value, kind)], title: "t", unit: "kWh", legend: Self.legend))
            }
        }
        let mixed = Self.extremes.enumerated().map { SVGChart.QualityPoint("\($0.offset)", $0.element, kinds[$0.offset % 4]) }
        Self.wellFormed(SVGChart.qualityLine(mixed, second: .init("昨日", [.nan, .infinity, -1e308, 5]), title: "<&>", unit: "kWh", legend: Self.legend))
        Self.wellFormed(SVGChart.qualityLine([], title: "empty", unit: "kWh", legend: Self.legend))
        Self.wellFormed(SVGChart.qualityLine([], second: .init("only", [1, 2, 3]), title: "second only", unit: "kWh", legend: Self.legend))
    }

    @Test("quality line: markers tell measured, estimated, flagged and missing apart")
    func qualityLineMarkers() {
        let svg = SVGChart.qualityLine([.init("a", 1, .measured), .init("b", 2, .estimated), .init("c", 3, .flagged), .init("d", nil, .missing),
                                        .init("e", nil, .measured)],
                                       title: "day", unit: "kWh", legend: Self.legend)
        #expect(svg.contains("(估算)"))
        #expect(svg.contains("(已标记)"))
        #expect(svg.contains("(缺失)"))
        // A future slot (no value, not missing) draws no marker.
        #expect(!svg.contains("<title>e:"))
        // The line is broken at the missing point: two runs would need two points each; here one polyline of a, b, c.
        #expect(svg.components(separatedBy: "<polyline").count == 2)
    }

    @Test("quality line: random series of any length and magnitude never trap", arguments: 0..<40)
    func qualityLineRandom(seed: Int) {
        var generator = ChartSplitMix(seed: UInt64(seed))
        let count = Int(generator.next() % 400)
        let points = (0..<count).map { index -> SVGChart.QualityPoint in
            let pick = generator.next() % 10
            let value: Double? = pick == 0 ? nil : (pick == 1 ? Self.extremes.randomElement(using: &generator) ?? nil
                                                  : Double(bitPattern: generator.next()))
            let kind: SVGChart.PointKind = [.measured, .estimated, .flagged, .missing][Int(generator.next() % 4)]
            return .init("\(index)", value, kind)
        }
        Self.wellFormed(SVGChart.qualityLine(points, title: "random", unit: "u", legend: Self.legend))
    }

    @Test("sankey: extreme, negative, empty and repeated flows")
    func sankeyExtremes() {
        Self.wellFormed(SVGChart.sankey([], title: "empty", unit: "kWh"))
        Self.wellFormed(SVGChart.sankey([.init("电网", "生产", .nan), .init("电网", "建筑", -5)], title: "nothing drawable", unit: "kWh"))
        let huge = SVGChart.sankey([.init("电网", "生产", .greatestFiniteMagnitude), .init("电网", "建筑", .greatestFiniteMagnitude),
                                    .init("光伏", "生产", .greatestFiniteMagnitude), .init("储能", "未分配", .infinity),
                                    .init("光伏", "光伏", 1e-320)],
                                   title: "huge", unit: "kWh")
        Self.wellFormed(huge)
        #expect(huge.contains("电网") && huge.contains("光伏") && huge.contains("生产"))
        let plain = SVGChart.sankey([.init("Grid", "Production", 600), .init("Grid", "Buildings", 300), .init("PV", "Production", 100)],
                                    title: "<b>", unit: "kWh")
        Self.wellFormed(plain)
        #expect(plain.contains("&lt;b&gt;"))
        #expect(plain.components(separatedBy: "<path").count == 4)
    }

    @Test("sankey: random flows never trap", arguments: 0..<40)
    func sankeyRandom(seed: Int) {
        var generator = ChartSplitMix(seed: UInt64(seed) &+ 1_000)
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]
        let flows = (0..<Int(generator.next() % 60)).map { _ in
            SVGChart.Flow(names[Int(generator.next() % 12)], names[Int(generator.next() % 12)],
                          generator.next() % 5 == 0 ? (Self.extremes.randomElement(using: &generator) ?? nil) ?? .nan : Double(bitPattern: generator.next()))
        }
        Self.wellFormed(SVGChart.sankey(flows, title: "random", unit: "kWh"))
    }
}

/// A small deterministic generator for the random cases.
struct ChartSplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
