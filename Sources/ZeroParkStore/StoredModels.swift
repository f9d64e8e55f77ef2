import Foundation
import ZeroParkCore
import ZeroParkInput

/// A park as listed for a user: identity, publication and the caller's role in it.
public struct ParkSummary: Codable, Hashable, Sendable {
    public let id: Int64
    public let key: String
    public let name: String
    public let nameEn: String?
    public let type: String
    public let province: String?
    public let published: Bool
    public let defaultYear: Int
    public let role: ParkRole?
}

/// A stored park: profile and boundary (STANDARD.md 1.1.1), publication settings (1.1.2(d)).
public struct StoredPark: Hashable, Sendable {
    public let id: Int64
    public var profile: ParkProfile
    public let published: Bool
    public let reductionTarget: String?
    public let defaultYear: Int
    public let enterprises: [Enterprise]
    /// The park's accounting conventions (docs/accounting-rules.md).
    public let rules: AccountingRules
}

/// An enterprise (tenant) inside a park.
public struct Enterprise: Codable, Hashable, Sendable {
    public let key: String
    public let name: String

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }
}

/// A source as stored: everything of an `EmissionSource` but its activity values, which are kept
/// per year and month in their own table with their data source (STANDARD.md 1.1.2(e)).
public struct SourceSpec: Codable, Hashable, Sendable {
    public var key: String
    public var name: String
    public var system: String
    public var method: String
    public var fuel: String?
    public var factor: String?
    public var grid: String?
    public var gas: String?
    public var gwpSet: String?
    public var scope: Int?
    public var enterprise: String?
    public var unit: String
    public var dataSource: String?
    public var evidence: String?
    /// `energy`, `industrial_process` or `other`; nil: the method's default (docs/accounting-rules.md §5).
    public var category: String?

    public init(key: String, name: String, system: String, method: String, fuel: String? = nil, factor: String? = nil,
                grid: String? = nil, gas: String? = nil, gwpSet: String? = nil, scope: Int? = nil,
                enterprise: String? = nil, unit: String, dataSource: String? = nil, evidence: String? = nil,
                category: String? = nil) {
        self.category = category
        self.key = key
        self.name = name
        self.system = system
        self.method = method
        self.fuel = fuel
        self.factor = factor
        self.grid = grid
        self.gas = gas
        self.gwpSet = gwpSet
        self.scope = scope
        self.enterprise = enterprise
        self.unit = unit
        self.dataSource = dataSource
        self.evidence = evidence
    }

    init(_ source: EmissionSource) {
        self.init(key: source.id, name: source.name, system: source.system.rawValue, method: source.method.rawValue,
                  fuel: source.fuel, factor: source.factor, grid: source.grid, gas: source.gas, gwpSet: source.gwpSet,
                  scope: source.scope, enterprise: source.enterprise, unit: source.activity.unit.symbol,
                  dataSource: source.dataSource, evidence: source.evidence, category: source.category?.rawValue)
    }

    /// The accounting source this description stands for, with `values` in `unit`; nil when the
    /// system or method is not one ZeroPark knows.
    public func emissionSource(unit: QuantityUnit, values: ActivityData.Values) -> EmissionSource? {
        guard let system = EmissionSystem(rawValue: system), let method = AccountingMethodKind(rawValue: method) else { return nil }
        return EmissionSource(id: key, name: name, system: system, method: method, fuel: fuel, factor: factor, grid: grid, gas: gas,
                              gwpSet: gwpSet, scope: scope, enterprise: enterprise, category: category.flatMap(EmissionCategory.init(rawValue:)),
                              activity: ActivityData(unit: unit, values: values),
                              dataSource: dataSource, evidence: evidence)
    }

    /// Checks the fields that do not need the factor library; throws `.invalid` naming the field.
    public func validated() throws -> SourceSpec {
        func invalid(_ field: String, _ message: String) -> StoreError { .invalid(field: field, message: message) }
        guard Self.isValidKey(key) else {
            throw invalid("key", "use 1–64 letters, digits, '.', '-' or '_'")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw invalid("name", "is required") }
        guard EmissionSystem(rawValue: system) != nil else {
            throw invalid("system", "\"\(system)\" is not one of: \(EmissionSystem.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard AccountingMethodKind(rawValue: method) != nil else {
            throw invalid("method", "\"\(method)\" is not one of: \(AccountingMethodKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        do { _ = try QuantityUnit.parse(unit) } catch { throw invalid("unit", "\(error)") }
        if let scope, !(1...3).contains(scope) { throw invalid("scope", "must be 1, 2 or 3") }
        if let category, EmissionCategory(rawValue: category) == nil {
            throw invalid("category", "\"\(category)\" is not one of: \(EmissionCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try StoreChecks.text(name, "name")
        try StoreChecks.text(unit, "unit", TextPolicy(maxLength: 64))
        for (field, value) in [("fuel", fuel), ("factor", factor), ("grid", grid), ("gas", gas), ("gwp_set", gwpSet), ("enterprise", enterprise)] {
            try StoreChecks.key(value, field)
        }
        try StoreChecks.text(dataSource, "data_source", .note)
        try StoreChecks.text(evidence, "evidence", .note)
        return self
    }

    /// A key `E.…` for an enterprise E of the park belongs to a source of E, so that a tenant's own
    /// namespace holds only its own sources and a key conflict never reveals another's (issue #6).
    func checkNamespace(enterprises: Set<String>) throws {
        guard let dot = key.firstIndex(of: ".") else { return }
        let owner = String(key[..<dot])
        if enterprises.contains(owner), owner != enterprise {
            throw StoreError.invalid(field: "key", message: "以“\(owner).”开头的编号属于企业 \(owner) / keys beginning with \"\(owner).\" belong to enterprise \(owner)")
        }
    }

    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.count <= 64 && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}

/// One stored activity value: a year and a month (0 = the whole year), with its data source and
/// who recorded it when (STANDARD.md 1.1.2(e), 1.1.33).
public struct ActivityRecord: Codable, Hashable, Sendable {
    public let year: Int
    public let month: Int
    public let value: Double
    public let dataSource: String?
    public let evidence: String?
    public let recordedBy: String
    public let recordedAt: String
}

/// An immutable inventory snapshot: the park file it was computed from, the inventory document and
/// the SHA-256 hashes of both (lineage, STANDARD.md 1.1.2(e), 3.3).
public struct InventorySnapshot: Codable, Hashable, Sendable {
    public let id: Int64
    public let parkKey: String
    public let year: Int
    public let createdAt: String
    public let createdBy: String
    public let inputHash: String
    public let outputHash: String
    public let emissionsTco2: Double
    public let netTco2: Double
    /// The park file (YAML) of exactly the inputs used; nil in listings.
    public let inputParkFile: String?
    /// The `zeropark.inventory/1` JSON; nil in listings.
    public let document: String?
    /// The factor library version the snapshot was computed with (from its document).
    public var factorLibrary: String? = nil
    /// What stood beside the inventory when it was saved (data quality, plan, trial; JSON); nil in
    /// listings and for snapshots saved before it was recorded.
    public var context: String? = nil
}

/// One audit-log entry: who changed what, when, with the values before and after (JSON).
public struct AuditEntry: Codable, Hashable, Sendable {
    public let id: Int64
    public let at: String
    public let actor: String
    public let entity: String
    public let entityKey: String
    public let action: String
    public let before: String?
    public let after: String?
}

/// A review comment by an auditor or park member.
public struct ReviewComment: Codable, Hashable, Sendable {
    public let id: Int64
    public let author: String
    public let target: String
    public let text: String
    public let createdAt: String
}
