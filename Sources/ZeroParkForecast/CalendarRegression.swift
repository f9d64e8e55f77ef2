/// Regression load forecast on calendar features: one coefficient per (day class × time of day) cell —
/// day classes working (incl. adjusted working days), Saturday, and rest (Sunday or holiday) — plus a
/// linear trend in weeks, fitted by least squares on the last `trainingWeeks` weeks before the origin:
///
///     y_t = β_{class(t), slot(t)} + γ · (t − origin) / (steps per week) + ε_t
///
/// The normal equations are accumulated from the sparse features (two non-zeros per row) and solved by
/// Cholesky (`LeastSquares.normalEquations`). A cell with no observation in the window (e.g. no
/// Saturday) uses the working-day cell of the same slot; if the trend makes the system singular it is
/// dropped.
///
/// Serves STANDARD.md 1.1.37 (forecasting) and 1.1.20(b) (AI/big-data forecasting for storage dispatch:
/// here a transparent statistical model).
public struct CalendarRegressionForecaster: Forecaster {
    public let trainingWeeks: Int
    public let trend: Bool
    public let calendar: ForecastCalendar

    public init(trainingWeeks: Int = 8, trend: Bool = true, calendar: ForecastCalendar = ForecastCalendar()) throws(ForecastError) {
        guard (1...52).contains(trainingWeeks) else {
            throw .one("weeks_range", "trainingWeeks", "训练周数须在 1…52 内（现为 \(trainingWeeks)）",
                       "training weeks must be 1…52 (is \(trainingWeeks))")
        }
        self.trainingWeeks = trainingWeeks
        self.trend = trend
        self.calendar = calendar
    }

    public var name: String { "calendar regression (\(trainingWeeks) weeks\(trend ? ", trend" : ""))" }

    /// 0 working, 1 Saturday, 2 rest.
    func dayClass(_ day: Int) -> Int {
        switch calendar.dayType(dayNumber: day) {
        case .working, .adjustedWorking: 0
        case .saturday: 1
        case .sunday, .holiday: 2
        }
    }

    /// The fitted coefficients: `cells[class * stepsPerDay + slot]` (nil when unobserved) and the trend.
    public func fit(_ history: MeteredSeries, origin: Int) throws(ForecastError) -> (cells: [Double?], trendPerWeek: Double) {
        let perDay = history.stepsPerDay, perWeek = 7 * perDay
        let first = max(0, origin - trainingWeeks * perWeek)
        let end = min(origin, history.count)
        guard end - first >= perWeek else {
            throw ForecastInput.insufficient(history, needed: perWeek, origin: end, what: name, whatZh: "日历回归预测")
        }
        let cellCount = 3 * perDay
        var counts = [Int](repeating: 0, count: cellCount)
        var sumY = [Double](repeating: 0, count: cellCount), sumT = counts.map(Double.init)
        var sumTT = 0.0, sumTY = 0.0
        for i in first..<end {
            let c = dayClass(history.dayNumber(ofStep: i)) * perDay + history.slot(ofStep: i)
            let t = Double(i - origin) / Double(perWeek), y = history.values[i]
            counts[c] += 1
            sumY[c] += y
            sumT[c] += t
            sumTT += t * t
            sumTY += t * y
        }
        let observed = (0..<cellCount).filter { counts[$0] > 0 }
        var column = [Int](repeating: -1, count: cellCount)
        for (k, c) in observed.enumerated() { column[c] = k }
        func solve(withTrend: Bool) -> [Double]? {
            let n = observed.count + (withTrend ? 1 : 0)
            var g = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            var h = [Double](repeating: 0, count: n)
            for (k, c) in observed.enumerated() {
                g[k][k] = Double(counts[c])
                h[k] = sumY[c]
                if withTrend {
                    g[k][n - 1] = sumT[c]
                    g[n - 1][k] = sumT[c]
                }
            }
            if withTrend {
                g[n - 1][n - 1] = sumTT
                h[n - 1] = sumTY
            }
            return LeastSquares.normalEquations(g, h)
        }
        let beta: [Double], gamma: Double
        if trend, let b = solve(withTrend: true) {
            beta = Array(b.dropLast())
            gamma = b[b.count - 1]
        } else if let b = solve(withTrend: false) {
            beta = b
            gamma = 0
        } else {
            throw .one("singular_regression", "history.values", "日历回归无法求解（训练数据不足）",
                       "the calendar regression is singular (too little training data)")
        }
        return ((0..<cellCount).map { column[$0] >= 0 ? beta[column[$0]] : nil }, gamma)
    }

    public func forecast(_ history: MeteredSeries, origin: Int, steps: Int) throws(ForecastError) -> [Double] {
        try ForecastInput.check(history, origin: origin, steps: steps)
        let model = try fit(history, origin: origin)
        let perDay = history.stepsPerDay, perWeek = Double(7 * perDay)
        let observed = model.cells.compactMap { $0 }
        let mean = observed.isEmpty ? 0 : observed.reduce(0, +) / Double(observed.count)
        return (0..<steps).map { k in
            let i = origin + k, slot = history.slot(ofStep: i)
            let c = dayClass(history.dayNumber(ofStep: i))
            let level = model.cells[c * perDay + slot] ?? model.cells[slot] ?? mean
            return level + model.trendPerWeek * Double(k) / perWeek
        }
    }
}
