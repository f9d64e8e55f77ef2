/// Stationary or mobile fuel combustion (GB/T 32150):
///
///     E = AD × NCV × CC × OF × 44/12
///
/// AD activity (t or 10^4 Nm3), NCV net calorific value (GJ/t, GJ/10^4 Nm3), CC carbon content per
/// unit of energy (tC/TJ), OF oxidation rate, 44/12 the CO2/C mass ratio. Biogenic fuels are
/// reported as biogenic CO2 and not counted, with a warning whether the CO2 came from the fuel's
/// parameters or an explicit factor. An explicit `factor` on the source (tCO2 per activity unit)
/// replaces the NCV × CC × OF × 44/12 product. Energy: the fuel's standard-coal coefficient, or
/// NCV × AD ÷ 29.3076 GJ/tce; either way the coefficient is one of the line's parameters (GB/T 2589).
/// With `combustion_non_co2: true`, CH4 and N2O are reported apart (`StationaryNonCO2`).
/// Serves STANDARD.md 1.1.2(b), 1.1.3(a).
enum FuelCombustion: AccountingMethod {
    static let kind = AccountingMethodKind.fuelCombustion
    static let defaultScope = 1
    static let formula = "E = AD × NCV × CC × OF × 44/12"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        let activity = source.activity.quantity
        var warnings: [AccountingWarning] = []
        var fuel: FuelDefinition?
        var fuelOrigin = FactorUse.Origin.library
        var fuelOverridden = false
        if let fuelID = source.fuel {
            (fuel, fuelOrigin, fuelOverridden) = try context.fuel(fuelID, for: source)
        } else if source.factor == nil {
            throw context.issue(source, field: "fuel", code: "missing_field",
                                "fuel_combustion needs `fuel` (a built-in or park fuel id) or an explicit `factor`",
                                zh: "核算方法 fuel_combustion 需要填写燃料（fuel，内置或园区自定义燃料编号）或直接给出因子（factor）")
        }
        let origin = fuelOrigin
        let overridden = fuelOverridden
        func parameter(_ fuel: FuelDefinition, _ suffix: String, _ quantity: Quantity) -> FactorUse {
            FactorUse(id: "fuel.\(fuel.id).\(suffix)", quantity: quantity, source: fuel.source, vintage: nil,
                      origin: origin, overridden: overridden)
        }

