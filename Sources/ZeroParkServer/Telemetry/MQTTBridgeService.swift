import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import ZeroParkInput
import ZeroParkMQTT
import ZeroParkStore
import ZeroParkTelemetry

/// Subscribes to the park meters' MQTT topics on a broker (Debian `mosquitto`) and feeds the one
/// ingest path (issue #8 §2–3; STANDARD.md 1.1.8, 1.1.29):
/// - `zeropark/{park}/{meter}` carries `{"ts","value"}` or an array of them;
/// - `zeropark/{park}/gateway/{gateway}` carries `{"readings":[{"meter","ts","value"}]}`.
///
/// Messages are taken in commit groups (up to `groupMessages` messages or `groupWindow`), each park's
/// readings merged into one batch and committed in one transaction; only then is every message of
/// the group acknowledged (PUBACK), so a crash before the commit leaves them unacknowledged and the
/// broker redelivers them to this persistent session (clean session off). libmosquitto would have
/// acknowledged before its callback ran, which is why the session is our own (docs/telemetry.md §3).
/// A message that cannot be read, or whose readings are refused, goes to the park's dead letters
/// with the reason; nothing of it is stored as readings.
public struct MQTTBridgeService: Service {
    public static let topicFilters = ["zeropark/+/+", "zeropark/+/gateway/+"]

    let host: String
    let port: Int
    let clientID: String
    let store: any TelemetryRepository
    let logger: Logger
    var groupMessages = 1_000
    var groupWindow: Duration = .milliseconds(20)

    public init(host: String, port: Int, clientID: String = "zeropark-server", store: any TelemetryRepository, logger: Logger) {
        self.host = host
        self.port = port
        self.clientID = clientID
        self.store = store
        self.logger = logger
    }

    public func run() async throws {
        var backoff: Duration = .milliseconds(200)
        while !(Task.isCancelled || Task<Never, Never>.isShuttingDownGracefully) {
            do {
                let client = try await MQTTClient.connect(host: host, port: port, configuration: MQTTClientConfiguration(
                    clientID: clientID, cleanSession: false, keepAliveSeconds: 30))
                logger.info("MQTT bridge connected", metadata: ["broker": "\(host):\(port)", "session_present": "\(client.sessionPresent)"])
                // A resumed session keeps its subscriptions; subscribing again is only needed for a new one.
                if !client.sessionPresent { _ = try await client.subscribe(topicFilters: Self.topicFilters) }
                backoff = .milliseconds(200)
                try await withGracefulShutdownHandler {
                    try await consume(client)
                } onGracefulShutdown: {
                    Task { await client.disconnect() }
                }
                if (Task.isCancelled || Task<Never, Never>.isShuttingDownGracefully) { return }
            } catch {
                logger.warning("MQTT bridge disconnected; retrying", metadata: ["error": "\(error)", "in": "\(backoff)"])
            }
            // The wait ends early on SIGTERM, so a server whose broker is gone still stops at once.
            let wait = backoff
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            backoff = min(backoff * 2, .seconds(10))
        }
    }

    /// Reads messages and commits them in groups until the connection ends: the reader appends to a
    /// buffer; the committer takes up to `groupMessages` buffered messages, commits them, acknowledges
    /// them, and when nothing is buffered looks again after `groupWindow`. Unacknowledged messages are bounded by the broker's
    /// in-flight window, so the buffer is too.
    func consume(_ client: MQTTClient) async throws {
        let pending = PendingMessages()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                // Closed however the stream ends: a lost connection ends it with an error, and the
                // committer (and with it this group and `run`'s reconnect) must not wait for ever.
                do {
                    for try await message in client.messages { await pending.add(message) }
                } catch {
                    await pending.close()
                    throw error
                }
                await pending.close()
            }
            tasks.addTask {
                while true {
                    let group = await pending.take(max: groupMessages)
                    if !group.isEmpty {
                        try await commit(group, client: client)
                        continue
                    }
                    if await pending.isClosed { return }
                    try await Task.sleep(for: groupWindow)
                }
            }
            try await tasks.waitForAll()
        }
    }

    /// Stores one group and then acknowledges it.
    func commit(_ group: [MQTTMessage], client: MQTTClient) async throws {
        let outcome = MQTTGroup.read(group)
        var letters = outcome.deadLetters
        if !outcome.batches.isEmpty {
            let now = ReportClock.nowSeconds()
            let results = try await store.ingestGroup(outcome.batches.map { ($0.park, $0.batch) }, channel: .mqtt, actor: "mqtt", now: now)
            // A park whose merged batch was refused: retry its messages one by one, dead-lettering the refused.
            for (index, result) in results.enumerated() {
                guard case .failure = result else { continue }
                let park = outcome.batches[index].park
                let single = outcome.messages[park] ?? []
                let retried = try await store.ingestGroup(single.map { (park, $0.batch) }, channel: .mqtt, actor: "mqtt", now: now)
                for (message, result) in zip(single, retried) {
                    if case let .failure(refused) = result {
                        letters.append((park, "mqtt", message.topic, message.payload,
                                        refused.problems.prefix(5).map(\.description).joined(separator: "; ")))
                    }
                }
            }
        }
        try await store.recordDeadLetters(letters)
        // Committed (readings or dead letters): now, and only now, acknowledge.
        let ids = group.compactMap(\.packetID)
        if !ids.isEmpty { try await client.ack(packetIDs: ids) }
    }
}

