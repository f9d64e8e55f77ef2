import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import ZeroParkServer
import ZeroParkStore
import ZeroParkTelemetry

/// The alert API and page as a park manager, a tenant and a park admin use them, and webhook delivery
/// to a real HTTP listener (issue #8 §8).
struct AlertAPITests {
    static let park = "/api/v1/parks/nansha-demo"
    static let json: HTTPFields = [.contentType: "application/json"]
    /// 2026-11-20 00:00 CST (in the past of the test run's clock, so readings are accepted).
    static let night: Int64 = 1_795_104_000

    /// A water meter of the property enterprise with a leaking night (0.35 m³ minimum 00:00–05:00),
    /// a night-baseline rule on it, cleaned and evaluated at 06:00: one open alert.
    static func leakingWater(_ server: TestServer, _ client: any TestClientProtocol) async throws -> Int {
        let meter = #"{"key":"alert-water","name":"物业总水表","quantity":"water","unit":"m3","reading_kind":"interval","enterprise":"property"}"#
        try await client.execute(uri: "\(park)/meters", method: .post, headers: server.auth("manager", json), body: body(meter)) {
            #expect($0.status == .created)
        }
        let rule = #"{"key":"water-leak","meter":"alert-water","kind":"night_baseline","threshold":0.2,"from_hour":0,"to_hour":5}"#
        try await client.execute(uri: "\(park)/alert-rules", method: .post, headers: server.auth("manager", json), body: body(rule)) { response in
            #expect(response.status == .created)
            let created = try #require(try response.json() as? [String: Any])
            #expect(created["description"] as? String == "夜间基线：0–5 时最小流量持续高于 0.2 m³")
            #expect(created["created_by"] as? String == "manager" && created["from_hour"] as? Int == 0)
        }
        let readings = (0..<24).map { k in
            let minutes = k * 15
            let value = k == 7 ? "0.35" : (k < 20 ? "0.5" : "1")
            return String(format: #"{"meter":"alert-water","ts":"2026-11-20T%02d:%02d:00+08:00","value":"#, minutes / 60, minutes % 60) + value + "}"
        }
        try await client.execute(uri: "\(park)/readings", method: .post, headers: server.auth("manager", json),
                                 body: body("{\"readings\":[\(readings.joined(separator: ","))]}")) { response in
            #expect(response.status == .ok)
        }
        try await server.store.cleanAll()
        let evaluation = try await server.store.evaluateAlerts(now: night + 6 * 3_600)
        return Int(try #require(evaluation.opened.first))
    }

    @Test func rulesAlertsAndTransitionsThroughTheAPI() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let id = try await Self.leakingWater(server, client)
            try await client.execute(uri: "\(Self.park)/alerts?state=open", method: .get, headers: server.auth("property")) { response in
                #expect(response.status == .ok)
                let alerts = try #require(try response.json() as? [[String: Any]])
                #expect(alerts.count == 1 && alerts.first?["id"] as? Int == id && alerts.first?["state"] as? String == "open")
                #expect(alerts.first?["observed_value"] as? Double == 0.35 && alerts.first?["observed_at"] as? String == "2026-11-20T00:00:00+08:00")
                #expect((alerts.first?["observed"] as? String)?.contains("夜间最小值 0.35 m³") == true)
            }
            try await client.execute(uri: "\(Self.park)/alerts?lang=en", method: .get, headers: server.auth("manager")) { response in
                let alerts = try #require(try response.json() as? [[String: Any]])
                let rule = try #require(alerts.first?["rule"] as? [String: Any])
                #expect(rule["description"] as? String == "Night baseline: the minimum flow 0–5 h stays above 0.2 m³")
            }
            // The other enterprise sees neither the rule nor the alert.
            try await client.execute(uri: "\(Self.park)/alerts", method: .get, headers: server.auth("logistics")) { response in
                let decoded = try response.json() as? [[String: Any]]
                #expect(decoded?.isEmpty == true)
            }
            try await client.execute(uri: "\(Self.park)/alert-rules", method: .get, headers: server.auth("logistics")) { response in
                let decoded = try response.json() as? [[String: Any]]
                #expect(decoded?.isEmpty == true)
            }
            try await client.execute(uri: "\(Self.park)/alerts/\(id)/acknowledge", method: .post, headers: server.auth("logistics", Self.json),
                                     body: body("{}")) { #expect($0.status == .notFound) }
            try await client.execute(uri: "\(Self.park)/alerts?state=bogus", method: .get, headers: server.auth("manager")) {
                #expect($0.status == .badRequest)
            }
            // The meter's own tenant acknowledges with a note.
            try await client.execute(uri: "\(Self.park)/alerts/\(id)/acknowledge", method: .post, headers: server.auth("property", Self.json),
                                     body: body(#"{"note":"夜间有人用水？已派人查看"}"#)) { response in
                #expect(response.status == .ok)
                let alert = try #require(try response.json() as? [String: Any])
                #expect(alert["state"] as? String == "acknowledged")
                let events = try #require(alert["events"] as? [[String: Any]])
                #expect(events.map { $0["actor"] as? String ?? "" } == ["system", "property"])
                #expect(events.last?["note"] as? String == "夜间有人用水？已派人查看")
            }
            try await client.execute(uri: "\(Self.park)/alerts/\(id)/resolve", method: .post, headers: server.auth("viewer", Self.json),
                                     body: body("{}")) { #expect($0.status == .notFound) }  // not a member of this park
            try await client.execute(uri: "\(Self.park)/alerts/\(id)/resolve", method: .post, headers: server.auth("auditor", Self.json),
                                     body: body("{}")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "\(Self.park)/alerts/abc/resolve", method: .post, headers: server.auth("manager", Self.json),
                                     body: body("{}")) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "\(Self.park)/alerts/99999/resolve", method: .post, headers: server.auth("manager", Self.json),
                                     body: body("{}")) { #expect($0.status == .notFound) }
            try await client.execute(uri: "\(Self.park)/alerts/\(id)/resolve", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(#"{"note":"阀门已关闭"}"#)) { response in
                #expect(response.status == .ok)
                let decoded = try response.json() as? [String: Any]
                #expect(decoded?["state"] as? String == "resolved")
            }
            try await client.execute(uri: "\(Self.park)/alerts/\(id)/resolve", method: .post, headers: server.auth("manager", Self.json),
                                     body: body("{}")) { #expect($0.status == .conflict) }
            // Rules: checked (422 naming the field), unique (409), written by editors only (403).
            try await client.execute(uri: "\(Self.park)/alert-rules", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(#"{"key":"bad","meter":"alert-water","kind":"night_baseline","threshold":0.2,"from_hour":0}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let error = try response.error()
                #expect(error["field"] as? String == "to_hour")
            }
            try await client.execute(uri: "\(Self.park)/alert-rules", method: .post, headers: server.auth("manager", Self.json),
                                     body: body(#"{"key":"water-leak","meter":"alert-water","kind":"offline","slots":4}"#)) { #expect($0.status == .conflict) }
            try await client.execute(uri: "\(Self.park)/alert-rules", method: .post, headers: server.auth("property", Self.json),
                                     body: body(#"{"key":"mine","meter":"alert-water","kind":"offline","slots":4}"#)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "\(Self.park)/alert-rules/water-leak", method: .delete, headers: server.auth("manager")) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "\(Self.park)/alerts?state=resolved", method: .get, headers: server.auth("manager")) { response in
                let decoded = try response.json() as? [[String: Any]]
                #expect(decoded?.count == 1)  // the history outlives the rule
            }
        }
    }

    @Test func webhookSettingIsForParkAdminsAndChecked() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)/alert-webhook", method: .get, headers: server.auth("admin")) { response in
                #expect(response.status == .ok && response.text == #"{"url":null}"#)
            }
            try await client.execute(uri: "\(Self.park)/alert-webhook", method: .put, headers: server.auth("manager", Self.json),
                                     body: body(#"{"url":"https://hooks.example.cn/x"}"#)) { #expect($0.status == .forbidden) }
            for bad in ["ftp://hooks.example.cn/x", "https://u:p@hooks.example.cn/x", "https:///x"] {
                try await client.execute(uri: "\(Self.park)/alert-webhook", method: .put, headers: server.auth("admin", Self.json),
                                         body: body("{\"url\":\"\(bad)\"}")) { response in
                    #expect(response.status == .unprocessableContent, "\(bad)")
                    let error = try response.error()
                    #expect(error["field"] as? String == "url")
                }
            }
            try await client.execute(uri: "\(Self.park)/alert-webhook", method: .put, headers: server.auth("admin", Self.json),
                                     body: body(#"{"url":"https://oapi.dingtalk.com/robot/send?access_token=abc"}"#)) { response in
                #expect(response.status == .ok)
                let decoded = try response.json() as? [String: Any]
                #expect(decoded?["url"] as? String == "https://oapi.dingtalk.com/robot/send?access_token=abc")
            }
        }
    }

    @Test func alertsPageListsActsAndManagesRules() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let id = try await Self.leakingWater(server, client)
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let headers: HTTPFields = [.cookie: cookie]
            var form = headers
            form[.contentType] = "application/x-www-form-urlencoded"
            let page = try await client.execute(uri: "/parks/nansha-demo/alerts", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                return response.text
            }
            #expect(page.contains("href=\"/parks/nansha-demo/alerts?year=2025\" class=\"on\">告警</a>"))
            #expect(page.contains("id=\"alert-\(id)\"") && page.contains("夜间基线：0–5 时最小流量持续高于 0.2 m³"))
            #expect(page.contains("夜间最小值 0.35 m³（自 2026-11-20 00:00 起）") && page.contains("2026-11-20 06:00"))
            #expect(page.contains("id=\"acknowledge-\(id)\"") && page.contains("<select name=\"meter\""))
            #expect(!page.contains("id=\"alert-webhook\""))  // the webhook is for park admins
            let token = try #require(WebTests.csrf(in: page))
            try await client.execute(uri: "/parks/nansha-demo/alerts/\(id)/acknowledge", method: .post, headers: form,
                                     body: body("note=x")) { #expect($0.status == .forbidden) }  // no CSRF token
            try await client.execute(uri: "/parks/nansha-demo/alerts/\(id)/acknowledge", method: .post, headers: form,
                                     body: body("_csrf=\(token)&note=%E5%B7%B2%E6%9F%A5%E7%9C%8B")) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/parks/nansha-demo/alert-rules", method: .post, headers: form,
                                     body: body("_csrf=\(token)&key=so2&meter=alert-water&kind=above&threshold=abc&slots=3")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("id=\"form-error\"") && response.text.contains("value=\"so2\""))
            }
            try await client.execute(uri: "/parks/nansha-demo/alert-rules", method: .post, headers: form,
                                     body: body("_csrf=\(token)&key=water-high&meter=alert-water&kind=above&threshold=5&slots=2&enabled=true")) {
                #expect($0.status == .seeOther)
            }
            let english = try await client.execute(uri: "/parks/nansha-demo/alerts?lang=en", method: .get, headers: headers) { $0.text }
            #expect(english.contains("Upper limit: above 5 m³ for 2 consecutive 15-min intervals"))
            #expect(english.contains("manager acknowledged：已查看") || english.contains("manager acknowledged"))
            try await client.execute(uri: "/parks/nansha-demo/alert-rules/water-high/delete", method: .post, headers: form,
                                     body: body("_csrf=\(token)")) { #expect($0.status == .seeOther) }
            let admin = try #require(try await server.store.caller(userID: 1))
            #expect(try await server.store.alertRules(parkKey: "nansha-demo", caller: admin)
                .map(\.key) == ["water-leak"])
            // A park admin sets the webhook on the page; a bad URL is shown back as an error.
            let adminCookie = try await WebTests.login(client, "admin", "zeropark-admin")
            var adminForm: HTTPFields = [.cookie: adminCookie, .contentType: "application/x-www-form-urlencoded"]
            let adminPage = try await client.execute(uri: "/parks/nansha-demo/alerts", method: .get, headers: [.cookie: adminCookie]) { $0.text }
            #expect(adminPage.contains("id=\"alert-webhook\""))
            let adminToken = try #require(WebTests.csrf(in: adminPage))
            try await client.execute(uri: "/parks/nansha-demo/alert-webhook", method: .post, headers: adminForm,
                                     body: body("_csrf=\(adminToken)&url=ftp%3A%2F%2Fx")) { #expect($0.status == .unprocessableContent) }
            try await client.execute(uri: "/parks/nansha-demo/alert-webhook", method: .post, headers: adminForm,
                                     body: body("_csrf=\(adminToken)&url=https%3A%2F%2Fhooks.example.cn%2Fzp")) { #expect($0.status == .seeOther) }
            adminForm[.contentType] = nil
            let after = try await client.execute(uri: "/parks/nansha-demo/alerts", method: .get, headers: adminForm) { $0.text }
            #expect(after.contains("value=\"https://hooks.example.cn/zp\""))
        }
    }

    /// Records the bodies POSTed to it.
    actor Received {
        var bodies: [Data] = []
        var flakyCalls = 0
        func add(_ data: Data) { bodies.append(data) }
        /// 503 on the first call, 200 after.
        func flaky() -> HTTPResponse.Status {
            flakyCalls += 1
            return flakyCalls == 1 ? .serviceUnavailable : .ok
        }
    }

    @Test("opened and resolved alerts are POSTed to a real HTTP listener; each delivery is recorded with its status or error")
    func webhookDelivery() async throws {
        let server = try await TestServer.make()
        let received = Received()
        let router = Router()
        router.post("hook") { request, _ -> HTTPResponse.Status in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            await received.add(Data(buffer.readableBytesView))
            return .ok
        }
        router.post("flaky") { _, _ -> HTTPResponse.Status in await received.flaky() }
        let listener = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await listener.test(.live) { client in
            let port = try #require(client.port)
            let admin = try #require(try await server.store.caller(userID: 1))
            try await server.store.setAlertWebhook(parkKey: "nansha-demo", url: "http://localhost:\(port)/hook", caller: admin)
            _ = try await server.store.createMeter(parkKey: "nansha-demo", meter: MeterDefinition(
                key: "gw-1", name: "网关一号", quantity: .electricityImport, unit: "kWh", readingKind: .interval), caller: admin)
            _ = try await server.store.createAlertRule(parkKey: "nansha-demo", rule: AlertRule(
                key: "gw-offline", meter: "gw-1", kind: .offline, slots: 4), caller: admin)
            let now = Self.night + 3_600
            let service = AlertService(store: server.store, live: nil, logger: Logger(label: "test"),
                                       retryDelays: [.milliseconds(20), .milliseconds(20)], clock: { now })
            let result = try #require(await service.evaluate())
            let id = try #require(result.opened.first)
            let bodies = await received.bodies
            #expect(bodies.count == 1)
            let firstBody = try #require(bodies.first)
            let payload = try #require(try JSONSerialization.jsonObject(with: firstBody) as? [String: Any])
            #expect(payload["event"] as? String == "opened" && payload["park"] as? String == "nansha-demo")
            #expect(payload["rule_zh"] as? String == "离线：连续 4 个采集间隔（60 分钟）无数据")
            #expect((payload["alert"] as? [String: Any])?["id"] as? Int == Int(id))
            #expect((payload["text"] as? String)?.contains("告警触发") == true)
            var events = try await server.store.alert(parkKey: "nansha-demo", id: id, caller: admin).events
            #expect(events.map(\.action) == ["opened", "webhook"] && events.last?.status == 200)
            // Resolved by hand: delivered on the next round. Then a listener that is not there: the error is recorded.
            _ = try await server.store.resolveAlert(parkKey: "nansha-demo", id: id, note: "网关已更换", caller: admin)
            await service.evaluate()
            #expect(await received.bodies.count == 2)
            let secondBody = try #require(await received.bodies.last)
            let second = try #require(try JSONSerialization.jsonObject(with: secondBody) as? [String: Any])
            #expect(second["event"] as? String == "resolved" && second["note"] as? String == "网关已更换" && second["actor"] as? String == "admin")
            try await server.store.setAlertWebhook(parkKey: "nansha-demo", url: "http://127.0.0.1:9/hook", caller: admin)
            _ = try await server.store.createAlertRule(parkKey: "nansha-demo", rule: AlertRule(
                key: "gw-offline-2", meter: "gw-1", kind: .offline, slots: 8), caller: admin)
            let third = try #require(await service.evaluate())
            let failed = try #require(third.opened.first)
            events = try await server.store.alert(parkKey: "nansha-demo", id: failed, caller: admin).events
            #expect(events.map(\.action) == ["opened", "webhook"] && events.last?.status == nil)
            #expect(events.last?.note?.hasSuffix("(3 attempts)") == true, "no answer: tried three times")
            // A 503 is tried again, and the second answer (200) is what is recorded.
            try await server.store.setAlertWebhook(parkKey: "nansha-demo", url: "http://localhost:\(port)/flaky", caller: admin)
            _ = try await server.store.createAlertRule(parkKey: "nansha-demo", rule: AlertRule(
                key: "gw-offline-3", meter: "gw-1", kind: .offline, slots: 12), caller: admin)
            let fourthRound = try #require(await service.evaluate())
            let fourth = try #require(fourthRound.opened.first)
            events = try await server.store.alert(parkKey: "nansha-demo", id: fourth, caller: admin).events
            #expect(events.last?.action == "webhook" && events.last?.status == 200)
            #expect(await received.flakyCalls == 2)
        }
    }
}
