extension ReadingsPayload {
    /// The exact header of a readings CSV.
    public static let csvHeader = ["meter", "ts", "value"]

    /// A CSV body or file of readings: header `meter,ts,value` exactly (after an optional UTF-8 BOM),
    /// then one reading per record. Quoting, line ends and blank-line skipping as `CSVTable` (RFC
    /// 4180; LF, CRLF or a lone CR), read as a stream of byte spans without building a table.
    /// Problems carry the line a field starts on and the field number as column (meter 1, ts 2,
    /// value 3), field = the column name (`ts`), or `csv` for the structure.
    public static func csv(_ bytes: [UInt8], limits: ReadingLimits = .default) throws(InputError) -> ParsedReadings {
        guard bytes.count <= limits.maxBytes else {
            throw InputError(InputProblem(code: "too_large", field: "csv", zh: "内容过大（上限 \(limits.maxBytes) 字节）",
                                          en: "payload is too large (limit \(limits.maxBytes) bytes)"))
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> ParsedReadings in
            var scanner = ReadingsCSVScanner(bytes: buffer, limits: limits)
            do throws(ReadingsJSONScanner.Stop) {
                try scanner.document()
            } catch {}
            guard scanner.problems.isEmpty else { throw InputError(scanner.problems) }
            return ParsedReadings(meters: scanner.meters.keys, readings: scanner.readings)
        }
    }
}

/// The streaming scanner behind `ReadingsPayload.csv`.
struct ReadingsCSVScanner {
    typealias Stop = ReadingsJSONScanner.Stop

    /// One field: its bytes (between quotes when quoted), whether `""` pairs must be undone, where it starts.
    struct Field {
        var range: Range<Int> = 0..<0
        var doubledQuotes = false
        var line = 1
    }

    /// Longest field accepted (bytes).
    static let maxFieldLength = 1_000

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: ReadingLimits
    var index = 0
    var line = 1
    var problems: [InputProblem] = []
    var readings: [ReadingInput] = []
    var meters = MeterTable()
    var fields = [Field](repeating: Field(), count: 3)
    var fieldCount = 0
    /// The current record already has a quoting problem (its fields are not checked further).
    var recordBad = false

    init(bytes: UnsafeBufferPointer<UInt8>, limits: ReadingLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func report(_ problem: InputProblem) throws(Stop) {
        problems.append(problem)
        if problems.count >= limits.maxProblems { throw .stop }
    }

    func problem(_ code: String, field: String = "csv", zh: String, en: String, line: Int, column: Int) -> InputProblem {
        InputProblem(code: code, field: field, zh: zh, en: en, line: line, column: column)
    }

    mutating func document() throws(Stop) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        guard index < bytes.count else {
            try report(problem("empty", field: "header", zh: "文件为空", en: "the file is empty", line: 1, column: 1))
            return
        }
        // Header: the first non-blank record.
        var headerLine = line
        repeat {
            headerLine = line
            try record()
        } while isBlank && index < bytes.count
        let header = (0..<min(fieldCount, 3)).map { text(fields[$0]) }
        guard fieldCount == 3, header == ReadingsPayload.csvHeader else {
            let got = header.joined(separator: ",") + (fieldCount > 3 ? ",…" : "")
            try report(problem("bad_header", field: "header", zh: "表头应为 meter,ts,value，实际为 \(got)",
                               en: "must be exactly meter,ts,value, got \(got)", line: headerLine, column: 1))
            throw .stop
        }
        var count = 0
        while index < bytes.count {
            let startLine = line
            try record()
            if isBlank { continue }
            guard count < limits.maxReadings else {
                try report(problem("too_many_readings", zh: "读数过多（上限 \(limits.maxReadings) 条）",
                                   en: "too many readings (limit \(limits.maxReadings))", line: startLine, column: 1))
                throw .stop
            }
            count += 1
            try reading(line: startLine)
        }
    }

    var isBlank: Bool { fieldCount == 1 && fields[0].range.isEmpty }

