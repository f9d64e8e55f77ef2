import NIOCore

/// Pure MQTT 3.1.1 packet serializer: one `MQTTPacket` in, its bytes appended to a `ByteBuffer`.
///
/// Serves STANDARD.md 1.1.29–1.1.35. Rejects what it cannot encode faithfully (fields over 65,535
/// bytes, packets over the 268,435,455-byte remaining-length limit, missing or zero packet
/// identifiers, invalid topic names, QoS 2 publishes) instead of writing a corrupt packet. On error
/// nothing is appended.
public enum MQTTPacketSerializer {
    public static func write(_ packet: MQTTPacket, into buffer: inout ByteBuffer) throws(MQTTProtocolError) {
        switch packet {
        case let .connect(connect): try writeConnect(connect, into: &buffer)
        case let .connAck(ack):
            writeHeader(MQTTFixedHeader.connAck << 4, remaining: 2, into: &buffer)
            buffer.writeInteger(UInt8(ack.sessionPresent ? 1 : 0))
            buffer.writeInteger(ack.returnCode.rawValue)
        case let .publish(message): try writePublish(message, into: &buffer)
        case let .pubAck(id): try writeIDOnly(type: MQTTFixedHeader.pubAck, name: "PUBACK", id: id, into: &buffer)
        case let .subscribe(subscribe): try writeSubscribe(subscribe, into: &buffer)
        case let .subAck(ack): try writeSubAck(ack, into: &buffer)
        case let .unsubscribe(unsubscribe): try writeUnsubscribe(unsubscribe, into: &buffer)
        case let .unsubAck(id): try writeIDOnly(type: MQTTFixedHeader.unsubAck, name: "UNSUBACK", id: id, into: &buffer)
        case .pingReq: writeHeader(MQTTFixedHeader.pingReq << 4, remaining: 0, into: &buffer)
        case .pingResp: writeHeader(MQTTFixedHeader.pingResp << 4, remaining: 0, into: &buffer)
        case .disconnect: writeHeader(MQTTFixedHeader.disconnect << 4, remaining: 0, into: &buffer)
        }
    }

    static func writeHeader(_ first: UInt8, remaining: Int, into buffer: inout ByteBuffer) {
        buffer.writeInteger(first)
        MQTTFixedHeader.writeRemainingLength(remaining, into: &buffer)
    }

    static func checkRemaining(_ remaining: Int, packet: String) throws(MQTTProtocolError) {
        guard remaining <= MQTTFixedHeader.maxRemainingLength else {
            throw .packetTooLarge(size: remaining, limit: MQTTFixedHeader.maxRemainingLength)
        }
    }

    /// Encoded size of a length-prefixed field, or an error if it exceeds 65,535 bytes.
    static func fieldSize(_ byteCount: Int, packet: String, field: String) throws(MQTTProtocolError) -> Int {
        guard byteCount <= Int(UInt16.max) else { throw .fieldTooLong(packet: packet, field: field, length: byteCount) }
        return 2 + byteCount
    }

    static func writeField<Bytes: Collection<UInt8>>(_ bytes: Bytes, into buffer: inout ByteBuffer) {
        // Callers have checked the length with fieldSize first.
        buffer.writeInteger(UInt16(truncatingIfNeeded: bytes.count), endianness: .big)
        buffer.writeBytes(bytes)
    }

    static func checkID(_ id: UInt16, packet: String) throws(MQTTProtocolError) {
        guard id != 0 else { throw .zeroPacketID(packet: packet) }
    }

    static func writeIDOnly(type: UInt8, name: String, id: UInt16, into buffer: inout ByteBuffer) throws(MQTTProtocolError) {
        try checkID(id, packet: name)
        writeHeader(type << 4, remaining: 2, into: &buffer)
        buffer.writeInteger(id, endianness: .big)
    }
}
