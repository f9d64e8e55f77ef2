import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// `POST /api/v1/parks/{park}/dispatch/sizing` and `…/dispatch/rolling` (issue #9 items 4–6 through the
/// API): the hand-checked sizing day, roles, a missing section or a too-long rolling horizon answered 422
/// with the field named, and rolling operation on exact forecasts reaching perfect foresight.
struct DispatchStudyAPITests {
    static let park = DispatchAPITests.park
    static let json = DispatchAPITests.json

    static func list(_ xs: [Double]) -> String { "[" + xs.map { String($0) }.joined(separator: ",") + "]" }

    /// The day of `ScenarioStudiesTests.sizingRowAndItsPlanMeasureFollowTheHandExample`: load 100 kW,
    /// existing PV 0.5 kW/kWp × 100 kWp for 5 hours; new PV ≤ 100 kWp at 1 CNY/kWp → 100 kWp,
    /// 250 kWh/day avoided → 91.25 MWh a year.
    static func sizing(_ section: String = #","sizing":{"discount_rate":0.05,"pv":{"max_kwp":100,"reference_kwp":100,"capex_cny_per_kwp":1,"om_cny_per_kwp_year":0,"lifetime_years":25}}"#) -> String {
        let pv = (0..<24).map { (10..<15).contains($0) ? 50.0 : 0 }
        return #"{"zeropark_dispatch":1,"name":"api sizing","tariff":{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725},"#
            + #""horizon":{"start":"2025-07-14","hours":24,"step_minutes":60},"load":{"values":\#(list([Double](repeating: 100, count: 24))),"unit":"kW"},"#
            + #""pv":{"values":\#(list(pv)),"unit":"kW"},"carbon":{"grid_factor":"grid.guangdong","vintage":2023}\#(section)}"#
    }

    /// Seven days of history and one day to operate; load and PV repeat weekly.
    static func rolling(days: Int = 1) -> String {
        let load = (0..<(7 + days)).flatMap { d in (0..<24).map { h in (8..<18).contains(h) ? 300 + Double(d % 7) * 10 : 120 } }
        let pv = (0..<(7 + days)).flatMap { _ in (0..<24).map { h in (9..<16).contains(h) ? 80.0 : 0 } }
        return #"{"zeropark_dispatch":1,"tariff":{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725},"#
            + #""horizon":{"start":"2025-07-14","days":\#(days),"step_minutes":60},"load":{"values":\#(list(load)),"unit":"kW"},"#
            + #""pv":{"values":\#(list(pv)),"unit":"kW"},"battery":{"capacity_kwh":200,"max_charge_kw":100,"max_discharge_kw":100,"min_soc":0.1,"initial_soc":0.5},"#
            + #""rolling":{"horizon_hours":24,"history_days":7,"load_forecast":"seasonal_naive","pv_forecast":"seasonal_naive"}}"#
    }

    @Test func sizingAnswersTheHandExampleAndThePlansMeasures() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/dispatch/sizing", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(Self.sizing())) { response in
                #expect(response.status == .ok)
                let report = try #require(try response.json() as? [String: Any])
                #expect(report["format"] as? String == "zeropark.sizing/1")
                let chosen = try #require(report["chosen"] as? [String: Any])
                #expect(abs((chosen["pv_kwp"] as? Double ?? 0) - 100) < 1e-6)
                let rows = try #require(report["abatement"] as? [[String: Any]])
                #expect(abs((rows.first?["import_reduction_mwh_per_year"] as? Double ?? 0) - 91.25) < 1e-6)
                #expect((report["plan_measures_yaml"] as? String)?.contains("category: rooftop_pv") == true)
            }
            try await client.execute(uri: "\(Self.park)/dispatch/sizing", method: .post, headers: server.auth("logistics", Self.json),
                                     body: body(Self.sizing())) { #expect($0.status == .forbidden) }
            // No sizing section: 422 naming it.
            try await client.execute(uri: "\(Self.park)/dispatch/sizing", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(Self.sizing(""))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "sizing")
            }
            // A cost left out: 422 naming it (nothing is defaulted).
            try await client.execute(uri: "\(Self.park)/dispatch/sizing", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(Self.sizing(#","sizing":{"discount_rate":0.05,"pv":{"max_kwp":100,"reference_kwp":100,"om_cny_per_kwp_year":0,"lifetime_years":25}}"#))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "sizing.pv.capex_cny_per_kwp")
            }
        }
    }

    @Test func rollingOnExactForecastsReachesPerfectForesight() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/dispatch/rolling", method: .post, headers: server.auth("admin", Self.json),
                                     body: body(Self.rolling())) { response in
                #expect(response.status == .ok)
                let report = try #require(try response.json() as? [String: Any])
                #expect(report["format"] as? String == "zeropark.rolling/1")
                #expect(report["solves"] as? Int == 24)
                let gap = try #require(report["cost_gap_cny"] as? Double)
                #expect(abs(gap) < 1e-6)
                let score = try #require(report["load_forecast_score"] as? [String: Any])
                #expect(score["mae_kw"] as? Double == 0)
            }
            // The server takes at most a month of rolling operation.
            try await client.execute(uri: "\(Self.park)/dispatch/rolling", method: .post, headers: server.auth("admin", Self.json),
                                     body: body(Self.rolling(days: 40))) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "horizon.days")
            }
            // Nor more than a bounded number of step-solves: 31 days at 15 minutes with a week's window is refused.
            let heavy = Self.rolling().replacingOccurrences(of: #""days":1,"step_minutes":60"#, with: #""days":31,"step_minutes":15"#)
                .replacingOccurrences(of: #""horizon_hours":24"#, with: #""horizon_hours":168"#)
            try await client.execute(uri: "\(Self.park)/dispatch/rolling", method: .post, headers: server.auth("admin", Self.json),
                                     body: body(heavy)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "rolling.horizon_hours")
            }
            try await client.execute(uri: "\(Self.park)/dispatch/rolling", method: .post, headers: server.auth("viewer", Self.json),
                                     body: body(Self.rolling())) { #expect($0.status == .notFound) }
        }
        #expect(server.openAPI.contains("/parks/{park}/dispatch/rolling"))
    }
}
