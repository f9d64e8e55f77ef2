/// Where a built-in number comes from: the document, how it reached us and how sure we are.
/// Every library entry has one (STANDARD.md 1.1.2(b), 1.1.2(e); DESIGN.md "Factors are data with citations").
public struct Citation: Hashable, Sendable, Codable {
    /// Short key of the source in `shared/reference/china-reference-data.md` (e.g. `S-MEE23`).
    public let key: String
    /// The document, as a reader would look it up.
    public let document: String
    /// Where the figure was read, when not from the official text itself.
    public let transcription: String?
    public let url: String?
    /// The transcription note in Chinese, for Chinese pages (issue #12 defect 4); not part of the JSON.
    public let transcriptionZh: String?

    enum CodingKeys: String, CodingKey { case key, document, transcription, url }

    public init(key: String, document: String, transcription: String? = nil, transcriptionZh: String? = nil, url: String? = nil) {
        self.key = key
        self.document = document
        self.transcription = transcription
        self.transcriptionZh = transcriptionZh
        self.url = url
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        document = try container.decode(String.self, forKey: .document)
        let english = try container.decodeIfPresent(String.self, forKey: .transcription)
        transcription = english
        url = try container.decodeIfPresent(String.self, forKey: .url)
        transcriptionZh = english.flatMap { english in Sources.all.first { $0.transcription == english }?.transcriptionZh }
    }

    /// The line in a page's language: on a Chinese page the transcription note in Chinese (the document
    /// keeps its own title, in the language it was published in).
    public func text(chinese: Bool) -> String {
        guard chinese, let transcription, let transcriptionZh else { return text }
        return text.replacingOccurrences(of: transcription, with: transcriptionZh)
    }

    /// A factor's source line as an inventory records it (`FactorUse.source`, the citation's `text`) in a
    /// page's language: each built-in transcription note it contains in Chinese on a Chinese page. A park's
    /// own source line is left as the park wrote it.
    public static func localized(_ line: String, chinese: Bool) -> String {
        guard chinese else { return line }
        return Sources.all.reduce(line) { text, citation in
            guard let english = citation.transcription, let chinese = citation.transcriptionZh, text.contains(english) else { return text }
            return text.replacingOccurrences(of: english, with: chinese)
        }
    }

    /// One line: the document, then how it was transcribed.
    public var text: String {
        var parts = [document]
        if let transcription { parts.append(transcription) }
        if let url { parts.append(url) }
        return parts.joined(separator: "; ")
    }
}

/// The citations used by the built-in library.
enum Sources {
    /// Every citation below (their Chinese transcription notes are looked up here).
    static let all: [Citation] = [mee21, mee22, mee23, provincial21, provincial22, provincial23, regional21, powerSector, heat, fuels,
                                  gbt2589, gasFieldCoal, ipcc2006Fuels, ipcc2006StationaryNonCO2, ar6FossilMethane, ar4, ar5, ar6]

