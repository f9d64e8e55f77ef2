import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkInput
import ZeroParkParkFile
import ZeroParkStore

/// The REST API under /api/v1 (issue #3 §4): every operation declared once with its access, body
/// schema and responses (`APIOperation`); `/openapi.yaml` is written from the same list.
struct APIRoutes {
    let store: any ParkRepository
    let service: InventoryService

    func register(on router: Router<AppRequestContext>) {
        APIRouter.register(operations, on: router)
    }

    // swiftlint:disable function_body_length
    var operations: [APIOperation] {
        let store = self.store, service = self.service
        return [
            APIOperation(method: .get, path: "/parks", summary: "Parks the caller can read", access: .signedIn,
                         success: [.ok("Park summaries", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.parks(for: try context.requireCaller()))
            },
            APIOperation(method: .post, path: "/parks",
                         summary: "Import a park file (YAML); system administrators create, park admins replace with ?replace=true",
                         access: .parkImporter, query: [.replace], body: .yaml,
                         success: [.ok("Replaced", APIDocs.object), .created("Created", APIDocs.object)], conflicts: true) { request, context, input in
                let caller = try context.requireCaller()
                let definition = try ParkFileReader.read(yaml: input.text)
                _ = try InventoryCalculator.compute(definition, today: service.today())
                let replace = request.uri.queryParameters.get("replace") == "true"
                try await store.importPark(definition, caller: caller, replace: replace, enterprises: [])
                let park = try await store.park(key: definition.profile.id, caller: try await refreshed(caller))
                return try JSONBody.response(APIModels.ParkView(park, years: [definition.period.factorYear]), status: replace ? .ok : .created)
            },
            APIOperation(method: .get, path: "/parks/{park}", summary: "A park's profile, boundary, enterprises and years with data",
                         access: .parkMember, success: [.ok("The park", APIDocs.object)]) { _, context, _ in
                let caller = try context.requireCaller()
                let key = try context.parameter("park")
                let park = try await store.park(key: key, caller: caller)
                return try JSONBody.response(APIModels.ParkView(park, years: try await store.years(parkKey: key, caller: caller)))
            },
            APIOperation(method: .put, path: "/parks/{park}", summary: "Replace the park's profile and boundary evidence (park admins; 1.1.1)",
                         access: .parkAdmin, body: .json(RequestBodies.profile), success: [.ok("The park", APIDocs.object)]) { _, context, input in
                let body = try input.decode(APIModels.ProfileBody.self)
                let caller = try context.requireCaller()
                let key = try context.parameter("park")
                try await store.updateProfile(parkKey: key, profile: try body.profile(key: key), caller: caller)
                let park = try await store.park(key: key, caller: caller)
                return try JSONBody.response(APIModels.ParkView(park, years: try await store.years(parkKey: key, caller: caller)))
            },
            APIOperation(method: .get, path: "/parks/{park}/factors", summary: "The park's own factors, each with its source",
                         access: .parkMember, success: [.ok("Park factors", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.parkFactors(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                    .map(APIModels.ParkFactorView.init))
            },
            APIOperation(method: .put, path: "/parks/{park}/factors/{factor}",
                         summary: "Add or replace a park factor (admins, managers); the source is required (1.1.2(b))",
                         access: .parkEditor, body: .json(RequestBodies.factor), success: [.ok("The factor", APIDocs.object)],
                         semanticChecks: true) { _, context, input in
                let factor = try input.decode(APIModels.FactorBody.self).factor(id: try keyParameter(context, "factor"))
                try await service.check(factor, parkKey: try context.parameter("park"), caller: try context.requireCaller())
                try await store.saveParkFactor(parkKey: try context.parameter("park"), factor: factor, caller: try context.requireCaller())
                return try JSONBody.response(APIModels.ParkFactorView(factor))
            },
            APIOperation(method: .delete, path: "/parks/{park}/factors/{factor}",
                         summary: "Remove a park factor (409 while a source uses a factor the library does not have)",
                         access: .parkEditor, success: [.deleted], conflicts: true) { _, context, _ in
                try await store.deleteParkFactor(parkKey: try context.parameter("park"), factorKey: try context.parameter("factor"),
                                                 caller: try context.requireCaller())
                return Response(status: .noContent)
            },
            APIOperation(method: .get, path: "/parks/{park}/fuels", summary: "The park's own fuels with their GB/T 32150 parameters",
                         access: .parkMember, success: [.ok("Park fuels", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.parkFuels(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                    .map(APIModels.FuelView.init))
            },
            APIOperation(method: .put, path: "/parks/{park}/fuels/{fuel}",
                         summary: "Add or replace a park fuel (admins, managers); E = AD × NCV × CC × OF × 44/12",
                         access: .parkEditor, body: .json(RequestBodies.fuel), success: [.ok("The fuel", APIDocs.object)],
                         semanticChecks: true) { _, context, input in
                let fuel = try input.decode(APIModels.FuelBody.self).fuel(id: try keyParameter(context, "fuel"))
                try await service.check(fuel, parkKey: try context.parameter("park"), caller: try context.requireCaller())
                try await store.saveParkFuel(parkKey: try context.parameter("park"), fuel: fuel, caller: try context.requireCaller())
                return try JSONBody.response(APIModels.FuelView(fuel))
            },
            APIOperation(method: .delete, path: "/parks/{park}/fuels/{fuel}",
                         summary: "Remove a park fuel (409 while a source burns a fuel the library does not have)",
                         access: .parkEditor, success: [.deleted], conflicts: true) { _, context, _ in
                try await store.deleteParkFuel(parkKey: try context.parameter("park"), fuelKey: try context.parameter("fuel"),
                                               caller: try context.requireCaller())
                return Response(status: .noContent)
            },
            APIOperation(method: .put, path: "/parks/{park}/publication",
                         summary: "Publish or withdraw the public disclosure page, with the reduction target (park admins; 1.1.2(d))",
                         access: .parkAdmin, body: .json(RequestBodies.publication), success: [.ok("The park", APIDocs.object)]) { _, context, input in
                let body = try input.decode(APIModels.PublicationBody.self)
                let caller = try context.requireCaller()
                let key = try context.parameter("park")
                try await store.setPublished(parkKey: key, published: body.published, reductionTarget: body.reductionTarget, caller: caller)
                let park = try await store.park(key: key, caller: caller)
                return try JSONBody.response(APIModels.ParkView(park, years: try await store.years(parkKey: key, caller: caller)))
            },
            APIOperation(method: .get, path: "/parks/{park}/export", summary: "The park file (YAML) of a year, as the caller may see it",
                         access: .parkMember, query: [.year], success: [APISuccess(status: 200, description: "Park file", content: .yaml)]) { request, context, _ in
                let caller = try context.requireCaller()
                let key = try context.parameter("park")
                let year = try await self.year(request, parkKey: key, caller: caller)
                let (definition, _) = try await store.definition(parkKey: key, year: year, caller: caller)
                return JSONBody.text(ParkFileWriter.write(definition), contentType: "application/yaml; charset=utf-8")
            },
            APIOperation(method: .get, path: "/parks/{park}/sources", summary: "Sources (tenants see their own only)",
                         access: .parkMember, success: [.ok("Sources", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.sources(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
            },
            APIOperation(method: .post, path: "/parks/{park}/sources",
                         summary: "Add a source; a tenant's source belongs to its enterprise and its key begins with `<enterprise>.`",
                         access: .sourceWriter, body: .json(RequestBodies.source), success: [.created("Created", APIDocs.object)],
                         conflicts: true) { _, context, input in
                let spec = try input.decode(SourceSpec.self)
                try await service.check(spec, parkKey: try context.parameter("park"), caller: try context.requireCaller())
                let created = try await store.createSource(parkKey: try context.parameter("park"), spec: spec, caller: try context.requireCaller())
                return try JSONBody.response(created, status: .created)
            },
            APIOperation(method: .get, path: "/parks/{park}/sources/{source}", summary: "One source",
                         access: .parkMember, success: [.ok("The source", APIDocs.object)]) { _, context, _ in
                try JSONBody.response(try await store.source(parkKey: try context.parameter("park"), sourceKey: try context.parameter("source"),
                                                             caller: try context.requireCaller()))
            },
            APIOperation(method: .put, path: "/parks/{park}/sources/{source}", summary: "Replace a source's description (the key in the path wins)",
                         access: .sourceWriter, body: .json(RequestBodies.source), success: [.ok("Updated", APIDocs.object)]) { _, context, input in
                var spec = try input.decode(SourceSpec.self)
                spec.key = try context.parameter("source")
                try await service.check(spec, parkKey: try context.parameter("park"), caller: try context.requireCaller())
                return try JSONBody.response(try await store.updateSource(parkKey: try context.parameter("park"), sourceKey: try context.parameter("source"),
                                                                          spec: spec, caller: try context.requireCaller()))
            },
            APIOperation(method: .delete, path: "/parks/{park}/sources/{source}", summary: "Delete a source and its activity data",
                         access: .sourceWriter, success: [.deleted]) { _, context, _ in
                try await store.deleteSource(parkKey: try context.parameter("park"), sourceKey: try context.parameter("source"),
                                             caller: try context.requireCaller())
                return Response(status: .noContent)
            },
            APIOperation(method: .get, path: "/parks/{park}/sources/{source}/activity", summary: "A source's activity values with their data sources",
                         access: .parkMember, success: [.ok("Activity values", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.activity(parkKey: try context.parameter("park"), sourceKey: try context.parameter("source"),
                                                               caller: try context.requireCaller()))
            },
            APIOperation(method: .post, path: "/parks/{park}/sources/{source}/activity", summary: "Record (or replace) one activity value",
                         access: .sourceWriter, body: .json(RequestBodies.activity),
                         success: [.created("Recorded; the source's activity values", APIDocs.array(APIDocs.object))]) { _, context, input in
                let body = try input.decode(APIModels.ActivityBody.self)
                let park = try context.parameter("park"), source = try context.parameter("source")
                let caller = try context.requireCaller()
                try await store.recordActivity(parkKey: park, values: [.init(sourceKey: source, year: body.year, month: body.month ?? 0,
                                                                           value: body.value, dataSource: body.dataSource, evidence: body.evidence)],
                                               caller: caller)
                return try JSONBody.response(try await store.activity(parkKey: park, sourceKey: source, caller: caller), status: .created)
            },
            APIOperation(method: .post, path: "/parks/{park}/activity.csv",
                         summary: "Import activity values from CSV (source,year,month,value,data_source,evidence), all or nothing; every error named by line and column; rows without a value are skipped and counted",
                         access: .sourceWriter, body: .csv, success: [.ok("Number of rows imported", APIDocs.object)]) { _, context, input in
                let outcome = try await ActivityImport.importCSV(input.text, parkKey: try context.parameter("park"),
                                                                 caller: try context.requireCaller(), store: store)
                return try JSONBody.response(["imported": outcome.imported, "skipped": outcome.skipped.count])
            },
            APIOperation(method: .get, path: "/parks/{park}/sinks", summary: "Carbon sinks",
                         access: .parkMember, success: [.ok("Sinks", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.sinks(parkKey: try context.parameter("park"), caller: try context.requireCaller()).map(APIModels.SinkView.init))
            },
            APIOperation(method: .post, path: "/parks/{park}/sinks", summary: "Add a sink (refused if the park could no longer be accounted)",
                         access: .parkEditor, body: .json(RequestBodies.sink), success: [.created("Created", APIDocs.object)],
                         conflicts: true) { _, context, input in
                let body = try input.decode(APIModels.SinkBody.self)
                let sink = try body.sink()
                try await service.check(sink: sink, year: body.year, parkKey: try context.parameter("park"), caller: try context.requireCaller())
                try await store.createSink(parkKey: try context.parameter("park"), sink: sink, year: body.year, caller: try context.requireCaller())
                return try JSONBody.response(APIModels.SinkView(sink), status: .created)
            },
            APIOperation(method: .put, path: "/parks/{park}/sinks/{sink}", summary: "Replace a sink (the id in the path wins)",
                         access: .parkEditor, body: .json(RequestBodies.sink), success: [.ok("Replaced", APIDocs.object)]) { _, context, input in
                var body = try input.decode(APIModels.SinkBody.self)
                body.id = try context.parameter("sink")
                let sink = try body.sink()
                try await service.check(sink: sink, year: body.year, parkKey: try context.parameter("park"), caller: try context.requireCaller())
                try await store.updateSink(parkKey: try context.parameter("park"), sink: sink, year: body.year, caller: try context.requireCaller())
                return try JSONBody.response(APIModels.SinkView(sink))
            },
            APIOperation(method: .delete, path: "/parks/{park}/sinks/{sink}", summary: "Delete a sink",
                         access: .parkEditor, success: [.deleted]) { _, context, _ in
                try await store.deleteSinkOrOffset(parkKey: try context.parameter("park"), entity: "sink", key: try context.parameter("sink"),
                                                   caller: try context.requireCaller())
                return Response(status: .noContent)
            },
            APIOperation(method: .get, path: "/parks/{park}/offsets", summary: "Offset claims",
                         access: .parkMember, success: [.ok("Offsets", APIDocs.array(APIDocs.object))]) { _, context, _ in
                let province = try await store.park(key: try context.parameter("park"), caller: try context.requireCaller()).profile.province
                return try JSONBody.response(try await store.offsets(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                    .map { APIModels.OffsetView($0.offset, year: $0.year, parkProvince: province) })
            },
            APIOperation(method: .post, path: "/parks/{park}/offsets", summary: "Add an offset claim (refused if the park could no longer be accounted)",
                         access: .parkEditor, body: .json(RequestBodies.offset), success: [.created("Created", APIDocs.object)],
                         conflicts: true, semanticChecks: true) { _, context, input in
                let body = try input.decode(APIModels.OffsetBody.self)
                let offset = try body.offset()
                try await service.check(offset: offset, year: body.year, parkKey: try context.parameter("park"), caller: try context.requireCaller())
                try await store.createOffset(parkKey: try context.parameter("park"), offset: offset, year: body.year, caller: try context.requireCaller())
                let province = try await store.park(key: try context.parameter("park"), caller: try context.requireCaller()).profile.province
                return try JSONBody.response(APIModels.OffsetView(offset, year: body.year, parkProvince: province), status: .created)
            },
            APIOperation(method: .put, path: "/parks/{park}/offsets/{offset}", summary: "Replace an offset claim (the id in the path wins)",
                         access: .parkEditor, body: .json(RequestBodies.offset), success: [.ok("Replaced", APIDocs.object)],
                         conflicts: true, semanticChecks: true) { _, context, input in
                var body = try input.decode(APIModels.OffsetBody.self)
                body.id = try context.parameter("offset")
                let offset = try body.offset()
                try await service.check(offset: offset, year: body.year, parkKey: try context.parameter("park"), caller: try context.requireCaller())
                try await store.updateOffset(parkKey: try context.parameter("park"), offset: offset, year: body.year, caller: try context.requireCaller())
                let province = try await store.park(key: try context.parameter("park"), caller: try context.requireCaller()).profile.province
                return try JSONBody.response(APIModels.OffsetView(offset, year: body.year, parkProvince: province))
            },
            APIOperation(method: .delete, path: "/parks/{park}/offsets/{offset}", summary: "Delete an offset claim",
                         access: .parkEditor, success: [.deleted]) { _, context, _ in
                try await store.deleteSinkOrOffset(parkKey: try context.parameter("park"), entity: "offset", key: try context.parameter("offset"),
                                                   caller: try context.requireCaller())
                return Response(status: .noContent)
            },
            APIOperation(method: .get, path: "/parks/{park}/certificates", summary: "Green certificates claimed by the park (1.1.19, 1.1.36)",
                         access: .parkWideReader, success: [.ok("Certificates", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.certificates(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                    .map { APIModels.CertificateBody($0.certificate, year: $0.year) })
            },
            APIOperation(method: .post, path: "/parks/{park}/certificates",
                         summary: "Claim a green certificate against a purchased-electricity source (a certificate id already claimed is refused)",
                         access: .parkEditor, body: .json(RequestBodies.certificate), success: [.created("Created", APIDocs.object)],
                         conflicts: true, semanticChecks: true) { _, context, input in
                let body = try input.decode(APIModels.CertificateBody.self)
                let certificate = try body.certificate()
                try await service.check(certificate: certificate, year: body.year, parkKey: try context.parameter("park"),
                                        caller: try context.requireCaller())
                try await store.createCertificate(parkKey: try context.parameter("park"), certificate: certificate, year: body.year,
                                                  caller: try context.requireCaller())
                return try JSONBody.response(APIModels.CertificateBody(certificate, year: body.year), status: .created)
            },
            APIOperation(method: .delete, path: "/parks/{park}/certificates/{certificate}", summary: "Withdraw a certificate claim",
                         access: .parkEditor, success: [.deleted]) { _, context, _ in
                try await store.deleteCertificate(parkKey: try context.parameter("park"), key: try context.parameter("certificate"),
                                                  caller: try context.requireCaller())
                return Response(status: .noContent)
            },
            APIOperation(method: .get, path: "/parks/{park}/rules", summary: "The park's accounting rules (docs/accounting-rules.md)",
                         access: .parkMember, success: [.ok("Rules", APIDocs.object)]) { _, context, _ in
                try JSONBody.response(APIModels.RulesBody(try await store.park(key: try context.parameter("park"),
                                                                              caller: try context.requireCaller()).rules))
            },
            APIOperation(method: .put, path: "/parks/{park}/rules", summary: "Set the park's accounting rules (absent keys take their defaults)",
                         access: .parkEditor, body: .json(RequestBodies.rules), success: [.ok("Rules", APIDocs.object)]) { _, context, input in
                let rules = try input.decode(APIModels.RulesBody.self).rules()
                try await store.updateRules(parkKey: try context.parameter("park"), rules: rules, caller: try context.requireCaller())
                return try JSONBody.response(APIModels.RulesBody(rules))
            },
            APIOperation(method: .get, path: "/parks/{park}/members", summary: "Members of the park and their roles (park admins)",
                         access: .parkAdmin, success: [.ok("Members", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.members(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
            },
            APIOperation(method: .put, path: "/parks/{park}/members/{username}",
                         summary: "Give a user a role in the park (park admins); a tenant names one of the park's enterprises",
                         access: .parkAdmin, body: .json(RequestBodies.member), success: [.ok("The members", APIDocs.array(APIDocs.object))],
                         semanticChecks: true) { _, context, input in
                let body = try input.decode(APIModels.MemberBody.self)
                guard let role = ParkRole(rawValue: body.role) else {
                    throw APIError(status: .unprocessableContent, code: "invalid", message: "不是有效的角色 / role is not a role", field: "role")
                }
                let caller = try context.requireCaller()
                let park = try context.parameter("park")
                try await store.grant(parkKey: park, username: try context.parameter("username"), role: role, enterprise: body.enterprise, caller: caller)
                return try JSONBody.response(try await store.members(parkKey: park, caller: caller))
            },
            APIOperation(method: .delete, path: "/parks/{park}/members/{username}",
                         summary: "Take a user's role in the park away (park admins); the park's last admin stays (409)",
                         access: .parkAdmin, success: [.ok("The members", APIDocs.array(APIDocs.object))], conflicts: true) { _, context, _ in
                let caller = try context.requireCaller()
                let park = try context.parameter("park")
                try await store.revoke(parkKey: park, username: try context.parameter("username"), caller: caller)
                return try JSONBody.response(try await store.members(parkKey: park, caller: caller))
            },
            APIOperation(method: .get, path: "/parks/{park}/inventory", summary: "Compute the inventory of a year now (not stored)",
                         access: .parkMember, query: [.year],
                         success: [.ok("The zeropark.inventory/1 document (docs/park-file.md#inventory-json)", APIDocs.object)],
                         semanticChecks: true) { request, context, _ in
                let caller = try context.requireCaller()
                let key = try context.parameter("park")
                let year = try await self.year(request, parkKey: key, caller: caller)
                return JSONBody.text(try await service.json(parkKey: key, year: year, caller: caller), contentType: "application/json; charset=utf-8")
            },
            APIOperation(method: .get, path: "/parks/{park}/inventory/range",
                         summary: "Compute the inventory of a date range of at most 366 days now (activity month by month from meters or pro-rated typed values; no offsets or certificates)",
                         access: .parkMember, query: [.rangeFrom, .rangeTo],
                         success: [.ok("The range's zeropark.inventory/1 document with the basis of each source", APIDocs.object)],
                         semanticChecks: true) { request, context, _ in
                let caller = try context.requireCaller()
                let key = try context.parameter("park")
                // Defaults: the twelve months up to today (CST).
                func date(_ field: String) throws -> CalendarDate? {
                    guard let text = request.uri.queryParameters.get(field) else { return nil }
                    guard let date = CalendarDate(iso: text) else {
                        throw APIError(status: .badRequest, code: "bad_query",
                                       message: context.text("?\(field)= 须为日期 YYYY-MM-DD", "?\(field)=: must be a date YYYY-MM-DD"), field: field)
                    }
                    guard Domain.year.contains(date.year) else {
                        throw APIError(status: .unprocessableContent, code: "invalid",
                                       message: context.text("?\(field)= 的年份须在 \(Domain.year.lowerBound)–\(Domain.year.upperBound) 之间",
                                                             "?\(field)=: the year must be \(Domain.year.lowerBound)–\(Domain.year.upperBound)"),
                                       field: field)
                    }
                    return date
                }
                guard let to = try date("to") ?? ReportClock.today() else {
                    throw APIError(status: .internalServerError, code: "clock", message: context.text("无法读取今日日期", "today's date is unavailable"),
                                   field: "to")
                }
                let from = try date("from") ?? Self.dayAfter(yearBefore: to)
                let range = try await store.definition(parkKey: key, from: from, to: to, caller: caller)
                return JSONBody.text(try InventoryService.rangeJSON(range), contentType: "application/json; charset=utf-8")
            },
            APIOperation(method: .get, path: "/parks/{park}/inventories", summary: "Stored inventory snapshots (every role but tenants)",
                         access: .parkWideReader, success: [.ok("Snapshots (without documents)", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.snapshots(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                    .map { APIModels.SnapshotView($0, includeDocument: false) })
            },
            APIOperation(method: .post, path: "/parks/{park}/inventories", summary: "Compute and store an immutable snapshot for a year",
                         access: .parkEditor, body: .json(RequestBodies.snapshot),
                         success: [.created("Snapshot with its lineage (input park file and hashes)", APIDocs.object)]) { _, context, input in
                let body = try input.decode(APIModels.SnapshotRequest.self)
                let snapshot = try await service.snapshot(parkKey: try context.parameter("park"), year: body.year, caller: try context.requireCaller())
                return try JSONBody.response(APIModels.SnapshotView(snapshot, includeDocument: true), status: .created)
            },
            APIOperation(method: .get, path: "/parks/{park}/inventories/{id}", summary: "One snapshot with its inventory document and input park file (every role but tenants)",
                         access: .parkWideReader, success: [.ok("Snapshot", APIDocs.object)], numericPath: true) { _, context, _ in
                guard let id = Int64(try context.parameter("id")), id > 0 else {
                    throw APIError(status: .badRequest, code: "bad_path", message: context.text("快照编号须为正整数", "snapshot id must be a positive number"), field: "id")
                }
                let snapshot = try await store.snapshot(parkKey: try context.parameter("park"), id: id, caller: try context.requireCaller())
                return try JSONBody.response(APIModels.SnapshotView(snapshot, includeDocument: true))
            },
            APIOperation(method: .get, path: "/parks/{park}/inventories/{id}/restatement",
                         summary: "A snapshot restated: its stored figures beside a fresh computation, line by line, with the reasons (docs/accounting-rules.md §8)",
                         access: .parkWideReader, query: [.against], success: [.ok("Restatement", APIDocs.object)], numericPath: true) { request, context, _ in
                guard let id = Int64(try context.parameter("id")), id > 0 else {
                    throw APIError(status: .badRequest, code: "bad_path", message: context.text("快照编号须为正整数", "snapshot id must be a positive number"), field: "id")
                }
                let basis = request.uri.queryParameters.get("against").flatMap(RestatementBasis.init(rawValue:)) ?? .current
                let result = try await service.restatement(parkKey: try context.parameter("park"), snapshotID: id, against: basis,
                                                           caller: try context.requireCaller())
                return try JSONBody.response(APIModels.RestatementView(snapshotID: id, against: basis, result.restatement))
            },
            APIOperation(method: .get, path: "/parks/{park}/audit", summary: "The park's audit log, newest first (admins, managers, auditors)",
                         access: .auditReader, success: [.ok("Audit entries", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.auditLog(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
            },
            APIOperation(method: .get, path: "/parks/{park}/comments",
                         summary: "Review comments (tenants see those on their own enterprise's sources only)",
                         access: .parkMember, success: [.ok("Comments", APIDocs.array(APIDocs.object))]) { _, context, _ in
                try JSONBody.response(try await store.comments(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
            },
            APIOperation(method: .post, path: "/parks/{park}/comments",
                         summary: "Add a review comment on the park or on a source the caller can see (auditors may write nothing else)",
                         access: .commenter, body: .json(RequestBodies.comment), success: [.created("Created", APIDocs.object)]) { _, context, input in
                let body = try input.decode(APIModels.CommentBody.self)
                let comment = try await store.addComment(parkKey: try context.parameter("park"), target: body.target, text: body.text,
                                                         caller: try context.requireCaller())
                return try JSONBody.response(comment, status: .created)
            },
            APIOperation(method: .get, path: "/factors", summary: "The built-in factor library with citations (public reference data)",
                         access: .anyone, query: [.search], success: [.ok("Factors", APIDocs.array(APIDocs.object))]) { request, _, _ in
                let search = request.uri.queryParameters.get("search") ?? ""
                return try JSONBody.response(FactorLibrary.builtIn.search(search).factors.map(APIModels.FactorView.init))
            },
            APIOperation(method: .get, path: "/factors/{id}", summary: "Every vintage of one factor (public reference data)",
                         access: .anyone, success: [.ok("Vintages", APIDocs.array(APIDocs.object))]) { _, context, _ in
                let id = try context.parameter("id")
                let vintages = FactorLibrary.builtIn.vintages(of: id)
                guard !vintages.isEmpty else {
                    throw APIError(status: .notFound, code: "not_found", message: context.text("未找到因子", "factor not found"))
                }
                return try JSONBody.response(vintages.map(APIModels.FactorView.init))
            },
        ] + telemetryOperations + alertOperations + dispatchOperations + tariffOperations + catalogueOperations + planOperations
    }
    // swiftlint:enable function_body_length

    /// `?year=` (already checked against its range), else the park's default year.
    /// The day after the same date a year before `date` (28 February for a 29th): the start of the
    /// twelve months that end on `date`.
    static func dayAfter(yearBefore date: CalendarDate) -> CalendarDate {
        let year = date.year - 1
        let day = min(date.day, CalendarDate.daysInMonth(year: year, month: date.month))
        if day < CalendarDate.daysInMonth(year: year, month: date.month) {
            return CalendarDate(year: year, month: date.month, day: day + 1) ?? date
        }
        return date.month == 12 ? CalendarDate(year: year + 1, month: 1, day: 1) ?? date
            : CalendarDate(year: year, month: date.month + 1, day: 1) ?? date
    }

    func year(_ request: Request, parkKey: String, caller: Caller) async throws -> Int {
        if let text = request.uri.queryParameters.get("year"), let year = Int(text) { return year }
        return try await store.park(key: parkKey, caller: caller).defaultYear
    }

    /// The caller re-read after a change to its memberships (e.g. a park it just created).
    func refreshed(_ caller: Caller) async throws -> Caller {
        try await store.caller(userID: caller.userID) ?? caller
    }
}

/// A path segment that names a new key (a factor or fuel id): 422 unless it is a valid key.
func keyParameter(_ context: AppRequestContext, _ name: String) throws -> String {
    let value = try context.parameter(name)
    guard Schema.Shape.key.accepts(value) else {
        throw APIError(status: .unprocessableContent, code: "bad_format",
                       message: context.text("\(name) 须为 1–64 个英文字母、数字或 . - _", "\(name) must be 1–64 letters, digits, '.', '-' or '_'"), field: name)
    }
    return value
}

/// Response schemas of the OpenAPI document.
enum APIDocs {
    static let object = DocumentNode.map([("type", .string("object"))])
    static func array(_ item: DocumentNode) -> DocumentNode { .map([("type", .string("array")), ("items", item)]) }
}
