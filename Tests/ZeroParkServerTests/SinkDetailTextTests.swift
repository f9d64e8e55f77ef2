import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// A greenery sink's rate on the sinks page in the reader's unit words (issue #12 defect 5: `tCO2/ha/yr`
/// where a Chinese reader expects tCO2/(公顷·年)); the form's province label names no code.
struct SinkDetailTextTests {
    @Test func theRateReadsInThePagesUnitWords() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let zh = try await client.execute(uri: "/parks/nansha-demo/sinks-offsets?year=2025", method: .get, headers: [.cookie: cookie]) { $0.text }
            // The demo's green belt: 126,000 m² at 10.5 tCO2/ha/yr.
            #expect(zh.contains("126,000 m² × 10.5 tCO2/(公顷·年)") && !zh.contains("tCO2/ha/yr"))
            #expect(zh.contains("项目所在省份") && !zh.contains("guangdong）"))
            let en = try await client.execute(uri: "/parks/nansha-demo/sinks-offsets?year=2025&lang=en", method: .get, headers: [.cookie: cookie]) { $0.text }
            #expect(en.contains("126,000 m² × 10.5 tCO2/ha/yr"))
        }
    }
}

/// A source's scope in the reader's words (issue #12 defect 4: scope labels in English on Chinese pages).
struct ScopeTextTests {
    @Test func scopesReadAsChineseReadersNameThem() async throws {
        #expect(ParkPages.scopeText(2, chinese: true) == "（范围二）" && ParkPages.scopeText(1, chinese: false) == " (scope 1)")
        #expect(ParkPages.scopeText(0, chinese: true).isEmpty && ParkPages.scopeText(4, chinese: false).isEmpty)
        let server = try await TestServer.make()
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/sources/grid-electricity?year=2025", method: .get, headers: [.cookie: cookie]) { $0.text }
            #expect(page.contains("（范围二）") && !page.contains("(scope 2)"))
        }
    }
}
