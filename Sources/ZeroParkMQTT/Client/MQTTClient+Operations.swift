import NIOCore

extension MQTTClient {
    /// Subscribes and waits for SUBACK. QoS 2 is not supported (requested QoS must be ≤ 1).
    /// - Returns: the granted QoS per filter. Throws `.subscriptionRejected` if any filter failed.
    @discardableResult
    public func subscribe(_ subscriptions: [MQTTSubscription]) async throws(MQTTClientError) -> [MQTTSubAckReturnCode] {
        guard !subscriptions.isEmpty else { throw .invalidArgument("no subscriptions") }
        for subscription in subscriptions {
            guard subscription.qos != .exactlyOnce else {
                throw .invalidArgument("QoS 2 subscription to \(subscription.topicFilter) (max QoS 1 supported)")
            }
            try Self.checkField(subscription.topicFilter, name: "topic filter")
        }
        return try await run { $0.subscribe(subscriptions) }
    }

    /// Subscribes each filter at QoS 1.
    @discardableResult
    public func subscribe(topicFilters: [String]) async throws(MQTTClientError) -> [MQTTSubAckReturnCode] {
        try await subscribe(topicFilters.map { MQTTSubscription(topicFilter: $0, qos: .atLeastOnce) })
    }

    /// Unsubscribes and waits for UNSUBACK.
    public func unsubscribe(topicFilters: [String]) async throws(MQTTClientError) {
        guard !topicFilters.isEmpty else { throw .invalidArgument("no topic filters") }
        for filter in topicFilters { try Self.checkField(filter, name: "topic filter") }
        try await run { $0.unsubscribe(topicFilters) }
    }

    /// Publishes one message; for QoS 1 returns after the broker's PUBACK.
    /// Concurrent callers are pipelined up to `publishWindow` in flight.
    public func publish(topic: String, payload: ByteBuffer, qos: MQTTQoS = .atLeastOnce, retain: Bool = false) async throws(MQTTClientError) {
        try await publish([MQTTMessage(topic: topic, payload: payload, qos: qos, retain: retain)])
    }

    /// Publishes one message with a byte-array payload.
    public func publish(topic: String, payload: [UInt8], qos: MQTTQoS = .atLeastOnce, retain: Bool = false) async throws(MQTTClientError) {
        try await publish(topic: topic, payload: ByteBuffer(bytes: payload), qos: qos, retain: retain)
    }

    /// Publishes many messages pipelined: up to `publishWindow` QoS 1 messages await PUBACK at once,
    /// the rest are queued locally. Returns when all are acknowledged (QoS 1) or written (QoS 0).
    /// `packetID` and `dup` of the inputs are ignored (the client assigns IDs). On error some
    /// messages may have been delivered: QoS 1 from the publisher side is at-least-once, so retry all.
    public func publish(_ messages: [MQTTMessage]) async throws(MQTTClientError) {
        for message in messages { try validate(message) }
        try await run { $0.publish(messages) }
    }

    /// Sends PUBACK for a delivered QoS 1 message — call only after the message is durably committed.
    /// QoS 0 messages need no acknowledgement (no-op).
    public func ack(_ message: MQTTMessage) async throws(MQTTClientError) {
        guard message.qos == .atLeastOnce, let id = message.packetID else { return }
        try await ack(packetIDs: [id])
    }

    /// Sends PUBACK for each packet ID (one flush), e.g. after committing a batch.
    /// Throws `.unknownPacketIDs` for IDs not delivered-and-unacknowledged on this connection.
    public func ack(packetIDs: [UInt16]) async throws(MQTTClientError) {
        guard !packetIDs.isEmpty else { return }
        try await run { $0.ack(packetIDs) }
    }

    /// Number of delivered QoS 1 messages not yet acknowledged by the application.
    public func unackedCount() async throws(MQTTClientError) -> Int {
        try await run { $0.eventLoop.makeSucceededFuture($0.unackedIncomingCount) }
    }

    /// Clean shutdown: sends DISCONNECT, closes the socket; the message stream finishes normally.
    /// Un-acked QoS 1 messages stay in the broker's session (cleanSession == false) for the next connection.
    public func disconnect() async {
        _ = try? await run { $0.disconnect() }
    }

    /// Closes the socket without DISCONNECT (simulates a crash); the message stream throws.
    public func closeAbruptly() async {
        _ = try? await run { $0.closeAbruptly() }
    }

    /// Waits until the connection is closed (by either side).
    public func waitUntilClosed() async {
        try? await channel.closeFuture.get()
    }

    func validate(_ message: MQTTMessage) throws(MQTTClientError) {
        guard message.qos != .exactlyOnce else { throw .invalidArgument("QoS 2 publish to \(message.topic)") }
        do {
            try MQTTPacketParser.validateTopicName(message.topic)
        } catch {
            throw .invalidArgument("topic \(message.topic): \(error)")
        }
        try Self.checkField(message.topic, name: "topic")
        guard message.payload.readableBytes <= MQTTFixedHeader.maxRemainingLength - 65_539 else {
            throw .invalidArgument("payload of \(message.payload.readableBytes) bytes is too large")
        }
    }

    static func checkField(_ value: String, name: String) throws(MQTTClientError) {
        guard !value.isEmpty else { throw .invalidArgument("empty \(name)") }
        guard value.utf8.count <= Int(UInt16.max) else { throw .invalidArgument("\(name) longer than 65535 bytes") }
        guard !value.unicodeScalars.contains("\u{0}") else { throw .invalidArgument("\(name) contains U+0000") }
    }
}
