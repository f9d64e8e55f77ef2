/// The five park types the standard applies to (STANDARD.md, Scope).
public enum ParkType: String, CaseIterable, Sendable, Codable {
    case industrialPark = "industrial_park"
    case industrialCluster = "industrial_cluster"
    case creativePark = "creative_park"
    case incubator
    case enterpriseCampus = "enterprise_campus"

    public var nameZh: String {
        switch self {
        case .industrialPark: return "工业园区"
        case .industrialCluster: return "产业聚集区"
        case .creativePark: return "创意园区"
        case .incubator: return "孵化园"
        case .enterpriseCampus: return "企业级园区"
        }
    }

    public var nameEn: String {
        switch self {
        case .industrialPark: return "Industrial park"
        case .industrialCluster: return "Industrial cluster"
        case .creativePark: return "Creative park"
        case .incubator: return "Incubator"
        case .enterpriseCampus: return "Enterprise campus"
        }
    }
}

/// The seven systems every inventory must cover (STANDARD.md 1.1.2(c)).
public enum EmissionSystem: String, CaseIterable, Sendable, Codable {
    case energy, buildings, production, transport, waste, water, ecosystem

    public var nameZh: String {
        switch self {
        case .energy: return "能源"
        case .buildings: return "建筑"
        case .production: return "生产"
        case .transport: return "交通"
        case .waste: return "废弃物处理"
        case .water: return "水资源"
        case .ecosystem: return "生态"
        }
    }

    public var nameEn: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
