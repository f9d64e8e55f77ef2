/// A tariff: an id, a name and its versions over time (tariffs change over the years).
///
/// Serves STANDARD.md 1.1.20(e), 1.1.36 and 1.1.37: the one object used by monitoring cost, optimisation and
/// reports. Asking for a date picks the version in force.
public struct Tariff: Hashable, Sendable {
    /// Stable key, e.g. `cn-gd-tou-2021-331`.
    public let id: String
    /// Name, Chinese first.
    public let name: String
    public let versions: [TariffVersion]

    public init(id: String, name: String, versions: [TariffVersion]) {
        self.id = id
        self.name = name
        self.versions = versions
    }

    /// Index of the version in force on `date` (the latest `effectiveFrom` ≤ date whose `effectiveTo`, if any,
    /// is ≥ date), or nil. Validated definitions have no overlapping versions.
    public func versionIndex(on date: CivilDate) -> Int? {
        var best: Int?
        for (i, v) in versions.enumerated() where v.isInForce(on: date) {
            if let b = best, versions[b].effectiveFrom >= v.effectiveFrom { continue }
            best = i
        }
        return best
    }

    /// The version in force on `date`, or nil.
    public func version(on date: CivilDate) -> TariffVersion? {
        versionIndex(on: date).map { versions[$0] }
    }
}

/// One effective-dated version of a tariff.
///
/// Serves STANDARD.md 1.1.20(e), 1.1.36, 1.1.37: periods by month set and hour of day, critical peak,
/// holidays, prices, demand charge and export terms, with the citation it comes from.
public struct TariffVersion: Hashable, Sendable {
    /// First CST day in force.
    public let effectiveFrom: CivilDate
    /// Last CST day in force (inclusive); nil = still in force.
    public let effectiveTo: CivilDate?
    /// Source; every built-in version has one, a park's own may not.
    public let citation: TariffCitation?
    public let seasons: [TariffSeason]
    public let criticalPeak: CriticalPeakRule?
    public let holidayRule: HolidayRule?
    public let pricing: TariffPricing
    /// 需量电费 CNY per kW-month on the month's maximum demand; nil = none stated (0 unless the caller sets one).
    public let demandChargeCNYPerKWMonth: Double?
    /// Export terms; nil = none stated (`ExportTerms.none` unless the caller sets them).
    public let export: ExportTerms?

    public init(effectiveFrom: CivilDate, effectiveTo: CivilDate? = nil, citation: TariffCitation?,
                seasons: [TariffSeason], criticalPeak: CriticalPeakRule? = nil, holidayRule: HolidayRule? = nil,
                pricing: TariffPricing, demandChargeCNYPerKWMonth: Double? = nil, export: ExportTerms? = nil) {
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.citation = citation
        self.seasons = seasons
        self.criticalPeak = criticalPeak
        self.holidayRule = holidayRule
        self.pricing = pricing
        self.demandChargeCNYPerKWMonth = demandChargeCNYPerKWMonth
        self.export = export
    }

    /// Whether `date` lies in [effectiveFrom, effectiveTo].
    public func isInForce(on date: CivilDate) -> Bool {
        date >= effectiveFrom && (effectiveTo.map { date <= $0 } ?? true)
    }

    /// The season whose months contain `month`, or nil.
    public func season(forMonth month: Int) -> TariffSeason? {
        seasons.first { $0.months.contains(month) }
    }

    /// Every period this version can produce (seasons, critical peak, holiday rule), in declaration order.
    public var periodsUsed: [TariffPeriod] {
        var used = Set(seasons.flatMap { $0.spans.map(\.period) })
        if criticalPeak != nil { used.insert(.critical) }
        if let h = holidayRule { used.formUnion(h.spans.map(\.period)) }
        return TariffPeriod.allCases.filter { used.contains($0) }
    }
}
