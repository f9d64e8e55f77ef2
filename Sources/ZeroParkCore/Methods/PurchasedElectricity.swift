/// Electricity bought from the grid or a direct line (STANDARD.md 1.1.3(b)):
///
///     E = AD(MWh) × EF(tCO2/MWh)
///
/// EF is the source's explicit `factor`, else the grid factor of the source's `grid`, else of the
/// park's province, else the national average — the newest vintage not later than the period's year.
/// Energy: AD × 0.1229 kgce/kWh (GB/T 2589, equivalent value).
enum PurchasedElectricity: AccountingMethod {
    static let kind = AccountingMethodKind.purchasedElectricity
    static let defaultScope = 2
    static let formula = "E = AD × EF_grid"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        let activity = source.activity.quantity
        try context.require(activity, compatibleWith: .megawattHour, for: source, what: "electricity")
        var (use, warnings) = source.factor != nil
            ? try context.factor(source.factor ?? "", for: source, field: "factor")
            : try context.gridFactor(for: source)
        if source.factor != nil { use = use.markedOverridden() }
        let tco2 = try context.tonnesCO2(activity, use.quantity, for: source, factorName: "factor \(use.id)")
        let energy = try electricityEnergy(activity, clean: false, source: source, context: context)
        return MethodOutcome(tco2: tco2, locationBasedTco2: tco2,
                             calculation: calculationText(["\(activity)", "\(use.quantity)"], result: tco2),
                             factor: use, parameters: [use], energy: energy, warnings: warnings)
    }
}

/// Certified green electricity bought with green certificates or green-power contracts
/// (STANDARD.md 1.1.19, 1.1.36): counted emissions are zero (market-based); the location-based
/// figure AD × EF_grid is still reported. Counted as clean energy at 0.1229 kgce/kWh.
enum GreenElectricity: AccountingMethod {
    static let kind = AccountingMethodKind.greenElectricity
    static let defaultScope = 2
    static let formula = "E = 0 (market-based); E_location = AD × EF_grid"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        try zeroEmissionElectricity(source, in: context)
    }
}

/// Self-generated, self-consumed renewable electricity, e.g. rooftop PV (STANDARD.md 1.1.18,
/// 1.1.19): zero counted emissions; the grid-equivalent AD × EF_grid is reported as its
/// location-based figure. Counted as clean energy at 0.1229 kgce/kWh.
enum OnsiteRenewable: AccountingMethod {
    static let kind = AccountingMethodKind.onsiteRenewable
    static let defaultScope = 1
    static let formula = "E = 0 (market-based); E_location = AD × EF_grid"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        try zeroEmissionElectricity(source, in: context)
    }
}

private func zeroEmissionElectricity(_ source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
    let activity = source.activity.quantity
    try context.require(activity, compatibleWith: .megawattHour, for: source, what: "electricity")
    // An explicit factor replaces the grid factor used for the location-based figure.
    var (use, warnings) = source.factor != nil
        ? try context.factor(source.factor ?? "", for: source, field: "factor")
        : try context.gridFactor(for: source)
    if source.factor != nil { use = use.markedOverridden() }
    let location = try context.tonnesCO2(activity, use.quantity, for: source, factorName: "grid factor \(use.id)")
    let energy = try electricityEnergy(activity, clean: true, source: source, context: context)
    let calculation = "0 tCO2 (market-based); location-based " +
        calculationText(["\(activity)", "\(use.quantity)"], result: location)
    return MethodOutcome(tco2: 0, locationBasedTco2: location, calculation: calculation,
                         factor: use, parameters: [use], energy: energy, warnings: warnings)
}
