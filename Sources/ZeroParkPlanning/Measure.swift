/// A measure the plan can schedule (STANDARD.md 1.1.5–1.1.6, 1.1.15–1.1.28): what it acts on, how its
/// tonnes follow from the park's own baseline, and its costs. Costs have no built-in defaults: the
/// project's reference data cites none (shared/reference/china-reference-data.md), so a measure
/// without CapEx, O&M or lifetime has no abatement cost and is listed as needing them.
public struct Measure: Sendable, Hashable {
    public var id: String
    public var name: String
    public var category: MeasureCategory
    /// Source ids it acts on (reductions). Empty for sinks.
    public var actsOn: [String]
    public var abatement: AbatementRule
    /// CNY, paid in the start year.
    public var capexCNY: Double?
    /// CNY per year (operation and maintenance).
    public var opexCNYPerYear: Double?
    /// CNY per year saved (energy bills avoided), if any.
    public var savingsCNYPerYear: Double?
    public var lifetimeYears: Double?
    /// First year the measure acts (its whole effect from that year on).
    public var startYear: Int
    /// Where its figures come from (a citation, a quote, a survey): shown beside them.
    public var basis: String?

    public init(id: String, name: String, category: MeasureCategory, actsOn: [String], abatement: AbatementRule,
                capexCNY: Double?, opexCNYPerYear: Double?, savingsCNYPerYear: Double?, lifetimeYears: Double?,
                startYear: Int, basis: String? = nil) {
        self.id = id
        self.name = name
        self.category = category
        self.actsOn = actsOn
        self.abatement = abatement
        self.capexCNY = capexCNY
        self.opexCNYPerYear = opexCNYPerYear
        self.savingsCNYPerYear = savingsCNYPerYear
        self.lifetimeYears = lifetimeYears
        self.startYear = startYear
        self.basis = basis
    }

    /// Reduction first, absorption second (1.1.6): sinks are the categories that absorb.
    public var stage: MeasureStage { category.stage }
}

/// How a measure's tonnes follow from the baseline.
public enum AbatementRule: Sendable, Hashable {
    /// Displaces this many MWh a year of the acted-on sources' grid electricity, valued at the factor
    /// each was counted at (PV, green power, electricity savings): min(MWh, what is left) × factor.
    case electricityMWh(Double)
    /// Cuts this fraction (0–1] of what is left of the acted-on sources' emissions (efficiency, fuel
    /// switching, electrification of a fleet, heat recovery).
    case fraction(Double)
    /// A stated tCO2 a year (a sink's sequestration, a CCUS unit's verified capture, or a reduction
    /// estimated outside ZeroPark, then capped by what is left of its sources); `basis` says how.
    case tonnes(Double)
}

/// Reduction or absorption (1.1.6). Offsets are not measures: they are bought for what remains.
public enum MeasureStage: String, Sendable, Hashable, CaseIterable {
    case reduction, sink
}

/// The kinds of measure the guide names, with the clause each serves.
public enum MeasureCategory: String, Sendable, Hashable, CaseIterable {
    case rooftopPV = "rooftop_pv"            // 1.1.20(b)
    case storage                             // 1.1.20(c)
    case efficientEquipment = "efficient_equipment"  // 1.1.20(g)
    case electrification                     // 1.1.15
    case heatPump = "heat_pump"              // 1.1.15, 1.1.20
    case wasteHeat = "waste_heat"            // 1.1.20(h)
    case greenPower = "green_power"          // 1.1.19, 1.1.36
    case evFleet = "ev_fleet"                // 1.1.23
    case buildingRetrofit = "building_retrofit"  // 1.1.21
    case waterReuse = "water_reuse"          // 1.1.25
    case waste                               // 1.1.24
    case greenery                            // 1.1.27
    case ccus                                // 1.1.28

    public var stage: MeasureStage {
        switch self {
        case .greenery, .ccus: return .sink
        default: return .reduction
        }
    }

    public var nameZh: String {
        switch self {
        case .rooftopPV: return "屋顶/车棚光伏"
        case .storage: return "储能"
        case .efficientEquipment: return "高效设备（二级能效及以上）"
        case .electrification: return "电能替代与燃料替代"
        case .heatPump: return "热泵"
        case .wasteHeat: return "余热回收"
        case .greenPower: return "绿电交易"
        case .evFleet: return "电动车队与充电"
        case .buildingRetrofit: return "建筑节能改造"
        case .waterReuse: return "中水回用"
        case .waste: return "废弃物减量与资源化"
        case .greenery: return "绿地与立体绿化"
        case .ccus: return "碳捕集利用与封存"
        }
    }

    public var nameEn: String {
        switch self {
        case .rooftopPV: return "Rooftop / carport PV"
        case .storage: return "Storage"
        case .efficientEquipment: return "Efficient equipment (grade 2 or better)"
        case .electrification: return "Electrification and fuel switching"
        case .heatPump: return "Heat pumps"
        case .wasteHeat: return "Waste-heat recovery"
        case .greenPower: return "Green-power purchase"
        case .evFleet: return "EV fleet and charging"
        case .buildingRetrofit: return "Building retrofit"
        case .waterReuse: return "Water reuse"
        case .waste: return "Waste reduction and recovery"
        case .greenery: return "Greenery and vertical greening"
        case .ccus: return "CCUS"
        }
    }
}
