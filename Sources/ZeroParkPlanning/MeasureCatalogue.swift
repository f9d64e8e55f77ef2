import ZeroParkCore

/// The built-in catalogue of measures (issue #10 item 2): for each kind of measure the guide names,
/// the clause it serves, the sources it addresses (by accounting method and system) and how its tonnes
/// are derived from the park's own data. It ships **no cost defaults**: the project's reference data
/// cites none (shared/reference/china-reference-data.md), so CapEx, O&M, savings and lifetime are left
/// for the park to fill in its measures file (docs/planning.md §2, §6).
public struct CatalogueEntry: Sendable, Hashable {
    public let category: MeasureCategory
    /// The guide's clause(s).
    public let clause: String
    /// Accounting methods of the sources it can act on (empty for sinks).
    public let addresses: Set<AccountingMethodKind>
    /// Restricts `addresses` to these systems (empty: any system).
    public let systems: Set<EmissionSystem>
    /// The abatement rule that fits it, in the measures file's words.
    public let rule: String
    public let noteZh: String
    public let noteEn: String

    /// Whether the measure can act on a source accounted by `method` in `system`.
    public func addresses(method: AccountingMethodKind, system: EmissionSystem) -> Bool {
        addresses.contains(method) && (systems.isEmpty || systems.contains(system))
    }
}

public enum MeasureCatalogue {
    public static let entries: [CatalogueEntry] = [
        CatalogueEntry(category: .rooftopPV, clause: "1.1.20(b)", addresses: [.purchasedElectricity], systems: [], rule: "electricity_mwh",
                       noteZh: "自发自用电量 × 被替代外购电的计入因子", noteEn: "self-consumed MWh × the counted factor of the grid power it displaces"),
        CatalogueEntry(category: .storage, clause: "1.1.20(c)", addresses: [.purchasedElectricity], systems: [], rule: "electricity_mwh",
                       noteZh: "储能本身只移峰；仅其提高的光伏自用电量计为减排", noteEn: "storage shifts load; only the extra PV it lets the park use counts"),
        CatalogueEntry(category: .efficientEquipment, clause: "1.1.20(g)", addresses: [.purchasedElectricity, .fuelCombustion, .purchasedHeat], systems: [],
                       rule: "fraction", noteZh: "二级能效及以上设备：按节能率削减所作用排放源", noteEn: "grade-2-or-better equipment: the saving fraction of the sources it acts on"),
        CatalogueEntry(category: .electrification, clause: "1.1.15", addresses: [.fuelCombustion], systems: [], rule: "fraction",
                       noteZh: "以电代燃料：削减燃料排放，新增用电须另列", noteEn: "fuel replaced by power: cuts the fuel line; the added electricity is listed apart"),
        CatalogueEntry(category: .heatPump, clause: "1.1.15, 1.1.20", addresses: [.fuelCombustion, .purchasedHeat],
                       systems: [.energy, .buildings, .production], rule: "fraction",
                       noteZh: "热泵替代锅炉或外购热", noteEn: "heat pumps replacing boilers or bought heat"),
        CatalogueEntry(category: .wasteHeat, clause: "1.1.20(h)", addresses: [.purchasedHeat, .fuelCombustion],
                       systems: [.energy, .buildings, .production], rule: "fraction",
                       noteZh: "余热回收替代外购热或燃料供热", noteEn: "recovered heat replacing bought heat or fuel"),
        CatalogueEntry(category: .greenPower, clause: "1.1.19, 1.1.36", addresses: [.purchasedElectricity], systems: [], rule: "electricity_mwh",
                       noteZh: "绿电交易电量 × 计入因子（绿证须按规则注销）", noteEn: "green-power MWh × the counted factor (certificates retired per the rules)"),
        CatalogueEntry(category: .evFleet, clause: "1.1.23", addresses: [.fuelCombustion], systems: [.transport], rule: "fraction",
                       noteZh: "电动化车队：削减交通燃料排放", noteEn: "electric fleet: cuts transport fuel"),
        CatalogueEntry(category: .buildingRetrofit, clause: "1.1.21", addresses: [.purchasedElectricity, .fuelCombustion, .purchasedHeat],
                       systems: [.buildings], rule: "fraction", noteZh: "建筑围护与系统改造", noteEn: "envelope and building-system retrofit"),
        CatalogueEntry(category: .waterReuse, clause: "1.1.25", addresses: [.activityFactor], systems: [.water], rule: "fraction",
                       noteZh: "中水回用削减取水量", noteEn: "reuse cuts water drawn"),
        CatalogueEntry(category: .waste, clause: "1.1.24", addresses: [.activityFactor, .fuelCombustion], systems: [.waste], rule: "fraction",
                       noteZh: "减量与资源化削减处置排放", noteEn: "reduction and recovery cut disposal emissions"),
        CatalogueEntry(category: .greenery, clause: "1.1.27", addresses: [], systems: [], rule: "tonnes_per_year",
                       noteZh: "碳汇：面积 × 固碳速率（须有测算依据）", noteEn: "sink: area × sequestration rate (with its basis)"),
        CatalogueEntry(category: .ccus, clause: "1.1.28", addresses: [], systems: [], rule: "tonnes_per_year",
                       noteZh: "碳汇：经核查的年捕集量", noteEn: "sink: the verified yearly capture"),
    ]

    /// The kinds of measure that can act on a source.
    public static func technologies(method: AccountingMethodKind, system: EmissionSystem) -> [MeasureCategory] {
        entries.filter { $0.addresses(method: method, system: system) }.map(\.category)
    }
}
