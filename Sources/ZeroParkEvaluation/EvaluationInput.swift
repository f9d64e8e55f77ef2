import ZeroParkCore

/// Which years an evaluation rests on (STANDARD.md 1.1.43): last year's data, or the average of the
/// last three years — always whole calendar years that ended before the evaluation date.
public enum EvaluationBasis: String, Sendable, Hashable, Codable {
    case lastYear = "last_year"
    case threeYearAverage = "three_year_average"

    /// The basis years for an evaluation on `date`: the calendar year(s) before it, oldest first.
    public func years(evaluatedOn date: CalendarDate) -> [Int] {
        self == .lastYear ? [date.year - 1] : [date.year - 3, date.year - 2, date.year - 1]
    }
}

/// One basis year as the evaluation reads it: the inventory's totals, whether its data were complete
/// enough for a verdict (`BalanceVerdict`), and the 910号 core indicator.
public struct YearResult: Sendable, Hashable {
    public var year: Int
    public var emissionsTco2: Double
    public var sequestrationTco2: Double
    public var offsetsTco2: Double
    /// Every source had data for the year (and no metered source fell below 90 % measured).
    public var complete: Bool
    public var indicator: Double?
    public var indicatorThreshold: Double?
    public var cleanShare: Double?

    public init(year: Int, emissionsTco2: Double, sequestrationTco2: Double, offsetsTco2: Double, complete: Bool,
                indicator: Double? = nil, indicatorThreshold: Double? = nil, cleanShare: Double? = nil) {
        self.year = year
        self.emissionsTco2 = emissionsTco2
        self.sequestrationTco2 = sequestrationTco2
        self.offsetsTco2 = offsetsTco2
        self.complete = complete
        self.indicator = indicator
        self.indicatorThreshold = indicatorThreshold
        self.cleanShare = cleanShare
    }

    /// The year of a computed inventory; `complete` as the balance verdict judged it.
    public init(_ inventory: Inventory, complete: Bool) {
        self.init(year: inventory.period.end.year, emissionsTco2: inventory.emissionsTco2, sequestrationTco2: inventory.sequestrationTco2,
                  offsetsTco2: inventory.offsetsTco2, complete: complete, indicator: inventory.indicator.value,
                  indicatorThreshold: inventory.indicator.threshold, cleanShare: inventory.indicator.cleanShare)
    }

    /// emissions − sequestration − offsets (1.1.2(a)).
    public var netTco2: Double { emissionsTco2 - sequestrationTco2 - offsetsTco2 }
}

/// The evaluator's answer to a checklist item that needs judgement (e.g. 1.1.41 compliance): passed or
/// not, the evidence looked at, and the finding in words.
public struct JudgementAnswer: Sendable, Hashable {
    public var passed: Bool
    public var evidence: String
    public var finding: String

    public init(passed: Bool, evidence: String, finding: String = "") {
        self.passed = passed
        self.evidence = evidence
        self.finding = finding
    }
}

/// Recorded evidence that another park adopted this park's neutrality solution (Table 1, 示范).
public struct SolutionAdoption: Sendable, Hashable {
    public var park: String
    public var parkType: ParkType
    public var evidence: String

    public init(park: String, parkType: ParkType, evidence: String) {
        self.park = park
        self.parkType = parkType
        self.evidence = evidence
    }
}

/// Everything an evaluation reads (issue #11 item 2; STANDARD.md 1.1.12, 1.1.41–1.1.43, Table 1).
public struct EvaluationInput: Sendable, Hashable {
    public var parkName: String
    public var parkType: ParkType
    /// The day the park began operating (its trial year starts no earlier).
    public var operationStart: CalendarDate
    public var evaluatedOn: CalendarDate
    public var basis: EvaluationBasis
    public var years: [Int: YearResult]
    /// Answers to the judgement items, by item id (`compliance`, `catalogue`).
    public var answers: [String: JudgementAnswer]
    public var adoptions: [SolutionAdoption]

    public init(parkName: String, parkType: ParkType, operationStart: CalendarDate, evaluatedOn: CalendarDate, basis: EvaluationBasis,
                years: [Int: YearResult], answers: [String: JudgementAnswer] = [:], adoptions: [SolutionAdoption] = []) {
        self.parkName = parkName
        self.parkType = parkType
        self.operationStart = operationStart
        self.evaluatedOn = evaluatedOn
        self.basis = basis
        self.years = years
        self.answers = answers
        self.adoptions = adoptions
    }

    /// The basis period: 1 January of the first basis year to 31 December of the last.
    public var basisPeriod: AccountingPeriod? {
        let years = basis.years(evaluatedOn: evaluatedOn)
        guard let first = years.first, let last = years.last,
              let start = CalendarDate(year: first, month: 1, day: 1), let end = CalendarDate(year: last, month: 12, day: 31) else { return nil }
        return AccountingPeriod(start: start, end: end)
    }
}
