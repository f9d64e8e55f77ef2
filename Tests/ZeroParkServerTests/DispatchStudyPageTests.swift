import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer
import ZeroParkStore

/// The `/parks/{park}/dispatch` page's studies: sizing from the form (costs supplied by the test, as a
/// park would from its quotes) shows the result and the plan measures; a missing cost is a 422 naming
/// the scenario field; rolling operation shows its result. The park's meters carry ten days of the demo
/// history from 2025-11-01.
struct DispatchStudyPageTests {
    static let page = "/parks/nansha-demo/dispatch"

    /// The demo's simulated readings for the first ten days of its history.
    static func seedReadings(_ store: SQLiteParkStore) async throws {
        var state = DemoMeters.CounterState()
        let from = DemoMeters.historyStart, to = from + 10 * 86_400
        for batch in DemoMeters.batches(DemoMeters.readings(from: from, to: to, state: &state)) {
            _ = try await store.ingest(parkKey: DemoMeters.park, batch: batch, channel: .simulator, actor: .system("test"), now: to,
                                       duplicates: .refuse)
        }
        try await store.cleanAll()
    }

    /// The shared part of the form: a Guangdong tariff, hourly steps, main meter + PV as load, PV meter.
    static func form(_ token: String, start: String, days: Int) -> String {
        "_csrf=\(token)&tariff=cn-gd-tou-2021-331&base_price=0.6725&start=\(start)&days=\(days)&step=60&efficiency=0.95"
            + "&min_soc=0.1&max_soc=0.95&pv_scale=1&grid_factor=grid.guangdong&surplus_only=true"
            + "&load_grid-main=true&load_pv-inverter=true&pv_pv-inverter=true"
    }

    /// Test inputs (not reference data): the sizing costs a park would take from its quotes.
    static let sizingCosts = "&sizing_discount_rate=0.06&sizing_pv_max_kwp=5000&sizing_pv_om_cny_per_kwp_year=40"
        + "&sizing_pv_lifetime_years=25&sizing_pv_reference_kwp=4000&sizing_battery_max_kwh=4000&sizing_battery_max_kw=2000"
        + "&sizing_battery_capex_cny_per_kwh=1000&sizing_battery_om_cny_per_kwh_year=10&sizing_battery_capex_cny_per_kw=300"
        + "&sizing_battery_om_cny_per_kw_year=5&sizing_battery_lifetime_years=12"

    static func formHeaders(_ cookie: String) -> HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }

    @Test func sizingShowsTheResultAndThePlanMeasures() async throws {
        let server = try await TestServer.make()
        try await Self.seedReadings(server.store)
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: Self.page, method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("name=\"study\""))
                #expect(response.text.contains("容量配置（sizing）"))
                // No cost is prefilled.
                #expect(response.text.contains("name=\"sizing_pv_capex_cny_per_kwp\" value=\"\""))
                return response.text
            }
            let token = try #require(WebTests.csrf(in: page))
            let base = Self.form(token, start: "2025-11-02", days: 2) + "&study=sizing&capacity=500&power=250"
            try await client.execute(uri: Self.page, method: .post, headers: Self.formHeaders(cookie),
                                     body: body(base + Self.sizingCosts + "&sizing_pv_capex_cny_per_kwp=3500")) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("id=\"sizing-result\""))
                #expect(!html.contains("id=\"dispatch-result\""))
                #expect(html.contains("id=\"sizing-plan-yaml\""))
                #expect(html.contains("category: rooftop_pv") || html.contains("category: storage"))
                #expect(html.contains("href=\"/parks/nansha-demo/plan\""))
                #expect(html.contains("id=\"sizing-chart\"><svg"))
                // The existing battery of the form was left out, and the page says so.
                #expect(html.contains("上面填写的现有储能容量未计入容量配置"))
            }
            // Without the PV capital cost: 422 naming the scenario field, still the page.
            try await client.execute(uri: Self.page, method: .post, headers: Self.formHeaders(cookie),
                                     body: body(base + Self.sizingCosts)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("sizing.pv.capex_cny_per_kwp"))
                #expect(!response.text.contains("id=\"sizing-result\""))
            }
        }
    }

    @Test func rollingShowsTheResult() async throws {
        let server = try await TestServer.make()
        try await Self.seedReadings(server.store)
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: Self.page, method: .get, headers: [.cookie: cookie]) { $0.text }
            let token = try #require(WebTests.csrf(in: page))
            let rolling = Self.form(token, start: "2025-11-09", days: 1) + "&capacity=2000&power=1000&study=rolling"
                + "&rolling_horizon_hours=24&rolling_history_days=7&rolling_load_forecast=seasonal_naive"
            // clear_sky without the site's coordinates is refused naming the field.
            try await client.execute(uri: Self.page, method: .post, headers: Self.formHeaders(cookie),
                                     body: body(rolling + "&rolling_pv_forecast=clear_sky")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("rolling.latitude"))
            }
            try await client.execute(uri: Self.page, method: .post, headers: Self.formHeaders(cookie),
                                     body: body(rolling + "&rolling_pv_forecast=seasonal_naive")) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("id=\"rolling-result\""))
                #expect(html.contains("id=\"rolling-costs\""))
                #expect(html.contains("id=\"rolling-scores\""))
                #expect(html.contains("id=\"rolling-chart\"><svg"))
            }
        }
    }
}
