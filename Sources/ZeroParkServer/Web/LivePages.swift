import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkReports
import ZeroParkStore
import ZeroParkTelemetry

/// The live dashboard (issue #8 §10; STANDARD.md 1.1.8, 1.1.31): today's energy by quantity and by
/// enterprise, current power of main meters, completeness, the energy flow from grid, PV and
/// storage to the systems, today's hourly electricity, and today's carbon by system. Complete
/// without JavaScript; /static/live.js updates the numbers from /live/events (Server-Sent Events).
extension TelemetryPages {
    /// Today's figures as the page and the event stream show them.
    struct LiveFigures {
        var kpis: [[String: Any]] = []
        var figures: [String: String] = [:]
        var completeness = "—"
        var meterCount = 0
        var power: [[String: Any]] = []
        var enterprises: [[String: Any]] = []
        var flows: [SVGChart.Flow] = []
        var carbon: [(system: String, id: String, tco2: Double)] = []
        var supplyRoots: [MeterDefinition] = []
        var updated = "—"
        /// Today's park electricity by hour (supplies' main meters) with each hour's quality, and yesterday's.
        var todayHours = [Double?](repeating: nil, count: 24)
        var yesterdayHours = [Double](repeating: 0, count: 24)
        var hourKinds = [SVGChart.PointKind](repeating: .measured, count: 24)
    }

    static let supplies: [MeterQuantity] = [.electricityImport, .pvGeneration, .storageDischarge]
    static let energyQuantities: Set<MeterQuantity> = [.electricityImport, .electricityExport, .pvGeneration, .storageCharge,
                                                        .storageDischarge, .evCharging]

    /// kWh per unit of an electricity meter's unit (nil: not an energy unit the flow chart adds up).
    static func kWh(_ unit: String) -> Double? {
        switch unit.trimmingCharacters(in: .whitespaces).lowercased() {
        case "wh": return 0.001
        case "kwh": return 1
        case "mwh": return 1_000
        case "gwh": return 1_000_000
        default: return nil
        }
    }

