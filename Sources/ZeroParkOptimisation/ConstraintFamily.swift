/// A named group of LP rows (or of variable upper bounds) that share one meaning, such as the energy
/// balance of every step or the state-of-charge recursion of the battery. Infeasibility is reported per
/// family, with its Chinese and English names, so that a user learns *which rule* cannot be met.
///
/// Serves STANDARD.md 1.1.37 (a microgrid run by modelling → forecasting → optimisation: a model that
/// cannot be solved says why) and 1.1.20(c) (PV–storage–charging dispatch).
public struct ConstraintFamily: Hashable, Sendable, CustomStringConvertible {
    /// Stable identifier (`energy_balance`), used in row names and JSON.
    public let key: String
    public let zh: String
    public let en: String

    public init(key: String, zh: String, en: String) {
        self.key = key
        self.zh = zh
        self.en = en
    }

    public var description: String { "\(zh) (\(en))" }

    public static func == (a: ConstraintFamily, b: ConstraintFamily) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// g + pv + d + chp = L + c + x + ev, every step.
    public static let energyBalance = ConstraintFamily(key: "energy_balance", zh: "电能平衡", en: "energy balance")
    /// s_t = s_{t-1} + h(ηc c_t − d_t/ηd).
    public static let batteryStateOfCharge = ConstraintFamily(
        key: "battery_soc", zh: "储能荷电状态", en: "battery state of charge")
    /// s_T ≥ (or =) the required end state of charge.
    public static let batteryEndState = ConstraintFamily(
        key: "battery_end_soc", zh: "储能期末荷电状态", en: "battery end state of charge")
    /// Export only from PV surplus, and within the export limit.
    public static let exportLimit = ConstraintFamily(key: "export_limit", zh: "上网电量限制", en: "export limit")
    /// peak_m ≥ g_t for the steps of month m.
    public static let demandPeak = ConstraintFamily(key: "demand_peak", zh: "月最大需量", en: "demand peak")
    /// Grid import within the connection's capacity (variable upper bounds).
    public static let importLimit = ConstraintFamily(key: "import_limit", zh: "购电容量限制", en: "import limit")
    /// Σ h·e_{k,t} = E_k over a charging session's window.
    public static let evEnergy = ConstraintFamily(key: "ev_energy", zh: "电动汽车充电需求", en: "EV charging energy")
    /// CHP heat + boiler heat ≥ heat demand.
    public static let heatBalance = ConstraintFamily(key: "heat_balance", zh: "热负荷平衡", en: "heat balance")
}

extension ConstraintFamily {
    /// pv_t ≤ existing P_t + r_t · S (sizing: PV used within the sized array's output).
    public static let pvAvailability = ConstraintFamily(key: "pv_available", zh: "光伏可用出力", en: "PV available output")
    /// c_t ≤ W and d_t ≤ W (sizing: battery power within the sized inverter).
    public static let batteryPower = ConstraintFamily(key: "battery_power", zh: "储能功率", en: "battery power")
    /// σmin·E ≤ s_t ≤ σmax·E and W ≤ rate·E (sizing: state of charge within the sized capacity).
    public static let batterySize = ConstraintFamily(key: "battery_size", zh: "储能容量", en: "battery capacity")
}
