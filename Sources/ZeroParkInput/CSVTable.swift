/// A CSV file read from untrusted text (RFC 4180: comma-separated, `"` quotes with `""` inside,
/// quoted fields may hold commas and line breaks; LF or CRLF line ends; a leading UTF-8 BOM is
/// accepted). Each record keeps the 1-based file line it starts on, so that every later check can
/// name the line and column (the 1-based field number) a user must fix (issue #6, 1.1.2(e)).
public struct CSVTable: Sendable, Equatable {
    /// One record: its first line in the file and its fields.
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let records: [Record]

    /// Reads `text` within `limits`; throws `InputError` naming line and column of the first problem:
    /// an unterminated quote (at the line and column where it opened), a quote inside an unquoted
    /// field, text after a closing quote, too many records, fields or characters, an empty file.
    public static func read(_ text: String, limits: CSVLimits = .default) throws(InputError) -> CSVTable {
        var reader = CSVScanner(scalars: Array(text.unicodeScalars), limits: limits)
        do throws(InputProblem) {
            let rows = try reader.records()
            guard let first = rows.first else {
                throw InputProblem(code: "empty", field: "header", zh: "文件为空", en: "the file is empty", line: 1, column: 1)
            }
            return CSVTable(header: first.fields, records: Array(rows.dropFirst()))
        } catch {
            throw InputError(error)
        }
    }
}

/// Bounds for reading CSV: records, fields per record, characters per field.
public struct CSVLimits: Hashable, Sendable {
    public var maxRecords: Int
    public var maxFields: Int
    public var maxFieldLength: Int

    public init(maxRecords: Int, maxFields: Int, maxFieldLength: Int) {
        self.maxRecords = maxRecords
        self.maxFields = maxFields
        self.maxFieldLength = maxFieldLength
    }

    /// Activity imports: 200,000 records, 32 fields, 1,000 characters a field.
    public static let `default` = CSVLimits(maxRecords: 200_000, maxFields: 32, maxFieldLength: 1_000)
}

/// The scanner behind `CSVTable.read`: one pass over the code points, tracking line and column.
struct CSVScanner {
    let scalars: [Unicode.Scalar]
    let limits: CSVLimits
    var index = 0
    var line = 1
    var column = 1

    init(scalars: [Unicode.Scalar], limits: CSVLimits) {
        self.scalars = scalars.first == "\u{FEFF}" ? Array(scalars.dropFirst()) : scalars
        self.limits = limits
    }

    func problem(_ code: String, zh: String, en: String, line: Int, column: Int) -> InputProblem {
        InputProblem(code: code, field: "csv", zh: zh, en: en, line: line, column: column)
    }

    mutating func records() throws(InputProblem) -> [CSVTable.Record] {
        var records: [CSVTable.Record] = []
        while index < scalars.count {
            let startLine = line
            let fields = try record()
            // A blank line (one empty field) is skipped.
            if fields.count == 1, fields[0].isEmpty { continue }
            guard records.count < limits.maxRecords + 1 else {
                throw problem("too_many_records", zh: "行数过多（上限 \(limits.maxRecords) 行数据）",
                              en: "too many records (limit \(limits.maxRecords))", line: startLine, column: 1)
            }
            records.append(CSVTable.Record(line: startLine, fields: fields))
        }
        return records
    }

    /// Reads one record up to and including its line end.
    mutating func record() throws(InputProblem) -> [String] {
        var fields: [String] = []
        while true {
            guard fields.count < limits.maxFields else {
                throw problem("too_many_fields", zh: "字段过多（上限 \(limits.maxFields) 列）",
                              en: "too many fields (limit \(limits.maxFields))", line: line, column: fields.count + 1)
            }
            let field = try self.field(number: fields.count + 1)
            fields.append(field)
            guard index < scalars.count else { return fields }
            let scalar = scalars[index]
            if scalar == "," {
                advance()
                continue
            }
            // Line end: LF or CRLF (a lone CR also ends the record).
            advance()
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { advance() }
            return fields
        }
    }

    mutating func advance() {
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" || (scalar == "\r" && (index >= scalars.count || scalars[index] != "\n")) {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    mutating func field(number: Int) throws(InputProblem) -> String {
        var text = String.UnicodeScalarView()
        // Counted apart: `UnicodeScalarView.count` walks the view (quadratic for long fields).
        var length = 0
        func append(_ scalar: Unicode.Scalar) throws(InputProblem) {
            guard length < limits.maxFieldLength else {
                throw problem("field_too_long", zh: "第 \(number) 个字段过长（上限 \(limits.maxFieldLength) 个字符）",
                              en: "field \(number) is too long (limit \(limits.maxFieldLength) characters)", line: line, column: number)
            }
            text.append(scalar)
            length += 1
        }
        if index < scalars.count, scalars[index] == "\"" {
            let openLine = line, openColumn = column
            advance()
            while true {
                guard index < scalars.count else {
                    throw problem("unterminated_quote", zh: "第 \(number) 个字段的引号没有结束（引号从第 \(openLine) 行第 \(openColumn) 个字符开始）",
                                  en: "the quote opened at line \(openLine), character \(openColumn) in field \(number) is never closed",
                                  line: openLine, column: number)
                }
                let scalar = scalars[index]
                advance()
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        advance()
                        try append("\"")
                        continue
                    }
                    break
                }
                try append(scalar)
            }
            if index < scalars.count, !["," as Unicode.Scalar, "\n", "\r"].contains(scalars[index]) {
                throw problem("text_after_quote", zh: "第 \(number) 个字段在结束引号之后还有字符", en: "field \(number) has text after its closing quote",
                              line: line, column: number)
            }
            return String(text)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "," || scalar == "\n" || scalar == "\r" { break }
            if scalar == "\"" {
                throw problem("stray_quote", zh: "第 \(number) 个字段中有引号，但字段本身没有用引号括起来",
                              en: "field \(number) contains a quote but is not quoted", line: line, column: number)
            }
            advance()
            try append(scalar)
        }
        return String(text)
    }
}
