// Default CH4 and N2O factors of stationary combustion, kg per TJ of fuel energy on a net calorific
// basis: IPCC 2006 Vol.2 Ch.2 Table 2.3 (manufacturing industries and construction), read from the
// IPCC EFDB. Used only when the park sets `combustion_non_co2: true` (docs/accounting-rules.md §6).

extension FactorLibrary {
    /// The library id of a fuel's CH4 factor: `combustion.ch4.natural_gas`; a park may define or override it.
    public static func combustionCH4ID(fuel: String) -> String { "combustion.ch4.\(fuel)" }
    /// The library id of a fuel's N2O factor: `combustion.n2o.natural_gas`.
    public static func combustionN2OID(fuel: String) -> String { "combustion.n2o.\(fuel)" }

    /// (fuel id, Chinese name, IPCC row, CH4 kg/TJ, its EFDB EF ID, N2O kg/TJ, its EFDB EF ID).
    private static let table23: [(String, String, String, Double, Int, Double, Int)] = [
        ("raw_coal", "原煤", "Other Bituminous Coal (every coal row of Table 2.3 gives 10 and 1.5)", 10, 117845, 1.5, 117899),
        ("anthracite", "无烟煤", "Anthracite", 10, 117843, 1.5, 117897),
        ("bituminous_coal", "烟煤", "Other Bituminous Coal", 10, 117845, 1.5, 117899),
        ("lignite", "褐煤", "Lignite", 10, 117847, 1.5, 117901),
        ("coke", "焦炭", "Coke Oven Coke and Lignite Coke", 10, 117851, 1.5, 117905),
        ("crude_oil", "原油", "Crude Oil", 3, 117820, 0.6, 117874),
        ("fuel_oil", "燃料油", "Residual Fuel Oil", 3, 117831, 0.6, 117885),
        ("gasoline", "汽油", "Motor Gasoline", 3, 117823, 0.6, 117877),
        ("kerosene", "煤油", "Other Kerosene", 3, 117827, 0.6, 117881),
        ("diesel", "柴油", "Diesel Oil", 3, 117830, 0.6, 117884),
        ("lpg", "液化石油气", "Liquefied Petroleum Gases", 1, 117832, 0.1, 117886),
        ("refinery_gas", "炼厂干气", "Refinery Gas", 1, 117839, 0.1, 117893),
        ("natural_gas", "天然气", "Natural Gas", 1, 117858, 0.1, 117912),
        ("natural_gas_oil_field", "油田天然气", "Natural Gas", 1, 117858, 0.1, 117912),
        ("lng", "液化天然气", "Natural Gas", 1, 117858, 0.1, 117912),
        ("coke_oven_gas", "焦炉煤气", "Coke Oven Gas", 1, 117855, 0.1, 117909),
        ("blast_furnace_gas", "高炉煤气", "Blast Furnace Gas", 1, 117856, 0.1, 117910),
        ("wood", "木材及木质废弃物", "Wood/Wood Waste", 30, 117863, 4, 117917),
        ("solid_biomass", "其他初级固体生物质", "Other Primary Solid Biomass", 30, 117865, 4, 117919),
    ]

    static let combustionNonCO2Factors: [LibraryFactor] = table23.flatMap { fuel, zh, row, ch4, ch4ID, n2o, n2oID in
        [LibraryFactor(id: combustionCH4ID(fuel: fuel), kind: .combustionNonCO2, nameZh: "\(zh)固定燃烧 CH4 排放因子",
                       nameEn: "CH4 from stationary combustion of fuel.\(fuel)", value: ch4, unit: "kg/TJ", vintage: nil,
                       citation: Sources.ipcc2006StationaryNonCO2, note: "IPCC row \(row); EFDB EF ID \(ch4ID)"),
         LibraryFactor(id: combustionN2OID(fuel: fuel), kind: .combustionNonCO2, nameZh: "\(zh)固定燃烧 N2O 排放因子",
                       nameEn: "N2O from stationary combustion of fuel.\(fuel)", value: n2o, unit: "kg/TJ", vintage: nil,
                       citation: Sources.ipcc2006StationaryNonCO2, note: "IPCC row \(row); EFDB EF ID \(n2oID)")]
    }
}
