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
                // The park's existing sinks (green belt 132.3 + CCUS 820 = 952.3 tCO2) absorb every year.
                #expect(abs(((years[0]["sinks"] as? [String: Double])?["existing_sinks"] ?? 0) - 952.3) < 1e-6)
                // The base year's business as usual is the park's 2025 emissions (40,851.35 tCO2, WebTests).
                #expect(abs((years[0]["business_as_usual_tco2"] as? Double ?? 0) - 40_851.35) < 0.01)
                // 2029: credits local first (PHCER 1,000 t at 90 before CCER at 70); net 0.
                let offsets = try #require(years[4]["offsets"] as? [[String: Any]])
                #expect(offsets.map { $0["option"] as? String } == ["phcer", "ccer"] && abs(years[4]["net_tco2"] as? Double ?? 1) < 1e-6)
                // Sources with share and difficulty: grid power is low (bought power has market substitutes).
                let sources = try #require(document["sources"] as? [[String: Any]])
                let grid = try #require(sources.first { $0["id"] as? String == "grid-electricity" })
                #expect(grid["difficulty"] as? String == "low" && (grid["measures"] as? [String]) == ["pv"])
                #expect(sources.contains { $0["id"] as? String == "ccus-pilot" && $0["sink"] as? Bool == true && $0["difficulty"] as? String == "high" })
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
                // Each source's share and difficulty with why (1.1.3(c)); the PV pays for itself on grid power.
                #expect(html.contains("id=\"assess-grid-electricity\"") && html.contains("class=\"difficulty-low\">低"))
                #expect(html.contains("id=\"assess-ccus-pilot\"") && html.contains("碳捕集投资大"))
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

/// Plan versions (issue #10 item 5): numbered per park with who, when and why; listed and read by
/// every role but tenants; compared on the page.
struct PlanVersionTests {
    static let park = "/api/v1/parks/nansha-demo"

    static func version(_ reason: String, mwh: Int) -> String {
        #"{"reason":"\#(reason)","plan":"# + PlanAPITests.plan().replacingOccurrences(of: #""electricity_mwh":1000"#, with: #""electricity_mwh":\#(mwh)"#) + "}"
    }

    @Test func versionsAreNumberedListedReadAndKeptFromTenants() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let json = server.auth("manager", PlanAPITests.json)
            for (index, reason) in ["首版：按报价", "试运行后按实测重新规划"].enumerated() {
                try await client.execute(uri: "\(Self.park)/plans?year=2025", method: .post, headers: json,
                                         body: ZeroParkServerTests.body(Self.version(reason, mwh: 1000 * (index + 1)))) { response in
                    #expect(response.status == .created)
                    let stored = try #require(try response.json() as? [String: Any])
                    #expect(stored["version"] as? Int == index + 1 && stored["created_by"] as? String == "manager")
                    #expect(stored["reason"] as? String == reason && stored["balance_year"] as? Int == 2029)
                }
            }
            try await client.execute(uri: "\(Self.park)/plans", method: .get, headers: server.auth("auditor")) { response in
                #expect(response.status == .ok)
                let list = try #require(try response.json() as? [[String: Any]])
                #expect(list.map { $0["version"] as? Int } == [2, 1] && list.allSatisfy { $0["document"] == nil })
            }
            try await client.execute(uri: "\(Self.park)/plans/2", method: .get, headers: server.auth("auditor")) { response in
                let stored = try #require(try response.json() as? [String: Any])
                let document = try #require(stored["document"] as? String)
                #expect(document.contains("\"format\":\"zeropark.plan/1\"") && (stored["measures_file"] as? String)?.contains("2000") == true)
            }
            // Tenants: refused (a plan is the park's, not one enterprise's).
            try await client.execute(uri: "\(Self.park)/plans", method: .get, headers: server.auth("logistics")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "\(Self.park)/plans/1", method: .get, headers: server.auth("logistics")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "\(Self.park)/plans/9", method: .get, headers: server.auth("manager")) { #expect($0.status == .notFound) }
            // Saving needs a reason and an editor.
            try await client.execute(uri: "\(Self.park)/plans", method: .post, headers: json,
                                     body: ZeroParkServerTests.body(Self.version("", mwh: 10))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "reason")
            }
            try await client.execute(uri: "\(Self.park)/plans", method: .post, headers: server.auth("auditor", PlanAPITests.json),
                                     body: ZeroParkServerTests.body(Self.version("x", mwh: 10))) { #expect($0.status == .forbidden) }
        }
    }

    @Test func thePageSavesOpensAndComparesVersions() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/plan?year=2025", method: .get, headers: [.cookie: cookie]) { $0.text }
            #expect(page.contains("尚未保存任何版本"))
            let token = try #require(WebTests.csrf(in: page))
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            for (reason, mwh) in [("首版", 1000), ("扩建光伏", 3000)] {
                let yaml = """
                    zeropark_plan: 1
                    target_year: 2030
                    discount_rate: 0.08
                    bau_growth: 0
                    measures:
                      - { id: pv, name: 屋顶光伏, category: rooftop_pv, acts_on: [grid-electricity], electricity_mwh: \(mwh), capex_cny: 3000000, opex_cny_per_year: 40000, savings_cny_per_year: 600000, lifetime_years: 25, start_year: 2026 }
                    """
                try await client.execute(uri: "/parks/nansha-demo/plan/save", method: .post, headers: form,
                                         body: body("_csrf=\(token)&year=2025&reason=\(PlanPageTests.encoded(reason))&yaml=\(PlanPageTests.encoded(yaml))")) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location]?.hasPrefix("/parks/nansha-demo/plan?version=") == true)
                }
            }
            try await client.execute(uri: "/parks/nansha-demo/plan?version=1", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"plan-opened\"") && response.text.contains("首版") && response.text.contains("id=\"plan-result\""))
                #expect(response.text.contains("id=\"version-2\"") && response.text.contains("扩建光伏"))
            }
            // A tenant cannot save a version (authorised before the form is read).
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/plan/save", method: .post,
                                     headers: [.cookie: tenant, .contentType: "application/x-www-form-urlencoded"],
                                     body: body("_csrf=x&year=2025&reason=x&yaml=x")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/parks/nansha-demo/plan?compare=1&with=2", method: .get, headers: [.cookie: cookie]) { response in
                // PV 1,000 vs 3,000 MWh at the grid line's counted factor: three times the tonnes.
                #expect(response.text.contains("id=\"plan-comparison\"") && response.text.contains("id=\"compare-pv\""))
            }
        }
    }
}
