/// Any activity with a cited factor, where no sector guideline applies (STANDARD.md 1.1.2(b)):
///
///     E = AD × EF
///
/// The factor's denominator must match the activity's unit (kgCO2/t needs a mass, tCO2/MWh an
/// energy) and its numerator must be a CO2 mass; anything else is a unit error.
enum ActivityFactor: AccountingMethod {
    static let kind = AccountingMethodKind.activityFactor
    static let defaultScope = 3
    static let formula = "E = AD × EF"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        guard let factorID = source.factor else {
            throw context.issue(source, field: "factor", code: "missing_field", "activity_factor needs `factor`",
                                zh: "核算方法 activity_factor 需要填写因子（factor）")
        }
        let activity = source.activity.quantity
        let (use, warnings) = try context.factor(factorID, for: source, field: "factor")
        let tco2 = try context.tonnesCO2(activity, use.quantity, for: source, factorName: ("factor \(factorID)", "因子 \(factorID)"))
        return MethodOutcome(tco2: tco2, locationBasedTco2: tco2,
                             calculation: calculationText(["\(activity)", "\(use.quantity)"], result: tco2),
                             factor: use, parameters: [use], energy: nil, warnings: warnings)
    }
}
