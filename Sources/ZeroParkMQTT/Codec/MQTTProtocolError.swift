/// A violation of MQTT 3.1.1 found while decoding or encoding a packet. Decoding errors close the connection.
///
/// Serves STANDARD.md 1.1.29–1.1.35 (hostile-input safety of the acquisition path). Every case
/// carries the context needed to diagnose it from a log line.
public enum MQTTProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The remaining-length varint has a continuation bit on its 4th byte (§2.2.3 allows at most 4 bytes).
    case remainingLengthTooLong
    /// The whole packet (fixed header + remaining length) exceeds the configured maximum.
    case packetTooLarge(size: Int, limit: Int)
    /// Packet type 0 or 15 (reserved in MQTT 3.1.1).
    case reservedPacketType(UInt8)
    /// PUBREC, PUBREL or PUBCOMP: QoS 2 is refused by this client.
    case unsupportedPacketType(name: String)
    /// A PUBLISH at QoS 2; ZeroPark subscribes with maximum QoS 1, so the broker must not send one.
    case qos2NotSupported(topic: String)
    /// The fixed-header flags are not the ones §2.2.2 requires for this packet type.
    case invalidFixedHeaderFlags(packet: String, flags: UInt8)
    /// A QoS value of 3 (or a reserved QoS bit pattern).
    case invalidQoS(packet: String, value: UInt8)
    /// The packet's structure does not match its declared length or the specification.
    case malformed(packet: String, reason: String)
    /// A string field is not well-formed UTF-8 or contains U+0000 (§1.5.3).
    case invalidUTF8(packet: String, field: String)
    /// A PUBLISH topic name is empty (§4.7.3).
    case emptyTopic(packet: String)
    /// A PUBLISH topic name contains a wildcard character (§3.3.2.1).
    case wildcardInTopicName(topic: String)
    /// Packet identifier 0, which §2.3.1 forbids.
    case zeroPacketID(packet: String)
    /// A string or binary field longer than 65,535 bytes cannot be encoded.
    case fieldTooLong(packet: String, field: String, length: Int)
    /// CONNECT with a protocol name or level other than "MQTT" / 4.
    case unsupportedProtocol(name: String, level: UInt8)
    /// A CONNECT feature this codec does not implement (e.g. a will message).
    case unsupportedFeature(packet: String, feature: String)

    public var description: String {
        switch self {
        case .remainingLengthTooLong: "remaining length varint longer than 4 bytes"
        case let .packetTooLarge(size, limit): "packet of \(size) bytes exceeds the limit of \(limit) bytes"
        case let .reservedPacketType(type): "reserved packet type \(type)"
        case let .unsupportedPacketType(name): "unsupported packet type \(name) (QoS 2 is refused)"
        case let .qos2NotSupported(topic): "QoS 2 PUBLISH on topic \(topic) refused (subscribe with max QoS 1)"
        case let .invalidFixedHeaderFlags(packet, flags): "\(packet): invalid fixed header flags 0x\(String(flags, radix: 16))"
        case let .invalidQoS(packet, value): "\(packet): invalid QoS \(value)"
        case let .malformed(packet, reason): "\(packet): malformed: \(reason)"
        case let .invalidUTF8(packet, field): "\(packet): field \(field) is not valid MQTT UTF-8"
        case let .emptyTopic(packet): "\(packet): empty topic name"
        case let .wildcardInTopicName(topic): "PUBLISH topic name \(topic) contains a wildcard"
        case let .zeroPacketID(packet): "\(packet): packet identifier 0"
        case let .fieldTooLong(packet, field, length): "\(packet): field \(field) is \(length) bytes, max 65535"
        case let .unsupportedProtocol(name, level): "unsupported protocol \(name) level \(level)"
        case let .unsupportedFeature(packet, feature): "\(packet): unsupported feature \(feature)"
        }
    }
}
