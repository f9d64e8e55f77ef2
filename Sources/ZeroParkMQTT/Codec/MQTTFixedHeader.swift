import NIOCore

/// Fixed-header constants and the remaining-length varint (MQTT 3.1.1 §2.2).
///
/// Serves STANDARD.md 1.1.29–1.1.35 (hostile-input safe framing: at most 4 varint bytes, bounded size).
enum MQTTFixedHeader {
    static let connect: UInt8 = 1
    static let connAck: UInt8 = 2
    static let publish: UInt8 = 3
    static let pubAck: UInt8 = 4
    static let pubRec: UInt8 = 5
    static let pubRel: UInt8 = 6
    static let pubComp: UInt8 = 7
    static let subscribe: UInt8 = 8
    static let subAck: UInt8 = 9
    static let unsubscribe: UInt8 = 10
    static let unsubAck: UInt8 = 11
    static let pingReq: UInt8 = 12
    static let pingResp: UInt8 = 13
    static let disconnect: UInt8 = 14

    /// Largest value a 4-byte remaining-length varint can carry (§2.2.3): 128^4 − 1.
    static let maxRemainingLength = 268_435_455

    /// Result of peeking a remaining-length varint.
    enum VarintPeek: Equatable {
        case needMoreData
        case value(Int, byteCount: Int)
    }

    /// Reads the varint starting at `index` without moving the reader index.
    static func peekRemainingLength(in buffer: ByteBuffer, at index: Int) throws(MQTTProtocolError) -> VarintPeek {
        var value = 0
        var multiplier = 1
        for offset in 0..<4 {
            guard let byte = buffer.getInteger(at: index + offset, as: UInt8.self) else { return .needMoreData }
            value += Int(byte & 0x7F) * multiplier
            if byte & 0x80 == 0 { return .value(value, byteCount: offset + 1) }
            multiplier *= 128
        }
        throw .remainingLengthTooLong
    }

    /// Number of bytes the varint encoding of `length` takes (1...4); `length` must be ≤ `maxRemainingLength`.
    static func varintSize(_ length: Int) -> Int {
        switch length {
        case ..<128: 1
        case ..<16_384: 2
        case ..<2_097_152: 3
        default: 4
        }
    }

    static func writeRemainingLength(_ length: Int, into buffer: inout ByteBuffer) {
        var value = length
        repeat {
            var byte = UInt8(truncatingIfNeeded: value & 0x7F)
            value >>= 7
            if value > 0 { byte |= 0x80 }
            buffer.writeInteger(byte)
        } while value > 0
    }
}
