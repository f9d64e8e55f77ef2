import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PropertyBased
import Testing
import ZeroParkCore
@testable import ZeroParkReports

/// Issue #6, "Numbers have domains": every display path takes every Double — finite extremes,
/// subnormals, -0.0, NaN and ±infinity — without trapping, and never shows "inf"/"nan".
struct ExtremeValueRenderingTests {
    // MARK: NumberText.grouped, hand-written boundaries

    @Test("grouped: |x| ≥ 1e15 in scientific notation, three significant digits", arguments: [
        // 10^17 → digits "1" + 17 zeros → 1.00, exponent 17 (used to trap: 1e17 × 100 > Int64.max).
        (1e17, 2, "1.00×10^17"),
        // 9.3e18 > Int64.max = 9.22e18 traps even with no decimals; "930…" → 9.30.
        (9.3e18, 0, "9.30×10^18"),
        (1.7e308, 2, "1.70×10^308"),
        // 1.797 69…e308: the 4th digit is 7, so 179 rounds up to 180.
        (Double.greatestFiniteMagnitude, 2, "1.80×10^308"),
        (-Double.greatestFiniteMagnitude, 6, "-1.80×10^308"),
        // The threshold itself, and the next Double above it (1e15 + 0.125).
        (1e15, 2, "1.00×10^15"),
        (1e15.nextUp, 0, "1.00×10^15"),
        // 1,005,000,000,000,000 exactly: a tie at the 4th digit rounds away from zero → 1.01.
        (1.005e15, 2, "1.01×10^15"),
        // 9,995,000,000,000,000 (exact: even, and the ulp here is 2): 999|5 → 1000 → 1.00×10^16.
        (9.995e15, 2, "1.00×10^16"),
        (9.9949e15, 2, "9.99×10^15"),
        (-1e17, 2, "-1.00×10^17"),
    ])
    func groupedLarge(value: Double, decimals: Int, expected: String) {
        #expect(NumberText.grouped(value, decimals: decimals) == expected)
    }

    @Test("grouped: below 1e15 fixed notation, also where the scaled value passes 2^53 or Int64", arguments: [
        // 1e15.nextDown = 999,999,999,999,999.875: .875 × 100 = 87.5 rounds away from zero to 88.
        (1e15.nextDown, 2, "999,999,999,999,999.88"),
        // With 0 decimals the scaled value 999,999,999,999,999.875 rounds to 10^15 (below 2^53: the old rule).
        (1e15.nextDown, 0, "1,000,000,000,000,000"),
        (1e15.nextDown, 6, "999,999,999,999,999.875000"),
        // 10^14 × 10^6 = 10^20 > Int64.max: this used to trap.
        (1e14, 6, "100,000,000,000,000.000000"),
        // 52391460503162 × 10^4 is not a Double (its ulp there is 64): this used to print "162.0-32".
        (52_391_460_503_162.0, 4, "52,391,460,503,162.0000"),
        (-999_999_999_999_999.0, 2, "-999,999,999,999,999.00"),
        // Subnormals, the smallest normal and -0.0 round to zero, which has no sign.
        (Double.leastNonzeroMagnitude, 2, "0.00"),
        (-Double.leastNonzeroMagnitude, 2, "0.00"),
        (Double.leastNormalMagnitude, 6, "0.000000"),
        (-0.0, 2, "0.00"),
        (-0.0, 0, "0"),
        // Everyday values keep their old text: 32,350.6355… × 100 = 3,235,063.55… → 3,235,064.
        (32350.6355263906, 2, "32,350.64"),
        (999.995, 2, "1,000.00"),
        (-4998.335, 1, "-4,998.3"),
        // Decimals are clamped to 0…22: -3 means 0, and 2.5 rounds away from zero to 3.
        (2.5, -3, "3"),
        (0.5, 30, "0.5000000000000000000000"),
    ])
    func groupedFixed(value: Double, decimals: Int, expected: String) {
        #expect(NumberText.grouped(value, decimals: decimals) == expected)
    }

