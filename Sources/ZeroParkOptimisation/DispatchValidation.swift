/// Checks a `DispatchProblem` before a model is built: series lengths, finite and non-negative values,
/// efficiencies in (0, 1], consistent state-of-charge window, EV windows inside the horizon. Each problem
/// names its field; at most `maxProblems` are returned, one per series.
///
/// Serves STANDARD.md 1.1.37 (the optimisation loop refuses bad data) and 1.1.2(e).
public enum DispatchValidation {
    public static let maxProblems = 20

    public static func problems(in p: DispatchProblem) -> [OptimisationInputProblem] {
        var c = Collector()
        let n = p.stepCount
        if p.stepMinutes != 15 && p.stepMinutes != 60 {
            c.add("step_minutes", "stepMinutes", "步长须为 15 或 60 分钟（现为 \(p.stepMinutes)）",
                  "step must be 15 or 60 minutes (is \(p.stepMinutes))")
        }
        let maxSteps = DispatchProblem.maxHorizonHours * 60 / max(p.stepMinutes, 1)
        if n == 0 {
            c.add("empty_horizon", "loadKW", "负荷序列为空", "load series is empty")
        } else if p.stepMinutes > 0, n > maxSteps {
            c.add("horizon_too_long", "loadKW", "时段数 \(n) 超过上限 \(maxSteps)（8,784 小时）",
                  "\(n) steps exceed the limit of \(maxSteps) (8,784 hours)")
        }
        c.series("loadKW", p.loadKW, n, nonNegative: true)
        c.series("pvAvailableKW", p.pvAvailableKW, n, nonNegative: true)
        c.series("importPrice", p.importPrice, n, nonNegative: false)
        if p.monthOfStep.count != n {
            c.length("monthOfStep", p.monthOfStep.count, n)
        }
        c.scalar("demandChargePerKWMonth", p.demandChargePerKWMonth, min: 0)
        if let limit = p.importLimitKW { c.scalar("importLimitKW", limit, min: 0) }
        c.scalar("gridFactorTonnesPerMWh", p.gridFactorTonnesPerMWh, min: 0)
        c.scalar("carbonPricePerTonne", p.carbonPricePerTonne, min: 0)
        for (month, floor) in p.demandPeakFloorKW.sorted(by: { $0.key < $1.key }) {
            c.scalar("demandPeakFloorKW[\(month)]", floor, min: 0)
        }
        if let b = p.battery { battery(b, &c) }
        if let e = p.export {
            c.scalar("export.limitKW", e.limitKW, min: 0)
            c.series("exportPrice", p.exportPrice, n, nonNegative: false)
        }
        for (k, s) in p.evSessions.enumerated() {
            let f = "evSessions[\(k)]"
            if s.arrivalStep < 0 || s.departureStep > n || s.arrivalStep >= s.departureStep {
                c.add("ev_window", f, "充电窗口 [\(s.arrivalStep), \(s.departureStep)) 须在 [0, \(n)) 内且非空",
                      "charging window [\(s.arrivalStep), \(s.departureStep)) must be non-empty within [0, \(n))")
            }
            c.scalar(f + ".energyKWh", s.energyKWh, min: 0)
            c.scalar(f + ".maxPowerKW", s.maxPowerKW, min: 0)
        }
        if let h = p.chp { chp(h, n, &c) }
        return c.problems
    }

