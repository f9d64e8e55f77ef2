extension BuiltInTariffs {
    /// Jiangsu 分时电价, 苏发改价格发〔2025〕426号, industrial and commercial users.
    ///
    /// Serves STANDARD.md 1.1.20(e)/1.1.36/1.1.37. Summer and winter (Jun–Aug, Dec–Feb): peak 14–22, flat 6–11,
    /// 13–14 and 22–24, valley 0–6 and 11–13. Spring and autumn: peak 15–22, flat 6–10, 14–15 and 22–02, valley
    /// 2–6 and 10–14. Peak uplift +80 % (two-part), +70 % (single-part ≥ 100 kVA), +60 % (single-part < 100 kVA,
    /// who may opt in); valley −65 %; on the user's purchase price, which the park supplies. The reference files
    /// give no effective date, so the park supplies it (from its bill).
    public static func jiangsu426(effectiveFrom: CivilDate) -> Tariff {
        Tariff(
            id: jiangsu426ID,
            name: "江苏省分时电价（苏发改价格发〔2025〕426号）/ Jiangsu time-of-use tariff",
            versions: [
                TariffVersion(
                    effectiveFrom: effectiveFrom,
                    citation: TariffCitation(
                        document: "苏发改价格发〔2025〕426号",
                        title: "江苏省工商业分时电价政策（标题未在参考资料中记录 / title not captured）",
                        urls: [],
                        confirmed: [],
                        unconfirmed: [
                            "时段与比价据参考资料 monitoring-tariffs-evaluation §3 的转述 / periods and uplifts as restated in the evaluation §3 (secondary)",
                            "执行日期未记录，由园区提供 / effective date not captured; supplied by the park",
                            "未记录尖峰或深谷规则 / no critical-peak or deep-valley rule captured",
                            "基准为用户购电价格 / the base is the user's purchase price",
                        ]),
                    seasons: [
                        TariffSeason(name: "summer_winter", months: [1, 2, 6, 7, 8, 12], spans: [
                            PeriodSpan(.valley, MinuteSpan(hours: 0, 6)),
                            PeriodSpan(.flat, MinuteSpan(hours: 6, 11)),
                            PeriodSpan(.valley, MinuteSpan(hours: 11, 13)),
                            PeriodSpan(.flat, MinuteSpan(hours: 13, 14)),
                            PeriodSpan(.peak, MinuteSpan(hours: 14, 22)),
                            PeriodSpan(.flat, MinuteSpan(hours: 22, 24)),
                        ]),
                        TariffSeason(name: "spring_autumn", months: [3, 4, 5, 9, 10, 11], spans: [
                            PeriodSpan(.flat, MinuteSpan(hours: 0, 2)),
                            PeriodSpan(.valley, MinuteSpan(hours: 2, 6)),
                            PeriodSpan(.flat, MinuteSpan(hours: 6, 10)),
                            PeriodSpan(.valley, MinuteSpan(hours: 10, 14)),
                            PeriodSpan(.flat, MinuteSpan(hours: 14, 15)),
                            PeriodSpan(.peak, MinuteSpan(hours: 15, 22)),
                            PeriodSpan(.flat, MinuteSpan(hours: 22, 24)),
                        ]),
                    ],
                    pricing: .ratios(RatioPricing(baseCNYPerKWh: nil, roundingCNYPerKWh: nil, userClasses: [
                        UserClassRatios(userClass: "two_part", description: "两部制 / two-part tariff",
                                        ratios: [.peak: 1.8, .flat: 1, .valley: 0.35]),
                        UserClassRatios(userClass: "single_part_ge_100kva", description: "单一制 ≥100 kVA / single-part ≥ 100 kVA",
                                        ratios: [.peak: 1.7, .flat: 1, .valley: 0.35]),
                        UserClassRatios(userClass: "single_part_lt_100kva",
                                        description: "单一制 <100 kVA（可选择执行）/ single-part < 100 kVA (opt-in)",
                                        ratios: [.peak: 1.6, .flat: 1, .valley: 0.35]),
                    ])))
            ])
    }

    /// Zhejiang 分时电价 periods, 浙发改价格〔2024〕21号.
    ///
    /// Serves STANDARD.md 1.1.20(e)/1.1.36/1.1.37. Spring and autumn (Feb–Jun, Sep–Nov): peak 8–11 and 13–17,
    /// flat 17–24, valley 0–8 and 11–13. Summer and winter (Jan, Jul, Aug, Dec): critical 9–11 and 15–17, peak
    /// 8–9 and 17–23, flat 13–15 and 23–24, valley 0–8 and 11–13. Deep valley 10–14 on the Spring Festival,
    /// Labour Day and National Day holidays (the caller supplies the dates). The reference did not capture the
    /// ratios or the effective date: the park supplies prices per period and the date.
    public static func zhejiang21(effectiveFrom: CivilDate) -> Tariff {
        Tariff(
            id: zhejiang21ID,
            name: "浙江省分时电价时段（浙发改价格〔2024〕21号）/ Zhejiang time-of-use periods",
            versions: [
                TariffVersion(
                    effectiveFrom: effectiveFrom,
                    citation: TariffCitation(
                        document: "浙发改价格〔2024〕21号",
                        title: "浙江省分时电价政策（标题未在参考资料中记录 / title not captured）",
                        urls: [],
                        confirmed: [],
                        unconfirmed: [
                            "时段据参考资料 monitoring-tariffs-evaluation §3 的转述 / periods as restated in the evaluation §3 (secondary)",
                            "比价未记录，各时段电价由园区提供 / ratios not captured: the park supplies prices per period",
                            "执行日期未记录，由园区提供 / effective date not captured; supplied by the park",
                            "节假日日期由调用方提供 / holiday dates supplied by the caller",
                            "第三方代码列出更新的浙发改价格〔2026〕112号（未核实）/ a newer 〔2026〕112号 is listed in third-party code (UNCONFIRMED)",
                        ]),
                    seasons: [
                        TariffSeason(name: "summer_winter", months: [1, 7, 8, 12], spans: [
                            PeriodSpan(.valley, MinuteSpan(hours: 0, 8)),
                            PeriodSpan(.peak, MinuteSpan(hours: 8, 9)),
                            PeriodSpan(.critical, MinuteSpan(hours: 9, 11)),
                            PeriodSpan(.valley, MinuteSpan(hours: 11, 13)),
                            PeriodSpan(.flat, MinuteSpan(hours: 13, 15)),
                            PeriodSpan(.critical, MinuteSpan(hours: 15, 17)),
                            PeriodSpan(.peak, MinuteSpan(hours: 17, 23)),
                            PeriodSpan(.flat, MinuteSpan(hours: 23, 24)),
                        ]),
                        TariffSeason(name: "spring_autumn", months: [2, 3, 4, 5, 6, 9, 10, 11], spans: [
                            PeriodSpan(.valley, MinuteSpan(hours: 0, 8)),
                            PeriodSpan(.peak, MinuteSpan(hours: 8, 11)),
                            PeriodSpan(.valley, MinuteSpan(hours: 11, 13)),
                            PeriodSpan(.peak, MinuteSpan(hours: 13, 17)),
                            PeriodSpan(.flat, MinuteSpan(hours: 17, 24)),
                        ]),
                    ],
                    holidayRule: HolidayRule(name: "春节、劳动节、国庆节 / Spring Festival, Labour Day, National Day",
                                             spans: [PeriodSpan(.deepValley, MinuteSpan(hours: 10, 14))]),
                    pricing: .parkSupplied)
            ])
    }
}
