import ZeroParkTariff

/// A dispatch scenario as the user wrote it, checked field by field (docs/optimisation.md "Scenario
/// format"): the tariff and what the park supplies for it, the horizon, the load and PV series and where
/// they come from, the battery, EV charging, an optional gas CHP, the grid factor and an optional carbon
/// price. Nothing here is a default price or factor: every number is the user's or cited.
///
/// Serves STANDARD.md 1.1.20(a)(b)(c)(e)(f), 1.1.23, 1.1.36 and 1.1.37 (the modelling step of the
/// modelling → forecasting → optimisation loop, written down so it can be rerun and reviewed).
public struct DispatchScenario: Sendable {
    public var name: String
    public var tariff: ScenarioTariff
    public var horizon: ScenarioHorizon
    public var load: SeriesSpec
    /// PV available; nil for a site without PV.
    public var pv: SeriesSpec?
    /// kWp the PV series is scaled by when its unit is per kWp.
    public var pvKWp: Double?
    /// Multiplier on the PV series (the page's "PV scale"); 1 by default.
    public var pvScale: Double
    public var battery: ScenarioBattery?
    public var evSessions: [ScenarioEVSession]
    public var evFleets: [ScenarioEVFleet]
    public var chp: ScenarioCHP?
    /// Grid connection limit on import, kW.
    public var importLimitKW: Double?
    public var carbon: ScenarioCarbon?
    /// The sizing study (`sizing:`), run by `zeropark size`; nil when the scenario has none.
    public var sizing: ScenarioSizing?
    /// The rolling-operation study (`rolling:`), run by `zeropark rolling`; with it the load and PV
    /// series start `rolling.historyDays` before the horizon.
    public var rolling: ScenarioRolling?

    public init(name: String, tariff: ScenarioTariff, horizon: ScenarioHorizon, load: SeriesSpec, pv: SeriesSpec? = nil,
                pvKWp: Double? = nil, pvScale: Double = 1, battery: ScenarioBattery? = nil, evSessions: [ScenarioEVSession] = [],
                evFleets: [ScenarioEVFleet] = [], chp: ScenarioCHP? = nil, importLimitKW: Double? = nil, carbon: ScenarioCarbon? = nil,
                sizing: ScenarioSizing? = nil, rolling: ScenarioRolling? = nil) {
        self.name = name
        self.tariff = tariff
        self.horizon = horizon
        self.load = load
        self.pv = pv
        self.pvKWp = pvKWp
        self.pvScale = pvScale
        self.battery = battery
        self.evSessions = evSessions
        self.evFleets = evFleets
        self.chp = chp
        self.importLimitKW = importLimitKW
        self.carbon = carbon
        self.sizing = sizing
        self.rolling = rolling
    }

    /// The span the load and PV series must cover: the horizon, extended back by the rolling study's
    /// history when there is one.
    public var seriesHorizon: ScenarioHorizon {
        guard let days = rolling?.historyDays, let first = CivilDate(dayNumber: horizon.start.dayNumber - days) else { return horizon }
        return ScenarioHorizon(start: first, hours: horizon.hours + days * 24, stepMinutes: horizon.stepMinutes)
    }

    /// Steps of history before the horizon in the load and PV series.
    public var historySteps: Int { seriesHorizon.stepCount - horizon.stepCount }
}

/// The tariff of a scenario: a built-in by id or a park-defined `TariffDefinition`, with the parameters
/// the park supplies (base price, user class, period prices, funds, demand charge, export terms,
/// holidays, designated critical-peak days).
///
/// Serves STANDARD.md 1.1.20(e) and 1.1.36.
public struct ScenarioTariff: Sendable {
    public enum Source: Sendable {
        case builtIn(id: String, effectiveFrom: CivilDate?)
        case definition(TariffDefinition)
    }
    public var source: Source
    public var parameters: TariffParameters

    public init(source: Source, parameters: TariffParameters) {
        self.source = source
        self.parameters = parameters
    }
}

/// The horizon: a CST start date (00:00), a length in hours and a step of 15 or 60 minutes.
///
/// Serves STANDARD.md 1.1.37.
public struct ScenarioHorizon: Sendable, Hashable {
    public var start: CivilDate
    public var hours: Int
    public var stepMinutes: Int

    public init(start: CivilDate, hours: Int, stepMinutes: Int) {
        self.start = start
        self.hours = hours
        self.stepMinutes = stepMinutes
    }

    public var stepCount: Int { hours * 60 / stepMinutes }
    public var stepHours: Double { Double(stepMinutes) / 60 }
    /// UTC seconds of the first step's start.
    public var startUTC: Int64 { TariffCalendar.instant(start) }
    /// UTC seconds of step `i`'s start.
    public func instant(ofStep i: Int) -> Int64 { startUTC + Int64(i * stepMinutes * 60) }

    /// Longest horizon: a leap year (8,784 h = 35,136 quarter hours), the LP's limit.
    public static let maxHours = 8_784
    public static let stepChoices = [15, 60]
}

