import NIOCore
import Testing
@testable import ZeroParkMQTT

@Suite("MQTT codec: exact encodings")
struct CodecEncodingTests {
    @Test func connectWithoutCredentials() throws {
        // variable header: 00 04 'MQTT' (6) + level 04 (1) + flags 00 (1) + keepalive 00 3C (2) = 10
        // payload: client id "zp" = 00 02 7A 70 (4) → remaining length 14 = 0x0E
        let bytes = try TestBytes.encode(.connect(MQTTConnect(clientID: "zp", cleanSession: false, keepAliveSeconds: 60)))
        #expect(bytes == [0x10, 0x0E, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x00, 0x00, 0x3C, 0x00, 0x02, 0x7A, 0x70])
    }

    @Test func connectWithCredentialsAndCleanSession() throws {
        // flags: username 0x80 | password 0x40 | clean 0x02 = 0xC2
        // remaining = 10 + 4 (client id) + 3 (user "u") + 4 (password [1,2]) = 21 = 0x15
        let connect = MQTTConnect(clientID: "zp", cleanSession: true, keepAliveSeconds: 5, username: "u", password: [1, 2])
        let bytes = try TestBytes.encode(.connect(connect))
        #expect(bytes.count == 2 + 21)
        #expect(bytes[1] == 0x15)
        #expect(bytes[9] == 0xC2)
        #expect(Array(bytes[16...]) == [0x00, 0x01, 0x75, 0x00, 0x02, 0x01, 0x02])
    }

    @Test func publishQoS1WithDupAndRetain() throws {
        // flags: DUP 0x08 | QoS1 0x02 | RETAIN 0x01 = 0x0B → first byte 0x3B
        // remaining = topic 00 03 "a/b" (5) + id 00 0A (2) + "hi" (2) = 9
        let message = MQTTMessage(topic: "a/b", payload: TestBytes.buffer("hi"), qos: .atLeastOnce, packetID: 10, dup: true, retain: true)
        let bytes = try TestBytes.encode(.publish(message))
        #expect(bytes == [0x3B, 0x09, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x00, 0x0A, 0x68, 0x69])
    }

    @Test func publishQoS0HasNoPacketID() throws {
        // 0x30, remaining = 2 + 1 ("t") + 1 ("x") = 4
        let bytes = try TestBytes.encode(.publish(MQTTMessage(topic: "t", payload: TestBytes.buffer("x"))))
        #expect(bytes == [0x30, 0x04, 0x00, 0x01, 0x74, 0x78])
    }

    @Test func subscribeAckAndSmallPackets() throws {
        // SUBSCRIBE: 0x82, remaining = id (2) + "a/+" field (5) + qos (1) = 8
        let subscribe = MQTTSubscribe(packetID: 1, subscriptions: [MQTTSubscription(topicFilter: "a/+", qos: .atLeastOnce)])
        #expect(try TestBytes.encode(.subscribe(subscribe)) == [0x82, 0x08, 0x00, 0x01, 0x00, 0x03, 0x61, 0x2F, 0x2B, 0x01])
        #expect(try TestBytes.encode(.pubAck(packetID: 0x1234)) == [0x40, 0x02, 0x12, 0x34])
        #expect(try TestBytes.encode(.pingReq) == [0xC0, 0x00])
        #expect(try TestBytes.encode(.pingResp) == [0xD0, 0x00])
        #expect(try TestBytes.encode(.disconnect) == [0xE0, 0x00])
        #expect(try TestBytes.encode(.connAck(MQTTConnAck(sessionPresent: true, returnCode: .accepted))) == [0x20, 0x02, 0x01, 0x00])
        #expect(try TestBytes.encode(.unsubscribe(MQTTUnsubscribe(packetID: 2, topicFilters: ["x"]))) == [0xA2, 0x05, 0x00, 0x02, 0x00, 0x01, 0x78])
    }

    @Test(arguments: [
        (0, [UInt8(0x00)]),
        (127, [0x7F]),
        (128, [0x80, 0x01]),            // 128 = 0 + 1×128
        (16_383, [0xFF, 0x7F]),         // 127 + 127×128
        (16_384, [0x80, 0x80, 0x01]),   // 1×128²
        (2_097_151, [0xFF, 0xFF, 0x7F]),
        (2_097_152, [0x80, 0x80, 0x80, 0x01]),
        (268_435_455, [0xFF, 0xFF, 0xFF, 0x7F]), // 128⁴ − 1
    ])
    func remainingLengthVarint(value: Int, expected: [UInt8]) throws {
        var buffer = ByteBuffer()
        MQTTFixedHeader.writeRemainingLength(value, into: &buffer)
        #expect(Array(buffer.readableBytesView) == expected)
        #expect(MQTTFixedHeader.varintSize(value) == expected.count)
        #expect(try MQTTFixedHeader.peekRemainingLength(in: buffer, at: 0) == .value(value, byteCount: expected.count))
    }

    @Test func serializerRejectsWhatItCannotEncode() {
        func error(_ packet: MQTTPacket) -> MQTTProtocolError? {
            var buffer = ByteBuffer()
            do { try MQTTPacketSerializer.write(packet, into: &buffer) } catch { #expect(buffer.readableBytes == 0); return error }
            return nil
        }
        #expect(error(.pubAck(packetID: 0)) == .zeroPacketID(packet: "PUBACK"))
        #expect(error(.publish(MQTTMessage(topic: "", payload: ByteBuffer()))) == .emptyTopic(packet: "PUBLISH"))
        #expect(error(.publish(MQTTMessage(topic: "a/#", payload: ByteBuffer()))) == .wildcardInTopicName(topic: "a/#"))
        #expect(error(.publish(MQTTMessage(topic: "a", payload: ByteBuffer(), qos: .atLeastOnce))) == .malformed(packet: "PUBLISH", reason: "QoS 1 without packet identifier"))
        #expect(error(.publish(MQTTMessage(topic: "a", payload: ByteBuffer(), qos: .exactlyOnce, packetID: 1))) == .qos2NotSupported(topic: "a"))
        let long = String(repeating: "x", count: 65_536)
        #expect(error(.connect(MQTTConnect(clientID: long, cleanSession: true, keepAliveSeconds: 0))) == .fieldTooLong(packet: "CONNECT", field: "client identifier", length: 65_536))
        #expect(error(.subscribe(MQTTSubscribe(packetID: 1, subscriptions: []))) == .malformed(packet: "SUBSCRIBE", reason: "no topic filters"))
    }
}
