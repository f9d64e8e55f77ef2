import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkCore
import ZeroParkStore
@testable import ZeroParkServer

/// Store refusals in the reader's language (issue #12 defect 4): messages are kept "中文 / English" and
/// each page and API answer shows the half for its language — alert rules, webhooks and park members here.
struct StoreMessageLanguageTests {
    @Test func bilingualRefusalsAreSplitByLanguage() {
        let error = StoreError.invalid(field: "to_hour", message: "夜间时段不能为空（起止小时相同） / the night window must not be empty")
        #expect(error.message(chinese: true) == "to_hour：夜间时段不能为空（起止小时相同）")
        #expect(error.message(chinese: false) == "to_hour: the night window must not be empty")
        // A message with no Chinese half is generic in Chinese, as it is in English.
        #expect(StoreError.invalid(field: "x", message: "bad").message(chinese: true) == "x：输入的值不被接受，请检查后重试")
        #expect(StoreError.conflict("计量表 m 下有分表 / meter m has sub-meters").message(chinese: false) == "meter m has sub-meters")
        // A slash inside an English-only text is not a split.
        #expect(StoreError.pick("a / b", chinese: true) == "a / b")
    }

    @Test func alertRuleAndWebhookFormsAnswerInTheirLanguage() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let admin = WebTests.Session(client: client, cookie: try await WebTests.login(client, "admin", "zeropark-admin"))
            var (status, page) = try await admin.post("/parks/nansha-demo/alert-rules", form: "key=night&meter=grid-main&kind=night_baseline&threshold=10&from_hour=3&to_hour=3",
                                                      tokenFrom: "/parks/nansha-demo/alerts")
            #expect(status == .unprocessableContent && page.contains("夜间时段不能为空") && !page.contains("night window"))
            (status, page) = try await admin.post("/parks/nansha-demo/alert-rules?lang=en", form: "key=night&meter=grid-main&kind=night_baseline&threshold=10&from_hour=3&to_hour=3",
                                                  tokenFrom: "/parks/nansha-demo/alerts")
            #expect(status == .unprocessableContent && page.contains("the night window must not be empty") && !page.contains("夜间时段"))
            (status, page) = try await admin.post("/parks/nansha-demo/alert-webhook", form: "url=ftp%3A%2F%2Fexample.com%2Fhook", tokenFrom: "/parks/nansha-demo/alerts")
            #expect(status == .unprocessableContent && page.contains("只接受 http 与 https"))
            (status, page) = try await admin.post("/parks/nansha-demo/alert-rules", form: "key=x&meter=nope&kind=above&threshold=1",
                                                  tokenFrom: "/parks/nansha-demo/alerts")
            #expect(status == .unprocessableContent && page.contains("没有计量表 nope"))
        }
        // The API gives the half for Accept-Language.
        try await server.run { client in
            let body = #"{"key":"night","meter":"grid-main","kind":"night_baseline","threshold":10,"from_hour":3,"to_hour":3}"#
            for (language, expected) in [("zh-CN", "夜间时段不能为空（起止小时相同）"), ("en", "the night window must not be empty")] {
                try await client.execute(uri: "/api/v1/parks/nansha-demo/alert-rules", method: .post,
                                         headers: server.auth("admin", [.contentType: "application/json", .acceptLanguage: language]),
                                         body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .unprocessableContent)
                    let message = try response.error()["message"] as? String
                    #expect(message == expected, "\(language)")
                }
            }
        }
    }
}

