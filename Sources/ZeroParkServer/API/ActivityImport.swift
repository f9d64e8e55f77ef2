import Foundation
import ZeroParkCore
import ZeroParkInput
import ZeroParkSpreadsheet
import ZeroParkStore

/// Import of activity data from a file (STANDARD.md 1.1.2(e); issue #12 defect 8): CSV (header
/// `source,year,month,value,data_source,evidence`, a UTF-8 BOM is fine) or the first sheet of an XLSX
/// workbook with the same header in columns A–F. Month 0 or empty = the whole year. A row whose value
/// and notes are all empty is a template row not filled in: it is skipped and counted. Every row is
/// checked before anything is stored, and every problem is reported at once (up to `maxProblems`),
/// each with its 1-based line (the sheet's row number) and column.
enum ActivityImport {
    /// A checked row with the file line it came from.
    struct Row: Sendable {
        let line: Int
        let input: ActivityInput
    }

    /// What a file holds: the rows to store and the lines of template rows skipped.
    struct Parsed: Sendable {
        let rows: [Row]
        let skipped: [Int]
    }

    /// What an import stored.
    struct Outcome: Sendable, Equatable {
        let imported: Int
        let skipped: [Int]
    }

    static let columns = ["source", "year", "month", "value", "data_source", "evidence"]
    static let maxProblems = 100
    /// An activity workbook is small (a row per source and month): 64 MiB inflated in all, 32 MiB per part,
    /// 50,000 rows — well below the readings importer's bounds, so a 2 MiB upload cannot inflate to hundreds of MiB.
    static let xlsxLimits = XLSXLimits(maxTotalUncompressed: 64 << 20, maxEntryUncompressed: 32 << 20, maxRows: 50_000)

    /// Reads CSV text.
    static func parse(csv text: String, visibleSources: Set<String>? = nil) throws -> Parsed {
        let table = try CSVTable.read(text)
        return try parse(header: table.header, headerLine: 1, records: table.records.map { ($0.line, $0.fields) }, visibleSources: visibleSources)
    }

    /// Reads the first sheet of an XLSX workbook (numbers as Excel stores them: "2025", "1550.5").
    static func parse(xlsx data: Data, visibleSources: Set<String>? = nil) throws -> Parsed {
        let (_, rows) = try XLSXReadings.rows(data, columns: columns, limits: xlsxLimits)
        guard let first = rows.first else {
            throw InputError(InputProblem(code: "empty", field: "header", zh: "工作表为空", en: "the worksheet is empty", line: 1, column: 1))
        }
        func texts(_ row: XLSXReadings.Row) -> [String] {
            var cells = row.cells.map { $0?.text ?? "" }
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            return cells
        }
        return try parse(header: texts(first), headerLine: first.number, records: rows.dropFirst().map { ($0.number, texts($0)) },
                         visibleSources: visibleSources)
    }

