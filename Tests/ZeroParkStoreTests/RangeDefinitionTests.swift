import Foundation
import Testing
import ZeroParkCore
import ZeroParkTelemetry
@testable import ZeroParkStore

/// An inventory for a date range (issue #8 §6): each month of the range from the source's meters where
/// they have data that month, else its typed month or year pro-rated by days; worked examples by hand.
struct RangeDefinitionTests {
    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    /// The source's activity per calendar month of the range (the range keeps it monthly, so that each
    /// year's months take that year's factors).
    func activity(_ range: RangeDefinition, _ key: String) -> [Double]? {
        guard let source = range.definition.sources.first(where: { $0.id == key }), case let .monthly(values) = source.activity.values else { return nil }
        return values
    }

    @Test("typed months and a typed year are pro-rated by the days of the range")
    func typedProRated() async throws {
        let f = try await TelemetryStoreTests.fixture()
        let range = try await f.store.definition(parkKey: "nansha-demo", from: try Self.date("2025-03-16"), to: try Self.date("2025-04-15"),
                                                 caller: f.admin)
        // grid-electricity, typed monthly (MWh): March 3,950 × 16/31 + April 4,020 × 15/30 = 2,038.709677… + 2,010 = 4,048.709677…
        let grid = try #require(activity(range, "grid-electricity"))
        #expect(grid.count == 2 && abs(grid[0] - 3_950.0 * 16 / 31) < 1e-9 && abs(grid[1] - 4_020.0 * 15 / 30) < 1e-9)
        // boiler-gas, typed annual 152.5 (10^4 Nm3) for 2025: × 16/365 in March, × 15/365 in April (31/365 in all).
        let gas = try #require(activity(range, "boiler-gas"))
        #expect(gas.count == 2 && abs(gas[0] - 152.5 * 16 / 365) < 1e-9 && abs(gas[1] - 152.5 * 15 / 365) < 1e-9)
        #expect(range.basis["grid-electricity"] == "metered 0 d, typed 31 d of 31 d")
        #expect(range.definition.period.days == 31 && range.definition.offsets.isEmpty && range.definition.certificates.isEmpty)
    }

    @Test("a month with meter data takes the meters' cleaned days in the range instead of its typed value")
    func meteredMonth() async throws {
        let f = try await TelemetryStoreTests.fixture()
        _ = try await f.store.createMeter(parkKey: "nansha-demo", meter: MeterDefinition(
            key: "grid-m", name: "关口表", quantity: .electricityImport, unit: "kWh", readingKind: .interval, feeds: "grid-electricity"),
            caller: f.admin)
        // 2025-03-20 (CST) 00:00 = 1,742,400,000 s; 96 quarter-hours of 100 kWh = 9,600 kWh = 9.6 MWh that day.
        let start: Int64 = 1_742_400_000
        let rows = (0..<96).map { ("grid-m", start + Int64($0) * 900, 100.0) }
        _ = try await f.store.ingest(parkKey: "nansha-demo", batch: TelemetryStoreTests.batch(rows), channel: .httpJSON,
                                     actor: .user(f.admin), now: start + 86_400 * 400)
        try await f.store.cleanAll()
        let range = try await f.store.definition(parkKey: "nansha-demo", from: try Self.date("2025-03-16"), to: try Self.date("2025-04-15"),
                                                 caller: f.admin)
        // March now comes from the meter: 9.6 MWh (its only day); April stays typed: 4,020 × 15/30 = 2,010. Sum 2,019.6.
        let grid = try #require(activity(range, "grid-electricity"))
        #expect(grid.count == 2 && abs(grid[0] - 9.6) < 1e-9 && abs(grid[1] - 2_010) < 1e-9)
        #expect(range.basis["grid-electricity"] == "metered 16 d, typed 15 d of 31 d")
        #expect(range.definition.sources.first { $0.id == "grid-electricity" }?.dataSource?.hasPrefix("计量表 meters: grid-m") == true)
    }

    @Test("a range is at most 366 days and from is not after to")
    func bounds() async throws {
        let f = try await TelemetryStoreTests.fixture()
        await #expect(throws: StoreError.invalid(field: "to", message: "范围至多 366 天，实际 367 天 / a range covers at most 366 days, got 367")) {
            _ = try await f.store.definition(parkKey: "nansha-demo", from: try Self.date("2025-01-01"), to: try Self.date("2026-01-02"), caller: f.admin)
        }
        await #expect(throws: StoreError.invalid(field: "from", message: "不能晚于结束日期 / must not be after to")) {
            _ = try await f.store.definition(parkKey: "nansha-demo", from: try Self.date("2025-02-01"), to: try Self.date("2025-01-31"), caller: f.admin)
        }
    }
}
