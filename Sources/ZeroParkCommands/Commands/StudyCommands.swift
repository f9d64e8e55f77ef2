import ArgumentParser
import Foundation
import ZeroParkClp
import ZeroParkScenario

/// `zeropark size SCENARIO [--format table|json|plan]`: sizes new PV and a battery from the scenario's
/// `sizing:` section on the sizing LP (COIN-OR Clp), re-dispatches with and without the chosen sizes,
/// and prints the economics and abatement rows; `--format plan` prints them as the plan file's
/// `measures:` (docs/planning.md §5). Exit codes: 0 ok, 1 the scenario is wrong or infeasible, 2 usage.
///
/// Serves STANDARD.md 1.1.20(b)(c) and the neutrality plan's PV and storage rows (1.1.5–1.1.6).
struct SizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Size new PV and a battery on the scenario's load and tariff (the scenario's sizing: section; docs/optimisation.md).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, plan }

    @OptionGroup var input: ScenarioInput
    @Option(help: "table (terminal), json (zeropark.sizing/1) or plan (the plan file's measures).") var format: Format = .table

    func run() async throws {
        let (scenario, source) = try input.load()
        let outcome: SizingOutcome
        do { outcome = try await ScenarioStudies(solver: ClpSolver()).size(scenario, source: source) } catch {
            throw input.failure(error.problems)
        }
        switch format {
        case .table: print(StudyTableRenderer(language: input.lang).render(outcome), terminator: "")
        case .json: print(try SizingDocument(outcome).json())
        case .plan: print(PlanMeasureExport.yaml(outcome), terminator: "")
        }
    }
}

/// `zeropark rolling SCENARIO [--format table|json]`: runs the scenario's `rolling:` section — forecast,
/// re-solve over the rolling horizon, commit, realise against the measured series — and prints the
/// forecasts' scores against seasonal-naive and the realised cost against perfect foresight and the
/// no-battery baseline. Exit codes as for `dispatch`.
///
/// Serves STANDARD.md 1.1.37 and 1.1.20(b)(e).
struct RollingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolling",
        abstract: "Run the microgrid by rolling operation on forecasts (the scenario's rolling: section; docs/optimisation.md).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var input: ScenarioInput
    @Option(help: "table (terminal) or json (zeropark.rolling/1, with the realised schedule).") var format: Format = .table

    func run() async throws {
        let (scenario, source) = try input.load()
        let outcome: RollingOutcome
        do { outcome = try await ScenarioStudies(solver: ClpSolver()).roll(scenario, source: source) } catch {
            throw input.failure(error.problems)
        }
        switch format {
        case .table: print(StudyTableRenderer(language: input.lang).render(outcome), terminator: "")
        case .json: print(try RollingDocument(outcome).json())
        }
    }
}