    func liveFigures(parkKey: String, park: StoredPark, caller: Caller, language: Language, now: Int64) async throws -> LiveFigures {
        let chinese = language == .zh
        let strings = Strings(language: chinese ? .zh : .en)
        let today = TelemetryFormat.today(now)
        let meters = try await service.meterCarbon(parkKey: parkKey, from: today, to: today, caller: caller, now: now)
        // Systems of fed sources missing from the inventory (e.g. no activity this year), read only when needed.
        var sourceSystems: [String: String] = [:]
        if meters.contains(where: { $0.system == nil && $0.meter.feeds != nil }) {
            sourceSystems = Dictionary(try await store.sources(parkKey: parkKey, caller: caller).map { ($0.key, $0.system) },
                                       uniquingKeysWith: { a, _ in a })
        }
        let byKey = Dictionary(meters.map { ($0.meter.key, $0) }, uniquingKeysWith: { a, _ in a })
        var children: [String: [String]] = [:]
        var roots: [MeterCarbon] = []
        for entry in meters {
            if let parent = entry.meter.parent, byKey[parent] != nil {
                children[parent, default: []].append(entry.meter.key)
            } else {
                roots.append(entry)
            }
        }
        roots.sort { $0.meter.key < $1.meter.key }
        var result = LiveFigures()
        result.meterCount = meters.count
        // Today's energy by quantity: main meters only (sub-meters are inside them), no instantaneous ones.
        var groups: [String: (label: String, unit: String, total: Double, quality: DataQuality)] = [:]
        var order: [String] = []
        for entry in roots where entry.meter.readingKind != .instantaneous {
            let id = "q-\(entry.meter.quantity.rawValue)-\(TelemetryFormat.slug(entry.meter.unit))"
            if groups[id] == nil {
                order.append(id)
                groups[id] = (TelemetryText.quantity(entry.meter.quantity, chinese: chinese), entry.meter.unit, 0,
                              DataQuality.empty)
            }
            if var group = groups[id] {
                group.total += entry.energy ?? 0
                group.quality = group.quality + entry.quality
                groups[id] = group
            }
        }
        for id in order {
            guard let group = groups[id] else { continue }
            let value = TelemetryFormat.value(group.total)
            result.kpis.append(["id": id, "label": group.label, "value": value, "unit": UnitText.display(group.unit, chinese: chinese),
                                "warn": group.quality.expected > 0 && group.quality.belowThreshold])
            result.figures[id] = value
        }
        let all = meters.reduce(DataQuality.empty) { $0 + $1.quality }
        result.completeness = Display.percent(all.completeness)
        result.figures["live-completeness"] = result.completeness
        if let last = meters.compactMap(\.lastReading).max() {
            result.updated = TelemetryFormat.time(last)
        }
        result.figures["live-updated"] = result.updated
        // Current power: the last cleaned interval of each main energy meter ÷ its length in hours.
        let powerMeters = roots.filter { Self.energyQuantities.contains($0.meter.quantity) || $0.meter.quantity == .power }
        let todaySeries = Dictionary(try await store.meterSeries(parkKey: parkKey, meterKeys: powerMeters.map(\.meter.key), from: today,
                                                                 to: today, resolution: .slot, caller: caller, now: now).map { ($0.meter, $0) },
                                     uniquingKeysWith: { a, _ in a })
        for entry in powerMeters {
            let meter = entry.meter
            guard let series = todaySeries[meter.key] else { continue }
            let id = "p-\(TelemetryFormat.slug(meter.key))"
            var value = "—", at = "—"
            var unit = meter.unit
            if let last = series.points.last(where: { $0.value != nil }), let energy = last.value {
                let power: Double
                if meter.readingKind == .instantaneous {
                    power = energy
                } else {
                    power = energy / (Double(meter.intervalMinutes) / 60)
                    switch meter.unit.lowercased() {
                    case "kwh": unit = "kW"
                    case "mwh": unit = "MW"
                    case "wh": unit = "W"
                    default: unit = meter.unit + "/h"
                    }
                }
                value = TelemetryFormat.value(power) + " " + unit
                at = TelemetryFormat.time(last.ts)
            }
            result.power.append(["id": id, "key": meter.key, "name": meter.name, "value": value, "at": at,
                                 "quantity": TelemetryText.quantity(meter.quantity, chinese: chinese)])
            result.figures[id] = value
            result.figures[id + "-at"] = at
        }
        // By enterprise: the topmost meters of each enterprise.
        let enterpriseNames = Dictionary(park.enterprises.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
        var enterpriseGroups: [String: (enterprise: String, quantity: String, unit: String, total: Double)] = [:]
        for entry in meters where entry.meter.readingKind != .instantaneous {
            guard let enterprise = entry.meter.enterprise else { continue }
            if let parent = entry.meter.parent, byKey[parent]?.meter.enterprise == enterprise { continue }
            let id = "e-\(TelemetryFormat.slug(enterprise))-\(entry.meter.quantity.rawValue)-\(TelemetryFormat.slug(entry.meter.unit))"
            enterpriseGroups[id, default: (enterpriseNames[enterprise] ?? enterprise,
                                           TelemetryText.quantity(entry.meter.quantity, chinese: chinese), entry.meter.unit, 0)].total += entry.energy ?? 0
        }
        for (id, group) in enterpriseGroups.sorted(by: { $0.key < $1.key }) {
            let value = TelemetryFormat.value(group.total) + " " + group.unit
            result.enterprises.append(["id": id, "enterprise": group.enterprise, "quantity": group.quantity, "value": value])
            result.figures[id] = value
        }
        // Energy flow: each supply's main meter down its tree; a meter's unmetered remainder goes to the
        // system of the source it feeds, or to "unallocated".
        let unallocated = WebText.text("unallocated", language)
        func systemName(_ entry: MeterCarbon) -> String {
            if let system = entry.system { return strings.system(system) }
            if let feeds = entry.meter.feeds, let raw = sourceSystems[feeds], let system = EmissionSystem(rawValue: raw) {
                return strings.system(system)
            }
            return unallocated
        }
        var flowTotals: [String: Double] = [:]
        var flowOrder: [(String, String)] = []
        func add(_ supply: String, _ target: String, _ amount: Double) {
            guard amount.isFinite, amount > 0 else { return }
            let id = supply + "\u{1F}" + target
            if flowTotals[id] == nil { flowOrder.append((supply, target)) }
            flowTotals[id, default: 0] += amount
        }
        func allocate(_ entry: MeterCarbon, _ amount: Double, supply: String, depth: Int) {
            var childSum = 0.0
            if depth < 16 {
                for kid in (children[entry.meter.key] ?? []).sorted() {
                    guard let child = byKey[kid], let energy = child.energy, let factor = Self.kWh(child.meter.unit) else { continue }
                    childSum += energy * factor
                    allocate(child, energy * factor, supply: supply, depth: depth + 1)
                }
            }
            add(supply, systemName(entry), amount - childSum)
        }
        for supply in Self.supplies {
            let name = supply == .electricityImport ? WebText.text("gridImport", language) : TelemetryText.quantity(supply, chinese: chinese)
            for entry in roots where entry.meter.quantity == supply {
                guard let energy = entry.energy, let factor = Self.kWh(entry.meter.unit) else { continue }
                result.supplyRoots.append(entry.meter)
                allocate(entry, energy * factor, supply: name, depth: 0)
            }
        }
        result.flows = flowOrder.map { SVGChart.Flow($0.0, $0.1, flowTotals[$0.0 + "\u{1F}" + $0.1] ?? 0) }
        try await hourlyTrend(&result, parkKey: parkKey, caller: caller, today: today, now: now)
        // Carbon by system: each meter's energy at the intensity of the source it feeds.
        var carbon: [EmissionSystem: Double] = [:]
        for entry in meters {
            guard let system = entry.system, let tco2 = entry.tco2, tco2.isFinite else { continue }
            carbon[system, default: 0] += tco2
        }
        for system in EmissionSystem.allCases {
            guard let tco2 = carbon[system] else { continue }
            let id = "c-\(system.rawValue)"
            result.carbon.append((strings.system(system), id, tco2))
            result.figures[id] = Display.number(tco2, decimals: 3)
        }
        if !carbon.isEmpty {
            let total = carbon.values.reduce(0, +)
            result.kpis.append(["id": "live-carbon-total", "label": strings("今日碳排放", "Today's carbon"),
                                "value": Display.number(total, decimals: 3), "unit": "tCO2", "warn": false])
            result.figures["live-carbon-total"] = Display.number(total, decimals: 3)
        }
        return result
    }

    /// Today's and yesterday's park electricity by hour from the supplies' main meters, in one read.
    func hourlyTrend(_ result: inout LiveFigures, parkKey: String, caller: Caller, today: Int32, now: Int64) async throws {
        let todayStart = TelemetryCalendar.dayStart(today) ?? 0
        let units = Dictionary(result.supplyRoots.map { ($0.key, $0.unit) }, uniquingKeysWith: { a, _ in a })
        let all = try await store.meterSeries(parkKey: parkKey, meterKeys: result.supplyRoots.map(\.key), from: today - 1, to: today,
                                              resolution: .hour, caller: caller, now: now)
        for series in all {
            let factor = units[series.meter].flatMap(Self.kWh) ?? 1
            for point in series.points {
                guard let value = point.value else { continue }
                let hour = Int((point.ts - todayStart + 86_400) / 3_600)
                if hour >= 24, hour < 48 {
                    result.todayHours[hour - 24] = (result.todayHours[hour - 24] ?? 0) + value * factor
                    if point.flagged > 0 {
                        result.hourKinds[hour - 24] = .flagged
                    } else if point.estimated > 0, result.hourKinds[hour - 24] != .flagged {
                        result.hourKinds[hour - 24] = .estimated
                    }
                } else if hour >= 0, hour < 24 {
                    result.yesterdayHours[hour] += value * factor
                }
            }
        }
    }

    /// `liveFigures` computed once per park, visibility, language, data version and 5 minutes of the
    /// clock (the shortest meter interval), and shared by the page and every live stream: the same
    /// inputs give the same figures, so only the first viewer after a change pays for them.
    func cachedLiveFigures(parkKey: String, park: StoredPark, caller: Caller, language: Language, now: Int64) async throws -> LiveFigures {
        try await cachedLiveFigures(key: try await liveKey(parkKey: parkKey, park: park, caller: caller, language: language, now: now),
                                    park: park, caller: caller, language: language, now: now)
    }

    func liveKey(parkKey: String, park: StoredPark, caller: Caller, language: Language, now: Int64) async throws -> LiveFiguresCache.Key {
        let version = try await store.dataVersion(parkKey: parkKey, caller: caller)
        return LiveFiguresCache.Key(park: parkKey, enterprise: caller.tenantEnterprise(parkID: park.id), version: version,
                                    language: language.rawValue, bucket: now / 300)
    }

    func cachedLiveFigures(key: LiveFiguresCache.Key, park: StoredPark, caller: Caller, language: Language, now: Int64) async throws -> LiveFigures {
        let parkKey = key.park
        if let cached = await liveCache.figures(key) { return cached.figures }
        let figures = try await liveFigures(parkKey: parkKey, park: park, caller: caller, language: language, now: now)
        await liveCache.store(LiveFiguresCache.Entry(figures: figures), for: key)
        return figures
    }

    func livePage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let loaded = try await load(context, nav: "navLive")
        let language = context.language, chinese = language == .zh
        let now = ReportClock.nowSeconds()
        let today = TelemetryFormat.today(now)
        // The body depends only on the key (figures, language, the tenant's scope, the 5-minute bucket,
        // which holds no hour boundary inside it): rendered once per key. It must stay free of anything
        // per user or session (the live template has no form, so no CSRF token, and no name).
        let key = try await liveKey(parkKey: loaded.key, park: loaded.park, caller: loaded.caller, language: language, now: now)
        let title = WebText.text("liveTitle", language)
        if let body = await liveCache.body(key) {
            return renderer.page(body: body, title: title, context: context, park: loaded.nav)
        }
        let figures = try await cachedLiveFigures(key: key, park: loaded.park, caller: loaded.caller, language: language, now: now)
        let strings = self.strings(context)
        // Today's park electricity by hour (supplies' main meters), yesterday dashed behind it.
        let todayStart = TelemetryCalendar.dayStart(today) ?? 0
        let trendPoints = (0..<24).map { hour -> SVGChart.QualityPoint in
            let start = todayStart + Int64(hour) * 3_600
            let kind: SVGChart.PointKind = figures.todayHours[hour] == nil ? (start < now ? .missing : .measured) : figures.hourKinds[hour]
            return .init(String(format: "%02d", hour), figures.todayHours[hour], kind)
        }
        let legend = SVGChart.QualityLegend(measured: TelemetryText.quality("measured", chinese: chinese),
                                            estimated: strings("含估算", "with estimates"), flagged: strings("含标记", "with flags"),
                                            missing: TelemetryText.quality("missing", chinese: chinese))
        var data: [String: Any] = [
            "name": parkName(loaded.park, language), "parkKey": loaded.key, "lang": language.rawValue,
            "updated": figures.updated, "kpis": figures.kpis, "completeness": figures.completeness, "meterCount": figures.meterCount,
            "sankey": SVGChart.sankey(figures.flows, title: WebText.text("energyFlow", language), unit: "kWh"),
            "trend": SVGChart.qualityLine(trendPoints, second: figures.supplyRoots.isEmpty ? nil : SVGChart.Series(strings("昨日", "yesterday"), figures.yesterdayHours),
                                          title: WebText.text("hourlyTrend", language), unit: "kWh", legend: legend),
        ]
        if loaded.tenant { data["scopeNote"] = WebText.text("tenantMeters", language) }
        if !figures.power.isEmpty { data["power"] = ["rows": figures.power] }
        if !figures.enterprises.isEmpty { data["enterprises"] = ["rows": figures.enterprises] }
        if !figures.carbon.isEmpty {
            data["carbon"] = [
                "chart": SVGChart.bar(figures.carbon.map { SVGChart.Item($0.system, $0.tco2) }, title: WebText.text("carbonBySystem", language), unit: "tCO2"),
                "rows": figures.carbon.map { ["system": $0.system, "id": $0.id, "value": Display.number($0.tco2, decimals: 3)] },
            ]
        }
        let body = renderer.body("live", context: context, data: data)
        await liveCache.store(body: body, for: key)
        return renderer.page(body: body, title: title, context: context, park: loaded.nav)
    }

