import Foundation
import Hummingbird
import ZeroParkInput
import ZeroParkScenario
import ZeroParkStore

/// `POST /api/v1/parks/{park}/dispatch` (issue #9 item 3): a scenario as JSON (the YAML file's keys;
/// series from the park's meters or inline values; built-in tariffs) for the park's admins and managers,
/// answered with the `zeropark.dispatch/1` report. Horizons are bounded (≤ 8,784 h, ≤ 35,136 steps) and
/// solved off the event loop.
///
/// Serves STANDARD.md 1.1.37, 1.1.20(e)(f) and 1.1.2(d).
extension APIRoutes {
    var dispatchOperations: [APIOperation] {
        let service = DispatchService(store: store)
        return [
            APIOperation(method: .post, path: "/parks/{park}/dispatch",
                         summary: "Optimise PV, battery, EV charging and CHP against a tariff over a horizon (park admins and managers); the report with the per-step schedule, beside the no-storage baseline",
                         access: .parkEditor, body: .json(ScenarioSchema.body),
                         success: [.ok("The dispatch report (zeropark.dispatch/1)", APIDocs.object)], semanticChecks: true) { _, context, input in
                let park = try context.parameter("park")
                let caller = try context.requireCaller()
                let located = try JSONValue.parse(input.bytes)
                let scenario = try ScenarioReader.read(json: located)
                let outcome = try await service.run(scenario, parkKey: park, caller: caller)
                return JSONBody.raw(Data(try DispatchDocument(outcome).json().utf8))
            },
        ]
    }
}
