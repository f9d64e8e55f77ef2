import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkStore
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

    @Test func hostileInputOnTheEvaluationAndVerifyPagesIsRefusedAndStoresNothing() async throws {
        let server = try await TestServer.make()
        let admin = try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["admin"] ?? "")))
        try await server.run { client in
            let auditor = WebTests.Session(client: client, cookie: try await WebTests.login(client, "auditor", "zeropark-auditor"))
            let long = String(repeating: "长", count: 2_001)
            var (status, page) = try await auditor.post("/parks/xihu-creative/evaluations",
                                                        form: "evaluator=\(long)&operation_start=2023-01-01&operation_evidence=\(long)",
                                                        tokenFrom: "/parks/xihu-creative/evaluations")
            #expect(status == .unprocessableContent && page.contains("至多 2000 个字符"))
            #expect(try await server.store.evaluations(parkKey: "xihu-creative", caller: admin).isEmpty)
            // A tenant is no evaluator: refused, nothing stored.
            let tenant = WebTests.Session(client: client, cookie: try await WebTests.login(client, "logistics", "zeropark-tenant"))
            (status, _) = try await tenant.post("/parks/nansha-demo/evaluations", form: "evaluator=x&operation_start=2023-01-01",
                                                tokenFrom: "/parks/nansha-demo/sources")
            #expect(status == .forbidden)
            #expect(try await server.store.evaluations(parkKey: "nansha-demo", caller: admin).isEmpty)
            // A submitted evaluation: the auditor cannot decide it, and its state stays.
            (status, _) = try await auditor.post("/parks/xihu-creative/evaluations", form: "evaluator=A&operation_start=2023-01-01",
                                                 tokenFrom: "/parks/xihu-creative/evaluations")
            #expect(status == .seeOther)
            (status, _) = try await auditor.post("/parks/xihu-creative/evaluations/1",
                                                 form: "action=submit&evaluator=A&operation_start=2023-01-01&basis=last_year&compliance_passed=true&compliance_evidence=e&catalogue_passed=true&catalogue_evidence=e",
                                                 tokenFrom: "/parks/xihu-creative/evaluations/1")
            #expect(status == .seeOther)
            (status, _) = try await auditor.post("/parks/xihu-creative/evaluations/1/decide", form: "valid_until=", tokenFrom: "/parks/xihu-creative/evaluations/1")
            #expect(status == .forbidden)
            #expect(try await server.store.evaluation(parkKey: "xihu-creative", id: 1, caller: admin).state == .submitted)
            // Ids out of range or too long: not found, never a crash.
            for uri in ["/parks/xihu-creative/evaluations/99999999999999999999", "/parks/xihu-creative/evaluations/-1",
                        "/parks/xihu-creative/inventories/abc/report", "/parks/xihu-creative/inventories/0/report.xlsx"] {
                (status, _) = try await auditor.get(uri)
                #expect(status == .notFound, "\(uri)")
            }
            try await client.execute(uri: "/verify/" + String(repeating: "x", count: 5_000), method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/verify/%00%ff/certificate.json", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
