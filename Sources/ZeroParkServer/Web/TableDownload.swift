import Foundation
import Hummingbird
import ZeroParkReports
import ZeroParkStore
import ZeroParkXLSX

/// One table of a page as its reader downloads it (issue #12 defect 9: exports from every table): a
/// title, a header in the reader's language and the rows as the caller may see them. Numeric columns
/// hold unrounded numbers (Swift's shortest round-tripping form, as in the JSON) or an empty cell.
struct DownloadTable: Sendable, Equatable {
    var title: String
    var header: [String]
    var rows: [[String]]
    /// The columns (0-based) whose cells are numbers: written as numbers in a workbook when they read as one.
    var numericColumns: Set<Int> = []

    /// A number as a cell: Swift's shortest round-tripping form, or empty when there is none.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(value)
    }
}

/// The two file formats of a table download: CSV (UTF-8 with a byte-order mark so Excel reads Chinese,
/// RFC 4180, cells a spreadsheet would run as a formula guarded by `CSVWriter`) and XLSX (libxlsxwriter,
/// one sheet per table, a bold frozen header, numbers as numbers).
enum DownloadFormat: String, CaseIterable, Sendable {
    case csv, xlsx

    var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}

/// A page's tables as one file: `fileName` without its extension.
struct TableDownload: Sendable {
    var fileName: String
    var tables: [DownloadTable]

    /// The file's bytes. One table is written as CSV header + rows; several follow each other, each after a
    /// line with its title, an empty line between them. A workbook has one sheet per table.
    func data(_ format: DownloadFormat, created: Date = Date()) throws -> Data {
        switch format {
        case .csv:
            let single = tables.count == 1
            let rows = tables.enumerated().flatMap { index, table -> [[String]] in
                (index > 0 ? [[]] : []) + (single ? [] : [[table.title]]) + [table.header] + table.rows
            }
            return Data(CSVWriter.text(rows).utf8)
        case .xlsx:
            var used = Set<String>()
            let sheets = tables.map { table in
                XLSXWriter.Sheet(name: Self.sheetName(table.title, used: &used), header: table.header, rows: table.rows.map { row in
                    row.enumerated().map { column, text -> XLSXWriter.Cell in
                        if table.numericColumns.contains(column), let value = Self.numeric(text) { return .number(value, format: "General") }
                        return .text(text)
                    }
                }, widths: table.header.enumerated().map { column, title in
                    let widest = table.rows.prefix(200).map { $0.indices.contains(column) ? Self.width($0[column]) : 0 }.max() ?? 0
                    return min(60, max(8, Double(max(Self.width(title), widest)) + 2))
                })
            }
            do {
                return try XLSXWriter.data(sheets, title: fileName, author: "ZeroPark", created: created)
            } catch XLSXWriter.WriteError.tooLarge {
                throw StoreError.invalid(field: "format", message: "表格超过 \(XLSXWriter.maximumRows) 行或 \(XLSXWriter.maximumColumns) 列，请下载 CSV / the table has more than \(XLSXWriter.maximumRows) rows or \(XLSXWriter.maximumColumns) columns; download the CSV")
            } catch {
                throw StoreError.conflict("无法生成 XLSX 文件 / the workbook could not be written (\(error))")
            }
        }
    }

    func response(_ format: DownloadFormat) throws -> Response {
        let bytes = try data(format)
        return Response(status: .ok, headers: [.contentType: format.contentType,
                                               .contentDisposition: "attachment; filename=\"\(fileName).\(format.rawValue)\"",
                                               .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A numeric cell's value: a plain number, or one grouped by thousands as the pages show it
    /// (`-1,234.5`); nil for anything else (`—`, `12.3%`, text), which stays text.
    static func numeric(_ text: String) -> Double? {
        if let value = Double(text) { return value.isFinite ? value : nil }
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, let lead = groups.first, (1...3).contains(lead.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) && !parts[1].isEmpty else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: ""))
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique within the workbook.
    static func sheetName(_ title: String, used: inout Set<String>) -> String {
        let cleaned = String(title.map { "[]:*?/\\".contains($0) ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
        let base = String((cleaned.isEmpty ? "Sheet" : cleaned).prefix(28))
        var name = base
        var number = 2
        while !used.insert(name.lowercased()).inserted {
            name = base + " \(number)"
            number += 1
        }
        return name
    }

    /// Display width in columns: CJK characters count two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }
}

extension RouterGroup where Context == AppRequestContext {
    /// `path.csv` and `path.xlsx`, both answering the tables `make` returns for the request.
    func downloads(_ path: String, _ make: @escaping @Sendable (Request, AppRequestContext) async throws -> TableDownload) {
        for format in DownloadFormat.allCases {
            get("\(path).\(format.rawValue)") { request, context in try await make(request, context).response(format) }
        }
    }
}