    static func battery(_ b: Battery, _ c: inout Collector) {
        c.scalar("battery.capacityKWh", b.capacityKWh, min: 0)
        c.scalar("battery.maxChargeKW", b.maxChargeKW, min: 0)
        c.scalar("battery.maxDischargeKW", b.maxDischargeKW, min: 0)
        c.efficiency("battery.chargeEfficiency", b.chargeEfficiency)
        c.efficiency("battery.dischargeEfficiency", b.dischargeEfficiency)
        c.scalar("battery.cycleCostPerKWh", b.cycleCostPerKWh, min: 0)
        c.scalar("battery.minSoCKWh", b.minSoCKWh, min: 0)
        c.scalar("battery.maxSoCKWh", b.maxSoCKWh, min: 0)
        c.scalar("battery.initialSoCKWh", b.initialSoCKWh, min: 0)
        if case .atLeast(let e) = b.end { c.scalar("battery.end", e, min: 0) }
        if b.minSoCKWh > b.maxSoCKWh || b.maxSoCKWh > b.capacityKWh {
            c.add("soc_window", "battery.maxSoCKWh",
                  "须满足 0 ≤ 最小荷电 \(b.minSoCKWh) ≤ 最大荷电 \(b.maxSoCKWh) ≤ 容量 \(b.capacityKWh) kWh",
                  "needs 0 ≤ min SoC \(b.minSoCKWh) ≤ max SoC \(b.maxSoCKWh) ≤ capacity \(b.capacityKWh) kWh")
        } else if b.initialSoCKWh < b.minSoCKWh || b.initialSoCKWh > b.maxSoCKWh {
            c.add("initial_soc", "battery.initialSoCKWh",
                  "初始荷电 \(b.initialSoCKWh) kWh 不在 [\(b.minSoCKWh), \(b.maxSoCKWh)] 内",
                  "initial SoC \(b.initialSoCKWh) kWh is outside [\(b.minSoCKWh), \(b.maxSoCKWh)]")
        }
    }

    static func chp(_ h: CombinedHeatAndPower, _ n: Int, _ c: inout Collector) {
        c.scalar("chp.electricCapacityKW", h.electricCapacityKW, min: 0)
        c.efficiency("chp.electricalEfficiency", h.electricalEfficiency)
        c.scalar("chp.heatToPowerRatio", h.heatToPowerRatio, min: 0)
        c.scalar("chp.gasPricePerKWh", h.gasPricePerKWh, min: 0)
        c.series("chp.heatDemandKW", h.heatDemandKW, n, nonNegative: true)
        if let e = h.boilerEfficiency { c.efficiency("chp.boilerEfficiency", e) }
        if let cap = h.boilerCapacityKW { c.scalar("chp.boilerCapacityKW", cap, min: 0) }
    }

    /// Accumulates problems up to `maxProblems`.
    struct Collector {
        var problems: [OptimisationInputProblem] = []

        mutating func add(_ code: String, _ field: String, _ zh: String, _ en: String) {
            if problems.count < DispatchValidation.maxProblems {
                problems.append(OptimisationInputProblem(code: code, field: field, zh: zh, en: en))
            }
        }

        mutating func length(_ field: String, _ found: Int, _ expected: Int) {
            add("series_length", field, "长度为 \(found)，应与负荷序列相同（\(expected) 个时段）",
                "has \(found) values, expected \(expected) (one per step, like the load)")
        }

        /// Length, then the first non-finite or negative value.
        mutating func series(_ field: String, _ xs: [Double], _ n: Int, nonNegative: Bool) {
            guard xs.count == n else { return length(field, xs.count, n) }
            if let i = xs.firstIndex(where: { !$0.isFinite }) {
                add("not_finite", "\(field)[\(i)]", "不是有限数（\(xs[i])）", "is not a finite number (\(xs[i]))")
            } else if nonNegative, let i = xs.firstIndex(where: { $0 < 0 }) {
                add("negative", "\(field)[\(i)]", "不能为负（\(xs[i])）", "must not be negative (\(xs[i]))")
            }
        }

        mutating func scalar(_ field: String, _ x: Double, min: Double) {
            if !x.isFinite {
                add("not_finite", field, "不是有限数（\(x)）", "is not a finite number (\(x))")
            } else if x < min {
                add("negative", field, "不能小于 \(min)（现为 \(x)）", "must be at least \(min) (is \(x))")
            }
        }

        mutating func efficiency(_ field: String, _ x: Double) {
            if !(x.isFinite && x > 0 && x <= 1) {
                add("efficiency_range", field, "效率须在 (0, 1] 内（现为 \(x)）", "efficiency must be in (0, 1] (is \(x))")
            }
        }
    }
}
