import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer
import ZeroParkCore

/// `PUT/GET /api/v1/parks/{park}/trial` (issue #10 item 6; STANDARD.md 1.1.9–1.1.10): the trial year held
/// to a stored plan version, with findings naming their sources; declaration rules and roles.
struct TrialAPITests {
    static let park = "/api/v1/parks/nansha-demo"
    static let json: HTTPFields = [.contentType: "application/json"]

    /// Saves a plan on the demo park's 2025 inventory with 1,000 MWh of PV on grid electricity from 2025.
    static func savePlan(_ client: any TestClientProtocol, _ server: TestServer) async throws -> Double {
        let body = #"{"reason":"试运行基准","plan":"# + PlanAPITests.plan(start: 2025) + "}"
        return try await client.execute(uri: "\(park)/plans?year=2025", method: .post, headers: server.auth("manager", json),
                                        body: ZeroParkServerTests.body(body)) { response in
            #expect(response.status == .created)
            let stored = try #require(try response.json() as? [String: Any])
            let document = try #require((stored["document"] as? String).flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
            let measures = try #require(document["measures"] as? [[String: Any]])
            return try #require(measures.first { $0["id"] as? String == "pv" }?["tonnes_per_year"] as? Double)
        }
    }

    @Test("a trial of 2025 held to a plan with PV from 2025: actual grid power above plan by the PV's tonnes, a finding naming it")
    func trialAgainstPlan() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let pvTonnes = try await Self.savePlan(client, server)
            try await client.execute(uri: "\(Self.park)/trial", method: .put, headers: server.auth("manager", Self.json),
                                     body: ZeroParkServerTests.body(#"{"start":"2025-01-01","plan_version":1,"threshold":0.01}"#)) { response in
                #expect(response.status == .ok)
                let declaration = try #require(try response.json() as? [String: Any])
                // No end given: one year.
                #expect(declaration["end"] as? String == "2025-12-31" && declaration["plan_version"] as? Int == 1)
            }
            try await client.execute(uri: "\(Self.park)/trial", method: .get, headers: server.auth("auditor")) { response in
                #expect(response.status == .ok)
                let trial = try #require(try response.json() as? [String: Any])
                let months = try #require(trial["months"] as? [[String: Any]])
                #expect(months.count == 12 && months.allSatisfy { $0["status"] as? String == "compared" })
                #expect(trial["months_compared"] as? Int == 12 && trial["through"] as? String == "2025-12-31")
                // The plan took the PV's tonnes off grid electricity; the year happened without it, everything else as planned
                // (same typed data, same monthly profile, same sinks): actual − planned over the year = the PV's tonnes.
                let planned = try #require(trial["planned_net_to_date"] as? Double), actual = try #require(trial["actual_net_to_date"] as? Double)
                #expect(abs(actual - planned - pvTonnes) < 1e-6)
                let findings = try #require(trial["findings"] as? [[String: Any]])
                let toDate = try #require(findings.last)
                #expect(toDate["month"] == nil && toDate["direction"] as? String == "above_plan")
                let cause = try #require((toDate["causes"] as? [[String: Any]])?.first)
                #expect(cause["source"] as? String == "grid-electricity" && abs((cause["deviation"] as? Double ?? 0) - pvTonnes) < 1e-6)
                // 2025 plans no purchases (offsets from 2029).
                #expect((trial["offsets"] as? [[String: Any]])?.first?["planned"] as? Double == 0)
            }
            // Tenants are refused before anything is looked up, as for plans: the answer does not say whether a trial exists.
            try await client.execute(uri: "\(Self.park)/trial", method: .get, headers: server.auth("logistics")) { #expect($0.status == .forbidden) }
        }
    }

