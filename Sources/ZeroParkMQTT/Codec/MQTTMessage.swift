import NIOCore

/// An application message: the content of one PUBLISH packet, incoming or outgoing (MQTT 3.1.1 §3.3).
///
/// Serves STANDARD.md 1.1.29–1.1.35 (a meter reading as it arrives from the broker). For an incoming
/// QoS 1 message, `packetID` is what the application passes to `MQTTClient.ack` once the reading is
/// committed; `dup == true` means the broker is redelivering a message it sent before (e.g. after a crash).
public struct MQTTMessage: Sendable, Hashable {
    public var topic: String
    public var payload: ByteBuffer
    public var qos: MQTTQoS
    /// Present exactly when `qos > .atMostOnce`.
    public var packetID: UInt16?
    public var dup: Bool
    public var retain: Bool

    public init(topic: String, payload: ByteBuffer, qos: MQTTQoS = .atMostOnce, packetID: UInt16? = nil, dup: Bool = false, retain: Bool = false) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.packetID = packetID
        self.dup = dup
        self.retain = retain
    }

    /// The payload bytes as an array (a copy).
    public var payloadBytes: [UInt8] { Array(payload.readableBytesView) }
}
