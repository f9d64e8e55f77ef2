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

    @Argument(help: "The scenario file (YAML, zeropark_dispatch: 1).") var scenario: String
    @Option(help: "table (terminal), json (zeropark.dispatch/1) or csv (the per-step schedule).") var format: Format = .table
    @Option(help: "Also write the per-step schedule as CSV to this file.") var schedule: String?
    @Option(help: "SQLite database for series from meters (env ZEROPARK_DB).") var db: String?
    @Option(help: "The park whose meters the scenario names (with --db).") var park: String?
    @Option(help: "Language of table and CSV headings: zh (简体中文) or en.") var lang: OutputLanguage = .zh

    func run() async throws {
        let chinese = lang == .zh
        let url = URL(fileURLWithPath: scenario)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw CommandLineFailure("error: \(scenario): no such file / 找不到文件")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > ScenarioReader.maxBytes {
            throw CommandLineFailure("error: \(scenario): \(size) bytes; scenarios are at most \(ScenarioReader.maxBytes) bytes")
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw CommandLineFailure("error: \(scenario): not readable UTF-8 text")
        }
        let parsed: DispatchScenario
        do { parsed = try ScenarioReader.read(yaml: text) } catch { throw failure(error.problems, chinese: chinese) }
        let files = FileSeriesSource(baseDirectory: url.deletingLastPathComponent())
        let source: any SeriesSource
        if let db {
            guard let park else { throw CommandLineFailure("error: --db needs --park (the park whose meters the scenario names)") }
            guard FileManager.default.fileExists(atPath: db) else { throw CommandLineFailure("error: \(db): no such database") }
            source = StoreSeriesSource(store: try openStore(db), parkKey: park, caller: .commandLine,
                                       now: Int64(Date().timeIntervalSince1970), files: files)
        } else {
            source = files
        }
        let outcome: ScenarioOutcome
        do {
            outcome = try await ScenarioRunner(solver: ClpSolver()).run(parsed, source: source)
        } catch {
            throw failure(error.problems, chinese: chinese)
        }
        if let schedule {
            do {
                try Data(ScheduleCSV.render(outcome, chinese: chinese).utf8).write(to: URL(fileURLWithPath: schedule))
            } catch {
                throw CommandLineFailure("error: \(schedule): cannot write the schedule: \(error.localizedDescription)")
            }
        }
        switch format {
        case .table: print(DispatchTableRenderer(language: lang).render(outcome), terminator: "")
        case .json: print(try DispatchDocument(outcome).json())
        case .csv: print(ScheduleCSV.render(outcome, chinese: chinese), terminator: "")
        }
    }

    /// One line per problem: `file:line:column: field: 中文 / English`.
    func failure(_ problems: [InputProblem], chinese: Bool) -> CommandLineFailure {
        let lines = problems.map { p -> String in
            let message = chinese ? p.zh + " / " + p.en : p.en
            if p.field.hasSuffix(".csv") {   // the line is the series file's
                return "error: \(scenario): \(p.field)\(p.line.map { " line \($0)" } ?? ""): \(message)"
            }
            let place = p.line.map { ":\($0)" + (p.column.map { ":\($0)" } ?? "") } ?? ""
            return "error: \(scenario)\(place): \(p.field): \(message)"
        }
        return CommandLineFailure(lines.joined(separator: "\n") + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(scenario)")
    }
}