    /// Server-Sent Events: `event: update` with today's figures after each cleaning pass, a comment
    /// heartbeat every 15 s; ends when the client goes (or after `?events=N` updates). At most
    /// `streams.limit` streams per process; beyond that 503 with Retry-After.
    func liveEvents(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let language = context.language
        let limit = request.uri.queryParameters.get("events").flatMap(Int.init).map { max(1, $0) } ?? Int.max
        guard await streams.acquire() else {
            return Response(status: .serviceUnavailable, headers: [.retryAfter: "30", .contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "too many live streams\n")))
        }
        let (id, ticks) = await live.subscribe()
        let pages = self
        let body = ResponseBody { writer in
            let (events, continuation) = AsyncStream<Bool>.makeStream(bufferingPolicy: .bufferingNewest(4))
            let forward = Task {
                for await _ in ticks { continuation.yield(true) }
                continuation.finish()
            }
            let heartbeat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(15))
                    if Task.isCancelled { break }
                    continuation.yield(false)
                }
            }
            do {
                try await writer.write(ByteBuffer(string: "retry: 5000\n: connected\n\n"))
                var sent = 0
                for await isUpdate in events {
                    if isUpdate {
                        let figures = try await pages.cachedLiveFigures(parkKey: key, park: park, caller: caller, language: language,
                                                                        now: ReportClock.nowSeconds())
                        let payload = Self.json(["figures": figures.figures, "updated": figures.updated])
                        try await writer.write(ByteBuffer(string: "event: update\ndata: \(payload)\n\n"))
                        sent += 1
                        if sent >= limit { break }
                    } else {
                        try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                    }
                }
            } catch {
                // The client went away (or the figures could not be read): end the stream.
            }
            forward.cancel()
            heartbeat.cancel()
            continuation.finish()
            await pages.live.unsubscribe(id)
            await pages.streams.release()
            try? await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"], body: body)
    }

    static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
