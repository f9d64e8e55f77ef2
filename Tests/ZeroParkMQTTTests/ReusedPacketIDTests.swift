import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
@testable import ZeroParkMQTT

/// A broker may deliver a second message with a packet ID whose first message is still unacknowledged
/// (mosquitto 2.0 allocates IDs by increment when more than 65,535 messages are in flight). Each
/// delivery must get its own PUBACK; none may be refused as unknown.
@Suite("Reused incoming packet IDs")
struct ReusedPacketIDTests {
    /// A one-connection fake broker: answers CONNECT with CONNACK, then sends `deliveries`, and records
    /// every packet the client sends after CONNECT.
    final class FakeBroker: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let deliveries: [MQTTPacket]
        let received = NIOLockedValueBox<[MQTTPacket]>([])
        let buffered = NIOLockedValueBox(ByteBuffer())

        init(deliveries: [MQTTPacket]) { self.deliveries = deliveries }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var incoming = unwrapInboundIn(data)
            let packets: [MQTTPacket] = buffered.withLockedValue { buffer in
                buffer.writeBuffer(&incoming)
                var parsed: [MQTTPacket] = []
                while let packet = try? MQTTPacketParser.parse(&buffer, maxPacketSize: 1 << 20) { parsed.append(packet) }
                return parsed
            }
            for packet in packets {
                if case .connect = packet {
                    var out = ByteBuffer()
                    try? MQTTPacketSerializer.write(.connAck(MQTTConnAck(sessionPresent: true, returnCode: .accepted)), into: &out)
                    for delivery in deliveries { try? MQTTPacketSerializer.write(delivery, into: &out) }
                    context.writeAndFlush(NIOAny(out), promise: nil)
                } else {
                    received.withLockedValue { $0.append(packet) }
                }
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func eachDeliveryOfAReusedIDIsAcknowledgedInTurn() async throws {
        func delivery(_ payload: String) -> MQTTPacket {
            .publish(MQTTMessage(topic: "zeropark/p/m", payload: ByteBuffer(string: payload), qos: .atLeastOnce, packetID: 7))
        }
        let broker = FakeBroker(deliveries: [delivery("first"), delivery("second")])
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.pipeline.addHandler(broker) }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let client = try await MQTTClient.connect(host: "127.0.0.1", port: port,
                                                  configuration: MQTTClientConfiguration(clientID: "reused-id", cleanSession: false))
        var iterator = client.messages.makeAsyncIterator()
        let first = try #require(try await iterator.next())
        let second = try #require(try await iterator.next())
        #expect(String(buffer: first.payload) == "first" && String(buffer: second.payload) == "second")
        #expect(try await client.unackedCount() == 2)
        try await client.ack(packetIDs: [7, 7])
        #expect(try await client.unackedCount() == 0)
        // A third PUBACK for 7 has no delivery behind it.
        await #expect(throws: MQTTClientError.unknownPacketIDs([7])) { try await client.ack(packetIDs: [7]) }
        await client.disconnect()
        try await server.close()
        let acks = broker.received.withLockedValue { $0 }.filter { if case .pubAck(7) = $0 { true } else { false } }
        #expect(acks.count == 2)
    }
}
