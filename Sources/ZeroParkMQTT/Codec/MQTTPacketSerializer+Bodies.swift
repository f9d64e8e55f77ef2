import NIOCore

extension MQTTPacketSerializer {
    static func writeConnect(_ connect: MQTTConnect, into buffer: inout ByteBuffer) throws(MQTTProtocolError) {
        let p = "CONNECT"
        guard connect.password == nil || connect.username != nil else {
            throw .malformed(packet: p, reason: "password without username")
        }
        var remaining = 6 + 1 + 1 + 2 // "MQTT" field, level, flags, keep alive
        remaining += try fieldSize(connect.clientID.utf8.count, packet: p, field: "client identifier")
        if let username = connect.username { remaining += try fieldSize(username.utf8.count, packet: p, field: "user name") }
        if let password = connect.password { remaining += try fieldSize(password.count, packet: p, field: "password") }
        var flags: UInt8 = connect.cleanSession ? 0x02 : 0
        if connect.username != nil { flags |= 0x80 }
        if connect.password != nil { flags |= 0x40 }
        writeHeader(MQTTFixedHeader.connect << 4, remaining: remaining, into: &buffer)
        writeField(Array("MQTT".utf8), into: &buffer)
        buffer.writeInteger(UInt8(4))
        buffer.writeInteger(flags)
        buffer.writeInteger(connect.keepAliveSeconds, endianness: .big)
        writeField(connect.clientID.utf8, into: &buffer)
        if let username = connect.username { writeField(username.utf8, into: &buffer) }
        if let password = connect.password { writeField(password, into: &buffer) }
    }

    static func writePublish(_ message: MQTTMessage, into buffer: inout ByteBuffer) throws(MQTTProtocolError) {
        let p = "PUBLISH"
        try MQTTPacketParser.validateTopicName(message.topic)
        guard message.qos != .exactlyOnce else { throw .qos2NotSupported(topic: message.topic) }
        var remaining = try fieldSize(message.topic.utf8.count, packet: p, field: "topic name")
        var flags = message.qos.rawValue << 1
        if message.retain { flags |= 0x01 }
        if message.qos == .atLeastOnce {
            guard let id = message.packetID else { throw .malformed(packet: p, reason: "QoS 1 without packet identifier") }
            try checkID(id, packet: p)
            remaining += 2
            if message.dup { flags |= 0x08 }
        }
        remaining += message.payload.readableBytes
        try checkRemaining(remaining, packet: p)
        writeHeader(MQTTFixedHeader.publish << 4 | flags, remaining: remaining, into: &buffer)
        writeField(message.topic.utf8, into: &buffer)
        if message.qos == .atLeastOnce, let id = message.packetID { buffer.writeInteger(id, endianness: .big) }
        buffer.writeImmutableBuffer(message.payload)
    }

    static func writeSubscribe(_ subscribe: MQTTSubscribe, into buffer: inout ByteBuffer) throws(MQTTProtocolError) {
        let p = "SUBSCRIBE"
        try checkID(subscribe.packetID, packet: p)
        guard !subscribe.subscriptions.isEmpty else { throw .malformed(packet: p, reason: "no topic filters") }
        var remaining = 2
        for subscription in subscribe.subscriptions {
            guard !subscription.topicFilter.isEmpty else { throw .malformed(packet: p, reason: "empty topic filter") }
            remaining += try fieldSize(subscription.topicFilter.utf8.count, packet: p, field: "topic filter") + 1
        }
        try checkRemaining(remaining, packet: p)
        writeHeader(MQTTFixedHeader.subscribe << 4 | 0b0010, remaining: remaining, into: &buffer)
        buffer.writeInteger(subscribe.packetID, endianness: .big)
        for subscription in subscribe.subscriptions {
            writeField(subscription.topicFilter.utf8, into: &buffer)
            buffer.writeInteger(subscription.qos.rawValue)
        }
    }

    static func writeSubAck(_ ack: MQTTSubAck, into buffer: inout ByteBuffer) throws(MQTTProtocolError) {
        try checkID(ack.packetID, packet: "SUBACK")
        guard !ack.returnCodes.isEmpty else { throw .malformed(packet: "SUBACK", reason: "no return codes") }
        let remaining = 2 + ack.returnCodes.count
        try checkRemaining(remaining, packet: "SUBACK")
        writeHeader(MQTTFixedHeader.subAck << 4, remaining: remaining, into: &buffer)
        buffer.writeInteger(ack.packetID, endianness: .big)
        for code in ack.returnCodes {
            switch code {
            case let .granted(qos): buffer.writeInteger(qos.rawValue)
            case .failure: buffer.writeInteger(UInt8(0x80))
            }
        }
    }

    static func writeUnsubscribe(_ unsubscribe: MQTTUnsubscribe, into buffer: inout ByteBuffer) throws(MQTTProtocolError) {
        let p = "UNSUBSCRIBE"
        try checkID(unsubscribe.packetID, packet: p)
        guard !unsubscribe.topicFilters.isEmpty else { throw .malformed(packet: p, reason: "no topic filters") }
        var remaining = 2
        for filter in unsubscribe.topicFilters {
            remaining += try fieldSize(filter.utf8.count, packet: p, field: "topic filter")
        }
        try checkRemaining(remaining, packet: p)
        writeHeader(MQTTFixedHeader.unsubscribe << 4 | 0b0010, remaining: remaining, into: &buffer)
        buffer.writeInteger(unsubscribe.packetID, endianness: .big)
        for filter in unsubscribe.topicFilters { writeField(filter.utf8, into: &buffer) }
    }
}
