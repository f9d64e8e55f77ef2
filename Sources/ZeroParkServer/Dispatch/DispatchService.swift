import Foundation
import ZeroParkClp
import ZeroParkInput
import ZeroParkScenario
import ZeroParkStore

/// Runs dispatch scenarios for the API and the page: series from the park's meters (or inline values),
/// assembly, and the two LP solves on COIN-OR Clp off the event loop, at most `maxConcurrent` at once
/// (2 cores are shared with the server). Every refusal is an `InputError` (422 to the API, a form error
/// on the page).
///
/// Serves STANDARD.md 1.1.37 (the optimisation step as a park service) and 1.1.20(e)(f).
public struct DispatchService: Sendable {
    public let store: any ParkRepository
    let gate: SolveGate

    public init(store: any ParkRepository, maxConcurrent: Int = 1) {
        self.store = store
        self.gate = SolveGate(limit: maxConcurrent)
    }

    public func run(_ scenario: DispatchScenario, parkKey: String, caller: Caller) async throws(InputError) -> ScenarioOutcome {
        let source = StoreSeriesSource(store: store, parkKey: parkKey, caller: caller, now: Int64(Date().timeIntervalSince1970))
        let series = try await ScenarioSeries.resolve(scenario, from: source)
        let assembled: AssembledScenario
        do { assembled = try ScenarioAssembly.assemble(scenario, series: series) } catch { throw InputError(error.problems) }
        await gate.enter()
        let task = Task.detached(priority: .utility) { () -> Result<ScenarioOutcome, ScenarioError> in
            do throws(ScenarioError) { return .success(try ScenarioRunner(solver: ClpSolver()).run(assembled)) } catch { return .failure(error) }
        }
        let result = await task.value
        await gate.leave()
        switch result {
        case .success(let outcome): return outcome
        case .failure(let error): throw InputError(error.problems)
        }
    }
}

/// A counting gate: at most `limit` solves run, the rest wait in order.
///
/// Serves STANDARD.md 1.1.37 (the server stays responsive while it optimises).
actor SolveGate {
    let limit: Int
    var running = 0
    var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func enter() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
