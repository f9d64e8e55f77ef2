import NIOCore

/// The per-connection MQTT session state machine; lives on the channel's event loop, last in the pipeline.
///
/// Serves STANDARD.md 1.1.29–1.1.35. Owns: the CONNACK wait, SUBSCRIBE/UNSUBSCRIBE acks, the outgoing
/// QoS 1 window (PUBACK matching), the set of delivered-but-unacknowledged incoming QoS 1 packet IDs
/// (PUBACK is written only by `ack`), keep-alive, and read back-pressure towards the message stream.
final class MQTTSessionHandler: ChannelDuplexHandler {
    typealias InboundIn = MQTTPacket
    typealias OutboundIn = MQTTPacket
    typealias OutboundOut = MQTTPacket
    typealias Producer = NIOThrowingAsyncSequenceProducer<
        MQTTMessage, any Error, NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark, MQTTReadDemand
    >

    let configuration: MQTTClientConfiguration
    let eventLoop: any EventLoop
    var source: Producer.Source?
    var context: ChannelHandlerContext?

    var connAckPromise: EventLoopPromise<MQTTConnAck>?
    var connAckTimeout: Scheduled<Void>?
    var pendingSubscribes: [UInt16: (filters: [String], promise: EventLoopPromise<[MQTTSubAckReturnCode]>)] = [:]
    var pendingUnsubscribes: [UInt16: EventLoopPromise<Void>] = [:]
    var inflightPublishes: [UInt16: EventLoopPromise<Void>] = [:]
    var waitingPublishes = CircularBuffer<(message: MQTTMessage, promise: EventLoopPromise<Void>)>()
    /// Delivered QoS 1 packet IDs not yet acknowledged, with how many deliveries carry each: a broker may
    /// reuse an ID while an earlier message with it is unacknowledged (mosquitto 2.0 allocates IDs by
    /// increment, without a check, when more than 65,535 messages are in flight), and each delivery needs
    /// its own PUBACK, matched by the broker to its oldest in-flight message with that ID.
    var unackedIncoming: [UInt16: Int] = [:]
    var unackedIncomingTotal = 0
    var nextPacketID: UInt16 = 1

    var keepAliveTimer: Scheduled<Void>?
    var pingSentAt: NIODeadline?
    var readsHeld = false
    var readPending = false
    var consumerGone = false
    var needsFlush = false
    var closeReason: MQTTClientError?

    init(configuration: MQTTClientConfiguration, eventLoop: any EventLoop) {
        self.configuration = configuration
        self.eventLoop = eventLoop
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    // MARK: inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let packet = unwrapInboundIn(data)
        switch packet {
        case let .connAck(ack): receivedConnAck(ack)
        case let .publish(message): receivedPublish(message)
        case let .pubAck(id): receivedPubAck(id)
        case let .subAck(ack): receivedSubAck(ack)
        case let .unsubAck(id):
            guard let promise = pendingUnsubscribes.removeValue(forKey: id) else {
                return fail(.unexpectedPacket("UNSUBACK for unknown packet ID \(id)"))
            }
            promise.succeed()
        case .pingResp:
            pingSentAt = nil
        case .connect, .subscribe, .unsubscribe, .pingReq, .disconnect:
            fail(.unexpectedPacket("\(packet.name) sent by the broker"))
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        flushIfNeeded()
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let protocolError = error as? MQTTProtocolError {
            fail(.protocolViolation(protocolError))
        } else if let decoderError = error as? ByteToMessageDecoderError,
                  case let .dataReceivedInErrorState(inner, _) = decoderError,
                  let protocolError = inner as? MQTTProtocolError {
            fail(.protocolViolation(protocolError))
        } else {
            fail(.connectionClosed(reason: "\(error)"))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        tearDown(reason: closeReason ?? .connectionClosed(reason: "connection closed by peer"))
        context.fireChannelInactive()
    }

    // MARK: outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
    }

    func read(context: ChannelHandlerContext) {
        if readsHeld {
            readPending = true
        } else {
            context.read()
        }
    }

    // MARK: helpers

    func flushIfNeeded() {
        guard needsFlush, let context else { return }
        needsFlush = false
        context.flush()
    }

    func send(_ packet: MQTTPacket, promise: EventLoopPromise<Void>? = nil) {
        guard let context else {
            promise?.fail(closeReason ?? MQTTClientError.connectionClosed(reason: "handler removed"))
            return
        }
        context.write(wrapOutboundOut(packet), promise: promise)
        needsFlush = true
    }

    /// Records the first failure and closes the channel; `channelInactive` fails everything pending.
    func fail(_ reason: MQTTClientError) {
        if closeReason == nil { closeReason = reason }
        context?.close(promise: nil)
    }

    func allocatePacketID() -> UInt16? {
        for _ in 0..<Int(UInt16.max) {
            let id = nextPacketID
            nextPacketID = id == UInt16.max ? 1 : id + 1
            if inflightPublishes[id] == nil, pendingSubscribes[id] == nil, pendingUnsubscribes[id] == nil {
                return id
            }
        }
        return nil
    }

    func tearDown(reason: MQTTClientError) {
        connAckTimeout?.cancel()
        keepAliveTimer?.cancel()
        keepAliveTimer = nil
        connAckPromise?.fail(reason)
        connAckPromise = nil
        for (_, pending) in pendingSubscribes { pending.promise.fail(reason) }
        pendingSubscribes.removeAll()
        for (_, promise) in pendingUnsubscribes { promise.fail(reason) }
        pendingUnsubscribes.removeAll()
        for (_, promise) in inflightPublishes { promise.fail(reason) }
        inflightPublishes.removeAll()
        while let waiting = waitingPublishes.popFirst() { waiting.promise.fail(reason) }
        unackedIncoming.removeAll()
        unackedIncomingTotal = 0
        if reason == .disconnected {
            source?.finish()
        } else {
            source?.finish(reason)
        }
        source = nil
    }
}
