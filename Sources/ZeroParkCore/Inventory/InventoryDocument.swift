/// The stable JSON contract of an inventory, `zeropark.inventory/1` (issue #2 §8): the shape that
/// `zeropark inventory --format json` prints and the API will serve. Fields may be added, never
/// renamed or removed. Masses are tonnes of CO2, unrounded.
public struct InventoryDocument: Codable, Sendable, Equatable {
    public static let formatID = "zeropark.inventory/1"

    public var format: String
    public var park: Park
    public var period: Period
    public var factorLibrary: String
    public var totals: Totals
    public var bySystem: [String: Double]
    public var sources: [Source]
    public var sinks: [Sink]
    public var offsets: [Offset]
    public var energy: Energy
    public var intensity: Intensity
    public var monthly: [Month]
    public var monthlyCoverage: Double
    public var warnings: [Warning]
    // Added by issue #7 (optional, so documents stored before it still decode):
    /// The accounting rules applied, park-file key → value (docs/accounting-rules.md).
    public var rules: [String: String]?
    public var certificates: [Certificate]?
    public var indicator: Indicator?

    enum CodingKeys: String, CodingKey {
        case format, park, period, totals, sources, sinks, offsets, energy, intensity, monthly, warnings
        case factorLibrary = "factor_library", bySystem = "by_system", monthlyCoverage = "monthly_coverage"
        case rules, certificates, indicator
    }

    public struct Park: Codable, Sendable, Equatable {
        public var id, name: String
        public var nameEn: String?
        public var type: String
        public var province: String?
        public var areaM2: Double
        public var outputValueCNY: Double?
        public var boundaryEvidence: [String]
        enum CodingKeys: String, CodingKey {
            case id, name, type, province
            case nameEn = "name_en", areaM2 = "area_m2", outputValueCNY = "output_value_cny", boundaryEvidence = "boundary_evidence"
        }
    }

    public struct Period: Codable, Sendable, Equatable {
        public var start, end: String
    }

    public struct Totals: Codable, Sendable, Equatable {
        public var emissionsTco2, emissionsLocationBasedTco2, biogenicTco2, sequestrationTco2, offsetsTco2, netTco2: Double
        public var balanced: Bool
        /// On-site renewables' grid-equivalent, avoided, not in any total (issue #7).
        public var avoidedTco2: Double?
        /// Exported energy at the purchased kind's factor; deducted when `exportedDeducted` (issue #7).
        public var exportedTco2: Double?
        public var exportedDeducted: Bool?
        /// Combustion CH4 and N2O, tCO2e, reported apart and not in `emissions_tco2`; present only when
        /// the park sets `combustion_non_co2: true` (docs/accounting-rules.md §6).
        public var combustionCH4Tco2e: Double? = nil
        public var combustionN2OTco2e: Double? = nil
        public var combustionNonCO2Tco2e: Double? = nil
        /// Offsets claimed (counted or not) and the eligible surplus beyond emissions − sequestration
        /// (docs/accounting-rules.md §4). Optional only so that documents written before them still decode.
        public var offsetsClaimedTco2, offsetSurplusTco2: Double?
        enum CodingKeys: String, CodingKey {
            case balanced
            case avoidedTco2 = "avoided_tco2", exportedTco2 = "exported_tco2", exportedDeducted = "exported_deducted"
            case emissionsTco2 = "emissions_tco2", emissionsLocationBasedTco2 = "emissions_location_based_tco2"
            case biogenicTco2 = "biogenic_tco2", sequestrationTco2 = "sequestration_tco2"
            case offsetsTco2 = "offsets_tco2", netTco2 = "net_tco2"
            case combustionCH4Tco2e = "combustion_ch4_tco2e", combustionN2OTco2e = "combustion_n2o_tco2e"
            case combustionNonCO2Tco2e = "combustion_non_co2_tco2e"
            case offsetsClaimedTco2 = "offsets_claimed_tco2", offsetSurplusTco2 = "offset_surplus_tco2"
        }
    }

    public struct Factor: Codable, Sendable, Equatable {
        public var id: String
        public var value: Double
        public var unit: String
        public var source: String
        public var vintage: Int?
        public var origin: String
        public var overridden: Bool
        public var note: String?
    }

