extension BuiltInTariffs {
    /// Guangdong 峰谷分时电价, 粤发改价格〔2021〕331号, in force from 2021-10-01 (industrial and commercial users).
    ///
    /// Serves STANDARD.md 1.1.20(e)/1.1.36/1.1.37. Peak 10–12 and 14–19, valley 0–8, flat otherwise;
    /// peak : flat : valley = 1.7 : 1 : 0.38 on the agency-purchase price *excluding* government funds and
    /// surcharges (the park supplies that base and, if it wants bill totals, the funds per kWh); critical peak
    /// 11–12 and 15–17 in July–September and on caller-designated days (Guangzhou forecast maximum ≥ 35 °C)
    /// at 1.25 × peak, i.e. ratio 2.125 applied once to the base; each price rounded to 0.0001 CNY (0.01 分).
    /// No demand charge or export terms are cited: the caller supplies them.
    public static let guangdong331 = Tariff(
        id: "cn-gd-tou-2021-331",
        name: "广东省峰谷分时电价（粤发改价格〔2021〕331号）/ Guangdong time-of-use tariff",
        versions: [
            TariffVersion(
                effectiveFrom: CivilDate(known: 2021, 10, 1),
                citation: TariffCitation(
                    document: "粤发改价格〔2021〕331号",
                    title: "广东省发展改革委关于进一步完善我省峰谷分时电价政策有关问题的通知",
                    urls: [
                        "http://06wxu.cn/xw/gnxw/20210906/100493.html",
                        "https://www.haizhu.gov.cn/zwgk/zdlyxxgk/jghsf/jgbz/content/post_9476644.html",
                    ],
                    confirmed: [
                        "时段：高峰 10:00–12:00、14:00–19:00；低谷 00:00–08:00；其余为平段 / periods (reference-data §6, well sourced)",
                        "比价 1.7 : 1 : 0.38 / ratios peak:flat:valley (reference-data §6, well sourced)",
                        "尖峰：7–9 月及广州气温 ≥35 °C 日的 11:00–12:00、15:00–17:00，价格为高峰 × 1.25 / critical peak rule (reference-data §6)",
                        "文件日期 2021-08-31，执行 2021-10-01 / dated 2021-08-31, effective 2021-10-01 (code citing drc.gd.gov.cn and ndrc.gov.cn)",
                    ],
                    unconfirmed: [
                        "比价以不含政府性基金及附加的代理购电价格为基准 / base excludes funds (Guangzhou 2024 explanation as cited in public code)",
                        "电价四舍五入至 0.01 分/千瓦时 / rounding to 0.01 fen per kWh (代理购电 notes, evaluation §3)",
                        "2024/2025 年未见时段调整，视为现行 / no later change found; treated as current (evaluation §3)",
                        "≥35 °C 日由调用方提供，本模块不含天气数据 / hot days are supplied by the caller",
                        "深圳按深发改〔2021〕1005号执行相同时段 / Shenzhen same periods (public code)",
                    ]),
                seasons: [
                    TariffSeason(name: "all_year", months: Array(1...12), spans: [
                        PeriodSpan(.valley, MinuteSpan(hours: 0, 8)),
                        PeriodSpan(.flat, MinuteSpan(hours: 8, 10)),
                        PeriodSpan(.peak, MinuteSpan(hours: 10, 12)),
                        PeriodSpan(.flat, MinuteSpan(hours: 12, 14)),
                        PeriodSpan(.peak, MinuteSpan(hours: 14, 19)),
                        PeriodSpan(.flat, MinuteSpan(hours: 19, 24)),
                    ]),
                ],
                criticalPeak: CriticalPeakRule(months: [7, 8, 9],
                                               spans: [MinuteSpan(hours: 11, 12), MinuteSpan(hours: 15, 17)],
                                               designatedDays: true),
                pricing: .ratios(RatioPricing(
                    baseCNYPerKWh: nil, roundingCNYPerKWh: 0.0001,
                    userClasses: [UserClassRatios(userClass: "industrial_commercial",
                                                  description: "工商业用户 / industrial and commercial users",
                                                  ratios: [.critical: 1.7 * 1.25, .peak: 1.7, .flat: 1, .valley: 0.38])])))
        ])

    /// A cited Guangdong base: 广州/珠海/佛山/中山/东莞 一般工商业 < 1 kV from 2021-10, excluding funds, flat
    /// 0.6725 CNY/kWh (331号 attachment as transcribed in public code from fgw.gz.gov.cn post_9497778; the same
    /// table gives valley 0.2556, peak 1.1433, critical 1.4291). Agency-purchase prices change monthly: use it as
    /// an example or test fixture, not as today's price. Serves STANDARD.md 1.1.36.
    public static let guangdongPRDGeneralBelow1kV2021Base = 0.6725
}
