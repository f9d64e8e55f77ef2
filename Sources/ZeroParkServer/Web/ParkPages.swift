import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkInput
import ZeroParkParkFile
import ZeroParkReports
import ZeroParkStore
import ZeroParkXLSX

/// The pages of one park: overview, sources, source detail with its activity form, sinks and
/// offsets, snapshots, and the public disclosure.
struct ParkPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let service: InventoryService

    struct Loaded {
        let caller: Caller
        let park: StoredPark
        let year: Int
        let years: [Int]
        var nav: [String: Any]
    }

    func load(_ request: Request, _ context: AppRequestContext, nav: String) async throws -> Loaded {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let years = try await service.years(parkKey: key, caller: caller)
        let year = request.uri.queryParameters.get("year").flatMap(Int.init) ?? park.defaultYear
        return Loaded(caller: caller, park: park, year: year, years: years,
                      nav: ["key": key, "year": year, nav: true])
    }

    func name(_ park: StoredPark, _ language: Language) -> String {
        language == .en ? (park.profile.nameEn ?? park.profile.name) : park.profile.name
    }

    func t(_ context: AppRequestContext) -> Strings { Strings(language: context.language == .zh ? .zh : .en) }

    // MARK: Overview

    /// The overview; its body depends only on the stored facts, the year, the caller's visibility and
    /// the language, so it is cached with the inventory (same key, same invalidation).
    func overview(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let loaded = try await load(request, context, nav: "navOverview")
        let key = loaded.park.profile.id
        let cacheKey = try await service.cacheKey(parkKey: key, year: loaded.year, caller: loaded.caller)
        let fragment = "overview.\(context.language.rawValue)"
        let title = name(loaded.park, context.language)
        let (caller, park, year, years) = (loaded.caller, loaded.park, loaded.year, loaded.years)
        let body = try await service.cache.fragment(cacheKey, fragment) {
            try await overviewBody(Loaded(caller: caller, park: park, year: year, years: years, nav: [:]), context)
        }
        // The trial year's findings on the dashboard (1.1.10), for every member but tenants; cached with
        // the same key (data version and day), so a new reading or declaration shows on the next request.
        var banner = ""
        if caller.tenantEnterprise(parkID: park.id) == nil {
            let service = self.service, chinese = context.language == .zh
            banner = (try? await service.cache.fragment(cacheKey, "trial.\(context.language.rawValue)") {
                guard let report = try? await TrialService(inventories: service).report(parkKey: key, caller: caller) else { return "" }
                return TrialBanner.html(report, parkKey: key, chinese: chinese)
            }) ?? ""
        }
        return renderer.page(body: banner + body, title: title, context: context, park: loaded.nav)
    }

    func overviewBody(_ loaded: Loaded, _ context: AppRequestContext) async throws -> String {
        let key = loaded.park.profile.id
        let computed = try await service.compute(parkKey: key, year: loaded.year, caller: loaded.caller)
        let inventory = computed.inventory
        let previous = try? await service.compute(parkKey: key, year: loaded.year - 1, caller: loaded.caller)
        let strings = t(context)
        var data = summary(inventory, park: loaded.park, context: context)
        data["years"] = Set(loaded.years + [loaded.year]).sorted(by: >).map { ["value": $0, "selected": $0 == loaded.year] }
        data["parkKey"] = key
        data["year"] = loaded.year
        if let previous, previous.inventory.emissionsTco2 > 0, !previous.inventory.sources.isEmpty {
            let change = (inventory.emissionsTco2 - previous.inventory.emissionsTco2) / previous.inventory.emissionsTco2
            data["yoy"] = (change >= 0 ? "+" : "") + Display.percent(change)
        }
        let tenant = loaded.caller.tenantEnterprise(parkID: loaded.park.id) != nil
        data["perTce"] = inventory.tco2PerTce.map { Display.number($0, decimals: 3) } ?? "—"
        data["perM2"] = inventory.tco2PerM2.map { Display.number($0 * 1000, decimals: 2) } ?? "—"
        data["perOutput"] = inventory.tco2Per10kCNY.map { Display.number($0, decimals: 4) } ?? "—"
        if tenant {
            // One enterprise's emissions over the whole park's area or output would read as the park's
            // intensity (issue #12 defect 2): tenant views show only intensities of the enterprise's own
            // figures, and no verdict on the park's indicator.
            data["scopeNote"] = WebText.text("tenantScope", context.language)
            data["perM2"] = "—"
            data["perOutput"] = "—"
            data["intensityNote"] = strings("企业视图：单位面积与单位产值强度按园区面积和产值计算，不适用于单个企业，故不显示。",
                                            "Enterprise view: intensities per area and per output use the park's area and output and do not apply to one enterprise, so they are not shown.")
            if var basis = data["basis"] as? [String: Any] {
                basis["verdict"] = strings("企业视图不作园区指标判定", "No park indicator verdict in an enterprise's view")
                basis["verdictClass"] = "muted"
                basis["threshold"] = "—"
                data["basis"] = basis
            }
        }
        data["cleanShare"] = Display.percent(inventory.cleanShare)
        data["consumption"] = Display.number(inventory.consumptionTce, decimals: 0)
        data["locationBased"] = Display.number(inventory.locationBasedTco2)
        if inventory.combustionNonCO2Tco2e != 0 {  // reported apart, never added to emissions (accounting-rules §6)
            data["combustionNonCO2"] = Display.number(inventory.combustionNonCO2Tco2e)
        }
        let shares = inventory.sources.filter { $0.tco2 > 0 }.sorted { $0.tco2 > $1.tco2 }
        let top = Array(shares.prefix(7))
        let rest = shares.dropFirst(7).reduce(0) { $0 + $1.tco2 }
        data["donut"] = SVGChart.donut(top.map { .init($0.name, $0.tco2) } + (rest > 0 ? [.init(strings("其他", "Other"), rest)] : []),
                                       title: WebText.text("shares", context.language))
        if inventory.monthly.isEmpty {
            data["monthly"] = ""
            data["monthlyNote"] = strings("无月度数据", "No monthly data")
        } else {
            let systems = EmissionSystem.allCases.compactMap { system -> SVGChart.Series? in
                var values = [Double](repeating: 0, count: inventory.monthly.count)
                for account in inventory.sources where account.system == system {
                    guard let series = account.monthlyTco2, series.count == values.count else { continue }
                    for index in values.indices { values[index] += series[index] }
                }
                return values.contains { $0 > 0 } ? SVGChart.Series(strings.system(system), values) : nil
            }
            data["monthly"] = SVGChart.stackedBar(labels: inventory.monthly.map { SVGChart.monthLabel($0.month.month, chinese: strings.language == .zh) }, series: systems,
                                                  title: WebText.text("monthly", context.language), unit: "tCO2")
            data["monthlyNote"] = strings("含月度数据的排放源占排放的 ", "Sources with monthly data cover ") + Display.percent(inventory.monthlyCoverage)
        }
        // Data quality of metered sources (1.1.33): beside each source, and beside the total when part of
        // it rests on less than 90 % measured data.
        let quality = try await store.meteredQuality(parkKey: key, year: loaded.year, caller: loaded.caller)
        data["topSources"] = shares.prefix(10).map { account -> [String: Any] in
            var row: [String: Any] = ["id": account.id, "name": account.name, "system": strings.system(account.system),
                                      "tco2": Display.number(account.tco2), "share": Display.percent(inventory.share(ofSource: account)),
                                      "parkKey": key, "year": loaded.year]
            if let metered = quality[account.id], metered.expected > 0 {
                row["quality"] = strings("实测 ", "measured ") + Display.percent(metered.completeness)
                row["qualityWarn"] = metered.belowThreshold
            }
            return row
        }
        let weak = inventory.sources.filter { quality[$0.id].map { $0.expected > 0 && $0.belowThreshold } ?? false }
        let weakTco2 = weak.reduce(0) { $0 + $1.tco2 }
        if !weak.isEmpty, inventory.emissionsTco2 > 0 {
            data["qualityNote"] = strings("其中 \(Display.number(weakTco2)) tCO2（\(Display.percent(weakTco2 / inventory.emissionsTco2))）基于实测率低于 90% 的计量数据",
                                          "\(Display.number(weakTco2)) tCO2 (\(Display.percent(weakTco2 / inventory.emissionsTco2))) of it rests on metered data less than 90 % measured")
        }
        var names: [String: String] = [:]
        for account in inventory.sources { names[account.id] = account.name }
        for account in inventory.sinks { names[account.id] = account.name }
        for account in inventory.offsets { names[account.id] = account.name }
        let warnings = inventory.warnings.map { warning -> [String: String] in
            var item = ["message": strings.accountingWarning(warning, subjectName: warning.subject.flatMap { names[$0] })]
            if let clause = warning.clause { item["clause"] = clause }
            return item
        }
            + computed.missing.map { ["message": strings("无 \(loaded.year) 年活动数据：", "No \(loaded.year) activity data: ") + $0, "clause": "1.1.2(e)"] }
            + weak.map { account in
                let measured = Display.percent(quality[account.id]?.completeness ?? 0)
                return ["message": strings("\(account.name)：计量数据实测率 \(measured)，低于 90%，数字含估算值",
                                           "\(account.name): metered data \(measured) measured, below 90 %; the figure includes estimates"),
                        "clause": "1.1.33"]
            }
        data["warnings"] = warnings
        data["hasWarnings"] = !warnings.isEmpty
        try await verdict(into: &data, computed: computed, quality: quality, loaded: loaded, context: context)
        return renderer.body("overview", context: context, data: data)
    }

    /// The neutrality badge (issue #12 defect 1): a verdict only on enough data (`BalanceVerdict`),
    /// otherwise "数据不足" with each gap named; none for a tenant's view, which holds one enterprise's
    /// figures and not the park's balance.
    func verdict(into data: inout [String: Any], computed: InventoryService.Computed, quality: [String: DataQuality],
                 loaded: Loaded, context: AppRequestContext) async throws {
        let strings = t(context)
        if loaded.caller.tenantEnterprise(parkID: loaded.park.id) != nil {
            data["verdict"] = ["label": strings("企业视图不作园区碳中和判定", "No park neutrality verdict in an enterprise's view"), "kind": "muted"]
            return
        }
        let below = quality.filter { $0.value.expected > 0 && $0.value.belowThreshold }.map(\.key)
        switch BalanceVerdict.judge(computed.inventory, sourcesWithoutData: computed.missing, meteredBelowThreshold: below) {
        case .neutral:
            data["verdict"] = ["label": WebText.text("neutral", context.language), "kind": "ok"]
        case .notNeutral:
            data["verdict"] = ["label": WebText.text("notNeutral", context.language), "kind": "warn"]
        case .insufficientData(let gaps):
            data["verdict"] = ["label": strings("数据不足，不作判定", "Insufficient data: no verdict"), "kind": "warn"]
            let names = Dictionary(try await store.sources(parkKey: loaded.park.profile.id, caller: loaded.caller).map { ($0.key, $0.name) },
                                   uniquingKeysWith: { a, _ in a })
            func list(_ ids: [String]) -> String {
                let shown = ids.prefix(8).map { names[$0] ?? $0 }.joined(separator: strings("、", ", "))
                return ids.count > 8 ? shown + strings(" 等 \(ids.count) 个", " and \(ids.count - 8) more") : shown
            }
            let reasons = gaps.map { gap -> String in
                switch gap {
                case .noSources: return strings("园区尚无排放源", "the park has no emission sources")
                case .noActivity: return strings("本期没有任何排放源的活动数据", "no emission source has activity data for the period")
                case .sourcesWithoutData(let ids): return strings("以下排放源本期无活动数据：", "no activity data for the period: ") + list(ids)
                case .meteredBelowThreshold(let ids): return strings("以下计量排放源实测率低于 90%：", "metered data less than 90 % measured: ") + list(ids)
                }
            }
            data["verdictNote"] = strings("判定规则：每个排放源本期都有活动数据，且计量排放源实测率不低于 90%。", "Rule: every source has activity data for the period and no metered source is below 90 % measured. ")
                + reasons.joined(separator: strings("；", "; "))
        }
    }

    /// Figures and charts shared by the overview and the public disclosure.
    func summary(_ inventory: Inventory, park: StoredPark, context: AppRequestContext) -> [String: Any] {
        let strings = t(context)
        let language = context.language
        return [
            "name": name(park, language),
            "typeName": language == .zh ? park.profile.type.nameZh : park.profile.type.nameEn,
            "province": provinceName(park.profile.province, language), "areaText": Display.number(park.profile.areaM2, decimals: 0),
            "periodText": "\(inventory.period.start) – \(inventory.period.end)",
            "emissions": Display.number(inventory.emissionsTco2), "sequestration": Display.number(inventory.sequestrationTco2),
            "offsets": Display.number(inventory.offsetsTco2), "net": Display.number(inventory.netTco2),
            "waterfall": SVGChart.waterfall(start: .init(strings("排放", "Emissions"), inventory.emissionsTco2),
                                            steps: [.init(strings("碳汇", "Sinks"), -inventory.sequestrationTco2),
                                                    .init(strings("抵消", "Offsets"), -inventory.offsetsTco2)],
                                            end: strings("净排放", "Net"), title: WebText.text("balance", language), unit: "tCO2"),
            "systemBar": SVGChart.bar(EmissionSystem.allCases.map { .init(strings.system($0), inventory.bySystem[$0] ?? 0) }
                                        .sorted { $0.value > $1.value }, title: WebText.text("bySystem", language), unit: "tCO2"),
            "basis": basis(inventory, strings),
        ]
    }

    /// The 910号 indicator with its class and threshold, and the basis of electricity (market vs
    /// location, the residual rule, avoided and exported energy), for the overview and disclosure.
    func basis(_ inventory: Inventory, _ strings: Strings) -> [String: Any] {
        let indicator = inventory.indicator
        var verdict = strings("无已核实阈值", "No confirmed threshold")
        var verdictClass = "neutral"
        if let meets = indicator.meetsThreshold {
            verdict = meets ? strings("达到阈值", "Within the threshold") : strings("未达到阈值", "Above the threshold")
            verdictClass = meets ? "ok" : "warn"
        } else if indicator.value == nil {
            verdict = strings("无能耗数据", "No energy data")
        }
        let residual = inventory.sources.compactMap(\.electricity).first { $0.basis == .residualMix }?.marketFactor
        var data: [String: Any] = [
            "indicator": indicator.value.map { Display.number($0, decimals: 3) } ?? "—",
            "threshold": indicator.threshold.map { "≤ " + Display.number($0, decimals: 1) } ?? "—",
            "scaleClass": strings.scaleClass(indicator.scaleClass),
            "annualTce": Display.number(indicator.annualConsumptionTce, decimals: 0),
            "verdict": verdict, "verdictClass": verdictClass,
            "numerator": Display.number(indicator.energyActivityTco2 + indicator.industrialProcessTco2),
            "energyActivity": Display.number(indicator.energyActivityTco2),
            "process": Display.number(indicator.industrialProcessTco2),
            "indicatorBasis": strings.indicatorBasis(indicator.electricityBasis),
            "cleanShare": Display.percent(indicator.cleanShare),
            "cleanDefinition": strings.cleanEnergy(indicator.cleanEnergyDefinition),
            "unconfirmed": indicator.unconfirmed,
            "citation": NationalIndicator.citation,
            "marketRule": strings.marketRule(inventory.rules.marketBasis),
            "market": Display.number(inventory.emissionsTco2),
            "location": Display.number(inventory.locationBasedTco2),
            "avoided": Display.number(inventory.avoidedTco2),
            "exported": Display.number(inventory.exportedTco2),
            "exportRule": strings.exportRule(inventory.rules.exportedEnergy),
            "certificateMWh": Display.number(inventory.certificates.reduce(0) { $0 + $1.appliedMWh }, decimals: 0),
        ]
        // Only when a line used it (an empty string would still open the template's section).
        if let residual {
            data["residualFactor"] = "\(residual.id) = \(Quantity.format(residual.value)) \(residual.unit.symbol)"
                + (residual.vintage.map { "（\($0)）" } ?? "") + " — \(residual.source)"
        }
        return data
    }

    func provinceName(_ key: String?, _ language: Language) -> String {
        guard let key else { return "" }
        guard let area = FactorLibrary.builtIn.gridArea(key) else { return key }
        return language == .zh ? area.nameZh : area.nameEn
    }

    // MARK: Sources

    func sources(_ request: Request, _ context: AppRequestContext, importProblems: [String] = [], csvText: String = "",
                 status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(request, context, nav: "navSources")
        let key = loaded.park.profile.id
        let computed = try await service.compute(parkKey: key, year: loaded.year, caller: loaded.caller)
        let strings = t(context)
        let accounts = Dictionary(uniqueKeysWithValues: computed.inventory.sources.map { ($0.id, $0) })
        let specs = try await store.sources(parkKey: key, caller: loaded.caller)
        let rows = specs.map { spec -> [String: Any] in
            let account = accounts[spec.key]
            return ["id": spec.key, "name": spec.name, "parkKey": key, "year": loaded.year,
                    "system": EmissionSystem(rawValue: spec.system).map(strings.system) ?? spec.system,
                    "method": AccountingMethodKind(rawValue: spec.method).map(strings.method) ?? spec.method,
                    "enterprise": spec.enterprise ?? "",
                    "activity": account.map { Display.number($0.activity.total) + " " + UnitText.display(spec.unit, chinese: context.language == .zh) } ?? "—",
                    "tco2": account.map { Display.number($0.tco2) } ?? "—",
                    "share": account.map { Display.percent(computed.inventory.share(ofSource: $0)) } ?? "—"]
        }
        let canAdd = [.admin, .manager, .tenant].contains(loaded.caller.role(parkID: loaded.park.id))
        var data: [String: Any] = ["rows": rows, "parkKey": key, "year": loaded.year, "name": name(loaded.park, context.language),
                                   "missing": computed.missing, "hasMissing": !computed.missing.isEmpty, "canAdd": canAdd, "csvText": csvText]
        if !importProblems.isEmpty {
            data["formError"] = true
            data["importProblems"] = importProblems
        }
        if let imported = request.uri.queryParameters.get("imported").flatMap({ Int($0) }) {
            let skipped = request.uri.queryParameters.get("skipped").flatMap { Int($0) } ?? 0
            data["imported"] = strings("已导入 \(imported) 行", "Imported \(imported) rows")
                + (skipped > 0 ? strings("；跳过 \(skipped) 行未填 value 的模板行", "; skipped \(skipped) template rows without a value") : "")
        }
        return renderer.page("sources", title: WebText.text("sources", context.language), context: context, data: data,
                             park: loaded.nav, status: status)
    }

    func source(_ request: Request, _ context: AppRequestContext, formError: String?, form: [String: String],
                status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(request, context, nav: "navSources")
        let key = loaded.park.profile.id
        let sourceKey = try context.parameter("source")
        let spec = try await store.source(parkKey: key, sourceKey: sourceKey, caller: loaded.caller)
        let activity = try await store.activity(parkKey: key, sourceKey: sourceKey, caller: loaded.caller)
        let showAll = request.uri.queryParameters.get("all") == "1"
        let shown = showAll ? activity : activity.filter { $0.year == loaded.year }
        // Editing a row: the form starts from it (unless a refused form is shown again).
        let editing = request.uri.queryParameters.get("edit_month").flatMap(Int.init).flatMap { month in
            activity.first { $0.year == loaded.year && $0.month == month }
        }
        var form = form
        if let editing, form.isEmpty {
            form = ["year": String(editing.year), "month": String(editing.month), "value": String(editing.value), "data_source": editing.dataSource ?? ""]
        }
        let computed = try await service.compute(parkKey: key, year: loaded.year, caller: loaded.caller)
        let account = computed.inventory.sources.first { $0.id == sourceKey }
        let strings = t(context)
        let language = context.language
        var data: [String: Any] = [
            "id": spec.key, "name": spec.name, "parkKey": key, "year": loaded.year, "unit": UnitText.display(spec.unit, chinese: context.language == .zh),
            "system": EmissionSystem(rawValue: spec.system).map(strings.system) ?? spec.system,
            "method": AccountingMethodKind(rawValue: spec.method).map(strings.method) ?? spec.method,
            "scope": account?.scope ?? spec.scope ?? 0,
            // GHG Protocol scopes as Chinese readers name them (范围一/二/三).
            "scopeText": Self.scopeText(account?.scope ?? spec.scope ?? 0, chinese: context.language == .zh),
            "formula": account?.formula ?? AccountingMethodKind(rawValue: spec.method)?.formula ?? "—",
            "calculation": account?.calculation ?? "—",
            "tco2": account.map { Display.number($0.tco2) } ?? "—",
            "location": account.map { Display.number($0.locationBasedTco2) } ?? "—",
            "activityTotal": account.map { Display.number($0.activity.total) } ?? "—",
            "dataSource": spec.dataSource ?? "—", "noData": account == nil,
            "category": strings.category(account?.category ?? (AccountingMethodKind(rawValue: spec.method)
                .map { EmissionCategory.defaultCategory(of: $0) } ?? .other)),
            "factors": (account?.parameters ?? []).map { use -> [String: Any] in
                var factor: [String: Any] = ["id": use.id, "value": Quantity.format(use.value), "unit": UnitText.display(use.unit.symbol, chinese: context.language == .zh),
                                             "source": Citation.localized(use.source, chinese: context.language == .zh), "overridden": use.overridden]
                if let vintage = use.vintage { factor["vintage"] = vintage }
                return factor
            },
            // The year's rows (all years on request), each with its edit link and delete form (issue #12 defect 8).
            "activity": shown.map { record -> [String: Any] in
                ["year": record.year, "month": record.month,
                 "monthText": record.month == 0 ? WebText.text("wholeYear", language) : strings("\(record.month) 月", "\(record.month)"),
                 "value": Display.number(record.value), "dataSource": record.dataSource ?? "", "recordedBy": record.recordedBy,
                 "recordedAt": TelemetryFormat.isoTime(record.recordedAt),
                 "editHref": "/parks/\(key)/sources/\(sourceKey)?year=\(record.year)&edit_month=\(record.month)#activity-form"]
            },
            "allYears": showAll, "otherYears": activity.count - shown.count,
            "allHref": "/parks/\(key)/sources/\(sourceKey)?year=\(loaded.year)&all=1#activity-rows",
            "yearHref": "/parks/\(key)/sources/\(sourceKey)?year=\(loaded.year)#activity-rows",
            "canEdit": loaded.caller.canEditSource(parkID: loaded.park.id, enterprise: spec.enterprise),
            "formYear": form["year"] ?? String(loaded.year), "formValue": form["value"] ?? "",
            "formDataSource": form["data_source"] ?? "", "editing": editing != nil,
            "months": (0...12).map { month -> [String: Any] in
                ["value": month, "label": month == 0 ? WebText.text("wholeYear", language) : strings("\(month) 月", "\(month)"),
                 "selected": String(month) == (form["month"] ?? "0")]
            },
        ]
        if let line = account?.electricity {
            var item: [String: Any] = ["basis": strings.marketBasis(line.basis),
                                       "rule": strings.electricityRule(line, rules: computed.inventory.rules),
                                       "location": "\(line.locationFactor.id) = \(Quantity.format(line.locationFactor.value)) \(line.locationFactor.unit.symbol)（\(strings(GridFactorKind.average.labelZh, GridFactorKind.average.labelEn))）"]
            if let market = line.marketFactor {
                let label = line.marketFactorKind.map { strings($0.labelZh, $0.labelEn) } ?? strings.marketBasis(line.basis)
                item["market"] = "\(market.id) = \(Quantity.format(market.value)) \(market.unit.symbol)（\(label)）"
            }
            if line.certificateMWh > 0 {
                item["certificates"] = "\(Display.number(line.certificateMWh, decimals: 0)) MWh：" + line.certificates.joined(separator: "、")
            }
            data["electricity"] = item
        }
        if let account, account.method == .onsiteRenewable { data["avoided"] = Display.number(account.avoidedTco2) }
        if let account, let series = account.monthlyTco2 {
            data["trend"] = SVGChart.line(zip(computed.inventory.period.months, series).map { .init(SVGChart.monthLabel($0.month, chinese: language == .zh), $1) },
                                          title: WebText.text("monthly", language), unit: "tCO2")
        }
        let target = "source:\(sourceKey)"
        data["comments"] = try await store.comments(parkKey: key, caller: loaded.caller).filter { $0.target == target }.map {
            ["author": $0.author, "text": $0.text, "createdAt": String($0.createdAt.prefix(16))]
        }
        data["canComment"] = loaded.caller.role(parkID: loaded.park.id).map { $0 != .viewer } ?? false
        if let evidence = spec.evidence { data["evidence"] = evidence }
        if let enterprise = spec.enterprise { data["enterprise"] = enterprise }
        if let formError { data["formError"] = formError }
        return renderer.page("source", title: spec.name, context: context, data: data, park: loaded.nav, status: status)
    }

    func deleteActivity(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park"), sourceKey = try context.parameter("source")
        guard let year = WebForm.value(form, "year").flatMap(Int.init), Domain.year.contains(year),
              let month = WebForm.value(form, "month").flatMap(Int.init), Domain.month.contains(month) else {
            throw StoreError.invalid(field: "month", message: "年份或月份无效 / not a valid year or month")
        }
        try await store.deleteActivity(parkKey: key, sourceKey: sourceKey, year: year, month: month, caller: caller)
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sources/\(sourceKey)?year=\(year)#activity-rows"])
    }

    func recordActivity(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park"), sourceKey = try context.parameter("source")
        let strings = t(context)
        guard let year = WebForm.value(form, "year").flatMap(Int.init), (1900...2200).contains(year) else {
            return try await source(request, context, formError: strings("年份须为四位数字", "Year must be a four-digit year"), form: form,
                                    status: .unprocessableContent)
        }
        let month = WebForm.value(form, "month").flatMap(Int.init) ?? 0
        guard let value = WebForm.value(form, "value").flatMap(Double.init), value.isFinite, value >= 0 else {
            return try await source(request, context, formError: strings("数值须为不小于 0 的数字", "Value must be a number ≥ 0"), form: form,
                                    status: .unprocessableContent)
        }
        do {
            try await store.recordActivity(parkKey: key, values: [.init(sourceKey: sourceKey, year: year, month: month, value: value,
                                                                        dataSource: WebForm.value(form, "data_source"))], caller: caller)
        } catch let error as StoreError {
            if case let .invalid(field, message) = error {
                return try await source(request, context, formError: "\(field): \(message)", form: form, status: .unprocessableContent)
            }
            throw error
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sources/\(sourceKey)?year=\(year)"])
    }

    func sourceForm(_ request: Request, _ context: AppRequestContext, form: [String: String], error: String?,
                    status: HTTPResponse.Status = .ok, editing: String? = nil) async throws -> Response {
        let loaded = try await load(request, context, nav: "navSources")
        let strings = t(context)
        let key = loaded.park.profile.id
        var data: [String: Any] = [
            "parkKey": key, "year": loaded.year, "editing": editing != nil,
            "heading": WebText.text(editing == nil ? "addSource" : "editSource", context.language),
            "action": editing.map { "/parks/\(key)/sources/\($0)/edit?year=\(loaded.year)" } ?? "/parks/\(key)/sources?year=\(loaded.year)",
            "form": ["key": form["key"] ?? "", "name": form["name"] ?? "", "unit": form["unit"] ?? "", "fuel": form["fuel"] ?? "",
                     "factor": form["factor"] ?? "", "gas": form["gas"] ?? "", "gwpSet": form["gwp_set"] ?? "",
                     "enterprise": form["enterprise"] ?? "", "dataSource": form["data_source"] ?? "", "evidence": form["evidence"] ?? ""],
            "systems": EmissionSystem.allCases.map { ["value": $0.rawValue, "label": strings.system($0), "selected": form["system"] == $0.rawValue] },
            "methods": AccountingMethodKind.allCases.map { ["value": $0.rawValue, "label": strings.method($0), "selected": form["method"] == $0.rawValue] },
        ]
        let canSeeParkData = loaded.caller.tenantEnterprise(parkID: loaded.park.id) == nil
        data["pickers"] = SourcePickers.lists(parkFactors: canSeeParkData ? try await store.parkFactors(parkKey: key, caller: loaded.caller) : [],
                                              parkFuels: canSeeParkData ? try await store.parkFuels(parkKey: key, caller: loaded.caller) : [],
                                              enterprises: canSeeParkData ? loaded.park.enterprises : [], chinese: context.language == .zh)
        if let error { data["formError"] = error }
        return renderer.page("sourceForm", title: WebText.text("addSource", context.language), context: context, data: data,
                             park: loaded.nav, status: status)
    }

    /// The accounting's problems as one line for a form: `field: message; ...` without the park prefix.
    static func spec(from form: [String: String]) -> SourceSpec {
        SourceSpec(key: form["key"] ?? "", name: form["name"] ?? "", system: form["system"] ?? "", method: form["method"] ?? "",
                   fuel: WebForm.value(form, "fuel"), factor: WebForm.value(form, "factor"), grid: WebForm.value(form, "grid"),
                   gas: WebForm.value(form, "gas"), gwpSet: WebForm.value(form, "gwp_set"), enterprise: WebForm.value(form, "enterprise"),
                   unit: form["unit"] ?? "", dataSource: WebForm.value(form, "data_source"), evidence: WebForm.value(form, "evidence"))
    }

    func createSource(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        do {
            var spec = Self.spec(from: form)
            // A tenant's keys live in its enterprise's namespace; the form adds the prefix for it.
            let park = try await store.park(key: key, caller: caller)
            if let enterprise = caller.tenantEnterprise(parkID: park.id), !spec.key.hasPrefix(enterprise + ".") {
                spec.key = enterprise + "." + spec.key
            }
            try await service.check(spec, parkKey: key, caller: caller)
            let created = try await store.createSource(parkKey: key, spec: spec, caller: caller)
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sources/\(created.key)"])
        } catch let error as StoreError where error.isInputError {
            return try await sourceForm(request, context, form: form, error: WebErrorText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        } catch let error as ParkInputError {
            return try await sourceForm(request, context, form: form, error: ParkIssueText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        }
    }

    func editSourceForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park"), sourceKey = try context.parameter("source")
        let spec = try await store.source(parkKey: key, sourceKey: sourceKey, caller: caller)
        let form = ["key": spec.key, "name": spec.name, "system": spec.system, "method": spec.method, "unit": spec.unit,
                    "fuel": spec.fuel ?? "", "factor": spec.factor ?? "", "gas": spec.gas ?? "", "gwp_set": spec.gwpSet ?? "",
                    "enterprise": spec.enterprise ?? "", "data_source": spec.dataSource ?? "", "evidence": spec.evidence ?? ""]
        return try await sourceForm(request, context, form: form, error: nil, editing: sourceKey)
    }

    func updateSource(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park"), sourceKey = try context.parameter("source")
        do {
            var spec = Self.spec(from: form)
            spec.key = sourceKey
            try await service.check(spec, parkKey: key, caller: caller)
            _ = try await store.updateSource(parkKey: key, sourceKey: sourceKey, spec: spec, caller: caller)
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sources/\(sourceKey)"])
        } catch let error as StoreError where error.isInputError {
            return try await sourceForm(request, context, form: form, error: WebErrorText.message(error, chinese: context.language == .zh), status: .unprocessableContent, editing: sourceKey)
        } catch let error as ParkInputError {
            return try await sourceForm(request, context, form: form, error: ParkIssueText.message(error, chinese: context.language == .zh), status: .unprocessableContent, editing: sourceKey)
        }
    }

    func deleteSource(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        _ = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        try await store.deleteSource(parkKey: key, sourceKey: try context.parameter("source"), caller: caller)
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sources"])
    }

    /// Activity import from the sources page: a file (CSV or XLSX, multipart) or pasted CSV text
    /// (urlencoded or the form's text field). Only those who may record activity (admins, managers,
    /// tenants for their own sources) get their body read; every problem is listed, nothing is stored
    /// unless all rows are good.
    func importCSV(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        guard [.admin, .manager, .tenant].contains(caller.role(parkID: park.id)) else {
            throw StoreError.forbidden("只有园区管理员、管理者和租户可以导入活动数据 / only admins, managers and tenants import activity data")
        }
        let chinese = context.language == .zh
        var text = ""
        do {
            let outcome: ActivityImport.Outcome
            if let form = try await WebForm.multipart(request, context: context, limit: context.maxUploadSize) {
                text = form.field("csv") ?? ""
                if let file = form.file("file") {
                    outcome = try await ActivityImport.importFile(file.body, parkKey: key, caller: caller, store: store)
                } else if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    outcome = try await ActivityImport.importCSV(text, parkKey: key, caller: caller, store: store)
                } else {
                    throw InputError(InputProblem(code: "required", field: "file", zh: WebText.text("importNothing", .zh), en: WebText.text("importNothing", .en)))
                }
            } else {
                let form = try await WebForm.verified(request, context: context)
                text = form["csv"] ?? ""
                outcome = try await ActivityImport.importCSV(text, parkKey: key, caller: caller, store: store)
            }
            var query = "year=\(request.uri.queryParameters.get("year") ?? "")&imported=\(outcome.imported)"
            if !outcome.skipped.isEmpty { query += "&skipped=\(outcome.skipped.count)" }
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sources?\(query)#activity-import"])
        } catch let error as InputError {
            return try await sources(request, context, importProblems: error.problems.map { $0.message(chinese: chinese) }, csvText: text,
                                     status: .unprocessableContent)
        } catch let error as StoreError where error.isInputError {
            return try await sources(request, context, importProblems: [WebErrorText.message(error, chinese: chinese)], csvText: text,
                                     status: .unprocessableContent)
        }
    }

    /// The import template for the caller's sources and the year: CSV (with a UTF-8 BOM, so Excel reads
    /// the Chinese) or XLSX (the rows on the first sheet, the sources' names and units on a second).
    func activityTemplate(_ request: Request, _ context: AppRequestContext, xlsx: Bool) async throws -> Response {
        let loaded = try await load(request, context, nav: "navSources")
        let key = loaded.park.profile.id
        let specs = try await store.sources(parkKey: key, caller: loaded.caller)
        let rows = ActivityImport.templateRows(specs, year: loaded.year)
        let name = "zeropark-activity-\(key)-\(loaded.year)"
        guard xlsx else {
            let csv = CSVWriter.text(rows)
            return attachment(csv, name: name + ".csv", type: "text/csv; charset=utf-8")
        }
        let strings = t(context)
        let sheets = [
            XLSXWriter.Sheet(name: "activity", header: rows[0], rows: rows.dropFirst().map { $0.map { .text($0) } }, widths: [24, 8, 8, 14, 28, 28]),
            XLSXWriter.Sheet(name: WebText.text("templateSources", context.language),
                             header: [strings("编号", "id"), strings("名称", "name"), strings("单位", "unit"), strings("企业", "enterprise")],
                             rows: specs.map { [.text($0.key), .text($0.name), .text($0.unit), .text($0.enterprise ?? "")] }, widths: [24, 30, 12, 20]),
        ]
        let data = try XLSXWriter.data(sheets, title: name, author: "ZeroPark", created: Date())
        return Response(status: .ok, headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                               .contentDisposition: "attachment; filename=\"\(name).xlsx\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func addComment(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        let target = request.uri.queryParameters.get("target") ?? "park"
        _ = try await store.addComment(parkKey: key, target: target, text: form["text"] ?? "", caller: caller)
        let back = target.hasPrefix("source:") ? "/parks/\(key)/sources/\(target.dropFirst("source:".count))" : "/parks/\(key)"
        return Response(status: .seeOther, headers: [.location: back + "?year=\(request.uri.queryParameters.get("year") ?? "")#comments"])
    }

    // MARK: Sinks and offsets

    func sinksOffsets(_ request: Request, _ context: AppRequestContext, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(request, context, nav: "navSinks")
        let key = loaded.park.profile.id
        let computed = try await service.compute(parkKey: key, year: loaded.year, caller: loaded.caller)
        let strings = t(context)
        let (sinks, offsets) = try await sinkAndOffsetRows(loaded, inventory: computed.inventory, strings: strings)
        var data: [String: Any] = ["parkKey": key, "year": loaded.year, "name": name(loaded.park, context.language),
                                   "sinks": sinks, "offsets": offsets, "canEdit": loaded.caller.canEditPark(parkID: loaded.park.id),
                                   "provinces": ProvinceChoices.options(selected: nil, chinese: context.language == .zh, allowNone: true,
                                                                        noneLabel: strings("（未注明）", "(not given)"))]
        data["certificates"] = try await certificateRows(computed.inventory, parkKey: key, caller: loaded.caller, strings: strings)
        data["electricitySources"] = computed.inventory.sources.filter { $0.method == .purchasedElectricity }.map(\.id)
        if let error { data["formError"] = error }
        return renderer.page("sinksOffsets", title: WebText.text("sinksOffsets", context.language), context: context, data: data,
                             park: loaded.nav, status: status)
    }

    /// A GHG Protocol scope after a method's name as a reader names it: （范围一）…（范围三）, or " (scope 1)" …;
    /// nothing when none is known.
    static func scopeText(_ scope: Int, chinese: Bool) -> String {
        guard (1...3).contains(scope) else { return "" }
        return chinese ? "（范围" + ["一", "二", "三"][scope - 1] + "）" : " (scope \(scope))"
    }

    /// The sinks and offsets tables of a year as the page shows them, with the unrounded tonnes (`…Raw`) for
    /// the downloads.
    func sinkAndOffsetRows(_ loaded: Loaded, inventory: Inventory, strings: Strings) async throws -> (sinks: [[String: Any]], offsets: [[String: Any]]) {
        let key = loaded.park.profile.id
        let sinkTonnes = Dictionary(uniqueKeysWithValues: inventory.sinks.map { ($0.id, $0.tco2) })
        let offsetAccounts = Dictionary(uniqueKeysWithValues: inventory.offsets.map { ($0.id, $0) })
        let sinks: [[String: Any]] = try await store.sinks(parkKey: key, caller: loaded.caller).map { sink -> [String: Any] in
            let detail: String
            switch sink.kind {
            case let .greenery(area, rate):
                detail = "\(Display.number(area, decimals: 0)) m² × \(Quantity.format(rate.value)) \(UnitText.display(rate.unit.symbol, chinese: strings.language == .zh))"
            case let .ccus(captured, verification): detail = "\(captured)" + (verification.map { " · \($0)" } ?? "")
            }
            return ["id": sink.id, "name": sink.name, "kind": strings.sinkKind(sink.kind.key), "detail": detail,
                    "tco2": sinkTonnes[sink.id].map { Display.number($0) } ?? "—", "tco2Raw": DownloadTable.number(sinkTonnes[sink.id])]
        }
        // Claimed, counted and surplus tonnes with the reason and each warning's clause (docs/accounting-rules.md §4).
        let province = loaded.park.profile.province
        let offsets: [[String: Any]] = try await store.offsets(parkKey: key, caller: loaded.caller).map { item -> [String: Any] in
            let account = offsetAccounts[item.offset.id]
            return ["id": item.offset.id, "name": item.offset.name, "type": strings.offsetType(item.offset.type),
                    "tco2": Display.number(item.offset.quantity.value), "counted": account.map { strings.yesNo($0.counted) } ?? "\(item.year)",
                    "countedTco2": account.map { Display.number($0.countedTco2) } ?? "—",
                    "surplusTco2": account.map { Display.number($0.surplusTco2) } ?? "—",
                    "local": strings.yesNo(account?.local ?? item.offset.isLocal(parkProvince: province)),
                    "reason": account.map { strings.offsetReason($0) } ?? strings("非本年度", "other year"),
                    "warnings": account.map { strings.offsetWarnings($0.warnings) } ?? "",
                    "tco2Raw": DownloadTable.number(item.offset.quantity.value), "countedRaw": DownloadTable.number(account?.countedTco2),
                    "surplusRaw": DownloadTable.number(account?.surplusTco2)]
        }
        return (sinks, offsets)
    }

    func createSink(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        let year = request.uri.queryParameters.get("year").flatMap(Int.init)
        do {
            var body = Self.sinkBody(form, id: form["id"] ?? "")
            body.year = body.kind == "ccus" ? year : nil
            try await store.createSink(parkKey: key, sink: try body.sink(), year: body.year, caller: caller)
        } catch let error as APIError {
            return try await sinksOffsets(request, context, error: "\(error.field ?? ""): \(StoreError.pick(error.message, chinese: context.language == .zh))", status: .unprocessableContent)
        } catch let error as ParkInputError {
            return try await sinksOffsets(request, context, error: ParkIssueText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        } catch let error as StoreError where error.isInputError {
            return try await sinksOffsets(request, context, error: WebErrorText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sinks-offsets?year=\(year ?? 0)"])
    }

    func createOffset(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        let year = request.uri.queryParameters.get("year").flatMap(Int.init) ?? 0
        do {
            let body = Self.offsetBody(form, id: form["id"] ?? "", year: year)
            let offset = try body.offset()
            try await service.check(offset: offset, year: year, parkKey: key, caller: caller)
            try await store.createOffset(parkKey: key, offset: offset, year: year, caller: caller)
        } catch let error as APIError {
            return try await sinksOffsets(request, context, error: "\(error.field ?? ""): \(StoreError.pick(error.message, chinese: context.language == .zh))", status: .unprocessableContent)
        } catch let error as ParkInputError {
            return try await sinksOffsets(request, context, error: ParkIssueText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        } catch let error as StoreError where error.isInputError {
            return try await sinksOffsets(request, context, error: WebErrorText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sinks-offsets?year=\(year)"])
    }

    /// A sink request body from the sink form's fields (the API's validation then applies).
    static func sinkBody(_ form: [String: String], id: String) -> APIModels.SinkBody {
        var body = APIModels.SinkBody(id: id, name: form["name"] ?? "", kind: form["kind"] ?? "")
        body.areaM2 = WebForm.value(form, "area_m2").flatMap(Double.init)
        body.rate = WebForm.value(form, "rate").flatMap(Double.init).map { .init(value: $0, unit: "tCO2/ha/yr") }
        body.captured = WebForm.value(form, "captured").flatMap(Double.init).map { .init(quantity: $0, unit: "tCO2") }
        body.source = WebForm.value(form, "source")
        return body
    }

    /// An offset request body from the offset form's fields. The form has no "local" box: local is
    /// derived from the project's province (docs/accounting-rules.md §4).
    static func offsetBody(_ form: [String: String], id: String, year: Int) -> APIModels.OffsetBody {
        var body = APIModels.OffsetBody(id: id, name: form["name"] ?? "", type: form["type"] ?? "",
                                        quantity: .init(value: WebForm.value(form, "tco2").flatMap(Double.init), unit: "tCO2"), year: year)
        body.vintage = WebForm.value(form, "vintage").flatMap(Int.init)
        body.projectProvince = WebForm.value(form, "project_province")
        body.retiredFor = WebForm.value(form, "retired_for")
        body.verification = WebForm.value(form, "verification")
        body.retired = WebForm.value(form, "retired")
        body.commitmentYears = WebForm.value(form, "commitment_years").flatMap(Int.init)
        body.registryRef = WebForm.value(form, "registry_ref")
        return body
    }

    // MARK: Snapshots

    func inventories(_ request: Request, _ context: AppRequestContext, error: String?) async throws -> Response {
        let loaded = try await load(request, context, nav: "navInventories")
        let key = loaded.park.profile.id
        let snapshots = try await store.snapshots(parkKey: key, caller: loaded.caller)
        var data: [String: Any] = [
            "parkKey": key, "year": loaded.year, "name": name(loaded.park, context.language),
            "canEdit": loaded.caller.canEditPark(parkID: loaded.park.id),
            "snapshots": snapshots.map { snapshot -> [String: Any] in
                ["id": snapshot.id, "year": snapshot.year, "createdAt": String(snapshot.createdAt.prefix(19)), "createdBy": snapshot.createdBy,
                 "emissions": Display.number(snapshot.emissionsTco2), "net": Display.number(snapshot.netTco2),
                 "inputHash": snapshot.inputHash, "shortHash": String(snapshot.inputHash.prefix(12)), "parkKey": key,
                 "libraryChanged": snapshot.factorLibrary.map { $0 != FactorLibrary.builtIn.version } ?? false,
                 "library": "\(snapshot.factorLibrary ?? "—") → \(FactorLibrary.builtIn.version)"]
            },
        ]
        if let error { data["formError"] = error }
        if let a = request.uri.queryParameters.get("a").flatMap(Int64.init), let b = request.uri.queryParameters.get("b").flatMap(Int64.init) {
            data["comparison"] = try await comparison(parkKey: key, a: a, b: b, caller: loaded.caller, context: context)
        }
        return renderer.page("inventories", title: WebText.text("inventories", context.language), context: context, data: data, park: loaded.nav)
    }

    func comparison(parkKey: String, a: Int64, b: Int64, caller: Caller, context: AppRequestContext) async throws -> [String: Any] {
        func document(_ id: Int64) async throws -> (Int, InventoryDocument) {
            let snapshot = try await store.snapshot(parkKey: parkKey, id: id, caller: caller)
            let document = try JSONDecoder().decode(InventoryDocument.self, from: Data((snapshot.document ?? "").utf8))
            return (snapshot.year, document)
        }
        let (yearA, docA) = try await document(a), (yearB, docB) = try await document(b)
        let strings = t(context)
        var rows: [(String, Double, Double)] = [
            (strings("碳排放", "Emissions"), docA.totals.emissionsTco2, docB.totals.emissionsTco2),
            (strings("碳吸收", "Sequestration"), docA.totals.sequestrationTco2, docB.totals.sequestrationTco2),
            (strings("碳抵消", "Offsets"), docA.totals.offsetsTco2, docB.totals.offsetsTco2),
            (strings("净排放", "Net"), docA.totals.netTco2, docB.totals.netTco2),
            (strings("综合能耗 tce", "Energy tce"), docA.energy.consumptionTce, docB.energy.consumptionTce),
        ]
        for system in EmissionSystem.allCases {
            rows.append((strings.system(system), docA.bySystem[system.rawValue] ?? 0, docB.bySystem[system.rawValue] ?? 0))
        }
        return ["a": a, "b": b, "yearA": yearA, "yearB": yearB, "rows": rows.map { label, x, y -> [String: Any] in
            ["label": label, "a": Display.number(x), "b": Display.number(y), "delta": Display.number(y - x),
             "percent": x != 0 ? Display.percent((y - x) / abs(x)) : "—"]
        }]
    }

    func createSnapshot(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        guard let year = WebForm.value(form, "year").flatMap(Int.init), (1900...2200).contains(year) else {
            return try await inventories(request, context, error: t(context)("年份无效", "Invalid year"))
        }
        do {
            _ = try await service.snapshot(parkKey: key, year: year, caller: caller)
        } catch let error as ParkInputError {
            return try await inventories(request, context, error: ParkIssueText.message(error, chinese: context.language == .zh))
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/inventories?year=\(year)"])
    }

    func download(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        guard let id = Int64(try context.parameter("id")) else { throw StoreError.notFound("snapshot") }
        let snapshot = try await store.snapshot(parkKey: key, id: id, caller: caller)
        let base = "\(key)-\(snapshot.year)-snapshot-\(id)"
        switch request.uri.queryParameters.get("format") ?? "json" {
        case "csv":
            // Recomputed from the snapshot's own input park file; served only when that gives exactly the
            // stored figures. If the factor library or a convention changed since, the CSV would silently
            // restate the snapshot: refused, with the way to the restatement.
            let inventory = try InventoryCalculator.compute(try ParkFileReader.read(yaml: snapshot.inputParkFile ?? ""))
            let stored = try JSONDecoder().decode(InventoryDocument.self, from: Data((snapshot.document ?? "").utf8))
            guard Restatement.compare(stored, InventoryDocument(inventory)).changed == false else {
                let strings = t(context)
                let text = strings("因子库或核算规则自快照保存后已变化，按原样重算会改变快照的数值。请下载快照 JSON，或查看重述对比：",
                                   "The factor library or a rule changed since this snapshot; recomputing it would restate its figures. Download the JSON, or see the restatement: ")
                    + "/parks/\(key)/inventories/\(id)/restatement?against=library\n"
                return Response(status: .conflict, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: text)))
            }
            // With a UTF-8 byte-order mark: Excel opens a BOM-less UTF-8 CSV in the system code page and
            // garbles the Chinese (issue #12 defect 9).
            let csv = "\u{FEFF}" + InventoryCSVRenderer(language: context.language == .zh ? .zh : .en).render(inventory)
            return attachment(csv, name: base + ".csv", type: "text/csv; charset=utf-8")
        case "yaml":
            return attachment(snapshot.inputParkFile ?? "", name: base + "-inputs.yaml", type: "application/yaml; charset=utf-8")
        default:
            return attachment(snapshot.document ?? "", name: base + ".json", type: "application/json; charset=utf-8")
        }
    }

    func attachment(_ text: String, name: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: Public disclosure

    func disclosure(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameter("park")
        guard let park = try await store.publishedPark(key: key) else { throw StoreError.notFound("published park \(key)") }
        // The published snapshot when the park has one (issue #12 defect 10): figures that do not move with
        // edits, with their publication and hashes; otherwise the live figures, said to be live.
        let inventory: Inventory
        var publication: [String: Any]?
        if let published = try await store.publishedSnapshot(parkKey: key, caller: nil) {
            let definition = try ParkFileReader.read(yaml: published.snapshot.inputParkFile ?? "")
            inventory = try InventoryCalculator.compute(definition, today: definition.rules.reportDate ?? service.today())
            publication = ["id": published.snapshot.id, "year": published.snapshot.year, "savedAt": TelemetryFormat.isoTime(published.snapshot.createdAt),
                           "publishedAt": TelemetryFormat.isoTime(published.publishedAt), "inputHash": published.snapshot.inputHash,
                           "outputHash": published.snapshot.outputHash, "parkKey": key]
        } else {
            let year = request.uri.queryParameters.get("year").flatMap(Int.init) ?? park.defaultYear
            guard let definition = try await store.publishedDefinition(parkKey: key, year: year) else { throw StoreError.notFound("park \(key)") }
            inventory = try InventoryCalculator.compute(definition, today: service.today())
        }
        let strings = t(context)
        var data = summary(inventory, park: park, context: context)
        if let publication { data["publication"] = publication }
        if let target = park.reductionTarget, !target.isEmpty { data["target"] = target }
        data["sources"] = inventory.sources.sorted { $0.tco2 > $1.tco2 }.map {
            ["name": $0.name, "system": strings.system($0.system), "tco2": Display.number($0.tco2)]
        }
        data["sinks"] = inventory.sinks.map { ["name": $0.name, "tco2": Display.number($0.tco2)] }
        data["offsetRows"] = inventory.offsets.map {
            ["name": $0.name, "type": strings.offsetType($0.type), "tco2": Display.number($0.tco2),
             "counted": strings.yesNo($0.counted), "countedTco2": Display.number($0.countedTco2),
             "surplusTco2": Display.number($0.surplusTco2), "local": strings.yesNo($0.local)]
        }
        if let plan = try await store.publishedPlan(parkKey: key) {
            let projects = DisclosedProjects.rows(plan, chinese: context.language == .zh)
            data["plan"] = ["version": plan.version, "balanceYear": plan.balanceYear.map(String.init) ?? strings("未达到", "not reached"),
                            "projects": projects, "hasProjects": !projects.isEmpty]
        }
        try await TelemetryPages.addChainHeads(to: &data, store: store, parkKey: key)
        let certificates = try await VerifyPages.disclosureRows(store: store, parkKey: key, chinese: context.language == .zh)
        data["certificates"] = certificates
        data["hasCertificates"] = !certificates.isEmpty
        data["v"] = VerifyText.dictionary(context.language == .zh)
        return renderer.page("disclosure", title: name(park, context.language), context: context, data: data)
    }
}

extension StoreError {
    var isInputError: Bool {
        switch self {
        case .invalid, .conflict: return true
        default: return false
        }
    }
}
