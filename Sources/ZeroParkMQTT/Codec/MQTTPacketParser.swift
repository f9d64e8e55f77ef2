import NIOCore

/// Pure MQTT 3.1.1 packet parser: bytes in, one `MQTTPacket` out, no I/O.
///
/// Serves STANDARD.md 1.1.29–1.1.35 (hostile-input safe decoding). Guarantees: the remaining-length
/// varint is at most 4 bytes; a packet larger than `maxPacketSize` is rejected as soon as its fixed
/// header is readable, before its body is buffered; every field length is checked against the body;
/// topic names must be non-empty, wildcard-free, well-formed UTF-8; QoS 2 is refused.
public enum MQTTPacketParser {
    /// Default maximum whole-packet size: 1 MiB.
    public static let defaultMaxPacketSize = 1 << 20

    /// Parses one packet from the front of `buffer`.
    /// - Returns: the packet (its bytes consumed), or `nil` when more bytes are needed (nothing consumed).
    /// - Throws: `MQTTProtocolError` when the bytes can never form a valid packet.
    public static func parse(_ buffer: inout ByteBuffer, maxPacketSize: Int = defaultMaxPacketSize) throws(MQTTProtocolError) -> MQTTPacket? {
        let start = buffer.readerIndex
        guard let first = buffer.getInteger(at: start, as: UInt8.self) else { return nil }
        let type = first >> 4
        let flags = first & 0x0F
        try checkFlags(type: type, flags: flags)
        guard case let .value(remaining, varintBytes) = try MQTTFixedHeader.peekRemainingLength(in: buffer, at: start + 1) else {
            return nil
        }
        let total = 1 + varintBytes + remaining
        guard total <= maxPacketSize else { throw .packetTooLarge(size: total, limit: maxPacketSize) }
        guard buffer.readableBytes >= total else { return nil }
        buffer.moveReaderIndex(forwardBy: 1 + varintBytes)
        guard let body = buffer.readSlice(length: remaining) else { return nil }
        return try parseBody(type: type, flags: flags, body: body)
    }

    static func checkFlags(type: UInt8, flags: UInt8) throws(MQTTProtocolError) {
        switch type {
        case 0, 15:
            throw .reservedPacketType(type)
        case MQTTFixedHeader.publish:
            return
        case MQTTFixedHeader.pubRec:
            throw .unsupportedPacketType(name: "PUBREC")
        case MQTTFixedHeader.pubRel:
            throw .unsupportedPacketType(name: "PUBREL")
        case MQTTFixedHeader.pubComp:
            throw .unsupportedPacketType(name: "PUBCOMP")
        case MQTTFixedHeader.subscribe, MQTTFixedHeader.unsubscribe:
            guard flags == 0b0010 else { throw .invalidFixedHeaderFlags(packet: typeName(type), flags: flags) }
        default:
            guard flags == 0 else { throw .invalidFixedHeaderFlags(packet: typeName(type), flags: flags) }
        }
    }

    static func typeName(_ type: UInt8) -> String {
        let names = ["RESERVED", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC", "PUBREL", "PUBCOMP",
                     "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP", "DISCONNECT", "RESERVED"]
        return names[Int(type & 0x0F)]
    }

    static func parseBody(type: UInt8, flags: UInt8, body: ByteBuffer) throws(MQTTProtocolError) -> MQTTPacket {
        var reader = MQTTFieldReader(body: body, packet: typeName(type))
        switch type {
        case MQTTFixedHeader.connect:
            return .connect(try parseConnect(&reader))
        case MQTTFixedHeader.connAck:
            return .connAck(try parseConnAck(&reader))
        case MQTTFixedHeader.publish:
            return .publish(try parsePublish(flags: flags, &reader))
        case MQTTFixedHeader.pubAck:
            let id = try reader.readPacketID()
            try reader.expectEnd()
            return .pubAck(packetID: id)
        case MQTTFixedHeader.subscribe:
            return .subscribe(try parseSubscribe(&reader))
        case MQTTFixedHeader.subAck:
            return .subAck(try parseSubAck(&reader))
        case MQTTFixedHeader.unsubscribe:
            return .unsubscribe(try parseUnsubscribe(&reader))
        case MQTTFixedHeader.unsubAck:
            let id = try reader.readPacketID()
            try reader.expectEnd()
            return .unsubAck(packetID: id)
        case MQTTFixedHeader.pingReq:
            try reader.expectEnd()
            return .pingReq
        case MQTTFixedHeader.pingResp:
            try reader.expectEnd()
            return .pingResp
        case MQTTFixedHeader.disconnect:
            try reader.expectEnd()
            return .disconnect
        default:
            // checkFlags has already rejected every other type; kept total for safety.
            throw .reservedPacketType(type)
        }
    }
}
