/// What a method needs besides its source: the library, the park's own factors and fuels, the
/// period's factor year and the park's province. Resolves factor ids (park first, then library),
/// grid keys and fuels, and turns every failure into a `ParkIssue` that names the source and field.
public struct AccountingContext: Sendable {
    public let library: FactorLibrary
    /// The period whose factor year applies: the inventory's, or one calendar-year part of it
    /// (`restricted(to:)`, effective-dated factors).
    public private(set) var period: AccountingPeriod
    public let province: String?
    /// The park's accounting conventions (docs/accounting-rules.md).
    public let rules: AccountingRules
    let parkFactors: [String: ParkFactor]
    let parkFuels: [String: FuelDefinition]
    /// Certificate MWh applied per purchased-electricity source, and the certificate ids.
    var certificateMWh: [String: Double] = [:]
    var certificateIDs: [String: [String]] = [:]
    /// Whether the park claims green power (green-electricity lines or applied certificates) in the
    /// period: the condition for the residual mix under `market_basis: residual`.
    var claimsGreenPower = false
    /// Factors every line of a kind uses (grid, residual mix, standard-coal constants, heat default),
    /// resolved once per inventory; only uses that raised no warning are kept, so a warning still
    /// names each source it concerns.
    private var resolved: [String: FactorUse] = [:]

