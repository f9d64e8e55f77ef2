import NIOCore

extension MQTTSessionHandler {
    func receivedConnAck(_ ack: MQTTConnAck) {
        connAckTimeout?.cancel()
        guard let promise = connAckPromise else {
            return fail(.unexpectedPacket("second CONNACK"))
        }
        connAckPromise = nil
        guard ack.returnCode == .accepted else {
            promise.fail(MQTTClientError.connectionRefused(ack.returnCode))
            return fail(.connectionRefused(ack.returnCode))
        }
        promise.succeed(ack)
        scheduleKeepAlive()
    }

    func receivedPublish(_ message: MQTTMessage) {
        if let id = message.packetID {
            unackedIncoming[id, default: 0] += 1
            unackedIncomingTotal += 1
        }
        guard !consumerGone, let source else {
            // Nobody consumes: the message stays un-acked, so the broker redelivers it on the next session.
            return
        }
        switch source.yield(message) {
        case .produceMore: break
        case .stopProducing: readsHeld = true
        case .dropped: consumerGone = true
        }
    }

    func receivedPubAck(_ id: UInt16) {
        guard let promise = inflightPublishes.removeValue(forKey: id) else {
            return fail(.unexpectedPacket("PUBACK for unknown packet ID \(id)"))
        }
        promise.succeed()
        pumpPublishes()
    }

    func receivedSubAck(_ ack: MQTTSubAck) {
        guard let pending = pendingSubscribes.removeValue(forKey: ack.packetID) else {
            return fail(.unexpectedPacket("SUBACK for unknown packet ID \(ack.packetID)"))
        }
        guard ack.returnCodes.count == pending.filters.count else {
            let reason = MQTTClientError.unexpectedPacket(
                "SUBACK with \(ack.returnCodes.count) return codes for \(pending.filters.count) filters")
            pending.promise.fail(reason)
            return fail(reason)
        }
        let rejected = zip(pending.filters, ack.returnCodes).filter { $0.1 == .failure }.map(\.0)
        if rejected.isEmpty {
            pending.promise.succeed(ack.returnCodes)
        } else {
            pending.promise.fail(MQTTClientError.subscriptionRejected(topicFilters: rejected))
        }
    }

    /// Consumer wants more: resume socket reads if back-pressure had paused them.
    func consumerDemandsMore() {
        readsHeld = false
        if readPending, let context {
            readPending = false
            context.read()
        }
    }

    /// Consumer stopped iterating: keep reading (acks for publishes still arrive) but deliver nothing.
    func consumerTerminated() {
        consumerGone = true
        consumerDemandsMore()
    }

    func scheduleKeepAlive() {
        let seconds = configuration.keepAliveSeconds
        guard seconds > 0, let context else { return }
        let period = TimeAmount.milliseconds(Int64(seconds) * 500)
        keepAliveTimer = context.eventLoop.assumeIsolated().scheduleTask(in: period) { [self] in
            keepAliveTick()
        }
    }

    func keepAliveTick() {
        let seconds = configuration.keepAliveSeconds
        let now = NIODeadline.now()
        // While reads are paused for back-pressure the PINGRESP may sit unread; do not count that time.
        if let sent = pingSentAt, !readsHeld, now - sent >= .seconds(Int64(seconds)) {
            return fail(.keepAliveTimeout(seconds: seconds))
        }
        if pingSentAt == nil || readsHeld { pingSentAt = now }
        send(.pingReq)
        flushIfNeeded()
        scheduleKeepAlive()
    }
}
