/// Typed errors of the tariff module, each with its context and a message in Chinese then English.
///
/// Serves STANDARD.md 1.1.37 (a scenario that cannot be priced says exactly why) and the project rule
/// "errors say where": `field` names the parameter, series or tariff part concerned.
public enum TariffError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownTariff(id: String)
    /// The reference files give no effective date for this built-in; the park supplies it from its bill.
    case effectiveDateRequired(tariff: String)
    case invalidStepMinutes(Int)
    case invalidStepCount(Int)
    case startNotMinuteAligned(instant: Int64)
    case outsideSupportedRange(instant: Int64)
    case noVersionInForce(tariff: String, date: CivilDate)
    case noSeasonForMonth(tariff: String, version: CivilDate, month: Int)
    case scheduleGap(tariff: String, version: CivilDate, season: String, minute: Int)
    case scheduleOverlap(tariff: String, version: CivilDate, season: String, minute: Int)
    case basePriceRequired(tariff: String, version: CivilDate)
    case userClassRequired(tariff: String, available: [String])
    case unknownUserClass(tariff: String, given: String, available: [String])
    case periodPricesRequired(tariff: String, version: CivilDate)
    case missingPrice(tariff: String, version: CivilDate, period: TariffPeriod)
    case missingExportPrice(tariff: String, period: TariffPeriod)
    case holidayDatesRequired(tariff: String, version: CivilDate)
    case invalidParameter(name: String, value: Double, range: ClosedRange<Double>)
    case seriesLengthMismatch(series: String, expected: Int, found: Int)
    case invalidSeriesValue(series: String, index: Int, value: Double)

    /// The parameter, series or tariff part concerned.
    public var field: String {
        switch self {
        case .unknownTariff, .effectiveDateRequired: "tariff"
        case .invalidStepMinutes: "step_minutes"
        case .invalidStepCount: "step_count"
        case .startNotMinuteAligned, .outsideSupportedRange: "start"
        case .noVersionInForce: "tariff.versions"
        case .noSeasonForMonth, .scheduleGap, .scheduleOverlap: "tariff.versions.seasons"
        case .basePriceRequired: "base_price_cny_per_kwh"
        case .userClassRequired, .unknownUserClass: "user_class"
        case .periodPricesRequired: "period_prices_cny_per_kwh"
        case .missingPrice(_, _, let p): "period_prices_cny_per_kwh.\(p.rawValue)"
        case .missingExportPrice(_, let p): "export.prices_cny_per_kwh.\(p.rawValue)"
        case .holidayDatesRequired: "holiday_dates"
        case .invalidParameter(let name, _, _): name
        case .seriesLengthMismatch(let s, _, _): s
        case .invalidSeriesValue(let s, let i, _): "\(s)[\(i)]"
        }
    }

    /// Message in Simplified Chinese.
    public var zh: String {
        switch self {
        case .unknownTariff(let id): "未知电价 \(id)"
        case .effectiveDateRequired(let t): "参考资料未给出电价 \(t) 的执行日期，请按电费单提供"
        case .invalidStepMinutes(let m): "步长 \(m) 分钟无效，应为 15、30 或 60"
        case .invalidStepCount(let n): "步数 \(n) 无效，应为 1…\(TariffLimits.maxSteps)"
        case .startNotMinuteAligned(let t): "起始时刻 \(t) 未对齐到整分钟"
        case .outsideSupportedRange(let t): "时刻 \(t) 超出 2000-01-01 至 2100-12-31（北京时间）"
        case .noVersionInForce(let t, let d): "电价 \(t) 在 \(d) 没有有效版本"
        case .noSeasonForMonth(let t, let v, let m): "电价 \(t)（\(v) 版）没有覆盖 \(m) 月的季节"
        case .scheduleGap(let t, let v, let s, let m): "电价 \(t)（\(v) 版）季节 \(s) 未覆盖 \(MinuteSpan.format(m))"
        case .scheduleOverlap(let t, let v, let s, let m): "电价 \(t)（\(v) 版）季节 \(s) 在 \(MinuteSpan.format(m)) 时段重叠"
        case .basePriceRequired(let t, let v): "电价 \(t)（\(v) 版）按比例定价但未给出基准电价，请提供基准电价（元/千瓦时）"
        case .userClassRequired(let t, let a): "电价 \(t) 有多个用户类别，请指定：\(a.joined(separator: "、"))"
        case .unknownUserClass(let t, let g, let a): "电价 \(t) 没有用户类别 \(g)；可选：\(a.joined(separator: "、"))"
        case .periodPricesRequired(let t, let v): "电价 \(t)（\(v) 版）未给出各时段电价，请提供"
        case .missingPrice(let t, let v, let p): "电价 \(t)（\(v) 版）缺少\(p.chineseName)电价"
        case .missingExportPrice(let t, let p): "电价 \(t) 缺少\(p.chineseName)上网电价"
        case .holidayDatesRequired(let t, let v): "电价 \(t)（\(v) 版）有节假日规则，请提供节假日日期（可为空）"
        case .invalidParameter(_, let x, let r): "数值 \(x) 超出范围 \(r.lowerBound)…\(r.upperBound)"
        case .seriesLengthMismatch(_, let e, let f): "序列长度 \(f)，应为 \(e)"
        case .invalidSeriesValue(_, _, let x): "数值 \(x) 无效（应为有限且 0…10,000,000 千瓦）"
        }
    }

    /// Message in English.
    public var en: String {
        switch self {
        case .unknownTariff(let id): "unknown tariff \(id)"
        case .effectiveDateRequired(let t): "the reference gives no effective date for tariff \(t); supply it from the bill"
        case .invalidStepMinutes(let m): "step of \(m) min is not 15, 30 or 60"
        case .invalidStepCount(let n): "step count \(n) is not 1…\(TariffLimits.maxSteps)"
        case .startNotMinuteAligned(let t): "start instant \(t) is not on a whole minute"
        case .outsideSupportedRange(let t): "instant \(t) is outside 2000-01-01 … 2100-12-31 CST"
        case .noVersionInForce(let t, let d): "tariff \(t) has no version in force on \(d)"
        case .noSeasonForMonth(let t, let v, let m): "tariff \(t) (version \(v)) has no season covering month \(m)"
        case .scheduleGap(let t, let v, let s, let m): "tariff \(t) (version \(v)) season \(s) does not cover \(MinuteSpan.format(m))"
        case .scheduleOverlap(let t, let v, let s, let m): "tariff \(t) (version \(v)) season \(s) has overlapping spans at \(MinuteSpan.format(m))"
        case .basePriceRequired(let t, let v): "tariff \(t) (version \(v)) prices by ratio and gives no base price; supply base_price_cny_per_kwh"
        case .userClassRequired(let t, let a): "tariff \(t) has several user classes; name one of \(a.joined(separator: ", "))"
        case .unknownUserClass(let t, let g, let a): "tariff \(t) has no user class \(g); available: \(a.joined(separator: ", "))"
        case .periodPricesRequired(let t, let v): "tariff \(t) (version \(v)) carries no prices; supply period_prices_cny_per_kwh"
        case .missingPrice(let t, let v, let p): "tariff \(t) (version \(v)) has no \(p.rawValue) price"
        case .missingExportPrice(let t, let p): "tariff \(t) has no \(p.rawValue) export price"
        case .holidayDatesRequired(let t, let v): "tariff \(t) (version \(v)) has a holiday rule; supply holiday_dates (may be empty)"
        case .invalidParameter(_, let x, let r): "value \(x) is outside \(r.lowerBound)…\(r.upperBound)"
        case .seriesLengthMismatch(_, let e, let f): "series has \(f) values, expected \(e)"
        case .invalidSeriesValue(_, _, let x): "value \(x) is not finite and within 0…10,000,000 kW"
        }
    }

    /// As a problem with field path and both languages.
    public var problem: TariffProblem { TariffProblem(code: code, field: field, zh: zh, en: en) }

    /// Stable code.
    public var code: String {
        switch self {
        case .unknownTariff: "unknown_tariff"
        case .effectiveDateRequired: "effective_date_required"
        case .invalidStepMinutes: "invalid_step_minutes"
        case .invalidStepCount: "invalid_step_count"
        case .startNotMinuteAligned: "start_not_minute_aligned"
        case .outsideSupportedRange: "outside_supported_range"
        case .noVersionInForce: "no_version_in_force"
        case .noSeasonForMonth: "no_season_for_month"
        case .scheduleGap: "schedule_gap"
        case .scheduleOverlap: "schedule_overlap"
        case .basePriceRequired: "base_price_required"
        case .userClassRequired: "user_class_required"
        case .unknownUserClass: "unknown_user_class"
        case .periodPricesRequired: "period_prices_required"
        case .missingPrice: "missing_price"
        case .missingExportPrice: "missing_export_price"
        case .holidayDatesRequired: "holiday_dates_required"
        case .invalidParameter: "invalid_parameter"
        case .seriesLengthMismatch: "series_length_mismatch"
        case .invalidSeriesValue: "invalid_series_value"
        }
    }

    public var description: String { "\(field): \(en)" }
}
