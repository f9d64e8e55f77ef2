import CXlsxWriter
import Foundation

/// A workbook written with libxlsxwriter (Debian `libxlsxwriter-dev`, a system-library target found with
/// pkg-config) — issue #11 item 1's report as XLSX, one sheet per table. Deterministic: the document's
/// creation time is given, so the same sheets give the same bytes.
public enum XLSXWriter {
    /// One cell: text, or a number with an Excel number format (`#,##0.00`).
    public enum Cell: Hashable, Sendable {
        case text(String)
        case number(Double, format: String)
    }

    /// One sheet: a bold, frozen header row, then the rows; column widths in characters.
    public struct Sheet: Hashable, Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[Cell]]
        public var widths: [Double]

        public init(name: String, header: [String], rows: [[Cell]], widths: [Double] = []) {
            self.name = name
            self.header = header
            self.rows = rows
            self.widths = widths
        }
    }

    /// Why no workbook was written.
    public enum WriteError: Error, Equatable, Sendable {
        /// A sheet name is empty, longer than 31 characters, repeated, or holds one of `[]:*?/\`.
        case badSheetName(String)
        /// More rows or columns than the limits (`maximumRows`, `maximumColumns`).
        case tooLarge
        /// libxlsxwriter refused (its error code).
        case library(Int32)
    }

    public static let maximumRows = 100_000
    public static let maximumColumns = 64

    /// The workbook's bytes; `created` (at the earliest 1980-01-01) is its creation time and every zip
    /// entry's, so the same sheets and `created` give the same bytes.
    public static func data(_ sheets: [Sheet], title: String, author: String, created: Date) throws(WriteError) -> Data {
        var names = Set<String>()
        for sheet in sheets {
            let bad = sheet.name.isEmpty || sheet.name.count > 31 || sheet.name.contains(where: { "[]:*?/\\".contains($0) })
            guard !bad, names.insert(sheet.name.lowercased()).inserted else { throw .badSheetName(sheet.name) }
            guard sheet.rows.count < maximumRows, sheet.header.count <= maximumColumns,
                  sheet.rows.allSatisfy({ $0.count <= maximumColumns }) else { throw .tooLarge }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zeropark-xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .library(-1)
        }
        let path = folder.appendingPathComponent("book.xlsx").path
        guard let workbook = workbook_new(path) else { throw .library(-1) }
        let status: lxw_error = title.withCString { titleText in
            author.withCString { authorText in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: titleText)
                properties.author = UnsafeMutablePointer(mutating: authorText)
                // libxlsxwriter takes 0 for "now": the earliest zip time (1980-01-01) is the floor.
                properties.created = time_t(max(315_532_800, created.timeIntervalSince1970.rounded(.down)))
                _ = workbook_set_properties(workbook, &properties)
                let bold = workbook_add_format(workbook)
                format_set_bold(bold)
                var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]
                func format(_ code: String) -> UnsafeMutablePointer<lxw_format>? {
                    if let known = formats[code] { return known }
                    guard let made = workbook_add_format(workbook) else { return nil }
                    format_set_num_format(made, code)
                    formats[code] = made
                    return made
                }
                for sheet in sheets {
                    guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else { continue }
                    for (column, width) in sheet.widths.enumerated() where column < maximumColumns {
                        worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil)
                    }
                    for (column, text) in sheet.header.enumerated() {
                        worksheet_write_string(worksheet, 0, lxw_col_t(column), text, bold)
                    }
                    worksheet_freeze_panes(worksheet, 1, 0)
                    for (index, row) in sheet.rows.enumerated() {
                        for (column, cell) in row.enumerated() {
                            switch cell {
                            case let .text(text):
                                // Excel holds at most 32,767 characters in a cell.
                                worksheet_write_string(worksheet, lxw_row_t(index + 1), lxw_col_t(column), String(text.prefix(32_000)), nil)
                            case let .number(value, code):
                                if value.isFinite {
                                    worksheet_write_number(worksheet, lxw_row_t(index + 1), lxw_col_t(column), value, format(code))
                                } else {
                                    worksheet_write_string(worksheet, lxw_row_t(index + 1), lxw_col_t(column), "—", nil)
                                }
                            }
                        }
                    }
                }
                return workbook_close(workbook)
            }
        }
        guard status == LXW_NO_ERROR else { throw .library(Int32(status.rawValue)) }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { throw .library(-1) }
        // libxlsxwriter stamps each zip entry with the time of writing; the stamps are set to `created`, so
        // the same sheets give the same bytes whenever they are written.
        guard let stamped = Self.stamp(data, with: max(created, Date(timeIntervalSince1970: 315_532_800))) else { throw .library(-2) }
        return stamped
    }

    /// The zip with every entry's modification time and date (MS-DOS format, in the local and the central
    /// headers) set to `date` (UTC), walking the central directory from the end record; nil when the bytes
    /// are not a zip this writer made (no end record, or an entry outside the data).
    static func stamp(_ zip: Data, with date: Date) -> Data? {
        var bytes = [UInt8](zip)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func put16(_ value: Int, _ at: Int) {
            bytes[at] = UInt8(value & 0xFF)
            bytes[at + 1] = UInt8(value >> 8 & 0xFF)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = min(max((parts.year ?? 1980) - 1980, 0), 127)
        let dosDate = year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1)
        let dosTime = (parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2
        // The end of central directory record: signature 0x06054b50, 22 bytes, found from the end.
        guard bytes.count >= 22 else { return nil }
        var end = bytes.count - 22
        while end >= 0, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 0x05 && bytes[end + 3] == 0x06) { end -= 1 }
        guard end >= 0 else { return nil }
        let count = u16(end + 10)
        var entry = u32(end + 16)
        for _ in 0..<count {
            guard entry + 46 <= bytes.count, u32(entry) == 0x0201_4B50 else { return nil }
            put16(dosTime, entry + 12)
            put16(dosDate, entry + 14)
            let local = u32(entry + 42)
            guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { return nil }
            put16(dosTime, local + 10)
            put16(dosDate, local + 12)
            entry += 46 + u16(entry + 28) + u16(entry + 30) + u16(entry + 32)
        }
        return Data(bytes)
    }
}