    /// Checks every record; `visibleSources` (when given) are the caller's sources, so a row naming any
    /// other (unknown, or another enterprise's) is refused with its line, like an unknown one.
    static func parse(header raw: [String], headerLine: Int, records: [(line: Int, fields: [String])],
                      visibleSources: Set<String>?) throws -> Parsed {
        let header = raw.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [InputProblem] = []
        func report(_ line: Int, _ column: Int, _ field: String, zh: String, en: String) {
            if problems.count < maxProblems { problems.append(problem(line: line, column: column, field: field, zh: zh, en: en)) }
        }
        for (index, name) in header.enumerated() where !columns.contains(name) {
            report(headerLine, index + 1, "header", zh: "未知列名 “\(name.prefix(64))”（可用：\(columns.joined(separator: ", "))）",
                   en: "unknown column \"\(name.prefix(64))\" (allowed: \(columns.joined(separator: ", ")))")
        }
        for required in ["source", "year", "value"] where !header.contains(required) {
            report(headerLine, 1, "header", zh: "表头缺少 \(required) 列（须有 source、year、value）",
                   en: "the header has no \(required) column (source, year and value are required)")
        }
        guard problems.isEmpty else { throw InputError(problems) }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        var rows: [Row] = [], skipped: [Int] = []
        rows.reserveCapacity(records.count)
        for record in records {
            if record.fields.count > header.count {
                report(record.line, header.count + 1, "row", zh: "字段比表头多（表头 \(header.count) 列，本行 \(record.fields.count) 列）",
                       en: "more fields than the header (\(header.count) columns, this line has \(record.fields.count))")
                continue
            }
            func cell(_ name: String) -> (text: String?, column: Int) {
                guard let index = column(name) else { return (nil, 1) }
                let value = index < record.fields.count ? record.fields[index].trimmingCharacters(in: .whitespaces) : ""
                return (value.isEmpty ? nil : value, index + 1)
            }
            let source = cell("source"), year = cell("year"), month = cell("month"), value = cell("value")
            let notes = ["data_source", "evidence"].map { ($0, cell($0)) }
            if value.text == nil, notes.allSatisfy({ $0.1.text == nil }) {
                // Nothing filled in but the row's keys (as in the template), or an empty line.
                skipped.append(record.line)
                continue
            }
            var ok = true
            if let key = source.text {
                if let visibleSources, !visibleSources.contains(key) {
                    report(record.line, source.column, "source", zh: "“\(key.prefix(64))” 不是您可以录入的排放源",
                           en: "\"\(key.prefix(64))\" is not a source you can record data for")
                    ok = false
                }
            } else {
                report(record.line, source.column, "source", zh: "为空", en: "is empty")
                ok = false
            }
            let yearValue = year.text.flatMap { Int($0) ?? Double($0).flatMap { $0 == $0.rounded() && abs($0) < 1e6 ? Int($0) : nil } }
            if yearValue.map({ !Domain.year.contains($0) }) ?? true {
                report(record.line, year.column, "year", zh: "须为 \(Domain.year.lowerBound)–\(Domain.year.upperBound) 之间的年份",
                       en: "must be a year from \(Domain.year.lowerBound) to \(Domain.year.upperBound)")
                ok = false
            }
            var monthValue = 0
            if let monthText = month.text {
                if let parsed = Int(monthText) ?? Double(monthText).flatMap({ $0 == $0.rounded() && abs($0) <= 12 ? Int($0) : nil }),
                   Domain.month.contains(parsed) {
                    monthValue = parsed
                } else {
                    report(record.line, month.column, "month", zh: "须为 0–12（0 表示全年）", en: "must be 0–12 (0 = the whole year)")
                    ok = false
                }
            }
            let number = value.text.flatMap(Double.init)
            if number.map({ !Domain.activityValue.contains($0) }) ?? true {
                report(record.line, value.column, "value", zh: "须为 0 到 10^15 之间的数字", en: "must be a number from 0 to 10^15")
                ok = false
            }
            var texts: [String: String] = [:]
            for (name, note) in notes {
                guard let text = note.text else { continue }
                if let issue = TextPolicy.note.problem(text, field: name) {
                    report(record.line, note.column, name, zh: issue.zh, en: issue.en)
                    ok = false
                }
                texts[name] = text
            }
            guard ok, let key = source.text, let yearValue, let number else { continue }
            rows.append(Row(line: record.line, input: ActivityInput(sourceKey: key, year: yearValue, month: monthValue, value: number,
                                                                    dataSource: texts["data_source"], evidence: texts["evidence"])))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        return Parsed(rows: rows, skipped: skipped)
    }

    /// Checks and stores CSV text for the caller, all or nothing.
    static func importCSV(_ text: String, parkKey: String, caller: Caller, store: any ParkRepository) async throws -> Outcome {
        let visible = try await visibleSources(parkKey: parkKey, caller: caller, store: store)
        return try await record(try parse(csv: text, visibleSources: visible), parkKey: parkKey, caller: caller, store: store)
    }

    /// Checks and stores an uploaded file: XLSX when its bytes are a zip archive, UTF-8 CSV otherwise.
    static func importFile(_ bytes: [UInt8], parkKey: String, caller: Caller, store: any ParkRepository) async throws -> Outcome {
        let visible = try await visibleSources(parkKey: parkKey, caller: caller, store: store)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try await record(try parse(xlsx: Data(bytes), visibleSources: visible), parkKey: parkKey, caller: caller, store: store)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(InputProblem(code: "encoding", field: "file", zh: "文件须为 UTF-8 编码的 CSV 或 XLSX 工作簿",
                                          en: "the file must be UTF-8 CSV or an XLSX workbook"))
        }
        return try await record(try parse(csv: text, visibleSources: visible), parkKey: parkKey, caller: caller, store: store)
    }

    static func visibleSources(parkKey: String, caller: Caller, store: any ParkRepository) async throws -> Set<String> {
        Set(try await store.sources(parkKey: parkKey, caller: caller).map(\.key))
    }

    static func record(_ parsed: Parsed, parkKey: String, caller: Caller, store: any ParkRepository) async throws -> Outcome {
        guard !parsed.rows.isEmpty else {
            throw InputError(InputProblem(code: "empty", field: "file", zh: "没有填写数值的行（表头之后每行须有 value）",
                                          en: "no row has a value (each row after the header needs one)"))
        }
        do {
            try await store.recordActivity(parkKey: parkKey, values: parsed.rows.map(\.input), caller: caller)
        } catch let error as StoreError {
            throw locate(error, rows: parsed.rows)
        }
        return Outcome(imported: parsed.rows.count, skipped: parsed.skipped)
    }

    static func problem(line: Int, column: Int, field: String, zh: String, en: String) -> InputProblem {
        InputProblem(code: "invalid_row", field: field, zh: zh, en: en, line: line, column: column)
    }

    /// A store refusal of a batch (`rows[N].field`, or a source by key) named by the file line it came from.
    static func locate(_ error: StoreError, rows: [Row]) -> Error {
        let text = error.description
        if let open = text.range(of: "rows["), let close = text[open.upperBound...].firstIndex(of: "]"),
           let index = Int(text[open.upperBound..<close]), rows.indices.contains(index) {
            return InputError(problem(line: rows[index].line, column: 1, field: "row", zh: text, en: text))
        }
        for row in rows where text.contains("source \(row.input.sourceKey) ") || text.hasSuffix("source \(row.input.sourceKey)") {
            return InputError(problem(line: row.line, column: 1, field: "source", zh: text, en: text))
        }
        return error
    }

    /// The template: the header, then a row per source the caller may record, for `year`, with the month
    /// and value to fill in (rows left without a value are skipped on import).
    static func templateRows(_ sources: [SourceSpec], year: Int) -> [[String]] {
        [columns] + sources.map { [$0.key, String(year), "", "", "", ""] }
    }
}
