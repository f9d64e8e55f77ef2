/// Similar-day load forecast: each step is the mean of the same time of day on the last `weeks`
/// similar days before the origin. Similar means: for a working day, the same weekday (a Tuesday from
/// the last N Tuesdays that were working days); for a Saturday or Sunday, the same weekday not a
/// holiday; for a holiday, the last N holidays or ordinary Sundays; for an adjusted working day (调休),
/// the last N working days. Holidays and adjusted days come from the caller's `ForecastCalendar`.
/// This is OpenEMS's "similar-day" predictor (mean of the same weekday over the last 4 weeks) made
/// holiday-aware. When no similar day is found within `lookbackDays`, it falls back to the value one
/// week earlier.
///
/// Serves STANDARD.md 1.1.37 (forecasting) and 1.1.20(b).
public struct SimilarDayForecaster: Forecaster {
    public let weeks: Int
    public let calendar: ForecastCalendar
    /// How far back to search for similar days.
    public var lookbackDays: Int { max(56, 21 * weeks) }

    public init(weeks: Int = 4, calendar: ForecastCalendar = ForecastCalendar()) throws(ForecastError) {
        guard (1...12).contains(weeks) else {
            throw .one("weeks_range", "weeks", "相似日周数须在 1…12 内（现为 \(weeks)）",
                       "number of weeks must be 1…12 (is \(weeks))")
        }
        self.weeks = weeks
        self.calendar = calendar
    }

    public var name: String { "similar-day (\(weeks) weeks)" }

    func isSimilar(_ candidate: Int, to target: Int) -> Bool {
        let a = calendar.dayType(dayNumber: target), b = calendar.dayType(dayNumber: candidate)
        switch a {
        case .working, .saturday, .sunday:
            return a == b && ForecastCalendar.weekday(dayNumber: candidate) == ForecastCalendar.weekday(dayNumber: target)
        case .holiday: return b == .holiday || b == .sunday
        case .adjustedWorking: return b == .working
        }
    }

    public func forecast(_ history: MeteredSeries, origin: Int, steps: Int) throws(ForecastError) -> [Double] {
        try ForecastInput.check(history, origin: origin, steps: steps)
        let perDay = history.stepsPerDay
        var out: [Double] = []
        out.reserveCapacity(steps)
        var cachedDay = Int.min, cachedDays: [Int] = []
        for k in 0..<steps {
            let target = origin + k
            let day = history.dayNumber(ofStep: target)
            let slot = history.slot(ofStep: target)
            if day != cachedDay {
                cachedDay = day
                cachedDays = []
                var d = day - 1
                while cachedDays.count < weeks, d >= day - lookbackDays {
                    if isSimilar(d, to: day) { cachedDays.append(d) }
                    d -= 1
                }
            }
            var sum = 0.0, n = 0
            for d in cachedDays {
                let i = history.step(atMidnightOf: d) + slot
                if i >= 0, i < origin { sum += history.values[i]; n += 1 }
            }
            if n > 0 {
                out.append(sum / Double(n))
            } else {
                var source = target - 7 * perDay
                while source >= origin { source -= 7 * perDay }
                guard source >= 0 else {
                    throw ForecastInput.insufficient(history, needed: 7 * perDay, origin: origin, what: name, whatZh: "相似日预测")
                }
                out.append(history.values[source])
            }
        }
        return out
    }
}
