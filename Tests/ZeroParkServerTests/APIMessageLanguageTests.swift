import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// The API's own refusals are written "中文 / English" and answered in the caller's language
/// (Accept-Language; Chinese without one), and the web forms show the page's half (issue #12 defect 4).
struct APIMessageLanguageTests {
    @Test func aRefusedSinkIsExplainedInTheCallersLanguage() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            // A query parameter that is not a number (checked before any body): the caller's half.
            for (language, expected) in [(nil, "?year=：须为数字"), ("en", "?year=: must be a number"), ("zh-CN", "?year=：须为数字")] {
                var headers: HTTPFields = [:]
                if let language { headers[.acceptLanguage] = language }
                try await client.execute(uri: "/api/v1/parks/nansha-demo/inventory?year=abc", method: .get, headers: server.auth("manager", headers)) { response in
                    #expect(response.status == .badRequest)
                    let error = try response.error()
                    #expect(error["message"] as? String == expected && error["field"] as? String == "year", "\(language ?? "none"): \(error)")
                }
            }
            // A body the schema refuses: the message and every detail in the caller's language.
            let sink = #"{"id":"wall","name":"立体绿化","kind":"greenery","source":"测试"}"#
            for (language, first, detail) in [(nil, "第 1 行第 1 列：area_m2 是必填项", "是必填项"), ("en", "line 1, column 1: area_m2 is required", "is required")] {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let language { headers[.acceptLanguage] = language }
                try await client.execute(uri: "/api/v1/parks/nansha-demo/sinks", method: .post, headers: server.auth("manager", headers), body: body(sink)) { response in
                    #expect(response.status == .unprocessableContent)
                    let error = try response.error()
                    let details = try #require(error["details"] as? [[String: Any]])
                    #expect(error["message"] as? String == first && details.count == 2, "\(language ?? "none"): \(error)")
                    #expect(details.allSatisfy { $0["message"] as? String == detail }, "\(language ?? "none"): \(details)")
                }
            }
            // The web form: the page's half, never both.
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/sinks-offsets?year=2025", method: .get, headers: [.cookie: cookie]) { $0.text }
            let token = try #require(WebTests.csrf(in: page))
            let form = "_csrf=\(token)&id=wall&name=%E7%AB%8B%E4%BD%93&kind=greenery&source=x"
            for (lang, expected, absent) in [("zh", "area_m2: 绿地碳汇须填写面积（≥ 0 m²）和固碳速率", "greenery needs"),
                                              ("en", "area_m2: greenery needs area_m2 ≥ 0 and rate", "绿地碳汇")] {
                try await client.execute(uri: "/parks/nansha-demo/sinks?year=2025&lang=\(lang)", method: .post,
                                         headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: body(form)) { response in
                    #expect(response.status == .unprocessableContent)
                    let html = response.text
                    #expect(html.contains(expected.replacingOccurrences(of: "≥", with: "≥")) && !html.contains(absent), "\(lang)")
                }
            }
        }
    }
}
