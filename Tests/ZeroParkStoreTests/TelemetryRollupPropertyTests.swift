import Foundation
import GRDB
import Testing
import ZeroParkCore
import ZeroParkTelemetry
@testable import ZeroParkStore

/// Issue #8 §5: whatever order readings arrive in — shuffled, in random batches, with repeats, with
/// late data arriving after the cleaner already ran — the stored day and month rollups equal the
/// sums of the cleaned values, and the cleaned values equal a one-shot cleaning of the same readings.
struct TelemetryRollupPropertyTests {
    /// SplitMix64: deterministic cases, so a failure names its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// 2026-02-27 00:00 CST: the range crosses a month end (Feb → Mar), so month rollups are exercised.
    static let start: Int64 = 1_772_121_600

    @Test(arguments: Array(UInt64(1)...UInt64(12)))
    func rollupsEqualCleanedSumsForAnyArrivalOrder(seed: UInt64) async throws {
        var random = Generator(state: seed)
        let f = try await TelemetryStoreTests.fixture()
        let db = try DatabaseQueue(path: f.path)
        // A counter (main, multiplier 80, modulus 1e6) and an interval meter (logistics-1) over four days,
        // with a few readings left out (gaps) and a rollover near the end for odd seeds.
        var counter = seed % 2 == 1 ? 999_900.0 : 1_000.0
        var readings: [(String, Int64, Double)] = []
        for slot in 0..<(4 * 96) {
            let ts = Self.start + Int64(slot) * 900
            let skip = Int.random(in: 0..<20, using: &random) == 0
            if !skip { readings.append(("main", ts, counter)) }
            counter += Double.random(in: 0.5...1.5, using: &random)
            if counter >= 1_000_000 { counter -= 1_000_000 }
            if Int.random(in: 0..<15, using: &random) != 0 {
                readings.append(("logistics-1", ts, Double(Int.random(in: 50...150, using: &random))))
            }
        }
        // Arrival: shuffled, cut into random batches, some repeated, the cleaner running in between.
        var arrival = readings.shuffled(using: &random)
        arrival += arrival.prefix(Int.random(in: 0...40, using: &random))  // repeats
        var index = 0
        while index < arrival.count {
            let size = Int.random(in: 1...120, using: &random)
            let chunk = Array(arrival[index..<min(index + size, arrival.count)])
            // One batch holds each (meter, ts) once: a repeat inside a batch would be refused as a conflict only if it differed.
            _ = try await f.store.ingest(parkKey: "nansha-demo", batch: TelemetryStoreTests.batch(chunk), channel: .httpJSON,
                                         actor: .user(f.manager), now: Self.start + 30 * 86_400)
            if Bool.random(using: &random) { try await f.store.cleanPending(limit: 1) }
            index += size
        }
        try await f.store.cleanAll()

        for (meterKey, kind, multiplier, modulus) in [("main", ReadingKind.cumulative, 80.0, 1_000_000.0 as Double?),
                                                       ("logistics-1", .interval, 1.0, nil)] {
            let meterID = try #require(try await db.read { try Int64.fetchOne($0, sql: "SELECT id FROM meter WHERE key = ?", arguments: [meterKey]) })
            let days = try await db.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM meter_day WHERE meter_id = ? ORDER BY day", arguments: [meterID])
            }
            // (1) Each stored day's total is the sum of its stored cleaned values.
            var byMonth: [Int32: Double] = [:]
            for row in days {
                let day = try #require(SQLiteParkStore.meterDay(row))
                let sum = day.values.filter { !$0.isNaN }.reduce(0, +)
                #expect(abs((row["total"] as Double) - sum) <= 1e-9 * max(1, abs(sum)), "seed \(seed) \(meterKey) day \(day.day)")
                byMonth[CSTDays.monthKey(day.day), default: 0] += sum
            }
            // (2) Each month rollup equals the sum of its days' cleaned values.
            let months = try await db.read { db in
                try Row.fetchAll(db, sql: "SELECT month, total FROM meter_month WHERE meter_id = ?", arguments: [meterID])
            }
            #expect(Set(months.map { $0["month"] as Int32 }) == Set(byMonth.keys), "seed \(seed) \(meterKey)")
            for row in months {
                let expected = byMonth[row["month"] as Int32] ?? .nan
                #expect(abs((row["total"] as Double) - expected) <= 1e-9 * max(1, abs(expected)), "seed \(seed) \(meterKey)")
            }
            // (3) The stored cleaned days equal a one-shot cleaning of the final readings, in order.
            let spec = MeterSpec(key: meterKey, quantity: .electricityImport, readingKind: kind, multiplier: multiplier, counterModulus: modulus)
            let raw = readings.filter { $0.0 == meterKey }.map { RawReading(ts: $0.1, value: $0.2) }.sorted { $0.ts < $1.ts }
            let stored = days.compactMap(SQLiteParkStore.meterDay)
            if let first = stored.first?.day, let last = stored.last?.day {
                let direct = MeterCleaner.clean(spec, readings: raw, days: first...last, profile: nil)
                for day in stored {
                    let expected = try #require(direct.days.first { $0.day == day.day })
                    // The stored pass may have had a profile from earlier days; compare measured slots exactly.
                    for slot in day.values.indices where day.quality[slot] == .measured {
                        #expect(abs(day.values[slot] - expected.values[slot]) <= 1e-9 * max(1, abs(expected.values[slot])),
                                "seed \(seed) \(meterKey) day \(day.day) slot \(slot)")
                    }
                }
            }
        }
    }
}
