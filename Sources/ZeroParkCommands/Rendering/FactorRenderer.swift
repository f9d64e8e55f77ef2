import ZeroParkCore
import ZeroParkReports

/// The factor library as text: a list with vintages, or one entry with its full citation.
struct FactorRenderer {
    let language: OutputLanguage
    var t: Strings { Strings(language: language.reportLanguage) }

    func list(_ factors: [LibraryFactor], fuels: [LibraryFuel], library: FactorLibrary) -> String {
        var out = t("ZeroPark 因子库 ", "ZeroPark factor library ") + library.version + "\n\n"
        var table = TextTable(headers: ["id", t("名称", "Name"), t("数值", "Value"), t("单位", "Unit"), t("年份", "Vintage"), t("出处", "Source")],
                              rightAligned: [2])
        for factor in factors {
            table.add([factor.id, language == .zh ? factor.nameZh : factor.nameEn, Quantity.format(factor.value),
                       factor.unitSymbol, factor.vintage.map(String.init) ?? "—", factor.citation.key])
        }
        if !factors.isEmpty { out += table.render() + "\n" }
        if !fuels.isEmpty {
            var fuelTable = TextTable(headers: ["id", t("燃料", "Fuel"), "NCV", "CC", "OF", t("折标系数", "Coal coeff."), t("出处", "Source")],
                                      rightAligned: [4])
            for fuel in fuels {
                fuelTable.add(["fuel.\(fuel.id)", language == .zh ? fuel.nameZh : fuel.nameEn,
                               "\(Quantity.format(fuel.ncv)) \(fuel.ncvUnit)", "\(Quantity.format(fuel.carbonContent)) \(fuel.carbonContentUnit)",
                               Quantity.format(fuel.oxidation), coalCoefficient(fuel),
                               fuel.citation.key])
            }
            out += fuelTable.render() + "\n"
        }
        out += "\(factors.count) " + t("个因子，", "factors, ") + "\(fuels.count) " + t("种燃料", "fuels") + "\n"
        return out
    }

    func show(_ vintages: [LibraryFactor]) -> String {
        guard let first = vintages.first else { return "" }
        var out = "\(first.id)\n  \(first.nameZh)\n  \(first.nameEn)\n  " + t("类别", "Kind") + ": \(first.kind.rawValue)\n"
        for factor in vintages {
            out += "\n  " + (factor.vintage.map { t("数据年份 ", "Data year ") + String($0) } ?? t("适用于所有年份", "Applies to every year"))
            out += ": \(Quantity.format(factor.value)) \(factor.unitSymbol)\n"
            out += "    " + t("出处", "Source") + " [\(factor.citation.key)]: \(factor.citation.document)\n"
            if let transcription = factor.citation.transcription { out += "    " + t("转录", "Transcribed from") + ": \(language == .zh ? factor.citation.transcriptionZh ?? transcription : transcription)\n" }
            if let url = factor.citation.url { out += "    URL: \(url)\n" }
            if let note = factor.note { out += "    " + t("说明", "Note") + ": \(note)\n" }
        }
        if vintages.count > 1 {
            out += "\n  " + t("核算期选用不晚于核算年份的最新数据年份。", "A period uses the newest data year not later than its own year.") + "\n"
        }
        return out
    }

    func show(_ fuel: LibraryFuel) -> String {
        var out = "fuel.\(fuel.id)\n  \(fuel.nameZh)\n  \(fuel.nameEn)\n"
        out += "  NCV (" + t("低位发热量", "net calorific value") + "): \(Quantity.format(fuel.ncv)) \(fuel.ncvUnit)\n"
        out += "  CC (" + t("单位热值含碳量", "carbon content") + "): \(Quantity.format(fuel.carbonContent)) \(fuel.carbonContentUnit)\n"
        out += "  OF (" + t("碳氧化率", "oxidation rate") + "): \(Quantity.format(fuel.oxidation))\n"
        out += "  " + t("折标准煤系数", "Standard-coal coefficient") + ": " + coalCoefficient(fuel) + "\n"
        out += "  " + t("公式", "Formula") + ": E = AD × NCV × CC × OF × 44/12 (GB/T 32150)\n"
        out += "  " + t("出处", "Source") + " [\(fuel.citation.key)]: \(fuel.citation.document)\n"
        if let transcription = fuel.citation.transcription { out += "    " + t("转录", "Transcribed from") + ": \(language == .zh ? fuel.citation.transcriptionZh ?? transcription : transcription)\n" }
        if let note = fuel.note { out += "    " + t("说明", "Note") + ": \(note)\n" }
        return out
    }

    /// The fuel's GB/T 2589 coefficient, or the NCV rule used when it has none.
    private func coalCoefficient(_ fuel: LibraryFuel) -> String {
        guard let value = fuel.coalCoefficient, let unit = fuel.coalCoefficientUnit else {
            return t("NCV ÷ 29.3076 GJ/tce", "NCV ÷ 29.3076 GJ/tce")
        }
        return "\(Quantity.format(value)) \(unit)"
    }
}
