import Foundation
import ZeroParkInput

/// Meter readings from the first worksheet of an .xlsx workbook (STANDARD.md 1.1.29 collection,
/// 1.1.33 data quality): header row `meter | ts | value` in columns A–C (text cells, exactly these
/// words), then one reading per non-empty row. `ts` must be a text cell holding an RFC 3339
/// timestamp with offset (a numeric Excel date is refused: its time zone is unknown); `value` a
/// numeric cell or a text cell in JSON number grammar; `meter` a text cell (or a number cell whose
/// written digits form a valid key). Rules as `ReadingRules`; problems name the cell
/// (`Sheet1!B17`: field = that reference, line = row number, column = column number).
///
/// The worksheet is the first `<sheet>` of `xl/workbook.xml` resolved through
/// `xl/_rels/workbook.xml.rels`; when either part is missing or has no usable entry the
/// conventional `xl/worksheets/sheet1.xml` is read. Shared strings come from `xl/sharedStrings.xml`.
public enum XLSXReadings {
    /// One non-empty cell.
    public struct Cell: Sendable, Equatable {
        /// Text (shared or inline string, formula string), number, boolean, error or ISO date (`t="d"`).
        public enum Kind: Sendable, Equatable { case text, number, boolean, error, date }
        public var kind: Kind
        public var text: String
    }

