/// The mean of several forecasters' outputs (a simple ensemble, e.g. similar-day and calendar
/// regression), step by step.
///
/// Serves STANDARD.md 1.1.37 (forecasting).
public struct MeanForecaster: Forecaster {
    public let members: [any Forecaster]

    public init(_ members: [any Forecaster]) throws(ForecastError) {
        guard !members.isEmpty else {
            throw .one("empty_ensemble", "members", "组合预测至少需要一个成员", "an ensemble needs at least one member")
        }
        self.members = members
    }

    public var name: String { "mean of " + members.map(\.name).joined(separator: " and ") }

    public func forecast(_ history: MeteredSeries, origin: Int, steps: Int) throws(ForecastError) -> [Double] {
        var sum = [Double](repeating: 0, count: steps)
        for m in members {
            let f = try m.forecast(history, origin: origin, steps: steps)
            for i in 0..<steps { sum[i] += f[i] }
        }
        return sum.map { $0 / Double(members.count) }
    }
}
