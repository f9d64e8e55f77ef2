import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkReports
import ZeroParkStore
import ZeroParkTelemetry

/// The telemetry pages (issue #8 §1, §2, §10): meter registry, a meter's day and year, the live
/// dashboard with its Server-Sent Events, and the dead letters. Routes are registered from
/// `WebRoutes.register` in one line.
struct TelemetryPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let service: InventoryService
    let live: LiveUpdates
    let streams: LiveStreamSlots
    let liveCache = LiveFiguresCache()

    struct Loaded {
        let caller: Caller
        let park: StoredPark
        let key: String
        let nav: [String: Any]
        var canEdit: Bool { caller.canEditPark(parkID: park.id) }
        var tenant: Bool { caller.tenantEnterprise(parkID: park.id) != nil }
    }

    func load(_ context: AppRequestContext, nav: String) async throws -> Loaded {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        return Loaded(caller: caller, park: park, key: key, nav: ["key": key, "year": park.defaultYear, nav: true])
    }

    func parkName(_ park: StoredPark, _ language: Language) -> String {
        language == .en ? (park.profile.nameEn ?? park.profile.name) : park.profile.name
    }

    func strings(_ context: AppRequestContext) -> Strings { Strings(language: context.language == .zh ? .zh : .en) }

    // MARK: Dead letters

    func deadLetters(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let loaded = try await load(context, nav: "navLive")
        let letters = try await store.deadLetters(parkKey: loaded.key, caller: loaded.caller, limit: 200)
        var data: [String: Any] = ["name": parkName(loaded.park, context.language)]
        if !letters.isEmpty {
            data["letters"] = ["rows": letters.map { letter -> [String: Any] in
                ["received": TelemetryFormat.isoTime(letter.receivedAt), "topic": letter.topic,
                 "size": Display.number(Double(letter.payloadBytes), decimals: 0) + " B", "reason": letter.reason,
                 "payload": letter.payload.count > 400 ? String(letter.payload.prefix(400)) + "…" : letter.payload]
            }]
        }
        return renderer.page("deadLetters", title: WebText.text("deadLetters", context.language), context: context, data: data,
                             park: loaded.nav)
    }

    // MARK: Ledger heads on the public disclosure

    /// Adds the park's daily ledger heads (3.3) to the disclosure page's data (`chain`, only when there are any).
    static func addChainHeads(to data: inout [String: Any], store: any ParkRepository, parkKey: String) async throws {
        let heads = try await store.ledgerDayHeads(parkKey: parkKey, limit: 31)
        guard !heads.isEmpty else { return }
        data["chain"] = ["rows": heads.map { head -> [String: Any] in
            ["day": head.day, "links": Display.number(Double(head.links), decimals: 0), "link": head.link,
             "short": head.link.count > 16 ? String(head.link.prefix(16)) + "…" : head.link]
        }]
    }

    // MARK: Static script

    /// Progressive enhancement of the live page: numbers updated in place from /live/events.
    static let liveScript = """
    (function () {
      var root = document.getElementById('live');
      if (!root || !window.EventSource) { return; }
      var source = new EventSource(root.getAttribute('data-events'));
      source.addEventListener('update', function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (e) { return; }
        var figures = data.figures || {};
        Object.keys(figures).forEach(function (id) {
          var element = document.getElementById(id);
          if (element) { element.textContent = figures[id]; }
        });
        root.classList.remove('stale');
        root.removeAttribute('title');
      });
      source.addEventListener('error', function () {
        root.classList.add('stale');
        root.setAttribute('title', root.getAttribute('data-stale') || '');
      });
    })();
    """
}

