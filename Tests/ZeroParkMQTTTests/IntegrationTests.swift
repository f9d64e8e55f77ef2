import Foundation
import NIOCore
import Testing
import ZeroParkMQTT

@Suite("MQTT against a real mosquitto", .serialized, .enabled(if: MosquittoBroker.isInstalled, MosquittoBroker.skipMessage))
struct IntegrationTests {
    static let host = "127.0.0.1"

    static func connect(_ broker: MosquittoBroker, _ id: String, clean: Bool = false, window: Int = 1_000) async throws -> MQTTClient {
        try await MQTTClient.connect(host: host, port: broker.port,
                                     configuration: MQTTClientConfiguration(clientID: id, cleanSession: clean, publishWindow: window))
    }

    static func messages(count: Int, prefix: String = "") -> [MQTTMessage] {
        (0..<count).map { i in
            MQTTMessage(topic: "zeropark/meter\(i % 50)/energy", payload: ByteBuffer(string: "\(prefix)\(i)"), qos: .atLeastOnce)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func tenThousandQoS1MessagesAllArrive() async throws {
        try await withBroker { broker in
            let subscriber = try await Self.connect(broker, "zp-sub-a")
            let granted = try await subscriber.subscribe(topicFilters: ["zeropark/+/+", "zeropark/+/gateway/+"])
            #expect(granted == [.granted(.atLeastOnce), .granted(.atLeastOnce)])
            let publisher = try await Self.connect(broker, "zp-pub-a", clean: true)
            let total = 10_000
            async let received: Set<String> = {
                var seen = Set<String>()
                for try await message in subscriber.messages {
                    #expect(message.qos == .atLeastOnce)
                    #expect(message.packetID != nil)
                    seen.insert(String(buffer: message.payload))
                    try await subscriber.ack(message)
                    if seen.count == total { break }
                }
                return seen
            }()
            try await publisher.publish(Self.messages(count: total))
            let seen = try await received
            #expect(seen == Set((0..<total).map { "\($0)" }))
            #expect(try await subscriber.unackedCount() == 0)
            await publisher.disconnect()
            await subscriber.disconnect()
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func unackedMessagesAreRedeliveredAfterACrash() async throws {
        try await withBroker { broker in
            let first = try await Self.connect(broker, "zp-sub-b")
            try await first.subscribe(topicFilters: ["zeropark/+/+"])
            let publisher = try await Self.connect(broker, "zp-pub-b", clean: true)
            try await publisher.publish(Self.messages(count: 10))

            // Receive all 10, ack only the even ones (the "committed" ones), then crash.
            var iterator = first.messages.makeAsyncIterator()
            for _ in 0..<10 {
                let message = try #require(try await iterator.next())
                #expect(message.dup == false)
                if let index = Int(String(buffer: message.payload)), index % 2 == 0 {
                    try await first.ack(message)
                }
            }
            #expect(try await first.unackedCount() == 5)
            await first.closeAbruptly()
            await #expect(throws: MQTTClientError.self) { _ = try await iterator.next() }

            // Same client ID, persistent session: the 5 un-acked messages come back with DUP set.
            let second = try await Self.connect(broker, "zp-sub-b")
            #expect(second.sessionPresent)
            var redelivered: [String] = []
            var secondIterator = second.messages.makeAsyncIterator()
            while redelivered.count < 5, let message = try await secondIterator.next() {
                #expect(message.dup, "redelivered message \(String(buffer: message.payload)) must have DUP set")
                redelivered.append(String(buffer: message.payload))
                try await second.ack(message)
            }
            #expect(redelivered.sorted() == ["1", "3", "5", "7", "9"])
            await second.disconnect()
            #expect(try await secondIterator.next() == nil, "stream ends normally after disconnect()")

            // Nothing acked is delivered again: the next message after reconnecting is a fresh marker.
            let third = try await Self.connect(broker, "zp-sub-b")
            try await publisher.publish(topic: "zeropark/marker/energy", payload: ByteBuffer(string: "marker"))
            var thirdIterator = third.messages.makeAsyncIterator()
            let next = try #require(try await thirdIterator.next())
            #expect(String(buffer: next.payload) == "marker")
            #expect(next.dup == false)
            try await third.ack(next)
            await #expect(throws: MQTTClientError.unknownPacketIDs([next.packetID ?? 0])) {
                try await third.ack(next)
            }
            await third.disconnect()
            await publisher.disconnect()
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func throughputOfQoS1PublishSubscribeAck() async throws {
        try await withBroker { broker in
            let subscriber = try await Self.connect(broker, "zp-sub-c")
            try await subscriber.subscribe(topicFilters: ["zeropark/+/+"])
            let publisher = try await Self.connect(broker, "zp-pub-c", clean: true, window: 1_000)
            let total = 100_000
            let batch = 200
            let payloads = Self.messages(count: total)
            let clock = ContinuousClock()
            let start = clock.now
            async let received: Int = {
                var count = 0
                var pending: [UInt16] = []
                for try await message in subscriber.messages {
                    count += 1
                    if let id = message.packetID { pending.append(id) }
                    // Batch commit pattern: ack a batch at once (one flush), as the server does after a SQLite commit.
                    if pending.count >= batch || count == total {
                        try await subscriber.ack(packetIDs: pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                    if count == total { break }
                }
                return count
            }()
            try await publisher.publish(payloads)
            let count = try await received
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = Double(count) / seconds
            print("THROUGHPUT: \(count) QoS 1 messages publish→subscribe→ack in \(String(format: "%.2f", seconds)) s = \(Int(rate)) msg/s (publish window 1000, ack batch \(batch), broker max_inflight_messages 1000)")
            #expect(count == total)
            await publisher.disconnect()
            await subscriber.disconnect()
        }
    }
}
