import NIOCore
import Testing
@testable import ZeroParkMQTT

@Suite("MQTT codec: round trips")
struct CodecRoundTripTests {
    static let packets: [MQTTPacket] = [
        .connect(MQTTConnect(clientID: "zeropark-ingest", cleanSession: false, keepAliveSeconds: 60)),
        .connect(MQTTConnect(clientID: "", cleanSession: true, keepAliveSeconds: 0, username: "园区", password: [0, 255])),
        .connAck(MQTTConnAck(sessionPresent: false, returnCode: .notAuthorized)),
        .publish(MQTTMessage(topic: "zeropark/m1/energy", payload: ByteBuffer(string: "{\"v\":1.5}"))),
        .publish(MQTTMessage(topic: "zeropark/电表/1", payload: ByteBuffer(), qos: .atLeastOnce, packetID: 65_535, dup: true)),
        .publish(MQTTMessage(topic: "t", payload: ByteBuffer(repeating: 7, count: 200_000), qos: .atLeastOnce, packetID: 1, retain: true)),
        .pubAck(packetID: 1),
        .subscribe(MQTTSubscribe(packetID: 9, subscriptions: [
            MQTTSubscription(topicFilter: "zeropark/+/+", qos: .atLeastOnce),
            MQTTSubscription(topicFilter: "zeropark/+/gateway/+", qos: .atMostOnce),
        ])),
        .subAck(MQTTSubAck(packetID: 9, returnCodes: [.granted(.atLeastOnce), .failure, .granted(.atMostOnce)])),
        .unsubscribe(MQTTUnsubscribe(packetID: 3, topicFilters: ["a", "b/#"])),
        .unsubAck(packetID: 3),
        .pingReq, .pingResp, .disconnect,
    ]

    @Test(arguments: packets)
    func roundTrip(_ packet: MQTTPacket) throws {
        let bytes = try TestBytes.encode(packet)
        var buffer = ByteBuffer(bytes: bytes)
        let decoded = try MQTTPacketParser.parse(&buffer)
        #expect(decoded == packet)
        #expect(buffer.readableBytes == 0)
    }

    @Test func severalPacketsInOneBufferDecodeInOrder() throws {
        var buffer = ByteBuffer()
        for packet in Self.packets { try MQTTPacketSerializer.write(packet, into: &buffer) }
        var decoded: [MQTTPacket] = []
        while let packet = try MQTTPacketParser.parse(&buffer) { decoded.append(packet) }
        #expect(decoded == Self.packets)
    }

    @Test func everyPrefixOfAPacketNeedsMoreDataAndConsumesNothing() throws {
        for packet in Self.packets where packet != .publish(MQTTMessage(topic: "t", payload: ByteBuffer(repeating: 7, count: 200_000), qos: .atLeastOnce, packetID: 1, retain: true)) {
            let bytes = try TestBytes.encode(packet)
            for length in 0..<bytes.count {
                var buffer = ByteBuffer(bytes: bytes[..<length])
                #expect(try MQTTPacketParser.parse(&buffer) == nil, "\(packet.name) prefix \(length)")
                #expect(buffer.readableBytes == length)
            }
        }
    }
}
