import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkCore
@testable import ZeroParkServer

/// Provinces are picked by name, not typed as keys (issue #12 defects 5 and 8): the park profile and
/// the offset forms offer the library's provinces; a key the library does not know stays selected.
struct ProvinceChoiceTests {
    @Test func theLibrarysProvincesAreOfferedByName() throws {
        let options = ProvinceChoices.options(selected: "guangdong", chinese: true, allowNone: true)
        let guangdong = try #require(options.first { $0["value"] as? String == "guangdong" })
        #expect(guangdong["selected"] as? Bool == true && (guangdong["label"] as? String)?.hasPrefix("广东") == true)
        #expect(options.first?["value"] as? String == "" && options.first?["selected"] as? Bool == false)
        let provinces = FactorLibrary.builtIn.gridAreas.filter(\.isProvince).count
        #expect(options.count == provinces + 1 && provinces >= 31)
        // An unknown stored key is kept as the selected choice.
        let kept = ProvinceChoices.options(selected: "atlantis", chinese: false, allowNone: false)
        #expect(kept.last?["value"] as? String == "atlantis" && kept.last?["selected"] as? Bool == true)
    }

    @Test func theProfileAndOffsetFormsUseThem() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let admin = WebTests.Session(client: client, cookie: try await WebTests.login(client, "admin", "zeropark-admin"))
            let (_, settings) = try await admin.get("/parks/nansha-demo/settings?year=2025")
            #expect(settings.contains("<select name=\"province\">") && settings.contains("<option value=\"guangdong\" selected>广东"))
            let (_, offsets) = try await admin.get("/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(offsets.contains("<select name=\"project_province\"><option value=\"\" selected>（未注明）</option>"))
            #expect(offsets.contains("name=\"retired\" type=\"date\""))
        }
    }
}
