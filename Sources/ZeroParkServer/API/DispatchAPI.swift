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
            APIOperation(method: .post, path: "/parks/{park}/dispatch/sizing",
                         summary: "Size new PV (kWp) and a battery (kWh, kW) on the scenario's load and tariff with the costs of its sizing section (park admins and managers); economics, abatement rows and the plan's measures",
                         access: .parkEditor, body: .json(ScenarioSchema.body),
                         success: [.ok("The sizing report (zeropark.sizing/1)", APIDocs.object)], semanticChecks: true) { _, context, input in
                let park = try context.parameter("park")
                let caller = try context.requireCaller()
                let scenario = try ScenarioReader.read(json: try JSONValue.parse(input.bytes))
                let outcome = try await service.size(scenario, parkKey: park, caller: caller)
                return JSONBody.raw(Data(try SizingDocument(outcome).json().utf8))
            },
            APIOperation(method: .post, path: "/parks/{park}/dispatch/rolling",
                         summary: "Run the scenario by rolling operation on day-ahead forecasts from the meters' history (rolling section; at most 31 days; park admins and managers); realised cost against perfect foresight, forecast scores against seasonal-naive",
                         access: .parkEditor, body: .json(ScenarioSchema.body),
                         success: [.ok("The rolling-operation report (zeropark.rolling/1)", APIDocs.object)], semanticChecks: true) { _, context, input in
                let park = try context.parameter("park")
                let caller = try context.requireCaller()
                let scenario = try ScenarioReader.read(json: try JSONValue.parse(input.bytes))
                let outcome = try await service.roll(scenario, parkKey: park, caller: caller)
                return JSONBody.raw(Data(try RollingDocument(outcome).json().utf8))
            },
        ]
    }
}
