import NIOCore

/// One MQTT 3.1.1 (protocol level 4) control packet, the unit the codec decodes and encodes.
///
/// Serves STANDARD.md 1.1.29–1.1.35 (metering data acquisition: the wire format between meters,
/// the broker and the ZeroPark server). PUBREC/PUBREL/PUBCOMP (QoS 2) are deliberately absent:
/// ZeroPark subscribes with maximum QoS 1, so the broker never sends QoS 2 and the decoder refuses it.
public enum MQTTPacket: Sendable, Hashable {
    case connect(MQTTConnect)
    case connAck(MQTTConnAck)
    case publish(MQTTMessage)
    case pubAck(packetID: UInt16)
    case subscribe(MQTTSubscribe)
    case subAck(MQTTSubAck)
    case unsubscribe(MQTTUnsubscribe)
    case unsubAck(packetID: UInt16)
    case pingReq
    case pingResp
    case disconnect

    /// The control packet type name as written in the MQTT 3.1.1 specification, for error context.
    public var name: String {
        switch self {
        case .connect: "CONNECT"
        case .connAck: "CONNACK"
        case .publish: "PUBLISH"
        case .pubAck: "PUBACK"
        case .subscribe: "SUBSCRIBE"
        case .subAck: "SUBACK"
        case .unsubscribe: "UNSUBSCRIBE"
        case .unsubAck: "UNSUBACK"
        case .pingReq: "PINGREQ"
        case .pingResp: "PINGRESP"
        case .disconnect: "DISCONNECT"
        }
    }
}

/// MQTT quality-of-service level of a PUBLISH or of a subscription (MQTT 3.1.1 §4.3).
///
/// Serves STANDARD.md 1.1.29–1.1.35: readings travel at QoS 1 (at least once) so none is lost.
public enum MQTTQoS: UInt8, Sendable, Hashable, Comparable {
    case atMostOnce = 0
    case atLeastOnce = 1
    case exactlyOnce = 2

    public static func < (lhs: MQTTQoS, rhs: MQTTQoS) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The CONNECT packet a client sends first (MQTT 3.1.1 §3.1). Will messages are not supported.
///
/// Serves STANDARD.md 1.1.29–1.1.35 (session set-up; `cleanSession == false` gives the persistent
/// session that makes the broker keep un-acknowledged readings across a server crash).
public struct MQTTConnect: Sendable, Hashable {
    public var clientID: String
    public var cleanSession: Bool
    public var keepAliveSeconds: UInt16
    public var username: String?
    public var password: [UInt8]?

    public init(clientID: String, cleanSession: Bool, keepAliveSeconds: UInt16, username: String? = nil, password: [UInt8]? = nil) {
        self.clientID = clientID
        self.cleanSession = cleanSession
        self.keepAliveSeconds = keepAliveSeconds
        self.username = username
        self.password = password
    }
}

/// The CONNACK return code (MQTT 3.1.1 §3.2.2.3).
///
/// Serves STANDARD.md 1.1.29–1.1.35 (diagnosable connection refusals).
public enum MQTTConnectReturnCode: UInt8, Sendable, Hashable {
    case accepted = 0
    case unacceptableProtocolVersion = 1
    case identifierRejected = 2
    case serverUnavailable = 3
    case badUsernameOrPassword = 4
    case notAuthorized = 5
}

/// The CONNACK packet (MQTT 3.1.1 §3.2).
///
/// Serves STANDARD.md 1.1.29–1.1.35; `sessionPresent` tells the subscriber whether the broker kept its session.
public struct MQTTConnAck: Sendable, Hashable {
    public var sessionPresent: Bool
    public var returnCode: MQTTConnectReturnCode

    public init(sessionPresent: Bool, returnCode: MQTTConnectReturnCode) {
        self.sessionPresent = sessionPresent
        self.returnCode = returnCode
    }
}

/// One topic filter with its requested maximum QoS, as carried in SUBSCRIBE (MQTT 3.1.1 §3.8.3).
///
/// Serves STANDARD.md 1.1.29–1.1.35 (e.g. `zeropark/+/+` for all meter readings).
public struct MQTTSubscription: Sendable, Hashable {
    public var topicFilter: String
    public var qos: MQTTQoS

    public init(topicFilter: String, qos: MQTTQoS = .atLeastOnce) {
        self.topicFilter = topicFilter
        self.qos = qos
    }
}

/// The SUBSCRIBE packet (MQTT 3.1.1 §3.8).
///
/// Serves STANDARD.md 1.1.29–1.1.35.
public struct MQTTSubscribe: Sendable, Hashable {
    public var packetID: UInt16
    public var subscriptions: [MQTTSubscription]

    public init(packetID: UInt16, subscriptions: [MQTTSubscription]) {
        self.packetID = packetID
        self.subscriptions = subscriptions
    }
}

/// One SUBACK return code: the granted QoS or failure (0x80) (MQTT 3.1.1 §3.9.3).
///
/// Serves STANDARD.md 1.1.29–1.1.35.
public enum MQTTSubAckReturnCode: Sendable, Hashable {
    case granted(MQTTQoS)
    case failure
}

/// The SUBACK packet (MQTT 3.1.1 §3.9).
///
/// Serves STANDARD.md 1.1.29–1.1.35.
public struct MQTTSubAck: Sendable, Hashable {
    public var packetID: UInt16
    public var returnCodes: [MQTTSubAckReturnCode]

    public init(packetID: UInt16, returnCodes: [MQTTSubAckReturnCode]) {
        self.packetID = packetID
        self.returnCodes = returnCodes
    }
}

/// The UNSUBSCRIBE packet (MQTT 3.1.1 §3.10).
///
/// Serves STANDARD.md 1.1.29–1.1.35.
public struct MQTTUnsubscribe: Sendable, Hashable {
    public var packetID: UInt16
    public var topicFilters: [String]

    public init(packetID: UInt16, topicFilters: [String]) {
        self.packetID = packetID
        self.topicFilters = topicFilters
    }
}
