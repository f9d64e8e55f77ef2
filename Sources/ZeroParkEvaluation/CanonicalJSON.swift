import Foundation

/// A JSON value restricted to what a certificate holds — strings, integers, booleans, null, arrays and
/// objects (figures are written as decimal strings) — and its canonical text after RFC 8785 (JCS):
/// object members sorted by their keys' UTF-16 code units, no whitespace, strings escaped minimally.
/// Restricting numbers to integers keeps the canonical form exact without a float formatter.
public indirect enum CanonicalValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([CanonicalValue])
    case object([String: CanonicalValue])

    /// The canonical UTF-8 text.
    public var canonical: String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case let .string(text): Self.quote(text, into: &out)
        case let .integer(value): out += String(value)
        case let .bool(value): out += value ? "true" : "false"
        case .null: out += "null"
        case let .array(items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case let .object(members):
            out += "{"
            let keys = members.keys.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                Self.quote(key, into: &out)
                out += ":"
                members[key]?.write(into: &out)
            }
            out += "}"
        }
    }

    /// JCS string escaping: `"` and `\` escaped, control characters as \b \f \n \r \t or \u00XX, the rest as is.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public subscript(key: String) -> CanonicalValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    public var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }
}

/// Why a text is not a certificate's JSON, with the byte offset.
public struct CanonicalParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public let offset: Int
    public let reason: String
    public var description: String { "byte \(offset): \(reason)" }
}

extension CanonicalValue {
    /// The longest text and deepest nesting a certificate may have.
    public static let maximumBytes = 1 << 20
    public static let maximumDepth = 32

    /// Parses JSON restricted to the certificate's value kinds: a fraction or exponent, a duplicate key,
    /// nesting deeper than 32 or more than 1 MiB is refused with its byte offset.
    public static func parse(_ text: String) throws(CanonicalParseError) -> CanonicalValue {
        let bytes = Array(text.utf8)
        guard bytes.count <= maximumBytes else { throw CanonicalParseError(offset: 0, reason: "more than \(maximumBytes) bytes") }
        var parser = Parser(bytes: bytes)
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == bytes.count else { throw CanonicalParseError(offset: parser.index, reason: "text after the value") }
        return value
    }

    struct Parser {
        let bytes: [UInt8]
        var index = 0

        func fail(_ reason: String) -> CanonicalParseError { CanonicalParseError(offset: index, reason: reason) }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value(depth: Int) throws(CanonicalParseError) -> CanonicalValue {
            guard depth <= CanonicalValue.maximumDepth else { throw fail("nested deeper than \(CanonicalValue.maximumDepth)") }
            skipSpace()
            guard index < bytes.count else { throw fail("a value is missing") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [String: CanonicalValue] = [:]
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                while true {
                    skipSpace()
                    let key = try string()
                    guard members[key] == nil else { throw fail("duplicate key \"\(key)\"") }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("':' expected") }
                    index += 1
                    members[key] = try value(depth: depth + 1)
                    skipSpace()
                    guard index < bytes.count else { throw fail("'}' expected") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { throw fail("',' or '}' expected") }
                    index += 1
                    return .object(members)
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [CanonicalValue] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < bytes.count else { throw fail("']' expected") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "]") else { throw fail("',' or ']' expected") }
                    index += 1
                    return .array(items)
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return try integer()
            }
        }

        mutating func literal(_ word: String, _ value: CanonicalValue) throws(CanonicalParseError) -> CanonicalValue {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else { throw fail("unknown literal") }
            index += expected.count
            return value
        }

        mutating func integer() throws(CanonicalParseError) -> CanonicalValue {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
                throw fail("a certificate holds no fractional numbers (figures are strings)")
            }
            guard let text = String(bytes: bytes[start..<index], encoding: .utf8), let value = Int(text), text != "-" else {
                index = start
                throw fail("a value is expected")
            }
            guard !(text.hasPrefix("0") && text.count > 1), !text.hasPrefix("-0") else { throw fail("leading zero") }
            return .integer(value)
        }

        mutating func string() throws(CanonicalParseError) -> String {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("'\"' expected") }
            index += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() throws(CanonicalParseError) {
                guard !raw.isEmpty else { return }
                guard let text = String(bytes: raw, encoding: .utf8) else { throw fail("invalid UTF-8") }
                scalars.append(contentsOf: text.unicodeScalars)
                raw.removeAll()
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    try flush()
                    return String(scalars)
                }
                guard byte >= 0x20 else { throw fail("a control character in a string") }
                if byte != UInt8(ascii: "\\") { raw.append(byte); index += 1; continue }
                try flush()
                index += 1
                guard index < bytes.count else { throw fail("an escape is cut off") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { throw fail("a lone surrogate") }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail("not a Unicode scalar") }
                    scalars.append(scalar)
                default: throw fail("unknown escape")
                }
            }
            throw fail("a string is not closed")
        }

        mutating func hex4() throws(CanonicalParseError) -> UInt32 {
            guard index + 4 <= bytes.count, bytes[index..<(index + 4)].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }),
                  let text = String(bytes: bytes[index..<(index + 4)], encoding: .utf8), let code = UInt32(text, radix: 16) else { throw fail("\\u needs four hex digits") }
            index += 4
            return code
        }
    }
}