        if let factorID = source.factor {
            // Explicit emission factor per unit of activity replaces the fuel's parameters.
            let (use, factorWarnings) = try context.factor(factorID, for: source, field: "factor")
            warnings += factorWarnings
            let tco2 = try context.tonnesCO2(activity, use.quantity, for: source, factorName: ("factor \(factorID)", "因子 \(factorID)"))
            let biogenic = fuel?.biogenic ?? false
            let energy = try fuel.map { try energyUse(activity, fuel: $0, origin: origin, overridden: overridden,
                                                      source: source, context: context) }
            if let fuel, fuel.biogenic { warnings.append(biogenicWarning(source, fuel)) }
            var nonCO2: CombustionNonCO2?
            if let fuel {
                let (result, nonCO2Warnings) = try StationaryNonCO2.outcome(
                    activity, fuel: fuel, ncv: parameter(fuel, "ncv", fuel.ncv), for: source, in: context)
                nonCO2 = result
                warnings += nonCO2Warnings
            }
            let used = use.markedOverridden()
            return MethodOutcome(tco2: biogenic ? 0 : tco2, locationBasedTco2: biogenic ? 0 : tco2,
                                 biogenicTco2: biogenic ? tco2 : 0,
                                 calculation: calculationText(["\(activity)", "\(use.quantity)"], result: tco2),
                                 factor: used, parameters: [used], energy: energy, warnings: warnings, nonCO2: nonCO2)
        }
        guard let fuel else {
            throw context.issue(source, field: "fuel", code: "missing_field", "fuel_combustion needs `fuel`",
                                zh: "核算方法 fuel_combustion 需要填写燃料（fuel）")
        }
        guard (activity.unit.dimension * fuel.ncv.unit.dimension) == .energyDimension else {
            throw context.issue(source, field: "activity.unit", code: "unit_mismatch",
                                "activity in \(activity.unit.symbol) (\(activity.unit.dimension.name)) does not match fuel \(fuel.id)'s NCV in \(fuel.ncv.unit.symbol): AD × NCV must be energy",
                                zh: "活动数据单位 \(activity.unit.symbol)（\(activity.unit.dimension.nameZh)）与燃料 \(fuel.id) 的低位发热量单位 \(fuel.ncv.unit.symbol) 不匹配："
                                    + "AD × NCV 应为能量")
        }
        let tco2: Double
        do {
            tco2 = try Quantity.product([activity, fuel.ncv, fuel.carbonContent, Quantity(fuel.oxidation, .dimensionless),
                                         Quantity(44.0 / 12.0, .co2PerCarbon)], in: .tonneCO2)
        } catch {
            throw context.issue(source, field: "fuel", code: "unit_mismatch",
                                "fuel \(fuel.id): carbon content in \(fuel.carbonContent.unit.symbol) must be carbon mass per energy (e.g. tC/TJ)",
                                zh: "燃料 \(fuel.id)：单位热值含碳量的单位 \(fuel.carbonContent.unit.symbol) 应为每单位能量的碳质量（如 tC/TJ）")
        }
        let perUnit = activity.value > 0 ? tco2 / activity.value : 0
        let implied = FactorUse(id: "fuel.\(fuel.id)", quantity: Quantity(perUnit, .tonneCO2 / activity.unit),
                                source: fuel.source, vintage: nil, origin: origin, overridden: overridden,
                                note: "NCV × CC × OF × 44/12")
        let ncv = parameter(fuel, "ncv", fuel.ncv)
        let parameters = [ncv, parameter(fuel, "carbon_content", fuel.carbonContent),
                          parameter(fuel, "oxidation", Quantity(fuel.oxidation, .dimensionless))]
        let calculation = calculationText(["\(activity)", "\(fuel.ncv)", "\(fuel.carbonContent)",
                                           Quantity.format(fuel.oxidation), "44/12"], result: tco2)
        let energy = try energyUse(activity, fuel: fuel, origin: origin, overridden: overridden, source: source, context: context)
        if fuel.biogenic { warnings.append(biogenicWarning(source, fuel)) }
        let (nonCO2, nonCO2Warnings) = try StationaryNonCO2.outcome(activity, fuel: fuel, ncv: ncv, for: source, in: context)
        warnings += nonCO2Warnings
        return MethodOutcome(tco2: fuel.biogenic ? 0 : tco2, locationBasedTco2: fuel.biogenic ? 0 : tco2,
                             biogenicTco2: fuel.biogenic ? tco2 : 0, calculation: calculation,
                             factor: implied, parameters: [implied] + parameters, energy: energy, warnings: warnings,
                             nonCO2: nonCO2)
    }

    static func biogenicWarning(_ source: EmissionSource, _ fuel: FuelDefinition) -> AccountingWarning {
        AccountingWarning(code: "biogenic_not_counted",
                          message: "\(source.id): biogenic CO2 from \(fuel.id) is reported apart and not counted (GB/T 32150)",
                          zh: "\(source.id)：燃料 \(fuel.id) 产生的生物质 CO2 单独报告，不计入排放（GB/T 32150）",
                          clause: "1.1.2(a)", subject: source.id)
    }

    /// Energy in tce with the coefficient used, which is the fuel's own (park or library, as the fuel
    /// is) or, for a fuel without one, NCV ÷ 29.3076 GJ/tce per activity unit (GB/T 2589: 1 kgce =
    /// 29,307.6 kJ), reported as a derived parameter `fuel.<id>.coal_coefficient`.
    static func energyUse(_ activity: Quantity, fuel: FuelDefinition, origin: FactorUse.Origin, overridden: Bool,
                          source: EmissionSource, context: AccountingContext) throws -> EnergyUse {
        let id = "fuel.\(fuel.id).coal_coefficient"
        if let coefficient = fuel.coalCoefficient {
            if let tce = try? Quantity.product([activity, coefficient], in: .tonneCoalEquivalent) {
                let use = FactorUse(id: id, quantity: coefficient, source: fuel.source, vintage: nil,
                                    origin: origin, overridden: overridden)
                return EnergyUse(tce: tce, clean: fuel.biogenic, coefficient: use,
                                 basis: "\(activity) × \(coefficient) (GB/T 2589)")
            }
            throw context.issue(source, field: "activity.unit", code: "unit_mismatch",
                                "activity in \(activity.unit.symbol) does not match fuel \(fuel.id)'s standard-coal coefficient in \(coefficient.unit.symbol)",
                                zh: "活动数据单位 \(activity.unit.symbol) 与燃料 \(fuel.id) 的折标准煤系数单位 \(coefficient.unit.symbol) 不匹配")
        }
        let tce: Double
        let perUnit: Double
        do {
            tce = try Quantity.product([activity, fuel.ncv], in: .tonneCoalEquivalent)
            perUnit = try Quantity.product([Quantity(1, activity.unit), fuel.ncv], in: .tonneCoalEquivalent)
        } catch {
            throw context.issue(source, field: "activity.unit", code: "unit_mismatch",
                                "activity in \(activity.unit.symbol) does not match fuel \(fuel.id)'s NCV in \(fuel.ncv.unit.symbol): AD × NCV must be energy",
                                zh: "活动数据单位 \(activity.unit.symbol) 与燃料 \(fuel.id) 的低位发热量单位 \(fuel.ncv.unit.symbol) 不匹配：AD × NCV 应为能量")
        }
        let use = FactorUse(id: id, quantity: Quantity(perUnit, .tonneCoalEquivalent / activity.unit), source: fuel.source,
                            vintage: nil, origin: origin, overridden: overridden,
                            note: "derived: NCV ÷ 29.3076 GJ/tce (GB/T 2589, 1 kgce = 29,307.6 kJ)")
        return EnergyUse(tce: tce, clean: fuel.biogenic, coefficient: use,
                         basis: "\(activity) × \(fuel.ncv) ÷ 29.3076 GJ/tce")
    }
}
