import ArgumentParser
import Foundation
import ZeroParkClp
import ZeroParkInput
import ZeroParkScenario
import ZeroParkServer
import ZeroParkStore

/// `zeropark dispatch SCENARIO [--format table|json|csv] [--schedule FILE] [--db PATH --park ID] [--lang zh|en]`:
/// optimises a dispatch scenario (docs/optimisation.md) on COIN-OR Clp and prints the result beside the
/// no-storage baseline. Series come from CSV files beside the scenario or, with `--db` and `--park`,
/// from the park's meters. Exit codes: 0 ok, 1 the scenario is wrong or infeasible, 2 usage.
///
/// Serves STANDARD.md 1.1.20(b)(c)(e)(f), 1.1.23, 1.1.36, 1.1.37.
struct DispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Optimise PV, battery, EV charging and CHP against a tariff (a YAML scenario; docs/optimisation.md).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var input: ScenarioInput
    @Option(help: "table (terminal), json (zeropark.dispatch/1) or csv (the per-step schedule).") var format: Format = .table
    @Option(help: "Also write the per-step schedule as CSV to this file.") var schedule: String?

    func run() async throws {
        let chinese = input.lang == .zh
        let (parsed, source) = try input.load()
        let outcome: ScenarioOutcome
        do {
            outcome = try await ScenarioRunner(solver: ClpSolver()).run(parsed, source: source)
        } catch {
            throw input.failure(error.problems)
        }
        if let schedule {
            do {
                try Data(ScheduleCSV.render(outcome, chinese: chinese).utf8).write(to: URL(fileURLWithPath: schedule))
            } catch {
                throw CommandLineFailure("错误：\(schedule)：无法写入调度表 / error: \(schedule): cannot write the schedule: \(error.localizedDescription)")
            }
        }
        switch format {
        case .table: print(DispatchTableRenderer(language: input.lang).render(outcome), terminator: "")
        case .json: print(try DispatchDocument(outcome).json())
        case .csv: print(ScheduleCSV.render(outcome, chinese: chinese), terminator: "")
        }
    }
}