    public struct Source: Codable, Sendable, Equatable {
        public var id, name, system, method: String
        public var scope: Int
        public var enterprise: String?
        public var tco2, locationBasedTco2, biogenicTco2, share: Double
        public var activity: Activity
        public var formula, calculation: String
        public var dataSource, evidence: String?
        public var factor: Factor?
        public var parameters: [Factor]
        public var energyTce: Double?
        public var cleanEnergy: Bool?
        public var monthlyTco2: [Double]?
        // Added by issue #7:
        public var category: String?
        public var avoidedTco2: Double?
        public var exportedTco2: Double?
        public var electricity: Electricity?
        /// Combustion CH4 and N2O of this line, reported apart (rule `combustion_non_co2`).
        public var nonCO2: NonCO2? = nil
        enum CodingKeys: String, CodingKey {
            case id, name, system, method, scope, enterprise, tco2, share, activity, formula, calculation, evidence, factor, parameters
            case category, electricity, avoidedTco2 = "avoided_tco2", exportedTco2 = "exported_tco2"
            case locationBasedTco2 = "location_based_tco2", biogenicTco2 = "biogenic_tco2", dataSource = "data_source"
            case energyTce = "energy_tce", cleanEnergy = "clean_energy", monthlyTco2 = "monthly_tco2"
            case nonCO2 = "non_co2"
        }
    }

    /// One line's combustion CH4 and N2O (IPCC 2006 Vol.2 Table 2.3), GWP-weighted, not counted.
    public struct NonCO2: Codable, Sendable, Equatable {
        public var gwpSet: String
        /// The CH4 GWP is the non-fossil one (biogenic fuel) rather than the fossil one.
        public var biogenicMethane: Bool
        public var ch4T, n2oT, ch4Tco2e, n2oTco2e, tco2e: Double
        public var formula, calculation: String
        public var parameters: [Factor]
        enum CodingKeys: String, CodingKey {
            case formula, calculation, parameters, tco2e
            case gwpSet = "gwp_set", biogenicMethane = "biogenic_methane", ch4T = "ch4_t", n2oT = "n2o_t"
            case ch4Tco2e = "ch4_tco2e", n2oTco2e = "n2o_tco2e"
        }
    }

    /// How an electricity line was accounted: the basis of its counted figure and why, both factors,
    /// the certificates applied (docs/accounting-rules.md §1–3).
    public struct Electricity: Codable, Sendable, Equatable {
        public var marketBasis: String
        public var marketFactor: Factor?
        /// `average`, `residual` or `fossil` for grid factors; nil for explicit or zero lines.
        public var marketFactorKind: String?
        public var marketFactorLabel: String?
        public var locationFactor: Factor
        public var mwh, certificateMwh: Double
        public var certificates: [String]
        public var rule: String
        enum CodingKeys: String, CodingKey {
            case mwh, certificates, rule
            case marketBasis = "market_basis", marketFactor = "market_factor", marketFactorKind = "market_factor_kind"
            case marketFactorLabel = "market_factor_label", locationFactor = "location_factor", certificateMwh = "certificate_mwh"
        }
    }

    /// A green certificate as accounted (issue #7).
    public struct Certificate: Codable, Sendable, Equatable {
        public var id, source: String
        public var mwh, appliedMwh: Double
        public var vintage: Int
        public var retired, registry: String?
        public var status, reason: String
        enum CodingKeys: String, CodingKey {
            case id, source, mwh, vintage, retired, registry, status, reason
            case appliedMwh = "applied_mwh"
        }
    }

    /// The 910号 core indicator block (issue #7; docs/accounting-rules.md §5).
    public struct Indicator: Codable, Sendable, Equatable {
        public var name: String
        public var value: Double?
        public var unit: String
        public var energyActivityTco2, industrialProcessTco2, consumptionTce, annualConsumptionTce: Double
        public var scaleClass: String
        public var scaleClassLabel: String
        public var threshold: Double?
        public var meetsThreshold: Bool?
        public var electricityBasis: String
        public var cleanEnergyDefinition: String
        public var cleanTce: Double
        public var cleanShare: Double?
        public var cleanShareGuidance: Double
        public var unconfirmed: [String]
        public var citation: String
        enum CodingKeys: String, CodingKey {
            case name, value, unit, threshold, unconfirmed, citation
            case energyActivityTco2 = "energy_activity_tco2", industrialProcessTco2 = "industrial_process_tco2"
            case consumptionTce = "consumption_tce", annualConsumptionTce = "annual_consumption_tce"
            case scaleClass = "scale_class", scaleClassLabel = "scale_class_label", meetsThreshold = "meets_threshold"
            case electricityBasis = "electricity_basis", cleanEnergyDefinition = "clean_energy_definition"
            case cleanTce = "clean_tce", cleanShare = "clean_share", cleanShareGuidance = "clean_share_guidance"
        }
    }

    public struct Activity: Codable, Sendable, Equatable {
        public var quantity: Double
        public var unit: String
        public var monthly: [Double]?
    }

    public struct Sink: Codable, Sendable, Equatable {
        public var id, name, kind: String
        public var tco2, share: Double
        public var formula, calculation: String
        public var source: String?
    }

