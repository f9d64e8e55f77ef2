// Built-in grid electricity CO2 factors (location-based), kgCO2/kWh = tCO2/MWh.
// Values: shared/reference/china-reference-data.md §1.1–1.4; each entry names its citation.

extension FactorLibrary {
    /// Provinces and grid regions with grid factors. 西藏 (xizang) has no published provincial factor
    /// and falls back to the national average with a warning.
    static let gridAreas: [GridArea] = [
        GridArea(key: "guangdong", nameZh: "广东", nameEn: "Guangdong", isProvince: true),
        GridArea(key: "beijing", nameZh: "北京", nameEn: "Beijing", isProvince: true),
        GridArea(key: "tianjin", nameZh: "天津", nameEn: "Tianjin", isProvince: true),
        GridArea(key: "hebei", nameZh: "河北", nameEn: "Hebei", isProvince: true),
        GridArea(key: "shanxi", nameZh: "山西", nameEn: "Shanxi", isProvince: true),
        GridArea(key: "neimenggu", nameZh: "内蒙古", nameEn: "Inner Mongolia", isProvince: true),
        GridArea(key: "liaoning", nameZh: "辽宁", nameEn: "Liaoning", isProvince: true),
        GridArea(key: "jilin", nameZh: "吉林", nameEn: "Jilin", isProvince: true),
        GridArea(key: "heilongjiang", nameZh: "黑龙江", nameEn: "Heilongjiang", isProvince: true),
        GridArea(key: "shanghai", nameZh: "上海", nameEn: "Shanghai", isProvince: true),
        GridArea(key: "jiangsu", nameZh: "江苏", nameEn: "Jiangsu", isProvince: true),
        GridArea(key: "zhejiang", nameZh: "浙江", nameEn: "Zhejiang", isProvince: true),
        GridArea(key: "anhui", nameZh: "安徽", nameEn: "Anhui", isProvince: true),
        GridArea(key: "fujian", nameZh: "福建", nameEn: "Fujian", isProvince: true),
        GridArea(key: "jiangxi", nameZh: "江西", nameEn: "Jiangxi", isProvince: true),
        GridArea(key: "shandong", nameZh: "山东", nameEn: "Shandong", isProvince: true),
        GridArea(key: "henan", nameZh: "河南", nameEn: "Henan", isProvince: true),
        GridArea(key: "hubei", nameZh: "湖北", nameEn: "Hubei", isProvince: true),
        GridArea(key: "hunan", nameZh: "湖南", nameEn: "Hunan", isProvince: true),
        GridArea(key: "guangxi", nameZh: "广西", nameEn: "Guangxi", isProvince: true),
        GridArea(key: "hainan", nameZh: "海南", nameEn: "Hainan", isProvince: true),
        GridArea(key: "chongqing", nameZh: "重庆", nameEn: "Chongqing", isProvince: true),
        GridArea(key: "sichuan", nameZh: "四川", nameEn: "Sichuan", isProvince: true),
        GridArea(key: "guizhou", nameZh: "贵州", nameEn: "Guizhou", isProvince: true),
        GridArea(key: "yunnan", nameZh: "云南", nameEn: "Yunnan", isProvince: true),
        GridArea(key: "shaanxi", nameZh: "陕西", nameEn: "Shaanxi", isProvince: true),
        GridArea(key: "gansu", nameZh: "甘肃", nameEn: "Gansu", isProvince: true),
        GridArea(key: "qinghai", nameZh: "青海", nameEn: "Qinghai", isProvince: true),
        GridArea(key: "ningxia", nameZh: "宁夏", nameEn: "Ningxia", isProvince: true),
        GridArea(key: "xinjiang", nameZh: "新疆", nameEn: "Xinjiang", isProvince: true),
        GridArea(key: "xizang", nameZh: "西藏", nameEn: "Tibet", isProvince: true),
        GridArea(key: "north_grid", nameZh: "华北电网", nameEn: "North China grid", isProvince: false),
        GridArea(key: "northeast_grid", nameZh: "东北电网", nameEn: "Northeast China grid", isProvince: false),
        GridArea(key: "east_grid", nameZh: "华东电网", nameEn: "East China grid", isProvince: false),
        GridArea(key: "central_grid", nameZh: "华中电网", nameEn: "Central China grid", isProvince: false),
        GridArea(key: "northwest_grid", nameZh: "西北电网", nameEn: "Northwest China grid", isProvince: false),
        GridArea(key: "south_grid", nameZh: "南方电网", nameEn: "China Southern grid", isProvince: false),
        GridArea(key: "southwest_grid", nameZh: "西南电网", nameEn: "Southwest China grid", isProvince: false),
    ]

