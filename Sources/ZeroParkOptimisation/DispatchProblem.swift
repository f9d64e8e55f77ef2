/// One dispatch question: a park's load, PV and prices over a horizon of equal steps, and the assets
/// that can be scheduled (battery, EV charging sessions, gas CHP), with the export rule, the monthly
/// demand charge and an optional carbon price. Prices are plain per-step arrays (CNY/kWh): the tariff
/// module turns a dated tariff into them. Powers are kW (average over the step), energies kWh.
///
/// Serves STANDARD.md 1.1.20(b)(c)(e)(f) (forecast-driven storage and CHP dispatch, PV–storage–charging
/// microgrid, peak–valley arbitrage, PV and batteries together), 1.1.23 (planned EV charging), 1.1.36
/// (own supply first) and 1.1.37 (the optimisation step).
public struct DispatchProblem: Sendable {
    /// Step length in minutes: 15 or 60.
    public var stepMinutes: Int
    /// Site load without EV charging, battery or CHP (kW per step).
    public var loadKW: [Double]
    /// PV power available (kW per step); the model may curtail it.
    public var pvAvailableKW: [Double]
    /// Import price (CNY/kWh per step), time-of-use or market.
    public var importPrice: [Double]
    /// Export price (CNY/kWh per step); ignored when `export` is nil.
    public var exportPrice: [Double]
    /// Month key of each step (e.g. 1…12 or yyyymm); the demand charge applies to each month's peak.
    public var monthOfStep: [Int]
    /// Demand (capacity) charge, CNY per kW of the month's maximum import; 0 for none.
    public var demandChargePerKWMonth: Double
    /// Grid connection limit on import (kW), or nil for none.
    public var importLimitKW: Double?
    public var battery: Battery?
    public var export: ExportRule?
    public var evSessions: [EVSession]
    public var chp: CombinedHeatAndPower?
    /// Grid emission factor, tCO2/MWh of imported electricity.
    public var gridFactorTonnesPerMWh: Double
    /// Carbon price, CNY/tCO2, applied to imported electricity in the objective; 0 for none.
    public var carbonPricePerTonne: Double
    /// Lower bound on a month's billed demand peak (kW) by month key, e.g. the peak already metered
    /// earlier in a partly elapsed month: peak_m ≥ floor_m. Used by rolling operation (1.1.37), where
    /// each re-solve sees only part of the month; months absent have no floor. Only matters when
    /// `demandChargePerKWMonth` > 0; the demand cost then includes the floor (δ · max(floor, peak)).
    public var demandPeakFloorKW: [Int: Double] = [:]

    public init(stepMinutes: Int, loadKW: [Double], pvAvailableKW: [Double], importPrice: [Double],
                exportPrice: [Double] = [], monthOfStep: [Int], demandChargePerKWMonth: Double = 0,
                importLimitKW: Double? = nil, battery: Battery? = nil, export: ExportRule? = nil,
                evSessions: [EVSession] = [], chp: CombinedHeatAndPower? = nil,
                gridFactorTonnesPerMWh: Double = 0, carbonPricePerTonne: Double = 0,
                demandPeakFloorKW: [Int: Double] = [:]) {
        self.stepMinutes = stepMinutes
        self.loadKW = loadKW
        self.pvAvailableKW = pvAvailableKW
        self.importPrice = importPrice
        self.exportPrice = exportPrice
        self.monthOfStep = monthOfStep
        self.demandChargePerKWMonth = demandChargePerKWMonth
        self.importLimitKW = importLimitKW
        self.battery = battery
        self.export = export
        self.evSessions = evSessions
        self.chp = chp
        self.gridFactorTonnesPerMWh = gridFactorTonnesPerMWh
        self.carbonPricePerTonne = carbonPricePerTonne
        self.demandPeakFloorKW = demandPeakFloorKW
    }

    public var stepCount: Int { loadKW.count }
    /// Step length h in hours.
    public var stepHours: Double { Double(stepMinutes) / 60 }
    /// Longest horizon accepted: a leap year (8,784 h, i.e. 35,136 quarter hours).
    public static let maxHorizonHours = 8_784
}

/// A stationary battery: power limits, efficiencies, usable state-of-charge window, start and end state,
/// and an optional cost per kWh discharged standing for degradation.
///
/// Serves STANDARD.md 1.1.20(e)(f) (storage on the peak–valley spread, controlled with PV).
public struct Battery: Sendable, Hashable {
    /// How the end state of charge is constrained. Serves STANDARD.md 1.1.20(e) (arbitrage must not
    /// drain the battery at the horizon's end).
    public enum EndCondition: Sendable, Hashable {
        /// s_T ≥ the start state (default: the battery is not drained to win money).
        case atLeastStart
        /// s_T = the start state.
        case equalsStart
        /// s_T ≥ this many kWh.
        case atLeast(Double)
    }

