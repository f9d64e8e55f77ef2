/// Whether a period's figures support a carbon-neutrality verdict (STANDARD.md 1.1.2(a) net ≤ 0,
/// 1.1.11–1.1.12 evaluation; issue #12: a year with no emissions data must not read "neutral").
///
/// The rule, stated to users as it is written here: a verdict (neutral or not) is given only when
/// - the park has at least one emission source, and
/// - every source has activity data for the period (typed or metered), and
/// - no metered source rests on less than 90 % measured data (`meteredBelowThreshold`, 1.1.33).
/// Otherwise the answer is "insufficient data" with each gap named, whatever the net figure says:
/// sinks alone against sources without data would show a negative net that means nothing.
public enum BalanceVerdict: Hashable, Sendable {
    case neutral
    case notNeutral
    case insufficientData([Gap])

    /// Why no verdict is given.
    public enum Gap: Hashable, Sendable {
        /// The park has no emission sources at all.
        case noSources
        /// Sources exist, but none has activity data for the period.
        case noActivity
        /// These sources (ids) have no activity data for the period.
        case sourcesWithoutData([String])
        /// These metered sources (ids) rest on less than 90 % measured data.
        case meteredBelowThreshold([String])
    }

    /// - Parameters:
    ///   - inventory: the period's inventory, computed from the sources that have data.
    ///   - sourcesWithoutData: ids of the park's sources with no activity data for the period.
    ///   - meteredBelowThreshold: ids of metered sources whose data quality is below the threshold.
    public static func judge(_ inventory: Inventory, sourcesWithoutData: [String], meteredBelowThreshold: [String]) -> BalanceVerdict {
        var gaps: [Gap] = []
        if inventory.sources.isEmpty {
            gaps.append(sourcesWithoutData.isEmpty ? .noSources : .noActivity)
        } else if !sourcesWithoutData.isEmpty {
            gaps.append(.sourcesWithoutData(sourcesWithoutData.sorted()))
        }
        if !meteredBelowThreshold.isEmpty { gaps.append(.meteredBelowThreshold(meteredBelowThreshold.sorted())) }
        guard gaps.isEmpty else { return .insufficientData(gaps) }
        return inventory.balanced ? .neutral : .notNeutral
    }
}
