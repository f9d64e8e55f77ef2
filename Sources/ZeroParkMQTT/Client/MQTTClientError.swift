/// Errors reported by `MQTTClient`, each with the context needed to act on it.
///
/// Serves STANDARD.md 1.1.29–1.1.35 (the ingest loop distinguishes "reconnect and carry on" —
/// `connectionClosed`, `keepAliveTimeout`, `protocolViolation` — from configuration errors such as
/// `connectionRefused`).
public enum MQTTClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// TCP connection to the broker could not be established.
    case connectFailed(host: String, port: Int, reason: String)
    /// The broker answered CONNECT with a non-zero return code.
    case connectionRefused(MQTTConnectReturnCode)
    /// No CONNACK within the configured connect timeout.
    case connAckTimeout(milliseconds: Int64)
    /// The broker sent bytes that violate MQTT 3.1.1; the connection was closed.
    case protocolViolation(MQTTProtocolError)
    /// The broker sent a packet a client must never receive (e.g. CONNECT), or an ack for an unknown packet ID.
    case unexpectedPacket(String)
    /// No PINGRESP within one keep-alive period; the connection was closed.
    case keepAliveTimeout(seconds: UInt16)
    /// The connection ended (broker gone, network error, or `closeAbruptly`) while the operation was pending.
    case connectionClosed(reason: String)
    /// `disconnect()` was called; the operation cannot complete on this connection.
    case disconnected
    /// SUBACK reported failure (0x80) for these topic filters.
    case subscriptionRejected(topicFilters: [String])
    /// `ack` was given packet identifiers that are not delivered-and-unacknowledged on this connection.
    case unknownPacketIDs([UInt16])
    /// An argument cannot be sent (invalid topic, QoS 2, oversized payload…).
    case invalidArgument(String)
    /// All 65,535 packet identifiers are in use.
    case packetIDsExhausted
    /// `messages` supports a single iterator; a second one was created.
    case messageStreamAlreadyIterated

    public var description: String {
        switch self {
        case let .connectFailed(host, port, reason): "cannot connect to \(host):\(port): \(reason)"
        case let .connectionRefused(code): "broker refused the connection: \(code)"
        case let .connAckTimeout(ms): "no CONNACK within \(ms) ms"
        case let .protocolViolation(error): "protocol violation: \(error)"
        case let .unexpectedPacket(what): "unexpected packet: \(what)"
        case let .keepAliveTimeout(seconds): "no PINGRESP within the \(seconds) s keep-alive"
        case let .connectionClosed(reason): "connection closed: \(reason)"
        case .disconnected: "client disconnected"
        case let .subscriptionRejected(filters): "subscription rejected for \(filters)"
        case let .unknownPacketIDs(ids): "ack for packet IDs not awaiting acknowledgement: \(ids)"
        case let .invalidArgument(reason): "invalid argument: \(reason)"
        case .packetIDsExhausted: "all packet identifiers are in use"
        case .messageStreamAlreadyIterated: "the message stream supports only one iterator"
        }
    }
}