/// Messages received and not yet committed.
actor PendingMessages {
    private var messages: [MQTTMessage] = []
    private(set) var isClosed = false

    func add(_ message: MQTTMessage) {
        messages.append(message)
    }

    /// Up to `max` of the oldest messages.
    func take(max: Int) -> [MQTTMessage] {
        let count = Swift.min(max, messages.count)
        defer { messages.removeFirst(count) }
        return Array(messages.prefix(count))
    }

    func close() { isClosed = true }
}

/// A commit group read: per park a merged batch, per park its messages' own batches (for a retry
/// one by one), and the messages that could not be read as dead letters.
struct MQTTGroup {
    struct Message {
        let topic: String
        let payload: [UInt8]
        let batch: ReadingBatch
    }

    var batches: [(park: String, batch: ReadingBatch)] = []
    var messages: [String: [Message]] = [:]
    var deadLetters: [(parkKey: String?, channel: String, topic: String, payload: [UInt8], reason: String)] = []

    static func read(_ group: [MQTTMessage]) -> MQTTGroup {
        var outcome = MQTTGroup()
        var order: [String] = []
        for message in group {
            let payload = message.payloadBytes
            let levels = message.topic.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard levels.count == 3 || (levels.count == 4 && levels[2] == "gateway"), levels[0] == "zeropark",
                  Schema.Shape.key.accepts(levels[1]) else {
                outcome.deadLetters.append((nil, "mqtt", message.topic, payload, "topic: expected zeropark/{park}/{meter} or zeropark/{park}/gateway/{id}"))
                continue
            }
            let park = levels[1]
            do {
                let parsed: ParsedReadings
                let place: String
                if levels.count == 4 {
                    parsed = try ReadingsPayload.mqttGateway(payload)
                    place = message.topic
                } else {
                    parsed = try ReadingsPayload.mqttPerMeter(payload, meter: levels[2])
                    place = message.topic
                }
                let batch = ReadingBatch(meters: parsed.meters, rows: parsed.readings.enumerated().map { index, reading in
                    ReadingBatch.Row(meter: reading.meter, ts: reading.ts, value: reading.value, position: Int32(truncatingIfNeeded: index))
                }, locator: .arrayIndex(prefix: place))
                if outcome.messages[park] == nil { order.append(park) }
                outcome.messages[park, default: []].append(Message(topic: message.topic, payload: payload, batch: batch))
            } catch {
                outcome.deadLetters.append((park, "mqtt", message.topic, payload,
                                            error.problems.prefix(5).map(\.en).joined(separator: "; ")))
            }
        }
        for park in order {
            outcome.batches.append((park, merge(outcome.messages[park] ?? [])))
        }
        return outcome
    }

    /// Every message's readings in one batch, meter keys interned across messages, arrival order kept.
    static func merge(_ messages: [Message]) -> ReadingBatch {
        var keys: [String] = []
        var index: [String: Int32] = [:]
        var rows: [ReadingBatch.Row] = []
        for (number, message) in messages.enumerated() {
            for row in message.batch.rows {
                let key = message.batch.meters[Int(row.meter)]
                let meter = index[key] ?? {
                    keys.append(key)
                    index[key] = Int32(keys.count - 1)
                    return Int32(keys.count - 1)
                }()
                rows.append(ReadingBatch.Row(meter: meter, ts: row.ts, value: row.value, position: Int32(truncatingIfNeeded: number)))
            }
        }
        return ReadingBatch(meters: keys, rows: rows, locator: .arrayIndex(prefix: "message"))
    }
}