    static let mee21 = Citation(
        key: "S-MEE21",
        document: "生态环境部 国家统计局 公告2024年第12号《关于发布2021年电力二氧化碳排放因子的公告》(2024-04-12)",
        transcription: "values as reprinted by szcbn.com/newsinfo/7157203.html and daydaynews.cc",
        transcriptionZh: "数值据 szcbn.com/newsinfo/7157203.html 与 daydaynews.cc 转载")
    static let mee22 = Citation(
        key: "S-MEE22",
        document: "生态环境部 国家统计局《关于发布2022年电力二氧化碳排放因子的公告》(2024-12-20)",
        transcription: "announcement text reprinted at theclergymen.com/tanguwen/2024/1231/110116.html",
        transcriptionZh: "公告全文转载于 theclergymen.com/tanguwen/2024/1231/110116.html")
    static let mee23 = Citation(
        key: "S-MEE23",
        document: "生态环境部 国家统计局《关于发布2023年电力二氧化碳排放因子的公告》(2025-12)",
        transcription: "figures as reported by Guangming Daily (163.com/dy/article/KIQVBKCG05567I2C.html)",
        transcriptionZh: "数值据光明日报报道（163.com/dy/article/KIQVBKCG05567I2C.html）",
        url: "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk01/202512/W020251231726284332528.pdf")
    static let provincial21 = Citation(
        key: "S-GH-P22",
        document: "生态环境部 国家统计局 公告2024年第12号 (2021年省级电力平均二氧化碳排放因子)",
        transcription: "single code-table transcription (moderate confidence, reference sheet §1.4)",
        transcriptionZh: "单一代码表转录（可信度中等，参考资料表 §1.4）")
    static let provincial22 = Citation(
        key: "S-GH-P22",
        document: "生态环境部 国家统计局《关于发布2022年电力二氧化碳排放因子的公告》(2024-12-20) 省级电力平均二氧化碳排放因子",
        transcription: "two independent code-table transcriptions that agree with each other and with the extremes quoted in the announcement",
        transcriptionZh: "两份独立的代码表转录，彼此一致，且与公告所引的最大、最小值一致")
    static let provincial23 = Citation(
        key: "S-GH-P23",
        document: "生态环境部 国家统计局《关于发布2023年电力二氧化碳排放因子的公告》(2025-12) 省级电力平均二氧化碳排放因子",
        transcription: "three independent code-table transcriptions that agree",
        transcriptionZh: "三份独立的代码表转录，彼此一致",
        url: "https://www.mee.gov.cn/xxgk2018/xxgk/xxgk01/202512/W020251231726284332528.pdf")
    static let regional21 = Citation(
        key: "S-GH-P22",
        document: "生态环境部 国家统计局 公告2024年第12号 (2021年区域电网平均二氧化碳排放因子)",
        transcription: "code-table transcription; 南方 2021 cross-checked by news (reference sheet §1.3)",
        transcriptionZh: "代码表转录；南方电网 2021 年数值经新闻报道核对（参考资料表 §1.3）")
    static let powerSector = Citation(
        key: "S-GRID0.5703",
        document: "生态环境部《关于做好2023—2025年发电行业企业温室气体排放报告管理有关工作的通知》(2023-02)",
        transcription: "as reported by tanpaifang.com/tanguwen/2023/0215/94510.html",
        transcriptionZh: "据 tanpaifang.com/tanguwen/2023/0215/94510.html 报道")
    static let heat = Citation(
        key: "GB/T 32150—2025",
        document: "GB/T 32150—2025《工业企业温室气体排放核算和报告通则》§7.5.6–7.5.7 热力缺省值 0.11 tCO2/GJ",
        transcription: "secondary transcription of the standard (reference sheet §2); same default as the NDRC sector guidelines",
        transcriptionZh: "标准的二手转录（参考资料表 §2）；与国家发展改革委行业核算指南的缺省值相同")
    static let fuels = Citation(
        key: "S-BOOK118",
        document: "各种能源折标准煤及碳排放参考系数 (NCV and kgce from GB/T 2589《综合能耗计算通则》; CC and OF from the provincial GHG inventory guidelines)",
        transcription: "compiled table at max.book118.com/html/2020/1123/8133103033003020.shtm; arithmetic checked in reference sheet §3.2",
        transcriptionZh: "汇编表见 max.book118.com/html/2020/1123/8133103033003020.shtm；算术已在参考资料表 §3.2 核对")
    static let gbt2589 = Citation(
        key: "GB/T 2589",
        document: "GB/T 2589—2020《综合能耗计算通则》附录A: 电力当量值 0.1229 kgce/kWh; 热力 0.03412 kgce/MJ; 1 kgce = 29 307 kJ",
        transcription: "nimonik.com.cn FAQ B7013 (GB/T 2589-2008) and code citing GB/T 2589-2020 (reference sheet §3.3)",
        transcriptionZh: "nimonik.com.cn 常见问题 B7013（GB/T 2589-2008）及引用 GB/T 2589-2020 的代码（参考资料表 §3.3）")
    static let gasFieldCoal = Citation(
        key: "GB/T 2589",
        document: "GB/T 2589《综合能耗计算通则》附录A 气田天然气 1.2143 kgce/m3 (油田天然气 1.3300 kgce/m3)",
        transcription: "secondary: reference sheet §3.2 (public code comment) and three independent code copies that agree, one citing GB/T 2589—2008 (ammonia-plant energy report: \"气田天然气：1.2143kgce/Nm3，参见《综合能耗计算通则》(GB/T2589—2008)\"), one listing 油田天然气 1.3300 and 气田天然气 1.2143 kgce/m3, one 12.143 tce/10^4 m3; the NCV of 气田天然气 was not found (UNCONFIRMED)",
        transcriptionZh: "二手来源：参考资料表 §3.2（公开代码注释）及三份彼此一致的独立代码副本，其一引用 GB/T 2589—2008（某合成氨厂能源报告：\"气田天然气：1.2143kgce/Nm3，参见《综合能耗计算通则》(GB/T2589—2008)\"），其一列出油田天然气 1.3300、气田天然气 1.2143 kgce/m3，其一为 12.143 tce/10^4 m3；未找到气田天然气的低位发热量（未确认）")
    /// IPCC 2006 Tier 1 fuel defaults, read from the IPCC Emission Factor Database export.
    static let ipcc2006Fuels = Citation(
        key: "IPCC-2006-V2C1",
        document: "2006 IPCC Guidelines for National Greenhouse Gas Inventories, Vol.2 Energy, Ch.1: Table 1.2 (NCV, TJ/Gg), Table 1.3 (carbon content, kgC/GJ), Table 1.4 (oxidation factor 1)",
        transcription: "IPCC Emission Factor Database (EFDB), 2006 IPCC defaults exported 2023-09-05, as stored in github.com/Open-Earth-Foundation/CityCatalyst app/seed-data/emissions_factors/data_raw/EFDB_2006_IPCC_guidelines/EFDB_2006_IPCC_guidelines.xlsx (commit 1c750733); EFDB EF IDs in each entry's note",
        transcriptionZh: "IPCC 排放因子数据库（EFDB）2006 年 IPCC 缺省值，2023-09-05 导出，存于 github.com/Open-Earth-Foundation/CityCatalyst app/seed-data/emissions_factors/data_raw/EFDB_2006_IPCC_guidelines/EFDB_2006_IPCC_guidelines.xlsx（提交 1c750733）；各条目的说明中列出 EFDB 因子编号",
        url: "https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/2_Volume2/V2_1_Ch1_Introduction.pdf")
    /// IPCC 2006 default CH4 and N2O factors for stationary combustion in manufacturing industries.
    static let ipcc2006StationaryNonCO2 = Citation(
        key: "IPCC-2006-V2T2.3",
        document: "2006 IPCC Guidelines for National Greenhouse Gas Inventories, Vol.2 Energy, Ch.2 Stationary Combustion, Table 2.3: default CH4 and N2O emission factors for stationary combustion in manufacturing industries and construction (kg/TJ on a net calorific basis)",
        transcription: "IPCC Emission Factor Database (EFDB), 2006 IPCC defaults exported 2023-09-05, as stored in github.com/Open-Earth-Foundation/CityCatalyst app/seed-data/emissions_factors/data_raw/EFDB_2006_IPCC_guidelines/EFDB_2006_IPCC_guidelines.xlsx (commit 1c750733), rows whose source is \"Volume 2: Energy, Table 2.3\"; EFDB EF IDs in each entry's note",
        transcriptionZh: "IPCC 排放因子数据库（EFDB）2006 年 IPCC 缺省值，2023-09-05 导出，存于 github.com/Open-Earth-Foundation/CityCatalyst app/seed-data/emissions_factors/data_raw/EFDB_2006_IPCC_guidelines/EFDB_2006_IPCC_guidelines.xlsx（提交 1c750733），取来源为 \"Volume 2: Energy, Table 2.3\" 的行；各条目的说明中列出 EFDB 因子编号",
        url: "https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/2_Volume2/V2_2_Ch2_Stationary_Combustion.pdf")
    static let ar6FossilMethane = Citation(
        key: "IPCC-AR6",
        document: "IPCC AR6 WG1 (2021) Ch.7 Table 7.15, 100-year GWP: CH4 fossil 29.8, CH4 non-fossil 27.0",
        transcription: "as tabulated in reference sheet §4 (public code citing Table 7.15)",
        transcriptionZh: "据参考资料表 §4 整理（引用 Table 7.15 的公开代码）")
    static let ar4 = Citation(
        key: "IPCC-AR4",
        document: "IPCC AR4 WG1 (2007) Ch.2 Table 2.14, 100-year GWP",
        transcription: "as tabulated in reference sheet §4 (gcam-core A41.GWP.csv and others)",
        transcriptionZh: "据参考资料表 §4 整理（gcam-core A41.GWP.csv 等）")
    static let ar5 = Citation(
        key: "IPCC-AR5",
        document: "IPCC AR5 WG1 (2013) Ch.8 Table 8.A.1, 100-year GWP",
        transcription: "as tabulated in reference sheet §4 (ZNIT-Tech GWP.md and others)",
        transcriptionZh: "据参考资料表 §4 整理（ZNIT-Tech GWP.md 等）")
    static let ar6 = Citation(
        key: "IPCC-AR6",
        document: "IPCC AR6 WG1 (2021) Ch.7 Table 7.15 / Table 7.SM.7, 100-year GWP",
        transcription: "as tabulated in reference sheet §4",
        transcriptionZh: "据参考资料表 §4 整理")
}
