/// Steam or hot water bought from outside the boundary (STANDARD.md 1.1.3(b)):
///
///     E = AD(GJ) × EF_heat(tCO2/GJ)
///
/// EF_heat is the source's explicit `factor` (a measured supplier factor), else `heat.default`: the
/// park's own value when it defines that id (reported overridden, no warning), else the library default
/// 0.11 tCO2/GJ (GB/T 32150—2025) with the warning `default_heat_factor`. Energy: AD × 0.03412 tce/GJ
/// (GB/T 2589), listed among the line's parameters.
enum PurchasedHeat: AccountingMethod {
    static let kind = AccountingMethodKind.purchasedHeat
    static let defaultScope = 2
    static let formula = "E = AD × EF_heat"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        let (activity, use, coefficient, tce, found) = try heatLine(source, in: context)
        var warnings = found
        let tco2 = try context.tonnesCO2(activity, use.quantity, for: source, factorName: ("factor \(use.id)", "因子 \(use.id)"))
        let energy = EnergyUse(tce: tce, clean: false, coefficient: coefficient,
                               basis: "\(activity) × \(coefficient.quantity) (GB/T 2589)")
        // Only the library default earns the warning: a park value for `heat.default` is the park's own
        // (measured or supplier) factor and is reported as an override instead.
        if source.factor == nil, use.origin == .library {
            warnings.append(AccountingWarning(code: "default_heat_factor",
                                              message: "\(source.id): default heat factor \(use.quantity) used; a measured supplier factor takes precedence",
                                              zh: "\(source.id)：使用了外购热力的默认排放因子 \(use.quantity)；有供热单位实测因子时应优先使用",
                                              clause: "1.1.2(b)", subject: source.id))
        }
        return MethodOutcome(tco2: tco2, locationBasedTco2: tco2,
                             calculation: calculationText(["\(activity)", "\(use.quantity)"], result: tco2),
                             factor: use, parameters: [use], energy: energy, warnings: warnings)
    }
}

/// What purchased and exported heat share: the activity in an energy unit, the heat factor (the
/// source's explicit `factor`, marked overridden, else `heat.default`), the GB/T 2589 heat
/// coefficient and the activity in tce.
func heatLine(_ source: EmissionSource, in context: AccountingContext) throws
    -> (activity: Quantity, factor: FactorUse, coefficient: FactorUse, tce: Double, warnings: [AccountingWarning]) {
    let activity = source.activity.quantity
    try context.require(activity, compatibleWith: .gigajoule, for: source, what: ("heat", "热量"))
    var (use, warnings) = try context.factor(source.factor ?? FactorLibrary.heatDefaultID, for: source,
                                             field: source.factor == nil ? "method" : "factor")
    if source.factor != nil { use = use.markedOverridden() }
    let coefficient = try context.constant(FactorLibrary.heatCoalID, for: source)
    let tce = try Quantity.product([activity, coefficient.quantity], in: .tonneCoalEquivalent)
    return (activity, use, coefficient, tce, warnings)
}
