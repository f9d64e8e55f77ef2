import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ServiceLifecycle
import ZeroParkStore

/// Evaluates the alert rules beside the server (issue #8 §8) and delivers opened and resolved alerts
/// to each park's webhook.
///
/// - Runs after every drain of the telemetry cleaner that changed cleaned data (it listens to the
///   cleaner's `LiveUpdates` ticks) and on a timer (every 60 s), which is what notices meters going offline.
/// - Evaluations never overlap: a request that arrives during one runs once more after it.
/// - Deliveries happen here, outside any database transaction and never on the ingest path; each is a
///   JSON POST with a 5 s timeout, recorded as an alert event `webhook` with the HTTP status or the error.
///   No answer, 429 or 5xx is tried again after 2 s and 10 s (`retryDelays`); the last outcome is recorded.
///   A park without a webhook has nothing to deliver.
///
/// The HTTP client is Foundation's `URLSession` (FoundationNetworking on Linux, which uses libcurl), as
/// the package declares no HTTP client and NIO alone has no TLS for https webhooks.
public actor AlertService: Service {
    let store: any AlertRepository
    let live: LiveUpdates?
    let logger: Logger
    let interval: Duration
    let client: WebhookClient
    /// Waits before the second and third attempt of a delivery that got no answer, 429 or 5xx.
    let retryDelays: [Duration]
    let clock: @Sendable () -> Int64
    private var running = false
    private var again = false

    public init(store: any AlertRepository, live: LiveUpdates?, logger: Logger, interval: Duration = .seconds(60),
                timeout: TimeInterval = 5, retryDelays: [Duration] = [.seconds(2), .seconds(10)],
                clock: @escaping @Sendable () -> Int64 = { ReportClock.nowSeconds() }) {
        self.retryDelays = retryDelays
        self.store = store
        self.live = live
        self.logger = logger
        self.interval = interval
        self.client = WebhookClient(timeout: timeout)
        self.clock = clock
    }

    public func run() async throws {
        let subscription = await live?.subscribe()
        let interval = self.interval
        try? await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        await self.evaluate()
                        try? await Task.sleep(for: interval)
                    }
                }
                if let stream = subscription?.stream {
                    group.addTask {
                        for await _ in stream { await self.evaluate() }
                    }
                }
            }
        }
        if let subscription { await live?.unsubscribe(subscription.id) }
    }

    /// Evaluates every enabled rule now and delivers what is pending; returns what the first round did
    /// (nil when another evaluation was running, which will run once more, or when it failed).
    @discardableResult
    public func evaluate() async -> AlertEvaluation? {
        if running {
            again = true
            return nil
        }
        running = true
        defer { running = false }
        var first: AlertEvaluation?
        repeat {
            again = false
            let result = await evaluateOnce(now: clock())
            if first == nil { first = result }
        } while again
        return first
    }

    func evaluateOnce(now: Int64) async -> AlertEvaluation? {
        var result: AlertEvaluation?
        do {
            result = try await store.evaluateAlerts(now: now)
            if let result, !(result.opened.isEmpty && result.resolved.isEmpty) {
                logger.info("alerts evaluated", metadata: ["opened": "\(result.opened.count)", "resolved": "\(result.resolved.count)"])
            }
        } catch {
            logger.error("alert evaluation failed", metadata: ["error": "\(error)"])
        }
        await deliverPending()
        return result
    }

    /// Delivers every pending opened/resolved event to its park's webhook, eight at a time.
    func deliverPending() async {
        while true {
            let pending: [AlertDelivery]
            do { pending = try await store.pendingAlertDeliveries(limit: 8) } catch {
                logger.error("reading pending alert deliveries failed", metadata: ["error": "\(error)"])
                return
            }
            if pending.isEmpty { return }
            let outcomes = await withTaskGroup(of: (AlertDelivery, Int?, String?).self) { group in
                for delivery in pending {
                    group.addTask { [client, retryDelays] in
                        let (status, error) = await client.postRetrying(delivery.url, json: AlertWebhookPayload.json(delivery),
                                                                        delays: retryDelays)
                        return (delivery, status, error)
                    }
                }
                var all: [(AlertDelivery, Int?, String?)] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            for (delivery, status, error) in outcomes {
                if let error { logger.warning("alert webhook failed", metadata: ["park": "\(delivery.parkKey)", "error": "\(error)"]) }
                do { try await store.recordAlertDelivery(delivery, status: status, error: error, now: clock()) } catch {
                    logger.error("recording an alert delivery failed", metadata: ["error": "\(error)"])
                    return
                }
            }
        }
    }
}

