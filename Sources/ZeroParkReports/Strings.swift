import ZeroParkCore

/// The language of human-readable output: Simplified Chinese first, English second.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en
}

/// The string catalogue shared by the command line, web pages and reports: Simplified Chinese
/// first, English second. `t("中文", "English")` picks by language.
public struct Strings: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    public func callAsFunction(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func system(_ system: EmissionSystem) -> String { language == .zh ? system.nameZh : system.nameEn }

    public func parkType(_ type: ParkType) -> String { language == .zh ? type.nameZh : type.nameEn }

    public func method(_ method: AccountingMethodKind) -> String {
        switch method {
        case .fuelCombustion: return self("燃料燃烧", "Fuel combustion")
        case .purchasedElectricity: return self("外购电力", "Purchased electricity")
        case .greenElectricity: return self("绿电", "Green electricity")
        case .onsiteRenewable: return self("自发自用可再生电力", "On-site renewable")
        case .purchasedHeat: return self("外购热力", "Purchased heat")
        case .refrigerantLeakage: return self("制冷剂逸散", "Refrigerant leakage")
        case .activityFactor: return self("活动数据×排放因子", "Activity × factor")
        case .exportedElectricity: return self("输出电力", "Exported electricity")
        case .exportedHeat: return self("输出热力", "Exported heat")
        }
    }

    public func category(_ category: EmissionCategory) -> String {
        switch category {
        case .energy: return self("能源活动", "Energy activity")
        case .industrialProcess: return self("工业生产过程", "Industrial process")
        case .other: return self("其他", "Other")
        }
    }

    /// Why an electricity line's counted figure uses its factor.
    public func marketBasis(_ basis: ElectricityAccount.MarketBasis) -> String {
        switch basis {
        case .residualMix: return self("剩余组合因子（市场法）", "Residual mix (market-based)")
        case .gridAverage: return self("电网平均因子", "Grid average")
        case .chosenGridFactor: return self("园区选定的电网因子", "Grid factor chosen by the park")
        case .explicitFactor: return self("指定因子", "Explicit factor")
        case .greenInstrument: return self("绿电（零排放）", "Green power (zero)")
        case .onsite: return self("自发自用（避免排放另报）", "On-site (avoided reported apart)")
        case .exported: return self("输出电力（扣减）", "Exported (deducted)")
        }
    }

    /// Why one electricity line's counted figure uses its factor, in words (the JSON keeps the English `rule`).
    public func electricityRule(_ line: ElectricityAccount, rules: AccountingRules) -> String {
        switch line.basis {
        case .residualMix:
            return self("园区在核算期内主张了绿电或绿证；按规则 market_basis = residual，其余电网电量使用剩余组合因子（生态环境部、国家统计局 2023 年电力二氧化碳排放因子公告）",
                        "The park claims green power; under market_basis = residual the rest of the grid power uses the residual mix (MEE/NBS 2023 factors)")
        case .gridAverage:
            return rules.marketBasis == .average
                ? self("按规则 market_basis = average，使用位置法平均因子", "market_basis = average: the location-based average")
                : self("园区未主张绿电或绿证，使用位置法平均因子", "The park claims no green power or certificates: the location-based average")
        case .chosenGridFactor:
            return self("园区选定的电网因子不是平均因子，按其性质用于市场法；位置法使用园区的平均因子",
                        "The grid factor the park chose is not an average: used as chosen; the location-based figure uses the park's average")
        case .explicitFactor:
            return self("使用排放源指定的因子", "The source's explicit factor")
        case .greenInstrument:
            return self("绿电交易电量：市场法为零；经电网输送，计入位置法合计",
                        "Green-power contract: zero market-based; grid-delivered, so in the location-based total")
        case .onsite:
            return self("自发自用：两种口径均无排放；电网等效排放作为避免排放单列",
                        "Self-consumed on-site generation: no emissions on either basis; the grid equivalent is reported apart as avoided")
        case .exported:
            return exportRule(rules.exportedEnergy)
        }
    }

    public func marketRule(_ basis: AccountingRules.MarketBasis) -> String {
        switch basis {
        case .residual: return self("剩余组合（主张绿电/绿证时，其余电网电量用剩余组合因子）",
                                    "Residual mix (when green power is claimed, other grid power uses the residual mix)")
        case .average: return self("电网平均因子", "Grid average")
        }
    }

    public func exportRule(_ rule: AccountingRules.ExportedEnergyRule) -> String {
        switch rule {
        case .netPurchase: return self("净购入（GB/T 32150，输出电力、热力扣减）", "Net purchase (GB/T 32150: exports deducted)")
        case .reportOnly: return self("仅记录，不扣减", "Recorded, not deducted")
        }
    }

    public func cleanEnergy(_ definition: AccountingRules.CleanEnergyDefinition) -> String {
        switch definition {
        case .nonFossil: return self("非化石能源（绿电、自发自用可再生电力、生物质燃料）", "Non-fossil (green, on-site renewable, biogenic fuels)")
        case .includingNaturalGas: return self("非化石能源＋天然气", "Non-fossil plus natural gas")
        }
    }

    public func indicatorBasis(_ basis: AccountingRules.IndicatorElectricityBasis) -> String {
        switch basis {
        case .market: return self("市场法（计入值）", "Market-based (counted)")
        case .location: return self("位置法", "Location-based")
        }
    }

    public func scaleClass(_ scale: NationalIndicator.ScaleClass) -> String {
        self(scale.labelZh, scale.labelEn)
    }

    public func sinkKind(_ kind: String) -> String {
        switch kind {
        case "greenery": return self("绿地碳汇", "Greenery")
        case "ccus": return self("碳捕集利用与封存", "CCUS")
        default: return kind
        }
    }

    public func offsetType(_ type: OffsetType) -> String {
        switch type {
        case .ccer: return "CCER"
        case .phcer: return self("PHCER 碳普惠", "PHCER")
        case .fundedProject: return self("出资减排项目", "Funded project")
        case .ownProject: return self("自建减排项目", "Own project")
        case .coDevelopedProject: return self("合作开发减排项目", "Co-developed project")
        }
    }

    public func yesNo(_ value: Bool) -> String { value ? self("是", "yes") : self("否", "no") }
}
