/// The sizing study of a scenario (`sizing:`): new PV (kWp) and a new battery (kWh and kW) as decision
/// variables on the scenario's own load, PV profile and tariff, with the costs the park supplies —
/// the reference data cites no PV or battery cost, O&M or lifetime, so each is required, never
/// defaulted. Run by `zeropark size`, `POST /api/v1/parks/{park}/dispatch/sizing` and the dispatch page.
///
/// Serves STANDARD.md 1.1.20(b)(c) (PV–storage sized on the same model as dispatch) and 1.1.5–1.1.6
/// (the neutrality plan's abatement rows for PV and storage come from this run).
public struct ScenarioSizing: Sendable, Hashable {
    public var discountRate: Double
    /// NPV period; nil: the longest lifetime among the sized assets.
    public var analysisYears: Double?
    public var pv: ScenarioPVCandidate?
    public var battery: ScenarioBatteryCandidate?
    /// First year the sized assets would run, for the plan measures written from the result; nil: the
    /// year after the horizon's start.
    public var startYear: Int?

    public init(discountRate: Double, analysisYears: Double? = nil, pv: ScenarioPVCandidate? = nil,
                battery: ScenarioBatteryCandidate? = nil, startYear: Int? = nil) {
        self.discountRate = discountRate
        self.analysisYears = analysisYears
        self.pv = pv
        self.battery = battery
        self.startYear = startYear
    }
}

/// New PV to size (`sizing.pv`): kWp bounds and unit costs. Its output per kWp is the scenario's own PV
/// series divided by the kWp that series was produced by (`pv.kwp`, or `reference_kwp` when the series
/// is in kW, e.g. from meters).
///
/// Serves STANDARD.md 1.1.20(b)(c).
public struct ScenarioPVCandidate: Sendable, Hashable {
    public var minKWp: Double
    public var maxKWp: Double
    public var capexCNYPerKWp: Double
    public var omCNYPerKWpYear: Double
    public var lifetimeYears: Double
    /// kWp behind a PV series given in kW (nil when the series is per kWp).
    public var referenceKWp: Double?

    public init(minKWp: Double = 0, maxKWp: Double, capexCNYPerKWp: Double, omCNYPerKWpYear: Double, lifetimeYears: Double,
                referenceKWp: Double? = nil) {
        self.minKWp = minKWp
        self.maxKWp = maxKWp
        self.capexCNYPerKWp = capexCNYPerKWp
        self.omCNYPerKWpYear = omCNYPerKWpYear
        self.lifetimeYears = lifetimeYears
        self.referenceKWp = referenceKWp
    }
}

/// A new battery to size (`sizing.battery`): energy and power bounds, costs per kWh and per kW, one
/// lifetime, the technology's efficiencies and state-of-charge window (fractions of the energy size),
/// cycle cost and an optional maximum C-rate.
///
/// Serves STANDARD.md 1.1.20(c)(e)(f).
public struct ScenarioBatteryCandidate: Sendable, Hashable {
    public var minKWh: Double
    public var maxKWh: Double
    public var minKW: Double
    public var maxKW: Double
    public var capexCNYPerKWh: Double
    public var omCNYPerKWhYear: Double
    public var capexCNYPerKW: Double
    public var omCNYPerKWYear: Double
    public var lifetimeYears: Double
    public var chargeEfficiency: Double
    public var dischargeEfficiency: Double
    public var minSoC: Double
    public var maxSoC: Double
    public var initialSoC: Double
    public var cycleCostCNYPerKWh: Double
    public var maxCRate: Double?

    public init(minKWh: Double = 0, maxKWh: Double, minKW: Double = 0, maxKW: Double, capexCNYPerKWh: Double, omCNYPerKWhYear: Double,
                capexCNYPerKW: Double, omCNYPerKWYear: Double, lifetimeYears: Double, chargeEfficiency: Double = 0.95,
                dischargeEfficiency: Double = 0.95, minSoC: Double = 0, maxSoC: Double = 1, initialSoC: Double? = nil,
                cycleCostCNYPerKWh: Double = 0, maxCRate: Double? = nil) {
        self.minKWh = minKWh
        self.maxKWh = maxKWh
        self.minKW = minKW
        self.maxKW = maxKW
        self.capexCNYPerKWh = capexCNYPerKWh
        self.omCNYPerKWhYear = omCNYPerKWhYear
        self.capexCNYPerKW = capexCNYPerKW
        self.omCNYPerKWYear = omCNYPerKWYear
        self.lifetimeYears = lifetimeYears
        self.chargeEfficiency = chargeEfficiency
        self.dischargeEfficiency = dischargeEfficiency
        self.minSoC = minSoC
        self.maxSoC = maxSoC
        self.initialSoC = initialSoC ?? minSoC
        self.cycleCostCNYPerKWh = cycleCostCNYPerKWh
        self.maxCRate = maxCRate
    }
}