    /// One offset line (STANDARD.md 1.1.4(b), 1.1.7, 1.1.34; docs/accounting-rules.md §4): `tco2` is
    /// the quantity claimed, `counted_tco2` the part counted and `surplus_tco2` the eligible part beyond
    /// the cap. The fields after `registry_ref` are optional only so that documents written before
    /// them still decode.
    public struct Offset: Codable, Sendable, Equatable {
        public var id, name, type: String
        public var tco2: Double
        public var counted: Bool
        public var reason: String
        public var local: Bool
        public var vintage: Int?
        public var registryRef: String?
        public var eligible: Bool?
        public var countedTco2, surplusTco2: Double?
        public var clause: String?
        public var projectProvince, retired, retiredFor: String?
        enum CodingKeys: String, CodingKey {
            case id, name, type, tco2, counted, reason, local, vintage, eligible, clause, retired
            case registryRef = "registry_ref", countedTco2 = "counted_tco2", surplusTco2 = "surplus_tco2"
            case projectProvince = "project_province", retiredFor = "retired_for"
        }
    }

    public struct Energy: Codable, Sendable, Equatable {
        public var consumptionTce, cleanTce: Double
        public var cleanShare, tco2PerTce: Double?
        enum CodingKeys: String, CodingKey {
            case consumptionTce = "consumption_tce", cleanTce = "clean_tce", cleanShare = "clean_share", tco2PerTce = "tco2_per_tce"
        }
    }

    public struct Intensity: Codable, Sendable, Equatable {
        public var tco2PerM2, tco2Per10kCNY, tco2PerTce: Double?
        enum CodingKeys: String, CodingKey {
            case tco2PerM2 = "tco2_per_m2", tco2Per10kCNY = "tco2_per_10k_cny", tco2PerTce = "tco2_per_tce"
        }
    }

    public struct Month: Codable, Sendable, Equatable {
        public var month: String
        public var tco2: Double
    }

    public struct Warning: Codable, Sendable, Equatable {
        public var code, message: String
        public var clause, subject: String?
        /// The message in Simplified Chinese (issue #12 defect 4; optional, so documents stored before
        /// it still decode).
        public var messageZh: String?

        enum CodingKeys: String, CodingKey {
            case code, message, clause, subject
            case messageZh = "message_zh"
        }
    }
}

