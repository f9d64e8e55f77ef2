import Logging
import ServiceLifecycle
import ZeroParkStore

/// Runs the cleaner beside the server (issue #8 §4–5): wakes on every committed batch, folds dirty
/// raw ranges into the cleaned series and rollups, then tells live pages that data changed. Work
/// is durable (the dirty table is written in the ingest transaction), so a restart resumes it.
public struct TelemetryCleanerService: Service {
    let store: any TelemetryRepository
    let live: LiveUpdates
    let logger: Logger

    public init(store: any TelemetryRepository, live: LiveUpdates, logger: Logger) {
        self.store = store
        self.live = live
        self.logger = logger
    }

    public func run() async throws {
        await drain()
        for await _ in store.telemetryChanges.cancelOnGracefulShutdown() {
            await drain()
        }
        // Shutting down: end every live stream, so the HTTP server's graceful shutdown is not held
        // open by Server-Sent Events connections.
        await live.finishAll()
    }

    func drain() async {
        do {
            var cleaned = 0
            while true {
                let count = try await store.cleanPending(limit: 32)
                if count == 0 { break }
                cleaned += count
            }
            if cleaned > 0 { await live.publish() }
        } catch {
            logger.error("telemetry cleaner failed", metadata: ["error": "\(error)"])
        }
    }
}

/// Tells open live pages (Server-Sent Events) that cleaned data changed; each subscriber gets a
/// coalesced tick, never a backlog.
public actor LiveUpdates {
    private var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
    private var next = 0

    public init() {}

    private var finished = false

    public func subscribe() -> (id: Int, stream: AsyncStream<Void>) {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        next += 1
        if finished { continuation.finish() } else { subscribers[next] = continuation }
        return (next, stream)
    }

    /// Ends every stream, now and for later subscribers (graceful shutdown).
    public func finishAll() {
        finished = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    public func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    public func publish() {
        for continuation in subscribers.values { continuation.yield() }
    }

    public var count: Int { subscribers.count }
}
