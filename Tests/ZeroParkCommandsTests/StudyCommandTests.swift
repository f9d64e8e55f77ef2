import Foundation
import Testing
@testable import ZeroParkCommands

/// `zeropark rolling` and `zeropark size` run as a user runs them (issue #9 items 4–6; #10 item 3): the
/// shipped rolling example with its forecast scores, a sizing run whose `--format plan` output is taken
/// by `zeropark plan` as measures, and a scenario without the section refused naming it.
struct StudyCommandTests {
    static func example(_ name: String) -> String { CommandLineTests.root.appendingPathComponent("examples/" + name).path }

    @Test func rollingExampleScoresTheForecastsAndSetsTheCostAgainstPerfectForesight() throws {
        let cli = CommandLineTests()
        let table = try cli.run(["rolling", Self.example("rolling-nansha.yaml")])
        #expect(table.status == 0, "\(table.stderr)")
        for text in ["滚动运行", "nMAE", "季节朴素", "完全预见最优", "与完全预见的差距"] { #expect(table.stdout.contains(text), "\(text)") }
        let json = try cli.run(["rolling", Self.example("rolling-nansha.yaml"), "--format", "json"])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "zeropark.rolling/1")
        #expect(document["solves"] as? Int == 31 * 24)
        // On this (synthetic) month the load forecast beats seasonal-naive on nMAE.
        let load = try #require(document["load_forecast_score"] as? [String: Any])
        #expect(load["beats_baseline_on_nmae"] as? Bool == true)
        let gap = try #require(document["relative_cost_gap"] as? Double)
        #expect(gap >= -1e-9)   // realised ≥ perfect foresight (the import limit is not set, so it is feasible for the full LP)
    }

    @Test func sizingPlanMeasuresAreTakenByThePlan() throws {
        let cli = CommandLineTests()
        // The sizing example over two July weeks (annual figures scaled by 8,760 h ÷ 336 h).
        let text = try String(contentsOfFile: Self.example("sizing-nansha.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "start: 2025-01-01", with: "start: 2025-07-01")
            .replacingOccurrences(of: "days: 365", with: "days: 14")
            .replacingOccurrences(of: "csv: synthetic", with: "csv: " + CommandLineTests.root.appendingPathComponent("examples").path + "/synthetic")
        let scenario = try cli.temporaryFile(text)
        let table = try cli.run(["size", scenario])
        #expect(table.status == 0, "\(table.stderr)")
        for text in ["容量优化", "新增光伏", "净现值", "边际减排成本"] { #expect(table.stdout.contains(text), "\(text)") }
        let plan = try cli.run(["size", scenario, "--format", "plan"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("category: rooftop_pv"))
        // The measures go into a plan file as they are.
        let header = try String(contentsOfFile: Self.example("plan-example.yaml"), encoding: .utf8)
            .components(separatedBy: "\nmeasures:")[0]
        let measures = plan.stdout.components(separatedBy: "measures:\n")[1]
        let planFile = try cli.temporaryFile(header + "\nmeasures:\n" + measures)
        let run = try cli.run(["plan", Self.example("park-example.yaml"), "--measures", planFile])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("sized-pv"))
    }

    @Test func aScenarioWithoutTheSectionIsRefusedNamingIt() throws {
        let cli = CommandLineTests()
        let run = try cli.run(["size", CommandLineTests.root.appendingPathComponent("examples/dispatch-guangdong.yaml").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains(": sizing: "))
        let rolling = try cli.run(["rolling", CommandLineTests.root.appendingPathComponent("examples/dispatch-guangdong.yaml").path])
        #expect(rolling.status == 1)
        #expect(rolling.stderr.contains(": rolling: "))
    }
}
