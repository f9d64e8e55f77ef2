import Foundation
import Testing
import ZeroParkTelemetry
@testable import ZeroParkStore

/// The ingest path inserts 64 rows per statement; a group with anything but new rows falls back to
/// row-by-row decisions. New, repeated and revised rows, and a key repeated across a group boundary,
/// must be counted exactly as sending each row on its own would count them.
struct GroupInsertTests {
    @Test("a 300-row batch mixing new rows, repeats, revisions and in-batch duplicates is counted exactly")
    func mixedBatch() async throws {
        let f = try await TelemetryStoreTests.fixture()
        let t0 = TelemetryStoreTests.dayStart - 86_400 * 10
        func ts(_ k: Int) -> Int64 { t0 + Int64(k) * 900 }
        // First 100 readings: slots 0–99, value k.
        _ = try await f.store.ingest(parkKey: "nansha-demo", batch: TelemetryStoreTests.batch((0..<100).map { ("logistics-1", ts($0), Double($0)) }),
                                     channel: .httpJSON, actor: .user(f.manager), now: TelemetryStoreTests.now)
        // Then 300 rows: slots 0–49 again with the same values (50 repeats), slots 50–69 with new values (20 revisions),
        // slots 100–328 new (229 new), and slot 157 sent twice with the same value (the second a repeat). Sorted by
        // time: positions 0–69 are slots 0–69, slot s ≥ 100 is at 70 + (s − 100), so slot 157's pair sits at 127 and
        // 128, across the boundary of the second and third 64-row groups. Group 1 (0–63) inserts nothing, groups 2
        // and 3 mix new and old rows (the row-by-row fallback), group 4 (192–255) is all new, 256–299 go one by one.
        var rows: [(String, Int64, Double)] = []
        rows += (0..<50).map { ("logistics-1", ts($0), Double($0)) }
        rows += (50..<70).map { ("logistics-1", ts($0), Double($0) + 0.5) }
        rows += (100..<329).map { ("logistics-1", ts($0), Double($0)) }
        rows.append(("logistics-1", ts(157), 157))
        #expect(rows.count == 300)
        let receipt = try await f.store.ingest(parkKey: "nansha-demo", batch: TelemetryStoreTests.batch(rows), channel: .httpJSON,
                                               actor: .user(f.manager), now: TelemetryStoreTests.now)
        // 229 new; 50 + 1 repeats; 20 revisions: 229 + 51 + 20 = 300.
        #expect(receipt.accepted == 229)
        #expect(receipt.repeated == 51)
        #expect(receipt.revised == 20)
        // Sending the same 300 again: every row now equals the value in force (revisions included): 300 repeats.
        let again = try await f.store.ingest(parkKey: "nansha-demo", batch: TelemetryStoreTests.batch(rows), channel: .httpJSON,
                                             actor: .user(f.manager), now: TelemetryStoreTests.now)
        #expect(again.accepted == 0 && again.repeated == 300 && again.revised == 0 && again.batch == nil)
        #expect(try await f.store.verifyLedger().isIntact)
    }
}
