import NIOCore
import NIOPosix

/// An MQTT 3.1.1 client connection on SwiftNIO: subscriber with application-controlled PUBACK, and
/// pipelined publisher.
///
/// Serves STANDARD.md 1.1.29–1.1.35 (lossless metering data acquisition). Unlike libmosquitto, which
/// PUBACKs an incoming QoS 1 PUBLISH before its `on_message` callback runs, this client never
/// acknowledges on its own: the application calls `ack` after its database commit, so a crash
/// before the commit leaves the message un-acked and the broker redelivers it (with DUP set) to the
/// next connection using the same `clientID` with `cleanSession == false`.
///
/// One instance is one TCP connection. Reconnecting is the caller's loop: when `messages` throws,
/// create a new client with the same configuration (see NOTES.md for a loop with backoff).
public final class MQTTClient: Sendable {
    let channel: any Channel
    let handler: NIOLoopBound<MQTTSessionHandler>
    let configuration: MQTTClientConfiguration

    /// Incoming messages; iterate once. QoS 1 messages must be passed to `ack` when committed.
    public let messages: MQTTMessageStream
    /// Whether the broker resumed an existing session for this client ID (CONNACK session-present flag).
    public let sessionPresent: Bool

    init(channel: any Channel, handler: NIOLoopBound<MQTTSessionHandler>, messages: MQTTMessageStream,
         configuration: MQTTClientConfiguration, sessionPresent: Bool) {
        self.channel = channel
        self.handler = handler
        self.messages = messages
        self.configuration = configuration
        self.sessionPresent = sessionPresent
    }

    /// Opens a TCP connection, sends CONNECT and waits for a successful CONNACK.
    public static func connect(
        host: String,
        port: Int,
        configuration: MQTTClientConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(MQTTClientError) -> MQTTClient {
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: eventLoopGroup)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(configuration.connectTimeout)
                .connect(host: host, port: port)
                .get()
        } catch {
            throw .connectFailed(host: host, port: port, reason: "\(error)")
        }
        let connect = MQTTConnect(clientID: configuration.clientID, cleanSession: configuration.cleanSession,
                                  keepAliveSeconds: configuration.keepAliveSeconds,
                                  username: configuration.username, password: configuration.password)
        do {
            let parts = try await channel.eventLoop.submit {
                try installSession(on: channel, configuration: configuration)
            }.get()
            let ack = try await channel.eventLoop.flatSubmit {
                parts.handler.value.startSession(connect, timeout: configuration.connectTimeout)
            }.get()
            return MQTTClient(channel: channel, handler: parts.handler, messages: parts.messages,
                              configuration: configuration, sessionPresent: ack.sessionPresent)
        } catch {
            try? await channel.close()
            throw mapError(error)
        }
    }

    struct SessionParts: Sendable {
        let handler: NIOLoopBound<MQTTSessionHandler>
        let messages: MQTTMessageStream
    }

    /// Runs on the event loop: builds the pipeline and the back-pressured message stream.
    static func installSession(on channel: any Channel, configuration: MQTTClientConfiguration) throws -> SessionParts {
        let handler = MQTTSessionHandler(configuration: configuration, eventLoop: channel.eventLoop)
        let bound = NIOLoopBound(handler, eventLoop: channel.eventLoop)
        let strategy = NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark(
            lowWatermark: configuration.effectiveLowWatermark, highWatermark: configuration.effectiveHighWatermark)
        let produced = MQTTSessionHandler.Producer.makeSequence(
            elementType: MQTTMessage.self, failureType: (any Error).self,
            backPressureStrategy: strategy, finishOnDeinit: false, delegate: MQTTReadDemand(handler: bound))
        handler.source = produced.source
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(MQTTPacketDecoder(maxPacketSize: configuration.maxPacketSize)),
            MessageToByteHandler(MQTTPacketEncoder()),
            handler,
        ])
        return SessionParts(handler: bound, messages: MQTTMessageStream(producer: produced.sequence))
    }

    static func mapError(_ error: any Error) -> MQTTClientError {
        if let clientError = error as? MQTTClientError { return clientError }
        if let protocolError = error as? MQTTProtocolError { return .protocolViolation(protocolError) }
        return .connectionClosed(reason: "\(error)")
    }

    /// Runs `command` on the session handler's event loop and awaits its future.
    func run<T: Sendable>(
        _ command: @escaping @Sendable (MQTTSessionHandler) -> EventLoopFuture<T>
    ) async throws(MQTTClientError) -> T {
        let handler = self.handler
        do {
            return try await channel.eventLoop.flatSubmit { command(handler.value) }.get()
        } catch {
            throw Self.mapError(error)
        }
    }
}
