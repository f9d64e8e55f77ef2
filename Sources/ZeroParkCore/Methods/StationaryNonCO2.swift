/// CH4 and N2O from stationary fuel combustion, computed only when the park sets
/// `combustion_non_co2: true` and reported apart from counted CO2 (IPCC 2006 Vol.2 Ch.2 Eq. 2.1;
/// docs/accounting-rules.md §6):
///
///     E_CH4 = AD × NCV × EF_CH4 × GWP_CH4        E_N2O = AD × NCV × EF_N2O × GWP_N2O
///
/// EF in kg per TJ of fuel energy: `combustion.ch4.<fuel>` / `combustion.n2o.<fuel>` (park first, then
/// the library's IPCC 2006 Table 2.3 defaults). GWP set: the source's `gwp_set`, else AR6. CH4 from a
/// biogenic fuel takes the non-fossil GWP, from a fossil fuel the fossil GWP (AR6 Table 7.15, ids
/// `gwp.AR6.CH4_non_fossil` / `gwp.AR6.CH4_fossil`); a set without that split (AR4, AR5) uses its single
/// `CH4` value. Sources of the `transport` system are mobile combustion, not covered by Table 2.3.
enum StationaryNonCO2 {
    static let defaultSet = "AR6"
    static let formula = CombustionNonCO2.formula

    static func outcome(_ activity: Quantity, fuel: FuelDefinition, ncv: FactorUse, for source: EmissionSource,
                        in context: AccountingContext) throws -> (CombustionNonCO2?, [AccountingWarning]) {
        guard context.rules.combustionNonCO2 else { return (nil, []) }
        guard source.system != .transport else {
            return (nil, [AccountingWarning(
                code: "non_co2_mobile_not_covered",
                message: "\(source.id): CH4/N2O of mobile combustion (system transport) are not computed: the library has only stationary-combustion factors (IPCC 2006 Vol.2 Table 2.3)",
                zh: "\(source.id)：移动源（交通系统）燃烧的 CH4/N2O 未计算：因子库只有固定燃烧因子（IPCC 2006 第 2 卷表 2.3）",
                clause: "3.4", subject: source.id)])
        }
        let set = source.gwpSet ?? defaultSet
        guard FactorLibrary.gwpSets.contains(set) else {
            throw context.issue(source, field: "gwp_set", code: "unknown_gwp_set",
                                "unknown GWP set \"\(set)\" (known: \(FactorLibrary.gwpSets.joined(separator: ", ")))",
                                zh: "没有这个 GWP 版本：“\(set)”（已知版本：\(FactorLibrary.gwpSets.joined(separator: "、"))）")
        }
        let ch4ID = FactorLibrary.combustionCH4ID(fuel: fuel.id)
        let n2oID = FactorLibrary.combustionN2OID(fuel: fuel.id)
        guard context.has(ch4ID), context.has(n2oID) else {
            return (nil, [AccountingWarning(
                code: "non_co2_factor_missing",
                message: "\(source.id): no CH4/N2O factors for fuel \(fuel.id); define \(ch4ID) and \(n2oID) (kg/TJ) under `factors:` to report them",
                zh: "\(source.id)：燃料 \(fuel.id) 没有 CH4/N2O 因子；在 factors 中定义 \(ch4ID) 和 \(n2oID)（kg/TJ）后才会报告",
                clause: "1.1.2(b)", subject: source.id)])
        }
        let (ch4, ch4Warnings) = try context.factor(ch4ID, for: source, field: "fuel")
        var warnings = ch4Warnings
        let (n2o, n2oWarnings) = try context.factor(n2oID, for: source, field: "fuel")
        warnings += n2oWarnings

        let methaneGas = fuel.biogenic ? FactorLibrary.nonFossilMethane : FactorLibrary.fossilMethane
        var methaneID = FactorLibrary.gwpID(gas: methaneGas, set: set)
        if !context.has(methaneID) { methaneID = FactorLibrary.gwpID(gas: "CH4", set: set) }
        let (gwpCH4, gwpCH4Warnings) = try context.factor(methaneID, for: source, field: "gwp_set")
        let (gwpN2O, gwpN2OWarnings) = try context.factor(FactorLibrary.gwpID(gas: "N2O", set: set), for: source, field: "gwp_set")
        warnings += gwpCH4Warnings + gwpN2OWarnings

        func gas(_ factor: FactorUse, _ gwp: FactorUse) throws -> (tonnes: Double, tco2e: Double) {
            do {
                let tonnes = try Quantity.product([activity, fuel.ncv, factor.quantity], in: .tonne)
                let tco2e = try Quantity.product([activity, fuel.ncv, factor.quantity, gwp.quantity], in: .tonneCO2)
                return (tonnes, tco2e)
            } catch {
                throw context.issue(source, field: "fuel", code: "unit_mismatch",
                                    "\(factor.id) in \(factor.unit.symbol) with GWP \(gwp.id) in \(gwp.unit.symbol): AD × NCV × EF must be a gas mass (EF e.g. kg/TJ) and × GWP a CO2e mass",
                                    zh: "因子 \(factor.id)（单位 \(factor.unit.symbol)）与 GWP \(gwp.id)（单位 \(gwp.unit.symbol)）不匹配："
                                        + "AD × NCV × EF 应为气体质量（EF 如 kg/TJ），再 × GWP 应为 CO2e 质量")
            }
        }
        let (ch4Tonnes, ch4Tco2e) = try gas(ch4, gwpCH4)
        let (n2oTonnes, n2oTco2e) = try gas(n2o, gwpN2O)
        let calculation = "CH4: " + calculationText(["\(activity)", "\(fuel.ncv)", "\(ch4.quantity)", "\(gwpCH4.quantity)"],
                                                    result: ch4Tco2e, unit: "tCO2e")
            + "; N2O: " + calculationText(["\(activity)", "\(fuel.ncv)", "\(n2o.quantity)", "\(gwpN2O.quantity)"],
                                          result: n2oTco2e, unit: "tCO2e")
        let result = CombustionNonCO2(gwpSet: set, biogenicMethane: fuel.biogenic, ch4Tonnes: ch4Tonnes, n2oTonnes: n2oTonnes,
                                      ch4Tco2e: ch4Tco2e, n2oTco2e: n2oTco2e, calculation: calculation,
                                      parameters: [ncv, ch4, n2o, gwpCH4, gwpN2O])
        return (result, warnings)
    }
}

extension AccountingContext {
    /// Whether a factor id resolves, in the park's factors or the library.
    func has(_ id: String) -> Bool { parkFactors[id] != nil || library.contains(factorID: id) }
}
