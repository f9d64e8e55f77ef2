import Foundation
import Hummingbird
import ZeroParkInput
import ZeroParkScenario
import ZeroParkStore

/// `POST /api/v1/parks/{park}/plan?year=` (issue #10 item 8): the measures file as JSON for the park's
/// admins and managers, answered with the `zeropark.plan/1` pathway from the park's inventory of
/// `year` (default: the park's year). Unknown sources, a measure with no or two abatement rules and a
/// plan that offsets before a cheaper measure are 422 with the field.
///
/// Serves STANDARD.md 1.1.5–1.1.7, 1.1.13 and 1.1.2(d).
extension APIRoutes {
    var planOperations: [APIOperation] {
        let planner = PlanService(inventories: service)
        return [
            APIOperation(method: .post, path: "/parks/{park}/plan",
                         summary: "A neutrality pathway from the park's inventory and the measures sent (park admins and managers): measures by abatement cost, reduce → absorb → offset, local credits first",
                         access: .parkEditor, query: [.year], body: .json(PlanSchema.body),
                         success: [.ok("The pathway (zeropark.plan/1)", APIDocs.object)], semanticChecks: true) { request, context, input in
                let caller = try context.requireCaller()
                let key = try context.parameter("park")
                let year = try await self.year(request, parkKey: key, caller: caller)
                let plan = try PlanFileReader.read(json: try JSONValue.parse(input.bytes))
                let result = try await planner.run(plan, parkKey: key, year: year, caller: caller)
                return JSONBody.raw(try PlanService.json(result.pathway, result.plan))
            },
        ]
    }
}