/// The accounting engine's refusal of a source form, on a Chinese page (issue #12 defect 4).
struct ParkIssueTextTests {
    @Test func aSourceFormWithAnUnknownFactorIsRefusedInChinese() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let manager = WebTests.Session(client: client, cookie: try await WebTests.login(client, "manager", "zeropark-manager"))
            let form = "key=new-grid&name=x&system=energy&method=activity_factor&factor=park.water_suply&unit=t"
            var (status, page) = try await manager.post("/parks/nansha-demo/sources", form: form, tokenFrom: "/parks/nansha-demo/sources/new")
            #expect(status == .unprocessableContent)
            #expect(page.contains("factor：因子库和园区因子中没有这个因子：“park.water_suply”（是否应为 park.water_supply？）"))
            // The refusal itself: Chinese only, no English "详情" sentence (issue #12 defect 4).
            let refusal = try #require(Self.formError(page))
            #expect(!refusal.contains("详情") && !Self.hasEnglishSentence(refusal), "\(refusal)")
            #expect(refusal.contains("factors"))
            (status, page) = try await manager.post("/parks/nansha-demo/sources?lang=en", form: form, tokenFrom: "/parks/nansha-demo/sources/new")
            #expect(status == .unprocessableContent && page.contains("factor: unknown factor") && !page.contains("因子库和园区因子中没有"))
            let english = try #require(Self.formError(page))
            #expect(english.contains("(did you mean park.water_supply?)") && !english.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        }
    }

    @Test func theIssuesOwnChineseMessageWithoutEnglishDetail() {
        let error = ParkInputError(issues: [
            ParkIssue(code: "unknown_fuel", field: "sources[boiler].fuel", message: "unknown fuel \"natral_gas\" (did you mean natural_gas?): define it",
                      zh: "没有这种燃料：“natral_gas”（是否应为 natural_gas？）", location: nil),
            ParkIssue(code: "unit_mismatch", field: "sources[boiler].activity.unit", message: "activity in MWh cannot be used with factor x",
                      zh: "活动数据单位 MWh 不能与因子 x 相乘", location: SourceLocation(line: 3, column: 5)),
        ])
        #expect(ParkIssueText.message(error, chinese: true) == "fuel：没有这种燃料：“natral_gas”（是否应为 natural_gas？）；activity.unit：活动数据单位 MWh 不能与因子 x 相乘")
        #expect(ParkIssueText.message(error, chinese: false)
                == "fuel: unknown fuel \"natral_gas\" (did you mean natural_gas?): define it; activity.unit: activity in MWh cannot be used with factor x")
    }

    @Test func theAPIGivesTheParksProblemsInItsLanguage() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let source = #"{"key":"water","name":"市政自来水","system":"water","method":"activity_factor","factor":"park.water_supplies","enterprise":"property","unit":"t"}"#
            for language in ["zh-CN", "en"] {
                try await client.execute(uri: "/api/v1/parks/nansha-demo/sources/water", method: .put,
                                         headers: server.auth("manager", [.contentType: "application/json", .acceptLanguage: language]),
                                         body: ByteBuffer(string: source)) { response in
                    #expect(response.status == .unprocessableContent)
                    let error = try response.error()
                    let message = try #require(error["message"] as? String)
                    let detail = try #require((error["details"] as? [[String: Any]])?.first?["message"] as? String)
                    #expect(error["code"] as? String == "unknown_factor")
                    if language == "en" {
                        #expect(message.contains("unknown factor \"park.water_supplies\"") && detail.hasPrefix("unknown factor"))
                    } else {
                        #expect(message.contains("因子库和园区因子中没有这个因子：“park.water_supplies”") && !Self.hasEnglishSentence(message), "\(message)")
                        #expect(detail.hasPrefix("因子库和园区因子中没有这个因子") && !Self.hasEnglishSentence(detail))
                    }
                }
            }
        }
    }

    /// The text of the page's `#form-error`, if any.
    static func formError(_ page: String) -> String? {
        guard let start = page.range(of: #"id="form-error">"#), let end = page[start.upperBound...].range(of: "</") else { return nil }
        return String(page[start.upperBound..<end.lowerBound])
    }

    /// Four or more English words in a row (scripts/zp_sweep.py's test for an untranslated sentence).
    static func hasEnglishSentence(_ text: String) -> Bool {
        guard let regex = try? Regex(#"[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){3,}"#) else { return true }
        return text.contains(regex)
    }
}
