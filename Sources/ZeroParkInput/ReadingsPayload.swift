/// The readers for meter-reading payloads from outside (STANDARD.md 1.1.29 real-time collection,
/// 1.1.33 data quality, 3.3 IoT digitisation): single pass, bounded, no intermediate JSON tree or
/// CSV table. Every shape gives a `ParsedReadings` or throws `InputError` with every problem found, up
/// to `ReadingLimits.maxProblems` (default 100); nothing of a refused payload is returned.
///
/// Shapes:
/// - `httpJSON` / `mqttGateway`: `{"readings":[{"meter":"m-001","ts":"2026-11-26T08:15:00+08:00","value":123.45}, …]}`.
/// - `mqttPerMeter`: `{"ts":"…","value":…}` or `[{…}, …]`; the meter key comes from the topic.
/// - `csv`: header `meter,ts,value` (exactly; optional UTF-8 BOM), RFC 4180 quoting, LF/CRLF/CR.
///
/// Field rules (`ReadingRules`): meter a string of 1–64 `[A-Za-z0-9._-]`; ts an `RFC3339Timestamp`;
/// value a JSON number (RFC 8259 grammar, in CSV too: no `NaN`, `inf`, `+1`, `.5`, hex), at most 64
/// characters, finite, |v| ≤ 1e12, converted by `Double(_:)` (correctly rounded). JSON objects
/// refuse unknown and duplicate members; member order is free.
///
/// Problems: field paths `readings[17].ts` (HTTP/gateway), `[3].value` or `value` (per-meter),
/// the column name `ts` (CSV); JSON positions are the line and the column in code points of the
/// offending value (of the member name for unknown/duplicate members, of the reading's `{` for a
/// missing member); CSV positions are the record's line and the 1-based field number, as `CSVTable`.
/// Field problems (bad meter, ts, value, unknown, duplicate or missing member) are collected and
/// reading goes on; a syntax error, an exceeded limit or the problem cap ends reading.
public enum ReadingsPayload {
    /// An HTTP request body `{"readings":[…]}`.
    public static func httpJSON(_ bytes: [UInt8], limits: ReadingLimits = .default) throws(InputError) -> ParsedReadings {
        try run(bytes, limits: limits) { (scanner) throws(ReadingsJSONScanner.Stop) in try scanner.readingsDocument() }
    }

    /// An MQTT gateway payload: the same shape as `httpJSON`.
    public static func mqttGateway(_ bytes: [UInt8], limits: ReadingLimits = .default) throws(InputError) -> ParsedReadings {
        try httpJSON(bytes, limits: limits)
    }

    /// An MQTT per-meter payload `{"ts":…,"value":…}` or an array of such objects; `meter` is the
    /// key named by the topic (checked by `ReadingRules`, field `topic`).
    public static func mqttPerMeter(_ bytes: [UInt8], meter: String, limits: ReadingLimits = .default) throws(InputError) -> ParsedReadings {
        if let problem = ReadingRules.meterProblem(meter, field: "topic") { throw InputError(problem) }
        return try run(bytes, limits: limits) { (scanner) throws(ReadingsJSONScanner.Stop) in
            scanner.fixedMeter = scanner.meters.indexOf(key: meter)
            try scanner.perMeterDocument()
        }
    }

    static func run(_ bytes: [UInt8], limits: ReadingLimits,
                    _ body: (inout ReadingsJSONScanner) throws(ReadingsJSONScanner.Stop) -> Void) throws(InputError) -> ParsedReadings {
        guard bytes.count <= limits.maxBytes else {
            throw InputError(InputProblem(code: "too_large", field: "$", zh: "内容过大（上限 \(limits.maxBytes) 字节）",
                                          en: "payload is too large (limit \(limits.maxBytes) bytes)"))
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) -> ParsedReadings in
            var scanner = ReadingsJSONScanner(bytes: buffer, limits: limits)
            do throws(ReadingsJSONScanner.Stop) {
                try body(&scanner)
            } catch {}
            guard scanner.problems.isEmpty else { throw InputError(scanner.problems) }
            return ParsedReadings(meters: scanner.meters.keys, readings: scanner.readings)
        }
    }
}

