/// What the park (the caller) supplies when a tariff is used: the base price the ratios apply to, its user
/// class, prices a document did not give, funds and surcharges, demand charge, export terms, holiday dates
/// and designated critical-peak days.
///
/// Serves STANDARD.md 1.1.20(e), 1.1.36, 1.1.37. Documented ranges (checked by `validate()`):
/// prices, base and funds 0 … 100 CNY/kWh; demand charge 0 … 1000 CNY/kW-month; export limit 0 … 10,000,000 kW.
public struct TariffParameters: Hashable, Sendable {
    /// Base the ratios apply to (Guangdong: the agency-purchase price excluding government funds and surcharges;
    /// Jiangsu: the user's purchase price). Overrides a tariff-supplied base.
    public var basePriceCNYPerKWh: Double?
    /// User class key of a ratio tariff with several classes (e.g. Jiangsu `two_part`).
    public var userClass: String?
    /// Final prices per period; required by `.parkSupplied` tariffs, and when given they replace the
    /// prices of every version used (the park's own bill prices beat computed ones).
    public var periodPricesCNYPerKWh: [TariffPeriod: Double]?
    /// 政府性基金及附加 added to every ratio-derived price after rounding (0 by default).
    public var fundsAndSurchargesCNYPerKWh: Double
    /// Demand charge CNY per kW-month; overrides the tariff's (0 if neither gives one).
    public var demandChargeCNYPerKWMonth: Double?
    /// Export terms; override the tariff's (`ExportTerms.none` if neither gives them).
    public var export: ExportTerms?
    /// Holiday dates for a tariff with a holiday rule. Required (possibly empty) when a version in force has
    /// one, so that no holiday rule is ignored silently.
    public var holidayDates: Set<CivilDate>?
    /// Extra critical-peak days (e.g. Guangzhou forecast ≥ 35 °C) for rules with `designatedDays`.
    public var criticalPeakDays: Set<CivilDate>

    public init(basePriceCNYPerKWh: Double? = nil, userClass: String? = nil,
                periodPricesCNYPerKWh: [TariffPeriod: Double]? = nil, fundsAndSurchargesCNYPerKWh: Double = 0,
                demandChargeCNYPerKWMonth: Double? = nil, export: ExportTerms? = nil,
                holidayDates: Set<CivilDate>? = nil, criticalPeakDays: Set<CivilDate> = []) {
        self.basePriceCNYPerKWh = basePriceCNYPerKWh
        self.userClass = userClass
        self.periodPricesCNYPerKWh = periodPricesCNYPerKWh
        self.fundsAndSurchargesCNYPerKWh = fundsAndSurchargesCNYPerKWh
        self.demandChargeCNYPerKWMonth = demandChargeCNYPerKWMonth
        self.export = export
        self.holidayDates = holidayDates
        self.criticalPeakDays = criticalPeakDays
    }

    /// Checks every number against its documented range.
    public func validate() throws(TariffError) {
        try TariffLimits.check("base_price_cny_per_kwh", basePriceCNYPerKWh, TariffLimits.price)
        try TariffLimits.check("funds_and_surcharges_cny_per_kwh", fundsAndSurchargesCNYPerKWh, TariffLimits.price)
        try TariffLimits.check("demand_charge_cny_per_kw_month", demandChargeCNYPerKWMonth, TariffLimits.demandCharge)
        for p in TariffPeriod.allCases {
            try TariffLimits.check("period_prices_cny_per_kwh.\(p.rawValue)", periodPricesCNYPerKWh?[p], TariffLimits.price)
        }
        if let export {
            try TariffLimits.check("export.limit_kw", export.limitKW, TariffLimits.powerKW)
            switch export.price {
            case .flat(let x): try TariffLimits.check("export.price_cny_per_kwh", x, TariffLimits.price)
            case .perPeriod(let prices):
                for p in TariffPeriod.allCases {
                    try TariffLimits.check("export.prices_cny_per_kwh.\(p.rawValue)", prices[p], TariffLimits.price)
                }
            }
        }
    }
}

/// Documented numeric ranges of the tariff module.
///
/// Serves STANDARD.md 1.1.2(e)-style checkable input for 1.1.20(e)/1.1.37: every number has a range.
public enum TariffLimits {
    /// Any price, base or surcharge: 0 … 100 CNY/kWh.
    public static let price: ClosedRange<Double> = 0...100
    /// Demand (capacity) charge: 0 … 1000 CNY per kW-month.
    public static let demandCharge: ClosedRange<Double> = 0...1_000
    /// Export limit and metered power: 0 … 10,000,000 kW (10 GW).
    public static let powerKW: ClosedRange<Double> = 0...10_000_000
    /// Ratio to the base: > 0 and ≤ 10.
    public static let ratio: ClosedRange<Double> = Double.leastNonzeroMagnitude...10
    /// Rounding step: > 0 and ≤ 1 CNY/kWh.
    public static let rounding: ClosedRange<Double> = Double.leastNonzeroMagnitude...1
    /// Largest expansion: a leap year of 15-minute steps.
    public static let maxSteps = 35_136
    /// Step lengths accepted by the expansion, in minutes.
    public static let stepMinutes: [Int] = [15, 30, 60]

    static func check(_ name: String, _ value: Double?, _ range: ClosedRange<Double>) throws(TariffError) {
        guard let value else { return }
        guard value.isFinite, range.contains(value) else {
            throw .invalidParameter(name: name, value: value, range: range)
        }
    }
}
