import ZeroParkTelemetry

/// The telemetry half of the store (issue #8), as a protocol beside `ParkRepository` so that a
/// PostgreSQL implementation can follow: the meter registry, the one ingest path, cleaned series
/// and quality, raw readings with revisions, dead letters and the ledger.
public protocol TelemetryRepository: Sendable {
    func meters(parkKey: String, caller: Caller) async throws -> [MeterDefinition]
    func meter(parkKey: String, key: String, caller: Caller) async throws -> MeterDefinition
    func createMeter(parkKey: String, meter: MeterDefinition, caller: Caller) async throws -> MeterDefinition
    func updateMeter(parkKey: String, key: String, meter: MeterDefinition, caller: Caller) async throws -> MeterDefinition
    func deleteMeter(parkKey: String, key: String, caller: Caller) async throws
    func ingest(parkKey: String, batch: ReadingBatch, channel: IngestChannel, actor: IngestActor, now: Int64,
                duplicates: DuplicatePolicy) async throws -> IngestReceipt
    func ingestGroup(_ items: [(parkKey: String, batch: ReadingBatch)], channel: IngestChannel, actor: String,
                     now: Int64) async throws -> [Result<IngestReceipt, ReadingBatchRefused>]
    func cleanPending(limit: Int) async throws -> Int
    func cleanAll() async throws
    func pendingCleaning() async throws -> Int
    var telemetryChanges: AsyncStream<Void> { get }
    func meterSeries(parkKey: String, meterKey: String, from: Int32, to: Int32, resolution: SeriesResolution,
                     caller: Caller, now: Int64) async throws -> MeterSeries
    /// Per metered source the caller can see: the quality of the meter months its activity of `year` comes from.
    func meteredQuality(parkKey: String, year: Int, caller: Caller) async throws -> [String: DataQuality]
    /// Several meters' series in one read (dashboards): a meter the caller cannot see is left out.
    func meterSeries(parkKey: String, meterKeys: [String], from: Int32, to: Int32, resolution: SeriesResolution,
                     caller: Caller, now: Int64) async throws -> [MeterSeries]
    func rawReadings(parkKey: String, meterKey: String, day: Int32, caller: Caller) async throws -> (readings: [StoredReading], events: [StoredMeterEvent])
    func meterTotals(parkKey: String, from: Int32, to: Int32, caller: Caller, now: Int64) async throws -> [(meter: MeterDefinition, total: Double?, quality: DataQuality, lastReading: Int64?)]
    func recordDeadLetters(_ letters: [(parkKey: String?, channel: String, topic: String, payload: [UInt8], reason: String)]) async throws
    func deadLetters(parkKey: String, caller: Caller, limit: Int) async throws -> [DeadLetter]
    func verifyLedger() async throws -> LedgerReport
    func ledgerDayHeads(parkKey: String, limit: Int) async throws -> [LedgerDayHead]
}

extension SQLiteParkStore: TelemetryRepository {}
