import Foundation

extension TariffDefinition {
    /// Every problem of this definition (empty when valid), at most `TariffDefinitionError.maxProblems`.
    public func problems() -> [TariffProblem] {
        var checker = DefinitionChecker()
        _ = checker.tariff(self)
        return checker.problems
    }

    /// The checked tariff, or every problem with its field path (Chinese first, then English).
    public func makeTariff() throws(TariffDefinitionError) -> Tariff {
        var checker = DefinitionChecker()
        let tariff = checker.tariff(self)
        guard checker.problems.isEmpty, let tariff else { throw TariffDefinitionError(checker.problems) }
        return tariff
    }
}

/// Walks a definition, building the model and collecting problems.
private struct DefinitionChecker {
    var problems: [TariffProblem] = []

    mutating func add(_ code: String, _ field: String, _ zh: String, _ en: String) {
        guard problems.count < TariffDefinitionError.maxProblems else { return }
        problems.append(TariffProblem(code: code, field: field, zh: zh, en: en))
    }

    mutating func tariff(_ d: TariffDefinition) -> Tariff? {
        let idOK = !d.id.isEmpty && d.id.count <= 64
            && d.id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        if !idOK { add("invalid_id", "id", "应为 1–64 个小写字母、数字、- _ .", "must be 1–64 of a–z, 0–9, - _ .") }
        if d.name.trimmingCharacters(in: .whitespaces).isEmpty || d.name.count > 200 {
            add("invalid_name", "name", "名称不能为空且不超过 200 字", "must be non-empty and at most 200 characters")
        }
        if d.versions.isEmpty { add("empty", "versions", "至少需要一个版本", "needs at least one version") }
        var built: [TariffVersion?] = []
        for (i, v) in d.versions.enumerated() { built.append(version(v, "versions[\(i)]")) }
        checkVersionOverlaps(d)
        let versions = built.compactMap { $0 }
        guard problems.isEmpty, versions.count == d.versions.count else { return nil }
        return Tariff(id: d.id, name: d.name, versions: versions)
    }

    private mutating func checkVersionOverlaps(_ d: TariffDefinition) {
        let ranges: [(CivilDate, CivilDate?)?] = d.versions.map { v in
            guard let from = CivilDate(iso: v.effectiveFrom) else { return nil }
            if let t = v.effectiveTo {
                guard let to = CivilDate(iso: t), to >= from else { return nil }
                return (from, to)
            }
            return (from, nil)
        }
        for j in ranges.indices {
            guard let b = ranges[j] else { continue }
            for i in 0..<j {
                guard let a = ranges[i] else { continue }
                let aEndsBeforeB = a.1.map { $0 < b.0 } ?? false
                let bEndsBeforeA = b.1.map { $0 < a.0 } ?? false
                if !aEndsBeforeB && !bEndsBeforeA {
                    add("overlapping_versions", "versions[\(j)].effective_from",
                        "与 versions[\(i)] 的有效期重叠", "overlaps the dates in force of versions[\(i)]")
                }
            }
        }
    }

