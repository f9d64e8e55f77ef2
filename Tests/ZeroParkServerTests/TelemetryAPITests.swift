import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer
import ZeroParkStore
import ZeroParkTelemetry

/// The telemetry API as a meter gateway and a park manager use it (issue #8 §1–2, §5, §7).
struct TelemetryAPITests {
    static let park = "/api/v1/parks/nansha-demo"
    static let json: HTTPFields = [.contentType: "application/json"]
    static let csv: HTTPFields = [.contentType: "text/csv"]

    static func meter(_ key: String, kind: String = "interval", enterprise: String? = nil) -> String {
        let owner = enterprise.map { ",\"enterprise\":\"\($0)\"" } ?? ""
        return "{\"key\":\"\(key)\",\"name\":\"表 \(key)\",\"quantity\":\"electricity_import\",\"unit\":\"kWh\",\"reading_kind\":\"\(kind)\"\(owner)}"
    }

    @Test func registerSendRepeatAndReadBack() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/meters", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(Self.meter("m1"))) { #expect($0.status == .created) }
            // Two quarter-hours of 2026-11-25 (CST): 00:00 and 00:15 = 2026-11-24T16:00Z, 16:15Z.
            let readings = "{\"readings\":[{\"meter\":\"m1\",\"ts\":\"2026-11-25T00:00:00+08:00\",\"value\":10},{\"value\":12.5,\"meter\":\"m1\",\"ts\":\"2026-11-24T16:15:00Z\"}]}"
            try await client.execute(uri: "\(Self.park)/readings", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(readings)) { response in
                #expect(response.status == .ok)
                let receipt = try #require(try response.json() as? [String: Any])
                #expect(receipt["accepted"] as? Int == 2 && receipt["repeated"] as? Int == 0)
            }
            // The same readings again, as CSV: a no-op.
            let csv = "meter,ts,value\r\nm1,2026-11-25T00:00:00+08:00,10\r\nm1,2026-11-25T00:15:00+08:00,12.5\r\n"
            try await client.execute(uri: "\(Self.park)/readings", method: .post, headers: server.auth("manager", Self.csv),
                                     body: body(csv)) { response in
                let receipt = try #require(try response.json() as? [String: Any])
                #expect(receipt["accepted"] as? Int == 0 && receipt["repeated"] as? Int == 2 && receipt["batch"] == nil)
            }
            try await server.store.cleanAll()
            try await client.execute(uri: "\(Self.park)/meters/m1/series?from=2026-11-25&resolution=slot", method: .get,
                                     headers: server.auth("manager")) { response in
                #expect(response.status == .ok)
                let series = try #require(try response.json() as? [String: Any])
                let points = try #require(series["points"] as? [[String: Any]])
                // Interval values are labelled by their start: 10 at 00:00 and 12.5 at 00:15 (CST).
                #expect(points.prefix(2).compactMap { $0["value"] as? Double } == [10, 12.5])
                #expect((points.first?["quality"] as? String) == "measured")
            }
            try await client.execute(uri: "\(Self.park)/meters/m1/readings?day=2026-11-25", method: .get,
                                     headers: server.auth("manager")) { response in
                let raw = try #require(try response.json() as? [String: Any])
                #expect((raw["readings"] as? [Any])?.count == 2)
            }
        }
    }

    @Test("a cleaner event is worded from the catalogue: English and Chinese in the API, Chinese on the Chinese meter page")
    func cleanerEventsInBothLanguages() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let meter = "{\"key\":\"ctr\",\"name\":\"关口表\",\"quantity\":\"electricity_import\",\"unit\":\"kWh\",\"reading_kind\":\"cumulative\",\"counter_modulus\":1000000}"
            try await client.execute(uri: "\(Self.park)/meters", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(meter)) { #expect($0.status == .created) }
            // A DL/T 645 counter wrapping: 999,998.99 → 999,999.99 → 0.99 (delta 1.00 across the wrap).
            let csv = "meter,ts,value\nctr,2026-11-25T00:00:00+08:00,999998.99\nctr,2026-11-25T00:15:00+08:00,999999.99\nctr,2026-11-25T00:30:00+08:00,0.99\n"
            try await client.execute(uri: "\(Self.park)/readings", method: .post, headers: server.auth("manager", Self.csv),
                                     body: body(csv)) { #expect($0.status == .ok) }
            try await server.store.cleanAll()
            try await client.execute(uri: "\(Self.park)/meters/ctr/readings?day=2026-11-25", method: .get,
                                     headers: server.auth("manager")) { response in
                let raw = try #require(try response.json() as? [String: Any])
                let event = try #require((raw["events"] as? [[String: Any]])?.first)
                #expect(event["kind"] as? String == "rollover")
                #expect(event["detail"] as? String == "counter wrapped at 1000000: 999999.99 → 0.99, delta 1")
                #expect(event["detail_zh"] as? String == "计数器在 1000000 处翻转：999999.99 → 0.99，区间增量 1")
            }
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "/parks/nansha-demo/meters/ctr?day=2026-11-25", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("计数器在 1000000 处翻转") && !response.text.contains("counter wrapped"))
            }
            try await client.execute(uri: "/parks/nansha-demo/meters/ctr?day=2026-11-25&lang=en", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains("counter wrapped at 1000000") && !response.text.contains("处翻转"))
            }
        }
    }

    @Test func refusedReadingsSayWhereAndStoreNothing() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/meters", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(Self.meter("m1"))) { #expect($0.status == .created) }
            // Syntax: a timestamp without an offset, on line 3 of a CSV file.
            let csv = "meter,ts,value\nm1,2026-11-25T00:00:00+08:00,1\nm1,2026-11-25T00:15:00,2\n"
            try await client.execute(uri: "\(Self.park)/readings?lang=en", method: .post, headers: server.auth("manager", Self.csv),
                                     body: body(csv)) { response in
                #expect(response.status == .unprocessableContent)
                let details = try #require(try response.error()["details"] as? [[String: Any]])
                #expect(details.first?["line"] as? Int == 3)
            }
            // Meaning: an unknown meter in the second element.
            let json = "{\"readings\":[{\"meter\":\"m1\",\"ts\":\"2026-11-25T00:00:00+08:00\",\"value\":1},{\"meter\":\"zz\",\"ts\":\"2026-11-25T00:00:00+08:00\",\"value\":1}]}"
            try await client.execute(uri: "\(Self.park)/readings", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(json)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "readings[1].meter")
                #expect((error["message"] as? String)?.contains("本园区没有此计量表") == true)
            }
            try await client.execute(uri: "\(Self.park)/meters/m1/readings?day=2026-11-25", method: .get,
                                     headers: server.auth("manager")) { response in
                let raw = try #require(try response.json() as? [String: Any])
                #expect((raw["readings"] as? [Any])?.isEmpty == true)
            }
            // Viewers and auditors may not send readings at all (checked before the body is read).
            try await client.execute(uri: "\(Self.park)/readings", method: .post, headers: server.auth("auditor", Self.json),
                                     body: body(json)) { #expect($0.status == .forbidden) }
        }
    }

    @Test func aTenantSeesOnlyItsOwnMeters() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            for (key, owner) in [("log-1", "logistics"), ("prop-1", "property")] {
                try await client.execute(uri: "\(Self.park)/meters", method: .post, headers: server.auth("manager", Self.json),
                                         body: body(Self.meter(key, enterprise: owner))) { #expect($0.status == .created) }
            }
            try await client.execute(uri: "\(Self.park)/meters", method: .get, headers: server.auth("logistics")) { response in
                let meters = try #require(try response.json() as? [[String: Any]])
                // The demo registers ev-chargers and logistics-sub for logistics; property-sub, prop-1 and park meters stay hidden.
                #expect(meters.compactMap { $0["key"] as? String } == ["ev-chargers", "log-1", "logistics-sub"])
            }
            try await client.execute(uri: "\(Self.park)/meters/prop-1", method: .get, headers: server.auth("logistics")) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "\(Self.park)/meters/prop-1/series", method: .get, headers: server.auth("logistics")) {
                #expect($0.status == .notFound)
            }
        }
    }
}
