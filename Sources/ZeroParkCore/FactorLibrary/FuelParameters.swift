// Built-in fuel parameters (docs/accounting-rules.md §6).
//
// Chinese defaults (reference sheet §3.2, source S-BOOK118): NCV from kJ/kg → GJ/t (e.g. 42,652 kJ/kg =
// 42.652 GJ/t); natural gas 38,931 kJ/m3 = 389.31 GJ/10^4 Nm3. `natural_gas` is the default for pipeline
// gas of unknown origin and carries the 油田天然气 row, the only natural-gas row with a confirmed NCV;
// `natural_gas_oil_field` names that row explicitly. 气田天然气 is not a built-in fuel: its NCV is
// UNCONFIRMED (only its GB/T 2589 coefficient, `coal.natural_gas_gas_field`, is shipped).
//
// IPCC 2006 Tier 1 defaults (Vol.2 Ch.1 Tables 1.2–1.4, read from the IPCC EFDB): LNG (the natural-gas
// row), coke-oven gas, blast-furnace gas, coal by rank and solid biomass. Their NCV is per mass (TJ/Gg =
// GJ/t), their oxidation factor 1, and GB/T 2589 gives them no coefficient that could be cited, so their
// energy is AD × NCV ÷ 29.3076 GJ/tce. Biogas stays out: no volumetric NCV could be cited.

