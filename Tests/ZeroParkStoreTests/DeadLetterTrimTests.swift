import Foundation
import GRDB
import Testing
@testable import ZeroParkStore

/// Dead letters are bounded per park and for topics that name no known park (issue #8 §2; hostile
/// publishers must not grow the database without end).
struct DeadLetterTrimTests {
    @Test("letters naming no park keep only the newest deadLetterLimit, like a park's")
    func parklessLettersAreTrimmed() async throws {
        let f = try await TelemetryStoreTests.fixture()
        let limit = SQLiteParkStore.deadLetterLimit
        // limit + 3 letters without a park, then 2 for the demo park: the 3 oldest park-less ones go.
        let parkless = (0..<(limit + 3)).map { i in (parkKey: String?.none, channel: "mqtt", topic: "x/\(i)", payload: [UInt8](), reason: "topic") }
        try await f.store.recordDeadLetters(parkless)
        try await f.store.recordDeadLetters([(parkKey: "nansha-demo", channel: "mqtt", topic: "zeropark/nansha-demo/m", payload: [], reason: "r"),
                                             (parkKey: "nansha-demo", channel: "mqtt", topic: "zeropark/nansha-demo/m", payload: [], reason: "r")])
        let (count, oldest, parkCount) = try await f.store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM dead_letter WHERE park_id IS NULL"),
             try String.fetchOne(db, sql: "SELECT topic FROM dead_letter WHERE park_id IS NULL ORDER BY id LIMIT 1"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM dead_letter WHERE park_id IS NOT NULL"))
        }
        #expect(count == limit)
        #expect(oldest == "x/3")
        #expect(parkCount == 2)
    }
}