/// The rolling-operation study of a scenario (`rolling:`): every `commitSteps` steps, forecast load and
/// PV day-ahead from the history before that moment, re-solve the dispatch LP over `horizonHours`,
/// commit the first steps and realise them against what was actually measured; then set the realised
/// cost against the perfect-foresight optimum and the no-battery baseline, and score the forecasts
/// against seasonal-naive (same hour last week) on the horizon's whole days. The scenario's load and PV
/// series then start `historyDays` before `horizon.start`: that history is what the forecasters learn
/// from, and nothing at or after a step's origin is used to forecast it.
///
/// Serves STANDARD.md 1.1.37 (modelling → forecasting → optimisation, run as the park would run it) and
/// 1.1.20(b)(e).
public struct ScenarioRolling: Sendable, Hashable {
    /// Load forecast method.
    public enum LoadMethod: String, Sendable, Hashable, CaseIterable {
        /// Mean of similar-day and calendar regression (ZeroPark's default).
        case ensemble
        case similarDay = "similar_day"
        case regression
        case seasonalNaive = "seasonal_naive"
    }
    /// PV forecast method.
    public enum PVMethod: String, Sendable, Hashable, CaseIterable {
        /// Clear-sky output at the site × the last days' cloudiness (needs `site`).
        case clearSky = "clear_sky"
        case seasonalNaive = "seasonal_naive"
    }
    public var horizonHours: Int
    public var commitSteps: Int
    public var historyDays: Int
    public var loadMethod: LoadMethod
    public var pvMethod: PVMethod
    /// Site latitude and longitude (degrees) for the clear-sky PV forecast.
    public var latitude: Double?
    public var longitude: Double?
    /// Days of cloudiness the clear-sky forecast averages.
    public var cloudinessDays: Int
    public var peakGuard: Bool

    public init(horizonHours: Int = 48, commitSteps: Int = 1, historyDays: Int = 56, loadMethod: LoadMethod = .ensemble,
                pvMethod: PVMethod = .clearSky, latitude: Double? = nil, longitude: Double? = nil, cloudinessDays: Int = 1,
                peakGuard: Bool = true) {
        self.horizonHours = horizonHours
        self.commitSteps = commitSteps
        self.historyDays = historyDays
        self.loadMethod = loadMethod
        self.pvMethod = pvMethod
        self.latitude = latitude
        self.longitude = longitude
        self.cloudinessDays = cloudinessDays
        self.peakGuard = peakGuard
    }

    /// Weeks of history the load forecasters use: up to 8 for regression, up to 4 for similar days.
    var regressionWeeks: Int { min(8, historyDays / 7) }
    var similarDayWeeks: Int { min(4, regressionWeeks) }

    /// The load forecast method as a reader names it.
    public func loadMethodName(chinese: Bool) -> String {
        let s = similarDayWeeks, w = regressionWeeks
        switch loadMethod {
        case .ensemble: return chinese ? "相似日（\(s) 周）与日历回归（\(w) 周，含趋势）的平均" : "mean of similar-day (\(s) weeks) and calendar regression (\(w) weeks, trend)"
        case .similarDay: return chinese ? "相似日（\(s) 周）" : "similar-day (\(s) weeks)"
        case .regression: return chinese ? "日历回归（\(w) 周，含趋势）" : "calendar regression (\(w) weeks, trend)"
        case .seasonalNaive: return Self.naiveName(chinese: chinese)
        }
    }

    /// The PV forecast method as a reader names it.
    public func pvMethodName(chinese: Bool) -> String {
        switch pvMethod {
        case .clearSky: return chinese ? "晴空出力 × 近 \(cloudinessDays) 天云量" : "clear-sky × cloudiness (\(cloudinessDays) d)"
        case .seasonalNaive: return Self.naiveName(chinese: chinese)
        }
    }

    public static func naiveName(chinese: Bool) -> String { chinese ? "季节朴素（上周同一时刻）" : "seasonal-naive (same hour last week)" }

    /// Planning windows from 6 h to a week.
    public static let horizonHoursRange = 6...168
    /// History from 1 to 8 weeks… to a year (similar-day and regression look back up to 8 weeks).
    public static let historyDaysRange = 7...366
}
