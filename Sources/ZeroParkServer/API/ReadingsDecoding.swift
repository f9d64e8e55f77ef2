import Foundation
import HTTPTypes
import Hummingbird
import ZeroParkInput
import ZeroParkSpreadsheet
import ZeroParkStore
import ZeroParkTelemetry

/// Reads a readings body by its Content-Type into a `ReadingBatch` (issue #8 §2).
enum ReadingsDecoding {
    /// The JSON shape, for the OpenAPI document (the fast reader enforces the same rules).
    static let jsonSchema = Schema.object(nil, "Meter readings; every path is idempotent on (meter, ts)", required: ["readings"], [
        ("readings", .array(.object(nil, nil, required: ["meter", "ts", "value"], [
            ("meter", .key("The meter's key")),
            ("ts", .string(TextPolicy(maxLength: 40), minLength: 20, "RFC 3339 with an offset, e.g. 2026-11-26T08:15:00+08:00")),
            ("value", .number(-1e12...1e12, "The reading in the meter's raw unit")),
        ]), maxItems: ReadingBatchRules.maximumRows)),
    ])

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// JSON (`application/json`, the default), CSV (`text/csv`) or XLSX, by the media type.
    static func batch(_ bytes: [UInt8], contentType: String?, language: Language) throws -> (ReadingBatch, IngestChannel) {
        let media = (contentType ?? "application/json").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? "application/json"
        do {
            switch media {
            case "application/json":
                return (batch(try ReadingsPayload.httpJSON(bytes), locator: .arrayIndex(prefix: "readings")), .httpJSON)
            case "text/csv":
                return (batch(try ReadingsPayload.csv(bytes), locator: .line), .httpCSV)
            case xlsxType:
                let parsed = try XLSXReadings.read(Data(bytes))
                return (batch(parsed, locator: .sheetRow(sheet: "Sheet")), .fileXLSX)
            default:
                throw APIError(status: .unsupportedMediaType, code: "unsupported_media_type",
                               message: language == .zh ? "读数请用 application/json、text/csv 或 XLSX 提交"
                                                        : "send readings as application/json, text/csv or XLSX")
            }
        } catch let error as InputError {
            throw APIError(input: error, language: language, status: error.first.map { APIRouter.syntaxCodes.contains($0.code) } == true
                           ? .badRequest : .unprocessableContent)
        }
    }

    /// The parser's output as the store's batch: JSON rows are placed by their index in the array,
    /// CSV rows by line, worksheet rows by row number.
    static func batch(_ parsed: ParsedReadings, locator: ReadingBatch.Locator) -> ReadingBatch {
        var rows: [ReadingBatch.Row] = []
        rows.reserveCapacity(parsed.readings.count)
        for (index, reading) in parsed.readings.enumerated() {
            let position: Int32
            if case .arrayIndex = locator { position = Int32(truncatingIfNeeded: index) } else { position = reading.line }
            rows.append(ReadingBatch.Row(meter: reading.meter, ts: reading.ts, value: reading.value, position: position))
        }
        return ReadingBatch(meters: parsed.meters, rows: rows, locator: locator)
    }
}
