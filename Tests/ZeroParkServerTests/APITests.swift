import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Yams
@testable import ZeroParkServer
import ZeroParkStore
import ZeroParkTelemetry

/// The REST API through HummingbirdTesting: every path of the OpenAPI document, the error shape and
/// status codes, authorisation where data is read, all-or-nothing imports.
struct APITests {
    /// A request body for each operation that takes one.
    static let bodies: [String: String] = [
        "POST /parks": "",  // filled from examples/creative-park.yaml with a new id
        "POST /parks/{park}/sources": #"{"key":"boiler-2","name":"二号锅炉","system":"energy","method":"fuel_combustion","fuel":"natural_gas","unit":"10^4 Nm3","data_source":"燃气账单"}"#,
        "PUT /parks/{park}/sources/{source}": #"{"key":"water","name":"市政自来水（更正）","system":"water","method":"activity_factor","factor":"park.water_supply","enterprise":"property","unit":"t","data_source":"水务公司账单"}"#,
        "POST /parks/{park}/sources/{source}/activity": #"{"year":2025,"month":0,"value":930000,"data_source":"水务公司账单（更正）"}"#,
        "POST /parks/{park}/activity.csv": "source,year,month,value,data_source\nsludge,2025,0,1500,危废转移联单\n",
        "POST /parks/{park}/sinks": #"{"id":"wall-green","name":"立体绿化","kind":"greenery","area_m2":5000,"rate":{"value":8.99,"unit":"tCO2/ha/yr"},"source":"生态学报 2024"}"#,
        "POST /parks/{park}/offsets": #"{"id":"phcer-extra","name":"碳普惠","type":"PHCER","quantity":{"value":100,"unit":"tCO2"},"year":2025,"local":true,"retired":"2026-04-01"}"#,
        "POST /parks/{park}/inventories": #"{"year":2025}"#,
        "PUT /parks/{park}/sinks/{sink}": #"{"id":"ignored","name":"园区绿地（复测）","kind":"greenery","area_m2":130000,"rate":{"value":10.5,"unit":"tCO2/ha/yr"},"source":"复测报告"}"#,
        "PUT /parks/{park}/offsets/{offset}": #"{"id":"ignored","name":"内蒙古风电 CCER","type":"CCER","quantity":{"value":15000,"unit":"tCO2"},"year":2025,"retired":"2026-03-20"}"#,
        "PUT /parks/{park}/members/{username}": #"{"role":"viewer"}"#,
        "PUT /parks/{park}": #"{"name":"南沙智造产业园","name_en":"Nansha Smart Manufacturing Park","type":"industrial_park","province":"guangdong","area_m2":860000,"output_value_cny":6.4e9,"boundary_evidence":["建设工程规划许可证 穗规建证〔2019〕1234号"]}"#,
        "PUT /parks/{park}/factors/{factor}": #"{"value":0.22,"unit":"kgCO2/t","source":"市政供水企业 2025 年测算（示例）"}"#,
        "PUT /parks/{park}/fuels/{fuel}": #"{"name":"填埋气","ncv":{"value":18.0,"unit":"GJ/10^3 Nm3"},"carbon_content":{"value":14.9,"unit":"tC/TJ"},"oxidation":0.98,"biogenic":true,"source":"检测报告（示例）"}"#,
        "PUT /parks/{park}/publication": #"{"published":true,"reduction_target":"2030 年净零"}"#,
        "POST /parks/{park}/comments": #"{"target":"source:water","text":"请补充账单"}"#,
        "POST /parks/{park}/certificates": #"{"id":"GEC-2025-000123","source":"grid-electricity","mwh":1000,"vintage":2025,"year":2025,"retired":"2026-02-01","registry":"国家绿证核发交易系统"}"#,
        "PUT /parks/{park}/rules": #"{"market_basis":"residual","exported_energy":"net_purchase"}"#,
        "POST /parks/{park}/meters": #"{"key":"api-meter","name":"接口测试表","quantity":"water","unit":"m3","reading_kind":"interval"}"#,
        "PUT /parks/{park}/meters/{meter}": #"{"key":"api-meter","name":"接口测试表（更名）","quantity":"water","unit":"m3","reading_kind":"interval","interval_minutes":30}"#,
        // Readings go to a gateway meter registered before the walk, so that api-meter can be deleted at the end.
        "POST /parks/{park}/readings": #"{"readings":[{"meter":"gateway-1","ts":"2026-01-01T00:00:00+08:00","value":1.5}]}"#,
        "POST /parks/{park}/alert-rules": #"{"key":"api-rule","meter":"gateway-1","kind":"above","threshold":500,"slots":4}"#,
        "PUT /parks/{park}/alert-webhook": #"{"url":"https://hooks.example.cn/zeropark?token=abc"}"#,
        "PUT /parks/{park}/catalogue/{category}": CatalogueAPITests.pv,
        "PUT /parks/{park}/tariff": #"{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725}"#,
        "POST /parks/{park}/dispatch/sizing": DispatchStudyAPITests.sizing(),
        "POST /parks/{park}/dispatch/rolling": DispatchStudyAPITests.rolling(),
        "POST /parks/{park}/dispatch": #"{"zeropark_dispatch":1,"tariff":{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725},"horizon":{"start":"2025-03-03","hours":2,"step_minutes":60},"load":{"values":[100,100],"unit":"kW"}}"#,
        "POST /parks/{park}/plan": #"{"zeropark_plan":1,"target_year":2035,"discount_rate":0.08,"bau_growth":0.02,"measures":[{"id":"eff","name":"节能","category":"efficient_equipment","acts_on":["water"],"fraction":0.1,"start_year":2027}]}"#,
        "POST /parks/{park}/plans": #"{"reason":"首版","plan":{"zeropark_plan":1,"target_year":2035,"discount_rate":0.08,"bau_growth":0}}"#,
        "PUT /parks/{park}/trial": #"{"start":"2025-01-01","plan_version":1,"threshold":0.1}"#,
        "PUT /parks/{park}/output/{year}": #"{"area_m2":850000,"output_value_cny":6500000000,"data_source":"统计年报 2025"}"#,
        // {alert} is an alert opened before the walk (an offline rule on gateway-1).
        "POST /parks/{park}/alerts/{alert}/acknowledge": #"{"note":"已通知运维"}"#,
        "POST /parks/{park}/alerts/{alert}/resolve": #"{"note":"网关已恢复"}"#,
    ]

