import Foundation

/// What stood beside an inventory when its snapshot was saved (issue #11 item 1; STANDARD.md 1.1.9–1.1.11,
/// 1.1.33): the data quality of each metered source, the number of meters, the neutrality plan's latest
/// version and the trial year's state — recorded with the snapshot (JSON, snake_case) so that the report
/// shows them and is still re-made from the snapshot alone.
public struct SnapshotContext: Codable, Hashable, Sendable {
    /// A metered source's data over the snapshot's year.
    public struct Quality: Codable, Hashable, Sendable {
        public var source: String
        public var name: String
        public var expected: Int
        public var completeness: Double
        public var estimated_share: Double
        public var flagged: Int

        public init(source: String, name: String, expected: Int, completeness: Double, estimatedShare: Double, flagged: Int) {
            self.source = source
            self.name = name
            self.expected = expected
            self.completeness = completeness
            self.estimated_share = estimatedShare
            self.flagged = flagged
        }
    }

    /// The latest plan version.
    public struct Plan: Codable, Hashable, Sendable {
        public var version: Int
        public var base_year: Int
        public var balance_year: Int?
        public var created_at: String
        public var created_by: String
        public var reason: String

        public init(version: Int, baseYear: Int, balanceYear: Int?, createdAt: String, createdBy: String, reason: String) {
            self.version = version
            self.base_year = baseYear
            self.balance_year = balanceYear
            self.created_at = createdAt
            self.created_by = createdBy
            self.reason = reason
        }
    }

    /// The declared trial year and how it tracked its plan to date.
    public struct Trial: Codable, Hashable, Sendable {
        public var start: String
        public var end: String
        public var plan_version: Int
        public var threshold: Double
        public var months_compared: Int
        public var planned_net_to_date: Double
        public var actual_net_to_date: Double
        public var findings: Int

        public init(start: String, end: String, planVersion: Int, threshold: Double, monthsCompared: Int, plannedNetToDate: Double,
                    actualNetToDate: Double, findings: Int) {
            self.start = start
            self.end = end
            self.plan_version = planVersion
            self.threshold = threshold
            self.months_compared = monthsCompared
            self.planned_net_to_date = plannedNetToDate
            self.actual_net_to_date = actualNetToDate
            self.findings = findings
        }
    }

    public var meters: Int
    public var quality: [Quality]
    public var plan: Plan?
    public var trial: Trial?
    /// The park's data-trail (ledger) head when the snapshot was saved, and its sequence number.
    public var data_trail_head: String?
    public var data_trail_seq: Int64?

    public init(meters: Int, quality: [Quality], plan: Plan?, trial: Trial?, dataTrailHead: String? = nil, dataTrailSeq: Int64? = nil) {
        self.meters = meters
        self.quality = quality
        self.plan = plan
        self.trial = trial
        self.data_trail_head = dataTrailHead
        self.data_trail_seq = dataTrailSeq
    }

    /// Canonical JSON (sorted keys), so the same context is the same text.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    public static func decode(_ json: String?) -> SnapshotContext? {
        guard let json else { return nil }
        return try? JSONDecoder().decode(SnapshotContext.self, from: Data(json.utf8))
    }
}
