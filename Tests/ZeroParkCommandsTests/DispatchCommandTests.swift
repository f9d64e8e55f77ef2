import Foundation
import Testing
@testable import ZeroParkCommands

/// `zeropark dispatch` run as a user runs it (issue #9 item 3): the shipped example, every format, the
/// schedule file, and exit code 1 with file, line and field for a bad scenario.
struct DispatchCommandTests {
    static var example: String { CommandLineTests.root.appendingPathComponent("examples/dispatch-guangdong.yaml").path }

    @Test func exampleTableJSONAndCSV() throws {
        let cli = CommandLineTests()
        let table = try cli.run(["dispatch", Self.example])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("调度结果"))
        #expect(table.stdout.contains("粤发改价格〔2021〕331号"))
        #expect(table.stdout.contains("节省"))
        #expect(table.stdout.contains("grid.guangdong"))
        let english = try cli.run(["dispatch", Self.example, "--lang", "en"])
        #expect(english.stdout.contains("Saving"))
        let json = try cli.run(["dispatch", Self.example, "--format", "json"])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["steps"] as? Int == 48)
        let optimised = try #require(document["optimised"] as? [String: Any]), baseline = try #require(document["baseline"] as? [String: Any])
        let o = try #require((optimised["cost"] as? [String: Any])?["total_cny"] as? Double)
        let b = try #require((baseline["cost"] as? [String: Any])?["total_cny"] as? Double)
        #expect(o <= b + 1e-6)
        let schedule = FileManager.default.temporaryDirectory.appendingPathComponent("zp-schedule-\(UUID().uuidString).csv").path
        let csv = try cli.run(["dispatch", Self.example, "--format", "csv", "--schedule", schedule])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("时间(北京时间),时段,"))
        #expect(csv.stdout.components(separatedBy: "\r\n").count == 50)
        #expect(try String(contentsOfFile: schedule, encoding: .utf8) == csv.stdout)
    }

    @Test func badScenarioExitsOneNamingLineAndField() throws {
        let cli = CommandLineTests()
        let file = try cli.temporaryFile("""
        zeropark_dispatch: 1
        tariff: {id: cn-gd-tou-2021-331, base_price_cny_per_kwh: 0.6725}
        horizon: {start: 2025-07-14, days: 1, step_minutes: 60}
        load: {csv: missing.csv, unit: kW}
        battery: {capacity_kwh: 100, max_charge_kw: 0, max_discharge_kw: 10}
        """)
        let run = try cli.run(["dispatch", file])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(file):5:"))
        #expect(run.stderr.contains("battery.max_charge_kw"))
        let usage = try cli.run(["dispatch", file, "--format", "pdf"])
        #expect(usage.status == 2)
        let missing = try cli.run(["dispatch", "/no/such/scenario.yaml"])
        #expect(missing.status == 1)
    }

    @Test func missingSeriesFileIsNamed() throws {
        let cli = CommandLineTests()
        let file = try cli.temporaryFile("""
        zeropark_dispatch: 1
        tariff: {id: cn-gd-tou-2021-331, base_price_cny_per_kwh: 0.6725}
        horizon: {start: 2025-07-14, days: 1, step_minutes: 60}
        load: {csv: missing.csv, unit: kW}
        """)
        let run = try cli.run(["dispatch", file])
        #expect(run.status == 1)
        #expect(run.stderr.contains("load.csv"))
    }
}
