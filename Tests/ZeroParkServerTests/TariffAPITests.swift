import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// The park's tariff and monitoring cost through the API and the page (issue #9 item 1): set and read
/// the tariff (roles, a tariff the date cannot price refused naming the field), and the main meter's
/// metered day priced by hand; a day without readings is priced as incomplete, not filled.
struct TariffAPITests {
    static let park = "/api/v1/parks/nansha-demo"
    static let json: HTTPFields = [.contentType: "application/json"]

    @Test func setReadAndPriceAMeteredDay() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            // The demo park starts with Guangdong's tariff on its cited base (no demand charge is cited).
            try await client.execute(uri: "\(Self.park)/tariff", method: .get, headers: server.auth("viewer")) { #expect($0.status == .notFound) }
            try await client.execute(uri: "\(Self.park)/tariff", method: .get, headers: server.auth("auditor")) { response in
                #expect(response.status == .ok)
                let body = try #require(try response.json() as? [String: Any])
                #expect((body["tariff"] as? [String: Any])?["id"] as? String == "cn-gd-tou-2021-331")
            }
            // A tariff the date cannot price (Guangdong without its base price) and an unknown id: 422 naming the field.
            try await client.execute(uri: "\(Self.park)/tariff", method: .put, headers: server.auth("manager", Self.json),
                                     body: body(#"{"id":"cn-gd-tou-2021-331"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect((error["field"] as? String)?.hasPrefix("tariff.") == true)
            }
            try await client.execute(uri: "\(Self.park)/tariff", method: .put, headers: server.auth("logistics", Self.json),
                                     body: body(#"{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725}"#)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "\(Self.park)/tariff", method: .put, headers: server.auth("manager", Self.json),
                                     body: body(#"{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725,"demand_charge_cny_per_kw_month":40}"#)) {
                #expect($0.status == .ok)
            }
            // The main meter (cumulative, × 200): 0.125 a quarter-hour = 25 kWh = 100 kW all day on 2026-11-20.
            let readings = (0...96).map { k in
                let ts = k == 96 ? "2026-11-21T00:00:00+08:00" : String(format: "2026-11-20T%02d:%02d:00+08:00", k / 4, (k % 4) * 15)
                return #"{"meter":"grid-main","ts":"\#(ts)","value":\#(1_000 + 0.125 * Double(k))}"#
            }
            try await client.execute(uri: "\(Self.park)/readings", method: .post, headers: server.auth("manager", Self.json),
                                     body: body("{\"readings\":[\(readings.joined(separator: ","))]}")) { #expect($0.status == .ok) }
            try await server.store.cleanAll()
            // valley 800 kWh × 0.2556 + peak 700 × 1.1433 + flat 900 × 0.6725 = 204.48 + 800.31 + 605.25 = 1,610.04 CNY;
            // demand 100 kW × 40 = 4,000 CNY (November's whole charge).
            try await client.execute(uri: "\(Self.park)/energy-cost?from=2026-11-20&to=2026-11-20", method: .get,
                                     headers: server.auth("manager")) { response in
                #expect(response.status == .ok)
                let bill = try #require(try response.json() as? [String: Any])
                #expect(bill["format"] as? String == "zeropark.energy-cost/1")
                #expect(bill["incomplete_steps"] as? Int == 0)
                #expect(abs((bill["import_kwh"] as? Double ?? 0) - 2_400) < 1e-6)
                #expect(abs((bill["energy_cny"] as? Double ?? 0) - 1_610.04) < 1e-6)
                #expect(abs((bill["demand_charge_cny"] as? Double ?? 0) - 4_000) < 1e-6)
            }
            // A day without readings: every quarter-hour counted as incomplete, nothing filled in.
            try await client.execute(uri: "\(Self.park)/energy-cost?from=2026-11-18", method: .get, headers: server.auth("manager")) { response in
                #expect(response.status == .ok)
                let bill = try #require(try response.json() as? [String: Any])
                #expect(bill["incomplete_steps"] as? Int == 96)
                #expect(bill["import_kwh"] as? Double == 0)
            }
            try await client.execute(uri: "\(Self.park)/energy-cost?from=2026-10-01&to=2026-11-20", method: .get,
                                     headers: server.auth("manager")) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "to")
            }
            try await client.execute(uri: "\(Self.park)/energy-cost", method: .get, headers: server.auth("logistics")) { #expect($0.status == .forbidden) }

            // The page shows the same bill; tenants are refused.
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "/parks/nansha-demo/tariff?from=2026-11-20&to=2026-11-20", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"cost-periods\""))
                #expect(response.text.contains("1,610.04"))
                #expect(response.text.contains("id=\"tariff-form\""))
            }
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/tariff", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .forbidden) }
        }
    }

    @Test func thePageSavesTheTariffFromItsForm() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/tariff", method: .get, headers: [.cookie: cookie]) { $0.text }
            let token = try #require(WebTests.csrf(in: page))
            let form = "_csrf=\(token)&tariff=cn-gd-tou-2021-331&base_price=abc&demand_charge=32"
            try await client.execute(uri: "/parks/nansha-demo/tariff", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: body(form)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("tariff.base_price_cny_per_kwh"))
            }
            let good = "_csrf=\(token)&tariff=cn-gd-tou-2021-331&base_price=0.6725&demand_charge=32"
            try await client.execute(uri: "/parks/nansha-demo/tariff", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: body(good)) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"tariff-saved\""))
            }
            let stored = try await server.store.parkTariff(parkKey: "nansha-demo", caller: try #require(try await server.store.caller(userID: 1)))
            #expect(stored?.json.contains("\"demand_charge_cny_per_kw_month\":32") == true)
        }
    }
}