    static let gridFactors: [LibraryFactor] = nationalGridFactors + provincialGridFactors + regionalGridFactors

    static let nationalGridFactors: [LibraryFactor] = [
        grid("grid.national", "全国电网平均排放因子", "National grid average", 0.5568, 2021, Sources.mee21),
        grid("grid.national_residual", "全国电力平均排放因子（不包括市场化交易的非化石能源电量）", "National average excl. market-traded non-fossil power (residual mix)", 0.5942, 2021, Sources.mee21),
        grid("grid.national_fossil", "全国化石能源电力排放因子", "National fossil-fuel power", 0.8426, 2021, Sources.mee21),
        grid("grid.national", "全国电网平均排放因子", "National grid average", 0.5366, 2022, Sources.mee22),
        grid("grid.national_residual", "全国电力平均排放因子（不包括市场化交易的非化石能源电量）", "National average excl. market-traded non-fossil power (residual mix)", 0.5856, 2022, Sources.mee22),
        grid("grid.national_fossil", "全国化石能源电力排放因子", "National fossil-fuel power", 0.8325, 2022, Sources.mee22),
        grid("grid.national", "全国电网平均排放因子", "National grid average", 0.5306, 2023, Sources.mee23),
        grid("grid.national_residual", "全国电力平均排放因子（不包括市场化交易的非化石能源电量）", "National average excl. market-traded non-fossil power (residual mix)", 0.6096, 2023, Sources.mee23),
        grid("grid.national_fossil", "全国化石能源电力排放因子", "National fossil-fuel power", 0.8273, 2023, Sources.mee23),
        grid("grid.national_power_sector_reporting", "全国电网平均排放因子（发电行业2023—2025年报告用）", "National grid factor for power-sector reporting 2023–2025", 0.5703, 2022, Sources.powerSector),
    ]