extension WebRoutes {
    /// The telemetry pages' routes (one registration line in `register`).
    func registerTelemetryPages(on router: Router<AppRequestContext>, web: RouterGroup<AppRequestContext>, renderer: WebRenderer) {
        router.get("static/live.js") { _, _ in
            JSONBody.text(TelemetryPages.liveScript, contentType: "text/javascript; charset=utf-8")
        }
        let pages = TelemetryPages(store: store, renderer: renderer, service: service, live: live, streams: LiveStreamSlots(limit: 100))
        web.get("parks/:park/meters") { request, context in try await pages.registry(request, context) }
        web.post("parks/:park/meters") { request, context in try await pages.createMeter(request, context) }
        web.post("parks/:park/meters/import") { request, context in try await pages.importMeters(request, context) }
        web.get("parks/:park/meters/:meter") { request, context in try await pages.meterPage(request, context) }
        web.get("parks/:park/meters/:meter/edit") { request, context in try await pages.editMeterForm(request, context) }
        web.post("parks/:park/meters/:meter/edit") { request, context in try await pages.updateMeter(request, context) }
        web.post("parks/:park/meters/:meter/delete") { request, context in try await pages.deleteMeter(request, context) }
        web.get("parks/:park/live") { request, context in try await pages.livePage(request, context) }
        web.get("parks/:park/live/events") { request, context in try await pages.liveEvents(request, context) }
        web.get("parks/:park/dead-letters") { request, context in try await pages.deadLetters(request, context) }
    }
}

/// A bound on concurrent live streams per process (beyond it: 503).
actor LiveStreamSlots {
    let limit: Int
    private(set) var open = 0

    init(limit: Int) { self.limit = limit }

    func acquire() -> Bool {
        guard open < limit else { return false }
        open += 1
        return true
    }

    func release() { open = max(0, open - 1) }
}

/// Dates and times of telemetry pages: CST days as YYYY-MM-DD, times as `2026-11-26 08:15 CST`.
enum TelemetryFormat {
    static func today(_ now: Int64 = ReportClock.nowSeconds()) -> Int32 {
        TelemetryCalendar.day(of: now) ?? TelemetryCalendar.lastSupportedDay
    }

    static func day(_ day: Int32) -> String {
        guard let date = TelemetryCalendar.date(of: day) else { return "—" }
        return FixedText.pad(date.year, 4) + "-" + FixedText.pad(date.month, 2) + "-" + FixedText.pad(date.day, 2)
    }

    /// A `YYYY-MM-DD` query value as a CST day within the supported calendar (nil when absent or invalid).
    static func parseDay(_ text: String?) -> Int32? {
        guard let text, let date = CalendarDate(iso: text) else { return nil }
        return TelemetryCalendar.day(year: date.year, month: date.month, day: date.day)
    }

    /// `08:15` of a timestamp (CST).
    static func clock(_ ts: Int64) -> String {
        guard let day = TelemetryCalendar.day(of: ts), let start = TelemetryCalendar.dayStart(day) else { return "—" }
        let seconds = ts - start
        return FixedText.pad(Int(seconds / 3600), 2) + ":" + FixedText.pad(Int(seconds % 3600 / 60), 2)
    }

    /// `2026-11-26 08:15 CST`.
    static func time(_ ts: Int64) -> String {
        guard let day = TelemetryCalendar.day(of: ts) else { return "—" }
        return "\(Self.day(day)) \(clock(ts)) CST"
    }

    /// An ISO 8601 UTC timestamp (as the store records it) in CST.
    static func isoTime(_ text: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return time(ReportClock.nowSeconds(date)) }
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return time(ReportClock.nowSeconds(date)) }
        return text
    }

    /// A meter value: grouped, decimals by magnitude.
    static func value(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        if value == 0 { return "0" }
        let magnitude = value.magnitude
        return Display.number(value, decimals: magnitude >= 1_000 ? 1 : (magnitude >= 1 ? 2 : 3))
    }

    /// A plain number (multiplier, modulus) without trailing zeros beyond what it needs.
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return value == value.rounded() && value.magnitude < 1e15 ? Display.number(value, decimals: 0) : Display.number(value, decimals: 4)
    }

    /// A form field's value for a number (no grouping, so that it reads back).
    static func field(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value == value.rounded() && value.magnitude < 1e15 ? String(format: "%.0f", value) : "\(value)"
    }

    /// An id fragment of letters, digits and `-`.
    static func slug(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }
}
