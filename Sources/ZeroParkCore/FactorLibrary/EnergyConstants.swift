// Purchased-heat default and standard-coal coefficients (reference sheet §2, §3.3).

extension FactorLibrary {
    public static let heatDefaultID = "heat.default"
    public static let electricityCoalID = "coal.electricity_equivalent"
    public static let heatCoalID = "coal.heat"
    /// GB/T 2589 coefficient of 气田天然气 (gas-field natural gas); its NCV is UNCONFIRMED, so it is not a built-in fuel.
    public static let gasFieldGasCoalID = "coal.natural_gas_gas_field"

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
        LibraryFactor(id: gasFieldGasCoalID, kind: .coalEquivalent, nameZh: "气田天然气折标准煤系数",
                      nameEn: "Gas-field natural gas, standard-coal coefficient", value: 1.2143, unit: "kgce/Nm3",
                      vintage: nil, citation: Sources.gasFieldCoal,
                      note: "reference value for a park fuel natural_gas_gas_field's coal_coefficient; a measured NCV takes precedence (GB/T 2589)"),
    ]
}
