/// The accounting conventions a park applies, stated once and shown with every result they change
/// (STANDARD.md 1.1.2(b), 1.1.3(b), 1.1.4(b), 1.1.7; docs/accounting-rules.md). Every rule has a
/// default that is the official convention where one is known; a park may choose otherwise, and its
/// choice is printed with each affected line.
public struct AccountingRules: Hashable, Sendable {
    /// Which factor market-based accounting applies to grid electricity not covered by green power or
    /// certificates (MEE/NBS 2023 electricity factors, S-MEE23; GHG Protocol Scope 2 market-based).
    public enum MarketBasis: String, CaseIterable, Sendable, Codable {
        /// The national factor excluding market-traded non-fossil power (`grid.national_residual`)
        /// whenever the park claims green power or certificates in the period.
        case residual
        /// The location-based average (provincial, regional or national) in every case.
        case average
    }

    /// How energy the park exports (surplus PV to the grid, heat or power from a CHP unit) enters the
    /// total (GB/T 32150 net purchase; STANDARD.md 1.1.3(b)).
    public enum ExportedEnergyRule: String, CaseIterable, Sendable, Codable {
        /// GB/T 32150: exported electricity and heat are deducted at the factor of the purchased kind.
        case netPurchase = "net_purchase"
        /// Recorded and shown, not deducted.
        case reportOnly = "report_only"
    }

    /// What counts as clean energy in the clean-energy share (910号 guidance indicator 1).
    public enum CleanEnergyDefinition: String, CaseIterable, Sendable, Codable {
        /// Non-fossil only: green and on-site renewable electricity, biogenic fuels.
        case nonFossil = "non_fossil"
        /// Non-fossil plus natural gas.
        case includingNaturalGas = "including_natural_gas"
    }

    /// Which electricity figures the 910号 core indicator's numerator uses.
    public enum IndicatorElectricityBasis: String, CaseIterable, Sendable, Codable {
        /// The counted (market-based) figures.
        case market
        /// The location-based figures.
        case location
    }

    public var marketBasis: MarketBasis
    public var exportedEnergy: ExportedEnergyRule
    public var cleanEnergy: CleanEnergyDefinition
    public var indicatorElectricity: IndicatorElectricityBasis
    /// Whether CH4 and N2O from stationary fuel combustion are computed (IPCC 2006 Vol.2 Table 2.3,
    /// GWP-weighted) and reported apart from counted emissions (docs/accounting-rules.md §6). Off by default.
    public var combustionNonCO2: Bool
    /// How many years before the period's end year a credit's vintage may lie (1.1.7; a ZeroPark
    /// policy default, not a standard's number: docs/accounting-rules.md §4).
    public var offsetVintageWindowYears: Int = AccountingRules.defaultOffsetVintageWindowYears
    /// The date the report is made: no credit retired after it counts (1.1.7). Nil: the date of
    /// computation, which the caller supplies (`InventoryCalculator.compute(_:library:today:)`).
    public var reportDate: CalendarDate?
    public var locations: FieldLocations

    public init(marketBasis: MarketBasis = .residual, exportedEnergy: ExportedEnergyRule = .netPurchase,
                cleanEnergy: CleanEnergyDefinition = .nonFossil, indicatorElectricity: IndicatorElectricityBasis = .market,
                combustionNonCO2: Bool = false, locations: FieldLocations = .init()) {
        self.marketBasis = marketBasis
        self.exportedEnergy = exportedEnergy
        self.cleanEnergy = cleanEnergy
        self.indicatorElectricity = indicatorElectricity
        self.combustionNonCO2 = combustionNonCO2
        self.locations = locations
    }

    /// The defaults: residual mix, GB/T 32150 net purchase, non-fossil clean energy, market basis, no
    /// combustion CH4/N2O.
    public static let standard = AccountingRules()

    /// ZeroPark's default vintage window: 5 years (period end year − 5 … period end year). A platform
    /// policy, not a number from the standard or a regulation.
    public static let defaultOffsetVintageWindowYears = 5
    /// The vintage windows a park may choose, in whole years.
    public static let offsetVintageWindowRange = 0...50
}

