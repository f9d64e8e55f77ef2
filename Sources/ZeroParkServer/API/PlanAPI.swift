import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkInput
import ZeroParkScenario
import ZeroParkStore

/// The neutrality plan over the API (issue #10 items 5 and 8):
/// - `POST /parks/{park}/plan?year=`: the measures file as JSON, answered with the `zeropark.plan/1`
///   pathway from the park's inventory of `year` (default: the park's year); nothing is stored;
/// - `POST /parks/{park}/plans?year=`: the same, stored as the park's next plan version with why;
/// - `GET /parks/{park}/plans` and `GET /parks/{park}/plans/{version}`: the versions, and one with its
///   measures file and document (every role but tenants: a plan is the park's).
/// Unknown sources, a measure with no or two abatement rules and a plan that offsets before a cheaper
/// measure are 422 with the field.
///
/// Serves STANDARD.md 1.1.5–1.1.7, 1.1.9–1.1.10 (re-planning is a new version with its reason), 1.1.13, 1.1.2(d).
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
                return JSONBody.raw(try PlanService.json(result))
            },
            APIOperation(method: .post, path: "/parks/{park}/plans",
                         summary: "Compute a pathway and store it as the park's next plan version, with why (park admins and managers)",
                         access: .parkEditor, query: [.year], body: .json(PlanSchema.version),
                         success: [.created("The stored version (number, who, when, why, balance year)", APIDocs.object)],
                         semanticChecks: true) { request, context, input in
                let caller = try context.requireCaller()
                let key = try context.parameter("park")
                let year = try await self.year(request, parkKey: key, caller: caller)
                let body = try JSONValue.parse(input.bytes)
                guard case let .object(members) = body.value, let reason = members.first(where: { $0.name == "reason" })?.value,
                      case let .string(why) = reason.value, let planNode = members.first(where: { $0.name == "plan" })?.value else {
                    throw APIError(status: .unprocessableContent, code: "invalid_body", message: context.text("须有 reason 与 plan", "reason and plan are required"))
                }
                let plan = try PlanFileReader.read(json: planNode)
                let stored = try await planner.save(plan, measuresFile: String(decoding: planNode.canonicalJSON(), as: UTF8.self), reason: why, parkKey: key, year: year, caller: caller)
                return try JSONBody.response(stored, status: .created)
            },
            APIOperation(method: .get, path: "/parks/{park}/plans", summary: "The park's plan versions, newest first (every role but tenants)",
                         access: .parkWideReader, success: [.ok("Versions (without documents)", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.plans(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
            },
            APIOperation(method: .get, path: "/parks/{park}/plans/{version}",
                         summary: "One plan version with its measures file and zeropark.plan/1 document (every role but tenants)",
                         access: .parkWideReader, success: [.ok("Version", APIDocs.object)], numericPath: true) { _, context, _ in
                guard let version = Int(try context.parameter("version")), version > 0 else {
                    throw APIError(status: .badRequest, code: "bad_path", message: context.text("版本号须为正整数", "the version must be a positive number"),
                                   field: "version")
                }
                return try JSONBody.response(try await store.plan(parkKey: try context.parameter("park"), version: version, caller: try context.requireCaller()))
            },
            APIOperation(method: .put, path: "/parks/{park}/trial",
                         summary: "Declare or change the park's trial period: one year held to a stored plan version, with the deviation threshold (park admins and managers; 1.1.9)",
                         access: .parkEditor, body: .json(RequestBodies.trial), success: [.ok("The declaration", APIDocs.object)]) { _, context, input in
                struct Body: Decodable { let start: String, end: String?, planVersion: Int, threshold: Double }
                let body = try input.decode(Body.self)
                guard let start = CalendarDate(iso: body.start) else {
                    throw APIError(status: .unprocessableContent, code: "invalid", message: context.text("须为 YYYY-MM-DD 日期", "must be a date, YYYY-MM-DD"), field: "start")
                }
                guard let end = body.end.map({ CalendarDate(iso: $0) }) ?? start.yearLater else {
                    throw APIError(status: .unprocessableContent, code: "invalid", message: context.text("须为 YYYY-MM-DD 日期", "must be a date, YYYY-MM-DD"), field: "end")
                }
                return try JSONBody.response(try await TrialService(inventories: service).declare(
                    parkKey: try context.parameter("park"), start: start, end: end, planVersion: body.planVersion, threshold: body.threshold,
                    caller: try context.requireCaller()))
            },
            APIOperation(method: .get, path: "/parks/{park}/trial",
                         summary: "The trial year against its plan: months planned and actual, findings with their causes, offsets per year (every role but tenants; 1.1.9–1.1.10)",
                         access: .parkWideReader, success: [.ok("The trial's progress", APIDocs.object)]) { _, context, _ in
                let caller = try context.requireCaller()
                guard let report = try await TrialService(inventories: service).report(parkKey: try context.parameter("park"), caller: caller) else {
                    throw StoreError.notFound("trial period")
                }
                return try JSONBody.response(TrialDocument(report))
            },
            APIOperation(method: .put, path: "/parks/{park}/output/{year}",
                         summary: "Record the park's area and output value in a year, with their source (park admins and managers; 1.1.14): that year's intensities use them",
                         access: .parkEditor, body: .json(RequestBodies.yearOutput), success: [.ok("The year's record", APIDocs.object)],
                         numericPath: true) { _, context, input in
                guard let year = Int(try context.parameter("year")) else {
                    throw APIError(status: .badRequest, code: "bad_path", message: context.text("年份须为整数", "the year must be a number"), field: "year")
                }
                struct Body: Decodable { let areaM2: Double, outputValueCny: Double?, dataSource: String }
                let body = try input.decode(Body.self)
                return try JSONBody.response(try await store.setYearOutput(parkKey: try context.parameter("park"), year: year, areaM2: body.areaM2,
                                                                           outputValueCNY: body.outputValueCny, dataSource: body.dataSource,
                                                                           caller: try context.requireCaller()))
            },
            APIOperation(method: .get, path: "/parks/{park}/output",
                         summary: "The park's area and output value by year (every role but tenants; 1.1.14)",
                         access: .parkWideReader, success: [.ok("Years", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.yearOutputs(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
            },
        ]
    }
}
