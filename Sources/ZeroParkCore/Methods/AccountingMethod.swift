/// An accounting method: turns one source's activity into emissions with a formula an auditor can
/// redo by hand (STANDARD.md 1.1.2(b)). Each conforming type documents its formula.
protocol AccountingMethod {
    static var kind: AccountingMethodKind { get }
    /// GHG Protocol scope when the source does not set one.
    static var defaultScope: Int { get }
    static var formula: String { get }
    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome
}

/// What a method computed for one source, before it becomes a `SourceAccount`.
struct MethodOutcome {
    var tco2: Double
    var locationBasedTco2: Double
    var biogenicTco2: Double = 0
    var calculation: String
    var factor: FactorUse?
    var parameters: [FactorUse]
    var energy: EnergyUse?
    var warnings: [AccountingWarning] = []
    /// On-site renewables: the grid-equivalent emissions avoided, reported apart.
    var avoidedTco2: Double = 0
    /// Export lines: the tCO2 the export represents (deducted or only recorded per the rule).
    var exportedTco2: Double = 0
    var electricity: ElectricityAccount?
    var nonCO2: CombustionNonCO2?
}

extension AccountingMethod {
    static func account(_ source: EmissionSource, in context: AccountingContext) throws -> SourceAccount {
        let (outcome, monthly) = try effectiveDatedOutcome(for: source, in: context)
        // Every line states the standard-coal coefficient its energy figure used (issue #7 item 7).
        var parameters = outcome.parameters
        if let coefficient = outcome.energy?.coefficient, !parameters.contains(where: { $0.id == coefficient.id }) {
            parameters.append(coefficient)
        }
        return SourceAccount(
            id: source.id, name: source.name, system: source.system, method: kind,
            scope: source.scope ?? defaultScope, enterprise: source.enterprise, category: source.effectiveCategory,
            tco2: outcome.tco2, locationBasedTco2: outcome.locationBasedTco2, biogenicTco2: outcome.biogenicTco2,
            monthlyTco2: monthly, activity: source.activity, formula: formula, calculation: outcome.calculation,
            factor: outcome.factor, parameters: parameters, energy: outcome.energy,
            dataSource: source.dataSource, evidence: source.evidence, warnings: outcome.warnings,
            avoidedTco2: outcome.avoidedTco2, exportedTco2: outcome.exportedTco2, electricity: outcome.electricity,
            nonCO2: outcome.nonCO2)
    }
}

/// Finds the method type for a method kind.
enum AccountingMethods {
    static func type(of kind: AccountingMethodKind) -> any AccountingMethod.Type {
        switch kind {
        case .fuelCombustion: return FuelCombustion.self
        case .purchasedElectricity: return PurchasedElectricity.self
        case .greenElectricity: return GreenElectricity.self
        case .onsiteRenewable: return OnsiteRenewable.self
        case .purchasedHeat: return PurchasedHeat.self
        case .refrigerantLeakage: return RefrigerantLeakage.self
        case .activityFactor: return ActivityFactor.self
        case .exportedElectricity: return ExportedElectricity.self
        case .exportedHeat: return ExportedHeat.self
        }
    }

    static func formula(of kind: AccountingMethodKind) -> String { type(of: kind).formula }
}

extension AccountingMethodKind {
    /// The method's formula, as shown with every result line.
    public var formula: String { AccountingMethods.formula(of: self) }
}

/// Writes `a × b × c = r unit` for the calculation column.
func calculationText(_ terms: [String], result: Double, unit: String = "tCO2") -> String {
    terms.joined(separator: " × ") + " = \(Quantity.format(result)) \(unit)"
}

/// Electricity in tce at the equivalent value 0.1229 kgce/kWh (GB/T 2589).
func electricityEnergy(_ activity: Quantity, clean: Bool, source: EmissionSource,
                       context: AccountingContext) throws -> EnergyUse {
    let coefficient = try context.constant(FactorLibrary.electricityCoalID, for: source)
    let tce = try Quantity.product([activity, coefficient.quantity], in: .tonneCoalEquivalent)
    return EnergyUse(tce: tce, clean: clean, coefficient: coefficient,
                     basis: "\(activity) × \(coefficient.quantity) (GB/T 2589 当量值)")
}
