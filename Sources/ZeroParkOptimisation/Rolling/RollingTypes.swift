/// The load and PV a rolling re-solve plans with: forecasts for the steps `origin ..< origin + steps`
/// (kW per step). Negative values are clamped to 0 before planning.
///
/// Serves STANDARD.md 1.1.37 (the forecasting → optimisation hand-over of the microgrid loop).
public struct RollingForecast: Sendable {
    public var loadKW: [Double]
    public var pvAvailableKW: [Double]

    public init(loadKW: [Double], pvAvailableKW: [Double]) {
        self.loadKW = loadKW
        self.pvAvailableKW = pvAvailableKW
    }
}

/// What was realised by rolling operation, per step, once the actual load and PV replaced the
/// forecasts: the battery follows the committed plan's charge/discharge set-points (adjusted only by the
/// optional peak guard of `RollingOperation`), and the grid absorbs the rest of the forecast error — import = max(0, net), export =
/// the rest of a surplus within the export rule (surplus-only: ≤ max(0, PV − load)), the remainder
/// curtailed.
///
/// Serves STANDARD.md 1.1.37 (the microgrid as actually run) and 1.1.20(c)(e)(f).
public struct RealisedSchedule: Sendable, Equatable {
    public var importKW: [Double] = []
    public var exportKW: [Double] = []
    public var chargeKW: [Double] = []
    public var dischargeKW: [Double] = []
    public var socKWh: [Double] = []
    public var pvCurtailedKW: [Double] = []
}

/// Rolling operation set against the perfect-foresight optimum and the no-battery baseline.
///
/// - `realised`: the cost of what rolling operation did, computed like the LP objective (energy +
///   carbon + demand on each month's realised maximum import − export revenue + cycle cost).
/// - `perfectForesight`: the single full-horizon LP with the actual load and PV.
/// - `baseline`: the same without the battery (nil when the problem has none).
/// - `costGap` = realised − perfect foresight (≥ 0 up to solver tolerance whenever the realised schedule
///   respects the import limit, since it is then feasible for the full LP).
///
/// Serves STANDARD.md 1.1.37 (the loop's result measured against its ideal) and 1.1.20(e).
public struct RollingReport: Sendable {
    public var realisedCost: DispatchCost
    public var realised: RealisedSchedule
    public var monthlyPeaks: [MonthlyPeak]
    public var perfectForesight: DispatchResult
    public var baseline: DispatchResult?
    /// Number of LP solves (re-plans).
    public var solves: Int
    /// Σ solver wall time reported by the solver (seconds).
    public var solverSeconds: Double
    /// Steps whose realised import exceeded `importLimitKW` (the forecast error pushed it over).
    public var importLimitExceededSteps: [Int]

    public var costGap: Double { realisedCost.total - perfectForesight.cost.total }
    /// costGap / perfect-foresight cost (nil when that is 0).
    public var relativeCostGap: Double? {
        perfectForesight.cost.total != 0 ? costGap / abs(perfectForesight.cost.total) : nil
    }
    /// Share of the perfect-foresight saving over the baseline that rolling operation captured
    /// ((baseline − realised) / (baseline − perfect foresight)); nil without a baseline or a saving.
    public var capturedSavingShare: Double? {
        guard let b = baseline else { return nil }
        let ideal = b.cost.total - perfectForesight.cost.total
        return ideal > 0 ? (b.cost.total - realisedCost.total) / ideal : nil
    }
}

/// Errors of rolling operation: a re-solve failed at a step, the forecast for an origin failed, or the
/// settings are wrong. Kept separate from `OptimisationError` so that type's cases stay unchanged.
///
/// Serves STANDARD.md 1.1.37 (a failing loop says where and why).
public enum RollingError: Error, Sendable, CustomStringConvertible {
    case invalidSettings([OptimisationInputProblem])
    /// The re-solve at step `origin` failed.
    case optimisation(origin: Int, OptimisationError)
    /// The forecast for `origin` failed; `message` is the forecaster's (zh / en) text.
    case forecast(origin: Int, message: String)

    public var description: String {
        switch self {
        case .invalidSettings(let p): p.map(\.description).joined(separator: "; ")
        case .optimisation(let origin, let e): "第 \(origin) 步滚动优化失败 / rolling re-solve at step \(origin) failed: \(e)"
        case .forecast(let origin, let m): "第 \(origin) 步预测失败 / forecast at step \(origin) failed: \(m)"
        }
    }
}
