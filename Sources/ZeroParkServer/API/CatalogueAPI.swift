import Foundation
import Hummingbird
import ZeroParkInput
import ZeroParkPlanning
import ZeroParkStore

/// The measures catalogue per park (issue #10 item 2): `GET /parks/{park}/catalogue` (every built-in kind
/// of measure with the park's figures beside it; members but tenants), `PUT` and `DELETE
/// /parks/{park}/catalogue/{category}` (admins and managers; every figure with its source).
///
/// Serves STANDARD.md 1.1.5–1.1.6, 1.1.20 and 1.1.2(d).
extension APIRoutes {
    var catalogueOperations: [APIOperation] {
        let service = CatalogueService(store: store)
        return [
            APIOperation(method: .get, path: "/parks/{park}/catalogue",
                         summary: "The measures catalogue: each built-in kind of measure (clause, sources it acts on, abatement rule) with the park's own figures and their source (members but tenants)",
                         access: .parkMember, success: [.ok("Catalogue", APIDocs.array(APIDocs.object))]) { _, context, _ in
                let rows = try await service.rows(parkKey: try context.parameter("park"), caller: try context.requireCaller())
                return JSONBody.raw(Data(try CatalogueJSON.rows(rows).utf8))
            },
            APIOperation(method: .put, path: "/parks/{park}/catalogue/{category}",
                         summary: "Record the park's figures for one kind of measure: unit, capex and O&M per unit, lifetime, saving fraction, and where they come from (park admins and managers)",
                         access: .parkEditor, body: .json(CatalogueService.bodySchema),
                         success: [.ok("The stored entry", APIDocs.object)], semanticChecks: true) { _, context, input in
                let category = try CatalogueService.category(try context.parameter("category"))
                let body: CatalogueService.Body
                do { body = try JSONDecoder().decode(CatalogueService.Body.self, from: Data(input.bytes)) } catch {
                    throw InputError(InputProblem(code: "invalid_value", field: "$", zh: "不是措施目录条目", en: "not a catalogue entry"))
                }
                let stored = try await service.set(parkKey: try context.parameter("park"), category: category.rawValue,
                                                   entry: CatalogueService.entry(body, category: category), caller: try context.requireCaller())
                return JSONBody.raw(Data(CatalogueJSON.stored(stored).utf8))
            },
            APIOperation(method: .delete, path: "/parks/{park}/catalogue/{category}",
                         summary: "Remove the park's figures for one kind of measure (the built-in entry stays; park admins and managers)",
                         access: .parkEditor, success: [.deleted]) { _, context, _ in
                let category = try CatalogueService.category(try context.parameter("category"))
                try await store.removeCatalogueEntry(parkKey: try context.parameter("park"), category: category.rawValue, caller: try context.requireCaller())
                return Response(status: .noContent)
            },
        ]
    }
}

/// JSON of the catalogue rows and of a stored entry.
///
/// Serves STANDARD.md 1.1.2(d).
enum CatalogueJSON {
    static func stored(_ s: StoredCatalogueEntry) -> String {
        #"{"category":\#(TariffJSON.quoted(s.category)),"entry":\#(s.json),"updated_at":\#(TariffJSON.quoted(s.updatedAt)),"updated_by":\#(TariffJSON.quoted(s.updatedBy))}"#
    }

    static func rows(_ rows: [CatalogueService.Row]) throws -> String {
        let items = rows.map { row -> String in
            let b = row.builtIn
            let park = row.stored.map(stored) ?? "null"
            return #"{"category":\#(TariffJSON.quoted(b.category.rawValue)),"name_zh":\#(TariffJSON.quoted(b.category.nameZh)),"#
                + #""name_en":\#(TariffJSON.quoted(b.category.nameEn)),"clause":\#(TariffJSON.quoted(b.clause)),"rule":\#(TariffJSON.quoted(b.rule)),"#
                + #""note_zh":\#(TariffJSON.quoted(b.noteZh)),"note_en":\#(TariffJSON.quoted(b.noteEn)),"park":\#(park)}"#
        }
        return "[" + items.joined(separator: ",") + "]"
    }
}
