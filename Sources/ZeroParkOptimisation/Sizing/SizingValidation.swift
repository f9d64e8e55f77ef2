/// Checks a `SizingProblem`: the dispatch problem (fields prefixed `dispatch.`), that at least one
/// candidate is given, every cost present (no defaults exist in the reference data), non-negative and
/// finite, lifetimes in (0, 100], the discount rate in [0, 0.3], bounds 0 ≤ min ≤ max finite, the PV
/// profile one non-negative value per step, battery fractions 0 ≤ min ≤ start ≤ max ≤ 1, efficiencies in
/// (0, 1], and no existing battery, EV sessions or CHP (not supported in sizing).
///
/// Serves STANDARD.md 1.1.20(b)(c) and 1.1.37 (bad inputs refused with the field named, zh first).
public enum SizingValidation {
    public static let maxDiscountRate = 0.3

    public static func problems(in s: SizingProblem) -> [OptimisationInputProblem] {
        var c = DispatchValidation.Collector()
        for p in DispatchValidation.problems(in: s.dispatch) {
            c.add(p.code, "dispatch." + p.field, p.zh, p.en)
        }
        if s.pv == nil && s.battery == nil {
            c.add("no_candidate", "pv", "至少需要一个待优化的光伏或储能", "give at least one PV or battery candidate to size")
        }
        if s.dispatch.battery != nil {
            c.add("sizing_unsupported", "dispatch.battery", "规模优化暂不支持已有储能（请用 battery 候选）",
                  "sizing does not take an existing battery yet (use the battery candidate)")
        }
        if !s.dispatch.evSessions.isEmpty {
            c.add("sizing_unsupported", "dispatch.evSessions", "规模优化暂不支持电动汽车充电会话", "sizing does not plan EV sessions yet")
        }
        if s.dispatch.chp != nil {
            c.add("sizing_unsupported", "dispatch.chp", "规模优化暂不支持热电联产", "sizing does not plan CHP yet")
        }
        if let r = s.discountRate {
            if !(r.isFinite && r >= 0 && r <= maxDiscountRate) {
                c.add("discount_rate_range", "discountRate", "折现率须在 0…0.3 内（现为 \(r)）", "discount rate must be within 0…0.3 (is \(r))")
            }
        } else {
            c.add("missing", "discountRate", "缺少折现率（参考数据未给出默认值）", "discount rate is missing (the reference data gives no default)")
        }
        if let n = s.analysisYears, !(n.isFinite && n > 0 && n <= 100) {
            c.add("lifetime_range", "analysisYears", "分析年限须在 (0, 100] 内（现为 \(n)）", "analysis period must be within (0, 100] years (is \(n))")
        }
        if let pv = s.pv {
            let n = s.dispatch.stepCount
            c.series("pv.profileKWPerKWp", pv.profileKWPerKWp, n, nonNegative: true)
            bounds("pv.bounds", pv.bounds, &c)
            cost("pv.cost", pv.cost, &c)
        }
        if let b = s.battery { battery(b, &c) }
        return c.problems
    }

    static func battery(_ b: BatteryCandidate, _ c: inout DispatchValidation.Collector) {
        bounds("battery.energyBounds", b.energyBounds, &c)
        bounds("battery.powerBounds", b.powerBounds, &c)
        cost("battery.energyCost", b.energyCost, &c)
        cost("battery.powerCost", b.powerCost, &c)
        c.efficiency("battery.chargeEfficiency", b.chargeEfficiency)
        c.efficiency("battery.dischargeEfficiency", b.dischargeEfficiency)
        c.scalar("battery.cycleCostPerKWh", b.cycleCostPerKWh, min: 0)
        let f = [b.minSoCFraction, b.initialSoCFraction, b.maxSoCFraction]
        if !(f.allSatisfy(\.isFinite) && 0 <= f[0] && f[0] <= f[1] && f[1] <= f[2] && f[2] <= 1 && f[2] > 0) {
            c.add("soc_window", "battery.maxSoCFraction",
                  "须满足 0 ≤ 最小 \(f[0]) ≤ 初始 \(f[1]) ≤ 最大 \(f[2]) ≤ 1 且最大 > 0",
                  "needs 0 ≤ min \(f[0]) ≤ start \(f[1]) ≤ max \(f[2]) ≤ 1 with max > 0")
        }
        if let rate = b.maxCRate, !(rate.isFinite && rate > 0) {
            c.add("c_rate", "battery.maxCRate", "最大倍率须为正（现为 \(rate)）", "maximum C-rate must be positive (is \(rate))")
        }
    }

    static func bounds(_ field: String, _ b: SizeBounds, _ c: inout DispatchValidation.Collector) {
        if !(b.min.isFinite && b.max.isFinite && 0 <= b.min && b.min <= b.max) {
            c.add("size_bounds", field, "须满足 0 ≤ 下限 \(b.min) ≤ 上限 \(b.max) 且为有限数",
                  "needs finite 0 ≤ min \(b.min) ≤ max \(b.max)")
        }
    }

    static func cost(_ field: String, _ k: CapitalCost, _ c: inout DispatchValidation.Collector) {
        for (name, value) in [("capexPerUnit", k.capexPerUnit), ("omPerUnitYear", k.omPerUnitYear)] {
            if let v = value { c.scalar(field + "." + name, v, min: 0) } else {
                c.add("missing", field + "." + name, "缺少该费用（参考数据未给出默认值）", "is missing (the reference data gives no default)")
            }
        }
        if let n = k.lifetimeYears {
            if !(n.isFinite && n > 0 && n <= 100) {
                c.add("lifetime_range", field + ".lifetimeYears", "寿命须在 (0, 100] 年内（现为 \(n)）", "lifetime must be within (0, 100] years (is \(n))")
            }
        } else {
            c.add("missing", field + ".lifetimeYears", "缺少寿命（参考数据未给出默认值）", "lifetime is missing (the reference data gives no default)")
        }
    }
}
