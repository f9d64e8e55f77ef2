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
    private var order: [Key] = []
    let capacity: Int

    init(capacity: Int = 64) { self.capacity = capacity }

    func figures(_ key: Key) -> Entry? { entries[key] }

    func store(_ entry: Entry, for key: Key) {
        if entries.updateValue(entry, forKey: key) == nil { order.append(key) }
        while order.count > capacity { entries.removeValue(forKey: order.removeFirst()) }
    }
}
