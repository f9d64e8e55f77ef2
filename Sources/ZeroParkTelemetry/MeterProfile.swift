/// The typical per-slot value of a meter, used to spread long gaps (> 4 intervals) in proportion to how
/// the meter usually runs over the day.
///
/// Serves STANDARD.md 1.1.30 (gap estimation grounded in the meter's own history) and 1.1.33.
public enum MeterProfile {
    /// At least this many measured values per slot of the day on average, or no profile.
    public static let minimumMeasuredPerSlot = 2

    /// Mean of the `measured` values per slot over `days` (typically the previous 7 cleaned days).
    /// Days whose slot count differs from `slots` are ignored. A slot with no measured value takes the mean
    /// of all measured values. Returns nil when `slots` ≤ 0 or fewer than 2 × `slots` measured values exist.
    public static func build(from days: [MeterDay], slots: Int) -> [Double]? {
        guard slots > 0 else { return nil }
        var sum = [Double](repeating: 0, count: slots)
        var count = [Int](repeating: 0, count: slots)
        var total = 0.0, n = 0
        for day in days where day.values.count == slots && day.quality.count == slots {
            for i in 0..<slots where day.quality[i] == .measured && day.values[i].isFinite {
                sum[i] += day.values[i]
                count[i] += 1
                total += day.values[i]
                n += 1
            }
        }
        guard n >= minimumMeasuredPerSlot * slots else { return nil }
        let overall = total / Double(n)
        guard overall.isFinite else { return nil }
        var out = [Double](repeating: overall, count: slots)
        for i in 0..<slots where count[i] > 0 { out[i] = sum[i] / Double(count[i]) }
        guard out.allSatisfy(\.isFinite) else { return nil }
        return out
    }
}
