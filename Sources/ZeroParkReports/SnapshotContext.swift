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
        /// The version's yearly path (absent in snapshots saved before it was recorded).
        public var years: [PlanYear]?

        public init(version: Int, baseYear: Int, balanceYear: Int?, createdAt: String, createdBy: String, reason: String, years: [PlanYear]? = nil) {
            self.version = version
            self.base_year = baseYear
            self.balance_year = balanceYear
            self.created_at = createdAt
            self.created_by = createdBy
            self.reason = reason
            self.years = years
        }
    }

    /// One year of a plan's pathway: emissions after the measures, sinks and offsets bought (tCO2).
    public struct PlanYear: Codable, Hashable, Sendable {
        public var year: Int
        public var emissions: Double
        public var sinks: Double
        public var offsets: Double

        public init(year: Int, emissions: Double, sinks: Double, offsets: Double) {
            self.year = year
            self.emissions = emissions
            self.sinks = sinks
            self.offsets = offsets
        }
    }

    /// One month of the trial year: the plan's net emissions and the actual (nil while no data, tCO2).
    public struct TrialMonth: Codable, Hashable, Sendable {
        public var month: String
        public var planned_net: Double
        public var actual_net: Double?
        /// The month had data for only part of its days or sources.
        public var partial: Bool

        public init(month: String, plannedNet: Double, actualNet: Double?, partial: Bool) {
            self.month = month
            self.planned_net = plannedNet
            self.actual_net = actualNet
            self.partial = partial
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
        /// Month by month (absent in snapshots saved before it was recorded).
        public var months: [TrialMonth]?

        public init(start: String, end: String, planVersion: Int, threshold: Double, monthsCompared: Int, plannedNetToDate: Double,
                    actualNetToDate: Double, findings: Int, months: [TrialMonth]? = nil) {
            self.months = months
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