    static let provincialGridFactors: [LibraryFactor] = [
        grid("grid.guangdong", "广东省级电力平均排放因子", "Guangdong provincial average", 0.4715, 2021, Sources.provincial21),
        grid("grid.guangdong", "广东省级电力平均排放因子", "Guangdong provincial average", 0.4403, 2022, Sources.provincial22),
        grid("grid.guangdong", "广东省级电力平均排放因子", "Guangdong provincial average", 0.4419, 2023, Sources.provincial23),
        grid("grid.beijing", "北京省级电力平均排放因子", "Beijing provincial average", 0.5688, 2021, Sources.provincial21),
        grid("grid.beijing", "北京省级电力平均排放因子", "Beijing provincial average", 0.5580, 2022, Sources.provincial22),
        grid("grid.beijing", "北京省级电力平均排放因子", "Beijing provincial average", 0.5554, 2023, Sources.provincial23),
        grid("grid.tianjin", "天津省级电力平均排放因子", "Tianjin provincial average", 0.7355, 2021, Sources.provincial21),
        grid("grid.tianjin", "天津省级电力平均排放因子", "Tianjin provincial average", 0.7041, 2022, Sources.provincial22),
        grid("grid.tianjin", "天津省级电力平均排放因子", "Tianjin provincial average", 0.6796, 2023, Sources.provincial23),
        grid("grid.hebei", "河北省级电力平均排放因子", "Hebei provincial average", 0.7901, 2021, Sources.provincial21),
        grid("grid.hebei", "河北省级电力平均排放因子", "Hebei provincial average", 0.7252, 2022, Sources.provincial22),
        grid("grid.hebei", "河北省级电力平均排放因子", "Hebei provincial average", 0.6516, 2023, Sources.provincial23),
        grid("grid.shanxi", "山西省级电力平均排放因子", "Shanxi provincial average", 0.7222, 2021, Sources.provincial21),
        grid("grid.shanxi", "山西省级电力平均排放因子", "Shanxi provincial average", 0.7096, 2022, Sources.provincial22),
        grid("grid.shanxi", "山西省级电力平均排放因子", "Shanxi provincial average", 0.6634, 2023, Sources.provincial23),
        grid("grid.neimenggu", "内蒙古省级电力平均排放因子", "Inner Mongolia provincial average", 0.7025, 2021, Sources.provincial21),
        grid("grid.neimenggu", "内蒙古省级电力平均排放因子", "Inner Mongolia provincial average", 0.6849, 2022, Sources.provincial22),
        grid("grid.neimenggu", "内蒙古省级电力平均排放因子", "Inner Mongolia provincial average", 0.6479, 2023, Sources.provincial23),
        grid("grid.liaoning", "辽宁省级电力平均排放因子", "Liaoning provincial average", 0.5876, 2021, Sources.provincial21),
        grid("grid.liaoning", "辽宁省级电力平均排放因子", "Liaoning provincial average", 0.5626, 2022, Sources.provincial22),
        grid("grid.liaoning", "辽宁省级电力平均排放因子", "Liaoning provincial average", 0.4878, 2023, Sources.provincial23),
        grid("grid.jilin", "吉林省级电力平均排放因子", "Jilin provincial average", 0.5629, 2021, Sources.provincial21),
        grid("grid.jilin", "吉林省级电力平均排放因子", "Jilin provincial average", 0.4932, 2022, Sources.provincial22),
        grid("grid.jilin", "吉林省级电力平均排放因子", "Jilin provincial average", 0.4671, 2023, Sources.provincial23),
        grid("grid.heilongjiang", "黑龙江省级电力平均排放因子", "Heilongjiang provincial average", 0.6342, 2021, Sources.provincial21),
        grid("grid.heilongjiang", "黑龙江省级电力平均排放因子", "Heilongjiang provincial average", 0.5368, 2022, Sources.provincial22),
        grid("grid.heilongjiang", "黑龙江省级电力平均排放因子", "Heilongjiang provincial average", 0.5229, 2023, Sources.provincial23),
        grid("grid.shanghai", "上海省级电力平均排放因子", "Shanghai provincial average", 0.5834, 2021, Sources.provincial21),
        grid("grid.shanghai", "上海省级电力平均排放因子", "Shanghai provincial average", 0.5849, 2022, Sources.provincial22),
        grid("grid.shanghai", "上海省级电力平均排放因子", "Shanghai provincial average", 0.5737, 2023, Sources.provincial23),
        grid("grid.jiangsu", "江苏省级电力平均排放因子", "Jiangsu provincial average", 0.6451, 2021, Sources.provincial21),
        grid("grid.jiangsu", "江苏省级电力平均排放因子", "Jiangsu provincial average", 0.5978, 2022, Sources.provincial22),
        grid("grid.jiangsu", "江苏省级电力平均排放因子", "Jiangsu provincial average", 0.5827, 2023, Sources.provincial23),
        grid("grid.zhejiang", "浙江省级电力平均排放因子", "Zhejiang provincial average", 0.5422, 2021, Sources.provincial21),
        grid("grid.zhejiang", "浙江省级电力平均排放因子", "Zhejiang provincial average", 0.5153, 2022, Sources.provincial22),
        grid("grid.zhejiang", "浙江省级电力平均排放因子", "Zhejiang provincial average", 0.4974, 2023, Sources.provincial23),
        grid("grid.anhui", "安徽省级电力平均排放因子", "Anhui provincial average", 0.7075, 2021, Sources.provincial21),
        grid("grid.anhui", "安徽省级电力平均排放因子", "Anhui provincial average", 0.6782, 2022, Sources.provincial22),
        grid("grid.anhui", "安徽省级电力平均排放因子", "Anhui provincial average", 0.6553, 2023, Sources.provincial23),
        grid("grid.fujian", "福建省级电力平均排放因子", "Fujian provincial average", 0.4711, 2021, Sources.provincial21),
        grid("grid.fujian", "福建省级电力平均排放因子", "Fujian provincial average", 0.4092, 2022, Sources.provincial22),
        grid("grid.fujian", "福建省级电力平均排放因子", "Fujian provincial average", 0.4211, 2023, Sources.provincial23),
        grid("grid.jiangxi", "江西省级电力平均排放因子", "Jiangxi provincial average", 0.5835, 2021, Sources.provincial21),
        grid("grid.jiangxi", "江西省级电力平均排放因子", "Jiangxi provincial average", 0.5752, 2022, Sources.provincial22),
        grid("grid.jiangxi", "江西省级电力平均排放因子", "Jiangxi provincial average", 0.5836, 2023, Sources.provincial23),
        grid("grid.shandong", "山东省级电力平均排放因子", "Shandong provincial average", 0.6838, 2021, Sources.provincial21),
        grid("grid.shandong", "山东省级电力平均排放因子", "Shandong provincial average", 0.6410, 2022, Sources.provincial22),
        grid("grid.shandong", "山东省级电力平均排放因子", "Shandong provincial average", 0.6191, 2023, Sources.provincial23),
        grid("grid.henan", "河南省级电力平均排放因子", "Henan provincial average", 0.6369, 2021, Sources.provincial21),
        grid("grid.henan", "河南省级电力平均排放因子", "Henan provincial average", 0.6058, 2022, Sources.provincial22),
        grid("grid.henan", "河南省级电力平均排放因子", "Henan provincial average", 0.5897, 2023, Sources.provincial23),
        grid("grid.hubei", "湖北省级电力平均排放因子", "Hubei provincial average", 0.3672, 2021, Sources.provincial21),
        grid("grid.hubei", "湖北省级电力平均排放因子", "Hubei provincial average", 0.4364, 2022, Sources.provincial22),
        grid("grid.hubei", "湖北省级电力平均排放因子", "Hubei provincial average", 0.4044, 2023, Sources.provincial23),
        grid("grid.hunan", "湖南省级电力平均排放因子", "Hunan provincial average", 0.5138, 2021, Sources.provincial21),
        grid("grid.hunan", "湖南省级电力平均排放因子", "Hunan provincial average", 0.4900, 2022, Sources.provincial22),
        grid("grid.hunan", "湖南省级电力平均排放因子", "Hunan provincial average", 0.4976, 2023, Sources.provincial23),
        grid("grid.guangxi", "广西省级电力平均排放因子", "Guangxi provincial average", 0.5154, 2021, Sources.provincial21),
        grid("grid.guangxi", "广西省级电力平均排放因子", "Guangxi provincial average", 0.4044, 2022, Sources.provincial22),
        grid("grid.guangxi", "广西省级电力平均排放因子", "Guangxi provincial average", 0.4476, 2023, Sources.provincial23),
        grid("grid.hainan", "海南省级电力平均排放因子", "Hainan provincial average", 0.4524, 2021, Sources.provincial21),
        grid("grid.hainan", "海南省级电力平均排放因子", "Hainan provincial average", 0.4184, 2022, Sources.provincial22),
        grid("grid.hainan", "海南省级电力平均排放因子", "Hainan provincial average", 0.3648, 2023, Sources.provincial23),
        grid("grid.chongqing", "重庆省级电力平均排放因子", "Chongqing provincial average", 0.4743, 2021, Sources.provincial21),
        grid("grid.chongqing", "重庆省级电力平均排放因子", "Chongqing provincial average", 0.5227, 2022, Sources.provincial22),
        grid("grid.chongqing", "重庆省级电力平均排放因子", "Chongqing provincial average", 0.5581, 2023, Sources.provincial23),
        grid("grid.sichuan", "四川省级电力平均排放因子", "Sichuan provincial average", 0.1255, 2021, Sources.provincial21),
        grid("grid.sichuan", "四川省级电力平均排放因子", "Sichuan provincial average", 0.1404, 2022, Sources.provincial22),
        grid("grid.sichuan", "四川省级电力平均排放因子", "Sichuan provincial average", 0.1564, 2023, Sources.provincial23),
        grid("grid.guizhou", "贵州省级电力平均排放因子", "Guizhou provincial average", 0.5182, 2021, Sources.provincial21),
        grid("grid.guizhou", "贵州省级电力平均排放因子", "Guizhou provincial average", 0.4989, 2022, Sources.provincial22),
        grid("grid.guizhou", "贵州省级电力平均排放因子", "Guizhou provincial average", 0.5683, 2023, Sources.provincial23),
        grid("grid.yunnan", "云南省级电力平均排放因子", "Yunnan provincial average", 0.1235, 2021, Sources.provincial21),
        grid("grid.yunnan", "云南省级电力平均排放因子", "Yunnan provincial average", 0.1073, 2022, Sources.provincial22),
        grid("grid.yunnan", "云南省级电力平均排放因子", "Yunnan provincial average", 0.1333, 2023, Sources.provincial23),
        grid("grid.shaanxi", "陕西省级电力平均排放因子", "Shaanxi provincial average", 0.6336, 2021, Sources.provincial21),
        grid("grid.shaanxi", "陕西省级电力平均排放因子", "Shaanxi provincial average", 0.6558, 2022, Sources.provincial22),
        grid("grid.shaanxi", "陕西省级电力平均排放因子", "Shaanxi provincial average", 0.6335, 2023, Sources.provincial23),
        grid("grid.gansu", "甘肃省级电力平均排放因子", "Gansu provincial average", 0.4955, 2021, Sources.provincial21),
        grid("grid.gansu", "甘肃省级电力平均排放因子", "Gansu provincial average", 0.4772, 2022, Sources.provincial22),
        grid("grid.gansu", "甘肃省级电力平均排放因子", "Gansu provincial average", 0.4471, 2023, Sources.provincial23),
        grid("grid.qinghai", "青海省级电力平均排放因子", "Qinghai provincial average", 0.1326, 2021, Sources.provincial21),
        grid("grid.qinghai", "青海省级电力平均排放因子", "Qinghai provincial average", 0.1567, 2022, Sources.provincial22),
        grid("grid.qinghai", "青海省级电力平均排放因子", "Qinghai provincial average", 0.1796, 2023, Sources.provincial23),
        grid("grid.ningxia", "宁夏省级电力平均排放因子", "Ningxia provincial average", 0.6546, 2021, Sources.provincial21),
        grid("grid.ningxia", "宁夏省级电力平均排放因子", "Ningxia provincial average", 0.6423, 2022, Sources.provincial22),
        grid("grid.ningxia", "宁夏省级电力平均排放因子", "Ningxia provincial average", 0.6187, 2023, Sources.provincial23),
        grid("grid.xinjiang", "新疆省级电力平均排放因子", "Xinjiang provincial average", 0.6577, 2021, Sources.provincial21),
        grid("grid.xinjiang", "新疆省级电力平均排放因子", "Xinjiang provincial average", 0.6231, 2022, Sources.provincial22),
        grid("grid.xinjiang", "新疆省级电力平均排放因子", "Xinjiang provincial average", 0.6021, 2023, Sources.provincial23),
    ]

