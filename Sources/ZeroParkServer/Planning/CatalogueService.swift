import Foundation
import ZeroParkInput
import ZeroParkPlanning
import ZeroParkStore

/// The measures catalogue as a park sees it (issue #10 item 2): every built-in kind of measure with the
/// park's own figures beside it when it has recorded them. Reads and writes the park's entries through
/// the store as canonical JSON (`ParkCatalogueEntry`, snake_case keys), checked before they are stored.
///
/// Serves STANDARD.md 1.1.5–1.1.6 and 1.1.20 (measures costed on the park's own quotes, each with its source).
struct CatalogueService: Sendable {
    let store: any ParkRepository

    /// A park entry as stored and as sent: snake_case keys.
    struct Body: Codable, Sendable {
        var unit: String
        var capex_cny_per_unit: Double?
        var opex_cny_per_unit_year: Double?
        var lifetime_years: Double?
        var saving_fraction: Double?
        var note: String?
        var source: String
    }

    /// A built-in entry with the park's figures (nil when the park has none).
    struct Row: Sendable {
        let builtIn: CatalogueEntry
        let park: ParkCatalogueEntry?
        let stored: StoredCatalogueEntry?
    }

    static let bodySchema = Schema.object(nil, "The park's figures for one kind of measure, with where they come from", required: ["unit", "source"], [
        ("unit", .choice(ParkCatalogueEntry.units, "The unit the figures are per")),
        ("capex_cny_per_unit", .number(PlanValidation.money)),
        ("opex_cny_per_unit_year", .number(PlanValidation.money)),
        ("lifetime_years", .number(PlanValidation.lifetime)),
        ("saving_fraction", .number(above: 0, maximum: 1, "For measures that cut a share of their sources")),
        ("note", Schema.string(.note)),
        ("source", Schema.string(.note, minLength: 1, "A quote, a supplier, a study: where the figures come from")),
    ])

    static func entry(_ body: Body, category: MeasureCategory) -> ParkCatalogueEntry {
        ParkCatalogueEntry(category: category, unit: body.unit, capexCNYPerUnit: body.capex_cny_per_unit, opexCNYPerUnitYear: body.opex_cny_per_unit_year,
                           lifetimeYears: body.lifetime_years, savingFraction: body.saving_fraction, note: body.note ?? "", source: body.source)
    }

    static func body(_ e: ParkCatalogueEntry) -> Body {
        Body(unit: e.unit, capex_cny_per_unit: e.capexCNYPerUnit, opex_cny_per_unit_year: e.opexCNYPerUnitYear, lifetime_years: e.lifetimeYears,
             saving_fraction: e.savingFraction, note: e.note.isEmpty ? nil : e.note, source: e.source)
    }

    /// The category a path names; an unknown one is not found (404), as a missing resource.
    static func category(_ key: String) throws(StoreError) -> MeasureCategory {
        guard let category = MeasureCategory(rawValue: key) else {
            throw StoreError.notFound("measure category \(key.prefix(40)) (\(MeasureCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return category
    }

    /// Checks and stores an entry.
    func set(parkKey: String, category key: String, entry: ParkCatalogueEntry, caller: Caller) async throws -> StoredCatalogueEntry {
        let problems = entry.problems()
        if !problems.isEmpty {
            throw InputError(problems.map { InputProblem(code: "invalid_value", field: $0.field, zh: $0.zh, en: $0.en) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(Self.body(entry)), as: UTF8.self)
        return try await store.setCatalogueEntry(parkKey: parkKey, category: key, json: json, caller: caller)
    }

    /// Every built-in kind with the park's figures.
    func rows(parkKey: String, caller: Caller) async throws -> [Row] {
        var stored: [String: StoredCatalogueEntry] = [:]
        for entry in try await store.catalogueEntries(parkKey: parkKey, caller: caller) { stored[entry.category] = entry }
        return MeasureCatalogue.entries.map { builtIn in
            let s = stored[builtIn.category.rawValue]
            let park = s.flatMap { try? JSONDecoder().decode(Body.self, from: Data($0.json.utf8)) }.map { Self.entry($0, category: builtIn.category) }
            return Row(builtIn: builtIn, park: park, stored: s)
        }
    }
}
