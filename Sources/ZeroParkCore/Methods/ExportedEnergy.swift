/// Electricity the park exports to the grid — surplus PV, power from a CHP unit (STANDARD.md 1.1.3(b);
/// GB/T 32150 net purchase, docs/accounting-rules.md §3):
///
///     E = −AD(MWh) × EF_grid          (exported_energy: net_purchase, the default)
///     E = 0, recorded only            (exported_energy: report_only)
///
/// EF_grid is the location-based average the park's purchased electricity uses (or an explicit
/// `factor`); GB/T 32150 deducts exports at the factor of the purchased kind. Under net purchase the
/// exported energy is also deducted from comprehensive energy consumption (GB/T 2589) at 0.1229
/// kgce/kWh.
enum ExportedElectricity: AccountingMethod {
    static let kind = AccountingMethodKind.exportedElectricity
    static let defaultScope = 2
    static let formula = "E = −AD × EF_grid (GB/T 32150 net purchase)"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        let activity = source.activity.quantity
        try context.require(activity, compatibleWith: .megawattHour, for: source, what: ("electricity", "电量"))
        var (use, warnings) = source.factor != nil
            ? try context.factor(source.factor ?? "", for: source, field: "factor")
            : try context.averageGridFactor(for: source)
        if source.factor != nil { use = use.markedOverridden() }
        let coefficient = try context.constant(FactorLibrary.electricityCoalID, for: source)
        let exported = try context.tonnesCO2(activity, use.quantity, for: source, factorName: ("factor \(use.id)", "因子 \(use.id)"))
        let tce = try Quantity.product([activity, coefficient.quantity], in: .tonneCoalEquivalent)
        let account = ElectricityAccount(basis: .exported, marketFactor: use, marketFactorKind: nil, locationFactor: use,
                                         mwh: try activity.value(in: .megawattHour), certificateMWh: 0, certificates: [],
                                         rule: exportRule(context.rules.exportedEnergy))
        return exportOutcome(exported: exported, tce: tce, terms: ["\(activity)", "\(use.quantity)"], factor: use,
                             coefficient: coefficient, basis: "\(activity) × \(coefficient.quantity) (GB/T 2589 当量值)",
                             rules: context.rules, warnings: warnings, electricity: account)
    }
}

/// Heat (steam, hot water) the park exports across its boundary, e.g. from a CHP unit (STANDARD.md
/// 1.1.3(b), 1.1.20(a); GB/T 32150 net purchase):
///
///     E = −AD(GJ) × EF_heat           (exported_energy: net_purchase, the default)
///     E = 0, recorded only            (exported_energy: report_only)
///
/// EF_heat is the source's explicit `factor`, else the library default 0.11 tCO2/GJ (the factor of
/// purchased heat). Under net purchase the heat is deducted from energy consumption at 0.03412 tce/GJ.
enum ExportedHeat: AccountingMethod {
    static let kind = AccountingMethodKind.exportedHeat
    static let defaultScope = 2
    static let formula = "E = −AD × EF_heat (GB/T 32150 net purchase)"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        let (activity, use, coefficient, tce, warnings) = try heatLine(source, in: context)
        let exported = try context.tonnesCO2(activity, use.quantity, for: source, factorName: ("factor \(use.id)", "因子 \(use.id)"))
        return exportOutcome(exported: exported, tce: tce, terms: ["\(activity)", "\(use.quantity)"], factor: use,
                             coefficient: coefficient, basis: "\(activity) × \(coefficient.quantity) (GB/T 2589)",
                             rules: context.rules, warnings: warnings, electricity: nil)
    }
}

/// The rule text an export line carries.
func exportRule(_ rule: AccountingRules.ExportedEnergyRule) -> String {
    switch rule {
    case .netPurchase: return "exported_energy = net_purchase: deducted at the purchased kind's factor (GB/T 32150)"
    case .reportOnly: return "exported_energy = report_only: recorded, not deducted"
    }
}

private func exportOutcome(exported: Double, tce: Double, terms: [String], factor: FactorUse, coefficient: FactorUse,
                           basis: String, rules: AccountingRules, warnings: [AccountingWarning],
                           electricity: ElectricityAccount?) -> MethodOutcome {
    let deducted = rules.exportedEnergy == .netPurchase
    let calculation = deducted
        ? "−(" + calculationText(terms, result: exported) + ") [\(exportRule(rules.exportedEnergy))]"
        : "0 tCO2 counted; " + calculationText(terms, result: exported) + " [\(exportRule(rules.exportedEnergy))]"
    let energy = EnergyUse(tce: deducted ? -tce : 0, clean: false, coefficient: coefficient,
                           basis: deducted ? "−(\(basis)) exported" : "\(basis) exported, not deducted")
    return MethodOutcome(tco2: deducted ? -exported : 0, locationBasedTco2: deducted ? -exported : 0,
                         calculation: calculation, factor: factor, parameters: [factor, coefficient], energy: energy,
                         warnings: warnings, exportedTco2: exported, electricity: electricity)
}
