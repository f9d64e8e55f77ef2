import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// The measures catalogue per park (issue #10 item 2): the park records its own figures with their
/// source beside the built-in entries (API and plan page), refused without a figure or a source, removed
/// again; the sizing form starts from the park's PV figures.
struct CatalogueAPITests {
    static let park = "/api/v1/parks/nansha-demo"
    static let json: HTTPFields = [.contentType: "application/json"]
    static let pv = #"{"unit":"kWp","capex_cny_per_unit":3000,"opex_cny_per_unit_year":40,"lifetime_years":25,"source":"2026 年屋顶光伏 EPC 报价（测试数据）"}"#

    @Test func recordReadRefuseAndRemove() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/catalogue/rooftop_pv", method: .put, headers: server.auth("manager", Self.json),
                                     body: body(Self.pv)) { response in
                #expect(response.status == .ok)
                let stored = try #require(try response.json() as? [String: Any])
                #expect((stored["entry"] as? [String: Any])?["capex_cny_per_unit"] as? Double == 3000)
            }
            try await client.execute(uri: "\(Self.park)/catalogue", method: .get, headers: server.auth("auditor")) { response in
                #expect(response.status == .ok)
                let rows = try #require(try response.json() as? [[String: Any]])
                #expect(rows.count == 13)
                let pv = try #require(rows.first { $0["category"] as? String == "rooftop_pv" })
                #expect(((pv["park"] as? [String: Any])?["entry"] as? [String: Any])?["source"] as? String == "2026 年屋顶光伏 EPC 报价（测试数据）")
                #expect(rows.first { $0["category"] as? String == "storage" }?["park"] is NSNull)
            }
            // A tenant sees the built-in catalogue but not the park's figures.
            try await client.execute(uri: "\(Self.park)/catalogue", method: .get, headers: server.auth("logistics")) { response in
                let rows = try #require(try response.json() as? [[String: Any]])
                #expect(rows.allSatisfy { $0["park"] is NSNull })
            }
            for (text, field) in [(#"{"unit":"kWp","source":"报价"}"#, "capex_cny_per_unit"),
                                  (#"{"unit":"kWp","capex_cny_per_unit":3000,"source":"   "}"#, "source")] {
                try await client.execute(uri: "\(Self.park)/catalogue/rooftop_pv", method: .put, headers: server.auth("manager", Self.json),
                                         body: body(text)) { response in
                    #expect(response.status == .unprocessableContent)
                    let error = try response.error()
                    #expect(error["field"] as? String == field)
                }
            }
            try await client.execute(uri: "\(Self.park)/catalogue/rooftop_pv", method: .put, headers: server.auth("logistics", Self.json),
                                     body: body(Self.pv)) { #expect($0.status == .forbidden) }
            // The sizing form starts from the park's PV figures and names their source.
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "/parks/nansha-demo/dispatch", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains(#"name="sizing_pv_capex_cny_per_kwp" value="3000""#))
                #expect(response.text.contains("id=\"sizing-catalogue\""))
            }
            try await client.execute(uri: "/parks/nansha-demo/plan", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains("投资 3,000.00 元/kWp"))
            }
            try await client.execute(uri: "\(Self.park)/catalogue/rooftop_pv", method: .delete, headers: server.auth("manager")) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "\(Self.park)/catalogue/rooftop_pv", method: .delete, headers: server.auth("manager")) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func thePlanPageRecordsFiguresFromItsForm() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/plan", method: .get, headers: [.cookie: cookie]) { $0.text }
            let token = try #require(WebTests.csrf(in: page))
            let form = "_csrf=\(token)&category=efficient_equipment&unit=project&capex_cny_per_unit=800000&saving_fraction=15&source=%E9%94%85%E7%82%89%E6%94%B9%E9%80%A0%E5%8F%AF%E7%A0%94"
            try await client.execute(uri: "/parks/nansha-demo/plan/catalogue", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: body(form)) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/parks/nansha-demo/plan", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains("节省 15.0%"))
                #expect(response.text.contains("锅炉改造可研"))
            }
        }
    }
}
