/// Effective-dated factors (issue #8 §6; STANDARD.md 1.1.2(b)): a period that crosses a new year —
/// a trial year from July to June, a range inventory — accounts each calendar-year part with the
/// factors of that part's year, so the months before the new year never take a vintage published
/// for the year after.
///
/// It applies to a source with monthly activity (the months say which part each quantity belongs
/// to) and no green certificates applied (certificates are matched over the whole period). When
/// every part resolves the same factors, the whole-period line stands unchanged; otherwise the
/// line is the sum of its parts, and its calculation shows each part with its own factors:
///
///     E = Σ_parts AD_part × EF_part
extension AccountingMethod {
    /// The method's outcome for the source, and its counted tCO2 per month when the activity is monthly.
    static func effectiveDatedOutcome(for source: EmissionSource, in context: AccountingContext) throws -> (MethodOutcome, [Double]?) {
        let whole = try outcome(for: source, in: context)
        let parts = context.period.yearParts
        guard parts.count > 1, let months = source.activity.monthly, months.count == context.period.months.count,
              (context.certificateMWh[source.id] ?? 0) == 0 else {
            return (whole, Self.monthly(source.activity.monthly, tco2: whole.tco2))
        }
        var segments: [(part: AccountingPeriod, outcome: MethodOutcome, monthly: [Double]?)] = []
        var offset = 0
        for part in parts {
            let count = part.months.count
            let slice = Array(months[offset..<(offset + count)])
            offset += count
            var piece = source
            piece.activity = ActivityData(unit: source.activity.unit, values: .monthly(slice))
            let outcome = try outcome(for: piece, in: context.restricted(to: part))
            segments.append((part, outcome, Self.monthly(slice, tco2: outcome.tco2)))
        }
        guard Set(segments.map { $0.outcome.parameters }).count > 1 || segments.first?.outcome.parameters != whole.parameters else {
            return (whole, Self.monthly(months, tco2: whole.tco2))
        }
        return (combine(segments.map { ($0.part, $0.outcome) }), segments.flatMap { $0.monthly ?? [] })
    }

    /// Monthly tCO2 in proportion to monthly activity.
    static func monthly(_ months: [Double]?, tco2: Double) -> [Double]? {
        guard let months else { return nil }
        let total = months.reduce(0, +)
        let perUnit = total > 0 ? tco2 / total : 0
        return months.map { $0 * perUnit }
    }

    /// One outcome from its calendar-year parts: figures summed, each part's calculation kept with
    /// its dates, every factor used listed once, the primary factor the last part's.
    static func combine(_ segments: [(part: AccountingPeriod, outcome: MethodOutcome)]) -> MethodOutcome {
        let outcomes = segments.map(\.outcome)
        let calculation = segments.map { "\($0.part.start)..\($0.part.end): \($0.outcome.calculation)" }.joined(separator: "; ")
        var combined = MethodOutcome(
            tco2: outcomes.reduce(0) { $0 + $1.tco2 },
            locationBasedTco2: outcomes.reduce(0) { $0 + $1.locationBasedTco2 },
            biogenicTco2: outcomes.reduce(0) { $0 + $1.biogenicTco2 },
            calculation: calculation,
            factor: outcomes.last?.factor,
            parameters: unique(outcomes.flatMap(\.parameters)),
            energy: nil,
            warnings: unique(outcomes.flatMap(\.warnings)),
            avoidedTco2: outcomes.reduce(0) { $0 + $1.avoidedTco2 },
            exportedTco2: outcomes.reduce(0) { $0 + $1.exportedTco2 })
        let energies = outcomes.compactMap(\.energy)
        if let first = energies.first, energies.count == outcomes.count {
            combined.energy = EnergyUse(tce: energies.reduce(0) { $0 + $1.tce }, clean: first.clean,
                                        coefficient: first.coefficient, basis: first.basis)
        }
        let lines = outcomes.compactMap(\.electricity)
        if let last = lines.last, lines.count == outcomes.count {
            combined.electricity = ElectricityAccount(
                basis: last.basis, marketFactor: last.marketFactor, marketFactorKind: last.marketFactorKind,
                locationFactor: last.locationFactor, mwh: lines.reduce(0) { $0 + $1.mwh },
                certificateMWh: lines.reduce(0) { $0 + $1.certificateMWh }, certificates: unique(lines.flatMap(\.certificates)),
                rule: last.rule)
        }
        let gases = outcomes.compactMap(\.nonCO2)
        if let first = gases.first, gases.count == outcomes.count {
            combined.nonCO2 = CombustionNonCO2(
                gwpSet: first.gwpSet, biogenicMethane: first.biogenicMethane,
                ch4Tonnes: gases.reduce(0) { $0 + $1.ch4Tonnes }, n2oTonnes: gases.reduce(0) { $0 + $1.n2oTonnes },
                ch4Tco2e: gases.reduce(0) { $0 + $1.ch4Tco2e }, n2oTco2e: gases.reduce(0) { $0 + $1.n2oTco2e },
                calculation: zip(segments, gases).map { "\($0.part.start)..\($0.part.end): \($1.calculation)" }.joined(separator: "; "),
                parameters: unique(gases.flatMap(\.parameters)))
        }
        return combined
    }

    /// The elements in order, each once.
    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
