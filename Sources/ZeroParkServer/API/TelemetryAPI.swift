import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkInput
import ZeroParkStore
import ZeroParkTelemetry

/// The telemetry operations of /api/v1 (issue #8): the meter registry, readings in (JSON, CSV,
/// XLSX), cleaned series with their quality, raw readings with revisions, dead letters and the
/// ledger's daily heads.
extension APIRoutes {
    var telemetryOperations: [APIOperation] {
        let store = self.store
        return [
            APIOperation(method: .get, path: "/parks/{park}/meters", summary: "The park's meters (tenants: their own enterprise's)",
                         access: .parkMember, success: [.ok("Meters", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.meters(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                    .map(TelemetryModels.MeterBody.init))
            },
            APIOperation(method: .post, path: "/parks/{park}/meters", summary: "Register a meter (park admins and managers; 1.1.8, 1.1.29)",
                         access: .parkEditor, body: .json(TelemetryModels.meterSchema), success: [.created("Created", APIDocs.object)],
                         conflicts: true, semanticChecks: true) { _, context, input in
                let meter = try input.decode(TelemetryModels.MeterBody.self).definition()
                let created = try await store.createMeter(parkKey: try context.parameter("park"), meter: meter, caller: try context.requireCaller())
                return try JSONBody.response(TelemetryModels.MeterBody(created), status: .created)
            },
            APIOperation(method: .get, path: "/parks/{park}/meters/{meter}", summary: "One meter",
                         access: .parkMember, success: [.ok("Meter", APIDocs.object)]) { _, context, _ in
                try JSONBody.response(TelemetryModels.MeterBody(try await store.meter(
                    parkKey: try context.parameter("park"), key: try context.parameter("meter"), caller: try context.requireCaller())))
            },
            APIOperation(method: .put, path: "/parks/{park}/meters/{meter}", summary: "Change a meter (its key stays; kind and interval stay once it has readings)",
                         access: .parkEditor, body: .json(TelemetryModels.meterSchema), success: [.ok("Meter", APIDocs.object)],
                         conflicts: true, semanticChecks: true) { _, context, input in
                let meter = try input.decode(TelemetryModels.MeterBody.self).definition()
                return try JSONBody.response(TelemetryModels.MeterBody(try await store.updateMeter(
                    parkKey: try context.parameter("park"), key: try context.parameter("meter"), meter: meter, caller: try context.requireCaller())))
            },
            APIOperation(method: .delete, path: "/parks/{park}/meters/{meter}", summary: "Remove a meter without readings (raw readings are never deleted)",
                         access: .parkEditor, success: [.deleted], conflicts: true) { _, context, _ in
                try await store.deleteMeter(parkKey: try context.parameter("park"), key: try context.parameter("meter"),
                                            caller: try context.requireCaller())
                return Response(status: .noContent)
            },
            APIOperation(method: .post, path: "/parks/{park}/readings",
                         summary: "Send readings: JSON {\"readings\":[{meter,ts,value}]}, text/csv with header meter,ts,value, or an XLSX workbook; idempotent on (meter, ts), all or nothing, answered after the commit",
                         access: .sourceWriter, body: .readings, success: [.ok("What the batch did", APIDocs.object)],
                         semanticChecks: true) { request, context, input in
                let caller = try context.requireCaller()
                let (batch, channel) = try ReadingsDecoding.batch(input.bytes, contentType: request.headers[.contentType], language: context.language)
                let receipt = try await store.ingest(parkKey: try context.parameter("park"), batch: batch, channel: channel,
                                                     actor: .user(caller), now: ReportClock.nowSeconds(), duplicates: .refuse)
                return try JSONBody.response(receipt)
            },
            APIOperation(method: .get, path: "/parks/{park}/meters/{meter}/series",
                         summary: "A meter's cleaned series (slot, hour, day or month) over CST days from…to, with its data quality",
                         access: .parkMember, query: [.from, .to, .resolution], success: [.ok("Series", APIDocs.object)],
                         semanticChecks: true) { request, context, _ in
                let (from, to) = try TelemetryModels.days(request, context)
                let resolution = request.uri.queryParameters.get("resolution").flatMap(SeriesResolution.init(rawValue:)) ?? .hour
                let series = try await store.meterSeries(
                    parkKey: try context.parameter("park"), meterKey: try context.parameter("meter"), from: from, to: to,
                    resolution: resolution, caller: try context.requireCaller(), now: ReportClock.nowSeconds())
                return JSONBody.raw(SeriesJSON.encode(series))
            },
            APIOperation(method: .get, path: "/parks/{park}/meters/{meter}/readings",
                         summary: "A meter's raw readings of one CST day with their revisions, and the cleaner's events",
                         access: .parkMember, query: [.day], success: [.ok("Raw readings", APIDocs.object)]) { request, context, _ in
                let day = try TelemetryModels.day(request.uri.queryParameters.get("day"), field: "day", context) ?? (TelemetryCalendar.day(of: ReportClock.nowSeconds()) ?? TelemetryCalendar.lastSupportedDay)
                let raw = try await store.rawReadings(parkKey: try context.parameter("park"), meterKey: try context.parameter("meter"), day: day,
                                                      caller: try context.requireCaller())
                return try JSONBody.response(TelemetryModels.RawDay(readings: raw.readings, events: raw.events))
            },
            APIOperation(method: .get, path: "/parks/{park}/dead-letters", summary: "Refused MQTT messages with their reasons (park admins and managers)",
                         access: .parkEditor, success: [.ok("Dead letters", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.deadLetters(parkKey: try context.parameter("park"), caller: try context.requireCaller(), limit: 200))
            },
            APIOperation(method: .get, path: "/parks/{park}/ledger", summary: "The park's ledger chain head at the end of each day (3.3)",
                         access: .parkMember, success: [.ok("Daily chain heads", APIDocs.array(APIDocs.object))]) { _, context, _ in
                let park = try context.parameter("park")
                _ = try await store.park(key: park, caller: try context.requireCaller())
                return try JSONBody.response(try await store.ledgerDayHeads(parkKey: park, limit: 366))
            },
        ]
    }
}

extension APIQueryParameter {
    static let from = APIQueryParameter(name: "from", schema: Schema.date("First CST day"), summary: "First CST day, YYYY-MM-DD (default: today)")
    static let to = APIQueryParameter(name: "to", schema: Schema.date("Last CST day"), summary: "Last CST day, YYYY-MM-DD (default: from)")
    static let rangeFrom = APIQueryParameter(name: "from", schema: Schema.date("First day of the range"),
                                             summary: "First day of the range, YYYY-MM-DD (CST); default: the day after the same date a year before to")
    static let rangeTo = APIQueryParameter(name: "to", schema: Schema.date("Last day of the range"),
                                           summary: "Last day of the range, YYYY-MM-DD (CST), at most 366 days after from; default: today")
    static let day = APIQueryParameter(name: "day", schema: Schema.date("A CST day"), summary: "A CST day, YYYY-MM-DD (default: today)")
    static let resolution = APIQueryParameter(name: "resolution", schema: .choice(SeriesResolution.allCases.map(\.rawValue)),
                                              summary: "slot (the meter's interval), hour (default), day or month")
}