extension AccountingRules {
    /// The rules' park-file keys (`rules:` in docs/park-file.md), in the order they are written.
    public static let keys = ["market_basis", "exported_energy", "clean_energy", "indicator_electricity", "combustion_non_co2",
                              "offset_vintage_window_years", "report_date"]

    /// What a rule accepts, for error messages: its values joined with " | ".
    public static func accepted(_ key: String) -> String {
        switch key {
        case "market_basis": return MarketBasis.allCases.map(\.rawValue).joined(separator: " | ")
        case "exported_energy": return ExportedEnergyRule.allCases.map(\.rawValue).joined(separator: " | ")
        case "clean_energy": return CleanEnergyDefinition.allCases.map(\.rawValue).joined(separator: " | ")
        case "indicator_electricity": return IndicatorElectricityBasis.allCases.map(\.rawValue).joined(separator: " | ")
        case "combustion_non_co2": return "true | false"
        case "offset_vintage_window_years":
            return "a whole number of years from \(offsetVintageWindowRange.lowerBound) to \(offsetVintageWindowRange.upperBound)"
        case "report_date": return "a date YYYY-MM-DD"
        default: return ""
        }
    }

    /// `accepted` in Chinese: "以下值之一：a、b" or what the value must be.
    public static func acceptedZh(_ key: String) -> String {
        switch key {
        case "combustion_non_co2": return " true 或 false"
        case "offset_vintage_window_years":
            return " \(offsetVintageWindowRange.lowerBound) 至 \(offsetVintageWindowRange.upperBound) 之间的整数年数"
        case "report_date": return " YYYY-MM-DD 格式的日期"
        default:
            let values = accepted(key).components(separatedBy: " | ")
            return "以下值之一：" + values.joined(separator: "、")
        }
    }

    /// Every rule as (park-file key, value text), in `keys` order.
    public var settings: [(key: String, value: String)] {
        [("market_basis", marketBasis.rawValue), ("exported_energy", exportedEnergy.rawValue),
         ("clean_energy", cleanEnergy.rawValue), ("indicator_electricity", indicatorElectricity.rawValue),
         ("combustion_non_co2", combustionNonCO2 ? "true" : "false"),
         ("offset_vintage_window_years", String(offsetVintageWindowYears)), ("report_date", reportDate?.description ?? "")]
    }

    /// Sets the rule `key` from its text; false when the key is unknown or the value not accepted
    /// (the rule is then unchanged). An empty `report_date` clears it.
    public mutating func set(_ key: String, to text: String) -> Bool {
        switch key {
        case "market_basis": guard let value = MarketBasis(rawValue: text) else { return false }; marketBasis = value
        case "exported_energy": guard let value = ExportedEnergyRule(rawValue: text) else { return false }; exportedEnergy = value
        case "clean_energy": guard let value = CleanEnergyDefinition(rawValue: text) else { return false }; cleanEnergy = value
        case "indicator_electricity":
            guard let value = IndicatorElectricityBasis(rawValue: text) else { return false }; indicatorElectricity = value
        case "combustion_non_co2":
            guard text == "true" || text == "false" else { return false }; combustionNonCO2 = text == "true"
        case "offset_vintage_window_years":
            guard text.allSatisfy(\.isASCII), let value = Int(text), Self.offsetVintageWindowRange.contains(value) else { return false }
            offsetVintageWindowYears = value
        case "report_date":
            if text.isEmpty { reportDate = nil; return true }
            guard let value = CalendarDate(iso: text) else { return false }; reportDate = value
        default: return false
        }
        return true
    }

    /// The rules that differ from the defaults, as (key, value) — what a park file needs to write.
    public var changedSettings: [(key: String, value: String)] {
        let defaults = Dictionary(uniqueKeysWithValues: AccountingRules.standard.settings.map { ($0.key, $0.value) })
        return settings.filter { defaults[$0.key] != $0.value }
    }
}
