import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkInput
import ZeroParkScenario
import ZeroParkStore
import ZeroParkTariff

/// The park's tariff and its monitoring cost (issue #9 item 1): `PUT/GET /parks/{park}/tariff` (the
/// scenario's tariff section; set by admins and managers, read by members but tenants) and `GET
/// /parks/{park}/energy-cost?from&to` (the main import meters priced by period with the month's maximum
/// demand and demand charge; ≤ 31 days; default this month up to yesterday).
///
/// Serves STANDARD.md 1.1.36, 1.1.20(e) and 1.1.2(d).
extension APIRoutes {
    var tariffOperations: [APIOperation] {
        let service = EnergyCostService(store: store)
        return [
            APIOperation(method: .put, path: "/parks/{park}/tariff",
                         summary: "Set the park's electricity tariff: a built-in tariff and what the park supplies for it (park admins and managers); checked on today's date",
                         access: .parkEditor, body: .json(ScenarioSchema.tariff),
                         success: [.ok("The stored tariff", APIDocs.object)], semanticChecks: true) { _, context, input in
                let caller = try context.requireCaller()
                let setting = try await service.setTariff(parkKey: try context.parameter("park"), json: Array(input.bytes), caller: caller,
                                                          now: ReportClock.nowSeconds())
                return JSONBody.raw(Data(TariffJSON.setting(setting).utf8))
            },
            APIOperation(method: .get, path: "/parks/{park}/tariff", summary: "The park's electricity tariff as set (members but tenants; 404 when none is set)",
                         access: .parkMember, success: [.ok("The stored tariff", APIDocs.object)]) { _, context, _ in
                guard let setting = try await store.parkTariff(parkKey: try context.parameter("park"), caller: try context.requireCaller()) else {
                    throw APIError(status: .notFound, code: "not_found", message: context.text("园区尚未设置电价", "the park has no tariff set"))
                }
                return JSONBody.raw(Data(TariffJSON.setting(setting).utf8))
            },
            APIOperation(method: .get, path: "/parks/{park}/energy-cost",
                         summary: "Monitoring cost: the main grid-import meters' 15-minute series priced with the park's tariff over CST days from…to (≤ 31; default this month to yesterday), by period, with each month's maximum demand and demand charge; incomplete steps counted, not filled",
                         access: .parkMember, query: [.from, .to], success: [.ok("The bill (zeropark.energy-cost/1)", APIDocs.object)],
                         semanticChecks: true) { request, context, _ in
                let now = ReportClock.nowSeconds()
                var (from, to) = try EnergyCostService.defaultPeriod(now: now)
                if let text = request.uri.queryParameters.get("from") {
                    from = try TariffJSON.date(text, field: "from", context)
                    to = from
                }
                if let text = request.uri.queryParameters.get("to") { to = try TariffJSON.date(text, field: "to", context) }
                let outcome = try await service.cost(parkKey: try context.parameter("park"), from: from, to: to,
                                                     caller: try context.requireCaller(), now: now)
                return JSONBody.raw(Data(try TariffJSON.cost(outcome).utf8))
            },
        ]
    }
}

/// JSON of the tariff setting and of a priced period.
///
/// Serves STANDARD.md 1.1.2(d).
enum TariffJSON {
    static func setting(_ s: ParkTariffSetting) -> String {
        #"{"tariff":\#(s.json),"updated_at":\#(quoted(s.updatedAt)),"updated_by":\#(quoted(s.updatedBy))}"#
    }

    static func cost(_ o: EnergyCostService.Outcome) throws -> String {
        let document = try EnergyCostDocument(o.report).json()
        // The document plus the completeness of the data it rests on.
        let tail = #","incomplete_steps":\#(o.incompleteSteps),"complete_share":\#(o.completeShare)}"#
        guard let close = document.lastIndex(of: "}") else { return document }
        return String(document[..<close]) + tail
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `?from=` / `?to=`: a date YYYY-MM-DD; one before 2000 or after 2100 is held to the supported range (as
    /// the meter series do), so that the range check, not the parser, answers it.
    static func date(_ text: String, field: String, _ context: AppRequestContext) throws -> CivilDate {
        if let date = CivilDate(iso: text) { return date }
        if let date = CalendarDate(iso: text), let first = CivilDate(year: 2000, month: 1, day: 1), let last = CivilDate(year: 2100, month: 12, day: 31),
           date.year < 2000 || date.year > 2100 {
            return date.year < 2000 ? first : last
        }
        throw APIError(status: .badRequest, code: "bad_query", message: context.text("?\(field)= 须为日期 YYYY-MM-DD", "?\(field)=: must be a date YYYY-MM-DD"),
                       field: field)
    }
}
