import Foundation
import ZeroParkCore
import ZeroParkInput
import ZeroParkStore

/// CSV import of activity data (STANDARD.md 1.1.2(e)): header `source,year,month,value,data_source,evidence`
/// (month 0 or empty = whole year; a UTF-8 BOM is fine). Every row is checked before anything is
/// stored; every error names the 1-based file line and the column (field number) to fix.
enum ActivityCSV {
    /// A checked row with the file line it came from.
    struct Row: Sendable {
        let line: Int
        let input: ActivityInput
    }

    static let columns = ["source", "year", "month", "value", "data_source", "evidence"]

    /// Reads and checks every row; `visibleSources` (when given) are the caller's sources, so a row
    /// naming any other (unknown, or another enterprise's) is refused with its line.
    static func parse(_ text: String, visibleSources: Set<String>? = nil) throws -> [Row] {
        let table = try CSVTable.read(text)
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for (index, name) in header.enumerated() where !columns.contains(name) {
            throw problem(line: 1, column: index + 1, field: "header",
                          zh: "未知列名 “\(name)”（可用：\(columns.joined(separator: ", "))）",
                          en: "unknown column \"\(name)\" (allowed: \(columns.joined(separator: ", ")))")
        }
        for required in ["source", "year", "value"] where !header.contains(required) {
            throw problem(line: 1, column: 1, field: "header", zh: "表头缺少 \(required) 列（须有 source、year、value）",
                          en: "the header has no \(required) column (source, year and value are required)")
        }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        var rows: [Row] = []
        rows.reserveCapacity(table.records.count)
        for record in table.records {
            guard record.fields.count <= header.count else {
                throw problem(line: record.line, column: header.count + 1, field: "csv",
                              zh: "字段比表头多（表头 \(header.count) 列，本行 \(record.fields.count) 列）",
                              en: "more fields than the header (\(header.count) columns, this line has \(record.fields.count))")
            }
            func cell(_ name: String) -> (text: String?, column: Int) {
                guard let index = column(name) else { return (nil, 1) }
                let value = index < record.fields.count ? record.fields[index].trimmingCharacters(in: .whitespaces) : ""
                return (value.isEmpty ? nil : value, index + 1)
            }
            let source = cell("source"), year = cell("year"), month = cell("month"), value = cell("value")
            guard let key = source.text else {
                throw problem(line: record.line, column: source.column, field: "source", zh: "为空", en: "is empty")
            }
            if let visibleSources, !visibleSources.contains(key) {
                throw problem(line: record.line, column: source.column, field: "source",
                              zh: "“\(key.prefix(64))” 不是您可以录入的排放源", en: "\"\(key.prefix(64))\" is not a source you can record data for")
            }
            guard let yearText = year.text, let yearValue = Int(yearText), Domain.year.contains(yearValue) else {
                throw problem(line: record.line, column: year.column, field: "year",
                              zh: "须为 \(Domain.year.lowerBound)–\(Domain.year.upperBound) 之间的年份", en: "must be a year from \(Domain.year.lowerBound) to \(Domain.year.upperBound)")
            }
            var monthValue = 0
            if let monthText = month.text {
                guard let parsed = Int(monthText), Domain.month.contains(parsed) else {
                    throw problem(line: record.line, column: month.column, field: "month", zh: "须为 0–12（0 表示全年）", en: "must be 0–12 (0 = the whole year)")
                }
                monthValue = parsed
            }
            guard let valueText = value.text, let number = Double(valueText), Domain.activityValue.contains(number) else {
                throw problem(line: record.line, column: value.column, field: "value",
                              zh: "须为 0 到 10^15 之间的数字", en: "must be a number from 0 to 10^15")
            }
            var notes: [String: String] = [:]
            for name in ["data_source", "evidence"] {
                let note = cell(name)
                guard let text = note.text else { continue }
                if let issue = TextPolicy.note.problem(text, field: name) {
                    throw problem(line: record.line, column: note.column, field: name, zh: issue.zh, en: issue.en)
                }
                notes[name] = text
            }
            rows.append(Row(line: record.line, input: ActivityInput(sourceKey: key, year: yearValue, month: monthValue, value: number,
                                                                    dataSource: notes["data_source"], evidence: notes["evidence"])))
        }
        return rows
    }

    /// Checks and stores a CSV import for the caller, all or nothing; returns the number of rows.
    static func importRows(_ text: String, parkKey: String, caller: Caller, store: any ParkRepository) async throws -> Int {
        let visible = Set(try await store.sources(parkKey: parkKey, caller: caller).map(\.key))
        let rows = try parse(text, visibleSources: visible)
        do {
            try await store.recordActivity(parkKey: parkKey, values: rows.map(\.input), caller: caller)
        } catch let error as StoreError {
            throw locate(error, rows: rows)
        }
        return rows.count
    }

    static func problem(line: Int, column: Int, field: String, zh: String, en: String) -> InputError {
        InputError(InputProblem(code: "invalid_csv", field: field, zh: zh, en: en, line: line, column: column))
    }

    /// A store refusal of a batch (`rows[N].field`, or a source by key) named by the file line it came from.
    static func locate(_ error: StoreError, rows: [Row]) -> Error {
        let text = error.description
        if let open = text.range(of: "rows["), let close = text[open.upperBound...].firstIndex(of: "]"),
           let index = Int(text[open.upperBound..<close]), rows.indices.contains(index) {
            return problem(line: rows[index].line, column: 1, field: "csv", zh: text, en: text)
        }
        for row in rows where text.contains("source \(row.input.sourceKey) ") || text.hasSuffix("source \(row.input.sourceKey)") {
            return problem(line: row.line, column: 1, field: "source", zh: text, en: text)
        }
        return error
    }
}
