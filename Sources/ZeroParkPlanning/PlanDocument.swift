import Foundation

/// The `zeropark.plan/1` JSON of a pathway (issue #10 item 8): settings, each measure with its
/// abatement and economics, each year's figures, and the balance years. Numbers are unrounded;
/// absent figures (a MAC without costs) are left out.
public struct PlanDocument: Encodable, Sendable {
    public let format = "zeropark.plan/1"
    public let baseYear: Int
    public let targetYear: Int
    public let discountRate: Double
    public let bauGrowth: Double
    public let measures: [MeasureRow]
    public let offsets: [OffsetRow]
    public let years: [YearRow]
    public let balanceYear: Int?
    public let balanceWithoutOffsetsYear: Int?
    public let netNegativeYears: [Int]
    /// Each source's and existing sink's share, reduction difficulty and why (1.1.3(c), 1.1.4(c)).
    public let sources: [SourceRow]

    public struct MeasureRow: Encodable, Sendable {
        let id: String, name: String, category: String, stage: String, actsOn: [String], startYear: Int
        let tonnesPerYear: Double, annualCostCny: Double?, macCnyPerTonne: Double?, npvCostCny: Double?
        let capexCny: Double?, opexCnyPerYear: Double?, savingsCnyPerYear: Double?, lifetimeYears: Double?
        let missing: [String], basis: String?
    }

    public struct SourceRow: Encodable, Sendable {
        let id: String, name: String, sink: Bool, tco2: Double, share: Double, difficulty: String
        let reasons: [Reason], technologies: [String], measures: [String], cheapestMacCnyPerTonne: Double?
    }

    public struct Reason: Encodable, Sendable {
        let code: String, zh: String, en: String
    }

    public struct OffsetRow: Encodable, Sendable {
        let id: String, name: String, type: String, local: Bool, priceCnyPerTonne: Double, availableTonnesPerYear: Double?, basis: String?
    }

    public struct YearRow: Encodable, Sendable {
        let year: Int, businessAsUsualTco2: Double, reductions: [String: Double], emissionsTco2: Double, bySourceTco2: [String: Double]
        let sinks: [String: Double]
        let offsets: [Purchase], netTco2: Double, measureCostCny: Double, offsetCostCny: Double
    }

    public struct Purchase: Encodable, Sendable {
        let option: String, tonnes: Double, costCny: Double, local: Bool
    }

    /// The document as JSON: snake_case keys, sorted; indented for a terminal when `pretty`.
    public func json(pretty: Bool) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public init(_ pathway: Pathway, measures: [Measure], offsets: [OffsetOption], assessments: [SourceAssessment] = []) {
        sources = assessments.map { item in
            SourceRow(id: item.id, name: item.name, sink: item.isSink, tco2: item.tco2, share: item.share, difficulty: item.difficulty.rawValue,
                      reasons: item.reasons.map { Reason(code: $0.code, zh: $0.zh, en: $0.en) }, technologies: item.technologies.map(\.rawValue),
                      measures: item.measures, cheapestMacCnyPerTonne: item.cheapestMAC)
        }
        baseYear = pathway.settings.baseYear
        targetYear = pathway.settings.targetYear
        discountRate = pathway.settings.discountRate
        bauGrowth = pathway.settings.bauGrowth
        let order = pathway.reductionOrder + measures.filter { $0.stage == .sink }.map(\.id).sorted()
        let byID = Dictionary(measures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.measures = order.compactMap { id in
            guard let measure = byID[id], let economics = pathway.economics[id] else { return nil }
            return MeasureRow(id: id, name: measure.name, category: measure.category.rawValue, stage: measure.stage.rawValue,
                              actsOn: measure.actsOn, startYear: measure.startYear, tonnesPerYear: economics.tonnesPerYear,
                              annualCostCny: economics.annualCostCNY, macCnyPerTonne: economics.macCNYPerTonne, npvCostCny: economics.npvCostCNY,
                              capexCny: measure.capexCNY, opexCnyPerYear: measure.opexCNYPerYear, savingsCnyPerYear: measure.savingsCNYPerYear,
                              lifetimeYears: measure.lifetimeYears, missing: economics.missing, basis: measure.basis)
        }
        self.offsets = OffsetOption.purchaseOrder(offsets).map {
            OffsetRow(id: $0.id, name: $0.name, type: $0.type.rawValue, local: $0.local, priceCnyPerTonne: $0.priceCNYPerTonne,
                      availableTonnesPerYear: $0.availableTonnesPerYear, basis: $0.basis)
        }
        years = pathway.years.map { year in
            YearRow(year: year.year, businessAsUsualTco2: year.businessAsUsual, reductions: year.reductions, emissionsTco2: year.emissions,
                    bySourceTco2: year.bySource, sinks: year.sinks, offsets: year.offsets.map { Purchase(option: $0.option, tonnes: $0.tonnes, costCny: $0.costCNY, local: $0.local) },
                    netTco2: year.net, measureCostCny: year.measureCostCNY, offsetCostCny: year.offsetCostCNY)
        }
        balanceYear = pathway.balanceYear
        balanceWithoutOffsetsYear = pathway.balanceWithoutOffsetsYear
        netNegativeYears = pathway.netNegativeYears
    }
}
