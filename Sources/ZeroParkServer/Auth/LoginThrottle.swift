import Foundation

/// Slows password guessing without locking the rightful user out (OWASP Authentication Cheat
/// Sheet: throttle, don't lock; README "Login throttling"). Failures are counted per (username,
/// client address) and per client address: after `freeFailures` failures of a pair, each next try
/// from that pair must wait a delay that doubles with every further failure (1 s, 2 s, 4 s … at
/// most `maxDelay`); an address that fails `addressFreeFailures` times across any usernames
/// (spraying) is delayed the same way. A guesser elsewhere never delays the user's own address; a
/// success clears the pair. Counts expire `window` after the last failure. In memory, per process,
/// with a bounded number of tracked keys.
actor LoginThrottle {
    struct Policy: Sendable {
        var freeFailures = 5
        var addressFreeFailures = 30
        var maxDelay: TimeInterval = 15 * 60
        var window: TimeInterval = 60 * 60
        var maxTrackedKeys = 100_000
    }

    private struct Record {
        var failures: Int
        var last: Date
    }

    let policy: Policy
    private var pairs: [String: Record] = [:]
    private var addresses: [String: Record] = [:]

    init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Seconds the caller must still wait before this username may be tried from this address, or nil.
    func wait(username: String, address: String?, now: Date = Date()) -> TimeInterval? {
        let address = address ?? "unknown"
        let pairWait = remaining(pairs[Self.pair(username, address)], free: policy.freeFailures, now: now)
        let addressWait = remaining(addresses[address], free: policy.addressFreeFailures, now: now)
        let wait = max(pairWait ?? 0, addressWait ?? 0)
        return wait > 0 ? wait : nil
    }

    func recordFailure(username: String, address: String?, now: Date = Date()) {
        let address = address ?? "unknown"
        bump(&pairs, Self.pair(username, address), now: now)
        bump(&addresses, address, now: now)
    }

    func recordSuccess(username: String, address: String?) {
        pairs[Self.pair(username, address ?? "unknown")] = nil
    }

    /// The delay owed after `record`'s failures: 0 up to `free`, then 1 s doubling to `maxDelay`.
    func delay(failures: Int, free: Int) -> TimeInterval {
        guard failures >= free else { return 0 }
        let exponent = min(failures - free, 30)
        return min(pow(2, Double(exponent)), policy.maxDelay)
    }

    private func remaining(_ record: Record?, free: Int, now: Date) -> TimeInterval? {
        guard let record, now.timeIntervalSince(record.last) < policy.window else { return nil }
        let left = delay(failures: record.failures, free: free) - now.timeIntervalSince(record.last)
        return left > 0 ? left : nil
    }

    private func bump(_ table: inout [String: Record], _ key: String, now: Date) {
        var record = table[key] ?? Record(failures: 0, last: now)
        if now.timeIntervalSince(record.last) >= policy.window { record.failures = 0 }
        record.failures += 1
        record.last = now
        table[key] = record
        if table.count > policy.maxTrackedKeys {
            // Forget the records that have expired, then (if still too many) the oldest.
            table = table.filter { now.timeIntervalSince($0.value.last) < policy.window }
            if table.count > policy.maxTrackedKeys {
                let excess = table.count - policy.maxTrackedKeys * 9 / 10
                for (key, _) in table.sorted(by: { $0.value.last < $1.value.last }).prefix(excess) { table[key] = nil }
            }
        }
    }

    /// How many (user, address) pairs are tracked (bounded by `maxTrackedKeys`).
    var trackedKeys: Int { pairs.count }

    private static func pair(_ username: String, _ address: String) -> String { "\(address)\u{1F}\(username)" }
}
