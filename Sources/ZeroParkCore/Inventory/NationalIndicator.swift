/// The core indicator of national zero-carbon parks, 单位能耗碳排放 (发改环资〔2025〕910号, S-910;
/// docs/accounting-rules.md §5), and the clean-energy share under the park's named definition
/// (guidance indicator 1). Serves STANDARD.md 1.1.2(a), 1.1.32, 1.1.12.
///
///     indicator = (E_energy + E_process) ÷ comprehensive energy consumption   [tCO2/tce]
///
/// E_energy: CO2 of fuel combustion and of purchased and exported electricity and heat (the
/// electricity figures on the basis `indicator_electricity` names); E_process: sources marked
/// `category: industrial_process`. Outside the numerator: F-gas leakage, `activity_factor` lines of
/// other categories (scope 3, waste, water), biogenic CO2, non-CO2 gases. The denominator is the
/// period's consumption in tce (GB/T 2589 equivalent value, exported energy deducted); the class is
/// chosen on the annualised consumption.
public struct NationalIndicator: Hashable, Sendable {
    /// The park's energy-scale class and the threshold that applies to it.
    public enum ScaleClass: String, Sendable, Codable {
        /// Under 200,000 tce a year: no confirmed threshold.
        case below200k = "below_200k_tce"
        /// 200,000–1,000,000 tce a year: ≤ 0.2 tCO2/tce.
        case from200kTo1m = "200k_to_1m_tce"
        /// 1,000,000 tce a year or more: ≤ 0.3 tCO2/tce.
        case atLeast1m = "at_least_1m_tce"

        public init(annualTce: Double) {
            if annualTce >= 1_000_000 {
                self = .atLeast1m
            } else if annualTce >= 200_000 {
                self = .from200kTo1m
            } else {
                self = .below200k
            }
        }

        /// The threshold in tCO2/tce; nil where none is confirmed.
        public var threshold: Double? {
            switch self {
            case .below200k: return nil
            case .from200kTo1m: return 0.2
            case .atLeast1m: return 0.3
            }
        }

        public var labelZh: String {
            switch self {
            case .below200k: return "年综合能耗低于20万吨标准煤"
            case .from200kTo1m: return "年综合能耗20万—100万吨标准煤"
            case .atLeast1m: return "年综合能耗100万吨标准煤及以上"
            }
        }

        public var labelEn: String {
            switch self {
            case .below200k: return "annual comprehensive energy consumption below 200,000 tce"
            case .from200kTo1m: return "annual comprehensive energy consumption 200,000–1,000,000 tce"
            case .atLeast1m: return "annual comprehensive energy consumption of 1,000,000 tce or more"
            }
        }
    }

    public let energyActivityTco2: Double
    public let industrialProcessTco2: Double
    public let consumptionTce: Double
    public let annualConsumptionTce: Double
    /// tCO2/tce; nil when there is no positive consumption.
    public let value: Double?
    public let scaleClass: ScaleClass
    public var threshold: Double? { scaleClass.threshold }
    /// Whether the value is within the threshold; nil when there is no value or no threshold.
    public var meetsThreshold: Bool? {
        guard let value, let threshold else { return nil }
        return value <= threshold
    }
    public let electricityBasis: AccountingRules.IndicatorElectricityBasis
    public let cleanEnergyDefinition: AccountingRules.CleanEnergyDefinition
    public let cleanTce: Double
    /// Clean energy ÷ consumption under `cleanEnergyDefinition`; nil without positive consumption.
    public let cleanShare: Double?
    /// The guidance threshold for the clean-energy share (≥ 90 %, S-910, secondary sources).
    public static let cleanShareGuidance = 0.9
    /// What the reference marks UNCONFIRMED about this result, in words (shown with it).
    public let unconfirmed: [String]

    public static let citation = "发改环资〔2025〕910号《关于开展零碳园区建设的通知》附件3《国家级零碳园区建设指标体系（试行）》"
        + "、附件4《零碳园区碳排放核算方法（试行）》(S-910)；阈值据人民日报 2025-08-26、21世纪经济报道等转述（二手来源）"
}

extension NationalIndicator {
    /// Whether a fuel id is natural gas for the clean-energy definition `including_natural_gas`:
    /// the library's `natural_gas…` and `lng…` fuels.
    static func isNaturalGas(_ fuelID: String?) -> Bool {
        guard let fuelID else { return false }
        return fuelID.hasPrefix("natural_gas") || fuelID.hasPrefix("lng")
    }

    static func compute(sources: [SourceAccount], fuels: [String: String], consumptionTce: Double, cleanTce: Double,
                        period: AccountingPeriod, rules: AccountingRules) -> NationalIndicator {
        var energy = 0.0, process = 0.0, gasTce = 0.0
        for account in sources {
            let figure: Double
            if rules.indicatorElectricity == .location && account.electricity != nil {
                figure = account.locationBasedTco2
            } else {
                figure = account.tco2
            }
            switch account.category {
            case .energy: energy += figure
            case .industrialProcess: process += figure
            case .other: break
            }
            if rules.cleanEnergy == .includingNaturalGas, isNaturalGas(fuels[account.id]), let tce = account.energy?.tce,
               account.energy?.clean == false {
                gasTce += tce
            }
        }
        let years = period.years
        let annual = years > 0 ? consumptionTce / years : consumptionTce
        let clean = cleanTce + gasTce
        var unconfirmed = [
            "附件4 对绿电、绿证、净购入电力所用因子及抵销能否计入核心指标的规定未经原文核实 (UNCONFIRMED); 按园区规则 indicator_electricity = \(rules.indicatorElectricity.rawValue) 计算",
            "清洁能源的口径未经原文核实 (UNCONFIRMED); 按园区规则 clean_energy = \(rules.cleanEnergy.rawValue) 计算",
        ]
        let scale = ScaleClass(annualTce: annual)
        if scale == .below200k {
            unconfirmed.insert("年综合能耗低于20万吨标准煤的园区无已核实的阈值 (UNCONFIRMED)", at: 0)
        }
        return NationalIndicator(
            energyActivityTco2: energy, industrialProcessTco2: process, consumptionTce: consumptionTce, annualConsumptionTce: annual,
            value: Inventory.ratio(energy + process, consumptionTce), scaleClass: scale,
            electricityBasis: rules.indicatorElectricity, cleanEnergyDefinition: rules.cleanEnergy, cleanTce: clean,
            cleanShare: Inventory.ratio(clean, consumptionTce), unconfirmed: unconfirmed)
    }
}
