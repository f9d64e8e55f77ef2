import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// The overview's charts number in 万 on the Chinese page and in k on the English one (issue #12).
struct ChartLanguageTests {
    @Test func chartNumbersFollowThePageLanguage() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let zh = try await client.execute(uri: "/parks/nansha-demo?year=2025&lang=zh", method: .get, headers: [.cookie: cookie]) { $0.text }
            let en = try await client.execute(uri: "/parks/nansha-demo?year=2025&lang=en", method: .get, headers: [.cookie: cookie]) { $0.text }
            let zhSVG = zh.components(separatedBy: "<svg").dropFirst().joined()
            let enSVG = en.components(separatedBy: "<svg").dropFirst().joined()
            #expect(zhSVG.contains("万"))
            #expect(!zhSVG.contains("k</text>"))
            #expect(enSVG.contains("k</text>"))
            #expect(!enSVG.contains("万"))
        }
    }
}
