import Foundation
import Yams
import ZeroParkCore
import ZeroParkInput
import ZeroParkParkFile

/// Benchmark for issue #6: the untrusted-input readers at their size limits, each as a ratio to a
/// baseline measured in the same run (Foundation's JSON parser, a plain split of the CSV text,
/// Yams composing the example park file), plus the linearity check that found two quadratic paths.
enum InputBenchmark {
    static func run(repetitions: Int) -> Int32 {
        func time(_ body: () throws -> Void) rethrows -> Double {
            var samples: [Double] = []
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            return samples.sorted()[samples.count / 2]
        }
        func line(_ label: String, _ ms: Double, _ baseline: Double, _ baselineName: String) {
            let padded = label + String(repeating: " ", count: max(0, 52 - label.count))
            print(padded + String(format: " %9.2f ms   %6.2f × %@", ms, ms / baseline, baselineName))
        }
        do {
            // ~2 MiB of JSON: 30,000 activity-like objects, pretty-printed, and the same on one line.
            let rows = (0..<30_000).map { #"{"year": 2025, "month": \#($0 % 12 + 1), "value": \#(Double($0) * 1.5), "data_source": "电表 \#($0)"}"# }
            let pretty = Array(("[\n" + rows.joined(separator: ",\n") + "\n]").utf8)
            let oneLine = Array(("[" + rows.joined(separator: ",") + "]").utf8)
            let half = Array(("[" + rows.prefix(15_000).joined(separator: ",") + "]").utf8)
            print("median of \(repetitions) runs; JSON body \(pretty.count / 1024) KiB")
            let foundation = try time { _ = try JSONSerialization.jsonObject(with: Data(pretty)) }
            line("Foundation JSONSerialization (baseline)", foundation, foundation, "Foundation")
            line("JSONValue.parse, line breaks", try time { _ = try JSONValue.parse(pretty) }, foundation, "Foundation")
            let whole = try time { _ = try JSONValue.parse(oneLine) }
            line("JSONValue.parse, one 2 MiB line", whole, foundation, "Foundation")
            let halfLine = try time { _ = try JSONValue.parse(half) }
            line("JSONValue.parse, one 1 MiB line", halfLine, foundation, "Foundation")
            print(String(format: "linearity: 2 MiB line / 1 MiB line = %.2f (2.00 is linear)", whole / halfLine))
            let schema = Schema.array(RequestBodies.activity, maxItems: 100_000)
            line("parse + check against the Activity schema", try time { _ = try schema.check(pretty) }, foundation, "Foundation")

            // ~2 MiB of CSV (activity import), and a file of long quoted fields.
            let csv = "source,year,month,value,data_source\n" + (0..<60_000).map { "src-\($0 % 500),2025,\($0 % 12 + 1),\(Double($0) * 1.5),\"电表, \($0)\"" }.joined(separator: "\n")
            let split = time { _ = csv.split(separator: "\n").map { $0.split(separator: ",") } }
            print("CSV \(csv.utf8.count / 1024) KiB, 60,000 rows")
            line("String.split by line and comma (baseline)", split, split, "split")
            line("CSVTable.read (RFC 4180, positions, limits)", try time { _ = try CSVTable.read(csv) }, split, "split")
            let longFields = "a,b\n" + (0..<1_000).map { _ in "\"" + String(repeating: "x", count: 999) + "\",y" }.joined(separator: "\n")
            line("CSVTable.read, 1,000 fields of 999 characters", try time { _ = try CSVTable.read(longFields) }, split, "split")

            // YAML: the example park file against a 600-byte alias bomb (9^9 nodes if expanded).
            let example = try String(contentsOfFile: "examples/park-example.yaml", encoding: .utf8)
            var bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
            for level in 1...9 { bomb.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]") }
            let bombText = bomb.joined(separator: "\n") + "\n"
            let compose = try time { _ = try Yams.compose(yaml: example, .basic) }
            print("YAML: examples/park-example.yaml \(example.utf8.count) bytes; alias bomb \(bombText.utf8.count) bytes")
            line("Yams.compose, example park file (baseline)", compose, compose, "compose")
            line("ParkFileReader.read, example park file", try time { _ = try ParkFileReader.read(yaml: example) }, compose, "compose")
            line("ParkFileReader.read, alias bomb (refused)", time { _ = try? ParkFileReader.read(yaml: bombText) }, compose, "compose")
            return 0
        } catch {
            print("benchmark failed: \(error)")
            return 1
        }
    }
}
