import NIOCore

extension MQTTPacketParser {
    static func parseConnect(_ reader: inout MQTTFieldReader) throws(MQTTProtocolError) -> MQTTConnect {
        let name = try reader.readString("protocol name")
        let level = try reader.readByte("protocol level")
        guard name == "MQTT", level == 4 else { throw .unsupportedProtocol(name: name, level: level) }
        let connectFlags = try reader.readByte("connect flags")
        guard connectFlags & 0x01 == 0 else { throw .malformed(packet: "CONNECT", reason: "reserved connect flag set") }
        guard connectFlags & 0x3C == 0 else { throw .unsupportedFeature(packet: "CONNECT", feature: "will message") }
        let hasUsername = connectFlags & 0x80 != 0
        let hasPassword = connectFlags & 0x40 != 0
        guard hasUsername || !hasPassword else {
            throw .malformed(packet: "CONNECT", reason: "password flag without username flag")
        }
        let keepAlive = try reader.readUInt16("keep alive")
        let clientID = try reader.readString("client identifier")
        let username = hasUsername ? try reader.readString("user name") : nil
        let password = hasPassword ? Array(try reader.readBinary("password").readableBytesView) : nil
        try reader.expectEnd()
        return MQTTConnect(clientID: clientID, cleanSession: connectFlags & 0x02 != 0,
                           keepAliveSeconds: keepAlive, username: username, password: password)
    }

    static func parseConnAck(_ reader: inout MQTTFieldReader) throws(MQTTProtocolError) -> MQTTConnAck {
        let ackFlags = try reader.readByte("acknowledge flags")
        guard ackFlags & 0xFE == 0 else { throw .malformed(packet: "CONNACK", reason: "reserved acknowledge flags set") }
        let rawCode = try reader.readByte("return code")
        try reader.expectEnd()
        guard let code = MQTTConnectReturnCode(rawValue: rawCode) else {
            throw .malformed(packet: "CONNACK", reason: "unknown return code \(rawCode)")
        }
        return MQTTConnAck(sessionPresent: ackFlags & 0x01 != 0, returnCode: code)
    }

    static func parsePublish(flags: UInt8, _ reader: inout MQTTFieldReader) throws(MQTTProtocolError) -> MQTTMessage {
        let rawQoS = (flags >> 1) & 0x03
        guard let qos = MQTTQoS(rawValue: rawQoS) else { throw .invalidQoS(packet: "PUBLISH", value: rawQoS) }
        let dup = flags & 0x08 != 0
        guard qos != .atMostOnce || !dup else { throw .malformed(packet: "PUBLISH", reason: "DUP set on a QoS 0 message") }
        let topic = try reader.readString("topic name")
        try validateTopicName(topic)
        guard qos != .exactlyOnce else { throw .qos2NotSupported(topic: topic) }
        let packetID: UInt16? = qos == .atMostOnce ? nil : try reader.readPacketID()
        return MQTTMessage(topic: topic, payload: reader.readRest(), qos: qos, packetID: packetID,
                           dup: dup, retain: flags & 0x01 != 0)
    }

    /// Topic names in PUBLISH: at least one character, no `+` or `#` (§4.7.3, §3.3.2.1).
    public static func validateTopicName(_ topic: String) throws(MQTTProtocolError) {
        guard !topic.isEmpty else { throw .emptyTopic(packet: "PUBLISH") }
        guard !topic.contains("+"), !topic.contains("#") else { throw .wildcardInTopicName(topic: topic) }
    }

    static func parseSubscribe(_ reader: inout MQTTFieldReader) throws(MQTTProtocolError) -> MQTTSubscribe {
        let id = try reader.readPacketID()
        var subscriptions: [MQTTSubscription] = []
        while reader.remaining > 0 {
            let filter = try reader.readString("topic filter")
            guard !filter.isEmpty else { throw .malformed(packet: "SUBSCRIBE", reason: "empty topic filter") }
            let rawQoS = try reader.readByte("requested QoS")
            guard let qos = MQTTQoS(rawValue: rawQoS) else { throw .invalidQoS(packet: "SUBSCRIBE", value: rawQoS) }
            subscriptions.append(MQTTSubscription(topicFilter: filter, qos: qos))
        }
        guard !subscriptions.isEmpty else { throw .malformed(packet: "SUBSCRIBE", reason: "no topic filters") }
        return MQTTSubscribe(packetID: id, subscriptions: subscriptions)
    }

    static func parseSubAck(_ reader: inout MQTTFieldReader) throws(MQTTProtocolError) -> MQTTSubAck {
        let id = try reader.readPacketID()
        var codes: [MQTTSubAckReturnCode] = []
        while reader.remaining > 0 {
            let raw = try reader.readByte("return code")
            if raw == 0x80 {
                codes.append(.failure)
            } else if raw <= 2, let qos = MQTTQoS(rawValue: raw) {
                codes.append(.granted(qos))
            } else {
                throw .malformed(packet: "SUBACK", reason: "invalid return code 0x\(String(raw, radix: 16))")
            }
        }
        guard !codes.isEmpty else { throw .malformed(packet: "SUBACK", reason: "no return codes") }
        return MQTTSubAck(packetID: id, returnCodes: codes)
    }

    static func parseUnsubscribe(_ reader: inout MQTTFieldReader) throws(MQTTProtocolError) -> MQTTUnsubscribe {
        let id = try reader.readPacketID()
        var filters: [String] = []
        while reader.remaining > 0 {
            filters.append(try reader.readString("topic filter"))
        }
        guard !filters.isEmpty else { throw .malformed(packet: "UNSUBSCRIBE", reason: "no topic filters") }
        return MQTTUnsubscribe(packetID: id, topicFilters: filters)
    }
}
