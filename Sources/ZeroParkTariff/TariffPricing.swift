/// How a tariff version prices its periods (import side).
///
/// Serves STANDARD.md 1.1.20(e) and 1.1.36: provinces publish ratios to a base (Guangdong 1.7 : 1 : 0.38
/// on the agency-purchase price excluding funds; Jiangsu uplift/discount on the user's purchase price),
/// parks may hold absolute prices, and some documents' prices were not captured (the park supplies them).
public enum TariffPricing: Hashable, Sendable {
    /// Price = round(base × ratio) + funds and surcharges (`TariffParameters.fundsAndSurchargesCNYPerKWh`).
    case ratios(RatioPricing)
    /// Final CNY/kWh per period.
    case absolute([TariffPeriod: Double])
    /// No prices in the tariff: `TariffParameters.periodPricesCNYPerKWh` is required.
    case parkSupplied
}

/// Ratios to a base price, per user class, with an optional rounding step.
///
/// Serves STANDARD.md 1.1.20(e). `baseCNYPerKWh` nil means the caller must supply the base
/// (`TariffParameters.basePriceCNYPerKWh`); a caller's base always wins over the tariff's.
public struct RatioPricing: Hashable, Sendable {
    public let baseCNYPerKWh: Double?
    /// Rounding step of each period price before funds are added (Guangdong: 0.0001 CNY = 0.01 分);
    /// half away from zero. Nil: no rounding.
    public let roundingCNYPerKWh: Double?
    public let userClasses: [UserClassRatios]

    public init(baseCNYPerKWh: Double?, roundingCNYPerKWh: Double?, userClasses: [UserClassRatios]) {
        self.baseCNYPerKWh = baseCNYPerKWh
        self.roundingCNYPerKWh = roundingCNYPerKWh
        self.userClasses = userClasses
    }
}

/// Period ratios of one user class (voltage / kVA / single- or two-part tariff).
///
/// Serves STANDARD.md 1.1.20(e): Jiangsu's peak uplift differs by user class.
public struct UserClassRatios: Hashable, Sendable {
    /// Key the caller names in `TariffParameters.userClass`, e.g. `two_part`.
    public let userClass: String
    /// Human description, Chinese first.
    public let description: String
    public let ratios: [TariffPeriod: Double]

    public init(userClass: String, description: String, ratios: [TariffPeriod: Double]) {
        self.userClass = userClass
        self.description = description
        self.ratios = ratios
    }
}

/// Export (feed-in) terms: price, limit and whether only surplus may be exported.
///
/// Serves STANDARD.md 1.1.20(c)/(f) and 1.1.36: under 发改价格〔2025〕136号 exported PV is settled apart from the
/// retail TOU price, so import and export series are separate. No export figure is cited in the reference
/// files, so none is built in: without terms (from the tariff or the caller) export is not allowed
/// (`ExportTerms.none`: price 0, limit 0 kW).
public struct ExportTerms: Hashable, Sendable {
    public let price: ExportPrice
    /// Maximum export power in kW; nil = no limit stated.
    public let limitKW: Double?
    /// Only PV/storage surplus over the park's own load may be exported (自发自用、余电上网).
    public let surplusOnly: Bool

    public init(price: ExportPrice, limitKW: Double?, surplusOnly: Bool) {
        self.price = price
        self.limitKW = limitKW
        self.surplusOnly = surplusOnly
    }

    /// No export contract: price 0, limit 0 kW, surplus only.
    public static let none = ExportTerms(price: .flat(0), limitKW: 0, surplusOnly: true)
}

/// Export price: one CNY/kWh, or one per TOU period.
///
/// Serves STANDARD.md 1.1.36 (separate export series).
public enum ExportPrice: Hashable, Sendable {
    case flat(Double)
    case perPeriod([TariffPeriod: Double])
}
