import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkInput
import ZeroParkReports
import ZeroParkStore
import ZeroParkTelemetry

/// A problem with one field of the meter form or a meter CSV line.
struct MeterFieldError: Error {
    let field: String
    let message: String
}

/// The meter registry (issue #8 §1; 1.1.3(b)): the park's meters as a tree with today's totals,
/// completeness and unmetered remainders; the form to add, edit and remove one; CSV import; and
/// a meter's day (raw and cleaned, events, quality) and year.
extension TelemetryPages {
    // MARK: Registry

    func registry(_ request: Request, _ context: AppRequestContext, form: [String: String] = [:], error: MeterFieldError? = nil,
                  csvError: String? = nil, csvText: String = "", status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(context, nav: "navMeters")
        let language = context.language, chinese = language == .zh
        let now = ReportClock.nowSeconds()
        let today = TelemetryFormat.today(now)
        let totals = try await store.meterTotals(parkKey: loaded.key, from: today, to: today, caller: loaded.caller, now: now)
        let enterpriseNames = Dictionary(loaded.park.enterprises.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        let byKey = Dictionary(totals.map { ($0.meter.key, $0) }, uniquingKeysWith: { a, _ in a })
        var children: [String: [String]] = [:]
        var roots: [String] = []
        for item in totals {
            if let parent = item.meter.parent, byKey[parent] != nil {
                children[parent, default: []].append(item.meter.key)
            } else {
                roots.append(item.meter.key)
            }
        }
        var rows: [[String: Any]] = []
        var visited: Set<String> = []
        func visit(_ key: String, depth: Int) {
            guard let item = byKey[key], visited.insert(key).inserted else { return }
            let meter = item.meter
            var row: [String: Any] = [
                "key": meter.key, "meterName": meter.name, "quantity": TelemetryText.quantity(meter.quantity, chinese: chinese),
                "unit": meter.unit, "readingKind": TelemetryText.readingKind(meter.readingKind, chinese: chinese),
                "interval": meter.intervalMinutes, "multiplier": TelemetryFormat.plain(meter.multiplier),
                "enterprise": meter.enterprise.map { enterpriseNames[$0] ?? $0 } ?? "—", "feeds": meter.feeds ?? "—",
                "parent": meter.parent ?? "—", "lastReading": item.lastReading.map(TelemetryFormat.time) ?? "—",
                "today": TelemetryFormat.value(item.total), "completeness": Display.percent(item.quality.completeness),
                "warn": item.quality.expected > 0 && item.quality.belowThreshold, "sub": depth > 0, "depth": min(depth, 4),
                "parkKey": loaded.key,
            ]
            let kids = (children[key] ?? []).sorted()
            if !kids.isEmpty, meter.readingKind != .instantaneous {
                let sum = kids.reduce(0.0) { $0 + (byKey[$1]?.total ?? 0) }
                row["remainder"] = ["key": meter.key, "depth": min(depth + 1, 4),
                                    "value": TelemetryFormat.value(item.total.map { $0 - sum }) + " " + meter.unit]
            }
            rows.append(row)
            for kid in kids { visit(kid, depth: depth + 1) }
        }
        for root in roots.sorted() { visit(root, depth: 0) }
        var data: [String: Any] = [
            "name": parkName(loaded.park, language), "parkKey": loaded.key, "rows": rows, "canEdit": loaded.canEdit,
            "dayText": TelemetryFormat.day(today), "csvText": csvText,
        ]
        if loaded.tenant { data["scopeNote"] = WebText.text("tenantMeters", language) }
        if let error { data["formError"] = Self.message(error, language) }
        if let csvError { data["formError"] = csvError }
        if loaded.canEdit {
            data["form"] = try await formData(loaded, form: form, error: error, editing: nil, context: context)
        }
        return renderer.page("meters", title: WebText.text("metersTitle", language), context: context, data: data,
                             park: loaded.nav, status: status)
    }

    /// The form's data: values, selects and the field at fault.
    func formData(_ loaded: Loaded, form: [String: String], error: MeterFieldError?, editing: String?,
                  context: AppRequestContext) async throws -> [String: Any] {
        let chinese = context.language == .zh
        let none = WebText.text("none", context.language)
        let sources = try await store.sources(parkKey: loaded.key, caller: loaded.caller)
        let sinks = try await store.sinks(parkKey: loaded.key, caller: loaded.caller)
        let meters = try await store.meters(parkKey: loaded.key, caller: loaded.caller)
        let quantity = form["quantity"] ?? MeterQuantity.electricityImport.rawValue
        let kind = form["reading_kind"] ?? ReadingKind.interval.rawValue
        let interval = form["interval_minutes"] ?? "15"
        func choice(_ value: String, _ label: String, _ selected: String?) -> [String: Any] {
            ["value": value, "label": label, "selected": value == (selected ?? "")]
        }
        var data: [String: Any] = [
            "action": editing.map { "/parks/\(loaded.key)/meters/\($0)/edit" } ?? "/parks/\(loaded.key)/meters",
            "editing": editing != nil,
            "key": form["key"] ?? "", "name": form["name"] ?? "", "unit": form["unit"] ?? "kWh",
            "multiplier": form["multiplier"] ?? "1", "counterModulus": form["counter_modulus"] ?? "",
            "physicalMin": form["physical_min"] ?? "", "physicalMax": form["physical_max"] ?? "",
            "quantities": MeterQuantity.allCases.map { choice($0.rawValue, TelemetryText.quantity($0, chinese: chinese), quantity) },
            "kinds": ReadingKind.allCases.map { choice($0.rawValue, TelemetryText.readingKind($0, chinese: chinese), kind) },
            "intervals": MeterDefinition.intervals.sorted().map { ["value": $0, "selected": String($0) == interval] },
            "enterprises": [choice("", none, form["enterprise"])]
                + loaded.park.enterprises.map { choice($0.key, "\($0.name)（\($0.key)）", form["enterprise"]) },
            "feedChoices": [choice("", none, form["feeds"])]
                + sources.map { choice($0.key, "\($0.name)（\($0.key)）", form["feeds"]) }
                + sinks.map { choice($0.id, "\($0.name)（\($0.id)）", form["feeds"]) },
            "parents": [choice("", none, form["parent"])]
                + meters.filter { $0.key != editing }.map { choice($0.key, "\($0.name)（\($0.key)）", form["parent"]) },
        ]
        if let error { data["err_\(error.field)"] = true }
        return data
    }

    /// The form's meter, or the field that cannot be read.
    static func definition(_ form: [String: String], key: String? = nil) throws -> MeterDefinition {
        func number(_ field: String) throws -> Double? {
            guard let text = WebForm.value(form, field) else { return nil }
            guard let value = Double(text.replacingOccurrences(of: ",", with: "")), value.isFinite else {
                throw MeterFieldError(field: field, message: "not a number: \(text)")
            }
            return value
        }
        guard let quantity = MeterQuantity(rawValue: form["quantity"] ?? "") else {
            throw MeterFieldError(field: "quantity", message: "unknown quantity")
        }
        guard let kind = ReadingKind(rawValue: form["reading_kind"] ?? "") else {
            throw MeterFieldError(field: "reading_kind", message: "unknown reading kind")
        }
        let intervalText = WebForm.value(form, "interval_minutes") ?? "15"
        guard let interval = Int(intervalText) else { throw MeterFieldError(field: "interval_minutes", message: "not a whole number") }
        return MeterDefinition(key: key ?? (form["key"] ?? "").trimmingCharacters(in: .whitespaces),
                               name: (form["name"] ?? "").trimmingCharacters(in: .whitespaces), quantity: quantity,
                               unit: (form["unit"] ?? "").trimmingCharacters(in: .whitespaces), readingKind: kind,
                               intervalMinutes: interval, multiplier: try number("multiplier") ?? 1,
                               counterModulus: try number("counter_modulus"), physicalMin: try number("physical_min"),
                               physicalMax: try number("physical_max"), enterprise: WebForm.value(form, "enterprise"),
                               feeds: WebForm.value(form, "feeds"), parent: WebForm.value(form, "parent"))
    }

    /// A store error as the form's field error.
    static func fieldError(_ error: StoreError) -> MeterFieldError? {
        switch error {
        case let .invalid(field, message): return MeterFieldError(field: field, message: message)
        case let .conflict(message): return MeterFieldError(field: message.contains("readings") ? "reading_kind" : "key", message: message)
        default: return nil
        }
    }

    /// The field at fault in the page's language: its label and why (Chinese from the catalogue).
    static func message(_ error: MeterFieldError, _ language: Language) -> String {
        let label = fieldLabel(error.field, language)
        guard language == .zh else { return "\(label): \(error.message)" }
        return "「\(label)」：" + zhReason(error)
    }

    static func fieldLabel(_ field: String, _ language: Language) -> String {
        let keys = ["key": "meterKey", "name": "name", "quantity": "quantity", "unit": "unit", "reading_kind": "readingKind",
                    "interval_minutes": "intervalMin", "multiplier": "multiplier", "counter_modulus": "counterModulus",
                    "physical_min": "physicalMin", "physical_max": "physicalMax", "enterprise": "enterprise", "feeds": "feeds",
                    "parent": "parent"]
        return keys[field].map { WebText.text($0, language) } ?? field
    }

    static func zhReason(_ error: MeterFieldError) -> String {
        if error.message.hasPrefix("not a number") { return "须为数字" }
        if error.message.contains(" exists") || error.message.contains("also on line") { return "该表号已被占用" }
        if error.message.contains("does not convert") { return "单位须能换算为所对应排放源的单位" }
        if error.message.contains("has readings") { return "该表已有读数，读数方式与采集间隔不能再改" }
        switch error.field {
        case "key": return "须为 1–64 个字母、数字、点、下划线或连字符"
        case "name": return "名称须为 1–200 个可见字符"
        case "quantity": return "请选择计量对象"
        case "unit": return "单位须为 1–24 个字符"
        case "reading_kind": return "须为累计计数、区间值或瞬时值"
        case "interval_minutes": return "采集间隔须为 5、15、30 或 60 分钟"
        case "multiplier": return "倍率须在 0.000001 到 1,000,000 之间"
        case "counter_modulus": return "只有累计计数器可设翻转值，且须在 1 到 10^12 之间"
        case "physical_min", "physical_max": return "合理范围须为 ±10^12 以内的数值，且上限高于下限"
        case "enterprise": return "本园区没有此企业"
        case "feeds": return "本园区没有此排放源或碳汇"
        case "parent": return "上级表须为本园区计量同一对象的表，且不能成环"
        default: return "取值无效"
        }
    }

    func createMeter(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        do {
            let meter = try Self.definition(form)
            _ = try await store.createMeter(parkKey: key, meter: meter, caller: caller)
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/meters/\(meter.key)"])
        } catch let error as MeterFieldError {
            return try await registry(request, context, form: form, error: error, status: .unprocessableContent)
        } catch let error as StoreError {
            guard let fieldError = Self.fieldError(error) else { throw error }
            return try await registry(request, context, form: form, error: fieldError, status: .unprocessableContent)
        }
    }

    func editMeterForm(_ request: Request, _ context: AppRequestContext, form given: [String: String]? = nil,
                       error: MeterFieldError? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(context, nav: "navMeters")
        let meterKey = try context.parameter("meter")
        let meter = try await store.meter(parkKey: loaded.key, key: meterKey, caller: loaded.caller)
        guard loaded.canEdit else { throw StoreError.forbidden("your role cannot change meters") }
        let form = given ?? [
            "key": meter.key, "name": meter.name, "quantity": meter.quantity.rawValue, "unit": meter.unit,
            "reading_kind": meter.readingKind.rawValue, "interval_minutes": String(meter.intervalMinutes),
            "multiplier": TelemetryFormat.field(meter.multiplier), "counter_modulus": TelemetryFormat.field(meter.counterModulus),
            "physical_min": TelemetryFormat.field(meter.physicalMin), "physical_max": TelemetryFormat.field(meter.physicalMax),
            "enterprise": meter.enterprise ?? "", "feeds": meter.feeds ?? "", "parent": meter.parent ?? "",
        ]
        var data: [String: Any] = ["parkKey": loaded.key, "meterKey": meterKey,
                                   "form": try await formData(loaded, form: form, error: error, editing: meterKey, context: context)]
        if let error { data["formError"] = Self.message(error, context.language) }
        return renderer.page("meterForm", title: WebText.text("editMeter", context.language), context: context, data: data,
                             park: loaded.nav, status: status)
    }

    func updateMeter(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park"), meterKey = try context.parameter("meter")
        do {
            let meter = try Self.definition(form, key: meterKey)
            _ = try await store.updateMeter(parkKey: key, key: meterKey, meter: meter, caller: caller)
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/meters/\(meterKey)"])
        } catch let error as MeterFieldError {
            return try await editMeterForm(request, context, form: form, error: error, status: .unprocessableContent)
        } catch let error as StoreError {
            guard let fieldError = Self.fieldError(error) else { throw error }
            return try await editMeterForm(request, context, form: form, error: fieldError, status: .unprocessableContent)
        }
    }

    func deleteMeter(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        _ = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park"), meterKey = try context.parameter("meter")
        do {
            try await store.deleteMeter(parkKey: key, key: meterKey, caller: caller)
        } catch let error as StoreError {
            guard case let .conflict(message) = error else { throw error }
            let text = context.language == .zh
                ? (message.contains("sub-meters") ? "计量表 \(meterKey) 下有分表，不能删除" : "计量表 \(meterKey) 已有读数，原始数据永不删除，因此不能删除")
                : message
            return try await registry(request, context, csvError: text, status: .conflict)
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/meters"])
    }

    // MARK: CSV import

    static let csvColumns = ["key", "name", "quantity", "unit", "reading_kind", "interval_minutes", "multiplier", "counter_modulus",
                             "enterprise", "feeds", "parent"]

    func importMeters(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        let text = form["csv"] ?? ""
        let language = context.language
        func place(_ line: Int, _ column: Int, _ field: String) -> String {
            language == .zh ? "第 \(line) 行第 \(column) 列（\(field)）" : "line \(line), column \(column) (\(field))"
        }
        func refuse(_ problems: [String]) async throws -> Response {
            try await registry(request, context, csvError: problems.joined(separator: language == .zh ? "；" : "; "), csvText: text,
                               status: .unprocessableContent)
        }
        let table: CSVTable
        do { table = try CSVTable.read(text) } catch {
            return try await refuse(error.problems.map { $0.message(chinese: language == .zh) })
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = ["key", "name", "quantity", "unit", "reading_kind"].filter { !header.contains($0) }
        let unknown = header.filter { !Self.csvColumns.contains($0) }
        if !missing.isEmpty || !unknown.isEmpty {
            return try await refuse([language == .zh
                ? "第 1 行：表头须为 \(Self.csvColumns.joined(separator: ","))" + (missing.isEmpty ? "" : "，缺少 \(missing.joined(separator: ","))")
                    + (unknown.isEmpty ? "" : "，未知列 \(unknown.joined(separator: ","))")
                : "line 1: the header must be \(Self.csvColumns.joined(separator: ","))" + (missing.isEmpty ? "" : "; missing \(missing.joined(separator: ","))")
                    + (unknown.isEmpty ? "" : "; unknown \(unknown.joined(separator: ","))")])
        }
        func column(_ field: String) -> Int { (header.firstIndex(of: field) ?? 0) + 1 }
        var problems: [String] = []
        var rows: [(line: Int, meter: MeterDefinition)] = []
        for record in table.records {
            var values: [String: String] = [:]
            for (index, name) in header.enumerated() where index < record.fields.count {
                values[name] = record.fields[index].trimmingCharacters(in: .whitespaces)
            }
            if values.values.allSatisfy(\.isEmpty) { continue }
            if values["interval_minutes"]?.isEmpty ?? true { values["interval_minutes"] = "15" }
            do {
                rows.append((record.line, try Self.definition(values)))
            } catch let error as MeterFieldError {
                problems.append(place(record.line, column(error.field), error.field) + (language == .zh ? "：" : ": ")
                                + (language == .zh ? Self.zhReason(error) : error.message))
            }
        }
        if !problems.isEmpty { return try await refuse(problems) }
        guard let importer = store as? any MeterImporting else { throw StoreError.forbidden("this store cannot import meters") }
        do {
            _ = try await importer.importMeters(parkKey: key, meters: rows, caller: caller)
        } catch let error as MeterImportError {
            return try await refuse(error.problems.map { problem in
                let fieldError = MeterFieldError(field: problem.field, message: problem.message)
                return place(problem.line, column(problem.field), problem.field) + (language == .zh ? "：" : ": ")
                    + (language == .zh ? Self.zhReason(fieldError) : problem.message)
            })
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/meters"])
    }

    // MARK: A meter's day and year

    func meterPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let loaded = try await load(context, nav: "navMeters")
        let language = context.language, chinese = language == .zh
        let meterKey = try context.parameter("meter")
        let meter = try await store.meter(parkKey: loaded.key, key: meterKey, caller: loaded.caller)
        let now = ReportClock.nowSeconds()
        let today = TelemetryFormat.today(now)
        let day = TelemetryFormat.parseDay(request.uri.queryParameters.get("day")) ?? today
        let series = try await store.meterSeries(parkKey: loaded.key, meterKey: meterKey, from: day, to: day, resolution: .slot,
                                                 caller: loaded.caller, now: now)
        let raw = try await store.rawReadings(parkKey: loaded.key, meterKey: meterKey, day: day, caller: loaded.caller)
        let hourly = request.uri.queryParameters.get("hourly") != nil
        let yearFrom = max(today - (hourly ? 30 : 364), TelemetryCalendar.firstSupportedDay)
        let year = try await store.meterSeries(parkKey: loaded.key, meterKey: meterKey, from: min(yearFrom, today), to: today,
                                               resolution: hourly ? .hour : .day, caller: loaded.caller, now: now)
        let strings = self.strings(context)
        let legend = SVGChart.QualityLegend(measured: TelemetryText.quality("measured", chinese: chinese),
                                            estimated: strings("估算", "estimated"), flagged: strings("已标记", "flagged"),
                                            missing: TelemetryText.quality("missing", chinese: chinese))
        // The whole day at the meter's interval; slots after now are left blank, earlier empty ones are missing.
        let interval = Int64(meter.intervalMinutes * 60)
        let start = TelemetryCalendar.dayStart(day) ?? 0
        let byTS = Dictionary(series.points.map { ($0.ts, $0) }, uniquingKeysWith: { a, _ in a })
        let slots = TelemetryCalendar.slots(intervalMinutes: meter.intervalMinutes) ?? 96
        let dayPoints = (0..<slots).map { index -> SVGChart.QualityPoint in
            let ts = start + Int64(index) * interval
            let label = TelemetryFormat.clock(ts)
            guard let point = byTS[ts] else { return .init(label, nil, ts >= now ? .measured : .missing) }
            return .init(label, point.value, Self.kind(point))
        }
        let yearPoints = year.points.map { point -> SVGChart.QualityPoint in
            let label = hourly ? TelemetryFormat.time(point.ts) : String(TelemetryFormat.day(TelemetryCalendar.day(of: point.ts) ?? day).dropFirst(5))
            return .init(label, point.value, Self.kind(point))
        }
        let quality = series.quality
        var data: [String: Any] = [
            "parkKey": loaded.key, "meterKey": meter.key, "meterName": meter.name,
            "quantity": TelemetryText.quantity(meter.quantity, chinese: chinese), "unit": meter.unit,
            "readingKind": TelemetryText.readingKind(meter.readingKind, chinese: chinese), "interval": meter.intervalMinutes,
            "dayText": TelemetryFormat.day(day), "previousDay": TelemetryFormat.day(day - 1), "nextDay": TelemetryFormat.day(day + 1),
            "canEdit": loaded.canEdit,
            "total": TelemetryFormat.value(series.total), "completeness": Display.percent(quality.completeness),
            "measured": Display.number(Double(quality.measured), decimals: 0), "expected": Display.number(Double(quality.expected), decimals: 0),
            "estimatedShare": Display.percent(quality.estimatedShare), "estimated": Display.number(Double(quality.estimated), decimals: 0),
            "flagged": Display.number(Double(quality.flagged), decimals: 0), "revisionCount": Display.number(Double(quality.revisions), decimals: 0),
            "warn": quality.expected > 0 && quality.belowThreshold,
            "dayChart": SVGChart.qualityLine(dayPoints, title: WebText.text("dayChart", language) + " " + TelemetryFormat.day(day),
                                             unit: meter.unit, legend: legend),
            "yearChart": SVGChart.qualityLine(yearPoints, title: WebText.text(hourly ? "hourlyLink" : "yearChart", language),
                                              unit: meter.unit, legend: legend),
            "yearTotal": WebText.text("total", language) + " " + TelemetryFormat.value(year.total) + " " + meter.unit + " · "
                + WebText.text("completeness", language) + " " + Display.percent(year.quality.completeness),
            "hourlyLink": hourly ? "?day=\(TelemetryFormat.day(day))" : "?day=\(TelemetryFormat.day(day))&hourly=1",
        ]
        if !raw.readings.isEmpty {
            data["readings"] = ["rows": raw.readings.map { reading -> [String: Any] in
                ["time": TelemetryFormat.time(reading.ts), "value": TelemetryFormat.value(reading.value),
                 "revisions": reading.revisions.isEmpty ? "—"
                    : strings("修订为 ", "revised to ") + reading.revisions.map { TelemetryFormat.value($0) }.joined(separator: " → ")]
            }]
        }
        if !raw.events.isEmpty {
            data["events"] = ["rows": raw.events.map { event -> [String: Any] in
                ["time": TelemetryFormat.time(event.ts), "kind": TelemetryText.event(event.kind, chinese: chinese), "detail": TelemetryText.eventDetail(event.detail, chinese: chinese)]
            }]
        }
        return renderer.page("meter", title: meter.name, context: context, data: data, park: loaded.nav)
    }

    /// How a series point was obtained, for the chart's markers.
    static func kind(_ point: SeriesPoint) -> SVGChart.PointKind {
        if let quality = point.quality {
            switch quality {
            case "measured": return .measured
            case "interpolated", "profiled": return .estimated
            case "missing": return .missing
            default: return .flagged
            }
        }
        if point.flagged > 0 { return .flagged }
        if point.estimated > 0 { return .estimated }
        if point.measured > 0 { return .measured }
        return .missing
    }
}
