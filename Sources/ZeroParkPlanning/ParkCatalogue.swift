/// A park's own figures for one kind of measure in the catalogue (issue #10 item 2, "editable per
/// park"): the unit they are per (kWp, kWh, m², a project …), capital cost and O&M per unit, lifetime,
/// the saving fraction for measures that cut a share of their sources, a note, and — required — where
/// the figures come from (a quote, a supplier, a feasibility study). The built-in catalogue ships no
/// cost; these are the park's, and the plan page, the sizing form and the measure template show them
/// with their source.
///
/// Serves STANDARD.md 1.1.5–1.1.6 (measures chosen on the park's own costs) and 1.1.20.
public struct ParkCatalogueEntry: Sendable, Hashable {
    public var category: MeasureCategory
    public var unit: String
    public var capexCNYPerUnit: Double?
    public var opexCNYPerUnitYear: Double?
    public var lifetimeYears: Double?
    /// For `fraction` measures: the share of the acted-on sources it saves (0 < f ≤ 1).
    public var savingFraction: Double?
    public var note: String
    public var source: String

    public init(category: MeasureCategory, unit: String, capexCNYPerUnit: Double? = nil, opexCNYPerUnitYear: Double? = nil,
                lifetimeYears: Double? = nil, savingFraction: Double? = nil, note: String = "", source: String) {
        self.category = category
        self.unit = unit
        self.capexCNYPerUnit = capexCNYPerUnit
        self.opexCNYPerUnitYear = opexCNYPerUnitYear
        self.lifetimeYears = lifetimeYears
        self.savingFraction = savingFraction
        self.note = note
        self.source = source
    }

    /// Units a park may state its figures per.
    public static let units = ["kWp", "kWh", "kW", "m2", "t", "vehicle", "project"]

    /// Everything wrong with the entry, each naming its field (zh, en).
    public func problems() -> [(field: String, zh: String, en: String)] {
        var out: [(String, String, String)] = []
        if !Self.units.contains(unit) {
            out.append(("unit", "单位应为 \(Self.units.joined(separator: "、")) 之一", "unit must be one of \(Self.units.joined(separator: ", "))"))
        }
        for (field, value) in [("capex_cny_per_unit", capexCNYPerUnit), ("opex_cny_per_unit_year", opexCNYPerUnitYear)] {
            if let value, !(value.isFinite && PlanValidation.money.contains(value)) {
                out.append((field, "应在 \(PlanValidation.money.lowerBound)…\(PlanValidation.money.upperBound) 内", "must be within \(PlanValidation.money)"))
            }
        }
        if let life = lifetimeYears, !(life.isFinite && PlanValidation.lifetime.contains(life)) {
            out.append(("lifetime_years", "寿命应在 1…100 年内", "lifetime must be within 1…100 years"))
        }
        if let f = savingFraction, !(f.isFinite && f > 0 && f <= 1) {
            out.append(("saving_fraction", "节省比例应在 (0, 1] 内", "saving fraction must be within (0, 1]"))
        }
        if capexCNYPerUnit == nil && opexCNYPerUnitYear == nil && lifetimeYears == nil && savingFraction == nil {
            out.append(("capex_cny_per_unit", "至少给出一项数据（投资、运维、寿命或节省比例）", "give at least one figure (capex, O&M, lifetime or saving fraction)"))
        }
        if source.allSatisfy(\.isWhitespace) {
            out.append(("source", "须说明数据来源（报价、供应商、可研报告等）", "say where the figures come from (a quote, a supplier, a study)"))
        }
        if source.count > 1_000 || note.count > 1_000 {
            out.append((source.count > 1_000 ? "source" : "note", "最多 1000 个字符", "at most 1,000 characters"))
        }
        return out
    }
}
