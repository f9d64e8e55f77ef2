import Foundation

/// A batch of meter readings as it arrives, before it is checked against the park's meter registry
/// (issue #8 §2; STANDARD.md 1.1.8, 1.1.29). Every ingestion path — HTTP JSON or CSV, CSV/XLSX file,
/// MQTT per-meter or gateway topic, the simulator — builds one of these, and one store path accepts
/// or refuses it whole.
///
/// Meter keys are interned: `meters` holds each key once and every row names its meter by index,
/// so a batch of 200,000 readings over 1,000 meters carries 1,000 strings.
public struct ReadingBatch: Sendable {
    /// How the rows of this batch are located in what the sender sent, for error messages.
    public enum Locator: Sendable, Equatable {
        /// Array elements: `readings[17]` (JSON bodies, MQTT gateway payloads).
        case arrayIndex(prefix: String)
        /// Lines of a text file, 1-based (CSV); each row carries its line.
        case line
        /// Rows of a worksheet, 1-based (XLSX); each row carries its row number.
        case sheetRow(sheet: String)
    }

    /// One reading: its meter (index into `meters`), timestamp (Unix seconds), value, and where it was
    /// in the input (array index, line or worksheet row).
    public struct Row: Sendable, Equatable {
        public var meter: Int32
        public var ts: Int64
        public var value: Double
        public var position: Int32
        public init(meter: Int32, ts: Int64, value: Double, position: Int32) {
            self.meter = meter
            self.ts = ts
            self.value = value
            self.position = position
        }
    }

    public var meters: [String]
    public var rows: [Row]
    public var locator: Locator

    public init(meters: [String], rows: [Row], locator: Locator) {
        self.meters = meters
        self.rows = rows
        self.locator = locator
    }

    /// Where a row came from, in words: `readings[17]`, `line 18`, `Sheet1 row 18`.
    public func place(of row: Row) -> String {
        switch locator {
        case let .arrayIndex(prefix): return "\(prefix)[\(row.position)]"
        case .line: return "line \(row.position)"
        case let .sheetRow(sheet): return "\(sheet) row \(row.position)"
        }
    }
}

/// One reason a reading was refused, with where it was and the field at fault.
public struct ReadingProblem: Sendable, Equatable, Codable {
    /// Where: `readings[17]`, `line 18`, `Sheet1 row 18`, or a topic for MQTT.
    public var place: String
    public var meter: String
    /// `meter`, `ts` or `value`.
    public var field: String
    /// What is wrong, in English (the catalogue renders the Chinese from `code` and the numbers).
    public var message: String
    /// A stable code for the string catalogue: unknown_meter, future_ts, not_on_grid, negative_counter,
    /// value_range, conflicting_duplicate, too_many.
    public var code: String

    public init(place: String, meter: String, field: String, message: String, code: String) {
        self.place = place
        self.meter = meter
        self.field = field
        self.message = message
        self.code = code
    }

    public var description: String { "\(place).\(field) (\(meter)): \(message)" }
}

/// A refused batch: nothing of it was stored. Carries up to `ReadingBatchRules.maximumProblems`
/// problems in input order.
public struct ReadingBatchRefused: Error, Sendable, Equatable {
    public var problems: [ReadingProblem]
    public var truncated: Bool
    public init(problems: [ReadingProblem], truncated: Bool) {
        self.problems = problems
        self.truncated = truncated
    }
}

/// The checks every accepted reading passes, whatever channel it came through (the documented
/// ranges of docs/telemetry.md §2).
public enum ReadingBatchRules {
    /// Readings further in the future than this (seconds past the server's clock) are refused.
    public static let futureTolerance: Int64 = 3_600
    /// |value| must not exceed this (raw units, before the multiplier).
    public static let valueLimit: Double = 1e12
    /// Problems listed when a batch is refused.
    public static let maximumProblems = 100
    /// Readings in one batch (HTTP body, MQTT message, one commit of a file import).
    public static let maximumRows = 200_000
}