    /// One worksheet row: its number and its cells in A, B, C, … (nil when empty).
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var cells: [Cell?]
    }

    /// Readings of `data` (the bytes of an .xlsx file).
    public static func read(_ data: Data, limits: XLSXLimits = .default) throws(InputError) -> ParsedReadings {
        let (sheetName, rows) = try self.rows(data, limits: limits)
        return try readings(rows, sheet: sheetName, limits: limits)
    }

    /// The sheet name and non-empty rows of the first worksheet of `data`: cells in the columns named by
    /// `columns` (A, B, … in order; meter, ts, value by default); a non-empty cell beyond them is a problem.
    public static func rows(_ data: Data, columns: [String] = ["meter", "ts", "value"],
                            limits: XLSXLimits = .default) throws(InputError) -> (sheet: String, rows: [Row]) {
        do throws(InputProblem) {
            var archive = try XLSXArchive(data: data, limits: limits)
            let (sheetName, sheetPath) = try locateSheet(&archive)
            guard let sheetBytes = try archive.read(sheetPath) else {
                throw XLSXArchive.problem("no_sheet", zh: "找不到工作表 \(sheetPath)", en: "has no worksheet \(sheetPath)")
            }
            let shared = try sharedStrings(archive.read("xl/sharedStrings.xml") ?? [], limits: limits)
            return (sheetName, try sheetRows(sheetBytes, sheet: sheetName, shared: shared, columns: columns, limits: limits))
        } catch {
            throw InputError(error)
        }
    }

    static func xmlProblem(_ failure: BoundedXMLScanner.Failure, part: String) -> InputProblem {
        InputProblem(code: failure == .dtd ? "xml_dtd" : "bad_xml", field: "xlsx", zh: "\(part) \(failure.zh)", en: "part \(part) \(failure.en)")
    }

    /// Name and part path of the first worksheet.
    static func locateSheet(_ archive: inout XLSXArchive) throws(InputProblem) -> (String, String) {
        let fallback = ("Sheet1", "xl/worksheets/sheet1.xml")
        guard let workbook = try archive.read("xl/workbook.xml") else { return fallback }
        var scanner = BoundedXMLScanner(bytes: workbook)
        var first: [String: String]?
        do throws(BoundedXMLScanner.Failure) {
            loop: while true {
                switch try scanner.next() {
                case let .start(name, attributes, _) where name == "sheet":
                    first = attributes
                    break loop
                case .end_of_document: break loop
                default: continue
                }
            }
        } catch {
            throw xmlProblem(error, part: "xl/workbook.xml")
        }
        guard let first else { return fallback }
        let name = first["name"].flatMap { $0.isEmpty ? nil : $0 } ?? "Sheet1"
        let relationID = first.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value
        guard let relationID, let rels = try archive.read("xl/_rels/workbook.xml.rels") else { return (name, fallback.1) }
        var relScanner = BoundedXMLScanner(bytes: rels)
        do throws(BoundedXMLScanner.Failure) {
            while true {
                switch try relScanner.next() {
                case let .start(element, attributes, _) where element == "Relationship" && attributes["Id"] == relationID:
                    guard let target = attributes["Target"], !target.isEmpty else { return (name, fallback.1) }
                    let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                    return (name, path)
                case .end_of_document: return (name, fallback.1)
                default: continue
                }
            }
        } catch {
            throw xmlProblem(error, part: "xl/_rels/workbook.xml.rels")
        }
    }

    /// The shared-string table: one string per `<si>`, the text of its `<t>` elements outside `<rPh>` (phonetic runs).
    static func sharedStrings(_ bytes: [UInt8], limits: XLSXLimits) throws(InputProblem) -> [String] {
        guard !bytes.isEmpty else { return [] }
        var scanner = BoundedXMLScanner(bytes: bytes)
        var strings: [String] = []
        var current: String?
        var inText = false
        var phonetic = 0
        do throws(BoundedXMLScanner.Failure) {
            while true {
                switch try scanner.next() {
                case let .start(name, _, selfClosing):
                    if name == "si" { current = selfClosing ? nil : ""; if selfClosing { strings.append("") } }
                    if name == "rPh", !selfClosing { phonetic += 1 }
                    if name == "t", !selfClosing { inText = true }
                case let .end(name):
                    if name == "si", let text = current { strings.append(text); current = nil }
                    if name == "rPh" { phonetic -= 1 }
                    if name == "t" { inText = false }
                case let .text(text):
                    if inText, phonetic == 0, current != nil {
                        current?.append(text)
                        guard (current?.utf8.count ?? 0) <= BoundedXMLScanner.maxTextBytes else {
                            throw BoundedXMLScanner.Failure.limit("a shared string longer than \(BoundedXMLScanner.maxTextBytes) bytes")
                        }
                    }
                case .end_of_document:
                    return strings
                }
            }
        } catch {
            throw xmlProblem(error, part: "xl/sharedStrings.xml")
        }
    }

    /// Column number of the letters at the start of a cell reference (`B17` → 2), and the row digits.
    static func split(reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        for scalar in reference.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A where !sawDigit:
                column = column * 26 + Int(scalar.value - 0x40)
                guard column <= 16_384 else { return nil }
            case 0x30...0x39:
                sawDigit = true
                row = row * 10 + Int(scalar.value - 0x30)
                guard row <= 1_048_576 else { return nil }
            default: return nil
            }
        }
        return column >= 1 && row >= 1 ? (column, row) : nil
    }

    /// Column letters of a 1-based column number (2 → `B`, 27 → `AA`).
    public static func columnLetters(_ column: Int) -> String {
        var n = column
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// Rows of the worksheet part: cells of the named columns kept; a non-empty cell beyond them is a problem.
    static func sheetRows(_ bytes: [UInt8], sheet: String, shared: [String], columns: [String] = ["meter", "ts", "value"],
                          limits: XLSXLimits) throws(InputProblem) -> [Row] {
        var scanner = BoundedXMLScanner(bytes: bytes)
        var rows: [Row] = []
        var rowNumber = 0
        let width = max(1, columns.count)
        var rowCells = [Cell?](repeating: nil, count: width)
        var rowHasContent = false
        var inSheetData = false
        // The open cell: its position, type, and the text gathered from <v> or <is><t>.
        var cellColumn = 0
        var cellType = ""
        var cellText = ""
        var cellHasValue = false
        var collect = false
        var phonetic = 0
        var rowCount = 0
        func place(_ column: Int) -> String { "\(sheet)!\(columnLetters(column))\(rowNumber)" }
        do {
            while true {
                switch try next(&scanner, part: "worksheet") {
                case let .start(name, attributes, selfClosing):
                    switch name {
                    case "sheetData": inSheetData = !selfClosing
                    case "row" where inSheetData:
                        rowCount += 1
                        guard rowCount <= limits.maxRows else {
                            throw XLSXArchive.problem("too_many_rows", zh: "行数过多（上限 \(limits.maxRows) 行）", en: "has too many rows (limit \(limits.maxRows))")
                        }
                        if let r = attributes["r"] {
                            guard let number = Int(r), number > rowNumber, number <= 1_048_576 else {
                                throw XLSXArchive.problem("bad_xml", zh: "工作表行号 \(r) 无效", en: "worksheet row number \(r) is invalid or out of order")
                            }
                            rowNumber = number
                        } else {
                            rowNumber += 1
                        }
                        rowCells = [Cell?](repeating: nil, count: width)
                        rowHasContent = false
                        cellColumn = 0
                        if selfClosing { continue }
                    case "c" where inSheetData && rowNumber > 0:
                        if let reference = attributes["r"] {
                            guard let (column, row) = split(reference: reference), row == rowNumber, column > cellColumn else {
                                throw XLSXArchive.problem("bad_xml", zh: "单元格引用 \(reference) 无效", en: "cell reference \(reference) is invalid or out of order")
                            }
                            cellColumn = column
                        } else {
                            cellColumn += 1
                        }
                        cellType = attributes["t"] ?? "n"
                        cellText = ""
                        cellHasValue = false
                        if selfClosing { continue }
                    case "v", "t" where cellColumn > 0:
                        if name == "t", phonetic > 0 { break }
                        collect = !selfClosing
                        cellHasValue = true
                    case "rPh": if !selfClosing { phonetic += 1 }
                    default: break
                    }
                case let .end(name):
                    switch name {
                    case "v", "t": collect = false
                    case "rPh": phonetic -= 1
                    case "c" where cellColumn > 0:
                        guard cellHasValue else { break }
                        let cell: Cell
                        switch cellType {
                        case "s":
                            guard let index = Int(cellText.trimmingCharacters(in: .whitespaces)), shared.indices.contains(index) else {
                                throw XLSXArchive.problem("bad_xml", zh: "\(place(cellColumn)) 的共享字符串编号无效", en: "\(place(cellColumn)) refers to a shared string that does not exist")
                            }
                            cell = Cell(kind: .text, text: shared[index])
                        case "str", "inlineStr": cell = Cell(kind: .text, text: cellText)
                        case "b": cell = Cell(kind: .boolean, text: cellText)
                        case "e": cell = Cell(kind: .error, text: cellText)
                        case "d": cell = Cell(kind: .date, text: cellText)
                        default: cell = Cell(kind: .number, text: cellText)
                        }
                        if cell.kind == .text, cell.text.isEmpty { break }
                        if cellColumn <= width {
                            rowCells[cellColumn - 1] = cell
                            rowHasContent = true
                        } else {
                            let last = columnLetters(width)
                            throw XLSXArchive.problem("extra_column", zh: "\(place(cellColumn)) 超出 A–\(last) 列（只允许 \(columns.joined(separator: "、"))）",
                                                      en: "\(place(cellColumn)) is outside columns A–\(last) (only \(columns.joined(separator: ", ")))")
                        }
                    case "row":
                        if rowHasContent { rows.append(Row(number: rowNumber, cells: rowCells)) }
                        rowHasContent = false
                    case "sheetData": inSheetData = false
                    default: break
                    }
                case let .text(text):
                    if collect {
                        cellText += text
                        guard cellText.utf8.count <= BoundedXMLScanner.maxTextBytes else {
                            throw xmlProblem(.limit("a cell longer than \(BoundedXMLScanner.maxTextBytes) bytes"), part: "worksheet")
                        }
                    }
                case .end_of_document:
                    return rows
                }
            }
        }
    }

    /// The next XML event, a scanner failure turned into the problem of `part`.
    static func next(_ scanner: inout BoundedXMLScanner, part: String) throws(InputProblem) -> BoundedXMLScanner.Event {
        do throws(BoundedXMLScanner.Failure) {
            return try scanner.next()
        } catch {
            throw xmlProblem(error, part: part)
        }
    }

    /// Readings of worksheet `rows` (first row the header).
    static func readings(_ rows: [Row], sheet: String, limits: XLSXLimits) throws(InputError) -> ParsedReadings {
        var problems: [InputProblem] = []
        var meters: [String] = []
        var meterIndex: [String: Int32] = [:]
        var readings: [ReadingInput] = []
        func report(_ problem: InputProblem) -> Bool {
            problems.append(problem)
            return problems.count < limits.maxProblems
        }
        guard let header = rows.first else {
            throw InputError(InputProblem(code: "empty", field: "\(sheet)!A1", zh: "工作表为空", en: "the worksheet is empty", line: 1, column: 1))
        }
        let names = header.cells.map { $0?.kind == .text ? $0?.text : nil }
        guard names == ReadingsPayload.csvHeader.map(Optional.some) else {
            let got = header.cells.map { $0?.text ?? "" }.joined(separator: ",")
            throw InputError(InputProblem(code: "bad_header", field: "\(sheet)!A\(header.number)", zh: "表头应为 meter、ts、value（A–C 列），实际为 \(got)",
                                          en: "header must be meter, ts, value in columns A–C, got \(got)", line: header.number, column: 1))
        }
        rowLoop: for row in rows.dropFirst() {
            func field(_ column: Int) -> String { "\(sheet)!\(columnLetters(column))\(row.number)" }
            var ok = true
            var cells: [Cell] = []
            for column in 1...3 {
                guard let cell = row.cells[column - 1] else {
                    ok = false
                    if !report(InputProblem(code: "missing_member", field: field(column), zh: "为空（应填写 \(ReadingsPayload.csvHeader[column - 1])）",
                                            en: "is empty (expected \(ReadingsPayload.csvHeader[column - 1]))", line: row.number, column: column)) { break rowLoop }
                    cells.append(Cell(kind: .text, text: ""))
                    continue
                }
                cells.append(cell)
            }
            guard ok else { continue }
            // meter
            if cells[0].kind != .text && cells[0].kind != .number {
                ok = false
                if !report(InputProblem(code: "wrong_type", field: field(1), zh: "应为文本单元格", en: "must be a text cell", line: row.number, column: 1)) { break }
            } else if let problem = ReadingRules.meterProblem(cells[0].text, field: field(1)) {
                ok = false
                if !report(InputProblem(code: problem.code, field: problem.field, zh: problem.zh, en: problem.en, line: row.number, column: 1)) { break }
            }
            // ts
            var ts: Int64 = 0
            if cells[1].kind != .text {
                ok = false
                if !report(InputProblem(code: "date_cell", field: field(2),
                                        zh: "是数字或日期单元格；请将时间戳以文本形式填写为带时区偏移的 RFC 3339 格式，例如 2026-11-26T08:15:00+08:00（将该列设置为文本格式）",
                                        en: "is a number or date cell; enter the timestamp as text in RFC 3339 with offset, e.g. 2026-11-26T08:15:00+08:00 (format the column as Text)",
                                        line: row.number, column: 2)) { break }
            } else {
                do throws(RFC3339Timestamp.Failure) {
                    ts = try RFC3339Timestamp.parse(cells[1].text)
                } catch {
                    ok = false
                    if !report(InputProblem(code: error.code, field: field(2), zh: error.zh, en: error.en, line: row.number, column: 2)) { break }
                }
            }
            // value
            var value = 0.0
            if cells[2].kind != .text && cells[2].kind != .number {
                ok = false
                if !report(InputProblem(code: "wrong_type", field: field(3), zh: "应为数字单元格", en: "must be a number cell", line: row.number, column: 3)) { break }
            } else {
                switch ReadingRules.number(cells[2].text) {
                case let .success(number): value = number
                case let .failure(problem):
                    ok = false
                    if !report(InputProblem(code: problem.code, field: field(3), zh: problem.zh, en: problem.en, line: row.number, column: 3)) { break rowLoop }
                }
            }
            guard ok, problems.isEmpty else { continue }
            let key = cells[0].text
            let index: Int32
            if let found = meterIndex[key] {
                index = found
            } else {
                index = Int32(truncatingIfNeeded: meters.count)
                meters.append(key)
                meterIndex[key] = index
            }
            readings.append(ReadingInput(meter: index, ts: ts, value: value, line: Int32(clamping: row.number), column: 1))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        return ParsedReadings(meters: meters, readings: readings)
    }
}