/// Where a series comes from and in which unit its numbers are.
///
/// Serves STANDARD.md 1.1.37 (metered history and forecasts feed the optimisation) and 1.1.33 (data
/// quality: a missing metered value is refused, not invented).
public struct SeriesSpec: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// A CSV file, path relative to the scenario file.
        case csv(path: String)
        /// Numbers given inline (the API and the page).
        case values([Double])
        /// The park's meters, summed and resampled to the step (kWh meters to mean kW; kW meters averaged).
        case meters([String])
    }
    public var origin: Origin
    public var unit: SeriesUnit
    /// Field path of the spec (`load`, `pv`, `chp.heat_demand`) for messages.
    public var field: String

    public init(origin: Origin, unit: SeriesUnit, field: String) {
        self.origin = origin
        self.unit = unit
        self.field = field
    }
}

/// Unit of a series' numbers. Per-kWp units need the scenario's `pv.kwp`.
///
/// Serves STANDARD.md 1.1.37 (a series in the wrong unit is a clear error, never a silent factor of 4).
public enum SeriesUnit: String, Sendable, Hashable, CaseIterable {
    /// Mean power over the step.
    case kW = "kW"
    /// Energy in the step.
    case kWhPerStep = "kWh_per_step"
    /// Mean power per kWp installed.
    case kWPerKWp = "kW_per_kWp"
    /// Energy per kWp installed in the step.
    case kWhPerKWpPerStep = "kWh_per_kWp_per_step"

    var perKWp: Bool { self == .kWPerKWp || self == .kWhPerKWpPerStep }
    var energy: Bool { self == .kWhPerStep || self == .kWhPerKWpPerStep }
}

/// The battery as written: capacity, powers, efficiencies, SoC bounds and start/end as fractions of the
/// capacity, and a cycle cost the park supplies (0 when not given).
///
/// Serves STANDARD.md 1.1.20(e)(f).
public struct ScenarioBattery: Sendable, Hashable {
    public enum End: Sendable, Hashable {
        case atLeastStart, equalsStart
        case atLeast(fraction: Double)
    }
    public var capacityKWh: Double
    public var maxChargeKW: Double
    public var maxDischargeKW: Double
    public var chargeEfficiency: Double
    public var dischargeEfficiency: Double
    public var minSoC: Double
    public var maxSoC: Double
    public var initialSoC: Double
    public var end: End
    public var cycleCostCNYPerKWh: Double

    public init(capacityKWh: Double, maxChargeKW: Double, maxDischargeKW: Double, chargeEfficiency: Double = 0.95,
                dischargeEfficiency: Double = 0.95, minSoC: Double = 0, maxSoC: Double = 1, initialSoC: Double? = nil,
                end: End = .atLeastStart, cycleCostCNYPerKWh: Double = 0) {
        self.capacityKWh = capacityKWh
        self.maxChargeKW = maxChargeKW
        self.maxDischargeKW = maxDischargeKW
        self.chargeEfficiency = chargeEfficiency
        self.dischargeEfficiency = dischargeEfficiency
        self.minSoC = minSoC
        self.maxSoC = maxSoC
        self.initialSoC = initialSoC ?? minSoC
        self.end = end
        self.cycleCostCNYPerKWh = cycleCostCNYPerKWh
    }
}

/// One EV (or group) plugged in from `arrive` to `depart` (CST date and time), needing `energyKWh`.
///
/// Serves STANDARD.md 1.1.23.
public struct ScenarioEVSession: Sendable, Hashable {
    public var label: String
    /// Minutes from the horizon start.
    public var arriveMinute: Int
    public var departMinute: Int
    public var energyKWh: Double
    public var maxPowerKW: Double
    public var field: String
}

/// A fleet plugged in every day (or every weekday) of the horizon from `arrive` to `depart` (CST time of
/// day; a depart before arrive means the next morning), needing `energyKWh` each time: one session per day.
///
/// Serves STANDARD.md 1.1.23 (workplace and depot charging).
public struct ScenarioEVFleet: Sendable, Hashable {
    public var label: String
    public var arriveMinuteOfDay: Int
    public var departMinuteOfDay: Int
    public var energyKWh: Double
    public var maxPowerKW: Double
    public var weekdaysOnly: Bool
    public var field: String
}

/// A gas CHP unit with its heat demand series and the gas price the park pays (CNY per kWh of gas, LHV).
///
/// Serves STANDARD.md 1.1.20(a)(b).
public struct ScenarioCHP: Sendable, Hashable {
    public var electricCapacityKW: Double
    public var electricalEfficiency: Double
    public var heatToPowerRatio: Double
    public var heatDemand: SeriesSpec
    public var gasPriceCNYPerKWh: Double
    public var boilerEfficiency: Double?
    public var boilerCapacityKW: Double?
}

/// The grid factor (a library id, e.g. `grid.guangdong`, with its vintage) and an optional carbon price.
///
/// Serves STANDARD.md 1.1.2(b) (cited factors) and 1.1.19/1.1.36 (the CO2 of imported electricity).
public struct ScenarioCarbon: Sendable, Hashable {
    public var gridFactorID: String
    /// Data year of the factor; nil: the newest vintage not later than the horizon's year.
    public var vintage: Int?
    /// CNY per tCO2 in the objective; 0 when not given.
    public var priceCNYPerTonne: Double
}
