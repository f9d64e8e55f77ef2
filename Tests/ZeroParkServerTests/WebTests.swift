import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// The dashboard as a browser uses it: login, cookies, CSRF-protected forms, tenancy, disclosure.
struct WebTests {
    /// Logs in and returns the session cookie header value.
    static func login(_ client: any TestClientProtocol, _ user: String, _ password: String) async throws -> String {
        try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                 body: body("username=\(user)&password=\(password)")) { response in
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            return String(cookie.split(separator: ";")[0])
        }
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
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: body("username=manager&password=wrong")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
            }
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
            #expect(before == "32,350.64")
            let page = try await client.execute(uri: "/parks/nansha-demo/sources/sludge?year=2025", method: .get, headers: headers) { $0.text }
            #expect(page.contains("park.sludge_treatment"))
            #expect(page.contains("E = AD × EF"))
            #expect(!page.contains("数据年份 )"))  // a park factor has no vintage: none is shown
            let grid = try await client.execute(uri: "/parks/nansha-demo/sources/grid-electricity?year=2025", method: .get, headers: headers) { $0.text }
            #expect(grid.contains("(数据年份 2023) = 0.4419 tCO2/MWh"))
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
            // 1,550 t instead of 1,450 t at 0.35 tCO2/t: +35 tCO2 → 32,385.64
            let after = try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: headers) { Self.emissions(in: $0.text) }
            #expect(after == "32,385.64")
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
                #expect(response.status == .forbidden)
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
                         "/parks/xihu-creative"] {
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
                #expect(response.text.contains("32,350.64"))
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
                #expect(response.text.hasPrefix("openapi: 3.1.0"))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("hb_request"))
            }
        }
    }
}
