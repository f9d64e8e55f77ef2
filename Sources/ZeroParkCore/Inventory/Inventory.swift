/// A park's carbon inventory for one period (STANDARD.md 1.1.2–1.1.4, 3.2): every source, sink and
/// offset line with its traceability, and the totals, shares, balance, energy and intensity figures
/// derived from them. All masses are tonnes of CO2, unrounded.
public struct Inventory: Hashable, Sendable {
    public let profile: ParkProfile
    public let period: AccountingPeriod
    public let libraryVersion: String
    public let sources: [SourceAccount]
    public let sinks: [SinkAccount]
    public let offsets: [OffsetAccount]
    /// Green certificates and how many of their MWh were applied (1.1.19, 1.1.36).
    public let certificates: [CertificateAccount]
    public let warnings: [AccountingWarning]
    /// The conventions the figures follow (docs/accounting-rules.md).
    public let rules: AccountingRules

    /// Counted (market-based) emissions, tCO2, exported energy deducted under net purchase.
    public let emissionsTco2: Double
    /// Location-based emissions: all grid-delivered electricity at the average factor, on-site
    /// renewables excluded, exports deducted under net purchase.
    public let locationBasedTco2: Double
    /// Grid-equivalent emissions avoided by self-consumed on-site renewables, reported apart.
    public let avoidedTco2: Double
    /// Exported electricity and heat, as tCO2 at the purchased kind's factor; deducted from both
    /// totals when `rules.exportedEnergy` is net purchase, else only recorded.
    public let exportedTco2: Double
    public let biogenicTco2: Double
    public let sequestrationTco2: Double
    /// Counted offsets, tCO2: never more than max(0, emissions − sequestration) (1.1.2(a)).
    public let offsetsTco2: Double
    /// Emissions per system; every one of the seven systems is present (1.1.2(c)).
    public let bySystem: [EmissionSystem: Double]
    /// Energy consumed, tce (GB/T 2589), and the part that is clean.
    public let consumptionTce: Double
    public let cleanTce: Double
    /// Counted emissions per month, summed over sources with monthly activity.
    public let monthly: [MonthlyEmissions]
    /// Share of counted emissions that has monthly resolution.
    public let monthlyCoverage: Double
    /// The 910号 core indicator and the clean-energy share under the park's definition.
    public let indicator: NationalIndicator

    /// Offsets claimed, tCO2, whether counted or not.
    public var offsetsClaimedTco2: Double { offsets.reduce(0) { $0 + $1.tco2 } }
    /// Eligible offsets beyond the cap emissions − sequestration, tCO2: shown, not counted (1.1.2(a)).
    public var offsetSurplusTco2: Double { offsets.reduce(0) { $0 + $1.surplusTco2 } }

    /// net = emissions − sequestration − offsets (1.1.2(a)).
    public var netTco2: Double { emissionsTco2 - sequestrationTco2 - offsetsTco2 }
    /// The park is balanced when net ≤ 0 (1.1.2(a)).
    public var balanced: Bool { netTco2 <= 0 }
    public var cleanShare: Double? { Self.ratio(cleanTce, consumptionTce) }
    /// tCO2 per tce of energy consumed (counted emissions ÷ consumption).
    public var tco2PerTce: Double? { Self.ratio(emissionsTco2, consumptionTce) }
    public var tco2PerM2: Double? { Self.ratio(emissionsTco2, profile.areaM2) }
    /// tCO2 per 10,000 CNY of output value (1.1.14).
    public var tco2Per10kCNY: Double? {
        guard let output = profile.outputValueCNY else { return nil }
        return Self.ratio(emissionsTco2, output / 10_000)
    }

    /// `numerator ÷ denominator` when the denominator is positive and the quotient finite (a
    /// vanishingly small area or energy use must not turn an intensity into infinity); else nil.
    static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        guard denominator > 0 else { return nil }
        let quotient = numerator / denominator
        return quotient.isFinite ? quotient : nil
    }

    public func share(ofSource account: SourceAccount) -> Double {
        emissionsTco2 > 0 ? account.tco2 / emissionsTco2 : 0
    }

    public func share(ofSink account: SinkAccount) -> Double {
        sequestrationTco2 > 0 ? account.tco2 / sequestrationTco2 : 0
    }

    public func share(ofSystem system: EmissionSystem) -> Double {
        emissionsTco2 > 0 ? (bySystem[system] ?? 0) / emissionsTco2 : 0
    }
}

/// Counted emissions in one calendar month.
public struct MonthlyEmissions: Hashable, Sendable {
    public let month: YearMonth
    public let tco2: Double
}