extension MeterTable {
    mutating func indexOf(key: String) -> Int32 {
        var copy = key
        return copy.withUTF8 { index(of: $0) }
    }
}

/// The byte scanner behind the JSON shapes of `ReadingsPayload`. Lines count LF from 1; columns are
/// code points from 1, kept in O(1) by counting UTF-8 continuation bytes (which can only occur in
/// strings) on the current line.
struct ReadingsJSONScanner {
    /// Reading ends (a syntax error, a limit, or the problem cap); the problems say why.
    enum Stop: Error { case stop }

    /// How a reading's fields are named in problems.
    enum Path {
        case readings, array, single

        func field(_ index: Int, _ name: String) -> String {
            switch self {
            case .readings: return name.isEmpty ? "readings[\(index)]" : "readings[\(index)].\(name)"
            case .array: return name.isEmpty ? "[\(index)]" : "[\(index)].\(name)"
            case .single: return name.isEmpty ? "$" : name
            }
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: ReadingLimits
    var index = 0
    var line = 1
    var lineStart = 0
    /// UTF-8 continuation bytes between `lineStart` and `index`.
    var continuations = 0
    var problems: [InputProblem] = []
    var readings: [ReadingInput] = []
    var meters = MeterTable()
    var fixedMeter: Int32 = -1
    /// Escaped meter keys decoded here (rare).
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: ReadingLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    @inline(__always) var column: Int { index - lineStart - continuations + 1 }

    mutating func report(_ problem: InputProblem) throws(Stop) {
        problems.append(problem)
        if problems.count >= limits.maxProblems { throw .stop }
    }

    /// Records a problem that ends reading.
    mutating func fail(_ code: String, field: String = "$", zh: String, en: String, line: Int? = nil, column: Int? = nil) -> Stop {
        problems.append(InputProblem(code: code, field: field, zh: zh, en: en, line: line ?? self.line, column: column ?? self.column))
        return .stop
    }

    mutating func syntax(_ zhWhat: String, _ enWhat: String) -> Stop {
        guard index < bytes.count else {
            return fail("json_syntax", zh: "JSON 不完整：缺少\(zhWhat)", en: "incomplete JSON: expected \(enWhat)")
        }
        let byte = bytes[index]
        if byte == UInt8(ascii: "N") || byte == UInt8(ascii: "I") {
            return fail("json_syntax", zh: "JSON 语法错误：此处应为\(zhWhat)；NaN 与 Infinity 不是 JSON 数字",
                        en: "JSON syntax error: expected \(enWhat); NaN and Infinity are not JSON numbers")
        }
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return fail("json_syntax", zh: "JSON 语法错误：此处应为\(zhWhat)，实际为 \(shown)", en: "JSON syntax error: expected \(enWhat), found \(shown)")
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
            } else if byte == 0x0A {
                index += 1
                line += 1
                lineStart = index
                continuations = 0
            } else {
                return
            }
        }
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8, _ zhWhat: String, _ enWhat: String) throws(Stop) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw syntax(zhWhat, enWhat) }
        index += 1
    }

    mutating func start() throws(Stop) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw fail("bom", zh: "不应以 UTF-8 BOM 开头", en: "must not start with a UTF-8 byte-order mark", line: 1, column: 1)
        }
        skipWhitespace()
    }

    mutating func end() throws(Stop) {
        skipWhitespace()
        guard index == bytes.count else {
            throw fail("json_syntax", zh: "JSON 值之后还有多余内容", en: "unexpected text after the JSON value")
        }
    }

    // MARK: Documents

    /// `{"readings":[…]}`.
    mutating func readingsDocument() throws(Stop) {
        try start()
        let objectLine = line, objectColumn = column
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            if index < bytes.count, [UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-")].contains(bytes[index]) || (index < bytes.count && bytes[index] &- 48 < 10) {
                throw fail("wrong_type", zh: "应为 JSON 对象 {\"readings\": [...]}", en: "must be a JSON object {\"readings\": [...]}")
            }
            throw syntax("'{'", "'{'")
        }
        index += 1
        var sawReadings = false
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let nameLine = line, nameColumn = column
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw syntax("带引号的字段名", "a quoted member name") }
                let name = try scanString()
                try expect(UInt8(ascii: ":"), "':'", "':'")
                if equals(name, "readings") {
                    if sawReadings {
                        try report(InputProblem(code: "duplicate_key", field: "readings", zh: "字段重复", en: "appears twice", line: nameLine, column: nameColumn))
                        try skipValue(depth: 1)
                    } else {
                        sawReadings = true
                        try readingsArray(path: .readings, depth: 1)
                    }
                } else {
                    let text = decoded(name)
                    try report(InputProblem(code: "unknown_member", field: "$", zh: "未知字段 \"\(text)\"（只允许 readings）",
                                            en: "unknown member \"\(text)\" (allowed: readings)", line: nameLine, column: nameColumn))
                    try skipValue(depth: 1)
                }
                skipWhitespace()
                guard index < bytes.count else { throw syntax("',' 或 '}'", "',' or '}'") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                throw syntax("',' 或 '}'", "',' or '}'")
            }
        }
        try end()
        if !sawReadings {
            try report(InputProblem(code: "missing_member", field: "readings", zh: "缺少字段", en: "is missing",
                                    line: objectLine, column: objectColumn))
        }
    }

    /// `{"ts":…,"value":…}` or `[{…}, …]` for the meter `fixedMeter`.
    mutating func perMeterDocument() throws(Stop) {
        try start()
        guard index < bytes.count else { throw syntax("'{' 或 '['", "'{' or '['") }
        if bytes[index] == UInt8(ascii: "[") {
            try readingsArray(path: .array, depth: 0)
        } else if bytes[index] == UInt8(ascii: "{") {
            try reading(number: 0, path: .single, depth: 1)
        } else {
            throw fail("wrong_type", zh: "应为 JSON 对象 {\"ts\":…,\"value\":…} 或其数组", en: "must be a JSON object {\"ts\":…,\"value\":…} or an array of them")
        }
        try end()
    }

    // MARK: Readings

    /// The readings array at `index` (a problem, and the value skipped, when it is not an array).
    mutating func readingsArray(path: Path, depth: Int) throws(Stop) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else {
            if index < bytes.count {
                try report(InputProblem(code: "wrong_type", field: path == .readings ? "readings" : "$", zh: "应为数组", en: "must be an array", line: line, column: column))
            }
            try skipValue(depth: depth)
            return
        }
        index += 1
        var count = 0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
        readings.reserveCapacity(min(limits.maxReadings, bytes.count / 40))
        while true {
            guard count < limits.maxReadings else {
                throw fail("too_many_readings", field: path.field(count, ""), zh: "读数过多（上限 \(limits.maxReadings) 条）",
                           en: "too many readings (limit \(limits.maxReadings))")
            }
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "{") {
                try reading(number: count, path: path, depth: depth + 2)
            } else {
                if index < bytes.count {
                    try report(InputProblem(code: "wrong_type", field: path.field(count, ""), zh: "应为对象", en: "must be an object", line: line, column: column))
                }
                try skipValue(depth: depth + 1)
            }
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw syntax("',' 或 ']'", "',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            throw syntax("',' 或 ']'", "',' or ']'")
        }
    }

    /// One reading object at `index` (its `{`).
    mutating func reading(number: Int, path: Path, depth: Int) throws(Stop) {
        guard depth <= limits.maxDepth else { throw tooDeep() }
        let startLine = line, startColumn = column
        index += 1
        let allowMeter = fixedMeter < 0
        var seen: UInt8 = 0  // 1 meter, 2 ts, 4 value
        var ok = true
        var meterSpan = 0..<0
        var meterEscaped = false
        var ts: Int64 = 0
        var value = 0.0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let nameLine = line, nameColumn = column
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw syntax("带引号的字段名", "a quoted member name") }
                let name = try scanString()
                try expect(UInt8(ascii: ":"), "':'", "':'")
                skipWhitespace()
                let member: UInt8
                if allowMeter, equals(name, "meter") {
                    member = 1
                } else if equals(name, "ts") {
                    member = 2
                } else if equals(name, "value") {
                    member = 4
                } else {
                    member = 0
                }
                if member == 0 || seen & member != 0 {
                    ok = false
                    let text = decoded(name)
                    if member == 0 {
                        let allowed = allowMeter ? "meter, ts, value" : "ts, value"
                        try report(InputProblem(code: "unknown_member", field: path.field(number, ""),
                                                zh: "未知字段 \"\(text)\"（只允许 \(allowed)）", en: "unknown member \"\(text)\" (allowed: \(allowed))",
                                                line: nameLine, column: nameColumn))
                    } else {
                        try report(InputProblem(code: "duplicate_key", field: path.field(number, text), zh: "字段重复",
                                                en: "appears twice", line: nameLine, column: nameColumn))
                    }
                    try skipValue(depth: depth)
                } else {
                    seen |= member
                    let valueLine = line, valueColumn = column
                    switch member {
                    case 1:
                        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                            let span = try scanString()
                            meterSpan = span.range
                            meterEscaped = span.escaped
                            let problem: InputProblem?
                            if span.escaped {
                                scratch = decodeString(span.range)
                                problem = scratch.withUnsafeBufferPointer {
                                    ReadingRules.meterProblem($0, field: path.field(number, "meter"), line: valueLine, column: valueColumn)
                                }
                            } else {
                                problem = ReadingRules.meterProblem(UnsafeBufferPointer(rebasing: bytes[span.range]),
                                                                    field: path.field(number, "meter"), line: valueLine, column: valueColumn)
                            }
                            if let problem { ok = false; try report(problem) }
                        } else {
                            ok = false
                            try wrongType(path.field(number, "meter"), "字符串", "a string", valueLine, valueColumn, depth: depth)
                        }
                    case 2:
                        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                            let span = try scanString()
                            do throws(RFC3339Timestamp.Failure) {
                                if span.escaped {
                                    ts = try RFC3339Timestamp.parse(bytes: decodeString(span.range))
                                } else {
                                    ts = try RFC3339Timestamp.parse(UnsafeBufferPointer(rebasing: bytes[span.range]))
                                }
                            } catch {
                                ok = false
                                try report(ReadingRules.timestampProblem(error, field: path.field(number, "ts"), line: valueLine, column: valueColumn))
                            }
                        } else {
                            ok = false
                            try wrongType(path.field(number, "ts"), "字符串", "a string", valueLine, valueColumn, depth: depth)
                        }
                    default:
                        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] &- 48 < 10 {
                            guard let length = ReadingRules.jsonNumberLength(bytes, from: index) else { throw syntax("数字", "a number") }
                            let span = UnsafeBufferPointer(rebasing: bytes[index..<index + length])
                            index += length
                            do throws(ReadingRules.NumberFailure) {
                                value = try ReadingRules.value(span)
                            } catch {
                                ok = false
                                try report(ReadingRules.numberProblem(error, text: String(decoding: span, as: UTF8.self),
                                                                      field: path.field(number, "value"), line: valueLine, column: valueColumn))
                            }
                        } else {
                            ok = false
                            try wrongType(path.field(number, "value"), "JSON 数字", "a JSON number", valueLine, valueColumn, depth: depth)
                        }
                    }
                }
                skipWhitespace()
                guard index < bytes.count else { throw syntax("',' 或 '}'", "',' or '}'") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                throw syntax("',' 或 '}'", "',' or '}'")
            }
        }
        let required: UInt8 = allowMeter ? 7 : 6
        if seen & required != required {
            ok = false
            for (bit, name) in [(UInt8(1), "meter"), (2, "ts"), (4, "value")] where required & bit != 0 && seen & bit == 0 {
                try report(InputProblem(code: "missing_member", field: path.field(number, name), zh: "缺少字段", en: "is missing",
                                        line: startLine, column: startColumn))
            }
        }
        guard ok, problems.isEmpty else { return }
        let meter: Int32
        if !allowMeter {
            meter = fixedMeter
        } else if meterEscaped {
            let decodedKey = decodeString(meterSpan)
            meter = decodedKey.withUnsafeBufferPointer { meters.index(of: $0) }
        } else {
            meter = meters.index(of: UnsafeBufferPointer(rebasing: bytes[meterSpan]))
        }
        readings.append(ReadingInput(meter: meter, ts: ts, value: value, line: Int32(clamping: startLine), column: Int32(clamping: startColumn)))
    }

    mutating func wrongType(_ field: String, _ zh: String, _ en: String, _ line: Int, _ column: Int, depth: Int) throws(Stop) {
        // Not the start of any JSON value (`NaN`, `+1`, `.5`, `'x'`): a syntax error, not a type error.
        guard index < bytes.count, Self.startsValue(bytes[index]) else { throw syntax(zh, en) }
        let found = index < bytes.count ? Self.typeName(bytes[index]) : "nothing"
        try report(InputProblem(code: "wrong_type", field: field, zh: "应为\(zh)，实际为 \(found)", en: "must be \(en), found \(found)",
                                line: line, column: column))
        try skipValue(depth: depth)
    }

    static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"),
             UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return false
        }
    }

    static func typeName(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    mutating func tooDeep() -> Stop {
        fail("too_deep", zh: "JSON 嵌套过深（上限 \(limits.maxDepth) 层）", en: "JSON nested too deeply (limit \(limits.maxDepth) levels)")
    }

    // MARK: Values

    /// Skips one JSON value (checking its grammar) nested at `depth` levels.
    mutating func skipValue(depth: Int) throws(Stop) {
        skipWhitespace()
        guard index < bytes.count else { throw syntax("一个值", "a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth + 1 <= limits.maxDepth else { throw tooDeep() }
            let isObject = bytes[index] == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == close { index += 1; return }
            while true {
                if isObject {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw syntax("带引号的字段名", "a quoted member name") }
                    _ = try scanString()
                    try expect(UInt8(ascii: ":"), "':'", "':'")
                }
                try skipValue(depth: depth + 1)
                skipWhitespace()
                guard index < bytes.count else { throw isObject ? syntax("',' 或 '}'", "',' or '}'") : syntax("',' 或 ']'", "',' or ']'") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == close { index += 1; return }
                throw isObject ? syntax("',' 或 '}'", "',' or '}'") : syntax("',' 或 ']'", "',' or ']'")
            }
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let length = ReadingRules.jsonNumberLength(bytes, from: index) else { throw syntax("数字", "a number") }
            index += length
        default: throw syntax("一个值", "a value")
        }
    }

    mutating func literal(_ word: StaticString) throws(Stop) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw syntax("\(word)", "\(word)") }
        let matches = word.withUTF8Buffer { expected in
            expected.elementsEqual(UnsafeBufferPointer(rebasing: bytes[index..<index + count]))
        }
        guard matches else { throw syntax("\(word)", "\(word)") }
        index += count
    }

    /// A scanned string: the bytes between its quotes and whether it holds escapes.
    struct StringSpan {
        let range: Range<Int>
        let escaped: Bool
    }

    /// Scans the string at `index` (its opening quote), checking escapes and UTF-8.
    @inline(__always)
    mutating func scanString() throws(Stop) -> StringSpan {
        let quoteColumn = column
        index += 1
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return StringSpan(range: start..<index - 1, escaped: escaped)
            }
            if byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if byte < 0x20 {
                throw fail("json_syntax", zh: "字符串中有未转义的控制字符", en: "unescaped control character in a string")
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try checkEscape()
                continue
            }
            let length = try utf8Sequence()
            index += length
            continuations += length - 1
        }
        throw fail("json_syntax", zh: "字符串缺少结束引号", en: "unterminated string", column: quoteColumn)
    }

    mutating func checkEscape() throws(Stop) {
        index += 1
        guard index < bytes.count else { throw syntax("转义字符", "an escape character") }
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
        case UInt8(ascii: "u"):
            index += 1
            let high = try hex4()
            if (0xD800...0xDBFF).contains(high) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail("bad_escape", zh: "\\u 转义是不成对的代理项", en: "\\u escape is an unpaired surrogate")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail("bad_escape", zh: "\\u 转义是不成对的代理项", en: "\\u escape is an unpaired surrogate")
                }
            } else if (0xDC00...0xDFFF).contains(high) {
                throw fail("bad_escape", zh: "\\u 转义是不成对的代理项", en: "\\u escape is an unpaired surrogate")
            }
        default:
            throw fail("bad_escape", zh: "无效的转义字符", en: "invalid escape character")
        }
    }

    mutating func hex4() throws(Stop) -> UInt32 {
        guard index + 4 <= bytes.count else { throw syntax("4 位十六进制数", "4 hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexDigit(bytes[index]) else { throw syntax("十六进制数字", "a hex digit") }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Length of the valid UTF-8 sequence at `index`, or a problem for malformed bytes.
    mutating func utf8Sequence() throws(Stop) -> Int {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: throw fail("bad_utf8", zh: "不是有效的 UTF-8 编码", en: "invalid UTF-8")
        }
        guard index + length <= bytes.count else { throw fail("bad_utf8", zh: "不是有效的 UTF-8 编码", en: "invalid UTF-8") }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
            throw fail("bad_utf8", zh: "不是有效的 UTF-8 编码", en: "invalid UTF-8")
        }
        let second = bytes[index + 1]
        if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) || (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) {
            throw fail("bad_utf8", zh: "不是有效的 UTF-8 编码", en: "invalid UTF-8")
        }
        return length
    }

    /// The UTF-8 bytes of an already checked string body, escapes resolved.
    func decodeString(_ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        func hex(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for k in at..<at + 4 { value = value * 16 + (Self.hexDigit(bytes[k]) ?? 0) }
            return value
        }
        while i < range.upperBound {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < range.upperBound else {
                out.append(byte)
                i += 1
                continue
            }
            let kind = bytes[i + 1]
            i += 2
            switch kind {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard i + 4 <= range.upperBound else { return out }
                var scalar = hex(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar), i + 6 <= range.upperBound {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex(i + 2) - 0xDC00)
                    i += 6
                }
                if let value = Unicode.Scalar(scalar) { out.append(contentsOf: String(value).utf8) }
            default: out.append(kind)
            }
        }
        return out
    }

    /// The member name `span` as text (for messages).
    func decoded(_ span: StringSpan) -> String {
        let text = String(decoding: span.escaped ? decodeString(span.range) : Array(bytes[span.range]), as: UTF8.self)
        return text.count > 64 ? String(text.prefix(64)) + "…" : text
    }

    /// Whether the string `span` is exactly `name` (escaped names are decoded first).
    @inline(__always)
    func equals(_ span: StringSpan, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { expected in
            if span.escaped { return decodeString(span.range).elementsEqual(expected) }
            return span.range.count == expected.count && UnsafeBufferPointer(rebasing: bytes[span.range]).elementsEqual(expected)
        }
    }
}
