import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// `/account` (issue #12): every user changes their own password; the current one is checked first; other
/// sessions end; the old password no longer signs in.
struct AccountPageTests {
    static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    @Test func aUserChangesTheirPassword() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let other = try await WebTests.login(client, "auditor", "zeropark-auditor")
            let cookie = try await WebTests.login(client, "auditor", "zeropark-auditor")
            let page = try await client.execute(uri: "/account", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"account-username\">auditor") && response.text.contains("修改密码"))
                return response.text
            }
            let token = try #require(WebTests.csrf(in: page))
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            func post(_ current: String, _ new: String, _ confirm: String) async throws -> TestResponse {
                try await client.execute(uri: "/account/password", method: .post, headers: form,
                                         body: body("_csrf=\(token)&current_password=\(Self.encoded(current))&new_password=\(Self.encoded(new))&confirm_password=\(Self.encoded(confirm))"))
            }
            var response = try await post("wrong-password", "a-new-secret-1", "a-new-secret-1")
            #expect(response.status == .unprocessableContent && response.text.contains("当前密码不正确"))
            response = try await post("zeropark-auditor", "short", "short")
            #expect(response.status == .unprocessableContent && response.text.contains("8 至 256"))
            response = try await post("zeropark-auditor", "a-new-secret-1", "a-new-secret-2")
            #expect(response.status == .unprocessableContent && response.text.contains("不一致"))
            response = try await post("zeropark-auditor", "a-new-secret-1", "a-new-secret-1")
            #expect(response.status == .ok && response.text.contains("id=\"account-message\""))
            // This session goes on; the other one has ended; the old password no longer signs in, the new one does.
            try await client.execute(uri: "/parks", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            try await client.execute(uri: "/parks", method: .get, headers: [.cookie: other]) { #expect($0.status != .ok) }
            #expect(try await WebTests.postLogin(client, "auditor", "zeropark-auditor").status == .unauthorized)
            #expect(try await WebTests.postLogin(client, "auditor", "a-new-secret-1").status == .seeOther)
        }
    }

    @Test func withoutALoginTheFormIsNotShownAndTheChangeIsRefused() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/account", method: .get) { #expect($0.status != .ok) }
            try await client.execute(uri: "/account/password", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: body("current_password=x&new_password=yyyyyyyy&confirm_password=yyyyyyyy")) { #expect($0.status != .ok) }
        }
    }
}

/// Removing members (issue #12): park admins take a role away over the API and on the settings page; the
/// removed user no longer sees the park; the park's last admin stays.
struct MemberRemovalTests {
    static let park = "/api/v1/parks/nansha-demo"

    @Test func adminsRemoveMembersButNotTheLastAdmin() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(Self.park)", method: .get, headers: server.auth("auditor")) { #expect($0.status == .ok) }
            try await client.execute(uri: "\(Self.park)/members/auditor", method: .delete, headers: server.auth("manager")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "\(Self.park)/members/auditor", method: .delete, headers: server.auth("admin")) { response in
                #expect(response.status == .ok)
                let members = try #require(try response.json() as? [[String: Any]])
                #expect(!members.contains { $0["username"] as? String == "auditor" })
            }
            // The removed user no longer sees the park at all.
            try await client.execute(uri: "\(Self.park)", method: .get, headers: server.auth("auditor")) { #expect($0.status == .notFound) }
            try await client.execute(uri: "\(Self.park)/members/auditor", method: .delete, headers: server.auth("admin")) { #expect($0.status == .notFound) }
            // The park's only admin member stays (the demo's park admin is the system administrator; make viewer one).
            try await client.execute(uri: "\(Self.park)/members/viewer", method: .put, headers: server.auth("admin", [.contentType: "application/json"]),
                                     body: body(#"{"role":"admin"}"#)) { #expect($0.status == .ok) }
            let last = "viewer"
            try await client.execute(uri: "\(Self.park)/members/\(last)", method: .delete, headers: server.auth("admin")) { #expect($0.status == .conflict) }
            // On the settings page, in Chinese.
            let cookie = try await WebTests.login(client, "admin", "zeropark-admin")
            let page = try await client.execute(uri: "/parks/nansha-demo/settings", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.text.contains("id=\"remove-logistics\""))
                return response.text
            }
            let token = try #require(WebTests.csrf(in: page))
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/parks/nansha-demo/settings/members/logistics/remove", method: .post, headers: form,
                                     body: body("_csrf=\(token)")) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/parks/nansha-demo/settings/members/\(last)/remove", method: .post, headers: form,
                                     body: body("_csrf=\(token)")) { response in
                #expect(response.status == .conflict && response.text.contains("唯一的管理员"))
            }
        }
    }
}

/// Issue #12 defect 10 and "Chinese throughout": a refused page says why in the page's language.
struct RefusedPageLanguageTests {
    @Test func anUnpublishedParkAnswersInChinese() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/public/xihu-creative", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("没有找到所请求的内容") && !response.text.contains("not found: published park"))
            }
            try await client.execute(uri: "/public/xihu-creative?lang=en", method: .get) { response in
                #expect(response.text.contains("not found: published park xihu-creative"))
            }
        }
    }

    @Test func theCatalogueKeepsChineseMessagesAndReplacesEnglishOnes() {
        #expect(WebErrorText.message(.forbidden("只有园区管理员和经理可以声明试运行期"), chinese: true) == "只有园区管理员和经理可以声明试运行期")
        #expect(WebErrorText.message(.forbidden("your role cannot change meters"), chinese: true) == "您的角色无权执行此操作。")
        #expect(WebErrorText.message(.invalid(field: "interval_minutes", message: "must be 5, 15, 30 or 60, got 7"), chinese: true)
            .hasPrefix("interval_minutes：输入的值不被接受"))
        #expect(WebErrorText.message(.invalid(field: "x", message: "must be a number"), chinese: false) == "x: must be a number")
    }
}
