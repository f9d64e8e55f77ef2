import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer
import ZeroParkStore

/// The telemetry pages as a park manager, a tenant and the public use them (issue #8 §1, §2, §9, §10).
struct TelemetryWebTests {
    static let api = "/api/v1/parks/nansha-demo"
    static let web = "/parks/nansha-demo"
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    static let admin = Caller(userID: 0, username: "test", displayName: "test", isSystemAdmin: true, memberships: [])

    static func meterJSON(_ key: String, enterprise: String? = nil, parent: String? = nil) -> String {
        let owner = enterprise.map { ",\"enterprise\":\"\($0)\"" } ?? ""
        let above = parent.map { ",\"parent\":\"\($0)\"" } ?? ""
        return "{\"key\":\"\(key)\",\"name\":\"表 \(key)\",\"quantity\":\"electricity_import\",\"unit\":\"kWh\",\"reading_kind\":\"interval\"\(owner)\(above)}"
    }

    /// The start of the current quarter-hour (always today in CST, never in the future), RFC 3339.
    static func slotNow() -> String {
        let now = Int64(Date().timeIntervalSince1970)
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(now - now % 900)))
    }

    static func readings(_ items: [(String, Double)]) -> String {
        let ts = slotNow()
        return "{\"readings\":[" + items.map { "{\"meter\":\"\($0.0)\",\"ts\":\"\(ts)\",\"value\":\($0.1)}" }.joined(separator: ",") + "]}"
    }

    /// Registers a main meter, a logistics sub-meter and a property meter, and sends readings for all three.
    static func seed(_ client: any TestClientProtocol, _ server: TestServer) async throws {
        let json = server.auth("manager", [.contentType: "application/json"])
        for body in [meterJSON("main"), meterJSON("sub-log", enterprise: "logistics", parent: "main"), meterJSON("prop", enterprise: "property")] {
            try await client.execute(uri: "\(api)/meters", method: .post, headers: json, body: ZeroParkServerTests.body(body)) { #expect($0.status == .created) }
        }
        try await client.execute(uri: "\(api)/readings", method: .post, headers: json,
                                 body: ZeroParkServerTests.body(readings([("main", 100), ("sub-log", 30), ("prop", 7)]))) { #expect($0.status == .ok) }
        try await server.store.cleanAll()
    }

    @Test("registry, meter page and live dashboard render for a manager, in Chinese and in English")
    func pagesRender() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await Self.seed(client, server)
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "\(Self.web)/meters", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("计量表台账") && html.contains("id=\"meter-main\"") && html.contains("id=\"meter-sub-log\""))
                #expect(html.contains("未计量差额"))
                // 100 − 30 = 70 kWh unmetered under the main meter today.
                #expect(html.contains("id=\"remainder-main\">70.00 kWh"))
                #expect(html.contains("id=\"nav-live\"") && html.contains("id=\"meter-form\""))
                #expect(!html.contains("Meter registry"))
            }
            try await client.execute(uri: "\(Self.web)/meters/main", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("原始读数") && html.contains("CST") && html.contains("id=\"raw-readings\""))
                #expect(html.contains("<svg") && html.contains("id=\"previous-day\""))
            }
            try await client.execute(uri: "\(Self.web)/meters/main?day=2026-01-01&lang=en", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("2026-01-01") && response.text.contains("No raw readings this day."))
            }
            try await client.execute(uri: "\(Self.web)/live", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("实时监测") && html.contains("/static/live.js") && html.contains("id=\"q-electricity_import-kWh\""))
                #expect(html.contains("电网购入"))  // the Sankey's grid import node
                #expect(!html.contains("<script>"))  // no inline script (CSP script-src 'self')
            }
            try await client.execute(uri: "\(Self.web)/live?lang=en", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains("Live monitoring") && response.text.contains("Grid import"))
            }
            try await client.execute(uri: "/static/live.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/javascript") == true)
                #expect(response.text.contains("EventSource"))
            }
        }
    }

    @Test("a tenant sees only its enterprise's meters; another enterprise's meter page is 404; no forms")
    func tenantScope() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await Self.seed(client, server)
            let cookie = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "\(Self.web)/meters", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("id=\"meter-sub-log\""))
                #expect(!html.contains("id=\"meter-main\"") && !html.contains("id=\"meter-prop\""))
                #expect(!html.contains("id=\"meter-form\""))
            }
            try await client.execute(uri: "\(Self.web)/meters/prop", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .notFound) }
            try await client.execute(uri: "\(Self.web)/meters/sub-log", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            try await client.execute(uri: "\(Self.web)/live", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("表 prop"))
            }
            try await client.execute(uri: "\(Self.web)/dead-letters", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .forbidden) }
        }
    }

    @Test("the live page's cached body follows data changes and is never shared between a tenant and the park")
    func liveBodyCache() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await Self.seed(client, server)
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            func live(_ cookie: String) async throws -> String {
                try await client.execute(uri: "\(Self.web)/live", method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status == .ok)
                    return response.text
                }
            }
            let first = try await live(manager)
            // 100 kWh in the current 15 minutes is 400 kW on the main meter.
            #expect(first.contains("id=\"p-main\">400.00 kW") && !first.contains("id=\"p-main2\""))
            let tenantPage = try await live(tenant)
            #expect(tenantPage.contains("id=\"p-sub-log\"") && !tenantPage.contains("id=\"p-main\"") && !tenantPage.contains("表 prop"))
            // The tenant's body did not replace the park's, nor the park's the tenant's.
            #expect(try await live(manager) == first)
            #expect(try await live(tenant) == tenantPage)
            // A new meter with a reading, cleaned: the next page shows it (the data version moved on).
            let json = server.auth("manager", [.contentType: "application/json"])
            try await client.execute(uri: "\(Self.api)/meters", method: .post, headers: json,
                                     body: ZeroParkServerTests.body(Self.meterJSON("main2"))) { #expect($0.status == .created) }
            try await client.execute(uri: "\(Self.api)/readings", method: .post, headers: json,
                                     body: ZeroParkServerTests.body(Self.readings([("main2", 50)]))) { #expect($0.status == .ok) }
            try await server.store.cleanAll()
            // 50 kWh in 15 minutes: 200 kW.
            #expect(try await live(manager).contains("id=\"p-main2\">200.00 kW"))
            #expect(!(try await live(tenant)).contains("id=\"p-main2\""))
        }
    }

    @Test("the meter form names the field at fault and keeps what was typed")
    func meterFormErrors() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "\(Self.web)/meters", method: .get, headers: [.cookie: cookie]) { $0.text }
            let token = try #require(WebTests.csrf(in: page))
            var headers = Self.form
            headers[.cookie] = cookie
            let base = "_csrf=\(token)&key=m9&name=%E4%B8%BB%E8%A1%A8&quantity=electricity_import&unit=kWh&reading_kind=interval"
            try await client.execute(uri: "\(Self.web)/meters", method: .post, headers: headers,
                                     body: ZeroParkServerTests.body(base + "&interval_minutes=7&multiplier=1")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("「采集间隔（分钟）」"))
                #expect(response.text.contains("class=\"invalid\">采集间隔"))
                #expect(response.text.contains("value=\"m9\""))
            }
            try await client.execute(uri: "\(Self.web)/meters?lang=en", method: .post, headers: headers,
                                     body: ZeroParkServerTests.body(base + "&interval_minutes=15&multiplier=abc")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Multiplier (CT×PT): not a number"))
            }
            try await client.execute(uri: "\(Self.web)/meters", method: .post, headers: headers,
                                     body: ZeroParkServerTests.body(base + "&interval_minutes=15&multiplier=1&parent=nope")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("「上级表」"))
            }
            try await client.execute(uri: "\(Self.web)/meters", method: .post, headers: headers,
                                     body: ZeroParkServerTests.body(base + "&interval_minutes=15&multiplier=1")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "\(Self.web)/meters/m9")
            }
            // Edit, then delete (no readings yet).
            try await client.execute(uri: "\(Self.web)/meters/m9/edit", method: .post, headers: headers,
                                     body: ZeroParkServerTests.body(base + "&interval_minutes=30&multiplier=2")) { #expect($0.status == .seeOther) }
            #expect(try await server.store.meter(parkKey: "nansha-demo", key: "m9", caller: Self.admin).multiplier == 2)
            try await client.execute(uri: "\(Self.web)/meters/m9/delete", method: .post, headers: headers,
                                     body: ZeroParkServerTests.body("_csrf=\(token)")) { #expect($0.status == .seeOther) }
        }
    }

    @Test("CSV meter import is all or nothing and names line and column of every error")
    func csvImport() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "\(Self.web)/meters", method: .get, headers: [.cookie: cookie]) { $0.text }
            let token = try #require(WebTests.csrf(in: page))
            var headers = Self.form
            headers[.cookie] = cookie
            let header = "key,name,quantity,unit,reading_kind,interval_minutes,multiplier,counter_modulus,enterprise,feeds,parent\n"
            func post(_ csv: String) async throws -> TestResponse {
                let encoded = csv.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                return try await client.execute(uri: "\(Self.web)/meters/import", method: .post, headers: headers,
                                                body: ZeroParkServerTests.body("_csrf=\(token)&csv=\(encoded)"))
            }
            let bad = header
                + "a1,表一,electricity_import,kWh,interval,15,1,,,,\n"
                + "a2,表二,electricity_import,kWh,sometimes,15,1,,,,\n"
                + "a3,表三,electricity_import,kWh,interval,7,1,,,,\n"
                + "a4,表四,electricity_import,kWh,interval,15,1,,nobody,,\n"
            let before = try await server.store.meters(parkKey: "nansha-demo", caller: Self.admin).map(\.key).sorted()
            let refused = try await post(bad)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("第 3 行第 5 列（reading_kind）"))
            // Parse errors stop before the store: fix line 3, the store's checks report lines 4 and 5.
            let second = try await post(bad.replacingOccurrences(of: "sometimes", with: "interval"))
            #expect(second.status == .unprocessableContent)
            #expect(second.text.contains("第 4 行第 6 列（interval_minutes）"))
            #expect(second.text.contains("第 5 行第 9 列（enterprise）"))
            #expect(try await server.store.meters(parkKey: "nansha-demo", caller: Self.admin).map(\.key).sorted() == before)
            // A child before its parent is fine: parents are registered first.
            let good = header
                + "child,分表,electricity_import,kWh,interval,15,1,,logistics,,parent\n"
                + "parent,总表,electricity_import,kWh,cumulative,15,80,1000000,,,\n"
            let accepted = try await post(good)
            #expect(accepted.status == .seeOther)
            let meters = try await server.store.meters(parkKey: "nansha-demo", caller: Self.admin)
            #expect(meters.map(\.key).sorted() == (before + ["child", "parent"]).sorted())
            #expect(meters.first { $0.key == "parent" }?.counterModulus == 1_000_000)
        }
    }

    @Test("the live event stream sends an update after an ingest and a cleaning pass")
    func liveEvents() async throws {
        let server = try await TestServer.make()
        let live = LiveUpdates()
        let app = ZeroParkServer.buildApplication(configuration: ServerConfiguration(bcryptCost: 4), store: server.store, live: live)
        try await app.test(.router) { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let json = server.auth("manager", [.contentType: "application/json"])
            try await client.execute(uri: "\(Self.api)/meters", method: .post, headers: json,
                                     body: ZeroParkServerTests.body(Self.meterJSON("main"))) { #expect($0.status == .created) }
            let text = try await withThrowingTaskGroup(of: String?.self) { group in
                group.addTask {
                    try await client.execute(uri: "\(Self.web)/live/events?events=1", method: .get, headers: [.cookie: cookie]) { response in
                        #expect(response.status == .ok)
                        #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                        return response.text
                    }
                }
                group.addTask {
                    var waited = 0
                    while await live.count == 0, waited < 1_000 {
                        try await Task.sleep(for: .milliseconds(10))
                        waited += 1
                    }
                    try await client.execute(uri: "\(Self.api)/readings", method: .post, headers: json,
                                             body: ZeroParkServerTests.body(Self.readings([("main", 1234.5)]))) { #expect($0.status == .ok) }
                    try await server.store.cleanAll()
                    await live.publish()
                    return nil
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(30))
                    return "timeout"
                }
                var stream: String?
                for try await result in group {
                    if let result {
                        stream = result
                        break
                    }
                }
                group.cancelAll()
                return stream ?? ""
            }
            #expect(text != "timeout")
            #expect(text.contains("event: update\ndata: {"))
            #expect(text.contains("\"q-electricity_import-kWh\":\"1,234.5\""))
            #expect(await live.count == 0)  // unsubscribed when the stream ended
        }
    }

    @Test("dead letters: managers see them escaped; the disclosure shows the ledger head after an ingest")
    func deadLettersAndChain() async throws {
        let server = try await TestServer.make()
        try await server.store.recordDeadLetters([(parkKey: "nansha-demo", channel: "mqtt", topic: "zeropark/nansha-demo/x",
                                                   payload: Array("<script>alert(1)</script>".utf8), reason: "unknown meter x")])
        try await server.run { client in
            try await Self.seed(client, server)
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "\(Self.web)/dead-letters", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!response.text.contains("<script>alert"))
                #expect(response.text.contains("unknown meter x"))
            }
            let heads = try await server.store.ledgerDayHeads(parkKey: "nansha-demo", limit: 1)
            let head = try #require(heads.first)
            try await client.execute(uri: "/public/nansha-demo", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"chain-heads\""))
                #expect(response.text.contains("title=\"\(head.link)\""))
                #expect(response.text.contains("zeropark verify"))
            }
        }
    }
}
