import Foundation
import Testing
@testable import ZeroParkServer
@testable import ZeroParkStore
import ZeroParkTelemetry

/// The series API's hand-written JSON is the document Foundation's JSONEncoder (snake_case, sorted
/// keys) gives for the same series, byte for byte, over random series: missing values and totals,
/// slot quality names, negative and fractional values across magnitudes, awkward meter keys.
struct SeriesJSONTests {
    /// SplitMix64: a fixed seed, so a failure reproduces.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func double() -> Double {
            switch int(0...4) {
            case 0: return Double(int(0...500))                                      // whole kWh
            case 1: return Double(int(-99_999...99_999)) / 10                        // one decimal
            case 2: return Double(bitPattern: next() >> 2) * (int(0...1) == 0 ? 1 : -1)  // any magnitude
            case 3: return Double(int(1...1_000_000)) / 7                             // long fractions
            default: return Double(int(0...1_000_000)) * 1e12                          // large
            }
        }
    }

    func foundation(_ series: MeterSeries) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(series))
    }

    @Test("the same bytes as JSONEncoder on 400 random series")
    func matchesFoundation() throws {
        var random = Random(state: 2026_11_26)
        let qualities = ["measured", "interpolated", "profiled", "spike_replaced", "missing"]
        let keys = ["m007", "电表-1", "a\"b", "back\\slash", "tab\there", "new\nline", "控制\u{1}字符\u{8}\u{c}\r\u{1f}", "slash/ok"]
        for round in 0..<400 {
            let count = random.int(0...120)
            let points = (0..<count).map { index in
                SeriesPoint(ts: 1_795_651_200 + Int64(index) * 900, value: random.int(0...5) == 0 ? nil : random.double(),
                            measured: random.int(0...4), estimated: random.int(0...4), missing: random.int(0...4),
                            flagged: random.int(0...2), quality: round % 2 == 0 ? qualities[random.int(0...4)] : nil)
            }
            let series = MeterSeries(meter: keys[random.int(0...(keys.count - 1))], unit: ["kWh", "m³", "kW"][random.int(0...2)],
                                     readingKind: [.interval, .cumulative, .instantaneous][random.int(0...2)],
                                     resolution: SeriesResolution.allCases[random.int(0...3)], from: Int32(random.int(19_000...21_000)),
                                     to: Int32(random.int(19_000...21_000)), points: points,
                                     total: random.int(0...3) == 0 ? nil : random.double(),
                                     quality: DataQuality(expected: random.int(0...40_000), measured: random.int(0...40_000),
                                                          estimated: random.int(0...100), flagged: random.int(0...100),
                                                          revisions: random.int(0...10)))
            let ours = String(decoding: SeriesJSON.encode(series), as: UTF8.self)
            let theirs = String(decoding: try foundation(series), as: UTF8.self)
            #expect(ours == theirs, "round \(round)")
            if ours != theirs { return }
        }
    }

    @Test("integers at the edges of Int64 and of each digit count")
    func integerEdges() throws {
        var stamps: [Int64] = [0, 9, 10, -1, -10, 99, 100, .max, .min, .max - 1, .min + 1]
        var power: Int64 = 1
        for _ in 0..<18 { power *= 10; stamps += [power - 1, power, -power, -(power - 1)] }
        let series = MeterSeries(meter: "m", unit: "kWh", readingKind: .interval, resolution: .slot, from: 0, to: 0,
                                 points: stamps.map { SeriesPoint(ts: $0, value: Double($0 % 1000), measured: 0, estimated: 0, missing: 0, flagged: 0, quality: nil) },
                                 total: nil, quality: .empty)
        #expect(String(decoding: SeriesJSON.encode(series), as: UTF8.self) == String(decoding: try foundation(series), as: UTF8.self))
    }

    @Test("worked example: one hourly point of 4 measured intervals")
    func example() {
        // 118 kWh in the hour from 2026-11-26 00:00 CST (1,795,622,400 s); total 118; 4 of 4 measured.
        let series = MeterSeries(meter: "m007", unit: "kWh", readingKind: .interval, resolution: .hour, from: 20_783, to: 20_783,
                                 points: [SeriesPoint(ts: 1_795_622_400, value: 118, measured: 4, estimated: 0, missing: 0, flagged: 0, quality: nil)],
                                 total: 118, quality: DataQuality(expected: 4, measured: 4, estimated: 0, flagged: 0, revisions: 0))
        #expect(String(decoding: SeriesJSON.encode(series), as: UTF8.self) == """
            {"from":20783,"meter":"m007","points":[{"estimated":0,"flagged":0,"measured":4,"missing":0,"ts":1795622400,"value":118}],\
            "quality":{"estimated":0,"expected":4,"flagged":0,"measured":4,"revisions":0},"reading_kind":"interval","resolution":"hour",\
            "to":20783,"total":118,"unit":"kWh"}
            """)
    }
}
