/// The schedule of one solved dispatch model, per step (kW averages over the step; SoC in kWh at the
/// end of the step).
///
/// Serves STANDARD.md 1.1.20(c)(e)(f) (the PV–storage–charging plan to execute) and 1.1.37.
public struct DispatchSchedule: Sendable, Equatable {
    public var importKW: [Double]
    public var pvUsedKW: [Double]
    public var pvCurtailedKW: [Double]
    public var exportKW: [Double]
    public var chargeKW: [Double]
    public var dischargeKW: [Double]
    /// State of charge at the end of each step; zeros when the model has no battery (the baseline).
    public var socKWh: [Double]
    /// Total EV charging (flexible or, in the baseline, uncontrolled).
    public var evKW: [Double]
    /// Per EV session, the charging power over its window (`arrivalStep..<departureStep`).
    public var evSessionKW: [[Double]]
    public var chpElectricKW: [Double]
    public var boilerHeatKW: [Double]
}

/// Cost of a schedule by component (CNY over the horizon). `total` = energy + demand − exportRevenue +
/// cycle + fuel + carbon, which equals the LP objective.
///
/// Serves STANDARD.md 1.1.20(e) (the peak–valley saving made visible) and 1.1.36.
public struct DispatchCost: Sendable, Equatable {
    public var energy: Double
    public var demand: Double
    public var exportRevenue: Double
    public var cycle: Double
    public var fuel: Double
    public var carbon: Double

    public init(energy: Double, demand: Double, exportRevenue: Double, cycle: Double, fuel: Double, carbon: Double) {
        self.energy = energy
        self.demand = demand
        self.exportRevenue = exportRevenue
        self.cycle = cycle
        self.fuel = fuel
        self.carbon = carbon
    }

    public var total: Double { energy + demand - exportRevenue + cycle + fuel + carbon }
}

/// One month's maximum import (kW), the quantity the demand charge applies to.
///
/// Serves STANDARD.md 1.1.20(e).
public struct MonthlyPeak: Sendable, Equatable {
    public var month: Int
    public var peakKW: Double

    public init(month: Int, peakKW: Double) {
        self.month = month
        self.peakKW = peakKW
    }
}

/// A solved dispatch: schedule, costs and the indicators reports need.
///
/// Serves STANDARD.md 1.1.19 and 1.1.36 (own green power first: PV self-consumption), 1.1.20(e)(f) and
/// 1.1.37.
public struct DispatchResult: Sendable {
    public var schedule: DispatchSchedule
    public var cost: DispatchCost
    /// The solver's objective (CNY); equals `cost.total` within solver tolerance.
    public var objective: Double
    public var monthlyPeaks: [MonthlyPeak]
    public var importKWh: Double
    public var exportKWh: Double
    public var pvAvailableKWh: Double
    public var pvUsedKWh: Double
    /// Share of the PV used that stayed on site: (pv used − export) / pv used; 0 without PV.
    public var pvSelfConsumptionShare: Double
    /// Battery equivalent full cycles: kWh discharged / capacity.
    public var batteryCycles: Double
    /// Gas burnt by CHP and boiler, kWh of fuel.
    public var fuelKWh: Double
    /// tCO2 of imported electricity (import MWh × grid factor).
    public var importTonnesCO2: Double
    public var solverIterations: Int
    public var solverSeconds: Double
}

/// The optimised dispatch beside the no-storage, no-flexibility baseline.
///
/// Serves STANDARD.md 1.1.20(e)(f) (saving from storage and PV together), 1.1.23 and 1.1.37.
public struct DispatchReport: Sendable {
    public var optimised: DispatchResult
    public var baseline: DispatchResult

    public init(optimised: DispatchResult, baseline: DispatchResult) {
        self.optimised = optimised
        self.baseline = baseline
    }
    /// Baseline total cost − optimised total cost (CNY).
    public var saving: Double { baseline.cost.total - optimised.cost.total }
    /// tCO2 of imported electricity avoided against the baseline.
    public var avoidedTonnesCO2: Double { baseline.importTonnesCO2 - optimised.importTonnesCO2 }
}
