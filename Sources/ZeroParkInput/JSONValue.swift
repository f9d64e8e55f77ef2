/// A JSON value read from untrusted bytes (RFC 8259), with the 1-based line and column of where
/// it starts, so that every later check can say where the problem is. Object members keep their
/// order; duplicate names are refused.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number and its text as written (to tell `2025` from `2025.5` and `1e30`).
    case number(Double, String)
    case string(String)
    case array([Located])
    case object([Member])

    /// A value with its position.
    public struct Located: Sendable, Equatable {
        public let value: JSONValue
        public let line: Int
        public let column: Int

        public init(value: JSONValue, line: Int, column: Int) {
            self.value = value
            self.line = line
            self.column = column
        }
    }

    /// One `"name": value` member of an object.
    public struct Member: Sendable, Equatable {
        public let name: String
        public let value: Located
    }

    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Parses `bytes` as one JSON document within `limits`. Throws `InputError` with the line and
    /// column of the first syntax error or exceeded limit.
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) throws(InputError) -> Located {
        var parser = JSONParser(bytes: bytes, limits: limits)
        do throws(InputProblem) {
            parser.skipWhitespace()
            if parser.index == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                throw parser.problem("bom", zh: "不应以 UTF-8 BOM 开头", en: "must not start with a UTF-8 byte-order mark")
            }
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.index == bytes.count else {
                throw parser.problem("json_syntax", zh: "JSON 值之后还有多余内容", en: "unexpected text after the JSON value")
            }
            return value
        } catch {
            throw InputError(error)
        }
    }
}

extension JSONValue.Located {
    /// The value as compact JSON in which whole numbers (below 2^53) are written without a fraction
    /// or exponent, so that a checked `2025.0` decodes as the integer 2025.
    public func canonicalJSON() -> [UInt8] {
        var out: [UInt8] = []
        value.write(into: &out)
        return out
    }
}

extension JSONValue {
    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case let .bool(flag): out += Array((flag ? "true" : "false").utf8)
        case let .number(number, text):
            if number == number.rounded(.towardZero), abs(number) < 9_007_199_254_740_992 {
                out += Array(String(Int64(number)).utf8)
            } else {
                out += Array(text.utf8)
            }
        case let .string(text): JSONValue.writeString(text, into: &out)
        case let .array(items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.value.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(member.name, into: &out)
                out.append(UInt8(ascii: ":"))
                member.value.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: the same escapes as YAML's double-quoted scalars.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out += Array(DocumentNode.quoted(text).utf8)
    }
}

/// Bounds for reading JSON: nesting depth, members per object, items per array, total values.
public struct JSONLimits: Hashable, Sendable {
    public var maxDepth: Int
    public var maxMembers: Int
    public var maxItems: Int
    public var maxValues: Int

    public init(maxDepth: Int, maxMembers: Int, maxItems: Int, maxValues: Int) {
        self.maxDepth = maxDepth
        self.maxMembers = maxMembers
        self.maxItems = maxItems
        self.maxValues = maxValues
    }

    /// Request bodies: depth 16, 200 members per object, 100,000 items per array, 1,000,000 values.
    public static let `default` = JSONLimits(maxDepth: 16, maxMembers: 200, maxItems: 100_000, maxValues: 1_000_000)
}

/// The recursive-descent reader behind `JSONValue.parse`; positions count lines from 1 and columns
/// in Unicode code points from 1.
struct JSONParser {
    let bytes: [UInt8]
    let limits: JSONLimits
    var index = 0
    var line = 1
    var lineStart = 0
    var values = 0
    /// The last column computed, at `columnIndex` on the line starting at `columnLineStart`, so that
    /// columns are counted incrementally (linear time on one long line).
    var columnLineStart = 0
    var columnIndex = 0
    var columnValue = 1

