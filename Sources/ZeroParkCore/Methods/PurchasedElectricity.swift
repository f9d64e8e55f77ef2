/// How one electricity line was accounted on each basis (docs/accounting-rules.md §1–3): the factor
/// of its counted (market-based) figure and why that factor, the location-based factor, and the
/// certificates applied. Serves STANDARD.md 1.1.2(b), 1.1.3(b), 1.1.19, 1.1.36.
public struct ElectricityAccount: Hashable, Sendable {
    /// Why the counted figure uses the factor it uses.
    public enum MarketBasis: String, Sendable, Codable {
        /// `market_basis: residual` and the park claims green power: the residual mix.
        case residualMix = "residual_mix"
        /// The location-based average (no green claims, or `market_basis: average`).
        case gridAverage = "grid_average"
        /// The park chose a grid factor that is not an average (residual or fossil) as `grid`.
        case chosenGridFactor = "chosen_grid_factor"
        /// An explicit `factor` on the source (a supplier- or line-specific factor).
        case explicitFactor = "explicit_factor"
        /// Green power under a contract or certificate: zero.
        case greenInstrument = "green_instrument"
        /// Self-consumed on-site generation: zero; its grid equivalent is avoided emissions.
        case onsite
        /// Exported energy, deducted (or only recorded) per `exported_energy`.
        case exported
    }

    public let basis: MarketBasis
    /// The factor of the counted figure; nil when the counted figure is zero by definition.
    public let marketFactor: FactorUse?
    public let marketFactorKind: GridFactorKind?
    /// The location-based average factor of the line.
    public let locationFactor: FactorUse
    public let mwh: Double
    public let certificateMWh: Double
    public let certificates: [String]
    /// The rule applied, in words, naming the park rule and its value.
    public let rule: String
}

/// Electricity bought from the grid or a direct line (STANDARD.md 1.1.3(b)):
///
///     E_location = AD(MWh) × EF_average
///     E_market   = (AD − GEC) × EF_market
///
/// EF_average is the grid factor of the source's `grid` (when an average), else of the park's
/// province, else the national average — the newest vintage not later than the period's year.
/// EF_market is the source's explicit `factor`; else a non-average grid factor the park chose; else,
/// under `market_basis: residual` when the park claims green power or certificates in the period,
/// the residual mix `grid.national_residual` (S-MEE23); else EF_average. GEC is the MWh of green
/// certificates retired for the park and matched to this source. Counted = E_market.
/// Energy: AD × 0.1229 kgce/kWh (GB/T 2589, equivalent value).
enum PurchasedElectricity: AccountingMethod {
    static let kind = AccountingMethodKind.purchasedElectricity
    static let defaultScope = 2
    static let formula = "E = (AD − GEC) × EF_market; E_location = AD × EF_grid"
    static let residualID = "grid.national_residual"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        let activity = source.activity.quantity
        try context.require(activity, compatibleWith: .megawattHour, for: source, what: ("electricity", "电量"))
        let mwh = try activity.value(in: .megawattHour)
        var warnings: [AccountingWarning] = []
        // The factor the source names (explicit factor or grid key), and the location-based average.
        let chosen: FactorUse
        if source.factor != nil {
            let (use, found) = try context.factor(source.factor ?? "", for: source, field: "factor")
            chosen = use.markedOverridden()
            warnings += found
        } else {
            let (use, found) = try context.gridFactor(for: source)
            chosen = use
            warnings += found
        }
        let chosenKind = source.factor == nil ? GridFactorKind(factorID: chosen.id) : nil
        let average: FactorUse
        if chosenKind == .residual || chosenKind == .fossil {
            let (use, found) = try context.averageGridFactor(for: source)
            average = use
            warnings += found
        } else {
            average = chosen
        }
        let certificates = min(context.certificateMWh[source.id] ?? 0, mwh)
        let basis: ElectricityAccount.MarketBasis
        let market: FactorUse
        let rule: String
        if source.factor != nil {
            (basis, market) = (.explicitFactor, chosen)
            rule = "explicit factor \(chosen.id) on the source"
        } else if let chosenKind, chosenKind != .average {
            (basis, market) = (.chosenGridFactor, chosen)
            rule = "grid \(source.grid ?? "") is the \(chosenKind.labelEn) factor, used as chosen"
        } else if context.rules.marketBasis == .residual && context.claimsGreenPower {
            let (use, found) = try context.factor(residualID, for: source, field: "grid")
            (basis, market) = (.residualMix, use)
            warnings += found
            rule = "market_basis = residual: the park claims green power, so grid power net of it uses the residual mix (S-MEE23)"
        } else {
            (basis, market) = (.gridAverage, average)
            rule = context.rules.marketBasis == .average
                ? "market_basis = average: the location-based average"
                : "market_basis = residual, but the park claims no green power or certificates: the location-based average"
        }
        let counted = try context.tonnesCO2(Quantity(mwh - certificates, .megawattHour), market.quantity, for: source,
                                            factorName: ("factor \(market.id)", "因子 \(market.id)"))
        let location = try context.tonnesCO2(activity, average.quantity, for: source, factorName: ("factor \(average.id)", "因子 \(average.id)"))
        let energy = try electricityEnergy(activity, clean: false, source: source, context: context)
        var calculation: String
        if certificates > 0 {
            calculation = "(\(activity) − \(Quantity.format(certificates)) MWh GEC) × \(market.quantity) = \(Quantity.format(counted)) tCO2"
        } else {
            calculation = calculationText(["\(activity)", "\(market.quantity)"], result: counted)
        }
        if market.id != average.id || certificates > 0 {
            calculation += "; location-based " + calculationText(["\(activity)", "\(average.quantity)"], result: location)
        }
        let ids = context.certificateIDs[source.id] ?? []
        let account = ElectricityAccount(basis: basis, marketFactor: market, marketFactorKind: chosenKind ?? (basis == .residualMix ? .residual : nil),
                                         locationFactor: average, mwh: mwh, certificateMWh: certificates, certificates: ids, rule: rule)
        var parameters = [market]
        if average.id != market.id || average.value != market.value { parameters.append(average) }
        return MethodOutcome(tco2: counted, locationBasedTco2: location, calculation: calculation, factor: market,
                             parameters: parameters + [energy.coefficient].compactMap { $0 }, energy: energy,
                             warnings: warnings, electricity: account)
    }
}