    private mutating func version(_ v: TariffDefinition.Version, _ path: String) -> TariffVersion? {
        let from = CivilDate(iso: v.effectiveFrom)
        if from == nil { dateProblem("\(path).effective_from", v.effectiveFrom) }
        var to: CivilDate?
        if let t = v.effectiveTo {
            to = CivilDate(iso: t)
            if to == nil { dateProblem("\(path).effective_to", t) }
            if let f = from, let e = to, e < f {
                add("ends_before_start", "\(path).effective_to", "早于 effective_from \(f)", "is before effective_from \(f)")
            }
        }
        var citation: TariffCitation?
        if let c = v.citation { citation = self.citation(c, "\(path).citation") }
        if v.seasons.isEmpty { add("empty", "\(path).seasons", "至少需要一个季节", "needs at least one season") }
        var seasons: [TariffSeason] = []
        var monthOwner: [Int: Int] = [:]
        for (si, s) in v.seasons.enumerated() {
            let sp = "\(path).seasons[\(si)]"
            if s.name.trimmingCharacters(in: .whitespaces).isEmpty { add("empty", "\(sp).name", "不能为空", "must not be empty") }
            let months = monthList(s.months, "\(sp).months")
            for m in months {
                if let other = monthOwner[m] {
                    add("overlapping_months", "\(sp).months", "\(m) 月已属于 seasons[\(other)]", "month \(m) is already in seasons[\(other)]")
                } else { monthOwner[m] = si }
            }
            let spans = periodSpans(s.periods, "\(sp).periods", requireFullDay: true)
            seasons.append(TariffSeason(name: s.name, months: months, spans: spans))
        }
        let uncoveredMonths = (1...12).filter { monthOwner[$0] == nil }
        if !v.seasons.isEmpty && !uncoveredMonths.isEmpty {
            let list = uncoveredMonths.map(String.init).joined(separator: ", ")
            add("uncovered_months", "\(path).seasons", "未覆盖月份：\(list)", "months not covered by any season: \(list)")
        }
        var critical: CriticalPeakRule?
        if let c = v.criticalPeak { critical = criticalPeak(c, "\(path).critical_peak") }
        var holiday: HolidayRule?
        if let h = v.holiday {
            if h.name.trimmingCharacters(in: .whitespaces).isEmpty { add("empty", "\(path).holiday.name", "不能为空", "must not be empty") }
            holiday = HolidayRule(name: h.name, spans: periodSpans(h.periods, "\(path).holiday.periods", requireFullDay: false))
        }
        var used = Set(seasons.flatMap { $0.spans.map(\.period) })
        if critical != nil { used.insert(.critical) }
        if let holiday { used.formUnion(holiday.spans.map(\.period)) }
        let pricing = pricing(v.pricing, "\(path).pricing", used: used)
        if let dc = v.demandChargeCNYPerKWMonth {
            range(dc, TariffLimits.demandCharge, "\(path).demand_charge_cny_per_kw_month", unit: "元/千瓦·月", enUnit: "CNY/kW-month")
        }
        var export: ExportTerms?
        if let e = v.export { export = self.export(e, "\(path).export", used: used) }
        guard let from, let pricing else { return nil }
        return TariffVersion(effectiveFrom: from, effectiveTo: to, citation: citation, seasons: seasons, criticalPeak: critical,
                             holidayRule: holiday, pricing: pricing, demandChargeCNYPerKWMonth: v.demandChargeCNYPerKWMonth,
                             export: export)
    }

    private mutating func dateProblem(_ field: String, _ text: String) {
        add("invalid_date", field, "“\(text)” 不是 2000–2100 年的有效日期 YYYY-MM-DD", "\"\(text)\" is not a valid YYYY-MM-DD date in 2000–2100")
    }

    private mutating func citation(_ c: TariffDefinition.Citation, _ path: String) -> TariffCitation {
        if c.document.trimmingCharacters(in: .whitespaces).isEmpty { add("empty", "\(path).document", "不能为空", "must not be empty") }
        if c.title.trimmingCharacters(in: .whitespaces).isEmpty { add("empty", "\(path).title", "不能为空", "must not be empty") }
        return TariffCitation(document: c.document, title: c.title, urls: c.urls ?? [], confirmed: c.confirmed ?? [],
                              unconfirmed: c.unconfirmed ?? [])
    }

