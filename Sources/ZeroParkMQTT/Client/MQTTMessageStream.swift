import NIOCore
import Synchronization

/// The incoming application messages of one connection, as an `AsyncSequence`.
///
/// Serves STANDARD.md 1.1.29–1.1.35. Bounded: when `inboundHighWatermark` messages are buffered the
/// client stops reading the socket until the consumer catches up; the broker additionally sends at
/// most `max_inflight_messages` un-acked QoS 1 messages. The sequence ends normally after
/// `disconnect()` and throws `MQTTClientError` when the connection is lost — the caller then
/// reconnects (un-acked messages are redelivered). Only one iterator may be created; a second one
/// throws `MQTTClientError.messageStreamAlreadyIterated` instead of trapping.
public struct MQTTMessageStream: AsyncSequence, Sendable {
    public typealias Element = MQTTMessage

    let producer: MQTTSessionHandler.Producer
    let gate: IteratorGate

    init(producer: MQTTSessionHandler.Producer) {
        self.producer = producer
        self.gate = IteratorGate()
    }

    public func makeAsyncIterator() -> AsyncIterator {
        let first = gate.taken.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        return AsyncIterator(inner: first ? producer.makeAsyncIterator() : nil)
    }

    /// Iterator over `MQTTMessageStream`; throws `MQTTClientError`.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var inner: MQTTSessionHandler.Producer.AsyncIterator?

        public mutating func next() async throws -> MQTTMessage? {
            guard let iterator = inner else { throw MQTTClientError.messageStreamAlreadyIterated }
            return try await iterator.next()
        }
    }

    final class IteratorGate: Sendable {
        let taken = Atomic<Bool>(false)
    }
}