    @Test("grouped and percent: non-finite values read —", arguments: [Double.nan, .infinity, -.infinity, -Double.nan])
    func nonFinite(value: Double) {
        for decimals in 0...6 { #expect(NumberText.grouped(value, decimals: decimals) == "—") }
        #expect(NumberText.percent(value) == "—")
        #expect(SVGChart.compact(value) == "—")
    }

    @Test("percent: shares at the extremes")
    func percentExtremes() {
        // 0.123456 × 100 = 12.3456 → one decimal.
        #expect(NumberText.percent(0.123456) == "12.3%")
        // 1e13 × 100 = 1e15: the scientific form.
        #expect(NumberText.percent(1e13) == "1.00×10^15%")
        // 1.7e308 × 100 overflows a Double: the exponent is shifted by 2 instead.
        #expect(NumberText.percent(1.7e308) == "1.70×10^310%")
        #expect(NumberText.percent(-Double.greatestFiniteMagnitude) == "-1.80×10^310%")
        #expect(NumberText.percent(-0.0) == "0.0%")
        #expect(NumberText.percent(Double.leastNonzeroMagnitude) == "0.0%")
        #expect(NumberText.percent(nil) == "—")
    }

    @Test("exact integer digits up to the largest Double")
    func integerDigits() {
        #expect(NumberText.integerDigits(0) == "0")
        #expect(NumberText.integerDigits(18_446_744_073_709_551_616.0) == "18446744073709551616")  // 2^64
        #expect(NumberText.integerDigits(1e23) == "99999999999999991611392")  // the Double nearest 10^23
        let largest = NumberText.integerDigits(.greatestFiniteMagnitude)  // (2^53 − 1) × 2^971
        #expect(largest.count == 309)
        #expect(largest.hasPrefix("17976931348623157081452742373170435679807056752584499659891747680315726078"))
        #expect(largest.hasSuffix("858368"))
    }

    @Test("compact axis labels at the extremes")
    func compactExtremes() {
        #expect(SVGChart.compact(1e17) == "1.00×10^17")
        #expect(SVGChart.compact(-1.7e308) == "-1.70×10^308")
        // Below 1e15 the old forms: 10^14 / 10^6 = 10^8 → "100000000.0M"; 26,716.4 / 1000 → "26.7k".
        #expect(SVGChart.compact(1e14) == "100000000.0M")
        #expect(SVGChart.compact(26716.4) == "26.7k")
        // "%.1f" of -0.0 and -0.01 is "-0.0": shown without the sign.
        #expect(SVGChart.compact(-0.0) == "0.0")
        #expect(SVGChart.compact(-0.01) == "0.0")
        #expect(SVGChart.compact(Double.leastNonzeroMagnitude) == "0.0")
    }

    // MARK: SVG, hand-written

    @Test("charts: huge sums stay finite, labels read the true magnitude")
    func chartsHuge() throws {
        let huge = [SVGChart.Item("a", 1.7e308), .init("b", 1.7e308), .init("c", 1.7e308)]
        // Donut: 3 × 1.7e308 = inf, so the shares used to be NaN; now a third each: 33.3%.
        let donut = SVGChart.donut(huge, title: "d")
        try checkSVG(donut, width: 420, height: 200)
        #expect(donut.components(separatedBy: "33.3%").count - 1 == 6)  // 3 tooltips + 3 legend lines

        // Stacked bar: the column total 2 × 1.7e308 overflows; the axis label is 3.40×10^308.
        let stacked = SVGChart.stackedBar(labels: ["1"], series: [.init("a", [1.7e308]), .init("b", [1.7e308])],
                                          title: "s", unit: "t")
        try checkSVG(stacked, width: 560, height: 240)
        #expect(stacked.contains(">3.40×10^308<"))

        // Waterfall: 1.7e308 + 1.7e308 = inf used to make every y NaN; the net reads 3.40×10^308.
        let waterfall = SVGChart.waterfall(start: huge[0], steps: [huge[1]], end: "net", title: "w", unit: "t")
        try checkSVG(waterfall, width: 560, height: 240)
        #expect(waterfall.contains(">3.40×10^308<"))
        #expect(try #require(elements(waterfall))["rect"] == 3)

        // Bar: 320 px × 1.7e308 overflowed before the division; now the widest bar is 320 px.
        let bar = SVGChart.bar(huge, title: "b", unit: "t")
        try checkSVG(bar, width: 560, height: 88)
        #expect(bar.contains("width=\"320.0\""))
    }

    @Test("charts: empty, all-zero, negative and NaN input")
    func chartsDegenerate() throws {
        let cases: [[SVGChart.Item]] = [
            [], [.init("0", 0)], [.init("0", 0), .init("-0", -0.0)], [.init("neg", -5), .init("neg", -1e308)],
            [.init("a", .nan), .init("b", .infinity), .init("c", -.infinity)], [.init("tiny", 5e-324)],
        ]
        for items in cases {
            try checkSVG(SVGChart.bar(items, title: "b", unit: "t"), width: 560, height: max(1, items.count) * 26 + 10)
            try checkSVG(SVGChart.donut(items, title: "d"), width: 420, height: max(200, items.count * 22 + 20))
            try checkSVG(SVGChart.line(items, title: "l", unit: "t"), width: 560, height: 220)
            try checkSVG(SVGChart.stackedBar(labels: items.map(\.label), series: [.init("s", items.map(\.value))],
                                             title: "s", unit: "t"), width: 560, height: 240)
            try checkSVG(SVGChart.waterfall(start: items.first ?? .init("x", 0), steps: Array(items.dropFirst()), end: "net",
                                            title: "w", unit: "t"), width: 560, height: 240)
        }
        // Non-finite values draw no marker but keep their label; the donut falls back to its grey ring.
        let line = SVGChart.line([.init("1", 1), .init("2", .nan), .init("3", 3)], title: "l", unit: "t")
        #expect(try #require(elements(line))["circle"] == 2)
        #expect(line.contains(">2</text>"))
        #expect(try #require(elements(SVGChart.donut([.init("a", .nan), .init("b", .infinity)], title: "d")))["circle"] == 1)
        // A NaN step is no change, labelled —; the net of 10 + NaN − 4 is 6.0 ("%.1f" below 100).
        let waterfall = SVGChart.waterfall(start: .init("s", 10), steps: [.init("n", .nan), .init("m", -4)], end: "net",
                                           title: "w", unit: "t")
        #expect(waterfall.contains(">—<"))
        #expect(waterfall.contains(">6.0<"))
    }

    // MARK: CSV

    @Test("inventory CSV: overflowed results read —, large inputs keep their exact form")
    func csvExtremes() throws {
        // 1.7e308 t of diesel × NCV (~43 GJ/t) overflows to inf tCO2; the share inf/inf is NaN.
        let huge = try inventory(activity: [1.7e308], unit: .tonne, method: .fuelCombustion, fuel: "diesel")
        #expect(huge.emissionsTco2 == .infinity)
        let csv = InventoryCSVRenderer(language: .en).render(huge)
        try checkCSV(csv)
        let row = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("source,") })
        let cells = row.components(separatedBy: ",")
        #expect(cells[5] == "—")  // tco2
        #expect(cells[8] == "—")  // share
        #expect(cells[9] == "1.7e+308")  // activity, unrounded in the shortest round-trip form

