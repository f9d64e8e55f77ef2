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
            let known = Array(parkFactors.keys) + library.factors.map(\.id)
            let hint = Suggestion.hint(for: id, in: known), hintZh = Suggestion.hintZh(for: id, in: known)
            throw issue(source, field: field, code: "unknown_factor",
                        "unknown factor \"\(id)\"\(hint): define it under `factors:` or use a built-in id (see `zeropark factors list`)",
                        zh: "因子库和园区因子中没有这个因子：“\(id)”\(hintZh)；请在 factors 中定义，或使用内置因子编号（见 zeropark factors list）")
        }
        let entry = selection.factor
        let unit: QuantityUnit
        do { unit = try entry.unit } catch {
            throw issue(source, field: field, code: "library_unit", "built-in factor \(id) has an unreadable unit: \(error)",
                        zh: "内置因子 \(id) 的单位无法读取：\(UnitError.chinese(error))")
        }
        var warnings: [AccountingWarning] = []
        if selection.usedLaterVintage, let vintage = entry.vintage {
            warnings.append(AccountingWarning(
                code: "factor_vintage_after_period",
                message: "\(source.id): no vintage of \(id) for \(period.factorYear) or earlier; used the earliest (\(vintage))",
                zh: "\(source.id)：因子 \(id) 没有 \(period.factorYear) 年或更早年份的数值，使用了最早年份（\(vintage) 年）的数值",
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
            let keys = ["national", "national_residual", "national_fossil"] + library.gridAreas.map(\.key)
            let field = source.grid == nil ? "park.province" : "grid"
            throw issue(source, field: field, code: "unknown_grid",
                        "unknown grid \"\(key)\"\(Suggestion.hint(for: key, in: keys)) (known: \(keys.joined(separator: ", ")))",
                        zh: "没有这个电网区域：“\(key)”\(Suggestion.hintZh(for: key, in: keys))；已知区域：\(keys.joined(separator: "、"))")
        }
        let (use, warnings) = try factor("grid.national", for: source, field: "grid")
        let fallback = AccountingWarning(
            code: "grid_factor_fallback",
            message: "\(source.id): no published provincial grid factor for \(area.nameZh) (\(area.key)); used the national average grid.national",
            zh: "\(source.id)：\(area.nameZh)（\(area.key)）没有已发布的省级电网排放因子，使用了全国平均电网因子 grid.national",
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
                let builtIn = library.fuels.map(\.id)
                if let reason = FactorLibrary.fuelsNotShipped[id] {
                    throw issue(source, field: "fuel", code: "unknown_fuel", "unknown fuel \"\(id)\": \(reason.en)",
                                zh: "没有这种燃料：“\(id)”：\(reason.zh)")
                }
                let known = Array(parkFuels.keys) + builtIn
                throw issue(source, field: "fuel", code: "unknown_fuel",
                            "unknown fuel \"\(id)\"\(Suggestion.hint(for: id, in: known)): define it under `fuels:` or use a built-in fuel (\(builtIn.joined(separator: ", ")))",
                            zh: "没有这种燃料：“\(id)”\(Suggestion.hintZh(for: id, in: known))；请在 fuels 中定义，或使用内置燃料（\(builtIn.joined(separator: "、"))）")
            }
            return (builtIn, .library, false)
        } catch let unknown as ParkIssue {
            throw unknown
        } catch {
            throw issue(source, field: "fuel", code: "library_unit", "built-in fuel \(id) has an unreadable unit: \(error)",
                        zh: "内置燃料 \(id) 的单位无法读取：\(UnitError.chinese(error))")
        }
    }

    /// The library coefficient `id` (standard-coal constants), as a factor use.
    func constant(_ id: String, for source: EmissionSource) throws -> FactorUse {
        try factor(id, for: source, field: "method").0
    }

    func issue(_ source: EmissionSource, field: String, code: String, _ message: String, zh: String) -> ParkIssue {
        ParkIssue(code: code, field: "sources[\(source.id)].\(field)", message: message, zh: zh, location: source.locations[field])
    }

    /// `activity × factor` in tCO2, or a unit-mismatch issue naming both units.
    /// `factorName` names the factor in English and Chinese (`("factor grid.guangdong", "因子 grid.guangdong")`).
    func tonnesCO2(_ activity: Quantity, _ factor: Quantity, for source: EmissionSource, factorName: (en: String, zh: String)) throws -> Double {
        do {
            return try Quantity.product([activity, factor], in: .tonneCO2)
        } catch {
            let product = activity.unit.dimension * factor.unit.dimension
            throw issue(source, field: "activity.unit", code: "unit_mismatch",
                        "activity in \(activity.unit.symbol) (\(activity.unit.dimension.name)) cannot be used with \(factorName.en) in \(factor.unit.symbol): the product is \(product.name), not CO2 mass",
                        zh: "活动数据单位 \(activity.unit.symbol)（\(activity.unit.dimension.nameZh)）不能与单位为 \(factor.unit.symbol) 的\(factorName.zh) 相乘："
                            + "乘积的量纲是\(product.nameZh)，不是 CO2 质量")
        }
    }

    /// The activity in `expected`'s dimension, or a unit-mismatch issue; `what` names the activity in
    /// English and Chinese (`("electricity", "电量")`).
    func require(_ activity: Quantity, compatibleWith expected: QuantityUnit, for source: EmissionSource,
                 what: (en: String, zh: String)) throws {
        guard activity.unit.isCompatible(with: expected) else {
            throw issue(source, field: "activity.unit", code: "unit_mismatch",
                        "\(source.method.rawValue) needs \(what.en) (\(expected.dimension.name), e.g. \(expected.symbol)) but the activity is in \(activity.unit.symbol) (\(activity.unit.dimension.name))",
                        zh: "核算方法 \(source.method.rawValue) 需要\(what.zh)（\(expected.dimension.nameZh)，如 \(expected.symbol)），"
                            + "但活动数据单位是 \(activity.unit.symbol)（\(activity.unit.dimension.nameZh)）")
        }
    }
}