    @Test("every path and method of /openapi.yaml answers with a documented success status")
    func openAPICoverage() async throws {
        let server = try await TestServer.make()
        let document = try #require(try Yams.load(yaml: server.openAPI) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operations: [(String, String, [String])] = []
        for (path, item) in paths {
            for (method, operation) in item {
                let responses = ((operation as? [String: Any])?["responses"] as? [String: Any]).map { Array($0.keys) } ?? []
                operations.append((method.uppercased(), path, responses))
            }
        }
        // Writes before deletes; deletes last. The trial is declared (PUT) before it is read.
        func rank(_ method: String, _ path: String) -> Int { method == "DELETE" ? 2 : path == "/parks/{park}/trial" && method == "GET" ? 1 : 0 }
        operations.sort { (rank($0.0, $0.1), $0.1, $0.0) < (rank($1.0, $1.1), $1.1, $1.0) }
        #expect(operations.count == 82)
        let admin = try #require(try await server.store.caller(userID: 1))
        _ = try await server.store.createMeter(parkKey: "nansha-demo", meter: MeterDefinition(
            key: "gateway-1", name: "网关表", quantity: .electricityImport, unit: "kWh", readingKind: .interval), caller: admin)
        _ = try await server.store.createAlertRule(parkKey: "nansha-demo", rule: AlertRule(key: "pre-offline", meter: "gateway-1", kind: .offline, slots: 4),
                                                   caller: admin)
        let alertID = String(try #require(try await server.store.evaluateAlerts(now: ReportClock.nowSeconds()).opened.first))
        let ordered = operations
        let creative = try String(contentsOf: TestServer.root.appendingPathComponent("examples/creative-park.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: xihu-creative", with: "id: xihu-creative-2")
        try await server.run { client in
            var snapshotID = "1"
            for (method, path, documented) in ordered {
                let uri = "/api/v1" + path.replacingOccurrences(of: "{park}", with: "nansha-demo")
                    .replacingOccurrences(of: "{source}", with: "water").replacingOccurrences(of: "{sink}", with: "green-belt")
                    .replacingOccurrences(of: "{offset}", with: "ccer-wind")
                    .replacingOccurrences(of: "{certificate}", with: "GEC-2025-000123").replacingOccurrences(of: "{meter}", with: "api-meter").replacingOccurrences(of: "{username}", with: "viewer")
                    .replacingOccurrences(of: "{factor}", with: "park.extra").replacingOccurrences(of: "{fuel}", with: "park.landfill-gas").replacingOccurrences(of: "{id}", with: snapshotID)
                    .replacingOccurrences(of: "{id}", with: "grid.guangdong")
                    .replacingOccurrences(of: "{rule}", with: "api-rule").replacingOccurrences(of: "{category}", with: "rooftop_pv").replacingOccurrences(of: "{version}", with: "1").replacingOccurrences(of: "{year}", with: "2025").replacingOccurrences(of: "{alert}", with: alertID)
                let key = "\(method) \(path)"
                let text = key == "POST /parks" ? creative : Self.bodies[key]
                let factorURI = path == "/factors/{id}" ? "/api/v1/factors/grid.guangdong" : uri
                try await client.execute(uri: factorURI, method: HTTPRequest.Method(rawValue: method) ?? .get,
                                         headers: server.auth("admin"), body: text.map(body)) { response in
                    let code = String(response.status.code)
                    #expect(documented.contains(code), "\(key) answered \(code), not documented")
                    #expect((200..<300).contains(Int(response.status.code)), "\(key) answered \(code): \(response.text.prefix(600))")
                    if key == "POST /parks/{park}/inventories", let object = try? response.json() as? [String: Any], let id = object["id"] as? Int {
                        snapshotID = String(id)
                    }
                }
            }
        }
    }

    @Test("no credentials → 401 in the one error shape; a bad key → 401")
    func unauthenticated() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/api/v1/parks", method: .get) { response in
                #expect(response.status == .unauthorized)
                let error = try response.error()
                #expect(error["code"] as? String == "unauthenticated")
            }
            try await client.execute(uri: "/api/v1/parks", method: .get, headers: [.authorization: "Bearer nope"]) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("a tenant reads only its own sources; another tenant's source and another park are 404, as if they did not exist")
    func tenantIsolation() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources", method: .get, headers: server.auth("logistics")) { response in
                let sources = try #require(try response.json() as? [[String: Any]])
                #expect(sources.compactMap { $0["key"] as? String } == ["fleet-diesel"])
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources/water", method: .get, headers: server.auth("logistics")) { response in
                #expect(response.status == .notFound)
                let error = try response.error()
                #expect(error["code"] as? String == "not_found")
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources/no-such-source", method: .get, headers: server.auth("logistics")) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources/water/activity", method: .post, headers: server.auth("logistics"),
                                     body: body(#"{"year":2025,"value":1}"#)) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/parks/xihu-creative", method: .get, headers: server.auth("logistics")) { response in
                #expect(response.status == .notFound)
            }
            // The tenant's inventory covers its own source only: 86.4 t diesel = 267.4865926656 tCO2.
            try await client.execute(uri: "/api/v1/parks/nansha-demo/inventory?year=2025", method: .get, headers: server.auth("logistics")) { response in
                let object = try #require(try response.json() as? [String: Any])
                let totals = try #require(object["totals"] as? [String: Any])
                #expect(abs((totals["emissions_tco2"] as? Double ?? 0) - 267.4865926656) < 1e-6)
            }
        }
    }

    @Test("auditors read everything and write only comments")
    func auditor() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources", method: .get, headers: server.auth("auditor")) { response in
                let sources = try response.json() as? [Any]
                #expect(sources?.count == 11)
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources", method: .post, headers: server.auth("auditor"),
                                     body: body(Self.bodies["POST /parks/{park}/sources"] ?? "")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/comments", method: .post, headers: server.auth("auditor"),
                                     body: body(#"{"target":"inventory:2025","text":"核查意见：外购热力请提供实测因子"}"#)) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test("a bad park file is 422 with every issue's line and column; nothing is stored")
    func badParkFile() async throws {
        let server = try await TestServer.make()
        let text = try String(contentsOf: TestServer.root.appendingPathComponent("examples/creative-park.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: xihu-creative", with: "id: broken-park")
            .replacingOccurrences(of: "{ quantity: 12.5, unit: t }", with: "{ quantity: 12.5, unit: kWh }")
        try await server.run { client in
            try await client.execute(uri: "/api/v1/parks", method: .post, headers: server.auth("admin"), body: body(text)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["code"] as? String == "unit_mismatch")
                #expect(error["field"] as? String == "sources[shuttle-diesel].activity.unit")
                let details = try #require(error["details"] as? [[String: Any]])
                let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("unit: kWh") }.map { $0 + 1 }
                #expect(details.first?["line"] as? Int == line)
                // `    activity: { quantity: 12.5, unit: kWh }`: kWh starts after 38 characters.
                #expect(details.first?["column"] as? Int == 39)
            }
            try await client.execute(uri: "/api/v1/parks/broken-park", method: .get, headers: server.auth("admin")) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/parks", method: .post, headers: server.auth("manager"), body: body(text)) { response in
                #expect(response.status == .unprocessableContent || response.status == .forbidden)
            }
        }
    }

    @Test("oversized bodies get 413; malformed JSON 400; a taken key 409")
    func statusCodes() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let huge = String(repeating: "x", count: 3 * 1024 * 1024)
            try await client.execute(uri: "/api/v1/parks", method: .post, headers: server.auth("admin"), body: body(huge)) { response in
                #expect(response.status == .contentTooLarge)
                let error = try response.error()
                #expect(error["code"] as? String == "too_large")
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources", method: .post, headers: server.auth("manager"),
                                     body: body(#"{"key": "x", "name": 5"#)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources", method: .post, headers: server.auth("manager"),
                                     body: body(#"{"key":"water","name":"dup","system":"water","method":"activity_factor","factor":"park.water_supply","unit":"t"}"#)) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources", method: .post, headers: server.auth("manager"),
                                     body: body(#"{"key":"y","name":"y","system":"air","method":"activity_factor","unit":"t"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "system")
            }
        }
    }

    @Test("a CSV import with one bad row names its line and stores nothing")
    func csvAllOrNothing() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let csv = "source,year,month,value\nwater,2025,0,999\nsludge,2025,0,abc\n"
            try await client.execute(uri: "/api/v1/parks/nansha-demo/activity.csv", method: .post, headers: server.auth("manager"), body: body(csv)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect((error["message"] as? String)?.contains("第 3 行第 4 列") == true)
                let detail = try #require((error["details"] as? [[String: Any]])?.first)
                #expect(detail["line"] as? Int == 3 && detail["column"] as? Int == 4 && detail["field"] as? String == "value")
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources/water/activity", method: .get, headers: server.auth("manager")) { response in
                let rows = try #require(try response.json() as? [[String: Any]])
                // Only the stored values: 2024 (demo seed, 955,000) and 2025 (park file, 920,000); the rejected 999 is absent.
                #expect(rows.map { $0["value"] as? Double } == [955_000, 920_000])
            }
        }
    }

    @Test("export → import round-trips the park file; snapshots carry lineage hashes")
    func roundTripAndLineage() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            var exported = ""
            try await client.execute(uri: "/api/v1/parks/nansha-demo/export?year=2025", method: .get, headers: server.auth("admin")) { response in
                exported = response.text
            }
            let copy = exported.replacingOccurrences(of: "id: \"nansha-demo\"", with: "id: \"nansha-copy\"")
            try await client.execute(uri: "/api/v1/parks", method: .post, headers: server.auth("admin"), body: body(copy)) { response in
                #expect(response.status == .created)
            }
            var totals: [Double] = []
            for park in ["nansha-demo", "nansha-copy"] {
                try await client.execute(uri: "/api/v1/parks/\(park)/inventory?year=2025", method: .get, headers: server.auth("admin")) { response in
                    let object = try #require(try response.json() as? [String: Any])
                    totals.append(((object["totals"] as? [String: Any])?["net_tco2"] as? Double) ?? .nan)
                }
            }
            #expect(totals.count == 2 && abs(totals[0] - totals[1]) < 1e-9 && abs(totals[0] - 13499.0485263906) < 1e-6)
            try await client.execute(uri: "/api/v1/parks/nansha-demo/inventories", method: .post, headers: server.auth("manager"),
                                     body: body(#"{"year":2025}"#)) { response in
                #expect(response.status == .created)
                let object = try #require(try response.json() as? [String: Any])
                let input = try #require(object["input_park_file"] as? String)
                #expect(object["input_hash"] as? String == ContentHash.sha256(input))
                #expect((object["inventory"] as? [String: Any])?["format"] as? String == "zeropark.inventory/1")
            }
        }
    }

    @Test("edits that would leave the park unaccountable are refused: unknown factor, unit change, deleting a used factor")
    func editsKeepTheParkAccountable() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let source = #"{"key":"water","name":"市政自来水","system":"water","method":"activity_factor","factor":"park.water_supplies","enterprise":"property","unit":"t"}"#
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources/water", method: .put, headers: server.auth("manager"),
                                     body: body(source)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["code"] as? String == "unknown_factor")
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/sources/water", method: .get, headers: server.auth("manager")) { response in
                let object = try #require(try response.json() as? [String: Any])
                #expect(object["factor"] as? String == "park.water_supply")
            }
            // park.water_supply is applied to tonnes of water: a per-MWh unit no longer fits.
            try await client.execute(uri: "/api/v1/parks/nansha-demo/factors/park.water_supply", method: .put, headers: server.auth("manager"),
                                     body: body(#"{"value":0.21,"unit":"tCO2/MWh","source":"x"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["code"] as? String == "unit_mismatch")
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/factors/park.water_supply", method: .delete, headers: server.auth("manager")) { response in
                #expect(response.status == .conflict)
                let error = try response.error()
                #expect((error["message"] as? String)?.contains("water") == true)
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/fuels/park.biogas", method: .delete, headers: server.auth("manager")) { response in
                #expect(response.status == .conflict)
            }
            // Biogas NCV given per tonne no longer fits the digester's 10^3 Nm3 activity.
            try await client.execute(uri: "/api/v1/parks/nansha-demo/fuels/park.biogas", method: .put, headers: server.auth("manager"),
                                     body: body(#"{"name":"沼气","ncv":{"value":20,"unit":"GJ/t"},"carbon_content":{"value":14,"unit":"tC/TJ"},"oxidation":0.98,"biogenic":true,"source":"x"}"#)) { response in
                #expect(response.status == .unprocessableContent)
            }
            // A park override of a library factor may go: the library value applies again.
            try await client.execute(uri: "/api/v1/parks/nansha-demo/factors/grid.guangdong", method: .put, headers: server.auth("manager"),
                                     body: body(#"{"value":0.5,"unit":"tCO2/MWh","source":"own study"}"#)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/factors/grid.guangdong", method: .delete, headers: server.auth("manager")) {
                #expect($0.status == .noContent)
            }
            // Only park admins change the profile.
            try await client.execute(uri: "/api/v1/parks/nansha-demo", method: .put, headers: server.auth("manager"),
                                     body: body(#"{"name":"x","type":"industrial_park","area_m2":1}"#)) { #expect($0.status == .forbidden) }
        }
    }
}
