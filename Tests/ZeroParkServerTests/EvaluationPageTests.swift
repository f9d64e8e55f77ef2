import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// `/parks/{park}/evaluations` and `/verify/{id}` over HTTP (issue #11): auditors open evaluations from
/// the page, the park's other readers see the list without the form, tenants are refused, a wrong form
/// is answered on the page in Chinese, and the online check answers anyone, also for an unknown id.
struct EvaluationPageTests {
    @Test func auditorsOpenManagersReadTenantsAreRefused() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "/parks/xihu-creative/evaluations", method: .get, headers: [.cookie: manager]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("id=\"evaluations-none\"") && !response.text.contains("id=\"evaluation-open\""))
                #expect(response.text.contains("id=\"nav-evaluation\""))
            }
            let auditor = try await WebTests.login(client, "auditor", "zeropark-auditor")
            let page = try await client.execute(uri: "/parks/xihu-creative/evaluations", method: .get, headers: [.cookie: auditor]) { response in
                #expect(response.text.contains("id=\"evaluation-open\""))
                return response.text
            }
            let token = try #require(WebTests.csrf(in: page))
            let form: HTTPFields = [.cookie: auditor, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/parks/xihu-creative/evaluations", method: .post, headers: form,
                                     body: body("_csrf=\(token)&evaluator=A&operation_start=2023-13-01&basis=last_year")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("id=\"evaluation-error\"") && response.text.contains("日期须为 YYYY-MM-DD"))
            }
            let location = try await client.execute(uri: "/parks/xihu-creative/evaluations", method: .post, headers: form,
                                                    body: body("_csrf=\(token)&evaluator=A&operation_start=2023-01-01&basis=last_year")) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            #expect(location == "/parks/xihu-creative/evaluations/1")
            try await client.execute(uri: location, method: .get, headers: [.cookie: auditor]) { response in
                #expect(response.text.contains("id=\"evaluation-form\"") && response.text.contains("id=\"snapshot-2025\""))
                #expect(response.text.contains("待评价人完成核查项") && !response.text.contains("id=\"decide-form\""))
            }
            try await client.execute(uri: location, method: .get, headers: [.cookie: manager]) { response in
                #expect(response.status == .ok && !response.text.contains("id=\"evaluation-form\""))
            }
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/evaluations", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/parks/xihu-creative/evaluations/1", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .notFound) }
        }
    }

    @Test func theOnlineCheckAnswersAnyoneAndSaysWhenItKnowsNoSuchCertificate() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/verify/urn:uuid:00000000-0000-0000-0000-000000000000", method: .get) { response in
                #expect(response.status == .notFound && response.text.contains("id=\"verify-unknown\"") && response.text.contains("平台上没有这张证书"))
            }
            try await client.execute(uri: "/verify/revoked.txt", method: .get) { response in
                #expect(response.status == .ok && response.text.isEmpty)
            }
            try await client.execute(uri: "/verify/x/certificate.json", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/verify/keys/ed25519-00.pub", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
