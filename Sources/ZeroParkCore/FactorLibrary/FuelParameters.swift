// Built-in fuel parameters (reference sheet §3.2, source S-BOOK118). NCV from kJ/kg → GJ/t
// (e.g. 42,652 kJ/kg = 42.652 GJ/t); natural gas 38,931 kJ/m3 = 389.31 GJ/10^4 Nm3.
// Biogas and 气田天然气 stay out: their parameters are UNCONFIRMED in the reference sheet.

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
        LibraryFuel(id: "natural_gas", nameZh: "天然气", nameEn: "Natural gas", ncv: 389.31, ncvUnit: "GJ/10^4 Nm3",
                    carbonContent: 15.3, oxidation: 0.99, coalCoefficient: 1.33, coalCoefficientUnit: "kgce/Nm3",
                    citation: Sources.fuels),
    ]
}
