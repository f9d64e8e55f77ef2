import NIOCore

/// Commands issued by `MQTTClient`; each runs on the event loop and returns a future.
extension MQTTSessionHandler {
    func failed<T>(_ reason: MQTTClientError? = nil) -> EventLoopFuture<T> {
        eventLoop.makeFailedFuture(reason ?? closeReason ?? .connectionClosed(reason: "connection is closed"))
    }

    func startSession(_ connect: MQTTConnect, timeout: TimeAmount) -> EventLoopFuture<MQTTConnAck> {
        guard let context, connAckPromise == nil else { return failed() }
        let promise = context.eventLoop.makePromise(of: MQTTConnAck.self)
        connAckPromise = promise
        connAckTimeout = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            fail(.connAckTimeout(milliseconds: timeout.nanoseconds / 1_000_000))
        }
        send(.connect(connect))
        flushIfNeeded()
        return promise.futureResult
    }

    func subscribe(_ subscriptions: [MQTTSubscription]) -> EventLoopFuture<[MQTTSubAckReturnCode]> {
        guard let context, closeReason == nil else { return failed() }
        guard let id = allocatePacketID() else { return failed(.packetIDsExhausted) }
        let promise = context.eventLoop.makePromise(of: [MQTTSubAckReturnCode].self)
        pendingSubscribes[id] = (subscriptions.map(\.topicFilter), promise)
        send(.subscribe(MQTTSubscribe(packetID: id, subscriptions: subscriptions)))
        flushIfNeeded()
        return promise.futureResult
    }

    func unsubscribe(_ filters: [String]) -> EventLoopFuture<Void> {
        guard let context, closeReason == nil else { return failed() }
        guard let id = allocatePacketID() else { return failed(.packetIDsExhausted) }
        let promise = context.eventLoop.makePromise(of: Void.self)
        pendingUnsubscribes[id] = promise
        send(.unsubscribe(MQTTUnsubscribe(packetID: id, topicFilters: filters)))
        flushIfNeeded()
        return promise.futureResult
    }

    /// Queues messages; QoS 1 ones go out while fewer than `publishWindow` await PUBACK.
    /// The future succeeds when every QoS 1 message is PUBACKed and every QoS 0 one is written.
    func publish(_ messages: [MQTTMessage]) -> EventLoopFuture<Void> {
        guard let context, closeReason == nil else { return failed() }
        var futures: [EventLoopFuture<Void>] = []
        futures.reserveCapacity(messages.count)
        for message in messages {
            let promise = context.eventLoop.makePromise(of: Void.self)
            futures.append(promise.futureResult)
            if message.qos == .atMostOnce {
                send(.publish(message), promise: promise)
            } else {
                waitingPublishes.append((message, promise))
            }
        }
        pumpPublishes()
        flushIfNeeded()
        return EventLoopFuture.andAllSucceed(futures, on: context.eventLoop)
    }

    func pumpPublishes() {
        let window = configuration.effectivePublishWindow
        while inflightPublishes.count < window, let next = waitingPublishes.popFirst() {
            guard let id = allocatePacketID() else {
                waitingPublishes.prepend(next)
                return
            }
            var message = next.message
            message.packetID = id
            message.dup = false
            inflightPublishes[id] = next.promise
            send(.publish(message))
        }
    }

    /// Writes PUBACK for each delivered-and-unacknowledged ID (one flush); unknown IDs fail the future.
    func ack(_ ids: [UInt16]) -> EventLoopFuture<Void> {
        guard let context, closeReason == nil else { return failed() }
        var unknown: [UInt16] = []
        var lastWrite: EventLoopFuture<Void>?
        for id in ids {
            guard let count = unackedIncoming[id] else {
                unknown.append(id)
                continue
            }
            unackedIncoming[id] = count > 1 ? count - 1 : nil
            unackedIncomingTotal -= 1
            let promise = context.eventLoop.makePromise(of: Void.self)
            send(.pubAck(packetID: id), promise: promise)
            lastWrite = promise.futureResult
        }
        flushIfNeeded()
        if !unknown.isEmpty { return failed(.unknownPacketIDs(unknown)) }
        return lastWrite ?? context.eventLoop.makeSucceededVoidFuture()
    }

    /// Sends DISCONNECT and closes; pending operations fail with `.disconnected`.
    func disconnect() -> EventLoopFuture<Void> {
        guard let context else { return eventLoop.makeSucceededVoidFuture() }
        if closeReason == nil {
            closeReason = .disconnected
            send(.disconnect)
            flushIfNeeded()
        }
        return context.close().recover { _ in }
    }

    /// Closes the socket without DISCONNECT, as a crash would.
    func closeAbruptly() -> EventLoopFuture<Void> {
        guard let context else { return eventLoop.makeSucceededVoidFuture() }
        if closeReason == nil { closeReason = .connectionClosed(reason: "closed abruptly by the application") }
        return context.close().recover { _ in }
    }

    var unackedIncomingCount: Int { unackedIncomingTotal }
}
