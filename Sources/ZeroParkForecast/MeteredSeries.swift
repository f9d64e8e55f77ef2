/// A metered (or forecast) series of equal steps: average kW (or any quantity) per step, the first
/// step starting at `startUTC` (seconds since 1970-01-01 UTC; calendar in CST, UTC+8). Steps are 15 or
/// 60 minutes and aligned to the step in CST.
///
/// Serves STANDARD.md 1.1.37 (the metered history the forecasts are made from) and 1.1.20(b).
public struct MeteredSeries: Sendable, Equatable {
    public let startUTC: Int64
    public let stepMinutes: Int
    public let values: [Double]

    /// Validates step length, alignment and that every value is finite (gaps must be filled first —
    /// the telemetry layer's job); names the first bad value.
    public init(startUTC: Int64, stepMinutes: Int, values: [Double]) throws(ForecastError) {
        var problems: [ForecastProblem] = []
        if stepMinutes != 15 && stepMinutes != 60 {
            problems.append(ForecastProblem(code: "step_minutes", field: "stepMinutes",
                                            zh: "步长须为 15 或 60 分钟（现为 \(stepMinutes)）",
                                            en: "step must be 15 or 60 minutes (is \(stepMinutes))"))
        } else if startUTC % Int64(stepMinutes * 60) != 0 {
            problems.append(ForecastProblem(code: "start_alignment", field: "startUTC",
                                            zh: "起始时刻 \(startUTC) 未对齐到 \(stepMinutes) 分钟",
                                            en: "start \(startUTC) is not aligned to \(stepMinutes) minutes"))
        }
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            problems.append(ForecastProblem(code: "not_finite", field: "values[\(i)]",
                                            zh: "不是有限数（\(values[i])），须先补齐缺测",
                                            en: "is not a finite number (\(values[i])); fill gaps first"))
        }
        if !problems.isEmpty { throw .invalidInput(problems) }
        self.startUTC = startUTC
        self.stepMinutes = stepMinutes
        self.values = values
    }

    public var count: Int { values.count }
    public var stepsPerDay: Int { 1_440 / stepMinutes }
    public var stepHours: Double { Double(stepMinutes) / 60 }

    /// UTC start of step `i` (any integer, also beyond the data).
    public func time(ofStep i: Int) -> Int64 { startUTC + Int64(i) * Int64(stepMinutes * 60) }
    /// CST day number of step `i`.
    public func dayNumber(ofStep i: Int) -> Int { ForecastCalendar.dayNumber(utc: time(ofStep: i)) }
    /// Index of step `i` within its CST day, 0 ..< stepsPerDay.
    public func slot(ofStep i: Int) -> Int { ForecastCalendar.secondOfDay(utc: time(ofStep: i)) / (stepMinutes * 60) }
    /// Index of the step starting at CST midnight of `day` (may be negative or past the end).
    public func step(atMidnightOf day: Int) -> Int {
        Int((Int64(day) * 86_400 - ForecastCalendar.offsetSeconds - startUTC) / Int64(stepMinutes * 60))
    }
}
