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
        }
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
