import NIOCore

/// Settings for one `MQTTClient` connection.
///
/// Serves STANDARD.md 1.1.29–1.1.35. Defaults suit the ZeroPark ingest subscriber: persistent session
/// (`cleanSession == false`), 60 s keep-alive, 1 MiB maximum packet, 1,000 outgoing QoS 1 in flight.
public struct MQTTClientConfiguration: Sendable {
    /// MQTT client identifier; a persistent session is keyed by it, so it must be stable across restarts.
    public var clientID: String
    /// `false` (default) asks the broker to keep subscriptions and un-acked QoS 1 messages across connections.
    public var cleanSession: Bool
    /// Keep-alive in seconds; a PINGREQ is sent every half period. 0 disables keep-alive.
    public var keepAliveSeconds: UInt16
    public var username: String?
    public var password: [UInt8]?
    /// Largest accepted incoming packet (whole packet, bytes); larger closes the connection.
    public var maxPacketSize: Int
    /// Maximum outgoing QoS 1 PUBLISHes awaiting PUBACK; more are queued locally (1...60,000).
    public var publishWindow: Int
    /// Incoming messages buffered for the consumer before socket reads pause, and the level at which they resume.
    public var inboundHighWatermark: Int
    public var inboundLowWatermark: Int
    /// Time allowed for TCP connect and for the CONNACK.
    public var connectTimeout: TimeAmount

    public init(
        clientID: String,
        cleanSession: Bool = false,
        keepAliveSeconds: UInt16 = 60,
        username: String? = nil,
        password: [UInt8]? = nil,
        maxPacketSize: Int = MQTTPacketParser.defaultMaxPacketSize,
        publishWindow: Int = 1_000,
        inboundHighWatermark: Int = 2_048,
        inboundLowWatermark: Int = 256,
        connectTimeout: TimeAmount = .seconds(10)
    ) {
        self.clientID = clientID
        self.cleanSession = cleanSession
        self.keepAliveSeconds = keepAliveSeconds
        self.username = username
        self.password = password
        self.maxPacketSize = maxPacketSize
        self.publishWindow = publishWindow
        self.inboundHighWatermark = inboundHighWatermark
        self.inboundLowWatermark = inboundLowWatermark
        self.connectTimeout = connectTimeout
    }

    var effectivePublishWindow: Int { min(max(publishWindow, 1), 60_000) }
    var effectiveHighWatermark: Int { max(inboundHighWatermark, 1) }
    var effectiveLowWatermark: Int { min(max(inboundLowWatermark, 0), effectiveHighWatermark) }
}
