// 100-year GWPs, tCO2e per tonne of gas (reference sheet §4).

extension FactorLibrary {
    /// The GWP sets a park may choose (`gwp_set` in a park file).
    public static let gwpSets = ["AR4", "AR5", "AR6"]

    static let gwpFactors: [LibraryFactor] = [
        gwp("CO2", "二氧化碳", "AR4", 1), gwp("CO2", "二氧化碳", "AR5", 1), gwp("CO2", "二氧化碳", "AR6", 1),
        gwp("CH4", "甲烷", "AR4", 25), gwp("CH4", "甲烷", "AR5", 28),
        gwp("CH4", "甲烷", "AR6", 27.9,
            note: "AR6 Table 7.SM.7 value, used for refrigerant and activity lines; combustion CH4 uses CH4_fossil (29.8) or CH4_non_fossil (27.0), Table 7.15"),
        gwp(fossilMethane, "化石源甲烷", "AR6", 29.8, citation: Sources.ar6FossilMethane,
            note: "CH4 from fossil fuels (AR6 Table 7.15); AR4 and AR5 have one CH4 value, used for both origins"),
        gwp(nonFossilMethane, "非化石源甲烷", "AR6", 27.0, citation: Sources.ar6FossilMethane,
            note: "CH4 from biogenic fuels (AR6 Table 7.15); AR4 and AR5 have one CH4 value, used for both origins"),
        gwp("N2O", "氧化亚氮", "AR4", 298), gwp("N2O", "氧化亚氮", "AR5", 265), gwp("N2O", "氧化亚氮", "AR6", 273),
        gwp("SF6", "六氟化硫", "AR4", 22_800), gwp("SF6", "六氟化硫", "AR5", 23_500),
        gwp("SF6", "六氟化硫", "AR6", 25_200, note: "most sources give 25,200; one lists 24,300 (reference sheet §4 caveat)"),
        gwp("HFC-134a", "R-134a", "AR4", 1_430), gwp("HFC-134a", "R-134a", "AR5", 1_300), gwp("HFC-134a", "R-134a", "AR6", 1_526),
        gwp("HFC-32", "R-32", "AR4", 675), gwp("HFC-32", "R-32", "AR5", 677), gwp("HFC-32", "R-32", "AR6", 771),
        gwp("HFC-125", "R-125", "AR4", 3_500), gwp("HFC-125", "R-125", "AR5", 3_170), gwp("HFC-125", "R-125", "AR6", 3_740),
        gwp("R-410A", "R-410A", "AR4", 2_088),
        gwp("R-410A", "R-410A", "AR5", 1_923.5, note: "derived: 50 % HFC-32 (677) + 50 % HFC-125 (3,170) by mass"),
        gwp("R-410A", "R-410A", "AR6", 2_255.5, note: "derived: 50 % HFC-32 (771) + 50 % HFC-125 (3,740) by mass"),
    ]

    /// Gas names of the CH4 GWPs by origin (AR6 Table 7.15); sets without them fall back to `CH4`.
    public static let fossilMethane = "CH4_fossil"
    public static let nonFossilMethane = "CH4_non_fossil"

    /// The library id of a gas's GWP in a set: `gwp.AR5.HFC-134a`.
    public static func gwpID(gas: String, set: String) -> String { "gwp.\(set).\(gas)" }

    private static func gwp(_ gas: String, _ zh: String, _ set: String, _ value: Double, citation special: Citation? = nil,
                            note: String? = nil) -> LibraryFactor {
        var citation: Citation
        switch set {
        case "AR4": citation = Sources.ar4
        case "AR5": citation = Sources.ar5
        default: citation = Sources.ar6
        }
        if let special { citation = special }
        return LibraryFactor(id: gwpID(gas: gas, set: set), kind: .gwp, nameZh: "\(zh) 全球变暖潜势 (\(set))",
                             nameEn: "\(gas) GWP-100 (\(set))", value: value, unit: "tCO2e/t", vintage: nil,
                             citation: citation, note: note)
    }
}
