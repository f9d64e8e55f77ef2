/// The cost of one unit of a sized asset (per kWp of PV, per kWh or per kW of battery): capital cost,
/// fixed O&M per year and lifetime. All three are supplied by the user — the project's reference data
/// (shared/reference/china-reference-data.md) cites no PV or battery cost, O&M or lifetime, so there is
/// no default; a missing value is an input error naming the field.
///
/// Serves STANDARD.md 1.1.20(b)(c) (PV–storage sized with its cost) and the neutrality plan's
/// abatement-cost rows.
public struct CapitalCost: Sendable, Hashable {
    /// CNY per unit installed.
    public var capexPerUnit: Double?
    /// CNY per unit per year.
    public var omPerUnitYear: Double?
    /// Years (> 0, ≤ 100).
    public var lifetimeYears: Double?

    public init(capexPerUnit: Double?, omPerUnitYear: Double?, lifetimeYears: Double?) {
        self.capexPerUnit = capexPerUnit
        self.omPerUnitYear = omPerUnitYear
        self.lifetimeYears = lifetimeYears
    }

    /// Capital recovery factor CRF(r, n) = r(1+r)^n / ((1+r)^n − 1), and 1/n at r = 0: the constant
    /// annual payment that repays 1 CNY over n years at discount rate r.
    public static func capitalRecoveryFactor(rate r: Double, years n: Double) -> Double {
        if r == 0 { return 1 / n }
        let g = pow1p(r, n)
        return r * g / (g - 1)
    }

    /// Present value of 1 CNY a year for n years: (1 − (1+r)^−n) / r, and n at r = 0.
    public static func annuityFactor(rate r: Double, years n: Double) -> Double {
        r == 0 ? n : (1 - 1 / pow1p(r, n)) / r
    }

    /// (1 + r)^n for n ≥ 0 without Foundation (the module imports nothing): the integer part by repeated
    /// squaring, the fractional part by the binomial series (|r| ≤ 0.3, so it converges fast).
    static func pow1p(_ r: Double, _ n: Double) -> Double {
        let whole = Int(n), fraction = n - Double(whole)
        var result = 1.0, base = 1 + r, e = whole
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        if fraction > 0 {
            // (1+r)^f = Σ_k C(f, k) r^k
            var term = 1.0, sum = 1.0
            for k in 1..<60 {
                term *= (fraction - Double(k - 1)) / Double(k) * r
                sum += term
                if abs(term) < 1e-17 { break }
            }
            result *= sum
        }
        return result
    }
}

/// A lower and upper bound on a size (kWp, kWh or kW), 0 ≤ min ≤ max, finite.
///
/// Serves STANDARD.md 1.1.20(c) (sizes the user allows: roof area, site, budget).
public struct SizeBounds: Sendable, Hashable {
    public var min: Double
    public var max: Double

    public init(min: Double = 0, max: Double) {
        self.min = min
        self.max = max
    }
}

/// New PV to size: its output per kWp at each step (kW/kWp, e.g. measured PV ÷ installed kWp, or the
/// clear-sky model × cloudiness), the size bounds and the unit cost per kWp.
///
/// Serves STANDARD.md 1.1.20(c)(f) and 1.1.36 (own green supply first).
public struct PVCandidate: Sendable, Hashable {
    public var profileKWPerKWp: [Double]
    public var bounds: SizeBounds
    public var cost: CapitalCost

    public init(profileKWPerKWp: [Double], bounds: SizeBounds, cost: CapitalCost) {
        self.profileKWPerKWp = profileKWPerKWp
        self.bounds = bounds
        self.cost = cost
    }
}

/// A new battery to size: energy (kWh) and power (kW) as separate decisions, each with bounds and a unit
/// cost, the technology's efficiencies, usable state-of-charge window and start state as fractions of
/// the energy size (the end state must reach the start, as in dispatch), cycle cost, and an optional
/// maximum C-rate (kW ≤ rate × kWh).
///
/// Serves STANDARD.md 1.1.20(c)(e)(f).
public struct BatteryCandidate: Sendable, Hashable {
    public var energyBounds: SizeBounds
    public var powerBounds: SizeBounds
    public var energyCost: CapitalCost
    public var powerCost: CapitalCost
    public var chargeEfficiency: Double
    public var dischargeEfficiency: Double
    public var minSoCFraction: Double
    public var maxSoCFraction: Double
    public var initialSoCFraction: Double
    public var cycleCostPerKWh: Double
    public var maxCRate: Double?

    public init(energyBounds: SizeBounds, powerBounds: SizeBounds, energyCost: CapitalCost, powerCost: CapitalCost,
                chargeEfficiency: Double = 0.95, dischargeEfficiency: Double = 0.95, minSoCFraction: Double = 0,
                maxSoCFraction: Double = 1, initialSoCFraction: Double? = nil, cycleCostPerKWh: Double = 0,
                maxCRate: Double? = nil) {
        self.energyBounds = energyBounds
        self.powerBounds = powerBounds
        self.energyCost = energyCost
        self.powerCost = powerCost
        self.chargeEfficiency = chargeEfficiency
        self.dischargeEfficiency = dischargeEfficiency
        self.minSoCFraction = minSoCFraction
        self.maxSoCFraction = maxSoCFraction
        self.initialSoCFraction = initialSoCFraction ?? minSoCFraction
        self.cycleCostPerKWh = cycleCostPerKWh
        self.maxCRate = maxCRate
    }
}

/// A sizing question: the park's dispatch problem (load, existing PV, prices, demand charge, export,
/// import limit, grid factor; no existing battery, EV sessions or CHP), the candidates, the discount rate
/// (0…0.3, required) and the analysis period for NPV (default: the longest lifetime among the
/// candidates). Costs are annualised with each unit's capital recovery factor; the horizon should be a
/// full year — shorter horizons are scaled by 8,760 h / horizon.
///
/// Serves STANDARD.md 1.1.20(b)(c) (PV–storage sizing on the same model as dispatch) and the neutrality
/// plan's marginal-abatement-cost curve.
public struct SizingProblem: Sendable {
    public var dispatch: DispatchProblem
    public var pv: PVCandidate?
    public var battery: BatteryCandidate?
    public var discountRate: Double?
    public var analysisYears: Double?

    public init(dispatch: DispatchProblem, pv: PVCandidate? = nil, battery: BatteryCandidate? = nil,
                discountRate: Double?, analysisYears: Double? = nil) {
        self.dispatch = dispatch
        self.pv = pv
        self.battery = battery
        self.discountRate = discountRate
        self.analysisYears = analysisYears
    }

    /// Horizon hours / 8,760: the share of a year the dispatch covers.
    public var yearFraction: Double { Double(dispatch.stepCount) * dispatch.stepHours / 8_760 }
}
