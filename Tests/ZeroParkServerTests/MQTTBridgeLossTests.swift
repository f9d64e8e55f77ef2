import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
@testable import ZeroParkMQTT
@testable import ZeroParkServer
import ZeroParkStore

/// When the broker goes away (a mosquitto restart), the bridge's consumer must end so that `run`
/// reconnects, and so that SIGTERM can stop the server. Before the fix the committer waited for ever
/// for a reader that had ended with an error: MQTT ingestion stopped silently after a broker restart.
@Suite("MQTT bridge after a lost connection")
struct MQTTBridgeLossTests {
    /// Answers CONNECT with CONNACK (session present, so the bridge does not subscribe), then drops the connection.
    final class VanishingBroker: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let buffered = NIOLockedValueBox(ByteBuffer())

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var incoming = unwrapInboundIn(data)
            let connected: Bool = buffered.withLockedValue { buffer in
                buffer.writeBuffer(&incoming)
                var sawConnect = false
                while let packet = try? MQTTPacketParser.parse(&buffer, maxPacketSize: 1 << 20) {
                    if case .connect = packet { sawConnect = true }
                }
                return sawConnect
            }
            guard connected else { return }
            var out = ByteBuffer()
            try? MQTTPacketSerializer.write(.connAck(MQTTConnAck(sessionPresent: true, returnCode: .accepted)), into: &out)
            context.writeAndFlush(NIOAny(out), promise: nil)
            let channel = context.channel
            channel.eventLoop.scheduleTask(in: .milliseconds(200)) { channel.close(promise: nil) }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func theConsumerEndsWhenTheBrokerGoesAway() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.pipeline.addHandler(VanishingBroker()) }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let store = try SQLiteParkStore(path: FileManager.default.temporaryDirectory.appendingPathComponent("zp-bridge-\(UUID().uuidString).sqlite").path)
        let bridge = MQTTBridgeService(host: "127.0.0.1", port: port, clientID: "vanishing", store: store, logger: Logger(label: "test"))
        let client = try await MQTTClient.connect(host: "127.0.0.1", port: port,
                                                  configuration: MQTTClientConfiguration(clientID: "vanishing", cleanSession: false))
        let finished = NIOLockedValueBox(false)
        let consumer = Task {
            // Ends with the connection's loss, which `run` logs before it reconnects.
            try? await bridge.consume(client)
            finished.withLockedValue { $0 = true }
        }
        for _ in 0..<100 where !finished.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(100)) }
        #expect(finished.withLockedValue { $0 }, "the consumer still waits 10 s after the broker went away")
        consumer.cancel()
        try await server.close()
    }
}
