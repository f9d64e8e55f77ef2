import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkParkFile
import ZeroParkStore

/// The REST API under /api/v1 (issue #3 §4), described by `OpenAPIDocument.yaml`.
struct APIRoutes {
    let store: any ParkRepository
    let service: InventoryService

    func register(on router: Router<AppRequestContext>) {
        let api = router.group("api/v1").add(middleware: APIErrorMiddleware()).add(middleware: APISessionCSRFMiddleware())
        api.get("parks") { _, context in
            try JSONBody.response(try await store.parks(for: try context.requireCaller()))
        }
        api.post("parks") { request, context in
            let caller = try context.requireCaller()
            let text = try await JSONBody.bodyText(request, context: context)
            let definition = try ParkFileReader.read(yaml: text)
            _ = try InventoryCalculator.compute(definition)
            let replace = request.uri.queryParameters.get("replace") == "true"
            try await store.importPark(definition, caller: caller, replace: replace, enterprises: [])
            let park = try await store.park(key: definition.profile.id, caller: try await refreshed(caller))
            return try JSONBody.response(APIModels.ParkView(park, years: [definition.period.factorYear]), status: replace ? .ok : .created)
        }
        api.get("parks/:park") { _, context in
            let caller = try context.requireCaller()
            let key = try context.parameter("park")
            let park = try await store.park(key: key, caller: caller)
            return try JSONBody.response(APIModels.ParkView(park, years: try await store.years(parkKey: key, caller: caller)))
        }
        api.put("parks/:park") { request, context in
            let body = try await JSONBody.decode(APIModels.ProfileBody.self, from: request, context: context)
            let caller = try context.requireCaller()
            let key = try context.parameter("park")
            try await store.updateProfile(parkKey: key, profile: try body.profile(key: key), caller: caller)
            let park = try await store.park(key: key, caller: caller)
            return try JSONBody.response(APIModels.ParkView(park, years: try await store.years(parkKey: key, caller: caller)))
        }
        api.get("parks/:park/factors") { _, context in
            try JSONBody.response(try await store.parkFactors(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                .map(APIModels.ParkFactorView.init))
        }
        api.put("parks/:park/factors/:factor") { request, context in
            let body = try await JSONBody.decode(APIModels.FactorBody.self, from: request, context: context)
            let factor = try body.factor(id: try context.parameter("factor"))
            try await service.check(factor, parkKey: try context.parameter("park"), caller: try context.requireCaller())
            try await store.saveParkFactor(parkKey: try context.parameter("park"), factor: factor, caller: try context.requireCaller())
            return try JSONBody.response(APIModels.ParkFactorView(factor))
        }
        api.delete("parks/:park/factors/:factor") { _, context in
            try await store.deleteParkFactor(parkKey: try context.parameter("park"), factorKey: try context.parameter("factor"),
                                             caller: try context.requireCaller())
            return Response(status: .noContent)
        }
        api.get("parks/:park/fuels") { _, context in
            try JSONBody.response(try await store.parkFuels(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                .map(APIModels.FuelView.init))
        }
        api.put("parks/:park/fuels/:fuel") { request, context in
            let body = try await JSONBody.decode(APIModels.FuelBody.self, from: request, context: context)
            let fuel = try body.fuel(id: try context.parameter("fuel"))
            try await service.check(fuel, parkKey: try context.parameter("park"), caller: try context.requireCaller())
            try await store.saveParkFuel(parkKey: try context.parameter("park"), fuel: fuel, caller: try context.requireCaller())
            return try JSONBody.response(APIModels.FuelView(fuel))
        }
        api.delete("parks/:park/fuels/:fuel") { _, context in
            try await store.deleteParkFuel(parkKey: try context.parameter("park"), fuelKey: try context.parameter("fuel"),
                                           caller: try context.requireCaller())
            return Response(status: .noContent)
        }
        api.put("parks/:park/publication") { request, context in
            let body = try await JSONBody.decode(APIModels.PublicationBody.self, from: request, context: context)
            let caller = try context.requireCaller()
            let key = try context.parameter("park")
            try await store.setPublished(parkKey: key, published: body.published, reductionTarget: body.reductionTarget, caller: caller)
            let park = try await store.park(key: key, caller: caller)
            return try JSONBody.response(APIModels.ParkView(park, years: try await store.years(parkKey: key, caller: caller)))
        }
        api.get("parks/:park/export") { request, context in
            let caller = try context.requireCaller()
            let key = try context.parameter("park")
            let year = try await self.year(request, parkKey: key, caller: caller)
            let (definition, _) = try await store.definition(parkKey: key, year: year, caller: caller)
            return JSONBody.text(ParkFileWriter.write(definition), contentType: "application/yaml; charset=utf-8")
        }
        api.get("parks/:park/sources") { _, context in
            try JSONBody.response(try await store.sources(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
        }
        api.post("parks/:park/sources") { request, context in
            let spec = try await JSONBody.decode(SourceSpec.self, from: request, context: context)
            try await service.check(spec, parkKey: try context.parameter("park"), caller: try context.requireCaller())
            let created = try await store.createSource(parkKey: try context.parameter("park"), spec: spec, caller: try context.requireCaller())
            return try JSONBody.response(created, status: .created)
        }
        api.get("parks/:park/sources/:source") { _, context in
            try JSONBody.response(try await store.source(parkKey: try context.parameter("park"), sourceKey: try context.parameter("source"),
                                                         caller: try context.requireCaller()))
        }
        api.put("parks/:park/sources/:source") { request, context in
            var spec = try await JSONBody.decode(SourceSpec.self, from: request, context: context)
            spec.key = try context.parameter("source")
            try await service.check(spec, parkKey: try context.parameter("park"), caller: try context.requireCaller())
            return try JSONBody.response(try await store.updateSource(parkKey: try context.parameter("park"), sourceKey: try context.parameter("source"),
                                                                      spec: spec, caller: try context.requireCaller()))
        }
        api.delete("parks/:park/sources/:source") { _, context in
            try await store.deleteSource(parkKey: try context.parameter("park"), sourceKey: try context.parameter("source"), caller: try context.requireCaller())
            return Response(status: .noContent)
        }
        api.get("parks/:park/sources/:source/activity") { _, context in
            try JSONBody.response(try await store.activity(parkKey: try context.parameter("park"), sourceKey: try context.parameter("source"),
                                                           caller: try context.requireCaller()))
        }
        api.post("parks/:park/sources/:source/activity") { request, context in
            let body = try await JSONBody.decode(APIModels.ActivityBody.self, from: request, context: context)
            let park = try context.parameter("park"), source = try context.parameter("source")
            let caller = try context.requireCaller()
            try await store.recordActivity(parkKey: park, values: [.init(sourceKey: source, year: body.year, month: body.month ?? 0,
                                                                       value: body.value, dataSource: body.dataSource, evidence: body.evidence)],
                                           caller: caller)
            return try JSONBody.response(try await store.activity(parkKey: park, sourceKey: source, caller: caller), status: .created)
        }
        api.post("parks/:park/activity.csv") { request, context in
            let caller = try context.requireCaller()
            let rows = try ActivityCSV.parse(try await JSONBody.bodyText(request, context: context))
            try await store.recordActivity(parkKey: try context.parameter("park"), values: rows, caller: caller)
            return try JSONBody.response(["imported": rows.count])
        }
        api.get("parks/:park/sinks") { _, context in
            try JSONBody.response(try await store.sinks(parkKey: try context.parameter("park"), caller: try context.requireCaller()).map(APIModels.SinkView.init))
        }
        api.post("parks/:park/sinks") { request, context in
            let body = try await JSONBody.decode(APIModels.SinkBody.self, from: request, context: context)
            let sink = try body.sink()
            try await store.createSink(parkKey: try context.parameter("park"), sink: sink, year: body.year, caller: try context.requireCaller())
            return try JSONBody.response(APIModels.SinkView(sink), status: .created)
        }
        api.put("parks/:park/sinks/:sink") { request, context in
            var body = try await JSONBody.decode(APIModels.SinkBody.self, from: request, context: context)
            body.id = try context.parameter("sink")
            let sink = try body.sink()
            try await store.updateSink(parkKey: try context.parameter("park"), sink: sink, year: body.year, caller: try context.requireCaller())
            return try JSONBody.response(APIModels.SinkView(sink))
        }
        api.put("parks/:park/offsets/:offset") { request, context in
            var body = try await JSONBody.decode(APIModels.OffsetBody.self, from: request, context: context)
            body.id = try context.parameter("offset")
            let offset = try body.offset()
            try await store.updateOffset(parkKey: try context.parameter("park"), offset: offset, year: body.year, caller: try context.requireCaller())
            return try JSONBody.response(APIModels.OffsetView(offset, year: body.year))
        }
        api.get("parks/:park/members") { _, context in
            try JSONBody.response(try await store.members(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
        }
        api.put("parks/:park/members/:username") { request, context in
            let body = try await JSONBody.decode(APIModels.MemberBody.self, from: request, context: context)
            guard let role = ParkRole(rawValue: body.role) else {
                throw APIError(status: .unprocessableContent, code: "invalid",
                               message: "role must be one of \(ParkRole.allCases.map(\.rawValue).joined(separator: ", "))", field: "role")
            }
            let caller = try context.requireCaller()
            let park = try context.parameter("park")
            try await store.grant(parkKey: park, username: try context.parameter("username"), role: role, enterprise: body.enterprise, caller: caller)
            return try JSONBody.response(try await store.members(parkKey: park, caller: caller))
        }
        api.delete("parks/:park/sinks/:sink") { _, context in
            try await store.deleteSinkOrOffset(parkKey: try context.parameter("park"), entity: "sink", key: try context.parameter("sink"),
                                               caller: try context.requireCaller())
            return Response(status: .noContent)
        }
        api.get("parks/:park/offsets") { _, context in
            try JSONBody.response(try await store.offsets(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                .map { APIModels.OffsetView($0.offset, year: $0.year) })
        }
        api.post("parks/:park/offsets") { request, context in
            let body = try await JSONBody.decode(APIModels.OffsetBody.self, from: request, context: context)
            let offset = try body.offset()
            try await store.createOffset(parkKey: try context.parameter("park"), offset: offset, year: body.year, caller: try context.requireCaller())
            return try JSONBody.response(APIModels.OffsetView(offset, year: body.year), status: .created)
        }
        api.delete("parks/:park/offsets/:offset") { _, context in
            try await store.deleteSinkOrOffset(parkKey: try context.parameter("park"), entity: "offset", key: try context.parameter("offset"),
                                               caller: try context.requireCaller())
            return Response(status: .noContent)
        }
        api.get("parks/:park/inventory") { request, context in
            let caller = try context.requireCaller()
            let key = try context.parameter("park")
            let year = try await self.year(request, parkKey: key, caller: caller)
            return JSONBody.text(try await service.json(parkKey: key, year: year, caller: caller), contentType: "application/json; charset=utf-8")
        }
        api.get("parks/:park/inventories") { _, context in
            try JSONBody.response(try await store.snapshots(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                .map { APIModels.SnapshotView($0, includeDocument: false) })
        }
        api.post("parks/:park/inventories") { request, context in
            let body = try await JSONBody.decode(APIModels.SnapshotRequest.self, from: request, context: context)
            let snapshot = try await service.snapshot(parkKey: try context.parameter("park"), year: body.year, caller: try context.requireCaller())
            return try JSONBody.response(APIModels.SnapshotView(snapshot, includeDocument: true), status: .created)
        }
        api.get("parks/:park/inventories/:id") { _, context in
            guard let id = Int64(try context.parameter("id")) else {
                throw APIError(status: .badRequest, code: "bad_path", message: "snapshot id must be a number", field: "id")
            }
            let snapshot = try await store.snapshot(parkKey: try context.parameter("park"), id: id, caller: try context.requireCaller())
            return try JSONBody.response(APIModels.SnapshotView(snapshot, includeDocument: true))
        }
        api.get("parks/:park/audit") { _, context in
            try JSONBody.response(try await store.auditLog(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
        }
        api.get("parks/:park/comments") { _, context in
            try JSONBody.response(try await store.comments(parkKey: try context.parameter("park"), caller: try context.requireCaller()))
        }
        api.post("parks/:park/comments") { request, context in
            let body = try await JSONBody.decode(APIModels.CommentBody.self, from: request, context: context)
            let comment = try await store.addComment(parkKey: try context.parameter("park"), target: body.target, text: body.text,
                                                     caller: try context.requireCaller())
            return try JSONBody.response(comment, status: .created)
        }
        api.get("factors") { request, _ in
            let search = request.uri.queryParameters.get("search") ?? ""
            return try JSONBody.response(FactorLibrary.builtIn.search(search).factors.map(APIModels.FactorView.init))
        }
        api.get("factors/:id") { _, context in
            let id = try context.parameter("id")
            let vintages = FactorLibrary.builtIn.vintages(of: id)
            guard !vintages.isEmpty else { throw APIError(status: .notFound, code: "not_found", message: "factor \(id) not found") }
            return try JSONBody.response(vintages.map(APIModels.FactorView.init))
        }
    }

    /// `?year=`, else the park's default year.
    func year(_ request: Request, parkKey: String, caller: Caller) async throws -> Int {
        if let text = request.uri.queryParameters.get("year") {
            guard let year = Int(text), (1900...2200).contains(year) else {
                throw APIError(status: .badRequest, code: "bad_query", message: "year must be a year", field: "year")
            }
            return year
        }
        return try await store.park(key: parkKey, caller: caller).defaultYear
    }

    /// The caller re-read after a change to its memberships (e.g. a park it just created).
    func refreshed(_ caller: Caller) async throws -> Caller {
        try await store.caller(userID: caller.userID) ?? caller
    }
}

/// CSV import of activity data: header `source,year,month,value,data_source,evidence` (month 0 or
/// empty = whole year). Every row is checked before anything is stored; errors name line and column.
enum ActivityCSV {
    static func parse(_ text: String) throws -> [ActivityInput] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw csvError(line: 1, column: 1, field: "header", "the file is empty") }
        let columns = fields(header).map { $0.lowercased() }
        guard let sourceColumn = columns.firstIndex(of: "source"), let yearColumn = columns.firstIndex(of: "year"),
              let valueColumn = columns.firstIndex(of: "value") else {
            throw csvError(line: 1, column: 1, field: "header", "the header must name source, year and value (and may name month, data_source, evidence)")
        }
        let monthColumn = columns.firstIndex(of: "month")
        let dataSourceColumn = columns.firstIndex(of: "data_source")
        let evidenceColumn = columns.firstIndex(of: "evidence")
        var rows: [ActivityInput] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let lineNumber = index + 1
            let cells = fields(line)
            func cell(_ column: Int?) -> String? {
                guard let column, column < cells.count else { return nil }
                let value = cells[column].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            guard let source = cell(sourceColumn) else { throw csvError(line: lineNumber, column: sourceColumn + 1, field: "source", "is empty") }
            guard let year = cell(yearColumn).flatMap(Int.init) else {
                throw csvError(line: lineNumber, column: yearColumn + 1, field: "year", "must be a year")
            }
            guard let value = cell(valueColumn).flatMap(Double.init), value.isFinite, value >= 0 else {
                throw csvError(line: lineNumber, column: valueColumn + 1, field: "value", "must be a number ≥ 0")
            }
            var month = 0
            if let text = cell(monthColumn) {
                guard let parsed = Int(text), (0...12).contains(parsed) else {
                    throw csvError(line: lineNumber, column: (monthColumn ?? 0) + 1, field: "month", "must be 0–12")
                }
                month = parsed
            }
            rows.append(.init(sourceKey: source, year: year, month: month, value: value, dataSource: cell(dataSourceColumn),
                              evidence: cell(evidenceColumn)))
        }
        return rows
    }

    /// Splits one CSV line (RFC 4180 quotes).
    static func fields(_ line: String) -> [String] {
        var result: [String] = [], current = "", quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current)
        return result
    }

    static func csvError(line: Int, column: Int, field: String, _ message: String) -> APIError {
        APIError(status: .unprocessableContent, code: "invalid_csv", message: "line \(line), column \(column): \(field) \(message)",
                 field: field, details: [ParkIssue(code: "invalid_csv", field: field, message: message,
                                                   location: SourceLocation(line: line, column: column))])
    }
}
