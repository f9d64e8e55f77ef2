import ZeroParkStore
import ZeroParkTelemetry

/// The JSON of a meter's cleaned series (`GET /parks/{park}/meters/{meter}/series`, issue #8 §5),
/// written by hand: the same bytes `JSONBody.response` gives (keys sorted and in snake_case, absent
/// optionals left out, numbers that read back to the same Double), at a fraction of the cost.
/// Foundation's JSONEncoder spent ~60 ms on a year at hourly resolution (8,784 points), most of it
/// converting each key to snake_case; the dashboard's latency target is 50 ms at p99 under load.
/// `SeriesJSONTests` checks the bytes against JSONEncoder's on random series.
enum SeriesJSON {
    static func encode(_ series: MeterSeries) -> [UInt8] {
        // An upper bound on the text: per point 77 bytes of keys and punctuation, 5 integers of at most
        // 20 characters, a value of at most 24, and its quality name escaped (6 bytes per byte at most).
        var bound = 512 + 6 * (series.meter.utf8.count + series.unit.utf8.count)
        for point in series.points { bound += 256 + 6 * (point.quality?.utf8.count ?? 0) }
        return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            guard let base = buffer.baseAddress else { count = 0; return }
            var out = JSONCursor(base)
            write(series, to: &out)
            count = out.position - base
        }
    }

    private static func write(_ series: MeterSeries, to out: inout JSONCursor) {
        out.raw("{\"from\":"); out.int(Int64(series.from))
        out.raw(",\"meter\":"); out.string(series.meter)
        out.raw(",\"points\":[")
        var first = true
        for point in series.points {
            out.raw(first ? "{\"estimated\":" : ",{\"estimated\":")
            first = false
            out.int(Int64(point.estimated))
            out.raw(",\"flagged\":"); out.int(Int64(point.flagged))
            out.raw(",\"measured\":"); out.int(Int64(point.measured))
            out.raw(",\"missing\":"); out.int(Int64(point.missing))
            if let quality = point.quality { out.raw(",\"quality\":"); out.string(quality) }
            out.raw(",\"ts\":"); out.int(point.ts)
            if let value = point.value { out.raw(",\"value\":"); out.double(value) }
            out.raw("}")
        }
        let quality = series.quality
        out.raw("],\"quality\":{\"estimated\":"); out.int(Int64(quality.estimated))
        out.raw(",\"expected\":"); out.int(Int64(quality.expected))
        out.raw(",\"flagged\":"); out.int(Int64(quality.flagged))
        out.raw(",\"measured\":"); out.int(Int64(quality.measured))
        out.raw(",\"revisions\":"); out.int(Int64(quality.revisions))
        out.raw("},\"reading_kind\":"); out.string(series.readingKind.rawValue)
        out.raw(",\"resolution\":"); out.string(series.resolution.rawValue)
        out.raw(",\"to\":"); out.int(Int64(series.to))
        if let total = series.total { out.raw(",\"total\":"); out.double(total) }
        out.raw(",\"unit\":"); out.string(series.unit)
        out.raw("}")
    }
}

/// A write position in a buffer its owner sized for the whole text: raw pieces, integers, doubles
/// and escaped strings (RFC 8259, escapes as JSONEncoder writes them).
struct JSONCursor {
    private(set) var position: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) { position = start }

    mutating func byte(_ value: UInt8) {
        position.initialize(to: value)
        position += 1
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes in
            guard let source = bytes.baseAddress else { return }
            position.initialize(from: source, count: bytes.count)
            position += bytes.count
        }
    }

    mutating func int(_ value: Int64) {
        if value < 0 { byte(45) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            byte(UInt8(truncatingIfNeeded: 48 &+ magnitude))
            return
        }
        // Digits lowest first, then reversed in place.
        var low = position
        repeat {
            byte(UInt8(truncatingIfNeeded: 48 &+ magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var high = position - 1
        while low < high {
            let digit = low.pointee
            low.pointee = high.pointee
            high.pointee = digit
            low += 1
            high -= 1
        }
    }

    /// A finite double as the shortest text that reads back to it; whole numbers below 2^53 without a
    /// fraction (`118`, as JSONEncoder writes them). JSON has no NaN or infinity: those are written as null.
    mutating func double(_ value: Double) {
        guard value.isFinite else { raw("null"); return }
        if value == value.rounded(), value.magnitude < 9_007_199_254_740_992 {
            int(Int64(value))
        } else {
            for byte in value.description.utf8 { self.byte(byte) }
        }
    }

    mutating func string(_ text: String) {
        byte(34)
        for code in text.utf8 {
            switch code {
            case 34: byte(92); byte(34)
            case 92: byte(92); byte(92)
            case 8: byte(92); byte(98)     // \b
            case 9: byte(92); byte(116)    // \t
            case 10: byte(92); byte(110)   // \n
            case 12: byte(92); byte(102)   // \f
            case 13: byte(92); byte(114)   // \r
            case 0..<32:
                let hex = { (nibble: UInt8) -> UInt8 in nibble < 10 ? 48 + nibble : 87 + nibble }
                byte(92); byte(117); byte(48); byte(48); byte(hex(code >> 4)); byte(hex(code & 15))
            default: byte(code)
            }
        }
        byte(34)
    }
}