    @Test("a trial is one year, held to a stored version; only admins and managers declare it")
    func declarationRules() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/trial", method: .get, headers: server.auth("manager")) { #expect($0.status == .notFound) }
            try await client.execute(uri: "\(Self.park)/trial", method: .put, headers: server.auth("manager", Self.json),
                                     body: ZeroParkServerTests.body(#"{"start":"2025-01-01","plan_version":1,"threshold":0.1}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let field = try response.error()["field"] as? String
                #expect(field == "plan_version")
            }
            _ = try await Self.savePlan(client, server)
            try await client.execute(uri: "\(Self.park)/trial", method: .put, headers: server.auth("manager", Self.json),
                                     body: ZeroParkServerTests.body(#"{"start":"2025-01-01","end":"2025-06-30","plan_version":1,"threshold":0.1}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "end" && (error["message"] as? String)?.contains("181") == true)
            }
            try await client.execute(uri: "\(Self.park)/trial", method: .put, headers: server.auth("manager", Self.json),
                                     body: ZeroParkServerTests.body(#"{"start":"2025-01-01","plan_version":1,"threshold":0}"#)) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "\(Self.park)/trial", method: .put, headers: server.auth("auditor", Self.json),
                                     body: ZeroParkServerTests.body(#"{"start":"2025-01-01","plan_version":1,"threshold":0.1}"#)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "\(Self.park)/trial", method: .put, headers: server.auth("manager", Self.json),
                                     body: ZeroParkServerTests.body(#"{"start":"2025-07-01","plan_version":1,"threshold":0.1}"#)) { response in
                #expect(response.status == .ok)
                let end = try (response.json() as? [String: Any])?["end"] as? String
                #expect(end == "2026-06-30")
            }
        }
    }
}

/// `PUT/GET /api/v1/parks/{park}/output` and the plan page's continuous-improvement table (issue #10 item 7;
/// STANDARD.md 1.1.14): a year's own area and output value drive that year's intensities.
struct YearOutputTests {
    @Test("a recorded year's output value changes that year's tCO2 per 10,000 CNY, and only that year's")
    func recordedOutput() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let park = TrialAPITests.park
            func perOutput(_ year: Int) async throws -> Double? {
                try await client.execute(uri: "\(park)/inventory?year=\(year)", method: .get, headers: server.auth("manager")) { response in
                    let document = try #require(try response.json() as? [String: Any])
                    return (document["intensity"] as? [String: Any])?["tco2_per_10k_cny"] as? Double
                }
            }
            // Before: the profile's 6.2e9 CNY. 2025's 40,851.35 t ÷ 620,000 (万元) = 0.06589 tCO2/万元.
            let before = try #require(try await perOutput(2025))
            #expect(abs(before - 40_851.35 / 620_000) < 1e-6)
            let before2024 = try await perOutput(2024)
            try await client.execute(uri: "\(park)/output/2025", method: .put, headers: server.auth("manager", TrialAPITests.json),
                                     body: ZeroParkServerTests.body(#"{"area_m2":850000,"output_value_cny":8000000000,"data_source":"统计年报 2025"}"#)) { response in
                #expect(response.status == .ok)
            }
            // After: 40,851.35 ÷ 800,000 = 0.05106 tCO2/万元; 2024 keeps the profile's value.
            let after = try #require(try await perOutput(2025))
            #expect(abs(after - 40_851.35 / 800_000) < 1e-6)
            #expect(try await perOutput(2024) == before2024)
            try await client.execute(uri: "\(park)/output", method: .get, headers: server.auth("auditor")) { response in
                let years = try #require(try response.json() as? [[String: Any]])
                #expect(years.count == 1 && years[0]["year"] as? Int == 2025 && years[0]["data_source"] as? String == "统计年报 2025")
            }
            try await client.execute(uri: "\(park)/output/2025", method: .put, headers: server.auth("manager", TrialAPITests.json),
                                     body: ZeroParkServerTests.body(#"{"area_m2":0,"data_source":"x"}"#)) { #expect($0.status == .unprocessableContent) }
            try await client.execute(uri: "\(park)/output/2025", method: .put, headers: server.auth("auditor", TrialAPITests.json),
                                     body: ZeroParkServerTests.body(#"{"area_m2":1,"data_source":"x"}"#)) { #expect($0.status == .forbidden) }
            // The plan page tracks output per area and emissions per output year by year.
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "/parks/nansha-demo/plan?year=2025", method: .get, headers: [.cookie: cookie]) { response in
                let html = response.text
                #expect(html.contains("id=\"improvement-2025\"") && html.contains("统计年报 2025") && html.contains("id=\"improvement-2024\""))
                // 2025: 8e9 CNY on 850,000 m² = 9,412 CNY/m²; 0.0511 tCO2/万元.
                #expect(html.contains("<td class=\"num\">9,412</td>") && html.contains("<td class=\"num\">0.0511</td>"))
            }
        }
    }
}

/// A plan version saved before documents carried per-source figures cannot hold a trial: declaring one is
/// refused naming `plan_version`, and a trial already declared on one keeps its page (with the reason and
/// the form to declare another) instead of failing.
struct TrialLegacyPlanTests {
    @Test func aLegacyPlanVersionIsNamedNotFatal() async throws {
        let server = try await TestServer.make()
        let admin = try #require(try await server.store.caller(userID: 1))
        let legacy = #"{"format":"zeropark.plan/1","years":[{"year":2025,"sinks":{},"offsets":[],"emissions_tco2":1}]}"#
        _ = try await server.store.savePlan(parkKey: "nansha-demo", baseYear: 2025, measuresFile: "zeropark_plan: 1", document: legacy,
                                            balanceYear: nil, reason: "旧版本", caller: admin)
        try await server.run { client in
            try await client.execute(uri: "\(TrialAPITests.park)/trial", method: .put, headers: server.auth("manager", TrialAPITests.json),
                                     body: ZeroParkServerTests.body(#"{"start":"2025-01-01","plan_version":1,"threshold":0.1}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let field = try response.error()["field"] as? String
                #expect(field == "plan_version")
            }
            // Declared directly in the store (as a database from before this check could hold it): the page still opens.
            _ = try await server.store.declareTrial(parkKey: "nansha-demo", start: CalendarDate(year: 2025, month: 1, day: 1)!,
                                                    end: CalendarDate(year: 2025, month: 12, day: 31)!, planVersion: 1, threshold: 0.1, caller: admin)
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "/parks/nansha-demo/trial", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("请重新保存规划") && response.text.contains("id=\"trial-form\""))
            }
            try await client.execute(uri: "/parks/nansha-demo", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
        }
    }
}