    /// Checks the current record as a reading and keeps it when valid.
    mutating func reading(line startLine: Int) throws(Stop) {
        guard !recordBad else { return }
        guard fieldCount == 3 else {
            try report(problem("field_count", zh: "有 \(fieldCount) 个字段，应为 3 个（meter,ts,value）",
                               en: "has \(fieldCount) fields, expected 3 (meter,ts,value)", line: startLine, column: min(fieldCount, 3) + 1))
            return
        }
        var ok = true
        for number in 0..<3 where fields[number].range.count > Self.maxFieldLength {
            ok = false
            try report(problem("field_too_long", field: ReadingsPayload.csvHeader[number], zh: "字段过长（上限 \(Self.maxFieldLength) 字节）",
                               en: "is too long (limit \(Self.maxFieldLength) bytes)", line: fields[number].line, column: number + 1))
        }
        guard ok else { return }
        let meterLine = fields[0].line
        let meterProblem = withField(0) { ReadingRules.meterProblem($0, field: "meter", line: meterLine, column: 1) }
        if let meterProblem { ok = false; try report(meterProblem) }
        var ts: Int64 = 0
        do throws(RFC3339Timestamp.Failure) {
            ts = try withField(1) { (span) throws(RFC3339Timestamp.Failure) -> Int64 in try RFC3339Timestamp.parse(span) }
        } catch {
            ok = false
            try report(ReadingRules.timestampProblem(error, field: "ts", line: fields[1].line, column: 2))
        }
        var value = 0.0
        do throws(ReadingRules.NumberFailure) {
            value = try withField(2) { (span) throws(ReadingRules.NumberFailure) -> Double in try ReadingRules.value(span) }
        } catch {
            ok = false
            try report(ReadingRules.numberProblem(error, text: text(fields[2]), field: "value", line: fields[2].line, column: 3))
        }
        guard ok, problems.isEmpty else { return }
        let meterField = fields[0]
        let meter: Int32
        if meterField.doubledQuotes {
            let copy = undoubled(meterField)
            meter = copy.withUnsafeBufferPointer { meters.index(of: $0) }
        } else {
            meter = meters.index(of: UnsafeBufferPointer(rebasing: bytes[meterField.range]))
        }
        readings.append(ReadingInput(meter: meter, ts: ts, value: value, line: Int32(clamping: startLine), column: 1))
    }

    /// Calls `body` with the bytes of field `number`, `""` pairs undone.
    @inline(__always)
    func withField<T, E: Error>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T) throws(E) -> T {
        let field = fields[number]
        guard field.doubledQuotes else { return try body(UnsafeBufferPointer(rebasing: bytes[field.range])) }
        let copy = undoubled(field)
        return try copy.withUnsafeBufferPointer { (buffer) throws(E) -> T in try body(buffer) }
    }

    func undoubled(_ field: Field) -> [UInt8] {
        var out: [UInt8] = []
        var i = field.range.lowerBound
        while i < field.range.upperBound {
            out.append(bytes[i])
            i += bytes[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return out
    }

    func text(_ field: Field) -> String {
        String(decoding: field.doubledQuotes ? undoubled(field) : Array(bytes[field.range]), as: UTF8.self)
    }

    /// Consumes a line end (LF, CRLF or a lone CR) at `index`.
    @inline(__always)
    mutating func lineEnd() {
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        index += 1
        line += 1
    }

    /// Reads one record up to and including its line end into `fields` (first 3) and `fieldCount`.
    mutating func record() throws(Stop) {
        fieldCount = 0
        recordBad = false
        while true {
            var field = Field()
            field.line = line
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                let openLine = line
                index += 1
                let start = index
                while true {
                    guard index < bytes.count else {
                        try report(problem("unterminated_quote", zh: "第 \(fieldCount + 1) 个字段的引号没有结束（引号从第 \(openLine) 行开始）",
                                           en: "the quote opened at line \(openLine) in field \(fieldCount + 1) is never closed",
                                           line: openLine, column: fieldCount + 1))
                        throw .stop
                    }
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                            field.doubledQuotes = true
                            index += 2
                            continue
                        }
                        break
                    }
                    if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) { line += 1 }
                    index += 1
                }
                field.range = start..<index
                index += 1
                if index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != 0x0A, bytes[index] != 0x0D {
                        recordBad = true
                    try report(problem("text_after_quote", zh: "第 \(fieldCount + 1) 个字段在结束引号之后还有字符",
                                       en: "field \(fieldCount + 1) has text after its closing quote", line: line, column: fieldCount + 1))
                    while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                }
            } else {
                let start = index
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D { break }
                    index += 1
                }
                field.range = start..<index
                if let quote = bytes[field.range].firstIndex(of: UInt8(ascii: "\"")) {
                    _ = quote
                    recordBad = true
                    try report(problem("stray_quote", zh: "第 \(fieldCount + 1) 个字段中有引号，但字段本身没有用引号括起来",
                                       en: "field \(fieldCount + 1) contains a quote but is not quoted", line: line, column: fieldCount + 1))
                }
            }
            if fieldCount < 3 { fields[fieldCount] = field }
            fieldCount += 1
            guard index < bytes.count else { return }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            lineEnd()
            return
        }
    }
}