    static let regionalGridFactors: [LibraryFactor] = [
        grid("grid.north_grid", "华北区域电网平均排放因子", "North China grid regional average", 0.7120, 2021, Sources.regional21),
        grid("grid.north_grid", "华北区域电网平均排放因子", "North China grid regional average", 0.6776, 2022, Sources.mee22),
        grid("grid.north_grid", "华北区域电网平均排放因子", "North China grid regional average", 0.6361, 2023, Sources.mee23),
        grid("grid.northeast_grid", "东北区域电网平均排放因子", "Northeast China grid regional average", 0.6012, 2021, Sources.regional21),
        grid("grid.northeast_grid", "东北区域电网平均排放因子", "Northeast China grid regional average", 0.5564, 2022, Sources.mee22),
        grid("grid.northeast_grid", "东北区域电网平均排放因子", "Northeast China grid regional average", 0.5122, 2023, Sources.mee23),
        grid("grid.east_grid", "华东区域电网平均排放因子", "East China grid regional average", 0.5992, 2021, Sources.regional21),
        grid("grid.east_grid", "华东区域电网平均排放因子", "East China grid regional average", 0.5617, 2022, Sources.mee22),
        grid("grid.east_grid", "华东区域电网平均排放因子", "East China grid regional average", 0.5500, 2023, Sources.mee23),
        grid("grid.central_grid", "华中区域电网平均排放因子", "Central China grid regional average", 0.5354, 2021, Sources.regional21),
        grid("grid.central_grid", "华中区域电网平均排放因子", "Central China grid regional average", 0.5395, 2022, Sources.mee22),
        grid("grid.central_grid", "华中区域电网平均排放因子", "Central China grid regional average", 0.5271, 2023, Sources.mee23),
        grid("grid.northwest_grid", "西北区域电网平均排放因子", "Northwest China grid regional average", 0.5951, 2021, Sources.regional21),
        grid("grid.northwest_grid", "西北区域电网平均排放因子", "Northwest China grid regional average", 0.5857, 2022, Sources.mee22),
        grid("grid.northwest_grid", "西北区域电网平均排放因子", "Northwest China grid regional average", 0.5543, 2023, Sources.mee23),
        grid("grid.south_grid", "南方区域电网平均排放因子", "China Southern grid regional average", 0.4326, 2021, Sources.regional21),
        grid("grid.south_grid", "南方区域电网平均排放因子", "China Southern grid regional average", 0.3869, 2022, Sources.mee22),
        grid("grid.south_grid", "南方区域电网平均排放因子", "China Southern grid regional average", 0.4042, 2023, Sources.mee23),
        grid("grid.southwest_grid", "西南区域电网平均排放因子", "Southwest China grid regional average", 0.2113, 2021, Sources.regional21),
        grid("grid.southwest_grid", "西南区域电网平均排放因子", "Southwest China grid regional average", 0.2268, 2022, Sources.mee22),
        grid("grid.southwest_grid", "西南区域电网平均排放因子", "Southwest China grid regional average", 0.2472, 2023, Sources.mee23),
    ]