/// Certified green electricity bought under a green-power contract (绿电交易) (STANDARD.md 1.1.19,
/// 1.1.36): counted emissions are zero (market-based); the power still comes through the grid, so
/// the location-based figure is AD × EF_grid. Counted as clean energy at 0.1229 kgce/kWh.
enum GreenElectricity: AccountingMethod {
    static let kind = AccountingMethodKind.greenElectricity
    static let defaultScope = 2
    static let formula = "E = 0 (market-based); E_location = AD × EF_grid"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        let (activity, use, warnings) = try gridEquivalent(source, in: context)
        let location = try context.tonnesCO2(activity, use.quantity, for: source, factorName: ("grid factor \(use.id)", "电网因子 \(use.id)"))
        let energy = try electricityEnergy(activity, clean: true, source: source, context: context)
        let calculation = "0 tCO2 (market-based); location-based " +
            calculationText(["\(activity)", "\(use.quantity)"], result: location)
        let account = ElectricityAccount(basis: .greenInstrument, marketFactor: nil, marketFactorKind: nil, locationFactor: use,
                                         mwh: try activity.value(in: .megawattHour), certificateMWh: 0, certificates: [],
                                         rule: "green-power contract: zero market-based; grid-delivered, so counted in the location-based total")
        return MethodOutcome(tco2: 0, locationBasedTco2: location, calculation: calculation, factor: use,
                             parameters: [use] + [energy.coefficient].compactMap { $0 }, energy: energy, warnings: warnings,
                             electricity: account)
    }
}

/// Self-generated, self-consumed renewable electricity, e.g. rooftop PV (STANDARD.md 1.1.18,
/// 1.1.19): it never passes through the grid, so it has no emissions on either basis and is not
/// added to the location-based total; its grid equivalent AD × EF_grid is reported apart as avoided
/// emissions. Counted as clean energy at 0.1229 kgce/kWh.
enum OnsiteRenewable: AccountingMethod {
    static let kind = AccountingMethodKind.onsiteRenewable
    static let defaultScope = 1
    static let formula = "E = 0; avoided = AD × EF_grid (reported apart)"

    static func outcome(for source: EmissionSource, in context: AccountingContext) throws -> MethodOutcome {
        let (activity, use, warnings) = try gridEquivalent(source, in: context)
        let avoided = try context.tonnesCO2(activity, use.quantity, for: source, factorName: ("grid factor \(use.id)", "电网因子 \(use.id)"))
        let energy = try electricityEnergy(activity, clean: true, source: source, context: context)
        let calculation = "0 tCO2; avoided " + calculationText(["\(activity)", "\(use.quantity)"], result: avoided)
        let account = ElectricityAccount(basis: .onsite, marketFactor: nil, marketFactorKind: nil, locationFactor: use,
                                         mwh: try activity.value(in: .megawattHour), certificateMWh: 0, certificates: [],
                                         rule: "self-consumed on-site generation: no grid power on either basis; grid equivalent reported as avoided emissions")
        return MethodOutcome(tco2: 0, locationBasedTco2: 0, calculation: calculation, factor: use,
                             parameters: [use] + [energy.coefficient].compactMap { $0 }, energy: energy, warnings: warnings,
                             avoidedTco2: avoided, electricity: account)
    }
}

/// The activity in MWh terms and the location-based grid factor of a zero-emission electricity line:
/// an explicit factor replaces the grid factor.
private func gridEquivalent(_ source: EmissionSource, in context: AccountingContext) throws
    -> (Quantity, FactorUse, [AccountingWarning]) {
    let activity = source.activity.quantity
    try context.require(activity, compatibleWith: .megawattHour, for: source, what: ("electricity", "电量"))
    if source.factor != nil {
        let (use, warnings) = try context.factor(source.factor ?? "", for: source, field: "factor")
        return (activity, use.markedOverridden(), warnings)
    }
    let (use, warnings) = try context.averageGridFactor(for: source)
    return (activity, use, warnings)
}
