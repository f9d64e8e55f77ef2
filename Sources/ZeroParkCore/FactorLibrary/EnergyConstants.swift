// Purchased-heat default and standard-coal coefficients (reference sheet §2, §3.3).

extension FactorLibrary {
    public static let heatDefaultID = "heat.default"
    public static let electricityCoalID = "coal.electricity_equivalent"
    public static let heatCoalID = "coal.heat"

    static let energyConstants: [LibraryFactor] = [
        LibraryFactor(id: heatDefaultID, kind: .purchasedHeat, nameZh: "外购热力缺省排放因子",
                      nameEn: "Purchased heat, default CO2 factor", value: 0.11, unit: "tCO2/GJ", vintage: nil,
                      citation: Sources.heat, note: "measured supplier factors take precedence (热力实测优先)"),
        LibraryFactor(id: electricityCoalID, kind: .coalEquivalent, nameZh: "电力折标准煤系数（当量值）",
                      nameEn: "Electricity, standard-coal coefficient (equivalent value)", value: 0.1229,
                      unit: "kgce/kWh", vintage: nil, citation: Sources.gbt2589),
        LibraryFactor(id: heatCoalID, kind: .coalEquivalent, nameZh: "热力折标准煤系数",
                      nameEn: "Heat, standard-coal coefficient", value: 0.03412, unit: "tce/GJ", vintage: nil,
                      citation: Sources.gbt2589),
    ]
}
