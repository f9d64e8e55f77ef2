/// The prices, demand charge and export terms of one tariff version once the caller's parameters are applied.
///
/// Serves STANDARD.md 1.1.20(e)/1.1.36: the price table a bill, a report or the optimiser shows for a version.
/// A period the version never produces, or whose price is not known, is absent from `importPrices`; using it
/// is an error at expansion (`TariffError.missingPrice`), so a park need only price the periods it meets.
public struct ResolvedVersionPrices: Hashable, Sendable {
    /// Final import price CNY/kWh per period (ratio prices rounded, then funds and surcharges added).
    public let importPrices: [TariffPeriod: Double]
    /// Export price CNY/kWh per period (a flat price appears under every period).
    public let exportPrices: [TariffPeriod: Double]
    public let exportLimitKW: Double?
    public let surplusOnly: Bool
    public let demandChargeCNYPerKWMonth: Double
}

extension Tariff {
    /// Prices of the version in force on `date` under `parameters`.
    public func resolvedPrices(on date: CivilDate, parameters: TariffParameters) throws(TariffError) -> ResolvedVersionPrices {
        try parameters.validate()
        guard let index = versionIndex(on: date) else { throw .noVersionInForce(tariff: id, date: date) }
        return try resolvedPrices(versionAt: index, parameters: parameters)
    }

    func resolvedPrices(versionAt index: Int, parameters: TariffParameters) throws(TariffError) -> ResolvedVersionPrices {
        let v = versions[index]
        var imports: [TariffPeriod: Double] = [:]
        if let supplied = parameters.periodPricesCNYPerKWh {
            imports = supplied
        } else {
            switch v.pricing {
            case .absolute(let prices):
                imports = prices
            case .parkSupplied:
                throw .periodPricesRequired(tariff: id, version: v.effectiveFrom)
            case .ratios(let r):
                guard let base = parameters.basePriceCNYPerKWh ?? r.baseCNYPerKWh else {
                    throw .basePriceRequired(tariff: id, version: v.effectiveFrom)
                }
                let ratios = try userClassRatios(r, parameters.userClass)
                for (p, ratio) in ratios {
                    imports[p] = PriceRounding.round(base * ratio, step: r.roundingCNYPerKWh) + parameters.fundsAndSurchargesCNYPerKWh
                }
            }
        }
        let terms = parameters.export ?? v.export ?? .none
        var exports: [TariffPeriod: Double] = [:]
        switch terms.price {
        case .flat(let x): for p in TariffPeriod.allCases { exports[p] = x }
        case .perPeriod(let prices): exports = prices
        }
        return ResolvedVersionPrices(importPrices: imports, exportPrices: exports, exportLimitKW: terms.limitKW,
                                     surplusOnly: terms.surplusOnly,
                                     demandChargeCNYPerKWMonth: parameters.demandChargeCNYPerKWMonth ?? v.demandChargeCNYPerKWMonth ?? 0)
    }

    private func userClassRatios(_ r: RatioPricing, _ wanted: String?) throws(TariffError) -> [TariffPeriod: Double] {
        let names = r.userClasses.map(\.userClass)
        if let wanted {
            guard let c = r.userClasses.first(where: { $0.userClass == wanted }) else {
                throw .unknownUserClass(tariff: id, given: wanted, available: names)
            }
            return c.ratios
        }
        guard r.userClasses.count == 1, let only = r.userClasses.first else {
            throw .userClassRequired(tariff: id, available: names)
        }
        return only.ratios
    }
}

/// Rounding of ratio-derived prices.
///
/// Serves STANDARD.md 1.1.20(e): Guangdong rounds period prices to 0.01 分/kWh (0.0001 CNY/kWh). Rule: half
/// away from zero, after discarding binary noise below 10⁻⁶ of a step (so 0.6725 × 0.38 = 0.25555 rounds to
/// 0.2556 although the binary product is 0.2555499…).
public enum PriceRounding {
    /// `x` rounded to a multiple of `step` (nil step: `x` unchanged).
    public static func round(_ x: Double, step: Double?) -> Double {
        guard let step, step > 0, x.isFinite else { return x }
        let inverse = 1 / step
        let integral = inverse.rounded()
        if abs(inverse - integral) < 1e-9 * integral {
            // Decimal steps (0.0001): work in whole steps so that the result is the nearest double to the decimal.
            let scaled = ((x * integral) * 1e6).rounded() / 1e6
            return scaled.rounded(.toNearestOrAwayFromZero) / integral
        }
        let scaled = ((x / step) * 1e6).rounded() / 1e6
        return scaled.rounded(.toNearestOrAwayFromZero) * step
    }
}
