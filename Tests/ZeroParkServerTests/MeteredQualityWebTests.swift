import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import ZeroParkServer
import ZeroParkStore

/// Data quality rolled up into the overview (issue #8 §7, STANDARD.md 1.1.33): a metered source shows
/// its measured share, and a total resting on less than 90 % measured data says so beside the figure.
struct MeteredQualityWebTests {
    static let api = "/api/v1/parks/nansha-demo"

    /// Interval readings of `grid-m` on 2025-03-`day` (CST) at the given quarter-hour slots, 100 kWh each.
    static func readings(day: Int, slots: [Int]) -> String {
        "{\"readings\":[" + slots.map { slot in
            String(format: "{\"meter\":\"grid-m\",\"ts\":\"2025-03-%02dT%02d:%02d:00+08:00\",\"value\":100}", day, slot / 4, slot % 4 * 15)
        }.joined(separator: ",") + "]}"
    }

    @Test("a fully measured day shows measured 100 %; a day with a 20-hour estimated gap puts a note beside the emissions")
    func overviewShowsQuality() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let json = server.auth("manager", [.contentType: "application/json"])
            let meter = #"{"key":"grid-m","name":"关口表","quantity":"electricity_import","unit":"kWh","reading_kind":"interval","feeds":"grid-electricity"}"#
            try await client.execute(uri: "\(Self.api)/meters", method: .post, headers: json, body: ZeroParkServerTests.body(meter)) {
                #expect($0.status == .created)
            }
            // 2025-03-10: all 96 quarter-hours measured.
            try await client.execute(uri: "\(Self.api)/readings", method: .post, headers: json,
                                     body: ZeroParkServerTests.body(Self.readings(day: 10, slots: Array(0..<96)))) { #expect($0.status == .ok) }
            try await server.store.cleanAll()
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let full = try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: [.cookie: cookie]) { $0.text }
            #expect(full.contains("实测 100"))
            #expect(!full.contains("id=\"quality-note\""))
            // 2025-03-11: slots 0–9 and 90–95 measured (16 of 96); the 80 between are estimated from the profile.
            // March then holds 96 + 16 = 112 measured of 192 expected = 58.3 %, below 90 %.
            try await client.execute(uri: "\(Self.api)/readings", method: .post, headers: json,
                                     body: ZeroParkServerTests.body(Self.readings(day: 11, slots: Array(0..<10) + Array(90..<96)))) {
                #expect($0.status == .ok)
            }
            try await server.store.cleanAll()
            let admin = try #require(try await server.store.caller(userID: 1))
            let quality = try #require(try await server.store.meteredQuality(parkKey: "nansha-demo", year: 2025, caller: admin)["grid-electricity"])
            #expect(quality.expected == 192 && quality.measured == 112 && quality.belowThreshold)
            let weak = try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: [.cookie: cookie]) { $0.text }
            #expect(weak.contains("id=\"quality-note\""))
            #expect(weak.contains("基于实测率低于 90% 的计量数据"))
            #expect(weak.contains("外购电网电力：计量数据实测率") && weak.contains("1.1.33"))
            // A tenant does not see the park's grid meter's quality (the source is not its enterprise's).
            let tenant = try #require(try await server.store.caller(userID: 3))
            #expect(try await server.store.meteredQuality(parkKey: "nansha-demo", year: 2025, caller: tenant).isEmpty)
        }
    }
}
