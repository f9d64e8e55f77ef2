import ZeroParkCore

/// The inventory as CSV (RFC 4180): one row per source, sink and offset with its figures,
/// formula, calculation, factor and citation, then the totals. Numbers unrounded.
public struct InventoryCSVRenderer: Sendable {
    public let language: ReportLanguage
    var t: Strings { Strings(language: language) }

    public init(language: ReportLanguage) {
        self.language = language
    }

    public func render(_ inventory: Inventory) -> String {
        // One language per header (issue #12 defect 9); the cells keep their machine values (ids, codes, numbers).
        var rows: [[String]] = [[t("类别", "record"), t("编号", "id"), t("名称", "name"), t("系统/类型", "system_or_type"),
                                 t("方法", "method"), t("排放量 tCO2", "tco2"), t("位置法排放量 tCO2", "location_based_tco2"),
                                 t("生物质排放 tCO2", "biogenic_tco2"), t("占比", "share"),
                                 t("活动数据", "activity"), t("活动数据单位", "activity_unit"), t("公式", "formula"), t("计算", "calculation"),
                                 t("因子编号", "factor_id"), t("因子值", "factor_value"), t("因子单位", "factor_unit"), t("因子年份", "factor_vintage"),
                                 t("因子由园区覆盖", "factor_overridden"), t("因子出处", "factor_source"), t("数据来源", "data_source")]]
        for a in inventory.sources {
            let f = a.factor
            rows.append(["source", a.id, a.name, a.system.rawValue, a.method.rawValue, num(a.tco2), num(a.locationBasedTco2),
                         num(a.biogenicTco2), num(inventory.share(ofSource: a)), num(a.activity.total), a.activity.unit.symbol,
                         a.formula, a.calculation, f?.id ?? "", f.map { num($0.value) } ?? "", f?.unit.symbol ?? "",
                         f?.vintage.map(String.init) ?? "", f.map { $0.overridden ? "true" : "false" } ?? "",
                         f?.source ?? "", a.dataSource ?? ""])
        }
        // Combustion CH4/N2O (rule combustion_non_co2): a row per line that reports them, in tCO2e, not counted.
        for a in inventory.sources {
            guard let n = a.nonCO2 else { continue }
            rows.append(["source_non_co2", a.id, a.name, a.system.rawValue, a.method.rawValue, num(n.tco2e), "", "", "",
                         num(a.activity.total), a.activity.unit.symbol, CombustionNonCO2.formula, n.calculation,
                         "", "", "", "", "", n.parameters.map(\.id).joined(separator: " "), a.dataSource ?? ""])
        }
        for s in inventory.sinks {
            rows.append(["sink", s.id, s.name, s.kind, "", num(s.tco2), "", "", num(inventory.share(ofSink: s)), "", "",
                         s.formula, s.calculation, "", "", "", "", "", s.source ?? "", ""])
        }
        for o in inventory.offsets {
            rows.append(["offset", o.id, o.name, o.type.rawValue, o.counted ? "counted" : "not_counted", num(o.tco2), "", "", "",
                         "", "", "", o.reason, "", "", "", o.vintage.map(String.init) ?? "", "", o.registryRef ?? "", ""])
        }
        let totals: [(String, Double)] = [("emissions_tco2", inventory.emissionsTco2),
                                          ("emissions_location_based_tco2", inventory.locationBasedTco2),
                                          ("biogenic_tco2", inventory.biogenicTco2),
                                          ("sequestration_tco2", inventory.sequestrationTco2),
                                          ("offsets_tco2", inventory.offsetsTco2), ("net_tco2", inventory.netTco2),
                                          ("consumption_tce", inventory.consumptionTce),
                                          ("offsets_claimed_tco2", inventory.offsetsClaimedTco2),
                                          ("offset_surplus_tco2", inventory.offsetSurplusTco2)]
            + (inventory.reportsCombustionNonCO2
                ? [("combustion_ch4_tco2e", inventory.combustionCH4Tco2e), ("combustion_n2o_tco2e", inventory.combustionN2OTco2e),
                   ("combustion_non_co2_tco2e", inventory.combustionNonCO2Tco2e)]
                : [])
        for (key, value) in totals {
            rows.append(["total", key, "", "", "", num(value)] + Array(repeating: "", count: 14))
        }
        return CSVWriter.text(rows, bom: false, guardFormulas: false)
    }

    /// A number unrounded, in Swift's shortest round-trip form (`0.5`, `1e+17`, `5e-324`), which
    /// `Double(_:)` and spreadsheets read back exactly; NaN and ±infinity, which are not numbers to a
    /// reader, are "—" rather than "nan"/"inf" (an empty cell means "not applicable" here).
    private func num(_ value: Double) -> String { value.isFinite ? String(value) : "—" }
}
