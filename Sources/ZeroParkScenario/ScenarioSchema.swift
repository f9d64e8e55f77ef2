import ZeroParkInput
import ZeroParkTariff

/// The JSON Schema of a scenario sent to the API (`POST /api/v1/parks/{park}/dispatch`), published in
/// the OpenAPI document and checked before `ScenarioReader` reads the body. The same keys as the YAML
/// file, except that a park-defined tariff (`tariff.definition`) and CSV files are command-line only:
/// the API takes built-in tariffs and series from the park's meters or inline `values`.
///
/// Serves STANDARD.md 1.1.2(d) (a published, exact interface) and 1.1.37.
public enum ScenarioSchema {
    static let periodPrices = Schema.object(nil, "CNY/kWh per TOU period", required: [],
                                            TariffPeriod.allCases.map { ($0.rawValue, Schema.number(TariffLimits.price)) })

    static func series(_ summary: String, perKWp: Bool) -> Schema {
        var properties: [(String, Schema)] = [
            ("values", .array(.number(SeriesCSV.valueRange), maxItems: TariffLimits.maxSteps, "One value per step")),
            ("meters", .array(.key(), maxItems: 50, "Meter keys of the park, summed and resampled to the step")),
            ("csv", Schema.string(.note, "Command line only: a CSV file beside the scenario (refused by the API)")),
            ("unit", .choice(SeriesUnit.allCases.filter { perKWp || !$0.perKWp }.map(\.rawValue), "Unit of values (not with meters)")),
        ]
        if perKWp {
            properties.append(("kwp", .number(above: 0, maximum: 1e7, "kWp the per-kWp series is scaled by")))
            properties.append(("scale", .number(0...1_000, "Multiplier on the PV series (default 1)")))
        }
        return .object(nil, summary + ": exactly one of values, meters", required: [], properties)
    }

    /// A built-in tariff and what the park supplies for it: the scenario's `tariff` section, and the body of
    /// `PUT /api/v1/parks/{park}/tariff`.
    public static let tariff: Schema = .object(nil, "A built-in tariff and what the park supplies for it", required: ["id"], [
        ("id", .choice(BuiltInTariffs.ids)),
        ("effective_from", .date("Required for tariffs whose date the reference lacks")),
        ("base_price_cny_per_kwh", .number(TariffLimits.price, "The base the ratios apply to (park supplied)")),
        ("user_class", Schema.string(.name)),
        ("period_prices_cny_per_kwh", periodPrices),
        ("funds_and_surcharges_cny_per_kwh", .number(TariffLimits.price)),
        ("demand_charge_cny_per_kw_month", .number(TariffLimits.demandCharge)),
        ("export", .object(nil, "Export terms from the park's contract", required: ["limit_kw"], [
            ("price_cny_per_kwh", .number(TariffLimits.price)),
            ("prices_cny_per_kwh", periodPrices),
            ("limit_kw", .number(TariffLimits.powerKW)),
            ("surplus_only", .boolean),
        ])),
        ("holiday_dates", .array(.date(), maxItems: 1_000)),
        ("critical_peak_days", .array(.date(), maxItems: 1_000)),
    ])

