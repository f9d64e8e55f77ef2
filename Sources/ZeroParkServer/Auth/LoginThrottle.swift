import Foundation

/// Slows password guessing: after `limit` failed logins for one username within `window`, further
/// attempts for it are refused (429) until the window has passed. In memory, per server process.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 10, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    func isBlocked(_ username: String, now: Date = Date()) -> Bool {
        prune(username, now: now)
        return (failures[username]?.count ?? 0) >= limit
    }

    func recordFailure(_ username: String, now: Date = Date()) {
        prune(username, now: now)
        failures[username, default: []].append(now)
    }

    func recordSuccess(_ username: String) {
        failures[username] = nil
    }

    private func prune(_ username: String, now: Date) {
        guard let times = failures[username] else { return }
        let kept = times.filter { now.timeIntervalSince($0) < window }
        failures[username] = kept.isEmpty ? nil : kept
    }
}