extension InventoryDocument {
    /// The document for an inventory.
    public init(_ inventory: Inventory) {
        let profile = inventory.profile
        func factor(_ use: FactorUse) -> Factor {
            Factor(id: use.id, value: use.value, unit: use.unit.symbol, source: use.source, vintage: use.vintage,
                   origin: use.origin.rawValue, overridden: use.overridden, note: use.note)
        }
        func nonCO2(_ value: CombustionNonCO2?) -> NonCO2? {
            value.map {
                NonCO2(gwpSet: $0.gwpSet, biogenicMethane: $0.biogenicMethane, ch4T: $0.ch4Tonnes, n2oT: $0.n2oTonnes,
                       ch4Tco2e: $0.ch4Tco2e, n2oTco2e: $0.n2oTco2e, tco2e: $0.tco2e, formula: StationaryNonCO2.formula,
                       calculation: $0.calculation, parameters: $0.parameters.map(factor))
            }
        }
        self.init(
            format: Self.formatID,
            park: Park(id: profile.id, name: profile.name, nameEn: profile.nameEn, type: profile.type.rawValue,
                       province: profile.province, areaM2: profile.areaM2, outputValueCNY: profile.outputValueCNY,
                       boundaryEvidence: profile.boundaryEvidence),
            period: Period(start: inventory.period.start.description, end: inventory.period.end.description),
            factorLibrary: inventory.libraryVersion,
            totals: Totals(emissionsTco2: inventory.emissionsTco2, emissionsLocationBasedTco2: inventory.locationBasedTco2,
                           biogenicTco2: inventory.biogenicTco2, sequestrationTco2: inventory.sequestrationTco2,
                           offsetsTco2: inventory.offsetsTco2, netTco2: inventory.netTco2, balanced: inventory.balanced,
                           avoidedTco2: inventory.avoidedTco2, exportedTco2: inventory.exportedTco2,
                           exportedDeducted: inventory.rules.exportedEnergy == .netPurchase,
                           offsetsClaimedTco2: inventory.offsetsClaimedTco2, offsetSurplusTco2: inventory.offsetSurplusTco2),
            bySystem: Dictionary(uniqueKeysWithValues: EmissionSystem.allCases.map { ($0.rawValue, inventory.bySystem[$0] ?? 0) }),
            sources: inventory.sources.map { account in
                Source(id: account.id, name: account.name, system: account.system.rawValue, method: account.method.rawValue,
                       scope: account.scope, enterprise: account.enterprise, tco2: account.tco2,
                       locationBasedTco2: account.locationBasedTco2, biogenicTco2: account.biogenicTco2,
                       share: inventory.share(ofSource: account),
                       activity: Activity(quantity: account.activity.total, unit: account.activity.unit.symbol,
                                          monthly: account.activity.monthly),
                       formula: account.formula, calculation: account.calculation, dataSource: account.dataSource,
                       evidence: account.evidence, factor: account.factor.map(factor), parameters: account.parameters.map(factor),
                       energyTce: account.energy?.tce, cleanEnergy: account.energy?.clean, monthlyTco2: account.monthlyTco2,
                       category: account.category.rawValue,
                       avoidedTco2: account.method == .onsiteRenewable ? account.avoidedTco2 : nil,
                       exportedTco2: account.method.isExport ? account.exportedTco2 : nil,
                       electricity: account.electricity.map { line in
                           Electricity(marketBasis: line.basis.rawValue, marketFactor: line.marketFactor.map(factor),
                                       marketFactorKind: line.marketFactorKind?.rawValue, marketFactorLabel: line.marketFactorKind?.labelZh,
                                       locationFactor: factor(line.locationFactor), mwh: line.mwh, certificateMwh: line.certificateMWh,
                                       certificates: line.certificates, rule: line.rule)
                       },
                       nonCO2: nonCO2(account.nonCO2))
            },
            sinks: inventory.sinks.map {
                Sink(id: $0.id, name: $0.name, kind: $0.kind, tco2: $0.tco2, share: inventory.share(ofSink: $0),
                     formula: $0.formula, calculation: $0.calculation, source: $0.source)
            },
            offsets: inventory.offsets.map {
                Offset(id: $0.id, name: $0.name, type: $0.type.rawValue, tco2: $0.tco2, counted: $0.counted,
                       reason: $0.reason, local: $0.local, vintage: $0.vintage, registryRef: $0.registryRef,
                       eligible: $0.eligible, countedTco2: $0.countedTco2, surplusTco2: $0.surplusTco2, clause: $0.clause,
                       projectProvince: $0.projectProvince, retired: $0.retired?.description, retiredFor: $0.retiredFor)
            },
            energy: Energy(consumptionTce: inventory.consumptionTce, cleanTce: inventory.cleanTce,
                           cleanShare: inventory.cleanShare, tco2PerTce: inventory.tco2PerTce),
            intensity: Intensity(tco2PerM2: inventory.tco2PerM2, tco2Per10kCNY: inventory.tco2Per10kCNY,
                                 tco2PerTce: inventory.tco2PerTce),
            monthly: inventory.monthly.map { Month(month: $0.month.description, tco2: $0.tco2) },
            monthlyCoverage: inventory.monthlyCoverage,
            warnings: inventory.warnings.map { Warning(code: $0.code, message: $0.message, clause: $0.clause, subject: $0.subject,
                                                          messageZh: $0.messageZh) },
            rules: Dictionary(uniqueKeysWithValues: inventory.rules.settings.map { ($0.key, $0.value) }),
            certificates: inventory.certificates.map {
                Certificate(id: $0.id, source: $0.source, mwh: $0.mwh, appliedMwh: $0.appliedMWh, vintage: $0.vintage,
                            retired: $0.retired?.description, registry: $0.registry, status: $0.status.rawValue, reason: $0.reason)
            },
            indicator: Indicator(inventory.indicator))
        if inventory.reportsCombustionNonCO2 {
            totals.combustionCH4Tco2e = inventory.combustionCH4Tco2e
            totals.combustionN2OTco2e = inventory.combustionN2OTco2e
            totals.combustionNonCO2Tco2e = inventory.combustionNonCO2Tco2e
        }
    }
}

extension InventoryDocument.Indicator {
    init(_ indicator: NationalIndicator) {
        self.init(name: "单位能耗碳排放", value: indicator.value, unit: "tCO2/tce",
                  energyActivityTco2: indicator.energyActivityTco2, industrialProcessTco2: indicator.industrialProcessTco2,
                  consumptionTce: indicator.consumptionTce, annualConsumptionTce: indicator.annualConsumptionTce,
                  scaleClass: indicator.scaleClass.rawValue, scaleClassLabel: indicator.scaleClass.labelZh,
                  threshold: indicator.threshold, meetsThreshold: indicator.meetsThreshold,
                  electricityBasis: indicator.electricityBasis.rawValue, cleanEnergyDefinition: indicator.cleanEnergyDefinition.rawValue,
                  cleanTce: indicator.cleanTce, cleanShare: indicator.cleanShare,
                  cleanShareGuidance: NationalIndicator.cleanShareGuidance, unconfirmed: indicator.unconfirmed,
                  citation: NationalIndicator.citation)
    }
}
