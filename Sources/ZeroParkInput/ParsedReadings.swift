/// One meter reading accepted from untrusted input (STANDARD.md 1.1.29 real-time collection, 1.1.33
/// data quality): which meter (an index into `ParsedReadings.meters`), when (Int64 epoch seconds, UTC),
/// the raw value, and where the reading is written in its source (JSON: line and column of the
/// reading's `{`, columns in code points; CSV: line of the record, column 1; XLSX: row number and 1).
public struct ReadingInput: Sendable, Hashable {
    /// Index of the meter key in `ParsedReadings.meters`.
    public var meter: Int32
    public var ts: Int64
    public var value: Double
    public var line: Int32
    public var column: Int32

    public init(meter: Int32, ts: Int64, value: Double, line: Int32, column: Int32) {
        self.meter = meter
        self.ts = ts
        self.value = value
        self.line = line
        self.column = column
    }
}

/// The readings of one accepted payload: distinct meter keys in order of first appearance, and the
/// readings in input order, each naming its meter by index (200,000 readings over 1,000 meters keep
/// 1,000 strings, not 200,000). Duplicate (meter, ts) pairs are kept: revisions are the store's
/// business (spec/telemetry.md `reading_revision`).
public struct ParsedReadings: Sendable, Equatable {
    public var meters: [String]
    public var readings: [ReadingInput]

    public init(meters: [String] = [], readings: [ReadingInput] = []) {
        self.meters = meters
        self.readings = readings
    }

    /// The meter key of `reading` (empty when the index is not in `meters`).
    public func meterKey(of reading: ReadingInput) -> String {
        let index = Int(reading.meter)
        return meters.indices.contains(index) ? meters[index] : ""
    }
}

/// Bounds for reading a readings payload (HTTP body, MQTT payload, CSV, XLSX).
public struct ReadingLimits: Hashable, Sendable {
    /// Readings in one payload (the (N+1)th is refused and reading stops).
    public var maxReadings: Int
    /// Bytes of one payload, checked before reading (the HTTP layer should refuse earlier).
    public var maxBytes: Int
    /// JSON nesting depth, counting the outer object as 1 (only reached by unknown members' values).
    public var maxDepth: Int
    /// Problems reported before a refused payload stops being read.
    public var maxProblems: Int

    public init(maxReadings: Int = 200_000, maxBytes: Int = 64 << 20, maxDepth: Int = 16, maxProblems: Int = 100) {
        self.maxReadings = maxReadings
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxProblems = maxProblems
    }

    /// 200,000 readings, 64 MiB, depth 16, 100 problems.
    public static let `default` = ReadingLimits()
}

/// The rules every reading field obeys, whatever the container (JSON, CSV, XLSX): meter keys,
/// finite values within `valueRange`, JSON number grammar. Shared with ZeroParkSpreadsheet.
public enum ReadingRules {
    /// Meter keys: 1 to 64 characters of `[A-Za-z0-9._-]`.
    public static let meterKeyLength: ClosedRange<Int> = 1...64
    /// Values: |v| ≤ 10^12 (a cumulative Wh counter of a 100 MW park runs ~10^12 in a year).
    public static let valueRange: ClosedRange<Double> = -1e12...1e12
    /// Longest number text accepted (`0.000…` beyond this is refused rather than read).
    public static let maxNumberLength = 64

