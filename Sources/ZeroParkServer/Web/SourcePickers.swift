import ZeroParkCore
import ZeroParkStore

/// The choices offered beside the source form's free-text fields (issue #12 defect 8: fuel, factor, unit,
/// gas and enterprise typed by hand), as HTML `<datalist>`s: the library's and the park's fuels and
/// factors with their names, the activity units the library's factors and fuels are per, the gases with a
/// GWP, the GWP sets and the park's enterprises. The fields stay free text (a park may define its own),
/// and the server still checks what is sent.
enum SourcePickers {
    static func lists(library: FactorLibrary = .builtIn, parkFactors: [ParkFactor], parkFuels: [FuelDefinition],
                      enterprises: [Enterprise], chinese: Bool) -> [String: [[String: String]]] {
        func option(_ value: String, _ label: String) -> [String: String] { ["value": value, "label": label] }
        var seen = Set<String>()
        let factors = (parkFactors.map { option($0.id, $0.source) }
            + library.factors.filter { $0.kind != .gwp }.map { option($0.id, chinese ? $0.nameZh : $0.nameEn) })
            .filter { seen.insert($0["value"] ?? "").inserted }
        let fuels = parkFuels.map { option($0.id, $0.name) } + library.fuels.map { option($0.id, chinese ? $0.nameZh : $0.nameEn) }
        // Activity units: what the library's factors and fuel heating values are "per" (tCO2/MWh → MWh, GJ/t → t).
        var units: [String] = []
        for symbol in library.factors.filter({ $0.kind != .gwp }).map(\.unitSymbol) + library.fuels.map(\.ncvUnit) {
            guard let per = symbol.split(separator: "/").last.map(String.init), symbol.contains("/"), !units.contains(per) else { continue }
            units.append(per)
        }
        var gases: [[String: String]] = []
        for factor in library.factors where factor.kind == .gwp {
            let parts = factor.id.split(separator: ".", maxSplits: 2).map(String.init)
            guard parts.count == 3, !gases.contains(where: { $0["value"] == parts[2] }) else { continue }
            let name = (chinese ? factor.nameZh : factor.nameEn).components(separatedBy: chinese ? " 全球变暖潜势" : " GWP-100").first ?? parts[2]
            gases.append(option(parts[2], name))
        }
        return ["factors": factors, "fuels": fuels, "units": units.map { option($0, $0) }, "gases": gases,
                "gwpSets": FactorLibrary.gwpSets.map { option($0, "IPCC " + $0) }, "enterprises": enterprises.map { option($0.key, $0.name) }]
    }
}

/// The provinces of the factor library as `<select>` choices with their names (issue #12 defect 8:
/// the province was a free-text key): the park profile's province and an offset project's province.
enum ProvinceChoices {
    static func options(selected: String?, chinese: Bool, allowNone: Bool, noneLabel: String = "—",
                        library: FactorLibrary = .builtIn) -> [[String: Any]] {
        var options: [[String: Any]] = allowNone ? [["value": "", "label": noneLabel, "selected": (selected ?? "").isEmpty]] : []
        for area in library.gridAreas where area.isProvince {
            options.append(["value": area.key, "label": chinese ? area.nameZh : area.nameEn, "selected": area.key == selected])
        }
        // A stored key the library no longer knows stays selectable, so that saving does not change it silently.
        if let selected, !selected.isEmpty, !library.gridAreas.contains(where: { $0.key == selected && $0.isProvince }) {
            options.append(["value": selected, "label": selected, "selected": true])
        }
        return options
    }
}
