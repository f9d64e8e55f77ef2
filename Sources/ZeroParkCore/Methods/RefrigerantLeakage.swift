/// Refrigerant or other fluorinated-gas leakage (GB/T 32150, HFCs/SF6):
///
///     E = m_leaked × GWP
///
/// m in kg or t of gas; GWP-100 from the source's `gwp_set` (AR4, AR5 or AR6; AR5 when omitted),
/// or an explicit `factor`. Serves STANDARD.md 1.1.3(a), 3.4 ("other GHGs may be included").
enum RefrigerantLeakage: AccountingMethod {
    static let kind = AccountingMethodKind.refrigerantLeakage
    static let defaultScope = 1
    static let formula = "E = m × GWP"
    static let defaultSet = "AR5"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        let activity = source.activity.quantity
        try context.require(activity, compatibleWith: .tonne, for: source, what: ("a mass of gas", "气体质量"))
        let (use, warnings): (FactorUse, [AccountingWarning])
        if let explicit = source.factor {
            let found = try context.factor(explicit, for: source, field: "factor")
            (use, warnings) = (found.0.markedOverridden(), found.1)
        } else {
            guard let gas = source.gas else {
                throw context.issue(source, field: "gas", code: "missing_field",
                                    "refrigerant_leakage needs `gas` (e.g. HFC-134a) or an explicit `factor`",
                                    zh: "核算方法 refrigerant_leakage 需要填写气体（gas，如 HFC-134a）或直接给出因子（factor）")
            }
            let set = source.gwpSet ?? defaultSet
            guard FactorLibrary.gwpSets.contains(set) else {
                throw context.issue(source, field: "gwp_set", code: "unknown_gwp_set",
                                    "unknown GWP set \"\(set)\" (known: \(FactorLibrary.gwpSets.joined(separator: ", ")))",
                                    zh: "没有这个 GWP 版本：“\(set)”（已知版本：\(FactorLibrary.gwpSets.joined(separator: "、"))）")
            }
            let id = FactorLibrary.gwpID(gas: gas, set: set)
            guard context.parkFactors[id] != nil || context.library.contains(factorID: id) else {
                let gases = Set(context.library.factors.filter { $0.kind == .gwp }.map { $0.id.split(separator: ".").dropFirst(2).joined(separator: ".") })
                throw context.issue(source, field: "gas", code: "unknown_gas",
                                    "no \(set) GWP for gas \"\(gas)\" (known: \(gases.sorted().joined(separator: ", "))); define `\(id)` under `factors:`",
                                    zh: "没有气体“\(gas)”的 \(set) GWP（已知气体：\(gases.sorted().joined(separator: "、"))）；请在 factors 中定义 \(id)")
            }
            (use, warnings) = try context.factor(id, for: source, field: "gas")
        }
        let tco2 = try context.tonnesCO2(activity, use.quantity, for: source, factorName: ("GWP \(use.id)", "GWP \(use.id)"))
        return MethodOutcome(tco2: tco2, locationBasedTco2: tco2,
                             calculation: calculationText(["\(activity)", "\(use.quantity)"], result: tco2),
                             factor: use, parameters: [use], energy: nil, warnings: warnings)
    }
}
