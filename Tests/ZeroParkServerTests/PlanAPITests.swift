import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// `POST /api/v1/parks/{park}/plan` (issue #10 item 8): the pathway from the stored park's inventory;
/// roles as for dispatch; the park-dependent rules answered 422 with their field.
struct PlanAPITests {
    static let park = "/api/v1/parks/nansha-demo"
    static let json: HTTPFields = [.contentType: "application/json"]

    /// PV on the demo park's grid electricity, a boiler measure and PHCER/CCER options.
    static func plan(start: Int = 2026, actsOn: String = "grid-electricity", ccer: Int = 70) -> String {
        #"{"zeropark_plan":1,"target_year":2030,"discount_rate":0.08,"bau_growth":0,"offsets_from":2029,"measures":["#
            + #"{"id":"pv","name":"屋顶光伏","category":"rooftop_pv","acts_on":["\#(actsOn)"],"electricity_mwh":1000,"#
            + #""capex_cny":3000000,"opex_cny_per_year":40000,"savings_cny_per_year":600000,"lifetime_years":25,"start_year":\#(start)}],"#
            + #""offsets":[{"id":"ccer","name":"CCER","type":"ccer","local":false,"price_cny_per_tonne":\#(ccer)},"#
            + #"{"id":"phcer","name":"碳普惠","type":"phcer","local":true,"price_cny_per_tonne":90,"available_tonnes_per_year":1000}]}"#
    }

    @Test func managersGetThePathwayOthersAreRefused() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/plan?year=2025", method: .post, headers: server.auth("manager", Self.json),
                                     body: ZeroParkServerTests.body(Self.plan())) { response in
                #expect(response.status == .ok)
                let document = try #require(try response.json() as? [String: Any])
                #expect(document["format"] as? String == "zeropark.plan/1" && document["base_year"] as? Int == 2025)
                let years = try #require(document["years"] as? [[String: Any]])
                #expect(years.map { $0["year"] as? Int } == [2025, 2026, 2027, 2028, 2029, 2030])
                // The base year's business as usual is the park's 2025 emissions (40,851.35 tCO2, WebTests).
                #expect(abs((years[0]["business_as_usual_tco2"] as? Double ?? 0) - 40_851.35) < 0.01)
                // 2029: credits local first (PHCER 1,000 t at 90 before CCER at 70); net 0.
                let offsets = try #require(years[4]["offsets"] as? [[String: Any]])
                #expect(offsets.map { $0["option"] as? String } == ["phcer", "ccer"] && abs(years[4]["net_tco2"] as? Double ?? 1) < 1e-6)
            }
            try await client.execute(uri: "\(Self.park)/plan", method: .post, headers: server.auth("viewer", Self.json),
                                     body: ZeroParkServerTests.body(Self.plan())) { #expect($0.status == .notFound) }
            for user in ["logistics", "auditor"] {
                try await client.execute(uri: "\(Self.park)/plan", method: .post, headers: server.auth(user, Self.json),
                                         body: ZeroParkServerTests.body(Self.plan())) { #expect($0.status == .forbidden) }
            }
            try await client.execute(uri: "\(Self.park)/plan", method: .post, headers: Self.json,
                                     body: ZeroParkServerTests.body(Self.plan())) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func parkDependentRulesAre422NamingTheField() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/plan?year=2025", method: .post, headers: server.auth("admin", Self.json),
                                     body: ZeroParkServerTests.body(Self.plan(actsOn: "no-such-source"))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "measures.pv.acts_on")
            }
            // PV (a negative cost per tonne) starts in 2030 while credits are bought from 2029: refused.
            try await client.execute(uri: "\(Self.park)/plan?year=2025", method: .post, headers: server.auth("admin", Self.json),
                                     body: ZeroParkServerTests.body(Self.plan(start: 2030))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "measures.pv.start_year")
            }
            try await client.execute(uri: "\(Self.park)/plan?year=2025", method: .post, headers: server.auth("admin", Self.json),
                                     body: ZeroParkServerTests.body(Self.plan().replacingOccurrences(of: #""discount_rate":0.08"#,
                                                                                                      with: #""discount_rate":5"#))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "discount_rate")
            }
        }
    }
}

/// The `/parks/{park}/plan` page: a template from the park's sources, a run with its charts, problems
/// named on the page, managers only.
struct PlanPageTests {
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    @Test func managersPlanOnThePage() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/plan?year=2025", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("碳中和路径规划") && response.text.contains("id=\"nav-plan\""))
                // The template names the park's own counted electricity source.
                #expect(response.text.contains("acts_on: [grid-electricity]"))
                return response.text
            }
            let token = try #require(WebTests.csrf(in: page))
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let yaml = """
                zeropark_plan: 1
                target_year: 2030
                discount_rate: 0.08
                bau_growth: 0
                offsets_from: 2029
                measures:
                  - { id: pv, name: 屋顶光伏, category: rooftop_pv, acts_on: [grid-electricity], electricity_mwh: 1000, capex_cny: 3000000, opex_cny_per_year: 40000, savings_cny_per_year: 600000, lifetime_years: 25, start_year: 2026 }
                offsets:
                  - { id: phcer, name: 碳普惠, type: phcer, local: true, price_cny_per_tonne: 90 }
                """
            try await client.execute(uri: "/parks/nansha-demo/plan", method: .post, headers: form,
                                     body: body("_csrf=\(token)&year=2025&yaml=\(Self.encoded(yaml))")) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("id=\"plan-result\"") && html.contains("id=\"measure-pv\"") && html.contains("边际减排成本曲线"))
                #expect(html.contains("id=\"plan-balance\">2029") && html.components(separatedBy: "<svg").count >= 3)
            }
            // A problem is named with its field and line, on the page, 422.
            try await client.execute(uri: "/parks/nansha-demo/plan", method: .post, headers: form,
                                     body: body("_csrf=\(token)&year=2025&yaml=\(Self.encoded(yaml.replacingOccurrences(of: "bau_growth: 0", with: "bau_growth: 7")))")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("id=\"form-error\"") && response.text.contains("bau_growth") && response.text.contains("第 4 行"))
            }
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/plan", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .forbidden) }
        }
    }
}
