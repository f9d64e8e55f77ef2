import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkInput
import ZeroParkStore
import ZeroParkTelemetry

/// Request and response bodies of the telemetry API, and their schemas (issue #8 §1).
enum TelemetryModels {
    static let meterSchema = Schema.object(
        nil, "A meter in the park's registry (1.1.8, 1.1.29): what it measures, how it reads, its interval, counter range and multiplier",
        required: ["key", "name", "quantity", "unit", "reading_kind"], [
            ("key", .key("The meter's id; the MQTT topic's last segment")),
            ("name", .string(.name, minLength: 1)),
            ("quantity", .choice(MeterQuantity.allCases.map(\.rawValue), "What it measures")),
            ("unit", .string(TextPolicy(maxLength: 24), minLength: 1, "Unit of a cleaned value (after the multiplier): kWh, Nm3, m3, t, mg/m3, °C …")),
            ("reading_kind", .choice(ReadingKind.allCases.map(\.rawValue), "cumulative counter, interval value (labelled by its start) or instantaneous")),
            ("interval_minutes", .integer(5...60, "5, 15 (default), 30 or 60")),
            ("multiplier", .number(MeterDefinition.multiplierRange, "CT×PT ratio (default 1)")),
            ("counter_modulus", Schema.number(MeterDefinition.modulusRange, "The value at which a counter wraps to 0 (DL/T 645: 1000000)").orNull),
            ("physical_min", Schema.number(-1e12...1e12, "Lowest plausible cleaned value").orNull),
            ("physical_max", Schema.number(-1e12...1e12, "Highest plausible cleaned value").orNull),
            ("enterprise", Schema.key("The tenant enterprise it belongs to").orNull),
            ("feeds", Schema.key("The source or sink whose activity it measures").orNull),
            ("parent", Schema.key("The main meter it is a sub-meter of").orNull),
        ])

    struct MeterBody: Codable, Sendable {
        var key: String
        var name: String
        var quantity: String
        var unit: String
        var readingKind: String
        var intervalMinutes: Int?
        var multiplier: Double?
        var counterModulus: Double?
        var physicalMin: Double?
        var physicalMax: Double?
        var enterprise: String?
        var feeds: String?
        var parent: String?

        init(_ meter: MeterDefinition) {
            key = meter.key
            name = meter.name
            quantity = meter.quantity.rawValue
            unit = meter.unit
            readingKind = meter.readingKind.rawValue
            intervalMinutes = meter.intervalMinutes
            multiplier = meter.multiplier
            counterModulus = meter.counterModulus
            physicalMin = meter.physicalMin
            physicalMax = meter.physicalMax
            enterprise = meter.enterprise
            feeds = meter.feeds
            parent = meter.parent
        }

        func definition() throws -> MeterDefinition {
            guard let quantity = MeterQuantity(rawValue: quantity) else {
                throw APIError(status: .unprocessableContent, code: "invalid", message: "未知的计量量 / unknown quantity", field: "quantity")
            }
            guard let kind = ReadingKind(rawValue: readingKind) else {
                throw APIError(status: .unprocessableContent, code: "invalid", message: "未知的读数类型 / unknown reading kind", field: "reading_kind")
            }
            return MeterDefinition(key: key, name: name, quantity: quantity, unit: unit, readingKind: kind,
                                   intervalMinutes: intervalMinutes ?? 15, multiplier: multiplier ?? 1, counterModulus: counterModulus,
                                   physicalMin: physicalMin, physicalMax: physicalMax, enterprise: enterprise, feeds: feeds, parent: parent)
        }
    }

    struct RawDay: Codable, Sendable {
        var readings: [StoredReading]
        var events: [Event]

        init(readings: [StoredReading], events: [StoredMeterEvent]) {
            self.readings = readings
            self.events = events.map {
                Event(ts: $0.ts, kind: $0.kind, detail: TelemetryText.eventDetail($0.detail, chinese: false),
                      detailZh: TelemetryText.eventDetail($0.detail, chinese: true))
            }
        }
    }

    /// A cleaner event with its detail in English and Chinese (from the string catalogue).
    struct Event: Codable, Sendable {
        var ts: Int64
        var kind: String
        var detail: String
        var detailZh: String

        enum CodingKeys: String, CodingKey {
            case ts, kind, detail
            case detailZh = "detail_zh"
        }
    }

    /// A `YYYY-MM-DD` query value as a CST day number (nil when absent). Dates before 2000 or after
    /// 2100 (which hold no readings) are taken as the calendar's first or last day.
    static func day(_ text: String?, field: String, _ context: AppRequestContext) throws -> Int32? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw APIError(status: .badRequest, code: "bad_query",
                           message: context.text("?\(field)= 须为日期 YYYY-MM-DD", "?\(field)=: must be a date YYYY-MM-DD"), field: field)
        }
        if let day = TelemetryCalendar.day(year: date.year, month: date.month, day: date.day) { return day }
        return date.year < 2000 ? TelemetryCalendar.firstSupportedDay : TelemetryCalendar.lastSupportedDay
    }

    /// `?from=` and `?to=` (defaults: today, and from).
    static func days(_ request: Request, _ context: AppRequestContext) throws -> (Int32, Int32) {
        let from = try day(request.uri.queryParameters.get("from"), field: "from", context) ?? (TelemetryCalendar.day(of: ReportClock.nowSeconds()) ?? TelemetryCalendar.lastSupportedDay)
        let to = try day(request.uri.queryParameters.get("to"), field: "to", context) ?? from
        guard from <= to else {
            throw APIError(status: .unprocessableContent, code: "invalid", message: context.text("from 不能晚于 to", "from must not be after to"),
                           field: "from")
        }
        return (from, to)
    }
}