    init(bytes: [UInt8], limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Column of `position` on the current line, in code points (UTF-8 continuation bytes skipped).
    mutating func column(at position: Int) -> Int {
        if columnLineStart != lineStart || position < columnIndex {
            columnLineStart = lineStart
            columnIndex = lineStart
            columnValue = 1
        }
        while columnIndex < position && columnIndex < bytes.count {
            if bytes[columnIndex] & 0xC0 != 0x80 { columnValue += 1 }
            columnIndex += 1
        }
        return columnValue
    }

    mutating func problem(_ code: String, zh: String, en: String, at position: Int? = nil) -> InputProblem {
        InputProblem(code: code, field: "$", zh: zh, en: en, line: line, column: column(at: position ?? index))
    }

    mutating func syntax(_ zhWhat: String, _ enWhat: String) -> InputProblem {
        guard index < bytes.count else {
            return problem("json_syntax", zh: "JSON 不完整：缺少\(zhWhat)", en: "incomplete JSON: expected \(enWhat)")
        }
        let shown = bytes[index] >= 0x20 && bytes[index] < 0x7F ? "'\(Character(Unicode.Scalar(bytes[index])))'" : "byte 0x\(String(bytes[index], radix: 16))"
        return problem("json_syntax", zh: "JSON 语法错误：此处应为\(zhWhat)，实际为 \(shown)", en: "JSON syntax error: expected \(enWhat), found \(shown)")
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(InputProblem) -> JSONValue.Located {
        skipWhitespace()
        let startLine = line, startColumn = column(at: index)
        values += 1
        guard values <= limits.maxValues else {
            throw problem("too_many_values", zh: "JSON 值过多（上限 \(limits.maxValues)）", en: "too many JSON values (limit \(limits.maxValues))")
        }
        guard index < bytes.count else { throw syntax("一个值", "a value") }
        let value: JSONValue
        switch bytes[index] {
        case UInt8(ascii: "{"): value = try object(depth: depth + 1)
        case UInt8(ascii: "["): value = try array(depth: depth + 1)
        case UInt8(ascii: "\""): value = .string(try string())
        case UInt8(ascii: "t"): try literal("true"); value = .bool(true)
        case UInt8(ascii: "f"): try literal("false"); value = .bool(false)
        case UInt8(ascii: "n"): try literal("null"); value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try number()
        default: throw syntax("一个值", "a value")
        }
        return JSONValue.Located(value: value, line: startLine, column: startColumn)
    }

    mutating func enter(_ depth: Int) throws(InputProblem) {
        guard depth <= limits.maxDepth else {
            throw problem("too_deep", zh: "JSON 嵌套过深（上限 \(limits.maxDepth) 层）", en: "JSON nested too deeply (limit \(limits.maxDepth) levels)")
        }
        index += 1
    }

    mutating func object(depth: Int) throws(InputProblem) -> JSONValue {
        try enter(depth)
        var members: [JSONValue.Member] = []
        var names = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object([]) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw syntax("带引号的字段名", "a quoted member name") }
            let nameStart = index
            let name = try string()
            guard names.insert(name).inserted else {
                throw problem("duplicate_key", zh: "字段 \(name) 重复", en: "member \"\(name)\" appears twice", at: nameStart)
            }
            guard members.count < limits.maxMembers else {
                throw problem("too_many_members", zh: "对象字段过多（上限 \(limits.maxMembers)）", en: "too many members in one object (limit \(limits.maxMembers))")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw syntax("':'", "':'") }
            index += 1
            members.append(JSONValue.Member(name: name, value: try value(depth: depth)))
            skipWhitespace()
            guard index < bytes.count else { throw syntax("',' 或 '}'", "',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw syntax("',' 或 '}'", "',' or '}'")
        }
    }

    mutating func array(depth: Int) throws(InputProblem) -> JSONValue {
        try enter(depth)
        var items: [JSONValue.Located] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array([]) }
        while true {
            guard items.count < limits.maxItems else {
                throw problem("too_many_items", zh: "数组元素过多（上限 \(limits.maxItems)）", en: "too many array items (limit \(limits.maxItems))")
            }
            items.append(try value(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw syntax("',' 或 ']'", "',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw syntax("',' 或 ']'", "',' or ']'")
        }
    }

    mutating func literal(_ word: String) throws(InputProblem) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw syntax(word, word)
        }
        index += expected.count
    }

    mutating func number() throws(InputProblem) -> JSONValue {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        guard digits() > 0 else { throw syntax("数字", "a digit") }
        if bytes[intStart] == UInt8(ascii: "0"), index - intStart > 1 {
            throw problem("json_syntax", zh: "数字不能以 0 开头", en: "numbers must not have leading zeros", at: intStart)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw syntax("小数点后的数字", "a digit after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw syntax("指数的数字", "a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard text.utf8.count <= 64, let number = Double(text), number.isFinite else {
            throw problem("number_out_of_range", zh: "数字 \(text.prefix(32)) 超出可表示的范围", en: "number \(text.prefix(32)) is out of range", at: start)
        }
        return .number(number, text)
    }

    mutating func string() throws(InputProblem) -> String {
        let quote = index
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ upTo: Int) {
            if runStart < upTo { scalars.append(contentsOf: String(decoding: bytes[runStart..<upTo], as: UTF8.self).unicodeScalars) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw problem("json_syntax", zh: "字符串中有未转义的控制字符", en: "unescaped control character in a string")
            }
            if byte == UInt8(ascii: "\\") {
                flush(index)
                scalars.append(try escape())
                runStart = index
                continue
            }
            if byte >= 0x80 {
                let length = try utf8Sequence()
                index += length
                continue
            }
            index += 1
        }
        throw problem("json_syntax", zh: "字符串缺少结束引号", en: "unterminated string", at: quote)
    }

    /// Length of the valid UTF-8 sequence at `index`, or an error for malformed bytes.
    mutating func utf8Sequence() throws(InputProblem) -> Int {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: throw problem("bad_utf8", zh: "不是有效的 UTF-8 编码", en: "invalid UTF-8")
        }
        guard index + length <= bytes.count else { throw problem("bad_utf8", zh: "不是有效的 UTF-8 编码", en: "invalid UTF-8") }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
            throw problem("bad_utf8", zh: "不是有效的 UTF-8 编码", en: "invalid UTF-8")
        }
        let second = bytes[index + 1]
        if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) || (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) {
            throw problem("bad_utf8", zh: "不是有效的 UTF-8 编码", en: "invalid UTF-8")
        }
        return length
    }

    mutating func escape() throws(InputProblem) -> Unicode.Scalar {
        index += 1
        guard index < bytes.count else { throw syntax("转义字符", "an escape character") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800...0xDBFF).contains(high) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw problem("bad_escape", zh: "\\u 转义是不成对的代理项", en: "\\u escape is an unpaired surrogate")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                    throw problem("bad_escape", zh: "\\u 转义是不成对的代理项", en: "\\u escape is an unpaired surrogate")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw problem("bad_escape", zh: "\\u 转义是不成对的代理项", en: "\\u escape is an unpaired surrogate")
            }
            return scalar
        default:
            index -= 1
            throw problem("bad_escape", zh: "无效的转义字符", en: "invalid escape character")
        }
    }

    mutating func hex4() throws(InputProblem) -> UInt32 {
        guard index + 4 <= bytes.count else { throw syntax("4 位十六进制数", "4 hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw syntax("十六进制数字", "a hex digit")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
