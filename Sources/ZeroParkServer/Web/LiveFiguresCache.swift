/// The live dashboard's figures for a park, kept per data version (issue #8 §10, STANDARD.md 1.1.8,
/// 1.1.31): every viewer and Server-Sent-Events stream of a park reads one computation until the data
/// or the 5-minute clock bucket changes. Bounded: the oldest entries go first.
actor LiveFiguresCache {
    struct Key: Hashable, Sendable {
        let park: String
        /// The tenant's enterprise, or nil for a whole-park view.
        let enterprise: String?
        let version: Int64
        let language: String
        let bucket: Int64
    }

    /// Figures are immutable once stored (they hold template values, which are not `Sendable`).
    final class Entry: @unchecked Sendable {
        let figures: TelemetryPages.LiveFigures
        init(figures: TelemetryPages.LiveFigures) { self.figures = figures }
    }

    private var entries: [Key: Entry] = [:]
    /// The live page's rendered body for the same key: with 500 meters its tables and charts cost
    /// more than the figures (issue #8, bench-server), and every viewer of the key sees the same body.
    private var bodies: [Key: String] = [:]
    private var order: [Key] = []
    let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    func figures(_ key: Key) -> Entry? { entries[key] }

    func store(_ entry: Entry, for key: Key) {
        if entries.updateValue(entry, forKey: key) == nil { order.append(key) }
        while order.count > capacity {
            let oldest = order.removeFirst()
            entries.removeValue(forKey: oldest)
            bodies.removeValue(forKey: oldest)
        }
    }

    func body(_ key: Key) -> String? { bodies[key] }

    /// Keeps a body only beside its figures (so it is evicted with them).
    func store(body: String, for key: Key) {
        guard entries[key] != nil else { return }
        bodies[key] = body
    }
}