    public var capacityKWh: Double
    public var maxChargeKW: Double
    public var maxDischargeKW: Double
    /// ηc in (0, 1]: kWh stored per kWh drawn.
    public var chargeEfficiency: Double
    /// ηd in (0, 1]: kWh delivered per kWh taken from store.
    public var dischargeEfficiency: Double
    public var minSoCKWh: Double
    public var maxSoCKWh: Double
    public var initialSoCKWh: Double
    public var end: EndCondition
    /// CNY per kWh discharged (delivered), 0 for none.
    public var cycleCostPerKWh: Double

    public init(capacityKWh: Double, maxChargeKW: Double, maxDischargeKW: Double,
                chargeEfficiency: Double = 0.95, dischargeEfficiency: Double = 0.95,
                minSoCKWh: Double? = nil, maxSoCKWh: Double? = nil, initialSoCKWh: Double? = nil,
                end: EndCondition = .atLeastStart, cycleCostPerKWh: Double = 0) {
        self.capacityKWh = capacityKWh
        self.maxChargeKW = maxChargeKW
        self.maxDischargeKW = maxDischargeKW
        self.chargeEfficiency = chargeEfficiency
        self.dischargeEfficiency = dischargeEfficiency
        self.minSoCKWh = minSoCKWh ?? 0
        self.maxSoCKWh = maxSoCKWh ?? capacityKWh
        self.initialSoCKWh = initialSoCKWh ?? (minSoCKWh ?? 0)
        self.end = end
        self.cycleCostPerKWh = cycleCostPerKWh
    }

    /// The required end state in kWh and whether it is an equality.
    public var requiredEnd: (kWh: Double, exact: Bool) {
        switch end {
        case .atLeastStart: (initialSoCKWh, false)
        case .equalsStart: (initialSoCKWh, true)
        case .atLeast(let e): (e, false)
        }
    }
}

/// Whether and how the park may export to the grid.
///
/// Serves STANDARD.md 1.1.36 (own supply first; surplus sold under the grid's rules, 发改价格〔2025〕136号).
public struct ExportRule: Sendable, Hashable {
    /// Export limit at the connection point, kW.
    public var limitKW: Double
    /// Export only PV surplus: x_t ≤ max(0, P_t − L_t) and x_t ≤ pv_t, so neither the battery nor the
    /// grid can feed export (see `DispatchModelBuilder`).
    public var surplusOnly: Bool

    public init(limitKW: Double, surplusOnly: Bool = true) {
        self.limitKW = limitKW
        self.surplusOnly = surplusOnly
    }
}

/// A flexible EV charging need: a vehicle or a fleet that is plugged in from `arrivalStep` (inclusive) to
/// `departureStep` (exclusive) and needs `energyKWh` within that window, at most `maxPowerKW`.
///
/// Serves STANDARD.md 1.1.23 (new-energy vehicles with planned charging; PV–storage–charging carports).
public struct EVSession: Sendable, Hashable {
    public var arrivalStep: Int
    public var departureStep: Int
    public var energyKWh: Double
    public var maxPowerKW: Double
    public var label: String

    public init(arrivalStep: Int, departureStep: Int, energyKWh: Double, maxPowerKW: Double, label: String = "") {
        self.arrivalStep = arrivalStep
        self.departureStep = departureStep
        self.energyKWh = energyKWh
        self.maxPowerKW = maxPowerKW
        self.label = label
    }
}

/// A gas-fired combined heat and power unit serving a heat demand, with an optional gas boiler for the
/// rest. Fuel is priced per kWh of gas (lower heating value).
///
/// Serves STANDARD.md 1.1.20(a)(b) (gas CHP and combined cooling–heat–power optimal dispatch).
public struct CombinedHeatAndPower: Sendable, Hashable {
    public var electricCapacityKW: Double
    /// Electric kWh per kWh of fuel, in (0, 1].
    public var electricalEfficiency: Double
    /// Heat kWh recovered per electric kWh.
    public var heatToPowerRatio: Double
    /// Heat demand to cover (kW per step).
    public var heatDemandKW: [Double]
    /// CNY per kWh of fuel.
    public var gasPricePerKWh: Double
    /// Boiler efficiency in (0, 1], or nil when there is no boiler (CHP heat must cover the demand).
    public var boilerEfficiency: Double?
    /// Boiler heat capacity, kW (nil: unlimited).
    public var boilerCapacityKW: Double?

    public init(electricCapacityKW: Double, electricalEfficiency: Double, heatToPowerRatio: Double,
                heatDemandKW: [Double], gasPricePerKWh: Double, boilerEfficiency: Double? = 0.9,
                boilerCapacityKW: Double? = nil) {
        self.electricCapacityKW = electricCapacityKW
        self.electricalEfficiency = electricalEfficiency
        self.heatToPowerRatio = heatToPowerRatio
        self.heatDemandKW = heatDemandKW
        self.gasPricePerKWh = gasPricePerKWh
        self.boilerEfficiency = boilerEfficiency
        self.boilerCapacityKW = boilerCapacityKW
    }
}
