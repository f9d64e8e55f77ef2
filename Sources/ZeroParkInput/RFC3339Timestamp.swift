/// The timestamp form every meter reading carries on the wire (HTTP bodies, MQTT payloads, CSV and
/// XLSX text cells): an RFC 3339 `date-time` with an explicit offset, read into Int64 seconds since
/// the Unix epoch (UTC), the telemetry convention of spec/telemetry.md (STANDARD.md 1.1.29 real-time
/// collection, 1.1.32 traceable monitoring data).
///
/// Accepted: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t` and `z` may be lower case (RFC 3339
/// §5.6 note). Refused, each with its own `Failure`:
/// - no offset, a space instead of `T`, any other layout (`syntax`);
/// - a fraction with a non-zero digit (`fractionalSeconds`): meters report whole seconds, and a
///   silently floored `…:00.9` would file the reading under the wrong second; `.000` is accepted;
///   at most 9 fraction digits;
/// - a date that does not exist (`2027-02-29`, `2026-04-31`), hour > 23, minute > 59, second > 59
///   (leap seconds are not accepted), offset hour > 23 or offset minute > 59 (`invalidDate`);
/// - a written calendar year outside 2000…2100, i.e. a written date before 2000-01-01 or after
///   2100-12-31 (`outOfRange`). The range applies to the date as written, before the offset.
///
/// A hand-written reader (no Foundation formatter): one pass over at most 35 bytes, no allocation.
public enum RFC3339Timestamp {
    /// Why a text is not an accepted timestamp.
    public enum Failure: Error, Hashable, Sendable {
        case syntax
        case fractionalSeconds
        case invalidDate
        case outOfRange

        /// English explanation, used after a field name (`readings[3].ts is not …`).
        public var en: String {
            switch self {
            case .syntax: return "is not an RFC 3339 timestamp with offset (e.g. 2026-11-26T08:15:00+08:00)"
            case .fractionalSeconds: return "has fractional seconds; meters report whole seconds (write :00 or :00.000)"
            case .invalidDate: return "is not a real date and time (day, hour, minute, second or offset out of range)"
            case .outOfRange: return "is outside the accepted dates 2000-01-01 to 2100-12-31"
            }
        }

        /// Chinese explanation.
        public var zh: String {
            switch self {
            case .syntax: return "不是带时区偏移的 RFC 3339 时间戳（例如 2026-11-26T08:15:00+08:00）"
            case .fractionalSeconds: return "含有非零的小数秒；仪表读数应为整秒"
            case .invalidDate: return "不是有效的日期时间（日、时、分、秒或时区偏移超出范围）"
            case .outOfRange: return "超出允许的日期范围 2000-01-01 至 2100-12-31"
            }
        }

        /// Stable problem code.
        public var code: String {
            switch self {
            case .syntax: return "bad_timestamp"
            case .fractionalSeconds: return "fractional_seconds"
            case .invalidDate: return "invalid_date"
            case .outOfRange: return "date_out_of_range"
            }
        }
    }

    /// The accepted written years.
    public static let years: ClosedRange<Int> = 2000...2100

    /// Epoch seconds of `text`.
    public static func parse(_ text: String) throws(Failure) -> Int64 {
        try parse(bytes: Array(text.utf8))
    }

    /// Epoch seconds of the UTF-8 bytes `bytes`.
    public static func parse(bytes: [UInt8]) throws(Failure) -> Int64 {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> Int64 in try parse(buffer) }
    }

    /// Epoch seconds of the bytes in `text` (the hot path: called on a span of the payload).
    @inlinable
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) throws(Failure) -> Int64 {
        let count = text.count
        guard count >= 20, count <= 35 else { throw .syntax }
        @inline(__always) func digit(_ i: Int) throws(Failure) -> Int {
            let d = Int(text[i]) &- 48
            guard d >= 0, d <= 9 else { throw .syntax }
            return d
        }
        @inline(__always) func two(_ i: Int) throws(Failure) -> Int { try digit(i) * 10 + digit(i + 1) }
        let year = try digit(0) * 1000 + digit(1) * 100 + two(2)
        guard text[4] == 45, text[7] == 45, text[10] == 84 || text[10] == 116, text[13] == 58, text[16] == 58 else {
            throw .syntax
        }
        let month = try two(5), day = try two(8)
        let hour = try two(11), minute = try two(14), second = try two(17)
        var i = 19
        if text[i] == 46 {  // '.'
            i += 1
            let fractionStart = i
            var nonZero = false
            while i < count, text[i] >= 48, text[i] <= 57 {
                if text[i] != 48 { nonZero = true }
                i += 1
            }
            guard i > fractionStart, i - fractionStart <= 9 else { throw .syntax }
            if nonZero {
                // Only a fraction that is otherwise well formed is reported as such.
                guard i < count, text[i] == 90 || text[i] == 122 || text[i] == 43 || text[i] == 45 else { throw .syntax }
                throw .fractionalSeconds
            }
        }
        guard i < count else { throw .syntax }
        var offsetSeconds = 0
        switch text[i] {
        case 90, 122:  // Z z
            guard i + 1 == count else { throw .syntax }
        case 43, 45:  // + -
            guard i + 6 == count, text[i + 3] == 58 else { throw .syntax }
            let offsetHour = try two(i + 1), offsetMinute = try two(i + 4)
            guard offsetHour <= 23, offsetMinute <= 59 else { throw .invalidDate }
            offsetSeconds = (offsetHour * 3600 + offsetMinute * 60) * (text[i] == 45 ? -1 : 1)
        default:
            throw .syntax
        }
        guard month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59 else { throw .invalidDate }
        guard year >= 2000, year <= 2100 else { throw .outOfRange }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Int64(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds)
    }

    /// Days in a month of the proleptic Gregorian calendar (February: 29 in leap years).
    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a valid civil date (H. Hinnant's `days_from_civil`).
    @inlinable
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The UTC text of epoch seconds `ts` (`2026-11-26T00:15:00Z`), or with `milliseconds` (0…999)
    /// `2026-11-26T00:15:00.250Z`: the same text `ISO8601DateFormatter` gives (without and with
    /// `.withFractionalSeconds`), written without a formatter object. The store's timestamps and
    /// session expiries use it on every request, where creating a Foundation formatter cost more than
    /// the query (issue #8, bench-server).
    public static func format(_ ts: Int64, milliseconds: Int? = nil) -> String {
        let days = Int(ts >= 0 ? ts / 86_400 : (ts - 86_399) / 86_400)
        let secs = Int(ts - Int64(days) * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func digits(_ n: Int, _ width: Int) {
            let value = abs(n)
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            if n < 0 { bytes.append(45) }
            if value >= divisor * 10 { bytes.append(contentsOf: String(value).utf8); return }
            while divisor > 0 { bytes.append(UInt8(48 + value / divisor % 10)); divisor /= 10 }
        }
        digits(year, 4); bytes.append(45); digits(month, 2); bytes.append(45); digits(day, 2)
        bytes.append(84); digits(secs / 3600, 2); bytes.append(58); digits(secs / 60 % 60, 2); bytes.append(58); digits(secs % 60, 2)
        if let milliseconds {
            bytes.append(46)
            digits(min(999, max(0, milliseconds)), 3)
        }
        bytes.append(90)
        return String(decoding: bytes, as: UTF8.self)
    }
}