    private static func grid(_ id: String, _ zh: String, _ en: String, _ value: Double, _ vintage: Int,
                             _ citation: Citation) -> LibraryFactor {
        LibraryFactor(id: id, kind: .gridElectricity, nameZh: zh, nameEn: en, value: value, unit: "tCO2/MWh",
                      vintage: vintage, citation: citation)
    }
}

/// What a grid electricity factor is, so that a line says which basis it stands on
/// (docs/accounting-rules.md §1; S-MEE23 publishes all three national kinds).
public enum GridFactorKind: String, Sendable, Codable {
    /// A location-based average (national, regional or provincial).
    case average
    /// The national factor excluding market-traded non-fossil power (residual mix): market-based.
    case residual
    /// The national fossil-fuel power factor: neither location-based nor a residual mix.
    case fossil

    /// The kind of a grid key (`guangdong`, `national_residual`, ...).
    public init(gridKey: String) {
        switch gridKey {
        case "national_residual": self = .residual
        case "national_fossil": self = .fossil
        default: self = .average
        }
    }

    /// The kind of a factor id (`grid.national_residual`, ...); `.average` for ids outside `grid.`.
    public init(factorID: String) {
        self.init(gridKey: factorID.hasPrefix("grid.") ? String(factorID.dropFirst(5)) : factorID)
    }

    public var labelZh: String {
        switch self {
        case .average: return "位置法平均排放因子"
        case .residual: return "剩余组合排放因子（市场法，不含市场化交易的非化石能源电量）"
        case .fossil: return "化石能源电力排放因子（非位置法）"
        }
    }

    public var labelEn: String {
        switch self {
        case .average: return "location-based average"
        case .residual: return "residual mix (market-based; excludes market-traded non-fossil power)"
        case .fossil: return "fossil-fuel power (not location-based)"
        }
    }
}
