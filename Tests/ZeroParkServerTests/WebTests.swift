import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// The dashboard as a browser uses it: login, cookies, CSRF-protected forms, tenancy, disclosure.
struct WebTests {
    /// The login form's double-submit token and its cookie.
    static func loginForm(_ client: any TestClientProtocol) async throws -> (token: String, cookie: String) {
        try await client.execute(uri: "/login", method: .get) { response in
            let setCookie = try #require(response.headers[.setCookie])
            let html = response.text
            let range = try #require(html.range(of: "name=\"_login\" value=\""))
            return (String(html[range.upperBound...].prefix(while: { $0 != "\"" })), String(setCookie.split(separator: ";")[0]))
        }
    }

    /// Posts the login form (with its token) and returns the response.
    static func postLogin(_ client: any TestClientProtocol, _ user: String, _ password: String) async throws -> TestResponse {
        let (token, cookie) = try await loginForm(client)
        return try await client.execute(uri: "/login", method: .post,
                                        headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                                        body: body("_login=\(token)&username=\(user)&password=\(password)"))
    }

    /// Logs in and returns the session cookie header value.
    static func login(_ client: any TestClientProtocol, _ user: String, _ password: String) async throws -> String {
        let response = try await postLogin(client, user, password)
        #expect(response.status == .seeOther)
        let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("zp_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Lax"))
        return String(cookie.split(separator: ";")[0])
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix(while: { $0 != "\"" }))
    }

    static func emissions(in html: String) -> String? {
        guard let range = html.range(of: "id=\"kpi-emissions\">") else { return nil }
        return String(html[range.upperBound...].prefix(while: { $0 != "<" }))
    }

    @Test("pages need a login; a wrong password is refused")
    func loginRequired() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/parks", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/login") == true)
            }
            let wrong = try await Self.postLogin(client, "manager", "wrong")
            #expect(wrong.status == .unauthorized)
            #expect(!wrong.headers[values: .setCookie].contains { $0.hasPrefix("zp_session=") })
            // Without the login form's token (login CSRF), even the right password is refused.
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: body("username=manager&password=zeropark-manager")) { response in
                #expect(response.status == .forbidden)
                #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("zp_session=") })
            }
        }
    }

    @Test("after 5 failed logins for a user from one client, the next try must wait (429, Retry-After) even with the right password")
    func loginThrottle() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            for _ in 0..<5 {
                #expect(try await Self.postLogin(client, "viewer", "guess").status == .unauthorized)
            }
            let blocked = try await Self.postLogin(client, "viewer", "zeropark-viewer")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers[.retryAfter] == "1")
            #expect(!blocked.headers[values: .setCookie].contains { $0.hasPrefix("zp_session=") })
            // Other users are not affected.
            _ = try await Self.login(client, "manager", "zeropark-manager")
        }
    }

    @Test("adding an activity value through the form changes the overview total; the form needs its CSRF token")
    func activityForm() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await Self.login(client, "manager", "zeropark-manager")
            let headers: HTTPFields = [.cookie: cookie]
            let before = try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<svg"))
                return Self.emissions(in: response.text)
            }
            #expect(before == "40,851.35")
            let page = try await client.execute(uri: "/parks/nansha-demo/sources/sludge?year=2025", method: .get, headers: headers) { $0.text }
            #expect(page.contains("park.sludge_treatment"))
            #expect(page.contains("E = AD × EF"))
            #expect(!page.contains("数据年份 )"))  // a park factor has no vintage: none is shown
            let grid = try await client.execute(uri: "/parks/nansha-demo/sources/grid-electricity?year=2025", method: .get, headers: headers) { $0.text }
            #expect(grid.contains("(数据年份 2023) = 0.4419 tCO2/MWh"))
            // The counted figure is at the residual mix, the location-based one at the Guangdong average.
            #expect(grid.contains("grid.national_residual = 0.6096 tCO2/MWh"))
            #expect(grid.contains("id=\"line-location-factor\">grid.guangdong = 0.4419 tCO2/MWh"))
            #expect(grid.contains("其余电网电量使用剩余组合因子"))
            #expect(grid.contains("<polyline"))  // the source's monthly trend
            let token = try #require(Self.csrf(in: page))
            var form = headers
            form[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/parks/nansha-demo/sources/sludge/activity", method: .post, headers: form,
                                     body: body("year=2025&month=0&value=1550&data_source=x")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/parks/nansha-demo/sources/sludge/activity", method: .post, headers: form,
                                     body: body("_csrf=\(token)&year=2025&month=0&value=abc")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("id=\"form-error\""))
            }
            try await client.execute(uri: "/parks/nansha-demo/sources/sludge/activity", method: .post, headers: form,
                                     body: body("_csrf=\(token)&year=2025&month=0&value=1550&data_source=%E5%8D%B1%E5%BA%9F%E8%81%94%E5%8D%95")) { response in
                #expect(response.status == .seeOther)
            }
            // 1,550 t instead of 1,450 t at 0.35 tCO2/t: +35 tCO2 → 40,886.35
            let after = try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: headers) { Self.emissions(in: $0.text) }
            #expect(after == "40,886.35")
        }
    }

    @Test("a neutrality verdict only on enough data: a year without source data reads 数据不足 with the gap named; none for a tenant, nor park intensities")
    func honestVerdict() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let manager: HTTPFields = [.cookie: try await Self.login(client, "manager", "zeropark-manager")]
            // 2025: every source has data; net > 0 (emissions 40,851.35 tCO2 exceed sinks and offsets).
            let complete = try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: manager) { $0.text }
            #expect(complete.contains("id=\"balance\">未实现碳中和") && !complete.contains("id=\"verdict-note\""))
            // 2023: no source has data, the greenery sink alone makes net negative, yet no verdict is given.
            let empty = try await client.execute(uri: "/parks/nansha-demo?year=2023", method: .get, headers: manager) { $0.text }
            #expect(empty.contains("id=\"balance\">数据不足，不作判定"))
            #expect(empty.contains("本期没有任何排放源的活动数据") && !empty.contains("已实现碳中和"))
            let english = try await client.execute(uri: "/parks/nansha-demo?year=2023&lang=en", method: .get, headers: manager) { $0.text }
            #expect(english.contains("Insufficient data: no verdict") && !english.contains("Carbon neutral<"))
            // A tenant's overview holds one enterprise's figures: no park verdict.
            let tenant: HTTPFields = [.cookie: try await Self.login(client, "logistics", "zeropark-tenant")]
            let scoped = try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: tenant) { $0.text }
            #expect(scoped.contains("id=\"balance\">企业视图不作园区碳中和判定"))
            #expect(!scoped.contains("未实现碳中和") && !scoped.contains("已实现碳中和"))
            // … and no intensity over the park's area or output, no verdict on the park's 910号 indicator (defect 2).
            #expect(scoped.contains("id=\"intensity-note\"") && scoped.contains("企业视图不作园区指标判定"))
            #expect(!scoped.contains("达到阈值") && !scoped.contains("未达到阈值"))
            #expect(!complete.contains("id=\"intensity-note\""))
        }
    }

    @Test("a tenant cannot open another tenant's source page")
    func tenantPages() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await Self.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/sources/fleet-diesel", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/parks/nansha-demo/sources/water", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .notFound)
                #expect(!response.text.contains("920,000"))
            }
            try await client.execute(uri: "/parks/xihu-creative", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("every main page renders in Chinese and English")
    func pagesRender() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await Self.login(client, "admin", "zeropark-admin")
            for path in ["/parks", "/parks/nansha-demo", "/parks/nansha-demo/sources", "/parks/nansha-demo/sources/grid-electricity",
                         "/parks/nansha-demo/sources/new", "/parks/nansha-demo/sinks-offsets", "/parks/nansha-demo/inventories",
                         "/parks/xihu-creative", "/parks/nansha-demo/settings", "/parks/nansha-demo/sources/water/edit",
                         "/parks/nansha-demo/sinks/green-belt/edit", "/parks/nansha-demo/offsets/ccer-wind/edit"] {
                for lang in ["zh", "en"] {
                    try await client.execute(uri: path + (path.contains("?") ? "&" : "?") + "lang=\(lang)", method: .get, headers: [.cookie: cookie]) { response in
                        #expect(response.status == .ok, "\(path) \(lang)")
                        #expect(response.text.contains(lang == "zh" ? "lang=\"zh-CN\"" : "lang=\"en\""), "\(path) \(lang)")
                    }
                }
            }
        }
    }

    @Test("published parks have a public disclosure page; unpublished ones do not")
    func disclosure() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/public/nansha-demo", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("40,851.35"))
                // The disclosure shows the 910号 indicator with its class and the basis of electricity.
                #expect(response.text.contains("id=\"indicator-value\">3.168"))
                #expect(response.text.contains("年综合能耗低于20万吨标准煤"))
                #expect(response.text.contains("id=\"basis-location\">37,653.44"))
                #expect(response.text.contains("2030 年前实现园区净零排放"))
            }
            try await client.execute(uri: "/public/xihu-creative", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("health, metrics and the OpenAPI document are served")
    func operations() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.text.hasPrefix("openapi: \"3.1.0\""))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("hb_request"))
            }
        }
    }

    /// A logged-in client helper: GET a page, POST a form with the page's CSRF token.
    struct Session {
        let client: any TestClientProtocol
        let cookie: String

        func get(_ uri: String) async throws -> (HTTPResponse.Status, String) {
            try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { ($0.status, $0.text) }
        }

        func post(_ uri: String, form: String, tokenFrom page: String) async throws -> (HTTPResponse.Status, String) {
            let (_, html) = try await get(page)
            let token = WebTests.csrf(in: html) ?? ""
            return try await client.execute(uri: uri, method: .post,
                                            headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                            body: body("_csrf=\(token)&" + form)) { ($0.status, $0.text) }
        }
    }

    @Test("sources, sinks and offsets are edited and deleted through forms")
    func editForms() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let session = Session(client: client, cookie: try await Self.login(client, "manager", "zeropark-manager"))
            // Rename the water source; then an invalid system is refused with an inline error.
            var (status, _) = try await session.post("/parks/nansha-demo/sources/water/edit",
                                                     form: "name=%E8%87%AA%E6%9D%A5%E6%B0%B4&system=water&method=activity_factor&unit=t&factor=park.water_supply&enterprise=property",
                                                     tokenFrom: "/parks/nansha-demo/sources/water/edit")
            #expect(status == .seeOther)
            var (_, page) = try await session.get("/parks/nansha-demo/sources/water")
            #expect(page.contains("<h1>自来水 <small>water</small></h1>"))
            (status, page) = try await session.post("/parks/nansha-demo/sources/water/edit", form: "name=x&system=air&method=activity_factor&unit=t",
                                                    tokenFrom: "/parks/nansha-demo/sources/water/edit")
            #expect(status == .unprocessableContent)
            #expect(page.contains("id=\"form-error\""))
            // Greenery re-measured: 13 ha × 10.5 = 136.5 tCO2 instead of 132.3.
            (status, _) = try await session.post("/parks/nansha-demo/sinks/green-belt/edit?year=2025",
                                                 form: "kind=greenery&name=%E7%BB%BF%E5%9C%B0&area_m2=130000&rate=10.5",
                                                 tokenFrom: "/parks/nansha-demo/sinks/green-belt/edit")
            #expect(status == .seeOther)
            (_, page) = try await session.get("/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(page.contains("136.50"))
            // Deleting the CCER offset: counted offsets fall from 26,400 to 11,400.
            (status, _) = try await session.post("/parks/nansha-demo/offsets/ccer-wind/delete?year=2025", form: "",
                                                 tokenFrom: "/parks/nansha-demo/sinks-offsets")
            #expect(status == .seeOther)
            (_, page) = try await session.get("/parks/nansha-demo?year=2025")
            // net = 40,851.3485 − (136.5 + 820) − 11,400 = 28,494.8485
            #expect(page.contains("id=\"kpi-offsets\">11,400.00"))
            #expect(page.contains("id=\"kpi-net\">28,494.85"))
            (status, _) = try await session.post("/parks/nansha-demo/sources/sludge/delete", form: "", tokenFrom: "/parks/nansha-demo/sources/sludge")
            #expect(status == .seeOther)
            (status, _) = try await session.get("/parks/nansha-demo/sources/sludge")
            #expect(status == .notFound)
        }
    }

    @Test("CSV import through the page is all or nothing and names the bad line")
    func csvImportPage() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let session = Session(client: client, cookie: try await Self.login(client, "manager", "zeropark-manager"))
            let bad = "source%2Cyear%2Cmonth%2Cvalue%0Awater%2C2024%2C0%2C900000%0Asludge%2C2024%2C0%2C-1%0A"
            var (status, page) = try await session.post("/parks/nansha-demo/activity-csv?year=2024", form: "csv=" + bad, tokenFrom: "/parks/nansha-demo/sources")
            #expect(status == .unprocessableContent)
            #expect(page.contains("第 3 行第 4 列"))
            (_, page) = try await session.get("/parks/nansha-demo/sources/water?year=2024")
            #expect(page.contains("955,000.00") && !page.contains("900,000.00"))
            let good = "source%2Cyear%2Cmonth%2Cvalue%0Awater%2C2024%2C0%2C900000%0A"
            (status, _) = try await session.post("/parks/nansha-demo/activity-csv?year=2024", form: "csv=" + good, tokenFrom: "/parks/nansha-demo/sources")
            #expect(status == .seeOther)
            (_, page) = try await session.get("/parks/nansha-demo/sources/water?year=2024")
            #expect(page.contains("900,000.00"))
        }
    }

    @Test("auditors comment on a source; admins publish and grant roles; the audit log shows the changes")
    func settingsAndComments() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let auditor = Session(client: client, cookie: try await Self.login(client, "auditor", "zeropark-auditor"))
            var (status, page) = try await auditor.post("/parks/nansha-demo/comments?target=source:steam&year=2025",
                                                        form: "text=%E8%AF%B7%E6%8F%90%E4%BE%9B%E5%AE%9E%E6%B5%8B%E5%9B%A0%E5%AD%90",
                                                        tokenFrom: "/parks/nansha-demo/sources/steam")
            #expect(status == .seeOther)
            (_, page) = try await auditor.get("/parks/nansha-demo/sources/steam")
            #expect(page.contains("请提供实测因子"))
            #expect(!page.contains("id=\"activity-form\""))  // auditors get no data forms
            (_, page) = try await auditor.get("/parks/nansha-demo/settings")
            #expect(page.contains("审计日志") && !page.contains("成员与角色"))
            let admin = Session(client: client, cookie: try await Self.login(client, "admin", "zeropark-admin"))
            (status, _) = try await admin.post("/parks/nansha-demo/settings/publication", form: "target=x", tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .seeOther)
            (status, _) = try await client.execute(uri: "/public/nansha-demo", method: .get) { ($0.status, "") }
            #expect(status == .notFound)
            // A tenant's enterprise must be one of the park's (issue #6): a made-up one is refused, nothing stored.
            (status, page) = try await admin.post("/parks/nansha-demo/settings/members", form: "username=viewer&role=tenant&enterprise=canteen",
                                                  tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .unprocessableContent)
            #expect(page.contains("不是本园区的企业"))
            (status, _) = try await admin.post("/parks/nansha-demo/settings/members", form: "username=viewer&role=tenant&enterprise=property",
                                               tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .seeOther)
            (_, page) = try await admin.get("/parks/nansha-demo/settings")
            #expect(page.contains("tenant:property"))
            #expect(page.contains("unpublish"))
            #expect(page.contains("<td>授予</td>"))   // the audit log names the action in Chinese (issue #12)
            #expect(page.contains("成员 <code>"))
        }
    }

    @Test("the settings page edits the profile and the park's factors; a factor in use cannot be deleted")
    func profileAndFactors() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let admin = Session(client: client, cookie: try await Self.login(client, "admin", "zeropark-admin"))
            var (status, page) = try await admin.post("/parks/nansha-demo/settings/profile",
                                                      form: "name=%E5%8D%97%E6%B2%99&type=industrial_park&province=guangdong&area_m2=900000&output_value_cny=6.2e9&boundary_evidence=A%0AB",
                                                      tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .seeOther)
            (_, page) = try await admin.get("/parks/nansha-demo?year=2025")
            #expect(page.contains("900,000 m²"))
            // 40,851.3485 tCO2 ÷ 900,000 m² = 45.39 kgCO2/m²
            #expect(page.contains("45.39"))
            (status, page) = try await admin.post("/parks/nansha-demo/settings/profile", form: "name=x&type=industrial_park&area_m2=-1",
                                                  tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .unprocessableContent)
            (status, page) = try await admin.post("/parks/nansha-demo/settings/factors",
                                                  form: "id=park.steam&value=0.095&unit=tCO2%2FGJ&source=%E7%83%AD%E7%94%B5%E5%8E%82%E5%AE%9E%E6%B5%8B",
                                                  tokenFrom: "/parks/nansha-demo/settings")
            // Saved; the restatement it caused is shown: a factor no source uses yet moves nothing.
            #expect(status == .ok)
            #expect(page.contains("id=\"restatement-unchanged\""))
            (_, page) = try await admin.get("/parks/nansha-demo/settings")
            #expect(page.contains("park.steam") && page.contains("热电厂实测"))
            (status, page) = try await admin.post("/parks/nansha-demo/settings/factors/park.sludge_treatment/delete", form: "",
                                                  tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .conflict)
            #expect(page.contains("sludge"))
            (status, page) = try await admin.post("/parks/nansha-demo/settings/factors", form: "id=park.sludge_treatment&value=0.35&unit=tCO2%2FMWh&source=x",
                                                  tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .unprocessableContent)
            #expect(page.contains("unit"))
            // Biogas re-measured: NCV 21 GJ/10^3 Nm3 → biogenic 310 × 21 × 0.014 × 0.98 × 44/12 = 327.4964 tCO2 (reported, not counted).
            (status, _) = try await admin.post("/parks/nansha-demo/settings/fuels",
                                               form: "id=park.biogas&name=%E6%B2%BC%E6%B0%94&ncv=21&ncv_unit=GJ%2F10%5E3+Nm3&cc=14&cc_unit=tC%2FTJ&oxidation=0.98&biogenic=true&source=%E6%A3%80%E6%B5%8B",
                                               tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .seeOther)
            let inventory = try await client.execute(uri: "/api/v1/parks/nansha-demo/inventory?year=2025", method: .get,
                                                     headers: server.auth("admin")) { try $0.json() as? [String: Any] }
            let biogenic = (inventory?["totals"] as? [String: Any])?["biogenic_tco2"] as? Double
            #expect(abs((biogenic ?? 0) - 310 * 21 * 0.014 * 0.98 * 44 / 12) < 1e-6)
            (status, _) = try await admin.post("/parks/nansha-demo/settings/fuels/park.biogas/delete", form: "", tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .conflict)
        }
    }

    @Test("API writes with a browser session need the session's CSRF token in X-CSRF-Token")
    func apiSessionCSRF() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await Self.login(client, "manager", "zeropark-manager")
            let json = #"{"target":"park","text":"ok"}"#
            try await client.execute(uri: "/api/v1/parks/nansha-demo/comments", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/json"], body: body(json)) { response in
                #expect(response.status == .forbidden)
                let error = try response.error()
                #expect(error["code"] as? String == "csrf")
            }
            let page = try await client.execute(uri: "/parks/nansha-demo/sources/water", method: .get, headers: [.cookie: cookie]) { $0.text }
            let token = try #require(Self.csrf(in: page))
            var headers: HTTPFields = [.cookie: cookie, .contentType: "application/json"]
            headers[try #require(HTTPField.Name("X-CSRF-Token"))] = token
            try await client.execute(uri: "/api/v1/parks/nansha-demo/comments", method: .post, headers: headers, body: body(json)) { response in
                #expect(response.status == .created)
            }
            // Reads need no token.
            try await client.execute(uri: "/api/v1/parks", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
        }
    }
}