        // 10^17 kWh: finite all the way; Swift's shortest form of 10^17 is "1e+17".
        let large = InventoryCSVRenderer(language: .en).render(try inventory(activity: [1e17], unit: .kilowattHour,
                                                                          method: .purchasedElectricity))
        try checkCSV(large)
        #expect(large.contains(",1e+17,kWh,"))
    }

    // MARK: Properties

    @Test("property: grouped, percent and compact are total and never show inf or nan")
    func numberTextTotal() async {
        await propertyCheck(count: 2000, input: anyDouble, Gen.int(in: 0...6)) { value, decimals in
            let texts = [NumberText.grouped(value, decimals: decimals), NumberText.grouped(value),
                         NumberText.percent(value), SVGChart.compact(value)]
            for text in texts {
                #expect(!Self.hasNonNumberText(text), "\(value) → \(text)")
                if value.isFinite {
                    #expect(text != "—", "\(value) → \(text)")
                } else {
                    #expect(text == "—", "\(value) → \(text)")
                }
            }
            guard value.isFinite else { return }
            let text = NumberText.grouped(value, decimals: decimals)
            if value.magnitude < 1e15 {
                // Fixed form: [-]d{1,3}(,ddd)* then exactly `decimals` decimals.
                let pattern = "^-?[0-9]{1,3}(,[0-9]{3})*" + (decimals > 0 ? "\\.[0-9]{\(decimals)}$" : "$")
                #expect(text.range(of: pattern, options: .regularExpression) != nil, "\(value) → \(text)")
            } else {
                // Scientific form, and its value is within half a unit of the 3rd digit of x.
                #expect(text.range(of: "^-?[1-9]\\.[0-9]{2}×10\\^[0-9]+$", options: .regularExpression) != nil,
                        "\(value) → \(text)")
                let parts = text.components(separatedBy: "×10^")
                if parts.count == 2, let mantissa = Double(parts[0]), let exponent = Int(parts[1]) {
                    let scaled = value / Self.powerOfTen(exponent)  // ≈ mantissa
                    #expect(abs(scaled - mantissa) <= 0.005 + 1e-12, "\(value) → \(text)")
                    #expect((1...9.99).contains(abs(mantissa)), "\(value) → \(text)")
                }
            }
        }
    }

    @Test("property: below 1e15, grouped(x, 2) without commas parses back to x rounded to 2 decimals")
    func groupedRoundTrip() async {
        let below = Gen<Double>.frequency(
            (1, anyDouble.map { $0.isFinite && $0.magnitude < 1e15 ? $0 : 0 }),
            (3, zip(Gen.double(in: -1...1), Gen.int(in: -6...15)).map { m, e in m * Self.powerOfTen(e) }
                .map { $0.magnitude < 1e15 ? $0 : $0 / 10 }),
            (1, Gen.int(in: -99_999_999_999_999_999...99_999_999_999_999_999).map { Double($0) / 100 }))
        await propertyCheck(count: 2000, input: below) { value in
            let text = NumberText.grouped(value, decimals: 2)
            let parsed = Double(text.replacingOccurrences(of: ",", with: ""))
            #expect(parsed != nil, "\(value) → \(text)")
            guard let parsed else { return }
            // Within half a cent of x, give or take the rounding of x × 100 and of the parse (< 2 ulp).
            #expect(abs(parsed - value) <= 0.005 + 2 * value.ulp, "\(value) → \(text)")
            if (value * 100).magnitude < 9_007_199_254_740_992 {
                // Below 2^53 cents, exactly the scaled-and-rounded value: (x × 100).rounded() / 100
                // and the text are both that integer of cents divided by 100, correctly rounded.
                #expect(parsed == (value * 100).rounded() / 100, "\(value) → \(text)")
            }
        }
    }

    @Test("property: every chart kind takes any values and draws only finite coordinates")
    func chartsTotal() async {
        let items = zip(label, anyDouble).map { SVGChart.Item($0, $1) }.array(of: 0...8)
        await propertyCheck(count: 300, input: items) { items in
            do {
                let barHeight = max(1, items.count) * 26 + 10
                try checkSVG(SVGChart.bar(items, title: "b", unit: "t"), width: 560, height: barHeight)
                let donutHeight = max(200, items.filter { $0.value.isFinite && $0.value > 0 }.count * 22 + 20)
                try checkSVG(SVGChart.donut(items, title: "d"), width: 420, height: donutHeight)
                try checkSVG(SVGChart.line(items, title: "l", unit: "t"), width: 560, height: 220)
                if let first = items.first {
                    try checkSVG(SVGChart.waterfall(start: first, steps: Array(items.dropFirst()), end: "net", title: "w", unit: "t"),
                                 width: 560, height: 240)
                }
            } catch {
                Issue.record("\(items.map(\.value)): \(error)")
            }
        }
        let series = zip(label, anyDouble.array(of: 0...6)).map { SVGChart.Series($0, $1) }.array(of: 0...5)
        await propertyCheck(count: 300, input: label.array(of: 0...6), series) { labels, series in
            do {
                try checkSVG(SVGChart.stackedBar(labels: labels, series: series, title: "s", unit: "t"), width: 560, height: 240)
            } catch {
                Issue.record("\(series.map(\.values)): \(error)")
            }
        }
    }

    @Test("property: the inventory CSV of any accountable activity has only numbers or —")
    func csvTotal() async {
        await propertyCheck(count: 150, input: anyDouble.array(of: 1...3), Gen.int(in: 0...1)) { values, kind in
            let parked = kind == 0
                ? try? inventory(activity: values, unit: .tonne, method: .fuelCombustion, fuel: "diesel")
                : try? inventory(activity: values, unit: .kilowattHour, method: .purchasedElectricity)
            // The validator refuses negative and non-finite activity; whatever it accepts must render.
            guard let parked else { return }
            do {
                try checkCSV(InventoryCSVRenderer(language: .zh).render(parked))
            } catch {
                Issue.record("\(values): \(error)")
            }
        }
    }

    // MARK: Generators and checks

    /// Doubles across the whole exponent range: raw bit patterns (every exponent equally likely,
    /// NaN and ±infinity included), everyday magnitudes, and the named special values.
    var anyDouble: Generator<Double, AnySequence<(index: Int, value: Any)>> {
        let specials: [Double] = [0, -0.0, .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                  1.7e308, -1.7e308, 1e17, 9.3e18, -9.3e18, 1e15, 1e15.nextUp, 1e15.nextDown, -1e15.nextDown,
                                  .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, 1e-300,
                                  9_223_372_036_854_775_807, 1.005e15, 9.995e15]
        return Gen<Double>.frequency(
            (1, Gen.int(in: 0...(specials.count - 1)).map { specials[$0] }),
            (3, Gen.uint64().map { Double(bitPattern: $0) }),
            (2, zip(Gen.double(in: -10...10), Gen.int(in: -12...20)).map { m, e in m * Self.powerOfTen(e) }))
    }

    /// Chart labels: plain, CJK and characters that need escaping — none spells "inf" or "nan".
    var label: Generator<String, Shrink.Integer<Int>> {
        let labels = ["能源", "a", "<&>", "\"q\"", "1", "交通 运输", ""]
        return Gen.int(in: 0...(labels.count - 1)).map { labels[$0] }
    }

    static func powerOfTen(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    /// "inf", "nan" or "NaN" anywhere, case-insensitively.
    static func hasNonNumberText(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("inf") || lower.contains("nan")
    }

    struct RenderingError: Error, CustomStringConvertible {
        let description: String
    }

    final class AttributeCollector: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var attributes: [(element: String, name: String, value: String)] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements[name, default: 0] += 1
            for (key, value) in attributes { self.attributes.append((name, key, value)) }
        }
    }

    func elements(_ svg: String) -> [String: Int]? {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = AttributeCollector()
        parser.delegate = collector
        return parser.parse() ? collector.elements : nil
    }

    /// Well-formed XML; no "inf"/"nan" anywhere; every number in a geometric attribute (including
    /// `points` and path data) parses and lies within twice the chart's size of the origin.
    func checkSVG(_ svg: String, width: Int, height: Int) throws {
        if Self.hasNonNumberText(svg) { throw RenderingError(description: "inf/nan in \(svg)") }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = AttributeCollector()
        parser.delegate = collector
        guard parser.parse() else { throw RenderingError(description: "not well-formed: \(svg)") }
        let numeric: Set<String> = ["x", "y", "width", "height", "cx", "cy", "r", "rx", "x1", "y1", "x2", "y2", "font-size",
                                    "points", "d", "viewBox"]
        let bound = 2 * Double(max(width, height))
        var checked = 0
        for (element, name, value) in collector.attributes where numeric.contains(name) {
            // Path data: drop the commands M, A, L and Z; everything else is numbers.
            let numbers = value.split(whereSeparator: { " ,MALZ".contains($0) })
            for token in numbers {
                guard let number = Double(token), number.isFinite, abs(number) <= bound else {
                    throw RenderingError(description: "<\(element) \(name)=\"\(value)\">: \"\(token)\" in \(svg)")
                }
                checked += 1
            }
        }
        if checked == 0 { throw RenderingError(description: "no numbers checked in \(svg)") }
    }

    /// "inf" or "nan" as a word of its own (citations may well say "information").
    static func hasNonNumberWord(_ text: String) -> Bool {
        text.range(of: "(^|[^A-Za-z])([Ii][Nn][Ff]|[Nn][Aa][Nn])([^A-Za-z]|$)", options: .regularExpression) != nil
    }

    /// No "inf"/"nan" word in any cell (formulas and calculations included); every numeric column
    /// holds "", "—" or a finite number.
    func checkCSV(_ csv: String) throws {
        if Self.hasNonNumberWord(csv) { throw RenderingError(description: "inf/nan in \(csv)") }
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Columns tco2, location_based_tco2, biogenic_tco2, share and activity (labels and formulas have no commas here).
        for row in rows.dropFirst() where row.hasPrefix("source,") || row.hasPrefix("total,") {
            let cells = row.components(separatedBy: ",")
            for index in [5, 6, 7, 8, 9] where index < cells.count {
                let cell = cells[index]
                if cell.isEmpty || cell == "—" { continue }
                guard let number = Double(cell), number.isFinite else {
                    throw RenderingError(description: "column \(index) \"\(cell)\" in \(row)")
                }
            }
        }
    }

    /// The inventory of a one-source park (Guangdong, 2025) with the given activity, one source per value.
    func inventory(activity: [Double], unit: QuantityUnit, method: AccountingMethodKind, fuel: String? = nil) throws -> Inventory {
        let sources = activity.enumerated().map { index, value in
            EmissionSource(id: "s\(index)", name: "s\(index)", system: .energy, method: method, fuel: fuel,
                           activity: ActivityData(unit: unit, values: .total(value)))
        }
        let park = ParkDefinition(
            profile: ParkProfile(id: "p", name: "园区", type: .industrialPark, province: "guangdong", areaM2: 100_000,
                                 outputValueCNY: 1e8, boundaryEvidence: []),
            period: AccountingPeriod(year: 2025)!, sources: sources)
        return try InventoryCalculator.compute(park)
    }
}