extension FactorLibrary {
    static let builtInFuels: [LibraryFuel] = [
        LibraryFuel(id: "raw_coal", nameZh: "原煤", nameEn: "Raw coal", ncv: 20.908, ncvUnit: "GJ/t",
                    carbonContent: 26.37, oxidation: 0.94, coalCoefficient: 0.7143, coalCoefficientUnit: "kgce/kg",
                    citation: Sources.fuels),
        LibraryFuel(id: "coke", nameZh: "焦炭", nameEn: "Coke", ncv: 28.435, ncvUnit: "GJ/t",
                    carbonContent: 29.5, oxidation: 0.93, coalCoefficient: 0.9714, coalCoefficientUnit: "kgce/kg",
                    citation: Sources.fuels),
        LibraryFuel(id: "crude_oil", nameZh: "原油", nameEn: "Crude oil", ncv: 41.816, ncvUnit: "GJ/t",
                    carbonContent: 20.1, oxidation: 0.98, coalCoefficient: 1.4286, coalCoefficientUnit: "kgce/kg",
                    citation: Sources.fuels),
        LibraryFuel(id: "fuel_oil", nameZh: "燃料油", nameEn: "Fuel oil", ncv: 41.816, ncvUnit: "GJ/t",
                    carbonContent: 21.1, oxidation: 0.98, coalCoefficient: 1.4286, coalCoefficientUnit: "kgce/kg",
                    citation: Sources.fuels),
        LibraryFuel(id: "gasoline", nameZh: "汽油", nameEn: "Gasoline", ncv: 43.070, ncvUnit: "GJ/t",
                    carbonContent: 18.9, oxidation: 0.98, coalCoefficient: 1.4714, coalCoefficientUnit: "kgce/kg",
                    citation: Sources.fuels),
        LibraryFuel(id: "kerosene", nameZh: "煤油", nameEn: "Kerosene", ncv: 43.070, ncvUnit: "GJ/t",
                    carbonContent: 19.5, oxidation: 0.98, coalCoefficient: 1.4714, coalCoefficientUnit: "kgce/kg",
                    citation: Sources.fuels),
        LibraryFuel(id: "diesel", nameZh: "柴油", nameEn: "Diesel", ncv: 42.652, ncvUnit: "GJ/t",
                    carbonContent: 20.2, oxidation: 0.98, coalCoefficient: 1.4571, coalCoefficientUnit: "kgce/kg",
                    citation: Sources.fuels),
        LibraryFuel(id: "lpg", nameZh: "液化石油气", nameEn: "Liquefied petroleum gas", ncv: 50.179, ncvUnit: "GJ/t",
                    carbonContent: 17.2, oxidation: 0.98, coalCoefficient: 1.7143, coalCoefficientUnit: "kgce/kg",
                    citation: Sources.fuels),
        LibraryFuel(id: "refinery_gas", nameZh: "炼厂干气", nameEn: "Refinery gas", ncv: 46.055, ncvUnit: "GJ/t",
                    carbonContent: 18.2, oxidation: 0.98, coalCoefficient: 1.5714, coalCoefficientUnit: "kgce/kg",
                    citation: Sources.fuels),
        LibraryFuel(id: "natural_gas", nameZh: "天然气（管道气，缺省）", nameEn: "Natural gas (pipeline gas, default)",
                    ncv: 389.31, ncvUnit: "GJ/10^4 Nm3", carbonContent: 15.3, oxidation: 0.99,
                    coalCoefficient: 1.33, coalCoefficientUnit: "kgce/Nm3", citation: Sources.fuels,
                    note: "default for pipeline gas of unknown origin: the 油田天然气 row (NCV 38,931 kJ/m3, 1.3300 kgce/m3), the only natural-gas row with a confirmed NCV; same values as natural_gas_oil_field"),
        LibraryFuel(id: "natural_gas_oil_field", nameZh: "油田天然气", nameEn: "Natural gas, oil-field (associated) gas",
                    ncv: 389.31, ncvUnit: "GJ/10^4 Nm3", carbonContent: 15.3, oxidation: 0.99,
                    coalCoefficient: 1.33, coalCoefficientUnit: "kgce/Nm3", citation: Sources.fuels,
                    note: "NCV 38,931 kJ/m3 and 1.3300 kgce/m3 (GB/T 2589 油田天然气)"),
        // IPCC 2006 Tier 1 defaults (EFDB EF IDs: NCV / carbon content / oxidation factor).
        LibraryFuel(id: "lng", nameZh: "液化天然气", nameEn: "Liquefied natural gas (IPCC 2006 natural-gas default)",
                    ncv: 48.0, ncvUnit: "GJ/t", carbonContent: 15.3, oxidation: 1, coalCoefficient: nil,
                    coalCoefficientUnit: nil, citation: Sources.ipcc2006Fuels,
                    note: "IPCC row Natural Gas (LNG is natural gas in liquid form; activity in t): EF IDs 117481 / 117534 / 117588"),
        LibraryFuel(id: "coke_oven_gas", nameZh: "焦炉煤气", nameEn: "Coke oven gas (IPCC 2006 default)",
                    ncv: 38.7, ncvUnit: "GJ/t", carbonContent: 12.1, oxidation: 1, coalCoefficient: nil,
                    coalCoefficientUnit: nil, citation: Sources.ipcc2006Fuels,
                    note: "IPCC row Coke Oven Gas, NCV per mass (activity in t; metered Nm3 needs the park's own fuel): EF IDs 117478 / 117531 / 117585"),
        LibraryFuel(id: "blast_furnace_gas", nameZh: "高炉煤气", nameEn: "Blast furnace gas (IPCC 2006 default)",
                    ncv: 2.47, ncvUnit: "GJ/t", carbonContent: 70.8, oxidation: 1, coalCoefficient: nil,
                    coalCoefficientUnit: nil, citation: Sources.ipcc2006Fuels,
                    note: "IPCC row Blast Furnace Gas, NCV per mass (activity in t; metered Nm3 needs the park's own fuel): EF IDs 117479 / 117532 / 117586"),
        LibraryFuel(id: "anthracite", nameZh: "无烟煤", nameEn: "Anthracite (IPCC 2006 default)",
                    ncv: 26.7, ncvUnit: "GJ/t", carbonContent: 26.8, oxidation: 1, coalCoefficient: nil,
                    coalCoefficientUnit: nil, citation: Sources.ipcc2006Fuels,
                    note: "IPCC row Anthracite: EF IDs 117466 / 117519 / 117573"),
        LibraryFuel(id: "bituminous_coal", nameZh: "烟煤", nameEn: "Bituminous coal (IPCC 2006 default, other bituminous)",
                    ncv: 25.8, ncvUnit: "GJ/t", carbonContent: 25.8, oxidation: 1, coalCoefficient: nil,
                    coalCoefficientUnit: nil, citation: Sources.ipcc2006Fuels,
                    note: "IPCC row Other Bituminous Coal: EF IDs 117468 / 117521 / 117575"),
        LibraryFuel(id: "lignite", nameZh: "褐煤", nameEn: "Lignite (IPCC 2006 default)",
                    ncv: 11.9, ncvUnit: "GJ/t", carbonContent: 27.6, oxidation: 1, coalCoefficient: nil,
                    coalCoefficientUnit: nil, citation: Sources.ipcc2006Fuels,
                    note: "IPCC row Lignite: EF IDs 117470 / 117523 / 117577"),
        LibraryFuel(id: "wood", nameZh: "木材及木质废弃物", nameEn: "Wood / wood waste (IPCC 2006 default)",
                    ncv: 15.6, ncvUnit: "GJ/t", carbonContent: 30.5, oxidation: 1, coalCoefficient: nil,
                    coalCoefficientUnit: nil, biogenic: true, citation: Sources.ipcc2006Fuels,
                    note: "IPCC row Wood/Wood Waste: EF IDs 117485 / 117539 / 117593"),
        LibraryFuel(id: "solid_biomass", nameZh: "其他初级固体生物质", nameEn: "Other primary solid biomass (IPCC 2006 default)",
                    ncv: 11.6, ncvUnit: "GJ/t", carbonContent: 27.3, oxidation: 1, coalCoefficient: nil,
                    coalCoefficientUnit: nil, biogenic: true, citation: Sources.ipcc2006Fuels,
                    note: "IPCC row Other Primary Solid Biomass: EF IDs 117487 / 117541 / 117595"),
    ]

    /// Fuel ids a park may expect that are deliberately not built in, with the reason (shown in the
    /// `unknown_fuel` message, in English and Chinese; docs/accounting-rules.md §6).
    public static let fuelsNotShipped: [String: (en: String, zh: String)] = [
        "natural_gas_gas_field": (
            en: "气田天然气 is not built in: its NCV is UNCONFIRMED; define it under `fuels:` with the supplier's NCV (GB/T 2589 coefficient: coal.natural_gas_gas_field, 1.2143 kgce/Nm3)",
            zh: "气田天然气未内置：其低位发热量未经确认；请在 fuels 中按供气单位的低位发热量定义（GB/T 2589 折标系数：coal.natural_gas_gas_field，1.2143 kgce/Nm3）"),
        "biogas": (
            en: "沼气 is not built in: no volumetric NCV could be cited; define it under `fuels:` with measured parameters and `biogenic: true`",
            zh: "沼气未内置：没有可引用的体积低位发热量；请在 fuels 中按实测参数定义，并设 biogenic: true"),
    ]
}
