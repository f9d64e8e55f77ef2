import Foundation
import Yams
import ZeroParkCore
import ZeroParkParkFile

// Benchmark for issue #2: a park file with N sources (default 10,000), each with 12 monthly values.
// Prints the median time of YAML parsing alone (Yams.compose), of reading into the model, and of
// computing the inventory, with each as a ratio to parsing alone measured in the same run.
// Run: scripts/bench  (release build). Figures are for comparison within one run only.

let arguments = CommandLine.arguments
if arguments.count > 1, arguments[1] == "input" {
    exit(InputBenchmark.run(repetitions: arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5))
}
// `zeropark-bench profile N REPS`: only the inventory computation, repeated, for a profiler (perf record).
if arguments.count > 1, arguments[1] == "profile" {
    let count = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
    let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20
    do {
        let park = try ParkFileReader.read(yaml: generatePark(sources: count))
        var total = 0.0
        for _ in 0..<rounds { total += try InventoryCalculator.compute(park).emissionsTco2 }
        print(String(format: "computed %d times, checksum %.3f", rounds, total))
        exit(0)
    } catch {
        print("benchmark failed: \(error)")
        exit(1)
    }
}
let sourceCount = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

func generatePark(sources count: Int) -> String {
    var text = """
    zeropark: 1
    park:
      id: bench
      name: 基准园区
      type: industrial_park
      province: guangdong
      area_m2: 2000000
      output_value_cny: 1.0e10
    period:
      year: 2025
    factors:
      - id: park.water
        value: 0.21
        unit: kgCO2/t
        source: benchmark
    sources:

    """
    let systems = EmissionSystem.allCases.map(\.rawValue)
    for index in 0..<count {
        let months = (0..<12).map { String(100 + (index * 7 + $0 * 13) % 900) }.joined(separator: ", ")
        let system = systems[index % systems.count]
        let method: String
        let unit: String
        switch index % 5 {
        case 0: method = "method: purchased_electricity"; unit = "MWh"
        case 1: method = "method: fuel_combustion\n    fuel: diesel"; unit = "t"
        case 2: method = "method: purchased_heat"; unit = "GJ"
        case 3: method = "method: activity_factor\n    factor: park.water"; unit = "t"
        default: method = "method: green_electricity"; unit = "MWh"
        }
        text += """
          - id: src-\(index)
            name: 排放源 \(index)
            system: \(system)
            \(method)
            activity:
              unit: \(unit)
              monthly: [\(months)]
            data_source: meter \(index)

        """
    }
    return text
}

func median(_ values: [Duration]) -> Duration {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func measure(_ body: () throws -> Void) rethrows -> Duration {
    var samples: [Duration] = []
    for _ in 0..<repetitions {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        samples.append(clock.now - start)
    }
    return median(samples)
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let yaml = generatePark(sources: sourceCount)
print("park file: \(sourceCount) sources × 12 months, \(yaml.utf8.count / 1024) KiB; median of \(repetitions) runs")

do {
    let park = try ParkFileReader.read(yaml: yaml)
    let parse = try measure { _ = try Yams.compose(yaml: yaml, .basic) }
    let parseResolving = try measure { _ = try Yams.compose(yaml: yaml) }
    let read = try measure { _ = try ParkFileReader.read(yaml: yaml) }
    var inventory: Inventory?
    let compute = try measure { inventory = try InventoryCalculator.compute(park) }
    let encode = try measure {
        if let inventory { _ = try JSONEncoder().encode(InventoryDocument(inventory)) }
    }
    let parseMs = milliseconds(parse)
    func line(_ label: String, _ duration: Duration) {
        let ms = milliseconds(duration)
        let padded = label + String(repeating: " ", count: max(0, 44 - label.count))
        print(padded + String(format: " %9.2f ms   %6.3f × parse", ms, ms / parseMs))
    }
    line("YAML parse alone (Yams.compose, basic)", parse)
    line("  for comparison: with default tag resolver", parseResolving)
    line("read park file (parse + model + checks)", read)
    line("  of which: alias/depth prescan (libyaml events)", try measure {
        if let issue = YAMLPrescan.check(yaml, maxNodes: yaml.utf8.count + 64, maxDepth: 32) { throw ParkInputError(issues: [issue]) }
    })
    line("compute inventory (all sources, monthly)", compute)
    line("encode inventory JSON", encode)
    line("read + compute (file to inventory)", read + compute)
    if let inventory {
        print(String(format: "emissions %.3f tCO2 over %d sources", inventory.emissionsTco2, inventory.sources.count))
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
