import Foundation
import Hummingbird
import Mustache
import ZeroParkInput
import ZeroParkPlanning
import ZeroParkReports
import ZeroParkScenario
import ZeroParkStore

/// `/parks/{park}/plan` (issue #10 item 8): the measures file in a form, the pathway from the park's
/// inventory of the chosen year, with the measures' economics, the MAC curve, the stacked pathway and
/// the year table. Admins and managers (others 403; non-members 404). The text is read by the same
/// reader as the command line, so problems name the same fields and lines. Chinese first; no JavaScript.
///
/// Serves STANDARD.md 1.1.3(c), 1.1.5–1.1.7, 1.1.13.
struct PlanPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let library: MustacheLibrary?
    let inventories: InventoryService

    init(store: any ParkRepository, renderer: WebRenderer, inventories: InventoryService) {
        self.store = store
        self.renderer = renderer
        self.library = try? PlanTemplates.library()
        self.inventories = inventories
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("parks/:park/plan") { request, context in try await page(request, context, form: nil) }
        web.post("parks/:park/plan") { request, context in
            _ = try context.requireLogin()
            let form = try await WebForm.verified(request, context: context)
            return try await page(request, context, form: form)
        }
        web.post("parks/:park/plan/save") { request, context in try await save(request, context) }
        web.post("parks/:park/plan/output") { request, context in try await saveOutput(request, context) }
        web.post("parks/:park/plan/catalogue") { request, context in try await saveCatalogue(request, context) }
        PlanExports.register(on: web, store: store)
    }

    func page(_ request: Request, _ context: AppRequestContext, form: [String: String]?) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let chinese = context.language == .zh
        guard caller.canEditPark(parkID: park.id) else {
            throw StoreError.forbidden(chinese ? "只有园区管理员和经理可以制定碳中和路径" : "only park admins and managers plan the pathway")
        }
        let years = try await inventories.years(parkKey: key, caller: caller)
        var year = (form?["year"] ?? request.uri.queryParameters.get("year")).flatMap(Int.init).flatMap { years.contains($0) || $0 == park.defaultYear ? $0 : nil }
            ?? park.defaultYear
        var yaml = form?["yaml"] ?? ""
        var opened: StoredPlan?
        if form == nil, let wanted = request.uri.queryParameters.get("version").flatMap(Int.init) {
            let version = try await store.plan(parkKey: key, version: wanted, caller: caller)
            opened = version
            yaml = version.measuresFile ?? ""
            year = version.baseYear
        } else if form == nil {
            yaml = try await template(key: key, year: year, caller: caller)
        }
        var problems: [InputProblem] = []
        var result: [String: Any]?
        var pathway: Pathway?
        var status = HTTPResponse.Status.ok
        // Re-planning from actuals (1.1.10): the base is the last twelve months of actual data.
        let fromActuals = (form?["basis"] ?? request.uri.queryParameters.get("basis")) == "actuals"
        let planner = PlanService(inventories: inventories)
        var actualsPeriod: String?
        if fromActuals {
            let period = try await planner.actualsBaseline(parkKey: key, caller: caller).period
            actualsPeriod = "\(period.start) – \(period.end)"
        }
        if form != nil || opened != nil {
            do {
                let plan = try PlanFileReader.read(yaml: yaml)
                let outcome = try await planner.run(plan, parkKey: key, basis: fromActuals ? .actuals : .year(year), caller: caller)
                result = Self.result(outcome.pathway, measures: plan.measures, chinese: chinese, assessments: outcome.assessments)
                pathway = outcome.pathway
            } catch let error as InputError {
                problems = error.problems
                status = .unprocessableContent
            }
        }
        var data: [String: Any] = [
            "p": PlanText.dictionary(chinese), "t": WebText.dictionary(context.language), "csrf": context.csrfToken ?? "",
            "parkKey": key, "name": chinese ? park.profile.name : (park.profile.nameEn ?? park.profile.name), "yaml": yaml,
            "template": form == nil && opened == nil, "baseYear": year, "basis": fromActuals ? "actuals" : "year",
            "years": Set(years + [park.defaultYear]).sorted(by: >).map { ["value": $0, "selected": $0 == year] },
            "problems": problems.map { ["field": $0.field, "message": $0.unnamedMessage(chinese: chinese)] }, "hasProblems": !problems.isEmpty,
        ]
        if let result { data["result"] = result }
        data["catalogue"] = try await CatalogueService(store: store).rows(parkKey: key, caller: caller).map { row -> [String: Any] in
            let entry = row.builtIn
            var item: [String: Any] = [
                "category": entry.category.rawValue, "name": chinese ? entry.category.nameZh : entry.category.nameEn, "clause": entry.clause,
                "addresses": entry.addresses.map(\.rawValue).sorted().joined(separator: ", ") + (entry.systems.isEmpty ? "" : " · " + entry.systems.map { chinese ? $0.nameZh : $0.rawValue }.sorted().joined(separator: "、")),
                "rule": entry.rule, "note": chinese ? entry.noteZh : entry.noteEn]
            if let park = row.park, let stored = row.stored {
                item["park"] = ["figures": Self.figures(park, chinese: chinese), "source": park.source, "note": park.note,
                                "updated": TelemetryFormat.isoTime(stored.updatedAt) + " · " + stored.updatedBy]
            }
            return item
        }
        data["categories"] = MeasureCategory.allCases.map { ["value": $0.rawValue, "name": chinese ? $0.nameZh : $0.nameEn] }
        data["units"] = ParkCatalogueEntry.units
        if let actualsPeriod { data["actuals"] = ["period": actualsPeriod] }
        data["improvement"] = try await improvement(key: key, years: years, pathway: pathway, caller: caller, chinese: chinese)
        data["outputYear"] = year
        if let opened {
            data["opened"] = ["version": opened.version, "createdAt": TelemetryFormat.isoTime(opened.createdAt), "createdBy": opened.createdBy,
                              "reason": opened.reason, "balanceYear": opened.balanceYear.map(String.init) ?? "—"]
        }
        let versions = try await store.plans(parkKey: key, caller: caller)
        if !versions.isEmpty {
            data["versions"] = versions.map { version -> [String: Any] in
                ["version": version.version, "createdAt": TelemetryFormat.isoTime(version.createdAt), "createdBy": version.createdBy,
                 "reason": version.reason, "baseYear": version.baseYear, "balanceYear": version.balanceYear.map(String.init) ?? "—",
                 "parkKey": key]
            }
            data["compareOptions"] = versions.map { ["version": $0.version] }
            data["hasVersions"] = true
        }
        if let a = request.uri.queryParameters.get("compare").flatMap(Int.init), let b = request.uri.queryParameters.get("with").flatMap(Int.init) {
            data["comparison"] = try await comparison(key: key, a: a, b: b, caller: caller, chinese: chinese)
        }
        let body = library?.render(data, withTemplate: "plan") ?? ""
        return renderer.page(body: body, title: PlanText.dictionary(chinese)["title"] ?? "", context: context,
                             park: ["key": key, "year": park.defaultYear, "navPlan": true], status: status)
    }

    /// Output per area and emissions per output year by year (1.1.14): every year with inventory data, with
    /// its recorded area and output (else the park profile's, said so), then the pathway's years with the
    /// latest output held.
    func improvement(key: String, years: [Int], pathway: Pathway?, caller: Caller, chinese: Bool) async throws -> [[String: Any]] {
        let recordedSources = Dictionary(try await store.yearOutputs(parkKey: key, caller: caller).map { ($0.year, $0.dataSource) },
                                         uniquingKeysWith: { a, _ in a })
        var recorded: [ImprovementYear] = []
        for year in years.sorted() {
            guard let inventory = try? await inventories.compute(parkKey: key, year: year, caller: caller).inventory,
                  !inventory.sources.isEmpty else { continue }
            recorded.append(ImprovementYear(year: year, areaM2: inventory.profile.areaM2, outputValueCNY: inventory.profile.outputValueCNY,
                                            emissionsTco2: inventory.emissionsTco2))
        }
        let track = ImprovementTrack.track(recorded: recorded, pathway: pathway)
        func number(_ value: Double?, _ decimals: Int) -> String { value.map { Display.number($0, decimals: decimals) } ?? "—" }
        return track.enumerated().map { index, year -> [String: Any] in
            let previous = index > 0 ? track[index - 1] : nil
            let change = ImprovementTrack.change(previous?.tco2Per10kCNY, year.tco2Per10kCNY)
            let basis: String
            if let held = year.heldFrom {
                basis = chinese ? "规划值；面积与产值沿用 \(held) 年" : "planned; area and output held at \(held)"
            } else if let source = recordedSources[year.year] {
                basis = source
            } else {
                basis = chinese ? "园区概况（该年未单独录入）" : "park profile (not recorded for the year)"
            }
            return ["year": year.year, "planned": year.heldFrom != nil, "area": number(year.areaM2, 0),
                    "output": number(year.outputValueCNY.map { $0 / 10_000 }, 0), "perM2": number(year.outputPerM2, 0),
                    "emissions": number(year.emissionsTco2, 1), "perOutput": number(year.tco2Per10kCNY, 4),
                    "change": change.map { ($0 > 0 ? "+" : "") + Display.percent($0) } ?? "—", "basis": basis]
        }
    }

    /// Records a year's area and output value from the plan page's form, then reopens the page.
    /// The park's figures in one line: capex and O&M per unit, lifetime, saving fraction.
    static func figures(_ e: ParkCatalogueEntry, chinese: Bool) -> String {
        var parts: [String] = []
        let unit = e.unit == "m2" ? "m²" : e.unit
        if let x = e.capexCNYPerUnit { parts.append((chinese ? "投资 " : "capex ") + Display.number(x) + (chinese ? " 元/" : " CNY/") + unit) }
        if let x = e.opexCNYPerUnitYear { parts.append((chinese ? "运维 " : "O&M ") + Display.number(x) + (chinese ? " 元/\(unit)·年" : " CNY/\(unit)-year")) }
        if let x = e.lifetimeYears { parts.append((chinese ? "寿命 " : "life ") + Display.number(x, decimals: 0) + (chinese ? " 年" : " years")) }
        if let x = e.savingFraction { parts.append((chinese ? "节省 " : "saving ") + Display.percent(x)) }
        return parts.joined(separator: " · ")
    }

    /// Records (or, with `remove`, removes) the park's figures for one kind of measure; back to the catalogue.
    func saveCatalogue(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let chinese = context.language == .zh
        let form = try await WebForm.verified(request, context: context)
        let category: MeasureCategory
        do { category = try CatalogueService.category(form["category"] ?? "") } catch {
            throw StoreError.invalid(field: "category", message: chinese ? "请选择措施类别" : "choose a kind of measure")
        }
        if form["remove"] == "true" {
            try await store.removeCatalogueEntry(parkKey: key, category: category.rawValue, caller: caller)
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/plan#plan-catalogue"])
        }
        func number(_ field: String) throws -> Double? {
            let text = (form[field] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard let value = Double(text), value.isFinite else {
                throw StoreError.invalid(field: field, message: chinese ? "须为数字或留空" : "must be a number or blank")
            }
            return value
        }
        let entry = ParkCatalogueEntry(category: category, unit: form["unit"] ?? "", capexCNYPerUnit: try number("capex_cny_per_unit"),
                                       opexCNYPerUnitYear: try number("opex_cny_per_unit_year"), lifetimeYears: try number("lifetime_years"),
                                       savingFraction: try number("saving_fraction").map { $0 / 100 }, note: form["note"] ?? "",
                                       source: form["source"] ?? "")
        do {
            _ = try await CatalogueService(store: store).set(parkKey: key, category: category.rawValue, entry: entry, caller: caller)
        } catch let error as InputError {
            let first = error.problems.first
            throw StoreError.invalid(field: first?.field ?? "", message: first.map { chinese ? $0.zh : $0.en } ?? "")
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/plan#plan-catalogue"])
    }

    func saveOutput(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let chinese = context.language == .zh
        guard caller.canEditPark(parkID: park.id) else {
            throw StoreError.forbidden(chinese ? "只有园区管理员和经理可以录入产值" : "only park admins and managers record output values")
        }
        let form = try await WebForm.verified(request, context: context)
        guard let year = form["year"].flatMap(Int.init) else { throw StoreError.invalid(field: "year", message: chinese ? "须为年份" : "must be a year") }
        guard let area = form["area_m2"].flatMap(Double.init) else {
            throw StoreError.invalid(field: "area_m2", message: chinese ? "须为数字（平方米）" : "must be a number (m²)")
        }
        let outputText = (form["output_value_cny"] ?? "").trimmingCharacters(in: .whitespaces)
        var output: Double?
        if !outputText.isEmpty {
            guard let value = Double(outputText) else {
                throw StoreError.invalid(field: "output_value_cny", message: chinese ? "须为数字（元）或留空" : "must be a number (CNY) or blank")
            }
            output = value
        }
        _ = try await store.setYearOutput(parkKey: key, year: year, areaM2: area, outputValueCNY: output, dataSource: form["data_source"] ?? "",
                                          caller: caller)
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/plan?year=\(year)#plan-improvement"])
    }

    /// Stores the pathway of the posted measures file as the park's next version, with why; then opens it.
    func save(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        guard caller.canEditPark(parkID: park.id) else {
            throw StoreError.forbidden(context.language == .zh ? "只有园区管理员和经理可以保存规划" : "only park admins and managers save plans")
        }
        let form = try await WebForm.verified(request, context: context)
        let year = form["year"].flatMap(Int.init) ?? park.defaultYear
        let yaml = form["yaml"] ?? ""
        let plan = try PlanFileReader.read(yaml: yaml)
        let basis: PlanService.Basis = form["basis"] == "actuals" ? .actuals : .year(year)
        let stored = try await PlanService(inventories: inventories).save(plan, measuresFile: yaml, reason: form["reason"] ?? "",
                                                                           parkKey: key, basis: basis, caller: caller)
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/plan?version=\(stored.version)"])
    }

    /// Two stored versions side by side: balance years and, per measure, tonnes a year and cost per tonne
    /// as each version's document holds them.
    func comparison(key: String, a: Int, b: Int, caller: Caller, chinese: Bool) async throws -> [String: Any] {
        let first = try await store.plan(parkKey: key, version: a, caller: caller)
        let second = try await store.plan(parkKey: key, version: b, caller: caller)
        func measures(_ plan: StoredPlan) -> [String: (name: String, tonnes: Double?, mac: Double?)] {
            guard let text = plan.document, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let rows = object["measures"] as? [[String: Any]] else { return [:] }
            var result: [String: (name: String, tonnes: Double?, mac: Double?)] = [:]
            for row in rows {
                guard let id = row["id"] as? String else { continue }
                result[id] = (row["name"] as? String ?? id, row["tonnes_per_year"] as? Double, row["mac_cny_per_tonne"] as? Double)
            }
            return result
        }
        let left = measures(first), right = measures(second)
        func number(_ value: Double?, _ decimals: Int) -> String { value.map { Display.number($0, decimals: decimals) } ?? "—" }
        let rows = Set(left.keys).union(right.keys).sorted().map { id -> [String: Any] in
            ["id": id, "name": left[id]?.name ?? right[id]?.name ?? id,
             "tonnesA": number(left[id]?.tonnes, 1), "tonnesB": number(right[id]?.tonnes, 1),
             "macA": number(left[id]?.mac, 2), "macB": number(right[id]?.mac, 2)]
        }
        return ["a": a, "b": b, "balanceA": first.balanceYear.map(String.init) ?? "—", "balanceB": second.balanceYear.map(String.init) ?? "—",
                "reasonA": first.reason, "reasonB": second.reason, "rows": rows]
    }

    /// A starting file from the park's own sources: one PV measure on its first counted electricity
    /// source (or an efficiency measure on its largest source), numbers left at zero for the park to fill.
    func template(key: String, year: Int, caller: Caller) async throws -> String {
        let inventory = try await inventories.compute(parkKey: key, year: year, caller: caller).inventory
        let baseline = PlanBaseline(inventory)
        var lines = ["zeropark_plan: 1", "target_year: \(year + 10)", "discount_rate: 0.08   # 示例 example", "bau_growth: 0        # 示例 example",
                     "measures:"]
        if let electricity = baseline.sources.first(where: { $0.electricityMWh != nil }) {
            lines += ["  - id: rooftop-pv", "    name: 屋顶光伏", "    category: rooftop_pv", "    acts_on: [\(electricity.id)]",
                      "    electricity_mwh: 0          # 自用发电量 MWh/年", "    start_year: \(year + 1)",
                      "    # capex_cny / opex_cny_per_year / savings_cny_per_year / lifetime_years: 填写后计算边际减排成本"]
        } else if let largest = baseline.sources.max(by: { $0.tco2 < $1.tco2 }) {
            lines += ["  - id: efficiency", "    name: 节能改造", "    category: efficient_equipment", "    acts_on: [\(largest.id)]",
                      "    fraction: 0.1               # 示例 example", "    start_year: \(year + 1)"]
        } else {
            lines[lines.count - 1] = "measures: []"
        }
        lines += ["# offsets:", "#   - { id: phcer, name: 广东碳普惠, type: phcer, local: true, price_cny_per_tonne: …, available_tonnes_per_year: … }"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func result(_ pathway: Pathway, measures: [Measure], chinese: Bool, assessments: [SourceAssessment] = []) -> [String: Any] {
        let byID = Dictionary(measures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let order = pathway.reductionOrder + measures.filter { $0.stage == .sink }.map(\.id).sorted()
        let text = PlanText.dictionary(chinese)
        func number(_ value: Double?, _ decimals: Int = 1) -> String { value.map { Display.number($0, decimals: decimals) } ?? "—" }
        var rows: [[String: Any]] = []
        var bars: [SVGChart.MACBar] = []
        for (index, id) in order.enumerated() {
            guard let measure = byID[id], let economics = pathway.economics[id] else { continue }
            rows.append(["order": index + 1, "id": id, "name": measure.name, "category": chinese ? measure.category.nameZh : measure.category.nameEn,
                         "start": measure.startYear, "tonnes": number(economics.tonnesPerYear), "annualCost": number(economics.annualCostCNY, 0),
                         "mac": number(economics.macCNYPerTonne, 2), "missing": economics.missing.joined(separator: ", ")])
            if let mac = economics.macCNYPerTonne { bars.append(.init(measure.name, tonnes: economics.tonnesPerYear, cnyPerTonne: mac)) }
        }
        let labels = pathway.years.map { String($0.year) }
        let path = SVGChart.stackedBar(labels: labels, series: [
            SVGChart.Series(text["reduced"] ?? "", pathway.years.map { $0.reductions.values.reduce(0, +) }),
            SVGChart.Series(text["sinks"] ?? "", pathway.years.map { min($0.sequestration, max(0, $0.emissions)) }),
            SVGChart.Series(text["offsets"] ?? "", pathway.years.map(\.offsetTonnes)),
            SVGChart.Series(text["net"] ?? "", pathway.years.map { max(0, $0.net) }),
        ], title: text["pathChart"] ?? "", unit: "tCO2")
        let years = pathway.years.map { year -> [String: Any] in
            let local = year.offsets.filter(\.local).reduce(0) { $0 + $1.tonnes }
            return ["year": year.year, "bau": number(year.businessAsUsual), "reduced": number(year.reductions.values.reduce(0, +)),
                    "emissions": number(year.emissions), "sinks": number(year.sequestration), "local": number(local),
                    "other": number(year.offsetTonnes - local), "net": number(year.net), "measureCost": number(year.measureCostCNY, 0),
                    "offsetCost": number(year.offsetCostCNY, 0)]
        }
        var result: [String: Any] = [
            "measures": rows, "years": years, "pathChart": path,
            "macChart": SVGChart.macCurve(bars, title: text["macChart"] ?? "", tonnesAxis: text["tonnesAxis"] ?? "", costAxis: text["costAxis"] ?? ""),
            "balanceYear": pathway.balanceYear.map(String.init) ?? (text["notReached"] ?? "—"),
            "withoutOffsets": pathway.balanceWithoutOffsetsYear.map(String.init) ?? "—",
        ]
        result["assessments"] = assessments.map { item -> [String: Any] in
            ["id": item.id, "name": item.name, "sink": item.isSink, "tco2": number(item.tco2), "share": Display.percent(item.share),
             "difficulty": chinese ? item.difficulty.nameZh : item.difficulty.nameEn, "level": item.difficulty.rawValue,
             "mac": number(item.cheapestMAC, 2), "reasons": item.reasons.map { chinese ? $0.zh : $0.en }.joined(separator: chinese ? "；" : "; "),
             "technologies": item.technologies.map { chinese ? $0.nameZh : $0.nameEn }.joined(separator: chinese ? "、" : ", ")]
        }
        if !pathway.netNegativeYears.isEmpty { result["netNegative"] = pathway.netNegativeYears.map(String.init).joined(separator: ", ") }
        return result
    }
}