    private mutating func monthList(_ months: [Int], _ path: String) -> [Int] {
        if months.isEmpty { add("empty", path, "至少需要一个月份", "needs at least one month") }
        var seen = Set<Int>()
        for (k, m) in months.enumerated() {
            if !(1...12).contains(m) {
                add("month_out_of_range", "\(path)[\(k)]", "月份 \(m) 应在 1–12", "month \(m) is not within 1–12")
            } else if !seen.insert(m).inserted {
                add("duplicate_month", "\(path)[\(k)]", "月份 \(m) 重复", "month \(m) is listed twice")
            }
        }
        return months.filter { (1...12).contains($0) }.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }.sorted()
    }

    private mutating func minuteSpan(from: String, to: String, _ path: String) -> MinuteSpan? {
        let f = MinuteSpan.parse(from), t = MinuteSpan.parse(to)
        if f == nil { timeProblem("\(path).from", from) }
        if t == nil { timeProblem("\(path).to", to) }
        guard let f, let t else { return nil }
        guard let span = MinuteSpan(from: f, to: t) else {
            add("empty_or_reversed_span", "\(path).to", "\(to) 应晚于 from \(from)；跨午夜的时段请拆成两段",
                "\(to) must be after from \(from); split a span crossing midnight in two")
            return nil
        }
        return span
    }

    private mutating func timeProblem(_ field: String, _ text: String) {
        add("invalid_time", field, "“\(text)” 不是 00:00–24:00 之间的 HH:MM", "\"\(text)\" is not HH:MM within 00:00–24:00")
    }

    private mutating func period(_ name: String, _ field: String) -> TariffPeriod? {
        guard let p = TariffPeriod(rawValue: name) else {
            add("unknown_period", field, "未知时段 “\(name)”（可选 critical、peak、flat、valley、deep_valley）",
                "unknown period \"\(name)\" (one of critical, peak, flat, valley, deep_valley)")
            return nil
        }
        return p
    }

    private mutating func periodSpans(_ spans: [TariffDefinition.Span], _ path: String, requireFullDay: Bool) -> [PeriodSpan] {
        if spans.isEmpty { add("empty", path, "至少需要一个时段", "needs at least one span") }
        var out: [PeriodSpan] = []
        var placed: [(index: Int, span: MinuteSpan)] = []
        for (k, s) in spans.enumerated() {
            let p = period(s.period, "\(path)[\(k)].period")
            guard let span = minuteSpan(from: s.from, to: s.to, "\(path)[\(k)]") else { continue }
            if let clash = placed.first(where: { $0.span.overlaps(span) }) {
                add("overlapping_spans", "\(path)[\(k)]", "\(span) 与 [\(clash.index)] \(clash.span) 重叠",
                    "\(span) overlaps [\(clash.index)] \(clash.span)")
            }
            placed.append((k, span))
            if let p { out.append(PeriodSpan(p, span)) }
        }
        if requireFullDay && !spans.isEmpty {
            let gaps = Self.gaps(placed.map(\.span))
            if !gaps.isEmpty {
                let list = gaps.map(\.description).joined(separator: ", ")
                add("uncovered_minutes", path, "未覆盖：\(list)（一天的每一分钟须恰好属于一个时段）",
                    "not covered: \(list) (every minute of the day must be in exactly one period)")
            }
        }
        return out
    }

    /// Uncovered spans of 00:00–24:00.
    static func gaps(_ spans: [MinuteSpan]) -> [MinuteSpan] {
        var covered = [Bool](repeating: false, count: TariffCalendar.minutesPerDay)
        for s in spans { for m in s.from..<s.to { covered[m] = true } }
        var out: [MinuteSpan] = []
        var start: Int?
        for m in 0...TariffCalendar.minutesPerDay {
            let isCovered = m == TariffCalendar.minutesPerDay ? true : covered[m]
            if !isCovered && start == nil { start = m }
            if isCovered, let s = start, let span = MinuteSpan(from: s, to: m) { out.append(span); start = nil }
        }
        return out
    }

    private mutating func criticalPeak(_ c: TariffDefinition.CriticalPeak, _ path: String) -> CriticalPeakRule {
        var months: [Int] = []
        if !c.months.isEmpty || c.designatedDays != true {
            months = monthList(c.months, "\(path).months")
        }
        if c.spans.isEmpty { add("empty", "\(path).spans", "至少需要一个时段", "needs at least one span") }
        var spans: [MinuteSpan] = []
        for (k, s) in c.spans.enumerated() {
            guard let span = minuteSpan(from: s.from, to: s.to, "\(path).spans[\(k)]") else { continue }
            if let clash = spans.firstIndex(where: { $0.overlaps(span) }) {
                add("overlapping_spans", "\(path).spans[\(k)]", "与 [\(clash)] 重叠", "overlaps [\(clash)]")
            }
            spans.append(span)
        }
        return CriticalPeakRule(months: months, spans: spans, designatedDays: c.designatedDays ?? false)
    }

    private mutating func range(_ x: Double, _ r: ClosedRange<Double>, _ field: String, unit: String, enUnit: String) {
        if x.isFinite && x < 0 {
            add("negative", field, "不能为负（\(x) \(unit)）", "must not be negative (\(x) \(enUnit))")
        } else if !(x.isFinite && r.contains(x)) {
            add("out_of_range", field, "\(x) 超出 \(r.lowerBound)–\(r.upperBound) \(unit)", "\(x) is outside \(r.lowerBound)–\(r.upperBound) \(enUnit)")
        }
    }

    private mutating func priceTable(_ table: [String: Double], _ path: String, used: Set<TariffPeriod>,
                                     isRatio: Bool) -> [TariffPeriod: Double] {
        var out: [TariffPeriod: Double] = [:]
        for key in table.keys.sorted() {
            guard let value = table[key], let p = period(key, "\(path).\(key)") else { continue }
            if isRatio {
                if !(value.isFinite && value > 0) {
                    add("ratio_not_positive", "\(path).\(key)", "比价 \(value) 应大于 0", "ratio \(value) must be > 0")
                } else if value > TariffLimits.ratio.upperBound {
                    add("out_of_range", "\(path).\(key)", "比价 \(value) 超过 10", "ratio \(value) is above 10")
                }
            } else {
                range(value, TariffLimits.price, "\(path).\(key)", unit: "元/千瓦时", enUnit: "CNY/kWh")
            }
            out[p] = value
        }
        let missing = TariffPeriod.allCases.filter { used.contains($0) && out[$0] == nil }
        if !missing.isEmpty {
            let list = missing.map(\.rawValue).joined(separator: ", ")
            add("missing_period_price", path, "缺少时段：\(list)", "no value for period(s) used by the schedule: \(list)")
        }
        return out
    }

    private mutating func pricing(_ p: TariffDefinition.Pricing, _ path: String, used: Set<TariffPeriod>) -> TariffPricing? {
        switch p.kind {
        case "ratios":
            if let b = p.baseCNYPerKWh { range(b, TariffLimits.price, "\(path).base_cny_per_kwh", unit: "元/千瓦时", enUnit: "CNY/kWh") }
            if let r = p.roundingCNYPerKWh, !(r.isFinite && r > 0 && r <= 1) {
                add("out_of_range", "\(path).rounding_cny_per_kwh", "\(r) 应大于 0 且不超过 1", "\(r) must be > 0 and ≤ 1")
            }
            if p.pricesCNYPerKWh != nil {
                add("not_allowed", "\(path).prices_cny_per_kwh", "kind 为 ratios 时不适用", "not used with kind ratios")
            }
            let classes = p.userClasses ?? []
            if classes.isEmpty { add("empty", "\(path).user_classes", "至少需要一个用户类别", "needs at least one user class") }
            var names = Set<String>()
            var out: [UserClassRatios] = []
            for (k, c) in classes.enumerated() {
                let cp = "\(path).user_classes[\(k)]"
                if c.userClass.trimmingCharacters(in: .whitespaces).isEmpty {
                    add("empty", "\(cp).user_class", "不能为空", "must not be empty")
                } else if !names.insert(c.userClass).inserted {
                    add("duplicate_user_class", "\(cp).user_class", "用户类别 \(c.userClass) 重复", "user class \(c.userClass) is listed twice")
                }
                let ratios = priceTable(c.ratios, "\(cp).ratios", used: used, isRatio: true)
                out.append(UserClassRatios(userClass: c.userClass, description: c.description ?? "", ratios: ratios))
            }
            return .ratios(RatioPricing(baseCNYPerKWh: p.baseCNYPerKWh, roundingCNYPerKWh: p.roundingCNYPerKWh, userClasses: out))
        case "absolute":
            guard let prices = p.pricesCNYPerKWh else {
                add("missing", "\(path).prices_cny_per_kwh", "kind 为 absolute 时必须给出", "required with kind absolute")
                return nil
            }
            return .absolute(priceTable(prices, "\(path).prices_cny_per_kwh", used: used, isRatio: false))
        case "park_supplied":
            if p.pricesCNYPerKWh != nil || p.userClasses != nil || p.baseCNYPerKWh != nil {
                add("not_allowed", path, "kind 为 park_supplied 时不应给出价格", "park_supplied carries no prices")
            }
            return .parkSupplied
        default:
            add("unknown_pricing_kind", "\(path).kind", "未知定价方式 “\(p.kind)”（可选 ratios、absolute、park_supplied）",
                "unknown pricing kind \"\(p.kind)\" (one of ratios, absolute, park_supplied)")
            return nil
        }
    }

    private mutating func export(_ e: TariffDefinition.Export, _ path: String, used: Set<TariffPeriod>) -> ExportTerms? {
        if let limit = e.limitKW { range(limit, TariffLimits.powerKW, "\(path).limit_kw", unit: "千瓦", enUnit: "kW") }
        switch (e.priceCNYPerKWh, e.pricesCNYPerKWh) {
        case (let x?, nil):
            range(x, TariffLimits.price, "\(path).price_cny_per_kwh", unit: "元/千瓦时", enUnit: "CNY/kWh")
            return ExportTerms(price: .flat(x), limitKW: e.limitKW, surplusOnly: e.surplusOnly ?? true)
        case (nil, let table?):
            let prices = priceTable(table, "\(path).prices_cny_per_kwh", used: used, isRatio: false)
            return ExportTerms(price: .perPeriod(prices), limitKW: e.limitKW, surplusOnly: e.surplusOnly ?? true)
        default:
            add("export_price_choice", path, "price_cny_per_kwh 与 prices_cny_per_kwh 须且只须给出一个",
                "give exactly one of price_cny_per_kwh and prices_cny_per_kwh")
            return nil
        }
    }
}