    public init(library: FactorLibrary, park: ParkDefinition) {
        self.library = library
        self.rules = park.rules
        self.period = park.period
        self.province = park.profile.province
        self.parkFactors = Dictionary(park.factors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.parkFuels = Dictionary(park.fuels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A factor by id: the park's own (marked overridden when it shadows a library id), else the
    /// library's vintage for the period.
    func factor(_ id: String, for source: EmissionSource, field: String) throws -> (FactorUse, [AccountingWarning]) {
        if let use = resolved[id] { return (use, []) }
        if let own = parkFactors[id] {
            let use = FactorUse(id: id, quantity: Quantity(own.value, own.unit), source: own.source, vintage: nil,
                                origin: .park, overridden: library.contains(factorID: id))
            return (use, [])
        }
        guard let selection = library.select(id, forYear: period.factorYear) else {
            let hint = Suggestion.hint(for: id, in: Array(parkFactors.keys) + library.factors.map(\.id))
            throw issue(source, field: field, code: "unknown_factor",
                        "unknown factor \"\(id)\"\(hint): define it under `factors:` or use a built-in id (see `zeropark factors list`)")
        }
        let entry = selection.factor
        let unit: QuantityUnit
        do { unit = try entry.unit } catch {
            throw issue(source, field: field, code: "library_unit", "built-in factor \(id) has an unreadable unit: \(error)")
        }
        var warnings: [AccountingWarning] = []
        if selection.usedLaterVintage, let vintage = entry.vintage {
            warnings.append(AccountingWarning(
                code: "factor_vintage_after_period",
                message: "\(source.id): no vintage of \(id) for \(period.factorYear) or earlier; used the earliest (\(vintage))",
                clause: "1.1.2(b)", subject: source.id))
        }
        let use = FactorUse(id: id, quantity: Quantity(entry.value, unit), source: entry.citation.text,
                            vintage: entry.vintage, origin: .library, overridden: false, note: entry.note)
        return (use, warnings)
    }

    /// The grid factor for an electricity source: the source's `grid`, else the park's province,
    /// else the national average. A province without a published factor falls back to the
    /// national average with a warning.
    func gridFactor(for source: EmissionSource) throws -> (FactorUse, [AccountingWarning]) {
        let key = source.grid ?? province ?? "national"
        let id = "grid.\(key)"
        if parkFactors[id] != nil || library.contains(factorID: id) {
            return try factor(id, for: source, field: source.grid == nil ? "grid" : "grid")
        }
        guard let area = library.gridArea(key) else {
            let known = (["national", "national_residual", "national_fossil"] + library.gridAreas.map(\.key)).joined(separator: ", ")
            let field = source.grid == nil ? "park.province" : "grid"
            let hint = Suggestion.hint(for: key, in: ["national", "national_residual", "national_fossil"] + library.gridAreas.map(\.key))
            throw issue(source, field: field, code: "unknown_grid", "unknown grid \"\(key)\"\(hint) (known: \(known))")
        }
        let (use, warnings) = try factor("grid.national", for: source, field: "grid")
        let fallback = AccountingWarning(
            code: "grid_factor_fallback",
            message: "\(source.id): no published provincial grid factor for \(area.nameZh) (\(area.key)); used the national average grid.national",
            clause: "1.1.2(b)", subject: source.id)
        return (use, warnings + [fallback])
    }

    /// Resolves the factors shared by many lines once (see `resolved`): the park's grid factor, the
    /// national average and residual mix, the standard-coal constants and the heat default.
    mutating func resolveSharedFactors() {
        let probe = EmissionSource(id: "", name: "", system: .energy, method: .purchasedElectricity,
                                   activity: ActivityData(unit: .megawattHour, values: .total(0)))
        var ids = [FactorLibrary.electricityCoalID, FactorLibrary.heatCoalID, FactorLibrary.heatDefaultID,
                   "grid.national", "grid.national_residual"]
        if let province { ids.append("grid.\(province)") }
        for id in ids where parkFactors[id] != nil || library.contains(factorID: id) {
            if let (use, warnings) = try? factor(id, for: probe, field: ""), warnings.isEmpty { resolved[id] = use }
        }
    }

    /// The same context for one calendar-year part of the period: factors resolve for that part's
    /// year (effective-dated factors, issue #8 §6); certificates and green claims stay the period's.
    func restricted(to part: AccountingPeriod) -> AccountingContext {
        var copy = self
        copy.period = part
        copy.resolved = [:]
        copy.resolveSharedFactors()
        return copy
    }

    /// The location-based (average) grid factor for an electricity source: its `grid` when that is an
    /// average, else the park's province, else the national average. A residual-mix or fossil-power
    /// factor chosen as `grid` is not location-based and is skipped here.
    func averageGridFactor(for source: EmissionSource) throws -> (FactorUse, [AccountingWarning]) {
        guard let grid = source.grid, GridFactorKind(gridKey: grid) != .average else { return try gridFactor(for: source) }
        var averageSource = source
        averageSource.grid = nil
        return try gridFactor(for: averageSource)
    }

    /// A fuel by id: the park's own (overriding a library fuel of the same id), else the library's.
    func fuel(_ id: String, for source: EmissionSource) throws -> (FuelDefinition, FactorUse.Origin, Bool) {
        if let own = parkFuels[id] { return (own, .park, library.fuel(id) != nil) }
        do {
            guard let builtIn = try library.fuelDefinition(id) else {
                let known = library.fuels.map(\.id).joined(separator: ", ")
                if let reason = FactorLibrary.fuelsNotShipped[id] {
                    throw issue(source, field: "fuel", code: "unknown_fuel", "unknown fuel \"\(id)\": \(reason)")
                }
                let hint = Suggestion.hint(for: id, in: Array(parkFuels.keys) + library.fuels.map(\.id))
                throw issue(source, field: "fuel", code: "unknown_fuel",
                            "unknown fuel \"\(id)\"\(hint): define it under `fuels:` or use a built-in fuel (\(known))")
            }
            return (builtIn, .library, false)
        } catch let unknown as ParkIssue {
            throw unknown
        } catch {
            throw issue(source, field: "fuel", code: "library_unit", "built-in fuel \(id) has an unreadable unit: \(error)")
        }
    }

    /// The library coefficient `id` (standard-coal constants), as a factor use.
    func constant(_ id: String, for source: EmissionSource) throws -> FactorUse {
        try factor(id, for: source, field: "method").0
    }

    func issue(_ source: EmissionSource, field: String, code: String, _ message: String) -> ParkIssue {
        ParkIssue(code: code, field: "sources[\(source.id)].\(field)", message: message, location: source.locations[field])
    }

    /// `activity × factor` in tCO2, or a unit-mismatch issue naming both units.
    func tonnesCO2(_ activity: Quantity, _ factor: Quantity, for source: EmissionSource, factorName: String) throws -> Double {
        do {
            return try Quantity.product([activity, factor], in: .tonneCO2)
        } catch {
            let product = (activity.unit.dimension * factor.unit.dimension).name
            throw issue(source, field: "activity.unit", code: "unit_mismatch",
                        "activity in \(activity.unit.symbol) (\(activity.unit.dimension.name)) cannot be used with \(factorName) in \(factor.unit.symbol): the product is \(product), not CO2 mass")
        }
    }

    /// The activity in `expected`'s dimension, or a unit-mismatch issue.
    func require(_ activity: Quantity, compatibleWith expected: QuantityUnit, for source: EmissionSource, what: String) throws {
        guard activity.unit.isCompatible(with: expected) else {
            throw issue(source, field: "activity.unit", code: "unit_mismatch",
                        "\(source.method.rawValue) needs \(what) (\(expected.dimension.name), e.g. \(expected.symbol)) but the activity is in \(activity.unit.symbol) (\(activity.unit.dimension.name))")
        }
    }
}