/// The JSON POSTed to a park's webhook: the event, the alert with its rule and evidence in words
/// (Chinese and English), and a plain `text` line for chat-robot webhooks.
enum AlertWebhookPayload {
    struct Body: Encodable {
        var event: String
        var at: String
        var actor: String
        var note: String?
        var park: String
        var text: String
        var alert: AlertModels.AlertView
        var ruleZh: String
        var ruleEn: String
        var observedZh: String
        var observedEn: String
    }

    static func json(_ delivery: AlertDelivery) -> Data {
        let alert = delivery.alert
        let ruleZh = AlertText.rule(alert.rule, unit: alert.meter.unit, intervalMinutes: alert.meter.intervalMinutes, chinese: true)
        let observedZh = AlertText.observed(alert, chinese: true)
        let verb = delivery.event.action == "resolved" ? "告警解决" : "告警触发"
        let body = Body(event: delivery.event.action, at: delivery.event.at, actor: delivery.event.actor, note: delivery.event.note,
                        park: delivery.parkKey, text: "[\(delivery.parkKey)] \(verb) #\(alert.id) \(alert.meter.name)（\(alert.meter.key)）：\(ruleZh)；\(observedZh)",
                        alert: AlertModels.AlertView(alert, chinese: true), ruleZh: ruleZh,
                        ruleEn: AlertText.rule(alert.rule, unit: alert.meter.unit, intervalMinutes: alert.meter.intervalMinutes, chinese: false),
                        observedZh: observedZh, observedEn: AlertText.observed(alert, chinese: false))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(body)) ?? Data("{}".utf8)
    }
}

/// A JSON POST with a timeout, by `URLSession`; answers the HTTP status or why there is none.
struct WebhookClient: Sendable {
    let timeout: TimeInterval

    /// Whether another attempt may succeed: no answer (network, timeout) or 429 / 5xx. A bad URL or a
    /// 4xx answer will not change by trying again.
    static func retryable(status: Int?, error: String?) -> Bool {
        if let status { return status == 429 || (500...599).contains(status) }
        return error != invalidURL
    }

    static let invalidURL = "invalid webhook URL"

    /// `post`, tried again after each of `delays` while the outcome is retryable; the error says how
    /// many attempts were made.
    func postRetrying(_ url: String, json: Data, delays: [Duration]) async -> (status: Int?, error: String?) {
        var outcome = await post(url, json: json)
        var attempts = 1
        for delay in delays where Self.retryable(status: outcome.status, error: outcome.error) {
            try? await Task.sleep(for: delay)
            outcome = await post(url, json: json)
            attempts += 1
        }
        guard attempts > 1, Self.retryable(status: outcome.status, error: outcome.error) else { return outcome }
        return (outcome.status, "\(outcome.error ?? "HTTP \(outcome.status ?? 0)") (\(attempts) attempts)")
    }

    func post(_ url: String, json: Data) async -> (status: Int?, error: String?) {
        guard let target = URL(string: url), let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return (nil, Self.invalidURL)
        }
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("ZeroPark-Alerts/1", forHTTPHeaderField: "User-Agent")
        request.httpBody = json
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { _, response, error in
                if let error {
                    continuation.resume(returning: (nil, error.localizedDescription))
                } else if let http = response as? HTTPURLResponse {
                    continuation.resume(returning: (http.statusCode, nil))
                } else {
                    continuation.resume(returning: (nil, "no HTTP response"))
                }
            }
            task.resume()
        }
    }
}
