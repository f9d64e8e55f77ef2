import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// `/parks/{park}/trial` (issue #10 item 6): declared from the page by a manager, read by an auditor,
/// refused to tenants; findings name their sources in Chinese; re-planning from actuals opens the plan
/// page on the last twelve months.
struct TrialPageTests {
    @Test func managersDeclareAuditorsReadTenantsAreRefused() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            _ = try await TrialAPITests.savePlan(client, server)
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/trial", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("试运行年跟踪") && response.text.contains("id=\"trial-none\"") && response.text.contains("id=\"trial-form\""))
                #expect(response.text.contains("id=\"nav-trial\""))
                return response.text
            }
            let token = try #require(WebTests.csrf(in: page))
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            // Half a year is refused on the page, with what was typed kept.
            try await client.execute(uri: "/parks/nansha-demo/trial", method: .post, headers: form,
                                     body: body("_csrf=\(token)&start=2025-01-01&end=2025-06-30&plan_version=1&threshold=5")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("id=\"form-error\"") && response.text.contains("365 或 366 天") && response.text.contains("value=\"2025-06-30\""))
            }
            try await client.execute(uri: "/parks/nansha-demo/trial", method: .post, headers: form,
                                     body: body("_csrf=\(token)&start=2025-01-01&end=&plan_version=1&threshold=1")) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/parks/nansha-demo/trial")
            }
            let auditor = try await WebTests.login(client, "auditor", "zeropark-auditor")
            try await client.execute(uri: "/parks/nansha-demo/trial", method: .get, headers: [.cookie: auditor]) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("id=\"trial-period\">2025-01-01 – 2025-12-31") && html.contains("id=\"trial-through\">2025-12-31"))
                // The PV the plan counted on was not there: grid power above plan, named in Chinese.
                #expect(html.contains("id=\"finding-to-date\"") && html.contains("高于计划") && html.contains("外购电网电力 +"))
                #expect(html.contains("id=\"month-2025-12\"") && html.contains("<svg"))
                #expect(!html.contains("id=\"trial-form\""))  // readers do not declare
            }
            try await client.execute(uri: "/parks/nansha-demo/trial?lang=en", method: .get, headers: [.cookie: auditor]) { response in
                #expect(response.text.contains("Trial year") && response.text.contains("above plan") && !response.text.contains("高于计划"))
            }
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/trial", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .forbidden) }
            // The dashboard carries the findings for the park's people, not for tenants.
            try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains("id=\"trial-banner\"") && response.text.contains("已比较 12 个月") && response.text.contains("外购电网电力 +"))
            }
            try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: [.cookie: tenant]) { response in
                #expect(response.status == .ok && !response.text.contains("trial-banner"))
            }
            // Re-planning from actuals: the plan page on the last twelve months, said on the page.
            try await client.execute(uri: "/parks/nansha-demo/plan?basis=actuals&version=1", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains("id=\"plan-actuals\"") && response.text.contains("name=\"basis\" value=\"actuals\""))
            }
        }
    }
}