    public static let body = Schema.object(nil, "A dispatch scenario (docs/optimisation.md): tariff, horizon, series, assets, grid factor",
                                           required: ["zeropark_dispatch", "tariff", "horizon"], [
        ("zeropark_dispatch", .integer(1...1, "Format version: 1")),
        ("name", Schema.string(.name, "A name for the result")),
        ("tariff", tariff),
        ("horizon", .object(nil, "Start (CST date, 00:00), days or hours, 15- or 60-minute steps", required: ["start", "step_minutes"], [
            ("start", .date()),
            ("days", .integer(1...(ScenarioHorizon.maxHours / 24))),
            ("hours", .integer(1...ScenarioHorizon.maxHours)),
            ("step_minutes", .integer(15...60, "15 or 60")),
        ])),
        ("load", series("Site load", perKWp: false)),
        ("pv", series("PV available", perKWp: true)),
        ("meters", .object(nil, "Shorthand: load and PV from the park's meters", required: [], [
            ("load", .array(.key(), maxItems: 50)), ("pv", .array(.key(), maxItems: 50)),
        ])),
        ("battery", .object(nil, "Battery; SoC values are fractions of the capacity", required: ["capacity_kwh", "max_charge_kw", "max_discharge_kw"], [
            ("capacity_kwh", .number(above: 0, maximum: ScenarioReader.energyKWh.upperBound)),
            ("max_charge_kw", .number(above: 0, maximum: ScenarioReader.powerKW.upperBound)),
            ("max_discharge_kw", .number(above: 0, maximum: ScenarioReader.powerKW.upperBound)),
            ("charge_efficiency", .number(above: 0, maximum: 1)),
            ("discharge_efficiency", .number(above: 0, maximum: 1)),
            ("min_soc", .number(0...1)), ("max_soc", .number(0...1)), ("initial_soc", .number(0...1)),
            ("end_soc", .choice(["at_least_start", "equals_start"])),
            ("end_soc_min", .number(0...1)),
            ("cycle_cost_cny_per_kwh", .number(0...100, "Park supplied; 0 when absent")),
        ])),
        ("ev", .object(nil, "EV charging", required: [], [
            ("sessions", .array(.object(nil, nil, required: ["arrive", "depart", "energy_kwh", "max_power_kw"], [
                ("label", Schema.string(.name)), ("arrive", Schema.string(.name, "YYYY-MM-DD HH:MM CST")),
                ("depart", Schema.string(.name, "YYYY-MM-DD HH:MM CST")),
                ("energy_kwh", .number(ScenarioReader.energyKWh)), ("max_power_kw", .number(above: 0, maximum: ScenarioReader.powerKW.upperBound)),
            ]), maxItems: ScenarioReader.maxEVSessions)),
            ("fleets", .array(.object(nil, nil, required: ["arrive", "depart", "energy_kwh", "max_power_kw"], [
                ("label", Schema.string(.name)), ("arrive", Schema.string(.name, "HH:MM CST")), ("depart", Schema.string(.name, "HH:MM CST")),
                ("energy_kwh", .number(ScenarioReader.energyKWh)), ("max_power_kw", .number(above: 0, maximum: ScenarioReader.powerKW.upperBound)),
                ("days", .choice(["all", "weekdays"])),
            ]), maxItems: 100)),
        ])),
        ("chp", .object(nil, "Gas CHP with its heat demand", required: ["electric_capacity_kw", "electrical_efficiency", "heat_to_power_ratio",
                                                                     "gas_price_cny_per_kwh", "heat_demand"], [
            ("electric_capacity_kw", .number(above: 0, maximum: ScenarioReader.powerKW.upperBound)),
            ("electrical_efficiency", .number(above: 0, maximum: 1)),
            ("heat_to_power_ratio", .number(0...10)),
            ("gas_price_cny_per_kwh", .number(TariffLimits.price, "Park supplied, CNY per kWh of gas (LHV)")),
            ("heat_demand", series("Heat demand", perKWp: false)),
            ("boiler_efficiency", .number(above: 0, maximum: 1)),
            ("boiler_capacity_kw", .number(ScenarioReader.powerKW)),
        ])),
        ("grid", .object(nil, "Grid connection", required: [], [("import_limit_kw", .number(above: 0, maximum: ScenarioReader.powerKW.upperBound))])),
        ("carbon", .object(nil, "Grid factor (a library id such as grid.guangdong) and an optional carbon price", required: ["grid_factor"], [
            ("grid_factor", .key("Factor id of the library (GET /api/v1/factors)")),
            ("vintage", .integer(1990...2100)),
            ("price_cny_per_tonne", .number(0...100_000)),
        ])),
        ("sizing", .object(nil, "Sizing study (POST …/dispatch/sizing): every cost, lifetime and the discount rate supplied by the park",
                           required: ["discount_rate"], [
            ("discount_rate", .number(0...0.3)),
            ("analysis_years", .number(above: 0, maximum: 100)),
            ("start_year", .integer(2000...2100)),
            ("pv", .object(nil, "New PV; its per-kWp output is the scenario's PV series ÷ its kWp",
                           required: ["max_kwp", "capex_cny_per_kwp", "om_cny_per_kwp_year", "lifetime_years"], [
                ("min_kwp", .number(ScenarioReader.powerKW)), ("max_kwp", .number(above: 0, maximum: ScenarioReader.powerKW.upperBound)),
                ("capex_cny_per_kwp", .number(ScenarioStudiesReader.money)), ("om_cny_per_kwp_year", .number(ScenarioStudiesReader.money)),
                ("lifetime_years", .number(above: 0, maximum: 100)),
                ("reference_kwp", .number(above: 0, maximum: ScenarioReader.powerKW.upperBound, "kWp behind a PV series in kW (meters)")),
            ])),
            ("battery", .object(nil, "New battery; SoC values are fractions of the energy size",
                                required: ["max_kwh", "max_kw", "capex_cny_per_kwh", "om_cny_per_kwh_year", "capex_cny_per_kw",
                                           "om_cny_per_kw_year", "lifetime_years"], [
                ("min_kwh", .number(ScenarioReader.energyKWh)), ("max_kwh", .number(above: 0, maximum: ScenarioReader.energyKWh.upperBound)),
                ("min_kw", .number(ScenarioReader.powerKW)), ("max_kw", .number(above: 0, maximum: ScenarioReader.powerKW.upperBound)),
                ("capex_cny_per_kwh", .number(ScenarioStudiesReader.money)), ("om_cny_per_kwh_year", .number(ScenarioStudiesReader.money)),
                ("capex_cny_per_kw", .number(ScenarioStudiesReader.money)), ("om_cny_per_kw_year", .number(ScenarioStudiesReader.money)),
                ("lifetime_years", .number(above: 0, maximum: 100)),
                ("charge_efficiency", .number(above: 0, maximum: 1)), ("discharge_efficiency", .number(above: 0, maximum: 1)),
                ("min_soc", .number(0...1)), ("max_soc", .number(0...1)), ("initial_soc", .number(0...1)),
                ("cycle_cost_cny_per_kwh", .number(0...100)), ("max_c_rate", .number(above: 0, maximum: 100)),
            ])),
        ])),
        ("rolling", .object(nil, "Rolling-operation study (POST …/dispatch/rolling): the load and PV series start history_days before the horizon",
                            required: [], [
            ("horizon_hours", .integer(ScenarioRolling.horizonHoursRange)),
            ("commit_steps", .integer(1...672)),
            ("history_days", .integer(ScenarioRolling.historyDaysRange)),
            ("load_forecast", .choice(ScenarioRolling.LoadMethod.allCases.map(\.rawValue))),
            ("pv_forecast", .choice(ScenarioRolling.PVMethod.allCases.map(\.rawValue))),
            ("latitude", .number(-90...90)), ("longitude", .number(-180...180)),
            ("cloudiness_days", .integer(1...14)),
            ("peak_guard", .boolean),
        ])),
    ])
}
