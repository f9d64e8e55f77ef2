import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer
import ZeroParkStore

/// `POST /api/v1/parks/{park}/dispatch` and the `/parks/{park}/dispatch` page (issue #9 item 3): roles
/// (managers and admins run it; tenants 403; other parks 404), a bad body's 422 naming the field, series
/// from the park's meters, and the page with its chart.
struct DispatchAPITests {
    static let park = "/api/v1/parks/nansha-demo"
    static let json: HTTPFields = [.contentType: "application/json"]

    static func scenario(hours: Int = 24, load: String? = nil, extra: String = "") -> String {
        let values = load ?? "[" + Array(repeating: "100", count: hours).joined(separator: ",") + "]"
        return #"{"zeropark_dispatch":1,"name":"api","tariff":{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725},"#
            + #""horizon":{"start":"2025-03-03","hours":\#(hours),"step_minutes":60},"load":{"values":\#(values),"unit":"kW"},"#
            + #""battery":{"capacity_kwh":100,"max_charge_kw":100,"max_discharge_kw":100,"charge_efficiency":1,"discharge_efficiency":1},"#
            + #""carbon":{"grid_factor":"grid.guangdong","vintage":2023}\#(extra)}"#
    }

    @Test func managersRunItAndGetTheReport() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/dispatch", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(Self.scenario())) { response in
                #expect(response.status == .ok)
                let report = try #require(try response.json() as? [String: Any])
                #expect(report["format"] as? String == "zeropark.dispatch/1")
                let saving = try #require(report["saving_cny"] as? Double)
                #expect(abs(saving - 135.85) < 1e-6)   // the hand-computed day of AssemblyTests
                let schedule = try #require(report["schedule"] as? [String: Any])
                #expect((schedule["import_kw"] as? [Double])?.count == 24)
            }
            // Tenants and auditors: 403; a viewer of another park and an unknown park: 404; no caller: 401.
            try await client.execute(uri: "\(Self.park)/dispatch", method: .post, headers: server.auth("viewer", Self.json),
                                     body: body(Self.scenario())) { #expect($0.status == .notFound) }
            for user in ["logistics", "auditor"] {
                try await client.execute(uri: "\(Self.park)/dispatch", method: .post, headers: server.auth(user, Self.json),
                                         body: body(Self.scenario())) { #expect($0.status == .forbidden) }
            }
            try await client.execute(uri: "/api/v1/parks/no-such-park/dispatch", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(Self.scenario())) { #expect($0.status == .notFound) }
            try await client.execute(uri: "\(Self.park)/dispatch", method: .post, headers: Self.json,
                                     body: body(Self.scenario())) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func badBodiesAre422NamingTheField() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            // Schema: out of range.
            try await client.execute(uri: "\(Self.park)/dispatch", method: .post, headers: server.auth("admin", Self.json),
                                     body: body(Self.scenario().replacingOccurrences(of: #""capacity_kwh":100"#, with: #""capacity_kwh":-1"#))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "battery.capacity_kwh")
            }
            // Series of the wrong length.
            try await client.execute(uri: "\(Self.park)/dispatch", method: .post, headers: server.auth("admin", Self.json),
                                     body: body(Self.scenario(load: "[1,2,3]"))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "load.values")
            }
            // CSV is command-line only; an unknown meter is named.
            try await client.execute(uri: "\(Self.park)/dispatch", method: .post, headers: server.auth("admin", Self.json),
                                     body: body(Self.scenario(extra: #","pv":{"meters":["nope"]}"#))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "pv.meters[0]")
            }
            // Infeasible: the import limit cannot carry the load.
            try await client.execute(uri: "\(Self.park)/dispatch", method: .post, headers: server.auth("admin", Self.json),
                                     body: body(Self.scenario(extra: #","grid":{"import_limit_kw":10}"#))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect((error["code"] as? String)?.hasPrefix("infeasible_") == true)
            }
        }
        let document = server.openAPI
        #expect(document.contains("/parks/{park}/dispatch"))
        #expect(document.contains("post_parks_by_park_dispatch"))
    }

    @Test func seriesFromTheParksMeters() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let meter = #"{"key":"dispatch-load","name":"调度测试负荷","quantity":"electricity_import","unit":"kWh","reading_kind":"interval"}"#
            try await client.execute(uri: "\(Self.park)/meters", method: .post, headers: server.auth("manager", Self.json), body: body(meter)) {
                #expect($0.status == .created)
            }
            let readings = (0..<16).map { k in
                String(format: #"{"meter":"dispatch-load","ts":"2026-11-20T%02d:%02d:00+08:00","value":25}"#, k / 4, (k % 4) * 15)
            }
            try await client.execute(uri: "\(Self.park)/readings", method: .post, headers: server.auth("manager", Self.json),
                                     body: body("{\"readings\":[\(readings.joined(separator: ","))]}")) { #expect($0.status == .ok) }
            try await server.store.cleanAll()
            let scenario = #"{"zeropark_dispatch":1,"tariff":{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725},"#
                + #""horizon":{"start":"2026-11-20","hours":3,"step_minutes":60},"meters":{"load":["dispatch-load"]}}"#
            try await client.execute(uri: "\(Self.park)/dispatch", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(scenario)) { response in
                #expect(response.status == .ok)
                let report = try #require(try response.json() as? [String: Any])
                let schedule = try #require(report["schedule"] as? [String: Any])
                #expect(schedule["load_kw"] as? [Double] == [100, 100, 100])
            }
        }
    }

    @Test func thePageRendersForManagersOnly() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/dispatch", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("储能与光伏调度优化"))
                #expect(response.text.contains("id=\"nav-dispatch\""))
                #expect(response.text.contains("grid-main"))
                return response.text
            }
            let token = try #require(WebTests.csrf(in: page))
            // A run on inline-free meters outside their data answers 422 with the field named, still a page.
            let form = "_csrf=\(token)&tariff=cn-gd-tou-2021-331&base_price=0.6725&start=2024-01-01&days=1&step=60&capacity=100&power=50"
                + "&efficiency=0.95&min_soc=0.1&max_soc=0.95&pv_scale=1&load_grid-main=true"
            try await client.execute(uri: "/parks/nansha-demo/dispatch", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: body(form)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("meters.load[0]"))
            }
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/dispatch", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/parks/nansha-demo/meters", method: .get, headers: [.cookie: tenant]) { response in
                #expect(!response.text.contains("nav-dispatch"))
            }
        }
    }
}