    @inline(__always)
    static func isMeterByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2E, 0x5F, 0x2D: return true
        default: return false
        }
    }

    /// The problem with meter key bytes, or nil when they are a valid key.
    package static func meterProblem(_ bytes: UnsafeBufferPointer<UInt8>, field: String, line: Int, column: Int) -> InputProblem? {
        for (offset, byte) in bytes.enumerated() where !isMeterByte(byte) {
            let text = String(decoding: bytes, as: UTF8.self)
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<offset]), as: UTF8.self)
            let position = prefix.unicodeScalars.count
            let scalar = text.unicodeScalars.dropFirst(position).first ?? "\u{FFFD}"
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return InputProblem(code: "bad_meter", field: field,
                                zh: "含有不允许的字符 \(name)（第 \(position + 1) 个字符）；仪表编号只能包含 A-Z a-z 0-9 . _ -",
                                en: "contains a character that is not allowed, \(name) (character \(position + 1)); meter keys use only A-Z a-z 0-9 . _ -",
                                line: line, column: column)
        }
        guard meterKeyLength.contains(bytes.count) else {
            return InputProblem(code: "bad_meter", field: field,
                                zh: "长度应为 1 至 64 个字符，实际 \(bytes.count) 个",
                                en: "must be 1 to 64 characters long, got \(bytes.count)", line: line, column: column)
        }
        return nil
    }

    /// Checks the meter key `text` (e.g. from an MQTT topic); nil when valid.
    public static func meterProblem(_ text: String, field: String) -> InputProblem? {
        var copy = text
        return copy.withUTF8 { meterProblem($0, field: field, line: 0, column: 0) }
            .map { InputProblem(code: $0.code, field: $0.field, zh: $0.zh, en: $0.en) }
    }

    /// Length of the JSON number (RFC 8259 grammar) at the start of `bytes`, or nil when there is none.
    @inline(__always)
    static func jsonNumberLength(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let end = bytes.count
        @inline(__always) func isDigit(_ at: Int) -> Bool { at < end && bytes[at] &- 48 < 10 }
        if i < end, bytes[i] == 45 { i += 1 }
        guard isDigit(i) else { return nil }
        if bytes[i] == 48 {
            i += 1
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < end, bytes[i] == 46 {
            i += 1
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        if i < end, bytes[i] == 101 || bytes[i] == 69 {
            i += 1
            if i < end, bytes[i] == 43 || bytes[i] == 45 { i += 1 }
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        return i - start
    }

    /// Why a number text is refused.
    package enum NumberFailure: Error {
        case grammar, tooLong, outOfRange
    }

    /// The value of a complete JSON-grammar number text (checked here), correctly rounded by the
    /// standard library's `Double(_:)` (strtod in the C locale), within `valueRange`.
    @inline(__always)
    package static func value(_ bytes: UnsafeBufferPointer<UInt8>) throws(NumberFailure) -> Double {
        guard let length = jsonNumberLength(bytes, from: 0), length == bytes.count else { throw .grammar }
        guard length <= maxNumberLength else { throw .tooLong }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite, valueRange.contains(value) else {
            throw .outOfRange
        }
        return value
    }

    /// The value of `text` under the reading rules (JSON number grammar, ≤ 64 characters, |v| ≤ 1e12),
    /// or the problem (field `value`, no position) when refused.
    public static func number(_ text: String) -> Result<Double, InputProblem> {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            do throws(NumberFailure) {
                return .success(try value(buffer))
            } catch {
                let problem = numberProblem(error, text: text, field: "value", line: 0, column: 0)
                return .failure(InputProblem(code: problem.code, field: problem.field, zh: problem.zh, en: problem.en))
            }
        }
    }

    /// The problem for a refused number.
    package static func numberProblem(_ failure: NumberFailure, text: String, field: String, line: Int, column: Int) -> InputProblem {
        let shown = text.count > 32 ? String(text.prefix(32)) + "…" : text
        switch failure {
        case .grammar:
            return InputProblem(code: "bad_number", field: field, zh: "不是数字：\(shown)",
                                en: "is not a number: \(shown)", line: line, column: column)
        case .tooLong:
            return InputProblem(code: "bad_number", field: field, zh: "数字过长（上限 \(maxNumberLength) 个字符）",
                                en: "is a number written with too many characters (limit \(maxNumberLength))", line: line, column: column)
        case .outOfRange:
            return InputProblem(code: "value_out_of_range", field: field, zh: "数值 \(shown) 超出范围（绝对值不超过 10^12）",
                                en: "value \(shown) is out of range (|value| ≤ 1e12)", line: line, column: column)
        }
    }

    /// The problem for a refused timestamp.
    package static func timestampProblem(_ failure: RFC3339Timestamp.Failure, field: String, line: Int, column: Int) -> InputProblem {
        InputProblem(code: failure.code, field: field, zh: failure.zh, en: failure.en, line: line, column: column)
    }
}

/// Interns meter keys given as byte spans: a one-entry cache for runs of the same meter, then a
/// dictionary from key to index.
struct MeterTable {
    var keys: [String] = []
    var indexOf: [String: Int32] = [:]
    var last: [UInt8] = []
    var lastIndex: Int32 = -1

    mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if lastIndex >= 0, last.count == bytes.count, last.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
            return lastIndex
        }
        let key = String(decoding: bytes, as: UTF8.self)
        let index: Int32
        if let found = indexOf[key] {
            index = found
        } else {
            index = Int32(truncatingIfNeeded: keys.count)
            keys.append(key)
            indexOf[key] = index
        }
        last.removeAll(keepingCapacity: true)
        last.append(contentsOf: bytes)
        lastIndex = index
        return index
    }
}
