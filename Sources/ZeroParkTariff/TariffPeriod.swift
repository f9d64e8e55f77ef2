/// A time-of-use period of a Chinese 分时电价 tariff: 尖峰 critical, 高峰 peak, 平段 flat, 低谷 valley, 深谷 deep valley.
///
/// Serves STANDARD.md 1.1.20(e) (storage exploits the peak-valley spread) and 1.1.37 (the optimisation loop
/// needs the period of every step). Raw values are the snake_case names used in tariff definitions.
public enum TariffPeriod: String, CaseIterable, Codable, Hashable, Sendable {
    case critical
    case peak
    case flat
    case valley
    case deepValley = "deep_valley"

    /// Order used to break ties when a step straddles two periods for equal time: the dearer-by-design
    /// period wins (critical 4 > peak 3 > flat 2 > valley 1 > deep valley 0).
    public var rank: Int {
        switch self {
        case .critical: 4
        case .peak: 3
        case .flat: 2
        case .valley: 1
        case .deepValley: 0
        }
    }

    /// Chinese name as printed on bills.
    public var chineseName: String {
        switch self {
        case .critical: "尖峰"
        case .peak: "高峰"
        case .flat: "平段"
        case .valley: "低谷"
        case .deepValley: "深谷"
        }
    }

    /// Dense index 0…4 (declaration order), for arrays indexed by period.
    var index: Int {
        switch self {
        case .critical: 0
        case .peak: 1
        case .flat: 2
        case .valley: 3
        case .deepValley: 4
        }
    }

    /// Inverse of `index`.
    static let byIndex: [TariffPeriod] = [.critical, .peak, .flat, .valley, .deepValley]
}
